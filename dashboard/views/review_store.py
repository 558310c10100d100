"""The Review page's queue when the app is started with a candidate store (an archive scanned
with ``python -m extract scan ... --store``): paged, sorted, filtered and searched in SQLite
(full-text over titles and quotes), so that 200,000 candidates are no heavier than 100. Accept
writes the event into the timeline file; reject marks it in the store (never proposed again).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import state
from dashboard.figures import type_words
from dashboard.labels import counted
from dashboard.text import highlighted_quote, md_escape
from extract.timeline import visible
from extract.timeline.store import ORDERS, Candidate, Store, StoreError

PAGE_SIZE = 10
ORDER_WORDS = {"newest": "Newest sources first", "confidence": "Lowest confidence first",
               "corroborated": "Most corroborated first"}
K_TEXT, K_TYPES, K_CONF, K_ORDER, K_PAGE = ("store_text", "store_types", "store_confidence",
                                            "store_order", "store_page")


def _candidate(db: Store, c: Candidate, name: str, timeline: Path, store: Path) -> None:
    event = db.event(c.id)
    with st.container(border=True):
        st.subheader(md_escape(c.title), anchor=False)
        bits = [md_escape(c.date), md_escape(type_words(c.type)),
                md_escape(visible(c.publisher or c.source_id))]
        if c.published:
            bits.append(f"published {md_escape(c.published)}")
        if c.confidence is not None:
            bits.append(f"confidence **{c.confidence:.2f}**")
        bits.append(counted(c.evidence_count, "quote"))
        st.markdown(" · ".join(bits))
        for ev in event.evidence:
            st.markdown("> " + highlighted_quote(ev.quote, ev.date_text))
        row = st.container(horizontal=True)
        for action in ("accept", "reject"):
            if row.button(action.capitalize(), key=f"st_{c.id}_{action}",
                          type="primary" if action == "accept" else "secondary",
                          disabled=not name):
                outcome = state.decide_stored(timeline, store, c.id, action)
                if outcome.problems:
                    st.error(md_escape("Not saved: " + "; ".join(outcome.problems)))
                    return
                for note in outcome.skipped:
                    state.flash("warning", "Not applied: " + note + ".")
                if outcome.written:
                    verb = "Accepted" if action == "accept" else "Rejected"
                    where = ("Saved to the timeline file." if action == "accept"
                             else "Marked in the store: a re-scan will not propose it again.")
                    state.flash("success", f"{verb} “{c.title}”, as {name}. {where}")
                st.rerun()


def _first_page() -> None:
    """Another filter, search or order starts again at page 1."""
    st.session_state.pop(K_PAGE, None)


def render(timeline: Path, store: Path, name: str) -> None:
    try:
        db = state.open_store(store)
    except StoreError as exc:
        st.error(md_escape(str(exc)))
        return
    with db:
        ss = st.session_state
        c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
        c1.text_input("Search titles and quotes", key=K_TEXT, placeholder="e.g. Harop",
                      help="Every word must occur (the last may be the start of a word).",
                      on_change=_first_page)
        c2.multiselect("Types", db.types(), key=K_TYPES, format_func=type_words,
                       placeholder="All types", on_change=_first_page)
        c3.selectbox("Order", list(ORDERS), key=K_ORDER, format_func=ORDER_WORDS.get,
                     on_change=_first_page)
        c4.slider("Minimum confidence", 0.0, 1.0, 0.0, 0.05, key=K_CONF, on_change=_first_page)
        query = dict(search=str(ss.get(K_TEXT) or ""), types=tuple(ss.get(K_TYPES) or ()),
                     min_confidence=float(ss.get(K_CONF) or 0.0))
        total = db.count(**query)
        st.markdown(f"**{counted(total, 'candidate')}** in {md_escape(store.name)}"
                    + (" match" if any(query.values()) else " to review") + ".")
        if not total:
            st.info("No candidates match." if any(query.values()) else
                    "No candidates to review in the store.")
            return
        pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
        page_no = 1
        if pages > 1:
            page_no = int(st.number_input(f"Page (of {pages:,})", 1, pages, 1, key=K_PAGE))
        for c in db.page(**query, order=str(ss.get(K_ORDER) or "newest"),
                         offset=(page_no - 1) * PAGE_SIZE, limit=PAGE_SIZE):
            _candidate(db, c, name, timeline, store)

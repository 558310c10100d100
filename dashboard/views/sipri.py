"""SIPRI page: the SIPRI Arms Transfers Database register beside the timeline.

The register given with ``--sipri FILE`` (or ``$ARMS_SIPRI``) reconciled with the events of the
current view (``extract.timeline.reconcile``): the deals both hold, those where they differ
(order year, delivery years, numbers: both sides with their sources), those only SIPRI lists,
and those only the timeline has. Each event is one click from its card.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from dashboard import state
from dashboard.labels import counted
from dashboard.text import md_escape
from dashboard.views import card
from extract.timeline.reconcile import sipri_words

SECTIONS = (("differs", "Differ"), ("matched", "Match"), ("only_in_sipri", "Only in SIPRI"),
            ("only_in_timeline", "Only in the timeline"))


def _open_card(event_id: str) -> None:
    st.session_state[state.K_EVENT] = event_id


def _item(item: dict[str, Any], kind: str, n: int, titles: dict[str, str]) -> None:
    head = f"{item['supplier']} → {item['recipient']} · {item['system']}"
    if item.get("sipri_id"):
        head += f" (SIPRI deal {item['sipri_id']})"
    with st.container(border=True):
        st.markdown(f"**{md_escape(head)}**")
        if item.get("sipri"):
            st.markdown(md_escape(sipri_words(item["sipri"]))
                        + f" · {md_escape(item['sipri']['source'])}")
        tl = item["timeline"]
        if item["events"]:
            years = ", ".join(str(y) for y in tl["order_years"]) or "-"
            st.markdown(md_escape(f"Timeline: ordered {years}; delivered "
                                  + (", ".join(str(y) for y in tl["delivery_years"]) or "-")
                                  + f" · sources: {'; '.join(tl['sources']) or '-'}"))
        for d in item["differs"]:
            st.markdown(md_escape(f"Differs, {d['field']}: SIPRI {d['sipri']} "
                                  f"({d['sipri_source']}); the timeline {d['timeline']} "
                                  f"({'; '.join(d['timeline_sources'])})"))
        if item.get("note"):
            st.caption(md_escape(item["note"]))
        for eid in item["events"]:
            st.button(titles.get(eid, eid), key=f"sipri_{kind}_{n}_{eid}", type="tertiary",
                      on_click=_open_card, args=(eid,), help="Open its card")


def render(view: state.View) -> None:
    st.title("SIPRI", anchor=False)
    register = state.sipri_path()
    if register is None:
        st.info("No SIPRI register is given. Start the dashboard with a trade-register export "
                "of the SIPRI Arms Transfers Database: `arms-timeline --sipri "
                "trade-register.csv` (or set ARMS_SIPRI); `python -m extract sipri` reads the "
                "same files on the command line.")
        return
    result = state.reconciliation(register, Path(view.path), frozenset(view.shown["id"]))
    if isinstance(result, str):
        st.error(md_escape(result))
        return
    st.caption(md_escape(
        f"{register.name} against the {counted(len(view.shown), 'event')} in view: deals by "
        "supplier, recipient and weapon system (the gazetteers' aliases: Barak-MX is "
        "Barak-8), order years within one year."))
    titles = dict(zip(view.frames.events["id"], view.frames.events["title"], strict=False))
    counts = {kind: len(getattr(result, kind)) for kind, _w in SECTIONS}
    left, right = st.columns([3, 2])
    with left:
        tabs = st.tabs([f"{words} ({counts[kind]})" for kind, words in SECTIONS])
        for tab, (kind, _words) in zip(tabs, SECTIONS, strict=True):
            with tab:
                items = getattr(result, kind)
                if not items:
                    st.info("None.")
                for n, item in enumerate(items):
                    _item(item, kind, n, titles)
    with right:
        selected = state.current_filters(view.frames).event
        row = view.frames.event(selected) if selected else None
        if row is None:
            st.info("Click an event under a deal to see its card and its sources.")
        else:
            card.render(row, view.frames, history=state.event_history(Path(view.path),
                                                                      selected))


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

"""The event card: everything about one event, and every source behind it.

All text from the file goes through ``md_escape``; links only for http(s) addresses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.audit import Record
from dashboard.figures import type_words
from dashboard.frame import Frames, record
from dashboard.labels import claim_words, counted, flags_of
from dashboard.present import dispute_parts
from dashboard.provenance import corroboration_markdown, reference_lines, source_link
from dashboard.text import highlighted_quote, md_escape


def dispute_lines(disputes: tuple[dict[str, Any], ...], shown: str) -> list[str]:
    """One Markdown line per disputed field: the heading in bold, text from the file escaped."""
    return [f"**{heading}** {body}"
            for heading, body in dispute_parts(disputes, shown, escape=md_escape)]


def _list(values: tuple[str, ...]) -> str:
    return ", ".join(md_escape(v) for v in values) if values else "—"


def history_lines(records: Sequence[Record], event_id: str) -> list[str]:
    """One Markdown line per decision on the event, newest first: when, who, what, and what
    changed (text from the log escaped)."""
    out = []
    for rec in reversed(records):
        when = rec.at.replace("T", " ").replace("Z", " UTC")
        who = f"{rec.name} ({rec.email})" if rec.name and rec.email else (rec.by or "unknown")
        changes = "; ".join(c.words() for c in rec.changes.get(event_id, ()))
        out.append(f"{md_escape(when)} · **{md_escape(who)}** · {md_escape(rec.message)}"
                   + (f" — {md_escape(changes)}" if changes else ""))
    return out


def render(row: pd.Series, frames: Frames, *, in_view: bool = True,
           history: Sequence[Record] = ()) -> None:
    """Draw the card for one row of the events frame; ``history``: the decisions on it."""
    rec: dict[str, Any] = record(row)
    sources = frames.sources_by_id
    with st.container(border=True, key="event_card"):
        st.subheader(md_escape(row["title"]), anchor=False)
        st.markdown(
            f"**{md_escape(row['label'])}** · {md_escape(row['precision_words'])} · "
            f"{md_escape(type_words(row['type']))} · status: {md_escape(row['status'])}"
        )
        if not in_view:
            st.info("This event is outside the current filters; it is not on the chart.")
        # the disagreements get their own lines below, with what each source says
        for flag in flags_of(row["status"], row["unverified"], disputed=False):
            show = {"candidate": st.info, "rejected": st.error}.get(flag.kind, st.warning)
            show(f"**{flag.label}.** {flag.detail}")
        for line in dispute_lines(row["disputes"], row["label"]):
            st.warning(line)
        facts = [
            ("Actors", _list(row["actors"])),
            ("People", _list(row["people"])),
            ("Systems", _list(row["systems"])),
        ]
        if rec.get("supplier") or rec.get("recipient"):
            facts.append(("Transfer", f"{md_escape(rec.get('supplier') or '?')} → "
                                      f"{md_escape(rec.get('recipient') or '?')}"))
        if row["value_label"]:
            written = rec.get("value", {}).get("text")
            facts.append(("Value", md_escape(row["value_label"])
                          + (f" (“{md_escape(written)}”)" if written else "")))
        st.markdown("  \n".join(f"**{k}:** {v}" for k, v in facts))
        if row["summary"]:
            st.markdown(md_escape(row["summary"]))
        st.markdown(corroboration_markdown(row["status"], row["corroborating"],
                                           row["publishers"], row["disagreeing"]))
        st.markdown(f"##### Evidence ({len(rec['evidence'])})")
        for i, ev in enumerate(rec["evidence"]):
            src = sources.loc[ev["source"]] if ev["source"] in sources.index else None
            with st.container(border=True, key=f"evidence_{i}"):
                st.markdown("> " + highlighted_quote(ev["quote"], ev.get("date_text")))
                bits = []
                if src is not None:
                    bits.append(f"**{md_escape(src['publisher'])}**")
                    if src["published_label"]:
                        bits.append("published " + md_escape(src["published_label"]))
                    link = source_link(src["title"], src["url"])
                    if link:
                        bits.append(link)
                else:
                    bits.append(md_escape(ev["source"]) + " (source not listed)")
                if ev.get("date_text"):
                    bits.append("date words: “" + md_escape(ev["date_text"]) + "”")
                st.markdown(" · ".join(bits))
                claims = ev.get("claims") or {}
                said = claim_words(claims, rec)
                if said:
                    st.caption("This source says: " + md_escape(said))
        if row["references"]:
            st.markdown(f"##### Further sources ({len(row['references'])})")
            st.caption("Sources that establish this event's date or facts beyond the quotes.")
            by_id = {sid: sources.loc[sid] for sid in row["references"] if sid in sources.index}
            st.markdown("\n".join(f"- {line}" for line in reference_lines(row["references"],
                                                                        by_id)))
        if row["notes"]:
            st.markdown("##### Curator notes")
            st.markdown(md_escape(row["notes"]))
        review = [rec.get("reviewed_by"), rec.get("reviewed_at")]
        if any(review):
            st.caption("Reviewed " + md_escape(" ".join(v for v in review if v)))
        if history:
            with st.expander(f"History ({counted(len(history), 'decision')})"):
                st.markdown("\n".join(f"- {line}" for line in history_lines(history,
                                                                             row["id"])))
        st.caption("Event id: " + md_escape(row["id"]))

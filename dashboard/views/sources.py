"""Sources page: every source with publisher, date, link and the events it supports."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.text import safe_url


def render(view: state.View) -> None:
    frames = view.frames
    only_shown = st.toggle("Only sources of the events shown", key="sources_only_shown")
    events = frames.events.set_index("id", drop=False)
    shown_ids = set(view.shown["id"])
    rows = []
    for s in frames.sources.itertuples(index=False):
        supported = [e for e in s.events if e in events.index]
        if only_shown:
            supported = [e for e in supported if e in shown_ids]
            if not supported:
                continue
        rows.append({
            "publisher": s.publisher,
            "title": s.title,
            "published": s.published_label,
            "link": safe_url(s.url) or None,
            "events": [f"{events.at[e, 'label']} · {events.at[e, 'title']}" for e in supported],
            "n_events": len(supported),
            "author": s.author,
            "id": s.id,
        })
    st.caption(f"{len(rows)} sources · publication dates as given (a year, a month or a day)")
    st.dataframe(
        pd.DataFrame(rows, columns=["publisher", "title", "published", "link", "events",
                                    "n_events", "author", "id"]),
        hide_index=True, key="sources_table",
        column_config={
            "link": st.column_config.LinkColumn("link", display_text="open ↗"),
            "events": st.column_config.ListColumn("events it supports"),
            "n_events": st.column_config.NumberColumn("events"),
        },
    )


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

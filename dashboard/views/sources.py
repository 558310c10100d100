"""Sources page: every source with publisher, date, link, identity and the events it supports
(by a quote, or as a further source in an event's ``references``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.labels import counted
from dashboard.provenance import source_rows

COLUMNS = ["publisher", "title", "published", "link", "events", "n_events", "page_says",
           "digest", "notes", "author", "id"]


def render(view: state.View) -> None:
    frames = view.frames
    only_shown = st.toggle("Only sources of the events shown", key="sources_only_shown")
    rows = source_rows(frames, set(view.shown["id"]) if only_shown else None)
    st.caption(f"{counted(len(rows), 'source')} · publication dates as given (a year, a month "
               "or a day) · 'the page says' is what a saved page claims of itself, not checked · "
               "digest: what identifies the article's text")
    st.dataframe(
        pd.DataFrame(rows, columns=COLUMNS),
        hide_index=True, key="sources_table",
        column_config={
            "link": st.column_config.LinkColumn("link", display_text="open ↗"),
            "events": st.column_config.ListColumn("events it supports"),
            "n_events": st.column_config.NumberColumn("events"),
            "page_says": st.column_config.TextColumn("the page says", width="medium"),
            "digest": st.column_config.TextColumn("digest (short)", width="medium"),
            "notes": st.column_config.TextColumn("notes", width="medium"),
        },
    )


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

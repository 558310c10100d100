"""Table page: the filtered events, sortable, with CSV and JSON downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.export import table_rows, to_csv, to_json
from dashboard.filters import filters_to_query
from dashboard.labels import counted, type_words


def render(view: state.View) -> None:
    shown = view.shown
    st.caption(f"{counted(len(shown), 'event')} · click a column header to sort · 'date' is as the "
               "sources give it (2016, 2020-11, 2023-05-30), so it sorts by time.")
    frame = pd.DataFrame(table_rows(shown))
    if not frame.empty:
        for col in ("actors", "people", "systems", "publishers"):
            frame[col] = frame[col].map(lambda v: ", ".join(v))
        # words for people ('combat use'); the CSV keeps the contract's 'combat_use'
        frame["type"] = frame["type"].map(type_words)
    st.dataframe(
        frame, hide_index=True, key="events_table",
        column_order=["date", "date_label", "type", "title", "actors", "systems", "supplier",
                      "recipient", "value", "n_sources", "publishers", "sources_disagree",
                      "unverified", "status", "id"],
        column_config={
            "date": st.column_config.TextColumn("date"),
            "date_label": st.column_config.TextColumn("date (words)"),
            "n_sources": st.column_config.NumberColumn("sources"),
            "sources_disagree": st.column_config.CheckboxColumn("sources disagree"),
            "unverified": st.column_config.CheckboxColumn("unverified"),
        },
    )
    buttons = st.container(horizontal=True)
    stem = f"arms-timeline-{len(shown)}-events"
    buttons.download_button("Download CSV", to_csv(shown, view.frames.sources),
                            file_name=f"{stem}.csv", mime="text/csv", key="download_csv",
                            on_click="ignore")
    buttons.download_button(
        "Download JSON",
        to_json(shown, view.frames.sources, view=filters_to_query(view.filters)),
        file_name=f"{stem}.json", mime="application/json", key="download_json",
        on_click="ignore")


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

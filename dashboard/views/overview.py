"""Overview page: events per year by type, weapon systems, and the statistics."""

from __future__ import annotations

import streamlit as st

from dashboard import state
from dashboard.figures import events_per_year_figure, statistics_figure, systems_figure


def render(view: state.View) -> None:
    shown = view.shown
    cols = st.columns(5)
    cols[0].metric("Events shown", len(shown))
    cols[1].metric("Publishers", len({p for ps in shown["publishers"] for p in ps}))
    cols[2].metric("Multi-publisher", int((shown["n_publishers"] > 1).sum()))
    cols[3].metric("Sources disagree", int(shown["disputed"].sum()))
    cols[4].metric("Unverified", int(shown["unverified"].sum()))
    if shown.empty:
        st.info("No events match the filters.")
        return
    left, right = st.columns(2)
    with left:
        st.plotly_chart(events_per_year_figure(shown), key="overview_years",
                        config={"displaylogo": False})
        st.caption("Each event counts once, in the year of its (start) date.")
    with right:
        st.plotly_chart(systems_figure(shown), key="overview_systems",
                        config={"displaylogo": False})
    stats = shown[shown["type"] == "statistic"]
    if stats.empty:
        st.caption("No statistics (type 'statistic') among the events shown.")
    else:
        st.plotly_chart(statistics_figure(shown), key="overview_statistics",
                        config={"displaylogo": False})


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

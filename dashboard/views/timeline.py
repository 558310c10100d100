"""Timeline page: the chart (click a mark to select it) and the selected event's card."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.figures import TimelineOptions, timeline_figure
from dashboard.filters import LANE_MODES
from dashboard.views import card

MAX_PICK_OPTIONS = 5000  # a select box with more entries is no use to anyone
LANE_WORDS = {"type": "Type", "actor": "Actor", "system": "Weapon system"}  # lanes by ...


def render(view: state.View) -> None:
    shown, total = view.shown, len(view.frames.events)
    f = state.current_filters(view.frames)
    window = None
    if f.start or f.end:
        window = (f.start or view.bounds[0], f.end or view.bounds[1])
    fig = timeline_figure(shown, options=TimelineOptions(
        lanes=f.lanes, selected=f.event, window=window))
    chart, side = st.columns([3, 2], gap="medium")
    with chart:
        top = st.container(horizontal=True, vertical_alignment="center")
        top.radio("Lanes by", LANE_MODES, key=state.K_LANES, horizontal=True,
                  format_func=LANE_WORDS.get)
        top.caption(f"{len(shown)} of {total} events shown · click a mark to open its card")
        _chart(fig)
    with side:
        _card(view, shown)


def _chart(fig: object) -> None:
    picked = st.plotly_chart(
        fig, key=state.K_CHART, on_select="rerun", selection_mode="points",
        config={"displaylogo": False, "scrollZoom": False,
                "modeBarButtonsToRemove": ["select2d", "lasso2d"]},
    )
    if state.take_chart_pick(picked):
        st.rerun()
    st.caption(
        "Filled mark: known to the day. Hollow mark on a hatched band: known only to the month "
        "or year, or approximate: the band is every day it could fall on. Bars are periods. "
        "Drag to pan; zoom with the + / − and zoom-box buttons at the chart's top right; "
        "double-click to reset. The time window in the sidebar goes into the link."
    )


def _card(view: state.View, shown: pd.DataFrame) -> None:
    ids = shown["id"].tolist()[:MAX_PICK_OPTIONS]
    selected = st.session_state.get(state.K_EVENT)
    if selected and selected not in ids:
        ids = [selected, *ids]
    by_id = view.frames.events.set_index("id", drop=False)
    st.selectbox(
        "Event", ids, key=state.K_EVENT, index=None, placeholder="Pick an event, or click a mark",
        format_func=lambda i: f"{by_id.at[i, 'label']} · {by_id.at[i, 'title']}",
    )
    if selected and selected in by_id.index:
        card.render(by_id.loc[selected], view.frames, in_view=selected in set(shown["id"]))
    elif not shown.empty:
        st.info("Click a mark on the chart or pick an event to see its sources.")
    else:
        st.info("No events match the filters. Widen the window or press Reset filters.")


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

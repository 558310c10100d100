"""Timeline page: the chart (click a mark to select it) and the selected event's card.

Each event's short title and date stand beside its mark (``dashboard.timeline_chart``). A box
dragged across the chart (Box Select, at its top right) zooms the time window to that stretch,
and the buttons under it zoom in and out, pan and reset: the window is the sidebar's, so a zoom
is in the link and survives a reload (the chart itself never zooms in the browser, where a
reload would lose it).

With more marks than ``DETAIL_LIMIT`` the chart shows counts per lane and calendar cell
instead (``density_figure``); clicking a cell, or dragging a box, zooms the time window there,
and the marks come back once the window holds few enough events. A toggle draws every mark
anyway.

The chart and the card are one fragment: a click on a mark, a pick in the event box or a
change of lanes reruns only them (not the sidebar, the loading and the filtering), and a click
leaves the figure as it is whenever it is big, so the browser does not redraw it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import state
from dashboard.figures import (
    DETAIL_LIMIT,
    TimelineOptions,
    density_figure,
    marks_wanted,
    timeline_figure,
)
from dashboard.filters import LANE_MODES
from dashboard.labels import counted
from dashboard.marks import NO_LANE
from dashboard.views import card

# the event box lists the events in view when they are few enough to draw as marks; more
# entries are no use to anyone and make every rerun heavier (they are sent each time)
MAX_PICK_OPTIONS = DETAIL_LIMIT
CHART_AND_CARD = [5, 2]  # the chart's width beside the card
CHART_CONFIG = {"displaylogo": False, "scrollZoom": False, "doubleClick": False,
                "modeBarButtonsToRemove": ["lasso2d", "zoom2d", "pan2d", "zoomIn2d",
                                           "zoomOut2d", "autoScale2d", "resetScale2d"]}
LANE_WORDS = {"type": "Type", "actor": "Actor", "system": "Weapon system",
              "pair": "Supplier → recipient"}  # lanes by ...
_FIGURE = "_timeline_figure"


def render(view: state.View) -> None:
    _timeline(view)


@st.fragment
def _timeline(view: state.View) -> None:
    # a click reruns this fragment: take it before the figure is built, so that one run shows it;
    # a box dragged across the chart is a zoom (the time window, in the link)
    picked = st.session_state.get(state.chart_key())
    zoom = state.take_zoom(picked)
    if zoom is not None:
        state.zoom_to(zoom)
        st.rerun()  # the whole app: the sidebar's window slider shows the new window
    state.take_chart_pick(picked)
    missing = state.missing_event()
    if missing:
        st.warning(f"The link asks for the event '{missing}', which this timeline does not "
                   "hold: it may have been removed or renamed since the link was copied. "
                   "Showing the rest of the view.")
    shown, total = view.shown, len(view.frames.events)
    f = state.current_filters(view.frames)
    window = None
    if f.start or f.end:
        window = (f.start or view.bounds[0], f.end or view.bounds[1])
    options = TimelineOptions(lanes=f.lanes, selected=f.event, window=window,
                              briefing=frozenset(view.frames.briefing),
                              expand_unnamed=bool(st.session_state.get(state.K_EXPAND)))
    marks = marks_wanted(shown, f.lanes)
    counts = marks > DETAIL_LIMIT and not st.session_state.get(state.K_ALL_MARKS)
    if counts:
        zoom = state.take_zoom(st.session_state.get(state.density_key()))
        if zoom is not None:
            state.zoom_to(zoom)
            st.rerun()  # the whole app: the sidebar's window slider shows the new window
        fig = state.remembered(_FIGURE, (view.frames, shown, f.without_selection(), "counts"),
                               lambda: density_figure(shown, options=options,
                                                      bounds=view.bounds))
    else:
        # the selection only changes small figures (a ring, a bold label); a big one is kept
        # as it is (a click would resend it whole)
        points_at = f.event if len(shown) < options.gl_threshold else None
        drawn = replace(options, selected=points_at)
        fig = state.remembered(
            _FIGURE, (view.frames, shown, f.without_selection(), points_at, drawn),
            lambda: state.shared(view.frames, "timeline", (f.without_selection(), drawn),
                                 lambda: timeline_figure(shown, options=drawn)))
    chart, side = st.columns(CHART_AND_CARD, gap="medium")
    with chart:
        top = st.container(horizontal=True, vertical_alignment="center")
        top.radio("Lanes by", LANE_MODES, key=state.K_LANES, horizontal=True,
                  format_func=LANE_WORDS.get)
        top.caption(f"{len(shown):,} of {counted(total, 'event')} shown · "
                    + ("click a cell to zoom in" if counts else "click a mark to open its card"))
        if counts:
            _counts_chart(fig, len(shown))
        else:
            _chart(fig)
            _zoom_buttons(view, window)
            if f.lanes != "type":
                st.toggle(f"Label the lane {NO_LANE[f.lanes]}", key=state.K_EXPAND,
                          help="Its events are drawn but not labelled unless you ask: they "
                               "are often many, and name no one in particular.")
        if marks > DETAIL_LIMIT:
            st.toggle("Draw every mark (slow with many events)", key=state.K_ALL_MARKS)
    with side:
        _card(view, shown, counts)
    state.sync_url(view.frames)  # a fragment rerun does not reach the router's sync


def _chart(fig: object) -> None:
    st.plotly_chart(
        fig, key=state.chart_key(), on_select="rerun", selection_mode=("points", "box"),
        config=CHART_CONFIG,
    )
    st.caption(
        "Filled mark: known to the day. Hollow mark on a pale (hatched) band: known only to "
        "the month or year, or approximate: the band is every day it could fall on. Bars are "
        "periods. To zoom, pick Box Select at the chart's top right and drag across a stretch "
        "of time, or use the buttons; the zoom is the sidebar's time window, and goes into "
        "the link."
    )


def _zoom_buttons(view: state.View, window: tuple[dt.date, dt.date] | None) -> None:
    """Zoom out, pan and reset the time window (the link keeps it)."""
    lo, hi = view.bounds
    first, last = window or (lo, hi)
    width = (last - first).days + 1
    row = st.container(horizontal=True)
    quarter = dt.timedelta(days=width // 4)
    moves = {
        "Zoom in": (first + quarter, max(first + quarter, last - quarter)),
        "← Earlier": (first - dt.timedelta(days=width // 2), last - dt.timedelta(days=width // 2)),
        "Later →": (first + dt.timedelta(days=width // 2), last + dt.timedelta(days=width // 2)),
        "Zoom out": (first - dt.timedelta(days=width // 2), last + dt.timedelta(days=width // 2)),
        "Whole timeline": (lo, hi),
    }
    for words, (a, b) in moves.items():
        a, b = _clamp(a, b, lo, hi)
        if row.button(words, key=f"zoom_{words}", disabled=(a, b) == (first, last)):
            state.zoom_to((a, b))
            st.rerun()


def _clamp(a: dt.date, b: dt.date, lo: dt.date, hi: dt.date) -> tuple[dt.date, dt.date]:
    """``a``..``b`` moved (keeping its length) and cut to lie within ``lo``..``hi``."""
    if a < lo:
        b, a = b + (lo - a), lo
    if b > hi:
        a, b = a - (b - hi), hi
    return max(a, lo), min(b, hi)


def _counts_chart(fig: go.Figure, n: int) -> None:
    st.plotly_chart(
        fig, key=state.density_key(), on_select="rerun", selection_mode=("points", "box"),
        config={"displaylogo": False, "scrollZoom": False,
                "modeBarButtonsToRemove": ["lasso2d"]},
    )
    unit_words = fig.data[0].meta["unit"] if fig.data else "period"
    st.caption(
        f"{counted(n, 'event')} are too many to draw one by one, so each cell counts the events "
        "of its "
        f"lane in one {unit_words}: the deeper the colour, the more events dated within it "
        "(the number). Hatched pale cells hold only events that may fall there: dated to a "
        "longer period, approximate, or spanning several cells (the hover counts them). "
        "Click a cell to zoom the time window to it (or pick Box Select at the chart's top "
        "right and drag across a stretch of time); each event is drawn once "
        f"the window holds at most {counted(DETAIL_LIMIT, 'mark')}. Reset filters to zoom out."
    )


def _card(view: state.View, shown: pd.DataFrame, counts: bool = False) -> None:
    listed = len(shown) <= MAX_PICK_OPTIONS
    ids = shown["id"].tolist() if listed else []
    selected = st.session_state.get(state.K_EVENT)
    if selected and selected not in ids:
        ids = [selected, *ids]
    labels = view.frames.pick_labels
    st.selectbox(
        "Event", ids, key=state.K_EVENT, index=None,
        placeholder="Pick an event, or click a mark" if listed else
        f"{counted(len(shown), 'event')} in view: zoom in, filter or search to list them",
        format_func=lambda i: labels.get(i, i),
        help=None if listed else f"The box lists the events in view once they are at most "
                                 f"{MAX_PICK_OPTIONS:,}.",
    )
    row = view.frames.event(selected) if selected else None
    if row is not None:
        card.render(row, view.frames, in_view=bool((shown["id"] == selected).any()),
                    history=state.event_history(Path(view.path), selected))
    elif not shown.empty and counts and not listed:
        st.info("Click a cell of the chart to zoom in until each event is a mark you can "
                "click; or narrow the view with the filters or the search until the Event box "
                "lists its events.")
    elif not shown.empty and counts:
        st.info("Pick an event to see its sources, or click a cell of the chart to zoom in "
                "until each event is a mark you can click.")
    elif not shown.empty:
        st.info("Click a mark on the chart or pick an event to see its sources.")
    else:
        st.info("No events match the filters. Widen the window or press Reset filters.")


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

"""Plotly figures from the events frame (pure: data in, ``go.Figure`` out; no Streamlit).

Honest precision on the timeline:

* an event known to the day is a filled marker at that day;
* an event known only to the month or year, or marked approximate, is a *hollow* marker in the
  middle of a hatched band spanning every day it could fall on;
* a period (``end``) is a bar from its first to its last day, with a marker at its midpoint so
  that it can be clicked like a point (the marker carries the event id in ``customdata``).

Few traces whatever the size: per event type at most two marker traces (filled and hollow),
one trace for exact periods and one for imprecise bands. Once the marks are many (``gl_threshold``)
everything is WebGL: marks are ``Scattergl`` and periods and bands are thick ``Scattergl`` lines
(one per type and role, segments split by gaps) instead of thousands of SVG bars. Mark
positions go out as epoch milliseconds (float64, which Plotly sends as a compact typed array).
All text that came from the file is HTML-escaped, because Plotly reads tags such as ``<b>`` and
``<a>`` in labels.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.labels import _short, esc, type_words
from dashboard.marks import (
    DAY,
    DRAWN,
    TYPE_COLOURS,
    TYPE_SYMBOLS,
    TimelineOptions,
    epoch_ms,
    lane_order,
    lanes_of,
)
from extract.timeline import EVENT_TYPES


def _imprecise(rows: pd.DataFrame) -> pd.Series:
    return (rows["precision"] != "day") | rows["approximate"]


def _bar_trace(rows: pd.DataFrame, event_type: str, *, hatched: bool) -> go.Bar:
    colour = TYPE_COLOURS[event_type]
    span_ms = ((rows["stop"] + DAY) - rows["start"]).dt.total_seconds() * 1000
    marker: dict[str, object] = {"color": colour, "line": {"width": 1, "color": colour}}
    if hatched:
        marker["opacity"] = 0.35
        marker["pattern"] = {"shape": "/", "fgcolor": colour, "solidity": 0.3}
    else:
        marker["opacity"] = 0.6
    return go.Bar(
        name=type_words(event_type),
        legendgroup=event_type,
        showlegend=False,
        orientation="h",
        y=rows["lane"].to_numpy(dtype=object),
        base=rows["start"].dt.strftime("%Y-%m-%d").to_numpy(dtype=object),
        x=span_ms.to_numpy(),
        width=0.45 if hatched else 0.3,
        marker=marker,
        customdata=rows["id"].to_numpy(dtype=object),
        hovertext=rows["hover"].to_numpy(dtype=object),
        hovertemplate="%{hovertext}<extra></extra>",
        meta={"role": "band" if hatched else "period", "type": event_type},
    )


def _span_lines(rows: pd.DataFrame, event_type: str, *, hatched: bool) -> go.Scattergl:
    """Periods or bands of one type as one WebGL line trace: a thick segment per event from
    its first day to the end of its last, segments separated by gaps (NaN / None).

    Not hoverable or clickable (the mark at each midpoint is); bands are wider and paler than
    exact periods so that an uncertain span never looks like a known one.
    """
    colour = TYPE_COLOURS[event_type]
    n = len(rows)
    x = np.full(3 * n, np.nan)
    x[0::3] = epoch_ms(rows["start"])
    x[1::3] = epoch_ms(rows["stop"] + DAY)
    lanes = rows["lane"].to_numpy(dtype=object)
    y = np.full(3 * n, None, dtype=object)
    y[0::3] = lanes
    y[1::3] = lanes
    return go.Scattergl(
        name=type_words(event_type),
        legendgroup=event_type,
        showlegend=False,
        mode="lines",
        x=x,
        y=y,
        connectgaps=False,
        line={"color": colour, "width": 16 if hatched else 8},
        opacity=0.3 if hatched else 0.6,
        hoverinfo="skip",
        meta={"role": "band" if hatched else "period", "type": event_type},
    )


def _marks_trace(rows: pd.DataFrame, event_type: str, *, hollow: bool, legend: bool,
                 show_labels: bool, use_gl: bool) -> go.Scatter | go.Scattergl:
    """One mark per row at its midpoint; hollow when the date is imprecise or approximate.

    Arrays go in as numpy arrays: Plotly validates Python lists item by item, which is what
    makes big figures slow.
    """
    colour = TYPE_COLOURS[event_type]
    scatter = go.Scattergl if use_gl else go.Scatter
    return scatter(
        name=type_words(event_type),
        legendgroup=event_type,
        showlegend=legend,
        mode="markers+text" if show_labels else "markers",
        x=epoch_ms(rows["mid"]),
        y=rows["lane"].to_numpy(dtype=object),
        customdata=rows["id"].to_numpy(dtype=object),
        text=rows["label"].map(esc).to_numpy(dtype=object) if show_labels else None,
        textposition="top center",
        textfont={"size": 11, "color": "#333333"},
        hovertext=rows["hover_short" if use_gl else "hover"].to_numpy(dtype=object),
        hovertemplate="%{hovertext}<extra>%{fullData.name}</extra>" if use_gl
        else "%{hovertext}<extra></extra>",
        marker={
            "symbol": TYPE_SYMBOLS[event_type] + ("-open" if hollow else ""),
            "size": 13,
            "color": colour,
            # hollow marks are drawn by their outline; filled ones get a dark rim so that the
            # light colours (yellow) stay visible on white
            "line": {"width": 2 if hollow else 1, "color": colour if hollow else "#222222"},
        },
        meta={"role": "marks", "type": event_type, "hollow": hollow},
    )


def _add_timeline_traces(fig: go.Figure, rows: pd.DataFrame, *, show_labels: bool,
                         use_gl: bool) -> None:
    """Per event type: its exact periods, its imprecise bands, its filled and hollow marks."""
    for event_type in EVENT_TYPES:
        of_type = rows[rows["type"] == event_type] if not rows.empty else rows
        if of_type.empty:
            continue
        imprecise = _imprecise(of_type)
        spans = of_type["stop"] > of_type["start"]
        exact_periods = of_type[spans & ~imprecise]
        bands = of_type[spans & imprecise]
        spans_trace = _span_lines if use_gl else _bar_trace
        if not exact_periods.empty:
            fig.add_trace(spans_trace(exact_periods, event_type, hatched=False))
        if not bands.empty:
            fig.add_trace(spans_trace(bands, event_type, hatched=True))
        in_legend = True
        for hollow in (False, True):
            group = of_type[imprecise == hollow]
            if not group.empty:
                fig.add_trace(_marks_trace(group, event_type, hollow=hollow, legend=in_legend,
                                           show_labels=show_labels, use_gl=use_gl))
                in_legend = False


def _timeline_axes(fig: go.Figure, rows: pd.DataFrame, lanes: list[str],
                   opts: TimelineOptions) -> None:
    """Lanes on the y axis (names from the file made inert), dates on the x axis, over the
    window or the events' span with a margin."""
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=[esc(lane) for lane in reversed(lanes)] if opts.lanes != "type"
        else list(reversed(lanes)),
        showgrid=True, gridcolor="#e5e5e5", automargin=True, fixedrange=True,
    )
    if opts.lanes != "type":
        for trace in fig.data:
            # names from the file: inert (None: the gap between two line segments)
            trace.y = np.array([None if lane is None else esc(lane) for lane in trace.y],
                               dtype=object)
    fig.update_xaxes(
        type="date", showgrid=True, gridcolor="#eeeeee",
        hoverformat="%Y",  # never a made-up day if an axis label is ever shown on hover
    )
    if opts.window:
        first, last = opts.window
        fig.update_xaxes(range=[first.isoformat(), (last + dt.timedelta(days=1)).isoformat()])
    elif not rows.empty:
        lo, hi = rows["start"].min(), rows["stop"].max() + DAY
        pad = max((hi - lo) * 0.04, pd.Timedelta(days=20))
        fig.update_xaxes(range=[(lo - pad).isoformat(), (hi + 2 * pad).isoformat()])


def _point_at_selected(fig: go.Figure, rows: pd.DataFrame, opts: TimelineOptions) -> None:
    """A labelled arrow at each mark of the selected event."""
    chosen = rows[rows["id"] == opts.selected]
    x_range = fig.layout.xaxis.range
    middle = (pd.Timestamp(x_range[0]) + (pd.Timestamp(x_range[1]) - pd.Timestamp(x_range[0]))
              / 2) if x_range else None
    for _, row in chosen.iterrows():
        lane = row["lane"] if opts.lanes == "type" else esc(row["lane"])
        # the label grows away from the nearer edge so that it is never cut off
        anchor = "right" if middle is not None and row["mid"] > middle else "left"
        fig.add_annotation(
            x=row["mid"].strftime("%Y-%m-%dT%H:%M:%S"), y=lane,
            text=f"{esc(_short(row['title'], 48))} · {esc(row['label'])}",
            xanchor=anchor, showarrow=True, arrowhead=2, arrowwidth=2, ax=0, ay=-34,
            bgcolor="#ffffff", bordercolor="#222222", borderwidth=1,
            font={"size": 12, "color": "#222222"},
        )


def timeline_figure(events: pd.DataFrame, *, options: TimelineOptions | None = None) -> go.Figure:
    """The timeline of ``events`` (a frame from :mod:`dashboard.frame`, already filtered).

    Returns a figure whose marker traces hold exactly one mark per (event, lane), with the
    event id as ``customdata``; ``meta`` on each trace says what it draws ('marks', 'period',
    'band') and for which type.
    """
    opts = options or TimelineOptions()
    # only the columns drawn: every per-type slice below copies what it keeps
    events = events[[c for c in DRAWN if c in events.columns]]
    rows = lanes_of(events, opts.lanes) if not events.empty else events.assign(lane=[])
    lanes = lane_order(rows, opts.lanes) if not rows.empty else []
    # date labels beside marks only while they cannot pile up; hover and card always have them
    show_labels = opts.show_labels if opts.show_labels is not None else len(rows) <= 12
    use_gl = len(rows) >= opts.gl_threshold
    fig = go.Figure()
    _add_timeline_traces(fig, rows, show_labels=show_labels, use_gl=use_gl)
    fig.update_layout(
        barmode="overlay",
        height=opts.height or max(300, 130 + 42 * max(len(lanes), 1)),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        hovermode="closest",
        clickmode="event+select",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0,
                "title": {"text": "type"}},
        plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff",
        font={"color": "#222222"},
        uirevision="timeline",
    )
    _timeline_axes(fig, rows, lanes, opts)
    # a pointer at the selected event on small figures only: on a big one it would make every
    # click resend and redraw the whole figure; the card and the click's highlight show it
    if opts.selected is not None and not rows.empty and not use_gl:
        _point_at_selected(fig, rows, opts)
    if rows.empty:
        fig.add_annotation(text="No events match the filters", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5)
    return fig

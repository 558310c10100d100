"""The timeline figure (pure: data in, ``go.Figure`` out; no Streamlit).

Honest precision:

* an event known to the day is a filled marker at that day;
* an event known only to the month or year, or marked approximate, is a *hollow* marker in the
  middle of a hatched band spanning every day it could fall on;
* a period (``end``) is a bar from its first to its last day, with a marker at its midpoint so
  that it can be clicked like a point (the marker carries the event id in ``customdata``).

Readable without hovering: each lane is cut into rows (:mod:`dashboard.placement`), and each
event gets a row of its own wherever its mark, bar or label would touch another's: its short
title and its date as written stand beside its mark (above its bar), never over another label
or mark; marks at the same date are dodged into rows, so each can be hovered and clicked.
Periods overlapping in time are separate bars. When a lane has more events than rows for their
labels, the most important are labelled and the lane's name says how many are not ("+3
unlabelled"). The lane of events with nothing named (by actor, system or pair) is collapsed:
its marks are dodged but not labelled, unless ``expand_unnamed``.

Few traces whatever the size: per event type at most two marker traces (filled and hollow),
one for exact periods, one for imprecise bands, and the labels in two text traces. Once the
marks are many (``gl_threshold``) everything is WebGL: marks are ``Scattergl`` and periods and
bands thick ``Scattergl`` lines. Mark positions go out as epoch milliseconds (float64, which
Plotly sends as a compact typed array). All text that came from the file is HTML-escaped,
because Plotly reads tags such as ``<b>`` and ``<a>`` in labels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.labels import _short, esc, type_words
from dashboard.marks import (
    CHANGE_KINDS,
    DAY,
    DRAWN,
    NO_LANE,
    TYPE_COLOURS,
    TYPE_SYMBOLS,
    TimelineOptions,
    epoch_ms,
    lane_order,
    lanes_of,
)
from dashboard.placement import DESIGN_PLOT_PX, Item, Layout, layout
from dashboard.theme import LIGHT, hover_label
from extract.timeline import EVENT_TYPES

LABEL_LIMIT = 300  # titles beside marks while the marks are at most this many
ROW_PX = 36  # one row of a lane: a label above a bar, or a mark and its label
LANE_GAP = 0.4  # rows of space between two lanes
TOP_PX, BOTTOM_PX = 40, 100  # the date axis above (seen first on a tall chart), the legend below
SPAN_DY, SPAN_TEXT_DY = 0.25, -0.25  # a bar sits low in its row, its label above it
TITLE_CHARS = 44


@dataclass(frozen=True)
class Grid:
    """The lanes' vertical places, in rows: lane ``i`` starts at ``tops[i]``."""

    lanes: list[str]
    tops: dict[str, float]
    total: float
    placed: Layout
    bars: np.ndarray  # per item, whether it is laid out as a bar (mark low, label above)

    def y(self, lane: str, key: int) -> float:
        """The centre of the row of item ``key`` in ``lane``."""
        return self.tops[lane] + self.placed.places[key].row + 0.5

    def centre(self, lane: str) -> float:
        return self.tops[lane] + self.placed.rows[lane] / 2


def label_of(title: str, date_words: str, chars: int = TITLE_CHARS) -> str:
    """An event's label: its short title and its date as written (plain text)."""
    return f"{_short(' '.join(str(title).split()), chars)} · {date_words}"


def label_forms(title: str, date_words: str) -> tuple[str, ...]:
    """The label, then shorter forms for tight places (the date is never cut)."""
    return (label_of(title, date_words), label_of(title, date_words, 22),
            label_of(title, date_words, 12))


def importance(rows: pd.DataFrame, briefing: frozenset[str]) -> list[tuple[object, ...]]:
    """Per row, its place in the queue for a label: accepted first, then the briefing's, then
    the most corroborated (publishers, then sources)."""
    n = len(rows)
    status = rows["status"] if "status" in rows else pd.Series(["accepted"] * n)
    pubs = rows["n_publishers"] if "n_publishers" in rows else pd.Series([0] * n)
    srcs = rows["n_sources"] if "n_sources" in rows else pd.Series([0] * n)
    return [(s != "accepted", i not in briefing, -int(p), -int(c))
            for s, i, p, c in zip(status, rows["id"], pubs, srcs, strict=True)]


def _iso(t: pd.Timestamp) -> str:
    """A range end as Plotly reads it: the day alone at midnight."""
    text = t.isoformat()
    return text.removesuffix("T00:00:00")


def _x_range(rows: pd.DataFrame, opts: TimelineOptions) -> tuple[pd.Timestamp, pd.Timestamp]:
    if opts.window:
        first, last = opts.window
        return pd.Timestamp(first), pd.Timestamp(last + dt.timedelta(days=1))
    if rows.empty:
        today = pd.Timestamp(dt.date.today())
        return today - pd.Timedelta(days=365), today
    lo, hi = rows["start"].min(), rows["stop"].max() + DAY
    pad = max((hi - lo) * 0.04, pd.Timedelta(days=20))
    return lo - pad, hi + pad


def grid_of(rows: pd.DataFrame, lanes: list[str], opts: TimelineOptions,
            x_range: tuple[pd.Timestamp, pd.Timestamp], *, labels: bool,
            plot_px: float = DESIGN_PLOT_PX, font_px: float = 12.0) -> Grid:
    """Lay out ``rows`` (one per event and lane, index 0..n-1) in their lanes."""
    starts, stops, mids = epoch_ms(rows["start"]), epoch_ms(rows["stop"] + DAY), epoch_ms(
        rows["mid"])
    spans = (rows["stop"] > rows["start"]).to_numpy()
    ranks = importance(rows, opts.briefing)
    items = [Item(k, lane, float(a), float(b), float(m), bool(s), label_forms(t, w), r)
             for k, (lane, a, b, m, s, t, w, r) in enumerate(zip(
                 rows["lane"], starts, stops, mids, spans, rows["title"], rows["label"], ranks,
                 strict=True))]
    collapsed = [] if opts.expand_unnamed or opts.lanes == "type" else [NO_LANE[opts.lanes]]
    lo, hi = (float(epoch_ms(pd.Series(list(x_range)))[i]) for i in (0, 1))
    placed = layout(items, (lo, hi), plot_px=plot_px, labels=labels,
                    unlabelled_lanes=collapsed, font_px=font_px)
    tops: dict[str, float] = {}
    y = LANE_GAP / 2
    for lane in lanes:
        tops[lane] = y
        y += placed.rows.get(lane, 1) + LANE_GAP
    bars = np.array([placed.places[k].span for k in range(len(items))], dtype=bool)
    return Grid(lanes, tops, y - LANE_GAP / 2, placed, bars)


def _imprecise(rows: pd.DataFrame) -> pd.Series:
    return (rows["precision"] != "day") | rows["approximate"]


def _bar_trace(rows: pd.DataFrame, ys: np.ndarray, event_type: str, *,
               hatched: bool) -> go.Bar:
    colour = TYPE_COLOURS[event_type]
    span_ms = ((rows["stop"] + DAY) - rows["start"]).dt.total_seconds() * 1000
    marker: dict[str, object] = {"color": colour, "line": {"width": 1, "color": colour}}
    if hatched:
        marker["opacity"] = 0.35
        marker["pattern"] = {"shape": "/", "fgcolor": colour, "solidity": 0.3}
    else:
        marker["opacity"] = 0.6
    return go.Bar(
        name=type_words(event_type), legendgroup=event_type, showlegend=False,
        orientation="h", y=ys, base=rows["start"].dt.strftime("%Y-%m-%d").to_numpy(dtype=object),
        x=span_ms.to_numpy(), width=0.34 if hatched else 0.24, marker=marker,
        customdata=rows["id"].to_numpy(dtype=object),
        hovertext=rows["hover"].to_numpy(dtype=object),
        hovertemplate="%{hovertext}<extra></extra>",
        meta={"role": "band" if hatched else "period", "type": event_type},
    )


def _span_lines(rows: pd.DataFrame, ys: np.ndarray, event_type: str, *,
                hatched: bool) -> go.Scattergl:
    """Periods or bands of one type as one WebGL line trace: a thick segment per event from
    its first day to the end of its last, segments separated by gaps (NaN).

    Not hoverable or clickable (the mark at each midpoint is); bands are wider and paler than
    exact periods so that an uncertain span never looks like a known one.
    """
    n = len(rows)
    x = np.full(3 * n, np.nan)
    x[0::3] = epoch_ms(rows["start"])
    x[1::3] = epoch_ms(rows["stop"] + DAY)
    y = np.full(3 * n, np.nan)
    y[0::3] = ys
    y[1::3] = ys
    return go.Scattergl(
        name=type_words(event_type), legendgroup=event_type, showlegend=False, mode="lines",
        x=x, y=y, connectgaps=False,
        line={"color": TYPE_COLOURS[event_type], "width": 10 if hatched else 6},
        opacity=0.3 if hatched else 0.6, hoverinfo="skip",
        meta={"role": "band" if hatched else "period", "type": event_type},
    )


def _marks_trace(rows: pd.DataFrame, ys: np.ndarray, event_type: str, *, hollow: bool,
                 use_gl: bool) -> go.Scatter | go.Scattergl:
    """One mark per row at its midpoint; hollow when the date is imprecise or approximate.

    Arrays go in as numpy arrays: Plotly validates Python lists item by item, which is what
    makes big figures slow.
    """
    colour = TYPE_COLOURS[event_type]
    scatter = go.Scattergl if use_gl else go.Scatter
    return scatter(
        name=type_words(event_type), legendgroup=event_type, showlegend=False, mode="markers",
        x=epoch_ms(rows["mid"]), y=ys, customdata=rows["id"].to_numpy(dtype=object),
        hovertext=rows["hover_short" if use_gl else "hover"].to_numpy(dtype=object),
        hovertemplate="%{hovertext}<extra>%{fullData.name}</extra>" if use_gl
        else "%{hovertext}<extra></extra>",
        marker={
            "symbol": TYPE_SYMBOLS[event_type] + ("-open" if hollow else ""),
            "size": 12, "color": colour,
            # hollow marks are drawn by their outline; filled ones get a dark rim so that the
            # light colours (yellow) stay visible on white
            "line": {"width": 2 if hollow else 1, "color": colour if hollow else "#222222"},
        },
        meta={"role": "marks", "type": event_type, "hollow": hollow},
    )


def _legend_trace(event_type: str, use_gl: bool) -> go.Scatter | go.Scattergl:
    """The type's legend entry: its filled symbol (a legend names types, not precisions), in
    the type's legend group, so a click on it hides the type's marks, bars and labels together."""
    return (go.Scattergl if use_gl else go.Scatter)(
        x=[None], y=[None], mode="markers", name=type_words(event_type),
        legendgroup=event_type, showlegend=True, hoverinfo="skip",
        marker={"symbol": TYPE_SYMBOLS[event_type], "size": 12,
                "color": TYPE_COLOURS[event_type], "line": {"width": 1, "color": "#222222"}},
        meta={"role": "legend", "type": event_type},
    )


def _add_spans_and_marks(fig: go.Figure, rows: pd.DataFrame, grid: Grid, *,
                         use_gl: bool) -> None:
    """Per event type: its exact periods, its imprecise bands, its filled and hollow marks."""
    ys = np.array([grid.y(lane, k) for k, lane in enumerate(rows["lane"])], dtype=np.float64)
    spans_all = (rows["stop"] > rows["start"]).to_numpy()
    mark_ys = ys + SPAN_DY * grid.bars
    imprecise_all = _imprecise(rows).to_numpy()
    types = rows["type"].to_numpy()
    for event_type in EVENT_TYPES:
        of_type = types == event_type
        if not of_type.any():
            continue
        fig.add_trace(_legend_trace(event_type, use_gl))
        span_trace = _span_lines if use_gl else _bar_trace
        for hatched in (False, True):
            pick = of_type & spans_all & (imprecise_all == hatched)
            if pick.any():
                fig.add_trace(span_trace(rows[pick], mark_ys[pick], event_type, hatched=hatched))
        for hollow in (False, True):
            pick = of_type & (imprecise_all == hollow)
            if pick.any():
                fig.add_trace(_marks_trace(rows[pick], mark_ys[pick], event_type, hollow=hollow,
                                           use_gl=use_gl))


def _add_labels(fig: go.Figure, rows: pd.DataFrame, grid: Grid, opts: TimelineOptions, *,
                font_px: float, colour: str = "#222222") -> None:
    """The labels, in a text trace per type and side (text starting at its anchor, or ending
    there), in the type's legend group; the selected event's in bold in a trace of its own
    (``meta.selected``), so that a presenter can set it apart."""
    bars = grid.bars
    sides: dict[tuple[str, str, bool], dict[str, list[object]]] = {}
    for k, (lane, eid, kind) in enumerate(zip(rows["lane"], rows["id"], rows["type"],
                                              strict=True)):
        place = grid.placed.places[k]
        if not place.labelled:
            continue
        chosen = eid == opts.selected
        col = sides.setdefault((kind, place.side, chosen),
                               {"x": [], "y": [], "text": [], "id": []})
        col["x"].append(place.anchor)
        col["y"].append(grid.y(lane, k) + (SPAN_TEXT_DY if bars[k] else 0.0))
        col["text"].append(f"<b>{esc(place.text)}</b>" if chosen else esc(place.text))
        col["id"].append(eid)
    for (kind, side, chosen), col in sides.items():
        fig.add_trace(go.Scatter(
            name=type_words(kind), legendgroup=kind,
            x=np.array(col["x"], dtype=np.float64), y=np.array(col["y"], dtype=np.float64),
            mode="text", text=np.array(col["text"], dtype=object),
            textposition="middle right" if side == "right" else "middle left",
            textfont={"size": font_px, "color": colour}, hoverinfo="skip", showlegend=False,
            customdata=np.array(col["id"], dtype=object), cliponaxis=False,
            meta={"role": "labels", "side": side, "type": kind, "selected": chosen},
        ))


def _lane_words(lane: str, grid: Grid, opts: TimelineOptions) -> str:
    """A lane's name on the axis (escaped when it came from the file), with what it leaves
    unlabelled."""
    name = lane if opts.lanes == "type" else esc(lane)
    hidden = grid.placed.unlabelled.get(lane, 0)
    if not hidden:
        return name
    if opts.lanes != "type" and lane == NO_LANE[opts.lanes] and not opts.expand_unnamed:
        return f"{name}<br><i>{hidden} unlabelled</i>"
    return f"{name}<br><i>+{hidden} unlabelled</i>"


def _axes(fig: go.Figure, grid: Grid, opts: TimelineOptions,
          x_range: tuple[pd.Timestamp, pd.Timestamp]) -> None:
    """Lanes on a numeric y axis (rows from the top, named at their middle, every other lane
    shaded), dates on the x axis over ``x_range``. Neither axis zooms in the browser: a zoom
    is the time window (in the link), so the labels are laid out again for it. (A drag does
    nothing unless Box Select is picked: in select mode Plotly stops a click from selecting
    a mark.)"""
    fig.update_yaxes(
        range=[grid.total, 0], tickmode="array",
        tickvals=[grid.centre(lane) for lane in grid.lanes],
        ticktext=[_lane_words(lane, grid, opts) for lane in grid.lanes],
        showgrid=False, zeroline=False, automargin=True, fixedrange=True,
    )
    for i, lane in enumerate(grid.lanes):
        if i % 2 == 0:
            top = grid.tops[lane] - LANE_GAP / 2
            fig.add_hrect(y0=top, y1=top + grid.placed.rows[lane] + LANE_GAP, line_width=0,
                          fillcolor="rgba(0,0,0,0.035)", layer="below")
    fig.update_xaxes(
        type="date", showgrid=True, gridcolor="#eeeeee", fixedrange=True, side="top",
        range=[_iso(x_range[0]), _iso(x_range[1])],
        hoverformat="%Y",  # never a made-up day if an axis label is ever shown on hover
    )


def _ring_selected(fig: go.Figure, rows: pd.DataFrame, grid: Grid, selected: str | None,
                   use_gl: bool, colour: str = "#b3261e", size: int = 24) -> None:
    """A ring around each mark of the selected event (its label is bold)."""
    if selected is None:
        return
    keys = [k for k, eid in enumerate(rows["id"]) if eid == selected]
    if not keys:
        return
    spans = grid.bars
    fig.add_trace((go.Scattergl if use_gl else go.Scatter)(
        x=epoch_ms(rows["mid"].iloc[keys]),
        y=np.array([grid.y(rows["lane"].iloc[k], k) + (SPAN_DY if spans[k] else 0.0)
                    for k in keys], dtype=np.float64),
        mode="markers", hoverinfo="skip", showlegend=False,
        marker={"symbol": "circle-open", "size": size, "color": colour,
                "line": {"width": 3, "color": colour}},
        customdata=np.array([selected] * len(keys), dtype=object), meta={"role": "selected"},
    ))


def _ring_marked(fig: go.Figure, rows: pd.DataFrame, grid: Grid,
                 marked: tuple[tuple[str, str], ...], use_gl: bool) -> None:
    """A ring of each kind's colour around the marks of the events compared (in the legend,
    dashed for withdrawn ones)."""
    kind_of = dict(marked)
    spans = grid.bars
    for kind, (name, colour) in CHANGE_KINDS.items():
        keys = [k for k, eid in enumerate(rows["id"]) if kind_of.get(eid) == kind]
        if not keys:
            continue
        fig.add_trace((go.Scattergl if use_gl else go.Scatter)(
            x=epoch_ms(rows["mid"].iloc[keys]),
            y=np.array([grid.y(rows["lane"].iloc[k], k) + (SPAN_DY if spans[k] else 0.0)
                        for k in keys], dtype=np.float64),
            mode="markers", hoverinfo="skip", name=name, showlegend=True,
            legendgroup=f"change-{kind}",
            marker={"symbol": "circle-open-dot" if kind == "withdrawn" else "circle-open",
                    "size": 22, "color": colour, "line": {"width": 3, "color": colour}},
            customdata=np.array(rows["id"].iloc[keys], dtype=object),
            meta={"role": "change", "kind": kind},
        ))


def timeline_figure(events: pd.DataFrame, *, options: TimelineOptions | None = None,
                    plot_px: float = DESIGN_PLOT_PX, font_px: float = 12.0) -> go.Figure:
    """The timeline of ``events`` (a frame from :mod:`dashboard.frame`, already filtered).

    Marker traces hold exactly one mark per (event, lane), with the event id as
    ``customdata``; ``meta`` on each trace says what it draws ('marks', 'period', 'band',
    'labels', 'legend', 'selected') and for which type. ``plot_px``: the narrowest the plot
    will be drawn, in pixels (the labels are laid out for it); ``font_px``: the labels' size.
    """
    opts = options or TimelineOptions()
    events = events[[c for c in DRAWN if c in events.columns]]
    rows = lanes_of(events, opts.lanes) if not events.empty else events.assign(lane=[])
    rows = rows.reset_index(drop=True)
    lanes = lane_order(rows, opts.lanes) if not rows.empty else []
    use_gl = len(rows) >= opts.gl_threshold
    labels = opts.show_labels if opts.show_labels is not None else len(rows) <= LABEL_LIMIT
    x_range = _x_range(rows, opts)
    grid = grid_of(rows, lanes, opts, x_range, labels=labels and not use_gl, plot_px=plot_px,
                   font_px=font_px)
    fig = go.Figure()
    if not rows.empty:
        _add_spans_and_marks(fig, rows, grid, use_gl=use_gl)
        _add_labels(fig, rows, grid, opts, font_px=font_px)
        _ring_marked(fig, rows, grid, opts.marked, use_gl)
        _ring_selected(fig, rows, grid, opts.selected, use_gl)
    row_px = ROW_PX * font_px / 12.0
    fig.update_layout(
        barmode="overlay",
        height=opts.height or int(TOP_PX + BOTTOM_PX + row_px * max(grid.total, 3)),
        margin={"l": 10, "r": 10, "t": TOP_PX, "b": BOTTOM_PX},
        hovermode="closest", clickmode="event+select",
        legend={"orientation": "h", "yanchor": "top", "y": -0.01, "x": 0,
                "title": {"text": "type"}, "itemclick": "toggle"},
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff", font={"color": "#222222"},
        hoverlabel=hover_label(LIGHT), uirevision="timeline",
    )
    _axes(fig, grid, opts, x_range)
    if rows.empty:
        fig.add_annotation(text="No events match the filters", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5)
    return fig

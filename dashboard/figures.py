"""Plotly figures from the events frame (pure: data in, ``go.Figure`` out; no Streamlit):
the density (counts) view, the Overview's charts and presenter mode. The timeline itself is
:mod:`dashboard.timeline_chart`; marks' colours, shapes and lanes are :mod:`dashboard.marks`.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.labels import _short, counted, esc, type_words
from dashboard.labels import hover_text as hover_text
from dashboard.labels import short_hover_text as short_hover_text
from dashboard.marks import (  # noqa: F401  (re-exported: the figures' public names)
    DAY,
    DRAWN,
    NO_LANE,
    OKABE_ITO,
    TYPE_COLOURS,
    TYPE_SYMBOLS,
    TimelineOptions,
    epoch_ms,
    lane_order,
    lanes_of,
)
from dashboard.theme import LIGHT, Theme, hover_label
from dashboard.timeline_chart import BOTTOM_PX, ROW_PX, TOP_PX
from dashboard.timeline_chart import timeline_figure as timeline_figure
from extract.timeline import EVENT_TYPES, visible

# --------------------------------------------------------------------------------------------
# Density: per-lane counts when there are too many marks to draw one by one
# --------------------------------------------------------------------------------------------

DETAIL_LIMIT = 500  # above this many marks (events x lanes) the timeline shows counts: beyond
# about a hundred per lane, single marks hide each other and the browser slows
MAX_CELLS = 40  # cells per lane at most: each stays wide enough to read and to click
DENSITY_UNITS = ("day", "month", "quarter", "year", "decade")
_UNIT_FREQ = {"day": "D", "month": "MS", "quarter": "QS", "year": "YS"}
DENSITY_COLOUR = OKABE_ITO["blue"]  # lanes by actor or system have no colour of their own


def _floor(day: pd.Timestamp, unit: str) -> pd.Timestamp:
    if unit == "day":
        return day.normalize()
    if unit == "month":
        return pd.Timestamp(day.year, day.month, 1)
    if unit == "quarter":
        return pd.Timestamp(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if unit == "year":
        return pd.Timestamp(day.year, 1, 1)
    return pd.Timestamp(day.year - day.year % 10, 1, 1)


def density_edges(first: pd.Timestamp, last: pd.Timestamp,
                  max_cells: int = MAX_CELLS) -> tuple[str, pd.DatetimeIndex]:
    """The finest calendar unit that cuts [first, last] (days, inclusive) into at most
    ``max_cells`` cells (decades whatever their number, beyond that), and the cell edges: each
    cell's first day, then the day after the last cell. Cells are whole calendar units (a month
    cell is a whole month), so a count in a cell is a count in that month, never in an
    arbitrary 37-day stretch."""
    first, last = pd.Timestamp(first).normalize(), pd.Timestamp(last).normalize()
    for unit in DENSITY_UNITS:
        lo = _floor(first, unit)
        if unit == "decade":
            hi = pd.Timestamp(last.year - last.year % 10 + 10, 1, 1)
            years = range(lo.year, hi.year + 1, 10)
            edges = pd.DatetimeIndex([pd.Timestamp(y, 1, 1) for y in years])
            return unit, edges
        edges = pd.date_range(lo, last + DAY, freq=_UNIT_FREQ[unit])
        if edges[-1] <= last:  # close the last cell
            edges = edges.append(pd.DatetimeIndex(
                [pd.date_range(edges[-1], periods=2, freq=_UNIT_FREQ[unit])[-1]]))
        if len(edges) - 1 <= max_cells:
            return unit, edges
    raise AssertionError("unreachable: decades always fit")


def cell_words(start: pd.Timestamp, unit: str) -> str:
    """'14 Mar 2021', 'Mar 2021', 'Q1 2021', '2021', '2020s'."""
    if unit == "day":
        return f"{start.day} {start.strftime('%b %Y')}"
    if unit == "month":
        return start.strftime("%b %Y")
    if unit == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if unit == "year":
        return str(start.year)
    return f"{start.year}s"


@dataclass(frozen=True)
class Density:
    """Counts per lane and cell. ``within[l, c]``: marks whose every possible day lies in cell
    ``c`` (and not approximate). ``could[l, c]``: marks that may fall in the cell but are not
    known to: a year-only date over month cells, an approximate date, a period that crosses
    cells. Counted apart, never split or guessed into one cell."""

    unit: str
    edges: pd.DatetimeIndex
    lanes: list[str]
    within: np.ndarray
    could: np.ndarray

    def window(self, cell: int) -> tuple[dt.date, dt.date]:
        """The first and last day of a cell (what clicking it zooms to)."""
        return (self.edges[cell].date(), (self.edges[cell + 1] - DAY).date())


def density(rows: pd.DataFrame, lanes: list[str], first: pd.Timestamp,
            last: pd.Timestamp, max_cells: int = MAX_CELLS) -> Density:
    """Count ``rows`` (one per event and lane, from :func:`lanes_of`) per lane and cell over
    the days ``first``..``last``; rows reaching outside are counted in the cells they touch."""
    unit, edges = density_edges(first, last, max_cells)
    n_cells = len(edges) - 1
    lane_ix = pd.Categorical(rows["lane"], categories=lanes).codes
    bounds = edges.to_numpy(dtype="datetime64[ns]")
    lo = np.searchsorted(bounds, rows["start"].to_numpy(dtype="datetime64[ns]"), side="right") - 1
    hi = np.searchsorted(bounds, rows["stop"].to_numpy(dtype="datetime64[ns]"), side="right") - 1
    lo, hi = np.clip(lo, 0, n_cells - 1), np.clip(hi, 0, n_cells - 1)
    inside = (lo == hi) & ~rows["approximate"].to_numpy(dtype=bool)
    within = np.zeros((len(lanes), n_cells), dtype=np.int64)
    np.add.at(within, (lane_ix[inside], lo[inside]), 1)
    # the rest: +1 from their first cell to their last (a difference array per lane)
    steps = np.zeros((len(lanes), n_cells + 1), dtype=np.int64)
    np.add.at(steps, (lane_ix[~inside], lo[~inside]), 1)
    np.add.at(steps, (lane_ix[~inside], hi[~inside] + 1), -1)
    could = np.cumsum(steps, axis=1)[:, :n_cells]
    return Density(unit, edges, lanes, within, could)


def _mix(colour: str, share: float) -> str:
    """``colour`` at ``share`` (0..1) over white, as an opaque colour."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mixed = (round(255 + (c - 255) * share) for c in (r, g, b))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _ink(fill: str) -> str:
    """Dark or white text, whichever reads on ``fill``."""
    r, g, b = (int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return "#111111" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else "#ffffff"


def _density_span(rows: pd.DataFrame, opts: TimelineOptions,
                  bounds: tuple[dt.date, dt.date] | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day the density covers: the window, else ``bounds``, else the
    events' span, else today."""
    if opts.window:
        first, last = (pd.Timestamp(d) for d in opts.window)
    elif bounds:
        first, last = (pd.Timestamp(d) for d in bounds)
    elif not rows.empty:
        first, last = rows["start"].min(), rows["stop"].max()
    else:
        first = last = pd.Timestamp(dt.date.today())
    return first, last


def _density_cells(counts: Density, lanes: list[str], ix: Sequence[int], opts: TimelineOptions,
                   colour: str, deepest: int, width_ms: np.ndarray) -> dict[str, list[object]]:
    """The cells of lanes ``ix`` with an event within or possibly in them, column by column
    (y, base, x, fill, ink, text, hover, window, hatch)."""
    cells: dict[str, list[object]] = {k: [] for k in (
        "y", "base", "x", "fill", "ink", "text", "hover", "window", "hatch")}
    for li in ix:
        for c in np.flatnonzero(counts.within[li] + counts.could[li]):
            within, could = int(counts.within[li, c]), int(counts.could[li, c])
            share = 0.2 + 0.8 * (within / deepest) ** 0.5 if within else 0.12
            fill = _mix(colour, share)
            a, b = counts.window(int(c))
            words = cell_words(counts.edges[c], counts.unit)
            name = lanes[li] if opts.lanes == "type" else esc(lanes[li])
            cells["y"].append(name)
            cells["base"].append(float(counts.edges[c].value // 1_000_000))
            cells["x"].append(float(width_ms[c]))
            cells["fill"].append(fill)
            cells["ink"].append(_ink(fill))
            cells["text"].append(f"{within:,}" if within else "")
            cells["hatch"].append("" if within else "/")
            cells["window"].append([a.isoformat(), b.isoformat()])
            cells["hover"].append(
                f"<b>{name}</b> · {words}<br>"
                f"{counted(within, 'event')} dated within it"
                + (f"<br>{could:,} more that may fall in it<br>(dated only to a "
                   "longer period, approximate, or spanning several cells)"
                   if could else "")
                + "<br>Click to zoom in")
    return cells


def _density_bar(cells: dict[str, list[object]], event_type: str | None, colour: str,
                 unit: str) -> go.Bar:
    """One lane group's cells as a horizontal bar trace; each cell's window in customdata."""
    return go.Bar(
        name=type_words(event_type) if event_type else "events",
        orientation="h", y=np.array(cells["y"], dtype=object),
        base=np.array(cells["base"]), x=np.array(cells["x"]), width=0.8,
        marker={"color": cells["fill"], "line": {"width": 1, "color": "#ffffff"},
                "pattern": {"shape": cells["hatch"], "fgcolor": colour,
                            "solidity": 0.25}},
        text=cells["text"], textposition="inside", insidetextanchor="middle",
        textfont={"color": cells["ink"], "size": 12}, constraintext="both",
        customdata=cells["window"], hovertext=cells["hover"],
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
        hoverlabel={"bgcolor": "#ffffff", "bordercolor": colour,
                    "font": {"color": "#222222", "size": 13}},
        meta={"role": "density", "type": event_type, "unit": unit},
    )


def density_figure(events: pd.DataFrame, *, options: TimelineOptions | None = None,
                   bounds: tuple[dt.date, dt.date] | None = None) -> go.Figure:
    """The timeline as counts: per lane, one cell per calendar unit (day, month, quarter, year
    or decade, the finest that fits the window in ``MAX_CELLS`` cells), its colour as deep as
    its count of events dated within it; cells where events only *may* fall (their date is
    coarser than the cell, approximate, or a period across cells) are hatched and pale. Each
    cell's ``customdata`` is its first and last day: clicking one zooms the window there.
    ``bounds``: the days to cover when ``options.window`` is not set (else the events' span).
    """
    opts = options or TimelineOptions()
    events = events[[c for c in DRAWN if c in events.columns]]
    rows = lanes_of(events, opts.lanes) if not events.empty else events.assign(lane=[])
    lanes = lane_order(rows, opts.lanes) if not rows.empty else []
    first, last = _density_span(rows, opts, bounds)
    fig = go.Figure()
    counts = density(rows, lanes, first, last) if lanes else None
    if counts is not None:
        deepest = max(int(counts.within.max()), 1)
        width_ms = np.diff(counts.edges.to_numpy(dtype="datetime64[ms]").astype(np.int64))
        groups = ([(type_words(t), t) for t in EVENT_TYPES if type_words(t) in lanes]
                  if opts.lanes == "type" else [(None, None)])
        for lane, event_type in groups:
            colour = TYPE_COLOURS[event_type] if event_type else DENSITY_COLOUR
            ix = [lanes.index(lane)] if lane is not None else range(len(lanes))
            cells = _density_cells(counts, lanes, ix, opts, colour, deepest, width_ms)
            if not cells["y"]:
                continue
            fig.add_trace(_density_bar(cells, event_type, colour, counts.unit))
    fig.update_layout(
        barmode="overlay",
        height=opts.height or max(300, 130 + 42 * max(len(lanes), 1)),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        hovermode="closest", clickmode="event+select",
        uniformtext={"minsize": 9, "mode": "hide"},
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff", font={"color": "#222222"},
        hoverlabel=hover_label(LIGHT),
    )
    fig.update_yaxes(
        type="category", categoryorder="array",
        categoryarray=([esc(lane) for lane in reversed(lanes)] if opts.lanes != "type"
                       else list(reversed(lanes))),
        showgrid=True, gridcolor="#e5e5e5", automargin=True, fixedrange=True,
    )
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#eeeeee", hoverformat="%Y",
                     range=[first.isoformat(), (last + DAY).isoformat()])
    if rows.empty:
        fig.add_annotation(text="No events match the filters", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5)
    return fig


def marks_wanted(events: pd.DataFrame, lanes: str) -> int:
    """How many marks the timeline would draw for ``events`` (one per event and lane)."""
    if lanes == "type" or events.empty:
        return len(events)
    column = "actors" if lanes == "actor" else "systems"
    return int(events[column].map(lambda vals: max(len(vals), 1)).sum())


def marks_count(fig: go.Figure) -> int:
    """How many event marks the figure draws (one per event and lane)."""
    return sum(len(t.customdata) for t in fig.data
               if (t.meta or {}).get("role") == "marks" and t.customdata is not None)


# --------------------------------------------------------------------------------------------
# Overview
# --------------------------------------------------------------------------------------------


def _overview_layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    """Title at the top and legend at the bottom of the figure, each pushing the plot's margin
    by its own size: a legend above the plot wraps to more rows in a narrow column and grew
    into the title."""
    fig.update_layout(
        title={"text": title, "x": 0, "yref": "container", "y": 1, "yanchor": "top",
               "pad": {"t": 10}, "automargin": True},
        height=height, margin={"l": 10, "r": 10, "t": 10, "b": 10},
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff", font={"color": "#222222"},
        legend={"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0},
        hoverlabel=hover_label(LIGHT),
    )
    return fig


def events_per_year_figure(events: pd.DataFrame) -> go.Figure:
    """Stacked bars: events per year of their (start) date, one trace per type."""
    fig = go.Figure()
    if not events.empty:
        years = events.assign(year=events["start"].dt.year)
        counts = years.groupby(["type", "year"]).size()
        all_years = list(range(int(years["year"].min()), int(years["year"].max()) + 1))
        for event_type in EVENT_TYPES:
            if event_type not in counts.index.get_level_values(0):
                continue
            per = counts.loc[event_type].reindex(all_years, fill_value=0)
            fig.add_trace(go.Bar(
                name=type_words(event_type), x=[str(y) for y in all_years],
                y=per.tolist(), marker={"color": TYPE_COLOURS[event_type]},
                hovertemplate=f"{type_words(event_type)}: %{{y}} in %{{x}}<extra></extra>",
                meta={"type": event_type},
            ))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category", title="year of the (start) date")
    fig.update_yaxes(title="events", dtick=1 if len(events) < 20 else None)
    return _overview_layout(fig, "Events per year, by type", 420)


def systems_figure(events: pd.DataFrame, *, top: int = 25) -> go.Figure:
    """Horizontal bars: weapon systems by number of events naming them (busiest on top)."""
    names = events["systems"].explode().dropna() if not events.empty else pd.Series([])
    counts = names.value_counts()
    counts = counts.sort_values(ascending=False, kind="stable").head(top)
    shown = counts.iloc[::-1]
    fig = go.Figure(go.Bar(
        orientation="h", x=shown.tolist(), y=[esc(s) for s in shown.index],
        marker={"color": OKABE_ITO["blue"]},
        hovertext=[f"{esc(s)}: {counted(int(n), 'event')}" for s, n in shown.items()],
        hovertemplate="%{hovertext}<extra></extra>",
    ))
    fig.update_xaxes(title="events", dtick=1 if len(counts) and counts.max() < 10 else None)
    fig.update_yaxes(type="category", automargin=True)
    return _overview_layout(fig, f"Weapon systems by number of events (top {top})",
                            max(260, 80 + 28 * len(shown)))


def _wrapped(text: str, width: int = 44, lines: int = 2) -> str:
    """``text`` from the file as at most ``lines`` escaped lines of about ``width`` characters
    (Plotly markup ``<br>`` between them), the last cut with '…' if it does not fit."""
    parts = textwrap.wrap(visible(text), width) or [""]
    if len(parts) > lines:
        parts = parts[:lines - 1] + [_short(" ".join(parts[lines - 1:]), width)]
    return "<br>".join(esc(p) for p in parts)


def _row_names(stats: pd.DataFrame) -> list[str]:
    """One y label per statistic: its title, wrapped; titles that still read the same get
    their period as written on a line of its own, so no two rows look alike."""
    names = [_wrapped(t) for t in stats["title"]]
    seen = pd.Series(names).duplicated(keep=False).tolist()
    return [f"{n}<br>({esc(lbl)})" if dup else n
            for n, lbl, dup in zip(names, stats["label"], seen, strict=True)]


def statistics_figure(events: pd.DataFrame) -> go.Figure:
    """The statistics (type 'statistic') as bars over the period they cover, labelled with
    their value ('69%') and their period as the text gives it ('2016–2020').

    Each statistic has its own row (y is the row number, the title its tick label), so two
    statistics with the same title, or titles alike up to where they are cut, never share one.
    """
    stats = events[events["type"] == "statistic"] if not events.empty else events
    fig = go.Figure()
    rows = list(range(len(stats)))
    if not stats.empty:
        span_ms = ((stats["stop"] + DAY) - stats["start"]).dt.total_seconds() * 1000
        text = [esc(f"{v or 'no figure'} · {lbl}") for v, lbl in
                zip(stats["value_label"], stats["label"], strict=True)]
        fig.add_trace(go.Bar(
            orientation="h", y=rows, base=stats["start"].dt.strftime("%Y-%m-%d").tolist(),
            x=span_ms.tolist(), text=text, textposition="inside", insidetextanchor="middle",
            marker={"color": OKABE_ITO["sky_blue"], "line": {"color": OKABE_ITO["blue"],
                                                            "width": 1}},
            customdata=stats["id"].tolist(),
            hovertext=[f"<b>{esc(t)}</b><br>{esc(v)}<br>{esc(lbl)}" for t, v, lbl in
                       zip(stats["title"], stats["value_label"], stats["label"], strict=True)],
            hovertemplate="%{hovertext}<extra></extra>",
        ))
    fig.update_xaxes(type="date")
    fig.update_yaxes(tickmode="array", tickvals=rows, ticktext=_row_names(stats) if rows else [],
                     automargin=True, autorange="reversed", zeroline=False, showgrid=False)
    return _overview_layout(fig, "Statistics over the periods they cover",
                            max(220, 90 + 56 * len(stats)))


# --------------------------------------------------------------------------------------------
# Presenter mode and image downloads
# --------------------------------------------------------------------------------------------

PRESENT_TICK_PX = 20  # axis tick labels on a shared 1920x1080 screen
PRESENT_TITLE_PX = 30


def image_config(view: str, fmt: str = "png") -> dict[str, object]:
    """Plotly ``config`` for a chart whose modebar camera downloads ``arms-timeline-<view>``
    as PNG (at twice the size on screen) or SVG; nothing is fetched to do it."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in view.lower()).strip("-")
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "svg" if fmt == "svg" else "png",
                                 "filename": f"arms-timeline-{safe or 'view'}", "scale": 2},
    }


PRESENT_LABEL_PX = 18  # the labels beside the marks, at most
PRESENT_PLOT_PX = 900.0  # the narrowest the presenter's plot is drawn (beside the card, 1920 px)


def presenter_figure(events: pd.DataFrame, *, current: str | None, theme: Theme,
                     lanes: str = "type", title: str | None = None,
                     height: int = 640) -> go.Figure:
    """The timeline for a shared screen: large type, the theme's colours, ``current`` ringed.

    ``theme`` is a :class:`dashboard.present.Theme`. The figure fills ``height``: its rows
    stretch to it, and its labels are as large as the rows leave room for (at most
    ``PRESENT_LABEL_PX``). The current event gets a ring (``meta.role == 'current'``) and its
    label in bold in the theme's accent; the other marks and labels are dimmed, so that the eye
    finds it at once, even among stacked marks. Everything from the file is escaped as on the
    timeline.
    """
    t = theme
    dim = current is not None and not events.empty and current in set(events["id"])
    top, bottom = (TOP_PX + 56 if title else TOP_PX + 10), BOTTOM_PX + 20
    font = PRESENT_LABEL_PX
    for _ in range(4):  # the largest labels whose rows fit the height
        fig = timeline_figure(events, options=TimelineOptions(
            lanes=lanes, selected=current if dim else None, height=height),
            plot_px=PRESENT_PLOT_PX, font_px=font)
        total = float(fig.layout.yaxis.range[0]) if fig.layout.yaxis.range else 1.0
        fits = int((height - top - bottom) / max(total, 1.0) / (ROW_PX / 12.0))
        if fits >= font or font <= 11:
            break
        font = max(11, fits)
    _present_colours(fig, t, dim, font)
    fig.update_layout(
        template=t.template, plot_bgcolor=t.background, paper_bgcolor=t.background,
        font={"size": PRESENT_TICK_PX, "color": t.text},
        legend={"font": {"size": 18, "color": t.text},
                "title": {"text": "type", "font": {"size": 18}}},
        hoverlabel={**hover_label(t), "font": {"size": 18, "color": t.text}},
        margin={"l": 10, "r": 30, "t": top, "b": bottom}, uirevision=None,
    )
    if title:
        fig.update_layout(title={"text": esc(title), "x": 0, "y": 0.995, "yanchor": "top",
                                 "font": {"size": PRESENT_TITLE_PX, "color": t.text}})
    fig.update_xaxes(tickfont={"size": PRESENT_TICK_PX, "color": t.text},
                     gridcolor=t.grid, linecolor=t.muted, zeroline=False)
    fig.update_yaxes(tickfont={"size": PRESENT_TICK_PX, "color": t.text})
    for shape in fig.layout.shapes:  # the lanes' shading, seen on either background
        shape.fillcolor = "rgba(127,127,127,0.10)"
    return fig


def _present_colours(fig: go.Figure, t: Theme, dim: bool, font: int) -> None:
    """The theme's colours on every trace; the current event's ring and label set apart."""
    for trace in fig.data:
        meta = trace.meta or {}
        role = meta.get("role")
        colour = t.marks.get(meta.get("type", ""), t.text)
        if role in ("marks", "legend"):
            hollow = bool(meta.get("hollow"))
            trace.marker.color = colour
            trace.marker.size = 18 if role == "marks" else 16
            trace.marker.line = {"width": 3 if hollow else 1.5,
                                 "color": colour if hollow else t.background}
            trace.opacity = 0.45 if dim and role == "marks" else 1.0
        elif role == "labels":
            chosen = bool(meta.get("selected"))
            trace.textfont = {"size": font, "color": t.accent if chosen else t.text}
            trace.opacity = 0.5 if dim and not chosen else 1.0
        elif role == "selected":
            trace.marker.size = round(2.3 * font)  # within its row
            trace.marker.color = t.accent
            trace.marker.line = {"width": 5, "color": t.accent}
            trace.meta = {"role": "current"}
        elif role in ("period", "band") and trace.type == "scattergl":
            trace.line.color = colour  # a big figure draws spans as WebGL lines
            trace.opacity = 0.3 if dim else 0.8
        elif role in ("period", "band"):
            trace.marker.color = colour
            trace.marker.line.color = colour
            if role == "band":
                trace.marker.pattern.fgcolor = colour
            trace.opacity = 0.4 if dim else 1.0

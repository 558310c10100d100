"""Where each mark and its label go on the timeline, so that nothing overlaps (pure: no Plotly,
no Streamlit).

A lane is cut into rows. Each event of the lane takes one row: its mark (at its midpoint), its
bar when it spans days, and its label (short title and the date as written) beside the mark,
or above the bar. Two events share a row only where their marks, bars and labels leave room
for each other, so labels never overlap labels or marks, and marks at the same date are
dodged into different rows (each can be hovered and clicked).

Widths are measured in pixels on the narrowest plot the app draws (``DESIGN_PLOT_PX``): when
the chart is wider, the marks move apart while the labels keep their size, so a layout
without overlaps stays without overlaps. Text widths are estimated with the advance widths of
DejaVu Sans, wider than the fonts the browser uses for the chart, so an estimate is never
short.

Rows are given out by importance: accepted events before candidates, then the curated
briefing's, then the best corroborated, then by date. When a lane has no row left for an
event's label (``max_label_rows``), the event keeps its mark (dodged in up to ``max_rows``
rows) and the lane counts it as one of its "+N" unlabelled events.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

DESIGN_PLOT_PX = 420.0  # the plot's width on a 1280 px screen, beside the card
FONT_PX = 12.0
MARK_PX = 18.0  # a mark's width, with its rim (a star is wider than its size)
GAP_PX = 5.0  # between a mark and its label
PAD_PX = 8.0  # between two things in one row

# DejaVu Sans advance widths (per 1000 em); anything not listed counts as the widest
_WIDTHS: dict[str, int] = {
    " ": 318, ".": 318, ",": 318, ":": 337, ";": 337, "·": 318, "'": 275, "’": 318,
    "-": 361, "–": 500, "—": 1000, "(": 390, ")": 390, "/": 337, "&": 780, "%": 950,
    "$": 636, "?": 531, "!": 400, '"': 460, "+": 838,
    **dict.fromkeys("0123456789", 636),
    **dict(zip("abcdefghijklmnopqrstuvwxyz",
               (613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
                635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525), strict=True)),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
                603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685), strict=True)),
}
_WIDEST = 1000


def text_px(text: str, size: float = FONT_PX) -> float:
    """The width of ``text`` at ``size`` px, never less than the browser draws it."""
    return sum(_WIDTHS.get(c, _WIDEST) for c in text) * size / 1000.0


@dataclass(frozen=True)
class Item:
    """One event in one lane. Times are epoch milliseconds; ``stop`` is the end of the last
    day (equal to ``start`` for nothing). ``span``: drawn as a bar (a period, or a band of
    possible days). ``labels``: its label, then shorter forms of it for tight places.
    ``rank``: smaller goes first."""

    key: int
    lane: str
    start: float
    stop: float
    mid: float
    span: bool
    labels: tuple[str, ...]
    rank: tuple[object, ...] = ()


@dataclass(frozen=True)
class Place:
    """Where an item went: its ``row`` in its lane (0 at the top), whether its label is drawn,
    and where the label's text starts or ends (``anchor``, ms) and on which side of it the
    text runs (``side``: 'right' for text starting there, 'left' for text ending there).
    ``span``: laid out as a bar with its label above it (a span wider than two marks);
    a narrower span is laid out as a point, its label beside its mark. ``text``: the form of
    the label drawn."""

    row: int
    labelled: bool
    anchor: float
    side: str
    span: bool = False
    text: str = ""


@dataclass
class Layout:
    """Rows per lane (at least 1), the places by key, unlabelled events per lane."""

    places: dict[int, Place] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    unlabelled: dict[str, int] = field(default_factory=dict)


class _Row:
    """The occupied pixel intervals of one row, kept sorted (none overlap)."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def fits(self, a: float, b: float) -> bool:
        i = bisect.bisect_left(self.starts, b)
        return i == 0 or self.ends[i - 1] <= a

    def take(self, a: float, b: float) -> None:
        i = bisect.bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


def _px(ms: float, lo: float, per_ms: float) -> float:
    return (ms - lo) * per_ms


def _mark_extent(it: Item, lo: float, per_ms: float, half: float) -> tuple[float, float]:
    x = _px(it.mid, lo, per_ms)
    if it.span:
        return (min(_px(it.start, lo, per_ms), x - half), max(_px(it.stop, lo, per_ms), x + half))
    return (x - half, x + half)


def layout(items: Iterable[Item], x_range: tuple[float, float], *,
           plot_px: float = DESIGN_PLOT_PX, labels: bool = True, max_label_rows: int = 10,
           max_rows: int = 16, unlabelled_lanes: Sequence[str] = (), font_px: float = FONT_PX,
           mark_px: float = MARK_PX) -> Layout:
    """Rows and labels for ``items`` on a plot ``plot_px`` wide showing ``x_range`` (ms).

    ``labels=False`` places marks only (dodged, never labelled); so do the lanes named in
    ``unlabelled_lanes`` (a collapsed lane). ``font_px`` and ``mark_px``: the labels' and the
    marks' size.
    """
    geom = _Geom(plot_px, font_px, mark_px)
    lo, hi = x_range
    per_ms = plot_px / max(hi - lo, 1.0)
    out = Layout()
    by_lane: dict[str, list[Item]] = {}
    for it in items:
        by_lane.setdefault(it.lane, []).append(it)
    for lane, lane_items in by_lane.items():
        rows: list[_Row] = []
        wait: list[Item] = []
        ordered = sorted(lane_items, key=lambda it: (it.rank, it.mid, it.key))
        label_here = labels and lane not in unlabelled_lanes
        for it in ordered:
            if not label_here or not _place_labelled(it, rows, out, lo, per_ms, geom,
                                                      max_label_rows):
                wait.append(it)
        for it in wait:
            _place_mark(it, rows, out, lo, per_ms, geom, max_rows)
        out.rows[lane] = max(1, len(rows))
        out.unlabelled[lane] = len(wait)
    return out


@dataclass(frozen=True)
class _Geom:
    plot_px: float
    font_px: float
    mark_px: float


def _place_labelled(it: Item, rows: list[_Row], out: Layout, lo: float, per_ms: float,
                    geom: _Geom, max_label_rows: int) -> bool:
    """The item with its label in the first row with room (a new row if none has and the lane
    may have more); False when it gets no label."""
    text, spots = _fitting(it, geom, lo, per_ms)
    if not spots:
        return False
    for r in range(min(len(rows) + 1, max_label_rows)):
        if r == len(rows):
            rows.append(_Row())
        for a, b, anchor, side in spots:
            if rows[r].fits(a - PAD_PX / 2, b + PAD_PX / 2):
                rows[r].take(a - PAD_PX / 2, b + PAD_PX / 2)
                out.places[it.key] = Place(r, True, lo + anchor / per_ms, side,
                                           _wide(it, per_ms, geom), text)
                return True
    return False


def _fitting(it: Item, geom: _Geom, lo: float, per_ms: float,
             ) -> tuple[str, list[tuple[float, float, float, str]]]:
    """The longest form of the item's label that fits on the plot, with its spots."""
    for text in it.labels:
        spots = _spots(it, geom, lo, per_ms, text_px(text, geom.font_px))
        if spots:
            return text, spots
    return it.labels[-1], []


def _spots(it: Item, geom: _Geom, lo: float, per_ms: float, width: float,
           ) -> list[tuple[float, float, float, str]]:
    """Where the item and its label could go: (left px, right px, anchor px, side), the
    preferred first. A point's label runs right of its mark, or left of it near the right
    edge; a bar's label sits above the bar from its start, moved left to stay on the plot."""
    half, plot_px = geom.mark_px / 2, geom.plot_px
    x = _px(it.mid, lo, per_ms)
    if not _wide(it, per_ms, geom):
        right = (x - half, x + half + GAP_PX + width, x + half + GAP_PX, "right")
        left = (x - half - GAP_PX - width, x + half, x - half - GAP_PX, "left")
        # the label stays on the plot (the mark is where its date is, even at an edge)
        return [right] * (right[1] <= plot_px) + [left] * (left[0] >= 0)
    if width > plot_px:
        return []
    a, b = _px(it.start, lo, per_ms), _px(it.stop, lo, per_ms)
    text_at = min(max(a, 0.0), plot_px - width)
    return [(min(a, text_at), max(b, text_at + width, x + half), text_at, "right")]


def _place_mark(it: Item, rows: list[_Row], out: Layout, lo: float, per_ms: float,
                geom: _Geom, max_rows: int) -> None:
    """A mark (and bar) without a label: the first row with room, else the last row allowed
    (the only case where marks may overlap: more events at one date than ``max_rows``)."""
    a, b = _mark_extent(it, lo, per_ms, geom.mark_px / 2)
    a, b = a - PAD_PX / 4, b + PAD_PX / 4
    for r in range(min(len(rows) + 1, max_rows)):
        if r == len(rows):
            rows.append(_Row())
        if rows[r].fits(a, b):
            rows[r].take(a, b)
            out.places[it.key] = Place(r, False, it.mid, "right", _wide(it, per_ms, geom))
            return
    r = min(len(rows), max_rows) - 1
    out.places[it.key] = Place(r, False, it.mid, "right", _wide(it, per_ms, geom))


def _wide(it: Item, per_ms: float, geom: _Geom) -> bool:
    """A span drawn wide enough to be a bar of its own (wider than two marks)."""
    return it.span and (it.stop - it.start) * per_ms > 2 * geom.mark_px

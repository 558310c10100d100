"""The timeline as a picture for slides and paper: PNG and SVG at 16:9 (Streamlit-free).

The figure (:func:`picture_figure`) is the presenter's timeline in the light theme with a
title, the view in words ('deals and deliveries, Israel → Azerbaijan, 2014–2023') and a source
line. It is drawn by kaleido in Debian's Chromium (:mod:`dashboard.chromium`), fully offline:
plotly.js comes from the installed plotly package, MathJax is off (kaleido's default fetches it
from a CDN), and no browser is ever downloaded.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.chromium import ChromiumError, offline_launcher
from dashboard.figures import presenter_figure
from dashboard.filters import Filters
from dashboard.labels import esc, type_words
from dashboard.marks import pair_words
from dashboard.theme import LIGHT

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 1280, 720  # 16:9, the slide's shape; PNG at twice this (crisp when projected)
PNG_SCALE = 2
RENDER_TIMEOUT_S = 60
TITLE_PX, SUBTITLE_PX, SOURCE_PX = 30, 20, 15
TICK_PX, LEGEND_PX, MARK_PX = 17, 14, 13
_TOP, _BOTTOM = 72, -10  # room for the title and the view in words; for the source line
PLURALS = {"combat_use": "combat uses", "meeting_call": "meetings and calls",
           "delivery": "deliveries", "statistic": "statistics", "conflict": "conflicts",
           "production": "production", "other": "other events"}


def type_plural(event_type: str) -> str:
    """'delivery' -> 'deliveries', 'combat_use' -> 'combat uses'."""
    return PLURALS.get(event_type, type_words(event_type) + "s")


def _joined(items: Sequence[str], word: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def _years(events: pd.DataFrame) -> str:
    if events.empty:
        return ""
    first, last = events["start"].min().year, events["stop"].max().year
    return str(first) if first == last else f"{first}–{last}"


def view_words(f: Filters, events: pd.DataFrame) -> str:
    """What the picture shows, in words: types, who, and the years of the events shown.

    >>> view_words(Filters(types=("deal", "delivery")), shown)  # doctest: +SKIP
    'deals and deliveries, Israel → Azerbaijan, 2014–2023'

    Suppliers and recipients are named only when every event shown has the same pair (a filter
    on actors says nothing of direction); otherwise the actors filtered on are named.
    """
    parts = [_joined([type_plural(t) for t in f.types]) if f.types else "all event types"]
    pairs = {(r.supplier, r.recipient) for r in events.itertuples(index=False)
             if "supplier" in events.columns}
    if len(pairs) == 1 and all(next(iter(pairs))):
        parts.append(pair_words(*next(iter(pairs))))
    elif f.actors:
        parts.append("involving " + _joined(list(f.actors), "or"))
    if f.systems:
        parts.append(_joined(list(f.systems), "or"))
    if f.publishers:
        parts.append("reported by " + _joined(list(f.publishers), "or"))
    if f.text:
        parts.append(f"matching “{f.text}”")
    if tuple(f.statuses) != ("accepted",):
        parts.append(_joined(list(f.statuses), "or"))
    years = _years(events)
    if years:
        parts.append(years)
    return ", ".join(parts)


def picture_figure(events: pd.DataFrame, *, title: str, subtitle: str, source: str,
                   lanes: str = "type", width: int = WIDTH, height: int = HEIGHT) -> go.Figure:
    """The timeline of ``events`` at ``width`` x ``height`` with a title, the view in words
    (``subtitle``) and a ``source`` line under the legend; every string is escaped. An empty
    ``title`` leaves out the title and the subtitle (for a slide or page with its own)."""
    fig = presenter_figure(events, current=None, theme=LIGHT, lanes=lanes, height=height)
    for trace in fig.data:  # a still picture is smaller than the presenter's screen
        role = (trace.meta or {}).get("role")
        if role == "marks":
            trace.marker.size = MARK_PX
        elif role == "legend":
            trace.marker.size = LEGEND_PX
    fig.update_layout(legend={"font": {"size": LEGEND_PX}, "title": {"font": {"size": LEGEND_PX}}})
    fig.update_xaxes(tickfont={"size": TICK_PX})
    fig.update_yaxes(tickfont={"size": TICK_PX})
    margin = fig.layout.margin
    top = margin.t + (_TOP if title else 0)
    fig.update_layout(width=width, height=height,
                      margin={"l": margin.l, "r": margin.r, "t": top, "b": margin.b + _BOTTOM})
    if title:  # a slide or a page that has its own heading takes the picture without one
        fig.update_layout(title={
            "text": esc(title), "x": 0.01, "xanchor": "left", "y": 0.985, "yanchor": "top",
            "font": {"size": TITLE_PX, "color": LIGHT.text},
            "subtitle": {"text": esc(subtitle), "font": {"size": SUBTITLE_PX,
                                                         "color": LIGHT.muted}}})
    # the source line at the foot of the picture, under the legend
    fig.add_annotation(text=esc(source), xref="paper", yref="paper", x=0, y=0, xanchor="left",
                       yanchor="bottom", yshift=-(margin.b + _BOTTOM - 8),
                       showarrow=False, align="left",
                       font={"size": SOURCE_PX, "color": LIGHT.muted})
    return fig


async def _render(fig: go.Figure, formats: Sequence[str], width: int, height: int
                  ) -> dict[str, bytes]:
    import kaleido  # imported here: it starts a browser only when a picture is asked for

    out: dict[str, bytes] = {}
    with offline_launcher() as launcher:
        async with kaleido.Kaleido(page_generator=kaleido.PageGenerator(mathjax=False),
                                   path=str(launcher), timeout=RENDER_TIMEOUT_S) as k:
            for fmt in formats:
                opts: dict[str, Any] = {"format": fmt, "width": width, "height": height,
                                        "scale": PNG_SCALE if fmt == "png" else 1}
                out[fmt] = await k.calc_fig(fig, opts=opts)
    return out


def _run(job: Callable[[], Any]) -> Any:
    """``job()`` (an ``asyncio.run``) on this thread, or on its own when a loop is running."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return job()
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = job()
        except BaseException as exc:  # noqa: BLE001 handed back to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, name="arms-picture")
    worker.start()
    worker.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def render(fig: go.Figure, formats: Sequence[str] = ("png",)) -> dict[str, bytes]:
    """``fig`` drawn as each of ``formats`` ('png', 'svg'), at its own width and height.

    Raises :class:`ChromiumError` (one line: why) when the browser is missing or fails.
    """
    width = int(fig.layout.width or WIDTH)
    height = int(fig.layout.height or HEIGHT)
    try:
        return _run(lambda: asyncio.run(_render(fig, formats, width, height)))
    except ChromiumError:
        raise
    except Exception as exc:  # kaleido's and choreographer's errors, the browser's crash
        log.debug("picture failed", exc_info=True)
        words = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise ChromiumError(f"Chromium could not draw the picture: {words}") from None

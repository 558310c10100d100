"""What a mark looks like and which lane it sits in, shared by the timeline, the density and
the presenter figures (pure: data in, values out)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.labels import type_words
from extract.timeline import EVENT_TYPES

# Okabe & Ito (2008), colour-blind safe; 12 types share 8 colours, so shapes differ too.
OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7", "black": "#000000", "grey": "#999999",
}
TYPE_COLOURS: dict[str, str] = {
    "deal": OKABE_ITO["blue"],
    "delivery": OKABE_ITO["bluish_green"],
    "combat_use": OKABE_ITO["vermillion"],
    "visit": OKABE_ITO["orange"],
    "meeting_call": OKABE_ITO["sky_blue"],
    "agreement": OKABE_ITO["reddish_purple"],
    "diplomatic": OKABE_ITO["yellow"],
    "statement": OKABE_ITO["grey"],
    "statistic": OKABE_ITO["black"],
    "conflict": OKABE_ITO["vermillion"],
    "production": OKABE_ITO["bluish_green"],
    "other": OKABE_ITO["grey"],
}
TYPE_SYMBOLS: dict[str, str] = {
    "deal": "diamond",
    "delivery": "triangle-right",
    "combat_use": "x",
    "visit": "circle",
    "meeting_call": "square",
    "agreement": "pentagon",
    "diplomatic": "hexagon",
    "statement": "triangle-up",
    "statistic": "star",
    "conflict": "cross",
    "production": "hourglass",
    "other": "triangle-down",
}
NO_LANE = {"actor": "(no actor named)", "system": "(no system named)"}
DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class TimelineOptions:
    """How to draw the timeline.

    ``lanes``: 'type', 'actor' or 'system'. ``selected``: the id to point at. ``window``: the
    x range (first and last day shown). ``gl_threshold``: use WebGL from this many marks on.
    ``show_labels``: print date labels beside marks (None = only when there are few, ≤ 12).
    """

    lanes: str = "type"
    selected: str | None = None
    window: tuple[dt.date, dt.date] | None = None
    gl_threshold: int = 1500
    show_labels: bool | None = None
    height: int | None = None


def lanes_of(events: pd.DataFrame, mode: str) -> pd.DataFrame:
    """One row per (event, lane): the event frame with a ``lane`` column.

    By type every event has one lane; by actor or system an event sits in the lane of each
    actor/system it names (or in '(no actor named)').
    """
    if mode == "type":
        out = events.copy()
        out["lane"] = out["type"].map(type_words)
        return out
    column = "actors" if mode == "actor" else "systems"
    out = events.copy()
    out["lane"] = out[column].map(lambda vals: list(vals) if vals else [NO_LANE[mode]])
    return out.explode("lane", ignore_index=True)


def lane_order(rows: pd.DataFrame, mode: str) -> list[str]:
    """Lanes top to bottom: types in the contract's order; actors/systems busiest first."""
    if mode == "type":
        present = set(rows["lane"])
        return [type_words(t) for t in EVENT_TYPES if type_words(t) in present]
    counts = rows.groupby("lane").size()
    named = sorted(
        (lane for lane in counts.index if lane != NO_LANE.get(mode)),
        key=lambda lane: (-int(counts[lane]), str(lane).casefold()),
    )
    return named + ([NO_LANE[mode]] if NO_LANE.get(mode) in counts.index else [])


def epoch_ms(times: pd.Series) -> np.ndarray:
    """Timestamps as float64 milliseconds since 1970 (what a Plotly date axis reads)."""
    return times.to_numpy(dtype="datetime64[ms]").astype(np.int64).astype(np.float64)


DRAWN = ("id", "title", "type", "precision", "approximate", "start", "stop", "mid", "label",
         "actors", "systems", "hover", "hover_short")  # the columns the figures read

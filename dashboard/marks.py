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
NO_LANE = {"actor": "(no actor named)", "system": "(no system named)",
           "pair": "(no supplier or recipient named)"}
UNNAMED = "(not named)"  # the missing side of a supplier → recipient pair
DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class TimelineOptions:
    """How to draw the timeline.

    ``lanes``: 'type', 'actor', 'system' or 'pair' (supplier → recipient). ``selected``: the
    id to point at. ``window``: the x range (first and last day shown). ``gl_threshold``: use
    WebGL from this many marks on. ``show_labels``: print each event's title and date beside
    its mark (None: while the marks are at most ``LABEL_LIMIT``). ``briefing``: the ids of
    the curated briefing (labelled first). ``expand_unnamed``: label the events of the lane
    of events with no actor, system or pair named (collapsed otherwise). ``marked``: events
    ringed by what happened to them since a briefing (new, changed, withdrawn).
    """

    lanes: str = "type"
    selected: str | None = None
    window: tuple[dt.date, dt.date] | None = None
    gl_threshold: int = 1500
    show_labels: bool | None = None
    height: int | None = None
    briefing: frozenset[str] = frozenset()
    expand_unnamed: bool = False
    marked: tuple[tuple[str, str], ...] = ()  # (id, CHANGE_KINDS key): rings of a comparison


# the rings of the Changes page: what each kind is called in the legend, and its colour
CHANGE_KINDS = {"new": ("new", "#1b7f3b"), "changed": ("changed", "#b26a00"),
                "withdrawn": ("withdrawn", "#6b6b6b")}


def lanes_of(events: pd.DataFrame, mode: str) -> pd.DataFrame:
    """One row per (event, lane): the event frame with a ``lane`` column.

    By type every event has one lane; by actor or system an event sits in the lane of each
    actor/system it names (or in '(no actor named)'); by pair in the lane 'supplier →
    recipient' of a transfer (a side the text does not name reads '(not named)').
    """
    if mode == "type":
        out = events.copy()
        out["lane"] = out["type"].map(type_words)
        return out
    if mode == "pair":
        out = events.copy()
        out["lane"] = [pair_words(s, r) for s, r in zip(
            out["supplier"] if "supplier" in out else [""] * len(out),
            out["recipient"] if "recipient" in out else [""] * len(out), strict=True)]
        return out
    column = "actors" if mode == "actor" else "systems"
    out = events.copy()
    out["lane"] = out[column].map(lambda vals: list(vals) if vals else [NO_LANE[mode]])
    return out.explode("lane", ignore_index=True)


def pair_words(supplier: object, recipient: object) -> str:
    """'Israel → Azerbaijan'; the lane of no pair when neither side is named."""
    s, r = str(supplier or "").strip(), str(recipient or "").strip()
    if not s and not r:
        return NO_LANE["pair"]
    return f"{s or UNNAMED} → {r or UNNAMED}"


def lane_order(rows: pd.DataFrame, mode: str) -> list[str]:
    """Lanes top to bottom, busiest first (ties: types in the contract's order, names
    alphabetically); the lane of events with nothing named comes last."""
    counts = rows.groupby("lane").size()
    rank = {type_words(t): i for i, t in enumerate(EVENT_TYPES)} if mode == "type" else {}
    named = sorted(
        (lane for lane in counts.index if lane != NO_LANE.get(mode)),
        key=lambda lane: (-int(counts[lane]), rank.get(lane, 0), str(lane).casefold()),
    )
    return named + ([NO_LANE[mode]] if NO_LANE.get(mode) in counts.index else [])


def epoch_ms(times: pd.Series) -> np.ndarray:
    """Timestamps as float64 milliseconds since 1970 (what a Plotly date axis reads)."""
    return times.to_numpy(dtype="datetime64[ms]").astype(np.int64).astype(np.float64)


DRAWN = ("id", "title", "type", "status", "precision", "approximate", "start", "stop", "mid",
         "label", "actors", "systems", "supplier", "recipient", "n_sources", "n_publishers",
         "hover", "hover_short")  # the columns the figures read

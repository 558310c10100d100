"""The one glue module: caching, session state and the URL query string.

Everything Streamlit-specific about *state* lives here. The rules:

* the timeline is read once per file version: :func:`load_frames` is cached on the file's
  path, modification time and size, so an edited file shows on the next rerun;
* the view (filters, window, lanes, selected event) is seeded from the URL once per session
  (:func:`seed_view_from_url`), then lives in the widgets' session state, and is written back to
  the URL at the end of every run (:func:`sync_url`) so that the address bar is always a link
  to exactly what is on screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.data import events_path
from dashboard.filters import (
    DEFAULT_STATUSES,
    LANE_MODES,
    Filters,
    apply,
    filters_from_query,
    filters_to_query,
)
from dashboard.frame import Frames, build
from extract.timeline import EVENT_TYPES, STATUSES, TimelineError, load

# widget keys (also used by the tests to drive the app)
K_WINDOW, K_TYPES, K_ACTORS, K_SYSTEMS = "f_window", "f_types", "f_actors", "f_systems"
K_PUBLISHERS, K_STATUSES, K_TEXT = "f_publishers", "f_statuses", "f_text"
K_LANES, K_EVENT, K_CHART = "lanes", "event", "timeline_chart"
_SEEDED = "_view_seeded"
_LAST_PICK = "_last_chart_pick"
_VIEW = "_view"
PAGE_WIDGETS = (K_LANES, K_EVENT)  # widgets that live on one page but belong to the view


@dataclass
class Loaded:
    """One file version: its tables, or the problems that stop it from being shown."""

    path: str
    frames: Frames | None
    problems: list[str] = field(default_factory=list)


@dataclass
class View:
    """What the pages draw: the tables, the view state, and the events that pass it."""

    frames: Frames
    filters: Filters
    shown: pd.DataFrame
    bounds: tuple[dt.date, dt.date]
    path: str


# --------------------------------------------------------------------------------------------
# Loading (cached on path + mtime + size)
# --------------------------------------------------------------------------------------------


def file_key(path: Path) -> tuple[str, int, int]:
    """(resolved path, mtime_ns, size); (-1, -1) when the file cannot be stat'ed."""
    try:
        st_ = path.stat()
    except OSError:
        return str(path), -1, -1
    return str(path.resolve()), st_.st_mtime_ns, st_.st_size


@st.cache_data(show_spinner="Reading the timeline…", max_entries=8)
def _load_version(path: str, mtime_ns: int, size: int) -> Loaded:
    # mtime_ns and size are part of the cache key only
    try:
        timeline = load(path)
    except TimelineError as exc:
        return Loaded(path, None, [str(p) for p in exc.problems])
    return Loaded(path, build(timeline))


def load_frames(path: Path | None = None) -> Loaded:
    """The current file's tables (or problems). ``path`` defaults to ``--events``/env/bundled."""
    target = path or events_path()
    return _load_version(*file_key(target))


def show_problems(loaded: Loaded) -> None:
    """The one clear error for a file that cannot be used (text only, no traceback)."""
    from dashboard.text import md_escape

    st.title("Arms-transfer timeline")
    n = len(loaded.problems)
    lines = "\n".join(f"- {md_escape(p)}" for p in loaded.problems)
    st.error(
        f"**The timeline file cannot be shown: {n} problem{'s' if n != 1 else ''}.**\n\n"
        f"{lines}\n\nFix the file and rerun (press **R**); the page reloads it.",
    )


# --------------------------------------------------------------------------------------------
# View state <-> URL
# --------------------------------------------------------------------------------------------


def bounds_of(frames: Frames) -> tuple[dt.date, dt.date]:
    """First and last day any event could fall on (today when the file has no events)."""
    ev = frames.events
    if ev.empty:
        today = dt.date.today()
        return today.replace(month=1, day=1), today.replace(month=12, day=31)
    return ev["start"].min().date(), ev["stop"].max().date()


def options_of(frames: Frames) -> dict[str, list[str]]:
    ev = frames.events

    def names(column: str) -> list[str]:
        return sorted({v for vals in ev[column] for v in vals}, key=str.casefold)

    return {
        K_TYPES: [t for t in EVENT_TYPES if t in set(ev["type"])],
        K_ACTORS: names("actors"),
        K_SYSTEMS: names("systems"),
        K_PUBLISHERS: names("publishers"),
        K_STATUSES: list(STATUSES),
    }


def _query_now() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def seed_view_from_url(frames: Frames) -> None:
    """Once per session: put the URL's view into the widgets' session state.

    Afterwards the widgets own the view; widgets that live on one page only are re-assigned
    on every run so that switching pages does not drop them.
    """
    ss = st.session_state
    if not ss.get(_SEEDED):
        f = filters_from_query(_query_now())
        lo, hi = bounds_of(frames)
        ss[K_WINDOW] = (max(lo, min(f.start or lo, hi)), min(hi, max(f.end or hi, lo)))
        ss[K_TYPES] = list(f.types)
        ss[K_ACTORS] = list(f.actors)
        ss[K_SYSTEMS] = list(f.systems)
        ss[K_PUBLISHERS] = list(f.publishers)
        ss[K_STATUSES] = list(f.statuses)
        ss[K_TEXT] = f.text
        ss[K_LANES] = f.lanes
        ss[K_EVENT] = f.event
        ss[_SEEDED] = True
    for key in PAGE_WIDGETS:  # keep page-only widgets alive across pages
        if key in ss:
            ss[key] = ss[key]
    _fit_to_file(frames)


def _fit_to_file(frames: Frames) -> None:
    """Drop remembered values the current file no longer offers (it may have been edited)."""
    ss = st.session_state
    for key, options in options_of(frames).items():
        allowed = set(options)
        current = ss.get(key) or []
        fitted = [v for v in current if v in allowed]
        if key == K_STATUSES and not fitted:
            fitted = list(DEFAULT_STATUSES)
        if fitted != current:
            ss[key] = fitted
    lo, hi = bounds_of(frames)
    window = ss.get(K_WINDOW) or (lo, hi)
    a, b = (max(lo, min(window[0], hi)), min(hi, max(window[1], lo)))
    if (a, b) != tuple(window):
        ss[K_WINDOW] = (a, b)
    if ss.get(K_LANES) not in LANE_MODES:
        ss[K_LANES] = "type"
    if ss.get(K_EVENT) is not None and ss[K_EVENT] not in set(frames.events["id"]):
        ss[K_EVENT] = None


def current_filters(frames: Frames) -> Filters:
    """The view as the widgets hold it now."""
    ss = st.session_state
    lo, hi = bounds_of(frames)
    start, end = ss.get(K_WINDOW) or (lo, hi)
    return Filters(
        start=None if start <= lo else start,
        end=None if end >= hi else end,
        types=tuple(ss.get(K_TYPES) or ()),
        actors=tuple(ss.get(K_ACTORS) or ()),
        systems=tuple(ss.get(K_SYSTEMS) or ()),
        publishers=tuple(ss.get(K_PUBLISHERS) or ()),
        statuses=tuple(ss.get(K_STATUSES) or DEFAULT_STATUSES),
        text=" ".join(str(ss.get(K_TEXT) or "").split()),
        lanes=ss.get(K_LANES) or "type",
        event=ss.get(K_EVENT),
    )


def make_view(loaded: Loaded) -> View:
    assert loaded.frames is not None
    frames = loaded.frames
    f = current_filters(frames)
    return View(frames, f, apply(frames.events, f), bounds_of(frames), loaded.path)


def set_view(view: View) -> None:
    """Hand this run's view to the page script (pages are files run by st.navigation)."""
    st.session_state[_VIEW] = view


def current_view() -> View:
    """This run's view, as set by the router (``dashboard/app.py``)."""
    return st.session_state[_VIEW]


def sync_url(frames: Frames) -> None:
    """Write the view into the address bar (only when it changed)."""
    wanted = {k: [v] if isinstance(v, str) else list(v)
              for k, v in filters_to_query(current_filters(frames)).items()}
    if wanted != _query_now():
        st.query_params.from_dict(wanted)


def reset_filters(frames: Frames) -> None:
    """Callback: every filter back to its default (lanes and selection kept)."""
    ss = st.session_state
    ss[K_WINDOW] = bounds_of(frames)
    for key in (K_TYPES, K_ACTORS, K_SYSTEMS, K_PUBLISHERS):
        ss[key] = []
    ss[K_STATUSES] = list(DEFAULT_STATUSES)
    ss[K_TEXT] = ""


# --------------------------------------------------------------------------------------------
# Selection
# --------------------------------------------------------------------------------------------


def take_chart_pick(selection: object) -> bool:
    """Make a newly clicked mark the selected event. Returns True when the selection changed.

    ``selection`` is what ``st.plotly_chart(on_select="rerun")`` returned. Only a *new* click
    counts: the chart keeps reporting its last click until the figure changes.
    """
    points = []
    try:
        points = list(selection.selection.points)  # type: ignore[attr-defined]
    except AttributeError:
        try:
            points = list(selection["selection"]["points"])  # type: ignore[index]
        except (KeyError, TypeError):
            points = []
    ids = [p.get("customdata") for p in points if isinstance(p, dict)]
    ids = [i[0] if isinstance(i, list | tuple) and i else i for i in ids]
    ids = [i for i in ids if isinstance(i, str)]
    ss = st.session_state
    picked = ids[0] if ids else None
    if picked is None:
        ss[_LAST_PICK] = None
        return False
    if picked == ss.get(_LAST_PICK):
        return False
    ss[_LAST_PICK] = picked
    if ss.get(K_EVENT) == picked:
        return False
    ss[K_EVENT] = picked
    return True

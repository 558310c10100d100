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

import dataclasses
import datetime as dt
import getpass
import os
import sqlite3
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from dashboard import audit
from dashboard.access import Access, Team, TeamError, load_team, resolve, team_path
from dashboard.data import app_option, events_path
from dashboard.filters import (
    DEFAULT_STATUSES,
    LANE_MODES,
    Filters,
    apply,
    filters_from_query,
    filters_to_query,
)
from dashboard.frame import Frames, build
from dashboard.kept import Kept
from extract.timeline import EVENT_TYPES, STATUSES, TimelineError, load
from extract.timeline.changes import Diff, diff_timelines
from extract.timeline.reconcile import Reconciliation, reconcile
from extract.timeline.sipri import NameMap, Register, RegisterError, read_register
from extract.timeline.snapshots import (
    Snapshot,
    VersionError,
    mark_briefed,
    read_version,
    revision_at,
    snapshots,
)

# widget keys (also used by the tests to drive the app)
K_WINDOW, K_TYPES, K_ACTORS, K_SYSTEMS = "f_window", "f_types", "f_actors", "f_systems"
K_PUBLISHERS, K_STATUSES, K_TEXT = "f_publishers", "f_statuses", "f_text"
K_LANES, K_EVENT, K_CHART = "lanes", "event", "timeline_chart"
K_DENSITY, K_ALL_MARKS = "timeline_density", "all_marks"
K_EXPAND = "expand_unnamed"  # label the events of the lane with nothing named
K_SINCE = "since"  # the Changes page's baseline (a snapshot, a revision or @YYYY-MM-DD)
_MISSING_EVENT = "_missing_event"  # the id a link asked for that the file does not hold
_SEEDED = "_view_seeded"
_LAST_PICK = "_last_chart_pick"
_VIEW = "_view"
_URL_WRITTEN = "_url_written"  # this run's page wrote the address bar itself (Present)
_ZOOM = "_zoom_to"  # a window the density chart asked for, applied before the sidebar is drawn
_DENSITY_ROUND = "_density_round"
T = TypeVar("T")
# widgets that live on one page but belong to the view
PAGE_WIDGETS = (K_LANES, K_EVENT, K_EXPAND, K_SINCE)
FILTER_WIDGETS = (K_WINDOW, K_TYPES, K_ACTORS, K_SYSTEMS, K_PUBLISHERS, K_STATUSES, K_TEXT)


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


# cache_resource, not cache_data: the tables are read-only, and cache_data would copy them
# (a pickle round trip) on every rerun of every session
@st.cache_resource(show_spinner="Reading the timeline…", max_entries=8)
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
    folder = str(Path(loaded.path).parent) + os.sep  # the file's name only: no server paths
    lines = "\n".join(f"- {md_escape(p.replace(folder, ''))}" for p in loaded.problems)
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
    return frames.memo("bounds", lambda: (ev["start"].min().date(), ev["stop"].max().date()))


def options_of(frames: Frames) -> dict[str, list[str]]:
    """The choices of each filter widget (computed once per file version; do not modify)."""
    return frames.memo("options", lambda: _options(frames.events))


def _options(ev: pd.DataFrame) -> dict[str, list[str]]:
    def names(column: str) -> list[str]:
        return sorted({v for vals in ev[column].tolist() for v in vals}, key=str.casefold)

    present = set(ev["type"].tolist())
    return {
        K_TYPES: [t for t in EVENT_TYPES if t in present],
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
        ss[K_SINCE] = f.since
        if f.event is not None and f.event not in frames.event_ids:
            ss[_MISSING_EVENT] = f.event  # said on the page, not silently dropped
        ss[_SEEDED] = True
    keep_widgets(PAGE_WIDGETS)  # widgets of one page keep their values across pages
    zoom = ss.pop(_ZOOM, None)
    if zoom is not None:  # before the slider is drawn: a widget's value can only be set then
        ss[K_WINDOW] = zoom
    _fit_to_file(frames)


def keep_widgets(keys: tuple[str, ...]) -> None:
    """Keep the values of widgets this run may not draw: Streamlit forgets the state of a
    widget that a run does not draw, unless the run assigns it."""
    ss = st.session_state
    for key in keys:
        if key in ss:
            ss[key] = ss[key]


def keep_filters() -> None:
    """On a page without the sidebar: the filters keep their values for the return."""
    keep_widgets(FILTER_WIDGETS)


def _fit_to_file(frames: Frames) -> None:
    """Drop remembered values the current file no longer offers (it may have been edited)."""
    ss = st.session_state
    allowed_of = frames.memo("option_sets", lambda: {
        key: frozenset(options) for key, options in options_of(frames).items()})
    for key, allowed in allowed_of.items():
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
    if ss.get(K_EVENT) is not None and ss[K_EVENT] not in frames.event_ids:
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
        since=str(ss.get(K_SINCE) or ""),
    )


def make_view(loaded: Loaded) -> View:
    assert loaded.frames is not None
    frames = loaded.frames
    f = current_filters(frames)
    # the rows that pass are shared per file version and filters (a selection, the lanes or
    # the baseline do not change them): at 50,000 events taking them costs 0.2 s a run
    rows = dataclasses.replace(f, event=None, lanes="type", since="")
    shown = shared(frames, "shown", rows, lambda: apply(frames.events, f))
    return View(frames, f, shown, bounds_of(frames), loaded.path)


def set_view(view: View) -> None:
    """Hand this run's view to the page script (pages are files run by st.navigation)."""
    st.session_state[_VIEW] = view
    st.session_state.pop(_URL_WRITTEN, None)  # a flag of one run only


def current_view() -> View:
    """This run's view, as set by the router (``dashboard/app.py``)."""
    return st.session_state[_VIEW]


def sync_url(frames: Frames) -> None:
    """Write the view into the address bar (only when it changed, and not when the page wrote
    the whole of it this run)."""
    if st.session_state.pop(_URL_WRITTEN, False):
        return
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


def remembered(slot: str, key: tuple[object, ...], make: Callable[[], T]) -> T:
    """``make()``, kept in this session under ``slot`` until ``key`` changes.

    For what a rerun would rebuild unchanged (the timeline figure when only the selected event
    changed). Items of ``key`` are compared with ``is`` first, so tables can be part of it.
    """
    ss = st.session_state
    held = ss.get(slot)
    if held is not None and len(held[0]) == len(key) and all(
            a is b or (type(a) is type(b) and not isinstance(a, pd.DataFrame | Frames) and a == b)
            for a, b in zip(held[0], key, strict=True)):
        return held[1]
    value = make()
    ss[slot] = (key, value)
    return value


SHARED_PER_FILE = 32  # figures kept per file version for every session (least recent dropped)


def shared(frames: Frames, slot: str, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, shared by every session that views this file version with ``key`` (a
    hashable description of what ``make`` draws), so that a new session does not build the
    figure its neighbour already built. At most ``SHARED_PER_FILE`` per slot, the least
    recently used dropped; what is shared must be read-only (the figures are: Streamlit
    serialises them)."""
    return frames.memo(f"shared:{slot}", lambda: Kept(SHARED_PER_FILE)).get(key, make)


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


def missing_event() -> str | None:
    """The event id the opening link asked for that this timeline does not hold, while no
    other event is selected (then the page says so instead of a silent default view)."""
    ss = st.session_state
    if ss.get(K_EVENT):
        ss.pop(_MISSING_EVENT, None)
    return ss.get(_MISSING_EVENT)


def chart_key() -> str:
    """The timeline chart's widget key; it changes after every zoom, like the density
    chart's, so that the new chart starts with no selection."""
    return f"{K_CHART}_{st.session_state.get(_DENSITY_ROUND, 0)}"


def density_key() -> str:
    """The density chart's widget key. It changes after every zoom, so that the new chart
    starts with no selection (a chart keeps reporting its last click)."""
    return f"{K_DENSITY}_{st.session_state.get(_DENSITY_ROUND, 0)}"


def take_zoom(selection: object) -> tuple[dt.date, dt.date] | None:
    """The window a click on a density cell (its ``customdata``: first and last day) or a
    dragged box (its x extent, whole days) asks for; None when there is neither."""
    try:
        sel = selection.selection  # type: ignore[attr-defined]
    except AttributeError:
        sel = selection.get("selection") if isinstance(selection, dict) else None
    if not sel:
        return None
    boxes = list(sel.get("box") or [])
    for box in boxes:
        xs = box.get("x") if isinstance(box, dict) else None
        if isinstance(xs, list | tuple) and len(xs) == 2:
            try:
                a, b = sorted(pd.Timestamp(x) if isinstance(x, str) else pd.Timestamp(x, unit="ms")
                              for x in xs)
            except (ValueError, TypeError):
                continue
            return a.date(), max(a.date(), (b - pd.Timedelta(microseconds=1)).date())
    for point in sel.get("points") or []:
        days = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(days, list | tuple) and len(days) == 2:
            try:
                return dt.date.fromisoformat(str(days[0])), dt.date.fromisoformat(str(days[1]))
            except ValueError:
                continue
    return None


def zoom_to(window: tuple[dt.date, dt.date]) -> None:
    """Ask for ``window`` as the time window on the next full run (then rerun the app)."""
    ss = st.session_state
    ss[_ZOOM] = window
    ss[_DENSITY_ROUND] = ss.get(_DENSITY_ROUND, 0) + 1


# --------------------------------------------------------------------------------------------
# Presenter mode (dashboard/views/present.py; the deck itself is dashboard/present.py)
# --------------------------------------------------------------------------------------------

from dashboard.present import Presenter, presenter_from_query, presenter_to_query  # noqa: E402

K_PRESENT_ON, K_PRESENT_SET = "present_on", "present_set"
K_PRESENT_THEME, K_PRESENT_STEP = "present_theme", "present_step"
_PRESENT_KEYS = (K_PRESENT_ON, K_PRESENT_SET, K_PRESENT_THEME, K_PRESENT_STEP)
_PRESENT_SEEDED = "_present_seeded"
_PRESENT_ROUTED = "_present_routed"


def present_page(path: Path) -> st.Page:
    """The Present page for ``st.navigation``.

    A session that opens with ``?mode=present`` on another page (the bare app address) goes
    to this page once, keeping the query string, so that such a link starts presenter mode.
    """
    page = st.Page(path, title="Present & export", url_path="present")
    ss = st.session_state
    if not ss.get(_PRESENT_ROUTED):
        ss[_PRESENT_ROUTED] = True
        if st.query_params.get("mode") == "present" and not ss.get(_PRESENT_SEEDED):
            st.switch_page(page, query_params=_query_now())
    return page


def presenter() -> Presenter:
    """The presenter's place: seeded from the URL once per session, then session state."""
    ss = st.session_state
    if not ss.get(_PRESENT_SEEDED):
        p = presenter_from_query(_query_now())
        ss[K_PRESENT_ON], ss[K_PRESENT_SET] = p.on, p.set
        ss[K_PRESENT_THEME], ss[K_PRESENT_STEP] = p.theme, p.step
        ss[_PRESENT_SEEDED] = True
    keep_widgets(_PRESENT_KEYS)  # widgets not drawn in presenter mode keep their values
    return Presenter(on=bool(ss[K_PRESENT_ON]), step=int(ss[K_PRESENT_STEP]),
                     set=ss[K_PRESENT_SET], theme=ss[K_PRESENT_THEME])


def set_present_step(step: int, last: int) -> None:
    """Callback of Previous/Next: go to ``step`` (kept within 0..last)."""
    st.session_state[K_PRESENT_STEP] = max(0, min(int(step), int(last)))


def set_presenting(on: bool) -> None:
    """Callback: enter or leave presenter mode."""
    st.session_state[K_PRESENT_ON] = bool(on)


def finish_present_run(view: View, p: Presenter) -> None:
    """Write the view and the presenter's place into the address bar.

    The router's :func:`sync_url` writes the filters only and would drop ``mode``/``step``;
    the Present page therefore writes the whole query string itself, and the router's
    :func:`sync_url` leaves it (the run goes on: the sidebar, drawn after the page, keeps the
    filters' widgets and their values).
    """
    wanted = {k: [v] if isinstance(v, str) else list(v)
              for k, v in filters_to_query(current_filters(view.frames)).items()}
    wanted.update({k: [v] for k, v in presenter_to_query(p).items()})
    if wanted != _query_now():
        st.query_params.from_dict(wanted)
    st.session_state[_URL_WRITTEN] = True


# --------------------------------------------------------------------------------------------
# Review (dashboard/views/review.py, views/add_articles.py; the queue is dashboard/review.py)
# --------------------------------------------------------------------------------------------
# The Document stays in session state between reruns, so that a save can tell whether the file
# changed on disk since this curator read it; it is re-opened only on the curator's say-so.

from dashboard.review import (  # noqa: E402
    Decision,
    apply_decision,
    changed_since_read,
    open_for_review,
)
from extract.timeline import ConcurrentModificationError, Document, Event, Source  # noqa: E402
from extract.timeline.store import Store, StoreError  # noqa: E402

K_REVIEW_TEXT, K_REVIEW_TYPES = "review_text", "review_types"
K_REVIEW_PUBLISHERS, K_REVIEW_CONFIDENCE = "review_publishers", "review_confidence"
_REVIEW_DOC = "_review_doc"  # (resolved path, Document)
_REVIEW_SEEN = "_review_seen"  # (Document, the file's stat when its bytes were unchanged)
_REVIEW_PENDING = "_review_pending"  # the Decision a concurrent save refused
_REVIEW_BULK = "_review_bulk"  # the bulk Decision awaiting confirmation
_REVIEW_MERGE = "_review_merge"  # the merge Decision awaiting confirmation (its differences)
_REVIEW_FLASH = "_review_flash"  # [(kind, text)] shown once after a rerun


@dataclass
class Outcome:
    """What became of a decision: written, refused (problems), or held (conflict)."""

    written: bool
    conflict: bool = False
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def review_page(path: Path) -> st.Page:
    """The Review page for ``st.navigation`` (only for curators: see :func:`access`)."""
    return st.Page(path, title="Review", url_path="review")


# --------------------------------------------------------------------------------------------
# Who is here: sign-in and roles (the rules are in dashboard.access)
# --------------------------------------------------------------------------------------------


def _auth_configured() -> bool:
    """True when the secrets hold an ``[auth]`` section (sign-in with ``st.login``)."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all: Streamlit raises its own error
        return False


def _user() -> dict[str, object]:
    try:
        return dict(st.user.to_dict())
    except Exception:  # noqa: BLE001 - outside a session (bare mode): nobody signed in
        return {}


@st.cache_resource(max_entries=4)
def _team_version(path: str, mtime_ns: int, size: int) -> Team | TeamError:
    try:
        return load_team(Path(path))
    except TeamError as exc:
        return exc


def team() -> Team:
    """The roles file of the timeline being shown (read again when it changes). Raises
    TeamError."""
    got = _team_version(*file_key(team_path(events_path())))
    if isinstance(got, TeamError):
        raise got
    return got


def access() -> Access:
    """This session's access, worked out again on every run from what the server knows: the
    sign-in (``st.user``), the server's address and the roles file. A roles file that cannot
    be read leaves everyone read-only (and says why)."""
    try:
        the_team = team()
    except TeamError as exc:
        base = resolve(auth_configured=_auth_configured(), user=_user(),
                       trusted_headers=st.get_option("server.trustedUserHeaders"),
                       address=st.get_option("server.address"), team=Team(),
                       os_user=_os_user())
        if base.role is None:
            return base
        return Access(base.mode, "viewer", name=base.name, email=base.email,
                      note=f"Read-only: the roles file cannot be used. {exc}")
    return resolve(auth_configured=_auth_configured(), user=_user(),
                   trusted_headers=st.get_option("server.trustedUserHeaders"),
                   address=st.get_option("server.address"), team=the_team,
                   os_user=_os_user())


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user id (a container)
        return ""


@st.cache_resource(max_entries=4)
def _history_version(path: str, mtime_ns: int, size: int) -> dict[str, list[audit.Record]]:
    by_event: dict[str, list[audit.Record]] = {}
    for rec in audit.history(Path(path)):
        for eid in rec.events:
            by_event.setdefault(eid, []).append(rec)
    return by_event


def event_history(timeline: Path, event_id: str) -> list[audit.Record]:
    """The decisions recorded on an event, oldest first (the audit log, read once per
    version of it)."""
    log_file = audit.log_path(timeline)
    key = file_key(log_file)
    if key[1] < 0:
        return []
    return _history_version(str(timeline), key[1], key[2]).get(event_id, [])


# --------------------------------------------------------------------------------------------
# What changed since a briefing (the rules are in extract.timeline.changes and .snapshots)
# --------------------------------------------------------------------------------------------


@st.cache_resource(ttl=30, max_entries=8)
def _snapshots(path: str, mtime_ns: int, size: int) -> list[Snapshot]:
    return snapshots(Path(path))


def briefing_snapshots(timeline: Path) -> list[Snapshot]:
    """The timeline's snapshots, newest first (read again after 30 s or a new file version)."""
    return list(reversed(_snapshots(*file_key(Path(timeline)))))


@dataclass(frozen=True)
class Baseline:
    """What the Changes page compares with: the diff and the old tables, or why not."""

    label: str
    diff: Diff | None = None
    old: Frames | None = None
    problem: str = ""


@st.cache_resource(max_entries=8, show_spinner="Comparing with the briefing…")
def _baseline(path: str, mtime_ns: int, size: int, since: str) -> Baseline:
    timeline = Path(path)
    spec = since
    if since.startswith("@"):
        try:
            day = dt.date.fromisoformat(since[1:])
        except ValueError:
            return Baseline(since, problem=f"{since[1:]}: not a date; expected YYYY-MM-DD")
        spec = revision_at(timeline, day) or ""
        if not spec:
            return Baseline(since, problem=(
                f"No version of {timeline.name} from before {day:%d %b %Y} is known: "
                "comparing with a date needs the file in a git repository, with a commit "
                "before that day."))
    try:
        label, old = read_version(spec, timeline)
        new = load(timeline)
    except VersionError as exc:
        return Baseline(since, problem=str(exc))
    except TimelineError as exc:
        return Baseline(since, problem=" ".join(str(p) for p in exc.problems))
    label = f"{since[1:]} ({label[:10]})" if since.startswith("@") else label
    return Baseline(label, diff_timelines(old, new, old_label=label, new_label="now"),
                    build(old))


def baseline(timeline: Path, since: str) -> Baseline:
    """The comparison of the timeline now with ``since`` (cached per file version)."""
    return _baseline(*file_key(Path(timeline)), since)


def mark_as_briefed(timeline: Path) -> Snapshot:
    """A curator's "Mark as briefed": the snapshot, by the signed-in identity. Raises
    VersionError; PermissionError for anyone but a curator."""
    who = access()
    if not who.curator:
        raise PermissionError("Only curators can mark the timeline as briefed. " + who.note)
    snap = mark_briefed(Path(timeline), who.name or who.by, email=who.email)
    _snapshots.clear()
    return snap


# --------------------------------------------------------------------------------------------
# The SIPRI register beside the timeline (extract.timeline.sipri and .reconcile)
# --------------------------------------------------------------------------------------------

SIPRI_ENV = "ARMS_SIPRI"


def sipri_path() -> Path | None:
    """``--sipri FILE`` after ``--``, else ``$ARMS_SIPRI``; None when no register is given."""
    given = app_option("--sipri") or os.environ.get(SIPRI_ENV)
    return Path(given) if given else None


@st.cache_resource(max_entries=4, show_spinner="Reading the SIPRI register…")
def _register(path: str, mtime_ns: int, size: int) -> Register | str:
    try:
        return read_register(path)
    except (RegisterError, OSError) as exc:
        return str(exc) if isinstance(exc, RegisterError) else f"{path}: {exc.strerror or exc}"


def reconciliation(register: Path, timeline: Path, shown_ids: frozenset[str],
                   ) -> Reconciliation | str:
    """The register against the events in view (the error, in words, when it cannot be
    read)."""
    reg = _register(*file_key(register))
    if isinstance(reg, str):
        return reg
    return _reconcile(*file_key(register), *file_key(Path(timeline)), shown_ids)


@st.cache_resource(max_entries=8)
def _reconcile(reg_path: str, reg_mtime: int, reg_size: int, path: str, mtime_ns: int,
               size: int, shown_ids: frozenset[str]) -> Reconciliation:
    reg = _register(reg_path, reg_mtime, reg_size)
    assert not isinstance(reg, str)
    timeline = load(path)
    view = timeline.model_copy(update={"events": [e for e in timeline.events
                                                  if e.id in shown_ids]})
    return reconcile([reg], view, NameMap.load())


@st.cache_resource(max_entries=8)
def _deals(path: str, mtime_ns: int, size: int, shown_ids: frozenset[str]) -> Reconciliation:
    timeline = load(path)
    view = timeline.model_copy(update={"events": [e for e in timeline.events
                                                  if e.id in shown_ids]})
    return reconcile([], view, NameMap.load())


def deals_of(timeline: Path, shown_ids: frozenset[str]) -> Reconciliation:
    """The timeline's deals among the events in view (no register: all 'only in the
    timeline')."""
    return _deals(*file_key(Path(timeline)), shown_ids)


def require_curator() -> Access:
    """The curator running this page; anyone else sees why not, and the run ends here (the
    page's actions are never reached, whatever the request asked for)."""
    who = access()
    if not who.curator:
        st.error("Only curators can review candidates and add articles. "
                 + (who.note or ""))
        st.stop()
    return who


def review_document(path: Path) -> Document:
    """The timeline opened for editing, kept across reruns. Raises TimelineError."""
    ss = st.session_state
    key = str(Path(path).resolve())
    held = ss.get(_REVIEW_DOC)
    if held is None or held[0] != key:
        doc, ss[_REVIEW_SEEN] = open_for_review(Path(path))  # its bytes need not be read again
        ss[_REVIEW_DOC] = (key, doc)
    return ss[_REVIEW_DOC][1]


def review_changed_on_disk(doc: Document) -> bool:
    """Whether the held document's file changed on disk since it was read (by its bytes; not
    read again while the file's stat is the one they were last found unchanged with)."""
    ss = st.session_state
    changed, ss[_REVIEW_SEEN] = changed_since_read(doc, ss.get(_REVIEW_SEEN))
    return changed


def reload_review_document(path: Path) -> None:
    """The curator chose to read the file again (or added articles to it)."""
    st.session_state.pop(_REVIEW_DOC, None)
    review_document(path)


def decide(path: Path, decision: Decision) -> Outcome:
    """Apply a decision and write the file at once; nothing is written when it is invalid.

    When the file changed on disk since it was read, nothing is written and the decision is
    held as pending (:func:`pending_decision`) until the curator re-applies or discards it.
    """
    ss = st.session_state
    who = access()
    if not who.curator:  # the server refuses, whatever the page showed or the request said
        return Outcome(False, problems=["Only curators can make decisions. " + who.note])
    decision = dataclasses.replace(decision, by=who.by)  # the identity, never the request's
    doc = review_document(path)
    if doc.changed_on_disk():
        ss[_REVIEW_PENDING] = decision
        return Outcome(False, conflict=True)
    try:  # the same bytes as ``doc``: a refused decision leaves the held document untouched
        work = _working_copy(doc, path)
    except TimelineError as exc:
        return Outcome(False, problems=[str(p) for p in exc.problems])
    except OSError as exc:
        return Outcome(False, problems=[f"{path}: could not be read ({exc.strerror or exc})"])
    touched = [*decision.event_ids, *([decision.target] if decision.target else [])]
    before = _event_dicts(work, touched)
    try:
        skipped = apply_decision(work, decision)
    except TimelineError as exc:
        return Outcome(False, problems=[str(p) for p in exc.problems])
    except (ValueError, KeyError) as exc:
        return Outcome(False, problems=[str(exc).strip('"')])
    if len(skipped) == len(decision.event_ids):
        return Outcome(False, skipped=skipped)
    try:
        work.save()
    except ConcurrentModificationError:
        ss[_REVIEW_PENDING] = decision
        return Outcome(False, conflict=True)
    except TimelineError as exc:
        return Outcome(False, problems=[str(p) for p in exc.problems])
    except OSError as exc:
        return Outcome(False, problems=[f"{path}: could not be written ({exc.strerror or exc})"])
    ss[_REVIEW_DOC] = (str(Path(path).resolve()), work)
    record(path, who, decision.action, decision.describe(), touched, before,
           _event_dicts(work, touched))
    return Outcome(True, skipped=skipped)


def _working_copy(doc: Document, path: Path) -> Document:
    """A copy of the held document to apply a decision to (the file is not read again: it
    has the held document's bytes); the file opened afresh when the held one cannot be
    copied. Raises TimelineError, OSError."""
    try:
        return doc.copy()
    except ValueError:
        return Document.open(path)


def _event_dicts(doc: Document, ids: list[str]) -> dict[str, dict[str, object]]:
    events = {i: e for i in ids if (e := doc.event(i)) is not None}
    return {i: e.model_dump(mode="json", exclude_none=True) for i, e in events.items()}


def record(path: Path, who: Access, action: str, message: str, ids: list[str],
           before: dict[str, dict[str, object]], after: dict[str, dict[str, object]]) -> None:
    """Put a decision already written on the record (the audit log, and a git commit when the
    file is in a repository); a record that fails is a warning on the next run."""
    changes = audit.changes_between(before, after, ids)
    rec = audit.Record(at=audit.now(), by=who.by, name=who.name, email=who.email,
                       action=action, message=message[:1].upper() + message[1:],
                       events=tuple(i for i in ids if i in changes), changes=changes)
    for warning in audit.record(Path(path), rec):
        flash("warning", warning)


# --------------------------------------------------------------------------------------------
# The archive's candidate store (extract.timeline.store), when the app is started with one
# --------------------------------------------------------------------------------------------

STORE_ENV = "ARMS_CANDIDATES"
STORE_FILE = "candidates.db"


def candidate_store_path(timeline: Path) -> Path | None:
    """``--candidates FILE`` after ``--``, else ``$ARMS_CANDIDATES``, else ``candidates.db``
    beside the timeline when it exists; None: the small case, the file's own candidates."""
    given = app_option("--candidates") or os.environ.get(STORE_ENV)
    if given:
        return Path(given)
    beside = Path(timeline).parent / STORE_FILE
    return beside if beside.is_file() else None


def open_store(path: Path) -> Store:
    """The store, opened for this run (close it: ``with``). Raises StoreError."""
    return Store(path, create=False)


def decide_stored(timeline: Path, store: Path, event_id: str, action: str) -> Outcome:
    """Accept (the event joins the timeline file, with its sources; then it is marked decided
    in the store) or reject (marked in the store: a re-scan never proposes it again) one
    candidate of the store, as the signed-in curator; put on the record."""
    who = access()
    if not who.curator:
        return Outcome(False, problems=["Only curators can make decisions. " + who.note])
    if action not in ("accept", "reject"):
        return Outcome(False, problems=[f"action {action!r}; expected accept or reject"])
    status = "accepted" if action == "accept" else "rejected"
    now = audit.now()
    try:
        with open_store(store) as db:
            candidate = db.event(event_id)
            sources = [db.source(sid) for sid in dict.fromkeys(e.source for e in
                                                               candidate.evidence)]
            decided = db.db.execute("SELECT status, decided_by FROM events WHERE id=?",
                                    (event_id,)).fetchone()
            if decided[0] != "candidate":
                return Outcome(False, skipped=[f"'{event_id}' was already {decided[0]} by "
                                               f"{decided[1]}"])
            before: dict[str, dict[str, object]] = {}
            after: dict[str, dict[str, object]] = {event_id: {"status": "accepted"}}
            if action == "accept":  # recorded as created in the timeline file
                problem = _add_to_timeline(timeline, candidate, sources, who.by, now)
                if problem:
                    return Outcome(False, problems=[problem])
            else:
                before, after = {event_id: {"status": "candidate"}}, {
                    event_id: {"status": "rejected"}}
            db.decide(event_id, status, who.by)
    except (StoreError, KeyError, sqlite3.Error) as exc:
        return Outcome(False, problems=[f"{store.name}: {exc}"])
    record(timeline, who, action, f"{action} “{candidate.title}” (from {store.name})",
           [event_id], before, after)
    return Outcome(True)


def _add_to_timeline(timeline: Path, event: Event, sources: list[Source], by: str,
                     now: str) -> str:
    """Write an accepted candidate of the store into the timeline file (atomically, comments
    kept); "" when done, else why not (the file left as it was)."""
    for _attempt in range(3):  # another writer saved meanwhile: read the file again
        try:
            doc = Document.open(timeline)
            if event.id in doc.timeline.event_map():
                return ""  # already there (a decision whose store mark was lost): done
            held = doc.timeline.source_map()
            for src in sources:
                if src.id not in held:
                    doc.add_source(src)
                elif src.digest and held[src.id].digest and held[src.id].digest != src.digest:
                    return (f"{timeline.name}: a different source has the id '{src.id}'; "
                            "rename one of them first")
            doc.add_event(event.model_copy(update={"status": "accepted", "reviewed_by": by,
                                                   "reviewed_at": now}))
            doc.save()
            return ""
        except ConcurrentModificationError:
            continue
        except TimelineError as exc:
            return " ".join(str(p) for p in exc.problems)
        except (OSError, ValueError) as exc:
            return f"{timeline.name}: {exc}"
    return f"{timeline.name}: other writers kept saving it; try again"


def pending_decision() -> Decision | None:
    return st.session_state.get(_REVIEW_PENDING)


def reapply_pending(path: Path) -> Outcome:
    """"Reload and re-apply": read the file again, apply the held decision, write it."""
    decision = pending_decision()
    if decision is None:
        return Outcome(False)
    reload_review_document(path)
    outcome = decide(path, decision)
    if not outcome.conflict and not outcome.problems:
        st.session_state.pop(_REVIEW_PENDING, None)
    return outcome


def discard_pending(path: Path) -> None:
    """"Discard": drop the held decision and read the file as it is now."""
    st.session_state.pop(_REVIEW_PENDING, None)
    reload_review_document(path)


def ask_bulk(decision: Decision | None) -> None:
    """Hold a bulk decision for confirmation (None cancels it)."""
    if decision is None:
        st.session_state.pop(_REVIEW_BULK, None)
    else:
        st.session_state[_REVIEW_BULK] = decision


def bulk_asked() -> Decision | None:
    return st.session_state.get(_REVIEW_BULK)


def ask_merge(decision: Decision | None) -> None:
    """Hold a merge for confirmation, while the differences are shown (None cancels it)."""
    if decision is None:
        st.session_state.pop(_REVIEW_MERGE, None)
    else:
        st.session_state[_REVIEW_MERGE] = decision


def merge_asked() -> Decision | None:
    return st.session_state.get(_REVIEW_MERGE)


def flash(kind: str, text: str) -> None:
    """A message for the next run (kind: success, warning, error, info)."""
    st.session_state.setdefault(_REVIEW_FLASH, []).append((kind, text))


def take_flash() -> list[tuple[str, str]]:
    return st.session_state.pop(_REVIEW_FLASH, [])


def finish_review_run(view: View) -> None:
    """Write the view into the address bar, then end the run (a page that ends early)."""
    wanted = {k: [v] if isinstance(v, str) else list(v)
              for k, v in filters_to_query(current_filters(view.frames)).items()}
    if wanted != _query_now():
        st.query_params.from_dict(wanted)
    st.stop()

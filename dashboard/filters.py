"""The view state as data: filters, time window, lane mode, selected event (Streamlit-free).

The whole view lives in the URL query string so that a copied link reproduces it. These
functions move it between a :class:`Filters` value and query-string pairs; the glue module
(``dashboard/state.py``) only moves values between ``st.query_params`` and the widgets.

Query keys (lists repeat the key, ``?type=deal&type=delivery``)::

    from, to    time window, ISO days (2016-01-01); absent = the whole timeline
    type        event types;  actor, system, publisher: names; absent = all
    status      accepted (default), candidate, rejected
    q           text search over titles, summaries, quotes and names (every word must occur)
    lanes       timeline lanes: type (default), actor, system or pair (supplier → recipient)
    event       the selected event's id
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from extract.timeline import EVENT_TYPES, STATUSES

LANE_MODES = ("type", "actor", "system", "pair")
DEFAULT_STATUSES: tuple[str, ...] = ("accepted",)
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_MAX_TEXT = 200  # a search box, not a document
# a snapshot's name, a git revision (HEAD~3, a tag, a hash) or @YYYY-MM-DD: never an option
_SINCE_RE = re.compile(r"^@?[A-Za-z0-9][\w./~^-]{0,99}$")


@dataclass(frozen=True)
class Filters:
    """What the user is looking at. Empty tuples mean "no restriction"."""

    start: dt.date | None = None
    end: dt.date | None = None
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    systems: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    text: str = ""
    lanes: str = "type"
    event: str | None = None
    since: str = ""  # the Changes page's baseline: a snapshot, a revision, or @YYYY-MM-DD

    def without_selection(self) -> Filters:
        return replace(self, event=None)


def _values(params: Mapping[str, str | Sequence[str]], key: str) -> list[str]:
    raw = params.get(key)
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    return [str(v) for v in items]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    """Order kept, duplicates and blanks dropped."""
    seen: dict[str, None] = {}
    for item in items:
        if item.strip():
            seen.setdefault(item, None)
    return tuple(seen)


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()) if len(text.strip()) == 10 else None
    except ValueError:
        return None


def _clean_text(text: str) -> str:
    return " ".join(text.split())[:_MAX_TEXT]


def filters_from_query(params: Mapping[str, str | Sequence[str]]) -> Filters:
    """Read a view from query-string pairs; anything unreadable falls back to the default.

    ``params`` maps a key to one value or a list (``st.query_params`` gives strings; use
    ``get_all`` for lists). Never raises: a link from a colleague must open, even a damaged one.
    """
    def first(key: str) -> str:
        vals = _values(params, key)
        return vals[0] if vals else ""

    start, end = _day(first("from")), _day(first("to"))
    if start and end and start > end:
        start, end = end, start
    statuses = tuple(s for s in _unique(_values(params, "status")) if s in STATUSES)
    lanes = first("lanes")
    event = first("event").strip()
    since = first("since").strip()
    return Filters(
        start=start,
        end=end,
        types=tuple(t for t in _unique(_values(params, "type")) if t in EVENT_TYPES),
        actors=_unique(_values(params, "actor")),
        systems=_unique(_values(params, "system")),
        publishers=_unique(_values(params, "publisher")),
        statuses=statuses or DEFAULT_STATUSES,
        text=_clean_text(first("q")),
        lanes=lanes if lanes in LANE_MODES else "type",
        event=event if _ID_RE.match(event) else None,
        since=since if _SINCE_RE.match(since) and ".." not in since else "",
    )


def filters_to_query(f: Filters) -> dict[str, str | list[str]]:
    """The query-string pairs for a view; defaults are left out so links stay short."""
    out: dict[str, str | list[str]] = {}
    if f.start:
        out["from"] = f.start.isoformat()
    if f.end:
        out["to"] = f.end.isoformat()
    for key, values in (("type", f.types), ("actor", f.actors), ("system", f.systems),
                        ("publisher", f.publishers)):
        if values:
            out[key] = list(values)
    if f.statuses and tuple(f.statuses) != DEFAULT_STATUSES:
        out["status"] = list(f.statuses)
    if f.text:
        out["q"] = f.text
    if f.lanes != "type":
        out["lanes"] = f.lanes
    if f.event:
        out["event"] = f.event
    if f.since:
        out["since"] = f.since
    return out


def _any_of(column: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """Rows whose tuple column shares at least one value with ``wanted``."""
    want = frozenset(wanted)
    return column.map(lambda values: not want.isdisjoint(values)).astype(bool)


def mask(events: pd.DataFrame, f: Filters) -> pd.Series:
    """The boolean row mask of ``f`` over the events frame (see :mod:`dashboard.frame`)."""
    keep = events["status"].isin(f.statuses or DEFAULT_STATUSES)
    if f.types:
        keep &= events["type"].isin(f.types)
    # a year-precision event overlaps a window that starts inside its year: it may be in it
    if f.start:
        keep &= events["stop"] >= pd.Timestamp(f.start)
    if f.end:
        keep &= events["start"] <= pd.Timestamp(f.end)
    for column, wanted in (("actors", f.actors), ("systems", f.systems),
                           ("publishers", f.publishers)):
        if wanted:
            keep &= _any_of(events[column], wanted)
    for word in f.text.casefold().split():
        keep &= events["search"].str.contains(word, regex=False)
    return keep


def apply(events: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The events that pass ``f``, in timeline order.

    >>> apply(frames.events, Filters(types=("deal",)))  # doctest: +SKIP
    """
    if events.empty:
        return events
    return events[mask(events, f)]

"""The timeline as pandas tables, built once per file version (Streamlit-free).

Every view reads these tables; none of them walks the pydantic model again. One row per
event in ``events`` (sorted by start date, then id), one row per source in ``sources``.
Text columns hold the text exactly as in the file: escaping is the renderer's job.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.labels import (
    claimed_span,
    date_label,
    hover_text,
    precision_words,
    short_hover_text,
    value_label,
)
from extract.timeline import Event, Evidence, Source, Timeline, visible

EVENT_COLUMNS = (
    "id", "title", "type", "status", "date", "end", "precision", "approximate", "unverified",
    "start", "stop", "mid", "label", "precision_words", "actors", "people", "systems",
    "supplier", "recipient", "publishers", "n_sources", "n_publishers", "corroborating",
    "disagreeing", "references", "value_label", "value_amount", "value_unit",
    "value_currency", "summary", "notes", "confidence", "disputes", "disputed", "search",
    "hover", "hover_short", "record",
)
SOURCE_COLUMNS = (
    "id", "title", "publisher", "author", "published", "published_label", "url", "file",
    "language", "events", "n_events", "referenced_by", "digest", "page_says_publisher",
    "page_says_url", "notes", "has_publisher",
)


@dataclass(eq=False)
class Frames:
    """The tables of one file version (read-only: the app shares one instance between
    sessions, so derived lookups are computed once and kept in ``_memo``)."""

    events: pd.DataFrame
    sources: pd.DataFrame
    briefing: list[str] = field(default_factory=list)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def memo(self, name: str, make: Callable[[], Any]) -> Any:
        """``make()`` once per instance, by name (the tables never change after build)."""
        if name not in self._memo:
            self._memo[name] = make()
        return self._memo[name]

    @property
    def publishers(self) -> list[str]:
        return self.memo("publishers", lambda: sorted(
            {p for ps in self.events["publishers"] for p in ps}, key=str.casefold))

    @property
    def event_ids(self) -> frozenset[str]:
        return self.memo("event_ids", lambda: frozenset(self.events["id"].tolist()))

    @property
    def pick_labels(self) -> dict[str, str]:
        """Event id -> 'date as given · title', the words of the event picker."""
        return self.memo("pick_labels", lambda: dict(zip(
            self.events["id"].tolist(),
            (visible(f"{label} · {title}") for label, title in zip(
                self.events["label"].tolist(), self.events["title"].tolist(), strict=True)),
            strict=True)))

    def event(self, event_id: str) -> pd.Series | None:
        """The events row of ``event_id`` (None when the file has no such event)."""
        where: dict[str, int] = self.memo("event_rows", lambda: {
            i: n for n, i in enumerate(self.events["id"].tolist())})
        n = where.get(event_id)
        return None if n is None else self.events.iloc[n]

    @property
    def sources_by_id(self) -> pd.DataFrame:
        return self.memo("sources_by_id", lambda: self.sources.set_index("id", drop=False))


def publisher_of(source: Source | None, source_id: str) -> str:
    """The name to show for a source: its publisher, else its id."""
    if source is None:
        return source_id
    return source.publisher or source.id


def _record(event: Event) -> dict[str, Any]:
    """The event as JSON-ready data in the contract's shape, dates as written ('2016')."""
    rec = event.model_dump(mode="json", exclude_none=True)
    rec["date"] = str(event.date)
    if event.end is not None:
        rec["end"] = str(event.end)
    for ev, out in zip(event.evidence, rec["evidence"], strict=True):
        if ev.claims is not None:
            if ev.claims.date is not None:
                out["claims"]["date"] = str(ev.claims.date)
            if ev.claims.end is not None:
                out["claims"]["end"] = str(ev.claims.end)
    return rec


def record(row: pd.Series | str) -> dict[str, Any]:
    """The event's data in the contract's shape (evidence, claims, value, review)."""
    text = row if isinstance(row, str) else row["record"]
    return json.loads(text)


def _contains(outer: tuple[dt.date, dt.date], inner: tuple[dt.date, dt.date]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def disputes(event: Event, sources: dict[str, Source]) -> list[dict[str, Any]]:
    """Where this event's sources say something other than the event record.

    Returns one entry per disputed field: ``{"field": "date" | "value" | "other",
    "says": [(publisher, words), ...], "consistent": bool}``. ``says`` lists every source's
    version (sources without a claim say what the event says), first the event's own. A date
    claim that only is coarser ('Mar 2023' for '29 Mar 2023') is marked ``consistent``.
    """
    out: list[dict[str, Any]] = []
    shown = date_label(event.date, event.end, approximate=event.approximate)
    event_span = (event.date.first_day(), (event.end or event.date).last_day())
    dated = [ev for ev in event.evidence
             if ev.claims and (ev.claims.date is not None or ev.claims.end is not None)]
    if dated:
        says: dict[tuple[str, str], None] = {}
        consistent = True
        claimed: dict[str, str] = {}
        for ev in dated:
            assert ev.claims is not None
            start, end = claimed_span(ev.claims.date, ev.claims.end, event.date, event.end)
            words = date_label(start, end)
            claimed[ev.source] = words
            span = (start.first_day(), (end or start).last_day())
            consistent = consistent and _contains(span, event_span)
        for ev in event.evidence:
            name = publisher_of(sources.get(ev.source), ev.source)
            says.setdefault((name, claimed.get(ev.source, shown)), None)
        # a disagreement among the sources, or with the date the timeline shows (established
        # by other reporting: "December 2016" in the only article, 13 Dec 2016 in the record)
        if len({w for _, w in says}) > 1 or any(w != shown for w in claimed.values()):
            out.append({"field": "date", "says": list(says), "consistent": consistent})
    valued = [ev for ev in event.evidence if ev.claims and ev.claims.value is not None]
    if valued:
        own = value_label(event.value) or "no figure"
        vsays: dict[tuple[str, str], None] = {}
        for ev in event.evidence:
            name = publisher_of(sources.get(ev.source), ev.source)
            words = own
            if ev.claims and ev.claims.value is not None:
                words = value_label(ev.claims.value)
            vsays.setdefault((name, words), None)
        if len({w for _, w in vsays}) > 1:
            out.append({"field": "value", "says": list(vsays), "consistent": False})
    texts = [ev for ev in event.evidence if ev.claims and ev.claims.text]
    if texts:
        out.append({
            "field": "other",
            "says": [(publisher_of(sources.get(ev.source), ev.source), ev.claims.text)
                     for ev in texts if ev.claims and ev.claims.text],
            "consistent": False,
        })
    return out


def agrees(evidence: Evidence, event: Event) -> bool:
    """True when a piece of evidence says what the event record says: no claims, or a date
    claim that is only less precise ('Mar 2023' for 29 Mar 2023). A claimed value, other
    words, or a date the record's does not lie within, is a disagreement, shown as one and
    never counted as corroboration."""
    claims = evidence.claims
    if claims is None:
        return True
    if claims.value is not None or claims.text:
        return False
    if claims.date is None and claims.end is None:
        return True
    start, end = claimed_span(claims.date, claims.end, event.date, event.end)
    return _contains((start.first_day(), (end or start).last_day()),
                     (event.date.first_day(), (event.end or event.date).last_day()))


def corroboration(event: Event, sources: dict[str, Source]) -> tuple[tuple[str, ...],
                                                                   tuple[str, ...]]:
    """(publishers that corroborate the event, publishers whose evidence disagrees).

    Corroboration is what a person accepted: only an accepted event's evidence counts, and
    only evidence that :func:`agrees` with the record. A publisher is counted once, as
    corroborating when any of its evidence agrees.
    """
    agreeing: dict[str, None] = {}
    disagreeing: dict[str, None] = {}
    for ev in event.evidence:
        name = publisher_of(sources.get(ev.source), ev.source)
        (agreeing if agrees(ev, event) else disagreeing).setdefault(name, None)
    if event.status != "accepted":
        agreeing = {}
    return tuple(agreeing), tuple(p for p in disagreeing if p not in agreeing)


def _event_row(e: Event, smap: dict[str, Source]) -> dict[str, Any]:
    """One event's row of the events table (``start``/``stop`` as dates, ``mid`` not yet)."""
    last = (e.end or e.date).last_day()
    first = e.date.first_day()
    publishers = tuple(e.publishers(smap))
    quotes = " ".join(ev.quote for ev in e.evidence)
    found = disputes(e, smap)
    label = date_label(e.date, e.end, approximate=e.approximate)
    precision = e.date.precision if e.end is None else max(
        (e.date.precision, e.end.precision), key=("day", "month", "year").index)
    agreeing, disagreeing = corroboration(e, smap)
    return {
        "id": e.id,
        "title": e.title,
        "type": e.type,
        "status": e.status,
        "date": str(e.date),
        "end": str(e.end) if e.end else "",
        "precision": precision,
        "approximate": e.approximate,
        "unverified": e.unverified,
        "start": first,
        "stop": last,
        "mid": None,
        "label": label,
        "precision_words": precision_words(e.date, e.end, e.approximate),
        "actors": tuple(e.actors),
        "people": tuple(e.people),
        "systems": tuple(e.systems),
        "supplier": e.supplier or "",
        "recipient": e.recipient or "",
        "publishers": publishers,
        "n_sources": len(e.evidence),
        "n_publishers": len(publishers),
        "corroborating": agreeing,
        "disagreeing": disagreeing,
        "references": tuple(e.references),
        "value_label": value_label(e.value),
        "value_amount": e.value.amount if e.value else float("nan"),
        "value_unit": (e.value.unit or "") if e.value else "",
        "value_currency": (e.value.currency or "") if e.value else "",
        "summary": e.summary or "",
        "notes": e.notes or "",
        "confidence": e.confidence if e.confidence is not None else float("nan"),
        "disputes": tuple(found),
        "disputed": any(d["field"] in ("date", "value") for d in found),
        "search": " ".join([e.title, e.summary or "", quotes, *e.actors, *e.people,
                            *e.systems]).casefold(),
        # JSON text, not a dict: the cache copies the frame on every rerun, and strings
        # copy far faster than nested dicts (see record())
        "record": json.dumps(_record(e), ensure_ascii=False),
        "hover": hover_text(
            title=e.title, label=label, precision=precision, event_type=e.type,
            n_sources=len(e.evidence), n_publishers=len(publishers), status=e.status,
            unverified=e.unverified,
            disputed=any(d["field"] in ("date", "value") for d in found)),
        "hover_short": short_hover_text(
            title=e.title, label=label, precision=precision, status=e.status,
            unverified=e.unverified,
            disputed=any(d["field"] in ("date", "value") for d in found)),
    }


def _source_rows(timeline: Timeline, supports: dict[str, dict[str, None]],
                 referenced: dict[str, dict[str, None]]) -> list[dict[str, Any]]:
    """The rows of the sources table, with the events each source supports and is cited by."""
    return [
        {
            "id": s.id,
            "title": s.title or "",
            "publisher": publisher_of(s, s.id),
            "author": s.author or "",
            "published": str(s.published) if s.published else "",
            "published_label": date_label(s.published) if s.published else "",
            "url": s.url or "",
            "file": s.file or "",
            "language": s.language,
            "events": tuple(supports[s.id]),
            "n_events": len(supports[s.id]),
            "referenced_by": tuple(referenced[s.id]),
            "digest": s.digest or "",
            "page_says_publisher": (s.page_says.publisher or "") if s.page_says else "",
            "page_says_url": (s.page_says.url or "") if s.page_says else "",
            "notes": s.notes or "",
            "has_publisher": bool(s.publisher),
        }
        for s in timeline.sources
    ]


def build(timeline: Timeline) -> Frames:
    """The tables for one timeline (call once per file version; the glue module caches it)."""
    smap = timeline.source_map()
    rows: list[dict[str, Any]] = []
    supports: dict[str, dict[str, None]] = {s.id: {} for s in timeline.sources}
    referenced: dict[str, dict[str, None]] = {s.id: {} for s in timeline.sources}
    for e in timeline.events:
        for ev in e.evidence:
            if ev.source in supports:
                supports[ev.source].setdefault(e.id, None)
        for ref in e.references:
            if ref in referenced:
                referenced[ref].setdefault(e.id, None)
        rows.append(_event_row(e, smap))
    events = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    if not events.empty:
        events = events.sort_values(["start", "stop", "id"], kind="stable").reset_index(drop=True)
    for col in ("start", "stop"):
        events[col] = pd.to_datetime(events[col]).astype("datetime64[ns]")
    # the middle of every day it could fall on: noon for a day, 2 Jul for a year
    events["mid"] = events["start"] + (events["stop"] + pd.Timedelta(days=1) - events["start"]) / 2
    source_rows = _source_rows(timeline, supports, referenced)
    sources = pd.DataFrame(source_rows, columns=list(SOURCE_COLUMNS))
    return Frames(events=events, sources=sources, briefing=list(timeline.briefing))

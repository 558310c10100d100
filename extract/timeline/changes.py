"""What changed between two versions of a timeline, in words: events added, removed (or
rejected) and changed field by field.

A briefing shows the accepted events, so the comparison is of those: an event is *added* when it
is accepted now and was not before (new, or accepted since), *removed* when it was accepted and
is no longer (deleted, rejected, or sent back to the queue: ``why`` says which), and *changed*
when it is accepted in both and a field differs. Events are matched by id; an id renamed in
between is followed when the evidence (source and sentence) is the same.

Each change carries its words: "date: Oct 2022 → 3 Oct 2022 (more precise)", "new source:
Ynetnews", "now disputed: The Times of Israel says 4 Oct 2022", "type: visit → meeting_call".

Why not a generic diff library (deepdiff and the like): the model is small and typed, and the
words of each change need the domain (a date made more precise is not a date moved; a new
piece of evidence is a new source, named by its publisher), which is most of the work here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from extract.timeline.model import Event, PartialDate, Source, Timeline

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_RANK = {"year": 0, "month": 1, "day": 2}
# the fields compared one by one, in the order they are told
_PLAIN = ("title", "type", "approximate", "unverified", "actors", "people", "systems",
          "supplier", "recipient", "summary", "notes")


def date_words(date: PartialDate | None, approximate: bool = False) -> str:
    """``3 Oct 2022``, ``Oct 2022``, ``2022`` (``c.`` before an approximate one)."""
    if date is None:
        return "(none)"
    if date.precision == "year":
        text = str(date.year)
    elif date.precision == "month":
        text = f"{_MONTHS[(date.month or 1) - 1]} {date.year}"
    else:
        text = f"{date.day} {_MONTHS[(date.month or 1) - 1]} {date.year}"
    return f"c. {text}" if approximate else text


def _span(ev: Event) -> str:
    start = date_words(ev.date, ev.approximate)
    return f"{start} – {date_words(ev.end)}" if ev.end is not None else start


def _inside(inner: PartialDate, outer: PartialDate) -> bool:
    return outer.first_day() <= inner.first_day() and inner.last_day() <= outer.last_day()


def _date_note(old: PartialDate, new: PartialDate) -> str:
    if _RANK[new.precision] > _RANK[old.precision] and _inside(new, old):
        return " (more precise)"
    if _RANK[new.precision] < _RANK[old.precision] and _inside(old, new):
        return " (less precise)"
    return " (moved)"


@dataclass(frozen=True)
class Change:
    """One field's change: ``old`` and ``new`` as plain JSON values, ``words`` for people."""

    field: str
    old: Any
    new: Any
    words: str


@dataclass(frozen=True)
class EventChange:
    id: str
    title: str
    changes: tuple[Change, ...]
    old_id: str | None = None  # the id it had before, when it was renamed


@dataclass(frozen=True)
class Listed:
    """An event added or removed: its id, title and date as the briefing showed it."""

    id: str
    title: str
    date: str
    type: str
    why: str = ""  # for a removed event: "removed from the file", "rejected", ...


@dataclass(frozen=True)
class Diff:
    old: str  # what the old side is, in words ("briefing/2023-06-01", "HEAD~3", a file)
    new: str
    added: tuple[Listed, ...] = ()
    removed: tuple[Listed, ...] = ()
    changed: tuple[EventChange, ...] = ()
    previous: Mapping[str, Event] = field(default_factory=dict, compare=False, repr=False)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def to_json(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new,
                "added": [asdict(x) for x in self.added],
                "removed": [asdict(x) for x in self.removed],
                "changed": [{"id": c.id, "title": c.title,
                             **({"old_id": c.old_id} if c.old_id else {}),
                             "changes": [asdict(ch) for ch in c.changes]}
                            for c in self.changed]}

    def text(self, *, markdown: bool = False) -> str:
        """The changes for people: plain text, or Markdown (headings and lists)."""
        head = f"Changes from {self.old} to {self.new}"
        out = [f"## {head}" if markdown else head, ""]
        if not self:
            out.append("No changes to the accepted events.")
            return "\n".join(out) + "\n"
        bullet = "- " if markdown else "  "

        sub = "  - " if markdown else "    "

        def section(title: str, lines: list[str]) -> None:
            if lines:
                out.append(f"### {title}" if markdown else f"{title}:")
                out.extend(lines)
                out.append("")

        section(f"Added ({len(self.added)})",
                [f"{bullet}{x.title} · {x.date} ({x.id})" for x in self.added])
        section(f"Removed ({len(self.removed)})",
                [f"{bullet}{x.title} · {x.date} ({x.id}): {x.why}" for x in self.removed])
        lines = []
        for c in self.changed:
            lines.append(f"{bullet}{c.title} ({c.id})")
            lines.extend(sub + ch.words for ch in c.changes)
        section(f"Changed ({len(self.changed)})", lines)
        return "\n".join(out).rstrip("\n") + "\n"

    def json_text(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"


def _evidence_keys(ev: Event) -> frozenset[tuple[str, str]]:
    return frozenset((e.source, " ".join(e.quote.split()).casefold()) for e in ev.evidence)


def _publisher(source_id: str, sources: Mapping[str, Source]) -> str:
    src = sources.get(source_id)
    return (src.publisher or src.title or src.id) if src else source_id


def _plain(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return str(value)
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_none=True)
    return value


def _shown(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return text if len(text) <= 80 else text[:79] + "…"


def _claim_words(ev: Event, sources: Mapping[str, Source]) -> dict[str, str]:
    """{source id: what it claims, in words} for the event's evidence that claims otherwise."""
    out: dict[str, str] = {}
    for e in ev.evidence:
        c = e.claims
        if c is None:
            continue
        bits = []
        if c.date is not None:
            bits.append(date_words(c.date) + (f" – {date_words(c.end)}" if c.end else ""))
        if c.value is not None:
            bits.append(c.value.text or f"{c.value.amount:g} {c.value.unit or c.value.currency}")
        if c.text:
            bits.append(c.text)
        if bits:
            out[e.source] = f"{_publisher(e.source, sources)} says {'; '.join(bits)}"
    return out


def event_changes(old: Event, new: Event, old_sources: Mapping[str, Source],
                  new_sources: Mapping[str, Source]) -> tuple[Change, ...]:
    """Field by field, what differs between two versions of one event, in words."""
    out: list[Change] = []
    if old.id != new.id:
        out.append(Change("id", old.id, new.id, f"id: {old.id} → {new.id} (renamed)"))
    if old.date != new.date or old.end != new.end or old.approximate != new.approximate:
        note = _date_note(old.date, new.date) if old.date != new.date else ""
        out.append(Change("date", {"date": str(old.date), "end": _plain(old.end),
                                   "approximate": old.approximate},
                          {"date": str(new.date), "end": _plain(new.end),
                           "approximate": new.approximate},
                          f"date: {_span(old)} → {_span(new)}{note}"))
    for name in _PLAIN:
        if name == "approximate":
            continue  # told with the date
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(Change(name, _plain(a), _plain(b),
                              f"{name}: {_shown(_plain(a))} → {_shown(_plain(b))}"))
    if old.value != new.value:
        a, b = _plain(old.value), _plain(new.value)
        out.append(Change("value", a, b, "value: " + " → ".join(
            (v.text or f"{v.amount:g}") if v is not None else "(none)"
            for v in (old.value, new.value))))
    before = {e.source for e in old.evidence}
    after = {e.source for e in new.evidence}
    for sid in sorted(after - before, key=lambda s: _publisher(s, new_sources)):
        name = _publisher(sid, new_sources)
        out.append(Change("evidence", None, sid, f"new source: {name}"))
    for sid in sorted(before - after, key=lambda s: _publisher(s, old_sources)):
        name = _publisher(sid, old_sources)
        out.append(Change("evidence", sid, None, f"source dropped: {name}"))
    claims_old, claims_new = _claim_words(old, old_sources), _claim_words(new, new_sources)
    for sid, words in claims_new.items():
        if claims_old.get(sid) != words:
            out.append(Change("claims", claims_old.get(sid), words,
                              f"{'now disputed' if not claims_old else 'disputed'}: {words}"))
    for sid, words in claims_old.items():
        if sid not in claims_new and sid in after:
            out.append(Change("claims", words, None, f"no longer disputed: {words}"))
    if old.references != new.references:
        out.append(Change("references", old.references, new.references,
                          f"further sources: {_shown(old.references)} → "
                          f"{_shown(new.references)}"))
    return tuple(out)


def _listed(ev: Event, why: str = "") -> Listed:
    return Listed(ev.id, ev.title, _span(ev), ev.type, why)


def _why_gone(ev_id: str, now: Mapping[str, Event]) -> str:
    later = now.get(ev_id)
    if later is None:
        return "removed from the file"
    if later.status == "rejected":
        return "rejected" + (f" by {later.reviewed_by}" if later.reviewed_by else "")
    return f"now {later.status}"


def diff_timelines(old: Timeline, new: Timeline, *, old_label: str = "the old version",
                   new_label: str = "the new version") -> Diff:
    """The accepted events added, removed and changed from ``old`` to ``new``."""
    old_all, new_all = old.event_map(), new.event_map()
    was = {i: e for i, e in old_all.items() if e.status == "accepted"}
    now = {i: e for i, e in new_all.items() if e.status == "accepted"}
    added_ids = [i for i in now if i not in was]
    removed_ids = [i for i in was if i not in now]
    # an id renamed: gone from one side, new on the other, with the same evidence
    renamed: dict[str, str] = {}
    for new_id in added_ids:
        if new_id in old_all:
            continue  # the same id, accepted since: added, not renamed
        keys = _evidence_keys(now[new_id])
        for old_id in removed_ids:
            if old_id not in new_all and old_id not in renamed.values() \
                    and _evidence_keys(was[old_id]) == keys:
                renamed[new_id] = old_id
                break
    old_sources, new_sources = old.source_map(), new.source_map()
    changed: list[EventChange] = []
    for ev_id, ev in now.items():
        before_id = renamed.get(ev_id, ev_id if ev_id in was else None)
        if before_id is None:
            continue
        cs = event_changes(was[before_id], ev, old_sources, new_sources)
        if cs:
            changed.append(EventChange(ev_id, ev.title, cs,
                                       before_id if before_id != ev_id else None))
    gone = set(renamed.values())
    order = _by_date
    return Diff(
        old=old_label, new=new_label,
        added=tuple(_listed(now[i]) for i in order(added_ids, now) if i not in renamed),
        removed=tuple(_listed(was[i], _why_gone(i, new_all))
                      for i in order(removed_ids, was) if i not in gone),
        changed=tuple(sorted(changed, key=lambda c: (now[c.id].date.first_day(), c.id))),
        previous={c.id: was[c.old_id or c.id] for c in changed})


def _by_date(ids: Iterable[str], events: Mapping[str, Event]) -> list[str]:
    return sorted(ids, key=lambda i: (events[i].date.first_day(), i))

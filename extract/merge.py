"""``merge``: add a scan's candidates to the curated timeline without touching people's work.

Rules, in order, for each candidate event:

1. **Same evidence** — an existing event already quotes the same sentence from the same
   source for the same date words: nothing to add (this is what makes a second merge a no-op,
   and why a rejected event is not proposed again). A sentence with two periods ("In 2014-2018
   and 2018-2022") is two pieces of evidence, one per date.
2. **Same event** — an existing, not rejected, event of the same type whose actors overlap and
   whose date is the same (for an accepted event, reviewed by a person: or one date contains
   the other, as "December 2016" contains 2016-12-13): the candidate's evidence is appended to
   it (corroboration). Nothing else of that event changes.
3. Otherwise the candidate is added with ``status: candidate`` (its id made unique).

Sources are matched by id, file name or URL; new ones are added. Accepted and rejected events,
comments and key order are never changed; the file is written atomically, and only when
something was added.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from extract.timeline import Document, Event, PartialDate, Source, Timeline, evidence_key

log = logging.getLogger(__name__)


def _contains(a: PartialDate, a_end: PartialDate | None, b: PartialDate,
              b_end: PartialDate | None) -> bool:
    """True when one span lies within the other (2016 contains 2016-12-13)."""
    a0, a1 = a.first_day(), (a_end or a).last_day()
    b0, b1 = b.first_day(), (b_end or b).last_day()
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


@dataclass
class MergeReport:
    added_sources: list[str] = field(default_factory=list)
    added_events: list[str] = field(default_factory=list)
    corroborated: list[str] = field(default_factory=list)  # existing ids that got evidence
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added_sources or self.added_events or self.corroborated)

    def summary(self) -> str:
        return (
            f"{len(self.added_events)} new candidate events, "
            f"{len(self.corroborated)} corroborations, {len(self.added_sources)} new sources, "
            f"{self.unchanged} already present"
        )


def _source_key_map(existing: list[Source], incoming: list[Source]) -> dict[str, str | None]:
    """incoming source id -> existing id (None when the source is new)."""
    out: dict[str, str | None] = {}
    for src in incoming:
        # the same id first: a source added by an earlier merge must map to itself again,
        # not to another one that shares its file or URL (a second merge would then re-add)
        match = None
        for key in ("id", "file", "url"):
            value = getattr(src, key)
            match = next((old.id for old in existing if value and getattr(old, key) == value),
                         None)
            if match is not None:
                break
        out[src.id] = match
    return out


def merge(candidates: Timeline, doc: Document) -> MergeReport:
    """Add ``candidates`` to ``doc`` in memory (call ``doc.save()`` to write)."""
    report = MergeReport()
    current = doc.timeline
    mapping = _source_key_map(current.sources, candidates.sources)
    taken_sources = {s.id for s in current.sources}
    for src in candidates.sources:
        if mapping[src.id] is None:
            ident, n = src.id, 2
            while ident in taken_sources:
                ident, n = f"{src.id}-{n}", n + 1
            taken_sources.add(ident)
            doc.add_source(src.model_copy(update={"id": ident}))
            mapping[src.id] = ident
            report.added_sources.append(ident)

    for cand in candidates.events:
        evidence = [
            ev.model_copy(update={"source": mapping.get(ev.source) or ev.source})
            for ev in cand.evidence
        ]
        events = doc.timeline.events
        known_keys = {evidence_key(ev) for e in events for ev in e.evidence}
        fresh = [ev for ev in evidence if evidence_key(ev) not in known_keys]
        if len(fresh) < len(evidence) and not fresh:
            report.unchanged += 1
            continue
        if len(fresh) < len(evidence):
            # part of it is known: attach the rest to the event that already quotes it
            keys = {evidence_key(x) for x in evidence}
            known = next(
                e for e in events if any(evidence_key(ev) in keys for ev in e.evidence)
            )
            if known.status != "rejected":
                for ev in fresh:
                    doc.add_evidence(known.id, ev)
                report.corroborated.append(known.id)
            else:
                report.unchanged += 1
            continue
        same = _same_event(cand, events)
        if same is not None:
            for ev in fresh:
                doc.add_evidence(same.id, ev)
            report.corroborated.append(same.id)
            continue
        ident, n = cand.id, 2
        existing_ids = {e.id for e in events}
        while ident in existing_ids:
            ident, n = f"{cand.id}-{n}", n + 1
        doc.add_event(cand.model_copy(update={"id": ident, "evidence": evidence,
                                              "status": "candidate"}))
        report.added_events.append(ident)
    return report


def _same_event(cand: Event, events: list[Event]) -> Event | None:
    for e in events:
        if e.status == "rejected" or e.type != cand.type:
            continue
        if cand.actors and e.actors and not set(cand.actors) & set(e.actors):
            continue
        if (e.date, e.end) == (cand.date, cand.end):
            return e
        if e.status == "accepted" and _contains(e.date, e.end, cand.date, cand.end):
            return e
    return None

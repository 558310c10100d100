"""The merge before issue 26 (extract/merge.py at f047325, with issue 25's free deal ids: a
proposed id is a label, and makes no deals section), kept as the reference that the indexed
merge must agree with, byte for byte: every candidate compared with every event."""

# ruff: noqa
from __future__ import annotations

from pathlib import Path

from extract.merge import MergeReport, _contains
from extract.timeline import (
    Deal,
    Document,
    Event,
    Proposal,
    Source,
    Timeline,
    differences,
    evidence_key,
)


def _same_source(old: Source, new: Source) -> bool:
    """Whether an existing source and an incoming one are the same article."""
    if old.digest and new.digest:
        return old.digest == new.digest
    if old.digest:
        return False  # another text
    # an existing source from before digests: the same address, else the same file name (or,
    # with neither file, the same id) and the same publisher, date and title
    if old.url and new.url:
        return old.url == new.url
    same_meta = (old.publisher, old.published, old.title) == (new.publisher, new.published,
                                                              new.title)
    if old.file and new.file:
        return same_meta and Path(old.file).name == Path(new.file).name
    return same_meta and not (old.file or new.file) and old.id == new.id


def _match_sources(existing: list[Source], incoming: list[Source]) -> dict[str, str | None]:
    """incoming source id -> the existing source that is the same article (None: new)."""
    out: dict[str, str | None] = {}
    by_digest = {s.digest: s.id for s in existing if s.digest}
    for src in incoming:
        if not src.digest:
            out[src.id] = _legacy_match(existing, src)
            continue
        match = by_digest.get(src.digest)
        if match is None:
            match = next((old.id for old in existing if _same_source(old, src)), None)
        out[src.id] = match
    return out


def _legacy_match(existing: list[Source], src: Source) -> str | None:
    """A candidates file written before digests (or by hand) cannot say which text a source
    is: the same id, else the same file name, else the same URL, as merges did then. The same
    id first: a source added by an earlier merge maps to itself again, not to another that
    shares its file or URL (a second merge would re-add its events)."""
    for key in ("id", "file", "url"):
        value = getattr(src, key)
        match = next((old.id for old in existing if value and getattr(old, key) == value), None)
        if match is not None:
            return match
    return None


def merge(candidates: Timeline, doc: Document) -> MergeReport:
    """Add ``candidates`` to ``doc`` in memory (call ``doc.save()`` to write)."""
    report = MergeReport()
    deals = candidates.deal_map()
    current = doc.timeline
    mapping = _match_sources(current.sources, candidates.sources)
    incoming = {s.id: s for s in candidates.sources}
    for src_id, old_id in mapping.items():
        src = incoming[src_id]
        old = doc.timeline.source_map().get(old_id) if old_id else None
        if old is not None and src.digest and not old.digest:
            doc.update_source(old.id, digest=src.digest)  # an older source, seen again
            report.digests_recorded.append(old.id)
    taken_sources = {s.id for s in current.sources}

    def cite(ident: str) -> str:
        """The id in the file of an incoming source, adding it the first time it is cited."""
        if ident not in incoming:
            return ident  # not in the candidates file: the model check names it
        if mapping[ident] is None:
            src, new_id, n = incoming[ident], ident, 2
            while new_id in taken_sources:
                new_id, n = f"{ident}-{n}", n + 1
            taken_sources.add(new_id)
            doc.add_source(src.model_copy(update={"id": new_id}))
            mapping[ident] = new_id
            report.added_sources.append(new_id)
        return mapping[ident] or ident

    def known_id(ident: str) -> str:
        # a source not in the file yet cannot have evidence there, whatever its id
        return mapping.get(ident) or f"\0new:{ident}"

    for cand in candidates.events:
        # evidence keys as they would read in the file (sources not yet added keep their id)
        keys = [evidence_key(ev.model_copy(update={"source": known_id(ev.source)}))
                for ev in cand.evidence]
        events = doc.timeline.events
        holders = {evidence_key(ev): e for e in events for ev in e.evidence}
        fresh = [ev for ev, key in zip(cand.evidence, keys, strict=True) if key not in holders]
        if not fresh:
            report.unchanged += 1
            continue
        if len(fresh) < len(cand.evidence):
            known = next(holders[k] for k in keys if k in holders)
            if known.status == "rejected":
                report.unchanged += 1
            elif known.status == "candidate":
                for ev in fresh:
                    doc.add_evidence(known.id, ev.model_copy(update={"source": cite(ev.source)}))
                report.joined.append(known.id)
            else:
                _add(doc, report, cand, fresh, cite, proposal=_proposal(cand, known),
                     deals=deals)
            continue
        registered = frozenset(deals) | frozenset(doc.timeline.deal_map())
        same = _same_candidate(cand, events, registered)
        if same is not None:
            for ev in fresh:
                doc.add_evidence(same.id, ev.model_copy(update={"source": cite(ev.source)}))
            report.joined.append(same.id)
            continue
        accepted = _may_corroborate(cand, events, registered)
        _add(doc, report, cand, fresh, cite,
             proposal=_proposal(cand, accepted) if accepted is not None else None, deals=deals)
    return report


def _carry_deal(doc: Document, deals: dict[str, Deal], cand: Event,
                report: MergeReport) -> None:
    """Add the candidate's deal to the file's 'deals' section when the file has one and lacks
    it, or when the file has neither a section nor a deal id of its own (then the section is
    made). A file whose events use free deal ids keeps them free."""
    if cand.deal is None or cand.deal in doc.timeline.deal_map():
        return
    if doc.timeline.deals is None and (cand.deal not in deals
                                       or any(e.deal for e in doc.timeline.events)):
        return
    entry = deals.get(cand.deal) or Deal(
        id=cand.deal, supplier=cand.supplier, recipient=cand.recipient,
        system=cand.systems[0] if cand.systems else None)
    doc.add_deal(entry)
    report.added_deals.append(entry.id)


def _add(doc: Document, report: MergeReport, cand: Event, evidence: list, cite,
         proposal: Proposal | None, deals: dict[str, Deal] | None = None) -> None:
    _carry_deal(doc, deals or {}, cand, report)
    ident, n = cand.id, 2
    existing_ids = {e.id for e in doc.timeline.events}
    while ident in existing_ids:
        ident, n = f"{cand.id}-{n}", n + 1
    evidence = [ev.model_copy(update={"source": cite(ev.source)}) for ev in evidence]
    references = [cite(r) for r in cand.references]
    doc.add_event(cand.model_copy(update={
        "id": ident, "evidence": evidence, "references": references, "status": "candidate",
        "corroborates": proposal, "reviewed_by": None, "reviewed_at": None}))
    report.added_events.append(ident)
    if proposal is not None:
        report.proposed.append((ident, proposal.event))


def _proposal(cand: Event, event: Event) -> Proposal:
    """Why ``cand`` may be the same happening as the accepted ``event``, and where they differ."""
    shared = sorted(set(cand.actors) & set(event.actors))
    why = [f"same type ({event.type})"]
    if shared:
        why.append("both name " + ", ".join(shared))
    diffs = differences(cand, event)
    if not any(d.startswith("this says") and "the event is" in d for d in diffs):
        why.append("same date")
    reason = "; ".join(why)
    if diffs:
        reason += ". Differs: " + "; ".join(diffs)
    return Proposal(event=event.id, reason=reason)


def _actors_meet(a: Event, b: Event) -> bool:
    return not (a.actors and b.actors) or bool(set(a.actors) & set(b.actors))


def _other_transfer(a: Event, b: Event, registered: frozenset[str] = frozenset()) -> bool:
    if a.systems and b.systems and not set(a.systems) & set(b.systems):
        return True
    if not (a.deal and b.deal and a.deal != b.deal):
        return False
    if a.deal in registered and b.deal in registered:
        return True
    return bool((a.supplier and b.supplier and a.supplier != b.supplier)
                or (a.recipient and b.recipient and a.recipient != b.recipient))


def _same_candidate(cand: Event, events: list[Event],
                    registered: frozenset[str] = frozenset()) -> Event | None:
    """An unreviewed candidate that is the same happening: same type, date, period,
    approximation and actors, and no value that disagrees."""
    for e in events:
        if (e.status != "candidate" or e.type != cand.type or not _actors_meet(cand, e)
                or _other_transfer(cand, e, registered)):
            continue
        if (e.date, e.end, e.approximate) != (cand.date, cand.end, cand.approximate):
            continue
        a, b = cand.value, e.value
        if a is not None and b is not None and (a.amount, a.currency, a.unit) != (
                b.amount, b.currency, b.unit):
            continue  # another figure: a disagreement to show, not the same report
        return e
    return None


def _may_corroborate(cand: Event, events: list[Event],
                     registered: frozenset[str] = frozenset()) -> Event | None:
    """The accepted event ``cand`` may be the same happening as: same type, overlapping
    actors, one date within the other; the same date first, then the tightest span."""
    found = [e for e in events
             if e.status == "accepted" and e.type == cand.type and _actors_meet(cand, e)
             and not _other_transfer(cand, e, registered) and _contains(e.date, e.end, cand.date, cand.end)]
    if not found:
        return None

    def closeness(e: Event) -> tuple[int, int, str]:
        exact = (e.date, e.end) == (cand.date, cand.end)
        span = ((e.end or e.date).last_day() - e.date.first_day()).days
        return (0 if exact else 1, span, e.id)

    return min(found, key=closeness)



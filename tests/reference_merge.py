"""The merge before issue 26 (extract/merge.py at f047325, with issue 25's free deal ids: a
proposed id is a label, and makes no deals section), kept as the reference that the indexed
merge must agree with, byte for byte: every candidate compared with every event."""

# ruff: noqa
from __future__ import annotations

from pathlib import Path

from extract.merge import (  # the predicates on one pair: the same in both merges
    MergeReport,
    _match_sources,
    _may_corroborate,
    _proposal,
    _same_candidate,
)
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

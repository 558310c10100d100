"""``merge``: add a scan's candidates to the curated timeline without touching people's work.

A program proposes, a person disposes. Rules, in order, for each candidate event:

1. **Same evidence** — an existing event already quotes the same sentence from the same
   source for the same date words: nothing to add (this is what makes a second merge a no-op,
   and why a rejected event is not proposed again). A sentence with two periods ("In 2014-2018
   and 2018-2022") is two pieces of evidence, one per date. When only part of a candidate's
   evidence is known, the rest goes where the known part is: into that event if it is a
   candidate, as a proposal (rule 3) if it is accepted, nowhere if it was rejected.
2. **Same happening as a candidate** — an existing *candidate* of the same type, the same date
   or period, the same approximation, overlapping actors and no other value: the evidence is
   appended to it (nobody has decided anything about it yet).
3. **May be the same as an accepted event** — the same type, overlapping actors, and one date
   or period contains the other: the candidate is added with ``corroborates: {event, reason}``.
   Nothing is appended to the accepted event: on the Review page a person sees both quotes and
   where they differ ("this says 2022; the event is 2018–2022"), and only a person's *Add as
   corroboration* moves the evidence there.
4. Otherwise the candidate is added with ``status: candidate`` (its id made unique).

Sources are identified by what they are, never by a file name: the same ``digest`` (sha256 of
the text) is the same source; two different texts are two sources, even under one file name.
A source written before digests (no ``digest``) is the same as a candidate's when their URLs
match, or their file name (else, with no file, their id), publisher, date and title all do;
its digest is then recorded. A candidates file from before digests is matched as merges did
then (id, file name, URL): it cannot say which text its sources are.
Only sources that an added event cites are added (an article with no events adds nothing).
Accepted and rejected events, comments and key order are never changed; the file is written
atomically, and only when something was added. Two events of two transfers (other ``deal``
ids, or no weapon system in common) are never the same happening (rules 2 and 3). An added
event's deal goes into the file's ``deals`` section with it (the section is made when the file
has none and no deal ids of its own; a file using free deal ids keeps them free).
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterable, Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extract.ids import FreeIds
from extract.timeline import (
    Deal,
    Document,
    Event,
    Evidence,
    PartialDate,
    Problem,
    Proposal,
    Source,
    Timeline,
    TimelineError,
    differences,
    evidence_key,
    text_digest,
)

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
    added_events: list[str] = field(default_factory=list)  # new candidates, proposals included
    proposed: list[tuple[str, str]] = field(default_factory=list)  # (candidate, accepted event)
    joined: list[str] = field(default_factory=list)  # existing candidates that got evidence
    digests_recorded: list[str] = field(default_factory=list)  # older sources seen again
    added_deals: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added_sources or self.added_events or self.joined
                    or self.digests_recorded or self.added_deals)

    def summary(self) -> str:
        new = len(self.added_events) - len(self.proposed)
        text = (
            f"{new} new candidate events, {len(self.proposed)} proposed corroborations, "
            f"{len(self.joined)} added to other candidates, {len(self.added_sources)} new "
            f"sources, {self.unchanged} already present"
        )
        if self.digests_recorded:
            text += f", {len(self.digests_recorded)} digests recorded"
        if self.added_deals:
            text += f", {len(self.added_deals)} new deals"
        return text


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
    # sources from before digests, by what _same_source compares (first one wins, as a scan
    # in file order would find it)
    by_url: dict[str, list[int]] = {}
    by_meta: dict[tuple, list[int]] = {}
    legacy = [s for s in existing if not s.digest]
    for n, old in enumerate(legacy):
        if old.url:
            by_url.setdefault(old.url, []).append(n)
        by_meta.setdefault((old.publisher, old.published, old.title), []).append(n)
    firsts = _first_by_key(existing)
    for src in incoming:
        if not src.digest:
            out[src.id] = _legacy_match(firsts, src)
            continue
        match = by_digest.get(src.digest)
        if match is None:
            near = set(by_url.get(src.url, ()) if src.url else ()) | set(
                by_meta.get((src.publisher, src.published, src.title), ()))
            match = next((legacy[n].id for n in sorted(near) if _same_source(legacy[n], src)),
                         None)
        out[src.id] = match
    return out


def _first_by_key(existing: list[Source]) -> dict[str, dict[str, str]]:
    """{'id'|'file'|'url': {value: the id of the first existing source with it}}."""
    firsts: dict[str, dict[str, str]] = {"id": {}, "file": {}, "url": {}}
    for old in existing:
        for key, seen in firsts.items():
            value = getattr(old, key)
            if value and value not in seen:
                seen[value] = old.id
    return firsts


def _legacy_match(firsts: dict[str, dict[str, str]], src: Source) -> str | None:
    """A candidates file written before digests (or by hand) cannot say which text a source
    is: the same id, else the same file name, else the same URL, as merges did then. The same
    id first: a source added by an earlier merge maps to itself again, not to another that
    shares its file or URL (a second merge would re-add its events)."""
    for key in ("id", "file", "url"):
        value = getattr(src, key)
        match = firsts[key].get(value) if value else None
        if match is not None:
            return match
    return None


def verify_digests(candidates: Timeline, folder: Path, *, file: str) -> None:
    """Refuse a candidates file whose source claims a digest that its article's text (found
    as ``folder / source.file``) does not have. Sources whose file is not there are trusted.

    Raises :class:`TimelineError` naming ``file`` and the source.
    """
    from extract.article import ArticleError, read_article

    problems = []
    for src in candidates.sources:
        if not (src.digest and src.file):
            continue
        path = folder / src.file
        if not path.is_file():
            continue
        try:
            text = read_article(path).text
        except ArticleError:
            continue
        if text_digest(text) != src.digest:
            problems.append(Problem(
                file, None, f"source '{src.id}'", "digest",
                f"{src.digest[:19]}… is not the digest of {path}'s text; expected the digest "
                "python -m extract scan writes for that file (scan it again)"))
    if problems:
        raise TimelineError(problems)


class _Neighbours:
    """The file's events indexed for one merge, so that each candidate looks only at the
    events it could be the same as (the same answers as a scan of every event, in order)."""

    def __init__(self, events: list[Event]):
        self.holders: dict[tuple[str, str, str], str] = {}  # evidence key -> last holder
        self.candidates: dict[tuple, list[Event]] = {}  # (type, date, end, approx) -> events
        # (type, year, actor or None) and (type, year) -> (event, first day, last day)
        self.accepted: dict[tuple, list[tuple[Event, int, int]]] = {}
        self.accepted_any: dict[tuple, list[tuple[Event, int, int]]] = {}
        for e in events:
            self.add(e)

    def add(self, e: Event) -> None:
        for ev in e.evidence:
            self.holders[evidence_key(ev)] = e.id
        if e.status == "candidate":
            self.candidates.setdefault((e.type, e.date, e.end, e.approximate), []).append(e)
        elif e.status == "accepted":
            entry = (e, *_span(e))
            for year in _years(e):
                self.accepted_any.setdefault((e.type, year), []).append(entry)
                for actor in e.actors or (None,):
                    self.accepted.setdefault((e.type, year, actor), []).append(entry)

    def hold(self, event_id: str, evidence: list[Evidence]) -> None:
        for ev in evidence:
            self.holders[evidence_key(ev)] = event_id

    def same_candidate(self, cand: Event, registered: Set[str]) -> Event | None:
        return _same_candidate(cand, self.candidates.get(
            (cand.type, cand.date, cand.end, cand.approximate), ()), registered)

    def may_corroborate(self, cand: Event, registered: Set[str]) -> Event | None:
        """What :func:`_may_corroborate` finds among all the file's events. The buckets
        hold only accepted events of the candidate's type whose actors meet its own (one of
        them, or none), so of its tests only the span (on day numbers) and the other-transfer
        test are left; the same order of preference (the same date, then the tightest span,
        then the id)."""
        c0, c1 = _span(cand)
        date, end = cand.date, cand.end
        best: Event | None = None
        best_key: tuple[int, int, str] = (2, 0, "")  # worse than any event's
        systems = set(cand.systems) if cand.systems else None
        deal = cand.deal
        buckets = ([self.accepted.get((cand.type, year, actor), ())
                    for year in _years(cand) for actor in (*cand.actors, None)] if cand.actors
                   else [self.accepted_any.get((cand.type, year), ()) for year in _years(cand)])
        # an event in two buckets is met twice: the same answer both times, so the least
        # one is the same
        for bucket in buckets:
            for e, a0, a1 in bucket:
                # one span within the other (what _contains checks, on day numbers)
                if not ((a0 <= c0 and c1 <= a1) or (c0 <= a0 and a1 <= c1)):
                    continue
                exact = 0 if a0 == c0 and a1 == c1 and e.date == date and e.end == end else 1
                span = a1 - a0
                if exact > best_key[0] or (exact == best_key[0] and span > best_key[1]):
                    continue  # cannot come first
                # _other_transfer, its common answers first: no system in common, or no
                # two deal ids
                if systems is not None and e.systems and systems.isdisjoint(e.systems):
                    continue
                if deal and e.deal and e.deal != deal and _other_transfer(cand, e, registered):
                    continue
                key = (exact, span, e.id)
                if key < best_key:
                    best, best_key = e, key
        return best


def _span(e: Event) -> tuple[int, int]:
    return e.date.first_day().toordinal(), (e.end or e.date).last_day().toordinal()


def _years(e: Event) -> range:
    return range(e.date.first_day().year, (e.end or e.date).last_day().year + 1)


def merge(candidates: Timeline, doc: Document) -> MergeReport:
    """Add ``candidates`` to ``doc`` in memory (call ``doc.save()`` to write).

    Each candidate looks only at the events it could be the same as (an index of the file's
    evidence, candidates and accepted events, kept up to date as events are added), so a
    merge takes time in proportion to the candidates and the file, not to their product."""
    report = MergeReport()
    deals = candidates.deal_map()
    current = doc.timeline
    mapping = _match_sources(current.sources, candidates.sources)
    incoming = {s.id: s for s in candidates.sources}
    held = current.source_map()
    for src_id, old_id in mapping.items():
        src = incoming[src_id]
        old = held.get(old_id) if old_id else None
        if old is not None and src.digest and not old.digest:
            doc.update_source(old.id, digest=src.digest)  # an older source, seen again
            held[old.id] = old.model_copy(update={"digest": src.digest})
            report.digests_recorded.append(old.id)
    taken_sources = {s.id for s in current.sources}
    free_source = FreeIds(taken_sources.__contains__)
    free_event = FreeIds(lambda ident: doc.event(ident) is not None)  # merge removes none
    index = _Neighbours(current.events)
    dealt = _Deals(section=current.deals is not None,
                   free=current.deals is None and any(e.deal for e in current.events),
                   registered=set(deals) | set(current.deal_map()))

    def cite(ident: str) -> str:
        """The id in the file of an incoming source, adding it the first time it is cited."""
        if ident not in incoming:
            return ident  # not in the candidates file: the model check names it
        if mapping[ident] is None:
            src, new_id = incoming[ident], free_source(ident)
            taken_sources.add(new_id)
            doc.add_source(src.model_copy(update={"id": new_id}))
            mapping[ident] = new_id
            report.added_sources.append(new_id)
        return mapping[ident] or ident

    def known_id(ident: str) -> str:
        # a source not in the file yet cannot have evidence there, whatever its id
        return mapping.get(ident) or f"\0new:{ident}"

    def join(event_id: str, fresh: list[Evidence]) -> None:
        cited = [ev.model_copy(update={"source": cite(ev.source)}) for ev in fresh]
        for ev in cited:
            doc.add_evidence(event_id, ev)
        index.hold(event_id, cited)
        report.joined.append(event_id)

    def add(cand: Event, fresh: list[Evidence], proposal: Proposal | None) -> None:
        added = _add(doc, report, cand, fresh, cite, proposal=proposal, deals=deals,
                     dealt=dealt, ident=free_event(cand.id))
        index.add(added)

    for cand in candidates.events:
        # evidence keys as they would read in the file (sources not yet added keep their id)
        keys = [evidence_key(ev.model_copy(update={"source": known_id(ev.source)}))
                for ev in cand.evidence]
        holders = index.holders
        fresh = [ev for ev, key in zip(cand.evidence, keys, strict=True) if key not in holders]
        if not fresh:
            report.unchanged += 1
            continue
        if len(fresh) < len(cand.evidence):
            known = doc.event(next(holders[k] for k in keys if k in holders))
            if known.status == "rejected":
                report.unchanged += 1
            elif known.status == "candidate":
                join(known.id, fresh)
            else:
                add(cand, fresh, _proposal(cand, known))
            continue
        same = index.same_candidate(cand, dealt.registered)
        if same is not None:
            join(same.id, fresh)
            continue
        accepted = index.may_corroborate(cand, dealt.registered)
        add(cand, fresh, _proposal(cand, accepted) if accepted is not None else None)
    return report


@dataclass
class _Deals:
    """The file's deals as a merge goes: whether it has a 'deals' section, whether its events
    use free ids (no section), and the ids named in a section (the file's or the
    candidates')."""

    section: bool
    free: bool
    registered: set[str]


def _carry_deal(doc: Document, deals: dict[str, Deal], cand: Event,
                report: MergeReport, dealt: _Deals) -> None:
    """Add the candidate's deal to the file's 'deals' section when the file has one and lacks
    it, or when the file has neither a section nor a deal id of its own and the candidates
    name the deal (then the section is made). A file whose events use free deal ids keeps them
    free, and so does a free id the extractor proposed (a label until a curator names it)."""
    if cand.deal is None or doc.has_deal(cand.deal):
        return
    if not dealt.section and (dealt.free or cand.deal not in deals):
        dealt.free = True  # the file now uses free ids: a section would need them all
        return
    entry = deals.get(cand.deal) or Deal(
        id=cand.deal, supplier=cand.supplier, recipient=cand.recipient,
        system=cand.systems[0] if cand.systems else None)
    doc.add_deal(entry)
    dealt.section = True
    dealt.registered.add(entry.id)
    report.added_deals.append(entry.id)


def _add(doc: Document, report: MergeReport, cand: Event, evidence: list, cite,
         proposal: Proposal | None, deals: dict[str, Deal], dealt: _Deals, ident: str,
         ) -> Event:
    """Add ``cand`` as a candidate under ``ident`` (an id not yet in the file)."""
    _carry_deal(doc, deals, cand, report, dealt)
    evidence = [ev.model_copy(update={"source": cite(ev.source)}) for ev in evidence]
    references = [cite(r) for r in cand.references]
    doc.add_event(cand.model_copy(update={
        "id": ident, "evidence": evidence, "references": references, "status": "candidate",
        "corroborates": proposal, "reviewed_by": None, "reviewed_at": None}))
    report.added_events.append(ident)
    if proposal is not None:
        report.proposed.append((ident, proposal.event))
    added = doc.event(ident)
    assert added is not None
    return added


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


def _other_transfer(a: Event, b: Event, registered: Set[str] = frozenset()) -> bool:
    """Two events of two transfers: no system in common (both named), or other deal ids.

    A deal id in a ``deals`` section (``registered``: the file's or the candidates') names one
    transfer; a free id (one the extractor proposed from the supplier, recipient and system, or
    a curator's without an entry) is a label, so two ids of which one is free are two
    transfers only when the supplier or the recipient differs (both named)."""
    if a.systems and b.systems and not set(a.systems) & set(b.systems):
        return True
    if not (a.deal and b.deal and a.deal != b.deal):
        return False
    if a.deal in registered and b.deal in registered:
        return True
    return bool((a.supplier and b.supplier and a.supplier != b.supplier)
                or (a.recipient and b.recipient and a.recipient != b.recipient))


def _same_candidate(cand: Event, events: Iterable[Event],
                    registered: Set[str] = frozenset()) -> Event | None:
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
                     registered: Set[str] = frozenset()) -> Event | None:
    """The accepted event ``cand`` may be the same happening as: same type, overlapping
    actors, one date within the other; the same date first, then the tightest span."""
    found = [e for e in events
             if e.status == "accepted" and e.type == cand.type and _actors_meet(cand, e)
             and not _other_transfer(cand, e, registered)
             and _contains(e.date, e.end, cand.date, cand.end)]
    if not found:
        return None

    def closeness(e: Event) -> tuple[int, int, str]:
        exact = (e.date, e.end) == (cand.date, cand.end)
        span = ((e.end or e.date).last_day() - e.date.first_day()).days
        return (0 if exact else 1, span, e.id)

    return min(found, key=closeness)


def merge_file(candidates_path: Path, into: Path, *, attempts: int = 3) -> MergeReport:
    """Merge a candidates file into a timeline file and save it (the CLI's ``merge``).

    When another writer saves the timeline between reading and writing it, the merge is done
    again on the new file (it is idempotent), up to ``attempts`` times. Raises
    :class:`TimelineError`, :class:`~extract.timeline.ConcurrentModificationError` or
    ``OSError`` with nothing written.
    """
    with _no_collector_pauses():
        return _merge_file(candidates_path, into, attempts=attempts)


@contextmanager
def _no_collector_pauses() -> Iterator[None]:
    """Python's cycle collector off while a merge runs (on again after): the hundreds of
    thousands of models a large merge holds are not garbage, but the collector would walk them
    all again each time enough new objects were made (a fifth of a large merge's time). The
    merge is one command's work: what little cyclic garbage it makes waits until it ends
    (peak memory in bench/scale_bench.py)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _merge_file(candidates_path: Path, into: Path, *, attempts: int) -> MergeReport:
    from extract.timeline import ConcurrentModificationError, load
    from extract.timeline.loading import flush_parse_cache

    candidates = load(candidates_path)
    verify_digests(candidates, Path(os.path.dirname(os.path.abspath(candidates_path))),
                   file=str(candidates_path))
    for attempt in range(attempts):
        doc = Document.open(into) if into.exists() else Document.new(into)
        report = merge(candidates, doc)
        if not report.changed:
            return report
        try:
            doc.save()
            flush_parse_cache()  # the next reader of the file in another process
            return report
        except ConcurrentModificationError:
            if attempt == attempts - 1:
                raise
            log.info("%s changed while merging; merging again", into)
    raise AssertionError("unreachable")

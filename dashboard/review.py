"""The curator's review queue (Streamlit-free): what to review, how to show it, what was decided.

* :func:`queue` lists the candidate events, newest sources first; :func:`filter_queue` narrows
  it (the set a bulk decision applies to);
* :func:`context_spans` finds the quote and its date words in the paragraph around it, and
  :func:`context_markdown` renders them as escaped Markdown (nothing from the article is markup);
* a :class:`Decision` is one curator's decision as data, so that it can be shown while pending
  and applied again to a freshly read file (:func:`apply_decision`) when another curator saved
  first; :func:`edit_changes` keeps only the fields the curator actually changed, so that
  re-applying an edit never undoes someone else's;
* :func:`proposal_of` pairs a candidate that proposes to corroborate an accepted event with
  that event and the differences between them, for the side-by-side view; only a person's
  decision ("corroborate") adds its evidence there;
* :func:`write_articles`, :func:`scan_command`, :func:`merge_command` and :func:`run` prepare
  and run the extractor's command line (the dashboard imports nothing of ``extract`` but the
  ``extract.timeline`` contract).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar

import numpy as np
import yaml

from dashboard.kept import Kept
from dashboard.labels import counted, date_label, event_date_label, precision_words
from dashboard.text import find_date_words, md_escape
from extract.timeline import (
    EVENT_TYPES,
    Document,
    Event,
    PartialDate,
    Source,
    Timeline,
    Value,
    differences,
    is_public_address,
    text_digest,
    visible,
)

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_ARTICLE_MB = 5
MAX_ARTICLE_BYTES = MAX_ARTICLE_MB * 1024 * 1024
MAX_FILES = 50  # files in one upload (the page refuses more; the server refuses > 5 MB each)
PASTED_LABEL = "the pasted text"
T = TypeVar("T")

# --------------------------------------------------------------------------------------------
# What the Review page derives from one file version, kept while it is shown
# --------------------------------------------------------------------------------------------
# A Timeline is never changed in place once read (Document's edits make a new one), and
# extract.timeline gives every reader of one file version the same object: its identity is
# the file version. The queue, each shown candidate's merge choices and the sources' labels
# are kept for the last few timelines asked about (every session of the server shares them).
_PER_VERSION_KEEP = 4
_PER_VERSION: OrderedDict[int, tuple[Timeline, dict[Hashable, Any]]] = OrderedDict()
_PER_VERSION_LOCK = threading.Lock()


def per_version(timeline: Timeline, key: Hashable, make: Callable[[], T]) -> T:
    """``make()`` once per ``timeline`` object and ``key`` (the last few timelines are
    kept). What is kept is shared: callers must not change it."""
    with _PER_VERSION_LOCK:
        held = _PER_VERSION.get(id(timeline))
        if held is None or held[0] is not timeline:  # an id may be reused once freed
            held = _PER_VERSION[id(timeline)] = (timeline, {})
            while len(_PER_VERSION) > _PER_VERSION_KEEP:
                _PER_VERSION.popitem(last=False)
        _PER_VERSION.move_to_end(id(timeline))
        values = held[1]
        if key in values:
            return values[key]
    value = make()  # outside the lock: two threads may both make it, once
    with _PER_VERSION_LOCK:
        return values.setdefault(key, value)


def forget_versions() -> None:
    """Drop every kept derivation (tests; a process that must free the memory)."""
    with _PER_VERSION_LOCK:
        _PER_VERSION.clear()


def event_map(timeline: Timeline) -> dict[str, Event]:
    """``timeline.event_map()``, built once per version (do not change it)."""
    return per_version(timeline, "event_map", timeline.event_map)


def source_map(timeline: Timeline) -> dict[str, Source]:
    """``timeline.source_map()``, built once per version (do not change it)."""
    return per_version(timeline, "source_map", timeline.source_map)


def has_deal(timeline: Timeline, deal_id: str) -> bool:
    """Whether the timeline's deals section lists ``deal_id``."""
    return deal_id in per_version(timeline, "deal_ids", lambda: frozenset(
        d.id for d in timeline.deals or ()))


# --------------------------------------------------------------------------------------------
# The queue
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    """One candidate with what the queue sorts and filters on."""

    event: Event
    newest: PartialDate | None  # the newest publication date among its sources
    publishers: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.event.id

    # only the candidates drawn need these (a page shows ten of thousands)
    @cached_property
    def label(self) -> str:
        """The date as the text gives it ('9 Mar 2021', 'Feb 2021', 'c. 2016')."""
        return event_date_label(self.event)

    @cached_property
    def precision(self) -> str:
        """'exact day', 'month only', ..."""
        ev = self.event
        return precision_words(ev.date, ev.end, ev.approximate)


def queue(timeline: Timeline) -> list[QueueItem]:
    """Every ``status: candidate`` event, newest sources first.

    Order: the newest publication date among the event's sources (by its last possible day;
    events with no dated source last), then higher confidence, then the event's own date, then
    the id, so the order is stable. Built once per timeline (:func:`per_version`).
    """
    return list(_queued(timeline))


def queue_types(timeline: Timeline) -> list[str]:
    """The event types among the candidates, in the order of ``EVENT_TYPES``."""
    def make() -> list[str]:
        present = {i.event.type for i in _queued(timeline)}
        return [t for t in EVENT_TYPES if t in present]

    return list(per_version(timeline, "queue_types", make))


def queue_publishers(timeline: Timeline) -> list[str]:
    """The publishers of the candidates' sources (:func:`publishers_of` the queue)."""
    return list(per_version(timeline, "queue_publishers",
                            lambda: publishers_of(_queued(timeline))))


def _queued(timeline: Timeline) -> list[QueueItem]:
    return per_version(timeline, "queue", lambda: _queue(timeline))


def _queue(timeline: Timeline) -> list[QueueItem]:
    sources = source_map(timeline)
    items = []
    for ev in timeline.events:
        if ev.status != "candidate":
            continue
        dates = [sources[e.source].published for e in ev.evidence
                 if e.source in sources and sources[e.source].published is not None]
        newest = max(dates, key=lambda d: (d.last_day(), d._key())) if dates else None
        items.append(QueueItem(ev, newest, tuple(ev.publishers(sources))))

    def order(item: QueueItem) -> tuple[Any, ...]:
        newest = item.newest.last_day().toordinal() if item.newest else 0
        return (-newest, -(item.event.confidence or 0.0), item.event.date._key(), item.id)

    return sorted(items, key=order)


@dataclass(frozen=True)
class QueueFilter:
    """What the curator narrowed the queue to (every part must match)."""

    text: str = ""  # every word must occur in the title, a quote or a name (any case)
    types: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    min_confidence: float = 0.0


def _haystack(item: QueueItem) -> str:
    ev = item.event
    parts = [ev.title, ev.summary or "", *ev.actors, *ev.people, *ev.systems, *item.publishers]
    for e in ev.evidence:
        parts += [e.quote, e.context or "", e.date_text or ""]
    return " ".join(parts).casefold()


def filter_queue(items: Iterable[QueueItem], f: QueueFilter) -> list[QueueItem]:
    """The items that pass ``f``, in queue order."""
    words = f.text.casefold().split()
    out = []
    for item in items:
        if f.types and item.event.type not in f.types:
            continue
        if f.publishers and not set(item.publishers) & set(f.publishers):
            continue
        if (item.event.confidence or 0.0) < f.min_confidence:
            continue
        if words:
            hay = _haystack(item)
            if not all(w in hay for w in words):
                continue
        out.append(item)
    return out


def publishers_of(items: Iterable[QueueItem]) -> list[str]:
    return sorted({p for item in items for p in item.publishers}, key=str.casefold)


MERGE_CHOICES = 500  # a larger file offers the events nearest in date to the candidate


def merge_targets(timeline: Timeline, candidate_id: str, *,
                  limit: int = MERGE_CHOICES) -> list[Event]:
    """Events a candidate can be merged into: accepted ones first, then other candidates
    (each by date); never itself, never a rejected event. Of more than ``limit`` such events,
    the ``limit`` nearest in date to the candidate (a page of a 50,000-event file would
    otherwise send every event's label once per candidate).

    Nearest by first day; at the same distance an earlier day before a later one, then the
    ids outward from the candidate's place in the order by (first day, id): descending before
    it, ascending from it (as a walk outward from that place takes them).
    """
    events, days, where = _dated(timeline)
    at = where.get(candidate_id)
    if len(events) - (at is not None) <= limit:
        others = [e for e in events if e.id != candidate_id]
    else:
        day = int(days[at]) if at is not None else _day_of_candidate(timeline, candidate_id)
        distance = np.abs(days - day)
        if at is not None:
            distance[at] = np.iinfo(np.int64).max  # never itself
        farthest = distance[np.argpartition(distance, limit - 1)[limit - 1]]
        inside = np.flatnonzero(distance < farthest)
        tied = [events[i] for i in np.flatnonzero(distance == farthest)]
        before = sorted((e for e in tied if e.date.first_day().toordinal() < day),
                        key=lambda e: e.id, reverse=True)
        after = sorted((e for e in tied if e.date.first_day().toordinal() >= day),
                       key=lambda e: e.id)
        others = [events[i] for i in inside] + (before + after)[:limit - len(inside)]
    return sorted(others, key=lambda e: (e.status != "accepted", e.date._key(), e.id))


def _dated(timeline: Timeline) -> tuple[list[Event], np.ndarray, dict[str, int]]:
    """The timeline's events that are not rejected (in the file's order), their first days
    (ordinals) and id -> index; made once per timeline."""
    def make() -> tuple[list[Event], np.ndarray, dict[str, int]]:
        events = [e for e in timeline.events if e.status != "rejected"]
        days = np.fromiter((e.date.first_day().toordinal() for e in events), dtype=np.int64,
                           count=len(events))
        return events, days, {e.id: n for n, e in enumerate(events)}
    return per_version(timeline, "dated", make)


MERGE_CHOICES_KEPT = 200  # candidates whose merge choices are kept per timeline


def merge_choices(timeline: Timeline, candidate_id: str) -> dict[str, str]:
    """The candidate's :func:`merge_targets` as the Review page offers them: event id ->
    'date · title (status)', in order. Kept per timeline for the last
    ``MERGE_CHOICES_KEPT`` candidates asked about (a page is ten of them); do not change it.
    """
    kept = per_version(timeline, "merge_choices", lambda: Kept(MERGE_CHOICES_KEPT))
    return kept.get(candidate_id, lambda: _merge_choices(timeline, candidate_id))


def _merge_choices(timeline: Timeline, candidate_id: str) -> dict[str, str]:
    labels: dict[str, str] = per_version(timeline, "event_labels", dict)
    choices = {}
    for target in merge_targets(timeline, candidate_id):
        label = labels.get(target.id)
        if label is None:  # the same words for every candidate that offers this event
            label = labels[target.id] = event_choice_label(target)
        choices[target.id] = label
    return choices


def event_choice_label(event: Event) -> str:
    """'date · title (status)': an event as a merge choice."""
    return visible(f"{date_label(event.date, event.end)} · {event.title} ({event.status})")


class _SourceLabels(dict[str, str]):
    """Source id -> its words; an id the file does not list is its own label."""

    def __missing__(self, source_id: str) -> str:
        return source_id


def source_label(source: Source) -> str:
    """'Caspian News · 29 Mar 2023 · title (id)'."""
    bits = [source.publisher or source.id]
    if source.published is not None:
        bits.append(date_label(source.published))
    if source.title:
        bits.append(source.title)
    return " · ".join(bits) + f" ({source.id})"


def source_labels(timeline: Timeline) -> dict[str, str]:
    """:func:`source_label` of every source of the timeline, in the file's order (an id it
    does not list maps to itself); built once per timeline: do not change it."""
    return per_version(timeline, "source_labels", lambda: _SourceLabels(
        (s.id, source_label(s)) for s in timeline.sources))


def _day_of_candidate(timeline: Timeline, candidate_id: str) -> int:
    found = next((e for e in timeline.events if e.id == candidate_id), None)
    return found.date.first_day().toordinal() if found is not None else 0


# --------------------------------------------------------------------------------------------
# Has the file changed since it was read? (asked on every run of the Review page)
# --------------------------------------------------------------------------------------------
# Document.changed_on_disk reads and hashes the whole file (39 MB at 50,000 events). When
# the file's stat is the one it had the last time its bytes were found unchanged, they still
# are: any write changes the inode (an atomic replace) or the ctime, which no one can set
# back. A stat taken within RACY_SECONDS of its mtime or ctime is not trusted (file times
# are coarse: two writes in one tick may leave the same times), as git does with its index.
RACY_SECONDS = 3.0
Seen = tuple[Document, tuple[int, ...]]  # the document, the file's stat when found unchanged


def _stat_of(path: Path) -> tuple[int, ...] | None:
    try:
        st_ = os.stat(path)
    except OSError:
        return None
    return (st_.st_dev, st_.st_ino, st_.st_size, st_.st_mtime_ns, st_.st_ctime_ns)


def file_stat(path: Path) -> tuple[int, ...] | None:
    """The file's stat as :func:`changed_since_read` compares it (None: cannot be read)."""
    return _stat_of(path)


def seen_at_open(doc: Document, before: tuple[int, ...] | None) -> Seen | None:
    """``seen`` for a document just opened, ``before``: the file's stat taken before it was
    opened. When the stat is the same after, the document holds the bytes of that stat (a
    write meanwhile would have changed it): no need to read them again to know."""
    after = _stat_of(doc.path)
    if before is None or after != before or _racy(after):
        return None
    return doc, after


# One opened document per file version, shared by the sessions: each session edits a copy
# (Document.copy: the text and the model shared, the edits its own), so a curator's first
# visit does not read, decode and hash the whole file again (0.13 s at 50,000 events, and the
# file's text held once, not once a session). A version is a trusted stat, as above: a file
# written a moment ago is opened afresh by each session until its times are no longer racy.
_OPENED = Kept(2)


def open_for_review(path: Path) -> tuple[Document, Seen | None]:
    """The file opened for editing (a copy of the one document kept for its version), and
    ``seen`` for :func:`changed_since_read`. Raises TimelineError, OSError."""
    before = _stat_of(path)
    if before is None or _racy(before):
        doc = Document.open(path)
        return doc, seen_at_open(doc, before)

    def open_version() -> Document:
        doc = Document.open(path)
        if _stat_of(path) != before:  # not known to be the bytes of ``before``: not kept
            raise _WrittenMeanwhile
        return doc

    try:
        kept = _OPENED.get((str(Path(path).resolve()), before), open_version)
    except _WrittenMeanwhile:  # written while it was opened: this session's own, read again
        doc = Document.open(path)
        return doc, seen_at_open(doc, before)
    doc = kept.copy()
    return doc, (doc, before)


class _WrittenMeanwhile(Exception):
    """The file changed while it was opened for keeping (nothing is kept for that stat)."""


def forget_opened() -> None:
    """Drop the kept documents (tests)."""
    with _OPENED.lock:
        _OPENED.held.clear()


def _racy(stat: tuple[int, ...]) -> bool:
    return time.time_ns() - max(stat[3], stat[4]) < RACY_SECONDS * 1e9


def changed_since_read(doc: Document, seen: Seen | None) -> tuple[bool, Seen | None]:
    """Whether ``doc``'s file changed on disk since it was read (its bytes, as
    ``doc.changed_on_disk()`` says), and what to pass as ``seen`` next time: the bytes are
    read and hashed only when the file's stat is not the one they were last found unchanged
    with."""
    stat = _stat_of(doc.path)  # before the bytes: a write after this changes the stat
    if stat is not None and seen is not None and seen[0] is doc and seen[1] == stat:
        return False, seen
    if doc.changed_on_disk():
        return True, None
    if stat is None or _racy(stat):
        return False, None
    return False, (doc, stat)


# --------------------------------------------------------------------------------------------
# The sentence in its paragraph, date words highlighted
# --------------------------------------------------------------------------------------------

SpanKind = Literal["plain", "quote", "date"]


@dataclass(frozen=True)
class Span:
    text: str
    kind: SpanKind


def _find_quote(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    # the paragraph may wrap lines or double spaces differently: match word by word
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def context_spans(context: str | None, quote: str, date_text: str | None) -> list[Span]:
    """The paragraph (or the quote alone when there is none) cut into plain text, the quoted
    sentence and its date words.

    The date words are looked for inside the quote first, then anywhere in the paragraph; when
    they cannot be found nothing is highlighted as a date (never a guess).

    >>> [(s.kind, s.text) for s in context_spans("A. In 2020 B. C.", "In 2020 B.", "2020")]
    [('plain', 'A. '), ('quote', 'In '), ('date', '2020'), ('quote', ' B.'), ('plain', ' C.')]
    """
    text = context if context else quote
    date_text = date_text.strip() if date_text else None
    q = _find_quote(text, quote)
    date: tuple[int, int] | None = None
    if q is not None:
        found = find_date_words(text[q[0]:q[1]], date_text)
        if found is not None:
            date = (q[0] + found[0], q[0] + found[1])
    if date is None:
        date = find_date_words(text, date_text)
    if date is not None:  # whitespace at the edges stays outside the highlight
        a, b = date
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        date = (a, b) if a < b else None
    cuts = {0, len(text)}
    for span in (q, date):
        if span is not None:
            cuts.update(span)
    bounds = sorted(cuts)
    spans: list[Span] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a == b:
            continue
        if date is not None and date[0] <= a and b <= date[1]:
            kind: SpanKind = "date"
        elif q is not None and q[0] <= a and b <= q[1]:
            kind = "quote"
        else:
            kind = "plain"
        if spans and spans[-1].kind == kind:
            spans[-1] = Span(spans[-1].text + text[a:b], kind)
        else:
            spans.append(Span(text[a:b], kind))
    return spans


def context_markdown(spans: Sequence[Span]) -> str:
    """Escaped Markdown: the quote on a blue background, its date words bold on orange.

    Only the highlighting is markup; every character of the article is escaped.
    """
    out = []
    for s in spans:
        body = md_escape(s.text)
        if not body.strip():
            out.append(body)
        elif s.kind == "date":
            out.append(f":orange-background[**{body}**]")
        elif s.kind == "quote":
            out.append(f":blue-background[{body}]")
        else:
            out.append(body)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Editing
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EditForm:
    """The edit form's fields as the curator sees them (text, but for the check boxes and
    ``references``: the ids of further sources)."""

    title: str = ""
    date: str = ""
    end: str = ""
    approximate: bool = False
    type: str = "other"
    actors: str = ""
    people: str = ""
    systems: str = ""
    supplier: str = ""
    recipient: str = ""
    deal: str = ""
    value_amount: str = ""
    value_currency: str = ""
    value_unit: str = ""
    value_approximate: bool = False
    value_text: str = ""
    unverified: bool = False
    references: tuple[str, ...] = ()
    summary: str = ""
    notes: str = ""


def _amount_words(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else repr(float(amount))


def form_of(event: Event) -> EditForm:
    """The edit form filled in from an event."""
    v = event.value
    return EditForm(
        title=event.title, date=str(event.date), end=str(event.end) if event.end else "",
        approximate=event.approximate, type=event.type,
        actors=", ".join(event.actors), people=", ".join(event.people),
        systems=", ".join(event.systems), supplier=event.supplier or "",
        recipient=event.recipient or "", deal=event.deal or "",
        value_amount=_amount_words(v.amount) if v else "",
        value_currency=(v.currency or "") if v else "", value_unit=(v.unit or "") if v else "",
        value_approximate=v.approximate if v else False, value_text=(v.text or "") if v else "",
        unverified=event.unverified, references=tuple(event.references),
        summary=event.summary or "", notes=event.notes or "",
    )


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


def _date(text: str) -> PartialDate | str:
    """A PartialDate when the text is one; else the text itself, so that the contract's
    validation refuses it with the message of ``extract check``."""
    try:
        return PartialDate.parse(text.strip())
    except ValueError:
        return text.strip()


def _value(event: Event, form: EditForm) -> Value | dict[str, Any] | None:
    amount_text = form.value_amount.strip().replace(",", "")
    if not amount_text:
        return None
    data: dict[str, Any] = event.value.model_dump(exclude_none=True) if event.value else {}
    try:
        amount: Any = float(amount_text)
        if amount.is_integer():
            amount = int(amount)
    except ValueError:
        amount = amount_text  # refused by the contract, with its message
    data["amount"] = amount
    for key, text in (("currency", form.value_currency), ("unit", form.value_unit)):
        if text.strip():
            data[key] = text.strip()
        else:
            data.pop(key, None)
    if form.value_approximate:
        data["approximate"] = True
    else:
        data.pop("approximate", None)
    before = form_of(event)
    if form.value_text != before.value_text:
        if form.value_text.strip():
            data["text"] = form.value_text.strip()
        else:
            data.pop("text", None)
    elif event.value is not None and form.value_amount != _amount_words(event.value.amount):
        data.pop("text", None)  # the words as written no longer match the edited amount
    try:
        return Value.model_validate(data)
    except ValueError:
        return data


def edit_changes(event: Event, form: EditForm) -> dict[str, Any]:
    """The fields the curator changed, as ``Document.update_event`` keyword arguments.

    Unchanged fields are left out, so that applying the edit to a file someone else edited
    meanwhile keeps their changes. Empty optional fields become ``None`` (removed). Bad
    values are passed through as written so that ``update_event`` refuses them with the
    messages of ``extract check``.
    """
    before = form_of(event)
    changed = {f.name for f in fields(EditForm) if getattr(form, f.name) != getattr(before,
                                                                                   f.name)}
    changes: dict[str, Any] = {}
    if "title" in changed:
        changes["title"] = form.title.strip()
    if "date" in changed:
        changes["date"] = _date(form.date)
    if "end" in changed:
        changes["end"] = _date(form.end) if form.end.strip() else None
    if "approximate" in changed:
        changes["approximate"] = bool(form.approximate)
    if "type" in changed:
        changes["type"] = form.type
    for name in ("actors", "people", "systems"):
        if name in changed and _names(getattr(form, name)) != getattr(event, name):
            changes[name] = _names(getattr(form, name))
    if "unverified" in changed:
        changes["unverified"] = bool(form.unverified)
    if "references" in changed:
        changes["references"] = list(dict.fromkeys(form.references))  # order kept, no repeats
    if changed & {"value_amount", "value_currency", "value_unit", "value_approximate",
                  "value_text"}:
        changes["value"] = _value(event, form)
    for name in ("supplier", "recipient", "deal", "summary", "notes"):
        if name in changed and (getattr(form, name).strip() or None) != getattr(event, name):
            changes[name] = getattr(form, name).strip() or None
    return changes


# --------------------------------------------------------------------------------------------
# Decisions
# --------------------------------------------------------------------------------------------

Action = Literal["accept", "reject", "merge", "corroborate", "keep"]
VERB = {"accept": "Accepted", "reject": "Rejected", "merge": "Merged",
        "corroborate": "Added as corroboration", "keep": "Kept as its own event"}


@dataclass(frozen=True)
class Decision:
    """One curator's decision on one or more candidates.

    Actions: ``accept``, ``reject``; ``merge`` (the candidate's evidence joins ``target``,
    an event the curator chose); ``corroborate`` (the same, for the accepted event the
    candidate proposed in ``corroborates``: ``target`` is that event); ``keep`` (the proposal
    is declined: the candidate stays in the queue as a plain candidate).

    ``changes`` (for an accept) are the edited fields (see :func:`edit_changes`); ``target``
    is the event a merged candidate's evidence joins; ``titles`` are for the messages only.
    """

    action: Action
    event_ids: tuple[str, ...]
    by: str
    changes: dict[str, Any] = field(default_factory=dict)
    target: str | None = None
    titles: tuple[str, ...] = ()

    def describe(self) -> str:
        """'accept “Herzog visits Baku” with edits to title, date', 'reject 3 candidates'."""
        if len(self.event_ids) == 1:
            what = f"“{self.titles[0]}”" if self.titles else f"'{self.event_ids[0]}'"
        else:
            what = counted(len(self.event_ids), "candidate")
        verb = {"corroborate": "add as corroboration", "keep": "keep as its own event"}.get(
            self.action, self.action)
        text = f"{verb} {what}"
        if self.action == "merge":
            text += f" into '{self.target}'"
        elif self.action == "corroborate":
            text += f" of '{self.target}'"
        if self.changes:
            text += " with edits to " + ", ".join(self.changes)
        return text


def apply_decision(doc: Document, decision: Decision) -> list[str]:
    """Apply a decision to an open document (not saved). Returns what was skipped, in words.

    A candidate that is no longer in the file, or that someone already decided (it is no
    longer ``candidate``), is skipped and named in the returned list: someone else's decision
    is never overwritten. Raises ``TimelineError`` (the messages of ``extract check``) or
    ``ValueError`` for an invalid edit or merge; the document may then hold part of a bulk
    decision, so apply decisions to a copy and keep it only when this returns.
    """
    skipped: list[str] = []
    for event_id in decision.event_ids:
        event = doc.event(event_id)
        if event is None:
            skipped.append(f"'{event_id}' is no longer in the file (merged or removed by "
                           "someone else)")
            continue
        if event.status != "candidate":
            who = f" by {event.reviewed_by}" if event.reviewed_by else ""
            when = f" at {event.reviewed_at}" if event.reviewed_at else ""
            skipped.append(f"'{event_id}' was already {event.status}{who}{when}")
            continue
        if decision.action == "merge":
            target = decision.target or ""
            if doc.event(target) is None:
                skipped.append(f"'{event_id}' was not merged: '{target}' is no longer in the "
                               "file")
                continue
            doc.merge_into(event_id, target, by=decision.by or None)
            continue
        if decision.action == "corroborate":
            target = doc.event(decision.target or "")
            if target is None or target.status != "accepted":
                now = "no longer in the file" if target is None else f"now {target.status}"
                skipped.append(f"'{event_id}' was not added as corroboration: "
                               f"'{decision.target}' is {now}")
                continue
            doc.merge_into(event_id, target.id, by=decision.by or None)
            continue
        if decision.action == "keep":
            if event.corroborates is not None:
                doc.update_event(event_id, corroborates=None)
            continue
        if decision.changes:
            doc.update_event(event_id, **decision.changes)
        if event.corroborates is not None:
            # accepted as its own event, or rejected: the proposal to corroborate is decided
            doc.update_event(event_id, corroborates=None)
        status = "accepted" if decision.action == "accept" else "rejected"
        doc.set_status(event_id, status, by=decision.by or None)
    return skipped


def bulk_decision(action: Action, items: Sequence[QueueItem], by: str) -> Decision:
    """Accept or reject every item (the filtered set) at once.

    A bulk accept leaves out the candidates that propose to corroborate an accepted event:
    whether one is the same happening is decided one by one, side by side (see
    :func:`bulk_left_out`).
    """
    if action == "accept":
        items = [i for i in items if i.event.corroborates is None]
    return Decision(action, tuple(i.id for i in items), by,
                    titles=tuple(i.event.title for i in items))


def bulk_left_out(action: Action, items: Sequence[QueueItem]) -> int:
    """How many of ``items`` a bulk ``action`` leaves out (proposals, for an accept)."""
    return sum(i.event.corroborates is not None for i in items) if action == "accept" else 0


# --------------------------------------------------------------------------------------------
# A proposal to corroborate, side by side with the event it would join
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalView:
    """A candidate's proposal to corroborate ``target_id``, as the Review page shows it.

    ``target`` is the accepted event, or None when it is gone or no longer accepted
    (``problem`` then says which, in words, and only Keep and Reject are offered).
    ``differences`` are where the two disagree (:func:`extract.timeline.differences`).
    """

    candidate: Event
    target_id: str
    reason: str | None
    target: Event | None
    problem: str | None
    differences: tuple[str, ...]


def proposal_of(timeline: Timeline, candidate: Event) -> ProposalView | None:
    """The candidate's proposal paired with its target event; None when it proposes none."""
    proposal = candidate.corroborates
    if proposal is None:
        return None
    target = event_map(timeline).get(proposal.event)
    problem = None
    if target is None:
        problem = (f"The event it would corroborate, '{proposal.event}', is no longer in the "
                   "file.")
    elif target.status != "accepted":
        problem = (f"The event it would corroborate, “{target.title}”, is no longer accepted "
                   f"(it is {target.status}).")
    diffs = tuple(differences(candidate, target)) if target is not None else ()
    return ProposalView(candidate, proposal.event, proposal.reason,
                        target if problem is None else None, problem, diffs)


def merge_differences(timeline: Timeline, candidate_id: str, target_id: str) -> list[str]:
    """Where a candidate and the event the curator chose to merge it into disagree (dates,
    type, value), in words, for the confirmation before the merge; [] when either is gone."""
    events = event_map(timeline)
    if candidate_id not in events or target_id not in events:
        return []
    return differences(events[candidate_id], events[target_id])


def with_by(decision: Decision, by: str) -> Decision:
    return replace(decision, by=by)


# --------------------------------------------------------------------------------------------
# Adding articles: the extractor's command line
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """An uploaded or pasted article: the file name to give it, its bytes, and what to call it
    in messages ('harop.txt', 'the pasted text')."""

    name: str
    data: bytes
    label: str = ""

    @property
    def called(self) -> str:
        return self.label or self.name


def pasted_article(text: str) -> Article:
    """A pasted text as an article, named by its digest (``pasted-<12 hex digits>.txt``): two
    different texts are never one file, nor one source; the same text pasted again is."""
    digest = text_digest(text).split(":", 1)[1]
    return Article(f"pasted-{digest[:12]}.txt", text.encode("utf-8"), label=PASTED_LABEL)


@dataclass(frozen=True)
class CommandResult:
    returncode: int
    stdout: str
    stderr_lines: tuple[str, ...]


def safe_name(name: str, taken: set[str]) -> str:
    """A plain file name for an uploaded article: no folders, no odd characters, unique."""
    base = Path(name.replace("\\", "/")).name
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip(".-") or "article"
    if suffix not in ARTICLE_SUFFIXES:
        suffix = ".txt"
    candidate, n = f"{stem}{suffix}", 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}{suffix}", n + 1
    taken.add(candidate)
    return candidate


def check_published(text: str) -> PartialDate | None:
    """The publication date typed by the curator (empty: let the extractor read the byline).

    Raises ``ValueError`` with a curator's message (``'2023-02-30' is not a real date ...``).
    """
    return PartialDate.parse(text.strip()) if text.strip() else None


def check_url(text: str) -> str | None:
    """The article's address typed by the curator (empty: none; the extractor may read one).

    Only a public http(s) address is an article's URL. Raises ``ValueError`` with a curator's
    message otherwise (another scheme, spaces, a loopback or private address).
    """
    url = text.strip()
    if not url:
        return None
    if not re.match(r"^https?://[^/\s]+", url, re.IGNORECASE):
        raise ValueError(f"'{visible(url)}' is not a web address; expected one starting with "
                         "http:// or https://")
    if re.search(r"\s", url):
        raise ValueError(f"'{visible(url)}' contains spaces; expected a web address")
    if not is_public_address(url):
        raise ValueError(f"'{visible(url)}' is a local or private address, not where an "
                         "article was published; expected a public http(s) address")
    return url


def planned_files(articles: Sequence[Article]) -> list[tuple[Article, str | None, str | None]]:
    """(article, file name to write it under, or None with the reason it is refused)."""
    taken: set[str] = set()
    out: list[tuple[Article, str | None, str | None]] = []
    for art in articles:
        if len(art.data) > MAX_ARTICLE_BYTES:
            out.append((art, None, f"{art.called}: {len(art.data) / 1024 / 1024:.1f} MB is "
                                   f"over the {MAX_ARTICLE_MB} MB limit for one article; "
                                   "not read"))
            continue
        out.append((art, safe_name(art.name, taken), None))
    return out


def write_articles(folder: Path, articles: Sequence[Article], *, publisher: str = "",
                   published: PartialDate | None = None, url: str | None = None,
                   title: str = "") -> tuple[Path, list[str]]:
    """Write the articles and a manifest into ``folder``. Returns (manifest path, problems).

    An article over :data:`MAX_ARTICLE_BYTES` is refused (named in the problems) and not
    written. The manifest gives each article the publisher, date, address and title typed in
    the form (only those that were given: the extractor reads the rest from the article; an
    address and a title describe one article, see :func:`check_url`). Raises ``OSError`` when
    a file cannot be written (a full disk).
    """
    folder = Path(folder)
    entries, problems = [], []
    for art, name, refused in planned_files(articles):
        if name is None:
            problems.append(refused or art.called)
            continue
        (folder / name).write_bytes(art.data)
        entry: dict[str, Any] = {"file": name}
        if title.strip():
            entry["title"] = " ".join(title.split())
        if publisher.strip():
            entry["publisher"] = publisher.strip()
        if published is not None:
            entry["published"] = str(published)
        if url:
            entry["url"] = url
        entry["language"] = "en"
        entries.append(entry)
    manifest = folder / "sources.yaml"
    manifest.write_text(yaml.safe_dump({"sources": entries}, sort_keys=False,
                                       allow_unicode=True), encoding="utf-8")
    return manifest, problems


def scan_command(folder: Path, manifest: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "extract", "scan", str(folder), "--manifest", str(manifest),
            "--out", str(out)]


def merge_command(candidates: Path, events: Path) -> list[str]:
    return [sys.executable, "-m", "extract", "merge", str(candidates), "--into", str(events)]


def run(cmd: Sequence[str], *, cwd: Path | None = None, timeout: float = 300) -> CommandResult:
    """Run one extractor command; stderr as lines (progress-bar noise dropped)."""
    try:
        proc = subprocess.run(list(cmd), capture_output=True, text=True, cwd=cwd,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return CommandResult(-1, "", (f"the extractor did not finish in {timeout:.0f} s; "
                                      "nothing was added",))
    lines = [ln.strip() for ln in re.split(r"[\r\n]+", proc.stderr) if ln.strip()]
    return CommandResult(proc.returncode, proc.stdout.strip(), tuple(lines))


def reported_problems(result: CommandResult, folder: Path) -> list[str]:
    """The stderr lines that name a file and why, with the temporary folder left out."""
    prefix = str(folder).rstrip("/") + "/"
    return [ln.replace(prefix, "") for ln in result.stderr_lines
            if not ln.startswith("scanned ") and "%|" not in ln]


# --------------------------------------------------------------------------------------------
# What a merge did, in words
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MergeCounts:
    """The counts ``extract merge`` prints on its one line of output::

        EVENTS_PATH: A new candidate events, P proposed corroborations, C added to other
        candidates, S new sources, U already present

    ``appended`` counts evidence appended to existing events (an older merge's
    "N corroborations"); a count the line does not give is 0.
    """

    new_events: int = 0
    proposed: int = 0
    added_to_candidates: int = 0
    new_sources: int = 0
    already_present: int = 0
    appended: int = 0

    @property
    def added_anything(self) -> bool:
        return bool(self.new_events or self.proposed or self.added_to_candidates
                    or self.new_sources or self.appended)


_COUNT_RE = re.compile(r"(\d+)\s+([A-Za-z][A-Za-z ]*[A-Za-z])")
_COUNT_FIELDS = (  # the words after a count, tried in order (singular or plural)
    ("proposed corroboration", "proposed"),
    ("added to other candidate", "added_to_candidates"),
    ("new candidate event", "new_events"),
    ("new event", "new_events"),
    ("new source", "new_sources"),
    ("already present", "already_present"),
    ("corroboration", "appended"),
)


def parse_merge_output(stdout: str) -> MergeCounts | None:
    """The counts of ``extract merge``'s summary line; None when no line gives any.

    >>> parse_merge_output("e.yaml: 2 new candidate events, 1 proposed corroboration, "
    ...                    "0 added to other candidates, 1 new source, 3 already present")
    MergeCounts(new_events=2, proposed=1, added_to_candidates=0, new_sources=1, \
already_present=3, appended=0)
    """
    for line in reversed([ln for ln in stdout.splitlines() if ln.strip()]):
        # the counts follow the file's name; a path may hold ': ' or digits itself
        tail = line.rsplit(": ", 1)[-1]
        found: dict[str, int] = {}
        for number, words in _COUNT_RE.findall(tail):
            words = " ".join(words.lower().split())
            for prefix, name in _COUNT_FIELDS:
                if words.startswith(prefix):
                    found[name] = found.get(name, 0) + int(number)
                    break
        if found:
            return MergeCounts(**found)
    return None


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def merge_message(counts: MergeCounts | None, no_events: Sequence[str],
                  articles: int) -> tuple[str, str]:
    """(kind, text) for the Add articles page after a merge: exactly what happened.

    ``no_events`` names the articles in which the extractor found no dated event (nothing is
    added for them); ``articles`` is how many were read. ``kind`` is 'success' when
    something was added, else 'info'.
    """
    parts: list[str] = []
    if no_events:
        parts.append(f"No dated events were found in {_and(list(no_events))}; nothing was "
                     "added for " + ("it." if len(no_events) == 1 else "them."))
    if counts is None:
        if len(no_events) < articles:
            parts.append("The extractor's merge reported no counts; see the Review queue.")
        return "info", " ".join(parts) or "Nothing was added."
    queued = []
    if counts.new_events:
        queued.append(_n(counts.new_events, "new candidate event"))
    if counts.proposed:
        queued.append(_n(counts.proposed, "candidate that may corroborate an accepted event",
                         "candidates that may corroborate accepted events"))
    if queued:
        are = "is" if counts.new_events + counts.proposed == 1 else "are"
        parts.append(f"{_and(queued)} {are} in the Review queue.")
    if counts.added_to_candidates:
        parts.append(_n(counts.added_to_candidates, "event") + " found again joined "
                     + ("a candidate" if counts.added_to_candidates == 1 else "candidates")
                     + " already in the queue.")
    if counts.appended:
        parts.append(_n(counts.appended, "existing event") + " got further evidence.")
    if counts.new_sources:
        parts.append(_n(counts.new_sources, "new source") + " added.")
    if counts.already_present:
        parts.append(_n(counts.already_present, "event was", "events were")
                     + " already in the timeline (nothing added for "
                     + ("it" if counts.already_present == 1 else "them") + ").")
    if not counts.added_anything:
        parts.append("Nothing was added to the timeline.")
    return ("success" if counts.added_anything else "info"), " ".join(parts)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def articles_without_events(candidates: Timeline, files: dict[str, str]) -> list[str]:
    """The articles (``{file name: what to call it}``) that no candidate event quotes."""
    sources = candidates.source_map()
    quoted = {sources[ev.source].file for e in candidates.events for ev in e.evidence
              if ev.source in sources}
    return [called for name, called in files.items() if name not in quoted]


def one_line(lines: Sequence[str]) -> list[str]:
    """A command's stderr for the page: a Python traceback is cut to its last line (the
    error itself: "OSError: [Errno 28] No space left on device")."""
    if any(ln.startswith("Traceback") for ln in lines):
        return [lines[-1]] if lines else []
    return list(lines)

"""Dated events from an article: one candidate per dated happening, with its evidence.

For every date mention in the article's body (page furniture is masked out first, keeping
offsets), the sentence around it is read for:

* the event type, from the cue words of ``data/event_types.yaml`` (most specific type first);
* actors (countries, also from capitals and demonyms), people and weapon systems, from the
  editable gazetteers ``data/actors.yaml``, ``data/people.yaml`` and ``data/systems.yaml``;
* a money value (``$5 billion``) or a figure (``69 percent``, ``second-largest``).

A sentence with two periods ("In 2014-2018 and 2018-2022") gives two events. Sentences with
no country, person or system of interest and no defence cue give none. Mentions of the same
happening in one article (same date, type and overlapping actors) become one candidate with
several pieces of evidence.

Dates come from :func:`extract.dates.find_dates` at the precision the text gives. When the
article has no publication date, a mention that depends on it is not resolved against today:
it gives no event, and is counted in the scan's summary instead. When the publication date is
itself coarse (``2022-10``), events resolved against it get a lower confidence.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from extract.article import Article
from extract.dates import DateMention, find_dates, mention_span
from extract.timeline import Event, Evidence, PartialDate, Source, Value

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"

__all__ = ["Gazetteers", "extract_events", "source_for", "slugify", "ExtractionStats"]


def slugify(text: str, limit: int = 60) -> str:
    """``'Caspian News'`` -> ``'caspian-news'``; ASCII, lowercase, hyphens."""
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")
    return slug[:limit].rstrip("-") or "x"


@dataclass(frozen=True)
class Names:
    """Every alias of a gazetteer in one alternation, and the canonical name of each alias.

    One pass over a sentence finds every name (the longest alias wins where two start at the
    same place), in order of first appearance.
    """

    rx: re.Pattern[str]
    canonical: dict[str, str]
    ignore_case: bool

    @classmethod
    def build(cls, entries: dict[str, list[str]], *, ignore_case: bool) -> Names:
        canonical: dict[str, str] = {}
        for name, aliases in entries.items():
            for alias in [name, *aliases]:
                if alias:
                    canonical.setdefault(alias.casefold() if ignore_case else alias, name)
        parts = sorted({a for name, aliases in entries.items() for a in [name, *aliases] if a},
                       key=len, reverse=True)
        body = "|".join(re.escape(a) for a in parts)
        rx = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I if ignore_case else 0)
        return cls(rx, canonical, ignore_case)

    def found(self, text: str) -> list[str]:
        out: dict[str, None] = {}
        for m in self.rx.finditer(text):
            word = m.group(0)
            name = self.canonical.get(word.casefold() if self.ignore_case else word)
            if name:
                out.setdefault(name, None)
        return list(out)


@dataclass(frozen=True)
class Gazetteers:
    """The editable word lists, compiled. Load with :meth:`load` (cached per folder)."""

    countries: Names
    people: Names
    person_country: dict[str, str]
    systems: Names
    relevance: re.Pattern[str]
    all_cues: re.Pattern[str]  # every type's cues, one named group per type (t0, t1, ...)
    type_names: tuple[str, ...]

    @classmethod
    def load(cls, folder: str | Path | None = None) -> Gazetteers:
        return _load_gazetteers(str(folder or DATA))


def _read(folder: str, name: str) -> Any:
    path = Path(folder) / name
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read gazetteer: {exc}") from None


@lru_cache(maxsize=8)
def _load_gazetteers(folder: str) -> Gazetteers:
    actors = _read(folder, "actors.yaml")["countries"]
    people = _read(folder, "people.yaml")["people"]
    systems = _read(folder, "systems.yaml")["systems"]
    types = _read(folder, "event_types.yaml")
    return Gazetteers(
        countries=Names.build(
            {name: list(aliases or []) for name, aliases in actors.items()}, ignore_case=False
        ),
        people=Names.build(
            {name: list((entry or {}).get("aliases", [])) for name, entry in people.items()},
            ignore_case=False,
        ),
        person_country={
            name: entry["country"] for name, entry in people.items()
            if isinstance(entry, dict) and entry.get("country")
        },
        systems=Names.build(
            {name: list((entry or {}).get("aliases", [])) for name, entry in systems.items()},
            ignore_case=True,
        ),
        relevance=re.compile(
            r"(?<![\w-])(?:" + "|".join(types["relevance"]) + r")(?![\w-])", re.I
        ),
        all_cues=re.compile(
            r"(?<![\w-])(?:"
            + "|".join(f"(?P<t{i}>{'|'.join(cues)})"
                       for i, cues in enumerate(types["types"].values()))
            + r")(?![\w-])",
            re.I,
        ),
        type_names=tuple(types["types"]),
    )


_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12}
_CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₪": "ILS"}
_MONEY_RE = re.compile(
    r"(?P<approx>(?:close to|about|around|nearly|almost|some|over|more than|roughly|up to)\s+)?"
    r"(?P<cur>US\$|\$|€|£|₪)\s?(?P<num>\d+(?:[.,]\d+)?)\s?"
    r"(?P<scale>thousand|million|billion|trillion|bn|mn|m|b)?\b",
    re.I,
)
_MONEY_WORDS_RE = re.compile(
    r"(?P<approx>(?:close to|about|around|nearly|almost|over|more than|roughly)\s+)?"
    r"(?P<num>\d+(?:[.,]\d+)?)\s(?P<scale>thousand|million|billion)\s(?P<cur>dollars|euros|"
    r"manats)\b",
    re.I,
)
_PERCENT_RE = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)")
_RANK_RE = re.compile(
    r"\b(?P<ord>second|third|fourth|fifth|largest|biggest|top)[- ](?:largest|biggest)?",
    re.I,
)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}


def find_value(sentence: str, kind: str) -> Value | None:
    """A money amount in the sentence, or for statistics a percentage or rank."""
    m = _MONEY_RE.search(sentence)
    if m:
        amount = float(m.group("num").replace(",", "."))
        amount *= _SCALE.get((m.group("scale") or "").lower(), 1)
        return Value(amount=amount, currency=_CURRENCY[m.group("cur")],
                     approximate=bool(m.group("approx")), text=m.group(0).strip())
    m = _MONEY_WORDS_RE.search(sentence)
    if m:
        amount = float(m.group("num").replace(",", ".")) * _SCALE[m.group("scale").lower()]
        cur = {"dollars": "USD", "euros": "EUR", "manats": "AZN"}[m.group("cur").lower()]
        return Value(amount=amount, currency=cur, approximate=bool(m.group("approx")),
                     text=m.group(0).strip())
    if kind != "statistic":
        return None
    m = _PERCENT_RE.search(sentence)
    if m:
        return Value(amount=float(m.group("num")), unit="percent", text=m.group(0))
    m = re.search(r"\b(second|third|fourth|fifth)[- ]largest\b", sentence, re.I)
    if m:
        return Value(amount=_ORDINALS[m.group(1).lower()], unit="rank", text=m.group(0))
    return None


# Types whose cue decides the whole sentence; for the others the cue nearest the date wins.
_SENTENCE_WIDE = ("statistic", "diplomatic", "production")


def _cues(sentence: str, gaz: Gazetteers) -> list[tuple[int, str, int, int]]:
    """Every type cue in the sentence: (rank, type, start, end), in one pass."""
    return [
        (int(m.lastgroup[1:]), gaz.type_names[int(m.lastgroup[1:])], m.start(), m.end())
        for m in gaz.all_cues.finditer(sentence)
        if m.lastgroup
    ]


def _event_type(cues: list[tuple[int, str, int, int]], start: int, end: int) -> str:
    """The type for the date at ``sentence[start:end]``, from the sentence's cues.

    A statistic, diplomatic or production cue anywhere in the sentence decides it; otherwise
    the cue closest to the date words wins, ties going to the more specific type; a reporting
    verb ("the ministry said") makes a statement only when nothing else happened.
    """
    best: tuple[int, int, str] | None = None
    reported = False
    for rank, kind, a, b in cues:
        if a < end and start < b:
            continue  # the date words themselves ("the 2020 war") are not a cue
        if kind in _SENTENCE_WIDE:
            return kind
        if kind == "statement":
            reported = True
            continue
        distance = max(0, start - b, a - end)
        if best is None or (distance, rank) < best[:2]:
            best = (distance, rank, kind)
    if best:
        return best[2]
    return "statement" if reported else "other"


_LEADING = re.compile(
    r"^(?:(?:meanwhile|however|moreover|also|then|and|but|so|thus|in addition|at the same time)"
    r"\s*,?\s+)+",
    re.I,
)


# the title's clean-up steps, in order (compiled once: titles are made for every candidate)
_TITLE_STEPS = (
    (re.compile(r"\b(?:in|on|at|during|since|by|from|of|and)\s*(?=[,.;]|\s*$)"), ""),
    (re.compile(r"\b(?:in|on|during)\s+(?:and\s+)?(?=,)"), ""),
    (re.compile(r"^\W*(?:in|on|at|during|since|by)?\s*,?\s*", re.I), ""),
    (_LEADING, ""),
)
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:])")


def make_title(sentence: str, spans: list[tuple[int, int]], limit: int = 90) -> str:
    """A short title from the sentence: date words (``spans``, offsets into the sentence) and
    lead-in connectives removed."""
    text = sentence
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + text[b:]
    for rx, replacement in _TITLE_STEPS:
        text = rx.sub(replacement, text)
    text = _SPACES.sub(" ", text).strip(" ,;:-–—\"“”'")
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    if not text:
        text = sentence.strip()
    if len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
        text = cut + "…"
    return text[0].upper() + text[1:] if text else text


@dataclass
class ExtractionStats:
    mentions: int = 0
    unresolved: int = 0  # relative dates with no publication date to anchor them
    events: int = 0


@dataclass
class _Draft:
    kind: str
    date: PartialDate
    end: PartialDate | None
    approximate: bool
    actors: list[str]
    people: list[str]
    systems: list[str]
    value: Value | None
    title: str
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)


def _span(m: DateMention) -> tuple[PartialDate, PartialDate | None, bool] | None:
    span = mention_span(m)
    if span is None:
        return None
    start, end, approximate = span
    try:
        first = PartialDate.parse(start)
        last = PartialDate.parse(end) if end else None
    except ValueError:
        log.debug("unusable span %r for %r", span, m.text)
        return None
    if last is not None and last == first:
        last = None
    if last is not None and last.last_day() < first.first_day():
        return None
    return first, last, approximate or m.approximate


_NOT_NEWLINE = re.compile(r"[^\n]")


def _masked_body(article: Article) -> str:
    """The article text with everything but the body replaced by spaces (offsets kept)."""
    text = article.text
    out: list[str] = []
    pos = 0
    for p in article.body():
        out.append(_NOT_NEWLINE.sub(" ", text[pos:p.start]))
        out.append(text[p.start:p.end])
        pos = p.end
    out.append(_NOT_NEWLINE.sub(" ", text[pos:]))
    return "".join(out)


def _same(a: _Draft, kind: str, first: PartialDate, last: PartialDate | None,
          actors: list[str]) -> bool:
    return (a.kind == kind and a.date == first and a.end == last
            and (not a.actors or not actors or bool(set(a.actors) & set(actors))))


def extract_events(
    article: Article,
    source_id: str,
    *,
    gazetteers: Gazetteers | None = None,
    stats: ExtractionStats | None = None,
) -> list[Event]:
    """Candidate events (``status: candidate``) of one article, in text order."""
    gaz = gazetteers or Gazetteers.load()
    stats = stats if stats is not None else ExtractionStats()
    body = _masked_body(article)
    published = article.published
    mentions = find_dates(body, published, language=article.language or "en")
    sentences = article.sentences()
    paragraphs = dict(enumerate(article.paragraphs))
    facts: dict[int, tuple[list[str], list[str], list[str]]] = {}
    cues: dict[int, list[tuple[int, str, int, int]]] = {}
    drafts: list[_Draft] = []
    si = 0
    coarse_anchor = published is None or len(str(published)) < 10
    for m in mentions:
        if m.type not in ("DATE", "TIME"):
            continue
        while si < len(sentences) and sentences[si].end <= m.start:
            si += 1
        if si >= len(sentences) or sentences[si].start > m.start:
            continue  # not inside a body sentence (a heading, a caption)
        sent = sentences[si]
        stats.mentions += 1
        if m.relative and published is None:
            stats.unresolved += 1
            continue
        span = _span(m)
        if span is None:
            continue
        first, last, approximate = span
        text = sent.text
        if si not in facts:  # names and cues once per sentence, however many dates it has
            facts[si] = (gaz.countries.found(text), gaz.people.found(text),
                         gaz.systems.found(text))
        actors, people, systems = (list(x) for x in facts[si])
        if not (actors or people or systems):
            continue
        if si not in cues:
            cues[si] = _cues(text, gaz)
        for person in people:
            country = gaz.person_country.get(person)
            if country and country not in actors:
                actors.append(country)
        kind = _event_type(cues[si], m.start - sent.start, m.end - sent.start)
        if kind == "other" and (m.relative or not gaz.relevance.search(text)):
            continue  # "which today include Iran": a deictic date, not a happening
        if m.period and kind in ("other", "statement"):
            kind = "conflict"
        confidence = 0.5
        confidence += 0.15 if kind != "other" else 0
        confidence += 0.1 if len(actors) >= 2 else 0
        confidence += 0.1 if systems else 0
        confidence += 0.05 if first.precision == "day" else 0
        if m.relative and coarse_anchor:
            confidence -= 0.3  # resolved against a coarse publication date
        if approximate:
            confidence -= 0.05
        confidence = round(min(0.95, max(0.05, confidence)), 2)
        paragraph = paragraphs.get(sent.paragraph)
        context = paragraph.text if paragraph is not None and paragraph.text != text else None
        evidence = Evidence(source=source_id, quote=text, date_text=m.text, context=context)
        for d in drafts:
            if _same(d, kind, first, last, actors):
                if all(e.quote != text for e in d.evidence):
                    d.evidence.append(evidence)
                d.actors += [a for a in actors if a not in d.actors]
                d.people += [p for p in people if p not in d.people]
                d.systems += [s for s in systems if s not in d.systems]
                d.confidence = max(d.confidence, confidence)
                break
        else:
            drafts.append(
                _Draft(kind, first, last, approximate, actors, people, systems,
                       find_value(text, kind), make_title(text, [
                           (x.start - sent.start, x.end - sent.start) for x in mentions
                           if sent.start <= x.start and x.end <= sent.end
                           and x.type in ("DATE", "TIME")]),
                       confidence, [evidence])
            )
    events: list[Event] = []
    taken: set[str] = set()
    for d in drafts:
        base = "-".join(
            [d.kind.replace("_", "-"), *(slugify(a) for a in d.actors[:2]), str(d.date)]
            + ([str(d.end)] if d.end else [])
        )
        ident = base
        if ident in taken:
            digest = hashlib.sha1(
                (source_id + d.evidence[0].quote + (d.evidence[0].date_text or "")).encode()
            ).hexdigest()[:6]
            ident = f"{base}-{digest}"
        taken.add(ident)
        events.append(
            Event(
                id=ident, title=d.title, date=d.date, end=d.end, approximate=d.approximate,
                type=d.kind, actors=d.actors, people=d.people, systems=d.systems,
                value=d.value, evidence=d.evidence, status="candidate",
                confidence=d.confidence,
            )
        )
    stats.events += len(events)
    return events


def source_for(article: Article, taken: set[str] | None = None) -> Source:
    """The Source entry for an article, with a stable id: publisher (or file) and date."""
    taken = taken if taken is not None else set()
    who = article.publisher or (Path(article.file).stem if article.file else None) or "article"
    base = slugify(who)
    if article.published:
        base = f"{base}-{article.published}"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    url = article.url if article.url and re.match(r"^https?://", article.url, re.I) else None
    return Source(
        id=ident, title=article.title, publisher=article.publisher, author=article.author,
        published=PartialDate.parse(article.published) if article.published else None,
        url=url, file=article.file, language=article.language or "en",
    )

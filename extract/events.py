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
from typing import Any, cast

import yaml

from extract.article import Article, Paragraph, Sentence
from extract.confidence import _confidence, _publication_day
from extract.dates import DateMention, find_dates, mention_span
from extract.dates.fastre import fast_compile
from extract.dates.lexicon import _MON
from extract.dates.lexicon import _prefix_tree as _prefix_tree  # shared with the date finder
from extract.direction import direction
from extract.event_type import _VERB_LEFT, _VERBAL, Cue, _event_type
from extract.names import Names, _ascii_folds_safe
from extract.sentence_dates import (
    _apposition,
    _baseline,
    _dateline_day_again,
    _dropped_schedule,
    _either_or,
    _frames,
    _other_dates,
    _reported_by_dateline,
    _round_count_ago,
    _sentences,
    _since_main,
    _week_by_report,
)
from extract.timeline import (
    Event,
    Evidence,
    PageClaims,
    PartialDate,
    Source,
    Value,
    text_digest,
)
from extract.titles import _TITLE_STEPS as _TITLE_STEPS  # tests read the steps here
from extract.titles import _cut_dates as _cut_dates
from extract.titles import _title_of
from extract.titles import make_title as make_title  # the public name stays here

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent / "data"

__all__ = ["Gazetteers", "extract_events", "source_for", "slugify", "ExtractionStats"]


@lru_cache(maxsize=4096)  # the same few actor names make most ids
def slugify(text: str, limit: int = 60) -> str:
    """``'Caspian News'`` -> ``'caspian-news'``; ASCII, lowercase, hyphens."""
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")
    return slug[:limit].rstrip("-") or "x"


@dataclass(frozen=True)
class Gazetteers:
    """The editable word lists, compiled. Load with :meth:`load` (cached per folder)."""

    countries: Names
    people: Names
    person_country: dict[str, str]
    systems: Names
    relevance: re.Pattern[str]
    # every type's cues in one alternation, each followed by an empty group of its own: the
    # last group of a match (``lastindex``) is its cue's, cue_ranks[lastindex] its type's rank
    all_cues: re.Pattern[str]
    type_names: tuple[str, ...]
    # all_cues lower-cased, without IGNORECASE (four times faster), for lower-cased ASCII text;
    # None when a cue uses syntax outside what _lower_cased knows to be safe
    ascii_cues: re.Pattern[str] | None = None
    cue_ranks: tuple[int | None, ...] = ()
    # a trade show's name just before a year ("the Dubai Airshow 2021"), from trade_shows.yaml
    trade_show: re.Pattern[str] | None = None

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


_SAFE_ESCAPES = set("dswbDSWB")  # classes that lower-casing ASCII text does not change


def _lower_cased(pattern: str) -> str | None:
    r"""``pattern`` for lower-cased ASCII text without IGNORECASE, or None when unsure.

    On ASCII text, ``re.compile(pattern, re.I)`` on ``text`` and
    ``re.compile(_lower_cased(pattern))`` on ``text.lower()`` match the same spans with the
    same groups. Only syntax known to be safe is accepted: literals (ASCII letters are
    lower-cased), ``(?:`` and the look-aheads ``(?=`` ``(?!``, escaped punctuation, the
    classes ``\d \s \w \b`` and their negations, and ``[...]`` sets whose ranges are a-z,
    A-Z or 0-9. Anything else (other escapes, inline flags, named groups, look-behinds,
    back-references) gives None.
    """
    if not _ascii_folds_safe([pattern]):
        return None
    out: list[str] = []
    i, n = 0, len(pattern)
    in_set = set_start = False  # set_start: just after "[" or "[^", where "]" is a character
    while i < n:
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1:i + 2]
            if not nxt or (nxt.isalnum() and nxt not in _SAFE_ESCAPES):
                return None
            out.append(c + nxt)
            i += 2
            set_start = False
            continue
        if in_set:
            if c == "]" and not set_start:
                in_set = False
            elif c == "-" and not set_start and pattern[i + 1:i + 2] not in ("]", ""):
                low, high = pattern[i - 1], pattern[i + 1]
                if pattern[i - 2:i - 1] == "\\" or not any(
                        a <= low <= high <= b for a, b in ("az", "AZ", "09")):
                    return None
            set_start = False
        elif c == "[":
            in_set = set_start = True
            out.append(c)
            if pattern[i + 1:i + 2] == "^":
                out.append("^")
                i += 1
            i += 1
            continue
        elif c == "(" and pattern[i + 1:i + 2] == "?":
            kind = pattern[i + 2:i + 3]
            if kind not in (":", "=", "!"):
                return None
            out.append("(?" + kind)  # a group or a look-ahead: its words fold alike
            i += 3
            continue
        out.append(c.lower() if c.isascii() else c)
        i += 1
    return None if in_set else "".join(out)


def _cue_patterns(types: dict[str, list[str]],
                  ) -> tuple[re.Pattern[str], re.Pattern[str] | None, tuple[int | None, ...]]:
    """Every type's cues in one pattern, in order, each followed by an empty group that names
    it, and its :func:`_lower_cased` form (None when a cue is not safe to lower-case); with
    the rank of the type of each group (None for a cue's own groups).

    One alternation of all the cues matches what one group per type of them would (the same
    alternatives in the same order), and lets :func:`~extract.dates.fastre.fast_compile`
    gather the cues of every type by first letter.
    """
    cues = [(rank, cue) for rank, of_type in enumerate(types.values()) for cue in of_type]

    def pattern(alternatives: list[str]) -> str:
        body = "|".join(f"{a}()" for a in alternatives)
        return rf"(?<![\w-])(?:{body})(?![\w-])"

    ranks: list[int | None] = [None]  # group 0, the whole match
    for rank, cue in cues:
        ranks += [None] * re.compile(cue, re.I).groups + [rank]
    full = fast_compile(pattern([cue for _rank, cue in cues]), re.I)
    lowered = [_lower_cased(cue) for _rank, cue in cues]
    if any(g is None for g in lowered):
        return full, None, tuple(ranks)
    try:
        return full, fast_compile(pattern(cast(list[str], lowered))), tuple(ranks)
    except re.error:
        return full, None, tuple(ranks)


def _phrases(path: Path, data: dict, key: str) -> list[str]:
    """The phrases of ``data[key]`` as patterns (a space: any spaces or none), checked."""
    items = data.get(key) or []
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise ValueError(f"{path}: '{key}' must be a list of words or names")
    return [r"\s*".join(re.escape(w) for w in i.split()) for i in items]


def _trade_show_pattern(folder: str) -> re.Pattern[str]:
    """A show's name (or a hyphenated one's, and its hyphen) ending just where a year begins,
    from ``trade_shows.yaml`` (the packaged one when ``folder`` has none)."""
    path = Path(folder) / "trade_shows.yaml"
    if not path.exists():
        path = DATA / "trade_shows.yaml"
    data = _read(str(path.parent), path.name)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected the keys words, names and hyphen_names")
    words, names = _phrases(path, data, "words"), _phrases(path, data, "names")
    hyphen = _phrases(path, data, "hyphen_names")
    alts = ([r"\b(?i:" + "|".join(words) + ")"] if words else []) + \
        ([r"\b(?:" + "|".join(names) + ")"] if names else [])
    shows = [r"(?:" + "|".join(alts) + r")\s*[-–]?\s*"] if alts else []
    shows += [r"\b(?:" + "|".join(hyphen) + r")\s*[-–]\s*"] if hyphen else []
    return fast_compile("(?:" + "|".join(shows or [r"(?!)"]) + r")\Z")


@lru_cache(maxsize=8)
def _load_gazetteers(folder: str) -> Gazetteers:
    actors = _read(folder, "actors.yaml")["countries"]
    people = _read(folder, "people.yaml")["people"]
    systems = _read(folder, "systems.yaml")["systems"]
    types = _read(folder, "event_types.yaml")
    all_cues, ascii_cues, cue_ranks = _cue_patterns(types["types"])
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
            ignore_case=True, plurals=True,
        ),
        relevance=fast_compile(
            r"(?<![\w-])(?:" + "|".join(types["relevance"]) + r")(?![\w-])", re.I
        ),
        all_cues=all_cues,
        type_names=tuple(types["types"]),
        ascii_cues=ascii_cues,
        cue_ranks=cue_ranks,
        trade_show=_trade_show_pattern(folder),
    )


_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12}
_CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₪": "ILS"}
_MONEY_RE = fast_compile(
    r"(?P<approx>(?:close to|about|around|nearly|almost|some|over|more than|roughly|up to)\s+)?"
    r"(?P<cur>US\$|\$|€|£|₪)\s?(?P<num>\d+(?:[.,]\d+)?)\s?"
    r"(?P<scale>thousand|million|billion|trillion|bn|mn|m|b)?\b",
    re.I,
)
_MONEY_WORDS_RE = fast_compile(
    r"(?P<approx>(?:close to|about|around|nearly|almost|over|more than|roughly)\s+)?"
    r"(?P<num>\d+(?:[.,]\d+)?)\s(?P<scale>thousand|million|billion)\s(?P<cur>dollars|euros|"
    r"manats)\b",
    re.I,
)
_PERCENT_RE = fast_compile(r"(?P<num>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)")
_RANK_RE = fast_compile(
    r"\b(?P<ord>second|third|fourth|fifth|largest|biggest|top)[- ](?:largest|biggest)?",
    re.I,
)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}


_CURRENCY_SIGN = fast_compile(r"[$€£₪]")
_RANK_WORD_RE = fast_compile(r"\b(second|third|fourth|fifth)[- ]largest\b", re.I)


def _may_have(lowered: str | None, *words: str) -> bool:
    """False only when none of ``words`` (lower case) can be in the sentence ignoring case:
    a quick no before a slow case-insensitive pattern that needs one of them. Exact for
    ASCII text (``lowered`` is its lower case); other text is always given to the pattern."""
    return lowered is None or any(w in lowered for w in words)


def find_value(sentence: str, kind: str) -> Value | None:
    """A money amount in the sentence, or for statistics a percentage or rank."""
    lowered = sentence.lower() if sentence.isascii() else None
    m = _MONEY_RE.search(sentence) if _CURRENCY_SIGN.search(sentence) else None
    if m:
        amount = float(m.group("num").replace(",", "."))
        amount *= _SCALE.get((m.group("scale") or "").lower(), 1)
        return Value(amount=amount, currency=_CURRENCY[m.group("cur")],
                     approximate=bool(m.group("approx")), text=m.group(0).strip())
    m = (_MONEY_WORDS_RE.search(sentence)
         if _may_have(lowered, "dollars", "euros", "manats") else None)
    if m:
        amount = float(m.group("num").replace(",", ".")) * _SCALE[m.group("scale").lower()]
        cur = {"dollars": "USD", "euros": "EUR", "manats": "AZN"}[m.group("cur").lower()]
        return Value(amount=amount, currency=cur, approximate=bool(m.group("approx")),
                     text=m.group(0).strip())
    if kind != "statistic":
        return None
    has_percent = "%" in sentence or "percent" in sentence or "per cent" in sentence
    m = _PERCENT_RE.search(sentence) if has_percent else None
    if m:
        return Value(amount=float(m.group("num")), unit="percent", text=m.group(0))
    m = _RANK_WORD_RE.search(sentence) if _may_have(lowered, "largest") else None
    if m:
        return Value(amount=_ORDINALS[m.group(1).lower()], unit="rank", text=m.group(0))
    return None


def _cues(sentence: str, gaz: Gazetteers) -> list[Cue]:
    """Every type cue in the sentence, in one pass."""
    if gaz.ascii_cues is not None and sentence.isascii():
        found = gaz.ascii_cues.finditer(sentence.lower())
    else:
        found = gaz.all_cues.finditer(sentence)
    ranks, names = gaz.cue_ranks, gaz.type_names
    return [
        Cue(rank, names[rank], m.start(), m.end(),
            bool(_VERBAL.search(m.group())
                 or _VERB_LEFT.search(sentence, max(0, m.start() - 24), m.start())
                 or _BEGAN.match(sentence, m.end()))
            and not _NEGATED.search(sentence, max(0, m.start() - 24), m.start()))
        for m in found
        if (rank := ranks[m.lastindex or 0]) is not None
    ]


# after a noun cue, the verb that makes it a happening: "deliveries began in January 2023",
# "the shipments resumed on Monday", "production started in 2019"
_BEGAN = fast_compile(r"(?i)(?:\s+(?:of|for|to|from)(?:\s+(?!(?:that|which|who|when|as|and)\b)"
                      r"[^\s,;.]+){1,5}?)?\s+(?:(?:have|has|had|"
                      r"were|was|are|is)\s+)?(?:(?:will|would|expected\s+to|due\s+to|set\s+to|"
                      r"scheduled\s+to|is\s+expected\s+to|are\s+expected\s+to)\s+)?(?:began|"
                      r"begun|begin|start(?:ed)?|commenced?|resumed?|completed?|ended|concluded)\b")


# before a verb, what says it did not happen: "have never signed a peace deal despite a
# ceasefire in 1994" (the date is the ceasefire's): such a cue weighs as a noun
_NEGATED = fast_compile(r"(?i)(?:\bnever|\bnot|n't)\s+(?:(?:yet|been|ever|formally|officially)"
                        r"\s+)?\Z")


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
    notes: str | None = None
    supplier: str | None = None
    recipient: str | None = None


# a happening's type, first and last day, and whether its date is approximate
_When = tuple[str, PartialDate, PartialDate | None, bool]

# PartialDate is immutable: the same 'YYYY-MM-DD' text gives one shared object
_partial_date = lru_cache(maxsize=4096)(PartialDate.parse)


def _span(m: DateMention) -> tuple[PartialDate, PartialDate | None, bool] | None:
    span = mention_span(m)
    if span is None:
        return None
    start, end, approximate = span
    try:
        first = _partial_date(start)
        last = _partial_date(end) if end else None
    except ValueError:
        log.debug("unusable span %r for %r", span, m.text)
        return None
    if last is not None and last == first:
        last = None
    if last is not None and last.last_day() < first.first_day():
        return None
    return first, last, approximate or m.approximate


def _read_span(m: DateMention, either: DateMention | None, pub_day: Any, body: str,
               ) -> tuple[PartialDate, PartialDate | None, bool] | None:
    """The days of the happening ``m`` dates, as the text gives them: a round count of years
    back is approximate, two days joined by "or" (``either``, the second) are one of the two,
    the report's own week is cut at its day (:func:`_week_by_report`)."""
    span = _span(m)
    if span is None:
        return None
    first, last, approximate = span
    if not approximate and m.precision == "year" and _round_count_ago(m):
        approximate = True  # "inducted 40 years ago": a round count
    if either is not None:  # "on April 12 or 13": one of the two days, not said which
        other = _span(either)
        if other is not None:
            last, approximate = other[0], True
    if last is not None and m.precision == "week":
        first, last = _week_by_report(m, first, last, pub_day, body)
    return first, last, approximate


def _blank(text: str) -> str:
    """Every character but the newlines replaced by a space."""
    return "\n".join(" " * len(line) for line in text.split("\n"))


# a photo caption that dates what it shows ("Herzog and Aliyev at the joint press conference in
# Baku, May 30, 2023 / President.Az") is evidence of that happening
_DATED_CAPTION = fast_compile(r"\b(?:1[6-9]|20)\d\d\b")


def _evidence_paragraphs(article: Article) -> list[tuple[int, Paragraph]]:
    """The body paragraphs and the dated photo captions, with their indexes."""
    return [(i, p) for i, p in enumerate(article.paragraphs)
            if not p.furniture or (p.kind == "caption" and _DATED_CAPTION.search(p.text))]


def _carried_note(actors: list[str], systems: list[str], offset: int, confidence: float,
                  notes: str | None) -> tuple[float, str]:
    """The lower confidence and the reviewer's note of a candidate whose actors come from
    another sentence (``offset``: -1 the one before, 1 the one after)."""
    where = {-1: "the sentence before", 1: "the sentence after"}.get(offset,
                                                                     "a sentence before")
    said = (f"Extractor: the sentence names no country, person or system; "
            f"{', '.join(actors + systems) or 'its actors'} are from {where}: check who "
            "did it.")
    return round(max(0.05, confidence - 0.1), 2), f"{notes} {said}" if notes else said


def _captions_joined(drafts: list[_Draft], captions: set[str]) -> list[_Draft]:
    """A caption's candidate joins, as evidence, the body's candidate of the same date with an
    actor in common, whatever its type (the photo of "the joint press conference in Baku, May
    30, 2023" shows the talks the text tells); alone, it stays a candidate of its own."""
    if not captions:
        return drafts
    out = []
    for d in drafts:
        if len(d.evidence) == 1 and d.evidence[0].quote in captions:
            host = next((h for h in drafts if h is not d and h.date == d.date
                         and h.end == d.end and set(h.actors) & set(d.actors)
                         and not any(e.quote in captions for e in h.evidence)), None)
            if host is not None:
                host.evidence.append(d.evidence[0])
                continue
        out.append(d)
    return out


def _masked_body(article: Article, paras: list[tuple[int, Paragraph]]) -> str:
    """The article text with everything but the body (and dated captions) replaced by spaces
    (offsets kept)."""
    text = article.text
    out: list[str] = []
    pos = 0
    for _i, p in paras:
        out.append(_blank(text[pos:p.start]))
        out.append(text[p.start:p.end])
        pos = p.end
    out.append(_blank(text[pos:]))
    return "".join(out)


def _same(a: _Draft, kind: str, first: PartialDate, last: PartialDate | None,
          actors: list[str], people: list[str]) -> bool:
    """Whether a mention with these values tells of the draft ``a``'s happening: the same type
    and days, an actor in common; and for a saying, the same speaker where both name people
    (Zelenskiy's address and Biden's remark of one day are two statements)."""
    return (a.kind == kind and a.date == first and a.end == last
            and (not a.actors or not actors or bool(set(a.actors) & set(actors)))
            and (kind != "statement" or not a.people or not people
                 or bool(set(a.people) & set(people))))


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
    paras = _evidence_paragraphs(article)
    body = _masked_body(article, paras)
    published = article.published
    mentions = find_dates(body, published, language=article.language or "en")
    sentences = _sentences(article, paras)
    paragraphs = dict(enumerate(article.paragraphs))
    facts: dict[int, tuple[list[str], list[str], list[str]]] = {}
    cues: dict[int, list[Cue]] = {}
    drafts: list[_Draft] = []
    # the date words of each sentence (offsets into it): what its title leaves out
    date_words: dict[int, list[tuple[int, int]]] = {}
    # the drafts of each (type, date, end), in order: only those can take a new mention
    same_dates: dict[_When, list[_Draft]] = {}
    si = 0
    coarse_anchor, pub_day = _publication_day(published)
    frames = _frames(mentions, sentences)
    either = _either_or(mentions, body)
    for mi, m in enumerate(mentions):
        if mi in frames or mi - 1 in either or _apposition(mentions, mi, body):
            continue  # "In July 2019, ... on July 25": one happening, on its day
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
        span = _read_span(m, mentions[either[mi]] if mi in either else None, pub_day, body)
        if span is None:
            continue
        first, last, approximate = span
        text = sent.text
        found = _who_and_what(facts, cues, sentences, si, m, gaz, mentions, mi)
        if found is None:
            continue
        actors, people, systems, kind, carried = found
        kind = _kept_kind(m, mi, sent, kind, systems, body, mentions, gaz)
        if kind is None:
            continue
        paragraph = paragraphs.get(sent.paragraph)
        context = paragraph.text if paragraph is not None and paragraph.text != text else None
        for what in (kind, *_since_main(cues[si], m, sent, kind)):
            confidence, notes = _confidence(m, what, span, actors, systems, coarse_anchor,
                                            pub_day, body, mentions, sentences, si)
            if carried is not None:
                confidence, notes = _carried_note(actors, systems, carried - si, confidence,
                                                  notes)
            evidence = Evidence(source=source_id, quote=text, date_text=m.text, context=context)
            if _join_same(same_dates, (what, first, last, approximate), actors, people,
                          systems, confidence, notes, evidence):
                continue
            value = find_value(text, what)
            draft = _Draft(what, first, last, approximate, actors, people, systems, value,
                           _title_of(text, si, sent, mentions, date_words), confidence,
                           [evidence], notes,
                           *(direction(text, gaz.countries) if what in ("deal", "delivery")
                             else (None, None)))
            drafts.append(draft)
            same_dates.setdefault((what, first, last, approximate), []).append(draft)
    drafts = _captions_joined(drafts, {p.text for _i, p in paras if p.furniture})
    events = _events_of(drafts, source_id)
    stats.events += len(events)
    return events


# a date named by its distance from now ("today", "this year", "last month", "on Friday"): in a
# sentence without a cue of what happened, it dates a state of things, not a happening
_NAMED_DATE = fast_compile(rf"\d|{_MON}")


# a picture from an archive: its date is when it was taken, not of the news
_FILE_PHOTO = fast_compile(r"(?i)\b(?:file|archive|archival|stock)\s+(?:photo|picture|image|"
                           r"photograph)s?\b")


_BEFORE_DATE = fast_compile(r"(?i)\b(?:before|until|prior\s+to)\s+\Z")
_PICTURE_WORDS = ("hoto", "HOTO", "icture", "ICTURE", "mage", "MAGE")  # a quick test first


def _kept_kind(m: DateMention, mi: int, sent: Sentence, kind: str, systems: list[str],
               body: str, mentions: list[DateMention], gaz: Gazetteers) -> str | None:
    """The type of the happening ``m`` dates in ``sent``, once the sentence's shape is read,
    or None when the date words date no happening."""
    if _reported_by_dateline(m, sent, mentions, mi):
        kind = "statement"  # "PARIS, June 18. /TASS/. ... signed a contract ... on June 17"
    elif _dateline_day_again(m, sent, mentions, mi):
        return None  # "BERLIN (Sputnik - 03rd November, 2021) ... said on Wednesday": one day
    if m.precision in ("decade", "century"):
        return None  # "a war in the 1990s", "suppliers in the 1990s": background
    if _dropped_schedule(m, body):
        return None  # "delivered early, in 2026 instead of 2027 and 2028": given up
    if any(w in sent.text for w in _PICTURE_WORDS) and _FILE_PHOTO.search(sent.text):
        return None  # "A file photo from September 11, 2021 of a Rafale": when it was taken
    if m.precision == "year" and gaz.trade_show is not None \
            and gaz.trade_show.search(body, max(0, m.start - 30), m.start) \
            and _other_dates(mentions, mi, sent):
        # "told TASS on the sidelines of the Dubai Airshow 2021 on Sunday": the year names the
        # show, the other date dates the happening; alone ("bought ... at IDEX 2019") it dates it
        return None
    if kind == "other" and _BEFORE_DATE.search(body, max(0, m.start - 8), m.start):
        return None  # "Before 2011, just three countries had armed UAVs": a state of things
    if kind == "other" and (_deictic(m) or not (systems or gaz.relevance.search(sent.text))):
        return None  # "which today include Iran": a deictic date, not a happening
    if m.period and kind in ("other", "statement"):
        kind = "conflict"
    if kind == "statistic" and _baseline(m, sent, mentions, mi, body):
        return None  # "rose 17% between 2014–18 and 2019–23": 2014–18 is what it is measured on
    return kind


def _deictic(m: DateMention) -> bool:
    return m.relative and not _NAMED_DATE.search(m.text)


def _who_and_what(facts: dict[int, tuple[list[str], list[str], list[str]]],
                  cues: dict[int, list[Cue]], sentences: list[Any],
                  si: int, m: DateMention, gaz: Gazetteers, mentions: list[DateMention],
                  mi: int) -> tuple[list[str], list[str], list[str], str, int | None] | None:
    """The actors, people, systems and type of the happening dated by ``m`` in sentence
    ``si``, with the sentence the actors come from when not its own (None: no candidate)."""
    sent = sentences[si]
    actors, people, systems = (list(x) for x in _facts(facts, sentences, si, gaz))
    if si not in cues:
        cues[si] = _cues(sent.text, gaz)
    others = _other_dates(mentions, mi, sent)
    kind = _event_type(cues[si], m.start - sent.start, m.end - sent.start, sent.text, others)
    carried = None
    if not (actors or people or systems):
        # "Baku signed the contract in 2017. The first battery arrived on 12 July 2018.": a
        # happening whose actors the sentences before it name
        about = kind not in ("other", "statement") or any(
            c.kind != "statement" for c in cues[si])  # a saying about a happening
        carried = _carried_actors(facts, sentences, si, gaz) if about and kind != "other" \
            else None
        if carried is None:
            return None
        actors, people, systems = (list(x) for x in facts[carried])
    for person in people:
        country = gaz.person_country.get(person)
        if country and country not in actors:
            actors.append(country)
    return actors, people, systems, kind, carried


# how many sentences back, in the same paragraph or the one before, a sentence's actors may
# come from when it names none
_CARRY_BACK = 2


def _facts(facts: dict[int, tuple[list[str], list[str], list[str]]], sentences: list[Any],
           si: int, gaz: Gazetteers) -> tuple[list[str], list[str], list[str]]:
    """The countries, people and systems sentence ``si`` names (found once per sentence)."""
    if si not in facts:
        text = sentences[si].text
        facts[si] = (gaz.countries.found(text), gaz.people.found(text),
                     gaz.systems.found(text))
    return facts[si]


def _carried_actors(facts: dict[int, tuple[list[str], list[str], list[str]]],
                    sentences: list[Any], si: int, gaz: Gazetteers) -> int | None:
    """The nearest sentence before ``si`` (at most :data:`_CARRY_BACK` back, in its paragraph
    or the one before) that names a country, a person or a system; else the sentence after it
    when it does ("The ministry signed four contracts on Thursday. The contracts with Indian
    shipyards ..."); or None."""
    for back in range(si - 1, max(-1, si - 1 - _CARRY_BACK), -1):
        if sentences[si].paragraph - sentences[back].paragraph > 1:
            break
        if any(_facts(facts, sentences, back, gaz)):
            return back
    nxt = si + 1
    if nxt < len(sentences) and sentences[nxt].paragraph - sentences[si].paragraph <= 1 \
            and any(_facts(facts, sentences, nxt, gaz)):
        return nxt
    return None


def _join_same(same_dates: dict[_When, list[_Draft]], when: _When, actors: list[str],
               people: list[str], systems: list[str], confidence: float, notes: str | None,
               evidence: Evidence) -> bool:
    """Join a mention to a draft of the same happening (its evidence, names, confidence):
    the same type, dates and approximation ("mid-2016" is not "since 2016") and an actor in
    common; False when there is none."""
    kind, first, last, _approximate = when
    for d in same_dates.get(when, ()):
        if _same(d, kind, first, last, actors, people):
            if all(e.quote != evidence.quote for e in d.evidence):
                d.evidence.append(evidence)
            d.actors += [a for a in actors if a not in d.actors]
            d.people += [p for p in people if p not in d.people]
            d.systems += [s for s in systems if s not in d.systems]
            d.confidence = max(d.confidence, confidence)
            d.notes = d.notes or notes
            return True
    return False


def _events_of(drafts: list[_Draft], source_id: str) -> list[Event]:
    """The drafts as candidate events, each with an id unique in the article."""
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
                confidence=d.confidence, notes=d.notes, supplier=d.supplier,
                recipient=d.recipient, deal=proposed_deal(d.supplier, d.recipient, d.systems),
            )
        )
    return events


def proposed_deal(supplier: str | None, recipient: str | None, systems: list[str],
                  ) -> str | None:
    """The deal id the extractor proposes for a deal or a delivery whose text names who sells,
    to whom and one system: ``israel-azerbaijan-harop``. A free id (no ``deals`` entry): the
    same id from two articles groups their events on the Deals page until a curator confirms
    it in Review or points the events to a named deal. Several systems, or a side unnamed, give
    none (one transfer cannot be told)."""
    if not (supplier and recipient) or len(systems) != 1:
        return None
    return "-".join(slugify(x, 40) for x in (supplier, recipient, systems[0]))


def source_for(article: Article) -> Source:
    """The Source entry for an article, with a stable id: publisher (or file) and date (the
    id is made free in a file or store by whoever adds it: ``extract.ids.FreeIds``)."""
    who = article.publisher or (Path(article.file).stem if article.file else None) or "article"
    ident = slugify(who)
    if article.published:
        ident = f"{ident}-{article.published}"
    url = article.url if article.url and re.match(r"^https?://", article.url, re.I) else None
    claims = article.page_says or {}
    page_says = PageClaims(**claims) if any(claims.values()) else None
    return Source(
        id=ident, title=article.title, publisher=article.publisher, author=article.author,
        published=PartialDate.parse(article.published) if article.published else None,
        url=url, file=article.file, digest=text_digest(article.text), page_says=page_says,
        language=article.language or "en",
    )

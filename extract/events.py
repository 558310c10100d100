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

import bisect
import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import yaml

from extract.article import Article, Paragraph, Sentence, split_sentences
from extract.confidence import _confidence, _publication_day
from extract.dates import DateMention, find_dates, mention_span, names_no_year
from extract.dates.fastre import fast_compile
from extract.dates.lexicon import _MON
from extract.dates.lexicon import _prefix_tree as _prefix_tree  # shared with the date finder
from extract.direction import direction
from extract.event_type import _VERB_LEFT, _VERBAL, Cue, _event_type
from extract.names import Names, _ascii_folds_safe
from extract.timeline import (
    Event,
    Evidence,
    PageClaims,
    PartialDate,
    Source,
    Value,
    text_digest,
)

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
                 or _VERB_LEFT.search(sentence, max(0, m.start() - 24), m.start()))
            and not _NEGATED.search(sentence, max(0, m.start() - 24), m.start()))
        for m in found
        if (rank := ranks[m.lastindex or 0]) is not None
    ]


# before a verb, what says it did not happen: "have never signed a peace deal despite a
# ceasefire in 1994" (the date is the ceasefire's): such a cue weighs as a noun
_NEGATED = fast_compile(r"(?i)(?:\bnever|\bnot|n't)\s+(?:(?:yet|been|ever|formally|officially)"
                        r"\s+)?\Z")


_LEADING = fast_compile(
    r"^(?:(?:meanwhile|however|moreover|also|then|and|but|so|thus|in addition|at the same time)"
    r"\s*,?\s+)+",
    re.I,
)


# the title's clean-up steps, in order (compiled once: titles are made for every candidate)
_TITLE_STEPS = (
    (fast_compile(r"\b(?:in|on|at|during|since|by|from|of|and|for|until|till)\s*(?=[,.;]|\s*$)"),
     ""),
    (fast_compile(r"\b(?:in|on|during)\s+(?:and\s+)?(?=,)"), ""),
    (fast_compile(r",\s*(?=\()"), " "),  # "MOSCOW, July 25 (Xinhua)" -> "MOSCOW (Xinhua)"
    # "YEREVAN. – Minister ...": a dateline without a date; "New Delhi, Nov 22: India's ...",
    # its date cut
    (fast_compile(r"^[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+){0,2}\.?\s+[-—–]+\s+"), ""),
    (fast_compile(r"^[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2},\s*:\s*"), ""),
    # "WASHINGTON (AP) — The U.S. announced ...": a dateline without a date
    (fast_compile(r"^[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,2},?\s*\((?:[A-Z][\w.&'-]*\s?){1,3}\)"
                  r"\s*[-—–]+\s*"), ""),
    # "(Reuters) - France has signed ...", "(MENAFN- Asia Times) Nine of ...": the agency's tag
    (fast_compile(r"^\s*\((?:[A-Z][\w.&'-]*[-\s]*){1,4}\)\s*[-—–]*\s*"), ""),
    (fast_compile(r"^\W*(?:(?:in|on|at|during|since|by)\b\s*(?=,))?,?\s*", re.I), ""),
    (_LEADING, ""),
)

# the words that tie date words to the sentence, cut with them: "announced in March 2022
# that" -> "announced that", "a credit in 2015 to buy" -> "a credit to buy"
_DATE_LEFT = fast_compile(r"(?i)(?<![\w-])(?:(?:in|on|at|during|since|by|from|until|till|"
                          r"before|after|of|through|between|starting|beginning|as\s+of|"
                          r"as\s+early\s+as|as\s+far\s+back\s+as|(?:dating\s+)?back\s+to|"
                          r"late|early|earlier|later|just)\s+)+\Z")


# a clause's first word before a cut date phrase, whose comma goes with it: "said that since
# February 24, the army has received" -> "said that the army has received"
_OPENS_CLAUSE = fast_compile(r"(?i)\b(?:that|and|but|while|as|when|because|if|although|though|"
                             r"so|where|after|before)\s*\Z")
_COMMA_AFTER = fast_compile(r"\s*,")


def _cut_dates(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The sentence without its date words (``spans``), the prepositions before them and the
    comma after a fronted date phrase inside the sentence."""
    text = sentence
    for a, b in sorted(spans, reverse=True):
        if text[b:b + 2] in ("’s", "'s") or text[max(a, b - 2):b] in ("’s", "'s"):
            # "told reporters that Friday's package", "on Tuesday’s call": the package, the call
            text = text[:a] + "the" + text[b + 2 if text[b:b + 2] in ("’s", "'s") else b:]
            continue
        m = _DATE_LEFT.search(text, max(0, a - 40), a)
        left = text[:m.start() if m else a]
        comma = _COMMA_AFTER.match(text, b)
        if comma is not None and _OPENS_CLAUSE.search(left, max(0, len(left) - 12)):
            b = comma.end()
        text = left + text[b:]
    return text
_SPACE_BEFORE_PUNCT = fast_compile(r"\s+([,.;:])")


def make_title(sentence: str, spans: list[tuple[int, int]], limit: int = 90) -> str:
    """A short title from the sentence: date words (``spans``, offsets into the sentence) and
    lead-in connectives removed."""
    text = _cut_dates(sentence, spans)
    for rx, replacement in _TITLE_STEPS:
        text = rx.sub(replacement, text)
    # white space runs to one space (the ends are stripped anyway: a space is in the set)
    text = " ".join(text.split()).strip(" ,;:-–—\"“”'")
    if " ," in text or " ." in text or " ;" in text or " :" in text:  # the only spaces left
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


def _frames(mentions: list[DateMention], sentences: list[Any]) -> set[int]:
    """The indexes of the date mentions that only frame a finer one in their sentence.

    "In July 2019, Russia delivered a second battery to Turkey on July 25" tells one delivery,
    on 25 July 2019: the day takes its month and year from "July 2019", which gives no second
    candidate (it would be the same happening at a coarser precision). A named period the text
    dates by its year at once ("during the 44-day war with Armenia in 2020") is framed by that
    year: the text's precision is the year.
    """
    starts = [x.start for x in sentences]
    out: set[int] = set()
    for i, a in enumerate(mentions):
        if a.period and a.value and i + 1 < len(mentions):
            # "During the Second Nagorno-Karabakh War in 2020, ...": the text dates it by its
            # year; the war's days are the gazetteer's, one happening, not a second one
            b = mentions[i + 1]
            if b.start - a.end <= 30 and b.precision == "year" and not b.end_value \
                    and b.value and a.value[:4] == b.value[:4] and _FRAMED_BY.fullmatch(
                        _text_between(sentences, starts, a.end, b.start) or "x"):
                out.add(i)
            continue
        if a.relative or not a.value or a.precision not in ("year", "month") or a.end_value \
                or a.period or a.type != "DATE":
            continue
        k = bisect.bisect_right(starts, a.start) - 1
        if k < 0 or sentences[k].end < a.end:
            continue
        for b in mentions[i + 1:]:
            if b.start >= sentences[k].end:
                break
            if names_no_year(b) and b.value and b.value.startswith(a.value + "-"):
                out.add(i)
                break
    return out


# between a named period and the year that dates it: "the 44-day war with Armenia in 2020"
_FRAMED_BY = fast_compile(r"(?:\s+(?:with|against|between|over|on)\s+[\w' -]{1,25}?)?\s+"
                          r"(?:in|of)\s+")


def _text_between(sentences: list[Any], starts: list[int], a: int, b: int) -> str | None:
    """The text from ``a`` to ``b`` when both lie in one sentence, else None."""
    k = bisect.bisect_right(starts, a) - 1
    if k < 0 or sentences[k].end < b:
        return None
    sent = sentences[k]
    return sent.text[a - sent.start:b - sent.start]


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


# a wire dateline that the splitter makes a sentence of its own, the lead's first words: "BAKU,
# Azerbaijan, May 19.", "DUBAI, November 14. /TASS/.", "YEREVAN, AUGUST 25, ARMENPRESS."; its day is
# the lead's ("... is on an official visit to Tel Aviv"), so the two are one sentence
_DATELINE = fast_compile(
    r"(?P<line>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]*){0,3}"
    r"(?:,\s*[A-Z][A-Za-z'’.-]+(?:\s[A-Z][A-Za-z'’.-]+){0,2})?,?\s+"
    rf"(?i:{_MON})\s*\d{{1,2}}(?:,?\s+\d{{4}})?(?:,\s*[A-Z][A-Za-z]+)?\.?"
    r"(?:\s*(?:/[A-Za-z][\w -]{0,20}/|\([A-Za-z][\w -]{0,20}\))\.?)?)\s*\Z")
# the agency the splitter leaves on its own after such a dateline: "/TASS/.", "(Xinhua)."
_AGENCY = fast_compile(r"(?:/[A-Za-z][\w -]{0,20}/|\([A-Za-z][\w -]{0,20}\))\.?\s*\Z")
# the dateline that opens a sentence so joined, left out of its title
_DATELINE_LEAD = fast_compile(
    r"[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]*){0,3}"
    r"(?:,\s*[A-Z][A-Za-z'’.-]+(?:\s[A-Z][A-Za-z'’.-]+){0,2})?,?\s+"
    rf"(?i:{_MON})\s*\d{{1,2}}(?:,?\s+\d{{4}})?(?:,\s*[A-Z][A-Za-z]+)?\.?"
    r"(?:\s+(?:/[A-Za-z][\w -]{0,20}/|\([A-Za-z][\w -]{0,20}\))\.?)?\s+(?=\S)")


def _sentences(article: Article, paras: list[tuple[int, Paragraph]]) -> list[Sentence]:
    """The sentences of the paragraphs ``paras`` (:func:`_evidence_paragraphs`; a caption is
    one). A wire dateline split off the start of a paragraph is joined to the sentence after
    it (:data:`_DATELINE`)."""
    out: list[Sentence] = []
    for i, p in paras:
        if p.furniture:
            out.append(Sentence(p.start, p.end, p.text, i))
            continue
        spans = split_sentences(p.text, p.start)
        if len(spans) > 1 and spans[0][1] - spans[0][0] <= 60 and _DATELINE.match(
                article.text[spans[0][0]:spans[0][1]]):
            joined = 1
            if len(spans) > 2 and _AGENCY.match(article.text[spans[1][0]:spans[1][1]]):
                joined = 2
            spans = [(spans[0][0], spans[joined][1]), *spans[joined + 1:]]
        for s, e in spans:
            out.append(Sentence(s, e, article.text[s:e], i))
    return out


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
    for mi, m in enumerate(mentions):
        if mi in frames:
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
        span = _span(m)
        if span is None:
            continue
        first, last, approximate = span
        text = sent.text
        found = _who_and_what(facts, cues, sentences, si, m, gaz, mentions, mi)
        if found is None:
            continue
        actors, people, systems, kind, carried = found
        if _reported_by_dateline(m, sent, mentions, mi):
            kind = "statement"  # "PARIS, June 18. /TASS/. ... signed a contract ... on June 17"
        if m.precision in ("decade", "century"):
            continue  # "a war in the 1990s", "suppliers in the 1990s": background
        if m.precision == "year" and _SHOW_NAME.search(body, max(0, m.start - 30), m.start):
            continue  # "on the sidelines of the Dubai Airshow 2021": the year is the show's name
        if kind == "other" and (_deictic(m) or not (systems or gaz.relevance.search(text))):
            continue  # "which today include Iran": a deictic date, not a happening
        if m.period and kind in ("other", "statement"):
            kind = "conflict"
        if kind == "statistic" and _baseline(m, sent, mentions, mi, body):
            continue  # "rose 17% between 2014–18 and 2019–23": 2014–18 is what it is measured on
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


# what comes before a period a figure is measured against: "compared with that of the
# 2013-2017 period", "than in 2014-18", "up 47 percent from the five years between 2013 and 2017"
_AGAINST = fast_compile(
    r"(?i)\b(?:compared\s+(?:with|to)|than(?:\s+(?:in|during))?|from|relative\s+to|against|"
    r"versus|vs\.?|on)\s+(?:(?:that|those)\s+of\s+)?(?:the\s+)?(?:previous\s+|preceding\s+)?"
    r"(?:(?:five|four|three|ten|\d+)[- ]years?\s+)?(?:period\s+)?\Z")
_AND_NEXT = fast_compile(r"\s+and\s+")


def _baseline(m: DateMention, sent: Sentence, mentions: list[DateMention], mi: int,
              body: str) -> bool:
    """Whether ``m``, a span of years in a statistic's sentence, is only what a figure is
    measured against: the first of "between 2014–18 and 2019–23", or a span after "compared
    with", "than", "from" ("rose 47 percent from the five years between 2013 and 2017") when
    the sentence dates its figure by another span."""
    if m.end_value is None or not m.value or m.end_value[:4] == m.value[:4]:
        return False
    spans = [x for x in mentions if sent.start <= x.start and x.end <= sent.end
             and x is not m and x.end_value and x.value and x.end_value[:4] != x.value[:4]]
    if not spans:
        return False
    nxt = mentions[mi + 1] if mi + 1 < len(mentions) else None
    if m.text.lower().startswith("between") and nxt is not None and nxt in spans:
        gap = _AND_NEXT.fullmatch(body, m.end, nxt.start)
        if gap is not None:
            return True
    return _AGAINST.search(body, max(sent.start, m.start - 60), m.start) is not None


# a sentence that opens with what began at its date: "Since clashes broke out again last month
# in Nagorno Karabakh, there have been reports of cargo planes on resupply missions"
_SINCE_OPEN = fast_compile(r"(?i)(?:ever\s+)?since\b")


def _since_main(cues: list[Cue], m: DateMention, sent: Sentence, kind: str) -> tuple[str, ...]:
    """The type of the main clause's happening when ``m`` dates the opening "Since ..." clause
    of its sentence and the main clause tells another kind of happening, which has gone on
    since then ("Since clashes broke out again last month ..., there have been reports of
    cargo planes on resupply missions": a conflict and a delivery, both of last month); else
    nothing."""
    if not _SINCE_OPEN.match(sent.text):
        return ()
    comma = sent.text.find(",", m.end - sent.start)
    if comma < 0 or comma > 160:
        return ()
    main = [c for c in cues if c.start > comma and c.kind != "statement"]
    if not main:
        return ()
    other = _event_type(main, comma, comma + 1, sent.text)
    return (other,) if other not in ("other", "statement", kind) else ()


def _reported_by_dateline(m: DateMention, sent: Sentence, mentions: list[DateMention],
                          mi: int) -> bool:
    """Whether ``m`` is the day of a wire dateline opening ``sent`` whose lead dates its
    happening with words of its own, on another day ("PARIS, June 18. /TASS/. The ministers
    signed a contract ... on June 17, said ..."): the dateline's day is the report's, not the
    happening's."""
    if m.start - sent.start > 40 or not sent.text[:1].isupper():
        return False
    lead = _DATELINE_LEAD.match(sent.text)
    if lead is None or m.end - sent.start > lead.end():
        return False
    others = [x.value[:10] for x in mentions[mi + 1:mi + 8]
              if x.start >= sent.start + lead.end() and x.end <= sent.end
              and x.type in ("DATE", "TIME") and x.value]
    # "STOCKHOLM, March 13 (Xinhua) -- ... between 2018 and 2022 ..., said on Monday": the
    # lead's saying is the dateline's day, one happening
    return bool(others) and bool(m.value) and m.value[:10] not in others


# a trade show's name before its year ("the Dubai Airshow 2021", "IDEX 2023", "Army-2022"): where
# something was said or shown, not a happening of its own
_SHOW_NAME = fast_compile(
    r"(?:(?:\b(?i:air\s*show|expo|exhibition|fair|salon)|\b(?:IDEX|IDEF|DSEI|Eurosatory|MAKS|"
    r"Teknofest|ADEX|Aero\s*India|Defexpo|Farnborough|Le\s+Bourget|ILA|Zhuhai))\s*[-–]?\s*|"
    r"\bArmy\s*[-–]\s*)\Z")


def _deictic(m: DateMention) -> bool:
    return m.relative and not _NAMED_DATE.search(m.text)


def _other_dates(mentions: list[DateMention], mi: int, sent: Any) -> tuple[tuple[int, int], ...]:
    """The spans (in ``sent``) of the other dates of the sentence of ``mentions[mi]``."""
    out = []
    for k in range(mi - 1, -1, -1):
        x = mentions[k]
        if x.start < sent.start:
            break
        if x.type in ("DATE", "TIME"):
            out.append((x.start - sent.start, x.end - sent.start))
    for k in range(mi + 1, len(mentions)):
        x = mentions[k]
        if x.end > sent.end:
            break
        if x.type in ("DATE", "TIME"):
            out.append((x.start - sent.start, x.end - sent.start))
    return tuple(out)


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


def _title_of(text: str, si: int, sent: Any, mentions: list[DateMention],
              date_words: dict[int, list[tuple[int, int]]]) -> str:
    """A new draft's title: its sentence without its date words (computed once a sentence)."""
    if si not in date_words:
        date_words[si] = [
            (x.start - sent.start, x.end - sent.start) for x in mentions
            if sent.start <= x.start and x.end <= sent.end
            and x.type in ("DATE", "TIME")]
    lead = _DATELINE_LEAD.match(text) if text[:1].isupper() else None
    if lead is not None:  # "BAKU, Azerbaijan, May 19. The leadership ...": the lead's words
        cut = lead.end()
        return make_title(text[cut:], [(a - cut, b - cut) for a, b in date_words[si]
                                       if a >= cut])
    return make_title(text, date_words[si])


def _join_same(same_dates: dict[_When, list[_Draft]], when: _When, actors: list[str],
               people: list[str], systems: list[str], confidence: float, notes: str | None,
               evidence: Evidence) -> bool:
    """Join a mention to a draft of the same happening (its evidence, names, confidence):
    the same type, dates and approximation ("mid-2016" is not "since 2016") and an actor in
    common; False when there is none."""
    kind, first, last, _approximate = when
    for d in same_dates.get(when, ()):
        if _same(d, kind, first, last, actors):
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

"""What a sentence's shape says about its dates, before any is typed: a wire dateline the
splitter cut off its lead ("BAKU, Azerbaijan, May 19. The leadership ..."), a coarse date that
only frames a finer one ("In July 2019, ... on July 25"), a period a figure is measured against
("between 2014–18 and 2019–23"), a "Since ..." clause that dates two happenings, a trade show's
year, and the other dates of a sentence (whose cues are theirs)."""

from __future__ import annotations

import bisect
import datetime as _dt
from typing import Any

from extract.article import Article, Paragraph, Sentence, split_sentences
from extract.dates import DateMention, names_no_year
from extract.dates.fastre import fast_compile
from extract.dates.lexicon import _MON
from extract.dates.tense import tense_at
from extract.event_type import Cue, _event_type
from extract.timeline import PartialDate

# a wire dateline that the splitter makes a sentence of its own, the lead's first words: "BAKU,
# Azerbaijan, May 19.", "DUBAI, November 14. /TASS/.", "YEREVAN, AUGUST 25, ARMENPRESS."; its day is
# the lead's ("... is on an official visit to Tel Aviv"), so the two are one sentence
_PLACE_AND_DAY = (r"[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]*){0,3}"
                  r"(?:,\s*[A-Z][A-Za-z'’.-]+(?:\s[A-Z][A-Za-z'’.-]+){0,2})?,?\s+"
                  rf"(?i:{_MON})\s*\d{{1,2}}(?:,?\s+\d{{4}})?(?:,\s*[A-Z][A-Za-z]+)?\.?")
_AGENCY_TAG = r"(?:/[A-Za-z][\w -]{0,20}/|\([A-Za-z][\w -]{0,20}\))\.?"
_DATELINE = fast_compile(rf"(?P<line>{_PLACE_AND_DAY}(?:\s*{_AGENCY_TAG})?)\s*\Z")
# the agency the splitter leaves on its own after such a dateline: "/TASS/.", "(Xinhua)."
_AGENCY = fast_compile(rf"{_AGENCY_TAG}\s*\Z")
# the dateline that opens a sentence so joined, left out of its title
_DATELINE_LEAD = fast_compile(rf"{_PLACE_AND_DAY}(?:\s+{_AGENCY_TAG})?\s+(?=\S)")


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
        if (len(spans) == 1 and out and out[-1].paragraph == i - 1 and not _furniture(
                article, i - 1) and _TWEET_SIGNATURE.fullmatch(p.text)):
            # "— Poland MOD (@Poland_MOD) December 5, 2022" under an embedded post: its date
            # is the post's, whose last sentence it joins
            last = out.pop()
            out.append(Sentence(last.start, p.end, article.text[last.start:p.end], i - 1))
            continue
        for s, e in spans:
            out.append(Sentence(s, e, article.text[s:e], i))
    return out


# the signature line of an embedded post: "— Poland MOD 🇵🇱 (@Poland_MOD) December 5, 2022"
_TWEET_SIGNATURE = fast_compile(rf"(?:[—–-]+\s*)?[^\n()]{{1,80}}\(@\w{{1,30}}\)\s*(?:{_MON})\.?\s*"
                                r"\d{1,2},?\s+\d{4}\s*")


def _furniture(article: Article, i: int) -> bool:
    """Whether paragraph ``i`` of the article is furniture (or absent)."""
    return i < 0 or i >= len(article.paragraphs) or article.paragraphs[i].furniture


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
    """Whether ``m`` is the day of a wire dateline opening ``sent`` (any shape of
    :func:`_dateline_end`) whose lead dates its happening with words of its own, on another day
    ("PARIS, June 18. /TASS/. The ministers signed a contract ... on June 17, said ..."): the
    dateline's day is the report's, not the happening's."""
    if m.start - sent.start > 60 or not sent.text[:1].isupper():
        return False
    lead_end = _dateline_end(sent)
    if not lead_end or m.end - sent.start > lead_end:
        return False
    others = [x.value[:10] for x in mentions[mi + 1:mi + 8]
              if x.start >= sent.start + lead_end and x.end <= sent.end
              and x.type in ("DATE", "TIME") and x.value]
    # "STOCKHOLM, March 13 (Xinhua) -- ... between 2018 and 2022 ..., said on Monday": the
    # lead's saying is the dateline's day, one happening
    return bool(others) and bool(m.value) and m.value[:10] not in others


# the other shapes of a dateline that opens a sentence, up to the end of its date: a place in
# title case ("Rabat, Aug 12 Morocco has received ...", "New Delhi, April 19 India on Friday
# ..."), a place and the agency with the date in brackets ("BERLIN (UrduPoint News / Sputnik
# - 03rd November, 2021) The German government ...")
_TITLE_PLACE_DAY = fast_compile(rf"[A-Z][a-z'’.-]+(?:\s[A-Z][a-z'’.-]+){{0,2}},\s*"
                                rf"(?:{_MON})\.?\s*\d{{1,2}}(?:,?\s+\d{{4}})?"
                                r"(?=\s*(?:[:—–-]|\([A-Z]|[A-Z]))")
# a dateline that is a day alone, with its agency or a dash: "Dec. 11 (UPI) -- Qatar has ...",
# "November 24 (ANI): India has started ...", "March 22, 2021 - AVIC is exporting ..."
_DAY_LEAD = fast_compile(rf"(?:{_MON})\.?\s*\d{{1,2}}(?:,?\s+\d{{4}})?"
                         r"(?=\s*(?:\([A-Z][\w .&'/-]{0,30}\)\s*)?(?:--|[—–:]|-\s))")
_BRACKET_DATELINE = fast_compile(r"[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,2}\s*\((?=[^()]{1,80}"
                                 r"\))[^()]*?[-–—]\s*")


def _dateline_end(sent: Sentence) -> int:
    """Where the date of a wire dateline opening ``sent`` ends (an offset into it), or 0."""
    text = sent.text
    if not text[:1].isupper():
        return 0
    lead = _DATELINE_LEAD.match(text) or _TITLE_PLACE_DAY.match(text) or _DAY_LEAD.match(text)
    if lead is not None:
        return lead.end()
    lead = _BRACKET_DATELINE.match(text)
    if lead is not None:
        close = text.find(")", lead.end())
        return close if close > 0 else 0
    return 0


def _in_dateline(m: DateMention, sent: Sentence) -> bool:
    """Whether ``m`` is the date of a wire dateline that opens ``sent``: the report's day."""
    if m.start - sent.start > 60 or m.precision != "day":
        return False
    end = _dateline_end(sent)
    return bool(end) and m.end - sent.start <= end


def _dateline_day_again(m: DateMention, sent: Sentence, mentions: list[DateMention],
                        mi: int) -> bool:
    """Whether ``m``, a dateline's day, is a day the lead names again in words of its own
    ("BERLIN (... - 03rd November, 2021) ..., the ministry said on Wednesday"): that mention
    dates the lead, and the dateline adds no candidate."""
    if not m.value or not _in_dateline(m, sent):
        return False
    return any(x.value and x.value[:10] == m.value[:10] and x.type in ("DATE", "TIME")
               for x in mentions[mi + 1:mi + 8] if x.end <= sent.end)


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


def _week_by_report(m: DateMention, first: Any, last: Any, pub_day: Any, body: str,
                    ) -> tuple[Any, Any]:
    """A week that holds the report's own day, cut at that day by what the text says: "earlier
    this week" ends the day before, "later this week" starts the day after, and a happening
    told in the past ("said this week") ends on it, one told in the future starts on it. Other
    spans are given back as they are (``first``, ``last``: PartialDates; ``pub_day``: a
    date or None)."""
    if pub_day is None or last is None or m.precision != "week" or not (
            first.first_day() <= pub_day <= last.last_day()):
        return first, last
    words = m.text.lower()
    one = _dt.timedelta(days=1)
    if words.startswith("earlier"):
        lo, hi = first.first_day(), max(first.first_day(), pub_day - one)
    elif words.startswith("later"):
        lo, hi = min(last.last_day(), pub_day + one), last.last_day()
    else:
        tense = tense_at(body, m.start, m.end)
        if tense == "past":
            lo, hi = first.first_day(), pub_day
        elif tense == "future":
            lo, hi = pub_day, last.last_day()
        else:
            return first, last
    return PartialDate.parse(lo.isoformat()), (
        None if hi == lo else PartialDate.parse(hi.isoformat()))


_OR = fast_compile(r"\s+or\s+")


def _either_or(mentions: list[DateMention], body: str) -> dict[int, int]:
    """Two days joined by "or" ("on April 12 or 13"): one happening on one of them, not two.
    The index of the first -> the index of the second (whose candidate it gives no more)."""
    out: dict[int, int] = {}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if a.precision == b.precision == "day" and a.value and b.value and not a.end_value \
                and not b.end_value and _OR.fullmatch(body, a.end, b.start) \
                and a.value[:10] < b.value[:10]:
            out[i] = i + 1
    return out


# "40 years ago", "two decades ago": a count of ten years or more, round, is seldom exact
_ROUND_AGO = fast_compile(r"(?i)(?:(?P<n>\d+)|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                          r"ninety|a\s+hundred|(?:a|one|two|three|several)\s+decades?)"
                          r"\s*(?:years?\s+)?ago")


def _round_count_ago(m: DateMention) -> bool:
    """Whether ``m`` counts back a round number of years ("40 years ago"): approximate."""
    r = _ROUND_AGO.search(m.text)
    if r is None:
        return False
    n = r.group("n")
    return n is None or (int(n) >= 10 and int(n) % 5 == 0)


# before a date, what makes it a schedule given up: "in 2026 instead of 2027 and 2028",
# "postponed from the fourth quarter of 2023 until ...", "originally planned for 2025"
_DROPPED_LEFT = fast_compile(
    r"(?i)\b(?:instead\s+of|rather\s+than|(?:postponed|delayed|moved|pushed\s+back|brought\s+"
    r"forward|put\s+off)\s+from|originally\s+(?:planned|scheduled|due|expected|set)\s+(?:for|in))"
    r"\s+(?:(?:the|\d{4}|and|or|,)\s*)*\Z")


def _dropped_schedule(m: DateMention, body: str) -> bool:
    """Whether ``m`` is a schedule the text says was given up (no happening of its own)."""
    return _DROPPED_LEFT.search(body, max(0, m.start - 60), m.start) is not None


def _apposition(mentions: list[DateMention], mi: int, body: str) -> bool:
    """Whether ``mentions[mi]`` is in brackets right after another date's words, the same day
    said again ("reports said Friday (May 5)"): no candidate of its own."""
    if mi == 0:
        return False
    prev, m = mentions[mi - 1], mentions[mi]
    return (m.start - prev.end <= 3 and body[prev.end:m.start].strip() == "("
            and body[m.end:m.end + 1] == ")")

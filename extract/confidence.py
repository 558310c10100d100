"""How sure the extractor is of a candidate, and the note that tells a reviewer why not: a
date read against a coarse publication date, a past happening dated after its report, a day
whose year is not written, a numeric date that reads two ways, a weekday that is not the day's."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from extract.dates import DateMention, names_no_year, tense_at
from extract.dates.engine import _detect_day_first
from extract.dates.fastre import fast_compile
from extract.dates.lexicon import _WEEKDAYS, MONTH_NAMES  # MONTH_NAMES[:12]: in order
from extract.dates.quotes import _day_of_speaking, _quotations
from extract.sentence_dates import _in_dateline
from extract.timeline import PartialDate


def _publication_day(published: str | None) -> tuple[bool, _dt.date | None]:
    """(whether the publication date is coarser than a day, the day it names or None)."""
    coarse_anchor = published is None or len(str(published)) < 10
    try:
        pub_day = None if coarse_anchor else PartialDate.parse(str(published)[:10]).first_day()
    except ValueError:
        pub_day = None
    return coarse_anchor, pub_day


def _confidence(m: DateMention, kind: str, span: tuple[PartialDate, PartialDate | None, bool],
                actors: list[str], systems: list[str], coarse_anchor: bool,
                pub_day: _dt.date | None, body: str, mentions: list[DateMention],
                sentences: list[Any], si: int) -> tuple[float, str | None]:
    """A candidate's confidence, and the note that says why it was lowered (or None)."""
    first, _last, approximate = span
    sent = sentences[si]
    confidence = 0.5
    confidence += 0.15 if kind != "other" else 0
    confidence += 0.1 if len(actors) >= 2 else 0
    confidence += 0.1 if systems else 0
    confidence += 0.05 if first.precision == "day" else 0
    if m.relative and coarse_anchor:
        confidence -= 0.3  # resolved against a coarse publication date
    if approximate:
        confidence -= 0.05
    notes = None
    if pub_day is not None and first.first_day() > pub_day and tense_at(
            body, m.start, m.end) == "past":
        # a past happening dated after its own report: a wrong year in the text or in
        # the reading of it, or a forecast told oddly; a reviewer should look
        confidence -= 0.3
        notes = (f"Extractor: dated after its article was published ({pub_day.isoformat()}),"
                 " though told in the past tense: check the date.")
    elif names_no_year(m):
        # "Turkey received the S-400 in 2019. The first batch landed on July 12.", "Russia,
        # which annexed Crimea in 2014 and invaded on February 24": the year of the day is
        # not written and the text near it names another; the reading may be the wrong one
        here = _years_named([x for x in mentions if x.end <= m.start], sent)
        before = _years_named(mentions, sentences[si - 1]) if si > 0 else set()
        other, where = (here, "its sentence") if here else (before, "the sentence before")
        if other and first.year not in other:
            confidence -= 0.2
            named = ", ".join(str(y) for y in sorted(other))
            notes = (f"Extractor: the year of '{m.text}' is not written; it was read as "
                     f"{first.year}, but {where} names {named}: check the year.")
    for doubt, cost in ((_ambiguous_numeric(m, body), 0.2), (_weekday_slip(m), 0.2),
                        (_undated_speaker(m, body, mentions, pub_day), 0.1),
                        (_dated_by_dateline(m, sent, body), 0.1)):
        if doubt is not None:
            confidence -= cost
            notes = f"{notes} {doubt}" if notes else doubt
    return round(min(0.95, max(0.05, confidence)), 2), notes


# a numeric date whose day and month could be either way round: "03/04/2023"
_NUMERIC = fast_compile(r"(?P<a>\d{1,2})\s*[/.-]\s*(?P<b>\d{1,2})\s*[/.-]\s*(?:\d{4}|\d{2})")



def _ambiguous_numeric(m: DateMention, body: str) -> str | None:
    """The reviewer's note for a numeric date that reads two ways ("03/04/2023": 3 April or 4
    March) in a text where no other numeric date tells the order; None otherwise."""
    n = _NUMERIC.fullmatch(m.text.strip())
    if n is None or not m.value or len(m.value) < 10:
        return None
    a, b = int(n.group("a")), int(n.group("b"))
    if a == b or a > 12 or b > 12 or _detect_day_first(body) is not None:
        return None
    month, day = int(m.value[5:7]), int(m.value[8:10])
    other = _dt.date(int(m.value[:4]), day, month) if day <= 12 else None
    if other is None:
        return None
    return (f"Extractor: '{m.text}' could be {day} {MONTH_NAMES[month - 1]} or "
            f"{other.day} {MONTH_NAMES[other.month - 1]} {other.year}; it was read as "
            f"{m.value}, and no other date in the text tells which is the day: check the date.")


# a weekday written with the day: "Saturday, August 24", "Mon 12 Aug 2024"
_WEEKDAY_WORD = fast_compile(r"(?i)\b(?P<wd>" + "|".join(
    sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b\.?")
_WEEKDAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _weekday_slip(m: DateMention) -> str | None:
    """The reviewer's note for a day whose written weekday is not its own ("Saturday, August
    24" read as 24 August 2018, a Friday): the text slipped on the weekday or the day, and
    only another report tells which; None when they agree or no weekday is written."""
    w = _WEEKDAY_WORD.search(m.text)
    if w is None or not m.value or len(m.value) < 10 or not re.search(r"\d", m.text):
        return None
    try:
        day = _dt.date.fromisoformat(m.value[:10])
    except ValueError:
        return None
    said = _WEEKDAYS[w["wd"].lower()]
    if day.weekday() == said:
        return None
    return (f"Extractor: '{m.text}' names a {_WEEKDAY_FULL[said]}, but it was read as "
            f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}, a "
            f"{_WEEKDAY_FULL[day.weekday()]}: the text slipped on the weekday or the day; "
            "check the date.")


# a day named by its distance from the speaking ("today", "yesterday", "on Friday"), not from
# another date ("a day later")
_SPEAKERS_DAY = fast_compile(
    r"(?i)\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|"
    r"last\s+night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_NAMED_DAY = fast_compile(r"\d|(?i:" + "|".join(MONTH_NAMES) + r")\b")


def _undated_speaker(m: DateMention, body: str, mentions: list[DateMention],
                     pub_day: _dt.date | None) -> str | None:
    """The reviewer's note for "today" or "yesterday" inside a quotation whose saying the text
    does not date ("“Today, the air force is inducting ...,” Baber said."): it is the
    speaker's day, read as if spoken on the publication date, which a report of an earlier
    speech is not; None otherwise."""
    if not (m.relative and m.precision == "day" and m.value and pub_day is not None) \
            or not _SPEAKERS_DAY.search(m.text) or _NAMED_DAY.search(m.text) \
            or _NAMED_DAY.match(body, m.end + 1) \
            or ('"' not in body and "“" not in body):
        return None
    for qs, qe in _quotations(body):
        if qs <= m.start and m.end <= qe:
            if _day_of_speaking(body, mentions, qs, qe, None) is not None:
                return None
            return (f"Extractor: '{m.text}' is the speaker's, in a quotation the text does not "
                    f"date; it was read against the publication date ({pub_day.isoformat()}): "
                    "check when it was said.")
    return None


def _years_named(mentions: list[DateMention], sent: Any) -> set[int]:
    """The years written out (not inferred) by the date mentions inside ``sent``."""
    return {int(x.value[:4]) for x in mentions
            if sent.start <= x.start and x.end <= sent.end and not x.relative and x.value
            and x.value[:4].isdigit() and x.type in ("DATE", "TIME") and not x.period
            and re.search(r"\d{4}", x.text)}


# a lead that tells of something done or said: a past form, a perfect, a reporting verb
_TOLD_BEFORE = fast_compile(r"\b(?:\w{3,}ed|has|have|had|said|says|told|sent|sold|bought|won|"
                            r"held|met|began|took|gave|made)\b")


def _dated_by_dateline(m: DateMention, sent: Any, body: str) -> str | None:
    """The reviewer's note for a happening told in the past whose only date is its report's
    wire dateline ("SEOUL, July 31 (UPI) -- Hanwha said it won ...", "Rabat, Aug 12 Morocco
    has received ..."): a report's day, not always the day it tells of; None otherwise."""
    if not _in_dateline(m, sent) or not _TOLD_BEFORE.search(sent.text, m.end - sent.start):
        return None
    return (f"Extractor: dated by the wire dateline's '{m.text}', the report's day; the text "
            "does not say that this happened on that day (a report can tell of an earlier "
            "one): check the date.")

"""Date finder: every date mention in English news text, normalized TimeML/TIMEX3-style.

``find_dates(text, published)`` returns :class:`DateMention` objects (sorted, non-overlapping)
whose ``value`` follows the TIMEX3 ``value`` convention of the TimeML annotation guidelines
(TempEval-3): ``'2016'``, ``'2016-12'``, ``'2023-05-30'``, ``'2023-02-02T13:55'``, ``'201'``
(the 2010s), ``'2020-Q3'``, ``'2021-SU'``, ``'2023-W05'``, ``'P6W'``, ``'PRESENT_REF'``,
``'XXXX-10'`` ...  A wrong date is worse than no date, so the finder keeps *honest precision*
and gives ``value=None`` (or an underspecified ``XXXX`` value) when it cannot resolve a mention.

How it works
------------
Candidate spans are found with compiled regular expressions (a small English temporal
grammar); overlapping candidates are resolved longest-first (named periods from the gazetteer
win over everything). Candidates are then resolved left to right, so anaphoric expressions
("a day later", "back then", "that year") can use the previous resolved date. The whole text is
never handed to ``dateparser.search.search_dates`` (far too slow); ``dateparser`` is only used,
with ``languages=[language]`` and ``RELATIVE_BASE`` = publication date, on short numeric
date-time stamps the grammar does not cover, and those parses are cached (``lru_cache``).

Resolution rules (``published`` = the document creation time, DCT)
--------------------------------------------------------------------
* ``published`` may be ``'YYYY'``, ``'YYYY-MM'``, ``'YYYY-MM-DD'``, a ``date`` or ``None``.
  A relative expression is resolved only to the precision the DCT supports: with a month-only
  DCT, "on Tuesday" or "yesterday" give ``value=None``; with no DCT at all "last October" gives
  ``'XXXX-10'`` and "on Tuesday" gives ``None``; every such mention has ``relative=True``.
  Nothing is ever resolved against today's date.
* Explicit dates keep their precision: "In 2016" -> ``'2016'``, "December 2016" -> ``'2016-12'``,
  "May 30, 2023" -> ``'2023-05-30'``, "02 February 2023 - 13:55" -> ``'2023-02-02T13:55'`` (TIME).
* Tense: a small window around the mention (its sentence) is scanned for cue words; the cue
  nearest to the mention decides. Future cues: will, 'll, shall, going to, scheduled, expected,
  due, plan(s) to, set to, is/are to, next, upcoming, heading, would ... Past cues: -ed words
  (not 'un...ed' adjectives nor those of defence and business news: 'armed', 'guided',
  'preferred'), said, was, were, had, ago, according to, ... A cue more than 40 characters away
  is ignored (it is usually another clause's; a cue after the mention counts 10 more), unless it
  is a finite verb (a past form, will/would) with no clause between it and the date (no
  punctuation, infinitive or subordinator: "delivered the first batch of Spike anti-tank guided
  missiles to Israel on 10 September"). A sentence does not end at an initial, a title or a
  month abbreviation ("Daniel P. Davison", "Mr.", "Oct."). Without a cue the past is assumed
  (news reports the past); a month-day without a cue takes the reading nearest to the DCT. A
  date fronted in its sentence ("On Tuesday, the league plans to ...") takes the first cue of
  the main clause (within 90 characters); a date in the verb phrase of a planned action ("were
  planning to drive around the airport on Monday", no comma between) is ahead even beyond the
  cue reach ("announced plans to ..." is a noun after a past verb: no such cue). A trailing
  attribution (", a spokesperson said", ", sources said on Tuesday") is not the date's verb;
  "plan to" after a determiner or before a name ("his victory plan to Biden") is a noun;
  a verb after a clause boundary is another clause's when the date's clause has a cue ("which
  pledged 19 F-16s in August, will deliver"); an -ed word after a determiner, a number or a
  verb is an adjective ("the first upgraded jets"); modal passives and verbs ("is to be
  signed", "must be submitted", "should arrive") and "no later than" look ahead;
  "ahead of", "could" (not negated) and "might" look ahead, and so does a date something was
  moved to ("postponed to February", "brought forward to December", "slipped to the week of
  June 10"), "is due in", "due to be signed", "starting in".
* A month or month-day without a year takes the year written earlier in its sentence when
  the sentence sets it ("In July 2019, the first batch arrived on July 12", "arrived on July
  12, 2019, and the second on August 27"): a date fronted or after in/on/during/of/at, not in
  an aside ("Russia, which annexed Crimea in 2014, ..."), not after "since", not across a
  clause, not another verb's date joined after a year alone ("launched in 2019 and
  commissioned on July 12"; "signed in March 2019 and approved on May 5" is 2019), and never a
  plan moved into the past or a report into the future. When the sentence
  sets several years ("In the 1990s, ... on July 12", "From 2014 to 2018, ...") the year is
  unknown: ``'XXXX-07-12'``. After a fronted "After/Following <day or month>," it is the first
  such date after that one ("Following the ceasefire of November 10, 2020, ... on 13 January"
  -> 2021-01-13; also "After the Feb. 24, 2022 invasion, ..."). A clause after a semicolon is
  fronted as a sentence start is. "Feb. 20 of the following year", "March of that year":
  from the last date's year. "The first anniversary of the Oct. 7 attack": n years before
  the anniversary's day (without a count, ``'XXXX-10-07'``).
* A dateline with a day ("WASHINGTON, March 12 (Xinhua) --") in the week before the DCT is the
  day the text was written: relative dates resolve against it.
* Weekdays: past -> the most recent such day on or before the DCT (so "on Tuesday" in an
  article of Tuesday is that day); future -> the first such day on or after the DCT;
  "last Friday" -> the Friday strictly before the DCT, "next Wednesday" strictly after;
  "this Friday": ahead with a future cue, behind with a past cue, else in the DCT's week;
  "<weekday> (of) last/this/next week": that weekday in that ISO week ("on Tuesday last
  week"). A scheduled event told in the present ("meet(s)", "visit(s)", "convene(s)",
  "begin(s)", "hold(s)" ... right before the weekday) is ahead when the sentence has no other
  tense cue ("He and Arafat meet separately Monday", "The summit ends on Saturday"). A weekday
  joined to the weekday before it takes its tense ("on Thursday and Friday"), or is the first
  such day after it in a range ("from Monday to Friday").
* A habit ("every year in June", "usually begins in May", "is marked every year on May 9")
  is any year's: ``'XXXX-06'``, ``'XXXX-05-09'``; "the last Sunday of July" is computed
  ("the first Monday in October 2024"), and is no one day in a rule told in the present.
* Month names without a year ("October", "the March opening"): past -> the most recent such
  month on or before the DCT month; future -> on or after; "last October" -> strictly before the
  DCT month ("last October" in a 2023-02-02 article -> ``'2022-10'``); "next/this October".
* Month-day without a year ("Sep. 3", "On October 4"): the most recent such day on or before
  the DCT, or on/after it with future cues. A count after it is no year ("On March 1, 40 jets
  arrived"); a fronted "By March 1," takes its main clause's verb. With a month-precision DCT
  the year is still decidable unless the month equals the DCT month (then the DCT year is
  taken).
* "the week/month/year before last", "... after next": two units from the DCT's.
* "today"/"yesterday"/"tomorrow", "this/last/next week|month|year|quarter", "N units ago"
  (at the precision of the unit: "two years ago" -> a year, "three days ago" -> a day, "a week ago"
  -> an ISO week). "exactly a month ago" -> the *day* (DCT minus one month): annotators give the
  day when "exactly" is said; without "exactly", "a month ago" -> the month.
* "now", "currently", "current", "at present", "these days" -> ``PRESENT_REF``; "recently",
  "recent", "the past" -> ``PAST_REF`` (not "the past three summers": a count follows);
  "the future", "soon" -> ``FUTURE_REF``.
* The day of speaking named as such: "It is a historic day for ...", "It's the second day of
  the offensive", '... said it was "a great day"' -> the DCT (or the dateline's day); the
  mention is the noun phrase. "It was a busy day" in a story (no saying before it) is no date.
  "recent months/years/weeks" and "the coming weeks" are DURATIONs with an unknown count
  (``'PXM'``), not calendar dates.
* Anaphora, anchored on the previous resolved calendar date in the text (the DCT if none):
  "a day later", "the next/following day", "the day before", "two weeks later", "a year
  earlier", "back then"/"at the time" (the previous value itself), "that year|month|day".
  After a date the anchor holds only by its year (a week, a season, a half) "that year" is
  that year and "at the time" is ``PAST_REF``; after one it cannot hold at all (a decade)
  they get no value: never the older date before it. After a range ("from 2014 to 2018")
  "two years later" counts from its end, "two years earlier" and "the previous day" from its
  start, and "that year" gets no value ("at the time" is ``PAST_REF``). A past event counted
  forward to after the DCT ("Two weeks later, the minister confirmed ...") gets no date
  either: the date it was counted from is not the one the text means.
* Numeric dates: ``yyyy-mm-dd``; ``a/b/yyyy``, ``a.b.yyyy``, ``a-b-yyyy`` (spaces allowed around
  the separators), two-digit years (pivot: ``yy`` <= DCT year + 10 -> 20yy, else 19yy).
  ``day_first`` keyword: True/False forces the reading; ``None`` decides per text: if any
  numeric date in the text has a first part > 12 the text is day-first, else if any has a second
  part > 12 it is month-first; otherwise (both readings valid everywhere) a dotted date is day
  first (the European notation), else the reading closest to the DCT is taken per date, and
  without a DCT day-first is assumed (non-US default). "12 Mar 24:" (a two-digit year ending
  the phrase) and "March '23" take the two-digit year.
* Ranges: "2014-2018", "2015–19", "between 2016 and 2020", "from 2014 to 2018" -> ``value`` and
  ``end_value``; days and months with the month and year written once: "1-3 March 2023",
  "from 5 to 9 June", "March 2-4, 2023", "Feb. 28 - March 3, 2023", "between January and March
  2022", "May-June 2021", "from June 2021 to March 2022" -> one mention from the first to the
  last (the start takes the year written after it; the year before when it comes later in the
  calendar; with no year the start is read as a month-day alone and the end follows it; "or"
  makes it approximate); "1990s" -> ``'199'``; "the early 2010s" -> ``'201'``, mod EARLY,
  approximate.
* Modifiers: early/mid/late, "the beginning/end/middle of", "the final days of" set ``mod``
  (EARLY, MID, LATE, START, END) and ``approximate``; "about/around/circa 2015" -> mod APPROX.
  "the final days of the hostilities in November 2020" marks "November 2020" approximate/END.
* Fiscal years: "FY24" -> ``'2024'`` (two-digit pivot), "FY2023-24", "FY23-24" -> ``'2023'`` ..
  ``'2024'``.
* Seasons with a relative year: "the spring of last year" -> ``'2022-SP'`` (DCT 2023);
  halves in the financial notation: "H2 2022", "2023 H1" -> ``'2022-H2'``, ``'2023-H1'``.
* Quarters "the third quarter" -> DCT year (previous year if that quarter has not begun yet and
  no future cue), "Q3 2020" -> ``'2020-Q3'``, "the second quarter of next year" (of this/last
  year, of that year: the last date's) -> ``'2025-Q2'`` (DCT 2024); halves -> ``'YYYY-H1'``;
  seasons "summer 2021" -> ``'2021-SU'``.
* Durations: "two years"/"two-year" -> ``'P2Y'``, "for three years" (extent without "for"),
  "the past three months" -> ``'P3M'``, "101 days" -> ``'P101D'``; decades ``E``, centuries ``C``.
  Sets: "every year"/"annually" -> ``'P1Y'``, "weekly" -> ``'P1W'``, "every Monday" and
  "on Mondays" -> ``'XXXX-WXX-1'``, "every Friday night", "on Friday nights" ->
  ``'XXXX-WXX-5TNI'``; the days named before a plural part of the day share it ("on Monday
  and Tuesday nights": two sets, never the Monday before the DCT).
* Tense cues also include a verb group with ``will/would/shall`` ("will be paid Dec. 14": the
  '-ed' verb is then no past cue), ``to be ...``, ``is/are ...ing``, "expects to", "as soon as",
  "as early as", "between now and".
* A weekday with a month-day and no year ("Monday, Oct. 26") takes the year, next to the
  DCT's, in which that day is that weekday. "Friday's ruling" is that Friday.
* Clock times attached to a day: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9",
  "9 a.m. tomorrow" -> ``'YYYY-MM-DDTHH:MM'`` (TIME; midnight is ``T24:00``).
* The year (month, week) under discussion: "by the end of the year", "the first half of the
  month", "the rest of the year", "earlier/later in the year", "by/since year-end", "the first
  nine months of the year", "for the (full) year", "by year's end" -> the year of a date
  named before it in its sentence, else the DCT's, with mod END/START/MID/LATE ("year-end" is
  mod END, no day is invented); a whole year told in the past is over ("Sales for the full
  year rose" in February: the year before). A plan is not
  in a period already past (then the DCT's); in the DCT's own year (month) a past event is not
  in a part not yet begun ("signed at the end of the year" in June: the year before) and a plan
  not in one already over ("will start at the beginning of the year" in June: the next). A
  plan told in the future in the past ("In March 2022, the ministry said the deliveries would
  take place in the second half of the year") keeps the sentence's year.
  "Earlier/later in the day" is the day of the last date named. "The end of this year", "the
  second half of last year": the modifier joins the relative unit.
* "by mid-afternoon", "late evening", "mid-afternoon yesterday": a part of the day as a time
  of its own (after a preposition, or fronted) is in the day under discussion: the last day
  named in its sentence or the one before, else the DCT's if the text named no other day
  (``'...TAF'``), else unknown; not an adjective ("early morning strikes"). A bare clock time
  ("at 10 p.m.") is not found: its day is too often another than the last one named.
* "the following/previous/preceding <weekday>": the first such weekday after (before) the last
  date named, the DCT if none ("May 3 ... The following Monday" -> May 8).
* "the weekend", "this/last/next weekend" -> the ISO week of that Saturday + ``-WE``
  (``'1990-W32-WE'``); "the weekend" is the past one unless a future cue says otherwise.
* Holidays ("Thanksgiving Day", "last Christmas", "Easter", "Election Day", ...) resolve like a
  month-day without a year (past/future cue, else the nearest); movable feasts are computed,
  Orthodox Easter and Christmas in the Gregorian calendar ("on Orthodox Christmas" -> Jan 7).
* "overnight" is the night before the day under discussion (``'2024-03-15TNI'`` after "said
  on Saturday"); "The day before," / "the day after," the day next to the last day named.
* Spelled-out years: "nineteen ninety-four", "January nineteen ninety-seven", "the winter of
  nineteen ninety-four", "the year two thousand".
* A month with a relative year: "June last year" -> ``'YYYY-06'`` of the year before the DCT,
  "early October this year", "April next year".
* "for years", "for weeks" -> a DURATION of unknown length (``'PXY'``); "as soon as" and
  "soon after" are not times.
* Financial reports. The *quarter under discussion* is the latest completed quarter named by
  the text ("the third quarter", "Q3 1989", "the quarter ended Sept. 30"; not a look back like
  "the year-ago quarter", an aside about an earlier quarter, nor a forecast for a quarter not
  yet over). With no quarter named before it, "the quarter ended <day>" is the calendar
  quarter ending then (one ending in another month is fiscal: no value); after a named one it
  is that one. Then "the quarter", "the latest quarter/period" -> that
  quarter; "the year-ago/year-earlier quarter", "the year-earlier period", "the corresponding
  period last year" -> the same quarter a year before; "a year earlier/ago" inside an amount
  comparison ("$5 million, or 20 cents a share, a year ago"; also "compared with / from / than
  a year earlier") -> that quarter a year before (with no quarter named, a year before the
  report); "the 1988 quarter/period", "last year's quarter" -> that year's quarter of the same
  number; "the 1988 second quarter" -> ``'1988-Q2'``;
  "year-earlier results" -> the year before. With no quarter named, "the quarter" in an amount
  sentence is the last quarter completed before the DCT; otherwise it gets no value.
* "last Oct. 23" keeps the day (the most recent Oct. 23). Centuries: "the 20th century" ->
  ``'19'``; spelled decades: "the nineties" -> the latest such decade begun by the DCT
  (``'199'``; "in her early nineties" is an age, not a date). "2 1/2 years" -> ``'P2Y6M'``,
  "5 1/2 hours" -> ``'PT5H30M'``; quarters of a duration are months ("three quarters" ->
  ``'P9M'``).
* "for the year ended Aug. 31", "the fiscal year ending June 30" -> ``'P1Y'`` (DURATION); a
  rate ("700 seats a week", "$1.76 a year") is no duration; "holders of record Dec. 21" is a
  deadline (future) cue.
* Durations in decades are written in years ("two decades" -> ``'P20Y'``, "decades-long" ->
  ``'PXY'``); "a day-long meeting" -> ``'P1D'``; "two more weeks" -> ``'P2W'``. "April 24 and
  25": the joined day takes the month and year. "the week of March 6" -> that ISO week;
  "Easter week" -> the ISO week of that Easter. Future cues also include "would still be
  ...", "were planning/expected ...", "may/might be ...", "set/scheduled for". A deadline
  ("by Jan. 14") is ahead unless its day fell in the week before the DCT. A bare month with no
  tense cue at all takes the reading nearest to the DCT (ties go to the past). "a second
  betrayal" (ordinal), "60 Minutes" (a title) and "at the time of <event>" are no mentions.
* "a decade ago" is the year ten years before (approximate), like "ten years ago"; "today's
  youth", "in today's world" (present-day) and a model year ("his 1987 Chevrolet") are no
  dates; "N days later" after a span in the same sentence ("within 14 days ..., seven days
  later") counts from that span's unknown end. "N units later/earlier" with no date to count
  from is the duration alone, as TimeML annotates it ("A few days later" -> "A few days",
  ``'PXD'``); no date is guessed.
* Round 3: a deadline named after the date ("set Nov. 10 as the deadline") or moved to it
  ("extend its bid ... to Nov. 6") is ahead, one in the past perfect ("had been due to expire
  Friday", "had filed reports by Wednesday") is behind, and a fronted "Until Thursday, ..."
  takes the main clause's tense; "last week after ..." stays deictic ("the day after <event>" has no
  date); "'80s" is the latest such decade begun by the DCT; "a week or so ago", "a minute and
  a half" (``'PT1M30S'``), "the last half of 1989" (``'1989-H2'``), "the day before/after
  <day>", a clock time before "(0735 GMT) Friday" (that Friday), "the next morning"/"that
  night"/"that same day" (from the previous date), a bare "nineteen ninety-six", "will one
  day"/"may soon" (``FUTURE_REF``); "soon" in a past clause, a quoted title ("This Week"),
  "USA Today", "of tomorrow" are no mentions; "next to" is no future cue, "slated" is one.
* ``timex3_view`` gives the mentions as TimeML annotates them (what ``to_timeml`` writes and
  the bench scores): a range in words ("between 1994 and 1997", "from 5 to 9 June 2022") is
  two TIMEX3 points; the event layer keeps the one range with ``end_value``.
* Named periods come from the gazetteer ``extract/data/periods.yaml``: "the 44-day war" ->
  ``value='2020-09-27'``, ``end_value='2020-11-10'``, ``period='karabakh-war-2020'``.
* Filters: lowercase month words ("may", "march") are never dates; a bare "May" needs a
  preposition-like word before it ("in May") and is rejected after a capitalized name ("Theresa
  May"); percentages, money, ordinals ("75th birthday", "second-largest"), numbers with
  thousands separators and bare clock times without a date are not dates; a weekday that names a
  newspaper ("Sunday Times") is not a date.

``mention_span`` maps a mention to ``(date, end, approximate)`` for the event layer: decades
become their years ("2010s" -> 2010..2019; EARLY -> 2010..2013, MID -> 2013..2016, LATE ->
2017..2019, approximate); quarters/halves/seasons/weeks become month or day ranges (seasons
are approximate; winter is taken as December..February of the next year); early/mid/late on a
year or month keep that year or month, marked approximate: "late 2020" is ``2020`` approximate,
"the final days of ... November 2020" is ``2020-11`` approximate — never months or days the text
did not give.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

log = logging.getLogger(__name__)

__all__ = [
    "DateMention",
    "find_dates",
    "tense_at",
    "mention_span",
    "to_timeml",
    "timex3_view",
    "mention_json",
    "load_periods",
    "TIMEX3_VALUE_RE",
]

PERIODS_FILE = Path(__file__).parent / "data" / "periods.yaml"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    type: str
    precision: str
    end_value: str | None = None
    approximate: bool = False
    relative: bool = False
    mod: str | None = None
    period: str | None = None


# The grammar of TIMEX3 values this module emits (used by tests and to_timeml).
TIMEX3_VALUE_RE = re.compile(
    r"""^(?:
        (?:\d{4}|XXXX)(?:-(?:
            (?:\d{2}|XX)(?:-\d{2}(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)?
          | Q[1-4] | H[12] | SU | SP | FA | WI
          | W(?:\d{2}|XX)(?:-[1-7](?:T(?:MO|AF|EV|NI))?|-WE)?
        ))?
      | \d{3} | \d{2}
      | P(?:[\dX]+(?:\.\d+)?[YMWDQEC])+
      | PT(?:[\dX]+(?:\.\d+)?[HMS])+
      | PRESENT_REF | PAST_REF | FUTURE_REF
    )$""",
    re.X,
)

# --------------------------------------------------------------------------------------------
# vocabulary
# --------------------------------------------------------------------------------------------
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
_NUMS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "half a": 0.5, "a half": 0.5,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}
_VAGUE = {"a few", "few", "several", "many", "some", "a number of", "numerous", "a couple of"}
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
        "4th": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_UNIT = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "fortnight": ("W2", False),
    "weekend": ("WE", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("E", False), "century": ("C", False),
    "centurie": ("C", False),
}

_MON = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))")
_WD = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|"
       r"Thur|Thu|Fri|Sat|Sun)(?:\.|\b)")
_WDFULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?<![\d$€£.,])(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|\s*(?:%|per\s?cent))"
_NUMW = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
         r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
         r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
         r"(?:a|one)\s+hundred|hundred|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few|several|"
         r"many|some|a\s+number\s+of|numerous|half\s+a|an?|\d+(?:\.\d+)?(?:\s+1/2)?)")
_UNITW = (r"(?:second|minute|hour|day|night|week|fortnight|weekend|month|quarter|year|decade|"
          r"century|centurie)")
_TIME = (r"(?:\s*(?:[-–—,|@]|at)?\s*(?P<hh>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)(?!\d)"
         r"(?::[0-5]\d)?(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?|[AP]\.?\s?M\b\.?))?)?")
# (the lookahead is a one-character test of the first letter: a failing position costs one
# test instead of every alternative; the same in _APPROXP and the SET rule)
_MODP = (r"(?:(?=(?i:[tvelmbscfaw]))"
         r"(?P<mod>(?i:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle|"
         r"(?:beginning|start|end|middle|close|turn|first\s+half|second\s+half|first\s+days|"
         r"final\s+days|last\s+days|closing\s+days|final\s+weeks|last\s+weeks|first\s+weeks|"
         r"final\s+months|last\s+months|early\s+days|spring|summer|autumn|fall|winter)\s+of)))"
         r"(?:\s+|-)(?i:the\s+)?)?")
_APPROXP = (r"(?:(?=(?i:[arcs]))(?P<approx>(?i:about|around|circa|c\.|approximately|roughly|"
            r"some\s+time\s+in))\s+)?")

_MOD_WORDS = {
    "early": ("EARLY", True), "earlier": ("EARLY", True), "late": ("LATE", True),
    "later": ("LATE", True), "mid": ("MID", True), "middle": ("MID", True),
    "beginning": ("START", True), "start": ("START", True), "end": ("END", True),
    "close": ("END", True), "turn": ("END", True), "first half": ("EARLY", True),
    "second half": ("LATE", True), "latter half": ("LATE", True), "first days": ("START", True),
    "final days": ("END", True),
    "last days": ("END", True), "closing days": ("END", True), "final weeks": ("END", True),
    "last weeks": ("END", True), "first weeks": ("START", True), "final months": ("END", True),
    "last months": ("END", True), "early days": ("START", True),
}


def _mod_of(s: str | None) -> tuple[str | None, bool]:
    if not s:
        return None, False
    s = re.sub(r"\s+", " ", s.lower()).strip()
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"^very ", "", s)
    s = re.sub(r" of$", "", s)
    if s in _SEASONS:
        return None, True
    return _MOD_WORDS.get(s, (None, True))


# --------------------------------------------------------------------------------------------
# the grammar: (name, regex, priority). Longest match wins; priority breaks ties.
# --------------------------------------------------------------------------------------------
# a model year ("Kopp's 1987 Chevrolet Cavalier"; not "in 1987 Ford sold") is no date
_MODEL_YEAR = re.compile(r"\s+(?:Chevrolet|Chevy|Ford|Toyota|Honda|Nissan|Buick|Cadillac|"
                         r"Dodge|Pontiac|Oldsmobile|Chrysler|Plymouth|Volkswagen|Mercedes|BMW|"
                         r"Volvo|Jeep|Mazda|Subaru|Hyundai|Porsche|Saab|Audi)\b")
_MODEL_YEAR_LEFT = re.compile(r"(?i)(?:\b(?:a|an|the|his|her|its|their|our|my|your)|'s?)\s+\Z")


def _c(p: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(p, flags)


# after a month-day, a number after a comma that may be its year (not one of 1600-2099: "May
# 5, 1500") or the next day of a list ("May 20, 21 and 22"); "On March 1, 40 jets arrived" is
# a count
_NO_YEAR_AFTER = (r"(?!\s*,\s*(?:\d{3,}|'\d\d\b|\d{1,2}(?:st|nd|rd|th)?\s*(?:,|and\b|&|or\b|"
                  r"[-–]|\Z)))")

_RULES: list[tuple[str, re.Pattern[str], int]] = [
    # Tuesday, May 30, 2023 [13:55]
    ("mdy", _c(r"(?<!\w)"
               rf"(?:(?P<wd>{_WD}),?\s+)?{_MODP}(?P<mon>{_MON})\s*(?P<day>{_DAY})(?:\s*,\s*|\s+)"
               rf"(?P<year>{_YEAR}){_TIME}"), 5),
    # 30 May 2023 [- 13:55]; the 4th of October, 2022
    ("dmy", _c(r"(?<!\w)"
               rf"(?:(?P<wd>{_WD}),?\s+)?(?:(?i:the)\s+)?(?P<day>{_DAY})(?:\s+(?i:of))?\s*[-\s]"
               rf"(?P<mon>{_MON}),?[-\s]\s*(?P<year>{_YEAR}){_TIME}"), 5),
    # a day, a month and a two-digit year: "12 Mar 24:" (a dateline), "5 June 23," (not "12
    # March 24 soldiers": the year must end the phrase)
    ("dmyy", _c(rf"(?<![\w'])(?P<day>{_DAY})\s+(?P<mon>{_MON})\s+(?P<yy>\d\d)"
                rf"(?=\s*[:;,)]|\s*$|\s+[-–—]\s)", re.M), 5),
    # a month and a year with an apostrophe: "March '23", "in Oct. '22"
    ("myy", _c(rf"(?<!\w)(?P<mon>{_MON})\s+['’](?P<yy>\d\d)\b"), 5),
    # May 30 / Tuesday, May 30 (no year)
    ("md", _c(rf"(?<!\w)(?:(?P<wd>{_WD}),?\s+)?(?:(?P<rel>(?i:last|next))\s+)?{_MODP}"
              rf"(?P<mon>{_MON})\s*(?P<day>{_DAY})"
              rf"(?!\s*(?:[/:]\s*)?\d){_NO_YEAR_AFTER}(?!\s*(?:%|percent))"), 4),
    # a month (day) of a year named from the last date: "on Feb. 20 of the following year",
    # "in March of that year", "20 February of the previous year"
    ("monof", _c(rf"(?<!\w)(?:(?:(?P<day1>{_DAY})\s+(?:(?i:of)\s+)?)?(?P<mon>{_MON})"
                 rf"(?:\s*(?P<day2>{_DAY}))?,?\s+(?i:of)\s+(?P<ofy>(?i:the\s+following|the\s+"
                 r"previous|the\s+next|the\s+same|that))\s+(?i:year)\b(?!['’-]))"), 5),
    # 4 October / the 4th of October (no year)
    ("dm", _c(rf"(?<!\w)(?:(?P<wd>{_WD}),?\s+)?(?:(?i:the)\s+)?(?P<day>{_DAY})(?:\s+(?i:of))?\s+"
              rf"(?P<mon>{_MON})(?!\s*\d(?!\d*\s+[a-z]{{2,}})){_NO_YEAR_AFTER}"), 4),
    # December 2016, Nov 2020, early 2021 ... (month + year)
    ("my", _c(r"(?<!\w)"
              rf"{_MODP}(?P<mon>{_MON}),?\s+(?:(?i:of)\s+)?(?P<year>{_YEAR})(?![-–/]\d)"), 4),
    # year-month-day ISO (and compact yyyymmdd)
    # (also with dots: "2023.06.04")
    ("iso", _c(r"(?<![\d./-])(?P<year>1[6-9]\d\d|20\d\d)(?P<sep>[-.])(?P<mon>0[1-9]|1[0-2])"
               r"(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)"
               r"(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d/-]|\.\d)"), 6),
    ("compact", _c(r"(?<![\d.,$])(?P<year>19\d\d|20\d\d)(?P<mon>0[1-9]|1[0-2])"
                   r"(?P<day>0[1-9]|[12]\d|3[01])(?![\d%])"), 6),
    # 05 / 10 / 2022, 05.10.2022, 11/02/89
    ("num", _c(r"(?<![\d./:$-])(?P<a>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*"
               r"(?P<year>\d{4}|\d{2})(?![\d%]|[./-]\d)" + _TIME), 6),
    # 2023/05/30 stamps: parsed by dateparser (cached)
    ("ymdslash", _c(r"(?<![\d/.])(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
                    r"(?![\d/])"), 6),
    # year ranges
    ("yrange", _c(rf"(?<!\w)(?:(?P<kw>(?i:between|from))\s+)?(?:(?i:the\s+(?:years?|period)\s+))?"
                  rf"(?:FY\s?)?(?P<y1>{_YEAR})\s*(?P<sep>[-–—]|/(?=\d\d\b)|\s(?i:to|and|until|till|"
                  rf"through|thru)\s)\s*(?P<y2>(?:1[6-9]|20)\d\d|\d\d)(?![\d%]|[.,]\d|s\b)"), 5),
    # a fiscal year written with two digits: "FY24", "FY 2023-24" is a yrange, "FY23-24"
    ("fy2", _c(r"(?<!\w)FY\s?'?(?P<yy>\d\d)(?:\s*[-–/]\s*(?P<yy2>\d\d))?(?![\d%]|[.,]\d)"), 5),
    # decades: the 1990s, the early 2010s, the '90s
    ("decade", _c(r"(?<!\w)"
                  rf"{_MODP}(?:(?i:the)\s+)?(?:(?P<cen>1[6-9]|20)(?P<dec>\d)0|'(?P<dec2>\d)0)s\b"),
     5),
    # centuries: "the 20th century", "the early nineteenth century" (TIMEX3 value '19', '18')
    ("century", _c(rf"(?<!\w){_MODP}(?:(?i:the)\s+)?(?P<n>[1-9]|1\d|2[01])(?i:st|nd|rd|th)[-\s]+"
                   r"(?i:century)\b|(?<!\w)" + _MODP.replace("<mod>", "<mod2>") +
                   r"(?:(?i:the)\s+)?(?P<w>(?i:(?:twenty-)?first|(?:twenty-)?second|third|fourth|"
                   r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                   r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))"
                   r"[-\s]+(?i:century)\b"), 5),
    # spelled decades: "the nineties", "the early eighties" (the latest such decade before the DCT)
    # ("the" is required: "in her early nineties" is an age)
    ("decadew", _c(r"(?<!\w)(?i:the)\s+(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
                   r"(?P<w>(?i:twenties|thirties|forties|fifties|"
                   r"sixties|seventies|eighties|nineties))\b"), 4),
    # quarters
    ("quarter", _c(r"(?<!\w)"
                   rf"(?:(?i:the)\s+)?(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|"
                   rf"final|last|latest|current|past|previous|next|this|coming|same|fiscal|"
                   rf"year-ago|year-earlier))[-\s]+(?:(?i:fiscal|calendar)[-\s]+)?(?i:quarter)"
                   rf"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<y>{_YEAR}))?"
                   rf"|(?P<q>(?:Q|q)[1-4])(?:\s+|/|-)?(?P<y2>{_YEAR})?"
                   rf"|(?P<y3>{_YEAR})\s*-?\s*(?P<q2>Q[1-4]))(?![\w-])"), 4),
    # a quarter of a year named relative to the DCT or the last date: "the second quarter of
    # next year", "the final quarter of last year", "the third quarter of that year"
    ("qrel", _c(r"(?<!\w)(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|"
                r"4th|final|last))[-\s]+(?i:quarter)\s+(?i:of)\s+(?P<ry>(?i:this|last|next|"
                r"the\s+current|the\s+past|the\s+coming|that)\s+year)\b(?!['’-])"), 4),
    # a quarter named through a year: "the 1988 second quarter", "last year's quarter",
    # "the year-ago third quarter", "the 1989 period" (the quarter under discussion)
    ("qyear", _c(rf"(?<!\w)(?:(?i:the)\s+)?(?:(?P<yp>(?i:this|last|next))\s+year's|"
                 rf"(?P<ya>(?i:year-ago|year-earlier|prior-year|year-before))|(?P<y>{_YEAR}))\s+"
                 rf"(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s]+)?"
                 rf"(?P<u>(?i:quarter|period))\b(?![-\w])"), 4),
    # the reporting period of a financial report: "the quarter", "the latest period",
    # "the year-earlier period", "the corresponding period last year"
    ("qthe", _c(r"(?<!\w)(?i:the)\s+(?:(?P<adj>(?i:latest|most\s+recent|recent|same|"
                r"comparable|corresponding|just-ended))\s+)?(?:(?P<ya>(?i:year-ago|year-earlier|"
                r"prior-year|year-before))\s+)?(?P<u>(?i:quarter|period))\b(?![-\w])"
                r"(?:\s+(?P<ly>(?i:last\s+year|a\s+year\s+(?:ago|earlier)|of\s+last\s+year)))?"),
     3),
    # "a year-earlier loss", "year-ago results": the same period a year before
    ("yago", _c(r"(?<![\w-])(?P<w>(?i:year-earlier|year-ago))(?!\s+(?i:quarter|period|"
                r"first|second|third|fourth)\b)(?![\w-])"), 2),
    # halves
    ("half", _c(rf"(?<!\w)(?:(?:(?i:the)\s+)?(?P<ord>(?i:first|second|1st|2nd|last))[-\s]+"
                rf"(?i:half)(?:\s+(?i:of)\s+(?P<y>{_YEAR})|(?=\s+(?i:profit|results|earnings|"
                rf"sales|revenue|net|loss)))"
                # "H2 2022", "2022 H1" (the financial notation)
                rf"|(?P<h>H[12])(?:\s+|/|-)?(?P<hy>{_YEAR})|(?P<hy2>{_YEAR})\s*-?\s*"
                rf"(?P<h2>H[12]))(?![\w-])"), 4),
    # seasons
    ("season", _c(rf"(?<!\w)(?:(?P<rel>(?i:last|next|this|past|coming|early|late|mid|the))[-\s]+)?"
                  rf"(?P<s>(?i:spring|summer|autumn|winter|fall))\b(?:\s+(?:(?i:of)\s+)?"
                  rf"(?:(?P<y>{_YEAR})|(?P<ry>(?i:last|this|next))\s+(?i:year)\b))?"), 3),
    # year alone, with modifiers: in 2016, early 2021, mid-2021, about 2015, fiscal 1990
    ("year", _c(rf"(?<!\w){_MODP}{_APPROXP}(?:(?P<fy>(?i:fiscal(?:\s+year)?|FY|the\s+year))\s*)?"
                rf"(?P<year>{_YEAR})(?!\s*-?\s*(?i:pound|lb|kg|ton|tonne|mm|cm|km|mile|hp|rpm|"
                rf"kilogram|metre|meter|foot|feet)|\s*[-–—]\s*\d|s\b|'s\b|\s*(?:-|\s)(?i:year|million|"
                rf"billion|thousand|troops|soldiers|people|units|tons|km|kilomet|dollars|"
                rf"euros|members|times)\b)"), 2),
    # a month with a year named relative to the DCT: "June last year", "in February this year",
    # "early April next year"
    ("monrel", _c(rf"(?<!\w){_MODP}(?P<mon>{_MON})\s+(?:(?i:of)\s+)?(?P<rel>(?i:this|last|next))"
                  r"\s+(?i:year)\b(?![-'])"), 4),
    # bare/relative month names: last October, in May, the March opening, early December
    ("month", _c(rf"(?<!\w)(?:(?P<rel>(?i:last|next|this|past|coming|previous))\s+)?{_MODP}"
                 rf"(?P<mon>{_MON})(?!\.?\s*\d)(?!-)"), 2),
    # spelled-out years (speech transcripts): "January nineteen ninety-seven", "in nineteen
    # eighty", "the winter of nineteen ninety-four", "the year two thousand"
    ("spyear", _c(r"(?<!\w)(?:(?P<mon>" + _MON + r")\s+|(?i:the\s+)?(?P<s>(?i:spring|summer|"
                  r"autumn|fall|winter))\s+(?i:of)\s+|(?P<pre>(?i:in|since|of|until|by|from|"
                  r"the\s+year))\s+)?(?P<y>(?i:(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|"
                  r"fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|"
                  r"eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                  r"eighteen|nineteen|hundred|oh[\s-]+(?:one|two|three|four|five|six|seven|eight|"
                  r"nine))|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|"
                  r"eight|nine|ten))?))\b"), 4),
    # holidays: "Thanksgiving Day", "last Christmas", "on New Year's Eve", "Election Day"
    ("holiday", _c(r"(?<!\w)(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>(?:Orthodox\s+)?(?:"
                   r"Christmas(?:\s+(?:Day|Eve))?|"
                   r"New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|"
                   r"Halloween|Valentine's\s+Day|Boxing\s+Day|Labor\s+Day|Memorial\s+Day|"
                   r"Veterans\s+Day|Election\s+Day|Victory\s+Day|Bastille\s+Day|"
                   r"Defender\s+of\s+the\s+Fatherland\s+Day))(?:\s+(?P<wk>(?i:week)))?"
                   r"(?![\w'-])"), 3),
    # a clock time attached to a day: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9",
    # "9 a.m. tomorrow" (TIME, 'YYYY-MM-DDTHH:MM')
    ("clockday", _c(r"(?<![\w:.])(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*"
                    r"(?P<ap>[ap])\.?\s?m\b\.?|(?P<nm>(?i:noon|midnight|midday)))(?:\s+(?:[ECMP][SD]T|GMT|local\s+time))?"
                    r",?\s+(?:(?i:on)\s+)?(?:(?P<wd>" + _WDFULL + r")(?!'s)|(?P<mon>" + _MON +
                    r")\s*(?P<day>" + _DAY + r")(?!\s*,?\s*\d)|(?P<dx>(?i:today|yesterday|"
                    r"tomorrow))\b)"), 5),
    # the n-th weekday of a month: "the last Sunday of July", "the first Monday in October 2024"
    ("nthwd", _c(rf"(?<!\w)(?:(?i:the)\s+)?(?P<n>(?i:first|second|third|fourth|fifth|last|1st|"
                 rf"2nd|3rd|4th|5th))\s+(?P<wd>{_WDFULL})\s+(?i:of|in)\s+(?P<mon>{_MON})"
                 rf"(?:,?\s+(?P<y>{_YEAR}))?"), 4),
    # weekdays
    ("weekday", _c(r"(?<!\w)"
                   rf"(?:(?P<rel>(?i:last|next|this|past|coming|early|late|earlier|later))\s+)?"
                   rf"(?:(?P<wd>{_WDFULL})(?!s\b)|(?P<wdp>{_WDFULL[:-2]})s\b(?!['’]))"
                   rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night))(?P<pods>s\b)?)?"
                   rf"(?:\s+(?:(?i:of)\s+)?(?P<wk>(?i:last|next|this))\s+(?i:week)\b)?"),
     3),
    # deictic words
    ("deictic", _c(r"(?i:\b(?:the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|today|"
                   r"tonight|yesterday|tomorrow|(?:this|last|yesterday|tomorrow)\s+"
                   r"(?:morning|afternoon|evening|night)|overnight)\b)(?:'s)?"), 3),
    # the day of speaking named as such: "It is a historic day for Poland", "It's the second
    # day of the offensive", '... said it was "a great day"' (the mention is the noun phrase)
    ("dayis", _c(r"\b(?P<subj>(?i:it|this))(?P<cop>['’]s|\s+(?i:is|was|has\s+been))\s+"
                 r"[\"“`']*(?P<np>(?i:a|an|the)\s+(?:(?i:(?:\d+|[a-z]+)(?:st|nd|rd|th)|[a-z]+ly|great|"
                 r"good|bad|sad|dark|black|big|proud|happy|historic|historical|momentous|tragic|"
                 r"terrible|special|important|significant|solemn|difficult|busy|long|landmark|"
                 r"new|key|crucial|fine|glorious|joyful|shameful|painful|grim|red-letter)\s+)"
                 r"{0,2}(?i:day))\b(?![-'’])(?=\s*(?:[.,;:!?\"”’)]|--|—|"
                 r"(?i:for|of|in|to|and|when|that|which|as)\b|\Z))"), 3),
    # "by mid-afternoon", "late evening", "mid-afternoon yesterday": a part of the day under
    # discussion (the last day named nearby, else the DCT's; see _resolve)
    ("midpod", _c(r"(?i:\b(?P<pre>mid|early|late)[-\s]?(?P<pod>morning|afternoon|evening)\b"
                  r"(?![-'’])(?:\s+(?P<day>yesterday|today|tomorrow)\b)?)"), 3),
    # "The day before, Russian drones had struck Odesa": the day next to the last date named
    ("daybefore", _c(r"(?i:\b(?:the\s+)?day\s+(?P<d>before|after)\b(?=\s*[,.;:!?)]))"), 3),
    # a part of the day named from the previous date: "the next morning", "that night"
    ("podrel", _c(r"(?i:\b(?P<rel>the\s+next|the\s+following|the\s+previous|that\s+same|"
                  r"that|the\s+same)\s+(?P<pod>morning|afternoon|evening|night))\b(?!')"), 3),
    ("ref", _c(r"\b(?P<w>(?i:right\s+now|now|nowadays|currently|at\s+present|presently|"
               r"at\s+the\s+moment|these\s+days|recently|lately|(?:in\s+)?the\s+past(?!\s+(?:two|"
               r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|a\s+few|few|"
               r"a\s+couple|couple|dozen|half)\b)|"
               r"the\s+future|soon|in\s+the\s+near\s+future|the\s+near\s+future|once\s+again|"
               r"current|recent|former|previously|to\s+date))\b(?!\s+(?i:of\b|years|months|weeks|"
               r"days|decades|quarters|times|centuries|\d))"), 1),
    # this year / last month / next week / the following day / that year ...
    ("relunit", _c(r"(?i:\b(?:(?P<modof>the\s+(?:very\s+)?(?:beginning|start|end|middle|close|"
                   r"first\s+half|second\s+half|latter\s+half|rest|remainder|balance)\s+of)\s+)?"
                   r"(?:(?P<early>earlier|later|early|late)\s+)?(?P<rel>this|last|next|"
                   r"past|previous|coming|current|the\s+current|the\s+previous|the\s+next|"
                   r"the\s+following|the\s+same|that\s+same|that|the\s+prior|the\s+preceding)\s+"
                   r"(?P<unit>day|week|weekend|month|year|quarter|decade|century|fiscal\s+year)"
                   r")\b(?!-|s\b|\s+(?:ago|later|earlier)\b)"), 3),
    # the year, month or week under discussion: "by the end of the year", "the first half of
    # the month", "earlier in the year", "later in the day", "by year-end", "the first nine
    # months of the year"
    ("partof", _c(r"(?=[tTeElLyYmM])(?i:\b(?P<part>the\s+(?:very\s+)?(?:beginning|start|end|"
                  r"middle|close|turn|first\s+half|second\s+half|latter\s+half|rest|remainder|"
                  r"balance))\s+of\s+the\s+(?P<unit>year|month|week|decade|century)\b(?![-'’])"
                  r"|\b(?P<el>earlier|later)\s+in\s+the\s+(?P<unit2>year|month|week|day)\b"
                  r"(?![-'’])"
                  r"|(?:(?<=\bby\s)|(?<=\bat\s)|(?<=since\s)|(?<=until\s)|(?<=before\s)|"
                  r"(?<=after\s)|(?<=around\s)|(?<=toward\s)|(?<=towards\s)|(?<=through\s))"
                  r"(?P<ye>year|month)(?:[-\s]|['’]s\s+)end\b(?![-'’]|\s+(?:bonus|results|"
                  r"figures|net|profits?|sales|earnings|holiday|review)\b)"
                  r"|(?:(?<=\bmonths\sof\s)|(?<=\bweeks\sof\s)|(?<=\bquarters\sof\s)|"
                  r"(?<=\bfor\s))(?P<y2>the\s+(?:full\s+)?year)\b(?![-'’]|\s+(?:ended|ending|"
                  r"before|after|to|of|in|when|that|which|since)\b))"), 3),
    # "the week before last", "the month after next" (two units from the DCT's)
    ("beforelast", _c(r"(?=[tT])(?i:\bthe\s+(?P<unit>week|month|year)\s+(?P<dir>before\s+last|"
                      r"after\s+next)\b)"), 3),
    # "the following Monday", "the previous Friday": that weekday after or before the last
    # date named
    ("wdrel", _c(r"(?<!\w)(?P<rel>(?i:the\s+(?:following|previous|preceding|prior)))\s+"
                 rf"(?P<wd>{_WDFULL})(?!s\b|')"), 3),
    # "over the weekend", "this weekend", "last weekend" (the TIMEX3 week value + '-WE')
    ("weekend", _c(r"(?<!\w)(?P<rel>(?i:the|this|last|next|past|coming))\s+(?i:weekend)\b"
                   r"(?!s\b)"), 3),
    ("backthen", _c(r"(?i:\b(?:back\s+then|at\s+the\s+time|at\s+that\s+time|by\s+then|"
                    r"until\s+then))\b"), 3),
    # durations, "N units ago/later", "the past three months", "two-year", "recent months"
    ("dur", _c(rf"(?<!\w)(?i:(?:(?P<the>the\s+)?(?P<dir>past|last|next|first|previous|coming|final|"
               rf"following|latest|recent|remaining|initial|early)\s+)?(?:(?P<appr>about|around|"
               rf"nearly|almost|roughly|some|more\s+than|less\s+than|at\s+least|over|up\s+to|"
               rf"approximately|just\s+over|just\s+under|no\s+more\s+than|under|within|"
               rf"only)\s+)?(?P<num>{_NUMW})(?:\s+more)?(?P<hy>[-\s]+)(?P<unit>{_UNITW})(?P<pl>s)?\b"
               rf"(?P<half>\s+and\s+a\s+half\b)?"
               rf"(?P<post>\s+(?:ago|later|earlier|afterwards?|from\s+now|hence|"
               rf"or\s+so(?:\s+(?:ago|later|earlier))?|old)\b)?)(?!-old)"), 2),
    ("durvague", _c(r"(?i:\b(?P<pre>recent|the\s+coming|coming|the\s+past\s+few|the\s+next\s+few|"
                    r"the\s+last\s+few|the\s+past|the\s+last|the\s+recent|"
                    r"the\s+following)\s+(?P<unit>day|week|month|year|decade|quarter)s\b)"), 2),
    # "a day-long meeting", "a decades-long battle": a duration as an adjective
    ("durlong", _c(r"(?<![\w-])(?P<unit>(?i:second|minute|hour|day|night|week|month|year|decade|"
                   r"century|centurie))(?P<pl>s)?-(?i:long)\b(?!-)"), 2),
    # "the week of March 6": the ISO week of that day
    ("weekof", _c(rf"(?<!\w)(?i:the\s+week\s+of)\s+(?P<mon>{_MON})\s*(?P<day>{_DAY})"
                  rf"(?:,?\s+(?P<year>{_YEAR}))?(?!\s*(?:[,/:]\s*)?\d)"), 5),
    # a reporting year: "for the year ended March 31", "in the fiscal year ending June 30"
    ("fyear", _c(r"(?<!\w)(?i:the\s+(?:fiscal\s+|full\s+)?year)(?=\s+(?i:ended|ending)\b)"), 3),
    # "for weeks", "for years": a duration of unknown length (the plural unit alone)
    ("durbare", _c(r"(?<=\b[Ff]or\s)(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades|"
                   r"centuries))\b"
                   r"(?!\s+(?i:of|to\s+come|ago|later|earlier|before|after|now)\b)"), 2),
    ("durunit", _c(r"(?i:\b(?P<the>the\s+)(?P<dir>past|last|next|previous|coming|following)\s+"
                   r"(?P<unit>day|week|month|year|decade|quarter|century)\b(?!s|-))"), 2),
    # sets
    ("set", _c(rf"(?i:\b(?=[epdwmayhqnbot\d])(?:(?P<q>every|each|per)\s+(?:(?P<other>other)\s+)?"
               rf"(?:(?P<num>{_NUMW})"
               rf"\s+)?(?P<unit>{_UNITW}s?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
               rf"Sunday|January|February|March|April|May|June|July|August|September|October|"
               rf"November|December|spring|summer|autumn|fall|winter)(?:(?<=[a-z]day)\s+"
               rf"(?P<spod>morning|afternoon|evening|night)(?!s))?|(?P<adv>daily|weekly|"
               rf"monthly|annually|yearly|hourly|quarterly|nightly|biannually|biweekly)|"
               rf"(?P<times>once|twice|three\s+times|\d+\s+times)\s+(?:a|an|per)\s+"
               rf"(?P<unit2>{_UNITW}))\b)"), 3),
]

_FUT_RE = re.compile(
    r"(?i)\b("
    # a modal verb group or a to-infinitive with its verb: 'will be paid', 'would extend',
    # 'to be completed', 'could come' (the verb's -ed form is then no past cue); first, so
    # that the whole group (ending at its verb) is the cue
    r"(?:will|would|shall)\s+(?:(?:still|also|not|never|now|then|probably|likely|soon|only|"
    r"already|again|further|formally|finally|eventually)\s+)?(?:be\s+|get\s+)?[a-z]+|"
    # 'is to be signed', a modal passive or verb ('must be submitted', 'should arrive', 'can
    # be signed', lowercase 'may close': not the month), 'has to complete', 'does not expect'
    r"(?:is|are)\s+to\s+be\s+[a-z]+|"
    r"(?:should|must|can|(?-i:may))\s+(?:not\s+)?(?:[a-z]+ly\s+)?(?:be\s+)?[a-z]+|"
    r"(?:has|have)\s+to\s+[a-z]+|expect\b|"
    # a wish for something done: "wants the tanks delivered in June"
    r"(?:wants?|needs?|hopes?\s+to\s+have|would\s+like)\s+(?:[\w'-]+\s+){1,4}?[a-z]+ed\b|"
    # future in the past ('were planning to', 'was expected to') and 'may/might be ...'
    r"(?:was|were)\s+(?:planning|preparing|expected|scheduled|due|set)\b|"
    r"(?:may|might)\s+(?:[a-z]+ly\s+)?be\s+[a-z]+|(?:set|scheduled)\s+for|"
    # a possibility ahead: "could be sent", "might come" ("could not", "could have" are not)
    r"might\s+(?:not\s+)?(?:be\s+|get\s+)?[a-z]+|"
    r"could\s+(?!not\b|have\b)(?:[a-z]+ly\s+)?(?:be\s+|get\s+)?[a-z]+|"
    r"ahead\s+of(?!\s+(?:schedule|time|plan|the\s+curve)\b)|"
    r"to\s+be\s+[a-z]+|(?:is|are)\s+[a-z]+ing|expects?\s+to|hopes?\s+to|"
    r"as\s+(?:soon|early)\s+as|between\s+now\s+and|from\s+(?:now|today)|expects|expecting|"
    r"will|won't|wo\s+n't|'ll|shall|going\s+to|scheduled|expected\s+to|is\s+expected|"
    r"are\s+expected|due\s+to\s+(?:be\s+[a-z]+|begin|start|arrive|visit|take|hold|meet|open|"
    r"vote)|"
    r"(?=p)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bour\s)"
    r"(?<!\btheir\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\bnew\s)(?<!'s\s)"
    r"plans?\s+to(?!\s+(?:(?-i:[A-Z])|(?:the|a|an|his|her|its|their|our|this|that|these|"
    r"those)\b))|"
    r"planned|planning|slated|set\s+to|is\s+to|are\s+to|"
    r"(?<!-)next(?!\s+to\b|[-\s]+gen(?:eration)?\b)|upcoming|heading|"
    r"intends?\s+to|to\s+(?:visit|hold|meet|sign|begin|start|travel|attend|arrive|take\s+place|"
    r"open|launch|vote|decide|announce|deliver)|deadline|forthcoming)\b")
# past cues: -ed forms, irregular past forms and report words (compiled as a prefix tree
# below, after _prefix_tree: one test per position instead of one per word)
_PAST_WORDS = (
    "said says was were had did came took made went began met held told saw gave left won lost "
    "sold bought paid rose fell ago last earlier became brought signed spoke wrote got led ran "
    "sent struck hit shot set closed reported since sank sunk fought flew drove chose stole "
    "broke withdrew drew grew threw knew fled kept felt spent built lent caught sought taught "
    "thought stood understood laid overran underwent oversaw froze hid shook swore tore dealt "
    "meant dug hung stuck spun bled fed").split()
_FUT_WORDS_ED = {"scheduled", "expected", "planned", "slated"}
# words ending in -ed that are not past verbs here: nouns, numbers and the adjectives of
# defence and business news ('armed forces', 'guided missiles', 'preferred shares'); a cue
# after a hyphen ('Israeli-made', 'Saudi-led') is part of an adjective too
_ED_NOT_VERBS = frozenset({
    "need", "speed", "seed", "indeed", "red", "bed", "united", "limited", "based", "hundred",
    "armed", "armored", "armoured", "guided", "unguided", "preferred", "related", "listed",
    "advanced", "alleged", "detailed", "sophisticated", "integrated", "combined",
    "tracked", "wheeled", "manned", "crewed", "skilled", "experienced",
    "interested", "concerned", "supposed", "sacred", "naked", "wicked", "beloved", "aged",
    "talented", "dedicated", "hatred", "kindred", "shed", "sled", "weed", "breed", "feed",
    "greed", "creed", "deed", "heed", "reed", "steed", "tweed", "embed"})

# the end of a sentence: not the period of an initial ("Daniel P. Davison"), a title
# ("Mr. Schwarz") or a month ("Oct. 5"); an abbreviation that ends a sentence is missed
_ABBR = ("Mr", "Ms", "Dr", "St", "Lt", "Jr", "Sr", "Co", "No", "Mt", "Ft", "vs",
         "Mrs", "Gen", "Col", "Sgt", "Rep", "Sen", "Gov", "Inc", "Ltd", "Adm", "Maj", "Rev",
         "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "U.S",
         "Capt", "Corp", "Sept", "Prof", "Bros", "Gens", "Cmdr")
_SENT_BREAK = re.compile(
    # nor a clock's "a.m."/"p.m." ("at 7 a.m. (0500 GMT) on Friday")
    r"(?=[.!?\n]\s)(?<![^\w.][A-Z])(?<!\b[aApP]\.[mM])" + "".join(
        "(?<!\\b(?:" + "|".join(re.escape(a) for a in _ABBR if len(a) == n) + "))"
        for n in sorted({len(a) for a in _ABBR})) + r"[.!?\n]\s")
# a deadline word right before the date: 'payable Jan. 2', 'by May', 'until Nov. 9'
_DEADLINE_RE = re.compile(r"(?i)\b(?:by|until|till|payable|expires?|expiring|effective|"
                          r"starting|deadline\s+of|due|takes\s+effect|extended\s+to|"
                          r"scheduled\s+for|set\s+for|of\s+record|(?:starting|beginning)\s+in|"
                          r"(?:no|not)\s+later\s+than|on\s+or\s+before|"
                          r"(?:is|are)\s+due\s+(?:in|for))\s+(?:on\s+)?\Z")

_HAD_RE = re.compile(r"(?i)\bhad\s+(?:been\s+)?(?:[\w,.$%-]+\s+){0,4}\Z")
# "the quarter ended Sept. 30"
_QUARTER_ENDED = re.compile(rf"\s+(?i:ended|ending)\s+(?:(?i:on)\s+)?(?P<mon>{_MON})\s*"
                            rf"(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?")
# a deadline named after the date: 'set Nov. 10 as the deadline', 'the Nov. 10 deadline'
_DEADLINE_AFTER = re.compile(r"(?i)\s+(?:as\s+(?:the|a|its|their)\s+)?deadline\b")
# a deadline moved to the date: 'would extend its bid, due to expire Friday, to Nov. 6'
_EXTEND_TO = re.compile(r"(?i)\b(?:extend|extends|extended|extending|postpone[sd]?|delay(?:s|ed)?|"
                        r"push(?:es|ed)?\s+(?:back|out)|move[sd]?(?:\s+back)?|brought\s+forward|"
                        r"bring(?:s|ing)?\s+forward|reschedule[sd]?|slip(?:s|ped)|shift(?:s|ed)|"
                        r"defer(?:s|red)|put\s+off)\b[^.;!?]{0,70}\b(?:to|until|for)"
                        r"\s+(?:(?:the\s+)?week\s+of\s+)?\Z")

# the weekdays named before a plural part of the day: "on Monday and Tuesday nights"
_WD_BEFORE_PLURAL = re.compile(rf"(?:\s*,\s*{_WDFULL})*,?\s+(?:and|or|&)\s+{_WDFULL}\s+"
                               r"(?P<pod>(?i:morning|afternoon|evening|night))s\b")

# "by mid-afternoon", "in the late evening": a part of the day as a time of its own
_MIDPOD_LEFT = re.compile(r"(?i)\b(?:by|at|in|until|till|around|from|since|before|after|through|"
                          r"during|toward|towards)\s+(?:the\s+)?\Z")

# a scheduled event told in the present: "He and Arafat meet separately Monday", "the
# council convenes on Friday" (a sentence with no other tense cue)
_SCHED_PRESENT = re.compile(r"(?i)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)"
                            r"\b(?:meets?|visits?|travels?|arrives?|convenes?|resumes?|"
                            r"begins?|opens?|holds?|hosts?|heads?\s+to|leaves?\s+for|starts?|"
                            r"ends?|closes?|kicks?\s+off|takes?\s+place|concludes?|expires?|"
                            r"wraps?\s+up|gets?\s+under\s*way)\b"
                            r"(?:\s+[\w'.-]+){0,3}?\s+(?:on\s+)?\Z")

# before "plan(s) to", what makes "plan" a noun: a determiner or adjective right before it
# ("its plans to"), a determiner and a noun before a singular "plan" ("a defence plan to
# spend", not "the ministries plan to"), or a verb whose object it is ("unveiled plans to
# build", "approved a plan to"); "The ministry plans to sign" is a verb
_DET = r"(?:a|an|the|its|his|her|their|our|this|that|these|those|new|latest|own|ambitious)"
_PLAN_NOUN_LEFT = re.compile(
    rf"(?i)(?:\b{_DET}\s+|\b(?:[a-z]{{2,}}ed|unveiled|drew\s+up|presented|outlined|approved|"
    rf"announced|has|have|had)\s+(?:{_DET}\s+)?(?:[\w-]+\s+)?)\Z")
_PLAN_SG_NOUN_LEFT = re.compile(rf"(?i)\b{_DET}\s+(?:[\w-]+\s+)?[\w-]*[^\Ws]\s+\Z")
_NEGATED = re.compile(r"(?i)\b(?:not|never|neither|nor|nobody|none|no\s+one)\b|n't")

_FORECAST = re.compile(r"(?i)\b(?:outlook|forecasts?|guidance|expects?|expected|targets?|"
                       r"projections?|estimates?|predicts?|sees)\b")

# "the first anniversary of the", "the 10th anniversary of": the count of years
_ANNIVERSARY_OF = re.compile(r"(?i)\b(?:(?P<n>first|second|third|fourth|fifth|sixth|seventh|"
                             r"eighth|ninth|tenth|twentieth|twenty-fifth|fiftieth|\d+(?:st|nd|rd|"
                             r"th))\s+)?anniversary\s+of\s+(?:the\s+|this\s+|last\s+)?\Z")
_ANNIV_N = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20,
            "twenty-fifth": 25, "fiftieth": 50}

# a number that names something: "Resolution 1973", "Brigade 1863", "Highway 1999"
_DESIGNATOR_LEFT = re.compile(r"\b(?:Resolution|Sonar|Brigade|Highway|Route|Flight|Regiment|"
                              r"Model|Type|Mark|Mk|Pattern|"
                              r"Battalion|Squadron|Division|Decree|Directive|Hill|Gate|Pier|"
                              r"Hangar|Building|Convoy|Unit)\s+\Z")
# a number before a plural noun is a count ("1800 Piorun missiles", "2000 drones a month",
# "1980 Soviet-era shells") unless a preposition or determiner makes it a year ("in 2019
# deliveries rose", "the 2022 elections", "compared with 2022 levels")
_COUNT_AFTER = re.compile(r"\s+(?:(?:[A-Z][\w-]*|[a-z]+-[a-z]+)\s+)?(?:[a-z]+\s+)?"
                          r"(?!(?:was|has|is|its|this|thus|as|us|his|plus|less|yes|across|"
                          r"always|news|series|means|status|crisis|analysis|basis|process|"
                          r"business|congress|progress|success|sees|marks|saw|shows|"
                          # nouns a year names the period of: "1990 BellSouth earnings"
                          r"earnings|results|sales|figures|levels|prices|profits|revenues|"
                          r"budgets|elections|estimates|forecasts|targets|exports|imports|"
                          r"deliveries|returns|numbers|statistics|totals|rates|costs|losses|"
                          r"gains|games|talks|polls|reforms|accounts|bonds|notes|models|"
                          r"editions|versions|plans|orders|contracts|sanctions|protests|"
                          r"operations|exercises|drills|rules|data|years|months)\b)"
                          r"[a-z]{2,}s\b")
# before a count: "more than 1900 bombs", "about 2000 drones"
_QUANT_LEFT = re.compile(r"(?i)\b(?:more\s+than|fewer\s+than|over|nearly|almost|up\s+to|"
                         r"at\s+least|some|about|around|roughly|approximately|another|of\s+the)"
                         r"\s+\Z")
# a count named before "and": "1800 Piorun missiles and 2000 launchers"
_COUNT_BEFORE = re.compile(r"\b\d[\d,.]*\s+(?:[A-Z][\w-]*\s+)?[a-z]+s\s+(?:and|or)\s+\Z")
_YEAR_LEFT = re.compile(r"(?i)(?:\b(?:in|since|by|from|until|till|of|during|before|after|between|"
                        r"through|to|with|than|versus|vs\.?|over|on|for|due|the|a|an|its|"
                        r"their|his|her|our|this|that|these|those|early|late|mid|fiscal|year|"
                        r"circa)|['’]s|[-–,(])\s*\Z")

# a habit, not one occasion: "every year in June", "usually begins in May"
_HABIT = re.compile(r"(?i)\b(?:every|each)\s+(?:year|spring|summer|autumn|fall|winter)\b|"
                    r"\b(?:annually|yearly|usually|typically|traditionally|normally|customarily|"
                    r"generally|habitually)\b")
# a rule told in the present before "the last Sunday of July": "marks", "falls on", "is held"
_GENERIC_PRESENT = re.compile(r"(?i)\b(?:marks|celebrates|commemorates|falls|fall|is\s+held|"
                              r"are\s+held|is\s+marked|is\s+celebrated|takes\s+place)\b"
                              r"[^.;,]{0,30}\Z")


def _habitual(text: str, s: int, e: int) -> bool:
    """True if the clause of the mention at [s, e) tells a habit ("every year in June",
    "typically begins in May", "from April to October each year")."""
    left = re.split(r"(?i),\s*(?:and|but|while|although|though|whereas)\b",
                    _clause_left(text, s, 90))[-1]
    right = text[e:e + 60]
    cut = _SENT_BREAK.search(right)
    right = re.split(r"[;,]", right[:cut.start()] if cut else right, maxsplit=1)[0]
    return bool(_HABIT.search(left) or _HABIT.search(right))


# a weekday joined to the weekday named just before it: "Thursday and Friday", "Monday to Friday"
_WD_COORD_LEFT = re.compile(rf"(?i){_WDFULL}\s*(?P<c>,|and|or|to|through|thru|till|until|-|–|&)"
                            r"\s*(?:(?:on|to|through)\s+)?\Z")

# "said it was a great day": the day of the saying (a story's "It was a busy day", or a
# quote recalling one, is not)
_SAID_IT = re.compile(r"(?i)\b(?:said|says|say|added|declared|told\s+\w+|calling|called)"
                      r"\s+(?:that\s+)?\Z")

# "today's" meaning present-day: before a noun of people, the world or the times
_GENERIC_TODAY = re.compile(r"(?i)\s+(?:(?:young|modern|global|high-tech|personal|fast-paced|"
                            r"complex|changing|competitive)\s+)*(?:world|youth|young|society|"
                            r"generations?|children|kids|teen-?agers|students|consumers|"
                            r"computers|technology|economy|culture|standards|dollars|terms|"
                            r"marketplace|environment|age|era|times)\b")

# (a verb form: "announced plans to modernise ... on Nov. 1" is the announcement's day)
_PLAN_TO_RE = re.compile(r"(?i)\b(?:am|is|are|was|were|'re|'s)\s+(?:planning|preparing|"
                         r"intending|hoping|going|expected|scheduled|set|due|ready|seeking|"
                         r"looking|aiming|trying|working|moving)\s+"
                         r"to\s+[a-z]+(?=[^,;:()\"`']*\Z)")
_PLAN_REACH = 90

# a reporting clause after the date: ", a spokesperson said", ", the company told Reuters"
# (not "according to ...": a report of what happened, a past cue of its own)
_REPORT_AFTER = re.compile(r"(?i),\s*(?:(?:[\w'.-]+\s+){0,6}?(?:said|says|say|told|added|"
                           r"announced|reported|stated|confirmed|noted|wrote|tweeted|posted)\b"
                           r"(?:\s+[\w'.-]+){0,2}?\s*(?=[.;:!?\"”,)]|$|\s(?:on|in|at|late|"
                           r"earlier|last|this|yesterday|today)\b))")

_CUE_REACH = 40  # characters: a tense cue further from the mention is another clause's
# ... unless no clause starts between them: no punctuation, infinitive or subordinator
_CLAUSE_GAP = re.compile(r"[,;:()\"“”`]|--|\bto\s+(?!(?:the|a|an|his|her|its|their|our)\b)"
                         r"[a-z]+|\b(?:that|which|who|whom|when|where|while|because|after|before|"
                         r"until|if|and|but|or|as)\b")
# a date fronted at the start of its sentence ("On Tuesday, the league plans to ..."): the
# main clause's verb, after the subject, decides its tense
_FRONTED_LEFT = re.compile(r"(?i)\A\W*(?:(?:and|but|also|so|then|instead|meanwhile|late|early)"
                           r"\s+)*(?:on|by|until|since|from|in|at|starting)?\s*\Z")
_FRONTED_REACH = 90


_PAREN = re.compile(r"\s*\([^()]{1,30}\)")
# a clause boundary after the date: punctuation, a conjunction or a relative pronoun
_RIGHT_CLAUSE = re.compile(r"(?i)[,;:]|\s--\s|\b(?:and|but|while|whereas|which|who|although|"
                           r"because)\b")
# before an -ed word, what makes it an adjective: a determiner, a possessive, an ordinal or a
# number ("the first upgraded jets", "its modernized Abrams"), or a verb it is the object of
# ("to receive refurbished tanks", "will sign the extended contract")
_ATTRIBUTIVE_LEFT = re.compile(
    r"(?i)(?:\b(?:the|a|an|its|their|his|her|our|this|these|those|first|last|new|more|"
    r"additional|further|two|three|four|five|six|(?<![\w-])\d+)|\bto\s+(?!be\b)[a-z]+|"
    r"\b(?:will|would|shall|can|"
    r"could|may|might|must|should)\s+(?:not\s+)?[a-z]+)\s+\Z")


def _has_cue(seg: str) -> bool:
    """True if ``seg`` holds a tense cue (past or future)."""
    return bool(_FUT_RE.search(seg) or _PAST_RE.search(seg))


def _tense(text: str, start: int, end: int) -> str | None:
    """'future' / 'past' / None from the cue word nearest to the mention in its sentence."""
    if _EXTEND_TO.search(text, max(0, start - 90), start):
        return "future"  # "has been moved to September", "postponed to February": ahead
    dl = _DEADLINE_RE.search(text, max(0, start - 30), start)
    if dl is not None and text[end:end + 1] == "," and _FRONTED_LEFT.match(
            _clause_left(text, dl.start(), 60)) and re.match(
            r"(?i)(?:by|until|till)\s+\Z", dl.group(0)):
        dl = None  # "Until Thursday, they had not ...": the main clause's verb decides
    if dl is not None and re.search(r"(?i)\b(?:originally|initially|previously|first)\s+\Z",
                                    text[max(0, dl.start() - 14):dl.start()]):
        return None  # "The vote, originally set for Feb. 28, was postponed": either side
    if dl is not None:
        # "it had been due to expire Friday": a deadline set in the past
        return "past" if _HAD_RE.search(text, max(0, dl.start() - 60), dl.start()) else "future"
    lo = max(0, start - 150)
    hi = min(len(text), end + 100)
    left = text[lo:start]
    br = [mm.end() for mm in _SENT_BREAK.finditer(left)]
    if br:
        left = left[br[-1]:]
    right = text[end:hi]
    mm = _SENT_BREAK.search(right)
    if mm:
        right = right[:mm.start() + 1]
    rep = _REPORT_AFTER.search(right)
    if rep is not None:
        # "will hand over ... on March 28, a spokesperson said": the saying is not the verb of
        # the date (the saying's own date, "said on Tuesday", is a mention of its own)
        right = right[:rep.start()]
    left = _PAREN.sub("", left)  # "at 7 a.m. (0500 GMT) on Friday": the aside is no distance
    fronted = right[:1] == "," and bool(_FRONTED_LEFT.match(left.rsplit(";", 1)[-1]))
    if not fronted:
        gap = _RIGHT_CLAUSE.search(right)
        if gap is not None and (_has_cue(left[-_CUE_REACH:]) or _SCHED_PRESENT.search(left)):
            # "which pledged 19 F-16s in August, will deliver ...", "had received the first
            # batch in January and expects the rest by June": a verb after a clause boundary
            # is another clause's, when the date's own clause has a cue
            right = right[:gap.start()]
    best: tuple[int, str] | None = None
    first: tuple[int, str] | None = None
    far_left: tuple[int, str] | None = None  # (end, label) of the last cue left of the date
    for seg, is_left in ((left, True), (right, False)):
        for rx, label in ((_FUT_RE, "future"), (_PAST_RE, "past")):
            for m in rx.finditer(seg):
                w = m.group(1).lower()
                if label == "past" and w in _FUT_WORDS_ED:
                    continue
                if label == "future" and w.startswith("could") and _NEGATED.search(
                        seg, max(0, m.start() - 40), m.start()):
                    continue  # "neither he nor ... could be located Wednesday": past ability
                if label == "future" and re.match(r"plans?\s", w) and (
                        _PLAN_NOUN_LEFT.search(seg, max(0, m.start() - 30), m.start()) or (
                            w.startswith("plan ") and _PLAN_SG_NOUN_LEFT.search(
                                seg, max(0, m.start() - 30), m.start()))):
                    continue  # "approved a defence plan to spend", "unveiled plans to build"
                if label == "past" and w.endswith("ed") and (
                        w in _ED_NOT_VERBS or w.startswith("un")):
                    continue  # not verbs; 'unspecified', 'unnamed' are adjectives
                if label == "past" and seg[m.start() - 1:m.start()] == "-":
                    continue  # 'Israeli-made', 'Saudi-led', 'so-called': adjectives
                if label == "past" and w.endswith("ed") and _ATTRIBUTIVE_LEFT.search(
                        seg, max(0, m.start() - 40), m.start()):
                    continue  # "will deliver the first upgraded jets": an adjective
                if label == "future" and w.startswith("ahead") and not is_left:
                    continue  # "received the shells on Tuesday ahead of an offensive"
                d = len(seg) - m.end() if is_left else m.start()
                # cues before the mention weigh a little more (they are usually its verb)
                if fronted and not is_left:
                    # the first cue of the main clause decides, however far in its reach
                    if m.start() <= _FRONTED_REACH and (first is None or m.start() < first[0]):
                        first = (m.start(), label)
                    continue
                if is_left and (far_left is None or m.end() > far_left[0]):
                    # only a finite verb governs from afar (not "to meet", "next", "due")
                    finite = label == "past" or w.startswith(("will", "would", "shall", "could",
                                                              "might", "is ", "are "))
                    far_left = (m.end(), label if finite else "")
                d = d if is_left else d + 10
                if best is None or d < best[0]:
                    best = (d, label)
    if first is not None:
        return first[1]
    if best and best[0] <= _CUE_REACH:
        return best[1]
    if far_left is not None and far_left[1] and not _CLAUSE_GAP.search(left, far_left[0]):
        # "delivered the first batch of anti-tank missiles to Israel on 10 September": a verb
        # further back governs the date when no clause starts between them
        return far_left[1]
    # "were planning to drive around the airport on Monday": a date in the verb phrase of a
    # planned action (no clause break between) is as far ahead as the plan
    plans = [pm.end() for pm in _PLAN_TO_RE.finditer(left)]
    if plans and len(left) - plans[-1] <= _PLAN_REACH:
        return "future"
    if _SCHED_PRESENT.search(left):
        return "future"  # "The tender, which closes on April 2, ...": a schedule
    return None


def tense_at(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None: the tense the finder reads for the words at ``start:end``."""
    return _tense(text, start, end)


# --------------------------------------------------------------------------------------------
# DCT and calendar helpers
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Dct:
    y: int | None = None
    m: int | None = None
    d: int | None = None

    @property
    def date(self) -> _dt.date | None:
        if self.y and self.m and self.d:
            return _dt.date(self.y, self.m, self.d)
        return None


def _parse_published(published: Any) -> _Dct:
    if published is None:
        return _Dct()
    if isinstance(published, _dt.datetime):
        return _Dct(published.year, published.month, published.day)
    if isinstance(published, _dt.date):
        return _Dct(published.year, published.month, published.day)
    s = str(published).strip()
    m = re.match(r"^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?", s)
    if not m:
        log.warning("unparseable publication date %r: relative dates stay unresolved", s)
        return _Dct()
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    try:
        if mo:
            _dt.date(y, mo, d or 1)
    except ValueError:
        log.warning("invalid publication date %r", s)
        return _Dct(y)
    return _Dct(y, mo, d)


# a dateline with a day: "WASHINGTON, March 12 (Xinhua) --" at the start of the text
_DATELINE_RE = re.compile(r"\s*[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,4},\s+"
                          r"(?:(?P<mon>" + _MON + r")\s*(?P<day>[12]\d|3[01]|0?[1-9])|"
                          r"(?P<day2>[12]\d|3[01]|0?[1-9])\s+(?P<mon2>" + _MON + r"))\b"
                          r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
                          r"(?!,?\s*\d)\s*(?:\([A-Za-z .]+\)\s*)?(?:--|—|–|-\s|_)")
_DATELINE_MAX_DAYS = 7


def _dateline_day(text: str, dct: _Dct) -> _Dct:
    """The day a dateline gives, as the reference of relative dates, when it falls in the week
    before the publication date (a wire story written the day before it was published)."""
    if dct.date is None:
        return dct
    m = _DATELINE_RE.match(text, 0, 200)
    if m is None:
        return dct
    mon = _MONTHS[(m["mon"] or m["mon2"]).rstrip(".").lower()]
    day = int(m["day"] or m["day2"])
    for y in ((int(m["year"]),) if m["year"] else (dct.y, dct.y - 1)):
        if _valid(y, mon, day):
            d = _dt.date(y, mon, day)
            if 0 < (dct.date - d).days <= _DATELINE_MAX_DAYS:
                return _Dct(d.year, d.month, d.day)
    return dct


def _ymd(d: _dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _q(d: _dt.date) -> str:
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _add_months_day(d: _dt.date, k: int) -> _dt.date:
    y, m = _add_months(d.year, d.month, k)
    return _dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _week(d: _dt.date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy:04d}-W{iw:02d}"


def _valid(y: int, m: int, d: int) -> bool:
    try:
        _dt.date(y, m, d)
        return True
    except ValueError:
        return False


def _value_date(v: str | None) -> tuple[str, _dt.date | None] | None:
    """(precision, date) of a calendar value usable as an anaphora anchor."""
    if not v:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", v)
    if not m or (len(v) > 10 and "T" not in v):
        return None
    if v[4:6] == "-Q" and len(v) == 7:
        return "quarter", _dt.date(int(v[:4]), 3 * int(v[6]) - 2, 1)
    if m.group(3):
        return "day", _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m.group(2) and len(v) == 7:
        return "month", _dt.date(int(m.group(1)), int(m.group(2)), 1)
    if len(v) == 4:
        return "year", _dt.date(int(m.group(1)), 1, 1)
    return None


def _num(s: str) -> float | None:
    """Number from a numeral ('two', '44', 'twenty-four', 'a'); None if vague ('several')."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    if s in _VAGUE and s not in _NUMS:
        return None
    if s in _NUMS:
        return _NUMS[s]
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: 1/2)?", s)
    if m:
        v = float(m.group(1)) + (0.5 if s.endswith("1/2") else 0)
        return v
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in _NUMS and parts[1] in _NUMS:
        return _NUMS[parts[0]] + _NUMS[parts[1]]
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _dur_value(n: float | None, unit: str) -> str | None:
    unit = unit.lower().rstrip("s") if unit.lower() not in ("centuries",) else "century"
    if unit == "centurie":
        unit = "century"
    code, is_time = _UNIT.get(unit, (None, False))
    if code is None:
        return None
    if code == "W2":
        return f"P{_fmt_num(2 * n)}W" if n is not None else "PXW"
    if code == "WE":
        return f"P{_fmt_num(2 * n)}D" if n is not None else "PXD"
    if code == "Q":
        # TIMEX3 writes quarters of a duration as months: "the next three quarters" -> P9M
        return f"P{_fmt_num(3 * n)}M" if n is not None else "PXM"
    if code == "E":
        # and decades as years: "two decades" -> P20Y, "decades" -> PXY
        return f"P{_fmt_num(10 * n)}Y" if n is not None else "PXY"
    ns = "X" if n is None else _fmt_num(n)
    if n is not None and n % 1 == 0.5 and code in ("Y", "D", "H", "M") and (
            code != "M" or is_time):
        # a unit and a half as whole units: "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
        whole = int(n)
        part = {"Y": "6M", "D": "T12H", "H": "30M", "M": "30S"}[code]
        head = f"{whole}{code}" if whole else ""
        if is_time:
            return f"PT{head}{part}"
        return f"P{head}{part}" if code == "Y" or whole else "PT12H"
    if not float(n or 1).is_integer() and not is_time:
        # other fractions: express in the next smaller unit where exact ("half a century" is
        # P50Y)
        smaller = {"Y": (12, "M"), "M": None, "D": (24, "TH"), "C": (100, "Y")}
        sm = smaller.get(code)
        if sm:
            k, c = sm
            return f"P{_fmt_num(n * k)}{c}" if c != "TH" else f"PT{_fmt_num(n * k)}H"
    return f"PT{ns}{code}" if is_time else f"P{ns}{code}"


# --------------------------------------------------------------------------------------------
# gazetteer
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Period:
    id: str
    name: str
    start: str
    end: str
    regex: re.Pattern[str] | None
    context_regex: re.Pattern[str] | None
    requires: re.Pattern[str] | None
    # lowercase words one of which every mention contains (None: scan the whole text)
    triggers: tuple[str, ...] | None = None


def _phrase_re(p: str) -> str:
    words = re.split(r"[\s-]+", p.strip())
    return r"[\s-]+".join(re.escape(w) for w in words if w)


@functools.lru_cache(maxsize=4)
def load_periods(path: str | None = None) -> tuple[_Period, ...]:
    """Load the named-period gazetteer (safe YAML loader, cached)."""
    import yaml  # PyYAML, a declared dependency

    p = Path(path) if path else PERIODS_FILE
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        log.error("cannot load period gazetteer %s: %s", p, exc)
        return ()
    out = []
    for e in data.get("periods") or []:
        try:
            alts = [_phrase_re(a) for a in e.get("aliases") or []]
            alts += [f"(?:{r})" for r in e.get("patterns") or []]
            ctx = [_phrase_re(a) for a in e.get("context_aliases") or []]
            req = e.get("requires_context")
            trig = e.get("triggers")
            if trig is None and not e.get("patterns"):
                # every alias contains its own last word
                trig = [re.split(r"[\s-]+", a.strip())[-1] for a in
                        (e.get("aliases") or []) + (e.get("context_aliases") or [])]
            out.append(_Period(
                id=str(e["id"]), name=str(e.get("name", e["id"])),
                start=str(e["start"]), end=str(e["end"]),
                regex=re.compile(r"(?i)(?<!\w)(?:the\s+)?(?:" + "|".join(alts) + r")(?!\w)")
                if alts else None,
                context_regex=re.compile(r"(?i)(?<!\w)(?:" + "|".join(ctx) + r")(?!\w)")
                if ctx else None,
                requires=re.compile(str(req), re.I) if req else None,
                triggers=tuple(sorted({str(t).lower() for t in trig if str(t).strip()}))
                if trig else None,
            ))
        except (KeyError, re.error, TypeError) as exc:
            log.error("bad gazetteer entry %r: %s", e, exc)
    return tuple(out)


# --------------------------------------------------------------------------------------------
# resolution
# --------------------------------------------------------------------------------------------
class _Ctx:
    __slots__ = ("text", "dct", "anchor", "day_first", "quarter", "anchor_at", "dur_at",
                 "stale", "inexact", "span")

    def __init__(self, text: str, dct: _Dct, day_first: bool | None) -> None:
        self.text = text
        self.dct = dct
        self.anchor: tuple[str, _dt.date] | None = None  # (precision, date)
        self.day_first = day_first
        # first day of the quarter under discussion (a financial report's period): set by
        # "the third quarter", "Q3 1989", never by a look back such as "a year earlier"
        self.quarter: _dt.date | None = None
        self.anchor_at = -1  # where the anchor's mention ends in the text
        self.dur_at = -1  # where the last DURATION mention ends
        # a date the anchor cannot hold (a decade, an unknown year) came after the anchor:
        # "at the time", "a day later", "that year" then refer to it, not to the older anchor
        self.stale = False
        # the anchor is only the year of the last date (a week, a season, a half): "that
        # year" and "a year later" can use it, "at the time" cannot
        self.inexact = False
        # the anchor is the end of a range ("from 2005 to 2009"): "two years later" counts
        # from it, "two years earlier" from its start (kept here), but "that year" and "at
        # the time" may mean any part of the range
        self.span: tuple[str, _dt.date] | None = None


def _month_no_year(ctx: _Ctx, mon: int, rel: str | None, tense: str | None) -> str | None:
    dct = ctx.dct
    if dct.y is None:
        return f"XXXX-{mon:02d}"
    if rel in ("this", "current"):
        return _ym(dct.y, mon)
    if dct.m is None:
        if rel in ("last", "previous", "past"):
            return None  # cannot tell whether that month of the DCT year is before the DCT
        return f"XXXX-{mon:02d}" if rel is None and tense is None else None
    if rel in ("last", "previous", "past"):
        return _ym(dct.y if mon < dct.m else dct.y - 1, mon)
    if rel in ("next", "coming"):
        return _ym(dct.y if mon > dct.m else dct.y + 1, mon)
    if tense == "future":
        return _ym(dct.y if mon >= dct.m else dct.y + 1, mon)
    if tense is None and mon > dct.m and mon - dct.m < 6:
        # no tense cue at all: the reading nearest to the DCT ("in early March" in a February
        # article); a tie goes to the past
        return _ym(dct.y, mon)
    return _ym(dct.y if mon <= dct.m else dct.y - 1, mon)


def _md_no_year(ctx: _Ctx, mon: int, day: int, tense: str | None) -> str | None:
    dct = ctx.dct
    if dct.y is None:
        return f"XXXX-{mon:02d}-{day:02d}"
    if dct.m is None:
        return None
    if dct.d is None:
        if mon == dct.m:
            y = dct.y
        elif tense == "future":
            y = dct.y if mon > dct.m else dct.y + 1
        else:
            y = dct.y if mon < dct.m else dct.y - 1
    else:
        if tense == "future":
            y = dct.y if (mon, day) >= (dct.m, dct.d) else dct.y + 1
        elif tense == "past":
            y = dct.y if (mon, day) <= (dct.m, dct.d) else dct.y - 1
        else:
            # no tense cue at all: the reading nearest to the DCT
            cands = [yy for yy in (dct.y - 1, dct.y, dct.y + 1) if _valid(yy, mon, day)]
            if not cands:
                return None
            y = min(cands, key=lambda yy: abs((_dt.date(yy, mon, day) - dct.date).days))
    if not _valid(y, mon, day):
        return None
    return f"{y:04d}-{mon:02d}-{day:02d}"


def _weekday_value(ctx: _Ctx, wd: int, rel: str | None, tense: str | None) -> str | None:
    base = ctx.dct.date
    if base is None:
        return None
    diff = (base.weekday() - wd) % 7  # days back to the most recent such day (0 = today)
    if rel == "this":
        # "this Friday": the one ahead in a plan, the one behind in a report, else the one in
        # the DCT's week
        if tense == "future":
            d = base + _dt.timedelta(days=(wd - base.weekday()) % 7)
        elif tense == "past":
            d = base - _dt.timedelta(days=diff)
        else:
            d = base + _dt.timedelta(days=wd - base.weekday())
    elif rel in ("last", "past"):
        d = base - _dt.timedelta(days=diff or 7)
    elif rel in ("next", "coming"):
        fwd = (wd - base.weekday()) % 7
        d = base + _dt.timedelta(days=fwd or 7)
    elif tense == "future" and diff != 0:
        d = base + _dt.timedelta(days=(wd - base.weekday()) % 7)
    else:
        d = base - _dt.timedelta(days=diff)
    return _ymd(d)


def _spelled_year(s: str) -> int | None:
    """1994 from 'nineteen ninety-four', 2000 from 'two thousand', 1905 from 'nineteen oh five'."""
    w = re.split(r"[\s-]+", s.lower().strip())
    if w[:2] == ["two", "thousand"]:
        rest = [x for x in w[2:] if x != "and"]
        return 2000 + (int(_NUMS[rest[0]]) if rest else 0)
    cent = {"nineteen": 1900, "twenty": 2000}.get(w[0])
    if cent is None:
        return None
    rest = [x for x in w[1:] if x != "oh"]
    if rest == ["hundred"]:
        return cent
    n = _num("-".join(rest)) if len(rest) == 2 else _num(rest[0]) if rest else None
    if n is None or not 10 <= n <= 99 and not w[1] == "oh":
        return None
    return cent + int(n)


def _nth_weekday(y: int, m: int, wd: int, n: int) -> _dt.date:
    """The n-th (1-based; -1 = last) weekday `wd` (Monday = 0) of month m of year y."""
    if n > 0:
        first = _dt.date(y, m, 1)
        return first + _dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = _dt.date(y, m, calendar.monthrange(y, m)[1])
    return last - _dt.timedelta(days=(last.weekday() - wd) % 7)


def _easter(y: int) -> _dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return _dt.date(y, month, day + 1)


def _orthodox_easter(y: int) -> _dt.date:
    """Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar."""
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return _dt.date(y, month, day + 1) + _dt.timedelta(days=13)


def _holiday(name: str, y: int) -> _dt.date | None:
    """The day of a (US/Western) holiday in year y; None if it has none that year."""
    n = name.lower().replace("’", "'")
    if n.startswith("orthodox "):
        # the Julian calendar's feasts, in the Gregorian calendar (13 days later, 1900-2099)
        n = n[len("orthodox "):]
        if n in ("christmas", "christmas day"):
            return _dt.date(y, 1, 7)
        if n == "christmas eve":
            return _dt.date(y, 1, 6)
        if n.startswith("easter"):
            return _orthodox_easter(y)
        return None
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
             "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
             "veterans day": (11, 11),
             # Russia's (and the former Soviet states') Victory Day; France's national day
             "victory day": (5, 9), "bastille day": (7, 14),
             "defender of the fatherland day": (2, 23)}
    if n in fixed:
        return _dt.date(y, *fixed[n])
    if n.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)  # the fourth Thursday of November (US)
    if n.startswith("easter"):
        return _easter(y)
    if n == "labor day":
        return _nth_weekday(y, 9, 0, 1)
    if n == "memorial day":
        return _nth_weekday(y, 5, 0, -1)
    if n == "election day":
        # US federal elections: the Tuesday after the first Monday of November, even years
        return _nth_weekday(y, 11, 0, 1) + _dt.timedelta(days=1) if y % 2 == 0 else None
    return None


def _two_digit_year(yy: int, dct: _Dct) -> int:
    ref = dct.y or 2000
    pivot = (ref + 10) % 100
    cent = (ref + 10) // 100 * 100
    y = cent + yy if yy <= pivot else cent - 100 + yy
    return y


def _quarter_year(ctx: _Ctx, q: int, tense: str | None) -> int | None:
    dct = ctx.dct
    if dct.y is None:
        return None
    if dct.m is None:
        return dct.y
    cq = (dct.m - 1) // 3 + 1
    if q > cq and tense != "future":
        return dct.y - 1
    return dct.y


def _approx_context(ctx: _Ctx, start: int) -> tuple[str | None, bool]:
    """'the final days of the hostilities in November 2020': approximate, END."""
    left = ctx.text[max(0, start - 70):start]
    m = re.search(r"(?i)\b(final|last|closing|first|early|opening)\s+(days|weeks|months|hours|"
                  r"stages?|phase)\s+of\b[^.;:!?]{0,45}?\b(?:in|of|during)\s+(?:the\s+)?$", left)
    if m:
        return ("END" if m.group(1).lower() in ("final", "last", "closing") else "START"), True
    return None, False


def _resolve(name: str, m: re.Match[str], ctx: _Ctx) -> dict[str, Any] | None:
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()

    def tense() -> str | None:
        return _tense(text, s, e)

    if name in ("mdy", "dmy"):
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        day = int(re.sub(r"\D", "", g["day"]))
        y = int(g["year"])
        if not _valid(y, mon, day):
            return None
        v = f"{y:04d}-{mon:02d}-{day:02d}"
        mod, approx = _mod_of(g.get("mod"))
        if g.get("hh") is not None:
            hh = int(g["hh"])
            ap = (g.get("ampm") or "").lower()
            if ap.startswith("p") and hh < 12:
                hh += 12
            if ap.startswith("a") and hh == 12:
                hh = 0
            return dict(value=f"{v}T{hh:02d}:{g['mi']}", type="TIME", precision="minute",
                        mod=mod, approximate=approx)
        return dict(value=v, type="DATE", precision="day", mod=mod, approximate=approx)

    if name in ("iso", "compact"):
        y, mon, day = int(g["year"]), int(g["mon"]), int(g["day"])
        if not _valid(y, mon, day):
            return None
        v = f"{y:04d}-{mon:02d}-{day:02d}"
        if name == "iso" and g.get("hh") is not None:
            return dict(value=f"{v}T{g['hh']}:{g['mi']}", type="TIME", precision="minute")
        return dict(value=v, type="DATE", precision="day")

    if name == "ymdslash":
        base = _ymd(dct.date) if dct.date else None
        r = _dp_parse(m.group(0), base, "en")
        if r is None or r[1] != "day":
            return None
        return dict(value=r[0], type="DATE", precision="day")

    if name == "num":
        a, b = int(g["a"]), int(g["b"])
        ys = g["year"]
        y = int(ys) if len(ys) == 4 else _two_digit_year(int(ys), dct)
        if len(ys) == 2 and g["sep"] == ".":
            return None  # '3.14.15' style numbers are too ambiguous
        if not (1600 <= y <= 2099):
            return None
        readings = []
        if _valid(y, b, a):
            readings.append(("df", _dt.date(y, b, a)))
        if _valid(y, a, b):
            readings.append(("mf", _dt.date(y, a, b)))
        if not readings:
            return None
        pick = None
        if len(readings) == 1:
            pick = readings[0][1]
        elif a == b:
            pick = readings[0][1]
        elif ctx.day_first is True:
            pick = readings[0][1]
        elif ctx.day_first is False:
            pick = readings[1][1]
        elif g["sep"] == ".":
            pick = readings[0][1]  # "12.03.2024": dots are the European, day-first notation
        elif dct.date is not None:
            pick = min(readings, key=lambda r: abs((r[1] - dct.date).days))[1]
        else:
            pick = readings[0][1]
        v = _ymd(pick)
        if g.get("hh") is not None:
            return dict(value=f"{v}T{int(g['hh']):02d}:{g['mi']}", type="TIME",
                        precision="minute")
        return dict(value=v, type="DATE", precision="day")

    if name == "monof":
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        dstr = g.get("day1") or g.get("day2")
        day = int(re.sub(r"\D", "", dstr)) if dstr else None
        anc = ctx.anchor
        prec = "day" if day else "month"
        if anc is None or ctx.stale:
            return dict(value=None, type="DATE", precision=prec, relative=True, _anaphor=True)
        k = {"following": 1, "next": 1, "previous": -1}.get(g["ofy"].lower().split()[-1], 0)
        y = anc[1].year + k
        if day is None:
            return dict(value=_ym(y, mon), type="DATE", precision="month", relative=True,
                        _anaphor=True)
        if not _valid(y, mon, day):
            return None
        return dict(value=f"{y:04d}-{mon:02d}-{day:02d}", type="DATE", precision="day",
                    relative=True, _anaphor=True)

    if name in ("dmyy", "myy"):
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        y = _two_digit_year(int(g["yy"]), dct) if dct.y is not None else 2000 + int(g["yy"])
        if name == "myy":
            return dict(value=_ym(y, mon), type="DATE", precision="month")
        day = int(re.sub(r"\D", "", g["day"]))
        if not _valid(y, mon, day):
            return None
        return dict(value=f"{y:04d}-{mon:02d}-{day:02d}", type="DATE", precision="day")

    if name in ("md", "dm"):
        if name == "md" and re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s+\Z", text[max(0, s - 6):s]):
            return None  # "On 12 March 24 soldiers died": the day is written before the month
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        day = int(re.sub(r"\D", "", g["day"]))
        if day > 31:
            return None
        mod, approx = _mod_of(g.get("mod"))
        rel = (g.get("rel") or "").lower()
        t = "past" if rel == "last" else "future" if rel == "next" else tense()
        dlm = _DEADLINE_RE.search(text, max(0, s - 30), s)
        if dlm is not None and text[e:e + 1] == "," and re.match(
                r"(?i)(?:by|until|till)\s+\Z", dlm.group(0)) and _FRONTED_LEFT.match(
                _clause_left(text, dlm.start(), 60)):
            dlm = None  # "By March 1, 40 jets had arrived": the main clause's verb decides
        if dlm is not None and re.search(r"(?i)\b(?:originally|initially|previously|first)\s+\Z",
                                         text[max(0, dlm.start() - 14):dlm.start()]):
            dlm = None  # "originally set for Feb. 28": a schedule of the past or the future
        if dlm is not None and dlm.group(0).lower().startswith("by") and _HAD_RE.search(
                text, max(0, dlm.start() - 60), dlm.start()):
            # "had bought 400 rifles by Sept. 29": done by then, behind ("had been set to
            # expire Nov. 6" is a schedule: still ahead)
            t = "past"
        elif not rel and dct.date is not None and (
                dlm is not None or _DEADLINE_AFTER.match(text, e)
                or _EXTEND_TO.search(text, max(0, s - 90), s)):
            # a deadline ('by Jan. 14', 'payable Jan. 2', 'set Nov. 10 as the deadline',
            # 'extend its offer ... to Nov. 6') is ahead, unless that day fell in the week
            # before the DCT (a deadline just passed)
            t = "future"
            past = _md_no_year(ctx, mon, day, "past")
            if past and 0 < (dct.date - _dt.date.fromisoformat(past)).days <= 7:
                t = "past"
        v = _md_no_year(ctx, mon, day, t)
        if not rel and v and _habitual(text, s, e):
            v = f"XXXX-{mon:02d}-{day:02d}"  # "is marked every year on May 9"
        an = _ANNIVERSARY_OF.search(text, max(0, s - 60), s)
        if an is not None and v and not v.startswith("X") and not rel:
            # "the first anniversary of the Oct. 7 attack": that day n years before the
            # anniversary (read by the tense); without a count the year is not written
            n = _ANNIV_N.get((an["n"] or "").lower()) or (
                int(re.sub(r"\D", "", an["n"])) if an["n"] and an["n"][0].isdigit() else None)
            v = f"{int(v[:4]) - n:04d}{v[4:]}" if n else "XXXX" + v[4:]
            if not _valid(int(v[:4]) if v[:4].isdigit() else 2000, mon, day):
                return None
        if g.get("wd") and dct.y is not None and v and not v.startswith("X"):
            # "Monday, Oct. 26": the year, next to the DCT's, in which that day is a Monday
            wdn = _WEEKDAYS[g["wd"].rstrip(".").lower()]
            fits = [yy for yy in (dct.y, dct.y - 1, dct.y + 1)
                    if _valid(yy, mon, day) and _dt.date(yy, mon, day).weekday() == wdn]
            if fits and int(v[:4]) not in fits:
                v = f"{fits[0]:04d}-{mon:02d}-{day:02d}"
        return dict(value=v, type="DATE", precision="day", relative=True, mod=mod,
                    approximate=approx)

    if name == "my":
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        mod, approx = _mod_of(g.get("mod"))
        if mod is None and not approx:
            mod, approx = _approx_context(ctx, s)
        return dict(value=_ym(int(g["year"]), mon), type="DATE", precision="month", mod=mod,
                    approximate=approx)

    if name == "fy2":
        if dct.y is None:
            return None
        y1 = _two_digit_year(int(g["yy"]), dct)
        if g.get("yy2"):
            y2 = y1 // 100 * 100 + int(g["yy2"])
            if y2 != y1 + 1:
                return None
            return dict(value=str(y1), end_value=str(y2), type="DATE", precision="year")
        return dict(value=str(y1), type="DATE", precision="year")

    if name == "yrange":
        y1 = int(g["y1"])
        y2s = g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
        sep = g["sep"].strip().lower()
        kw = (g.get("kw") or "").lower()
        if sep == "and" and kw != "between":
            return None
        if sep in ("to", "until", "till", "through", "thru") and len(y2s) != 4:
            return None
        if not (y1 < y2 <= y1 + 100):
            return None
        return dict(value=str(y1), end_value=str(y2), type="DATE", precision="year")

    if name == "decade":
        mod, approx = _mod_of(g.get("mod"))
        if g.get("cen"):
            v = f"{g['cen']}{g['dec']}"
        else:
            # "'80s": the latest such decade begun by the DCT ("'10s" in a 2023 text: the
            # 2010s; "'90s": the 1990s; "'80s" in 1989: the 1980s)
            d = int(g["dec2"])
            cy = dct.y
            c = 19 if cy is None else cy // 100 if cy // 100 * 100 + d * 10 <= cy \
                else cy // 100 - 1
            v = f"{c}{d}"
        return dict(value=v, type="DATE", precision="decade", mod=mod,
                    approximate=approx or mod is not None)

    if name == "decadew":
        if dct.y is None:
            return None
        d = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
             "nineties").index(g["w"].lower()) + 2
        c = dct.y // 100 if dct.y // 100 * 100 + d * 10 <= dct.y else dct.y // 100 - 1
        mod, approx = _mod_of(g.get("mod"))
        return dict(value=f"{c}{d}", type="DATE", precision="decade", mod=mod, relative=True,
                    approximate=approx or mod is not None)

    if name == "century":
        if g.get("n"):
            n = int(g["n"])
        else:
            w = g["w"].lower()
            n = _ORDW.index(w.removeprefix("twenty-")) + 1 + (20 if w.startswith("twenty-") else 0)
        mod, approx = _mod_of(g.get("mod") or g.get("mod2"))
        return dict(value=f"{n - 1:02d}", type="DATE", precision="century", mod=mod,
                    approximate=approx or mod is not None)

    if name == "qrel":
        # "the second quarter of next year", "the final quarter of last year"
        o = g["ord"].lower()
        q = _ORD.get(o) or 4
        rel = g["ry"].lower().split()[-2]
        if rel == "that":
            anc = ctx.anchor
            if anc is None or ctx.stale:
                return dict(value=None, type="DATE", precision="quarter", relative=True,
                            _anaphor=True)
            y = anc[1].year
        elif dct.y is None:
            return dict(value=None, type="DATE", precision="quarter", relative=True)
        else:
            y = dct.y + {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
        return dict(value=f"{y}-Q{q}", type="DATE", precision="quarter", relative=True)

    if name == "quarter":
        if g.get("q") or g.get("q2"):
            q = int((g.get("q") or g.get("q2"))[1])
            ys = g.get("y2") or g.get("y3")
            if ys:
                return dict(value=f"{ys}-Q{q}", type="DATE", precision="quarter")
            y = _quarter_year(ctx, q, tense())
            return dict(value=f"{y}-Q{q}" if y else f"XXXX-Q{q}", type="DATE",
                        precision="quarter", relative=True)
        o = g["ord"].lower()
        if g.get("y"):
            if o not in _ORD:
                return None
            return dict(value=f"{g['y']}-Q{_ORD[o]}", type="DATE", precision="quarter")
        qa = _quarter_anchor(ctx)
        if qa is not None and o in ("year-ago", "year-earlier", "same", "latest"):
            # the quarter under discussion (or the same quarter a year before it)
            k = -4 if o.startswith("year") else 0
            y, mth = _add_months(qa.year, qa.month, 3 * k)
            return dict(value=f"{y}-Q{(mth - 1) // 3 + 1}", type="DATE", precision="quarter",
                        relative=True)
        if dct.y is None or dct.m is None:
            return dict(value=None, type="DATE", precision="quarter", relative=True)
        cq = (dct.m - 1) // 3 + 1
        if o in _ORD:
            q = _ORD[o]
            y = _quarter_year(ctx, q, tense())
            return dict(value=f"{y}-Q{q}", type="DATE", precision="quarter", relative=True)
        if o in ("this", "current"):
            return dict(value=f"{dct.y}-Q{cq}", type="DATE", precision="quarter", relative=True)
        if o in ("last", "previous", "past", "latest", "final"):
            if o == "final":
                return dict(value=f"{dct.y}-Q4", type="DATE", precision="quarter",
                            relative=True)
            y, mth = _add_months(dct.y, cq * 3 - 2, -3)
            return dict(value=f"{y}-Q{(mth - 1) // 3 + 1}", type="DATE", precision="quarter",
                        relative=True)
        if o in ("next", "coming"):
            y, mth = _add_months(dct.y, cq * 3 - 2, 3)
            return dict(value=f"{y}-Q{(mth - 1) // 3 + 1}", type="DATE", precision="quarter",
                        relative=True)
        if o in ("year-ago", "year-earlier"):
            return dict(value=f"{dct.y - 1}-Q{cq}", type="DATE", precision="quarter",
                        relative=True)
        return None

    if name in ("qyear", "qthe", "yago"):
        return _report_period(name, dict(g, _s=s, _e=e), ctx)

    if name == "half":
        if g.get("h") or g.get("h2"):
            return dict(value=f"{g.get('hy') or g['hy2']}-H{(g.get('h') or g['h2'])[1]}",
                        type="DATE", precision="quarter")
        h = 1 if g["ord"].lower() in ("first", "1st") else 2
        if g["ord"].lower() == "last" and not g.get("y"):
            return None  # "the last half" alone may be of anything
        if g.get("y"):
            return dict(value=f"{g['y']}-H{h}", type="DATE", precision="quarter")
        if dct.y is None or dct.m is None:
            return None
        y = dct.y if (h == 1 or dct.m > 6 or tense() == "future") else dct.y - 1
        return dict(value=f"{y}-H{h}", type="DATE", precision="quarter", relative=True)

    if name == "season":
        if (g["s"].lower() == "fall" and re.match(r"\s+of\s+(?:the\s+)?[A-Z]", text[e:e + 12])) or (
                g["s"][:1].isupper() and re.match(r"\s+[A-Z][a-z]", text[e:e + 4])
                and not g.get("y")):
            return None  # "the fall of Kabul", "the Winter War": an event's name, no season
        code = _SEASONS[g["s"].lower()]
        rel = (g.get("rel") or "").lower()
        mod, approx = _mod_of(rel if rel in ("early", "late", "mid") else None)
        if g.get("y"):
            return dict(value=f"{g['y']}-{code}", type="DATE", precision="season", mod=mod,
                        approximate=approx)
        if g.get("ry"):
            # "the spring of last year", "summer next year"
            if dct.y is None:
                return dict(value=f"XXXX-{code}", type="DATE", precision="season",
                            relative=True, mod=mod, approximate=approx)
            y = dct.y + {"last": -1, "this": 0, "next": 1}[g["ry"].lower()]
            return dict(value=f"{y}-{code}", type="DATE", precision="season", relative=True,
                        mod=mod, approximate=approx)
        if not rel:
            if not re.search(r"(?i)\b(?:in|by|until|till|since|during|through|over|before|"
                             r"after)\s+(?:(?:early|late|mid)[-\s]+)?\Z", text[max(0, s - 16):s]):
                return None  # bare 'fall'/'spring' are usually other words
            rel = "the"  # "in spring", "by autumn": a season as "the spring" is
        if dct.y is None or dct.m is None:
            return dict(value=f"XXXX-{code}", type="DATE", precision="season", relative=True)
        st = _SEASON_START[code]
        cur_y = dct.y if dct.m >= st or code != "WI" else dct.y - 1
        # the year whose season `code` is the most recent one started on or before the DCT
        started = dct.m >= st if code != "WI" else True
        last_y = (dct.y if started else dct.y - 1) if code != "WI" else cur_y
        if rel in ("last", "past"):
            in_season = (code != "WI" and st <= dct.m < st + 3) or (
                code == "WI" and (dct.m == 12 or dct.m <= 2))
            y = last_y - 1 if in_season else last_y
        elif rel in ("next", "coming"):
            y = last_y + 1
        elif rel == "this":
            y = dct.y
        else:
            t = tense()
            # a plan in a season just begun (its first month) is in this one
            y = last_y if t != "future" else (dct.y if dct.m <= st else dct.y + 1)
        return dict(value=f"{y}-{code}", type="DATE", precision="season", relative=True,
                    mod=mod, approximate=approx)

    if name == "year":
        y = int(g["year"])
        mod, approx = _mod_of(g.get("mod"))
        if g.get("approx"):
            mod, approx = "APPROX", True
        fy = (g.get("fy") or "").lower()
        if not fy and not g.get("mod") and not g.get("approx"):
            # bare 4-digit number: keep only plausible calendar years in a plausible context
            before = text[max(0, s - 12):s]
            if re.search(r"(?:[$€£#№]|\bNo\.?|\bnumber|\bpage|\bp\.)\s*$", before, re.I):
                return None
            if re.match(r"\s*(?:[-–]\s*)?(?:st|nd|rd|th)\b", text[e:e + 4]):
                return None
            if _MODEL_YEAR.match(text, e) and _MODEL_YEAR_LEFT.search(text, max(0, s - 8), s):
                return None
            if y < 1800 and not re.search(r"(?i)\b(?:in|since|of|by|from|until|year)\s+$",
                                          before):
                return None
            if _DESIGNATOR_LEFT.search(text, max(0, s - 14), s):
                return None  # "Resolution 1973", "Brigade 1863", "Sonar 2087": a name
        if not fy and not g.get("mod") and _COUNT_AFTER.match(text, e) and (
                _QUANT_LEFT.search(text, max(0, s - 16), s) or not (
                    _YEAR_LEFT.search(text, max(0, s - 14), s)
                    or not _sentence_left(text, s, 40).strip()
                    or (re.search(r"(?i)\b(?:and|or)\s+\Z", text[max(0, s - 5):s])
                        and not _COUNT_BEFORE.search(text, max(0, s - 50), s)))):
            return None  # "ordered 1800 Piorun missiles", "about 2000 drones": a count
        if mod is None and not approx:
            mod, approx = _approx_context(ctx, s)
        return dict(value=str(y), type="DATE", precision="year", mod=mod, approximate=approx)

    if name == "month":
        raw = g["mon"]
        mon = _MONTHS[raw.rstrip(".").lower()]
        rel = (g.get("rel") or "").lower() or None
        before = text[max(0, s - 25):s]
        after = text[e:e + 20]
        if mon == 5 and raw.startswith("May") and not rel and not g.get("mod"):
            # 'Theresa May', 'May I' ... need a preposition-like word right before
            if not re.search(r"(?i)\b(?:in|since|until|till|by|during|before|after|from|of|"
                             r"through|last|next|this|early|late|mid|end|on|to|between|and|"
                             r"or|the)\s*$", before) or re.search(r"[A-Z][a-z]+\s*$", before):
                return None
            if re.match(r"\s+(?:be|have|not|also|well|never|still|need|want|become|take|"
                        r"make|seem|help|affect|lead|cause|result|ship|sell|buy|soon)\b",
                        after):
                return None
        if len(raw.rstrip(".")) <= 3 and not raw.endswith(".") and raw not in ("May",):
            # 'Mar', 'Jan' ... alone are rarely months in prose; need context
            if not rel and not g.get("mod") and not re.search(
                    r"(?i)\b(?:in|since|until|by|during|of|last|next|this)\s*$", before):
                return None
        if (not rel and not g.get("mod") and re.search(r"\b[A-Z][a-z]+\s$", before)
                and not re.search(r"(?:^|[.!?\n]\s*|\b(?:In|On|By|Since|Until|Last|Next|"
                                  r"This|Early|Late|During|From|The)\s)$", before)):
            return None  # 'Theresa May', 'Prime Minister June ...'
        if mon == 3 and not rel and not g.get("mod") and re.match(
                r"\s+(?:on|to|through|against|in\s+the\s+streets)\b|\s+(?:for|of)\s+(?:the\s+)?"
                r"[A-Z]", after):
            return None  # 'March on Washington', 'the March for Life'
        mod, approx = _mod_of(g.get("mod"))
        v = _month_no_year(ctx, mon, rel, tense())
        if not rel and v and _habitual(text, s, e):
            v = f"XXXX-{mon:02d}"  # "holds the exercise every year in June": any year's June
        return dict(value=v, type="DATE", precision="month", relative=True, mod=mod,
                    approximate=approx)

    if name == "nthwd":
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "fifth": 5, "5th": 5, "last": -1}[g["n"].lower()]
        wd = _WEEKDAYS[g["wd"].lower()]
        mon = _MONTHS[g["mon"].rstrip(".").lower()]

        def nth(y: int) -> _dt.date | None:
            d = _nth_weekday(y, mon, wd, n)
            return d if d.month == mon else None  # no fifth Monday that month

        if g.get("y"):
            d = nth(int(g["y"]))
            return dict(value=_ymd(d), type="DATE", precision="day") if d else None
        base = dct.date
        if _habitual(text, s, e) or _GENERIC_PRESENT.search(text, max(0, s - 40), s):
            # "Russia marks Navy Day on the last Sunday of July": every year's, no one day
            return dict(value=None, type="DATE", precision="day", relative=True)
        if base is None:
            return dict(value=None, type="DATE", precision="day", relative=True)
        days = [d for d in (nth(y) for y in (base.year - 1, base.year, base.year + 1)) if d]
        t = tense()
        if t == "past":
            pick = [d for d in days if d <= base][-1:]
        elif t == "future":
            pick = [d for d in days if d >= base][:1]
        else:
            pick = [min(days, key=lambda d: abs((d - base).days))] if days else []
        if not pick:
            return None
        return dict(value=_ymd(pick[0]), type="DATE", precision="day", relative=True)

    if name == "weekday":
        raw = g["wd"] or g["wdp"]
        after = text[e:e + 15]
        if re.match(r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Tribune|Mail|Star|"
                    r"Independent|School|Service|Night\s+Live|Bloody|for\s+Future)\b", after):
            return None
        rel = (g.get("rel") or "").lower() or None
        wd = _WEEKDAYS[raw.lower()]
        pod = (g.get("pod") or "").lower()
        plural = bool(g["wdp"] or g["pods"])
        if not plural and not pod and not rel and not g.get("wk"):
            # "on Monday and Tuesday nights": each of the days named before a plural
            pm = _WD_BEFORE_PLURAL.match(text, e)
            if pm is not None:
                plural, pod = True, pm["pod"].lower()
        if plural:
            # "on Mondays", "on Tuesday nights": every such day (a SET), no one date
            if rel or g.get("wk"):
                return None
            v = f"XXXX-WXX-{wd + 1}" + (f"T{_POD[pod]}" if pod else "")
            return dict(value=v, type="SET", precision="set")
        mod = None
        if rel in ("early", "earlier"):
            mod, rel = "START", None
        elif rel in ("late", "later"):
            mod, rel = "END", None
        if g.get("wk") and not rel and dct.date is not None:
            # "on Tuesday last week", "Monday of next week": that weekday in that ISO week
            k = {"last": -1, "this": 0, "next": 1}[g["wk"].lower()]
            v = _ymd(dct.date + _dt.timedelta(days=7 * k + wd - dct.date.weekday()))
        else:
            t = tense() if rel in (None, "this") else None
            if t is None and rel is None and _SCHED_PRESENT.search(text, max(0, s - 60), s):
                t = "future"  # "The ministers meet Monday in Brussels": a schedule
            v = _weekday_value(ctx, wd, rel, t)
            anc = ctx.anchor
            cm = _WD_COORD_LEFT.search(text, max(0, s - 30), s) if (
                rel is None and anc is not None and anc[0] == "day" and dct.date is not None
                and 0 <= s - ctx.anchor_at <= 14) else None
            if cm is not None:
                # a weekday joined to the weekday just before it: "from Monday to Friday" is
                # the first such day after that one; "Thursday and Friday" takes its tense
                # (ahead or behind), not a reading of its own
                if cm["c"].lower() in ("and", "or", "&", ","):
                    t = "future" if anc[1] > dct.date else "past" if anc[1] < dct.date else t
                    v = _weekday_value(ctx, wd, None, t)
                else:
                    v = _ymd(anc[1] + _dt.timedelta(days=(wd - anc[1].weekday()) % 7))
        if pod and v:
            return dict(value=f"{v}T{_POD[pod]}", type="TIME", precision="day",
                        relative=True, mod=mod)
        return dict(value=v, type="DATE", precision="day", relative=True, mod=mod)

    if name == "deictic":
        if m.group(0).lower() == "today's" and _GENERIC_TODAY.match(text, e):
            return None  # "today's youth", "in today's world": present-day, not the DCT
        if m.group(0)[:1] == "T" and re.search(r"\b[A-Z]{2,}\s+\Z", text[max(0, s - 12):s]):
            return None  # "USA Today", "VOA Today": a title
        if m.group(0).lower() == "tomorrow" and re.search(r"(?i)\bof\s+\Z", text[max(0, s - 4):s]):
            return None  # "the people of tomorrow": the future in general, not a day
        w = re.sub(r"\s+", " ", m.group(0).lower()).removesuffix("'s")
        base = dct.date
        offs = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0,
                "the day before yesterday": -2, "the day after tomorrow": 2}
        parts = w.split(" ")
        if w in offs:
            off, pod = offs[w], ("NI" if w in ("tonight", "overnight") else None)
        else:
            first, pname = parts[0], parts[1]
            off = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[first]
            pod = _POD[pname]
            if first == "last" and pname != "night":
                off = -1
        if base is None:
            return dict(value=None, type="TIME" if pod else "DATE", precision="day",
                        relative=True)
        if w == "overnight":
            # the night before the day under discussion (the last day named in this sentence
            # or the one before, else the DCT's): "said on Saturday it struck refineries
            # overnight" is Friday night
            anc = ctx.anchor
            if anc is not None and anc[0] == "day" and not ctx.stale and \
                    len(_SENT_BREAK.findall(text, ctx.anchor_at, s)) <= 1:
                base = anc[1]
            off = -1
        v = _ymd(base + _dt.timedelta(days=off))
        if pod:
            return dict(value=f"{v}T{pod}", type="TIME", precision="day", relative=True)
        return dict(value=v, type="DATE", precision="day", relative=True)

    if name == "dayis":
        if g["cop"].strip().lower() == "was" and not _SAID_IT.search(
                text, max(0, s - 40), s):
            return None  # "It was a busy day" in a story: some day of the story, not known
        trim = m.start("np") - s
        if dct.date is None:
            return dict(value=None, type="DATE", precision="day", relative=True, _trim=trim)
        return dict(value=_ymd(dct.date), type="DATE", precision="day", relative=True,
                    _trim=trim)

    if name == "midpod":
        if re.match(rf"\s*,?\s*(?:(?i:on|of)\s+)?(?:(?i:the)\s+)?(?:{_WD}|{_MON}\s*\d|"
                    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?{_MON})", text[e:e + 24]) or \
                re.search(r"(?i)\b(?:of|on|this|that|every|each)\s+\Z", text[max(0, s - 12):s]):
            return None  # "late afternoon on Tuesday", "the early morning of June 5": its day
        if not g.get("day") and not _MIDPOD_LEFT.search(text, max(0, s - 16), s) and not (
                text[e:e + 1] == "," and _FRONTED_LEFT.match(_sentence_left(text, s, 40))):
            return None  # "launched early morning strikes": an adjective, no time of its own
        pod = _POD[g["pod"].lower()]
        if g.get("day"):
            if dct.date is None:
                return dict(value=None, type="TIME", precision="day", relative=True)
            off = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["day"].lower()]
            return dict(value=f"{_ymd(dct.date + _dt.timedelta(days=off))}T{pod}", type="TIME",
                        precision="day", relative=True)
        anc = ctx.anchor
        if anc is not None and (dct.date is None or anc[1] != dct.date) and (
                anc[0] != "day" or ctx.stale or
                len(_SENT_BREAK.findall(text, ctx.anchor_at, s)) > 1):
            # the last day named is not the DCT's and not in this or the sentence before: which
            # day's evening the text means is not known ("at 6 a.m." style anchoring fails)
            return dict(value=None, type="TIME", precision="day", relative=True, _anaphor=True)
        day = _under_discussion(ctx, s, "day", None, None)
        v = f"{day['value']}T{pod}" if day.get("value") else None
        return dict(value=v, type="TIME", precision="day", relative=True, _anaphor=True)

    if name == "daybefore":
        anc = ctx.anchor
        if anc is None or anc[0] != "day" or ctx.stale or ctx.inexact or ctx.span is not None:
            return dict(value=None, type="DATE", precision="day", relative=True, _anaphor=True)
        k = -1 if g["d"].lower() == "before" else 1
        return dict(value=_ymd(anc[1] + _dt.timedelta(days=k)), type="DATE", precision="day",
                    relative=True, _anaphor=True)

    if name == "podrel":
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        k = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
        anc = ctx.anchor
        if anc is None or anc[0] != "day" or ctx.stale:
            return dict(value=None, type="TIME", precision="day", relative=True,
                        _anaphor=True)
        v = _ymd(anc[1] + _dt.timedelta(days=k))
        return dict(value=f"{v}T{_POD[g['pod'].lower()]}", type="TIME", precision="day",
                    relative=True, _anaphor=True)

    if name == "ref":
        w = re.sub(r"\s+", " ", g["w"].lower())
        if w in ("former", "once again", "previously"):
            return None
        after = text[e:e + 25]
        if w in ("current", "recent") and re.match(r"\s+(?:account|affairs|events|history|"
                                                     r"law|legislation|flow|of)\b", after):
            return None
        if w == "soon" and (re.match(r"\s+after", after)
                            or re.search(r"(?i)\bas\s+$", text[max(0, s - 4):s])):
            return None  # 'soon after', 'as soon as' are conjunctions, not times
        if w == "soon" and not re.search(r"(?i)\b(?:will|would|may|might|could|can|should|"
                                         r"shall|must|to)\s+\Z", text[max(0, s - 8):s]) \
                and tense() == "past":
            return None  # "he was soon released": soon after a past event, not the future
        if w in ("recently", "lately", "in the past", "the past", "recent"):
            v = "PAST_REF"
        elif w in ("the future", "soon", "in the near future", "the near future"):
            v = "FUTURE_REF"
        elif w == "to date":
            v = "PRESENT_REF"
        else:
            v = "PRESENT_REF"
        return dict(value=v, type="DATE", precision="ref", relative=True)

    if name == "partof":
        if g.get("part"):
            unit, mod = g["unit"].lower(), _mod_of(g["part"])[0]
        elif g.get("el"):
            unit, mod = g["unit2"].lower(), None
        elif g.get("ye"):
            unit, mod = g["ye"].lower(), "END"
        else:
            unit, mod = "year", None
        approx = bool(g.get("ye")) and text[max(0, s - 7):s].lower() == "around "
        # "Sales for the full year rose": a whole year told in the past is over, as its end is
        # ("for the full year" in a February report is the year before); only early in the
        # year (later, "the full year" is a fiscal year or a forecast: "raised its outlook for
        # the full year" in October is this one)
        whole = "END" if g.get("y2") and text[max(0, s - 4):s].lower() == "for " and (
            dct.m is not None and dct.m <= 3) and not _FORECAST.search(
                _sentence_left(text, s)) else mod
        return dict(_under_discussion(ctx, s, unit, whole, tense()), relative=True, mod=mod,
                    approximate=approx, _anaphor=True)

    if name == "beforelast":
        k = -2 if g["dir"].lower().startswith("before") else 2
        if dct.y is None:
            return dict(value=None, type="DATE", precision=_UNIT_PREC.get(g["unit"].lower(),
                                                                           "year"), relative=True)
        base = dct.date or _dt.date(dct.y, dct.m or 1, 1)
        prec = "day" if dct.date else "month" if dct.m else "year"
        return dict(_shift_unit((prec, base), g["unit"].lower(), k), relative=True)

    if name == "wdrel":
        k = 1 if g["rel"].lower().endswith("following") else -1
        wd = _WEEKDAYS[g["wd"].lower()]
        anc = ctx.anchor
        if anc is None and dct.date is not None:
            anc = ("day", dct.date)
        if anc is None or anc[0] != "day" or ctx.stale or ctx.inexact:
            return dict(value=None, type="DATE", precision="day", relative=True, _anaphor=True)
        # the first such weekday strictly after (before) the anchor day
        step = ((wd - anc[1].weekday()) % 7 or 7) if k > 0 else -((anc[1].weekday() - wd) % 7
                                                                    or 7)
        return dict(value=_ymd(anc[1] + _dt.timedelta(days=step)), type="DATE",
                    precision="day", relative=True, _anaphor=True)

    if name == "relunit":
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        unit = re.sub(r"\s+", " ", g["unit"].lower())
        early = (g.get("early") or "").lower()
        mod = None
        if early in ("earlier", "early"):
            mod = "START" if early == "early" else None
        elif early in ("later", "late"):
            mod = "END" if early == "late" else None
        if g.get("modof"):
            mod = _mod_of(g["modof"])[0]  # "the end of this year": END
        if unit == "fiscal year":
            unit = "year"
        if g["unit"][:1].isupper() and re.search(r"[\"“'`]\s*\Z", text[max(0, s - 2):s]):
            return None  # ABC's "This Week": a programme's title
        if unit == "weekend" and rel in ("this", "last", "next", "past", "coming"):
            return None  # the 'weekend' rule gives these their '-WE' value
        if rel in ("the next", "the following", "the previous", "the prior", "the preceding",
                   "the same", "that same", "that"):
            if re.match(r"\s+(?:before|after)\b", text[e:e + 8]):
                return None  # "the day after the attack": anchored on an event, not a date
            # anaphoric: anchored on the previous date (the DCT if none)
            k = {"the next": 1, "the following": 1, "the previous": -1, "the prior": -1,
                 "the preceding": -1, "the same": 0, "that same": 0, "that": 0}[rel]
            anc = ctx.span if k < 0 and ctx.span is not None else ctx.anchor
            if ctx.stale or (k == 0 and ctx.span is not None):
                return dict(value=None, type="DATE", precision=_UNIT_PREC.get(unit, "year"),
                            relative=True, mod=mod, _anaphor=True)
            if anc is None and dct.y is not None:
                base = dct.date or _dt.date(dct.y, dct.m or 1, 1)
                anc = ("day" if dct.date else "month" if dct.m else "year", base)
            return dict(_shift_unit(anc, unit, k), relative=True, mod=mod,
                        _anaphor=True)
        k = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1,
             "previous": -1, "next": 1, "coming": 1}[rel]
        if dct.y is None:
            return dict(value=None, type="DATE", precision=_UNIT_PREC.get(unit, "year"),
                        relative=True, mod=mod)
        base = dct.date or _dt.date(dct.y, dct.m or 1, dct.d or 1)
        prec = "day" if dct.date else "month" if dct.m else "year"
        return dict(_shift_unit((prec, base), unit, k), relative=True, mod=mod)

    if name == "spyear":
        y = _spelled_year(g["y"])
        if y is None:
            return None
        if not (g.get("mon") or g.get("s") or g.get("pre")) and not re.match(
                r"(?i)nineteen[\s-]+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|oh)",
                g["y"]):
            return None  # a bare "nineteen ninety-six" is a year; "two thousand" a number
        if g.get("mon"):
            return dict(value=_ym(y, _MONTHS[g["mon"].rstrip(".").lower()]), type="DATE",
                        precision="month")
        if g.get("s"):
            return dict(value=f"{y}-{_SEASONS[g['s'].lower()]}", type="DATE",
                        precision="season")
        sp = re.match(r"(?i)(?:in|since|of|until|by|from)\s+", m.group(0))
        out = dict(value=str(y), type="DATE", precision="year")
        return dict(out, _trim=sp.end() if sp else 0)

    if name == "holiday":
        h = re.sub(r"\s+", " ", g["h"])
        rel = (g.get("rel") or "").lower() or None
        base = dct.date
        if base is None:
            return dict(value=None, type="DATE", precision="day", relative=True)
        days = [d for d in (_holiday(h, y) for y in (base.year - 1, base.year, base.year + 1))
                if d is not None]
        if g.get("wk"):
            # a holiday's week: on the DCT's side the week's Monday/Sunday decide ("as Easter
            # week began" in the Monday of that week is this week)
            days = [d - _dt.timedelta(days=d.weekday()) for d in days]
        if not days:
            return None
        t = tense() if rel is None else None
        if rel == "last" or (rel is None and t == "past"):
            pick = [d for d in days if d < base or (rel is None and d == base)][-1:]
        elif rel == "next" or (rel is None and t == "future"):
            pick = [d for d in days if d > base or (rel is None and d == base)][:1]
        elif rel == "this":
            pick = [d for d in days if d.year == base.year]
        else:
            pick = [min(days, key=lambda d: abs((d - base).days))]
        if not pick:
            return None
        if g.get("wk"):
            # "Easter week": the ISO week of that holiday
            return dict(value=_week(pick[0]), type="DATE", precision="week", relative=True)
        return dict(value=_ymd(pick[0]), type="DATE", precision="day", relative=True)

    if name == "clockday":
        if g.get("nm"):
            hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["nm"].lower()]
        else:
            hh = int(g["h"]) % 12 + (12 if g["ap"].lower() == "p" else 0)
            hm = f"{hh:02d}:{g.get('mi') or '00'}"
        if g.get("wd"):
            day = _weekday_value(ctx, _WEEKDAYS[g["wd"].lower()], None, tense())
        elif g.get("mon"):
            day = _md_no_year(ctx, _MONTHS[g["mon"].rstrip(".").lower()],
                              int(re.sub(r"\D", "", g["day"])), tense())
        else:
            off = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["dx"].lower()]
            day = _ymd(dct.date + _dt.timedelta(days=off)) if dct.date else None
        if day is None or day.startswith("X"):
            return dict(value=None, type="TIME", precision="minute", relative=True)
        return dict(value=f"{day}T{hm}", type="TIME", precision="minute", relative=True)

    if name == "weekend":
        rel = g["rel"].lower()
        base = dct.date
        if base is None:
            return dict(value=None, type="DATE", precision="week", relative=True)
        wd = base.weekday()
        if rel == "the":
            rel = "next" if tense() == "future" else "last"
            if wd >= 5:
                rel = "this"
        if rel == "this":
            sat = base + _dt.timedelta(days=5 - wd) if wd < 5 else base - _dt.timedelta(days=wd - 5)
        elif rel in ("last", "past"):
            sat = base - _dt.timedelta(days=(wd - 5) % 7 or 7)
        else:  # next, coming
            sat = base + _dt.timedelta(days=(5 - wd) % 7 or 7)
        return dict(value=_week(sat) + "-WE", type="DATE", precision="week", relative=True)

    if name == "backthen":
        if re.match(r"\s+of\b", text[e:e + 4]):
            return None  # 'at the time of its founding': the event named next, not a time
        anc = ctx.anchor
        if anc is None or ctx.stale or ctx.inexact or ctx.span is not None:
            return dict(value="PAST_REF", type="DATE", precision="ref", relative=True)
        prec, d = anc
        v = (_ymd(d) if prec == "day" else _ym(d.year, d.month) if prec == "month"
             else _q(d) if prec == "quarter" else str(d.year))
        return dict(value=v, type="DATE", precision=prec, relative=True, _anaphor=True)

    if name == "dur":
        unit = g["unit"].lower()
        numraw = re.sub(r"\s+", " ", g["num"].lower())
        post = (g.get("post") or "").strip().lower()
        post = re.sub(r"\s+", " ", post)
        dirw = (g.get("dir") or "").lower()
        hy = g.get("hy") or ""
        # reject numbers that are not counts: '6,000 days'? (handled by regex) ; ordinals
        before = text[max(0, s - 3):s]
        if re.search(r"[\d,.$€£]$", before) or re.match(r"[,.]\d", text[e:e + 2]):
            return None
        if unit == "second" and re.match(r"(?i)(?:a|one)\s", m.group(0)) and not post and \
                "-" not in hy and not (
                re.search(r"(?i)\b(?:for|within|in|about|just|only|than|split|every|per|half)"
                          r"\s+\Z", text[max(0, s - 8):s])
                or re.match(r"\s+(?:or\s+two|per|long|delay)\b", text[e:e + 12])):
            return None  # "followed by a second in 2026": the ordinal, not a duration
        if post in ("later", "earlier") and re.match(r"\s+than\b", text[e:e + 6]):
            # "a year later than planned", "six months earlier than expected": a difference
            n0 = _num(numraw)
            v0 = _dur_value(n0, unit) if n0 is not None else None
            return dict(value=v0, type="DURATION", precision="duration",
                        _end=m.start("post")) if v0 else None
        if re.fullmatch(r"[0-2]\d[0-5]\d", numraw) and unit == "hour":
            return None  # "at 0600 hours": a clock time of the military, not 600 hours
        n = _num(numraw)
        if n is None and numraw not in _VAGUE and not numraw.startswith(("a ", "few", "sev")):
            if numraw not in ("many", "some", "numerous"):
                return None
        if numraw in ("a", "an") and not g.get("pl") and unit in ("day", "night") and not post \
                and not dirw:
            return None  # 'a day' alone is usually not a TIMEX duration
        if numraw == "one" and unit == "day" and not (g.get("pl") or post or dirw or g.get(
                "appr")) and re.search(r"(?i)\b(?:will|would|could|may|might|shall|should|can)"
                                       r"\s+\Z", text[max(0, s - 10):s]):
            # "Islam will one day be ...": some day in the future, not a length
            return dict(value="FUTURE_REF", type="DATE", precision="ref", relative=True)
        if numraw in ("a", "an") and not g.get("pl") and not post and not dirw and not g.get(
                "appr") and _RATE_RE.search(text, max(0, s - 30), s):
            return None  # a rate: '700 seats a week', '$1.76 a year' ('per', not a duration)
        if numraw in ("a", "an", "one") and g.get("pl"):
            return None
        if numraw in ("some",) and not g.get("pl"):
            return None
        if unit == "second" and numraw in ("a", "an") and not g.get("pl") and not post and not \
                re.match(r"\s*(?:[.,;:!?)'\"]|$|(?:or|and|to|of|in|for|later|ago|earlier|"
                         r"before|after)\b)", text[e:e + 10]):
            return None  # 'a second betrayal': an ordinal
        if g["unit"][:1].isupper() and numraw[:1].isdigit():
            return None  # '60 Minutes', '48 Hours': a title
        if numraw in ("second",):
            return None
        if unit == "quarter" and (g.get("pl") and "-" in hy or re.match(r"\s+of\b", text[e:])):
            return None  # 'three-quarters of' is a fraction
        appr = (g.get("appr") or "").lower()
        appr = re.sub(r"\s+", " ", appr)
        mod = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX",
               "approximately": "APPROX", "some": "APPROX", "nearly": "LESS_THAN",
               "almost": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
               "just over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
               "just under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
               "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
               "within": "EQUAL_OR_LESS"}.get(appr)
        if g.get("half") and n is not None and float(n).is_integer():
            n += 0.5  # "a minute and a half", "two years and a half"
        if post.startswith("or so"):
            # "a week or so", "a week or so ago"
            mod, post = "APPROX", post.removeprefix("or so").strip()
        if post in ("ago", "later", "earlier", "before", "after", "afterwards", "afterward",
                    "from now", "hence"):
            out = _ago(ctx, n, unit, post, mod, text, s, e)
            if out is not None and out.get("value") is None and m.start("post") > 0 \
                    and post not in ("ago", "from now", "hence"):
                # "a few days later" with no date to count from: the TIMEX3 is the length
                # alone ("a few days", PXD), as in TimeML; the date stays unknown
                v = _dur_value(n, unit)
                if v is not None:
                    return dict(value=v, type="DURATION", precision="duration", mod=mod,
                                approximate=mod == "APPROX", _end=m.start("post"))
            return out
        if post == "old":
            return None  # ages are not dates
        v = _dur_value(n, unit)
        if v is None:
            return None
        return dict(value=v, type="DURATION", precision="duration", mod=mod,
                    approximate=mod == "APPROX")

    if name == "fyear":
        return dict(value="P1Y", type="DURATION", precision="duration")

    if name == "durlong":
        v = _dur_value(None if g.get("pl") else 1, g["unit"].lower())
        return dict(value=v, type="DURATION", precision="duration") if v else None

    if name == "weekof":
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        day = int(re.sub(r"\D", "", g["day"]))
        if g.get("year"):
            v = f"{int(g['year']):04d}-{mon:02d}-{day:02d}" if _valid(int(g["year"]), mon,
                                                                     day) else None
        else:
            v = _md_no_year(ctx, mon, day, tense())
        if v is None or v.startswith("X"):
            return dict(value=None, type="DATE", precision="week", relative=True)
        return dict(value=_week(_dt.date.fromisoformat(v)), type="DATE", precision="week",
                    relative=not g.get("year"))

    if name == "durbare":
        return dict(value=_dur_value(None, g["unit"].lower()), type="DURATION",
                    precision="duration")

    if name == "monrel":
        if dct.y is None:
            return None
        mon = _MONTHS[g["mon"].rstrip(".").lower()]
        mod, approx = _mod_of(g.get("mod"))
        y = dct.y + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        return dict(value=_ym(y, mon), type="DATE", precision="month", relative=True, mod=mod,
                    approximate=approx)

    if name == "durvague":
        pre = re.sub(r"\s+", " ", g["pre"].lower())
        unit = g["unit"].lower()
        return dict(value=_dur_value(None, unit), type="DURATION", precision="duration",
                    relative=pre in ("recent", "in recent", "the recent"))

    if name == "durunit":
        return dict(value=_dur_value(1, g["unit"].lower()), type="DURATION",
                    precision="duration")

    if name == "set":
        if g.get("adv"):
            a = g["adv"].lower()
            v = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                 "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "nightly": "P1D",
                 "biannually": "P6M", "biweekly": "P2W"}[a]
            if a == "quarterly":
                return None  # 'quarterly dividend/report' is an adjective, not a TIMEX
            return dict(value=v, type="SET", precision="set")
        if g.get("times"):
            return dict(value=_dur_value(1, g["unit2"].lower()), type="SET", precision="set")
        u = g["unit"].lower()
        if u in _WEEKDAYS:
            pod = f"T{_POD[g['spod'].lower()]}" if g.get("spod") else ""
            return dict(value=f"XXXX-WXX-{_WEEKDAYS[u] + 1}{pod}", type="SET", precision="set")
        if g.get("spod"):
            return None  # "every day night": not a set this grammar knows
        if u in _MONTHS:
            return dict(value=f"XXXX-{_MONTHS[u]:02d}", type="SET", precision="set")
        if u in _SEASONS:
            return dict(value=f"XXXX-{_SEASONS[u]}", type="SET", precision="set")
        n = _num(g["num"]) if g.get("num") else 1
        if g.get("other"):
            n = (n or 1) * 2
        # a SET keeps quarters as quarters ("every quarter" -> P1Q), unlike a duration
        v = f"P{_fmt_num(n)}Q" if u.rstrip("s") == "quarter" and n else _dur_value(n, u)
        if v is None:
            return None
        return dict(value=v, type="SET", precision="set")

    return None


_RANK = {"year": 0, "quarter": 1, "month": 2, "day": 3}
_ORDW = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
         "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth")
_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_UNIT_PREC = {"day": "day", "week": "week", "weekend": "week", "month": "month",
              "year": "year", "quarter": "quarter", "decade": "decade", "century": "decade"}


def _quarter_anchor(ctx: _Ctx) -> _dt.date | None:
    """First day of the quarter under discussion, if the text named one before."""
    return ctx.quarter


def _report_period(name: str, g: dict[str, Any], ctx: _Ctx) -> dict[str, Any] | None:
    """Periods of a financial report, anchored on the quarter under discussion.

    "the quarter" / "the latest period" -> that quarter; "the year-ago quarter", "the
    year-earlier period", "the corresponding period last year", "a year-earlier loss" -> the
    same quarter a year before; "the 1988 second quarter" -> '1988-Q2'; "last year's quarter"
    -> the quarter under discussion, in the year before the DCT. Without a quarter under
    discussion the value stays None (extent only) unless the text gives year and quarter.
    """
    qa = _quarter_anchor(ctx)
    dct = ctx.dct
    out = dict(value=None, type="DATE", precision="quarter", relative=True)
    if name == "yago":
        # "year-earlier results": the year before that of the period under discussion
        y0 = qa.year if qa is not None else dct.y
        return dict(out, value=str(y0 - 1) if y0 else None, precision="year")
    u = (g.get("u") or "").lower()
    if name == "qthe":
        adj = re.sub(r"\s+", " ", (g.get("adj") or "").lower())
        back = bool(g.get("ya") or g.get("ly"))
        qe = _QUARTER_ENDED.match(ctx.text, g["_e"]) if u == "quarter" and not back else None
        if qe is not None and qa is None:
            # "the quarter ended Sept. 30": the calendar quarter ending that day (or in that
            # week: 13-week fiscal quarters end on a weekday); a quarter ending in another
            # month is a fiscal quarter, not a calendar one (no value)
            mon = _MONTHS[qe["mon"].rstrip(".").lower()]
            day = int(re.sub(r"\D", "", qe["day"]))
            if mon % 3 or day < _last_day(2001, mon) - 6:
                return out
            if qe["year"]:
                y = int(qe["year"])
            else:
                v = _md_no_year(ctx, mon, day, "past")
                if v is None or v.startswith("X"):
                    return out
                y = int(v[:4])
            return dict(out, value=f"{y}-Q{mon // 3}", _topic=True)
        if u == "period" and not (adj in ("latest", "most recent", "just-ended") or back):
            return None  # 'the period' alone is not a date
        if u == "period" and adj in ("comparable", "corresponding", "same") and not back:
            return None
        if qa is None and dct.m is not None and _AMOUNT_RE.search(
                _sentence_left(ctx.text, g["_s"]) + ctx.text[g["_s"]:g["_s"] + 80]):
            # a financial report without a named quarter: the last quarter completed
            qa = _dt.date(*_add_months(dct.y, (dct.m - 1) // 3 * 3 + 1, -3), 1)
        if qa is None:
            return out
        return dict(out, value=f"{qa.year - back}-Q{(qa.month - 1) // 3 + 1}")
    # qyear
    o = (g.get("ord") or "").lower()
    q = _ORD.get(o) if o else ((qa.month - 1) // 3 + 1 if qa else None)
    if g.get("y"):
        y: int | None = int(g["y"])
        out["relative"] = q is None or not o
    elif g.get("ya"):
        y = (qa.year - 1) if qa else (dct.y - 1 if dct.y else None)
    else:
        yp = g["yp"].lower()
        y = dct.y + {"this": 0, "last": -1, "next": 1}[yp] if dct.y else None
    if q is None and g.get("y"):
        return dict(out, value=str(y), precision="year")  # "the 1988 period": the year at least
    if q is None or y is None:
        return out if (u == "quarter" or g.get("ord")) else None
    return dict(out, value=f"{y}-Q{q}")


# a past event is not in a part of the DCT's year (month) that had not begun by the DCT, nor
# a plan in one already over: the month (day) from which that part counts as begun or over
# (the future in the past: "said the deliveries would take place ...", "was to begin ...")
_FUTURE_IN_PAST = re.compile(r"(?i)\bwould\b|\b(?:was|were)\s+(?:to|due|expected|scheduled|"
                             r"set)\b")
_PART_BEGUN = {"END": (11, 21), "LATE": (7, 16)}
_PART_OVER = {"START": (2, 10), "EARLY": (6, 15)}


def _under_discussion(ctx: _Ctx, at: int, unit: str, mod: str | None,
                      tense: str | None) -> dict[str, Any]:
    """The year, month, week or day a text means by "the year" ("by the end of the year",
    "earlier in the month", "by year-end"): that of a date named before it in its sentence
    ("In 2015 Egypt ordered 24 jets; the first arrived at the end of the year"), else the
    DCT's ("the year" in a later sentence is the reporting year far more often than the year
    of an aside). "Earlier/later in the day" is the day of the last date named, as "that day".

    A plan ('future') is not in a period already past: then the DCT's. In the DCT's own year
    (month), a past event is not in a part not yet begun ("the end of the year" told in the past
    in October is the year before) and a plan not in a part already over ("will start at the
    beginning of the year" in June is the next one)."""
    dct = ctx.dct
    none = dict(value=None, type="DATE", precision="decade" if unit == "century" else unit)
    anc = ctx.anchor
    if anc is not None and unit != "day" and _SENT_BREAK.search(ctx.text, ctx.anchor_at, at):
        anc = None  # named in an earlier sentence
    elif ctx.stale or (ctx.inexact and unit != "year"):
        return none
    if anc is None:
        if dct.y is None:
            return none
        anc = ("day" if dct.date else "month" if dct.m else "year",
               dct.date or _dt.date(dct.y, dct.m or 1, 1))
    elif tense == "future" and _FUTURE_IN_PAST.search(ctx.text, ctx.anchor_at, at):
        # "In March 2022, the ministry said the deliveries would take place in the second half
        # of the year": a plan told from the time of that date, not from the DCT's
        tense = None
    need = {"year": "year", "month": "month", "week": "day", "day": "day", "decade": "year",
            "century": "year"}[unit]
    if _RANK[anc[0]] < _RANK[need] and tense == "future" and dct.date is not None and \
            anc[1].year <= dct.y:
        anc = ("day", dct.date)  # a plan "by the end of the month" after "in 1990": the DCT's
    if _RANK[anc[0]] < _RANK[need]:
        return none
    d = anc[1]
    if unit == "day":
        return dict(value=_ymd(d), type="DATE", precision="day")
    if unit in ("decade", "century"):
        k = 10 if unit == "decade" else 100
        y = d.year if not (tense == "future" and dct.y is not None and d.year // k < dct.y // k) \
            else dct.y
        return dict(value=str(y // k), type="DATE", precision="decade")
    if unit == "week":
        if tense == "future" and dct.date is not None and d < dct.date:
            d = dct.date
        return dict(value=_week(d), type="DATE", precision="week")
    if unit == "month":
        y, m = d.year, d.month
        if dct.m is not None:
            if tense == "future" and (y, m) < (dct.y, dct.m):
                y, m = dct.y, dct.m
            if (y, m) == (dct.y, dct.m) and dct.d is not None:
                if tense == "past" and mod in _PART_BEGUN and dct.d < _PART_BEGUN[mod][1]:
                    y, m = _add_months(y, m, -1)
                elif tense == "future" and mod in _PART_OVER and dct.d > _PART_OVER[mod][1]:
                    y, m = _add_months(y, m, 1)
        return dict(value=_ym(y, m), type="DATE", precision="month")
    y = d.year
    if dct.y is not None:
        if tense == "future" and y < dct.y:
            y = dct.y
        if y == dct.y and dct.m is not None:
            if tense == "past" and mod in _PART_BEGUN and dct.m < _PART_BEGUN[mod][0]:
                y -= 1
            elif tense == "future" and mod in _PART_OVER and dct.m > _PART_OVER[mod][0]:
                y += 1
    return dict(value=str(y), type="DATE", precision="year")


def _shift_unit(anc: tuple[str, _dt.date] | None, unit: str, k: int) -> dict[str, Any]:
    """A calendar unit containing the anchor, shifted by k units, at the unit's precision."""
    prec_need = {"day": "day", "week": "day", "weekend": "day", "month": "month",
                 "quarter": "quarter", "year": "year", "decade": "year", "century": "year"}
    rank = _RANK
    p = _UNIT_PREC.get(unit, "year")
    if anc is None or rank[anc[0]] < rank[prec_need.get(unit, "year")]:
        return dict(value=None, type="DATE", precision=p)
    d = anc[1]
    if unit == "day":
        return dict(value=_ymd(d + _dt.timedelta(days=k)), type="DATE", precision="day")
    if unit in ("week", "weekend"):
        w = _week(d + _dt.timedelta(days=7 * k))
        return dict(value=w + ("-WE" if unit == "weekend" else ""), type="DATE",
                    precision="week") if unit == "week" else dict(value=w, type="DATE",
                                                                   precision="week")
    if unit == "month":
        y, m = _add_months(d.year, d.month, k)
        return dict(value=_ym(y, m), type="DATE", precision="month")
    if unit == "quarter":
        y, m = _add_months(d.year, d.month, 3 * k)
        return dict(value=f"{y}-Q{(m - 1) // 3 + 1}", type="DATE", precision="quarter")
    if unit == "year":
        return dict(value=str(d.year + k), type="DATE", precision="year")
    if unit == "decade":
        return dict(value=str(d.year // 10 + k), type="DATE", precision="decade")
    if unit == "century":
        return dict(value=str(d.year // 100 + k), type="DATE", precision="decade")
    return dict(value=None, type="DATE", precision=p)


# the word before 'a week' in a rate: a number, an amount or a plural noun ('four flights')
_RATE_RE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|percent|cents?|"
                      r"(?!(?:was|has|is|does|this|its|his|us|as|yes|less|across|always|"
                      r"perhaps|thus|plus|towards?|afterwards)\s)[a-z]+[^s\W]s))\s+\Z")
_COMPARE_LEFT = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|from|than|versus|vs\.?)\s+"
                           r"(?:[$#£€]?[\d.,]+\s*(?:million|billion|%|percent)?\s*)?\Z")
_AMOUNT_RE = re.compile(r"[$#£€]\s?\d|\d\s?%|\bcents?\b|\b[mb]illion\b|\bpercent\b")


def _sentence_left(text: str, s: int, reach: int = 160) -> str:
    """The part of the sentence before offset s (at most `reach` characters)."""
    left = text[max(0, s - reach):s]
    br = [mm.end() for mm in _SENT_BREAK.finditer(left)]
    return left[br[-1]:] if br else left


def _clause_left(text: str, s: int, reach: int = 160) -> str:
    """The part of the sentence before offset s after its last semicolon ("Russia invaded on
    Feb. 24, 2022; by March 2, ..." starts a clause of its own at "by")."""
    return _sentence_left(text, s, reach).rsplit(";", 1)[-1]


def _ago(ctx: _Ctx, n: float | None, unit: str, post: str, mod: str | None, text: str,
         s: int, e: int) -> dict[str, Any] | None:
    """'two years ago' (DCT-anchored) and 'a day later' (anchored on the previous date)."""
    unit = "century" if unit.startswith("centur") else unit
    anaphoric = post not in ("ago", "from now", "hence")
    sign = -1 if post in ("ago", "earlier", "before") else 1
    exact = bool(re.search(r"(?i)\bexactly\s+$", text[max(0, s - 10):s]))
    approx = mod in ("APPROX",) or n is None
    p = _UNIT_PREC.get(unit, "year")
    if unit in ("second", "minute", "hour"):
        return dict(value=None, type="TIME", precision="minute", relative=True, mod=mod)
    if n is None or not float(n).is_integer():
        return dict(value=("PAST_REF" if sign < 0 else "FUTURE_REF") if not anaphoric
                    else None, type="DATE", precision="ref", relative=True, mod=mod,
                    approximate=True)
    n = int(n)
    compare = unit == "year" and post in ("ago", "earlier") and (
        _COMPARE_LEFT.search(text, max(0, s - 40), s) or _AMOUNT_RE.search(
            _sentence_left(text, s)))
    if compare and ctx.quarter is not None:
        # "$5 million, or 20 cents a share, a year ago": the quarter under discussion
        prec, d = "quarter", ctx.quarter
    elif compare and ctx.dct.y is not None and post == "earlier":
        # "sales of $348 million compared with $307 million a year earlier": a year before
        # the report, like "a year ago" (not a year before the last date named)
        dct = ctx.dct
        d = dct.date or _dt.date(dct.y, dct.m or 1, 1)
        prec, anaphoric = "year", False
    elif anaphoric and ctx.stale:
        return dict(value=None, type="DATE", precision=p, relative=True, mod=mod)
    elif anaphoric and ctx.anchor is not None:
        # counted back from a range: from its start ("from 2014 to 2018 ... two years earlier")
        prec, d = ctx.span if sign < 0 and ctx.span is not None else ctx.anchor
        if ctx.dur_at > ctx.anchor_at and not _SENT_BREAK.search(text, ctx.dur_at, s):
            # "within 14 days ..., seven days later": counted from the end of that span, which
            # is not known
            return dict(value=None, type="DATE", precision=p, relative=True, mod=mod)
    elif ctx.dct.y is not None:
        dct = ctx.dct
        d = dct.date or _dt.date(dct.y, dct.m or 1, 1)
        prec = "day" if dct.date else "month" if dct.m else "year"
    else:
        return dict(value=None, type="DATE", precision=p, relative=True, mod=mod)
    rank = _RANK
    out: dict[str, Any]
    if unit in ("day", "night"):
        if prec != "day":
            return dict(value=None, type="DATE", precision="day", relative=True, mod=mod)
        out = dict(value=_ymd(d + _dt.timedelta(days=sign * n)), type="DATE", precision="day")
    elif unit in ("week", "fortnight", "weekend"):
        if prec != "day":
            return dict(value=None, type="DATE", precision="week", relative=True, mod=mod)
        k = n * (2 if unit == "fortnight" else 1)
        nd = d + _dt.timedelta(days=7 * sign * k)
        if exact:
            out = dict(value=_ymd(nd), type="DATE", precision="day")
        else:
            out = dict(value=_week(nd), type="DATE", precision="week")
    elif unit == "month":
        if rank[prec] < rank["month"]:
            return dict(value=None, type="DATE", precision="month", relative=True, mod=mod)
        if exact and prec == "day":
            out = dict(value=_ymd(_add_months_day(d, sign * n)), type="DATE", precision="day")
        else:
            y, m = _add_months(d.year, d.month, sign * n)
            out = dict(value=_ym(y, m), type="DATE", precision="month")
    elif unit == "quarter":
        if rank[prec] < 1:
            return dict(value=None, type="DATE", precision="quarter", relative=True, mod=mod)
        y, m = _add_months(d.year, d.month, 3 * sign * n)
        out = dict(value=f"{y}-Q{(m - 1) // 3 + 1}", type="DATE", precision="quarter")
    elif unit == "year" and prec == "quarter":
        # the period under discussion a year before: "earned $2 million a year earlier"
        out = dict(value=f"{d.year + sign * n}-Q{(d.month - 1) // 3 + 1}", type="DATE",
                   precision="quarter")
    elif unit == "year":
        if exact and prec == "day":
            nd = _add_months_day(d, 12 * sign * n)
            out = dict(value=_ymd(nd), type="DATE", precision="day")
        else:
            out = dict(value=str(d.year + sign * n), type="DATE", precision="year")
    elif unit == "decade":
        # "a decade ago" is the year ten years before, like "ten years ago" (rounded)
        out = dict(value=str(d.year + sign * 10 * n), type="DATE", precision="year")
        approx = True
    else:
        out = dict(value=str(d.year // 100 + sign * n), type="DATE", precision="decade")
    out.update(relative=True, mod=mod, approximate=approx)
    if anaphoric:
        out["_anaphor"] = True
        first = _first_day(out.get("value"))
        if sign > 0 and first and ctx.dct.date and first > ctx.dct.date \
                and _tense(text, s, e) == "past":
            # "Two weeks later, the minister confirmed ...": a past event after the publication
            # date means the date counted from is not the one the text means
            return dict(value=None, type="DATE", precision=p, relative=True, mod=mod)
    return out


def _first_day(v: str | None) -> _dt.date | None:
    """The first day of a calendar value ('2023-W37' -> its Monday), or None."""
    sp = _span_of(v, None) if v and v[:1].isdigit() else None
    if not sp or not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", sp[0]):
        return None
    y, m, d = (list(map(int, sp[0].split("-"))) + [1, 1])[:3]
    return _dt.date(y, m, d)


# --------------------------------------------------------------------------------------------
# dateparser fallback (cached) for numeric stamps the grammar does not take
# --------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
def _dp_parse(s: str, base: str | None, language: str) -> tuple[str, str] | None:
    """(iso-ish value, period) from dateparser, or None. Cached on the string."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover
        return None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                                "STRICT_PARSING": False, "DATE_ORDER": "YMD"}
    if base:
        settings["RELATIVE_BASE"] = _dt.datetime.fromisoformat(base)
    try:
        dd = DateDataParser(languages=[language], settings=settings).get_date_data(s)
    except Exception as exc:  # dateparser raises many kinds on odd input
        log.debug("dateparser failed on %r: %s", s, exc)
        return None
    if not dd or dd.date_obj is None:
        return None
    d = dd.date_obj
    per = dd.period or "day"
    if per == "year":
        return str(d.year), per
    if per == "month":
        return _ym(d.year, d.month), per
    if per == "time":
        return f"{_ymd(d)}T{d.hour:02d}:{d.minute:02d}", per
    return _ymd(d), per


# --------------------------------------------------------------------------------------------
# main entry point
# --------------------------------------------------------------------------------------------
# a necessary condition for a numeric date (a digit, a separator, a digit); it starts with a
# character class, so the regex engine skips to candidates fast (the 'num' rule cannot)
_NUM_HINT = re.compile(r"\d\s*[/.-]\s*\d{1,2}\s*[/.-]")


# per rule, a pattern without look-arounds that matches inside every match of the rule: in a
# window where it is not found, the rule cannot match (speed: these rules have long windows
# and few matches). Each starts with a plain character or a character class, so the engine
# skips to its candidates fast (a pattern ignoring case cannot: the letters are spelled out
# as classes of what matches them ignoring case, the Kelvin sign with 'k').
_RULE_HINTS: dict[str, re.Pattern[str]] = {
    "num": _NUM_HINT,  # a, separator, b, separator
    "iso": re.compile(r"\d[-.][01]\d[-.]"),  # year-month-day
    "compact": re.compile(r"\d\d{7}"),
    "ymdslash": re.compile(r"\d/\d"),
    "decade": re.compile(r"0s"),  # 1990s, '90s
    "durlong": re.compile(r"-[Ll][Oo][Nn][Gg]"),  # -(?i:long)
    "weekof": re.compile("[Ww][Ee][Ee][Kk\u212a]\\s+[Oo][Ff]"),  # (?i:week\s+of)
    "monof": re.compile(r"[Yy][Ee][Aa][Rr]"),  # "... of the following year"
    "dmyy": re.compile(r"\d\s+[A-Z][a-z]{2,8}\.?\s+\d\d(?!\d)"),  # 12 Mar 24
    "myy": re.compile("['\u2019]\\d\\d"),  # March '23
}


def _detect_day_first(text: str) -> bool | None:
    first_big = second_big = False
    if not _NUM_HINT.search(text):
        return None
    for m in _RULES_BY_NAME["num"].finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 and b <= 12:
            first_big = True
        elif b > 12 and a <= 12:
            second_big = True
    if first_big and not second_big:
        return True
    if second_big and not first_big:
        return False
    return None


_RULES_BY_NAME = {n: r for n, r, _ in _RULES}
_ANAPHORIC_RULES = frozenset({"relunit", "backthen", "dur", "quarter", "qyear", "qthe", "yago",
                              "podrel", "partof", "wdrel", "midpod", "qrel", "monof",
                              "daybefore"})
# rules that need the dates before them only in some places (resolved again there): a weekday
# joined to the one before it ("Thursday and Friday"), "overnight"
_CONTEXT_AT_TIMES = {
    "weekday": lambda text, s, e: bool(_WD_COORD_LEFT.search(text, max(0, s - 30), s)),
    "deictic": lambda text, s, e: text[s:e].lower() == "overnight",
}

# the tokens of the text are the runs of ASCII letters and the runs of digits (what
# ``_TOKEN_RE`` finds); _windows looks only at those that can trigger a rule
_TOKEN_RE = re.compile(r"[A-Za-z]+|\d+")
_TRIGGER_CASED = {
    "Christmas", "Year", "Thanksgiving", "Easter", "Halloween", "Valentine", "Boxing", "Labor",
    "Orthodox", "Victory", "Bastille", "Defender",
    "Memorial", "Veterans", "Election",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Q", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
    "Sun", "FY", "H", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays",
    "Sundays",
}
# lowercase trigger words -> the rules worth running around them (speed: each rule runs only
# where one of its own words occurs)
_R_UNIT = frozenset({"dur", "durunit", "relunit", "set", "durlong", "partof",
                     "beforelast"})  # a singular unit word
_R_UNITS = frozenset({"dur", "durvague", "durbare", "set", "durlong"})  # a plural unit word
_R_REF = frozenset({"ref"})
_R_DEICTIC = frozenset({"deictic"})
_R_CLOCK = frozenset({"clockday"})
_WORD_RULES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("now", "nowadays", "currently", "current", "present", "presently",
                     "moment", "recent", "recently", "lately", "past", "future", "soon",
                     "date"), _R_REF),
    **dict.fromkeys(("today", "tonight", "yesterday", "tomorrow", "overnight", "morning",
                     "afternoon", "evening", "night"), _R_DEICTIC | _R_UNIT | _R_UNITS |
                    {"podrel", "midpod"}),
    **dict.fromkeys(("midmorning", "midafternoon", "midevening"), frozenset({"midpod"})),
    "ago": frozenset({"dur"}),
    **dict.fromkeys(("then", "time"), frozenset({"backthen"})),
    **dict.fromkeys(("second", "minute", "hour", "week", "fortnight", "month", "decade"),
                    _R_UNIT),
    "day": _R_UNIT | {"dayis", "daybefore"},
    **dict.fromkeys(("seconds", "minutes", "hours", "weeks", "months", "years", "decades",
                     "centuries", "nights"), _R_UNITS),
    "days": _R_UNITS | _R_REF,  # 'these days'
    "year": _R_UNIT | {"yago", "monrel", "fyear"},
    "weekend": _R_UNIT | {"weekend"},
    "century": _R_UNIT | {"century"},
    **dict.fromkeys(("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                     "eighties", "nineties"), frozenset({"decadew"})),
    "weekends": _R_UNITS,
    "quarter": _R_UNIT | {"quarter", "qyear", "qthe", "qrel"},
    "quarters": _R_UNITS,
    "period": frozenset({"qyear", "qthe"}),
    **dict.fromkeys(("spring", "summer", "autumn", "fall", "winter"),
                    frozenset({"season", "set"})),
    **dict.fromkeys(("daily", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly",
                     "nightly", "biannually", "biweekly"), frozenset({"set"})),
    "half": frozenset({"half"}),
    **dict.fromkeys(("nineteen", "thousand"), frozenset({"spyear"})),
    # clock times: 'p.m.' tokenizes to 'p', 'm'
    **dict.fromkeys(("m", "pm", "noon", "midnight", "midday"), _R_CLOCK),
}
# every match of a rule contains one of its trigger tokens: "May 30, 2023" runs the month-day
# rules around "May" only (a weekday or a year in it triggers no more than its own rules)
_R_MONTH = frozenset({"mdy", "md", "my", "month", "dmy", "dm", "set", "weekof", "monof", "dmyy",
                      "myy"})
_R_WD = frozenset({"weekday", "set", "wdrel", "nthwd"})
_R_YEAR = frozenset({"year", "yrange", "decade", "num", "iso", "compact", "ymdslash"})
_R_NUM = frozenset({"num", "iso", "decade"})
_R_Q = frozenset({"quarter"})
_R_HOLIDAY = frozenset({"holiday"})
_HOLIDAY_WORDS = frozenset({"Christmas", "Year", "Thanksgiving", "Easter", "Halloween", "Orthodox",
                            "Victory", "Bastille", "Defender",
                            "Valentine", "Boxing", "Labor", "Memorial", "Veterans", "Election"})
# how far (characters) a rule's match, and what its lookarounds test, reaches to the left
# and right of the trigger token: a rule's windows are its tokens widened by its reach
_REACH_DEFAULT = (45, 50)
_REACH: dict[str, tuple[int, int]] = {
    "iso": (0, 50), "compact": (0, 10), "ymdslash": (0, 20),  # the match starts at the year
    "decade": (45, 10), "yrange": (45, 25), "year": (45, 30), "num": (45, 35),
    "md": (45, 30), "dm": (45, 20), "month": (45, 15), "my": (45, 35),
    "set": (45, 15), "dur": (45, 30), "relunit": (70, 25), "durunit": (45, 15),
    "partof": (45, 30), "dayis": (70, 20),
    "durvague": (45, 10),
}


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per rule, the merged [start, end) windows around that rule's own trigger tokens.

    Each rule runs only where one of its trigger words occurs (not in the union of every
    rule's windows), which keeps the regex work proportional to the rule's hits.
    """
    hits: dict[frozenset[str], list[tuple[int, int]]] = {}
    n = len(text)
    tok_rules = _TOK_RULES
    for m in _TRIGGER_SCAN.finditer(text):
        g = m.lastindex
        if g is None:
            break  # the end of the text
        ts, te = m.span(g)
        t = m[g]
        if g == 1:
            rules = tok_rules.get(t)
            if rules is None:
                if t.islower() or t.lower() not in _WORD_RULES:
                    continue  # a lowercase word not in the table, or a name
                rules = _WORD_RULES[t.lower()]  # 'Now', 'TODAY'
        else:
            ln = len(t)
            if ln == 4 or ln == 8:
                if not ("16" <= t[:2] <= "20"):
                    continue
                rules = _R_YEAR
            else:  # one or two digits
                nx = text[te:te + 3]
                if not (nx[:1] in "/.-" and len(nx) > 1 and nx.lstrip("/.- ")[:1].isdigit()) \
                        and not (nx[:1] == "s" and text[ts - 1:ts] == "'"):
                    continue
                rules = _R_NUM
        lst = hits.get(rules)
        if lst is None:
            hits[rules] = [(ts, te)]
        else:
            lst.append((ts, te))
    # per rule, the merged windows around the tokens of the classes that trigger it, with the
    # rule's own reach; rules with the same classes and reach share them
    by_rule: dict[str, list[frozenset[str]]] = {}
    for rules in hits:
        for r in rules:
            by_rule.setdefault(r, []).append(rules)
    out: dict[str, list[tuple[int, int]]] = {}
    done: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
    for r, classes in by_rule.items():
        lr, rr = _REACH.get(r, _REACH_DEFAULT)
        key = (*classes, lr, rr)
        got = done.get(key)
        if got is None:
            toks = hits[classes[0]] if len(classes) == 1 else sorted(
                t for c in classes for t in hits[c])
            got = []
            cs, ce = toks[0][0] - lr, toks[0][1] + rr
            for ts, te in toks:
                ts -= lr
                if ts <= ce:
                    te += rr
                    if te > ce:
                        ce = te
                else:
                    got.append((cs if cs > 0 else 0, ce if ce < n else n))
                    cs, ce = ts, te + rr
            got.append((cs if cs > 0 else 0, ce if ce < n else n))
            done[key] = got
        out[r] = got
    return out


def _prefix_tree(words: list[str]) -> str:
    """``words`` (longest first) as a regular expression shaped like a prefix tree.

    It matches what ``"|".join(map(re.escape, words))`` matches, with the same choice where
    several words fit (the longest one the rest of the pattern accepts): at each character
    only the branches that continue with it are tried, and a word that ends is tried after
    every longer word through it. A position is tested once, not once per word.
    """
    branches: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    alternatives = [re.escape(c) + _prefix_tree(rest) for c, rest in branches.items()]
    if ends:
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


_PAST_RE = re.compile(r"(?i)\b(\w{2,}ed|according\s+to|"
                      + _prefix_tree(sorted(_PAST_WORDS, key=lambda w: (-len(w), w))) + r")\b")

_PERIOD_WIN_L, _PERIOD_WIN_R = 120, 60


def _period_windows(text: str, low: str, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged windows around the trigger words of a named period (the whole text if the
    lowercase text does not line up with the text, as for a few non-ASCII letters)."""
    n = len(text)
    if len(low) != n:
        return [(0, n)]
    spans = []
    for t in triggers:
        i = low.find(t)
        while i >= 0:
            spans.append((max(0, i - _PERIOD_WIN_L), min(n, i + len(t) + _PERIOD_WIN_R)))
            i = low.find(t, i + 1)
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _cased_rules(t: str) -> frozenset[str]:
    if t == "FY":
        return _R_YEAR | {"fy2"}
    if t == "Q":
        return _R_Q
    if t == "H":
        return frozenset({"half"})
    if t in _WEEKDAYS_CASED:
        return _R_WD
    if t in _HOLIDAY_WORDS:
        return _R_HOLIDAY | _WORD_RULES.get(t.lower(), frozenset())
    return _R_MONTH


_WEEKDAYS_CASED = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                   "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
                   "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays",
                   "Sundays"}


# while explain() runs: (start, end, rule) of each mention as a rule gave it
_trace: list[tuple[int, int, str]] | None = None


def explain(text: str, published: str | _dt.date | None, *, language: str = "en",
            day_first: bool | None = None) -> list[tuple[DateMention, str]]:
    """``find_dates``'s mentions, each with the name of the grammar rule that found it.

    A mention the discourse steps made ("from 5 to 15 June" joined into one range, "April 24
    and 25", the day before a date) is named by the rule that found its first words, or
    ``"discourse"`` when no rule's mention starts where it does. Not thread-safe: a debugging
    and testing aid (the rule examples use it).
    """
    global _trace
    _trace = []
    try:
        found = find_dates(text, published, language=language, day_first=day_first)
        starts = {s: name for s, _e, name in _trace}
    finally:
        _trace = None
    return [(m, starts.get(m.start, "discourse")) for m in found]


def find_dates(text: str, published: str | _dt.date | None, *, language: str = "en",
               day_first: bool | None = None) -> list[DateMention]:
    """Every date mention of `text`, normalized against the publication date `published`.

    See the module docstring for the rules. Mentions are sorted by start and non-overlapping.
    """
    if not text:
        return []
    if language and not language.lower().startswith("en"):
        log.debug("language %r: only the English grammar is implemented", language)
    dct = _dateline_day(text, _parse_published(published))
    if day_first is None:
        day_first = _detect_day_first(text)
    ctx = _Ctx(text, dct, day_first)

    cands: list[tuple[int, int, int, str, Any]] = []
    # named periods
    low: str | None = None
    for p in load_periods():
        if p.triggers is not None:
            if low is None:
                low = text.lower()
            pwins = _period_windows(text, low, p.triggers)
        else:
            pwins = [(0, len(text))]
        ctx_ms = []
        for ws, we in pwins:
            if p.regex is not None:
                for m in p.regex.finditer(text, ws, we):
                    cands.append((m.start(), m.end(), 100, "period", (p, m)))
            if p.context_regex is not None:
                ctx_ms.extend(p.context_regex.finditer(text, ws, we))
        if ctx_ms and (p.requires is None or p.requires.search(text)):
            for m in ctx_ms:
                cands.append((m.start(), m.end(), 100, "period", (p, m)))
    # the grammar runs only in windows around cheap trigger tokens (speed)
    wins = _windows(text)
    for name, rx, prio in _RULES:
        rwins = wins.get(name)
        if not rwins:
            continue
        hint = _RULE_HINTS.get(name)
        if hint is not None:
            # a rule that rarely matches runs only in windows with what all its matches contain
            rwins = [w for w in rwins if hint.search(text, w[0], w[1])]
        for ws, we in rwins:
            for m in rx.finditer(text, ws, we):
                if m.end() > m.start():
                    cands.append((m.start(), m.end(), prio, name, m))

    # longest first (period priority absolute), then earliest
    cands.sort(key=lambda c: (-(c[2] >= 100), -(c[1] - c[0]), -c[2], c[0]))
    t_starts: list[int] = []
    t_ends: list[int] = []
    chosen = []
    probe = _Ctx(text, dct, day_first)
    probed: dict[int, dict[str, Any]] = {}
    for c in cands:
        s, e = c[0], c[1]
        i = bisect.bisect_right(t_starts, s)
        if (i > 0 and t_ends[i - 1] > s) or (i < len(t_starts) and t_starts[i] < e):
            continue
        if c[3] != "period":
            # a candidate the grammar rejects on closer look must not block shorter ones
            try:
                pr = _resolve(c[3], c[4], probe)
            except (ValueError, OverflowError, KeyError, IndexError):
                pr = None
            if pr is None:
                continue
            if c[3] not in _ANAPHORIC_RULES and not (
                    c[3] in _CONTEXT_AT_TIMES and _CONTEXT_AT_TIMES[c[3]](text, s, e)):
                probed[id(c[4])] = pr
        chosen.append(c)
        t_starts.insert(i, s)
        t_ends.insert(i, e)
    chosen.sort(key=lambda c: c[0])

    out: list[DateMention] = []
    for s, e, _prio, name, m in chosen:
        try:
            if name == "period":
                p, pm = m
                res: dict[str, Any] | None = dict(
                    value=p.start, end_value=p.end, type="DATE",
                    precision=_prec_of(p.start), period=p.id)
            elif id(m) in probed:
                res = dict(probed[id(m)])
            else:
                res = _resolve(name, m, ctx)
        except (ValueError, OverflowError, KeyError, IndexError) as exc:
            log.debug("could not resolve %r (%s): %s", text[s:e], name, exc)
            res = None
        if res is None:
            continue
        # strip a leading 'for'/'in' never included; trim trailing whitespace/punct
        ss, ee = s, e
        seg = text[ss:ee]
        st = len(seg) - len(seg.lstrip())
        ss += st
        seg = text[ss:ee]
        ee = ss + len(seg.rstrip(" \t\n,;:-–—"))
        if ee <= ss:
            continue
        ss += res.pop("_trim", 0)
        anaphor = res.pop("_anaphor", False)
        topic = res.pop("_topic", False)
        if "_end" in res:
            ee = res.pop("_end")
        res.setdefault("end_value", None)
        dm = DateMention(start=ss, end=ee, text=text[ss:ee], value=res.get("value"),
                         type=res.get("type", "DATE"), precision=res.get("precision", "day"),
                         end_value=res.get("end_value"),
                         approximate=bool(res.get("approximate")),
                         relative=bool(res.get("relative")), mod=res.get("mod"),
                         period=res.get("period"))
        if dm.value is not None and not TIMEX3_VALUE_RE.match(dm.value):
            log.debug("dropping non-TIMEX3 value %r for %r", dm.value, dm.text)
            dm = DateMention(**{**_asdict(dm), "value": None})
        dm = _sentence_year(text, out, dm, ctx)
        if _trace is not None:
            _trace.append((dm.start, dm.end, name))
        out.append(dm)
        rng = _range_left(text, out, len(out) - 1, ctx) if dm.type == "DATE" and dm.value \
            and not dm.end_value and "X" not in dm.value and dm.precision in ("day", "month") \
            else None
        if rng is not None:
            # "from 5 to 15 June": one mention from the start, written before, to this end
            dm, covered = rng[0], set(rng[1])
            out = [o for j, o in enumerate(out[:-1]) if j not in covered] + [dm]
        if dm.type == "DURATION":
            ctx.dur_at = ee
        # update the anaphora anchor with calendar dates (not durations/sets/refs); a range's
        # anchor is its end ("from 1 to 5 June. The next day" is June 6)
        if dm.type in ("DATE", "TIME") and dm.value and dm.period is None:
            av = dm.end_value if dm.end_value and "X" not in dm.end_value else dm.value
            vd = _value_date(av[:10] if "T" in av else av)
            if vd is not None and not (anaphor and name == "backthen"):
                ctx.anchor = vd
                ctx.anchor_at = ee
                ctx.stale = ctx.inexact = False
                ctx.span = _value_date(dm.value[:10]) if av != dm.value else None
            elif vd is None and re.match(r"\d{4}-(?:W\d\d|SP|SU|FA|WI|H[12])", dm.value):
                # a week, a season, a half: its year is the anchor
                ctx.anchor = ("year", _dt.date(int(dm.value[:4]), 1, 1))
                ctx.anchor_at = ee
                ctx.stale, ctx.inexact, ctx.span = False, True, None
            elif vd is None and not dm.value.endswith("_REF"):
                ctx.stale = True
            if (name == "quarter" or topic) and vd is not None and vd[0] == "quarter" and \
                    not re.search(r"(?i)year-|same|prior|previous|last|past",
                                  dm.text) and (
                    ctx.quarter is None or vd[1] > ctx.quarter) and (
                    dct.date is None or _add_months_day(vd[1], 3) <= dct.date):
                # the quarter under discussion: the latest completed one named ("after a flat
                # second quarter" does not replace the third; "will result in a
                # fourth-quarter charge" is a forecast, not the report's period)
                ctx.quarter = vd[1]
    return _period_anaphora(text, _day_before_after(text, _clock_before_day(
        text, _conjoined_days(text, _ranges_after(text, out)))))


# "April 24 and 25": a day number joined to a month-day takes its month and year
_CONJ_DAY = re.compile(r"\s+(?:and|or|&)\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
                       r"(?=\s*(?:[.;:)]|,(?!\s*\d)|$|\s+(?:in|at|on|to|for|with|when|while|as|"
                       r"after|before|during|and|or|but|the|that|this)\b))")


# the start of a range written before its end mention: "1-", "from 5 to", "between 28 February
# and", "Feb. 28 -", "January-", "from late March to", "June 2021 to"
_RANGE_START = re.compile(
    rf"(?<![\w$€£.,/-])(?:(?P<kw>(?i:from|between))\s+)?(?:(?i:the)\s+)?"
    rf"(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
    rf"(?:(?P<d1>{_DAY})(?:\s+(?i:of))?(?:\s+(?P<dm1>{_MON}))?"
    rf"|(?P<m1>{_MON})(?:\s*(?P<md1>{_DAY})|,?\s+(?P<y1>{_YEAR}))?)"
    r"(?P<sep>\s*[-–—]\s*|\s*/\s*(?=[A-Z])|\s+(?i:to|and|until|till|through|thru|or)\s+)"
    r"(?:(?P<mod2>(?i:early|mid|late))[-\s]+)?(?:(?i:the)\s+)?\Z")
_RANGE_LEFT_REACH = 45
# the end of a range written after a month-day: "March 2-4, 2023", "Jan. 5 to 7"
_RANGE_END = re.compile(
    rf"(?P<sep>\s*[-–—]\s*|\s+(?i:to|until|till|through|thru)\s+)(?P<d2>{_DAY})"
    rf"(?:\s*,\s*(?P<y>{_YEAR}))?(?![\d%:/-]|[.,]\d|\s*(?:%|percent)|\s+{_MON}|\s+[ap]\.?m\b)")


def _ranges_after(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Ranges whose end is written after a month-day: "March 2-4, 2023", "Jan. 5 to 7".

    (A range whose start is written before its end mention, "1-3 March 2023", "between January
    and March 2022", is formed as the mentions are resolved: :func:`_range_left`.) One mention
    with ``end_value`` replaces the month-day and a year mention after the last day.
    """
    out = list(mentions)
    drop: set[int] = set()
    added: list[DateMention] = []
    for i, m in enumerate(out):
        if i in drop or m.type != "DATE" or m.end_value or m.period or not m.value \
                or "X" in m.value or m.precision != "day":
            continue
        r = _range_right(text, out, i)
        if r is None:
            continue
        rm, covered = r
        drop.update(covered)
        drop.add(i)
        added.append(rm)
    if not added:
        return mentions
    return sorted([m for i, m in enumerate(out) if i not in drop] + added,
                  key=lambda x: x.start)


def _covered(out: list[DateMention], i: int, s: int, e: int) -> list[int] | None:
    """Indexes of the mentions other than ``i`` inside [s, e); None if one crosses an edge."""
    got = []
    for j, o in enumerate(out):
        if j == i or o.end <= s or o.start >= e:
            continue
        if o.start < s or o.end > e:
            return None
        got.append(j)
    return got


def _range_left(text: str, out: list[DateMention], i: int,
                ctx: _Ctx) -> tuple[DateMention, list[int]] | None:
    """A range ending with the mention ``out[i]`` and starting before it, written with its month
    and year once: "1-3 March 2023", "from 5 to 9 June", "between January and March 2022",
    "Feb. 28 - March 3, 2023"; with the indexes of the mentions it covers.

    The start takes the end's month and year (the year before when its month-day comes later
    in the calendar: "from 28 December to 3 January 2023"). Without a year the start is read
    as a month-day alone (its tense, the DCT) and the end is the first such day after it (the
    start alone had taken the DCT's year: "January" in "between January and March 2022").
    """
    m = out[i]
    lo = max(0, m.start - _RANGE_LEFT_REACH)
    rm = _RANGE_START.search(text, lo, m.start)
    if rm is None:
        return None
    g = rm.groupdict()
    sep = g["sep"].strip().lower()
    if sep == "and" and (g["kw"] or "").lower() == "from":
        return None
    y2, mon2 = int(m.value[:4]), int(m.value[5:7])
    explicit = bool(re.search(r"\d{4}", m.text))
    if m.precision == "day":
        day2 = int(m.value[8:10])
        if g["d1"]:
            if not (m.text[:1].isdigit() or m.text[:4].lower() == "the ") and not g["dm1"]:
                return None  # "1 to March 3": not a range of this shape
            mon1 = _MONTHS[g["dm1"].rstrip(".").lower()] if g["dm1"] else mon2
            day1 = int(re.sub(r"\D", "", g["d1"]))
        elif g["m1"] and g["md1"]:
            mon1, day1 = _MONTHS[g["m1"].rstrip(".").lower()], int(re.sub(r"\D", "", g["md1"]))
        else:
            return None
        if (mon1, day1) == (mon2, day2) or (mon1 == mon2 and day1 > day2) or sep == "/":
            return None  # "3-1 March" is a score
        if explicit:
            y1 = y2 if (mon1, day1) < (mon2, day2) else y2 - 1
            if not _valid(y1, mon1, day1):
                return None
            v1, v2 = f"{y1:04d}-{mon1:02d}-{day1:02d}", m.value
        else:
            t = _tense(text, rm.start(), m.end)
            if m.value != _md_no_year(ctx, mon2, day2, t):
                # the end took its sentence's year ("Following ... November 10, 2020, ... on
                # 12 and 13 January"): the start is counted back from it
                y1 = y2 if (mon1, day1) < (mon2, day2) else y2 - 1
                v1 = f"{y1:04d}-{mon1:02d}-{day1:02d}" if _valid(y1, mon1, day1) else None
            else:
                v1 = _md_no_year(ctx, mon1, day1, t)
            if v1 is None or "X" in v1:
                return None
            y1 = int(v1[:4])
            yy = y1 if (mon1, day1) < (mon2, day2) else y1 + 1
            if not _valid(yy, mon2, day2):
                return None
            v2 = f"{yy:04d}-{mon2:02d}-{day2:02d}"
    else:
        if not g["m1"] or g["md1"]:
            return None
        mon1 = _MONTHS[g["m1"].rstrip(".").lower()]
        # "from January to March next year": the end's year is written (relative to the DCT)
        rel_year = bool(re.search(r"(?i)\b(?:next|last|this)\s+year\b", m.text))
        if not explicit and not rel_year:
            # "between March and May": the start read by its tense, the end the first such
            # month after it (each alone could take another year)
            if mon1 == mon2 or g["y1"]:
                return None
            v1 = _month_no_year(ctx, mon1, None, _tense(text, rm.start(), m.end))
            if v1 is None or "X" in v1:
                return None
            y1 = int(v1[:4])
            v2 = _ym(y1 if mon1 < mon2 else y1 + 1, mon2)
        elif g["y1"]:
            y1 = int(g["y1"])
            if (y1, mon1) >= (y2, mon2) or y2 - y1 > 50:
                return None
        elif mon1 == mon2:
            return None
        else:
            y1 = y2 if mon1 < mon2 else y2 - 1
        if explicit or rel_year:
            v1, v2 = _ym(y1, mon1), m.value
    s = rm.start()
    before = text[max(0, s - 25):s]
    if g["m1"] and not g["kw"] and re.search(r"\b[A-Z][a-z]+\s$", before) and not re.search(
            r"(?:^|[.!?\n]\s*|\b(?:In|On|By|Since|Until|During|From|The)\s)$", before):
        return None  # "Theresa May to June 2019": a name, not a month
    covered = _covered(out, i, s, m.start)
    if covered is None:
        return None
    approx = bool(g["mod"] or g["mod2"]) or sep == "or" or m.approximate
    return DateMention(start=s, end=m.end, text=text[s:m.end], value=v1, type="DATE",
                       precision=m.precision, end_value=v2, approximate=approx,
                       relative=not explicit), covered


def _range_right(text: str, out: list[DateMention],
                 i: int) -> tuple[DateMention, list[int]] | None:
    m = out[i]
    if m.precision != "day" or not m.text[-1:].isdigit() or not re.search(r"[A-Za-z]", m.text) \
            or re.search(r"\d{4}", m.text):
        return None
    rm = _RANGE_END.match(text, m.end)
    if rm is None:
        return None
    day1, mon1 = int(m.value[8:10]), int(m.value[5:7])
    day2 = int(re.sub(r"\D", "", rm.group("d2")))
    if day2 <= day1:
        return None
    kw = re.search(r"(?i)\b(?:from|between)\s+\Z", text[max(0, m.start - 9):m.start])
    s = m.start - (len(kw.group(0)) if kw else 0)
    if rm.group("y"):
        y = int(rm.group("y"))
        explicit = True
    else:
        y = int(m.value[:4])
        explicit = False
    if not _valid(y, mon1, day2):
        return None
    covered = _covered(out, i, s, rm.end())
    if covered is None:
        return None
    return DateMention(start=s, end=rm.end(), text=text[s:rm.end()],
                       value=f"{y:04d}-{mon1:02d}-{day1:02d}", type="DATE", precision="day",
                       end_value=f"{y:04d}-{mon1:02d}-{day2:02d}", approximate=m.approximate,
                       relative=not explicit), covered


# a month or month-day written without its year ("on July 12", "in March", "27 August")
_YEARLESS = re.compile(rf"(?:(?:{_WD}),?\s+)?(?:(?i:the)\s+)?(?:(?i:early|mid|late)[-\s]+)?"
                       rf"(?:{_MON}\s*{_DAY}|{_DAY}(?:\s+(?i:of))?\s+{_MON}|{_MON})")
# what may stand before a date that sets the year of its sentence: a preposition of time or
# the start of the sentence ("In 2019, ...", "arrived on July 12, 2019, and ...")
_YEAR_SETTER_LEFT = re.compile(r"(?i)\b(?:in|on|during|of|at)\s+(?:the\s+)?"
                               r"(?:(?:early|mid|late|spring|summer|autumn|fall|winter)\s+)?\Z")
_AFTER_FRONT = re.compile(r"(?i)\A\W*(?:after|following)\b")
_YEAR_FRONTED = re.compile(r"(?i)\A\W*(?:(?:and|but|then|so)\s+)?(?:(?:in|on|during|by|at)\s+)?"
                           r"(?:the\s+)?(?:(?:early|mid|late|spring|summer|autumn|fall|winter)"
                           r"\s+(?:of\s+)?)?\Z")
# a relative clause or parenthetical opened before a date (its year is an aside); what closes
# each kind
_ASIDE_OPEN = re.compile(r"(?i),\s*(?:which|who|whom|whose|where|when|after|since)\b|[(—]|"
                         r"\s--\s|\s[-–]\s")
_ASIDE_CLOSE = {"(": ")", ",": ",", "—": "—", "-": "-", "–": "–"}
# a verb phrase of its own joined after the year ("annexed Crimea in 2014 and invaded on
# February 24"): its date may be another year's (a gapped "and the second on August 27" is not)
_NEW_VERB = re.compile(r"(?i)\b(?:and|but|then)\s+(?:(?:then|later|also|finally|again|was|were|"
                       r"had|has|have)\s+)*(?:[a-z]{2,}ed|began|came|took|made|went|met|held|"
                       r"sold|bought|won|lost|struck|hit|sent|led|gave|saw|became|brought|fell|"
                       r"rose|shot|left|ran|spoke|wrote|got|paid|told|built|flew|drove|"
                       r"underwent|withdrew|overran|began|begun|done|taken|given|seen|flown|"
                       r"sunk|sank|shown|known|grown|thrown)\b")


def _aside_open(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` opens a relative clause or a parenthetical that is still
    open at ``end`` ("Russia, which annexed Crimea in 2014 and" yes; "The 2020 war, which
    lasted 44 days, ended" no)."""
    opened = list(_ASIDE_OPEN.finditer(text, start, end))
    if not opened:
        return False
    last = opened[-1]
    key = last.group(0).strip()[:1]
    return _ASIDE_CLOSE.get(key, key) not in text[last.end():end]


def names_no_year(m: DateMention) -> bool:
    """True for a month or month-day written without its year ("on July 12", "in March"),
    whose year the finder inferred (from the DCT or its sentence)."""
    return bool(m.relative and m.type == "DATE" and m.precision in ("day", "month")
                and m.value and not m.end_value and _YEARLESS.fullmatch(m.text))


def _sentence_year(text: str, before: list[DateMention], m: DateMention,
                   ctx: _Ctx) -> DateMention:
    """``m`` with the year written earlier in its sentence, if it is a month or month-day
    without a year and its sentence sets one (``before``: the mentions before it).

    "In July 2019, the first batch arrived on July 12" is 2019-07-12 and "arrived on July 12,
    2019, and the second on August 27" is 2019-08-27 (both were read against the DCT: 2022).
    The year must be set by the sentence itself: a date after "in/on/during/of/at" or at its
    start, not an aside ("Russia, which annexed Crimea in 2014, struck on June 5" keeps the
    DCT's June 5), not "since/by/after 2014", not across a clause. A plan is never moved into
    the past, nor a report into the future. Applied as the mentions are resolved, so that
    what follows ("A day later") counts from the corrected date.
    """
    if not names_no_year(m) or "X" in (m.value or "X"):
        return m
    sent_start = m.start - len(_sentence_left(text, m.start))
    anchor = None
    for a in reversed(before):
        if a.end <= sent_start:
            break
        if not a.relative and a.value and a.value[:4].isdigit() and re.search(
                r"\d{4}", a.text) and a.type in ("DATE", "TIME") and not a.period:
            anchor = a
            break
    if anchor is None:
        return m
    years = {v[:4] for v in (anchor.value, anchor.end_value) if v}
    y = int(anchor.value[:4]) if len(years) == 1 and re.match(r"\d{4}", anchor.value) else None
    if y == int(m.value[:4]):
        return m
    left = text[sent_start:anchor.start]
    # "Following the ceasefire of November 10, 2020, Baku signed deals on 12 January": a
    # fronted phrase of time after a day or month; the date is the first such one after it
    # ... also with the noun the date modifies: "After the Feb. 24, 2022 invasion, ..."
    after = bool(_AFTER_FRONT.match(left)) and anchor.precision in ("day", "month") and \
        re.match(r"(?:\s+[A-Za-z'-]+){0,3},", text[anchor.end:anchor.end + 40]) is not None
    fronted = after or bool(_YEAR_FRONTED.match(left))
    if not (fronted or _YEAR_SETTER_LEFT.search(left)):
        return m
    between = text[anchor.end:m.start]
    if "," in between and not fronted and not re.match(
            r"(?i)\s*,\s*(?:and|then|before|while)\b", between):
        return m  # another clause: "Under a program approved in 1987 that ..., Nashua had"
    if not fronted and anchor.precision == "year" and _NEW_VERB.search(between):
        # "launched in 2019 and commissioned on July 12", "annexed Crimea in 2014 and invaded
        # on February 24": another verb's date, whose year the year alone does not set ("signed
        # in March 2019 and approved on May 5" does: the months follow each other)
        return m
    if _aside_open(text, sent_start, anchor.start) and "," in between:
        return m  # the year is in an aside closed before the date
    if _aside_open(text, anchor.end, m.start):
        return m  # the date is in an aside of its own
    if y is None:
        # "In the 1990s, Iraq bought Mirages on July 12", "From 2014 to 2018, ... on July
        # 12": the sentence is about several years; which one is not written
        return DateMention(**{**_asdict(m), "value": "XXXX" + m.value[4:]})
    mon = int(m.value[5:7])
    if after and (mon, int(m.value[8:10]) if m.precision == "day" else 99) <= (
            int(anchor.value[5:7]), int(anchor.value[8:10]) if anchor.precision == "day" else 0):
        y += 1  # not after the anchor in its year: the next year's
    if m.precision == "day":
        day = int(m.value[8:10])
        if not _valid(y, mon, day):
            return m
        v = f"{y:04d}-{mon:02d}-{day:02d}"
    else:
        v = _ym(y, mon)
    if y == int(m.value[:4]):
        return m
    if ctx.dct.date is not None:
        dv = _ymd(ctx.dct.date)[:len(v)]
        t = _tense(text, m.start, m.end)
        if (v < dv and t == "future") or (v > dv and t != "future"):
            return m  # a plan is not moved into the past, nor a report into the future
    return DateMention(**{**_asdict(m), "value": v})


def _conjoined_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    added: list[DateMention] = []
    for i, m in enumerate(mentions):
        if m.type != "DATE" or m.precision != "day" or not m.value or len(m.value) != 10 \
                or "X" in m.value or not m.text[-1:].isdigit() or not re.search(
                    r"[A-Za-z]", m.text):
            continue
        cm = _CONJ_DAY.match(text, m.end)
        if cm is None:
            continue
        d = int(cm.group("d"))
        y, mo, d0 = int(m.value[:4]), int(m.value[5:7]), int(m.value[8:])
        s, e = cm.start("d"), cm.end()
        if d <= d0 or not _valid(y, mo, d) or (
                i + 1 < len(mentions) and mentions[i + 1].start < e):
            continue
        added.append(DateMention(start=s, end=e, text=text[s:e], value=f"{m.value[:8]}{d:02d}",
                                 type="DATE", precision="day", relative=m.relative))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: x.start)


def _is_day(m: DateMention) -> bool:
    return (m.type == "DATE" and m.precision == "day" and bool(m.value)
            and len(m.value or "") == 10 and "X" not in (m.value or ""))


# a clock time, then a parenthetical, then the day: "at 10:35 a.m. (0735 GMT) Friday"
_CLOCK_PAREN = re.compile(r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*"
                          r"(?P<apt>(?P<ap>[ap])\.?\s?m\b\.?)(?:\s+(?:[ECMP][SD]T|GMT|local\s+time))?"
                          r"\s*\([^()]{1,30}\)\s*,?\s*(?:on\s+)?\Z")


def _clock_before_day(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The clock time of "at 10:35 a.m. (0735 GMT) Friday" takes that Friday (its own TIME)."""
    added: list[DateMention] = []
    prev_end = 0
    for m in mentions:
        if _is_day(m) and "(" in text[max(prev_end, m.start - 60):m.start]:
            cm = _CLOCK_PAREN.search(text, max(prev_end, m.start - 60), m.start)
            if cm is not None:
                hh = int(cm.group("h")) % 12 + (12 if cm.group("ap").lower() == "p" else 0)
                e = cm.end("apt")
                added.append(DateMention(
                    start=cm.start(), end=e, text=text[cm.start():e],
                    value=f"{m.value}T{hh:02d}:{cm.group('mi') or '00'}", type="TIME",
                    precision="minute", relative=m.relative))
        prev_end = m.end
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: x.start)


_DAY_BEFORE_AFTER = re.compile(r"(?i)\b(?:the\s+)?day\s+(?P<d>before|after)\s+\Z")


def _day_before_after(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"the day before last Tuesday": one mention, a day before that Tuesday."""
    out: list[DateMention] = []
    for m in mentions:
        dm = _DAY_BEFORE_AFTER.search(text, max(0, m.start - 20), m.start) if _is_day(m) else None
        if dm is not None and not (out and out[-1].end > dm.start()):
            d = _dt.date.fromisoformat(m.value) + _dt.timedelta(
                days=-1 if dm.group("d").lower() == "before" else 1)
            m = DateMention(**{**_asdict(m), "start": dm.start(), "text": text[dm.start():m.end],
                               "value": _ymd(d), "relative": True})
        out.append(m)
    return out


# "during the war" after "the 44-day war": the period named last before it (anaphora)
_PERIOD_ANAPHOR = re.compile(
    r"\b(?:during|in|throughout|after|since|before|by the end of)\s+(?:the|that)\s+"
    r"(?:war|conflict)\b(?!\s+(?:in|of|with|between|on|against)\b)"
)
_PERIOD_ANAPHOR_REACH = 2000  # characters: beyond that, "the war" may be another war


def _period_anaphora(text: str, mentions: list[DateMention]) -> list[DateMention]:
    periods = [m for m in mentions if m.period]
    if not periods:
        return mentions
    starts = [m.start for m in mentions]
    added: list[DateMention] = []
    for am in _PERIOD_ANAPHOR.finditer(text):
        s = am.start() + am.group(0).index(am.group(0).split()[-2])  # "the war" / "that war"
        e = am.end()
        i = bisect.bisect_right(starts, s)
        if (i > 0 and mentions[i - 1].end > s) or (i < len(mentions) and mentions[i].start < e):
            continue  # already part of a mention
        before = [p for p in periods if p.end <= s and s - p.end <= _PERIOD_ANAPHOR_REACH]
        if not before:
            continue
        p = before[-1]
        added.append(DateMention(start=s, end=e, text=text[s:e], value=p.value, type="DATE",
                                 precision=p.precision, end_value=p.end_value,
                                 relative=True, period=p.period))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.start)


def _asdict(m: DateMention) -> dict[str, Any]:
    return {f: getattr(m, f) for f in DateMention.__slots__}


def _prec_of(v: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(v), "day")


# --------------------------------------------------------------------------------------------
# consumers
# --------------------------------------------------------------------------------------------
def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def mention_span(m: DateMention) -> tuple[str, str | None, bool] | None:
    """(date, end, approximate) at 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' precision, or None.

    Durations, sets, PRESENT_REF/PAST_REF/FUTURE_REF and unresolved values give None.
    """
    v = m.value
    if not v or m.type in ("DURATION", "SET") or "X" in v or v.endswith("_REF"):
        return None
    approx = m.approximate
    if m.end_value:
        a, b = _span_of(v, m.mod), _span_of(m.end_value, None)
        if a is None or b is None:
            return None
        return a[0], (b[1] or b[0]), approx or a[2] or b[2]
    sp = _span_of(v, m.mod)
    if sp is None:
        return None
    return sp[0], sp[1], approx or sp[2]


def _span_of(v: str, mod: str | None) -> tuple[str, str | None, bool] | None:
    if "T" in v:
        v = v.split("T")[0]
    if re.fullmatch(r"\d{3}", v):  # decade
        y0 = int(v) * 10
        rng = {"EARLY": (0, 3), "START": (0, 3), "MID": (3, 6), "LATE": (7, 9),
               "END": (7, 9)}.get(mod or "", (0, 9))
        return str(y0 + rng[0]), str(y0 + rng[1]), mod is not None
    if re.fullmatch(r"\d{2}", v):  # century
        return None
    if re.fullmatch(r"\d{4}", v):
        # "late 2020": the year, approximate; months the text never gave are not invented
        return v, None, mod is not None
    mm = re.fullmatch(r"(\d{4})-(\d{2})", v)
    if mm:
        # "the final days of ... November 2020": the month, approximate; never made-up days
        return v, None, mod is not None
    mm = re.fullmatch(r"(\d{4})-Q([1-4])", v)
    if mm:
        y, q = mm.group(1), int(mm.group(2))
        return f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}", False
    mm = re.fullmatch(r"(\d{4})-H([12])", v)
    if mm:
        y, h = mm.group(1), int(mm.group(2))
        return (f"{y}-01", f"{y}-06", False) if h == 1 else (f"{y}-07", f"{y}-12", False)
    mm = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
    if mm:
        y, sc = int(mm.group(1)), mm.group(2)
        if sc == "WI":
            return f"{y}-12", f"{y + 1}-02", True
        st = _SEASON_START[sc]
        return _ym(y, st), _ym(y, st + 2), True
    mm = re.fullmatch(r"(\d{4})-W(\d{2})-WE", v)
    if mm:  # the weekend of that ISO week: Saturday and Sunday
        d0 = _dt.date.fromisocalendar(int(mm.group(1)), int(mm.group(2)), 6)
        return _ymd(d0), _ymd(d0 + _dt.timedelta(days=1)), False
    mm = re.fullmatch(r"(\d{4})-W(\d{2})", v)
    if mm:
        d0 = _dt.date.fromisocalendar(int(mm.group(1)), int(mm.group(2)), 1)
        return _ymd(d0), _ymd(d0 + _dt.timedelta(days=6)), False
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return v, None, mod == "APPROX"
    return None


def mention_json(m: DateMention) -> dict[str, Any]:
    """One JSON object per mention, as the CLI prints it."""
    d: dict[str, Any] = {
        "start": m.start, "end": m.end, "text": m.text,
        "value": [m.value, m.end_value] if m.end_value else m.value,
        "type": m.type, "precision": m.precision,
    }
    if m.approximate:
        d["approximate"] = True
    if m.relative:
        d["relative"] = True
    if m.mod:
        d["mod"] = m.mod
    if m.period:
        d["period"] = m.period
    return d


_TIMEX_MOD = {"EARLY": "START", "LATE": "END"}


def _timex_value(m: DateMention) -> str | None:
    if m.period and m.value and m.end_value and m.value[:4] == m.end_value[:4]:
        return m.value[:4]
    return m.value


_WORD_RANGE_RE = re.compile(r"(?i)^(?:(?:between|from)\s+)?(?P<a>\S.*?)\s+"
                            r"(?:and|to|until|till|through|thru|or)\s+(?P<b>\S.*)$")


def timex3_view(mentions: list[DateMention]) -> list[DateMention]:
    """The mentions as TimeML annotates them (what :func:`to_timeml` writes).

    A range written with words ("between 1994 and 1997", "from 1 to 3 March 2023", "June
    2021 to March 2022") is one mention with ``end_value`` for the event layer, but two TIMEX3
    points in TimeML: it is split into its two ends ("1" and "3 March 2023"). A range with a
    dash ("2014-2018", "1-3 March") stays one. A named period within one year is written as
    that year. Everything else is unchanged.
    """
    out: list[DateMention] = []
    for m in mentions:
        rm = _WORD_RANGE_RE.match(m.text) if m.end_value and not m.period else None
        if rm and m.value and m.end_value:
            for grp, v in (("a", m.value), ("b", m.end_value)):
                st = m.start + rm.start(grp)
                out.append(DateMention(start=st, end=m.start + rm.end(grp), text=rm.group(grp),
                                       value=v, type=m.type, precision=m.precision))
            continue
        v = _timex_value(m)
        out.append(m if v == m.value else DateMention(**{**_asdict(m), "value": v}))
    return out


def to_timeml(text: str, mentions: list[DateMention], published: Any = None,
              doc_id: str = "doc") -> str:
    """The text as a TimeML document (DCT + TEXT with TIMEX3 tags) for the TempEval-3 scorer.

    The DCT is ``<TIMEX3 tid="t0" type="DATE" value=... functionInDocument="CREATION_TIME">``;
    each mention is ``<TIMEX3 tid="tN" type=... value=... [mod=...]>`` around its exact text,
    and the TEXT content is the input text unchanged (XML-escaped), as the scorer compares it
    with the gold TEXT. Mentions without a value are still tagged (extent counts) with the
    value attribute omitted. EARLY/LATE mods are written as TimeML START/END. See
    docs/dates.md for running the official scorer.
    """
    dct = _parse_published(published)
    if dct.y:
        dv = f"{dct.y:04d}" + (f"-{dct.m:02d}" if dct.m else "") + (
            f"-{dct.d:02d}" if dct.d else "")
        dct_xml = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dv}" temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{dv}</TIMEX3></DCT>')
    else:
        dct_xml = "<DCT></DCT>"
    parts = []
    pos = 0
    for i, m in enumerate(sorted(timex3_view(mentions), key=lambda x: x.start), start=1):
        if m.start < pos:
            continue
        parts.append(_xml_escape(text[pos:m.start]))
        attrs = [f'tid="t{i}"', f'type="{m.type}"']
        v = m.value
        if v:
            attrs.append(f'value="{_xml_escape(v)}"')
        if m.mod:
            attrs.append(f'mod="{_TIMEX_MOD.get(m.mod, m.mod)}"')
        parts.append(f"<TIMEX3 {' '.join(attrs)}>{_xml_escape(text[m.start:m.end])}</TIMEX3>")
        pos = m.end
    parts.append(_xml_escape(text[pos:]))
    return ('<?xml version="1.0" ?>\n<TimeML>\n'
            f"<DOCID>{_xml_escape(doc_id)}</DOCID>\n\n{dct_xml}\n\n<TEXT>{''.join(parts)}"
            "</TEXT>\n\n</TimeML>\n")


# token -> the rules to run around it (one dict lookup per token in _windows)
_TOK_RULES: dict[str, frozenset[str]] = {**_WORD_RULES,
                                         **{t: _cased_rules(t) for t in _TRIGGER_CASED}}


def _trigger_scan(words: list[str]) -> re.Pattern[str]:
    """One regex whose matches are the tokens (:data:`_TOKEN_RE`) of a text that may trigger a
    rule; every other token is skipped inside the regex engine, a whole run at a time, so each
    attempt starts at a token boundary.

    Group 1: a letter token equal to one of ``words`` (lowercase) ignoring ASCII case. Group
    2: a digit token of 4 or 8 digits starting 1 or 2, or of 1-2 digits (the first ASCII)
    followed by one of ``/.-s`` (a superset of what ``_windows`` keeps; it decides). The last
    match, at the end of the text, has neither group.
    """
    branches: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        branches.setdefault(w[0], []).append(w[1:])
    # the first letter in both cases as plain characters: the engine rules out a branch by
    # one comparison (it tries every branch that ignores case)
    alts = []
    for c, rest in branches.items():
        tail = _prefix_tree(rest)
        tail = f"(?ai:{tail})" if tail else ""
        alts += [re.escape(cc) + tail for cc in dict.fromkeys((c.lower(), c.upper()))]
    word = "(?:" + "|".join(alts) + r")(?![A-Za-z])"
    digits = r"(?:[12]\d{3}(?:\d{4})?(?!\d)|[0-9]\d?(?=[/.s-]))"
    skip = rf"(?:[^A-Za-z\d]*+(?:(?!{word})[A-Za-z]++|(?!{digits})\d++))*+[^A-Za-z\d]*+"
    return re.compile(rf"{skip}(?:({word})|({digits})|\Z)")


_TRIGGER_SCAN = _trigger_scan([t.lower() for t in _TOK_RULES])

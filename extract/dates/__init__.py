"""Date finder: every date mention in English news text, normalized TimeML/TIMEX3-style.

``find_dates(text, published)`` returns :class:`DateMention` objects (sorted, non-overlapping)
whose ``value`` follows the TIMEX3 ``value`` convention of the TimeML annotation guidelines
(TempEval-3): ``'2016'``, ``'2016-12'``, ``'2023-05-30'``, ``'2023-02-02T13:55'``, ``'201'``
(the 2010s), ``'2020-Q3'``, ``'2021-SU'``, ``'2023-W05'``, ``'P6W'``, ``'PRESENT_REF'``,
``'XXXX-10'`` ...  A wrong date is worse than no date, so the finder keeps *honest precision*
and gives ``value=None`` (or an underspecified ``XXXX`` value) when it cannot resolve a mention.

How it works
------------
Candidate spans are found by the rules of a grammar table: :data:`extract.dates.en.EN`, one
``@EN.rule(...)`` per kind of mention in ``extract/dates/en/``, each declaring its pattern,
priority, trigger words and examples beside the function that resolves it (the record is
:class:`extract.dates.rule.Rule`). Each rule runs only in windows around its trigger words
(``scanner``). Overlapping candidates are resolved longest-first (named periods from the
gazetteer, ``periods``, win over everything); candidates are then resolved left to right
(``engine``), so anaphoric expressions ("a day later", "back then", "that year") can use the
previous resolved date; then the discourse steps (``discourse``) join ranges and lists ("from 5
to 15 June", "April 24 and 25"). The rest is shared by the rules: the lexicon (``lexicon``),
the reading of tense (``tense``), the context a rule resolves in (``context``), calendar
arithmetic (``calendars``) and TIMEX3/TimeML (``timex``). ``explain(text, published)`` names the
rule behind each mention. The whole text is never handed to ``dateparser.search.search_dates``
(far too slow); ``dateparser`` is only used, with ``languages=[language]`` and
``RELATIVE_BASE`` = publication date, on short numeric date-time stamps the grammar does not
cover, and those parses are cached (``lru_cache``).

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

from extract.dates.discourse import names_no_year
from extract.dates.engine import explain, find_dates
from extract.dates.periods import load_periods
from extract.dates.tense import tense_at
from extract.dates.timex import (
    TIMEX3_VALUE_RE,
    DateMention,
    mention_json,
    mention_span,
    timex3_view,
    to_timeml,
)

__all__ = [
    "DateMention",
    "find_dates",
    "explain",
    "names_no_year",
    "tense_at",
    "mention_span",
    "to_timeml",
    "timex3_view",
    "mention_json",
    "load_periods",
    "TIMEX3_VALUE_RE",
]

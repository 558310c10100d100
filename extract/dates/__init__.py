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
Each rule's own behaviour (weekdays, a month or a month-day without a year, numeric dates and
the ``day_first`` keyword, quarters, seasons, holidays, durations, sets ...) is documented on
its resolver, ``_resolve_<name>`` in ``extract/dates/en/``, beside its examples (``explain``
names the rule behind a mention). What spans the rules:

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
* Tense cues also include a verb group with ``will/would/shall`` ("will be paid Dec. 14": the
  '-ed' verb is then no past cue), ``to be ...``, ``is/are ...ing``, "expects to", "as soon as",
  "as early as", "between now and". Future cues also include "would still be ...", "were
  planning/expected ...", "may/might be ...", "set/scheduled for"; "holders of record Dec. 21"
  is a deadline (future) cue. A deadline in the past perfect ("had been due to expire Friday",
  "had filed reports by Wednesday") is behind, and a fronted "Until Thursday, ..." takes the
  main clause's tense; "next to" is no future cue, "slated" is one.
* A habit ("every year in June", "usually begins in May", "is marked every year on May 9")
  is any year's: ``'XXXX-06'``, ``'XXXX-05-09'``.
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
  fronted as a sentence start is.
* A dateline with a day ("WASHINGTON, March 12 (Xinhua) --") in the week before the DCT is the
  day the text was written: relative dates resolve against it.
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
* Modifiers: early/mid/late, "the beginning/end/middle of", "the final days of" set ``mod``
  (EARLY, MID, LATE, START, END) and ``approximate``; "about/around/circa 2015" -> mod APPROX.
  "the final days of the hostilities in November 2020" marks "November 2020" approximate/END.
* Discourse steps (``discourse``), after the rules: ranges of days and months with the month and
  year written once: "1-3 March 2023", "from 5 to 9 June", "March 2-4, 2023", "Feb. 28 - March
  3, 2023", "between January and March 2022", "May-June 2021", "from June 2021 to March 2022"
  -> one mention from the first to the last (the start takes the year written after it; the
  year before when it comes later in the calendar; with no year the start is read as a
  month-day alone and the end follows it; "or" makes it approximate). "April 24 and 25": the
  joined day takes the month and year. Also "the day before/after <day>" and a clock time
  before "(0735 GMT) Friday" (that Friday).
* ``timex3_view`` gives the mentions as TimeML annotates them (what ``to_timeml`` writes and
  the bench scores): a range in words ("between 1994 and 1997", "from 5 to 9 June 2022") is
  two TIMEX3 points; the event layer keeps the one range with ``end_value``.
* Named periods come from the gazetteer ``extract/data/periods.yaml``: "the 44-day war" ->
  ``value='2020-09-27'``, ``end_value='2020-11-10'``, ``period='karabakh-war-2020'``.
* Filters: lowercase month words ("may", "march") are never dates; percentages, money,
  ordinals ("75th birthday", "second-largest"), numbers with thousands separators and bare
  clock times without a date are not dates.

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

"""The English grammar rules."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from extract.dates.calendars import (
    _add_months,
    _dur_value,
    _fmt_num,
    _holiday,
    _nth_weekday,
    _num,
    _q,
    _spelled_year,
    _two_digit_year,
    _valid,
    _week,
    _ym,
    _ymd,
)
from extract.dates.context import (
    _RATE_RE,
    _ago,
    _approx_context,
    _Ctx,
    _dp_parse,
    _md_no_year,
    _month_no_year,
    _quarter_anchor,
    _quarter_year,
    _report_period,
    _shift_unit,
    _under_discussion,
    _weekday_value,
)
from extract.dates.lexicon import (
    _APPROXP,
    _DAY,
    _MODEL_YEAR,
    _MODEL_YEAR_LEFT,
    _MODP,
    _MON,
    _MONTHS,
    _NO_YEAR_AFTER,
    _NUMW,
    _ORD,
    _ORDW,
    _POD,
    _SEASON_START,
    _SEASONS,
    _TIME,
    _UNIT_PREC,
    _UNITW,
    _VAGUE,
    _WD,
    _WDFULL,
    _WEEKDAYS,
    _YEAR,
    _c,
    _mod_of,
)
from extract.dates.tense import (
    _ANNIV_N,
    _ANNIVERSARY_OF,
    _COUNT_AFTER,
    _COUNT_BEFORE,
    _DEADLINE_AFTER,
    _DEADLINE_RE,
    _DESIGNATOR_LEFT,
    _EXTEND_TO,
    _FORECAST,
    _FRONTED_LEFT,
    _GENERIC_PRESENT,
    _GENERIC_TODAY,
    _HAD_RE,
    _MIDPOD_LEFT,
    _QUANT_LEFT,
    _SAID_IT,
    _SCHED_PRESENT,
    _SENT_BREAK,
    _WD_BEFORE_PLURAL,
    _WD_COORD_LEFT,
    _YEAR_LEFT,
    _clause_left,
    _habitual,
    _sentence_left,
    _tense,
)

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

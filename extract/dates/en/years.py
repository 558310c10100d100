"""Years and the periods within them: year ranges, fiscal years, decades, centuries,
quarters, halves, seasons, years alone, months, and years spelled out.

Each rule is declared once: its pattern, triggers and examples in the decorator, its
production in the function below it (see :mod:`extract.dates.rule`)."""

from __future__ import annotations

import re

from extract.dates.calendars import _add_months, _spelled_year, _two_digit_year, _ym
from extract.dates.context import (
    _approx_context,
    _Ctx,
    _month_no_year,
    _quarter_anchor,
    _quarter_year,
    _report_period,
)
from extract.dates.en.table import EN
from extract.dates.lexicon import (
    _APPROXP,
    _MODEL_YEAR,
    _MODEL_YEAR_LEFT,
    _MODP,
    _MON,
    _MONTHS,
    _ORD,
    _ORDW,
    _SEASON_START,
    _SEASONS,
    _YEAR,
    MONTH_NAMES,
    YEARS,
    _mod_of,
)
from extract.dates.rule import NUM_DIGITS, Ex, Not, Value
from extract.dates.tense import (
    _COUNT_AFTER,
    _COUNT_BEFORE,
    _DESIGNATOR_LEFT,
    _QUANT_LEFT,
    _YEAR_LEFT,
    _habitual,
    _sentence_left,
    _tense,
)


# year ranges
@EN.rule(
    "yrange", priority=5, triggers=YEARS,
    pattern=(rf"(?<!\w)(?:(?P<kw>(?i:between|from))\s+)?(?:(?i:the\s+(?:years?|period)\s+))?"
             rf"(?:FY\s?)?(?P<y1>{_YEAR})\s*(?P<sep>[-–—]|/(?=\d\d\b)|\s(?i:to|and|until|till|"
             rf"through|thru)\s)\s*(?P<y2>(?:1[6-9]|20)\d\d|\d\d)(?![\d%]|[.,]\d|s\b)"),
    reach=(45, 25),
    examples=(
        Ex("In 2016-2020, the purchases rose.", "2023-06-10", "2016", "DATE", "year",
           words="2016-2020", end_value="2020"),
        Ex("the 2015–19 period", "2023-06-10", "2015", "DATE", "year", words="2015–19",
           end_value="2019"),
        Ex("between 2016 and 2020", "2023-06-10", "2016", "DATE", "year", end_value="2020"),
        Ex("from 2014 to 2018", "2023-06-10", "2014", "DATE", "year", end_value="2018"),
        Ex("the FY 2023-24 budget", "2023-06-10", "2023", "DATE", "year", words="FY 2023-24",
           end_value="2024"),
        Not("Deliveries rose in 2016 and 2020.", "2023-06-10",
            "'and' without 'between': two years"),
        Not("Exports grew from 2014 to 18 countries.", "2023-06-10", "'to' needs a four-digit end"),
    ),
)
def _resolve_yrange(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Year ranges: "2014-2018", "2015–19", "between 2016 and 2020", "from 2014 to 2018" ->
    ``value`` and ``end_value``; fiscal "FY2023-24" -> ``'2023'`` .. ``'2024'``."""
    g = m.groupdict()
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


# a fiscal year written with two digits: "FY24", "FY 2023-24" is a yrange, "FY23-24"
@EN.rule(
    "fy2", priority=5, triggers=("FY",),
    pattern=(r"(?<!\w)FY\s?'?(?P<yy>\d\d)(?:\s*[-–/]\s*(?P<yy2>\d\d))?(?![\d%]|[.,]\d)"),
    examples=(
        Ex("the FY24 budget", "2023-06-10", "2024", "DATE", "year", words="FY24"),
        Ex("the FY23-24 budget", "2023-06-10", "2023", "DATE", "year", words="FY23-24",
           end_value="2024"),
        Not("the FY23-25 plan", "2023-06-10", "the two years must be consecutive"),
        Not("the FY24 budget", None, "no DCT: the century is unknown"),
    ),
)
def _resolve_fy2(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Fiscal years: "FY24" -> ``'2024'`` (two-digit pivot), "FY23-24" -> ``'2023'`` .. ``'2024'``
    ("FY2023-24" is :func:`_resolve_yrange`'s)."""
    g = m.groupdict()
    dct = ctx.dct
    if dct.y is None:
        return None
    y1 = _two_digit_year(int(g["yy"]), dct)
    if g.get("yy2"):
        y2 = y1 // 100 * 100 + int(g["yy2"])
        if y2 != y1 + 1:
            return None
        return dict(value=str(y1), end_value=str(y2), type="DATE", precision="year")
    return dict(value=str(y1), type="DATE", precision="year")


# decades: the 1990s, the early 2010s, the '90s
@EN.rule(
    "decade", priority=5, triggers=(*YEARS, NUM_DIGITS),
    pattern=(r"(?<!\w)"
             rf"{_MODP}(?:(?i:the)\s+)?(?:(?P<cen>1[6-9]|20)(?P<dec>\d)0|'(?P<dec2>\d)0)s\b"),
    reach=(45, 10),
    hint=r"0s",  # 1990s, '90s
    examples=(
        Ex("tanks built in the 1980s", "2023-06-10", "198", "DATE", "decade", words="the 1980s"),
        Ex("the early 2010s", "2023-06-10", "201", "DATE", "decade", mod="EARLY", approximate=True),
        Ex("in the '90s", "2023-06-10", "199", "DATE", "decade", words="the '90s"),
        Ex("the '20s", "2023-06-10", "202", "DATE", "decade"),
        Ex("the late '80s", "1989-05-01", "198", "DATE", "decade", mod="LATE", approximate=True),
        Not("a veteran in his 90s", "2023-06-10", "an age: no apostrophe, no century"),
    ),
)
def _resolve_decade(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Decades: "1990s" -> ``'199'``; "the early 2010s" -> ``'201'``, mod EARLY, approximate; "'80s"
    is the latest such decade begun by the DCT."""
    g = m.groupdict()
    dct = ctx.dct
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


# centuries: "the 20th century", "the early nineteenth century" (TIMEX3 value '19', '18')
@EN.rule(
    "century", priority=5, triggers=("century",),
    pattern=(rf"(?<!\w){_MODP}(?:(?i:the)\s+)?(?P<n>[1-9]|1\d|2[01])(?i:st|nd|rd|th)[-\s]+"
             r"(?i:century)\b|(?<!\w)" + _MODP.replace("<mod>", "<mod2>") +
             r"(?:(?i:the)\s+)?(?P<w>(?i:(?:twenty-)?first|(?:twenty-)?second|third|fourth|"
             r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
             r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))"
             r"[-\s]+(?i:century)\b"),
    examples=(
        Ex("the 20th century", "2023-06-10", "19", "DATE", "century"),
        Ex("the early nineteenth century", "2023-06-10", "18", "DATE", "century", mod="EARLY",
           approximate=True),
        Ex("21st-century weapons", "2023-06-10", "20", "DATE", "century", words="21st-century"),
        Ex("the mid-20th century", "2023-06-10", "19", "DATE", "century", mod="MID",
           approximate=True),
        Not("the 22nd century", "2023-06-10", "only the 1st to 21st centuries"),
    ),
)
def _resolve_century(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Centuries: "the 20th century" -> ``'19'``; "the early nineteenth century" -> ``'18'``, mod
    EARLY, approximate."""
    g = m.groupdict()
    if g.get("n"):
        n = int(g["n"])
    else:
        w = g["w"].lower()
        n = _ORDW.index(w.removeprefix("twenty-")) + 1 + (20 if w.startswith("twenty-") else 0)
    mod, approx = _mod_of(g.get("mod") or g.get("mod2"))
    return dict(value=f"{n - 1:02d}", type="DATE", precision="century", mod=mod,
                approximate=approx or mod is not None)


# spelled decades: "the nineties", "the early eighties" (the latest such decade before the DCT)
# ("the" is required: "in her early nineties" is an age)
@EN.rule(
    "decadew", priority=4, triggers=(
        "eighties", "fifties", "forties", "nineties", "seventies", "sixties", "thirties",
        "twenties",
    ),
    pattern=(r"(?<!\w)(?i:the)\s+(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
             r"(?P<w>(?i:twenties|thirties|forties|fifties|"
             r"sixties|seventies|eighties|nineties))\b"),
    examples=(
        Ex("the nineties", "2023-06-10", "199", "DATE", "decade"),
        Ex("the early eighties", "2023-06-10", "198", "DATE", "decade", mod="EARLY",
           approximate=True),
        Ex("the late eighties", "1989-05-01", "198", "DATE", "decade", mod="LATE",
           approximate=True),
        Not("in her early nineties", "2023-06-10", "an age: no 'the'"),
        Not("the nineties", None, "no DCT: which century is unknown"),
    ),
)
def _resolve_decadew(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Spelled decades: "the nineties" -> the latest such decade begun by the DCT (``'199'``; "in
    her early nineties" is an age, not a date)."""
    g = m.groupdict()
    dct = ctx.dct
    if dct.y is None:
        return None
    d = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
         "nineties").index(g["w"].lower()) + 2
    c = dct.y // 100 if dct.y // 100 * 100 + d * 10 <= dct.y else dct.y // 100 - 1
    mod, approx = _mod_of(g.get("mod"))
    return dict(value=f"{c}{d}", type="DATE", precision="decade", mod=mod, relative=True,
                approximate=approx or mod is not None)


# quarters
@EN.rule(
    "quarter", priority=4, triggers=("Q", "quarter"),
    pattern=(r"(?<!\w)"
             rf"(?:(?i:the)\s+)?(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|"
             rf"final|last|latest|current|past|previous|next|this|coming|same|fiscal|"
             rf"year-ago|year-earlier))[-\s]+(?:(?i:fiscal|calendar)[-\s]+)?(?i:quarter)"
             rf"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<y>{_YEAR}))?"
             rf"|(?P<q>(?:Q|q)[1-4])(?:\s+|/|-)?(?P<y2>{_YEAR})?"
             rf"|(?P<y3>{_YEAR})\s*-?\s*(?P<q2>Q[1-4]))(?![\w-])"),
    anaphoric=True,
    examples=(
        Ex("Q3 2020", "2023-06-10", "2020-Q3", "DATE", "quarter"),
        Ex("2023 Q1", "2023-06-10", "2023-Q1", "DATE", "quarter"),
        Ex("the third quarter of 2021", "2023-06-10", "2021-Q3", "DATE", "quarter"),
        Ex("Deliveries are due in Q4.", "2023-06-10", "2023-Q4", "DATE", "quarter", words="Q4"),
        Ex("Profit rose in Q4.", "2023-06-10", "2022-Q4", "DATE", "quarter", words="Q4"),
        Ex("Sales rose in the third quarter.", "2023-06-10", "2022-Q3", "DATE", "quarter",
           words="the third quarter"),
        Ex("Sales will rise in the third quarter.", "2023-06-10", "2023-Q3", "DATE", "quarter",
           words="the third quarter"),
        Ex("the next quarter", "2023-06-10", "2023-Q3", "DATE", "quarter"),
        Ex("the current quarter", "2023-06-10", "2023-Q2", "DATE", "quarter"),
        Ex("Net income rose 12% in the third quarter from $4 million in the year-earlier quarter.",
           "1989-10-25", "1988-Q3", "DATE", "quarter", words="the year-earlier quarter"),
        Ex("Sales rose in the third quarter.", "2023", None, "DATE", "quarter",
           words="the third quarter"),
        Not("the fiscal quarter", "2023-06-10", "which quarter is not said"),
        Not("Poland reached the first quarter-final.", "2023-06-10",
            "a quarter-final is no quarter"),
    ),
)
def _resolve_quarter(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Quarters "the third quarter" -> DCT year (previous year if that quarter has not begun yet and
    no future cue), "Q3 2020" -> ``'2020-Q3'``; "this/last/next quarter" from the DCT's; "the
    year-ago/year-earlier quarter": see :func:`_resolve_qthe`."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
    if g.get("q") or g.get("q2"):
        q = int((g.get("q") or g.get("q2"))[1])
        ys = g.get("y2") or g.get("y3")
        if ys:
            return dict(value=f"{ys}-Q{q}", type="DATE", precision="quarter")
        y = _quarter_year(ctx, q, _tense(text, s, e))
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
        y = _quarter_year(ctx, q, _tense(text, s, e))
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


# a quarter of a year named relative to the DCT or the last date: "the second quarter of
# next year", "the final quarter of last year", "the third quarter of that year"
@EN.rule(
    "qrel", priority=4, triggers=("quarter",),
    pattern=(r"(?<!\w)(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|"
             r"4th|final|last))[-\s]+(?i:quarter)\s+(?i:of)\s+(?P<ry>(?i:this|last|next|"
             r"the\s+current|the\s+past|the\s+coming|that)\s+year)\b(?!['’-])"),
    anaphoric=True,
    examples=(
        Ex("the second quarter of next year", "2023-06-10", "2024-Q2", "DATE", "quarter"),
        Ex("the final quarter of last year", "2023-06-10", "2022-Q4", "DATE", "quarter"),
        Ex("In 2019 Poland ordered jets; deliveries began in the third quarter of that year.",
           "2023-06-10", "2019-Q3", "DATE", "quarter", words="the third quarter of that year"),
        Ex("The third quarter of that year was busy.", "2023-06-10", None, "DATE", "quarter",
           words="The third quarter of that year"),
        Ex("the second quarter of next year", None, None, "DATE", "quarter"),
        Not("the second quarter of next year's budget", "2023-06-10",
            "a possessive: next year's budget"),
    ),
)
def _resolve_qrel(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"the second quarter of next year" (of this/last year, of that year: the last date's) ->
    ``'2025-Q2'`` (DCT 2024)."""
    g = m.groupdict()
    dct = ctx.dct
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


def _qyear_qthe_yago(name: str, m: re.Match[str], ctx: _Ctx) -> Value | None:
    """The production of the rules qyear, qthe, yago."""
    g = m.groupdict()
    s, e = m.start(), m.end()
    return _report_period(name, dict(g, _s=s, _e=e), ctx)


# a quarter named through a year: "the 1988 second quarter", "last year's quarter",
# "the year-ago third quarter", "the 1989 period" (the quarter under discussion)
@EN.rule(
    "qyear", priority=4, triggers=("period", "quarter"),
    pattern=(rf"(?<!\w)(?:(?i:the)\s+)?(?:(?P<yp>(?i:this|last|next))\s+year's|"
             rf"(?P<ya>(?i:year-ago|year-earlier|prior-year|year-before))|(?P<y>{_YEAR}))\s+"
             rf"(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[-\s]+)?"
             rf"(?P<u>(?i:quarter|period))\b(?![-\w])"),
    anaphoric=True,
    examples=(
        Ex("Net income rose 12% in the third quarter, compared with the 1988 quarter.",
           "1989-10-25", "1988-Q3", "DATE", "quarter", words="the 1988 quarter"),
        Ex("Profit in the 1988 second quarter was $5 million.", "1989-10-25", "1988-Q2", "DATE",
           "quarter", words="the 1988 second quarter"),
        Ex("Net income fell in the third quarter from last year's quarter.", "1989-10-25",
           "1988-Q3", "DATE", "quarter", words="last year's quarter"),
        Ex("Net income fell in the third quarter from the year-ago third quarter.", "1989-10-25",
           "1988-Q3", "DATE", "quarter", words="the year-ago third quarter"),
        Ex("The 1988 period saw losses.", "1989-10-25", "1988", "DATE", "year",
           words="The 1988 period"),
        Not("The 1988 quarterly report was late.", "1989-10-25", "'quarterly' is no quarter"),
        Not("Sales fell from last year's period.", "1989-10-25",
            "no quarter under discussion: 'period' names none"),
    ),
)
def _resolve_qyear(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"the 1988 quarter/period", "last year's quarter" -> that year's quarter of the same number;
    "the 1988 second quarter" -> ``'1988-Q2'`` (see :func:`_resolve_qthe`)."""
    return _qyear_qthe_yago("qyear", m, ctx)


# the reporting period of a financial report: "the quarter", "the latest period",
# "the year-earlier period", "the corresponding period last year"
@EN.rule(
    "qthe", priority=3, triggers=("period", "quarter"),
    pattern=(r"(?<!\w)(?i:the)\s+(?:(?P<adj>(?i:latest|most\s+recent|recent|same|"
             r"comparable|corresponding|just-ended))\s+)?(?:(?P<ya>(?i:year-ago|year-earlier|"
             r"prior-year|year-before))\s+)?(?P<u>(?i:quarter|period))\b(?![-\w])"
             r"(?:\s+(?P<ly>(?i:last\s+year|a\s+year\s+(?:ago|earlier)|of\s+last\s+year)))?"),
    anaphoric=True,
    examples=(
        Ex("Net income was $5 million in the quarter.", "1989-10-25", "1989-Q3", "DATE", "quarter",
           words="the quarter"),
        Ex("Net income rose 12% in the third quarter; in the latest period sales fell.",
           "1989-10-25", "1989-Q3", "DATE", "quarter", words="the latest period"),
        Ex("Net income rose 12% in the third quarter from the corresponding period last year.",
           "1989-10-25", "1988-Q3", "DATE", "quarter", words="the corresponding period last year"),
        Ex("Net income for the quarter ended Sept. 30 rose 10%.", "1989-10-25", "1989-Q3", "DATE",
           "quarter", words="the quarter"),
        Ex("In the quarter, the company hired staff.", "1989-10-25", None, "DATE", "quarter",
           words="the quarter"),
        Not("The period of the war was long.", "1989-10-25",
            "'the period' alone is no report period"),
        Not("Net income rose in the third quarter; the same period saw layoffs.", "1989-10-25",
            "'the same period' without 'last year'"),
    ),
)
def _resolve_qthe(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'the quarter', 'the latest period', 'the corresponding period last year': a quarter of a
    financial report. The *quarter under discussion* is the latest completed quarter named by the
    text ("the third quarter", "Q3 1989", "the quarter ended Sept. 30"; not a look back like "the
    year-ago quarter", an aside about an earlier quarter, nor a forecast for a quarter not yet
    over). With no quarter named before it, "the quarter ended <day>" is the calendar quarter ending
    then (one ending in another month is fiscal: no value); after a named one it is that one. Then
    "the quarter", "the latest quarter/period" -> that quarter; "the year-ago/year-earlier quarter",
    "the year-earlier period", "the corresponding period last year" -> the same quarter a year
    before; "a year earlier/ago" inside an amount comparison ("$5 million, or 20 cents a share, a
    year ago"; also "compared with / from / than a year earlier") -> that quarter a year before
    (with no quarter named, a year before the report); "the 1988 quarter/period", "last year's
    quarter" -> that year's quarter of the same number; "the 1988 second quarter" -> ``'1988-Q2'``;
    "year-earlier results" -> the year before. With no quarter named, "the quarter" in an amount
    sentence is the last quarter completed before the DCT; otherwise it gets no value."""
    return _qyear_qthe_yago("qthe", m, ctx)


# "a year-earlier loss", "year-ago results": the same period a year before
@EN.rule(
    "yago", priority=2, triggers=("year",),
    pattern=(r"(?<![\w-])(?P<w>(?i:year-earlier|year-ago))(?!\s+(?i:quarter|period|"
             r"first|second|third|fourth)\b)(?![\w-])"),
    anaphoric=True,
    examples=(
        Ex("The company had a year-earlier loss of $3 million.", "1989-10-25", "1988", "DATE",
           "year", words="year-earlier"),
        Ex("Revenue rose 10% in the third quarter from year-ago results.", "1989-10-25", "1988",
           "DATE", "year", words="year-ago"),
        Ex("Net income rose in the fourth quarter of 1989 from year-ago results.", "1990-02-10",
           "1988", "DATE", "year", words="year-ago"),
        Not("Net income fell from the year-ago quarter.", "1989-10-25",
            "before 'quarter': the quarter rules take it"),
        Not("the year-earlier first quarter", "1989-10-25", "before an ordinal quarter: qyear's"),
    ),
)
def _resolve_yago(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"a year-earlier loss", "year-ago results": the year before that of the quarter under
    discussion, else the DCT's (see :func:`_resolve_qthe`)."""
    return _qyear_qthe_yago("yago", m, ctx)


# halves
@EN.rule(
    "half", priority=4, triggers=("H", "half"),
    pattern=(rf"(?<!\w)(?:(?:(?i:the)\s+)?(?P<ord>(?i:first|second|1st|2nd|last))[-\s]+"
             rf"(?i:half)(?:\s+(?i:of)\s+(?P<y>{_YEAR})|(?=\s+(?i:profit|results|earnings|"
             rf"sales|revenue|net|loss)))"
             # "H2 2022", "2022 H1" (the financial notation)
             rf"|(?P<h>H[12])(?:\s+|/|-)?(?P<hy>{_YEAR})|(?P<hy2>{_YEAR})\s*-?\s*"
             rf"(?P<h2>H[12]))(?![\w-])"),
    examples=(
        Ex("H2 2022", "2023-06-10", "2022-H2", "DATE", "quarter"),
        Ex("2023 H1", "2023-06-10", "2023-H1", "DATE", "quarter"),
        Ex("the first half of 2021", "2023-06-10", "2021-H1", "DATE", "quarter"),
        Ex("the last half of 1989", "2023-06-10", "1989-H2", "DATE", "quarter"),
        Ex("Saab reported first-half profit of $40 million.", "2023-06-10", "2023-H1", "DATE",
           "quarter", words="first-half"),
        Ex("Saab said second half sales rose.", "2023-06-10", "2022-H2", "DATE", "quarter",
           words="second half"),
        Ex("Saab said second half sales rose.", "2023-09-10", "2023-H2", "DATE", "quarter",
           words="second half"),
        Not("the second half of the match", "2023-06-10", "no year and no results noun"),
        Not("the last half", "2023-06-10", "'the last half' alone may be of anything"),
        Not("Saab reported first-half profit of $40 million.", "2023",
            "a year-only DCT cannot place it"),
    ),
)
def _resolve_half(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Halves: "the first half of 2021" -> ``'2021-H1'``, "the last half of 1989" -> ``'1989-H2'``,
    in the financial notation "H2 2022", "2023 H1" -> ``'2022-H2'``, ``'2023-H1'``; "first-half
    profit" -> the DCT's year (a second half not yet begun and no future cue: the year before)."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
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
    y = dct.y if (h == 1 or dct.m > 6 or _tense(text, s, e) == "future") else dct.y - 1
    return dict(value=f"{y}-H{h}", type="DATE", precision="quarter", relative=True)


# "the fall of" something that is no year: a downfall ("the fall of Kabul", "the fall of the
# regime"), not autumn ("the fall of that year" is)
_FALL_OF = re.compile(r"\s+of\s+(?!(?:that|the\s+(?:same|following|previous|next))\s+year\b)"
                      r"(?:(?:the|a|an|his|her|its|their)\s+)?[A-Za-z]")


# seasons
@EN.rule(
    "season", priority=3, triggers=("autumn", "fall", "spring", "summer", "winter"),
    pattern=(rf"(?<!\w)(?:(?P<rel>(?i:last|next|this|past|coming|early|late|mid|the))[-\s]+)?"
             rf"(?P<s>(?i:spring|summer|autumn|winter|fall))\b(?:\s+(?:(?i:of)\s+)?"
             rf"(?:(?P<y>{_YEAR})|(?P<ry>(?i:last|this|next))\s+(?i:year)\b))?"),
    examples=(
        Ex("summer 2021", "2023-06-10", "2021-SU", "DATE", "season"),
        Ex("the spring of last year", "2023-06-10", "2022-SP", "DATE", "season"),
        Ex("last summer", "2023-06-10", "2022-SU", "DATE", "season"),
        Ex("next spring", "2023-06-10", "2024-SP", "DATE", "season"),
        Ex("The tanks arrived in spring.", "2023-06-10", "2023-SP", "DATE", "season",
           words="spring"),
        Ex("The tanks will arrive in spring.", "2023-06-10", "2024-SP", "DATE", "season",
           words="spring"),
        Ex("early spring", "2023-06-10", "2023-SP", "DATE", "season", mod="EARLY",
           approximate=True),
        Ex("Deliveries slowed over the winter.", "2023-06-10", "2022-WI", "DATE", "season",
           words="the winter"),
        Not("the fall of Kabul", "2023-06-10", "an event's name"),
        Not("the first meeting since the fall of the anti-Israeli regime of Bashar al-Assad",
            "2025-05-20", "a fall of something: its downfall, no season"),
        Ex("The jets came in the fall of 2019, before the fall of the regime.", "2023-06-10",
           "2019-FA", "DATE", "season", words="the fall of 2019"),
        Not("the Winter War", "2023-06-10", "a war's name"),
        Not("They spring into action.", "2023-06-10", "a bare 'spring' without a preposition"),
    ),
)
def _resolve_season(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Seasons "summer 2021" -> ``'2021-SU'``; with a relative year: "the spring of last year" ->
    ``'2022-SP'`` (DCT 2023); "last summer", "in spring": from the DCT's season."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
    if (g["s"].lower() == "fall" and _FALL_OF.match(text, e)) or (
            g["s"][:1].isupper() and re.match(r"\s+[A-Z][a-z]", text[e:e + 4])
            and not g.get("y")):
        return None  # "the fall of Kabul", "the fall of the regime", "the Winter War"
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
        t = _tense(text, s, e)
        # a plan in a season just begun (its first month) is in this one
        y = last_y if t != "future" else (dct.y if dct.m <= st else dct.y + 1)
    return dict(value=f"{y}-{code}", type="DATE", precision="season", relative=True,
                mod=mod, approximate=approx)


# year alone, with modifiers: in 2016, early 2021, mid-2021, about 2015, fiscal 1990
@EN.rule(
    "year", priority=2, triggers=YEARS,
    pattern=(rf"(?<!\w){_MODP}{_APPROXP}(?:(?P<fy>(?i:fiscal(?:\s+year)?|FY|the\s+year))\s*)?"
             rf"(?P<year>{_YEAR})(?!\s*-?\s*(?i:pound|lb|kg|ton|tonne|mm|cm|km|mile|hp|rpm|"
             rf"kilogram|metre|meter|foot|feet)|\s*[-–—]\s*\d|s\b|'s\b|\s*(?:-|\s)(?i:year|million|"
             rf"billion|thousand|troops|soldiers|people|units|tons|km|kilomet|dollars|"
             rf"euros|members|times)\b)"),
    reach=(45, 30),
    examples=(
        Ex("In 2016, President Aliyev revealed the deal.", "2023-06-10", "2016", "DATE", "year",
           words="2016"),
        Not("Baku bought an EL/M-2080 Green Pine radar.", "2012-03-27",
            "a model's designation (letters, a hyphen, the number)"),
        Ex("It was bought in mid-2016 and in Sept-2017 it flew.", "2023-06-10", "2016", "DATE",
           "year", words="mid-2016", mod="MID", approximate=True),
        Ex("early 2021", "2023-06-10", "2021", "DATE", "year", mod="EARLY", approximate=True),
        Ex("mid-2021", "2023-06-10", "2021", "DATE", "year", mod="MID", approximate=True),
        Ex("about 2015", "2023-06-10", "2015", "DATE", "year", mod="APPROX", approximate=True),
        Ex("fiscal 1990", "2023-06-10", "1990", "DATE", "year"),
        Ex("In 2019 deliveries rose.", "2023-06-10", "2019", "DATE", "year", words="2019"),
        Ex("the year 2016", "2023-06-10", "2016", "DATE", "year"),
        Ex("in the final days of the war in 2020", "2023-06-10", "2020", "DATE", "year",
           words="2020", mod="END", approximate=True),
        Not("The army ordered 1800 Piorun missiles.", "2023-06-10", "a count"),
        Not("He drove a 2019 Toyota to the base.", "2023-06-10", "a model year"),
        Not("UN Security Council Resolution 1973 authorized strikes.", "2023-06-10",
            "a designator"),
        Not("The tank weighs 2000 kg.", "2023-06-10", "a unit follows"),
        Not("Ukraine shot down about 2000 drones.", "2023-06-10", "a quantity word before a count"),
    ),
)
def _resolve_year(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'In 2016', 'early 2021', 'about 2015', 'fiscal 1990': a year; not a count ("1800 Piorun
    missiles"), a model year ("his 1987 Chevrolet") nor a designator ("Resolution 1973")."""
    g = m.groupdict()
    text = ctx.text
    s, e = m.start(), m.end()
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
        if _DESIGNATOR_LEFT.search(text, max(0, s - 14), s) or _MODEL_LEFT.search(
                text, max(0, s - 10), s):
            return None  # "Resolution 1973", "Sonar 2087", "EL/M-2080", "MiG-2000": a name
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


# a model's designation before its number: "EL/M-2080", "MiG-2000", "M-2080", "Su-2030" (a
# capital, up to three more letters, a hyphen; not "Mid-2016", "Pre-2014", "Sept-2017")
_MODEL_LEFT = re.compile(
    r"(?<![\w/-])(?:[A-Z]{1,4}/)?(?!(?:Mid|Pre|Post|Non|Pro|End|Late|Year|Jan|Feb|Mar|Apr|May|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|FY|Q[1-4]|H[12])-)[A-Z][A-Za-z]{0,3}-\Z")


# a month with a year named relative to the DCT: "June last year", "in February this year",
# "early April next year"
@EN.rule(
    "monrel", priority=4, triggers=("year",),
    pattern=(rf"(?<!\w){_MODP}(?P<mon>{_MON})\s+(?:(?i:of)\s+)?(?P<rel>(?i:this|last|next))"
             r"\s+(?i:year)\b(?![-'])"),
    examples=(
        Ex("The first K2 tanks arrived in June last year.", "2023-06-10", "2022-06", "DATE",
           "month", words="June last year"),
        Ex("in February this year", "2023-06-10", "2023-02", "DATE", "month",
           words="February this year"),
        Ex("early April next year", "2023-06-10", "2024-04", "DATE", "month", mod="EARLY",
           approximate=True),
        Ex("in June of last year", "2023-06-10", "2022-06", "DATE", "month",
           words="June of last year"),
        Not("June last year's figures", "2023-06-10", "a possessive"),
        Not("The first K2 tanks arrived in June last year.", None, "no DCT: the year is unknown"),
    ),
)
def _resolve_monrel(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """A month with a relative year: "June last year" -> ``'YYYY-06'`` of the year before the DCT,
    "early October this year", "April next year"."""
    g = m.groupdict()
    dct = ctx.dct
    if dct.y is None:
        return None
    mon = _MONTHS[g["mon"].rstrip(".").lower()]
    mod, approx = _mod_of(g.get("mod"))
    y = dct.y + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
    return dict(value=_ym(y, mon), type="DATE", precision="month", relative=True, mod=mod,
                approximate=approx)


# bare/relative month names: last October, in May, the March opening, early December
@EN.rule(
    "month", priority=2, triggers=MONTH_NAMES,
    pattern=(rf"(?<!\w)(?:(?P<rel>(?i:last|next|this|past|coming|previous))\s+)?{_MODP}"
             rf"(?P<mon>{_MON})(?!\.?\s*\d)(?!-)"),
    reach=(45, 15),
    examples=(
        Ex("refusing to supply arms to Armenia last October", "2023-06-10", "2022-10", "DATE",
           "month", words="last October"),
        Ex("The deal was signed in May.", "2023-06-10", "2023-05", "DATE", "month", words="May"),
        Ex("The deal will be signed in October.", "2023-06-10", "2023-10", "DATE", "month",
           words="October"),
        Ex("The deal was signed in October.", "2023-06-10", "2022-10", "DATE", "month",
           words="October"),
        Ex("next March", "2023-06-10", "2024-03", "DATE", "month"),
        Ex("early December", "2023-06-10", "2022-12", "DATE", "month", mod="EARLY",
           approximate=True),
        Ex("the March opening of the embassy", "2023-06-10", "2023-03", "DATE", "month",
           words="March"),
        Ex("Russia holds the exercise every year in June.", "2023-06-10", "XXXX-06", "DATE",
           "month", words="June"),
        Ex("The deal was signed in June.", "2023-06", "2023-06", "DATE", "month", words="June"),
        Ex("The deal was signed in last October.", None, "XXXX-10", "DATE", "month",
           words="last October"),
        Not("Theresa May visited Kyiv.", "2023-06-10", "a name"),
        Not("The talks May collapse.", "2023-06-10", "'May' without a preposition before it"),
        Not("the March on Washington", "2023-06-10", "a march"),
    ),
)
def _resolve_month(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Month names without a year ("October", "the March opening"): past -> the most recent such
    month on or before the DCT month; future -> on or after; "last October" -> strictly before the
    DCT month ("last October" in a 2023-02-02 article -> ``'2022-10'``); "next/this October". A bare
    month with no tense cue at all takes the reading nearest to the DCT (ties go to the past); a
    habit ("every year in June") is any year's: ``'XXXX-06'``. A bare "May" needs a preposition-like
    word before it ("in May") and is rejected after a capitalized name ("Theresa May")."""
    g = m.groupdict()
    text = ctx.text
    s, e = m.start(), m.end()
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
    v = _month_no_year(ctx, mon, rel, _tense(text, s, e))
    if not rel and v and _habitual(text, s, e):
        v = f"XXXX-{mon:02d}"  # "holds the exercise every year in June": any year's June
    return dict(value=v, type="DATE", precision="month", relative=True, mod=mod,
                approximate=approx)


# spelled-out years (speech transcripts): "January nineteen ninety-seven", "in nineteen
# eighty", "the winter of nineteen ninety-four", "the year two thousand"
@EN.rule(
    "spyear", priority=4, triggers=("nineteen", "thousand"),
    pattern=(r"(?<!\w)(?:(?P<mon>" + _MON + r")\s+|(?i:the\s+)?(?P<s>(?i:spring|summer|"
             r"autumn|fall|winter))\s+(?i:of)\s+|(?P<pre>(?i:in|since|of|until|by|from|"
             r"the\s+year))\s+)?(?P<y>(?i:(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|"
             r"fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|"
             r"eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
             r"eighteen|nineteen|hundred|oh[\s-]+(?:one|two|three|four|five|six|seven|eight|"
             r"nine))|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|"
             r"eight|nine|ten))?))\b"),
    examples=(
        Ex("January nineteen ninety-seven", "2023-06-10", "1997-01", "DATE", "month"),
        Ex("in nineteen eighty", "2023-06-10", "1980", "DATE", "year", words="nineteen eighty"),
        Ex("the winter of nineteen ninety-four", "2023-06-10", "1994-WI", "DATE", "season"),
        Ex("the year two thousand", "2023-06-10", "2000", "DATE", "year"),
        Ex("nineteen ninety-six was a hard year", "2023-06-10", "1996", "DATE", "year",
           words="nineteen ninety-six"),
        Ex("The treaty was signed in nineteen oh five.", "2023-06-10", "1905", "DATE", "year",
           words="nineteen oh five"),
        Not("two thousand soldiers", "2023-06-10", "a number"),
        Not("They paid nineteen hundred dollars.", "2023-06-10", "an amount"),
    ),
)
def _resolve_spyear(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Spelled-out years: "nineteen ninety-four", "January nineteen ninety-seven", "the winter of
    nineteen ninety-four", "the year two thousand"; a bare "nineteen ninety-six" is a year, a bare
    "two thousand" a number."""
    g = m.groupdict()
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

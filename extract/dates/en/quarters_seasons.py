"""The periods within a year: quarters (and the reporting periods of financial reports),
halves and seasons.

Each rule is declared once: its pattern, triggers and examples in the decorator, its
production in the function below it (see :mod:`extract.dates.rule`)."""

from __future__ import annotations

import re

from extract.dates.calendars import _add_months
from extract.dates.context import (
    _Ctx,
    _quarter_anchor,
    _quarter_year,
    _report_period,
)
from extract.dates.en.table import EN
from extract.dates.fastre import fast_compile
from extract.dates.lexicon import (
    _ORD,
    _SEASON_START,
    _SEASONS,
    _YEAR,
    _mod_of,
)
from extract.dates.rule import Ex, Not, Value
from extract.dates.tense import (
    _tense,
)


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
        Not("Imports rose compared with the 2013-2017 period.", "2023-03-13",
            "the end of a range of years"),
        Not("Sales fell from last year's period.", "1989-10-25",
            "no quarter under discussion: 'period' names none"),
    ),
)
def _resolve_qyear(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"the 1988 quarter/period", "last year's quarter" -> that year's quarter of the same number;
    "the 1988 second quarter" -> ``'1988-Q2'`` (see :func:`_resolve_qthe`). The end of a
    range of years is not ("the 2013-2017 period" is the range)."""
    if re.search(r"\d{4}\s*[-–]\s*\Z", ctx.text[max(0, m.start() - 8):m.start()]):
        return None
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
_FALL_OF = fast_compile(r"\s+of\s+(?!(?:that|the\s+(?:same|following|previous|next))\s+year\b)"
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

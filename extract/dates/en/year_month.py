"""A year alone, months (with a relative year or none) and years spelled out.

Each rule is declared once: its pattern, triggers and examples in the decorator, its
production in the function below it (see :mod:`extract.dates.rule`)."""

from __future__ import annotations

import re

from extract.dates.calendars import _spelled_year, _ym
from extract.dates.context import (
    _approx_context,
    _Ctx,
    _month_no_year,
)
from extract.dates.en.table import EN
from extract.dates.fastre import fast_compile
from extract.dates.lexicon import (
    _APPROXP,
    _MODEL_YEAR,
    _MODEL_YEAR_LEFT,
    _MODP,
    _MON,
    _MONTHS,
    _SEASONS,
    _YEAR,
    MONTH_NAMES,
    YEARS,
    _mod_of,
)
from extract.dates.rule import Ex, Not, Value
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
_MODEL_LEFT = fast_compile(
    r"(?<![\w/-])(?:[A-Z]{1,4}/)?(?!(?:Mid|Pre|Post|Non|Pro|End|Late|Year|Jan|Feb|Mar|Apr|May|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|FY|Q[1-4]|H[12])-)[A-Z][A-Za-z]{0,3}-\Z")


# a month with a year named relative to the DCT: "June last year", "in February this year",
# "early April next year"
@EN.rule(
    "monrel", priority=4, triggers=("year",),
    pattern=(rf"(?<!\w){_MODP}(?P<mon>{_MON})\s+(?:(?i:of)\s+)?(?P<rel>(?i:this|last|next))"
             r"\s+(?i:year)\b(?![-'])"),
    hint=r"(?i)(?:this|last|next)\s+year",
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

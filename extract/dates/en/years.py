"""Years as spans: year ranges, fiscal years, decades and centuries.

Each rule is declared once: its pattern, triggers and examples in the decorator, its
production in the function below it (see :mod:`extract.dates.rule`)."""

from __future__ import annotations

import re

from extract.dates.calendars import _two_digit_year
from extract.dates.context import (
    _Ctx,
)
from extract.dates.en.table import EN
from extract.dates.lexicon import (
    _MODP,
    _ORDW,
    _YEAR,
    NUM_DIGITS,
    YEARS,
    _mod_of,
)
from extract.dates.rule import Ex, Not, Value


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

"""Durations and sets: "three years", "two years ago", "for weeks", "every Monday", and
the reporting year of a financial statement.

Each rule is declared once: its pattern, triggers and examples in the decorator, its
production in the function below it (see :mod:`extract.dates.rule`)."""

from __future__ import annotations

import datetime as _dt
import re

from extract.dates.calendars import _dur_value, _fmt_num, _num, _valid, _week
from extract.dates.context import _RATE_RE, _ago, _Ctx, _md_no_year
from extract.dates.en.table import EN
from extract.dates.lexicon import (
    _DAY,
    _MON,
    _MONTHS,
    _NUMW,
    _POD,
    _SEASONS,
    _UNITW,
    _VAGUE,
    _WEEKDAYS,
    _YEAR,
    DAY_WORDS,
    MONTH_NAMES,
    UNIT_WORDS,
    UNITS_WORDS,
    WEEKDAY_NAMES,
)
from extract.dates.rule import Ex, Not, Value
from extract.dates.tense import _tense

# the words before a duration that make it approximate or a bound ("about three years")
_DUR_MODS = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX",
             "approximately": "APPROX", "some": "APPROX", "nearly": "LESS_THAN",
             "almost": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
             "just over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
             "just under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
             "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
             "within": "EQUAL_OR_LESS"}


def _dur_ago(m: re.Match[str], ctx: _Ctx, n: float | None, unit: str, post: str,
             mod: str | None) -> Value | None:
    """'two years ago', 'three days later': the date counted; when there is no date to count
    from, the length alone."""
    out = _ago(ctx, n, unit, post, mod, ctx.text, m.start(), m.end())
    if out is not None and out.get("value") is None and m.start("post") > 0 \
            and post not in ("ago", "from now", "hence"):
        # "a few days later" with no date to count from: the TIMEX3 is the length
        # alone ("a few days", PXD), as in TimeML; the date stays unknown
        v = _dur_value(n, unit)
        if v is not None:
            return dict(value=v, type="DURATION", precision="duration", mod=mod,
                        approximate=mod == "APPROX", _end=m.start("post"))
    return out


# durations, "N units ago/later", "the past three months", "two-year", "recent months"
#
# Durations: "two years"/"two-year" -> ``'P2Y'``, "for three years" (extent without "for"), "the
# past three months" -> ``'P3M'``, "101 days" -> ``'P101D'``; centuries ``C``; durations in decades
# are written in years ("two decades" -> ``'P20Y'``); "two more weeks" -> ``'P2W'``. "2 1/2 years"
# -> ``'P2Y6M'``, "5 1/2 hours" -> ``'PT5H30M'``, "a minute and a half" -> ``'PT1M30S'``; quarters
# of a duration are months ("three quarters" -> ``'P9M'``). A rate ("700 seats a week", "$1.76 a
# year") is no duration; "a second betrayal" (ordinal) and "60 Minutes" (a title) are no mentions;
# "will one day" is ``FUTURE_REF``.
#
# "N units ago" (at the precision of the unit: "two years ago" -> a year, "three days ago" -> a day,
# "a week ago" -> an ISO week). "exactly a month ago" -> the *day* (DCT minus one month): annotators
# give the day when "exactly" is said; without "exactly", "a month ago" -> the month. "a decade ago"
# is the year ten years before (approximate), like "ten years ago"; "a week or so ago" is
# approximate. "N days later" after a span in the same sentence ("within 14 days ..., seven days
# later") counts from that span's unknown end. "N units later/earlier" with no date to count from is
# the duration alone, as TimeML annotates it ("A few days later" -> "A few days", ``'PXD'``); no
# date is guessed. "a year earlier/ago" in an amount comparison: the quarter under discussion a year
# before (with no quarter named, a year before the report: see ``years._resolve_qthe``).
@EN.rule(
    "dur", priority=2, triggers=(*UNIT_WORDS, *UNITS_WORDS, *DAY_WORDS, "ago"),
    pattern=(rf"(?<!\w)(?i:(?:(?P<the>the\s+)?(?P<dir>past|last|next|first|previous|coming|final|"
             rf"following|latest|recent|remaining|initial|early)\s+)?(?:(?P<appr>about|around|"
             rf"nearly|almost|roughly|some|more\s+than|less\s+than|at\s+least|over|up\s+to|"
             rf"approximately|just\s+over|just\s+under|no\s+more\s+than|under|within|"
             rf"only)\s+)?(?P<num>{_NUMW})(?:\s+more)?(?P<hy>[-\s]+)(?P<unit>{_UNITW})(?P<pl>s)?\b"
             rf"(?P<half>\s+and\s+a\s+half\b)?"
             rf"(?P<post>\s+(?:ago|later|earlier|afterwards?|from\s+now|hence|"
             rf"or\s+so(?:\s+(?:ago|later|earlier))?|old)\b)?)(?!-old)"),
    reach=(45, 30),
    anaphoric=True,
    examples=(
        Ex("The war has lasted two years.", "2023-06-10", "P2Y", "DURATION", "duration",
           words="two years"),
        Ex("a two-year contract", "2023-06-10", "P2Y", "DURATION", "duration", words="two-year"),
        Ex("the past three months", "2023-06-10", "P3M", "DURATION", "duration"),
        Ex("The siege lasted 101 days.", "2023-06-10", "P101D", "DURATION", "duration",
           words="101 days"),
        Ex("about two years", "2023-06-10", "P2Y", "DURATION", "duration", mod="APPROX",
           approximate=True),
        Ex("more than 10 years", "2023-06-10", "P10Y", "DURATION", "duration", mod="MORE_THAN"),
        Ex("2 1/2 years", "2023-06-10", "P2Y6M", "DURATION", "duration"),
        Ex("a minute and a half", "2023-06-10", "PT1M30S", "DURATION", "duration"),
        Ex("two decades", "2023-06-10", "P20Y", "DURATION", "duration"),
        Ex("two years ago", "2023-06-10", "2021", "DATE", "year"),
        Ex("three days ago", "2023-06-10", "2023-06-07", "DATE", "day"),
        Ex("a week ago", "2023-06-10", "2023-W22", "DATE", "week"),
        Ex("a month ago", "2023-06-10", "2023-05", "DATE", "month"),
        Ex("exactly a month ago", "2023-06-10", "2023-05-10", "DATE", "day", words="a month ago"),
        Ex("a decade ago", "2023-06-10", "2013", "DATE", "year", approximate=True),
        Ex("a week or so ago", "2023-06-10", "2023-W22", "DATE", "week", mod="APPROX",
           approximate=True),
        Ex("three days ago", "2023-06", None, "DATE", "day"),
        Ex("The deal was signed on May 3, 2023. Two weeks later, the jets arrived.", "2023-06-10",
           "2023-W20", "DATE", "week", words="Two weeks later"),
        Ex("A few days later, the jets arrived.", "2023-06-10", "PXD", "DURATION", "duration",
           words="A few days"),
        Ex("The jets arrived a year later than planned.", "2023-06-10", "P1Y", "DURATION",
           "duration", words="a year"),
        Ex("Sales rose to $5 million from $4 million a year earlier.", "2023-06-10", "2022", "DATE",
           "year", words="a year earlier"),
        Ex("The group says Ukraine will one day join NATO.", "2023-06-10", "FUTURE_REF", "DATE",
           "ref", words="one day"),
        Not("The convoy left at 0600 hours.", "2023-06-10", "a military clock time"),
        Not("60 Minutes reported the deal.", "2023-06-10", "a title"),
        Not("The pilot was 40 years old.", "2023-06-10", "an age"),
        Not("The plant builds 700 shells a week.", "2023-06-10", "a rate"),
        Not("Kyiv fears a second betrayal.", "2023-06-10", "an ordinal"),
    ),
)
def _resolve_dur(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'two years', 'a two-year contract', 'the past three months': a DURATION; 'two years ago',
    'two weeks later': the date counted (see the comments above the rule)."""
    g = m.groupdict()
    text = ctx.text
    s, e = m.start(), m.end()
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
    mod = _DUR_MODS.get(appr)
    if g.get("half") and n is not None and float(n).is_integer():
        n += 0.5  # "a minute and a half", "two years and a half"
    if post.startswith("or so"):
        # "a week or so", "a week or so ago"
        mod, post = "APPROX", post.removeprefix("or so").strip()
    if post in ("ago", "later", "earlier", "before", "after", "afterwards", "afterward",
                "from now", "hence"):
        return _dur_ago(m, ctx, n, unit, post, mod)
    if post == "old":
        return None  # ages are not dates
    v = _dur_value(n, unit)
    if v is None:
        return None
    return dict(value=v, type="DURATION", precision="duration", mod=mod,
                approximate=mod == "APPROX")


@EN.rule(
    "durvague", priority=2, triggers=(*UNITS_WORDS, *DAY_WORDS),
    pattern=(r"(?i:\b(?P<pre>recent|the\s+coming|coming|the\s+past\s+few|the\s+next\s+few|"
             r"the\s+last\s+few|the\s+past|the\s+last|the\s+recent|"
             r"the\s+following)\s+(?P<unit>day|week|month|year|decade|quarter)s\b)"),
    reach=(45, 10),
    examples=(
        Ex("Prices rose in recent months.", "2023-06-10", "PXM", "DURATION", "duration",
           words="recent months"),
        Ex("Talks continue in the coming weeks.", "2023-06-10", "PXW", "DURATION", "duration",
           words="the coming weeks"),
        Ex("Strikes continued in the following days.", "2023-06-10", "PXD", "DURATION", "duration",
           words="the following days"),
        Not("The talks resume over the coming week.", "2023-06-10",
            "one unit, not an unknown count"),
        Not("the recent past", "2023-06-10", "no unit"),
    ),
)
def _resolve_durvague(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"recent months/years/weeks" and "the coming weeks" are DURATIONs with an unknown count
    (``'PXM'``), not calendar dates."""
    g = m.groupdict()
    pre = re.sub(r"\s+", " ", g["pre"].lower())
    unit = g["unit"].lower()
    return dict(value=_dur_value(None, unit), type="DURATION", precision="duration",
                relative=pre in ("recent", "in recent", "the recent"))


# "a day-long meeting", "a decades-long battle": a duration as an adjective
@EN.rule(
    "durlong", priority=2, triggers=(*UNIT_WORDS, *UNITS_WORDS, *DAY_WORDS),
    pattern=(r"(?<![\w-])(?P<unit>(?i:second|minute|hour|day|night|week|month|year|decade|"
             r"century|centurie))(?P<pl>s)?-(?i:long)\b(?!-)"),
    hint=r"-[Ll][Oo][Nn][Gg]",  # -(?i:long)
    examples=(
        Ex("a day-long meeting", "2023-06-10", "P1D", "DURATION", "duration", words="day-long"),
        Ex("a decades-long battle", "2023-06-10", "PXY", "DURATION", "duration",
           words="decades-long"),
        Ex("a weeks-long offensive", "2023-06-10", "PXW", "DURATION", "duration",
           words="weeks-long"),
        Not("a two-day-long meeting", "2023-06-10", "counted: 'two-day' is the dur rule's"),
    ),
)
def _resolve_durlong(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"a day-long meeting" -> ``'P1D'``, "decades-long" -> ``'PXY'``: durations as adjectives."""
    g = m.groupdict()
    v = _dur_value(None if g.get("pl") else 1, g["unit"].lower())
    return dict(value=v, type="DURATION", precision="duration") if v else None


# "the week of March 6": the ISO week of that day
@EN.rule(
    "weekof", priority=5, triggers=MONTH_NAMES,
    pattern=(rf"(?<!\w)(?i:the\s+week\s+of)\s+(?P<mon>{_MON})\s*(?P<day>{_DAY})"
             rf"(?:,?\s+(?P<year>{_YEAR}))?(?!\s*(?:[,/:]\s*)?\d)"),
    hint="[Ww][Ee][Ee][Kk\u212a]\\s+[Oo][Ff]",  # (?i:week\s+of)
    examples=(
        Ex("the week of March 6", "2023-06-10", "2023-W10", "DATE", "week"),
        Ex("the week of March 6, 2023", "2023-06-10", "2023-W10", "DATE", "week"),
        Ex("Talks are set for the week of June 19.", "2023-06-10", "2023-W25", "DATE", "week",
           words="the week of June 19"),
        Not("the week of March 6/7", "2023-06-10", "a number follows the day"),
    ),
)
def _resolve_weekof(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"the week of March 6" -> that ISO week (the day read as a month-day without a year when no
    year is written)."""
    g = m.groupdict()
    text = ctx.text
    s, e = m.start(), m.end()
    mon = _MONTHS[g["mon"].rstrip(".").lower()]
    day = int(re.sub(r"\D", "", g["day"]))
    if g.get("year"):
        v = f"{int(g['year']):04d}-{mon:02d}-{day:02d}" if _valid(int(g["year"]), mon,
                                                                 day) else None
    else:
        v = _md_no_year(ctx, mon, day, _tense(text, s, e))
    if v is None or v.startswith("X"):
        return dict(value=None, type="DATE", precision="week", relative=True)
    return dict(value=_week(_dt.date.fromisoformat(v)), type="DATE", precision="week",
                relative=not g.get("year"))


# a reporting year: "for the year ended March 31", "in the fiscal year ending June 30"
@EN.rule(
    "fyear", priority=3, triggers=("year",),
    pattern=(r"(?<!\w)(?i:the\s+(?:fiscal\s+|full\s+)?year)(?=\s+(?i:ended|ending)\b)"),
    examples=(
        Ex("for the year ended March 31", "2023-06-10", "P1Y", "DURATION", "duration",
           words="the year"),
        Ex("in the fiscal year ending June 30", "2023-06-10", "P1Y", "DURATION", "duration",
           words="the fiscal year"),
        Ex("the full year ended Aug. 31", "2023-06-10", "P1Y", "DURATION", "duration",
           words="the full year"),
        Not("the year-ending parade", "2023-06-10", "hyphenated: an adjective"),
    ),
)
def _resolve_fyear(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"for the year ended Aug. 31", "the fiscal year ending June 30" -> ``'P1Y'`` (DURATION)."""
    return dict(value="P1Y", type="DURATION", precision="duration")


# "for weeks", "for years": a duration of unknown length (the plural unit alone)
@EN.rule(
    "durbare", priority=2, triggers=(*UNITS_WORDS, *DAY_WORDS),
    pattern=(r"(?<=\b[Ff]or\s)(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades|"
             r"centuries))\b"
             r"(?!\s+(?i:of|to\s+come|ago|later|earlier|before|after|now)\b)"),
    examples=(
        Ex("The unit fought for weeks.", "2023-06-10", "PXW", "DURATION", "duration",
           words="weeks"),
        Ex("Kyiv has asked for years.", "2023-06-10", "PXY", "DURATION", "duration", words="years"),
        Ex("For days the city burned.", "2023-06-10", "PXD", "DURATION", "duration", words="days"),
        Not("The alliance will last for years to come.", "2023-06-10", "'to come' follows"),
        Not("Kyiv endured for months of fighting.", "2023-06-10", "'of' follows"),
    ),
)
def _resolve_durbare(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"for years", "for weeks" -> a DURATION of unknown length (``'PXY'``)."""
    g = m.groupdict()
    return dict(value=_dur_value(None, g["unit"].lower()), type="DURATION",
                precision="duration")


@EN.rule(
    "durunit", priority=2, triggers=(*UNIT_WORDS, *DAY_WORDS),
    pattern=(r"(?i:\b(?P<the>the\s+)(?P<dir>past|last|next|previous|coming|following)\s+"
             r"(?P<unit>day|week|month|year|decade|quarter|century)\b(?!s|-))"),
    reach=(45, 15),
    examples=(
        Ex("the past year", "2023-06-10", "P1Y", "DURATION", "duration"),
        Ex("the coming decade", "2023-06-10", "P10Y", "DURATION", "duration"),
        Ex("Prices rose over the last month.", "2023-06-10", "P1M", "DURATION", "duration",
           words="the last month"),
        Not("the past years of war", "2023-06-10", "a plural"),
    ),
)
def _resolve_durunit(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'the past year', 'the coming decade', 'over the last month': one unit, a DURATION (``'P1Y'``,
    ``'P10Y'``)."""
    g = m.groupdict()
    return dict(value=_dur_value(1, g["unit"].lower()), type="DURATION",
                precision="duration")


# sets
@EN.rule(
    "set", priority=3, triggers=(
        *MONTH_NAMES, *WEEKDAY_NAMES, *UNIT_WORDS, *UNITS_WORDS, *DAY_WORDS, "annually",
        "autumn", "biannually", "biweekly", "daily", "fall", "hourly", "monthly", "nightly",
        "quarterly", "spring", "summer", "weekly", "winter", "yearly",
    ),
    pattern=(rf"(?i:\b(?=[epdwmayhqnbot\d])(?:(?P<q>every|each|per)\s+(?:(?P<other>other)\s+)?"
             rf"(?:(?P<num>{_NUMW})"
             rf"\s+)?(?P<unit>{_UNITW}s?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
             rf"Sunday|January|February|March|April|May|June|July|August|September|October|"
             rf"November|December|spring|summer|autumn|fall|winter)(?:(?<=[a-z]day)\s+"
             rf"(?P<spod>morning|afternoon|evening|night)(?!s))?|(?P<adv>daily|weekly|"
             rf"monthly|annually|yearly|hourly|quarterly|nightly|biannually|biweekly)|"
             rf"(?P<times>once|twice|three\s+times|\d+\s+times)\s+(?:a|an|per)\s+"
             rf"(?P<unit2>{_UNITW}))\b)"),
    reach=(45, 15),
    examples=(
        Ex("every year", "2023-06-10", "P1Y", "SET", "set"),
        Ex("annually", "2023-06-10", "P1Y", "SET", "set"),
        Ex("weekly", "2023-06-10", "P1W", "SET", "set"),
        Ex("every Monday", "2023-06-10", "XXXX-WXX-1", "SET", "set"),
        Ex("every Friday night", "2023-06-10", "XXXX-WXX-5TNI", "SET", "set"),
        Ex("twice a year", "2023-06-10", "P1Y", "SET", "set"),
        Ex("every other week", "2023-06-10", "P2W", "SET", "set"),
        Ex("every three months", "2023-06-10", "P3M", "SET", "set"),
        Ex("every quarter", "2023-06-10", "P1Q", "SET", "set"),
        Ex("each spring", "2023-06-10", "XXXX-SP", "SET", "set"),
        Ex("every May", "2023-06-10", "XXXX-05", "SET", "set"),
        Not("Saab published a quarterly report.", "2023-06-10", "'quarterly' is an adjective"),
    ),
)
def _resolve_set(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Sets: "every year"/"annually" -> ``'P1Y'``, "weekly" -> ``'P1W'``, "every Monday" ->
    ``'XXXX-WXX-1'``, "every Friday night" -> ``'XXXX-WXX-5TNI'``, "every May" -> ``'XXXX-05'``,
    "each spring" -> ``'XXXX-SP'``, "every quarter" -> ``'P1Q'`` ("on Mondays", "on Friday nights":
    :func:`~extract.dates.en.days._resolve_weekday`)."""
    g = m.groupdict()
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

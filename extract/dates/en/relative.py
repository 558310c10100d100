"""Times named relative to the publication date or to the last date named: "now", "this
year", "the end of the year", "the following Monday", "back then".

Each rule is declared once: its pattern, triggers and examples in the decorator, its
production in the function below it (see :mod:`extract.dates.rule`)."""

from __future__ import annotations

import datetime as _dt
import re

from extract.dates.calendars import _q, _week, _ym, _ymd
from extract.dates.context import _Ctx, _shift_unit, _under_discussion
from extract.dates.en.table import EN
from extract.dates.lexicon import (
    _UNIT_PREC,
    _WDFULL,
    _WEEKDAYS,
    DAY_WORDS,
    UNIT_WORDS,
    WEEKDAY_NAMES,
    _mod_of,
)
from extract.dates.rule import Ex, Not, Value
from extract.dates.tense import _FORECAST, _sentence_left, _tense


@EN.rule(
    "ref", priority=1, triggers=(
        "current", "currently", "date", "days", "future", "lately", "moment", "now",
        "nowadays", "past", "present", "presently", "recent", "recently", "soon",
    ),
    pattern=(r"\b(?P<w>(?i:right\s+now|now|nowadays|currently|at\s+present|presently|"
             r"at\s+the\s+moment|these\s+days|recently|lately|(?:in\s+)?the\s+past(?!\s+(?:two|"
             r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|a\s+few|few|"
             r"a\s+couple|couple|dozen|half)\b)|"
             r"the\s+future|soon|in\s+the\s+near\s+future|the\s+near\s+future|once\s+again|"
             r"current|recent|former|previously|to\s+date))\b(?!\s+(?i:of\b|years|months|weeks|"
             r"days|decades|quarters|times|centuries|\d))"),
    examples=(
        Ex("Poland currently operates 48 F-16s.", "2023-06-10", "PRESENT_REF", "DATE", "ref",
           words="currently"),
        Ex("The army now fields K2 tanks.", "2023-06-10", "PRESENT_REF", "DATE", "ref",
           words="now"),
        Ex("The ministry recently signed a deal.", "2023-06-10", "PAST_REF", "DATE", "ref",
           words="recently"),
        Ex("The jets will arrive soon.", "2023-06-10", "FUTURE_REF", "DATE", "ref", words="soon"),
        Ex("More jets will come in the near future.", "2023-06-10", "FUTURE_REF", "DATE", "ref",
           words="in the near future"),
        Ex("Ten jets have been delivered to date.", "2023-06-10", "PRESENT_REF", "DATE", "ref",
           words="to date"),
        Not("He was soon released.", "2023-06-10", "soon after a past event"),
        Not("Talks resumed soon after the attack.", "2023-06-10", "'soon after' is a conjunction"),
        Not("the current account deficit", "2023-06-10", "an economics term"),
        Not("The former minister spoke.", "2023-06-10", "'former' is no time"),
    ),
)
def _resolve_ref(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"now", "currently", "current", "at present", "these days", "to date" -> ``PRESENT_REF``;
    "recently", "recent", "the past" -> ``PAST_REF`` (not "the past three summers": a count
    follows); "the future", "soon", "may soon" -> ``FUTURE_REF``. "as soon as" and "soon after" are
    not times, nor is "soon" in a past clause ("he was soon released")."""
    g = m.groupdict()
    text = ctx.text
    s, e = m.start(), m.end()
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
            and _tense(text, s, e) == "past":
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


# this year / last month / next week / the following day / that year ...
@EN.rule(
    "relunit", priority=3, triggers=(*UNIT_WORDS, *DAY_WORDS),
    pattern=(r"(?i:\b(?:(?P<modof>the\s+(?:very\s+)?(?:beginning|start|end|middle|close|"
             r"first\s+half|second\s+half|latter\s+half|rest|remainder|balance)\s+of)\s+)?"
             r"(?:(?P<early>earlier|later|early|late)\s+)?(?P<rel>this|last|next|"
             r"past|previous|coming|current|the\s+current|the\s+previous|the\s+next|"
             r"the\s+following|the\s+same|that\s+same|that|the\s+prior|the\s+preceding)\s+"
             r"(?P<unit>day|week|weekend|month|year|quarter|decade|century|fiscal\s+year)"
             r")\b(?!-|s\b|\s+(?:ago|later|earlier)\b)"),
    reach=(70, 25),
    anaphoric=True,
    examples=(
        Ex("this year", "2023-06-10", "2023", "DATE", "year"),
        Ex("last month", "2023-06-10", "2023-05", "DATE", "month"),
        Ex("next week", "2023-06-10", "2023-W24", "DATE", "week"),
        Ex("The deal was signed on May 3, 2023. The following day, jets arrived.", "2023-06-10",
           "2023-05-04", "DATE", "day", words="The following day"),
        Ex("The deal was signed in 2019. That year, jets arrived.", "2023-06-10", "2019", "DATE",
           "year", words="That year"),
        Ex("the end of this year", "2023-06-10", "2023", "DATE", "year", mod="END"),
        Ex("next week", "2023-06", None, "DATE", "week"),
        Ex("last month", "2023-06", "2023-05", "DATE", "month"),
        Ex("this year", None, None, "DATE", "year"),
        Not("Kyiv was hit the day after the attack.", "2023-06-10", "anchored on an event"),
        Not("ABC's \"This Week\" reported.", "2023-06-10", "a programme's title"),
        Not("this weekend", "2023-06-10", "the weekend rule's"),
    ),
)
def _resolve_relunit(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"this/last/next week|month|year" (at the precision of the unit), and from the previous date
    "the next/following day", "that year|month|day", "that same day" (see the package docstring on
    anaphora). "The end of this year", "the second half of last year": the modifier joins the
    relative unit. "last week after ..." stays deictic ("the day after <event>" has no date); a
    quoted title ("This Week") is no mention."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
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


# the year, month or week under discussion: "by the end of the year", "the first half of
# the month", "earlier in the year", "later in the day", "by year-end", "the first nine
# months of the year"
@EN.rule(
    "partof", priority=3, triggers=(*UNIT_WORDS, *DAY_WORDS),
    pattern=(r"(?=[tTeElLyYmM])(?i:\b(?P<part>the\s+(?:very\s+)?(?:beginning|start|end|"
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
             r"before|after|to|of|in|when|that|which|since)\b))"),
    reach=(45, 30),
    anaphoric=True,
    examples=(
        Ex("The first jets will arrive by the end of the year.", "2023-06-10", "2023", "DATE",
           "year", words="the end of the year", mod="END"),
        Ex("The contract was signed at the end of the year.", "2023-06-10", "2022", "DATE", "year",
           words="the end of the year", mod="END"),
        Ex("In 2015 Egypt ordered 24 jets; the first arrived at the end of the year.", "2023-06-10",
           "2015", "DATE", "year", words="the end of the year", mod="END"),
        Ex("The ministry will start deliveries at the beginning of the year.", "2023-06-10", "2024",
           "DATE", "year", words="the beginning of the year", mod="START"),
        Ex("The talks began on May 3, 2023, and ended later in the day.", "2023-06-10",
           "2023-05-03", "DATE", "day", words="later in the day"),
        Ex("The plant will be ready by year-end.", "2023-06-10", "2023", "DATE", "year",
           words="year-end", mod="END"),
        Ex("the first half of the month", "2023-06-10", "2023-06", "DATE", "month", mod="EARLY"),
        Ex("Sales for the full year rose 5%.", "2023-02-10", "2022", "DATE", "year",
           words="the full year"),
        Ex("Saab raised its outlook for the full year.", "2023-10-10", "2023", "DATE", "year",
           words="the full year"),
        Not("Saab published its year-end results.", "2023-06-10", "no preposition: an adjective"),
        Not("the end of the year-long war", "2023-06-10", "'year-long'"),
    ),
)
def _resolve_partof(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """The year (month, week) under discussion: "by the end of the year", "the first half of the
    month", "the rest of the year", "earlier/later in the year", "by/since year-end", "the first
    nine months of the year", "for the (full) year", "by year's end" -> the year of a date named
    before it in its sentence, else the DCT's, with mod END/START/MID/LATE ("year-end" is mod END,
    no day is invented); a whole year told in the past is over ("Sales for the full year rose" in
    February: the year before). A plan is not in a period already past (then the DCT's); in the
    DCT's own year (month) a past event is not in a part not yet begun ("signed at the end of the
    year" in June: the year before) and a plan not in one already over ("will start at the beginning
    of the year" in June: the next). A plan told in the future in the past ("In March 2022, the
    ministry said the deliveries would take place in the second half of the year") keeps the
    sentence's year. "Earlier/later in the day" is the day of the last date named."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
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
    return dict(_under_discussion(ctx, s, unit, whole, _tense(text, s, e)), relative=True, mod=mod,
                approximate=approx, _anaphor=True)


# "the week before last", "the month after next" (two units from the DCT's)
@EN.rule(
    "beforelast", priority=3, triggers=(*UNIT_WORDS, *DAY_WORDS),
    pattern=(r"(?=[tT])(?i:\bthe\s+(?P<unit>week|month|year)\s+(?P<dir>before\s+last|"
             r"after\s+next)\b)"),
    hint=r"(?i)before\s+last|after\s+next",
    examples=(
        Ex("the week before last", "2023-06-10", "2023-W21", "DATE", "week"),
        Ex("the month after next", "2023-06-10", "2023-08", "DATE", "month"),
        Ex("the year before last", "2023-06-10", "2021", "DATE", "year"),
        Ex("the year before last", None, None, "DATE", "year"),
        Not("the day before last", "2023-06-10", "only week, month and year"),
    ),
)
def _resolve_beforelast(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"the week/month/year before last", "... after next": two units from the DCT's."""
    g = m.groupdict()
    dct = ctx.dct
    k = -2 if g["dir"].lower().startswith("before") else 2
    if dct.y is None:
        return dict(value=None, type="DATE", precision=_UNIT_PREC.get(g["unit"].lower(),
                                                                       "year"), relative=True)
    base = dct.date or _dt.date(dct.y, dct.m or 1, 1)
    prec = "day" if dct.date else "month" if dct.m else "year"
    return dict(_shift_unit((prec, base), g["unit"].lower(), k), relative=True)


# "the following Monday", "the previous Friday": that weekday after or before the last
# date named
@EN.rule(
    "wdrel", priority=3, triggers=WEEKDAY_NAMES,
    pattern=(r"(?<!\w)(?P<rel>(?i:the\s+(?:following|previous|preceding|prior)))\s+"
             rf"(?P<wd>{_WDFULL})(?!s\b|')"),
    anaphoric=True,
    examples=(
        Ex("The talks began on May 3, 2023. The following Monday, the jets arrived.", "2023-06-10",
           "2023-05-08", "DATE", "day", words="The following Monday"),
        Ex("The talks ended on May 3, 2023; the previous Friday, drones struck.", "2023-06-10",
           "2023-04-28", "DATE", "day", words="the previous Friday"),
        Ex("The following Monday, the jets arrived.", "2023-06", None, "DATE", "day",
           words="The following Monday"),
        Not("the following Mondays", "2023-06-10", "a plural"),
    ),
)
def _resolve_wdrel(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"the following/previous/preceding <weekday>": the first such weekday after (before) the last
    date named, the DCT if none ("May 3 ... The following Monday" -> May 8)."""
    g = m.groupdict()
    dct = ctx.dct
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


# "over the weekend", "this weekend", "last weekend" (the TIMEX3 week value + '-WE')
@EN.rule(
    "weekend", priority=3, triggers=("weekend",),
    pattern=(r"(?<!\w)(?P<rel>(?i:the|this|last|next|past|coming))\s+(?i:weekend)\b"
             r"(?!s\b)"),
    examples=(
        Ex("The talks took place over the weekend.", "2023-06-07", "2023-W22-WE", "DATE", "week",
           words="the weekend"),
        Ex("The talks will take place over the weekend.", "2023-06-07", "2023-W23-WE", "DATE",
           "week", words="the weekend"),
        Ex("last weekend", "2023-06-07", "2023-W22-WE", "DATE", "week"),
        Ex("this weekend", "2023-06-07", "2023-W23-WE", "DATE", "week"),
        Ex("next weekend", "2023-06-10", "2023-W24-WE", "DATE", "week"),
        Ex("The talks took place over the weekend.", "2023-06", None, "DATE", "week",
           words="the weekend"),
        Not("Shelling continues on the weekends.", "2023-06-10", "a plural"),
    ),
)
def _resolve_weekend(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"the weekend", "this/last/next weekend" -> the ISO week of that Saturday + ``-WE``
    (``'1990-W32-WE'``); "the weekend" is the past one unless a future cue says otherwise."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
    rel = g["rel"].lower()
    base = dct.date
    if base is None:
        return dict(value=None, type="DATE", precision="week", relative=True)
    wd = base.weekday()
    if rel == "the":
        rel = "next" if _tense(text, s, e) == "future" else "last"
        if wd >= 5:
            rel = "this"
    if rel == "this":
        sat = base + _dt.timedelta(days=5 - wd) if wd < 5 else base - _dt.timedelta(days=wd - 5)
    elif rel in ("last", "past"):
        sat = base - _dt.timedelta(days=(wd - 5) % 7 or 7)
    else:  # next, coming
        sat = base + _dt.timedelta(days=(5 - wd) % 7 or 7)
    return dict(value=_week(sat) + "-WE", type="DATE", precision="week", relative=True)


@EN.rule(
    "backthen", priority=3, triggers=("then", "time"),
    pattern=(r"(?i:\b(?:back\s+then|at\s+the\s+time|at\s+that\s+time|by\s+then|"
             r"until\s+then))\b"),
    anaphoric=True,
    examples=(
        Ex("Poland ordered the jets on May 3, 2023. Back then, the army had none.", "2023-06-10",
           "2023-05-03", "DATE", "day", words="Back then"),
        Ex("Poland ordered the jets in 2019. At the time, the army had none.", "2023-06-10", "2019",
           "DATE", "year", words="At the time"),
        Ex("At the time, the army had none.", "2023-06-10", "PAST_REF", "DATE", "ref",
           words="At the time"),
        Ex("Poland ordered jets in summer 2019. At the time, the army had none.", "2023-06-10",
           "PAST_REF", "DATE", "ref", words="At the time"),
        Ex("Poland ordered jets from 2014 to 2018. At the time, the army had none.", "2023-06-10",
           "PAST_REF", "DATE", "ref", words="At the time"),
        Not("At the time of its founding, the army had none.", "2023-06-10",
            "the event is named next"),
    ),
)
def _resolve_backthen(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"back then", "at the time", "by then": the previous resolved date itself, else ``PAST_REF``
    (see the package docstring on anaphora); "at the time of <event>" is no mention."""
    text = ctx.text
    e = m.end()
    if re.match(r"\s+of\b", text[e:e + 4]):
        return None  # 'at the time of its founding': the event named next, not a time
    anc = ctx.anchor
    if anc is None or ctx.stale or ctx.inexact or ctx.span is not None:
        return dict(value="PAST_REF", type="DATE", precision="ref", relative=True)
    prec, d = anc
    v = (_ymd(d) if prec == "day" else _ym(d.year, d.month) if prec == "month"
         else _q(d) if prec == "quarter" else str(d.year))
    return dict(value=v, type="DATE", precision=prec, relative=True, _anaphor=True)

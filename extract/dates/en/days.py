"""Days and parts of days: holidays, clock times on a day, weekdays, "today", "the day
before", "that night".

Each rule is declared once: its pattern, triggers and examples in the decorator, its
production in the function below it (see :mod:`extract.dates.rule`)."""

from __future__ import annotations

import datetime as _dt
import re

from extract.dates.calendars import _holiday, _nth_weekday, _week, _ymd
from extract.dates.context import _Ctx, _md_no_year, _under_discussion, _weekday_value
from extract.dates.en.table import EN
from extract.dates.fastre import fast_compile
from extract.dates.lexicon import (
    _DAY,
    _MON,
    _MONTHS,
    _POD,
    _WD,
    _WDFULL,
    _WEEKDAYS,
    _YEAR,
    DAY_WORDS,
    HOLIDAY_NAMES,
    WEEKDAY_NAMES,
)
from extract.dates.rule import Ex, Not, Value
from extract.dates.tense import (
    _FRONTED_LEFT,
    _GENERIC_PRESENT,
    _GENERIC_TODAY,
    _MIDPOD_LEFT,
    _SAID_IT,
    _SCHED_PRESENT,
    _SENT_BREAK,
    _WD_BEFORE_PLURAL,
    _WD_COORD_LEFT,
    _habitual,
    _sentence_left,
    _tense,
)


# holidays: "Thanksgiving Day", "last Christmas", "on New Year's Eve", "Election Day"
@EN.rule(
    "holiday", priority=3, triggers=HOLIDAY_NAMES,
    pattern=(r"(?<!\w)(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>(?:Orthodox\s+)?(?:"
             r"Christmas(?:\s+(?:Day|Eve))?|"
             r"New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|"
             r"Halloween|Valentine's\s+Day|Boxing\s+Day|Labor\s+Day|Memorial\s+Day|"
             r"Veterans\s+Day|Election\s+Day|Victory\s+Day|Bastille\s+Day|"
             r"Defender\s+of\s+the\s+Fatherland\s+Day))(?:\s+(?P<wk>(?i:week)))?"
             r"(?![\w'-])"),
    examples=(
        Ex("The deal was signed at Christmas.", "2023-06-10", "2022-12-25", "DATE", "day",
           words="Christmas"),
        Ex("last Christmas", "2023-06-10", "2022-12-25", "DATE", "day"),
        Ex("Russia held a parade on Victory Day.", "2023-06-10", "2023-05-09", "DATE", "day",
           words="Victory Day"),
        Ex("The ministry will announce the deal on Orthodox Christmas.", "2023-06-10", "2024-01-07",
           "DATE", "day", words="Orthodox Christmas"),
        Ex("Easter week", "2023-06-10", "2023-W14", "DATE", "week"),
        Ex("Thanksgiving Day", "2023-06-10", "2023-11-23", "DATE", "day"),
        Ex("The parade was held on Victory Day.", "2023-06", None, "DATE", "day",
           words="Victory Day"),
        Not("the Thanksgiving-week rush", "2023-06-10", "part of a hyphenated word"),
        Not("Christmas-time shipments", "2023-06-10", "part of a hyphenated word"),
    ),
)
def _resolve_holiday(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Holidays ("Thanksgiving Day", "last Christmas", "Easter", "Election Day", ...) resolve like a
    month-day without a year (past/future cue, else the nearest); movable feasts are computed,
    Orthodox Easter and Christmas in the Gregorian calendar ("on Orthodox Christmas" -> Jan 7).
    "Easter week" -> the ISO week of that Easter."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
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
    t = _tense(text, s, e) if rel is None else None
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


# a clock time attached to a day: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9",
# "9 a.m. tomorrow" (TIME, 'YYYY-MM-DDTHH:MM')
@EN.rule(
    "clockday", priority=5, triggers=("m", "midday", "midnight", "noon", "pm"),
    pattern=(r"(?<![\w:.])(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*"
             r"(?P<ap>[ap])\.?\s?m\b\.?|(?P<nm>(?i:noon|midnight|midday)))(?:\s+(?:[ECMP][SD]T|GMT|local\s+time))?"
             r",?\s+(?:(?i:on)\s+)?(?:(?P<wd>" + _WDFULL + r")(?!'s)|(?P<mon>" + _MON +
             r")\s*(?P<day>" + _DAY + r")(?!\s*,?\s*\d)|(?P<dx>(?i:today|yesterday|"
             r"tomorrow))\b)"),
    examples=(
        Ex("The talks ended at 10 p.m. Wednesday.", "2023-06-10", "2023-06-07T22:00", "TIME",
           "minute", words="10 p.m. Wednesday"),
        Ex("The talks will resume at noon Thursday.", "2023-06-10", "2023-06-15T12:00", "TIME",
           "minute", words="noon Thursday"),
        Ex("The strike hit at 5 p.m. EST Nov. 9.", "2023-06-10", "2022-11-09T17:00", "TIME",
           "minute", words="5 p.m. EST Nov. 9"),
        Ex("The summit opens at 9 a.m. tomorrow.", "2023-06-10", "2023-06-11T09:00", "TIME",
           "minute", words="9 a.m. tomorrow"),
        Ex("The talks ended at 10 p.m. Wednesday.", "2023-06", None, "TIME", "minute",
           words="10 p.m. Wednesday"),
        Not("Officials met at 10 p.m. Wednesday's session.", "2023-06-10", "a possessive weekday"),
        Not("The talks ended at 10 p.m. Nov. 9, 2022.", "2023-06-10",
            "a year follows: left to mdy"),
    ),
)
def _resolve_clockday(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Clock times attached to a day: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9",
    "9 a.m. tomorrow" -> ``'YYYY-MM-DDTHH:MM'`` (TIME; midnight is ``T24:00``)."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
    if g.get("nm"):
        hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["nm"].lower()]
    else:
        hh = int(g["h"]) % 12 + (12 if g["ap"].lower() == "p" else 0)
        hm = f"{hh:02d}:{g.get('mi') or '00'}"
    if g.get("wd"):
        day = _weekday_value(ctx, _WEEKDAYS[g["wd"].lower()], None, _tense(text, s, e))
    elif g.get("mon"):
        day = _md_no_year(ctx, _MONTHS[g["mon"].rstrip(".").lower()],
                          int(re.sub(r"\D", "", g["day"])), _tense(text, s, e))
    else:
        off = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["dx"].lower()]
        day = _ymd(dct.date + _dt.timedelta(days=off)) if dct.date else None
    if day is None or day.startswith("X"):
        return dict(value=None, type="TIME", precision="minute", relative=True)
    return dict(value=f"{day}T{hm}", type="TIME", precision="minute", relative=True)


# the n-th weekday of a month: "the last Sunday of July", "the first Monday in October 2024"
@EN.rule(
    "nthwd", priority=4, triggers=WEEKDAY_NAMES,
    pattern=(rf"(?<!\w)(?:(?i:the)\s+)?(?P<n>(?i:first|second|third|fourth|fifth|last|1st|"
             rf"2nd|3rd|4th|5th))\s+(?P<wd>{_WDFULL})\s+(?i:of|in)\s+(?P<mon>{_MON})"
             rf"(?:,?\s+(?P<y>{_YEAR}))?"),
    hint=r"(?i)(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s",  # its ordinal
    examples=(
        Ex("the first Monday in October 2024", "2023-06-10", "2024-10-07", "DATE", "day"),
        Ex("The parade was held on the last Sunday of July.", "2023-06-10", "2022-07-31", "DATE",
           "day", words="the last Sunday of July"),
        Ex("The parade will be held on the last Sunday of July.", "2023-06-10", "2023-07-30",
           "DATE", "day", words="the last Sunday of July"),
        Ex("Russia marks Navy Day on the last Sunday of July.", "2023-06-10", None, "DATE", "day",
           words="the last Sunday of July"),
        Not("the fifth Monday of February 2023", "2023-06-10", "no such day"),
    ),
)
def _resolve_nthwd(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"the last Sunday of July" is computed ("the first Monday in October 2024"), and is no one day
    in a rule told in the present ("Russia marks Navy Day on the last Sunday of July")."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
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
    t = _tense(text, s, e)
    if t == "past":
        pick = [d for d in days if d <= base][-1:]
    elif t == "future":
        pick = [d for d in days if d >= base][:1]
    else:
        pick = [min(days, key=lambda d: abs((d - base).days))] if days else []
    if not pick:
        return None
    return dict(value=_ymd(pick[0]), type="DATE", precision="day", relative=True)


# weekdays
@EN.rule(
    "weekday", priority=3, triggers=WEEKDAY_NAMES,
    pattern=(r"(?<!\w)"
             rf"(?:(?P<rel>(?i:last|next|this|past|coming|early|late|earlier|later))\s+)?"
             rf"(?:(?P<wd>{_WDFULL})(?!s\b)|(?P<wdp>{_WDFULL[:-2]})s\b(?!['’]))"
             rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night))(?P<pods>s\b)?)?"
             rf"(?:\s+(?:(?i:of)\s+)?(?P<wk>(?i:last|next|this))\s+(?i:week)\b)?"),
    context_at=lambda text, s, e: bool(_WD_COORD_LEFT.search(text, max(0, s - 30), s)),
    examples=(
        Ex("President Aliyev said on Tuesday the talks went well.", "2023-06-10", "2023-06-06",
           "DATE", "day", words="Tuesday"),
        Ex("The minister will visit Kyiv on Tuesday.", "2023-06-10", "2023-06-13", "DATE", "day",
           words="Tuesday"),
        Ex("last Friday", "2023-06-10", "2023-06-09", "DATE", "day"),
        Ex("next Wednesday", "2023-06-10", "2023-06-14", "DATE", "day"),
        Ex("on Tuesday last week", "2023-06-10", "2023-05-30", "DATE", "day",
           words="Tuesday last week"),
        Ex("The ministers meet Monday in Brussels.", "2023-06-10", "2023-06-12", "DATE", "day",
           words="Monday"),
        Ex("Strikes hit Kyiv early Tuesday.", "2023-06-10", "2023-06-06", "DATE", "day",
           words="early Tuesday", mod="START"),
        Ex("Friday morning", "2023-06-10", "2023-06-09TMO", "TIME", "day"),
        Ex("The market is closed on Mondays.", "2023-06-10", "XXXX-WXX-1", "SET", "set",
           words="Mondays"),
        Ex("Drones strike on Friday nights.", "2023-06-10", "XXXX-WXX-5TNI", "SET", "set",
           words="Friday nights"),
        Ex("President Aliyev said on Tuesday the talks went well.", "2023-06", None, "DATE", "day",
           words="Tuesday"),
        Not("The Sunday Times reported it.", "2023-06-10", "a newspaper"),
        Not("Drills are held last Mondays.", "2023-06-10", "a plural with 'last'"),
    ),
)
def _resolve_weekday(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """Weekdays: past -> the most recent such day on or before the DCT (so "on Tuesday" in an
    article of Tuesday is that day); future -> the first such day on or after the DCT; "last Friday"
    -> the Friday strictly before the DCT, "next Wednesday" strictly after; "this Friday": ahead
    with a future cue, behind with a past cue, else in the DCT's week; "<weekday> (of)
    last/this/next week": that weekday in that ISO week ("on Tuesday last week"). A scheduled event
    told in the present ("meet(s)", "visit(s)", "convene(s)", "begin(s)", "hold(s)" ... right before
    the weekday) is ahead when the sentence has no other tense cue ("He and Arafat meet separately
    Monday", "The summit ends on Saturday"). A weekday joined to the weekday before it takes its
    tense ("on Thursday and Friday"), or is the first such day after it in a range ("from Monday to
    Friday"). "Friday's ruling" is that Friday. A weekday that names a newspaper ("Sunday Times") is
    not a date.

    Sets: "on Mondays" -> ``'XXXX-WXX-1'``, "on Friday nights" -> ``'XXXX-WXX-5TNI'``; the days
    named before a plural part of the day share it ("on Monday and Tuesday nights": two sets, never
    the Monday before the DCT)."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
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
        t = _tense(text, s, e) if rel in (None, "this") else None
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


# "Today, <subject> is/are/remains <a state>" at the start of a sentence: nowadays ("Today,
# Israel is Azerbaijan's top arms supplier"), not a happening of the day ("Today, the first jets
# are arriving", "Today, the talks are set to resume" are)
_TODAY_STATE = fast_compile(r",\s+[^,.;:!?]{1,60}?\b(?:is|are|remains?)\b"
                            r"(?!\s+(?:\w+ing|being|to|set|due|expected|scheduled|slated|likely)\b)")


# deictic words
@EN.rule(
    "deictic", priority=3, triggers=DAY_WORDS,
    pattern=(r"(?i:\b(?:the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|today|"
             r"tonight|yesterday|tomorrow|(?:this|last|yesterday|tomorrow)\s+"
             r"(?:morning|afternoon|evening|night)|overnight)\b)(?:'s)?"),
    context_at=lambda text, s, e: text[s:e].lower() == "overnight",
    examples=(
        Ex("The minister arrived in Kyiv today.", "2023-06-10", "2023-06-10", "DATE", "day",
           words="today"),
        Ex("The contract was signed yesterday.", "2023-06-10", "2023-06-09", "DATE", "day",
           words="yesterday"),
        Ex("The talks resume tomorrow.", "2023-06-10", "2023-06-11", "DATE", "day",
           words="tomorrow"),
        Ex("the day before yesterday", "2023-06-10", "2023-06-08", "DATE", "day"),
        Ex("Drones struck Odesa last night.", "2023-06-10", "2023-06-09TNI", "TIME", "day",
           words="last night"),
        Ex("Ukraine said on Friday Russia struck refineries overnight.", "2023-06-10",
           "2023-06-08TNI", "TIME", "day", words="overnight"),
        Ex("The contract was signed yesterday.", "2023-06", None, "DATE", "day", words="yesterday"),
        Ex("Today, Israel is Azerbaijan's top arms supplier.", "2020-10-06", "PRESENT_REF",
           "DATE", "ref", words="Today"),
        Ex("Today, the first jets are arriving in Warsaw.", "2023-06-10", "2023-06-10", "DATE",
           "day", words="Today"),
        Not("Drones shape today's youth.", "2023-06-10", "present-day, not the DCT"),
        Not("USA Today reported it.", "2023-06-10", "a title"),
        Not("the army of tomorrow", "2023-06-10", "the future in general"),
    ),
)
def _resolve_deictic(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"today"/"yesterday"/"tomorrow", "the day before yesterday", "last night", "tonight": a day (a
    part of it) from the DCT. "overnight" is the night before the day under discussion
    (``'2024-03-15TNI'`` after "said on Saturday"). "today's youth", "in today's world"
    (present-day), "USA Today" and "of tomorrow" are no mentions."""
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
    if m.group(0).lower() == "today's" and _GENERIC_TODAY.match(text, e):
        return None  # "today's youth", "in today's world": present-day, not the DCT
    if m.group(0)[:1] == "T" and re.search(r"\b[A-Z]{2,}\s+\Z", text[max(0, s - 12):s]):
        return None  # "USA Today", "VOA Today": a title
    if m.group(0).lower() == "tomorrow" and re.search(r"(?i)\bof\s+\Z", text[max(0, s - 4):s]):
        return None  # "the people of tomorrow": the future in general, not a day
    w = re.sub(r"\s+", " ", m.group(0).lower()).removesuffix("'s")
    if w == "today" and _TODAY_STATE.match(text, e) and not _sentence_left(text, s).strip(
            " \"'“‘("):
        # "Today, Israel is Azerbaijan's top arms supplier": nowadays, not the day
        return dict(value="PRESENT_REF", type="DATE", precision="ref", relative=True)
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


# the day of speaking named as such: "It is a historic day for Poland", "It's the second
# day of the offensive", '... said it was "a great day"' (the mention is the noun phrase)
@EN.rule(
    "dayis", priority=3, triggers=("day",),
    pattern=(r"\b(?P<subj>(?i:it|this))(?P<cop>['’]s|\s+(?i:is|was|has\s+been))\s+"
             r"[\"“`']*(?P<np>(?i:a|an|the)\s+(?:(?i:(?:\d+|[a-z]+)(?:st|nd|rd|th)|[a-z]+ly|great|"
             r"good|bad|sad|dark|black|big|proud|happy|historic|historical|momentous|tragic|"
             r"terrible|special|important|significant|solemn|difficult|busy|long|landmark|"
             r"new|key|crucial|fine|glorious|joyful|shameful|painful|grim|red-letter)\s+)"
             r"{0,2}(?i:day))\b(?![-'’])(?=\s*(?:[.,;:!?\"”’)]|--|—|"
             r"(?i:for|of|in|to|and|when|that|which|as)\b|\Z))"),
    reach=(70, 20),
    examples=(
        Ex("\"It is a historic day for Poland,\" the minister said.", "2023-06-10", "2023-06-10",
           "DATE", "day", words="a historic day"),
        Ex("It's the second day of the offensive.", "2023-06-10", "2023-06-10", "DATE", "day",
           words="the second day"),
        Ex("The minister said it was \"a great day\" for the army.", "2023-06-10", "2023-06-10",
           "DATE", "day", words="a great day"),
        Ex("This is a landmark day in our relations.", "2023-06-10", "2023-06-10", "DATE", "day",
           words="a landmark day"),
        Not("It was a busy day at the base.", "2023-06-10", "a story's day: nothing said"),
        Not("It was a day-long meeting.", "2023-06-10", "an adjective"),
    ),
)
def _resolve_dayis(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """The day of speaking named as such: "It is a historic day for ...", "It's the second day of
    the offensive", '... said it was "a great day"' -> the DCT (or the dateline's day); the mention
    is the noun phrase. "It was a busy day" in a story (no saying before it) is no date."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s = m.start()
    if g["cop"].strip().lower() == "was" and not _SAID_IT.search(
            text, max(0, s - 40), s):
        return None  # "It was a busy day" in a story: some day of the story, not known
    trim = m.start("np") - s
    if dct.date is None:
        return dict(value=None, type="DATE", precision="day", relative=True, _trim=trim)
    return dict(value=_ymd(dct.date), type="DATE", precision="day", relative=True,
                _trim=trim)


# "by mid-afternoon", "late evening", "mid-afternoon yesterday": a part of the day under
# discussion (the last day named nearby, else the DCT's; see _resolve)
@EN.rule(
    "midpod", priority=3, triggers=(*DAY_WORDS, "midafternoon", "midevening", "midmorning"),
    pattern=(r"(?i:\b(?P<pre>mid|early|late)[-\s]?(?P<pod>morning|afternoon|evening)\b"
             r"(?![-'’])(?:\s+(?P<day>yesterday|today|tomorrow)\b)?)"),
    anaphoric=True,
    examples=(
        Ex("Shelling continued until mid-afternoon.", "2023-06-10", "2023-06-10TAF", "TIME", "day",
           words="mid-afternoon"),
        Ex("Russian jets struck Kharkiv on Tuesday; by late evening the fires were out.",
           "2023-06-10", "2023-06-06TEV", "TIME", "day", words="late evening"),
        Ex("The strikes came mid-afternoon yesterday.", "2023-06-10", "2023-06-09TAF", "TIME",
           "day", words="mid-afternoon yesterday"),
        Not("Russia launched early morning strikes on Kyiv.", "2023-06-10", "an adjective"),
        Not("The attack came late afternoon on Tuesday.", "2023-06-10", "its day follows"),
    ),
)
def _resolve_midpod(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"by mid-afternoon", "late evening", "mid-afternoon yesterday": a part of the day as a time of
    its own (after a preposition, or fronted) is in the day under discussion: the last day named in
    its sentence or the one before, else the DCT's if the text named no other day (``'...TAF'``),
    else unknown; not an adjective ("early morning strikes"). A bare clock time ("at 10 p.m.") is
    not found: its day is too often another than the last one named."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
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


# "The day before, Russian drones had struck Odesa": the day next to the last date named
@EN.rule(
    "daybefore", priority=3, triggers=("day",),
    pattern=(r"(?i:\b(?:the\s+)?day\s+(?P<d>before|after)\b(?=\s*[,.;:!?)]))"),
    anaphoric=True,
    examples=(
        Ex("The talks began on May 3, 2023. The day before, Russian drones had struck Odesa.",
           "2023-06-10", "2023-05-02", "DATE", "day", words="The day before"),
        Ex("Russian drones struck Odesa on May 3, 2023. The day after, Ukraine retaliated.",
           "2023-06-10", "2023-05-04", "DATE", "day", words="The day after"),
        Ex("The day before, drones struck Odesa.", "2023-06-10", None, "DATE", "day",
           words="The day before"),
        Not("The day before the attack, drones struck Odesa.", "2023-06-10",
            "anchored on an event"),
    ),
)
def _resolve_daybefore(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"The day before," / "the day after,": the day next to the last day named (no value when the
    last date named is no single day)."""
    g = m.groupdict()
    anc = ctx.anchor
    if anc is None or anc[0] != "day" or ctx.stale or ctx.inexact or ctx.span is not None:
        return dict(value=None, type="DATE", precision="day", relative=True, _anaphor=True)
    k = -1 if g["d"].lower() == "before" else 1
    return dict(value=_ymd(anc[1] + _dt.timedelta(days=k)), type="DATE", precision="day",
                relative=True, _anaphor=True)


# a part of the day named from the previous date: "the next morning", "that night"
@EN.rule(
    "podrel", priority=3, triggers=DAY_WORDS,
    pattern=(r"(?i:\b(?P<rel>the\s+next|the\s+following|the\s+previous|that\s+same|"
             r"that|the\s+same)\s+(?P<pod>morning|afternoon|evening|night))\b(?!')"),
    anaphoric=True,
    examples=(
        Ex("The talks began on May 3, 2023. The next morning, the minister left.", "2023-06-10",
           "2023-05-04TMO", "TIME", "day", words="The next morning"),
        Ex("The talks began on May 3, 2023. That night, drones struck.", "2023-06-10",
           "2023-05-03TNI", "TIME", "day", words="That night"),
        Ex("That night, drones struck.", "2023-06-10", None, "TIME", "day", words="That night"),
        Ex("The talks began in May 2023. That night, drones struck.", "2023-06-10", None, "TIME",
           "day", words="That night"),
        Not("That night's attack was heavy.", "2023-06-10", "a possessive"),
    ),
)
def _resolve_podrel(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"the next morning", "that night": a part of the day named from the previous date (no value
    when that is no day)."""
    g = m.groupdict()
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    k = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
    anc = ctx.anchor
    if anc is None or anc[0] != "day" or ctx.stale:
        return dict(value=None, type="TIME", precision="day", relative=True,
                    _anaphor=True)
    v = _ymd(anc[1] + _dt.timedelta(days=k))
    return dict(value=f"{v}T{_POD[g['pod'].lower()]}", type="TIME", precision="day",
                relative=True, _anaphor=True)

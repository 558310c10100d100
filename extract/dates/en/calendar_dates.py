"""Calendar dates written out: a day, a month and a year in their many orders ("May 30,
2023", "30 May 2023", "2023-05-30", "05/30/2023"), and a month or a day without a year.

Each rule is declared once: its pattern, triggers and examples in the decorator, its
production in the function below it (see :mod:`extract.dates.rule`)."""

from __future__ import annotations

import datetime as _dt
import re

from extract.dates.calendars import _two_digit_year, _valid, _ym, _ymd
from extract.dates.context import _approx_context, _Ctx, _dp_parse, _md_no_year
from extract.dates.en.table import EN
from extract.dates.lexicon import (
    _DAY,
    _MODP,
    _MON,
    _MONTHS,
    _NO_YEAR_AFTER,
    _NUM_HINT,
    _TIME,
    _WD,
    _WEEKDAYS,
    _YEAR,
    MONTH_NAMES,
    NUM_DIGITS,
    YEARS,
    _mod_of,
)
from extract.dates.rule import Ex, Not, Value
from extract.dates.tense import (
    _ANNIV_N,
    _ANNIVERSARY_OF,
    _DEADLINE_AFTER,
    _DEADLINE_RE,
    _EXTEND_TO,
    _FRONTED_LEFT,
    _HAD_RE,
    _clause_left,
    _habitual,
    _tense,
)


def _mdy_dmy(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """The production of the rules mdy, dmy."""
    g = m.groupdict()
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


# Tuesday, May 30, 2023 [13:55]
@EN.rule(
    "mdy", priority=5, triggers=MONTH_NAMES,
    pattern=(r"(?<!\w)"
             rf"(?:(?P<wd>{_WD}),?\s+)?{_MODP}(?P<mon>{_MON})\s*(?P<day>{_DAY})(?:\s*,\s*|\s+)"
             rf"(?P<year>{_YEAR}){_TIME}"),
    examples=(
        Ex("Tuesday, May 30, 2023", "2023-06-10", "2023-05-30", "DATE", "day"),
        Ex("The ministry signed the deal on May 30, 2023 at 13:55.", "2023-06-10",
           "2023-05-30T13:55", "TIME", "minute", words="May 30, 2023 at 13:55"),
        Ex("The contract was signed on Jan. 5, 2021 at 9.30 a.m.", "2023-06-10", "2021-01-05T09:30",
           "TIME", "minute", words="Jan. 5, 2021 at 9.30 a.m."),
        Ex("Poland signed the K2 deal on Jan. 5 2021 in Warsaw.", "2023-06-10", "2021-01-05",
           "DATE", "day", words="Jan. 5 2021"),
        Ex("Russia's May 9, 1945 victory is marked in Moscow.", "2023-06-10", "1945-05-09", "DATE",
           "day", words="May 9, 1945"),
        Not("May 30, 20230 units", "2023-06-10", "a number is no year"),
        Not("The launcher was tested on February 30, 2022.", "2023-06-10", "no such day"),
        Not("On June 5, 1500 soldiers arrived.", "2023-06-10",
            "1500 is out of the year range: a count"),
    ),
)
def _resolve_mdy(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'May 30, 2023', 'Tuesday, May 30, 2023 at 13:55', 'Jan. 5 2021': a day (a TIME with the
    clock)."""
    return _mdy_dmy(m, ctx)


# 30 May 2023 [- 13:55]; the 4th of October, 2022
@EN.rule(
    "dmy", priority=5, triggers=MONTH_NAMES,
    pattern=(r"(?<!\w)"
             rf"(?:(?P<wd>{_WD}),?\s+)?(?:(?i:the)\s+)?(?P<day>{_DAY})(?:\s+(?i:of))?\s*[-\s]"
             rf"(?P<mon>{_MON}),?[-\s]\s*(?P<year>{_YEAR}){_TIME}"),
    examples=(
        Ex("30 May 2023", "2023-06-10", "2023-05-30", "DATE", "day"),
        Ex("the 4th of October, 2022", "2023-06-10", "2022-10-04", "DATE", "day"),
        Ex("The agreement was signed on 02 February 2023 - 13:55.", "2023-06-10",
           "2023-02-02T13:55", "TIME", "minute", words="02 February 2023 - 13:55"),
        Ex("Sunday 12-Mar-2023: Rheinmetall wins order", "2023-06-10", "2023-03-12", "DATE", "day",
           words="Sunday 12-Mar-2023"),
        Not("The fort was built on 5 May 1500.", "2023-06-10", "1500 is out of the year range"),
        Not("Tests ran on 30 February 2023.", "2023-06-10",
            "no such day (the month and year remain)"),
    ),
)
def _resolve_dmy(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'30 May 2023', 'the 4th of October, 2022', '02 February 2023 - 13:55', 'Sunday 12-Mar-2023':
    a day (a TIME with the clock), read as :func:`_resolve_mdy` reads the other order."""
    return _mdy_dmy(m, ctx)


def _dmyy_myy(name: str, m: re.Match[str], ctx: _Ctx) -> Value | None:
    """The production of the rules dmyy, myy."""
    g = m.groupdict()
    dct = ctx.dct
    mon = _MONTHS[g["mon"].rstrip(".").lower()]
    y = _two_digit_year(int(g["yy"]), dct) if dct.y is not None else 2000 + int(g["yy"])
    if name == "myy":
        return dict(value=_ym(y, mon), type="DATE", precision="month")
    day = int(re.sub(r"\D", "", g["day"]))
    if not _valid(y, mon, day):
        return None
    return dict(value=f"{y:04d}-{mon:02d}-{day:02d}", type="DATE", precision="day")


# a day, a month and a two-digit year: "12 Mar 24:" (a dateline), "5 June 23," (not "12
# March 24 soldiers": the year must end the phrase)
@EN.rule(
    "dmyy", priority=5, triggers=MONTH_NAMES,
    pattern=(rf"(?<![\w'])(?P<day>{_DAY})\s+(?P<mon>{_MON})\s+(?P<yy>\d\d)"
             rf"(?=\s*[:;,)]|\s*$|\s+[-–—]\s)"),
    flags=re.M,
    hint=r"\d\s+[A-Z][a-z]{2,8}\.?\s+\d\d(?!\d)",  # 12 Mar 24
    examples=(
        Ex("12 Mar 24: Rheinmetall wins Bundeswehr order", "2023-06-10", "2024-03-12", "DATE",
           "day", words="12 Mar 24"),
        Ex("Kyiv, 5 June 23, the ministry said", "2023-06-10", "2023-06-05", "DATE", "day",
           words="5 June 23"),
        Ex("Moscow, 5 June 89, the treaty was signed", "2023-06-10", "1989-06-05", "DATE", "day",
           words="5 June 89"),
        Not("On 12 March 24 soldiers died.", "2023-06-10",
            "a count follows: the year must end the phrase"),
        Not("Kyiv, 31 June 23, the ministry said", "2023-06-10", "no such day"),
    ),
)
def _resolve_dmyy(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'12 Mar 24:', 'Kyiv, 5 June 23,': a day with a two-digit year: "12 Mar 24:" (a two-digit year
    ending the phrase) takes the two-digit year (pivot: :func:`_resolve_num`)."""
    return _dmyy_myy("dmyy", m, ctx)


# a month and a year with an apostrophe: "March '23", "in Oct. '22"
@EN.rule(
    "myy", priority=5, triggers=MONTH_NAMES,
    pattern=(rf"(?<!\w)(?P<mon>{_MON})\s+['’](?P<yy>\d\d)\b"),
    hint="['\u2019]\\d\\d",  # March '23
    examples=(
        Ex("the order placed in March '23", "2023-06-10", "2023-03", "DATE", "month",
           words="March '23"),
        Ex("Deliveries started in Oct. ’22.", "2023-06-10", "2022-10", "DATE", "month",
           words="Oct. ’22"),
        Ex("The first T-72s arrived in June '79.", "2023-06-10", "1979-06", "DATE", "month",
           words="June '79"),
        Not("The column set off in March 23 days after the order.", "2023-06-10",
            "no apostrophe: 23 is no year"),
        Not("March’s 23 launches set a record.", "2023-06-10", "a possessive is no elided century"),
    ),
)
def _resolve_myy(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"March '23", "in Oct. ’22": a month; "March '23" takes the two-digit year (pivot:
    :func:`_resolve_num`)."""
    return _dmyy_myy("myy", m, ctx)


def _md_dm(name: str, m: re.Match[str], ctx: _Ctx) -> Value | None:
    """The production of the rules md, dm."""
    g = m.groupdict()
    text = ctx.text
    dct = ctx.dct
    s, e = m.start(), m.end()
    if name == "md" and re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s+\Z", text[max(0, s - 6):s]):
        return None  # "On 12 March 24 soldiers died": the day is written before the month
    mon = _MONTHS[g["mon"].rstrip(".").lower()]
    day = int(re.sub(r"\D", "", g["day"]))
    if day > 31:
        return None
    mod, approx = _mod_of(g.get("mod"))
    rel = (g.get("rel") or "").lower()
    t = "past" if rel == "last" else "future" if rel == "next" else _tense(text, s, e)
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
        if dct.date is not None and t in ("past", "future"):
            # across the DCT against the tense only by days ("said in an editorial on Monday,
            # Oct. 26" in a paper dated the 25th): "said in a tweet on Saturday, August 24"
            # two days after a Friday, August 24 is the article's slip of a day, not a
            # Saturday a year after it was written
            fits = [yy for yy in fits if (_dt.date(yy, mon, day) <= dct.date) == (t == "past")
                    or abs((_dt.date(yy, mon, day) - dct.date).days) <= 7]
        if fits and int(v[:4]) not in fits:
            v = f"{fits[0]:04d}-{mon:02d}-{day:02d}"
    return dict(value=v, type="DATE", precision="day", relative=True, mod=mod,
                approximate=approx)


# May 30 / Tuesday, May 30 (no year)
@EN.rule(
    "md", priority=4, triggers=MONTH_NAMES,
    pattern=(rf"(?<!\w)(?:(?P<wd>{_WD}),?\s+)?(?:(?P<rel>(?i:last|next))\s+)?{_MODP}"
             rf"(?P<mon>{_MON})\s*(?P<day>{_DAY})"
             rf"(?!\s*(?:[/:]\s*)?\d){_NO_YEAR_AFTER}(?!\s*(?:%|percent))"),
    reach=(45, 30),
    examples=(
        Ex("The ministry said on May 30 it had signed the deal.", "2023-06-10", "2023-05-30",
           "DATE", "day", words="May 30"),
        Ex("The ministry will sign the deal on June 20.", "2023-06-10", "2023-06-20", "DATE", "day",
           words="June 20"),
        Ex("The deal was signed on June 20.", "2023-06-10", "2022-06-20", "DATE", "day",
           words="June 20"),
        Ex("The jets arrived on Monday, June 5.", "2023-06-10", "2023-06-05", "DATE", "day",
           words="Monday, June 5"),
        Ex("The summit is on Saturday, Dec. 30.", "2023-06-10", "2023-12-30", "DATE", "day",
           words="Saturday, Dec. 30"),
        Ex("He said in a tweet on Saturday, August 24.", "2018-08-26", "2018-08-24", "DATE",
           "day", words="Saturday, August 24"),
        Ex("The deal is due to be signed by June 15, the ministry said.", "2023-06-10",
           "2023-06-15", "DATE", "day", words="June 15"),
        Ex("On March 1, 40 jets arrived.", "2023-06-10", "2023-03-01", "DATE", "day",
           words="March 1"),
        Ex("Armenia halted the talks last June 30.", "2023-06-10", "2022-06-30", "DATE", "day",
           words="last June 30"),
        Ex("The parade is held every year on May 9.", "2023-06-10", "XXXX-05-09", "DATE", "day",
           words="May 9"),
        Ex("Israel marked the first anniversary of the Oct. 7 attack on Monday.", "2024-10-08",
           "2023-10-07", "DATE", "day", words="Oct. 7"),
        Ex("The ministry said on June 3 it had signed the deal.", "2023-06", "2023-06-03", "DATE",
           "day", words="June 3"),
        Ex("The ministry said on Sep. 3 it had signed the deal.", "2023-06", "2022-09-03", "DATE",
           "day", words="Sep. 3"),
        Ex("The ministry said on May 30 it had signed the deal.", None, "XXXX-05-30", "DATE", "day",
           words="May 30"),
        Not("On 12 March 24 soldiers died.", "2023-06-10", "the day is written before the month"),
        Not("The Victory Day parade marks May 9, 1945.", "2023-06-10", "a year follows: mdy's"),
    ),
)
def _resolve_md(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'May 30', 'Tuesday, May 30', 'last June 30' (no year): a day.

    Month-day without a year ("Sep. 3", "On October 4"): the most recent such day on or before the
    DCT, or on/after it with future cues. A count after it is no year ("On March 1, 40 jets
    arrived"); a fronted "By March 1," takes its main clause's verb. With a month-precision DCT the
    year is still decidable unless the month equals the DCT month (then the DCT year is taken).
    "last Oct. 23" keeps the day (the most recent Oct. 23).

    A deadline ("by Jan. 14") is ahead unless its day fell in the week before the DCT; so is a
    deadline named after the date ("set Nov. 10 as the deadline") or moved to it ("extend its bid
    ... to Nov. 6"). A weekday with a month-day and no year ("Monday, Oct. 26") takes the year, next
    to the DCT's, in which that day is that weekday. "The first anniversary of the Oct. 7 attack": n
    years before the anniversary's day (without a count, ``'XXXX-10-07'``). A habit ("is marked
    every year on May 9") is any year's: ``'XXXX-05-09'``."""
    return _md_dm("md", m, ctx)


# a month (day) of a year named from the last date: "on Feb. 20 of the following year",
# "in March of that year", "20 February of the previous year"
@EN.rule(
    "monof", priority=5, triggers=MONTH_NAMES,
    pattern=(rf"(?<!\w)(?:(?:(?P<day1>{_DAY})\s+(?:(?i:of)\s+)?)?(?P<mon>{_MON})"
             rf"(?:\s*(?P<day2>{_DAY}))?,?\s+(?i:of)\s+(?P<ofy>(?i:the\s+following|the\s+"
             r"previous|the\s+next|the\s+same|that))\s+(?i:year)\b(?!['’-]))"),
    hint=r"[Yy][Ee][Aa][Rr]",  # "... of the following year"
    anaphoric=True,
    examples=(
        Ex("Poland ordered the jets in 2019; the first arrived on Feb. 20 of the following year.",
           "2023-06-10", "2020-02-20", "DATE", "day", words="Feb. 20 of the following year"),
        Ex("The contract was signed in 2019, and the first jets arrived in March of that year.",
           "2023-06-10", "2019-03", "DATE", "month", words="March of that year"),
        Ex("The frigate was launched in 2015; it was laid down on 20 May of the previous year.",
           "2023-06-10", "2014-05-20", "DATE", "day", words="20 May of the previous year"),
        Ex("The first jets arrived in March of that year.", "2023-06-10", None, "DATE", "month",
           words="March of that year"),
        Ex("In the 1990s the army grew; in March of that year it bought tanks.", "2023-06-10", None,
           "DATE", "month", words="March of that year"),
        Not("Most were delivered in March of the following year's budget.", "2023-06-10",
            "a possessive: the year's budget"),
        Not("Poland ordered jets in 2019; the first arrived on Feb. 30 of the following year.",
            "2023-06-10", "no such day"),
    ),
)
def _resolve_monof(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """"Feb. 20 of the following year", "March of that year", "20 May of the previous year": a day
    or a month, from the last date's year (no value without a last date)."""
    g = m.groupdict()
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


# 4 October / the 4th of October (no year)
@EN.rule(
    "dm", priority=4, triggers=MONTH_NAMES,
    pattern=(rf"(?<!\w)(?:(?P<wd>{_WD}),?\s+)?(?:(?i:the)\s+)?(?P<day>{_DAY})(?:\s+(?i:of))?\s+"
             rf"(?P<mon>{_MON})(?!\s*\d(?!\d*\s+[a-z]{{2,}})){_NO_YEAR_AFTER}"),
    reach=(45, 20),
    examples=(
        Ex("The frigate was launched on 4 October.", "2023-06-10", "2022-10-04", "DATE", "day",
           words="4 October"),
        Ex("The frigate will be launched on 4 October.", "2023-06-10", "2023-10-04", "DATE", "day",
           words="4 October"),
        Ex("The talks resume on Tuesday, 4 July.", "2023-06-10", "2023-07-04", "DATE", "day",
           words="Tuesday, 4 July"),
        Ex("The drill ended on the 4th of June.", "2023-06-10", "2023-06-04", "DATE", "day",
           words="the 4th of June"),
        Ex("On 12 March 24 soldiers died.", "2023-06-10", "2023-03-12", "DATE", "day",
           words="12 March"),
        Not("The fort was built on 5 May 1500.", "2023-06-10",
            "a number after the month is its year"),
        Not("Kyiv signed on 4 October 2022.", "2023-06-10", "a year follows: dmy's"),
    ),
)
def _resolve_dm(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'4 October', 'Tuesday, 4 July', 'the 4th of June' (no year): a day, read as
    :func:`_resolve_md` reads a month-day."""
    return _md_dm("dm", m, ctx)


# December 2016, Nov 2020, early 2021 ... (month + year)
@EN.rule(
    "my", priority=4, triggers=MONTH_NAMES,
    pattern=(r"(?<!\w)"
             rf"{_MODP}(?P<mon>{_MON}),?\s+(?:(?i:of)\s+)?(?P<year>{_YEAR})(?![-–/]\d)"),
    reach=(45, 35),
    examples=(
        Ex("The first batch of K2 tanks arrived in Poland in December 2022.", "2023-06-10",
           "2022-12", "DATE", "month", words="December 2022"),
        Ex("Israel delivered the first batch in late December 2016.", "2023-06-10", "2016-12",
           "DATE", "month", words="late December 2016", mod="LATE", approximate=True),
        Ex("Deliveries are planned for March of 2025.", "2023-06-10", "2025-03", "DATE", "month",
           words="March of 2025"),
        Ex("Fighting eased in the final days of the hostilities in November 2020.", "2023-06-10",
           "2020-11", "DATE", "month", words="November 2020", mod="END", approximate=True),
        Not("The plan covers March 2019-2021.", "2023-06-10", "a year range follows the month"),
    ),
)
def _resolve_my(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'December 2016', 'late December 2016', 'March of 2025': a month. "the final days of the
    hostilities in November 2020" marks "November 2020" approximate/END."""
    g = m.groupdict()
    s = m.start()
    mon = _MONTHS[g["mon"].rstrip(".").lower()]
    mod, approx = _mod_of(g.get("mod"))
    if mod is None and not approx:
        mod, approx = _approx_context(ctx, s)
    return dict(value=_ym(int(g["year"]), mon), type="DATE", precision="month", mod=mod,
                approximate=approx)


def _iso_compact(name: str, m: re.Match[str], ctx: _Ctx) -> Value | None:
    """The production of the rules iso, compact."""
    g = m.groupdict()
    y, mon, day = int(g["year"]), int(g["mon"]), int(g["day"])
    if not _valid(y, mon, day):
        return None
    v = f"{y:04d}-{mon:02d}-{day:02d}"
    if name == "iso" and g.get("hh") is not None:
        return dict(value=f"{v}T{g['hh']}:{g['mi']}", type="TIME", precision="minute")
    return dict(value=v, type="DATE", precision="day")


# year-month-day ISO (and compact yyyymmdd)
# (also with dots: "2023.06.04")
@EN.rule(
    "iso", priority=6, triggers=(*YEARS, NUM_DIGITS),
    pattern=(r"(?<![\d./-])(?P<year>1[6-9]\d\d|20\d\d)(?P<sep>[-.])(?P<mon>0[1-9]|1[0-2])"
             r"(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)"
             r"(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d/-]|\.\d)"),
    reach=(0, 50),
    hint=r"\d[-.][01]\d[-.]",  # year-month-day
    examples=(
        Ex("Published 2023-05-30 by Reuters", "2023-06-10", "2023-05-30", "DATE", "day",
           words="2023-05-30"),
        Ex("Published 2023-05-30T13:55:00Z by Reuters", "2023-06-10", "2023-05-30T13:55", "TIME",
           "minute", words="2023-05-30T13:55:00Z"),
        Ex("The data file 2023.06.04 was released.", "2023-06-10", "2023-06-04", "DATE", "day",
           words="2023.06.04"),
        Not("Part no. 2023-13-45 was replaced.", "2023-06-10", "no month 13"),
        Not("Contract 2023-05-30-7 was signed.", "2023-06-10", "part of a longer number"),
    ),
)
def _resolve_iso(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'2023-05-30', '2023.06.04', '2023-05-30T13:55:00Z': a day written ``yyyy-mm-dd`` (a TIME with
    the clock)."""
    return _iso_compact("iso", m, ctx)


@EN.rule(
    "compact", priority=6, triggers=YEARS,
    pattern=(r"(?<![\d.,$])(?P<year>19\d\d|20\d\d)(?P<mon>0[1-9]|1[0-2])"
             r"(?P<day>0[1-9]|[12]\d|3[01])(?![\d%])"),
    reach=(0, 10),
    hint=r"\d\d{7}",
    examples=(
        Ex("Order 20230530 was signed.", "2023-06-10", "2023-05-30", "DATE", "day",
           words="20230530"),
        Ex("Signed 19891102 in Moscow", "2023-06-10", "1989-11-02", "DATE", "day",
           words="19891102"),
        Not("He paid $20230530 for it.", "2023-06-10", "an amount of money"),
        Not("Order no. 120230530 was signed.", "2023-06-10", "part of a longer number"),
    ),
)
def _resolve_compact(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'20230530': a day written ``yyyymmdd`` (not an amount, not part of a longer number)."""
    return _iso_compact("compact", m, ctx)


# 05 / 10 / 2022, 05.10.2022, 11/02/89
@EN.rule(
    "num", priority=6, triggers=(*YEARS, NUM_DIGITS),
    pattern=(r"(?<![\d./:$-])(?P<a>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*"
             r"(?P<year>\d{4}|\d{2})(?![\d%]|[./-]\d)" + _TIME),
    reach=(45, 35),
    hint=_NUM_HINT.pattern,  # a, separator, b, separator
    examples=(
        Ex("Signed on 05 / 10 / 2022 in Baku", "2023-06-10", "2022-10-05", "DATE", "day",
           words="05 / 10 / 2022"),
        Ex("Signed on 05.10.2022 in Baku", "2023-06-10", "2022-10-05", "DATE", "day",
           words="05.10.2022"),
        Ex("On 13/03/2024 the jets arrived; on 03/04/2024 more followed.", "2023-06-10",
           "2024-04-03", "DATE", "day", words="03/04/2024"),
        Ex("On 12/03/2024 the jets arrived.", "2023-06-10", "2024-03-12", "DATE", "day",
           words="12/03/2024"),
        Ex("Signed 11/02/89 in Moscow", "2023-06-10", "1989-11-02", "DATE", "day",
           words="11/02/89"),
        Ex("Signed on 05/10/2022 14:30 in Baku", "2023-06-10", "2022-10-05T14:30", "TIME", "minute",
           words="05/10/2022 14:30"),
        Not("Software version 3.12.15 was installed.", "2023-06-10",
            "dots with a two-digit year: a version"),
        Not("Form 13/14/2022 was filed.", "2023-06-10", "neither reading is a date"),
    ),
)
def _resolve_num(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'05/10/2022', '05.10.2022', '11/02/89', '05/10/2022 14:30': a day (a TIME with the clock).

    Numeric dates: ``a/b/yyyy``, ``a.b.yyyy``, ``a-b-yyyy`` (spaces allowed around the separators),
    two-digit years (pivot: ``yy`` <= DCT year + 10 -> 20yy, else 19yy). ``day_first`` keyword:
    True/False forces the reading; ``None`` decides per text: if any numeric date in the text has a
    first part > 12 the text is day-first, else if any has a second part > 12 it is month-first;
    otherwise (both readings valid everywhere) a dotted date is day first (the European notation),
    else the reading closest to the DCT is taken per date, and without a DCT day-first is assumed
    (non-US default)."""
    g = m.groupdict()
    dct = ctx.dct
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


# 2023/05/30 stamps: parsed by dateparser (cached)
@EN.rule(
    "ymdslash", priority=6, triggers=YEARS,
    pattern=(r"(?<![\d/.])(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
             r"(?![\d/])"),
    reach=(0, 20),
    hint=r"\d/\d",
    examples=(
        Ex("Posted 2023/05/30 by the ministry", "2023-06-10", "2023-05-30", "DATE", "day",
           words="2023/05/30"),
        Ex("Posted 2023/5/3 by the ministry", "2023-06-10", "2023-05-03", "DATE", "day",
           words="2023/5/3"),
        Not("Posted 2023/02/30 by the ministry", "2023-06-10", "no such day"),
        Not("Plan of 2023/05/30/12 archive", "2023-06-10", "a longer path"),
    ),
)
def _resolve_ymdslash(m: re.Match[str], ctx: _Ctx) -> Value | None:
    """'2023/05/30', '2023/5/3': a day, parsed by ``dateparser`` (cached)."""
    dct = ctx.dct
    base = _ymd(dct.date) if dct.date else None
    r = _dp_parse(m.group(0), base, "en")
    if r is None or r[1] != "day":
        return None
    return dict(value=r[0], type="DATE", precision="day")

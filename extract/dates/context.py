"""The resolution context (publication date, the last date named, the quarter under
discussion) and the helpers rules share to resolve a match against it."""

from __future__ import annotations

import datetime as _dt
import functools
import logging
import re
from typing import Any

from extract.dates.calendars import (
    _add_months,
    _add_months_day,
    _Dct,
    _last_day,
    _valid,
    _week,
    _ym,
    _ymd,
)
from extract.dates.fastre import fast_compile
from extract.dates.lexicon import _MONTHS, _ORD, _RANK, _UNIT_PREC
from extract.dates.tense import _QUARTER_ENDED, _SENT_BREAK, _sentence_left, _tense
from extract.dates.timex import _first_day

log = logging.getLogger("extract.dates")


# --------------------------------------------------------------------------------------------
# resolution
# --------------------------------------------------------------------------------------------
class _Ctx:
    __slots__ = ("text", "dct", "anchor", "day_first", "quarter", "anchor_at", "dur_at",
                 "stale", "inexact", "span")

    def __init__(self, text: str, dct: _Dct, day_first: bool | None) -> None:
        self.text = text
        self.dct = dct
        self.anchor: tuple[str, _dt.date] | None = None  # (precision, date)
        self.day_first = day_first
        # first day of the quarter under discussion (a financial report's period): set by
        # "the third quarter", "Q3 1989", never by a look back such as "a year earlier"
        self.quarter: _dt.date | None = None
        self.anchor_at = -1  # where the anchor's mention ends in the text
        self.dur_at = -1  # where the last DURATION mention ends
        # a date the anchor cannot hold (a decade, an unknown year) came after the anchor:
        # "at the time", "a day later", "that year" then refer to it, not to the older anchor
        self.stale = False
        # the anchor is only the year of the last date (a week, a season, a half): "that
        # year" and "a year later" can use it, "at the time" cannot
        self.inexact = False
        # the anchor is the end of a range ("from 2005 to 2009"): "two years later" counts
        # from it, "two years earlier" from its start (kept here), but "that year" and "at
        # the time" may mean any part of the range
        self.span: tuple[str, _dt.date] | None = None


def _month_no_year(ctx: _Ctx, mon: int, rel: str | None, tense: str | None) -> str | None:
    dct = ctx.dct
    if dct.y is None:
        return f"XXXX-{mon:02d}"
    if rel in ("this", "current"):
        return _ym(dct.y, mon)
    if dct.m is None:
        if rel in ("last", "previous", "past"):
            return None  # cannot tell whether that month of the DCT year is before the DCT
        return f"XXXX-{mon:02d}" if rel is None and tense is None else None
    if rel in ("last", "previous", "past"):
        return _ym(dct.y if mon < dct.m else dct.y - 1, mon)
    if rel in ("next", "coming"):
        return _ym(dct.y if mon > dct.m else dct.y + 1, mon)
    if tense == "future":
        return _ym(dct.y if mon >= dct.m else dct.y + 1, mon)
    if tense is None and mon > dct.m and mon - dct.m < 6:
        # no tense cue at all: the reading nearest to the DCT ("in early March" in a February
        # article); a tie goes to the past
        return _ym(dct.y, mon)
    return _ym(dct.y if mon <= dct.m else dct.y - 1, mon)


def _md_no_year(ctx: _Ctx, mon: int, day: int, tense: str | None) -> str | None:
    dct = ctx.dct
    if dct.y is None:
        return f"XXXX-{mon:02d}-{day:02d}"
    if dct.m is None:
        return None
    if dct.d is None:
        if mon == dct.m:
            y = dct.y
        elif tense == "future":
            y = dct.y if mon > dct.m else dct.y + 1
        else:
            y = dct.y if mon < dct.m else dct.y - 1
    else:
        if tense == "future":
            y = dct.y if (mon, day) >= (dct.m, dct.d) else dct.y + 1
        elif tense == "past":
            y = dct.y if (mon, day) <= (dct.m, dct.d) else dct.y - 1
        else:
            # no tense cue at all: the reading nearest to the DCT
            cands = [yy for yy in (dct.y - 1, dct.y, dct.y + 1) if _valid(yy, mon, day)]
            if not cands:
                return None
            y = min(cands, key=lambda yy: abs((_dt.date(yy, mon, day) - dct.date).days))
    if not _valid(y, mon, day):
        return None
    return f"{y:04d}-{mon:02d}-{day:02d}"


def _weekday_value(ctx: _Ctx, wd: int, rel: str | None, tense: str | None) -> str | None:
    base = ctx.dct.date
    if base is None:
        return None
    diff = (base.weekday() - wd) % 7  # days back to the most recent such day (0 = today)
    if rel == "this":
        # "this Friday": the one ahead in a plan, the one behind in a report, else the one in
        # the DCT's week
        if tense == "future":
            d = base + _dt.timedelta(days=(wd - base.weekday()) % 7)
        elif tense == "past":
            d = base - _dt.timedelta(days=diff)
        else:
            d = base + _dt.timedelta(days=wd - base.weekday())
    elif rel in ("last", "past"):
        d = base - _dt.timedelta(days=diff or 7)
    elif rel in ("next", "coming"):
        fwd = (wd - base.weekday()) % 7
        d = base + _dt.timedelta(days=fwd or 7)
    elif tense == "future" and diff != 0:
        d = base + _dt.timedelta(days=(wd - base.weekday()) % 7)
    else:
        d = base - _dt.timedelta(days=diff)
    return _ymd(d)


def _quarter_year(ctx: _Ctx, q: int, tense: str | None) -> int | None:
    dct = ctx.dct
    if dct.y is None:
        return None
    if dct.m is None:
        return dct.y
    cq = (dct.m - 1) // 3 + 1
    if q > cq and tense != "future":
        return dct.y - 1
    return dct.y


def _approx_context(ctx: _Ctx, start: int) -> tuple[str | None, bool]:
    """'the final days of the hostilities in November 2020': approximate, END."""
    left = ctx.text[max(0, start - 70):start]
    m = re.search(r"(?i)\b(final|last|closing|first|early|opening)\s+(days|weeks|months|hours|"
                  r"stages?|phase)\s+of\b[^.;:!?]{0,45}?\b(?:in|of|during)\s+(?:the\s+)?$", left)
    if m:
        return ("END" if m.group(1).lower() in ("final", "last", "closing") else "START"), True
    return None, False


def _quarter_anchor(ctx: _Ctx) -> _dt.date | None:
    """First day of the quarter under discussion, if the text named one before."""
    return ctx.quarter


def _report_period(name: str, g: dict[str, Any], ctx: _Ctx) -> dict[str, Any] | None:
    """Periods of a financial report, anchored on the quarter under discussion.

    "the quarter" / "the latest period" -> that quarter; "the year-ago quarter", "the
    year-earlier period", "the corresponding period last year", "a year-earlier loss" -> the
    same quarter a year before; "the 1988 second quarter" -> '1988-Q2'; "last year's quarter"
    -> the quarter under discussion, in the year before the DCT. Without a quarter under
    discussion the value stays None (extent only) unless the text gives year and quarter.
    """
    qa = _quarter_anchor(ctx)
    dct = ctx.dct
    out = dict(value=None, type="DATE", precision="quarter", relative=True)
    if name == "yago":
        # "year-earlier results": the year before that of the period under discussion
        y0 = qa.year if qa is not None else dct.y
        return dict(out, value=str(y0 - 1) if y0 else None, precision="year")
    u = (g.get("u") or "").lower()
    if name == "qthe":
        adj = re.sub(r"\s+", " ", (g.get("adj") or "").lower())
        back = bool(g.get("ya") or g.get("ly"))
        qe = _QUARTER_ENDED.match(ctx.text, g["_e"]) if u == "quarter" and not back else None
        if qe is not None and qa is None:
            # "the quarter ended Sept. 30": the calendar quarter ending that day (or in that
            # week: 13-week fiscal quarters end on a weekday); a quarter ending in another
            # month is a fiscal quarter, not a calendar one (no value)
            mon = _MONTHS[qe["mon"].rstrip(".").lower()]
            day = int(re.sub(r"\D", "", qe["day"]))
            if mon % 3 or day < _last_day(2001, mon) - 6:
                return out
            if qe["year"]:
                y = int(qe["year"])
            else:
                v = _md_no_year(ctx, mon, day, "past")
                if v is None or v.startswith("X"):
                    return out
                y = int(v[:4])
            return dict(out, value=f"{y}-Q{mon // 3}", _topic=True)
        if u == "period" and not (adj in ("latest", "most recent", "just-ended") or back):
            return None  # 'the period' alone is not a date
        if u == "period" and adj in ("comparable", "corresponding", "same") and not back:
            return None
        if qa is None and dct.m is not None and _AMOUNT_RE.search(
                _sentence_left(ctx.text, g["_s"]) + ctx.text[g["_s"]:g["_s"] + 80]):
            # a financial report without a named quarter: the last quarter completed
            qa = _dt.date(*_add_months(dct.y, (dct.m - 1) // 3 * 3 + 1, -3), 1)
        if qa is None:
            return out
        return dict(out, value=f"{qa.year - back}-Q{(qa.month - 1) // 3 + 1}")
    # qyear
    o = (g.get("ord") or "").lower()
    q = _ORD.get(o) if o else ((qa.month - 1) // 3 + 1 if qa else None)
    if g.get("y"):
        y: int | None = int(g["y"])
        out["relative"] = q is None or not o
    elif g.get("ya"):
        y = (qa.year - 1) if qa else (dct.y - 1 if dct.y else None)
    else:
        yp = g["yp"].lower()
        y = dct.y + {"this": 0, "last": -1, "next": 1}[yp] if dct.y else None
    if q is None and g.get("y"):
        return dict(out, value=str(y), precision="year")  # "the 1988 period": the year at least
    if q is None or y is None:
        return out if (u == "quarter" or g.get("ord")) else None
    return dict(out, value=f"{y}-Q{q}")


# a past event is not in a part of the DCT's year (month) that had not begun by the DCT, nor
# a plan in one already over: the month (day) from which that part counts as begun or over
# (the future in the past: "said the deliveries would take place ...", "was to begin ...")
_FUTURE_IN_PAST = fast_compile(r"(?i)\bwould\b|\b(?:was|were)\s+(?:to|due|expected|scheduled|"
                               r"set)\b")


_PART_BEGUN = {"END": (11, 21), "LATE": (7, 16)}


_PART_OVER = {"START": (2, 10), "EARLY": (6, 15)}


def _under_discussion(ctx: _Ctx, at: int, unit: str, mod: str | None,
                      tense: str | None) -> dict[str, Any]:
    """The year, month, week or day a text means by "the year" ("by the end of the year",
    "earlier in the month", "by year-end"): that of a date named before it in its sentence
    ("In 2015 Egypt ordered 24 jets; the first arrived at the end of the year"), else the
    DCT's ("the year" in a later sentence is the reporting year far more often than the year
    of an aside). "Earlier/later in the day" is the day of the last date named, as "that day".

    A plan ('future') is not in a period already past: then the DCT's. In the DCT's own year
    (month), a past event is not in a part not yet begun ("the end of the year" told in the past
    in October is the year before) and a plan not in a part already over ("will start at the
    beginning of the year" in June is the next one)."""
    dct = ctx.dct
    none = dict(value=None, type="DATE", precision="decade" if unit == "century" else unit)
    anc = ctx.anchor
    if anc is not None and unit != "day" and _SENT_BREAK.search(ctx.text, ctx.anchor_at, at):
        anc = None  # named in an earlier sentence
    elif ctx.stale or (ctx.inexact and unit != "year"):
        return none
    if anc is None:
        if dct.y is None:
            return none
        anc = ("day" if dct.date else "month" if dct.m else "year",
               dct.date or _dt.date(dct.y, dct.m or 1, 1))
    elif tense == "future" and _FUTURE_IN_PAST.search(ctx.text, ctx.anchor_at, at):
        # "In March 2022, the ministry said the deliveries would take place in the second half
        # of the year": a plan told from the time of that date, not from the DCT's
        tense = None
    need = {"year": "year", "month": "month", "week": "day", "day": "day", "decade": "year",
            "century": "year"}[unit]
    if _RANK[anc[0]] < _RANK[need] and tense == "future" and dct.date is not None and \
            anc[1].year <= dct.y:
        anc = ("day", dct.date)  # a plan "by the end of the month" after "in 1990": the DCT's
    if _RANK[anc[0]] < _RANK[need]:
        return none
    d = anc[1]
    if unit == "day":
        return dict(value=_ymd(d), type="DATE", precision="day")
    if unit in ("decade", "century"):
        k = 10 if unit == "decade" else 100
        y = d.year if not (tense == "future" and dct.y is not None and d.year // k < dct.y // k) \
            else dct.y
        return dict(value=str(y // k), type="DATE", precision="decade")
    if unit == "week":
        if tense == "future" and dct.date is not None and d < dct.date:
            d = dct.date
        return dict(value=_week(d), type="DATE", precision="week")
    if unit == "month":
        y, m = d.year, d.month
        if dct.m is not None:
            if tense == "future" and (y, m) < (dct.y, dct.m):
                y, m = dct.y, dct.m
            if (y, m) == (dct.y, dct.m) and dct.d is not None:
                if tense == "past" and mod in _PART_BEGUN and dct.d < _PART_BEGUN[mod][1]:
                    y, m = _add_months(y, m, -1)
                elif tense == "future" and mod in _PART_OVER and dct.d > _PART_OVER[mod][1]:
                    y, m = _add_months(y, m, 1)
        return dict(value=_ym(y, m), type="DATE", precision="month")
    y = d.year
    if dct.y is not None:
        if tense == "future" and y < dct.y:
            y = dct.y
        if y == dct.y and dct.m is not None:
            if tense == "past" and mod in _PART_BEGUN and dct.m < _PART_BEGUN[mod][0]:
                y -= 1
            elif tense == "future" and mod in _PART_OVER and dct.m > _PART_OVER[mod][0]:
                y += 1
    return dict(value=str(y), type="DATE", precision="year")


def _shift_unit(anc: tuple[str, _dt.date] | None, unit: str, k: int) -> dict[str, Any]:
    """A calendar unit containing the anchor, shifted by k units, at the unit's precision."""
    prec_need = {"day": "day", "week": "day", "weekend": "day", "month": "month",
                 "quarter": "quarter", "year": "year", "decade": "year", "century": "year"}
    rank = _RANK
    p = _UNIT_PREC.get(unit, "year")
    if anc is None or rank[anc[0]] < rank[prec_need.get(unit, "year")]:
        return dict(value=None, type="DATE", precision=p)
    d = anc[1]
    if unit == "day":
        return dict(value=_ymd(d + _dt.timedelta(days=k)), type="DATE", precision="day")
    if unit in ("week", "weekend"):
        w = _week(d + _dt.timedelta(days=7 * k))
        return dict(value=w + ("-WE" if unit == "weekend" else ""), type="DATE",
                    precision="week") if unit == "week" else dict(value=w, type="DATE",
                                                                   precision="week")
    if unit == "month":
        y, m = _add_months(d.year, d.month, k)
        return dict(value=_ym(y, m), type="DATE", precision="month")
    if unit == "quarter":
        y, m = _add_months(d.year, d.month, 3 * k)
        return dict(value=f"{y}-Q{(m - 1) // 3 + 1}", type="DATE", precision="quarter")
    if unit == "year":
        return dict(value=str(d.year + k), type="DATE", precision="year")
    if unit == "decade":
        return dict(value=str(d.year // 10 + k), type="DATE", precision="decade")
    if unit == "century":
        return dict(value=str(d.year // 100 + k), type="DATE", precision="decade")
    return dict(value=None, type="DATE", precision=p)


# the word before 'a week' in a rate: a number, an amount or a plural noun ('four flights')
_RATE_RE = fast_compile(r"(?:\d|\b(?:million|billion|thousand|hundred|percent|cents?|"
                        r"(?!(?:was|has|is|does|this|its|his|us|as|yes|less|across|always|"
                        r"perhaps|thus|plus|towards?|afterwards)\s)[a-z]+[^s\W]s))\s+\Z")


_COMPARE_LEFT = fast_compile(r"(?i)\b(?:compared\s+(?:with|to)|from|than|versus|vs\.?)\s+"
                             r"(?:[$#£€]?[\d.,]+\s*(?:million|billion|%|percent)?\s*)?\Z")


_AMOUNT_RE = fast_compile(r"[$#£€]\s?\d|\d\s?%|\bcents?\b|\b[mb]illion\b|\bpercent\b")


def _ago(ctx: _Ctx, n: float | None, unit: str, post: str, mod: str | None, text: str,
         s: int, e: int) -> dict[str, Any] | None:
    """'two years ago' (DCT-anchored) and 'a day later' (anchored on the previous date)."""
    unit = "century" if unit.startswith("centur") else unit
    anaphoric = post not in ("ago", "from now", "hence")
    sign = -1 if post in ("ago", "earlier", "before") else 1
    exact = bool(re.search(r"(?i)\bexactly\s+$", text[max(0, s - 10):s]))
    approx = mod in ("APPROX",) or n is None
    p = _UNIT_PREC.get(unit, "year")
    if unit in ("second", "minute", "hour"):
        return dict(value=None, type="TIME", precision="minute", relative=True, mod=mod)
    if n is None or not float(n).is_integer():
        return dict(value=("PAST_REF" if sign < 0 else "FUTURE_REF") if not anaphoric
                    else None, type="DATE", precision="ref", relative=True, mod=mod,
                    approximate=True)
    n = int(n)
    origin = _ago_origin(ctx, unit, post, sign, anaphoric, text, s)
    if origin is None:
        return dict(value=None, type="DATE", precision=p, relative=True, mod=mod)
    prec, d, anaphoric = origin
    out = _counted(d, prec, unit, sign * n, exact)
    if out is None:
        return dict(value=None, type="DATE", precision=_UNKNOWN_PREC.get(unit, "day"),
                    relative=True, mod=mod)
    if unit == "decade":
        approx = True
    out.update(relative=True, mod=mod, approximate=approx)
    if anaphoric:
        out["_anaphor"] = True
        first = _first_day(out.get("value"))
        if sign > 0 and first and ctx.dct.date and first > ctx.dct.date \
                and _tense(text, s, e) == "past":
            # "Two weeks later, the minister confirmed ...": a past event after the publication
            # date means the date counted from is not the one the text means
            return dict(value=None, type="DATE", precision=p, relative=True, mod=mod)
    return out


def _ago_origin(ctx: _Ctx, unit: str, post: str, sign: int, anaphoric: bool, text: str,
                s: int) -> tuple[str, Any, bool] | None:
    """What "two years ago" / "a day later" at `s` counts from: (its precision, its date,
    whether that is the last date named), or None when it is not known."""
    compare = unit == "year" and post in ("ago", "earlier") and (
        _COMPARE_LEFT.search(text, max(0, s - 40), s) or _AMOUNT_RE.search(
            _sentence_left(text, s)))
    if compare and ctx.quarter is not None:
        # "$5 million, or 20 cents a share, a year ago": the quarter under discussion
        return "quarter", ctx.quarter, anaphoric
    if compare and ctx.dct.y is not None and post == "earlier":
        # "sales of $348 million compared with $307 million a year earlier": a year before
        # the report, like "a year ago" (not a year before the last date named)
        dct = ctx.dct
        return "year", dct.date or _dt.date(dct.y, dct.m or 1, 1), False
    if anaphoric and ctx.stale:
        return None
    if anaphoric and ctx.anchor is not None:
        # counted back from a range: from its start ("from 2014 to 2018 ... two years earlier")
        prec, d = ctx.span if sign < 0 and ctx.span is not None else ctx.anchor
        if ctx.dur_at > ctx.anchor_at and not _SENT_BREAK.search(text, ctx.dur_at, s):
            # "within 14 days ..., seven days later": counted from the end of that span, which
            # is not known
            return None
        return prec, d, anaphoric
    if ctx.dct.y is not None:
        dct = ctx.dct
        d = dct.date or _dt.date(dct.y, dct.m or 1, 1)
        return "day" if dct.date else "month" if dct.m else "year", d, anaphoric
    return None


# the precision of an unknown date counted in a unit finer than what it is counted from
_UNKNOWN_PREC = {"day": "day", "night": "day", "week": "week", "fortnight": "week",
                 "weekend": "week", "month": "month", "quarter": "quarter"}


def _counted(d: _dt.date, prec: str, unit: str, k: int, exact: bool) -> dict[str, Any] | None:
    """The date `k` units after `d` (known at precision `prec`), or None when the unit is finer
    than what is known ("three days after" a month)."""
    rank = _RANK
    if unit in ("day", "night"):
        if prec != "day":
            return None
        return dict(value=_ymd(d + _dt.timedelta(days=k)), type="DATE", precision="day")
    if unit in ("week", "fortnight", "weekend"):
        if prec != "day":
            return None
        nd = d + _dt.timedelta(days=7 * k * (2 if unit == "fortnight" else 1))
        if exact:
            return dict(value=_ymd(nd), type="DATE", precision="day")
        return dict(value=_week(nd), type="DATE", precision="week")
    if unit == "month":
        if rank[prec] < rank["month"]:
            return None
        if exact and prec == "day":
            return dict(value=_ymd(_add_months_day(d, k)), type="DATE", precision="day")
        y, m = _add_months(d.year, d.month, k)
        return dict(value=_ym(y, m), type="DATE", precision="month")
    if unit == "quarter":
        if rank[prec] < 1:
            return None
        y, m = _add_months(d.year, d.month, 3 * k)
        return dict(value=f"{y}-Q{(m - 1) // 3 + 1}", type="DATE", precision="quarter")
    if unit == "year" and prec == "quarter":
        # the period under discussion a year before: "earned $2 million a year earlier"
        return dict(value=f"{d.year + k}-Q{(d.month - 1) // 3 + 1}", type="DATE",
                    precision="quarter")
    if unit == "year":
        if exact and prec == "day":
            return dict(value=_ymd(_add_months_day(d, 12 * k)), type="DATE", precision="day")
        return dict(value=str(d.year + k), type="DATE", precision="year")
    if unit == "decade":
        # "a decade ago" is the year ten years before, like "ten years ago" (rounded)
        return dict(value=str(d.year + 10 * k), type="DATE", precision="year")
    return dict(value=str(d.year // 100 + k), type="DATE", precision="decade")


# --------------------------------------------------------------------------------------------
# dateparser fallback (cached) for numeric stamps the grammar does not take
# --------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
def _dp_parse(s: str, base: str | None, language: str) -> tuple[str, str] | None:
    """(iso-ish value, period) from dateparser, or None. Cached on the string."""
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover
        return None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                                "STRICT_PARSING": False, "DATE_ORDER": "YMD"}
    if base:
        settings["RELATIVE_BASE"] = _dt.datetime.fromisoformat(base)
    try:
        dd = DateDataParser(languages=[language], settings=settings).get_date_data(s)
    except Exception as exc:  # dateparser raises many kinds on odd input
        log.debug("dateparser failed on %r: %s", s, exc)
        return None
    if not dd or dd.date_obj is None:
        return None
    d = dd.date_obj
    per = dd.period or "day"
    if per == "year":
        return str(d.year), per
    if per == "month":
        return _ym(d.year, d.month), per
    if per == "time":
        return f"{_ymd(d)}T{d.hour:02d}:{d.minute:02d}", per
    return _ymd(d), per

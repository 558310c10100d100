"""Calendar arithmetic: the publication date (DCT), weeks, quarters, months, holidays
(Easter, Orthodox Easter, Thanksgiving ...), numbers written as words and duration values."""

from __future__ import annotations

import calendar
import datetime as _dt
import logging
import re
from dataclasses import dataclass
from typing import Any

from extract.dates.fastre import fast_compile
from extract.dates.lexicon import _MON, _MONTHS, _NUMS, _UNIT, _VAGUE

log = logging.getLogger("extract.dates")


# --------------------------------------------------------------------------------------------
# DCT and calendar helpers
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Dct:
    y: int | None = None
    m: int | None = None
    d: int | None = None

    @property
    def date(self) -> _dt.date | None:
        if self.y and self.m and self.d:
            return _dt.date(self.y, self.m, self.d)
        return None


def _parse_published(published: Any) -> _Dct:
    if published is None:
        return _Dct()
    if isinstance(published, _dt.datetime):
        return _Dct(published.year, published.month, published.day)
    if isinstance(published, _dt.date):
        return _Dct(published.year, published.month, published.day)
    s = str(published).strip()
    m = re.match(r"^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?", s)
    if not m:
        log.warning("unparseable publication date %r: relative dates stay unresolved", s)
        return _Dct()
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    try:
        if mo:
            _dt.date(y, mo, d or 1)
    except ValueError:
        log.warning("invalid publication date %r", s)
        return _Dct(y)
    return _Dct(y, mo, d)


# a dateline with a day: "WASHINGTON, March 12 (Xinhua) --" at the start of the text
_DATELINE_RE = fast_compile(r"\s*[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,4},\s+"
                            r"(?:(?P<mon>" + _MON + r")\s*(?P<day>[12]\d|3[01]|0?[1-9])|"
                            r"(?P<day2>[12]\d|3[01]|0?[1-9])\s+(?P<mon2>" + _MON + r"))\b"
                            r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
                            r"(?!,?\s*\d)\s*(?:\([A-Za-z .]+\)\s*)?(?:--|—|–|-\s|_)")


_DATELINE_MAX_DAYS = 7


def _dateline_day(text: str, dct: _Dct) -> _Dct:
    """The day a dateline gives, as the reference of relative dates, when it falls in the week
    before the publication date (a wire story written the day before it was published)."""
    if dct.date is None:
        return dct
    m = _DATELINE_RE.match(text, 0, 200)
    if m is None:
        return dct
    mon = _MONTHS[(m["mon"] or m["mon2"]).rstrip(".").lower()]
    day = int(m["day"] or m["day2"])
    for y in ((int(m["year"]),) if m["year"] else (dct.y, dct.y - 1)):
        if _valid(y, mon, day):
            d = _dt.date(y, mon, day)
            if 0 < (dct.date - d).days <= _DATELINE_MAX_DAYS:
                return _Dct(d.year, d.month, d.day)
    return dct


def _ymd(d: _dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _q(d: _dt.date) -> str:
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _add_months_day(d: _dt.date, k: int) -> _dt.date:
    y, m = _add_months(d.year, d.month, k)
    return _dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _week(d: _dt.date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy:04d}-W{iw:02d}"


def _valid(y: int, m: int, d: int) -> bool:
    try:
        _dt.date(y, m, d)
        return True
    except ValueError:
        return False


_VALUE_YMD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _value_date(v: str | None) -> tuple[str, _dt.date | None] | None:
    """(precision, date) of a calendar value usable as an anaphora anchor."""
    if not v:
        return None
    m = _VALUE_YMD.match(v)
    if not m or (len(v) > 10 and "T" not in v):
        return None
    if v[4:6] == "-Q" and len(v) == 7:
        return "quarter", _dt.date(int(v[:4]), 3 * int(v[6]) - 2, 1)
    if m.group(3):
        return "day", _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m.group(2) and len(v) == 7:
        return "month", _dt.date(int(m.group(1)), int(m.group(2)), 1)
    if len(v) == 4:
        return "year", _dt.date(int(m.group(1)), 1, 1)
    return None


def _num(s: str) -> float | None:
    """Number from a numeral ('two', '44', 'twenty-four', 'a'); None if vague ('several')."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    if s in _VAGUE and s not in _NUMS:
        return None
    if s in _NUMS:
        return _NUMS[s]
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: 1/2)?", s)
    if m:
        v = float(m.group(1)) + (0.5 if s.endswith("1/2") else 0)
        return v
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in _NUMS and parts[1] in _NUMS:
        return _NUMS[parts[0]] + _NUMS[parts[1]]
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _dur_value(n: float | None, unit: str) -> str | None:
    unit = unit.lower().rstrip("s") if unit.lower() not in ("centuries",) else "century"
    if unit == "centurie":
        unit = "century"
    code, is_time = _UNIT.get(unit, (None, False))
    if code is None:
        return None
    if code == "W2":
        return f"P{_fmt_num(2 * n)}W" if n is not None else "PXW"
    if code == "WE":
        return f"P{_fmt_num(2 * n)}D" if n is not None else "PXD"
    if code == "Q":
        # TIMEX3 writes quarters of a duration as months: "the next three quarters" -> P9M
        return f"P{_fmt_num(3 * n)}M" if n is not None else "PXM"
    if code == "E":
        # and decades as years: "two decades" -> P20Y, "decades" -> PXY
        return f"P{_fmt_num(10 * n)}Y" if n is not None else "PXY"
    ns = "X" if n is None else _fmt_num(n)
    if n is not None and n % 1 == 0.5 and code in ("Y", "D", "H", "M") and (
            code != "M" or is_time):
        # a unit and a half as whole units: "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
        whole = int(n)
        part = {"Y": "6M", "D": "T12H", "H": "30M", "M": "30S"}[code]
        head = f"{whole}{code}" if whole else ""
        if is_time:
            return f"PT{head}{part}"
        return f"P{head}{part}" if code == "Y" or whole else "PT12H"
    if not float(n or 1).is_integer() and not is_time:
        # other fractions: express in the next smaller unit where exact ("half a century" is
        # P50Y)
        smaller = {"Y": (12, "M"), "M": None, "D": (24, "TH"), "C": (100, "Y")}
        sm = smaller.get(code)
        if sm:
            k, c = sm
            return f"P{_fmt_num(n * k)}{c}" if c != "TH" else f"PT{_fmt_num(n * k)}H"
    return f"PT{ns}{code}" if is_time else f"P{ns}{code}"


def _spelled_year(s: str) -> int | None:
    """1994 from 'nineteen ninety-four', 2000 from 'two thousand', 1905 from 'nineteen oh five'."""
    w = re.split(r"[\s-]+", s.lower().strip())
    if w[:2] == ["two", "thousand"]:
        rest = [x for x in w[2:] if x != "and"]
        return 2000 + (int(_NUMS[rest[0]]) if rest else 0)
    cent = {"nineteen": 1900, "twenty": 2000}.get(w[0])
    if cent is None:
        return None
    rest = [x for x in w[1:] if x != "oh"]
    if rest == ["hundred"]:
        return cent
    n = _num("-".join(rest)) if len(rest) == 2 else _num(rest[0]) if rest else None
    if n is None or not 10 <= n <= 99 and not w[1] == "oh":
        return None
    return cent + int(n)


def _nth_weekday(y: int, m: int, wd: int, n: int) -> _dt.date:
    """The n-th (1-based; -1 = last) weekday `wd` (Monday = 0) of month m of year y."""
    if n > 0:
        first = _dt.date(y, m, 1)
        return first + _dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = _dt.date(y, m, calendar.monthrange(y, m)[1])
    return last - _dt.timedelta(days=(last.weekday() - wd) % 7)


def _easter(y: int) -> _dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return _dt.date(y, month, day + 1)


def _orthodox_easter(y: int) -> _dt.date:
    """Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar."""
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return _dt.date(y, month, day + 1) + _dt.timedelta(days=13)


def _holiday(name: str, y: int) -> _dt.date | None:
    """The day of a (US/Western) holiday in year y; None if it has none that year."""
    n = name.lower().replace("’", "'")
    if n.startswith("orthodox "):
        # the Julian calendar's feasts, in the Gregorian calendar (13 days later, 1900-2099)
        n = n[len("orthodox "):]
        if n in ("christmas", "christmas day"):
            return _dt.date(y, 1, 7)
        if n == "christmas eve":
            return _dt.date(y, 1, 6)
        if n.startswith("easter"):
            return _orthodox_easter(y)
        return None
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
             "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
             "veterans day": (11, 11),
             # Russia's (and the former Soviet states') Victory Day; France's national day
             "victory day": (5, 9), "bastille day": (7, 14),
             "defender of the fatherland day": (2, 23)}
    if n in fixed:
        return _dt.date(y, *fixed[n])
    if n.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)  # the fourth Thursday of November (US)
    if n.startswith("easter"):
        return _easter(y)
    if n == "labor day":
        return _nth_weekday(y, 9, 0, 1)
    if n == "memorial day":
        return _nth_weekday(y, 5, 0, -1)
    if n == "election day":
        # US federal elections: the Tuesday after the first Monday of November, even years
        return _nth_weekday(y, 11, 0, 1) + _dt.timedelta(days=1) if y % 2 == 0 else None
    return None


def _two_digit_year(yy: int, dct: _Dct) -> int:
    ref = dct.y or 2000
    pivot = (ref + 10) % 100
    cent = (ref + 10) // 100 * 100
    y = cent + yy if yy <= pivot else cent - 100 + yy
    return y


# --------------------------------------------------------------------------------------------
# consumers
# --------------------------------------------------------------------------------------------
def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]

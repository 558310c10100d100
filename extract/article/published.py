"""Finding the publication date in an article's header: the date forms read (month names,
ISO, numeric; day-first unless the text is US-style, always with points), and
:func:`normalize_published` for dates a manifest or front matter gives."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from extract.dates.fastre import fast_compile

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
_MONTHS.update({name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)})
_MONTHS["sept"] = 9
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:19|20)\d{2}"
_RE_YEAR_ANYWHERE = fast_compile(_YEAR)
_RE_ISO = fast_compile(rf"\b(?P<y>{_YEAR})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})\b")
_RE_MDY = fast_compile(
    rf"\b(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b", re.I
)
_RE_DMY = fast_compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\.?,?\s+(?P<y>{_YEAR})\b",
    re.I,
)
_RE_NUM = fast_compile(
    rf"(?<![\d/.-])(?P<a>\d{{1,2}})\s*(?P<sep>[/.-])\s*(?P<b>\d{{1,2}})\s*(?P=sep)\s*(?P<y>{_YEAR})\b"
)
_RE_MY = fast_compile(rf"\b(?P<mon>{_MON})\.?,?\s+(?P<y>{_YEAR})\b", re.I)
_RE_DMONYY = fast_compile(r"(?<![\w-])(?P<d>\d{1,2})-(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|"
                          r"sep|oct|nov|dec))-(?P<y>\d{2})(?![\w-])")
_RE_NUM_YY = fast_compile(r"(?<![\d/.-])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})"
                          r"(?=\s+\d{1,2}:\d{2}\b)")
_RE_TIME = fast_compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4}T?))?"
    r"(?:\s*[+-]\d{2}:?\d{2})?",
    re.I,
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_UPDATE_CUT = fast_compile(
    r"\b(?:last\s+)?(?:updated?|modified|edited|changed)\b|\blast update\b", re.I
)


@dataclass
class _DateHit:
    start: int
    end: int
    value: str
    text: str


def _valid(y: int, m: int, d: int | None) -> bool:
    try:
        day = _dt.date(y, m, d or 1)
    except ValueError:
        return False
    return 1900 <= y and day <= _dt.date.today()


def _find_date(s: str, us_style: bool | Callable[[], bool] = False) -> _DateHit | None:
    """The earliest full date in ``s`` (else a month-year), as a _DateHit; offsets into s.

    ``us_style`` may be a function, asked only when a numeric date is ambiguous.
    """
    if not _RE_YEAR_ANYWHERE.search(s):
        # every date form here has a year of four digits, but a stamp with the time
        # ("12.06.24 17:34": day, month, year, as dotted dates are written) and "20-Jan-14"
        m = _RE_NUM_YY.search(s)
        if m is not None and _valid(2000 + int(m["y"]), int(m["m"]), int(m["d"])):
            return _DateHit(m.start(), m.end(),
                            f"{2000 + int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}",
                            m.group())
        m = _RE_DMONYY.search(s)  # "Defense News 20-Jan-14"
        if m is not None:
            mo = _MONTHS[m["mon"].lower()]
            if _valid(2000 + int(m["y"]), mo, int(m["d"])):
                return _DateHit(m.start(), m.end(),
                                f"{2000 + int(m['y']):04d}-{mo:02d}-{int(m['d']):02d}",
                                m.group())
        return None
    hits: list[_DateHit] = []
    for m in _RE_ISO.finditer(s):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(y, mo, d):
            hits.append(_DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", m.group()))
    for rx in (_RE_MDY, _RE_DMY):
        for m in rx.finditer(s):
            y, mo, d = int(m["y"]), _MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])
            if _valid(y, mo, d):
                hits.append(_DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", m.group()))
    for m in _RE_NUM.finditer(s):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if a > 12 and b <= 12:
            d, mo = a, b
        elif b > 12 and a <= 12:
            d, mo = b, a
        elif m["sep"] == ".":
            d, mo = a, b  # "12.11.2019": points are written day first (as the date finder reads)
        elif us_style is True or (callable(us_style) and us_style()):
            d, mo = b, a
        else:
            d, mo = a, b
        if _valid(y, mo, d):
            hits.append(_DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", m.group()))
    if hits:
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return hits[0]
    for m in _RE_MY.finditer(s):
        y, mo = int(m["y"]), _MONTHS[m["mon"].lower().rstrip(".")]
        if _valid(y, mo, None):
            return _DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}", m.group())
    return None


def _other_reading(hit: _DateHit) -> str | None:
    """The day a numeric date that reads both ways ("2/11/2024") means the other way round
    (``'2024-02-11'`` for a hit read as 2 November 2024), or None when it reads one way."""
    m = _RE_NUM.fullmatch(hit.text.strip())
    if m is None or m["sep"] == ".":
        return None
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 or b > 12 or a == b:
        return None
    # read month first (its value ends "-a-b"): the other way is day first, and back
    d, mo = (a, b) if hit.value.endswith(f"-{a:02d}-{b:02d}") else (b, a)
    return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None


def _is_us_style(text: str) -> bool:
    """True when the text clearly writes dates month-first (see module docstring)."""
    mdy = len(_RE_MDY.findall(text))
    dmy = len(_RE_DMY.findall(text))
    for m in _RE_NUM.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if b > 12 >= a:
            mdy += 1
        elif a > 12 >= b:
            dmy += 1
    return mdy > dmy


def _date_dominant(s: str, hit: _DateHit) -> bool:
    """Is the line essentially a date (with label/time/section name around it)?"""
    rest = s[: hit.start] + " " + s[hit.end :]
    rest = _RE_TIME.sub(" ", rest)
    rest = _RE_WEEKDAY_WORD.sub(" ", rest)
    rest = _RE_DATE_LABEL.sub(" ", rest)
    rest = _RE_CAPS_LABEL.sub(" ", rest)  # ALL-CAPS section labels
    words = _RE_WORD2.findall(rest)
    if len(words) <= 1:
        return True
    # "Defense News 20-Jan-14": a source's name of two capitalized words, then the date
    return (len(words) == 2 and all(w[0].isupper() for w in words)
            and not s[hit.end:].strip() and len(s) <= 40)


# what _date_dominant takes out of a line, compiled once (it runs on every short line)
_RE_WEEKDAY_WORD = re.compile(rf"\b{_WEEKDAY}\b", re.I)
_RE_DATE_LABEL = re.compile(
    r"\b(?:published|posted|date|dated|on|at|first published|publication date|"
    r"(?:press|news|media) release)\b", re.I)
_RE_CAPS_LABEL = re.compile(r"\b[A-Z][A-Z&]{2,}\b")
_RE_WORD2 = re.compile(r"[^\W\d_]{2,}")


def normalize_published(value: Any) -> str | None:
    """Normalise a manifest/front-matter date to 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.

    Raises ValueError when it is none of these.
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    s = value.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
    if not m:
        m2 = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?", s)
        if not m2:
            raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        m = m2
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.lastindex and m.lastindex >= 3 and m.group(3) else None
    try:
        _dt.date(y, mo or 1, d or 1)
    except ValueError:
        raise ValueError(f"not a real date: {value!r}") from None
    if mo is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{mo:02d}"
    return f"{y:04d}-{mo:02d}-{d:02d}"

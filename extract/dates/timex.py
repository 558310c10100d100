"""Date mentions and their TIMEX3 values: the ``DateMention`` record, the value grammar,
the span a value covers, the JSON view and the TimeML writer."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from extract.dates.calendars import _parse_published, _ym, _ymd
from extract.dates.fastre import fast_compile
from extract.dates.lexicon import _SEASON_START


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    type: str
    precision: str
    end_value: str | None = None
    approximate: bool = False
    relative: bool = False
    mod: str | None = None
    period: str | None = None


# The grammar of TIMEX3 values this module emits (used by tests and to_timeml).
TIMEX3_VALUE_RE = fast_compile(
    r"""^(?:
        (?:\d{4}|XXXX)(?:-(?:
            (?:\d{2}|XX)(?:-\d{2}(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)?
          | Q[1-4] | H[12] | SU | SP | FA | WI
          | W(?:\d{2}|XX)(?:-[1-7](?:T(?:MO|AF|EV|NI))?|-WE)?
        ))?
      | \d{3} | \d{2}
      | P(?:[\dX]+(?:\.\d+)?[YMWDQEC])+
      | PT(?:[\dX]+(?:\.\d+)?[HMS])+
      | PRESENT_REF | PAST_REF | FUTURE_REF
    )$""",
    re.X,
)


def _first_day(v: str | None) -> _dt.date | None:
    """The first day of a calendar value ('2023-W37' -> its Monday), or None."""
    sp = _span_of(v, None) if v and v[:1].isdigit() else None
    if not sp or not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", sp[0]):
        return None
    y, m, d = (list(map(int, sp[0].split("-"))) + [1, 1])[:3]
    return _dt.date(y, m, d)


def _asdict(m: DateMention) -> dict[str, Any]:
    return {f: getattr(m, f) for f in DateMention.__slots__}


def _prec_of(v: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(v), "day")


def mention_span(m: DateMention) -> tuple[str, str | None, bool] | None:
    """(date, end, approximate) at 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' precision, or None.

    Durations, sets, PRESENT_REF/PAST_REF/FUTURE_REF and unresolved values give None.
    """
    v = m.value
    if not v or m.type in ("DURATION", "SET") or "X" in v or v.endswith("_REF"):
        return None
    approx = m.approximate
    if m.end_value:
        a, b = _span_of(v, m.mod), _span_of(m.end_value, None)
        if a is None or b is None:
            return None
        return a[0], (b[1] or b[0]), approx or a[2] or b[2]
    sp = _span_of(v, m.mod)
    if sp is None:
        return None
    return sp[0], sp[1], approx or sp[2]


# the shapes of a calendar value _span_of reads (compiled once: it runs for every mention)
_DECADE = fast_compile(r"\d{3}")
_CENTURY = fast_compile(r"\d{2}")
_YEAR4 = fast_compile(r"\d{4}")
_YM = fast_compile(r"(\d{4})-(\d{2})")
_YQ = fast_compile(r"(\d{4})-Q([1-4])")
_YH = fast_compile(r"(\d{4})-H([12])")
_YSEASON = fast_compile(r"(\d{4})-(SP|SU|FA|WI)")
_YWEEKEND = fast_compile(r"(\d{4})-W(\d{2})-WE")
_YWEEK = fast_compile(r"(\d{4})-W(\d{2})")
_YMD = fast_compile(r"\d{4}-\d{2}-\d{2}")


def _span_of(v: str, mod: str | None) -> tuple[str, str | None, bool] | None:
    if "T" in v:
        v = v.split("T")[0]
    if _DECADE.fullmatch(v):  # decade
        y0 = int(v) * 10
        rng = {"EARLY": (0, 3), "START": (0, 3), "MID": (3, 6), "LATE": (7, 9),
               "END": (7, 9)}.get(mod or "", (0, 9))
        return str(y0 + rng[0]), str(y0 + rng[1]), mod is not None
    if _CENTURY.fullmatch(v):  # century
        return None
    if _YEAR4.fullmatch(v):
        # "late 2020": the year, approximate; months the text never gave are not invented
        return v, None, mod is not None
    mm = _YM.fullmatch(v)
    if mm:
        # "the final days of ... November 2020": the month, approximate; never made-up days
        return v, None, mod is not None
    mm = _YQ.fullmatch(v)
    if mm:
        y, q = mm.group(1), int(mm.group(2))
        return f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}", False
    mm = _YH.fullmatch(v)
    if mm:
        y, h = mm.group(1), int(mm.group(2))
        return (f"{y}-01", f"{y}-06", False) if h == 1 else (f"{y}-07", f"{y}-12", False)
    mm = _YSEASON.fullmatch(v)
    if mm:
        y, sc = int(mm.group(1)), mm.group(2)
        if sc == "WI":
            return f"{y}-12", f"{y + 1}-02", True
        st = _SEASON_START[sc]
        return _ym(y, st), _ym(y, st + 2), True
    mm = _YWEEKEND.fullmatch(v)
    if mm:  # the weekend of that ISO week: Saturday and Sunday
        d0 = _dt.date.fromisocalendar(int(mm.group(1)), int(mm.group(2)), 6)
        return _ymd(d0), _ymd(d0 + _dt.timedelta(days=1)), False
    mm = _YWEEK.fullmatch(v)
    if mm:
        d0 = _dt.date.fromisocalendar(int(mm.group(1)), int(mm.group(2)), 1)
        return _ymd(d0), _ymd(d0 + _dt.timedelta(days=6)), False
    if _YMD.fullmatch(v):
        return v, None, mod == "APPROX"
    return None


def mention_json(m: DateMention) -> dict[str, Any]:
    """One JSON object per mention, as the CLI prints it."""
    d: dict[str, Any] = {
        "start": m.start, "end": m.end, "text": m.text,
        "value": [m.value, m.end_value] if m.end_value else m.value,
        "type": m.type, "precision": m.precision,
    }
    if m.approximate:
        d["approximate"] = True
    if m.relative:
        d["relative"] = True
    if m.mod:
        d["mod"] = m.mod
    if m.period:
        d["period"] = m.period
    return d


_TIMEX_MOD = {"EARLY": "START", "LATE": "END"}


def _timex_value(m: DateMention) -> str | None:
    if m.period and m.value and m.end_value and m.value[:4] == m.end_value[:4]:
        return m.value[:4]
    return m.value


_WORD_RANGE_RE = fast_compile(r"(?i)^(?:(?:between|from)\s+)?(?P<a>\S.*?)\s+"
                              r"(?:and|to|until|till|through|thru|or)\s+(?P<b>\S.*)$")


def timex3_view(mentions: list[DateMention]) -> list[DateMention]:
    """The mentions as TimeML annotates them (what :func:`to_timeml` writes).

    A range written with words ("between 1994 and 1997", "from 1 to 3 March 2023", "June
    2021 to March 2022") is one mention with ``end_value`` for the event layer, but two TIMEX3
    points in TimeML: it is split into its two ends ("1" and "3 March 2023"). A range with a
    dash ("2014-2018", "1-3 March") stays one. A named period within one year is written as
    that year. Everything else is unchanged.
    """
    out: list[DateMention] = []
    for m in mentions:
        rm = _WORD_RANGE_RE.match(m.text) if m.end_value and not m.period else None
        if rm and m.value and m.end_value:
            for grp, v in (("a", m.value), ("b", m.end_value)):
                st = m.start + rm.start(grp)
                out.append(DateMention(start=st, end=m.start + rm.end(grp), text=rm.group(grp),
                                       value=v, type=m.type, precision=m.precision))
            continue
        v = _timex_value(m)
        out.append(m if v == m.value else DateMention(**{**_asdict(m), "value": v}))
    return out


def to_timeml(text: str, mentions: list[DateMention], published: Any = None,
              doc_id: str = "doc") -> str:
    """The text as a TimeML document (DCT + TEXT with TIMEX3 tags) for the TempEval-3 scorer.

    The DCT is ``<TIMEX3 tid="t0" type="DATE" value=... functionInDocument="CREATION_TIME">``;
    each mention is ``<TIMEX3 tid="tN" type=... value=... [mod=...]>`` around its exact text,
    and the TEXT content is the input text unchanged (XML-escaped), as the scorer compares it
    with the gold TEXT. Mentions without a value are still tagged (extent counts) with the
    value attribute omitted. EARLY/LATE mods are written as TimeML START/END. See
    docs/dates.md for running the official scorer.
    """
    dct = _parse_published(published)
    if dct.y:
        dv = f"{dct.y:04d}" + (f"-{dct.m:02d}" if dct.m else "") + (
            f"-{dct.d:02d}" if dct.d else "")
        dct_xml = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dv}" temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{dv}</TIMEX3></DCT>')
    else:
        dct_xml = "<DCT></DCT>"
    parts = []
    pos = 0
    for i, m in enumerate(sorted(timex3_view(mentions), key=lambda x: x.start), start=1):
        if m.start < pos:
            continue
        parts.append(_xml_escape(text[pos:m.start]))
        attrs = [f'tid="t{i}"', f'type="{m.type}"']
        v = m.value
        if v:
            attrs.append(f'value="{_xml_escape(v)}"')
        if m.mod:
            attrs.append(f'mod="{_TIMEX_MOD.get(m.mod, m.mod)}"')
        parts.append(f"<TIMEX3 {' '.join(attrs)}>{_xml_escape(text[m.start:m.end])}</TIMEX3>")
        pos = m.end
    parts.append(_xml_escape(text[pos:]))
    return ('<?xml version="1.0" ?>\n<TimeML>\n'
            f"<DOCID>{_xml_escape(doc_id)}</DOCID>\n\n{dct_xml}\n\n<TEXT>{''.join(parts)}"
            "</TEXT>\n\n</TimeML>\n")

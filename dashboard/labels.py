"""Precision-honest words for dates and values (Streamlit-free).

A date is printed at the precision the text gives and never finer: ``2016`` stays "2016",
``2020-11`` is "Nov 2020", ``2023-05-30`` is "30 May 2023". Nothing here invents a day.

>>> from extract.timeline import PartialDate as D
>>> date_label(D.parse("2020-09-27"), D.parse("2020-11-10"))
'27 Sep – 10 Nov 2020'
>>> date_label(D.parse(2010), D.parse(2013), approximate=True)
'early 2010s'
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import Any

from extract.timeline import Event, PartialDate, Value, visible

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PRECISION_WORDS = {"day": "exact day", "month": "month only", "year": "year only"}
DASH = "–"  # en dash


@dataclass(frozen=True)
class Flag:
    """A warning an event carries wherever it is shown, in each medium's length: ``word`` in a
    hover ("unverified"), ``label`` on a chip or as a heading ("Unverified: single source"),
    ``detail`` after the label on a card ("No independent source confirms this claim.")."""

    kind: str
    word: str
    label: str
    detail: str


FLAGS = {
    "candidate": Flag("candidate", "candidate", "Not yet reviewed",
                      "A candidate from the extractor: no curator has reviewed it yet."),
    "rejected": Flag("rejected", "rejected", "Rejected by a curator",
                     "Do not brief from this event."),
    "unverified": Flag("unverified", "unverified", "Unverified: single source",
                       "No independent source confirms this claim."),
    "disputed": Flag("disputed", "sources disagree", "Sources disagree",
                     "The sources give different dates or values."),
}


def flags_of(status: str, unverified: bool, disputed: bool) -> list[Flag]:
    """The event's warnings, always in this order: review status, unverified, disputed."""
    kinds = [status] if status in ("candidate", "rejected") else []
    kinds += ["unverified"] * bool(unverified) + ["disputed"] * bool(disputed)
    return [FLAGS[k] for k in kinds]


def _one(d: PartialDate, *, with_year: bool = True, with_month: bool = True) -> str:
    """One partial date in words: '2016', 'Nov 2020', '30 May 2023' (parts may be left off)."""
    parts: list[str] = []
    if d.day is not None:
        parts.append(str(d.day))
    if d.month is not None and (with_month or d.day is None):
        parts.append(MONTHS[d.month - 1])
    if with_year or d.month is None:
        parts.append(str(d.year))
    return " ".join(parts)


def _decade_words(start: PartialDate, end: PartialDate) -> str | None:
    """'early 2010s' for an approximate 2010–2013, when the years line up with a decade."""
    if start.precision != "year" or end.precision != "year":
        return None
    decade = start.year - start.year % 10
    if end.year - end.year % 10 != decade:
        return None
    span = (start.year - decade, end.year - decade)
    words = {(0, 3): "early ", (4, 6): "mid-", (7, 9): "late ", (0, 9): ""}.get(span)
    return None if words is None else f"{words}{decade}s"


def period_label(start: PartialDate, end: PartialDate | None) -> str:
    """The span from ``start`` to ``end`` (inclusive), sharing the year or month they share."""
    if end is None or end == start:
        return _one(start)
    if start.year == end.year and start.precision != "year" and end.precision != "year":
        same_month = start.month == end.month
        if same_month and start.precision == "day" and end.precision == "day":
            return f"{start.day}{DASH}{_one(end)}"  # 27–30 May 2023
        left = _one(start, with_year=False)
        return f"{left} {DASH} {_one(end)}"  # 27 Sep – 10 Nov 2020, Sep – Nov 2020
    left, right = _one(start), _one(end)
    if " " in left or " " in right:
        return f"{left} {DASH} {right}"
    return f"{left}{DASH}{right}"  # 2016–2020


def date_label(date: PartialDate, end: PartialDate | None = None, *,
               approximate: bool = False) -> str:
    """The date as the text gives it.

    Args: ``date`` (the start), ``end`` (for periods), ``approximate`` (the source hedges).
    Returns '2016', 'Nov 2020', '30 May 2023', '27 Sep – 10 Nov 2020', 'c. 2016',
    'early 2010s' (approximate years filling the first part of a decade).
    """
    if approximate:
        if end is not None:
            decade = _decade_words(date, end)
            if decade:
                return decade
        return "c. " + period_label(date, end)
    return period_label(date, end)


def claimed_span(claim_date: Any, claim_end: Any, event_date: PartialDate,
                 event_end: PartialDate | None) -> tuple[PartialDate, PartialDate | None]:
    """The dates one source claims, from its evidence's ``claims``.

    A claimed ``date`` alone is that date, not a period: a source that says "Sep. 3" says
    3 September, and never "3 Sep to <the event's end>". A claimed ``end`` alone keeps the
    event's start (the source differs on the end only).
    """
    if claim_date is not None:
        start = PartialDate.parse(claim_date)
        end = PartialDate.parse(claim_end) if claim_end is not None else None
    else:
        start = event_date
        end = PartialDate.parse(claim_end) if claim_end is not None else event_end
    if end is not None and end.last_day() < start.first_day():
        end = None
    return start, end


def event_date_label(event: Event) -> str:
    """:func:`date_label` for an event."""
    return date_label(event.date, event.end, approximate=event.approximate)


def precision_words(date: PartialDate, end: PartialDate | None = None,
                    approximate: bool = False) -> str:
    """How precisely the text dates the event (the coarser end of a period decides).

    'exact day' ('exact days' for a period of days), 'month only', 'year only'; approximate,
    'about this day (approximate)' ('about these days …'), 'month only, approximate', 'year
    only, approximate': never 'exact' and 'approximate' together, which contradict each other.
    """
    order = ("day", "month", "year")
    precisions = [date.precision] + ([end.precision] if end is not None else [])
    coarsest = max(precisions, key=order.index)
    if coarsest == "day":
        days = end is not None and end != date
        if approximate:
            return f"about {'these days' if days else 'this day'} (approximate)"
        return "exact days" if days else "exact day"
    return PRECISION_WORDS[coarsest] + (", approximate" if approximate else "")


def _number(amount: float) -> str:
    """1600000000 -> '1.6 billion', 69 -> '69', 12.5 -> '12.5', 250000 -> '250,000'."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if amount >= size:
            scaled = amount / size
            return f"{scaled:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if math.isclose(amount, round(amount)):
        return f"{round(amount):,}"
    return f"{amount:,.3f}".rstrip("0").rstrip(".")


def value_label(value: Value | dict[str, Any] | None) -> str:
    """A value in words: '69%', 'USD 1.6 billion', 'c. USD 5 billion', 'rank 3'; '' if none."""
    if value is None:
        return ""
    v = value if isinstance(value, dict) else value.model_dump()
    amount = float(v["amount"])
    unit, currency = v.get("unit"), v.get("currency")
    if unit in ("percent", "%", "per cent"):
        body = f"{_number(amount)}%"
    elif currency:
        body = f"{currency} {_number(amount)}"
    elif unit == "rank":
        body = f"rank {_number(amount)}"  # '2 rank' read like a count of ranks
    elif unit:
        body = f"{_number(amount)} {unit}"
    else:
        body = _number(amount)
    return ("c. " if v.get("approximate") else "") + body


def claim_words(claims: Any, event: Any) -> str:
    """What one source's ``claims`` say, in words ('Mar 2023', 'USD 1.4 billion', its text).

    ``claims`` and ``event`` are the contract's records as plain mappings (the event's
    ``date`` and ``end`` as written).
    """
    parts = []
    if claims.get("date") or claims.get("end"):
        event_end = event.get("end")
        start, end = claimed_span(claims.get("date"), claims.get("end"),
                                  PartialDate.parse(event["date"]),
                                  PartialDate.parse(event_end) if event_end else None)
        parts.append(date_label(start, end))
    if claims.get("value"):
        parts.append(value_label(claims["value"]))
    if claims.get("text"):
        parts.append(str(claims["text"]))
    return "; ".join(parts)


# Hover text of the timeline's marks (the frame stores it per event)


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun, singular for one: '1 event', '0 events', '1,234 events'.

    ``plural`` for nouns that do not take an 's' ('person', 'people').
    """
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def type_words(event_type: str) -> str:
    """'combat_use' -> 'combat use'."""
    return event_type.replace("_", " ")


def esc(text: object) -> str:
    """Text from the file, made inert for Plotly's label markup (which understands tags), and
    shown as stored: invisible and control characters written as ``⟨U+202E⟩``.

    Quotes become numeric references: Plotly decodes those, and of the named ones only a few
    (``&amp;``, ``&lt;``, ``&gt;``), so ``&quot;`` was shown as written.

    >>> print(esc('<b>"worth billions"</b> & more'))
    &lt;b&gt;&#34;worth billions&#34;&lt;/b&gt; &amp; more
    """
    return (html.escape(visible(str(text)), quote=False)
            .replace('"', "&#34;").replace("'", "&#39;"))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def hover_text(*, title: str, label: str, precision: str, event_type: str, n_sources: int,
               n_publishers: int, status: str, unverified: bool, disputed: bool) -> str:
    """Title, date as the text gives it, type, number of sources (and status flags), as
    Plotly label markup with everything from the file escaped. The frame stores it per event."""
    parts = [
        f"<b>{esc(title)}</b>",
        esc(label) + ("" if precision == "day" else f" ({precision} only)"),
        f"{type_words(event_type)} · {counted(n_sources, 'source')}"
        f" · {counted(n_publishers, 'publisher')}",
    ]
    flags = [f.word for f in flags_of(status, unverified, disputed)]
    if flags:
        parts.append("⚠ " + ", ".join(flags))
    return "<br>".join(parts)


def short_hover_text(*, title: str, label: str, precision: str, status: str, unverified: bool,
                     disputed: bool) -> str:
    """The hover of a mark on a big (WebGL) figure: the title (cut to 60 characters) and the
    date as the text gives it, plus any warning; the type is in the trace's own hover label.
    A third of the bytes of :func:`hover_text`, which counts when there are 50,000 marks."""
    flags = [f.word for f in flags_of(status, unverified, disputed)]
    return (f"<b>{esc(_short(title, 60))}</b><br>{esc(label)}"
            + ("" if precision == "day" else f" ({precision} only)")
            + (f"<br>⚠ {', '.join(flags)}" if flags else ""))

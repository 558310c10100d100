"""How two events differ, in words a curator reads before joining them, and what a merged
candidate's sources claim where they differ."""

from __future__ import annotations

from typing import Any

from extract.timeline.model import Claim, Event, PartialDate, Value


def span_words(date: PartialDate, end: PartialDate | None = None,
               approximate: bool = False) -> str:
    """A date or period as plain words for messages: '2022', '2018–2022', 'c. 2024'."""
    text = str(date) if end is None or end == date else f"{date}–{end}"
    return f"c. {text}" if approximate else text


def _value_words(value: Value | None) -> str:
    if value is None:
        return "no value"
    if value.text:
        return value.text
    amount = int(value.amount) if float(value.amount).is_integer() else value.amount
    unit = value.currency or value.unit or ""
    return f"{unit} {amount}".strip() if value.currency else f"{amount} {unit}".strip()


def differences(candidate: Event, event: Event) -> list[str]:
    """Where ``candidate`` and ``event`` disagree, in words a curator reads before joining them:
    ``['this says 2022; the event is 2018–2022', 'this says 16 percent; the event says
    second-largest']``. Empty when they agree on date, period, type and value."""
    out: list[str] = []
    mine = span_words(candidate.date, candidate.end, candidate.approximate)
    theirs = span_words(event.date, event.end, event.approximate)
    if (candidate.date, candidate.end) != (event.date, event.end):
        c0, c1 = candidate.date.first_day(), (candidate.end or candidate.date).last_day()
        e0, e1 = event.date.first_day(), (event.end or event.date).last_day()
        if c1 < e0 or e1 < c0:
            relation = "the dates do not overlap"
        elif e0 <= c0 and c1 <= e1:
            relation = "this lies within the event's dates"
        elif c0 <= e0 and e1 <= c1:
            relation = "the event lies within this"
        else:
            relation = "the dates overlap in part"
        out.append(f"this says {mine}; the event is {theirs} ({relation})")
    elif candidate.approximate != event.approximate:
        out.append(f"this says {mine}; the event is {theirs}")
    if candidate.type != event.type:
        out.append(f"this is a {candidate.type}; the event is a {event.type}")
    if not _same_value(candidate.value, event.value):
        out.append(f"this says {_value_words(candidate.value)}; the event says "
                   f"{_value_words(event.value)}")
    return out


def _same_value(a: Value | None, b: Value | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.amount == b.amount and (a.currency, a.unit) == (b.currency, b.unit)


def _claim_of(candidate: Event, event: Event) -> Claim | None:
    """What ``candidate``'s sources say where it differs from ``event`` (date, period, value),
    as a :class:`Claim` for their evidence; None when they agree."""
    changes: dict[str, Any] = {}
    if (candidate.date, candidate.end) != (event.date, event.end):
        changes["date"] = candidate.date
        if candidate.end is not None:
            changes["end"] = candidate.end
    if candidate.value is not None and not _same_value(candidate.value, event.value):
        changes["value"] = candidate.value
    return Claim(**changes) if changes else None

"""The timeline against the SIPRI register: :func:`reconcile` sorts every deal into
*matched*, *differs*, *only in SIPRI* and *only in the timeline*.

A deal is keyed by supplier, recipient and system, each in the gazetteers' canonical names
(:class:`~extract.timeline.sipri.NameMap`). The timeline's deals are:

* the entries of its ``deals`` section, and any other ``deal`` id its events carry (with their
  events);
* otherwise, events that say supplier, recipient and systems (one deal per system).

Events that name a system and both countries among their actors but no supplier or recipient
(a combat use: "Azerbaijan used Israeli Harop drones") sit on every register deal of that
system between those two countries ordered in or before their year, in either direction.

A timeline deal is paired with the register deal its ``sipri_id`` names, else with the
register deal of its key whose order year is nearest its own (every one of its key when it has
no order). A pair *matches* when nothing differs: the order years within one year of each
other, each timeline delivery in a year SIPRI has, numbers equal where both give one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from extract.timeline.model import Event, Timeline
from extract.timeline.sipri import NameMap, Register, RegisterDeal

CATEGORIES = ("matched", "differs", "only_in_sipri", "only_in_timeline")
Key = tuple[str, str, str]


@dataclass
class _TimelineDeal:
    deal_id: str | None
    key: Key
    sipri_id: int | None = None
    number: int | None = None
    events: list[Event] = field(default_factory=list)

    def years(self, kind: str) -> list[int]:
        out: set[int] = set()
        for e in self.events:
            if e.type == kind:
                out.update(range(e.date.year, (e.end or e.date).year + 1) if kind == "delivery"
                           else [e.date.year])
        return sorted(out)


def _event_key(e: Event, names: NameMap, system: str) -> Key | None:
    if e.supplier and e.recipient:
        return names.country(e.supplier), names.country(e.recipient), names.system(system)
    return None


def timeline_deals(timeline: Timeline, names: NameMap) -> tuple[list[_TimelineDeal],
                                                                  list[Event]]:
    """The timeline's deals, and the events that belong to none ("loose": a system and
    countries among the actors, no supplier or recipient)."""
    by_id: dict[str, _TimelineDeal] = {}
    for d in timeline.deals or ():
        key = (names.country(d.supplier or ""), names.country(d.recipient or ""),
               names.system(d.system or ""))
        by_id[d.id] = _TimelineDeal(d.id, key, d.sipri_id, d.number)
    implicit: dict[Key, _TimelineDeal] = {}
    loose: list[Event] = []
    for e in timeline.events:
        if e.status == "rejected":
            continue
        if e.deal is not None:
            if e.deal not in by_id:
                key = _event_key(e, names, e.systems[0]) if e.systems else None
                by_id[e.deal] = _TimelineDeal(e.deal, key or ("", "", ""))
            by_id[e.deal].events.append(e)
        elif e.supplier and e.recipient and e.systems:
            for system in e.systems:
                key = _event_key(e, names, system)
                assert key is not None
                implicit.setdefault(key, _TimelineDeal(None, key)).events.append(e)
        elif e.systems and len(e.actors) >= 2:
            loose.append(e)
    # a free deal id whose first event said no supplier: its other events may
    for tdeal in by_id.values():
        if tdeal.key == ("", "", "") and tdeal.events:
            for e in tdeal.events:
                key = _event_key(e, names, e.systems[0]) if e.systems else None
                if key:
                    tdeal.key = key
                    break
    return [*by_id.values(), *implicit.values()], loose


def _loose_on(e: Event, key: Key, order_year: int | None, names: NameMap) -> bool:
    actors = {names.country(a) for a in e.actors}
    systems = {names.system(s) for s in e.systems}
    return (key[0] in actors and key[1] in actors and key[2] in systems
            and (order_year is None or (e.end or e.date).year >= order_year))


@dataclass
class Reconciliation:
    """The four lists, each of items (dicts, the JSON of the report)."""

    matched: list[dict[str, Any]] = field(default_factory=list)
    differs: list[dict[str, Any]] = field(default_factory=list)
    only_in_sipri: list[dict[str, Any]] = field(default_factory=list)
    only_in_timeline: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {c: getattr(self, c) for c in CATEGORIES}

    def json_text(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"

    def text(self) -> str:
        return report_text(self)

    def csv_text(self) -> str:
        return report_csv(self)


def reconcile(registers: Sequence[Register], timeline: Timeline, names: NameMap, *,
              supplier: str | None = None, recipient: str | None = None) -> Reconciliation:
    """Reconcile the deals of ``registers`` with ``timeline`` (see the module's docstring);
    ``supplier``/``recipient`` keep only the deals of those countries (any spelling)."""
    want_s = names.country(supplier) if supplier else None
    want_r = names.country(recipient) if recipient else None

    def wanted(key: Key) -> bool:
        return (want_s is None or key[0] == want_s) and (want_r is None or key[1] == want_r)

    sipri = [(reg, deal, _sipri_key(deal, names)) for reg in registers for deal in reg.deals]
    sipri = [s for s in sipri if wanted(s[2])]
    tdeals, loose = timeline_deals(timeline, names)
    tdeals = [t for t in tdeals if wanted(t.key)]
    pairs = _pair(sipri, tdeals)
    sources = timeline.source_map()
    out = Reconciliation()
    paired_tdeals: set[int] = set()
    for i, (reg, deal, key) in enumerate(sipri):
        mine = [tdeals[j] for j in pairs.get(i, [])]
        paired_tdeals.update(pairs.get(i, []))
        events = {e.id: e for t in mine for e in t.events}
        for e in loose:
            if _loose_on(e, key, deal.order_year, names) or _loose_on(
                    e, (key[1], key[0], key[2]), deal.order_year, names):
                events.setdefault(e.id, e)
        item = _item(key, deal, reg, mine, list(events.values()), sources)
        if not events:
            out.only_in_sipri.append(item)
        elif item["differs"]:
            out.differs.append(item)
        else:
            out.matched.append(item)
    for j, t in enumerate(tdeals):
        if j not in paired_tdeals and t.events:
            events = t.events + [e for e in loose if _loose_on(e, t.key, None, names)
                                 and e not in t.events]
            item = _item(t.key, None, None, [t], events, sources)
            if t.sipri_id is not None:
                item["note"] = f"SIPRI deal {t.sipri_id} is not in the register"
            out.only_in_timeline.append(item)
    for c in CATEGORIES:
        getattr(out, c).sort(key=_sort_key)
    return out


def _sort_key(item: dict[str, Any]) -> tuple[Any, ...]:
    order = (item.get("sipri") or {}).get("order_year") or 0
    return (item["supplier"], item["recipient"], item["system"], order, item["sipri_id"] or 0,
            item["events"])


def _sipri_key(deal: RegisterDeal, names: NameMap) -> Key:
    return names.country(deal.supplier), names.country(deal.recipient), names.system(
        deal.designation)


def _pair(sipri: list[tuple[Register, RegisterDeal, Key]], tdeals: list[_TimelineDeal]
          ) -> dict[int, list[int]]:
    """{index of a register deal: indexes of the timeline deals paired with it}."""
    pairs: dict[int, list[int]] = {}
    by_id = {deal.sipri_id: i for i, (_, deal, _) in enumerate(sipri) if deal.sipri_id}
    for j, t in enumerate(tdeals):
        if t.sipri_id is not None:
            if t.sipri_id in by_id:
                pairs.setdefault(by_id[t.sipri_id], []).append(j)
            continue
        same = [i for i, (_, _, key) in enumerate(sipri) if key == t.key]
        if not same:
            continue
        ordered = t.years("deal")
        if not ordered:
            for i in same:
                pairs.setdefault(i, []).append(j)
            continue

        pairs.setdefault(min(same, key=lambda i: _distance(sipri[i][1], ordered, i)),
                         []).append(j)
    return pairs


def _distance(deal: RegisterDeal, years: list[int], index: int) -> tuple[int, int]:
    """How far a register deal's order year is from the nearest of ``years``."""
    if deal.order_year is None:
        return (9999, index)
    return (min(abs(deal.order_year - y) for y in years), index)


def _sources_of(events: Iterable[Event], sources: dict[str, Any]) -> list[str]:
    """'publisher (event id)' for each piece of evidence, once each."""
    out: dict[str, None] = {}
    for e in events:
        for ev in e.evidence:
            src = sources.get(ev.source)
            name = (src.publisher or src.title or src.id) if src else ev.source
            out.setdefault(f"{name} ({e.id})", None)
    return list(out)


def _item(key: Key, deal: RegisterDeal | None, reg: Register | None,
          tdeals: list[_TimelineDeal], events: list[Event], sources: dict[str, Any]
          ) -> dict[str, Any]:
    """One line of the report: both sides and what differs, with the sources of each."""
    ordered = sorted({y for t in tdeals for y in t.years("deal")})
    delivered = sorted({y for t in tdeals for y in t.years("delivery")})
    numbers = sorted({t.number for t in tdeals if t.number is not None})
    item: dict[str, Any] = {
        "supplier": key[0], "recipient": key[1], "system": key[2],
        "sipri_id": deal.sipri_id if deal else None,
        "deals": sorted({t.deal_id for t in tdeals if t.deal_id}),
        "events": sorted(e.id for e in events),
        "sipri": _sipri_side(deal, reg) if deal and reg else None,
        "timeline": {"order_years": ordered, "delivery_years": delivered,
                     "number": numbers[0] if len(numbers) == 1 else (numbers or None),
                     "sources": _sources_of(events, sources)},
        "differs": [],
    }
    if deal is not None and reg is not None:
        item["differs"] = _differences(deal, item["sipri"], tdeals, sources)
    return item


def _sipri_side(deal: RegisterDeal, reg: Register) -> dict[str, Any]:
    where = f"{reg.title}, " + (f"deal {deal.sipri_id}" if deal.sipri_id else
                                f"{reg.file} line {deal.line}")
    return {
        "designation": deal.designation, "description": deal.description,
        "order_year": deal.order_year, "order_estimate": deal.order_estimate,
        "deliveries": [{"year": d.year, "number": d.number, "estimate": d.number_estimate
                        or d.year_estimate} for d in deal.deliveries],
        "number_ordered": deal.number_ordered, "delivered": deal.delivered,
        "status": deal.status, "source": where,
    }


def _differences(deal: RegisterDeal, side: dict[str, Any], tdeals: list[_TimelineDeal],
                 sources: dict[str, Any]) -> list[dict[str, Any]]:
    out = []

    def differ(name: str, sipri: Any, timeline: Any, events: list[Event]) -> None:
        out.append({"field": name, "sipri": sipri, "timeline": timeline,
                    "sipri_source": side["source"],
                    "timeline_sources": _sources_of(events, sources)})

    orders = [e for t in tdeals for e in t.events if e.type == "deal"]
    if orders and deal.order_year and all(abs(e.date.year - deal.order_year) > 1
                                          for e in orders):
        differ("order_year", deal.order_year, sorted({e.date.year for e in orders}), orders)
    sipri_years = {d.year: d for d in deal.deliveries}
    deliveries = [e for t in tdeals for e in t.events if e.type == "delivery"]
    outside = [e for e in deliveries
               if not set(range(e.date.year, (e.end or e.date).year + 1)) & set(sipri_years)]
    if outside:
        differ("delivery_years", sorted(sipri_years),
               sorted({e.date.year for e in outside}), outside)
    for e in deliveries:
        d = sipri_years.get(e.date.year)
        v = e.value
        if (d and d.number is not None and v is not None and v.currency is None and e.end is None
                and v.unit in (None, "units") and v.amount != d.number):
            differ(f"delivered_{d.year}", d.number, int(v.amount) if v.amount.is_integer()
                   else v.amount, [e])
    sipri_number = deal.number_ordered if deal.number_ordered is not None else deal.delivered
    for t in tdeals:
        if t.number is not None and sipri_number is not None and t.number != sipri_number:
            differ("number", sipri_number, t.number, t.events)
    return out


# -- the report as text and CSV ---------------------------------------------------------------

_HEADINGS = {"matched": "Matched", "differs": "Differs", "only_in_sipri": "Only in SIPRI",
             "only_in_timeline": "Only in the timeline"}


def _years(years: Sequence[int]) -> str:
    if not years:
        return "-"
    ys = sorted(years)
    return str(ys[0]) if len(ys) == 1 else (f"{ys[0]}–{ys[-1]}" if ys == list(
        range(ys[0], ys[-1] + 1)) else ", ".join(map(str, ys)))


def sipri_words(side: dict[str, Any] | None) -> str:
    """``SIPRI: ordered 2014 (estimate), 100 delivered 2015–2018``."""
    if not side:
        return "SIPRI: -"
    est = " (estimate)" if side["order_estimate"] else ""
    order = f"ordered {side['order_year']}{est}" if side["order_year"] else "order year unknown"
    n = side["delivered"]
    years = _years([d["year"] for d in side["deliveries"]])
    got = f"{n} delivered {years}" if n is not None else f"delivered {years}"
    return f"SIPRI: {order}, {got}" if side["deliveries"] else f"SIPRI: {order}, none delivered"


def _line(item: dict[str, Any]) -> list[str]:
    head = f"{item['supplier']} → {item['recipient']} · {item['system']}"
    if item["sipri_id"]:
        head += f" (SIPRI {item['sipri_id']}: {item['sipri']['designation']})"
    elif item["sipri"]:
        head += f" ({item['sipri']['designation']})"
    lines = [f"  {head}", f"    {sipri_words(item['sipri'])}"]
    if item["events"]:
        lines.append("    timeline: " + ", ".join(item["events"]))
    for d in item["differs"]:
        lines.append(f"    differs, {d['field']}: SIPRI {d['sipri']} ({d['sipri_source']}); "
                     f"timeline {d['timeline']} ({'; '.join(d['timeline_sources'])})")
    if item.get("note"):
        lines.append(f"    {item['note']}")
    return lines


def report_text(result: Reconciliation) -> str:
    out = []
    for c in CATEGORIES:
        items = getattr(result, c)
        out.append(f"{_HEADINGS[c]} ({len(items)}):")
        for item in items:
            out.extend(_line(item))
    return "\n".join(out) + "\n"


CSV_COLUMNS = ("category", "supplier", "recipient", "system", "sipri_id", "designation",
               "sipri_order_year", "sipri_order_estimate", "sipri_delivery_years",
               "sipri_delivered", "events", "timeline_sources", "differs")


def report_csv(result: Reconciliation) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in CATEGORIES:
        for item in getattr(result, c):
            side = item["sipri"] or {}
            writer.writerow([
                c, item["supplier"], item["recipient"], item["system"], item["sipri_id"] or "",
                side.get("designation", ""), side.get("order_year") or "",
                "yes" if side.get("order_estimate") else "",
                "; ".join(str(d["year"]) for d in side.get("deliveries", [])),
                "" if side.get("delivered") is None else side["delivered"],
                "; ".join(item["events"]), "; ".join(item["timeline"]["sources"]),
                "; ".join(f"{d['field']}: SIPRI {d['sipri']} / timeline {d['timeline']}"
                          for d in item["differs"])])
    return buf.getvalue()

"""``sipri --candidates``: the deals of a SIPRI trade register as candidate events, ready for
``merge`` and the Review page.

Each register deal becomes a ``deals`` entry (``sipri-ID``, or a name of its fields in the
older layout that has no ID), an *ordered* event (type ``deal``) at year precision,
``approximate`` when SIPRI marks the order year as an estimate, and one *delivery* event per
delivery year with its number (``value``, ``approximate`` when SIPRI estimates it). Each cites
the register as its source, identified by the digest of the file's text, and quotes the
register's own line: the quote is in the source's text, as for an article.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.events import slugify
from extract.timeline import Deal, Event, Evidence, PartialDate, Source, Timeline, Value
from extract.timeline.sipri import SIPRI_URL, NameMap, Register, RegisterDeal


def source_of(register: Register) -> Source:
    """The register as a source: SIPRI, the day its data were generated, its text's digest."""
    day = register.generated
    return Source(
        id="sipri-at-database" + (f"-{day:%Y-%m-%d}" if day else "") + "-"
        + register.digest.removeprefix("sha256:")[:8],
        title=register.title, publisher="SIPRI",
        published=PartialDate(day.year, day.month, day.day) if day else None,
        url=SIPRI_URL, digest=register.digest,
        notes="SIPRI trade register export (years only; TIVs are SIPRI trend-indicator "
              "values, not prices)")


def deal_id(deal: RegisterDeal) -> str:
    if deal.sipri_id is not None:
        return f"sipri-{deal.sipri_id}"
    return "sipri-" + slugify(f"{deal.supplier} {deal.recipient} {deal.designation} "
                              f"{deal.order_year or 'undated'}")


def _stage(deal: RegisterDeal, ident: str, names: NameMap, **fields) -> Event:
    supplier, recipient = names.country(deal.supplier), names.country(deal.recipient)
    return Event(actors=[supplier, recipient], systems=[names.system(deal.designation)],
                 supplier=supplier, recipient=recipient, deal=ident, status="candidate",
                 **fields)


def deal_events(deal: RegisterDeal, names: NameMap, source: Source, *,
                ident: str | None = None) -> tuple[Deal, list[Event]]:
    """The ``deals`` entry of one register deal and its candidate events (``ident``: the
    deal's id, :func:`deal_id` by default)."""
    supplier, recipient = names.country(deal.supplier), names.country(deal.recipient)
    system = names.system(deal.designation)
    ident = ident or deal_id(deal)
    what = deal.designation + (f" ({deal.description})" if deal.description else "")
    entry = Deal(id=ident, supplier=supplier, recipient=recipient, system=system,
                 number=deal.number_ordered, sipri_id=deal.sipri_id,
                 notes=f"SIPRI: {what}" + (f"; status {deal.status}" if deal.status else "")
                 + (f"; {deal.comments}" if deal.comments else ""))
    events = []
    if deal.order_year is not None:
        n = deal.delivered
        summary = (f"SIPRI: ordered {deal.order_year}"
                   + (" (SIPRI estimate)" if deal.order_estimate else "")
                   + (f"; {n} delivered in {_span(deal.delivery_years)}" if n is not None
                      and deal.deliveries else "")
                   + (f"; {deal.number_ordered} ordered" if deal.number_ordered else ""))
        events.append(_stage(
            deal, ident, names, id=f"{ident}-ordered",
            title=f"{recipient} orders {deal.designation} from {supplier}",
            date=PartialDate(deal.order_year), approximate=deal.order_estimate, type="deal",
            summary=summary,
            value=Value(amount=deal.number_ordered, unit="units",
                        approximate=deal.number_ordered_estimate)
            if deal.number_ordered is not None else None,
            evidence=[Evidence(source=source.id, quote=deal.row,
                               date_text=str(deal.order_year))]))
    for d in deal.deliveries:
        count = f"{d.number} " if d.number is not None else ""
        events.append(_stage(
            deal, ident, names, id=f"{ident}-delivery-{d.year}",
            title=f"{supplier} delivers {count}{deal.designation} to {recipient}",
            date=PartialDate(d.year), approximate=d.year_estimate, type="delivery",
            summary=f"SIPRI: {count or 'some '}delivered in {d.year}"
            + (" (number a SIPRI estimate)" if d.number_estimate else "")
            + ("" if d.number is not None or deal.delivered is None else
               f"; {deal.delivered} in all, {_span(deal.delivery_years)}"),
            value=Value(amount=d.number, unit="units", approximate=d.number_estimate)
            if d.number is not None else None,
            evidence=[Evidence(source=source.id, quote=d.row, date_text=str(d.year))]))
    return entry, events


def _span(years: Sequence[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def candidates(registers: Sequence[Register], names: NameMap | None = None) -> Timeline:
    """Every deal of ``registers`` as a candidates timeline (sources, deals, events), in
    register order; a deal in two registers (the same ID) once, from the first."""
    names = names or NameMap.load()
    sources, deals, events = [], [], []
    seen: set[str] = set()
    for register in registers:
        source = source_of(register)
        cited = False
        for deal in register.deals:
            ident, n = deal_id(deal), 2
            while deal.sipri_id is None and ident in seen:  # the older layout: no ID to share
                ident, n = f"{deal_id(deal)}-{n}", n + 1
            if ident in seen:
                continue  # the same SIPRI deal in an earlier register
            entry, stages = deal_events(deal, names, source, ident=ident)
            seen.add(entry.id)
            deals.append(entry)
            events.extend(stages)
            cited = cited or bool(stages)
        if cited and source.id not in {s.id for s in sources}:
            sources.append(source)
    return Timeline(version=1, sources=sources, deals=deals, events=events)

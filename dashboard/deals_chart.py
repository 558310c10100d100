"""The Deals view's figure and flow table: one row per deal (supplier → recipient · system),
its events as marks on the time axis at the precision they are known, and the SIPRI
register's order-to-last-delivery years as a grey band on the same row (Streamlit-free).

The rows come from :func:`extract.timeline.reconcile.reconcile` (the items that hold events,
and the register's deals when asked); the marks from the events frame (:mod:`dashboard.frame`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.labels import type_words, value_label
from dashboard.marks import TYPE_COLOURS, TYPE_SYMBOLS, epoch_ms
from dashboard.theme import LIGHT, hover_label
from extract.timeline.reconcile import sipri_words

BAND = "#d5d5d5"
ROW_PX = 34


def row_label(item: dict[str, Any], twins: int) -> str:
    """``Israel → Azerbaijan · Harop`` (with the SIPRI deal when a key has several)."""
    label = f"{item['supplier']} → {item['recipient']} · {item['system']}"
    if twins > 1 and item.get("sipri_id"):
        label += f" (SIPRI {item['sipri_id']})"
    return label


def deal_rows(items: Sequence[dict[str, Any]], *, only_sipri: bool = False,
              ) -> list[tuple[str, dict[str, Any]]]:
    """(label, item) per row, busiest first: the deals with events, then (``only_sipri``) the
    register's deals the timeline lacks."""
    keep = [i for i in items if i["events"] or (only_sipri and i.get("sipri"))]
    count: dict[tuple[str, str, str], int] = {}
    for i in keep:
        key = (i["supplier"], i["recipient"], i["system"])
        count[key] = count.get(key, 0) + 1
    keep.sort(key=lambda i: (-len(i["events"]), i["supplier"], i["recipient"], i["system"],
                             i.get("sipri_id") or 0))
    return [(row_label(i, count[(i["supplier"], i["recipient"], i["system"])]), i)
            for i in keep]


def _band(sipri: dict[str, Any]) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    years = [d["year"] for d in sipri["deliveries"]]
    first = sipri["order_year"] or (min(years) if years else None)
    if first is None:
        return None
    last = max([first, *years])
    return pd.Timestamp(f"{first}-01-01"), pd.Timestamp(f"{last}-12-31")


def deals_figure(rows: Sequence[tuple[str, dict[str, Any]]], events: pd.DataFrame, *,
                 selected: str | None = None) -> go.Figure:
    """The figure: a row per deal, its events as marks (the event id as ``customdata``, a
    click opens its card), the SIPRI band behind them."""
    fig = go.Figure()
    labels = [label for label, _i in rows]
    y_of = {label: n for n, label in enumerate(labels)}
    by_id = events.set_index("id") if not events.empty else events
    for label, item in rows:
        side = item.get("sipri")
        span = _band(side) if side else None
        if span is not None:
            fig.add_trace(go.Scatter(
                x=[span[0], span[1]], y=[y_of[label]] * 2, mode="lines",
                line={"color": BAND, "width": 14}, hoverinfo="text", showlegend=False,
                hovertext=[sipri_words(side)] * 2, meta={"role": "sipri"}))
    marks: dict[str, list[tuple[int, str]]] = {}
    for label, item in rows:
        for eid in item["events"]:
            if eid in by_id.index:
                marks.setdefault(str(by_id.at[eid, "type"]), []).append((y_of[label], eid))
    for kind, points in marks.items():
        ids = [eid for _y, eid in points]
        sub = by_id.loc[ids]
        fig.add_trace(go.Scatter(
            x=epoch_ms(sub["mid"]), y=[y for y, _e in points],
            mode="markers", name=type_words(kind), legendgroup=kind,
            marker={"symbol": TYPE_SYMBOLS.get(kind, "circle"), "size": 13,
                    "color": TYPE_COLOURS.get(kind, "#555555"),
                    "line": {"width": [3 if i == selected else 1 for i in ids],
                             "color": ["#b3261e" if i == selected else "#333333"
                                       for i in ids]}},
            customdata=ids, hoverinfo="text",
            hovertext=[f"{t} · {d}" for t, d in zip(sub["title"], sub["label"], strict=True)],
            meta={"role": "marks", "type": kind}))
    fig.update_layout(
        height=110 + ROW_PX * max(len(rows), 2), margin={"l": 10, "r": 10, "t": 40, "b": 40},
        hovermode="closest", clickmode="event+select", plot_bgcolor="#ffffff",
        paper_bgcolor="#ffffff", font={"color": "#222222"}, hoverlabel=hover_label(LIGHT),
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0})
    fig.update_xaxes(type="date", side="top", showgrid=True, gridcolor="#eeeeee",
                     fixedrange=True, hoverformat="%Y")
    fig.update_yaxes(tickmode="array", tickvals=list(range(len(labels))), ticktext=labels,
                     autorange="reversed", fixedrange=True, showgrid=False,
                     range=[len(labels) - 0.5, -0.5])
    return fig


def flow_table(rows: Sequence[tuple[str, dict[str, Any]]], events: pd.DataFrame
               ) -> pd.DataFrame:
    """Supplier → recipient by year: the number of events of their deals (an event in two
    deals of one pair counts once)."""
    years = events.set_index("id")["start"].dt.year if not events.empty else pd.Series()
    seen: set[tuple[str, str]] = set()
    records = []
    for _label, item in rows:
        pair = f"{item['supplier']} → {item['recipient']}"
        for eid in item["events"]:
            if eid in years.index and (pair, eid) not in seen:
                seen.add((pair, eid))
                records.append({"supplier → recipient": pair, "year": int(years[eid])})
    if not records:
        return pd.DataFrame()
    table = pd.DataFrame(records).pivot_table(index="supplier → recipient", columns="year",
                                              aggfunc="size", fill_value=0)
    table.columns = [str(c) for c in table.columns]
    return table


def flow_values(rows: Sequence[tuple[str, dict[str, Any]]], events: pd.DataFrame
                ) -> pd.DataFrame:
    """Supplier → recipient by year: the money value of their deals, where the timeline knows
    one. A deal counts once, with the value of its earliest ``deal`` event that states an
    amount in a currency, in that event's year; currencies are never converted or mixed ('USD
    1.6 billion + EUR 200 million'), an approximate value keeps its 'c.', and a cell says how
    many deals its sum holds."""
    if events.empty:
        return pd.DataFrame()
    by_id = events.set_index("id")
    sums: dict[tuple[str, int], dict[tuple[str, bool], float]] = {}
    counts: dict[tuple[str, int], int] = {}
    seen: set[tuple[str, str]] = set()
    for _label, item in rows:
        pair = f"{item['supplier']} → {item['recipient']}"
        valued = [eid for eid in item["events"] if eid in by_id.index
                  and by_id.at[eid, "type"] == "deal" and by_id.at[eid, "value_currency"]
                  and not by_id.at[eid, "value_unit"]
                  and pd.notna(by_id.at[eid, "value_amount"])]
        if not valued:
            continue
        first = min(valued, key=lambda eid: (by_id.at[eid, "start"], eid))
        if (pair, first) in seen:
            continue  # an event in two deals of one pair counts once
        seen.add((pair, first))
        key = (pair, int(by_id.at[first, "start"].year))
        approx = str(by_id.at[first, "value_label"]).startswith("c. ")  # value_label's mark
        cell = sums.setdefault(key, {})
        money = (str(by_id.at[first, "value_currency"]), approx)
        cell[money] = cell.get(money, 0.0) + float(by_id.at[first, "value_amount"])
        counts[key] = counts.get(key, 0) + 1
    if not sums:
        return pd.DataFrame()
    records = []
    for (pair, year), cell in sums.items():
        words = " + ".join(value_label({"amount": amount, "currency": currency,
                                        "approximate": approx})
                           for (currency, approx), amount in sorted(cell.items()))
        n = counts[(pair, year)]
        records.append({"supplier → recipient": pair, "year": str(year),
                        "value": f"{words} ({n} deal{'s' if n != 1 else ''})"})
    table = pd.DataFrame(records).pivot(index="supplier → recipient", columns="year",
                                        values="value").fillna("")
    table = table[sorted(table.columns)]
    table.columns.name = None
    return table

"""CSV and JSON of the filtered view (Streamlit-free; bytes out, deterministic).

Dates are exported as the file writes them ('2016', '2020-11', '2023-05-30') plus the words
shown on screen; never as a filled-in day. The JSON keeps the contract's shape with the
evidence and the sources each event cites, so a colleague can check every claim.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.frame import record
from dashboard.labels import claim_words, counted
from extract.timeline import Event, Source, Timeline, dumps, visible

CSV_COLUMNS = (
    "id", "date", "end", "date_label", "precision", "approximate", "type", "title", "actors",
    "people", "systems", "supplier", "recipient", "value", "status", "unverified",
    "sources_disagree", "n_sources", "publishers", "summary", "quotes", "urls",
)
EVIDENCE_COLUMNS = (
    "event_id", "event_date_label", "event_title", "source_id", "publisher", "source_title",
    "published", "url", "quote", "date_words", "this_source_says", "kind",
)
_JOIN = " | "  # between the quotes (or addresses) of one event in its CSV cell
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """A CSV cell; text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, tuple | list):
        value = "; ".join(str(v) for v in value)
    elif isinstance(value, bool):
        value = "yes" if value else "no"
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _shown(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(visible(v) for v in values)


def table_rows(events: pd.DataFrame) -> list[dict[str, Any]]:
    """One dict per event with the CSV columns (tuples kept as tuples), for people to read
    (the Table page, the CSV): text from the file as stored, invisible characters shown as
    ``⟨U+202E⟩`` (the JSON and YAML exports keep the text exactly)."""
    out = []
    for row in events.itertuples(index=False):
        out.append({
            "id": row.id, "date": row.date, "end": row.end, "date_label": row.label,
            "precision": row.precision, "approximate": bool(row.approximate), "type": row.type,
            "title": visible(row.title), "actors": _shown(row.actors),
            "people": _shown(row.people), "systems": _shown(row.systems),
            "supplier": visible(row.supplier), "recipient": visible(row.recipient),
            "value": row.value_label, "status": row.status,
            "unverified": bool(row.unverified), "sources_disagree": bool(row.disputed),
            "n_sources": int(row.n_sources), "publishers": _shown(row.publishers),
            "summary": visible(row.summary),
        })
    return out


def _sources_by_id(sources: pd.DataFrame | None) -> dict[str, dict[str, Any]]:
    if sources is None or sources.empty:
        return {}
    return {s["id"]: s for s in sources.to_dict("records")}


def citations(rec: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One citation per piece of evidence, then per further source (``references``): the
    source's publisher, title, date and address with the exact quote (none for a reference)
    and what this source says where it differs from the record. Text as stored."""
    out = []
    for kind, items in (("evidence", rec.get("evidence", [])),
                        ("further source", rec.get("references", []) or [])):
        for item in items:
            sid = item["source"] if kind == "evidence" else item
            src = by_id.get(sid, {})
            out.append({
                "source": sid, "publisher": src.get("publisher") or sid,
                "title": src.get("title") or "", "published": src.get("published") or "",
                "url": src.get("url") or "",
                "quote": item.get("quote", "") if kind == "evidence" else "",
                "date_words": (item.get("date_text") or "") if kind == "evidence" else "",
                "this_source_says": claim_words(item.get("claims") or {}, rec)
                if kind == "evidence" else "",
                "kind": kind,
            })
    return out


def to_csv(events: pd.DataFrame, sources: pd.DataFrame | None = None) -> bytes:
    """The filtered events as UTF-8 CSV (with BOM so spreadsheets read the accents), one row
    per event; ``quotes`` and ``urls`` join each event's evidence (``sources`` gives the
    addresses)."""
    by_id = _sources_by_id(sources)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for text, row in zip(events["record"], table_rows(events), strict=True):
        cites = [c for c in citations(record(text), by_id) if c["kind"] == "evidence"]
        row["quotes"] = _JOIN.join(f"“{visible(c['quote'])}” ({visible(c['publisher'])})"
                                   for c in cites)
        row["urls"] = _JOIN.join(dict.fromkeys(visible(c["url"]) for c in cites if c["url"]))
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_evidence_csv(events: pd.DataFrame, sources: pd.DataFrame) -> bytes:
    """One row per piece of evidence (and per further source an event cites): the event, the
    source's publisher, title, date and address, the exact quote and its date words, and what
    this source says where it differs. Formula-like cells neutralised, as in :func:`to_csv`."""
    by_id = _sources_by_id(sources)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(EVIDENCE_COLUMNS)
    for row in events.itertuples(index=False):
        for c in citations(record(row.record), by_id):
            cells = {"event_id": row.id, "event_date_label": row.label,
                     "event_title": row.title, "source_id": c["source"],
                     "source_title": c["title"], **c}
            writer.writerow([_cell(visible(str(cells[k]))) for k in EVIDENCE_COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_json(events: pd.DataFrame, sources: pd.DataFrame, *, view: dict[str, Any] | None = None
            ) -> bytes:
    """The filtered events as JSON: ``{"view": ..., "events": [...], "sources": [...]}``.

    ``events`` are the contract's records (dates as written) with ``date_label`` and
    ``citations`` added (each quote with its publisher, title, date and address);
    ``sources`` are those the events cite; ``view`` is the query string of the view.
    """
    records = []
    cited: dict[str, None] = {}
    by_id = _sources_by_id(sources)
    for text, label in zip(events["record"], events["label"], strict=True):
        rec = record(text)
        records.append({**rec, "date_label": label, "citations": citations(rec, by_id)})
        for ev in rec.get("evidence", []):
            cited.setdefault(ev["source"], None)
    src = sources[sources["id"].isin(list(cited))] if not sources.empty else sources
    source_records = [
        {k: v for k, v in {
            "id": s.id, "title": s.title or None, "publisher": s.publisher,
            "author": s.author or None, "published": s.published or None, "url": s.url or None,
        }.items() if v is not None}
        for s in src.itertuples(index=False)
    ]
    doc = {"view": view or {}, "events": records, "sources": source_records}
    return (escape_invisible(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n").encode(
        "utf-8")


def escape_invisible(json_text: str) -> str:
    """JSON text with every invisible or bidirectional character written as a ``\\uXXXX``
    escape: the same data to any JSON reader (the stored text exactly), but an editor cannot
    be made to show it reordered.

    >>> escape_invisible('"abc\u202egnp.exe"')
    '"abc\\\\u202egnp.exe"'
    """
    if json_text.isascii():
        return json_text

    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        if visible(ch) == ch:
            return ch
        code = ord(ch)
        if code > 0xFFFF:  # a surrogate pair, as JSON writes characters beyond the BMP
            code -= 0x10000
            return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
        return f"\\u{code:04x}"

    return _NON_ASCII.sub(escape, json_text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")  # JSON already escapes the ASCII controls


# --------------------------------------------------------------------------------------------
# YAML (a timeline file of its own) and the chart as a standalone page
# --------------------------------------------------------------------------------------------


def timeline_of(events: pd.DataFrame, sources: pd.DataFrame,
                briefing: Sequence[str] = ()) -> Timeline:
    """A :class:`Timeline` of ``events`` and the sources they cite (evidence and references).

    ``briefing`` ids are kept, in order, when their events are among ``events``.
    """
    recs = [record(text) for text in events["record"]]
    cited: dict[str, None] = {}
    for rec in recs:
        for ev in rec.get("evidence", []):
            cited.setdefault(ev["source"], None)
        for ref in rec.get("references", []) or []:
            cited.setdefault(ref, None)
    src_rows = sources[sources["id"].isin(list(cited))] if not sources.empty else sources
    source_models = []
    for s in src_rows.itertuples(index=False):
        source_models.append(Source.model_validate({k: v for k, v in {
            "id": s.id, "title": s.title or None,
            # the frame shows a source without a publisher under its id: write no publisher
            "publisher": s.publisher if s.has_publisher else None,
            "author": s.author or None, "published": s.published or None,
            "url": s.url or None, "file": s.file or None, "digest": s.digest or None,
            "page_says": {k: v for k, v in (("publisher", s.page_says_publisher),
                                            ("url", s.page_says_url)) if v} or None,
            "language": s.language, "notes": s.notes or None,
        }.items() if v is not None}))
    ids = {rec["id"] for rec in recs}
    return Timeline(
        version=1, sources=source_models, events=[Event.model_validate(r) for r in recs],
        briefing=[i for i in dict.fromkeys(briefing) if i in ids],
    )


def to_yaml(events: pd.DataFrame, sources: pd.DataFrame, *, briefing: Sequence[str] = (),
            view: dict[str, Any] | None = None) -> bytes:
    """The events as an events.yaml of their own (``python -m extract check`` accepts it).

    A comment at the top names the view it was exported from (its query string).
    """
    query = "&".join(f"{k}={v}" for k, vals in (view or {}).items()
                     for v in ([vals] if isinstance(vals, str) else vals))
    header = (f"Exported from the arms-transfer timeline dashboard: {counted(len(events), 'event')}"
              + (f", view ?{query}" if query else ", the whole timeline"))
    text = dumps(timeline_of(events, sources, briefing), header=" ".join(header.split()))
    return text.encode("utf-8")


def standalone_html(fig: go.Figure, *, title: str = "Arms-transfer timeline") -> bytes:
    """The chart as one HTML file that works offline: plotly.js is embedded (no CDN), and
    the modebar can still download a PNG.

    Every axis makes room for its tick labels: once Streamlit is imported its plotly template
    is the default, and there axes keep their fixed margins, which cut the year labels off
    the bottom of the page. ``fig`` itself is left as it is (the app shows it too).
    """
    fig = go.Figure(fig)
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    body = fig.to_html(include_plotlyjs=True, full_html=True, config={"displaylogo": False},
                       div_id="arms-timeline", validate=False)
    # the page title: plotly writes none; escaped, as it is the only text we add
    return body.replace("<head>", f"<head>\n    <title>{html.escape(title)}</title>",
                        1).encode("utf-8")

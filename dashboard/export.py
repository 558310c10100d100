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
from dashboard.labels import counted
from extract.timeline import Event, Source, Timeline, dumps, visible

CSV_COLUMNS = (
    "id", "date", "end", "date_label", "precision", "approximate", "type", "title", "actors",
    "people", "systems", "supplier", "recipient", "value", "status", "unverified",
    "sources_disagree", "n_sources", "publishers", "summary",
)
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


def to_csv(events: pd.DataFrame) -> bytes:
    """The filtered events as UTF-8 CSV (with BOM so spreadsheets read the accents)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in table_rows(events):
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_json(events: pd.DataFrame, sources: pd.DataFrame, *, view: dict[str, Any] | None = None
            ) -> bytes:
    """The filtered events as JSON: ``{"view": ..., "events": [...], "sources": [...]}``.

    ``events`` are the contract's records (dates as written) with ``date_label`` added;
    ``sources`` are those the events cite; ``view`` is the query string of the view.
    """
    records = []
    cited: dict[str, None] = {}
    for text, label in zip(events["record"], events["label"], strict=True):
        rec = record(text)
        records.append({**rec, "date_label": label})
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

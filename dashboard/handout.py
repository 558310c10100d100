"""A printable briefing handout of the view: one self-contained HTML page (Streamlit-free).

Every event in order with its date as the text gives it, its flags (unverified, not yet
reviewed, sources that disagree), its quoted evidence and the full citation of each source
(publisher, date, title, address as text). The page loads nothing: no scripts, no images, no
fonts, no links to follow; the print style sheet is inline. Every string from the file is
HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.figures import type_words
from dashboard.frame import record
from dashboard.labels import claim_words, counted, flags_of
from dashboard.present import dispute_sentences, span_label
from extract.timeline import visible

CSS = """
:root { color-scheme: light; }
body { font: 12pt/1.45 Georgia, 'Times New Roman', serif; color: #111; background: #fff;
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .2em; }
.meta { color: #333; margin: 0 0 1.5em; }
article { border-top: 1px solid #999; padding: .6em 0 .4em; break-inside: avoid;
          page-break-inside: avoid; }
h2 { font-size: 13pt; margin: 0 0 .2em; }
.date { font-weight: bold; font-family: Arial, Helvetica, sans-serif; }
.precision, .facts, .cite { color: #333; font-size: 10.5pt; }
.flag { display: inline-block; border: 1.5px solid #111; padding: 0 .35em; margin: .2em .3em
        .2em 0; font: bold 9.5pt Arial, Helvetica, sans-serif; text-transform: uppercase; }
.dispute { border-left: 4px solid #111; padding-left: .6em; margin: .4em 0; }
blockquote { margin: .4em 0 .1em 1.2em; font-style: italic; }
.url { font-family: 'Courier New', monospace; font-size: 9pt; word-break: break-all; }
ol.sources li { margin-bottom: .3em; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; }
  h1 { break-after: avoid; }
  .sources { break-before: page; }
}
"""


def e(text: object) -> str:
    """HTML-escaped text (quotes too), invisible characters shown as ``⟨U+202E⟩``."""
    return html.escape(visible(str(text)), quote=True)


def source_html(src: Mapping[str, Any] | None, source_id: str) -> str:
    if src is None:
        return f"{e(source_id)} (source not listed)"
    bits = [f"<b>{e(src['publisher'])}</b>"]
    if src["published_label"]:
        bits.append(e(src["published_label"]))
    if src["title"]:
        bits.append(f"“{e(src['title'])}”")
    if src["author"]:
        bits.append(f"by {e(src['author'])}")
    line = ", ".join(bits)
    if src["url"]:
        line += f' <span class="url">{e(src["url"])}</span>'
    return line


def event_html(row: Mapping[str, Any], sources: Mapping[str, Mapping[str, Any]], n: int) -> str:
    rec = record(row["record"])
    out = [f'<article id="{e(row["id"])}">',
           f'<p><span class="date">{e(row["label"])}</span> '
           f'<span class="precision">({e(row["precision_words"])})</span></p>',
           f"<h2>{n}. {e(row['title'])}</h2>"]
    flags = [f.label for f in flags_of(row["status"], row["unverified"], row["disputed"])]
    if flags:
        out.append("<p>" + "".join(f'<span class="flag">{e(f)}</span>' for f in flags) + "</p>")
    facts = [f"{type_words(row['type'])}"]
    for name, values in (("actors", row["actors"]), ("people", row["people"]),
                         ("systems", row["systems"])):
        if values:
            facts.append(f"{name}: {', '.join(values)}")
    if row["value_label"]:
        facts.append(f"value: {row['value_label']}")
    out.append(f'<p class="facts">{e(" · ".join(facts))}</p>')
    if row["summary"]:
        out.append(f"<p>{e(row['summary'])}</p>")
    for sentence in dispute_sentences(row["disputes"], row["label"]):
        out.append(f'<p class="dispute">{e(sentence)}</p>')
    for ev in rec.get("evidence", []):
        out.append(f"<blockquote>“{e(ev['quote'])}”</blockquote>")
        cite = source_html(sources.get(ev["source"]), ev["source"])
        if ev.get("date_text"):
            cite += f" · date words: “{e(ev['date_text'])}”"
        said = claim_words(ev.get("claims") or {}, rec)
        if said:
            cite += f" · <b>this source says: {e(said)}</b>"
        out.append(f'<p class="cite">{cite}</p>')
    for ref in rec.get("references", []) or []:
        out.append(f'<p class="cite">Also: {source_html(sources.get(ref), ref)}</p>')
    if row["notes"]:
        out.append(f"<p><i>Curator notes:</i> {e(row['notes'])}</p>")
    out.append("</article>")
    return "\n".join(out)


def handout_html(events: pd.DataFrame, sources: pd.DataFrame, *,
                 title: str = "Arms transfers: briefing handout", view_words: str = "") -> bytes:
    """The handout for ``events`` (rows of the events frame, in the order to print).

    ``view_words`` says which view it is (e.g. the filters); it is escaped like the rest.
    """
    by_id = {s["id"]: s for s in sources.to_dict("records")} if not sources.empty else {}
    n = len(events)
    span = span_label(events)
    head = (counted(n, "event") + (f", {span}" if span else "")
            + (f". {view_words}" if view_words else "."))
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="meta">{e(head)} Dates are given at the precision the sources give '
        "(a year, a month or a day), never finer.</p>",
    ]
    cited: dict[str, None] = {}
    for i, row in enumerate(events.to_dict("records"), start=1):
        parts.append(event_html(row, by_id, i))
        rec = record(row["record"])
        for ev in rec.get("evidence", []):
            cited.setdefault(ev["source"], None)
        for ref in rec.get("references", []) or []:
            cited.setdefault(ref, None)
    if not n:
        parts.append("<p>No events in this view.</p>")
    parts.append('<section class="sources"><h2>Sources</h2><ol class="sources">')
    parts.extend(f"<li>{source_html(by_id.get(sid), sid)}</li>" for sid in cited)
    parts.append("</ol></section>")
    parts.append("</body>\n</html>\n")
    return "\n".join(parts).encode("utf-8")

"""The briefing as a PDF: the handout with the timeline picture and a one-page summary first
(Streamlit-free).

Page one: the title, what the briefing covers and when it is "as of", the timeline picture, and
the bottom line up front (every event in order, one line each, with its warnings). Then each
event with its quotes, full citations and the disagreements between sources (the handout's own
article, :func:`dashboard.handout.event_html`), then the sources. The handling line, when set,
heads and foots every page, with the page's number.

The page is built as HTML and printed by Debian's Chromium (:func:`dashboard.chromium.
print_to_pdf`): it loads nothing (the picture is inside it as an SVG data address, shown as an
image, so nothing in it runs), and every string from the file is HTML-escaped.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

from dashboard.chromium import print_to_pdf
from dashboard.handout import CSS, e, event_html, source_html
from dashboard.labels import flags_of
from dashboard.pack import Pack

PDF_CSS = """
@page { size: A4; margin: 16mm 14mm 16mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 9pt Arial, sans-serif;
                  color: #444; } }
body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
h1 { font-size: 19pt; }
.picture { width: 100%; box-sizing: border-box; margin: .2em 0 .6em;
           border: 1px solid #ccc; }
h2.bluf { font: bold 12.5pt Arial, Helvetica, sans-serif; margin: .2em 0 .3em; }
ol.bluf { margin: 0; padding-left: 2.2em; font: 10pt/1.35 Arial, Helvetica, sans-serif; }
ol.bluf li { break-inside: avoid; }
ol.bluf .when { font-weight: bold; }
ol.bluf .warn { color: #8a1c14; font-weight: bold; }
section.events { break-before: page; }
section.events > h2 { font: bold 14pt Arial, Helvetica, sans-serif; }
.no-picture { border: 2px solid #8a1c14; padding: .5em; }
"""


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: every character but letters, digits and spaces
    written as a hex escape, so nothing in it can end the string or the style sheet."""
    return '"' + "".join(ch if ch.isalnum() and ch.isascii() or ch == " "
                         else f"\\{ord(ch):06x}" for ch in text) + '"'


def _handling_css(handling: str) -> str:
    if not handling:
        return ""
    value = css_string(handling)
    box = "font: bold 9.5pt Arial, sans-serif; color: #8a1c14;"
    return (f"@page {{ @top-center {{ content: {value}; {box} }} "
            f"@bottom-center {{ content: {value}; {box} }} }}")


def _bluf_line(row: Mapping[str, Any]) -> str:
    warn = [f.word for f in flags_of(row["status"], row["unverified"], row["disputed"])]
    if int(row["n_publishers"]) <= 1:
        warn.append("single source")
    tail = f' <span class="warn">({e(", ".join(warn))})</span>' if warn else ""
    return f'<li><span class="when">{e(row["label"])}</span> — {e(row["title"])}{tail}</li>'


def briefing_html(pack: Pack, picture_svg: bytes | None) -> bytes:
    """The page that is printed (see the module's docstring), as UTF-8 HTML."""
    by_id = {s["id"]: s for s in pack.sources.to_dict("records")} if not \
        pack.sources.empty else {}
    rows = pack.events.to_dict("records")
    parts = ["<!doctype html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>{e(pack.title)}</title>",
             f"<style>{CSS}{PDF_CSS}{_handling_css(pack.handling)}</style>", "</head>",
             "<body>", f"<h1>{e(pack.title)}</h1>",
             f'<p class="meta">{e(pack.summary_words())}: {e(pack.view_words)}. As of '
             f"{e(pack.as_of_words())}. Dates are given at the precision the sources give, "
             "never finer.</p>"]
    if picture_svg is not None:
        data = base64.b64encode(picture_svg).decode("ascii")
        parts.append(f'<img class="picture" alt="{e("The timeline: " + pack.view_words)}" '
                     f'src="data:image/svg+xml;base64,{data}">')
    else:
        parts.append('<p class="no-picture">The timeline picture could not be drawn.</p>')
    if pack.changes_since:
        parts.append(f'<section class="changes"><h2>Since last briefing ({e(pack.changes_since)})'
                     "</h2>")
        for head, items in pack.changes:
            parts.append(f"<h3>{e(head)}</h3><ul>"
                         + "".join(f"<li>{e(item)}</li>" for item in items) + "</ul>")
        if not pack.changes:
            parts.append("<p>Nothing is new or different in the accepted events.</p>")
        parts.append("</section>")
    parts.append('<h2 class="bluf">Bottom line up front</h2>')
    parts.append('<ol class="bluf">' + "".join(_bluf_line(r) for r in rows) + "</ol>"
                 if rows else "<p>No events in this view.</p>")
    parts.append('<section class="events"><h2>The events, with their sources</h2>')
    parts.extend(event_html(row, by_id, n) for n, row in enumerate(rows, start=1))
    parts.append("</section>")
    parts.append('<section class="sources"><h2>Sources</h2><ol class="sources">')
    parts.extend(f"<li>{source_html(by_id.get(sid), sid)}</li>"
                 for sid in pack.cited_source_ids())
    parts.append("</ol></section>")
    parts.append("</body>\n</html>\n")
    return "\n".join(parts).encode("utf-8")


def briefing_pdf(pack: Pack, picture_svg: bytes | None) -> bytes:
    """The briefing printed to PDF; raises :class:`dashboard.chromium.ChromiumError`."""
    return print_to_pdf(briefing_html(pack, picture_svg))

"""The briefing as a PowerPoint deck, 16:9, every word real text (Streamlit-free).

Slides, in order (events + 3)::

    1        title: the title, what it covers, "as of" date and time
    2        overview: the timeline as a picture (or why it could not be drawn)
    3..n+2   one per event: headline, date as the text gives it, flags (not yet reviewed,
             unverified, single source, sources disagree: who says what), the key quote and
             its source line; speaker notes carry talking points and the full citations
    n+3      sources: every source cited, in the order first cited

Every slide carries the handling line (when set: top and bottom, as classification banners
are), the source line and its number. Text from the file goes in as text (python-pptx writes
it escaped), invisible characters shown as ``⟨U+202E⟩``; a link is added only for an http(s)
address. Sizes are chosen so that the text fits its box (:func:`fit_size`); what cannot fit
even at the smallest size is cut on the slide and given whole in the notes.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from dashboard.export import citations
from dashboard.frame import record
from dashboard.labels import counted, flags_of, type_words
from dashboard.pack import Pack
from dashboard.present import dispute_sentences, key_evidence
from dashboard.text import safe_url
from extract.timeline import visible

SLIDE_W, SLIDE_H = 13.333, 7.5  # inches: 16:9
MARGIN = 0.55
INK, MUTED, ACCENT = RGBColor(0x11, 0x11, 0x11), RGBColor(0x44, 0x44, 0x44), RGBColor(
    0xB3, 0x26, 0x1E)
FLAG_FILL = RGBColor(0xFF, 0xF1, 0xC2)
_BLANK = 6  # the default template's blank layout
QUOTE_SIZES = (28, 26, 24, 22, 20, 18, 16)
TITLE_SIZES = (34, 30, 28, 26, 24, 22)
CHAR_EM = 0.53  # the average width of a character, in ems, of the sans serif used
LINE_EM = 1.22
BOLD_EM = 0.6  # bold is wider (DejaVu Sans Bold, LibreOffice's stand-in, the widest)


def fit_size(text: str, width_in: float, height_in: float, sizes: Sequence[int], *,
             char_em: float = CHAR_EM) -> tuple[int, str]:
    """The largest of ``sizes`` (points) at which ``text`` fits a box, and the text to set.

    Lines are estimated from the average character width; at the smallest size text that
    still does not fit is cut at a word and ends with '…' (its caller gives it whole in the
    notes).

    >>> fit_size("A short quote.", 10, 2, (28, 20))
    (28, "A short quote.")
    """
    for size in sizes:
        if _lines_needed(text, width_in, size, char_em) * size * LINE_EM / 72 <= height_in:
            return size, text
    size = sizes[-1]
    per_line = max(1, int(width_in * 72 / (size * char_em)))
    lines = max(1, int(height_in * 72 / (size * LINE_EM)))
    budget = per_line * lines - per_line // 2
    cut = text[:budget].rsplit(" ", 1)[0].rstrip(" ,;:.") + " …"
    return size, cut


def quoted(text: str) -> str:
    """``text`` between quotation marks, unless it opens with one of its own.

    >>> quoted("“We sell,” he said.")
    '“We sell,” he said.'
    """
    return text if text[:1] in "“\"'‘«„" and text else f"“{text}”"


def _lines_needed(text: str, width_in: float, size: int, char_em: float) -> int:
    per_line = max(1, int(width_in * 72 / (size * char_em)))
    total = 0
    for para in text.split("\n"):
        words, line = para.split(" "), 0
        count = 1
        for word in words:
            add = len(word) + (1 if line else 0)
            if line + add > per_line and line:
                count, line = count + 1, len(word)
                count += max(0, math.ceil(len(word) / per_line) - 1)
            else:
                line += add
        total += count
    return total


def _box(slide: Slide, left: float, top: float, width: float, height: float, text: str, *,
         size: int, bold: bool = False, italic: bool = False, colour: RGBColor = INK,
         align: Any = PP_ALIGN.LEFT, anchor: Any = MSO_ANCHOR.TOP,
         links: Sequence[str | None] = (), name: str = "", fill: RGBColor | None = None) -> Any:
    """A text box holding ``text`` (one paragraph per line), as shown: invisible characters
    written out; ``links[i]`` (http(s) only) on line ``i``."""
    shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    if name:
        shape.name = name
    if fill is not None:
        shape.fill.solid()
        shape.fill.fore_color.rgb = fill
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(0.05)
    frame.margin_top = frame.margin_bottom = Inches(0.03)
    for i, line in enumerate(text.split("\n")):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.alignment = align
        run = para.add_run()
        run.text = visible(line)
        font = run.font
        font.size, font.bold, font.italic = Pt(size), bold, italic
        font.color.rgb = colour
        url = safe_url(links[i]) if i < len(links) else None
        if url:
            run.hyperlink.address = url
    return shape


def _chrome(slide: Slide, pack: Pack, number: int, total: int) -> None:
    """The handling line (top and bottom), the source line and the slide's number."""
    if pack.handling:
        for top, name in ((0.08, "handling-top"), (SLIDE_H - 0.42, "handling-bottom")):
            _box(slide, MARGIN, top, SLIDE_W - 2 * MARGIN, 0.32, pack.handling, size=12,
                 bold=True, colour=ACCENT, align=PP_ALIGN.CENTER, name=name)
    foot = SLIDE_H - 0.72 if pack.handling else SLIDE_H - 0.5
    _box(slide, MARGIN, foot, SLIDE_W - 2 * MARGIN - 1.2, 0.3,
         f"Arms-transfer timeline · as of {pack.as_of_words()}", size=11, colour=MUTED,
         name="footer")
    _box(slide, SLIDE_W - MARGIN - 1.2, foot, 1.2, 0.3, f"{number} / {total}", size=11,
         colour=MUTED, align=PP_ALIGN.RIGHT, name="slide-number")


def _top(pack: Pack) -> float:
    return 0.5 if pack.handling else 0.35


def _title_slide(slide: Slide, pack: Pack) -> None:
    top = _top(pack) + 1.6
    _box(slide, MARGIN, top, SLIDE_W - 2 * MARGIN, 1.1, pack.title, size=44, bold=True,
         name="title")
    _box(slide, MARGIN, top + 1.2, SLIDE_W - 2 * MARGIN, 0.6, pack.summary_words(), size=26,
         colour=ACCENT, name="summary")
    size, words = fit_size(pack.view_words, SLIDE_W - 2 * MARGIN, 0.9, (22, 20, 18, 16))
    _box(slide, MARGIN, top + 1.9, SLIDE_W - 2 * MARGIN, 0.9, words, size=size, colour=MUTED,
         name="view")
    _box(slide, MARGIN, top + 2.9, SLIDE_W - 2 * MARGIN, 0.5, f"As of {pack.as_of_words()}",
         size=20, name="as-of")
    _box(slide, MARGIN, top + 3.5, SLIDE_W - 2 * MARGIN, 0.8,
         "Dates are given at the precision the sources give (a year, a month or a day), never "
         "finer. Each event's slide quotes its key source; the notes give every citation.",
         size=16, colour=MUTED, name="reading")
    slide.notes_slide.notes_text_frame.text = visible(
        f"{pack.title}. {pack.summary_words()}. {pack.view_words}. As of {pack.as_of_words()}.")


def _overview_slide(slide: Slide, pack: Pack, picture: bytes | None, problem: str) -> None:
    top, width = _top(pack), SLIDE_W - 2 * MARGIN
    size, words = fit_size(f"The timeline: {pack.view_words}", width, 0.55,
                           (26, 24, 22, 20, 18, 16), char_em=BOLD_EM)
    _box(slide, MARGIN, top, width, 0.55, words, size=size, bold=True, name="title")
    area_top = top + 0.65
    area_h = SLIDE_H - (0.85 if pack.handling else 0.6) - area_top
    if picture is not None:
        pic_w = min(width, area_h * 16 / 9)
        slide.shapes.add_picture(io.BytesIO(picture), Inches((SLIDE_W - pic_w) / 2),
                                 Inches(area_top), width=Inches(pic_w))
        slide.notes_slide.notes_text_frame.text = visible(
            f"The timeline of the {pack.summary_words()}: {pack.view_words}. "
            "A filled mark is known to the day; a hollow mark on a hatched band only to the "
            "month or year. " + pack.source_line())
        return
    _box(slide, MARGIN, area_top + 0.8, width, 2.4,
         "The timeline picture could not be drawn.\n"
         f"Why: {problem}.\nThe events follow, one per slide.",
         size=22, colour=ACCENT, name="no-picture")
    slide.notes_slide.notes_text_frame.text = visible(
        f"The timeline picture could not be drawn: {problem}.")


def _changes_slide(slide: Slide, pack: Pack) -> None:
    """"Since last briefing": what is new, changed and withdrawn, by kind, one line each."""
    top, width = _top(pack), SLIDE_W - 2 * MARGIN
    bottom = SLIDE_H - (1.0 if pack.handling else 0.75)
    _box(slide, MARGIN, top, width, 0.6, "Since last briefing", size=30, bold=True,
         name="title")
    _box(slide, MARGIN, top + 0.62, width, 0.4, f"The accepted events compared with "
         f"{pack.changes_since}.", size=16, colour=MUTED, name="view")
    lines: list[str] = []
    for head, items in pack.changes:
        lines.append(head)
        lines.extend(f"• {item}" for item in items)
    text = "\n".join(lines) or "Nothing is new or different in the accepted events."
    size, words = fit_size(text, width, bottom - top - 1.15, (20, 18, 16, 14, 12, 11, 10))
    _box(slide, MARGIN, top + 1.15, width, bottom - top - 1.15, words, size=size,
         name="changes")
    slide.notes_slide.notes_text_frame.text = visible(
        f"Since {pack.changes_since}:\n{text}", keep_newlines=True)


def _flag_lines(row: Mapping[str, Any]) -> list[str]:
    """The event's warnings in words: review status, unverified, single source, and each
    disagreement with who says what."""
    lines = [f.label for f in flags_of(row["status"], row["unverified"], disputed=False)
             if f.kind != "unverified"]
    if row["unverified"]:
        lines.append("Unverified: no independent source confirms this claim")
    if int(row["n_publishers"]) <= 1:
        lines.append("Single source: " + (", ".join(row["publishers"]) or "no publisher"))
    lines.extend(dispute_sentences(row["disputes"], row["label"]))
    return lines


def _source_words(cite: Mapping[str, Any] | None, sources: Mapping[str, Any]) -> str:
    if cite is None:
        return "No quoted source."
    src = sources.get(cite["source"]) or {}
    bits = [cite["publisher"]]
    if src.get("published_label"):
        bits.append(src["published_label"])
    if cite["title"]:
        bits.append(f"“{cite['title']}”")
    return "— " + ", ".join(bits)


def _talking_points(row: Mapping[str, Any]) -> list[str]:
    summary = " ".join(str(row["summary"]).split())
    if not summary:
        return [f"{row['title']} ({row['label']})."]
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])", summary) if s]


def event_notes(row: Mapping[str, Any], cites: Sequence[Mapping[str, Any]],
                sources: Mapping[str, Any]) -> str:
    """The speaker notes of an event: talking points from the summary, cautions, then every
    citation in full (publisher, title, date, address, the exact quote and its date words)."""
    lines = ["Talking points:"] + [f"- {s}" for s in _talking_points(row)]
    lines += [f"- Caution: {f}." for f in _flag_lines(row)]
    lines.append("")
    lines.append("Citations:")
    for n, c in enumerate(cites, start=1):
        src = sources.get(c["source"]) or {}
        head = [c["publisher"]]
        if c["title"]:
            head.append(f"“{c['title']}”")
        if src.get("author"):
            head.append(f"by {src['author']}")
        head.append(f"published {src.get('published_label') or c['published'] or 'date unknown'}")
        lines.append(f"[{n}] " + ", ".join(head) + ". " + (c["url"] or "No address."))
        if c["kind"] == "evidence":
            lines.append(f"    Quote: “{c['quote']}”")
            if c["date_words"]:
                lines.append(f"    Date words: “{c['date_words']}”")
            if c["this_source_says"]:
                lines.append(f"    This source says: {c['this_source_says']}")
        else:
            lines.append("    Further source (cited, not quoted).")
    if row["notes"]:
        lines += ["", f"Curator notes: {row['notes']}"]
    lines += ["", f"Event id: {row['id']} · status: {row['status']}"]
    return "\n".join(visible(line) for line in lines)


def _event_slide(slide: Slide, pack: Pack, row: Mapping[str, Any],
                 sources: Mapping[str, Any]) -> None:
    rec = record(row["record"])
    cites = citations(rec, sources)
    top, width = _top(pack), SLIDE_W - 2 * MARGIN
    bottom = SLIDE_H - (1.0 if pack.handling else 0.75)
    size, title = fit_size(row["title"], width, 1.1, TITLE_SIZES, char_em=BOLD_EM)
    _box(slide, MARGIN, top, width, 1.1, title, size=size, bold=True, name="title",
         anchor=MSO_ANCHOR.BOTTOM)
    _box(slide, MARGIN, top + 1.15, width, 0.45,
         f"{row['label']} · {row['precision_words']} · {type_words(row['type'])}", size=20,
         bold=True, colour=ACCENT, name="date")
    y = top + 1.7
    flags = _flag_lines(row)
    if flags:
        flag_h = min(1.5, 0.1 + 0.34 * len(flags) + 0.2 * sum(len(f) > 110 for f in flags))
        size, words = fit_size("\n".join(flags), width - 0.1, flag_h, (16, 14, 13, 12))
        _box(slide, MARGIN, y, width, flag_h, words, size=size, name="flags", fill=FLAG_FILL)
        y += flag_h + 0.2
    key = key_evidence(rec)
    cite = next((c for c in cites if key is not None and c["kind"] == "evidence"
                 and c["source"] == key["source"] and c["quote"] == key["quote"]), None)
    quote_h = bottom - 1.0 - y
    if cite is not None:
        size, quote = fit_size(quoted(cite["quote"]), width - 0.3, quote_h, QUOTE_SIZES)
        bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(MARGIN), Inches(y),
                                     Inches(0.08), Inches(quote_h))
        bar.fill.solid()
        bar.fill.fore_color.rgb = ACCENT
        bar.line.fill.background()
        _box(slide, MARGIN + 0.25, y, width - 0.25, quote_h, quote, size=size, italic=True,
             name="quote", anchor=MSO_ANCHOR.MIDDLE)
    size, words = fit_size(_source_words(cite, sources), width, 0.5, (18, 16, 14))
    _box(slide, MARGIN + 0.25, bottom - 0.95, width - 0.25, 0.5, words, size=size,
         colour=MUTED, links=[cite["url"] if cite else None], name="source")
    others = [p for p in row["publishers"] if cite is None or p != cite["publisher"]]
    more = (f"Also: {', '.join(others)} · " if others else "") + (
        f"{counted(len(cites), 'citation')} in the notes")
    _box(slide, MARGIN + 0.25, bottom - 0.45, width - 0.25, 0.35, more, size=13,
         colour=MUTED, name="more")
    slide.notes_slide.notes_text_frame.text = event_notes(row, cites, sources)


def _source_entry(src: Mapping[str, Any] | None, sid: str) -> str:
    if src is None:
        return f"{sid} (source not listed)"
    bits = [src["publisher"]]
    if src["published_label"]:
        bits.append(src["published_label"])
    if src["title"]:
        bits.append(f"“{src['title']}”")
    return ", ".join(bits)


def _sources_slide(slide: Slide, pack: Pack, sources: Mapping[str, Any]) -> None:
    top, width = _top(pack), SLIDE_W - 2 * MARGIN
    bottom = SLIDE_H - (1.0 if pack.handling else 0.75)
    ids = pack.cited_source_ids()
    _box(slide, MARGIN, top, width, 0.6, "Sources", size=30, bold=True, name="title")
    _box(slide, MARGIN, top + 0.62, width, 0.4,
         f"{counted(len(ids), 'source')} cited, in the order first cited; the notes give "
         "each address.", size=16, colour=MUTED, name="view")
    entries = [f"{n}. {_source_entry(sources.get(sid), sid)}" for n, sid in
               enumerate(ids, start=1)] or ["No sources cited."]
    links = [(sources.get(sid) or {}).get("url") for sid in ids]
    columns = 1 if len(entries) <= 8 else 2
    per = math.ceil(len(entries) / columns)
    col_w, y = (width - 0.3 * (columns - 1)) / columns, top + 1.15
    parts = [entries[c * per:(c + 1) * per] for c in range(columns)]
    sizes = (18, 16, 14, 12, 11, 10)
    size = min(fit_size("\n".join(part), col_w, bottom - y, sizes)[0] for part in parts)
    for c, part in enumerate(parts):
        words = fit_size("\n".join(part), col_w, bottom - y, sizes[sizes.index(size):])[1]
        _box(slide, MARGIN + c * (col_w + 0.3), y, col_w, bottom - y, words, size=size,
             links=links[c * per:(c + 1) * per], name=f"sources-{c + 1}")
    notes = [f"{n}. {_source_entry(sources.get(sid), sid)}. "
             f"{(sources.get(sid) or {}).get('url') or 'No address.'}"
             for n, sid in enumerate(ids, start=1)]
    slide.notes_slide.notes_text_frame.text = visible("\n".join(notes) or "No sources cited.",
                                                      keep_newlines=True)


def deck_pptx(pack: Pack, *, picture: bytes | None, problem: str = "") -> bytes:
    """The deck of ``pack`` as .pptx bytes (slides: the module's docstring).

    ``picture`` is the timeline as PNG (16:9); without it, ``problem`` says why on the
    overview slide.
    """
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # PowerPoint's 16:9
    prs.core_properties.title = visible(pack.title)
    prs.core_properties.subject = visible(f"{pack.summary_words()}: {pack.view_words}")
    layout = prs.slide_layouts[_BLANK]
    sources = {s["id"]: s for s in pack.sources.to_dict("records")} if not \
        pack.sources.empty else {}
    rows = pack.events.to_dict("records")
    total = len(rows) + 3 + bool(pack.changes_since)
    _title_slide(prs.slides.add_slide(layout), pack)
    _overview_slide(prs.slides.add_slide(layout), pack, picture, problem)
    if pack.changes_since:
        _changes_slide(prs.slides.add_slide(layout), pack)
    for row in rows:
        _event_slide(prs.slides.add_slide(layout), pack, row, sources)
    _sources_slide(prs.slides.add_slide(layout), pack, sources)
    for number, slide in enumerate(prs.slides, start=1):
        _chrome(slide, pack, number, total)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()

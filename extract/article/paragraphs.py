"""Cutting a text into paragraph spans (:func:`_segment`): one per line, or blank-line
separated blocks when a .txt file is hard-wrapped, with Markdown's headings and list items
apart and a front matter block as one."""

from __future__ import annotations

import logging
import re

from extract.dates.fastre import fast_compile

# the package's logger, as before it was split: log lines name extract.article
logger = logging.getLogger("extract.article")


_RE_LINE_TEXT = fast_compile(r"\S(?:[^\n]*\S)?")  # a line's text, white space around it excluded
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_LOWER_COMMA = _LOWER | {",", ";"}


def _txt_lines(text: str) -> list[tuple[int, int, str]] | None:
    """The paragraphs of a .txt file that is not hard-wrapped (one per non-blank line), or
    None when it may be: then :func:`_segment` decides on the whole rule."""
    spans = [m.span() for m in _RE_LINE_TEXT.finditer(text)]
    mid = total = 0
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        if text.count("\n", end, start) == 1:  # the next line, no blank line between
            total += 1
            if text[end - 1] in _LOWER_COMMA and text[start] in _LOWER:
                mid += 1
    if mid >= 2 and mid >= 0.3 * max(total, 1):
        return None
    logger.debug("hard-wrapped=False (mid-sentence breaks %d of %d)", mid, total)
    return [(a, b, "") for a, b in spans]


# a page's date as a web store records it, ahead of the text: " date 2024-02-16 Azerbaijani
# President ..." (metadata: the publication date, not a happening of the text)
_STORE_STAMP = fast_compile(r"date[ \t]+(?P<date>\d{4}-\d\d(?:-\d\d)?)(?![\d:-])[ \t]*")


def _segment(text: str, fmt: str) -> list[tuple[int, int, str]]:
    """Paragraph spans ``(start, end, kind_hint)`` with surrounding whitespace excluded; a
    leading store stamp (``date YYYY-MM-DD``, or ``date YYYY-MM`` where the store knows only the
    month) is a paragraph of its own, of kind "stamp"."""
    spans = _segment_blocks(text, fmt)
    if spans and not spans[0][2]:
        a, b, _hint = spans[0]
        m = _STORE_STAMP.match(text, a, b)
        if m is not None:
            rest = m.end()
            stamp = (a, a + len(m.group(0).rstrip()), "stamp")
            return [stamp, (rest, b, "")] + spans[1:] if rest < b else [stamp] + spans[1:]
    return spans


def _ends_paragraph(prev: str, line: str, width: int) -> bool:
    """In hard-wrapped text, whether ``prev`` is the last line of its paragraph (``line`` the
    first of the next): a line well short of the wrap width, not broken at a comma, before one
    that starts like a sentence; or a headline in capitals ("AZERBAIJAN SPENT $1.6 BLN ON
    ISRAELI ARMS IN 2011", then "RIA Novosti", then "27/03/2012", then the text)."""
    prev, line = prev.strip(), line.strip()
    if not prev or not line:
        return False
    if _capitals(prev) or _capitals(line):
        return True
    return (len(prev) < 0.6 * width and not re.search(r"[,;:\-–—(]$", prev)
            and re.match(r"[A-Z0-9\"“'‘(]", line) is not None)


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def _segment_blocks(text: str, fmt: str) -> list[tuple[int, int, str]]:
    """Paragraph spans ``(start, end, kind_hint)`` with surrounding whitespace excluded."""
    if fmt == "txt":
        lines_only = _txt_lines(text)
        if lines_only is not None:
            return lines_only
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1

    def strip_span(a: int, b: int) -> tuple[int, int] | None:
        seg = text[a:b]
        if not seg.strip():
            return None
        return a + len(seg) - len(seg.lstrip()), b - (len(seg) - len(seg.rstrip()))

    out: list[tuple[int, int, str]] = []
    first = 0
    if fmt == "md" and text.startswith("---\n"):
        close = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.M)
        if close:
            end = 4 + close.end()
            out.append((0, end, "front-matter"))
            while first < len(lines) and lines[first][0] < end:
                first += 1

    # blocks of consecutive non-blank lines
    blocks: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for a, b in lines[first:]:
        if text[a:b].strip():
            cur.append((a, b))
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)

    wrapped = fmt == "md"
    if fmt == "txt":
        mid = total = 0
        longest = 0
        for blk in blocks:
            for (a1, b1), (a2, b2) in zip(blk, blk[1:], strict=False):
                total += 1
                prev, nxt = text[a1:b1].rstrip(), text[a2:b2].lstrip()
                if re.search(r"[a-z,;]$", prev) and re.match(r"[a-z]", nxt):
                    mid += 1
            longest = max([longest] + [b - a for a, b in blk])
        wrapped = mid >= 2 and mid >= 0.3 * max(total, 1) and longest <= 120
        logger.debug("hard-wrapped=%s (mid-sentence breaks %d of %d)", wrapped, mid, total)

    md_break = re.compile(r"\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\|)")
    for blk in blocks:
        if not wrapped:
            groups = [[ln] for ln in blk]
        else:
            groups = []
            for ln in blk:
                line = text[ln[0] : ln[1]]
                prev_heading = groups and re.match(
                    r"\s*#{1,6}\s", text[groups[-1][-1][0] : groups[-1][-1][1]]
                )
                if not groups or (fmt == "md" and (md_break.match(line) or prev_heading)) or (
                        fmt == "txt" and _ends_paragraph(text[groups[-1][-1][0]:groups[-1][-1][1]],
                                                         line, longest)):
                    groups.append([ln])
                else:
                    groups[-1].append(ln)
        for g in groups:
            sp = strip_span(g[0][0], g[-1][1])
            if sp:
                out.append((sp[0], sp[1], ""))
    return out

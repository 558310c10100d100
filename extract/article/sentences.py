"""Splitting text into sentences (:func:`split_sentences`), with offsets, minding abbreviations,
initials, decimals and closing quotes."""

from __future__ import annotations

import re

from extract.dates.fastre import fast_compile

_ABBR_STRONG = set(
    "adm al amb approx art brig ca capt cdr cf cmdr col cpl cpt dept dr est fig figs ft gen "
    "gov hon lt maj messrs mr mrs ms mt no nos op p para pp pres prof pvt rep res ret rev sec "
    "sen sgt st v vol vs ".split()
)
_ABBR_WEAK = set(
    "apr aug bros co corp dec etc feb inc jan jr jul jun llc ltd mar nov oct plc sep "
    "sept sr ".split()
)
_STARTERS = set(
    "a according after an and as at before but for he her his however i if in it its "
    "meanwhile on other she that the their there these they this those we when while ".split()
)
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_RE_BOUNDARY = fast_compile(r"([.!?…]+)([\"'”’)\]»]*)(\s+)")
_RE_BLANKLINE = fast_compile(r"\n[^\S\n]*\n\s*")
# a full stop with a capitalised word right after it: the quick test before _RE_GLUED
_RE_GLUE_HINT = fast_compile(r"[a-z]\.[A-Z][a-z]")
# a word of three lower-case letters or more, a full stop and a capitalised word, with no space
_RE_GLUED = fast_compile(r"(?<![\w.])[A-Za-z]?[a-z]{2,}[a-z]\.(?=[A-Z][a-z]{2,}\b)")


_RE_TOKEN_END = fast_compile(r"[\w.’'-]+$")
_RE_TOKEN = fast_compile(r"[\w.’'-]+")  # on the text reversed: the token before a point


def _token_before(seg: str, end: int) -> str:
    """The token ending at ``end``: what ``_RE_TOKEN_END`` finds there (the longest run of
    word characters, points, apostrophes and hyphens), read backwards from ``end`` instead of
    tried at every position before it."""
    if end <= 0:
        return ""
    if seg[end - 1] == "\n":  # "$" also matches before a final newline: the regex knows
        lo = max(0, end - 64)
        tok_m = _RE_TOKEN_END.search(seg, lo, end)
        if tok_m and lo and tok_m.start() == lo:
            tok_m = _RE_TOKEN_END.search(seg, 0, end)
        return tok_m.group() if tok_m else ""
    lo = end - 64
    back = _RE_TOKEN.match(seg[end - 1:lo - 1 if lo > 0 else None:-1])
    if back is None:
        return ""
    n = back.end()
    if lo > 0 and n == 64:  # a longer token than the window
        n = _RE_TOKEN.match(seg[end - 1::-1]).end()  # type: ignore[union-attr]
    return seg[end - n:end]
_RE_WORD_START = fast_compile(r"[\w’'-]+")
_RE_INITIAL = fast_compile(r"[A-Z]")
_RE_DOTTED = fast_compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def _is_boundary(seg: str, m: re.Match[str]) -> bool:
    nxt_i = m.end()
    if nxt_i >= len(seg):
        return True
    nxt = seg[nxt_i]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    punct, closers = m.group(1), m.group(2)
    if punct != "." or (closers and any(c in closers for c in "\"'”’»")):
        return True
    token = _token_before(seg, m.start())  # the word before the full stop
    word_m = _RE_WORD_START.match(seg, nxt_i)
    next_word = (word_m.group() if word_m else "").lower()
    low = token.lower()
    if low in _ABBR_STRONG:
        return False
    weak = (
        low in _ABBR_WEAK
        or _RE_INITIAL.fullmatch(token) is not None  # initial: "B. Gantz"
        or _RE_DOTTED.fullmatch(token) is not None  # U.S, e.g
    )
    if weak:
        if nxt.isdigit():
            return False
        return next_word in _STARTERS
    return True


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return ``(start, end)`` offsets shifted by ``start``.

    Spans exclude surrounding whitespace, are ordered and never overlap.  A blank line is
    always a boundary.  Abbreviations ("Maj. Gen. (Res.)", "Brig. Gen.", "Sep. 3", "B. Gantz",
    "U.S."), decimals and quotes ending in ``."``/``.”`` are handled.  Never raises on str.
    """
    spans: list[tuple[int, int]] = []
    if not text:
        return spans
    blocks: list[tuple[int, int]] = []
    pos = 0
    if "\n" in text:
        for bm in _RE_BLANKLINE.finditer(text):
            blocks.append((pos, bm.start()))
            pos = bm.end()
    blocks.append((pos, len(text)))

    glued = "." in text and _RE_GLUE_HINT.search(text) is not None  # once a text: rare

    def add(a: int, b: int) -> None:
        seg = text[a:b]
        left = seg.lstrip()
        if not left:
            return
        a, b = a + len(seg) - len(left), b - len(left) + len(left.rstrip())
        if glued and _RE_GLUE_HINT.search(text, a, b):
            # a full stop with no space after it: "... between the U.S. and China.The Trump
            # administration said ...", as some pages are scraped
            for g in _RE_GLUED.finditer(text, a, b):
                if _token_before(text, g.start()).lower() not in _ABBR_STRONG | _ABBR_WEAK:
                    spans.append((start + a, start + g.end()))
                    a = g.end()
        spans.append((start + a, start + b))

    for b0, b1 in blocks:
        seg = text[b0:b1]
        cur = 0
        for m in _RE_BOUNDARY.finditer(seg):
            if _is_boundary(seg, m):
                add(b0 + cur, b0 + m.start(3))
                cur = m.end()
        add(b0 + cur, b1)
    return spans

"""Dates inside a quotation are the speaker's: "yesterday" in a remark made on Aug 10 is Aug 9,
whatever day the article appeared.

A quotation ("…" or “…", thirty characters or more, its marks paired by where they stand)
whose speaking is dated — the attribution beside it names a date ("…," he told Army radio on
Aug 10), or the quotation continues the previous paragraph's dated one, or the attribution
("He stated, “…”") follows a sentence that dates the same speaker's saying ("the next month,
the minister stated that …") — has its relative dates resolved again against the day of
speaking, at the precision that day is known ("yesterday" in a remark dated only to December
2017 is a day of December nobody can name: no value). Dates written out in full inside the
quotation do not change.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extract.dates.fastre import fast_compile
from extract.dates.tense import _SENT_BREAK
from extract.dates.timex import DateMention, _asdict

# a quotation mark that opens (at the start, after a space or an opening bracket or dash) and
# one that closes (before a space, punctuation or the end); straight quotes pair only so
_OPEN = fast_compile(r"(?:(?<=[\s(\[—–-])|^)[\"“](?=\S)")
_CLOSE = fast_compile(r"(?<=\S)[\"”](?=[\s,.;:!?)\]—–-]|$)")
_MIN_QUOTE = 30
_SAYS = fast_compile(r"(?i)\b(?:said|says|say|told|tells|stated|states|wrote|writes|added|adds|"
                     r"declared|announced|remarked|noted|insisted|recalled|explained|described|"
                     r"according\s+to|quoted)\b")
_REACH = 160  # characters beside a quotation where its attribution is looked for


Finder = Callable[[str, str], list[DateMention]]


def requote(text: str, out: list[DateMention], published: str | None,
            find: Finder) -> list[DateMention]:
    """``out`` with the relative dates inside dated quotations resolved again by ``find(text,
    day_of_speaking)``."""
    if '"' not in text and "“" not in text:
        return out
    out = list(out)  # the caller's list is not changed
    last: tuple[int, str] | None = None  # (end of the quotation, its day of speaking)
    for qs, qe in _quotations(text):
        spoken = _day_of_speaking(text, out, qs, qe, last)
        last = (qe, spoken) if spoken else None
        inner = [i for i, m in enumerate(out) if qs <= m.start and m.end <= qe and m.relative]
        if not spoken or spoken == published or not inner:
            continue
        again = {(m.start + qs, m.end + qs): m for m in find(text[qs:qe], spoken)}
        for i in inner:
            m = out[i]
            new = again.get((m.start, m.end))
            if new is not None:
                out[i] = DateMention(**{**_asdict(new), "start": m.start, "end": m.end,
                                        "text": m.text})
            else:
                out[i] = DateMention(**{**_asdict(m), "value": None, "end_value": None})
    return out


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans of the quotations of ``text`` (an opening mark to the next closing one in
    its paragraph), thirty characters or more."""
    out = []
    pos = 0
    while True:
        o = _OPEN.search(text, pos)
        if o is None:
            return out
        para = text.find("\n\n", o.end())
        c = _CLOSE.search(text, o.end(), len(text) if para < 0 else para)
        if c is None:
            pos = o.end()
            continue
        if c.end() - o.start() >= _MIN_QUOTE and _OPEN.search(text, o.end(), c.start()) is None:
            out.append((o.start(), c.end()))
        pos = c.end()


def _day_of_speaking(text: str, out: list[DateMention], qs: int, qe: int,
                     last: tuple[int, str] | None) -> str | None:
    """The value of the date the quotation at ``qs:qe`` was spoken on, or None."""
    after = text[qe:qe + _REACH]
    brk = _SENT_BREAK.search(after)
    tail_end = qe + (brk.start() + 1 if brk else len(after))
    if _SAYS.search(text, qe, tail_end):
        d = _date_in(out, qe, tail_end, text)
        if d is not None:
            return d
    head = text[max(0, qs - _REACH):qs]
    breaks = [m.end() for m in _SENT_BREAK.finditer(head)]
    head_start = qs - len(head) + (breaks[-1] if breaks else 0)
    if _SAYS.search(text, head_start, qs):
        d = _date_in(out, head_start, qs, text)
        if d is not None:
            return d
        if re.fullmatch(r"[^\"“”]*?\b(?:he|she|they|it|the\s+\w+)\s+\w+ed,?\s*",
                        text[head_start:qs], re.I):
            # "He stated, “…”": the sentence before dates the same saying
            prev = text[max(0, head_start - _REACH):head_start]
            pbreaks = [m.end() for m in _SENT_BREAK.finditer(prev.rstrip())]
            prev_start = head_start - len(prev) + (pbreaks[-1] if pbreaks else 0)
            if _SAYS.search(text, prev_start, head_start):
                return _date_in(out, prev_start, head_start, text)
    if last is not None and not text[last[0]:qs].strip(" \t\n"):
        return last[1]  # the same speaker's quotation, continued in the next paragraph
    if last is not None and re.fullmatch(r"[,.]?[^\"“”\n]*\n\s*", text[last[0]:qs]):
        return last[1]  # "…," the minister told the radio on Aug 10.\n\n"…"
    return None


def _date_in(out: list[DateMention], start: int, end: int, text: str) -> str | None:
    """The value of the last dated mention between ``start`` and ``end`` that is near a
    reporting verb (the date of the saying, not of something the attribution mentions)."""
    says = [(m.start(), m.end()) for m in _SAYS.finditer(text, start, end)]
    found = [m for m in out if start <= m.start and m.end <= end and m.value
             and m.type in ("DATE", "TIME") and not m.value.endswith("_REF")
             and m.value[:4].isdigit()
             and any(abs(m.start - b) <= _NEAR or abs(a - m.end) <= _NEAR for a, b in says)]
    return found[-1].value[:10] if found else None


_NEAR = 60  # characters between a reporting verb and the date of its saying

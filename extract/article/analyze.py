"""Reading an article's paragraphs (:func:`_analyze`): which is the title, where the body
starts, what the header says (author, publication date) and which paragraphs are furniture."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from extract.article.furniture import (
    _RE_LIST_HEAD,
    _RE_LIST_INLINE,
    _RE_TAIL,
    _RE_WIRE_DATELINE,
    _bio_name,
    _byline_name,
    _caption,
    _chrome,
    _is_prose,
    _name_only,
    _plain,
    _terminal_end,
    _timestamp_only,
)
from extract.article.model import Paragraph
from extract.article.paragraphs import _segment
from extract.article.published import (
    _UPDATE_CUT,
    _date_dominant,
    _DateHit,
    _find_date,
    _is_us_style,
    _other_reading,
    normalize_published,
)
from extract.article.sentences import split_sentences
from extract.dates.fastre import fast_compile

# the package's logger, as before it was split: log lines name extract.article
logger = logging.getLogger("extract.article")


_RE_PUBLISHED = fast_compile(r"(?:published|posted)\b", re.I)


@dataclass
class _Analysis:
    paragraphs: list[Paragraph]
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_text: str | None = None
    publisher: str | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)


class _Lines:
    """A text's paragraph spans, their text without Markdown decoration (``plain``) and their
    kinds so far (None: not decided yet), with the tests the steps below ask of a paragraph."""

    def __init__(self, text: str, fmt: str):
        self.text = text
        self.spans = _segment(text, fmt)
        self.raw = [text[a:b] for a, b, _ in self.spans]
        self.plain = [_plain(r) for r in self.raw]
        self.n = len(self.spans)
        self._stamps: dict[int, bool] = {}
        self._datelines: dict[int, bool] = {}
        self._bylines: dict[int, bool] = {}
        self.kinds: list[str | None] = [None] * self.n
        for i, (_, _, hint) in enumerate(self.spans):
            p = self.plain[i]
            if hint:
                self.kinds[i] = hint
            elif _chrome(p):
                self.kinds[i] = "chrome"
            elif _caption(p):
                self.kinds[i] = "caption"

    def timestamp_only(self, i: int) -> bool:  # asked up to three times per paragraph
        if i not in self._stamps:
            self._stamps[i] = _timestamp_only(self.plain[i])
        return self._stamps[i]

    def is_dateline(self, i: int) -> bool:  # asked by the title, header and body steps
        got = self._datelines.get(i)
        if got is None:
            p = _UPDATE_CUT.split(self.plain[i], maxsplit=1)[0]
            hit = _find_date(p)
            got = self._datelines[i] = bool(hit) and _date_dominant(p, hit)
        return got

    def is_byline(self, i: int) -> bool:  # asked by the title and body steps
        got = self._bylines.get(i)
        if got is None:
            got = self._bylines[i] = (_byline_name(self.plain[i]) is not None
                                      and not _is_prose(self.plain[i]))
        return got


def _analyze(
    text: str, fmt: str, *, html: bool = False, known_title: str | None = None
) -> _Analysis:
    t = _Lines(text, fmt)
    res = _Analysis(paragraphs=[])
    for i in range(t.n):
        if t.kinds[i] == "front-matter":
            res.front_matter = _front_matter(t.raw[i])
    title_idx = _find_title(t, fmt, html=html, known_title=known_title)
    body_start = _find_body_start(t, title_idx, html=html)
    us = functools.cache(lambda: _is_us_style(text))  # only an ambiguous "05/10/2022" asks
    author, date_cands = _read_header(t, title_idx, body_start, us)
    _read_wire_dateline(t, body_start, us, date_cands)
    author = _read_body(t, body_start, author)

    if title_idx is not None and title_idx >= body_start:
        t.kinds[title_idx] = "body"  # the only text line is body, not a title
        title_idx = None
    res.paragraphs = [
        Paragraph(a, b, text[a:b], t.kinds[i] != "body", t.kinds[i] or "body")
        for i, (a, b, _) in enumerate(t.spans)
    ]
    if title_idx is not None:
        res.title = t.plain[title_idx]
    res.author = author
    if date_cands:
        after = [c for c in date_cands if title_idx is None or c[0] > title_idx]
        i, hit = (after or date_cands)[0]
        stamp = t.plain[0].split()[-1] if t.n and t.kinds[0] == "stamp" else None
        agreed = [c for c in date_cands if c[1].value == stamp]
        if stamp is not None and hit.value != stamp and agreed:
            # "Monday, September 5, 2016" above the title, "DEFENSE WORLD - September 4, 2016"
            # (a reprint's line) below it, the store's "date 2016-09-05": the one it agrees with
            i, hit = agreed[0]
        res.published, res.published_text = hit.value, hit.text
        if t.n and t.kinds[0] == "stamp" and _other_reading(hit) == t.plain[0].split()[-1]:
            # "2/11/2024 10:12:07 AM" under the store's "date 2024-02-11": the stamp tells
            # which way round the numbers go
            res.published = _other_reading(hit)
        logger.debug("published %s from paragraph %d: %r", hit.value, i, hit.text)
    if res.published is None:
        _read_published_line(t, body_start, us, res)
    if res.published is None and t.n and t.kinds[0] == "stamp":
        # no date in the header or a dateline: the store's record of the page's date
        res.published = t.plain[0].split()[-1]
        res.published_text = t.raw[0]
        logger.debug("published %s from the store stamp %r", res.published, t.raw[0])
    _apply_front_matter(res)
    return res


def _find_title(t: _Lines, fmt: str, *, html: bool, known_title: str | None) -> int | None:
    """The title paragraph: a Markdown ``#`` heading, the title the page gave, else the first
    line among the first 15 that is not furniture, a date line or a byline; None if none."""
    limit = min(t.n, 15)
    if fmt == "md":
        for i in range(limit):
            if re.match(r"#\s", t.raw[i]) and t.kinds[i] is None:
                return i
    if known_title:
        kt = " ".join(known_title.split()).lower()
        for i in range(min(t.n, 5)):
            if t.plain[i].lower() == kt:
                return i
    if html:
        return None
    for i in range(limit):
        p = t.plain[i]
        if t.kinds[i] is not None or t.is_dateline(i) or t.is_byline(i) or t.timestamp_only(i):
            continue
        if len(p.split()) < 3 or (p.isupper() and len(p.split()) < 4):
            continue
        if _RE_TAIL.fullmatch(p) or _RE_LIST_HEAD.fullmatch(p):
            continue
        if len(p) > 250 or len(split_sentences(p)) > 2 or (_is_prose(p) and p.endswith(".")):
            return None  # the text starts with prose: no title line
        return i
    return None


def _find_body_start(t: _Lines, title_idx: int | None, *, html: bool) -> int:
    """The first body paragraph: the first prose after the title (HTML: the first that is not
    a header line), else the first undecided line of four words or more; ``t.n`` if none."""
    first = (title_idx + 1) if title_idx is not None else 0
    for i in range(first, t.n):
        if t.kinds[i] is not None or t.is_byline(i) or _bio_name(t.plain[i]):
            continue
        if html:
            if t.is_dateline(i) or _name_only(t.plain[i]):
                continue
            return i
        if _is_prose(t.plain[i]) and not t.is_dateline(i):
            return i
    for i in range(first, t.n):
        p = t.plain[i]
        if (t.kinds[i] is None and not t.is_byline(i) and not t.is_dateline(i)
                and len(p.split()) >= 4):
            return i
    if title_idx is not None and not html:
        return title_idx  # a one-line text: its only line is both title and body
    return t.n


def _read_header(t: _Lines, title_idx: int | None, body_start: int,
                 us: Callable[[], bool]) -> tuple[str | None, list[tuple[int, _DateHit]]]:
    """Mark the kind of each header line (before the body) and read the author and the
    candidate publication dates (paragraph index, date) there."""
    author: str | None = None
    date_cands: list[tuple[int, _DateHit]] = []
    kinds, plain = t.kinds, t.plain
    for i in range(body_start):
        p = plain[i]
        if kinds[i] is not None:
            continue
        if i == title_idx:
            kinds[i] = "title"
            continue
        name = _byline_name(p)
        if name and not _is_prose(p):
            kinds[i] = "byline"
            author = author or name
        elif _bio_name(p):
            kinds[i] = "byline"
            author = author or _bio_name(p)
        elif t.is_dateline(i) or t.timestamp_only(i):
            kinds[i] = "dateline"
        elif title_idx is not None and i > title_idx and _name_only(p):
            kinds[i] = "byline"
            author = author or p
        else:
            kinds[i] = "header"
        if kinds[i] in ("byline", "dateline") or _RE_PUBLISHED.match(p):
            cut = _UPDATE_CUT.split(p, maxsplit=1)[0]
            hit = _find_date(cut, us)
            if hit and (
                kinds[i] == "byline"
                or _date_dominant(cut, hit)
                or _RE_PUBLISHED.match(p)
            ):
                date_cands.append((i, hit))
    return author, date_cands


# "First Published: Apr 21 2024 | 3:09 PM IST" below the body (a page that prints its date at
# the foot): a line that says so and is little else
_RE_PUBLISHED_LINE = fast_compile(r"(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s*",
                                  re.I)


def _read_published_line(t: _Lines, body_start: int, us: Callable[[], bool],
                         res: _Analysis) -> None:
    """With no date in the header or a dateline: a "Published: <date>" line anywhere."""
    for i in range(body_start, t.n):
        p = t.plain[i]
        m = _RE_PUBLISHED_LINE.match(p)
        if m is None or len(p) > 80:
            continue
        hit = _find_date(p[m.end():], us)
        if hit and _date_dominant(p[m.end():], hit):
            res.published, res.published_text = hit.value, hit.text
            logger.debug("published %s from the line %r", hit.value, p)
            return


def _read_wire_dateline(t: _Lines, body_start: int, us: Callable[[], bool],
                        date_cands: list[tuple[int, _DateHit]]) -> None:
    """A wire dateline opening the body ("BAKU, May 31, 2023 - ...") adds its date."""
    if body_start < t.n and t.kinds[body_start] is None:
        m = _RE_WIRE_DATELINE.match(t.plain[body_start])
        if m:
            hit = _find_date(m["date"], us)
            if hit and len(m["date"].strip()) - len(hit.text) < 12:
                date_cands.append((body_start, hit))


def _read_body(t: _Lines, body_start: int, author: str | None) -> str | None:
    """Mark each paragraph from the body start on as body or furniture (a closing heading
    makes the rest related links; a list heading the headlines after it, until prose
    resumes); return the author, from an author note when the header named none."""
    kinds, plain, n = t.kinds, t.plain, t.n
    mode = "body"
    for i in range(body_start, n):
        p = plain[i]
        if kinds[i] is not None:
            continue
        if mode == "tail":
            kinds[i] = "related"
            continue
        if _RE_TAIL.fullmatch(p):
            kinds[i] = "related"
            mode = "tail"
            continue
        if _RE_LIST_HEAD.fullmatch(p):
            kinds[i] = "related"
            mode = "list"
            continue
        if _RE_LIST_INLINE.fullmatch(p) and not _is_prose(p):
            kinds[i] = "related"
            continue
        if t.timestamp_only(i):
            kinds[i] = "related"
            if mode == "body" and i > body_start:
                _mark_headlines_above(t, i, body_start)
            mode = "list"
            continue
        bio = _bio_name(p)
        if bio and i > body_start:
            kinds[i] = "byline"
            author = author or bio
            continue
        if mode == "list":
            nxt_ts = i + 1 < n and t.timestamp_only(i + 1)
            if len(p) >= 120 and _terminal_end(p) and not nxt_ts:
                mode = "body"
            else:
                kinds[i] = "related"
                continue
        kinds[i] = "body"
    return author


def _mark_headlines_above(t: _Lines, i: int, body_start: int) -> None:
    """The headline(s) just above a lone timestamp at ``i`` are related links too."""
    j = i - 1
    while j > body_start and t.kinds[j] == "body" and not _terminal_end(t.plain[j]):
        t.kinds[j] = "related"  # the headline(s) above a timestamp
        j -= 1
        if len(t.plain[j + 1]) > 200:
            break


def _apply_front_matter(res: _Analysis) -> None:
    """A Markdown front matter's title, author, publisher and date win over the text's."""
    fm = res.front_matter
    if fm:
        res.title = _str(fm.get("title")) or res.title
        res.author = _str(fm.get("author")) or res.author
        res.publisher = _str(fm.get("publisher") or fm.get("source")) or None
        for key in ("published", "date"):
            if fm.get(key) is not None:
                try:
                    res.published = normalize_published(fm[key])
                    res.published_text = str(fm[key])
                except ValueError:
                    logger.debug("front matter date %r ignored", fm[key])
                break


def _str(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, list):
        v = ", ".join(str(x) for x in v)
    s = " ".join(str(v).split())
    return s or None


def _front_matter(block: str) -> dict[str, Any]:
    import yaml

    body = block.strip().strip("-").strip(".")
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as e:
        logger.debug("front matter not YAML: %s", e)
        return {}
    return data if isinstance(data, dict) else {}

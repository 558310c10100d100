"""Reading an article's paragraphs (:func:`_analyze`): which is the title, where the body
starts, what the header says (author, publication date) and which paragraphs are furniture."""

from __future__ import annotations

import functools
import logging
import re
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
    normalize_published,
)
from extract.article.sentences import split_sentences

# the package's logger, as before it was split: log lines name extract.article
logger = logging.getLogger("extract.article")


_RE_PUBLISHED = re.compile(r"(?:published|posted)\b", re.I)


@dataclass
class _Analysis:
    paragraphs: list[Paragraph]
    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_text: str | None = None
    publisher: str | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)


def _analyze(
    text: str, fmt: str, *, html: bool = False, known_title: str | None = None
) -> _Analysis:
    spans = _segment(text, fmt)
    raw = [text[a:b] for a, b, _ in spans]
    plain = [_plain(r) for r in raw]
    n = len(spans)
    stamps: dict[int, bool] = {}

    def timestamp_only(i: int) -> bool:  # asked up to three times per paragraph
        if i not in stamps:
            stamps[i] = _timestamp_only(plain[i])
        return stamps[i]

    kinds: list[str | None] = [None] * n
    for i, (_, _, hint) in enumerate(spans):
        p = plain[i]
        if hint:
            kinds[i] = hint
        elif _chrome(p):
            kinds[i] = "chrome"
        elif _caption(p):
            kinds[i] = "caption"
    res = _Analysis(paragraphs=[])

    # front matter (md)
    for i in range(n):
        if kinds[i] == "front-matter":
            res.front_matter = _front_matter(raw[i])

    def is_dateline(i: int) -> bool:
        p = _UPDATE_CUT.split(plain[i], maxsplit=1)[0]
        hit = _find_date(p)
        return bool(hit) and _date_dominant(p, hit)

    def is_byline(i: int) -> bool:
        return _byline_name(plain[i]) is not None and not _is_prose(plain[i])

    # ---- title
    title_idx: int | None = None
    limit = min(n, 15)
    if fmt == "md":
        for i in range(limit):
            if re.match(r"#\s", raw[i]) and kinds[i] is None:
                title_idx = i
                break
    if title_idx is None and known_title:
        kt = " ".join(known_title.split()).lower()
        for i in range(min(n, 5)):
            if plain[i].lower() == kt:
                title_idx = i
                break
    if title_idx is None and not html:
        for i in range(limit):
            p = plain[i]
            if kinds[i] is not None or is_dateline(i) or is_byline(i) or timestamp_only(i):
                continue
            if len(p.split()) < 3 or (p.isupper() and len(p.split()) < 4):
                continue
            if _RE_TAIL.fullmatch(p) or _RE_LIST_HEAD.fullmatch(p):
                continue
            if len(p) > 250 or len(split_sentences(p)) > 2 or (_is_prose(p) and p.endswith(".")):
                break  # the text starts with prose: no title line
            title_idx = i
            break

    # ---- body start
    first = (title_idx + 1) if title_idx is not None else 0
    body_start = None
    for i in range(first, n):
        if kinds[i] is not None or is_byline(i) or _bio_name(plain[i]):
            continue
        if html:
            if is_dateline(i) or _name_only(plain[i]):
                continue
            body_start = i
            break
        if _is_prose(plain[i]) and not is_dateline(i):
            body_start = i
            break
    if body_start is None:
        for i in range(first, n):
            p = plain[i]
            if kinds[i] is None and not is_byline(i) and not is_dateline(i) and len(p.split()) >= 4:
                body_start = i
                break
    if body_start is None and title_idx is not None and not html:
        body_start = title_idx  # a one-line text: its only line is both title and body
    if body_start is None:
        body_start = n

    # ---- header zone
    author: str | None = None
    date_cands: list[tuple[int, _DateHit]] = []
    us = functools.cache(lambda: _is_us_style(text))  # only an ambiguous "05/10/2022" asks
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
        elif is_dateline(i) or timestamp_only(i):
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
    if body_start < n and kinds[body_start] is None:
        m = _RE_WIRE_DATELINE.match(plain[body_start])
        if m:
            hit = _find_date(m["date"], us)
            if hit and len(m["date"].strip()) - len(hit.text) < 12:
                date_cands.append((body_start, hit))

    # ---- body zone
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
        if timestamp_only(i):
            kinds[i] = "related"
            if mode == "body" and i > body_start:
                j = i - 1
                while (
                    j > body_start and kinds[j] == "body" and not _terminal_end(plain[j])
                ):
                    kinds[j] = "related"  # the headline(s) above a timestamp
                    j -= 1
                    if len(plain[j + 1]) > 200:
                        break
            mode = "list"
            continue
        bio = _bio_name(p)
        if bio and i > body_start:
            kinds[i] = "byline"
            author = author or bio
            continue
        if mode == "list":
            nxt_ts = i + 1 < n and timestamp_only(i + 1)
            if len(p) >= 120 and _terminal_end(p) and not nxt_ts:
                mode = "body"
            else:
                kinds[i] = "related"
                continue
        kinds[i] = "body"

    if title_idx is not None and title_idx >= body_start:
        kinds[title_idx] = "body"  # the only text line is body, not a title
        title_idx = None
    res.paragraphs = [
        Paragraph(a, b, text[a:b], kinds[i] != "body", kinds[i] or "body")
        for i, (a, b, _) in enumerate(spans)
    ]
    if title_idx is not None:
        res.title = plain[title_idx]
    res.author = author
    if date_cands:
        after = [c for c in date_cands if title_idx is None or c[0] > title_idx]
        i, hit = (after or date_cands)[0]
        res.published, res.published_text = hit.value, hit.text
        logger.debug("published %s from paragraph %d: %r", hit.value, i, hit.text)
    # front matter / weak publisher evidence
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
    return res


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

"""What a paragraph looks like: the tests that tell page furniture (chrome, captions, related
links, timestamps) and header lines (bylines, author names and notes) from article text."""

from __future__ import annotations

import re

from extract.article.published import (
    _MON,
    _MONTHS,
    _RE_TIME,
    _RE_YEAR_ANYWHERE,
    _WEEKDAY,
    _find_date,
)
from extract.dates.fastre import fast_compile

# one alternation, so a paragraph is tested once, not once per pattern; the two that do not
# start at the start of the line (slow to rule out) are apart, tried when their words are in it
_RE_CHROME = fast_compile(
    "|".join(f"(?:{p})" for p in (
        r"none|null|undefined",
        r"(?:last\s+)?(?:update[ds]?|modified|edited)\b.*",
        r"subscribe\b.*",
        r"(?:follow|join) us\b.*",
        r"sign (?:up|in)\b.{0,80}",
        r"your email address will not be published.*",
        r"required fields are marked.*",
        r"click (?:here )?to (?:view|read|see|download|watch|listen)\b.*",
        r"(?:©|copyright\b|\(c\)\s*\d{4}).*",
        r"(?:tags?|topics?|categories|category|filed under|keywords)\s*:.*",
        r"(?:home|menu|search|log ?in|log ?out|register|print|email|e-mail|share|tweet"
        r"|advertisement|advertising|sponsored|skip to (?:main )?content|back to top"
        r"|cookie settings|accept cookies?|close)",
        r"(?:share|comment)(?:s)? (?:this|on)\b.{0,60}",
        r"(?:facebook|twitter|telegram|whatsapp|linkedin|instagram|youtube|x)"
        r"(?:\s*[|•·,]\s*(?:facebook|twitter|telegram|whatsapp|linkedin|instagram|youtube|x|email))+",
        r"(?:we use cookies|this website uses cookies)\b.*",
        r"news explained",
    )),
    re.I,
)
_RE_CHROME_LOGO = fast_compile(r".{0,40}\blogo", re.I)
_RE_NUMERIC_DAY = fast_compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_RE_CHROME_RIGHTS = fast_compile(r".{0,120}\ball rights reserved\.?", re.I)
_RE_TAIL = fast_compile(
    r"(?:latest news|latest|all news|more news|more stories|more from .{1,40}"
    r"|most read|most popular|popular(?: news| posts| stories)?|trending(?: now)?|top stories"
    r"|recommended(?: for you)?|you (?:may|might) also like|editor'?s picks?|news feed"
    r"|leave a (?:reply|comment)|comments?(?: \(\d+\))?|\d+ comments?|add (?:a )?comment"
    r"|post a comment|join the discussion)\s*:?",
    re.I,
)
# a list of links inside the page: the article resumes after it ("Related Articles" then three
# headlines, then prose)
_RE_LIST_HEAD = fast_compile(
    r"(?:read also|also read|read more|see also|more on this(?: story)?|related posts?"
    r"|related news(?: (?:&|and) articles)?|related articles|related stories|related content"
    r"|related)\s*:?", re.I
)
_RE_LIST_INLINE = fast_compile(r"(?:read also|also read|read more|see also)\s*[:\-–—]\s*\S.*", re.I)
_RE_MENU = fast_compile(r"(?:[^|•·]{1,30}[|•·])+[^|•·]{1,30}")
_RE_CAPTION = [
    fast_compile(r".*\S\s/\s*(?:photo:?\s*)?[A-Z][\w.&'’ -]{1,40}", re.S),  # "... / President.Az"
    fast_compile(
        r"(?:photo|image|picture|pictured|video|file photo)\s*(?:credit)?\s*:.*", re.I | re.S
    ),
    fast_compile(r".*\((?:photo|image|picture|credit|source)\s*:?[^)]{0,60}\)", re.I | re.S),
    fast_compile(r".*\b(?:photo|image) (?:credit|courtesy|by)\b.{0,60}", re.I | re.S),
]
_RE_TERMINAL_END = fast_compile(r"[.!?…][\"'”’)\]»]*$")
_CLOSING_MARKS = "\"'”’)]»"


def _terminal_end(p: str) -> bool:
    """``_RE_TERMINAL_END.search(p)``, read from the end instead of scanning the whole line."""
    if p.endswith("\n"):  # ``$`` also matches before a final newline
        p = p[:-1]
    q = p.rstrip(_CLOSING_MARKS)
    return bool(q) and q[-1] in ".!?…"


_NAME_WORD = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"
_PARTICLES = r"(?:de|da|du|del|der|van|von|al|el|bin|ibn|le|la)"
_RE_NAME_ONLY = fast_compile(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLES}\s+)?{_NAME_WORD}){{1,3}}")
_NOT_NAME_WORDS = set(
    "also analysis analytics armenia azerbaijan blog breaking business caucasus column "
    "commentary culture defence defense east economy editorial exclusive explained feature "
    "features gallery home international interview iran israel latest live local logo main "
    "menu middle military more national news newsroom op-ed opinion photo politics posts "
    "press print read region regional related release reports search section security share "
    "society sport staff stories story subscribe top update updates video world ".split()
)
_RE_BIO = fast_compile(
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLES}\s+)?{_NAME_WORD}){{1,3}})\s+is\s+"
    r"(?:an?\s+|the\s+|our\s+)?.{0,120}?\b(?:reporter|correspondent|editor|writer|journalist"
    r"|columnist|contributor|analyst|author|fellow|researcher|producer|commentator)\b.{0,100}",
    re.I,
)
_RE_BYLINE = fast_compile(
    r"(?:by|written by|reporting by|author\s*:|authors?\s*:)\s+(?P<rest>.+)", re.I | re.S
)
_RE_WIRE_DATELINE = fast_compile(
    rf"^[A-Z][A-Z .'’-]{{1,40}}(?:,\s*(?!(?i:{_MON})\b)[A-Z][A-Za-z .'-]{{1,30}})?,?\s*"
    r"(?P<date>[^—–-]{4,40}?)\s*"
    r"(?:\([^)]{1,30}\)\s*)?[—–-]"
)


_RE_MD_DECORATION = (fast_compile(r"^#{1,6}\s*"), fast_compile(r"\s*#+$"), fast_compile(r"^>\s*"))


def _plain(s: str) -> str:
    """Paragraph text without Markdown decoration, for classification only."""
    s = s.strip()
    if s[:1] in ("#", ">") or s.endswith("#"):
        for rx in _RE_MD_DECORATION:  # in this order: "# > x" loses both marks
            s = rx.sub("", s)
    s = s.strip("*_ \t")
    if "  " not in s and s.isprintable():
        # already one space between words: every white space but " " is unprintable, and the
        # ends were stripped of spaces (the common case, without splitting the paragraph)
        return s
    return " ".join(s.split())


def _lowered_ascii(p: str) -> str | None:
    """``p.lower()`` for ASCII text, where a word is in it ignoring case exactly when it is in
    this; else None (in other text "ſ" matches "s" ignoring case)."""
    return p.lower() if p.isascii() else None


def _chrome(p: str) -> bool:
    if _RE_CHROME.fullmatch(p):
        return True
    low = _lowered_ascii(p)
    if (low is None or "logo" in low) and _RE_CHROME_LOGO.fullmatch(p):
        return True
    if (low is None or "all rights reserved" in low) and _RE_CHROME_RIGHTS.fullmatch(p):
        return True
    if ("|" in p or "•" in p or "·" in p) and _RE_MENU.fullmatch(p) and not _terminal_end(p) \
            and not _RE_NUMERIC_DAY.search(p):
        # menus: "Home | Politics | Defence", "Home | News" (every item <= 3 words); a date
        # among them makes a stamp ("21/12/2023 | Press release"), not a menu
        return all(len(part.split()) <= 3 for part in _RE_MENU_SEP.split(p))
    return False


_RE_MENU_SEP = fast_compile(r"[|•·]")
_RE_CLOSING_PAREN = fast_compile(r"\)\s*$")


def _caption(p: str) -> bool:
    if _terminal_end(p) and not _RE_CLOSING_PAREN.search(p):
        # a sentence ending in a full stop is not a "/ Source" caption
        return bool(_RE_CAPTION[1].fullmatch(p))
    # each test is skipped when the line lacks a character its pattern needs
    low = _lowered_ascii(p)
    return bool(
        ("/" in p and _RE_CAPTION[0].fullmatch(p))
        or _RE_CAPTION[1].fullmatch(p)
        or ("(" in p and p.endswith(")") and _RE_CAPTION[2].fullmatch(p))
        or ((low is None or "photo " in low or "image " in low) and _RE_CAPTION[3].fullmatch(p))
    )


_RE_WEEKDAY_WORD = fast_compile(rf"\b{_WEEKDAY}\b", re.I)
_RE_WEEKDAY_ONLY = fast_compile(_WEEKDAY, re.I)
_RE_WORD2 = fast_compile(r"[^\W\d_]{2,}")  # a word: a run of two letters or more
_RE_CLOCK = fast_compile(r"\d[:.]\d\d")  # in every clock time _RE_TIME takes out


def _timestamp_only(p: str) -> bool:
    """A line that is only a date, with times and weekdays: "22 March 2023 - 15:44"."""
    if not _RE_YEAR_ANYWHERE.search(p):
        return False  # every timestamp has a date with a year
    # Quick no for prose. Each word (run of 2+ letters) must go with the date (at most three:
    # "4th of May"), with a clock time (at most two each: "pm EST") or be a weekday; taking
    # text out never shortens a word it does not touch (its neighbours are not letters). The
    # words are read only until there are too many (a paragraph of prose: its first few).
    budget = 3 + 2 * len(_RE_CLOCK.findall(p))
    for word in _RE_WORD2.finditer(p):
        if not _RE_WEEKDAY_ONLY.fullmatch(word.group()):
            budget -= 1
            if budget < 0:
                return False
    hit = _find_date(p)
    if not hit:
        return False
    rest = _RE_TIME.sub("", p[: hit.start] + p[hit.end :])
    return not _RE_WORD2.search(_RE_WEEKDAY_WORD.sub("", rest))


def _is_prose(p: str) -> bool:
    return _terminal_end(p) and len(p) >= 40 and len(p.split()) >= 6


def _byline_name(p: str) -> str | None:
    m = _RE_BYLINE.fullmatch(p)
    if not m:
        return None
    rest = m["rest"]
    hit = _find_date(rest)
    if hit:
        rest = rest[: hit.start]
    rest = re.split(r"\s*(?:[|,•·/(]|\s[-–—]\s|\bon\b|\bin\b|\bfor\b|\bat\b)", rest)[0]
    tokens: list[str] = []
    for tok in rest.split():
        if (
            re.fullmatch(_NAME_WORD, tok)
            or (tokens and re.fullmatch(_PARTICLES, tok))
            or (tokens and tok.lower() in {"and", "&"})
        ):
            if tok.lower().rstrip(".") in _MONTHS or re.fullmatch(_WEEKDAY, tok, re.I):
                break
            tokens.append(tok)
        else:
            break
    while tokens and tokens[-1].lower() in {"and", "&"}:
        tokens.pop()
    if not tokens or len(tokens) > 8:
        return None
    return " ".join(tokens)


def _name_only(p: str) -> bool:
    if not _RE_NAME_ONLY.fullmatch(p) or p.isupper() or len(p) > 40:
        return False
    return not any(w.lower().strip(".") in _NOT_NAME_WORDS for w in p.split())


def _bio_name(p: str) -> str | None:
    if len(p) > 250:
        return None
    m = _RE_BIO.fullmatch(p)
    if not m:
        return None
    name = m["name"]
    if any(w.lower() in _NOT_NAME_WORDS for w in name.split()):
        return None
    return name

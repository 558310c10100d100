"""Read news articles (plain text, Markdown or saved HTML) into clean ``Article`` objects.

An :class:`Article` holds the decoded text, the metadata found in it (title, author,
publisher, publication date, URL, language) and its paragraphs, each marked as article
body or as page furniture, with exact character offsets: for every paragraph and sentence
``article.text[x.start:x.end] == x.text``.  Evidence quotes are copied from these sentences.

Rules (the decisions a reviewer needs to know)
==============================================

Decoding (:func:`decode_bytes`)
    Refused with :class:`ArticleError`: empty files ("file is empty"), whitespace-only files
    ("file is blank (whitespace only)"), binary files recognised by magic number (PDF, PNG,
    ZIP/Office, GIF, JPEG, gzip, OLE, ELF) or containing NUL bytes (outside UTF-16), and text
    that decodes into many control characters.  Order: byte-order marks (UTF-8-SIG, UTF-32,
    UTF-16 LE/BE), BOM-less UTF-16 (NUL bytes in every other position), strict UTF-8, then
    charset-normalizer; when charset-normalizer proposes a single-byte Latin code page and
    the bytes are valid cp1252, cp1252 is used (the corpus is English: curly quotes in
    0x91-0x94 are cp1252 whatever the detector guesses); cp1252 is the last resort.
    Newlines are normalised to ``\\n`` (``\\r\\n`` and lone ``\\r``) and a BOM character is
    dropped; nothing else is changed, so ``Article.text`` is the file's text for .txt/.md.

What ``Article.text`` holds
    * .txt / .md: the whole decoded file (newlines normalised), furniture included.
    * .html: the article text extracted by trafilatura (``favor_precision``, no comments,
      no tables), one paragraph per line.  Menus, sidebars and footers are *not* in it, so
      quotes are verbatim in ``Article.text`` but not necessarily in the raw HTML source.
      HTML with no extractable body raises ``ArticleError("no article text found")``.
      Nothing is ever fetched: the HTML is parsed locally into a tree first (htmldate would
      download a string that looks like a URL), the ``url`` is only read from the page.

Paragraphs
    .txt: each non-blank line is a paragraph, unless the file is hard-wrapped (several
    line breaks in the middle of a sentence: a line ending in a letter or comma followed by
    a line starting in lower case), in which case blank-line separated blocks are
    paragraphs.  .md: blank-line separated blocks; headings and list items start their own
    paragraph; a YAML front matter block is one (furniture) paragraph.  Paragraph offsets
    exclude the indentation and trailing spaces (001 is indented by 4 spaces).

Furniture (``Paragraph.furniture`` is True; ``Paragraph.kind`` says which)
    * ``header``-zone paragraphs, i.e. everything before the first body paragraph: the
      title (kind ``title``), bylines and author lines (``byline``), datelines (``dateline``),
      site chrome (``chrome``), standfirsts/subtitles (``header``).  They are not body, so
      no sentence comes from them; their information is in the metadata fields.
      The body starts at the first prose paragraph after the title: it ends with terminal
      punctuation (possibly followed by a closing quote), has >= 6 words and >= 40 chars.
    * ``chrome`` anywhere: "Newsroom logo", a lone "None", "Last update: ...", subscribe /
      follow prompts, "Leave a Reply", "Your email address will not be published...",
      "Click to view the article in ...", copyright lines, tag lines, menus ("A | B | C").
    * ``caption``: image captions ("... Baku, May 30, 2023 / President.Az", "Photo: ...",
      "... (Photo: Reuters)").  Captions are never event evidence nor a dateline.
    * ``related``: a closing heading ("Latest news", "Related Posts", "Related news &
      articles", "All news", "Most read", "Comments", "Leave a Reply", ...) makes everything
      after it furniture.  A list heading ("Read also", "Read more", "See also") makes the
      following headlines and timestamps furniture until prose resumes (a paragraph of
      >= 120 chars ending a sentence that is not directly followed by a timestamp).
      "Read also: <headline>" on one line is furniture on its own.  A lone timestamp line
      ("22 March 2023 - 15:44") after the body start is furniture, and so is the headline
      just before it.

Title
    The first paragraph among the first 15 that is not chrome, a date line, a byline or a
    caption and has >= 3 words (so "News Explained" is skipped); for .md the first ``#``
    heading; for HTML trafilatura's title.  The manifest's ``title`` overrides.

Author
    In order: "By X Y" bylines (the name stops at a date, a separator or a lower-case word),
    "Author: X", a header line after the title that is only a name ("Matanat Nasibova"),
    an author note "X Y is The Times of Israel's diplomatic reporter" (header or end).
    HTML: trafilatura's author first.  The manifest's ``author`` overrides.

Publication date (``published`` is 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; never today's date)
    Only the header zone is searched (never the body, never furniture further down, never
    captions): bylines with a date ("By Timucin Turksoy May 31, 2023"), lines that are
    essentially a date (an optional ALL-CAPS section label, weekday, time, "Published",
    "Posted on" allowed: "ANALYTICS  02 February 2023 - 13:55", "05 / 10 / 2022"), and a
    wire dateline opening the first body paragraph ("BAKU, May 31, 2023 - ...").  Text from
    "Last update", "Updated", "Modified", "Edited" onwards is ignored.  Candidates after the
    title win over candidates before it; the first one wins.  Dates are read with our own
    regexes (month names, ISO, numeric) and validated with ``datetime.date``; future dates
    are rejected.  Month + year alone gives 'YYYY-MM'.
    Numeric dates (``05 / 10 / 2022``): a part > 12 forces the order; otherwise day-first,
    unless the text is clearly US-style, i.e. it has more "October 4, 2022" style dates
    (month name first, with a year) than "4 October 2022" style ones, or another numeric
    date whose second part is > 12.  "October 4," without a year does not count.
    HTML: trafilatura's date (htmldate with ``original_date=True``, no extensive search),
    else htmldate directly, else the text rules on the extracted text; a date equal to
    today or in the future is dropped.  The manifest's ``published`` overrides
    (``published_from`` records the source: 'manifest', 'text', 'html-metadata').

Manifest
    :func:`load_manifest` reads a sources.yaml (``sources:`` list of mappings with a
    ``file`` key) and returns {file name: entry}; problems raise :class:`ManifestError`
    naming the file, the line/entry and what was expected.  Entry fields override detected
    ones; ``Article.detected`` keeps what the text itself said.

Article text is untrusted: it is only matched with regular expressions; it is never
evaluated, and URLs found in it are never followed.
"""

from __future__ import annotations

import datetime as _dt
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.timeline import is_public_address

logger = logging.getLogger(__name__)

__all__ = [
    "Article",
    "ArticleError",
    "ManifestError",
    "Paragraph",
    "Sentence",
    "article_from_text",
    "decode_bytes",
    "load_manifest",
    "read_article",
    "split_sentences",
]

MAX_BYTES = 20 * 1024 * 1024


# --------------------------------------------------------------------------- data model


class ArticleError(Exception):
    """A file that cannot be read as an article. ``str(e) == f"{path}: {reason}"``."""

    def __init__(self, path: str | Path | None, reason: str):
        self.path = path
        self.reason = " ".join(str(reason).split())  # always one line
        super().__init__(f"{path if path is not None else '<text>'}: {self.reason}")


class ManifestError(ValueError):
    """A sources.yaml manifest (or a manifest entry) that is not as expected."""


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    furniture: bool
    # body | title | byline | dateline | header | chrome | caption | related | front-matter
    kind: str = "body"


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index into Article.paragraphs


@dataclass
class Article:
    path: Path | None
    file: str | None
    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    published_text: str | None = None
    url: str | None = None
    language: str = "en"
    paragraphs: list[Paragraph] = field(default_factory=list)
    published_from: str | None = None  # 'manifest' | 'text' | 'html-metadata' | None
    fmt: str = "txt"
    encoding: str | None = None
    detected: dict[str, Any] = field(default_factory=dict)  # metadata before manifest overrides
    # what a web page says of itself (og:site_name, canonical link, base href): claims
    page_says: dict[str, str] = field(default_factory=dict)

    def body(self) -> list[Paragraph]:
        """Paragraphs that are the article's own text (not furniture)."""
        return [p for p in self.paragraphs if not p.furniture]

    def sentences(self) -> list[Sentence]:
        """Sentences of the body paragraphs, with offsets into ``self.text``."""
        out: list[Sentence] = []
        for i, p in enumerate(self.paragraphs):
            if p.furniture:
                continue
            for s, e in split_sentences(p.text, p.start):
                out.append(Sentence(s, e, self.text[s:e], i))
        return out


# --------------------------------------------------------------------------- decoding

_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP/Office document"),
    (b"PK\x05\x06", "ZIP/Office document"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE/MS Office"),
    (b"\x7fELF", "ELF executable"),
]
_LATIN_SINGLE_BYTE = set(
    "cp1250 cp1252 cp1254 cp1257 iso8859_1 iso8859_13 iso8859_15 iso8859_16 iso8859_2 "
    "iso8859_9 latin_1 windows-1250 windows-1252 ".split()
)
_DECODE_TRIED = "tried utf-8, utf-16, charset-normalizer, cp1252"


def _binary_kind(data: bytes) -> str | None:
    if b"%PDF-" in data[:1024]:
        return "PDF"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


# C0/C1 control characters other than white space and the DOS end-of-file mark
_RE_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_RE_CONTROL.findall(text)) / len(text)


def decode_bytes(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)``. Newlines are normalised to \\n.

    Raises :class:`ArticleError` for empty, blank, binary or undecodable input.
    """
    if not data:
        raise ArticleError(path, "file is empty")
    kind = _binary_kind(data)
    if kind:
        raise ArticleError(path, f"binary file ({kind}), not an article")
    text: str | None = None
    enc: str | None = None
    boms = [
        (b"\xef\xbb\xbf", "utf-8-sig", 0),
        (b"\xff\xfe\x00\x00", "utf-32-le", 4),
        (b"\x00\x00\xfe\xff", "utf-32-be", 4),
        (b"\xff\xfe", "utf-16-le", 2),
        (b"\xfe\xff", "utf-16-be", 2),
    ]
    for bom, name, skip in boms:
        if data.startswith(bom):
            try:
                text = data[skip:].decode(name) if skip else data.decode(name)
            except UnicodeDecodeError as e:
                raise ArticleError(
                    path, f"cannot decode text as {name} despite its byte-order mark ({e.reason})"
                ) from None
            enc = name
            break
    if text is None and b"\x00" in data:
        # BOM-less UTF-16: NULs in every other byte (ASCII-range text)
        even, odd = data[0::2], data[1::2]
        if len(data) % 2 == 0 and len(data) >= 4:
            for part, name in ((odd, "utf-16-le"), (even, "utf-16-be")):
                if part.count(0) >= 0.9 * len(part):
                    try:
                        text, enc = data.decode(name), name
                        break
                    except UnicodeDecodeError:
                        pass
        if text is None:
            raise ArticleError(path, "binary file (contains NUL bytes), not an article")
    if text is None:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if text is None:
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
        except Exception as e:  # pragma: no cover - defensive
            logger.debug("charset-normalizer failed: %s", e)
            best = None
        if best is not None and best.encoding:
            guess = best.encoding.lower()
            if guess in _LATIN_SINGLE_BYTE:
                try:
                    text, enc = data.decode("cp1252"), "cp1252"
                except UnicodeDecodeError:
                    text, enc = str(best), guess
            else:
                text, enc = str(best), guess
            logger.debug("charset-normalizer guessed %s, using %s", guess, enc)
    if text is None:
        try:
            text, enc = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise ArticleError(path, f"cannot decode text ({_DECODE_TRIED})") from None
    if _control_ratio(text) > 0.01:
        raise ArticleError(
            path, f"binary data (control characters after decoding as {enc}), not an article"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ArticleError(path, "file is blank (whitespace only)")
    return text, enc or "utf-8"


# --------------------------------------------------------------------------- dates

_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
_MONTHS.update({name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)})
_MONTHS["sept"] = 9
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:19|20)\d{2}"
_RE_YEAR_ANYWHERE = re.compile(_YEAR)
_RE_ISO = re.compile(rf"\b(?P<y>{_YEAR})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})\b")
_RE_MDY = re.compile(
    rf"\b(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b", re.I
)
_RE_DMY = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\.?,?\s+(?P<y>{_YEAR})\b",
    re.I,
)
_RE_NUM = re.compile(
    rf"(?<![\d/.-])(?P<a>\d{{1,2}})\s*(?P<sep>[/.-])\s*(?P<b>\d{{1,2}})\s*(?P=sep)\s*(?P<y>{_YEAR})\b"
)
_RE_MY = re.compile(rf"\b(?P<mon>{_MON})\.?,?\s+(?P<y>{_YEAR})\b", re.I)
_RE_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4}T?))?"
    r"(?:\s*[+-]\d{2}:?\d{2})?",
    re.I,
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_UPDATE_CUT = re.compile(
    r"\b(?:last\s+)?(?:updated?|modified|edited|changed)\b|\blast update\b", re.I
)


@dataclass
class _DateHit:
    start: int
    end: int
    value: str
    text: str


def _valid(y: int, m: int, d: int | None) -> bool:
    try:
        day = _dt.date(y, m, d or 1)
    except ValueError:
        return False
    return 1900 <= y and day <= _dt.date.today()


def _find_date(s: str, us_style: bool | Callable[[], bool] = False) -> _DateHit | None:
    """The earliest full date in ``s`` (else a month-year), as a _DateHit; offsets into s.

    ``us_style`` may be a function, asked only when a numeric date is ambiguous.
    """
    if not _RE_YEAR_ANYWHERE.search(s):
        return None  # every date form here has a year in digits
    hits: list[_DateHit] = []
    for m in _RE_ISO.finditer(s):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(y, mo, d):
            hits.append(_DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", m.group()))
    for rx in (_RE_MDY, _RE_DMY):
        for m in rx.finditer(s):
            y, mo, d = int(m["y"]), _MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])
            if _valid(y, mo, d):
                hits.append(_DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", m.group()))
    for m in _RE_NUM.finditer(s):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if a > 12 and b <= 12:
            d, mo = a, b
        elif b > 12 and a <= 12:
            d, mo = b, a
        elif us_style is True or (callable(us_style) and us_style()):
            d, mo = b, a
        else:
            d, mo = a, b
        if _valid(y, mo, d):
            hits.append(_DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", m.group()))
    if hits:
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return hits[0]
    for m in _RE_MY.finditer(s):
        y, mo = int(m["y"]), _MONTHS[m["mon"].lower().rstrip(".")]
        if _valid(y, mo, None):
            return _DateHit(m.start(), m.end(), f"{y:04d}-{mo:02d}", m.group())
    return None


def _is_us_style(text: str) -> bool:
    """True when the text clearly writes dates month-first (see module docstring)."""
    mdy = len(_RE_MDY.findall(text))
    dmy = len(_RE_DMY.findall(text))
    for m in _RE_NUM.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if b > 12 >= a:
            mdy += 1
        elif a > 12 >= b:
            dmy += 1
    return mdy > dmy


def _date_dominant(s: str, hit: _DateHit) -> bool:
    """Is the line essentially a date (with label/time/section name around it)?"""
    rest = s[: hit.start] + " " + s[hit.end :]
    rest = _RE_TIME.sub(" ", rest)
    rest = re.sub(rf"\b{_WEEKDAY}\b", " ", rest, flags=re.I)
    rest = re.sub(
        r"\b(?:published|posted|date|dated|on|at|first published|publication date)\b",
        " ",
        rest,
        flags=re.I,
    )
    rest = re.sub(r"\b[A-Z][A-Z&]{2,}\b", " ", rest)  # ALL-CAPS section labels
    words = re.findall(r"[^\W\d_]{2,}", rest)
    return len(words) <= 1


def normalize_published(value: Any) -> str | None:
    """Normalise a manifest/front-matter date to 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.

    Raises ValueError when it is none of these.
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    s = value.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
    if not m:
        m2 = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?", s)
        if not m2:
            raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        m = m2
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.lastindex and m.lastindex >= 3 and m.group(3) else None
    try:
        _dt.date(y, mo or 1, d or 1)
    except ValueError:
        raise ValueError(f"not a real date: {value!r}") from None
    if mo is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{mo:02d}"
    return f"{y:04d}-{mo:02d}-{d:02d}"


# --------------------------------------------------------------------------- sentences

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
_RE_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’)\]»]*)(\s+)")
_RE_BLANKLINE = re.compile(r"\n[^\S\n]*\n\s*")


_RE_TOKEN_END = re.compile(r"[\w.’'-]+$")
_RE_WORD_START = re.compile(r"[\w’'-]+")
_RE_INITIAL = re.compile(r"[A-Z]")
_RE_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def _is_boundary(seg: str, m: re.Match[str]) -> bool:
    nxt_i = m.end()
    if nxt_i >= len(seg):
        return True
    nxt = seg[nxt_i]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    punct, closers = m.group(1), m.group(2)
    if punct != "." or any(c in closers for c in "\"'”’»"):
        return True
    end = m.start()
    lo = max(0, end - 64)  # the word before the full stop, looked for near it
    tok_m = _RE_TOKEN_END.search(seg, lo, end)
    if tok_m and lo and tok_m.start() == lo:
        tok_m = _RE_TOKEN_END.search(seg, 0, end)  # a longer token than the window
    token = tok_m.group() if tok_m else ""
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

    def add(a: int, b: int) -> None:
        seg = text[a:b]
        stripped = seg.strip()
        if not stripped:
            return
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        spans.append((start + a + lead, start + b - trail))

    for b0, b1 in blocks:
        seg = text[b0:b1]
        cur = 0
        for m in _RE_BOUNDARY.finditer(seg):
            if _is_boundary(seg, m):
                add(b0 + cur, b0 + m.start(3))
                cur = m.end()
        add(b0 + cur, b1)
    return spans


# --------------------------------------------------------------------------- paragraphs

# one alternation, so a paragraph is tested once, not once per pattern; the two that do not
# start at the start of the line (slow to rule out) are apart, tried when their words are in it
_RE_CHROME = re.compile(
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
_RE_CHROME_LOGO = re.compile(r".{0,40}\blogo", re.I)
_RE_CHROME_RIGHTS = re.compile(r".{0,120}\ball rights reserved\.?", re.I)
_RE_TAIL = re.compile(
    r"(?:latest news|latest|related posts?|related news(?: (?:&|and) articles)?|related articles"
    r"|related stories|related content|related|all news|more news|more stories|more from .{1,40}"
    r"|most read|most popular|popular(?: news| posts| stories)?|trending(?: now)?|top stories"
    r"|recommended(?: for you)?|you (?:may|might) also like|editor'?s picks?|news feed"
    r"|leave a (?:reply|comment)|comments?(?: \(\d+\))?|\d+ comments?|add (?:a )?comment"
    r"|post a comment|join the discussion)\s*:?",
    re.I,
)
_RE_LIST_HEAD = re.compile(
    r"(?:read also|also read|read more|see also|more on this(?: story)?)\s*:?", re.I
)
_RE_LIST_INLINE = re.compile(r"(?:read also|also read|read more|see also)\s*[:\-–—]\s*\S.*", re.I)
_RE_MENU = re.compile(r"(?:[^|•·]{1,30}[|•·])+[^|•·]{1,30}")
_RE_CAPTION = [
    re.compile(r".*\S\s/\s*(?:photo:?\s*)?[A-Z][\w.&'’ -]{1,40}", re.S),  # "... / President.Az"
    re.compile(
        r"(?:photo|image|picture|pictured|video|file photo)\s*(?:credit)?\s*:.*", re.I | re.S
    ),
    re.compile(r".*\((?:photo|image|picture|credit|source)\s*:?[^)]{0,60}\)", re.I | re.S),
    re.compile(r".*\b(?:photo|image) (?:credit|courtesy|by)\b.{0,60}", re.I | re.S),
]
_RE_TERMINAL_END = re.compile(r"[.!?…][\"'”’)\]»]*$")
_CLOSING_MARKS = "\"'”’)]»"


def _terminal_end(p: str) -> bool:
    """``_RE_TERMINAL_END.search(p)``, read from the end instead of scanning the whole line."""
    if p.endswith("\n"):  # ``$`` also matches before a final newline
        p = p[:-1]
    q = p.rstrip(_CLOSING_MARKS)
    return bool(q) and q[-1] in ".!?…"


_NAME_WORD = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"
_PARTICLES = r"(?:de|da|du|del|der|van|von|al|el|bin|ibn|le|la)"
_RE_NAME_ONLY = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLES}\s+)?{_NAME_WORD}){{1,3}}")
_NOT_NAME_WORDS = set(
    "also analysis analytics armenia azerbaijan blog breaking business caucasus column "
    "commentary culture defence defense east economy editorial exclusive explained feature "
    "features gallery home international interview iran israel latest live local logo main "
    "menu middle military more national news newsroom op-ed opinion photo politics posts "
    "press print read region regional related release reports search section security share "
    "society sport staff stories story subscribe top update updates video world ".split()
)
_RE_BIO = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLES}\s+)?{_NAME_WORD}){{1,3}})\s+is\s+"
    r"(?:an?\s+|the\s+|our\s+)?.{0,120}?\b(?:reporter|correspondent|editor|writer|journalist"
    r"|columnist|contributor|analyst|author|fellow|researcher|producer|commentator)\b.{0,100}",
    re.I,
)
_RE_BYLINE = re.compile(
    r"(?:by|written by|reporting by|author\s*:|authors?\s*:)\s+(?P<rest>.+)", re.I | re.S
)
_RE_WIRE_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'’-]{{1,40}}(?:,\s*(?!(?i:{_MON})\b)[A-Z][A-Za-z .'-]{{1,30}})?,?\s*"
    r"(?P<date>[^—–-]{4,40}?)\s*"
    r"(?:\([^)]{1,30}\)\s*)?[—–-]"
)


_RE_MD_DECORATION = (re.compile(r"^#{1,6}\s*"), re.compile(r"\s*#+$"), re.compile(r"^>\s*"))


def _plain(s: str) -> str:
    """Paragraph text without Markdown decoration, for classification only."""
    s = s.strip()
    if s[:1] in ("#", ">") or s.endswith("#"):
        for rx in _RE_MD_DECORATION:  # in this order: "# > x" loses both marks
            s = rx.sub("", s)
    s = s.strip("*_ \t")
    return " ".join(s.split())


_RE_LINE_TEXT = re.compile(r"\S(?:[^\n]*\S)?")  # a line's text, white space around it excluded
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


def _segment(text: str, fmt: str) -> list[tuple[int, int, str]]:
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
                if not groups or (fmt == "md" and (md_break.match(line) or prev_heading)):
                    groups.append([ln])
                else:
                    groups[-1].append(ln)
        for g in groups:
            sp = strip_span(g[0][0], g[-1][1])
            if sp:
                out.append((sp[0], sp[1], ""))
    return out


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
    if ("|" in p or "•" in p or "·" in p) and _RE_MENU.fullmatch(p) and not _terminal_end(p):
        # menus: "Home | Politics | Defence", "Home | News" (every item <= 3 words)
        return all(len(part.split()) <= 3 for part in _RE_MENU_SEP.split(p))
    return False


_RE_MENU_SEP = re.compile(r"[|•·]")
_RE_CLOSING_PAREN = re.compile(r"\)\s*$")


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


_RE_WEEKDAY_WORD = re.compile(rf"\b{_WEEKDAY}\b", re.I)
_RE_WEEKDAY_ONLY = re.compile(_WEEKDAY, re.I)
_RE_WORD2 = re.compile(r"[^\W\d_]{2,}")  # a word: a run of two letters or more
_RE_CLOCK = re.compile(r"\d[:.]\d\d")  # in every clock time _RE_TIME takes out


def _timestamp_only(p: str) -> bool:
    """A line that is only a date, with times and weekdays: "22 March 2023 - 15:44"."""
    if not _RE_YEAR_ANYWHERE.search(p):
        return False  # every timestamp has a date with a year
    # Quick no for prose. Each word (run of 2+ letters) must go with the date (at most three:
    # "4th of May"), with a clock time (at most two each: "pm EST") or be a weekday; taking
    # text out never shortens a word it does not touch (its neighbours are not letters).
    words = _RE_WORD2.findall(p)
    if len(words) > 3:
        budget = 3 + 2 * len(_RE_CLOCK.findall(p))
        if len(words) > budget:
            for w in words:
                if not _RE_WEEKDAY_ONLY.fullmatch(w):
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


# --------------------------------------------------------------------------- HTML


def _html_article(raw: str, name: str | Path | None) -> tuple[str, dict[str, Any]]:
    """Extract body text and metadata from HTML without any network access."""
    import htmldate
    import trafilatura
    from trafilatura.utils import load_html

    if "<" not in raw:
        raise ArticleError(name, "no article text found (not HTML)")
    tree = load_html(raw)
    if tree is None:
        raise ArticleError(name, "no article text found (unparsable HTML)")
    # trafilatura warns "discarding data: None" on an empty page, without naming the file;
    # the ArticleError below says it, once, with the file
    quiet = logging.getLogger("trafilatura")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        doc = trafilatura.bare_extraction(
            tree,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # trafilatura raises assorted errors on odd pages
        logger.debug("trafilatura failed on %s: %s", name, e)
        doc = None
    finally:
        quiet.setLevel(level)
    doc = doc or {}
    if not isinstance(doc, dict):  # trafilatura >= 2 returns a Document
        doc = doc.as_dict()
    body = doc.get("text") or ""
    if not body.strip():
        raise ArticleError(name, "no article text found")
    meta: dict[str, Any] = {
        k: _str(doc.get(k)) for k in ("title", "author", "sitename", "url", "date", "language")
    }
    date = meta.get("date")
    source = "html-metadata"
    if not date:
        try:
            date = htmldate.find_date(load_html(raw), original_date=True, extensive_search=False)
        except Exception as e:
            logger.debug("htmldate failed on %s: %s", name, e)
            date = None
    today = _dt.date.today().isoformat()
    if date:
        try:
            date = normalize_published(date[:10])
        except ValueError:
            date = None
    if date and date >= today:
        logger.debug("dropping HTML date %s (today or later)", date)
        date = None
    meta["date"] = date
    meta["date_source"] = source if date else None
    meta["date_text"] = _time_text(raw, date) if date else None
    return body.replace("\r\n", "\n").replace("\r", "\n"), meta


def _is_site_name(name: str | None) -> bool:
    """A publisher's name, not an address (``127.0.0.1:18999``, ``localhost``, ``10.0.0.5``)."""
    import ipaddress

    if not name or not name.strip():
        return False
    host = name.strip().lower()
    host = re.sub(r"^\[(.*)\](?::\d+)?$", r"\1", host)  # [::1]:8080
    host = re.sub(r"^([^:]+):\d+$", r"\1", host)  # host:port
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return True
    return False


def _time_text(raw: str, date: str) -> str:
    """The visible words of a <time> element carrying ``date``, else the date itself."""
    from trafilatura.utils import load_html

    tree = load_html(raw)
    if tree is not None:
        for el in tree.iter("time"):
            dt = el.get("datetime") or ""
            words = " ".join(el.text_content().split())
            if dt.startswith(date) and words:
                return words
    return date


# --------------------------------------------------------------------------- public API


def _fmt_for(name: str | None, text: str) -> str:
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    head = text.lstrip()[:200].lower()
    if head.startswith("<!doctype html") or head.startswith("<html"):
        return "html"
    return "txt"


def _entry_for(manifest: dict | None, file: str | None) -> dict | None:
    """Accept either this file's entry or a whole {file: entry} manifest."""
    if not manifest:
        return None
    if file and file in manifest and isinstance(manifest[file], dict):
        return manifest[file]
    if all(isinstance(v, dict) for v in manifest.values()) and "file" not in manifest:
        return None  # a whole manifest without this file
    return manifest


def read_article(path: str | Path, *, manifest: dict | None = None) -> Article:
    """Read an article file (.txt, .md, .html/.htm). ``manifest`` is this file's entry from
    :func:`load_manifest` (a whole {file: entry} manifest is accepted too); its fields
    override what is detected."""
    p = Path(path)
    if not p.exists():
        raise ArticleError(path, "file not found")
    if p.is_dir():
        raise ArticleError(path, "is a directory, not a file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(path, f"file too large ({size} bytes), not an article")
        data = p.read_bytes()
    except OSError as e:
        raise ArticleError(path, f"cannot read file ({e.strerror or e})") from None
    text, enc = decode_bytes(data, path)
    fmt = _fmt_for(p.name, text)
    entry = _entry_for(manifest, p.name)
    art = _build(text, fmt=fmt, name=path, file=p.name, entry=entry)
    art.path = p
    art.encoding = enc
    return art


def article_from_text(
    text: str, *, file: str | None = None, manifest: dict | None = None, fmt: str | None = None
) -> Article:
    """Build an Article from pasted text. ``fmt`` is 'txt', 'html' or 'md' (default: from
    ``file``'s suffix, else sniffed: HTML if it starts like an HTML document, else txt)."""
    if not isinstance(text, str):
        raise TypeError("article_from_text expects str")
    name = file or "<text>"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text:
        raise ArticleError(name, "text is empty")
    if not text.strip():
        raise ArticleError(name, "text is blank (whitespace only)")
    if "\x00" in text or _control_ratio(text) > 0.01:
        raise ArticleError(name, "binary data (control characters), not an article")
    fmt = fmt or _fmt_for(file, text)
    if fmt not in ("txt", "html", "md"):
        raise ValueError(f"fmt must be 'txt', 'html' or 'md', not {fmt!r}")
    entry = _entry_for(manifest, file)
    return _build(text, fmt=fmt, name=name, file=file, entry=entry)


def _build(text: str, *, fmt: str, name: Any, file: str | None, entry: dict | None) -> Article:
    meta: dict[str, Any] = {}
    if fmt == "html":
        text, meta = _html_article(text, name)
    an = _analyze(
        text, "txt" if fmt == "html" else fmt, html=fmt == "html", known_title=meta.get("title")
    )
    art = Article(path=None, file=file, text=text, paragraphs=an.paragraphs, fmt=fmt)
    art.title = meta.get("title") or an.title
    art.author = meta.get("author") or an.author
    claimed = {"publisher": meta.get("sitename"), "url": meta.get("url")}
    art.page_says = {k: v for k, v in claimed.items() if v}
    # a page's own claims are used only where nothing better is known (the manifest or the
    # person adding it wins, below), and a test server's or an intranet's address never is
    art.publisher = (claimed["publisher"] if _is_site_name(claimed["publisher"])
                     else None) or an.publisher
    art.url = claimed["url"] if is_public_address(claimed["url"]) else None
    if meta.get("date"):
        art.published, art.published_text = meta["date"], meta.get("date_text")
        art.published_from = "html-metadata"
    elif an.published:
        art.published, art.published_text = an.published, an.published_text
        art.published_from = "text"
    if meta.get("language") and re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?", meta["language"]):
        art.language = meta["language"]
    art.detected = {
        k: getattr(art, k)
        for k in ("title", "author", "publisher", "published", "published_text", "url", "language")
    }
    if not art.body():
        if fmt == "html":
            raise ArticleError(name, "no article text found (only page furniture)")
        logger.warning("%s: no body paragraph found", name)
    if entry:
        _apply_entry(art, _normalize_entry(entry, where=f"manifest entry for {file or name}"))
    return art


# --------------------------------------------------------------------------- manifest

_TEXT_FIELDS = ("file", "title", "author", "publisher", "url", "published_text", "language")


def _normalize_entry(entry: Any, where: str, loc: Any = None) -> dict[str, Any]:
    """Validate and normalise one manifest entry (raises ManifestError).

    ``loc(key)`` gives the location prefix for an error on ``key`` (default: ``where``).
    """
    if not isinstance(entry, dict):
        raise ManifestError(
            f"{where}: expected a mapping with a 'file' key, got {type(entry).__name__}"
        )
    out: dict[str, Any] = {}
    for k, v in entry.items():
        at = loc(k) if loc else where
        if k in _TEXT_FIELDS:
            if v is None:
                out[k] = None
                continue
            if not isinstance(v, str) or not v.strip():
                raise ManifestError(f"{at}: '{k}' must be non-empty text, got {v!r}")
            out[k] = " ".join(v.split())
        elif k == "published":
            try:
                out[k] = normalize_published(v)
            except ValueError as e:
                raise ManifestError(f"{at}: 'published' {e}") from None
        else:
            out[k] = v
    lang = out.get("language")
    if lang is not None and not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?", lang):
        at = loc("language") if loc else where
        raise ManifestError(f"{at}: 'language' must be a language code like 'en', got {lang!r}")
    return out


def _apply_entry(art: Article, entry: dict[str, Any]) -> None:
    for key in ("title", "author", "publisher", "url", "language"):
        if entry.get(key):
            setattr(art, key, entry[key])
    if entry.get("published"):
        art.published = entry["published"]
        art.published_text = entry.get("published_text")
        art.published_from = "manifest"


def load_manifest(path: str | Path) -> dict[str, dict]:
    """Read a sources.yaml manifest: ``{file name: entry}``.

    Expected shape: a mapping with a ``sources`` list (a bare list is accepted too) whose
    items are mappings with a non-empty ``file``; optional ``publisher``, ``author``,
    ``title``, ``url``, ``language`` (text) and ``published`` (YYYY, YYYY-MM, YYYY-MM-DD;
    YAML dates are accepted).  Unknown keys are kept.  Errors raise :class:`ManifestError`
    naming the file, the line and entry, and what was expected.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise ManifestError(
            f"{p}: cannot read manifest ({getattr(e, 'strerror', None) or e})"
        ) from None
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(raw)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise ManifestError(f"{p}: {line}invalid YAML ({e.problem or e.context})") from None
    except (YAMLError, ValueError) as e:  # ruamel raises ValueError for e.g. 2023-02-30
        raise ManifestError(f"{p}: invalid YAML ({' '.join(str(e).split())})") from None
    if data is None:
        raise ManifestError(f"{p}: manifest is empty; expected a mapping with a 'sources' list")
    if isinstance(data, dict):
        if "sources" not in data:
            raise ManifestError(
                f"{p}: expected a top-level 'sources' key (a list of entries), "
                f"found keys {sorted(map(str, data))}"
            )
        entries = data["sources"]
        if not isinstance(entries, list):
            ln = _lc_value(data, "sources")
            raise ManifestError(
                f"{p}: line {ln}: 'sources' must be a list of entries, got {type(entries).__name__}"
            )
    elif isinstance(data, list):
        entries = data
    else:
        raise ManifestError(
            f"{p}: expected a mapping with a 'sources' list, got {type(data).__name__}"
        )
    out: dict[str, dict] = {}
    lines: dict[str, int | None] = {}
    for i, e in enumerate(entries):
        line = _lc_item(entries, i)
        where = f"{p}: " + (f"line {line}, " if line else "") + f"entry {i + 1}"
        if not isinstance(e, dict):
            raise ManifestError(
                f"{where}: expected a mapping with a 'file' key, got {type(e).__name__}"
            )
        f = e.get("file")
        if not isinstance(f, str) or not f.strip():
            raise ManifestError(
                f"{where}: expected a 'file' key naming the article file, got {f!r}"
            )
        f = f.strip()

        def loc(key: str, e: Any = e, i: int = i, f: str = f) -> str:
            ln = _lc_value(e, key) or _lc_item(entries, i)
            return f"{p}: " + (f"line {ln}, " if ln else "") + f"entry {i + 1} ({f})"

        entry = _normalize_entry(dict(e), f"{where} ({f})", loc)
        if f in out:
            raise ManifestError(f"{where}: duplicate entry for {f!r} (first at line {lines[f]})")
        out[f] = entry
        lines[f] = line
    return out


def _lc_item(seq: Any, i: int) -> int | None:
    try:
        return seq.lc.item(i)[0] + 1
    except Exception:
        return None


def _lc_value(mapping: Any, key: str) -> int | None:
    try:
        return mapping.lc.value(key)[0] + 1
    except Exception:
        try:
            return mapping.lc.key(key)[0] + 1
        except Exception:
            return None

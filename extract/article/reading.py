"""Reading an article: :func:`read_article` (a file) and :func:`article_from_text` (pasted
text), which decode, segment and analyse it and apply its manifest entry."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from extract.article.analyze import _analyze
from extract.article.decode import _control_ratio, decode_bytes
from extract.article.html_page import _html_article, _is_site_name
from extract.article.manifest import _apply_entry, _normalize_entry
from extract.article.model import Article, ArticleError
from extract.timeline import is_public_address

# the package's logger, as before it was split: log lines name extract.article
logger = logging.getLogger("extract.article")


MAX_BYTES = 20 * 1024 * 1024


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

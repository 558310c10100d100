"""Reading a saved web page: its article text and metadata, by trafilatura and htmldate, with
no network access."""

from __future__ import annotations

import datetime as _dt
import logging
import re
from pathlib import Path
from typing import Any

from extract.article.analyze import _str
from extract.article.model import ArticleError
from extract.article.published import normalize_published

# the package's logger, as before it was split: log lines name extract.article
logger = logging.getLogger("extract.article")


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

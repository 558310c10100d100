"""Untrusted text (articles, YAML) made safe to show as Markdown (Streamlit-free).

Nothing from the file is ever rendered as HTML. Streamlit's Markdown understands more than
CommonMark (``$math$``, ``:red[colour]``, ``:emoji:`` shortcodes), so every ASCII punctuation
character is backslash-escaped (CommonMark allows that for all of them); checked in a real
browser, this shows all of them as written. No invisible characters are added, so a copied
quote is the quote; those the text holds (a right-to-left override, a zero-width space, a
control character) are shown as ``⟨U+202E⟩`` (``extract.timeline.visible``), so the page
shows what is stored rather than text reordered or hidden. (A bare http(s) address in a quote
still becomes a link: that is GitHub Markdown's autolinking, and only ever makes
http(s)/mailto links.)
"""

from __future__ import annotations

import re
import string
from urllib.parse import quote

from extract.timeline import visible

_PUNCTUATION = frozenset(string.punctuation)
_URL_RE = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)


def md_escape(text: object) -> str:
    """Text that Streamlit's Markdown shows exactly as written (no markup, no HTML, no math),
    invisible and control characters shown as ``⟨U+202E⟩``.

    >>> print(md_escape("<b>x</b> *y* $z$"))
    \\<b\\>x\\<\\/b\\> \\*y\\* \\$z\\$
    >>> print(md_escape("abc\u202egnp.exe"))
    abc⟨U\\+202E⟩gnp\\.exe
    """
    out: list[str] = []
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    for ch in visible(text, keep_newlines=True):
        if ch in _PUNCTUATION:
            out.append("\\" + ch)
        elif ch in "\r\n":
            out.append(" ")  # one paragraph: a blank line cannot start a heading or a list
        else:
            out.append(ch)
    return "".join(out)


def find_date_words(quote: str, date_text: str | None) -> tuple[int, int] | None:
    """Where the date words sit in the quote: exact match first, then ignoring case."""
    if not date_text:
        return None
    at = quote.find(date_text)
    if at < 0:
        at = quote.casefold().find(date_text.casefold())
        if at < 0 or len(quote.casefold()) != len(quote):
            return None
    return at, at + len(date_text)


def highlighted_quote(quote: str, date_text: str | None) -> str:
    """The quote as escaped Markdown with its date words highlighted.

    Returns Markdown in which only the highlight is markup: everything from the article is
    escaped. When the date words are not in the quote the quote is returned unhighlighted.
    """
    span = find_date_words(quote, date_text)
    if span is None:
        return md_escape(quote)
    a, b = span
    return (md_escape(quote[:a]) + ":orange-background[**" + md_escape(quote[a:b]) + "**]"
            + md_escape(quote[b:]))


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for a Markdown link target, or None for anything else."""
    if not url or not _URL_RE.match(url) or any(c.isspace() for c in url):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def md_link(label: str, url: str | None) -> str:
    """A Markdown link with an escaped label, or the escaped label alone when the URL is not
    http(s)."""
    target = safe_url(url)
    if target is None:
        return md_escape(label)
    return f"[{md_escape(label)}]({target})"

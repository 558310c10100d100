"""The naive approach both benches compare against: ``dateparser.search.search_dates`` over a
whole text (``languages=['en']``, the publication date as ``RELATIVE_BASE``), and where in the
text its substrings are (it returns only the substrings)."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable


def search(text: str, base: dt.datetime | None) -> list[tuple[str, dt.datetime]]:
    """``search_dates(text, languages=['en'])`` with ``base`` as the relative base."""
    from dateparser.search import search_dates

    settings = {} if base is None else {"RELATIVE_BASE": base}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return search_dates(text, languages=["en"], settings=settings) or []


def locate(text: str, hits: Iterable[tuple[str, dt.datetime]]
           ) -> list[tuple[int, int, str, dt.datetime]]:
    """(start, end, substring, value) of each hit, found in order (searching forward from the
    previous hit, else from the start); a substring not in the text is dropped."""
    out, pos = [], 0
    for s, value in hits:
        i = text.find(s, pos)
        if i < 0:
            i = text.find(s)
        if i < 0:
            continue
        out.append((i, i + len(s), s, value))
        pos = i + len(s)
    return out

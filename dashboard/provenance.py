"""What establishes an event, in words for the card and the Sources page (Streamlit-free).

* :func:`corroboration_markdown`: "Corroborated by 2 distinct publishers" counts only what a
  person accepted and only evidence that agrees with the record (``frame.corroboration``);
* :func:`reference_lines`: the further sources an event cites in ``references`` (often known
  only by their link), each with what it establishes (title, publisher, link, notes);
* :func:`source_link` / :func:`short_digest` / :func:`page_says_words`: a source's link, its
  identity and what its page claims of itself, never "None" where a value is missing.

Everything from the file is escaped with ``md_escape`` (which also shows invisible characters).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dashboard.frame import Frames
from dashboard.labels import counted
from dashboard.text import md_escape, md_link, safe_url
from extract.timeline import visible


def _names(values: Sequence[str]) -> str:
    return ", ".join(md_escape(v) for v in values)


def corroboration_markdown(status: str, corroborating: Sequence[str],
                           publishers: Sequence[str], disagreeing: Sequence[str]) -> str:
    """One Markdown line on how far independent publishers back the event.

    >>> print(corroboration_markdown("accepted", ("A", "B"), ("A", "B", "C"), ("C",)))
    ... # doctest: +NORMALIZE_WHITESPACE
    Corroborated by **2 distinct publishers**: A, B. C gives another date or value (shown
    above); not counted.
    """
    if status != "accepted":
        n = len(publishers)
        who = counted(n, "publisher") + (f": {_names(publishers)}" if n else "")
        return (f"**Not corroboration yet:** quoted by {who}; evidence counts once a curator "
                "accepts the event.")
    n = len(corroborating)
    if n > 1:
        line = f"Corroborated by **{n} distinct publishers**: {_names(corroborating)}."
    elif n == 1:
        line = f"**One publisher only:** {_names(corroborating)}."
    else:
        line = "**No publisher confirms the record as it stands.**"
    if disagreeing:
        verb = "gives" if len(disagreeing) == 1 else "give"
        line += (f" {_names(disagreeing)} {verb} another date or value (shown above); not "
                 "counted.")
    return line


def source_link(title: str, url: str, fallback: str = "article") -> str:
    """A link to the source, or its title alone (escaped); '' when it has neither."""
    if safe_url(url):
        return md_link(title or fallback, url)
    return md_escape(title) if title else ""


def short_digest(digest: str) -> str:
    """'sha256:3b5d3a2e8f1c' (the first 12 hex digits) of a source's digest; '' when none."""
    return digest[: len("sha256:") + 12] if digest else ""


def page_says_words(publisher: str, url: str) -> str:
    """'the page says: Budget Wire International, https://…' (plain text); '' when nothing."""
    parts = [p for p in (publisher, url) if p]
    return "the page says: " + ", ".join(parts) if parts else ""


def reference_lines(reference_ids: Sequence[str],
                    sources: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """One Markdown line per further source the event cites, saying what it establishes.

    ``sources`` maps source ids to rows of the sources frame. A source without a link says
    "no link" (never "None"); an id that is not a listed source says so.
    """
    lines = []
    for ref in reference_ids:
        src = sources.get(ref)
        if src is None:
            lines.append(md_escape(ref) + " (source not listed)")
            continue
        bits = [f"**{md_escape(src['publisher'])}**"]
        if src.get("published_label"):
            bits.append("published " + md_escape(src["published_label"]))
        link = source_link(src.get("title") or "", src.get("url") or "", fallback="link")
        if link:
            bits.append(link)
        if not safe_url(src.get("url") or ""):
            bits.append("no link")
        if src.get("notes"):
            bits.append(md_escape(src["notes"]))
        lines.append(" · ".join(bits))
    return lines


def source_rows(frames: Frames, shown_ids: set[str] | None = None) -> list[dict[str, Any]]:
    """One row per source for the table (text shown as stored: invisible characters visible).

    ``events`` lists the events it supports: those that quote it, then those that cite it in
    ``references``. With ``shown_ids``, only those events count, and a source that supports
    none of them is left out.
    """
    events = frames.events.set_index("id", drop=False)
    rows = []
    for s in frames.sources.itertuples(index=False):
        quoted = [e for e in s.events if e in events.index]
        cited = [e for e in s.referenced_by if e in events.index and e not in quoted]
        if shown_ids is not None:
            quoted = [e for e in quoted if e in shown_ids]
            cited = [e for e in cited if e in shown_ids]
            if not quoted and not cited:
                continue
        rows.append({
            "publisher": visible(s.publisher),
            "title": visible(s.title),
            "published": s.published_label,
            "link": safe_url(s.url) or "",  # empty, not None: the table would say "None"
            "events": [visible(f"{events.at[e, 'label']} · {events.at[e, 'title']}")
                       for e in quoted]
                      + [visible(f"{events.at[e, 'label']} · {events.at[e, 'title']} "
                                 "(further source)") for e in cited],
            "n_events": len(quoted) + len(cited),
            "page_says": visible(page_says_words(s.page_says_publisher, s.page_says_url)
                                 .removeprefix("the page says: ")),
            "digest": short_digest(s.digest),
            "notes": visible(s.notes),
            "author": visible(s.author),
            "id": s.id,
        })
    return rows

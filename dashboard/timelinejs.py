"""The view as a TimelineJS 3 JSON file, for a newsroom to publish (Streamlit-free).

Format: https://timeline.knightlab.com/docs/json-format.html ::

    {"title": slide, "events": [slide, ...], "eras": [era, ...], "scale": "human"}
    slide = {"start_date": date, "end_date": date, "display_date": str, "group": str,
             "text": {"headline": str, "text": str}, "media": {"url", "caption", "credit"},
             "unique_id": str}
    date  = {"year": int, "month": int, "day": int, "display_date": str}
    era   = {"start_date": date, "end_date": date, "text": {"headline": str}}

Honest precision: a date object carries only the fields the text gives (a year-precision
event has ``year`` only, a month-precision one ``year`` and ``month``), and ``display_date`` is
the dashboard's label ('c. 2016', '27 Sep – 10 Nov 2020'). TimelineJS renders ``headline`` and
``text`` as HTML, so every string from the file is HTML-escaped and no markup is added: the
text is plain. Periods of a month or more (a war, a SIPRI window) are also eras, the bands
under the timeline; a two-day visit is not (:func:`is_era`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any

import pandas as pd

from dashboard.figures import NO_LANE, type_words
from dashboard.frame import record
from dashboard.labels import counted, date_label
from dashboard.marks import pair_words
from dashboard.present import cited_source_ids, dispute_sentences, key_evidence
from dashboard.text import safe_url
from extract.timeline import PartialDate, visible


def esc(text: object) -> str:
    """Text made inert for TimelineJS's HTML: &, <, > and quotes escaped; invisible
    characters shown as ``⟨U+202E⟩``."""
    return html.escape(visible(str(text)), quote=True)


def tl_date(value: str) -> dict[str, Any]:
    """A TimelineJS date with the fields the written date gives, and its label.

    >>> tl_date("2020-11")
    {'year': 2020, 'month': 11, 'display_date': 'Nov 2020'}
    """
    d = PartialDate.parse(value)
    out: dict[str, Any] = {"year": d.year}
    if d.month is not None:
        out["month"] = d.month
    if d.day is not None:
        out["day"] = d.day
    out["display_date"] = esc(date_label(d))
    return out


ERA_DAYS = 28  # the shortest month: a period at least this long is an era


def is_era(date: str, end: str) -> bool:
    """Whether a period is long enough to be an era: from its first possible day to its last,
    at least :data:`ERA_DAYS` days (a month or more).

    >>> is_era("2020-09-27", "2020-11-10"), is_era("2023-05-30", "2023-05-31")
    (True, False)
    """
    if not end:
        return False
    first, last = PartialDate.parse(date).first_day(), PartialDate.parse(end).last_day()
    return (last - first).days + 1 >= ERA_DAYS


def group_of(row: Mapping[str, Any], lanes: str = "type") -> str:
    """The lane the event sits in on the dashboard (its first actor/system in those modes)."""
    if lanes == "actor":
        return row["actors"][0] if row["actors"] else NO_LANE["actor"]
    if lanes == "system":
        return row["systems"][0] if row["systems"] else NO_LANE["system"]
    if lanes == "pair":
        return pair_words(row.get("supplier"), row.get("recipient"))
    return type_words(row["type"])


def _credit(src: Mapping[str, Any] | None, source_id: str) -> str:
    if src is None:
        return source_id
    parts = [src["publisher"]]
    if src["published_label"]:
        parts.append(src["published_label"])
    return ", ".join(parts)


def _slide_text(row: Mapping[str, Any], rec: Mapping[str, Any],
                sources: Mapping[str, Mapping[str, Any]]) -> str:
    parts: list[str] = []
    if row["summary"]:
        parts.append(row["summary"])
    ev = key_evidence(rec)
    if ev is not None:
        parts.append(f"“{ev['quote']}” ({_credit(sources.get(ev['source']), ev['source'])})")
    n = int(row["n_publishers"])
    parts.append(f"Sources: {', '.join(row['publishers'])}" + (
        f" ({counted(n, 'publisher')})." if n > 1 else " (one publisher only)."))
    if row["unverified"]:
        parts.append("Unverified: no independent source confirms this claim.")
    if row["status"] != "accepted":
        parts.append(f"Status: {row['status']}.")
    parts.extend(dispute_sentences(row["disputes"], row["label"]))
    return esc(" ".join(parts))


def _media(rec: Mapping[str, Any], sources: Mapping[str, Mapping[str, Any]]
           ) -> dict[str, str] | None:
    """The source of the key quote, else the first cited source with an http(s) address,
    credited; None when none has one."""
    key = key_evidence(rec)
    first = [key["source"]] if key is not None else []
    for sid in dict.fromkeys([*first, *cited_source_ids(rec)]):
        src = sources.get(sid)
        url = safe_url(src["url"]) if src is not None else None
        if src is not None and url:
            return {"url": url, "credit": esc(_credit(src, sid)),
                    "caption": esc(src["title"] or src["publisher"])}
    return None


def timelinejs(events: pd.DataFrame, sources: pd.DataFrame, *, title: str = "Arms transfers",
               subtitle: str = "", lanes: str = "type") -> dict[str, Any]:
    """The TimelineJS document for ``events`` (rows of the events frame, in order).

    Args: ``sources`` (the sources frame), ``title``/``subtitle`` for the title slide,
    ``lanes`` ('type', 'actor', 'system', 'pair') for ``group``. Returns a JSON-ready dict.
    """
    by_id = {s["id"]: s for s in sources.to_dict("records")} if not sources.empty else {}
    slides: list[dict[str, Any]] = []
    eras: list[dict[str, Any]] = []
    for row in events.to_dict("records"):
        rec = record(row["record"])
        slide: dict[str, Any] = {"start_date": tl_date(row["date"])}
        if row["end"]:
            slide["end_date"] = tl_date(row["end"])
        slide["display_date"] = esc(row["label"])
        slide["text"] = {"headline": esc(row["title"]), "text": _slide_text(row, rec, by_id)}
        media = _media(rec, by_id)
        if media is not None:
            slide["media"] = media
        slide["group"] = esc(group_of(row, lanes))
        slide["unique_id"] = row["id"]
        slides.append(slide)
        if is_era(row["date"], row["end"]):
            eras.append({"start_date": tl_date(row["date"]), "end_date": tl_date(row["end"]),
                         "text": {"headline": esc(row["title"])}})
    doc: dict[str, Any] = {
        "title": {"text": {"headline": esc(title), "text": esc(subtitle)}},
        "events": slides,
        "scale": "human",
    }
    if eras:
        doc["eras"] = eras
    return doc


def to_timelinejs(events: pd.DataFrame, sources: pd.DataFrame, **options: Any) -> bytes:
    """:func:`timelinejs` as UTF-8 JSON bytes (deterministic)."""
    doc = timelinejs(events, sources, **options)
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

"""Presenter mode as data: the deck of slides, the presenter's place, the theme (Streamlit-free).

A deck is a title slide, one slide per event, and a sources slide::

    step 0          title: what is presented, how many events, their date span
    step 1..n       the n-th event (``?step=3`` is the third event)
    step n+1        every source the events cite, with publisher, date and link

What is presented is either the current filtered view, in date order (``set=view``), or the
briefing curated in events.yaml (``set=briefing``), in the presenter's order. The presenter's
place lives in the URL next to the filters (see :func:`presenter_from_query`), so a reload keeps
the slide.

Query keys::

    mode=present   presenter mode (full screen, no sidebar); absent = the set-up page
    step=N         the slide (0 = title); clamped to the deck
    set=briefing   the curated briefing instead of the filtered view
    theme=dark     dark slides (light by default)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.frame import Frames, record
from dashboard.labels import date_label
from dashboard.theme import DARK as DARK
from dashboard.theme import LIGHT as LIGHT
from dashboard.theme import THEMES_BY_NAME as THEMES_BY_NAME
from dashboard.theme import Theme as Theme
from dashboard.theme import contrast_ratio as contrast_ratio
from dashboard.theme import theme_of as theme_of
from extract.timeline import PartialDate

SETS = ("view", "briefing")
THEMES = ("light", "dark")
_MAX_STEP = 100_000


@dataclass(frozen=True)
class Presenter:
    """Where the presenter is: on or off, which slide, which set of events, which theme."""

    on: bool = False
    step: int = 0
    set: str = "view"
    theme: str = "light"


def _first(params: Mapping[str, str | Sequence[str]], key: str) -> str:
    raw = params.get(key)
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw.strip()
    items = list(raw)
    return str(items[0]).strip() if items else ""


def presenter_from_query(params: Mapping[str, str | Sequence[str]]) -> Presenter:
    """Read the presenter's place from query-string pairs; never raises (bad values: defaults).

    >>> presenter_from_query({"mode": "present", "step": "3", "theme": "dark"})
    Presenter(on=True, step=3, set='view', theme='dark')
    """
    step_text = _first(params, "step")
    step = int(step_text) if step_text.isdigit() and len(step_text) <= 6 else 0
    set_name = _first(params, "set")
    theme = _first(params, "theme")
    return Presenter(
        on=_first(params, "mode") == "present",
        step=min(step, _MAX_STEP),
        set=set_name if set_name in SETS else "view",
        theme=theme if theme in THEMES else "light",
    )


def presenter_to_query(p: Presenter) -> dict[str, str]:
    """The query-string pairs of a place; defaults are left out (``step`` only when on)."""
    out: dict[str, str] = {}
    if p.on:
        out["mode"] = "present"
        out["step"] = str(p.step)
    if p.set != "view":
        out["set"] = p.set
    if p.theme != "light":
        out["theme"] = p.theme
    return out


# --------------------------------------------------------------------------------------------
# The deck
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Deck:
    """The slides: ``events`` in presentation order (rows of the events frame)."""

    title: str
    events: pd.DataFrame
    sources: pd.DataFrame
    set: str = "view"
    missing: tuple[str, ...] = ()  # briefing ids not in the file

    @property
    def n_events(self) -> int:
        return len(self.events)

    @property
    def last_step(self) -> int:
        """The sources slide."""
        return self.n_events + 1

    def clamp(self, step: int) -> int:
        return max(0, min(int(step), self.last_step))

    def kind(self, step: int) -> str:
        """'title', 'event' or 'sources'."""
        step = self.clamp(step)
        if step == 0:
            return "title"
        return "sources" if step == self.last_step else "event"

    def event_at(self, step: int) -> pd.Series | None:
        """The event of an event slide (``step`` 1..n), else None."""
        if self.kind(step) != "event":
            return None
        return self.events.iloc[self.clamp(step) - 1]

    def span_label(self) -> str:
        """The date span of the deck at honest precision ('13 Dec 2016 – 10 Nov 2020', '2016')."""
        return span_label(self.events)

    def count_words(self) -> str:
        n = self.n_events
        return f"{n} event{'s' if n != 1 else ''}"

    def cited_sources(self, upto_step: int | None = None) -> pd.DataFrame:
        """The sources cited by the events up to ``upto_step`` (all by default), in the order
        first cited: evidence first, then the event's references."""
        last = self.n_events if upto_step is None else max(0, min(upto_step, self.n_events))
        order: dict[str, None] = {}
        for text in self.events["record"].iloc[:last]:
            for sid in cited_source_ids(record(text)):
                order.setdefault(sid, None)
        if self.sources.empty or not order:
            return self.sources.iloc[0:0]
        by_id = self.sources.set_index("id", drop=False)
        return by_id.loc[[s for s in order if s in by_id.index]].reset_index(drop=True)


def cited_source_ids(rec: Mapping[str, Any]) -> list[str]:
    """The ids of the sources an event record cites: its evidence, then its references."""
    ids: dict[str, None] = {}
    for ev in rec.get("evidence", []):
        ids.setdefault(ev["source"], None)
    for ref in rec.get("references", []) or []:
        ids.setdefault(ref, None)
    return list(ids)


def span_label(events: pd.DataFrame) -> str:
    """From the earliest date to the latest, each at the precision the text gives; '' if none."""
    if events.empty:
        return ""
    first = events.loc[events["start"].idxmin()]
    last = events.loc[events["stop"].idxmax()]
    start = PartialDate.parse(first["date"])
    end = PartialDate.parse(last["end"] or last["date"])
    if end == start or end.last_day() <= start.last_day() and end.first_day() >= start.first_day():
        return date_label(start)
    return date_label(start, end)


def make_deck(frames: Frames, shown: pd.DataFrame, set_name: str = "view") -> Deck:
    """The deck for the filtered view (``shown``, date order) or the file's briefing.

    The briefing is the curator's selection in the presenter's order and ignores the filters;
    ids that are not in the file are listed in ``missing`` (the loader refuses such a file, so
    this only guards against a stale session).
    """
    if set_name == "briefing":
        by_id = frames.events.set_index("id", drop=False)
        wanted = list(dict.fromkeys(frames.briefing))
        present = [i for i in wanted if i in by_id.index]
        events = by_id.loc[present].reset_index(drop=True) if present else frames.events.iloc[0:0]
        missing = tuple(i for i in wanted if i not in by_id.index)
        title = "Briefing"
    else:
        events = shown.reset_index(drop=True)
        missing = ()
        title = "Arms transfers: the timeline"
    return Deck(title=title, events=events, sources=frames.sources, set=set_name,
                missing=missing)


# --------------------------------------------------------------------------------------------
# Words for a slide (plain text: the renderer escapes)
# --------------------------------------------------------------------------------------------


def key_evidence(rec: Mapping[str, Any]) -> dict[str, Any] | None:
    """The quote to show: the first evidence that carries date words, else the first."""
    evidence = list(rec.get("evidence", []))
    if not evidence:
        return None
    for ev in evidence:
        if ev.get("date_text"):
            return ev
    return evidence[0]


def dispute_parts(disputes: Sequence[Mapping[str, Any]], shown: str, *,
                  escape: Callable[[str], str] = str) -> list[tuple[str, str]]:
    """(heading, text) per disputed field: ('Sources differ on the date:', 'A says …').

    The one wording of a disagreement, for the card, slides, handout and exports; ``escape``
    is applied to every piece that comes from the file (the card passes its Markdown escape).
    """
    out = []
    for d in disputes:
        says = "; ".join(f"{escape(who)} says {escape(what)}" for who, what in d["says"])
        if d["field"] == "date":
            heading = ("Sources differ on the date:" if len(d["says"]) > 1
                       else "The source gives another date:")
            tail = f" The timeline shows {escape(shown)}"
            tail += ("; no source contradicts it, some are only less precise."
                     if d["consistent"] else ".")
            out.append((heading, f"{says}.{tail}"))
        elif d["field"] == "value":
            out.append(("Sources differ on the figure:", f"{says}."))
        else:
            parts = "; ".join(f"{escape(who)}: “{escape(text)}”" for who, text in d["says"])
            out.append(("Sources add:", parts))
    return out


def dispute_sentences(disputes: Sequence[Mapping[str, Any]], shown: str) -> list[str]:
    """One plain sentence per disputed field ('Sources differ on the date: A says …')."""
    return [f"{heading} {body}" for heading, body in dispute_parts(disputes, shown)]

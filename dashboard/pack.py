"""The briefing pack: every export of one view, made the same way from the page and the
command line (Streamlit-free).

A :class:`Pack` is what a briefing is about: its events in order (the filtered view in date
order, or the curated ``briefing`` of events.yaml in the presenter's order), their sources, the
view in words, the moment it is "as of" and an optional handling line (a classification or
handling caveat, empty by default, from ``$ARMS_HANDLING`` or ``--handling``).
:func:`dashboard.outputs.make` turns a pack into the bytes of one format.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from dashboard.filters import Filters, apply, filters_to_query
from dashboard.frame import Frames, record
from dashboard.labels import MONTHS, counted
from dashboard.picture import view_words
from dashboard.present import make_deck, span_label
from extract.timeline.changes import Diff

HANDLING_ENV = "ARMS_HANDLING"


@dataclass(frozen=True)
class Pack:
    """What one briefing holds (see the module's docstring)."""

    events: pd.DataFrame
    sources: pd.DataFrame
    title: str
    view_words: str
    as_of: dt.datetime
    handling: str = ""
    lanes: str = "type"
    set: str = "view"
    query: Mapping[str, Any] = field(default_factory=dict)
    briefing: tuple[str, ...] = ()
    origin: str = "events.yaml"
    # "Since last briefing": the snapshot compared with, and the changes by kind, in words
    changes_since: str = ""
    changes: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def n_events(self) -> int:
        return len(self.events)

    def as_of_words(self) -> str:
        """'1 Nov 2026, 14:03 UTC' (the zone as given; naive times are taken as UTC)."""
        t = self.as_of if self.as_of.tzinfo else self.as_of.replace(tzinfo=dt.UTC)
        zone = t.tzname() or "UTC"
        return f"{t.day} {MONTHS[t.month - 1]} {t.year}, {t:%H:%M} {zone}"

    def summary_words(self) -> str:
        """'13 events, 13 Dec 2016 – 30 May 2023' (or 'No events')."""
        if not self.n_events:
            return "No events"
        span = span_label(self.events)
        return counted(self.n_events, "event") + (f", {span}" if span else "")

    def source_line(self) -> str:
        """The credit under the picture and on every slide."""
        return (f"Source: arms-transfer timeline ({self.origin}), as of {self.as_of_words()}. "
                "Dates at the precision the sources give.")

    def cited_source_ids(self) -> list[str]:
        """Every source the events cite (evidence, then references), in the order first cited."""
        order: dict[str, None] = {}
        for text in self.events["record"]:
            rec = record(text)
            for ev in rec.get("evidence", []):
                order.setdefault(ev["source"], None)
            for ref in rec.get("references", []) or []:
                order.setdefault(ref, None)
        return list(order)


def handling_setting() -> str:
    """The handling line of ``$ARMS_HANDLING`` (one line; empty when unset)."""
    return " ".join(os.environ.get(HANDLING_ENV, "").split())


def make_pack(frames: Frames, filters: Filters, set_name: str = "view", *,
              as_of: dt.datetime | None = None, handling: str | None = None,
              origin: str = "events.yaml") -> Pack:
    """The pack of a view (``filters``) or of the curated briefing (``set_name='briefing'``).

    The events are those the page shows for the same view: :func:`dashboard.filters.apply`,
    then :func:`dashboard.present.make_deck` for the briefing's order.
    """
    shown = apply(frames.events, filters)
    deck = make_deck(frames, shown, set_name)
    if set_name == "briefing":
        title, words = "Arms transfers: briefing", "the briefing curated in events.yaml"
        span = span_label(deck.events)
        words += f", {span}" if span else ""
    else:
        title, words = "Arms transfers: the timeline", view_words(filters, deck.events)
    return Pack(
        events=deck.events, sources=frames.sources, title=title, view_words=words,
        as_of=as_of or dt.datetime.now(dt.UTC).replace(second=0, microsecond=0),
        handling=" ".join((handling if handling is not None else handling_setting()).split()),
        lanes=filters.lanes, set=set_name, query=filters_to_query(filters),
        briefing=tuple(frames.briefing), origin=origin)


def with_changes(pack: Pack, diff: Diff) -> Pack:
    """The pack with a "Since last briefing" part: the changes of ``diff`` by kind, one line
    each ("Title · 3 Oct 2022", "Title: date: Oct 2022 → 3 Oct 2022 (more precise)")."""
    groups = (
        (f"New ({len(diff.added)})", tuple(f"{x.title} · {x.date}" for x in diff.added)),
        (f"Changed ({len(diff.changed)})",
         tuple(f"{c.title}: " + "; ".join(ch.words for ch in c.changes) for c in diff.changed)),
        (f"Withdrawn ({len(diff.removed)})",
         tuple(f"{x.title} · {x.date}: {x.why}" for x in diff.removed)),
    )
    return replace(pack, changes_since=diff.old,
                   changes=tuple((head, lines) for head, lines in groups if lines))

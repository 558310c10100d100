"""Scoring candidates against a gold file (tests/data/gold.yaml): precision, recall, types.

A candidate matches a gold event when one of its evidence sentences, from the same article
file, contains the gold quote, and its date (``date`` or ``date..end``) is one the gold allows.
Recall is over the gold events that matter; precision is over all candidates (a candidate for a
real but minor event is not a false positive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from extract.timeline import Event, Timeline


@dataclass
class GoldEvent:
    file: str
    quote: str
    dates: list[str]
    types: list[str]
    matters: bool


@dataclass
class Score:
    candidates: int = 0
    true_positives: int = 0  # candidates that match some gold event
    gold_matters: int = 0
    found_matters: int = 0
    typed_right: int = 0
    typed_total: int = 0
    missed: list[GoldEvent] = field(default_factory=list)
    false_positives: list[Event] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.candidates if self.candidates else 1.0

    @property
    def recall(self) -> float:
        return self.found_matters / self.gold_matters if self.gold_matters else 1.0

    @property
    def type_accuracy(self) -> float:
        return self.typed_right / self.typed_total if self.typed_total else 1.0

    def summary(self) -> str:
        return (
            f"recall {self.recall:.2f} ({self.found_matters}/{self.gold_matters} events that "
            f"matter), precision {self.precision:.2f} ({self.true_positives}/{self.candidates} "
            f"candidates), type accuracy {self.type_accuracy:.2f}"
        )


def load_gold(path: str | Path) -> list[GoldEvent]:
    with open(path, encoding="utf-8") as fh:
        data: Any = yaml.load(fh, Loader=yaml.BaseLoader)  # everything as written: strings
    out = []
    for file, events in data["articles"].items():
        for e in events:
            out.append(GoldEvent(file, e["quote"], list(e["date"]), list(e.get("types", [])),
                                 e.get("matters", "true") == "true"))
    return out


def _span(event: Event) -> str:
    return f"{event.date}..{event.end}" if event.end else str(event.date)


def score(candidates: Timeline, gold: list[GoldEvent]) -> Score:
    files = {s.id: s.file for s in candidates.sources}
    result = Score(candidates=len(candidates.events),
                   gold_matters=sum(1 for g in gold if g.matters))

    def matches(event: Event, g: GoldEvent) -> bool:
        return _span(event) in g.dates and any(
            files.get(ev.source) == g.file and g.quote in ev.quote for ev in event.evidence
        )

    for event in candidates.events:
        hits = [g for g in gold if matches(event, g)]
        if hits:
            result.true_positives += 1
            result.typed_total += 1
            result.typed_right += any(event.type in g.types for g in hits)
        else:
            result.false_positives.append(event)
    for g in gold:
        if g.matters:
            if any(matches(e, g) for e in candidates.events):
                result.found_matters += 1
            else:
                result.missed.append(g)
    return result

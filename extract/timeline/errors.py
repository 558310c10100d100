"""The errors of the contract: :class:`Problem` (one located problem), :class:`TimelineError`
(every problem of a file) and :class:`ConcurrentModificationError`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.timeline.display import _LINE_BREAKS, visible


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation problem, located."""

    file: str
    line: int | None
    where: str  # "event 'gantz-visit-2022'", "source #2", "" for the top level
    field: str | None
    message: str

    def __str__(self) -> str:
        head = self.file
        if self.where:
            head += f", {self.where}"
        if self.line is not None:
            head += f" (line {self.line})"
        body = f"field '{self.field}': {self.message}" if self.field else self.message
        # one line, whatever the values hold, and no character that hides or reorders text
        return visible(f"{head}: {body}".translate(_LINE_BREAKS))


class TimelineError(Exception):
    """The file cannot be used as it is. ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]


class ConcurrentModificationError(Exception):
    """The file changed on disk since it was read: saving would overwrite someone's work."""

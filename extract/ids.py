"""Unique ids: ``ident``, else ``ident-2``, ``ident-3`` ... the first not taken.

Many articles give the same id (a SIPRI statistic's, a visit's reported everywhere): trying
each suffix from 2 every time makes a scan or a merge grow with the square of the archive
(4,000 look-ups for the 4,001st). :class:`FreeIds` starts where the last search for the same
id ended. That is only a place to start: ids are never freed while it is used (a caller that
rolls back what it took calls :meth:`FreeIds.forget`), so the ids are those of trying each
suffix in turn, and forgetting (it keeps a bounded number) only makes the next search slower.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["FreeIds"]

KEPT = 200_000  # ids whose next free suffix is remembered


class FreeIds:
    """``free(ident)``: the first of ``ident``, ``ident-2``, ``ident-3`` ... for which
    ``taken`` is false. The caller takes it (adds it to what ``taken`` reads) before asking
    again for the same ``ident``."""

    def __init__(self, taken: Callable[[str], bool], kept: int | None = None) -> None:
        self._taken = taken
        self._kept = KEPT if kept is None else kept
        self._next: dict[str, int] = {}

    def __call__(self, ident: str) -> str:
        n = self._next.get(ident, 1)
        candidate = ident if n == 1 else f"{ident}-{n}"
        while self._taken(candidate):
            n += 1
            candidate = f"{ident}-{n}"
        if n > 1:
            if len(self._next) >= self._kept:
                self._next.clear()
            self._next[ident] = n
        return candidate

    def forget(self) -> None:
        """Ids taken since were given back (a transaction rolled back): start again from 2."""
        self._next.clear()

"""Small helpers shared by tests."""

from __future__ import annotations

import re
from pathlib import Path

# the writers' lock beside a timeline (extract.timeline.timeline_lock): not a leftover, it is
# there for the next save, empty
_LOCK = re.compile(r"\..+\.lock")


def files_left(folder: Path) -> list[str]:
    """The names in ``folder``, sorted, without the writers' lock files."""
    return sorted(p.name for p in Path(folder).iterdir() if not _LOCK.fullmatch(p.name))

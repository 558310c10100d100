"""Finding and loading the timeline for the app (Streamlit-free, testable)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from extract.timeline import Timeline, load

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVENTS = ROOT / "events.yaml"
ENV_VAR = "ARMS_EVENTS"


def app_option(name: str, argv: Sequence[str] | None = None) -> str | None:
    """The value of ``NAME VALUE`` or ``NAME=VALUE`` among the app's arguments (after ``--``
    on the ``streamlit run`` command line), or None."""
    args = list(sys.argv[1:] if argv is None else argv)
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def events_path(argv: list[str] | None = None) -> Path:
    """The timeline file: ``--events PATH`` after ``--`` on the command line, then
    ``$ARMS_EVENTS``, then the bundled events.yaml."""
    given = app_option("--events", argv)
    if given is not None:
        return Path(given)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return DEFAULT_EVENTS


def load_timeline(path: Path) -> Timeline:
    """Load and validate; raises extract.timeline.TimelineError with located problems."""
    return load(path)

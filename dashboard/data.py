"""Finding and loading the timeline for the app (Streamlit-free, testable)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from extract.timeline import Timeline, load

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVENTS = ROOT / "events.yaml"
ENV_VAR = "ARMS_EVENTS"


def events_path(argv: list[str] | None = None) -> Path:
    """The timeline file: ``--events PATH`` after ``--`` on the command line, then
    ``$ARMS_EVENTS``, then the bundled events.yaml."""
    args = sys.argv[1:] if argv is None else argv
    for i, arg in enumerate(args):
        if arg == "--events" and i + 1 < len(args):
            return Path(args[i + 1])
        if arg.startswith("--events="):
            return Path(arg.split("=", 1)[1])
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return DEFAULT_EVENTS


def load_timeline(path: Path) -> Timeline:
    """Load and validate; raises extract.timeline.TimelineError with located problems."""
    return load(path)

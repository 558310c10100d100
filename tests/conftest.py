"""Shared fixtures: where the seed corpus is, and small timeline texts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def corpus_dir() -> Path | None:
    """The seed corpus: $ARMS_CORPUS, or ../shared/corpus beside the repository."""
    env = os.environ.get("ARMS_CORPUS")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "corpus")
    for c in candidates:
        if c.is_dir() and any(c.glob("*.txt")):
            return c
    return None


@pytest.fixture
def corpus() -> Path:
    found = corpus_dir()
    if found is None:
        pytest.skip(
            "seed corpus not found: set ARMS_CORPUS or place shared/corpus beside the repository"
        )
    return found

"""Shared fixtures: where the seed corpus is, and small timeline texts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI runs the property tests on a fixed set of examples (reproducible, no flaky health checks on
# a loaded 2-core machine); locally they explore new examples each run.
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=list(HealthCheck),
    print_blob=True,
)
if os.environ.get("CI"):
    settings.load_profile("ci")

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


@pytest.fixture(autouse=True)
def _private_parse_cache(tmp_path_factory, monkeypatch):
    """Tests never write to the user's parse cache (extract.timeline.load caches big files)."""
    monkeypatch.setenv("ARMS_CACHE_DIR", str(tmp_path_factory.mktemp("parse-cache")))


@pytest.fixture
def fresh_streamlit_cache():
    """Each AppTest starts with empty Streamlit caches (the app caches the loaded timeline)."""
    import streamlit as st

    from dashboard import review

    st.cache_data.clear()
    st.cache_resource.clear()
    review.forget_versions()  # the Review page's derivations kept per timeline
    review.forget_opened()  # and the documents opened per file version
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
    review.forget_versions()
    review.forget_opened()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Under pytest-xdist (the README's ``-n auto``) with ``--dist loadgroup``, the browser tests
    run one after another in one worker: each starts a Streamlit server and a Chromium, and two
    at once on a two-core machine only make both slower and their waits flakier. The other
    tests spread over the remaining workers (and this one, when it is done)."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))

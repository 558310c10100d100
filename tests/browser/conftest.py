"""Real-browser fixtures: a `streamlit run` server on a free port (``dashboard.serve``), and
headless Chromium.

The server is always stopped (terminate, then kill). Skips with a reason when Chromium or
Playwright is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard.serve import running

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
NO_PLAYWRIGHT = ("playwright is not installed: install the browser extra "
                 "(pip install -e '.[test,browser]'; the README's test command does)")
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
ARTIFACTS = Path(__file__).parent / "artifacts"
# the tests that take the README's pictures write them here: docs/ when asked to retake them
# (ARMS_UPDATE_PICTURES=1), else beside the logs, so that a test run leaves the checkout as it was
PICTURES = ROOT / "docs" if os.environ.get("ARMS_UPDATE_PICTURES") else ARTIFACTS


@contextmanager
def streamlit_server(events: Path, timeout: float = 60) -> Iterator[str]:
    """Run the dashboard on ``events``; yields its base URL; always stops it."""
    ARTIFACTS.mkdir(exist_ok=True)
    with running(events, log=ARTIFACTS / f"streamlit-{events.stem}.log",
                 timeout=timeout) as (base, _):
        yield base


@pytest.fixture(scope="session")
def playwright_browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium to run browser tests")
    api = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT)
    with api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def server_for(playwright_browser) -> Iterator[Callable[[Path], str]]:
    """``server_for(path)`` -> base URL of a dashboard on that file (one server per file)."""
    from contextlib import ExitStack

    servers: dict[Path, str] = {}
    with ExitStack() as stack:
        def start(events: Path) -> str:
            if events not in servers:
                servers[events] = stack.enter_context(streamlit_server(events))
            return servers[events]

        yield start


class Recorder:
    """What a page did: requests to hosts, console errors, dialogs (alert)."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def new_page(playwright_browser):
    """``new_page()`` -> (page, recorder); 1600x1000 like the screenshot."""
    contexts = []

    def make():
        context = playwright_browser.new_context(viewport={"width": 1600, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page, Recorder(page)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def tmp_events(tmp_path) -> Path:
    return tmp_path / "events.yaml"


def copy(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst

"""The Changes page in headless Chromium: a timeline in a git repository with three versions,
compared with its briefing snapshot; a click on an entry opens the card with what it was."""

from __future__ import annotations

import shutil

import pytest
from conftest import ARTIFACTS, READY

from dashboard.serve import running
from tests import test_changes as versions

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(shutil.which("git") is None, reason="needs the git command")]


def test_the_changes_since_the_briefing(playwright_browser, tmp_path):
    repo = versions.repo._fixture_function(tmp_path)  # the same three versions
    ARTIFACTS.mkdir(exist_ok=True)
    with running(repo / "events.yaml", log=ARTIFACTS / "streamlit-changes.log") as (base, _):
        context = playwright_browser.new_context(viewport={"width": 1600, "height": 1000})
        try:
            page = context.new_page()
            page.set_default_timeout(30_000)
            page.goto(base + "/changes")  # the last briefing by default
            page.get_by_text("The accepted events since briefing/2026-12-01: 1 new, 3 changed "
                             "events, 1 withdrawn.").wait_for()
            page.wait_for_selector(READY)
            assert page.get_by_text("Changed (3)").count() == 1
            page.get_by_role("button", name="Defence ministers Gallant and Hasanov speak").click()
            page.get_by_text("Before (briefing/2026-12-01)").wait_for()
            page.wait_for_selector(READY)
            assert page.get_by_text("now disputed: The Times of Israel says 2 Feb 2023"
                                    ).count() >= 1
            assert "since=briefing%2F2026-12-01" in page.url or \
                "since=briefing/2026-12-01" in page.url
            assert f"event={versions.CALL}" in page.url
            page.screenshot(path=str(ARTIFACTS / "changes.png"))
        finally:
            context.close()

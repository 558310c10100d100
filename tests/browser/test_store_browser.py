"""The Review page on a candidate store in headless Chromium: paged and searched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ARTIFACTS, READY, ROOT

from dashboard.serve import running
from extract.store import scan_to_store
from extract.timeline.store import Store
from tests.test_store import write_archive

pytestmark = pytest.mark.browser


def test_the_review_page_pages_and_searches_a_store(playwright_browser, tmp_path):
    events = Path(shutil.copyfile(ROOT / "events.yaml", tmp_path / "events.yaml"))
    db = tmp_path / "candidates.db"  # beside the timeline: used by convention
    scan_to_store([write_archive(tmp_path / "archive", 40)], db)
    with Store(db) as store:
        total, harop = store.count(), store.count(search="harop")
        page_two = store.page(offset=10, limit=10)[0].title
    ARTIFACTS.mkdir(exist_ok=True)
    with running(events, log=ARTIFACTS / "streamlit-store.log") as (base, _):
        context = playwright_browser.new_context(viewport={"width": 1600, "height": 1000})
        try:
            page = context.new_page()
            page.set_default_timeout(30_000)
            page.goto(base + "/review")
            page.get_by_text(f"{total} candidates").first.wait_for()
            page.wait_for_selector(READY)
            page.get_by_label("Page (of").fill("2")
            page.get_by_label("Page (of").press("Enter")
            page.get_by_role("heading", name=page_two).first.wait_for()
            page.wait_for_selector(READY)
            search = page.get_by_role("textbox", name="Search titles and quotes")
            search.fill("harop")
            search.press("Enter")
            page.get_by_text(f"{harop} candidates").first.wait_for()
            page.wait_for_selector(READY)
            page.screenshot(path=str(ARTIFACTS / "review-store.png"))
        finally:
            context.close()

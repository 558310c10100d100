"""The Deals and SIPRI pages in headless Chromium, with a SIPRI register of the tests' own
(tests/fixtures/sipri/id-layout.csv) beside the bundled timeline; their pictures for the
README."""

from __future__ import annotations

import pytest
from conftest import ARTIFACTS, PICTURES, READY, ROOT

from dashboard.serve import running

pytestmark = pytest.mark.browser
REGISTER = ROOT / "tests" / "fixtures" / "sipri" / "id-layout.csv"


def test_the_deals_and_sipri_pages(playwright_browser):
    ARTIFACTS.mkdir(exist_ok=True)
    with running(ROOT / "events.yaml", log=ARTIFACTS / "streamlit-deals.log",
                 env={"ARMS_SIPRI": str(REGISTER)}) as (base, _):
        context = playwright_browser.new_context(viewport={"width": 1600, "height": 1000})
        try:
            page = context.new_page()
            page.set_default_timeout(30_000)
            page.goto(base + "/deals?event=harop-combat-use-2020")
            page.get_by_text("Supplier → recipient, events by year").wait_for()
            page.wait_for_selector(READY)
            page.locator(".js-plotly-plot .ytick text").first.wait_for()
            ticks = page.locator(".js-plotly-plot .ytick text").evaluate_all(
                "els => els.map(e => e.textContent)")
            assert "Israel → Azerbaijan · Harop" in ticks
            page.get_by_role("heading", name="Azerbaijan uses Israeli Harop").wait_for()
            page.wait_for_timeout(500)  # the chart's last frame
            page.screenshot(path=str(PICTURES / "deals.png"))

            page.goto(base + "/sipri")
            page.get_by_role("tab", name="Match (").click()
            page.get_by_role("button", name="Azerbaijan uses Israeli Harop").first.click()
            page.get_by_role("heading", name="Azerbaijan uses Israeli Harop").wait_for()
            page.wait_for_selector(READY)
            assert "event=harop-combat-use-2020" in page.url
            page.screenshot(path=str(PICTURES / "sipri.png"))
        finally:
            context.close()


def test_a_quick_export_is_made_when_its_button_is_pressed(playwright_browser, tmp_path):
    import csv
    import io

    with running(ROOT / "events.yaml", log=ARTIFACTS / "streamlit-export.log") as (base, _):
        context = playwright_browser.new_context(viewport={"width": 1600, "height": 1000},
                                                 accept_downloads=True)
        try:
            page = context.new_page()
            page.set_default_timeout(30_000)
            page.goto(base + "/present?type=deal")
            button = page.get_by_role("button", name="CSV (one row per event)")
            button.wait_for()
            page.wait_for_selector(READY)
            with page.expect_download() as got:
                button.click()
            path = tmp_path / "view.csv"
            got.value.save_as(path)
        finally:
            context.close()
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows and {r["type"] for r in rows} == {"deal"}
    assert all(r["quotes"] for r in rows)

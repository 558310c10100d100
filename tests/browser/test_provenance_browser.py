"""Provenance in headless Chromium, on a copy of ``tests/fixtures/review/proposal.yaml``: the
Review page with a candidate side by side with the accepted event it may corroborate, and the
card of an event that cites further sources. Screenshots at 1280 and 1920 px wide go to
``tests/browser/artifacts/`` (look at them: the two columns, the differences, the buttons)."""

from __future__ import annotations

import getpass
import shutil
from pathlib import Path

import pytest
from conftest import ARTIFACTS, READY, ROOT

from extract.timeline import load

pytestmark = pytest.mark.browser

LOCAL = getpass.getuser()  # the curator when the server listens on 127.0.0.1 only

FIXTURE = ROOT / "tests" / "fixtures" / "review" / "proposal.yaml"
STAT = ("azerbaijan-second-largest-2018-2022",
        "Azerbaijan is the second-largest importer of Israeli arms")
BUDGET = ("budget-rise-2022", "Azerbaijan's defence budget rose 16% in 2022 to $3.1 billion")
WIDTHS = (1280, 1920)
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'


@pytest.fixture(scope="module")
def events(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("provenance")
    return Path(shutil.copyfile(FIXTURE, folder / "events.yaml"))


def settle(page) -> None:
    page.wait_for_selector(READY)


def candidate(page, title: str):
    return page.get_by_test_id("stVerticalBlock").filter(
        has=page.get_by_role("heading", name=title, exact=True)).last


@pytest.mark.parametrize("width", WIDTHS)
def test_a_proposal_side_by_side(server_for, new_page, events, width):
    base = server_for(events)
    page, rec = new_page()
    page.set_viewport_size({"width": width, "height": 1400})
    page.goto(base + "/review")
    page.get_by_role("heading", name=BUDGET[1]).wait_for()
    settle(page)
    block = candidate(page, BUDGET[1])
    columns = block.get_by_test_id("stColumn")
    left, right = columns.nth(0), columns.nth(1)
    assert "This candidate" in left.inner_text()
    assert "budget rose 16%" in left.inner_text()
    assert "Caspian Budget Wire · published 15 Jan 2023" in left.inner_text()
    assert "The accepted event: " + STAT[1] in right.inner_text()
    assert "second-largest importer of Israeli arms in 2018–2022" in right.inner_text()
    assert "Arms Monitor · published Mar 2023" in right.inner_text()
    # side by side, not one under the other
    lb, rb = left.bounding_box(), right.bounding_box()
    assert lb["x"] + lb["width"] <= rb["x"] + 1 and abs(lb["y"] - rb["y"]) < 5
    differ = block.get_by_test_id("stAlert").filter(has_text="Where they differ")
    assert "this says 2022; the event is 2018–2022" in differ.inner_text()
    assert "this says 16 percent; the event says second-largest" in differ.inner_text()
    for name in ("Add as corroboration", "Keep as its own event", "Reject"):
        block.get_by_role("button", name=name, exact=True).wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    block.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"review-proposal-{width}.png"), full_page=True)
    assert not rec.dialogs


def test_add_as_corroboration_in_the_browser(server_for, new_page, tmp_path):
    events = Path(shutil.copyfile(FIXTURE, tmp_path / "events.yaml"))
    base = server_for(events)
    page, rec = new_page()
    page.goto(base + "/review")
    page.get_by_role("heading", name=BUDGET[1]).wait_for()
    settle(page)
    candidate(page, BUDGET[1]).get_by_role("button", name="Add as corroboration").click()
    page.get_by_text("as corroboration of 'azerbaijan-second-largest-2018-2022', as " + LOCAL
                     ).first.wait_for()
    settle(page)
    stat = load(events).event_map()[STAT[0]]
    assert [str(e.claims.date) if e.claims else None for e in stat.evidence] == [None, "2022"]
    assert BUDGET[0] not in load(events).event_map()
    assert not rec.dialogs


@pytest.mark.parametrize("width", WIDTHS)
def test_the_card_lists_further_sources(server_for, new_page, events, width):
    base = server_for(events)
    page, rec = new_page()
    page.set_viewport_size({"width": width, "height": 1400})
    page.goto(f"{base}/?event={STAT[0]}")
    settle(page)
    card = page.get_by_test_id("stVerticalBlock").filter(
        has=page.get_by_role("heading", name="Further sources (2)")).last
    card.wait_for()
    text = card.inner_text()
    assert "Transfers Institute · Arms Transfers Database · Import shares by supplier, " \
           "2018–2022." in text
    assert "Seed notes · Curator's seed notes · no link" in text
    assert "None" not in text
    link = card.get_by_role("link", name="Arms Transfers Database")
    assert link.get_attribute("href") == "https://transfers.example.org/database"
    assert "One publisher only: Arms Monitor." in text
    # every widget drawn (not a loading placeholder) before the picture is taken
    page.wait_for_selector(f"{CHART} .scatterlayer .point")
    page.get_by_test_id("stMultiSelect").filter(has_text="Review status").get_by_role(
        "combobox").wait_for()
    settle(page)
    page.screenshot(path=str(ARTIFACTS / f"card-references-{width}.png"), full_page=True)
    assert not rec.dialogs


@pytest.mark.parametrize("width", WIDTHS)
def test_the_sources_page(server_for, new_page, events, width):
    base = server_for(events)
    page, rec = new_page()
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(f"{base}/sources")
    settle(page)
    table = page.get_by_test_id("stDataFrame")
    table.wait_for()
    # the grid is drawn on a canvas: its rows are checked in test_dashboard_provenance.py
    # (an empty link, never None); the picture shows how they look
    page.screenshot(path=str(ARTIFACTS / f"sources-{width}.png"))
    assert not rec.dialogs

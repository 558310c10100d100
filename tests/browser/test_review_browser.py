"""The Review and Add articles pages in headless Chromium, on a copy of the review fixture.

One server per test file copy; the steps of a curator's round run in order on one page.
"""

from __future__ import annotations

import getpass
import shutil
from pathlib import Path

import pytest
from conftest import NO_PLAYWRIGHT, PICTURES, READY, ROOT

from extract.timeline import Document, load

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

pytestmark = pytest.mark.browser

LOCAL = getpass.getuser()  # the curator when the server listens on 127.0.0.1 only

FIXTURES = ROOT / "tests" / "fixtures" / "review"
SCREENSHOT = PICTURES / "review.png"
TALKS = ("herzog-talks-2023-05-30", "Herzog and Aliyev hold talks in Baku")
PLANT = ("drone-plant-2022", "A drone plant opens near Baku")
LORA = ("lora-delivery-2021-02", "Israel delivers LORA missiles to Azerbaijan")
VISIT = "herzog-visit-2023-05-30"


@pytest.fixture
def events(tmp_path) -> Path:
    return Path(shutil.copyfile(FIXTURES / "timeline.yaml", tmp_path / "events.yaml"))


def settle(page) -> None:
    page.wait_for_selector(READY)


def candidate(page, title: str):
    """The bordered block of one candidate: the innermost block holding its heading."""
    return page.get_by_test_id("stVerticalBlock").filter(
        has=page.get_by_role("heading", name=title, exact=True)).last


def see(page, text: str) -> None:
    page.get_by_text(text).first.wait_for()
    settle(page)


def status_of(events: Path, event_id: str) -> str | None:
    ev = load(events).event_map().get(event_id)
    return ev.status if ev else None


def test_a_curators_round(server_for, new_page, events):
    base = server_for(events)
    page, rec = new_page()
    page.set_viewport_size({"width": 1600, "height": 1300})
    page.goto(base + "/review")
    page.get_by_role("heading", name=TALKS[1]).wait_for()
    settle(page)
    # no sign-in configured, a server on 127.0.0.1: the person at this machine is the curator
    page.get_by_text(f"you, {LOCAL}, are the curator").first.wait_for()
    headings = page.get_by_test_id("stVerticalBlock").get_by_role("heading", level=3)
    assert headings.all_inner_texts()[:3] == [TALKS[1], PLANT[1], LORA[1]]
    # the sentence in its paragraph, the date words highlighted, hostile text shown as text
    plant = candidate(page, PLANT[1])
    quote = plant.get_by_test_id("stMarkdownContainer").filter(has_text="Rumours ran wild")
    assert "<img src=x onerror=alert(1)>" in quote.inner_text()
    assert quote.locator("strong").inner_text() == "in 2022"
    assert "Rumours ran wild [x](javascript:alert(2)) all year." in quote.inner_text()
    # every widget drawn (not a loading placeholder) before the picture is taken
    page.get_by_role("button", name="Accept all 3 shown…").wait_for()
    # the page's two filters only (no sidebar): a candidate's edit form, with its further
    # sources, is built when its expander is opened
    expect(page.get_by_test_id("stMultiSelect")).to_have_count(2)
    for box in page.get_by_test_id("stMultiSelect").all() + page.get_by_test_id(
            "stSelectbox").filter(has_text="Merge into an existing event").all():
        box.get_by_role("combobox").wait_for()
    page.screenshot(path=str(SCREENSHOT))

    # accept
    candidate(page, TALKS[1]).get_by_role("button", name="Accept", exact=True).click()
    see(page, "Accepted “Herzog and Aliyev hold talks in Baku”, as " + LOCAL)
    assert status_of(events, TALKS[0]) == "accepted"
    assert load(events).event_map()[TALKS[0]].reviewed_by == LOCAL

    # an invalid edit, submitted with Enter: refused, the file byte-identical
    before = events.read_bytes()
    lora = candidate(page, LORA[1])
    lora.get_by_text("Edit, then accept").click()
    # opened: its form is built, with the further sources the file lists
    lora.get_by_test_id("stMultiSelect").filter(
        has_text="Further sources").get_by_role("combobox").wait_for()
    expect(page.get_by_test_id("stMultiSelect")).to_have_count(2 + 1)
    date = lora.get_by_role("textbox", name="Date (YYYY, YYYY-MM or YYYY-MM-DD)")
    date.fill("2023-02-30")
    date.press("Enter")
    see(page, "Not saved: the file was left unchanged.")
    error = page.get_by_test_id("stAlert").filter(has_text="Not saved")
    assert "field 'date': '2023-02-30' is not a real date: February 2023 has 28 days" in \
        error.inner_text()
    assert events.read_bytes() == before

    # edit, then accept (Enter in the title submits the form)
    lora = candidate(page, LORA[1])
    lora.get_by_role("textbox", name="Date (YYYY, YYYY-MM or YYYY-MM-DD)").fill("2021-02-15")
    title = lora.get_by_role("textbox", name="Title", exact=True)
    title.fill("First LORA missiles delivered")
    title.press("Enter")
    see(page, "Accepted “Israel delivers LORA missiles to Azerbaijan”, as " + LOCAL)
    ev = load(events).event_map()[LORA[0]]
    assert (ev.title, str(ev.date), ev.status) == ("First LORA missiles delivered",
                                                    "2021-02-15", "accepted")

    # another curator saves first: one clear message, then reload and re-apply
    other = Document.open(events)
    other.update_event(VISIT, notes="Bo: confirmed by the presidency.")
    other.save()
    candidate(page, PLANT[1]).get_by_role("button", name="Reject", exact=True).click()
    see(page, "Reload and re-apply")
    assert page.get_by_text("changed on disk since you opened it").count() == 1
    assert status_of(events, PLANT[0]) == "candidate"
    page.get_by_role("button", name="Reload and re-apply").click()
    see(page, "Rejected “A drone plant opens near Baku”, as " + LOCAL)
    assert status_of(events, PLANT[0]) == "rejected"
    assert load(events).event_map()[VISIT].notes == "Bo: confirmed by the presidency."
    assert not rec.dialogs


def test_uploaded_articles_join_the_queue_and_unreadable_files_are_named(server_for, new_page,
                                                                         events):
    base = server_for(events)
    page, rec = new_page()
    page.goto(base + "/add-articles")
    settle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [str(FIXTURES / "harop.txt"), str(FIXTURES / "binary.txt")])
    page.get_by_text("binary.txt").first.wait_for()
    page.get_by_label("Publisher (optional: else read from the article)").fill("Test Wire")
    page.get_by_role("textbox",
                     name="Publication date (optional: YYYY-MM-DD, YYYY-MM or YYYY)").fill(
        "2021-03-10")
    page.get_by_role("button", name="Find events in these articles").click()
    see(page, "1 new candidate event is in the Review queue.")
    errors = page.get_by_test_id("stAlert").filter(has_text="could not be read")
    assert "binary.txt: binary file (contains NUL bytes), not an article" in errors.inner_text()
    assert status_of(events, "deal-azerbaijan-israel-2021-03-09") == "candidate"
    page.get_by_role("link", name="Go to the Review queue").click()
    settle(page)
    page.get_by_role("heading", name="Azerbaijan signed a contract for Harop drones with "
                                     "Israel.").wait_for()
    harop = candidate(page, "Azerbaijan signed a contract for Harop drones with Israel.")
    assert harop.get_by_test_id("stMarkdownContainer").filter(has_text="Harop drones").locator(
        "strong").inner_text() == "March 9, 2021"
    # merge it into an existing event: its evidence joins that event
    target = harop.get_by_test_id("stSelectbox").filter(has_text="Merge into an existing event")
    target.get_by_role("combobox").click()
    page.keyboard.type("LORA")
    page.get_by_role("option", name="Israel delivers LORA missiles").click()
    harop.get_by_role("button", name="Merge into the chosen event").click()
    # where they differ, in words, before anything is written
    see(page, "this is a deal; the event is a delivery")
    assert len(load(events).event_map()["lora-delivery-2021-02"].evidence) == 1
    page.get_by_role("button", name="Yes, merge").click()
    see(page, "Merged “Azerbaijan signed a contract for Harop drones with Israel.”")
    timeline = load(events)
    assert "deal-azerbaijan-israel-2021-03-09" not in timeline.event_map()
    assert len(timeline.event_map()["lora-delivery-2021-02"].evidence) == 2
    assert not rec.dialogs

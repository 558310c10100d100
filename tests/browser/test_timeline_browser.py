"""The timeline as a briefer reads it, in headless Chromium: labels that never overlap (boxes
measured in the page), every mark clickable even at one date, zoom in the link, a link to a
missing event, presenter mode filling a 1920x1080 screen. Takes the README's pictures of the
timeline's lanes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import PICTURES, READY, ROOT

pytestmark = pytest.mark.browser

BUNDLED = ROOT / "events.yaml"
SAME_DAY = ROOT / "tests" / "fixtures" / "dashboard" / "same_day.yaml"
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'

# the boxes of every label, every mark and the plot area, in page pixels
BOXES = """() => {
  const box = (e) => { const b = e.getBoundingClientRect();
                       return [b.left, b.top, b.right, b.bottom]; };
  const gd = document.querySelector('CHART');
  return {
    plot: box(gd.querySelector('.nsewdrag')),
    labels: [...gd.querySelectorAll('.scatterlayer .textpoint text')].map(
      e => [...box(e), e.textContent]),
    marks: [...gd.querySelectorAll('.scatterlayer .points path.point')].map(box),
  };
}""".replace("CHART", CHART)

WHERE_IS = """(id) => {
  for (const g of document.querySelectorAll('CHART .scatterlayer .trace')) {
    const t = g.__data__ && g.__data__[0] && g.__data__[0].trace;
    if (!t || !t.meta || t.meta.role !== 'marks') continue;
    for (const p of g.querySelectorAll('.point')) {
      if (t.customdata[p.__data__.i] === id) {
        const r = p.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2];
      }
    }
  }
  return null;
}""".replace("CHART", CHART)

X_RANGE = f"() => document.querySelector('{CHART}')._fullLayout.xaxis.range.map(String)"


def overlap(a, b, tol: float = 0.5) -> bool:
    return (a[0] < b[2] - tol and b[0] < a[2] - tol and a[1] < b[3] - tol
            and b[1] < a[3] - tol)


@contextmanager
def open_page(playwright_browser, url: str, width: int, height: int) -> Iterator[tuple]:
    """(context, page) at ``url`` with the chart drawn; the context closed afterwards."""
    context = playwright_browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(url)
        page.wait_for_selector(READY)
        page.wait_for_selector(f"{CHART} .scatterlayer .point")
        yield context, page
    finally:
        context.close()


def boxes(page) -> dict:
    page.wait_for_timeout(300)  # the labels are drawn with the marks, after them
    return page.evaluate(BOXES)


@pytest.mark.parametrize("width", [1280, 1600, 1920])
@pytest.mark.parametrize("lanes", ["type", "actor"])
def test_labels_never_overlap_labels_or_marks(server_for, playwright_browser, width, lanes):
    base = server_for(BUNDLED)
    url = f"{base}/?lanes={lanes}"
    with open_page(playwright_browser, url, width, 1000) as (_context, page):
        got = boxes(page)
        labels, marks, plot = got["labels"], got["marks"], got["plot"]
        assert len(labels) >= 12, "most events of the bundled timeline are labelled"
        clashes = [(a[4], b[4]) for i, a in enumerate(labels) for b in labels[i + 1:]
                   if overlap(a, b)]
        assert not clashes
        on_marks = [a[4] for a in labels for m in marks if overlap(a, m)]
        assert not on_marks
        # every label on the plot, none cut off or over the lane names
        assert all(plot[0] - 1 <= a[0] and a[2] <= plot[2] + 1 for a in labels)
        # and each names its date as written ("... · 13 Dec 2016")
        assert all(" · " in a[4] for a in labels)


def test_three_events_on_one_day_each_open_their_own_card(server_for, playwright_browser):
    base = server_for(SAME_DAY)
    with open_page(playwright_browser, f"{base}/", 1600, 1000) as (_context, page):
        titles = {"deal-radar-2021-06-15": "Radar contract signed",
                  "deal-drones-2021-06-15": "Drone contract signed",
                  "deal-boats-2021-06-15": "Patrol boat contract signed"}
        spots = {i: page.evaluate(WHERE_IS, i) for i in titles}
        assert all(spots.values()) and len({tuple(s) for s in spots.values()}) == 3
        marks = boxes(page)["marks"]
        assert not [1 for i, a in enumerate(marks) for b in marks[i + 1:] if overlap(a, b)]
        for event_id, title in titles.items():
            page.mouse.move(*spots[event_id])
            page.mouse.click(*spots[event_id])
            page.wait_for_function(f"() => location.search.includes('event={event_id}')")
            page.wait_for_selector(READY)
            page.get_by_role("heading", name=title, exact=True).wait_for()
            spots = {i: page.evaluate(WHERE_IS, i) for i in titles}  # (unchanged by a click)


def test_a_dragged_zoom_is_in_the_link_and_survives_a_reload(server_for, playwright_browser):
    base = server_for(BUNDLED)
    with open_page(playwright_browser, f"{base}/", 1600, 1000) as (context, page):
        before = page.evaluate(X_RANGE)
        plot = boxes(page)["plot"]
        y = plot[1] + 40
        page.mouse.move(plot[0] + 10, y)
        page.locator(f'{CHART} .modebar-btn[data-title="Box Select"]').click()
        page.mouse.move(plot[0] + 0.55 * (plot[2] - plot[0]), y)
        page.mouse.down()
        page.mouse.move(plot[0] + 0.75 * (plot[2] - plot[0]), y, steps=8)
        page.mouse.up()
        page.wait_for_function("() => location.search.includes('from=')")
        page.wait_for_selector(READY)
        page.wait_for_selector(f"{CHART} .scatterlayer .point")
        for _ in range(100):  # the new chart, drawn for the new window
            zoomed = page.evaluate(X_RANGE)
            if zoomed != before:
                break
            page.wait_for_timeout(100)
        assert zoomed != before
        link = page.url
        query = parse_qs(urlparse(link).query)
        assert zoomed[0] == query["from"][0] and query["to"][0] < zoomed[1]
        page.reload()
        page.wait_for_selector(READY)
        page.wait_for_selector(f"{CHART} .scatterlayer .point")
        assert page.evaluate(X_RANGE) == zoomed and page.url == link
        other = context.new_page()
        other.goto(link)
        other.wait_for_selector(READY)
        other.wait_for_selector(f"{CHART} .scatterlayer .point")
        assert other.evaluate(X_RANGE) == zoomed
        # and back out
        other.get_by_role("button", name="Whole timeline").click()
        other.wait_for_function("() => !location.search.includes('from=')")
        other.wait_for_selector(READY)


def test_a_link_to_a_missing_event_says_so(server_for, playwright_browser):
    base = server_for(BUNDLED)
    url = f"{base}/?event=no-such-event-2020"
    with open_page(playwright_browser, url, 1600, 1000) as (_context, page):
        alert = page.get_by_test_id("stAlert").filter(has_text="no-such-event-2020")
        assert "does not hold" in alert.inner_text()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_presenter_mode_fills_the_screen(server_for, playwright_browser, theme):
    base = server_for(BUNDLED)
    url = f"{base}/present?mode=present&step=3&theme={theme}"
    with open_page(playwright_browser, url, 1920, 1080) as (_context, page):
        slide = page.evaluate("""() => {
          const b = (s) => { const e = document.querySelector(s);
                             if (!e) return null; const r = e.getBoundingClientRect();
                             return [r.left, r.top, r.right, r.bottom]; };
          return {chart: b('.st-key-present_slide .js-plotly-plot'),
                  card: b('.st-key-present_card'), nav: b('.st-key-present_nav'),
                  quote: parseFloat(getComputedStyle(
                    document.querySelector('.st-key-present_slide blockquote p')).fontSize),
                  scroll: document.scrollingElement.scrollHeight};
        }""")
        chart, card, nav = slide["chart"], slide["card"], slide["nav"]
        top, bottom = min(chart[1], card[1]), max(chart[3], card[3], nav[3])
        assert bottom - top >= 0.9 * 1080 and bottom <= 1080  # fills it, nothing below the fold
        assert (chart[2] - chart[0]) + (card[2] - card[0]) >= 0.9 * 1920
        assert slide["quote"] >= 28
        current = page.evaluate(f"""() => [...document.querySelectorAll(
            '{CHART} .scatterlayer .textpoint text')].filter(
            e => e.closest('.trace').__data__[0].trace.meta.selected).map(e => e.textContent)""")
        assert len(current) == 1 and " · " in current[0]  # (its picture: test_present_browser)


@pytest.mark.parametrize(("name", "query"), [("pair-lanes", "lanes=pair")])
def test_pictures(server_for, playwright_browser, name, query):
    """The README's pictures of the timeline (docs/ with ARMS_UPDATE_PICTURES=1)."""
    base = server_for(BUNDLED)
    with open_page(playwright_browser, f"{base}/?{query}", 1920, 1080) as (_context, page):
        PICTURES.mkdir(exist_ok=True)
        out = PICTURES / f"{name}.png"
        page.screenshot(path=str(out))
        assert out.stat().st_size > 20_000

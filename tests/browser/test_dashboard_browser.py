"""The dashboard in headless Chromium: marks, clicks, filters, links, safety, no network."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import NO_PLAYWRIGHT, PICTURES, READY, ROOT, copy

expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect

pytestmark = pytest.mark.browser

FIXTURES = ROOT / "tests" / "fixtures" / "dashboard"
RICH = FIXTURES / "rich.yaml"
SCREENSHOT = PICTURES / "screenshot.png"
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'

MARK_IDS = """() => {
  const gd = document.querySelector('CHART');
  if (!gd || !gd.data) return null;
  return gd.data.filter(t => t.meta && t.meta.role === 'marks')
                .flatMap(t => Array.from(t.customdata));
}""".replace("CHART", CHART)

# the centre of the drawn mark (scatter point or bar) that carries an event id
WHERE_IS = """([layer, id]) => {
  for (const g of document.querySelectorAll('CHART .' + layer + ' .trace')) {
    const cd = g.__data__ && g.__data__[0] && g.__data__[0].trace.customdata;
    if (!cd) continue;
    for (const p of g.querySelectorAll('.point')) {
      if (cd[p.__data__.i] === id) {
        const r = p.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2];
      }
    }
  }
  return null;
}""".replace("CHART", CHART)


def ready(page) -> None:
    page.wait_for_selector(READY)


def open_app(page, url: str) -> None:
    page.goto(url)
    ready(page)


def choose(page, box, option: str) -> None:
    """Pick ``option`` in the multiselect ``box`` and close its list. A click that lands while
    the page's run redraws the box is lost (seen on a loaded machine: the list stayed open with
    nothing chosen), so the choice is checked and made again."""
    for _ in range(3):
        ready(page)
        box.get_by_role("combobox").click()
        page.get_by_role("option", name=option, exact=True).click()
        try:
            expect(box).to_contain_text(option, timeout=5_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    else:
        raise AssertionError(f"{option!r} could not be chosen")
    page.keyboard.press("Escape")


def mark_ids(page) -> list[str]:
    page.wait_for_function(f"({MARK_IDS})() !== null")
    return page.evaluate(MARK_IDS)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def click_mark(page, event_id: str, layer: str = "scatterlayer") -> None:
    xy = page.evaluate(WHERE_IS, [layer, event_id])
    assert xy, f"no {layer} mark for {event_id}"
    page.mouse.move(*xy)
    page.mouse.click(*xy)
    page.wait_for_function(f"() => location.search.includes('event={event_id}')")
    ready(page)


def assert_clean(recorder, base: str) -> None:
    """No request off the machine, no alert, no console errors (bar Streamlit's own probe)."""
    hosts = {urlparse(u).netloc for u in recorder.requests if urlparse(u).scheme in
             ("http", "https", "ws", "wss")}
    assert hosts <= {urlparse(base).netloc}, hosts
    assert not [u for u in recorder.requests if urlparse(u).scheme not in
                ("http", "https", "ws", "wss", "data", "blob")]
    assert not recorder.dialogs
    # Loading a page URL (/overview) directly makes Streamlit's frontend probe
    # /overview/_stcore/health before the base path; those 404s are its own, not ours.
    errors = [e for e in recorder.errors
              if not e.startswith("Failed to load resource: the server responded with a "
                                  "status of 404")]
    assert not errors, errors


def test_one_mark_per_event_and_click_opens_the_card(server_for, new_page):
    base = server_for(RICH)
    page, rec = new_page()
    open_app(page, base + "/")
    ids = mark_ids(page)
    assert len(ids) == len(set(ids)) == 12  # the accepted events of the file
    drawn = page.evaluate(f"() => document.querySelectorAll('{CHART} .scatterlayer .point')"
                          ".length")
    assert drawn == 12
    click_mark(page, "embassy-2023-03-29")
    heading = page.get_by_role("heading", name="Azerbaijan opens its embassy in Tel Aviv")
    heading.wait_for(state="visible")  # the card is drawn after the click's rerun
    quote = page.locator("blockquote").filter(has_text="The opening of the Azerbaijani embassy")
    assert quote.is_visible()
    assert "on March 29, 2023" in quote.inner_text()
    alert = page.get_by_test_id("stAlert").filter(has_text="Sources differ on the date")
    assert "The Times of Israel says Mar 2023" in alert.inner_text()
    # a period drawn as a bar is selectable too
    click_mark(page, "sipri-share-2016-2020", layer="barlayer")
    assert page.get_by_role("heading",
                            name="Israel's share of Azerbaijan's major arms imports").is_visible()
    assert_clean(rec, base)


def test_filter_updates_chart_and_url_and_the_link_restores_the_view(server_for, new_page):
    base = server_for(RICH)
    page, rec = new_page()
    open_app(page, base + "/")
    types = page.get_by_test_id("stMultiSelect").filter(has_text="Types")
    choose(page, types, "statistic")
    page.wait_for_function("() => location.search.includes('type=statistic')")
    ready(page)
    page.wait_for_function(f"({MARK_IDS})().length === 1")
    assert mark_ids(page) == ["sipri-share-2016-2020"]
    click_mark(page, "sipri-share-2016-2020")
    assert query(page) == {"type": ["statistic"], "event": ["sipri-share-2016-2020"]}
    link = page.url

    other, rec2 = new_page()
    open_app(other, link)
    assert mark_ids(other) == ["sipri-share-2016-2020"]
    other.get_by_role("heading", name="Israel's share of Azerbaijan's major arms imports"
                      ).wait_for(state="visible")
    chip = other.get_by_test_id("stMultiSelect").filter(has_text="Types")
    assert "statistic" in chip.inner_text()
    assert query(other) == query(page)
    # the page is part of the view too: the Overview keeps the filters
    other.get_by_role("link", name="Overview").click()
    other.wait_for_url(re.compile(r"/overview\?"))
    ready(other)
    # the address is written at the end of the page's run
    other.wait_for_function("(q) => location.search === q", arg=urlparse(page.url).query
                            and "?" + urlparse(page.url).query)
    assert query(other) == query(page)
    other.wait_for_selector('[data-testid="stPlotlyChart"]')
    assert_clean(rec, base)
    assert_clean(rec2, base)


def test_script_in_titles_and_quotes_is_text(server_for, new_page):
    base = server_for(RICH)
    page, rec = new_page()
    open_app(page, base + "/?event=xss-2022-07-04")
    hostile = "<script>alert(1)</script><b>x</b>"
    page.get_by_role("heading", name=hostile).wait_for(state="visible")
    page.locator("blockquote").filter(has_text=hostile).wait_for(state="visible")
    injected = page.evaluate("""() => {
        const all = (css) => [...document.querySelectorAll(css)];
        return {
            scripts: all('script').filter(s => s.textContent.includes('alert(')).length,
            bold_x: all('b').filter(b => b.textContent === 'x').length,
            js_links: all('a').filter(a => a.href.startsWith('javascript:')).length,
            imgs: all('img[src="x"]').length,
        };
    }""")
    assert injected == {"scripts": 0, "bold_x": 0, "js_links": 0, "imgs": 0}
    assert "xss-2022-07-04" in mark_ids(page)
    hover_text = page.evaluate(f"() => document.querySelector('{CHART}').data"
                               ".flatMap(t => Array.from(t.hovertext || [])).join(' ')")
    assert "&lt;script&gt;" in hover_text and "<script>" not in hover_text
    assert_clean(rec, base)


def test_broken_file_shows_the_error_then_the_fixed_file_shows(server_for, new_page, tmp_events):
    copy(FIXTURES / "broken.yaml", tmp_events)
    base = server_for(tmp_events)
    page, rec = new_page()
    open_app(page, base + "/")
    error = page.get_by_test_id("stAlert")
    text = error.inner_text()
    assert "(line 11): field 'date': '2022-13-01' is not a date" in text
    assert "expected YYYY, YYYY-MM or YYYY-MM-DD" in text
    assert "Traceback" not in page.locator("body").inner_text()
    copy(RICH, tmp_events)
    page.reload()
    ready(page)
    assert len(mark_ids(page)) == 12
    assert_clean(rec, base)


def test_screenshot(server_for, new_page):
    """screenshot.png (docs/ with ARMS_UPDATE_PICTURES=1): the bundled timeline with a disputed
    event's card open."""
    from dashboard.frame import build
    from extract.timeline import TimelineError, load

    try:
        frames = build(load(ROOT / "events.yaml"))
        events_file = ROOT / "events.yaml"
    except TimelineError:
        frames, events_file = build(load(RICH)), RICH
    accepted = frames.events[frames.events["status"] == "accepted"]
    disputed = accepted[accepted["disputed"] & (accepted["n_publishers"] > 1)]
    chosen = (disputed if not disputed.empty else accepted).iloc[-1]["id"]
    base = server_for(events_file)
    page, rec = new_page()
    open_app(page, f"{base}/?event={chosen}")
    assert len(mark_ids(page)) == len(accepted)
    page.get_by_role("heading", name=str(accepted.set_index("id").at[chosen, "title"])).wait_for()
    page.wait_for_selector(f"{CHART} .scatterlayer .point")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000
    assert_clean(rec, base)


# the centre of a density cell (lane by type, first day of the cell), from the figure's axes
CELL_XY = """([type, first]) => {
  const gd = document.querySelector('CHART');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  for (const t of gd._fullData) {
    if (!t.meta || t.meta.role !== 'density' || t.meta.type !== type) continue;
    for (let k = 0; k < t.customdata.length; k++) {
      if (t.customdata[k][0] !== first) continue;
      const r = gd.getBoundingClientRect();
      return [r.left + xa._offset + xa.c2p(xa.d2c(t.base[k]) + t.x[k] / 2),
              r.top + ya._offset + ya.c2p(ya.d2c(t.y[k]))];
    }
  }
  return null;
}""".replace("CHART", CHART)
ROLES = f"""() => {{
  const gd = document.querySelector('{CHART}');
  return gd && gd.data ? [...new Set(gd.data.map(t => t.meta && t.meta.role))].sort() : [];
}}"""


def test_many_events_show_as_counts_and_a_click_zooms_to_marks(server_for, new_page, tmp_path):
    import datetime as dt

    from tests.generated import many, write_many

    path = write_many(tmp_path / "events.yaml", 1200)
    base = server_for(path)
    page, rec = new_page()
    open_app(page, base + "/")
    page.wait_for_function(f"({ROLES})().includes('density')")
    assert page.evaluate(ROLES) == ["density"]
    xy = page.evaluate(CELL_XY, ["deal", "2003-01-01"])
    assert xy, "no deal cell for 2003"
    page.mouse.move(*xy)
    page.mouse.click(*xy)
    page.wait_for_function("() => location.search.includes('from=2003-01-01')")
    ready(page)
    assert query(page)["to"] == ["2003-12-31"]
    # the window holds few enough events: each is a mark, exactly those that may fall in 2003
    page.wait_for_function(f"({ROLES})().includes('marks')")
    year = (dt.date(2003, 1, 1), dt.date(2003, 12, 31))
    expected = {e.id for e in many(1200).events
                if e.date.first_day() <= year[1] and (e.end or e.date).last_day() >= year[0]}
    assert sorted(mark_ids(page)) == sorted(expected)
    assert "density" not in page.evaluate(ROLES)
    # and a mark opens its card as always
    click_mark(page, "e00015")  # 16 Feb 2003, a deal
    page.get_by_role("heading", name="Event number 15", exact=True).wait_for(state="visible")
    assert_clean(rec, base)


def test_fixture_paths_exist():
    assert Path(RICH).exists() and (FIXTURES / "broken.yaml").exists()

"""Presenter mode in headless Chromium at 1920x1080: keys, the URL, layout, type sizes, themes,
screenshots; and the chart's offline HTML export opened with the network cut off."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import PICTURES, READY, ROOT

from dashboard.export import standalone_html
from dashboard.figures import TimelineOptions, timeline_figure
from dashboard.filters import Filters, apply
from dashboard.frame import build
from dashboard.present import DARK, LIGHT, contrast_ratio
from extract.timeline import load

pytestmark = pytest.mark.browser

BUNDLED = ROOT / "events.yaml"
DOCS = PICTURES
CARD_TITLE = '.st-key-present_card [data-testid="stHeading"] h2'
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'


@pytest.fixture(scope="module")
def shown():
    frames = build(load(BUNDLED))
    return frames, apply(frames.events, Filters())


@pytest.fixture
def screen(playwright_browser):
    """A 1920x1080 page (a shared screen) and the hosts it asked for."""
    context = playwright_browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.set_default_timeout(30_000)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page, requests
    context.close()


def open_at(page, url: str) -> None:
    page.goto(url)
    if "mode=present" in url:  # the bare address first runs, then goes to the Present page
        page.wait_for_selector(".st-key-present_nav")
    page.wait_for_selector(READY)


def step_of(page) -> str:
    return parse_qs(urlparse(page.url).query).get("step", [""])[0]


def wait_step(page, n: int) -> None:
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('step') === '{n}'")
    page.wait_for_selector(READY)


def press_until(page, key: str, condition: str) -> None:
    """Press ``key`` until the JS ``condition`` holds. A press made before Streamlit has bound
    its shortcuts (just after a rerun) is lost: press again only once the app is idle and the
    address has not moved, so a press is never counted twice."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    before = page.url
    for _ in range(3):
        page.keyboard.press(key)
        try:
            page.wait_for_function(condition, timeout=10_000)
            return
        except PlaywrightTimeout:
            page.wait_for_selector(READY)
            if page.url != before:
                break
    page.wait_for_function(condition)


def press_to_step(page, key: str, n: int) -> None:
    press_until(page, key, f"() => new URLSearchParams(location.search).get('step') === '{n}'")
    wait_step(page, n)


def card_title(page) -> str:
    return page.locator(CARD_TITLE).inner_text()


def only_own_host(requests: list[str], base: str) -> None:
    hosts = {urlparse(u).netloc for u in requests if urlparse(u).scheme in
             ("http", "https", "ws", "wss")}
    assert hosts <= {urlparse(base).netloc}, hosts


def test_arrow_keys_step_through_the_events(server_for, screen, shown):
    page, requests = screen
    base = server_for(BUNDLED)
    _, events = shown
    open_at(page, f"{base}/?mode=present&step=0")  # the bare address: presenter mode opens
    page.get_by_role("heading", name="Arms transfers: the timeline").wait_for(state="visible")
    press_to_step(page, "ArrowRight", 1)
    assert card_title(page) == events.iloc[0]["title"]
    press_to_step(page, "ArrowRight", 2)
    assert card_title(page) == events.iloc[1]["title"]
    press_to_step(page, "ArrowLeft", 1)
    assert card_title(page) == events.iloc[0]["title"]
    page.get_by_role("button", name="Next").click()
    wait_step(page, 2)
    only_own_host(requests, base)


def test_the_url_restores_the_step(server_for, screen, shown):
    page, _ = screen
    base = server_for(BUNDLED)
    _, events = shown
    open_at(page, f"{base}/present?mode=present&step=3")
    assert card_title(page) == events.iloc[2]["title"]
    page.reload()
    page.wait_for_selector(READY)
    assert step_of(page) == "3" and card_title(page) == events.iloc[2]["title"]


def test_briefing_set_follows_the_presenters_order(server_for, screen, shown):
    page, _ = screen
    frames, _ = shown
    base = server_for(BUNDLED)
    by_id = frames.events.set_index("id")
    open_at(page, f"{base}/?mode=present&set=briefing&step=2")
    assert card_title(page) == by_id.loc[frames.briefing[1], "title"]


FONT_SIZES = """(chart) => {
  const px = el => parseFloat(getComputedStyle(el).fontSize);
  const ticks = [...document.querySelectorAll(chart + ' .xtick text, ' + chart + ' .ytick text')];
  const title = document.querySelector(chart + ' .gtitle');
  const card = document.querySelector('CARD');
  return {ticks: ticks.map(px), chartTitle: title ? px(title) : 0, cardTitle: card ? px(card) : 0};
}""".replace("CARD", CARD_TITLE)
COLOURS = """() => {
  const s = getComputedStyle(document.querySelector('[data-testid="stApp"]'));
  const texts = ['CARD', '.st-key-present_card blockquote p',
                 '.st-key-present_card [data-testid="stCaptionContainer"] p'];
  const opacity = el => el ? Number(getComputedStyle(el).opacity) * opacity(el.parentElement) : 1;
  return [s.backgroundColor, texts.map(q => getComputedStyle(document.querySelector(q)).color),
          texts.map(q => opacity(document.querySelector(q)))];
}""".replace("CARD", CARD_TITLE)


def _hex(rgb: str) -> str:
    parts = [int(float(v)) for v in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    return "#" + "".join(f"{v:02x}" for v in parts)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_presenter_layout_type_sizes_contrast_and_screenshot(server_for, screen, theme):
    page, requests = screen
    base = server_for(BUNDLED)
    suffix = "&theme=dark" if theme is DARK else ""
    open_at(page, f"{base}/?mode=present&step=5{suffix}")
    page.wait_for_selector(f"{CHART} .xtick text")
    # no sidebar, no Streamlit header or toolbar, no page navigation
    for testid in ("stSidebar", "stHeader", "stToolbar", "stSidebarCollapsedControl"):
        loc = page.locator(f'[data-testid="{testid}"]')
        assert loc.count() == 0 or not loc.first.is_visible(), testid
    # the controls are drawn after the chart: wait, not a look at one moment (it raced)
    page.get_by_role("button", name="Next").wait_for(state="visible")
    sizes = page.evaluate(FONT_SIZES, CHART)
    assert sizes["ticks"] and min(sizes["ticks"]) >= 18, sizes
    assert sizes["chartTitle"] >= 28 and sizes["cardTitle"] >= 28, sizes
    background, texts, opacities = page.evaluate(COLOURS)
    assert _hex(background) == theme.background
    assert min(opacities) == 1, opacities  # no faded small print
    for text in texts:  # the title, the quote, the small print: all AAA on a projector
        assert contrast_ratio(_hex(text), _hex(background)) >= 7, (text, background)
    # the chart and the card side by side, both on the screen
    chart = page.locator(CHART).bounding_box()
    card = page.locator(".st-key-present_card").bounding_box()
    assert chart["x"] + chart["width"] <= card["x"] and card["x"] + card["width"] <= 1920
    assert chart["y"] + chart["height"] <= 1080
    DOCS.mkdir(exist_ok=True)
    page.mouse.move(1900, 1070)  # no hover label on the picture
    page.screenshot(path=str(DOCS / f"presenter-{theme.name}.png"))
    only_own_host(requests, base)


def test_title_and_sources_slides(server_for, screen, shown):
    page, _ = screen
    base = server_for(BUNDLED)
    _, events = shown
    open_at(page, f"{base}/?mode=present&step=0")
    page.get_by_role("heading", name=f"{len(events)} events").wait_for()
    open_at(page, f"{base}/?mode=present&step={len(events) + 1}")
    page.get_by_role("heading", name="Sources").wait_for(state="visible")
    links = page.locator('.st-key-present_slide a[href^="http"]')
    assert links.count() > 0


def test_setup_page_toggle_enters_presenter_mode(server_for, screen):
    page, _ = screen
    base = server_for(BUNDLED)
    open_at(page, f"{base}/present")
    page.locator('[data-testid="stSidebar"]').wait_for(state="visible")  # drawn after the page
    page.locator(".st-key-present_on label").click()
    page.wait_for_function("() => location.search.includes('mode=present')")
    page.wait_for_selector(READY)
    page.wait_for_selector(".st-key-present_nav")
    # the rerun draws the navigation and hides the sidebar in one pass, not in one frame: wait
    # for the sidebar to go (a timeout fails the test) rather than look once
    page.locator('[data-testid="stSidebar"]').wait_for(state="hidden", timeout=10_000)
    press_until(page, "Escape", "() => !location.search.includes('mode=present')")


def test_chart_html_export_works_with_the_network_cut_off(playwright_browser, tmp_path, shown):
    _, events = shown
    out = tmp_path / "chart.html"
    out.write_bytes(standalone_html(timeline_figure(events, options=TimelineOptions())))
    context = playwright_browser.new_context()
    try:
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url))
        page.route("http*://**", lambda route: route.abort())
        page.goto(Path(out).as_uri())
        page.wait_for_selector(".js-plotly-plot .scatterlayer .point")
        n = page.evaluate("() => document.querySelector('.js-plotly-plot').data"
                          ".filter(t => t.meta && t.meta.role === 'marks')"
                          ".reduce((a, t) => a + t.customdata.length, 0)")
        assert n == len(events)
        assert all(urlparse(u).scheme in ("file", "data", "blob") for u in asked), asked
    finally:
        context.close()

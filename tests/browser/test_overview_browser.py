"""The Overview page in headless Chromium: each chart's title, legend and rows readable."""

from __future__ import annotations

import pytest
from conftest import READY, ROOT

pytestmark = pytest.mark.browser

BUNDLED = ROOT / "events.yaml"
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'

# per chart: the boxes of its title and its legend ([x, y, width, height] or null)
BOXES = """() => [...document.querySelectorAll('CHART')].map(gd => {
  const box = sel => {
    const el = gd.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height];
  };
  return {title: box('.gtitle'), legend: box('.legend'), plot: box('.cartesianlayer')};
})""".replace("CHART", CHART)
Y_TICKS = """() => {
  const gd = [...document.querySelectorAll('CHART')].find(
    g => g.querySelector('.gtitle').textContent.startsWith('Statistics'));
  return [...gd.querySelectorAll('.ytick text')].map(t => [t.textContent,
                                                           t.getBoundingClientRect().y]);
}""".replace("CHART", CHART)


def overlap(a, b) -> bool:
    return (a[0] < b[0] + b[2] and b[0] < a[0] + a[2]
            and a[1] < b[1] + b[3] and b[1] < a[1] + a[3])


@pytest.mark.parametrize("width", [1280, 1600, 1920])
def test_overview_titles_clear_of_legends_and_one_row_per_statistic(
        playwright_browser, server_for, width):
    base = server_for(BUNDLED)
    context = playwright_browser.new_context(viewport={"width": width, "height": 1000})
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(base + "/overview")
        page.wait_for_selector(READY)
        page.wait_for_function(f"() => document.querySelectorAll('{CHART} .gtitle').length"
                               " === 3")
        charts = page.evaluate(BOXES)
        legends = [c for c in charts if c["legend"]]
        assert legends, "the events-per-year chart has a legend of types"
        for chart in charts:
            assert chart["title"] and chart["title"][3] > 0
            if chart["legend"]:
                assert not overlap(chart["title"], chart["legend"]), chart
                assert not overlap(chart["plot"], chart["legend"]), chart
        ticks = page.evaluate(Y_TICKS)
        # the two SIPRI ranks (2014-2018, 2018-2022): a row each, told apart by their labels
        assert len(ticks) == 4 and len({t for t, _ in ticks}) == 4, ticks
        assert len({round(y) for _, y in ticks}) == 4, ticks
    finally:
        context.close()

"""The chart's standalone HTML export in headless Chromium: every axis label on the page."""

from __future__ import annotations

import pytest
from conftest import ROOT

from dashboard.export import standalone_html
from dashboard.figures import TimelineOptions, timeline_figure
from dashboard.filters import Filters, apply
from dashboard.frame import build
from extract.timeline import load

pytestmark = pytest.mark.browser

# every tick label of the chart that is drawn, with its box and the page's box around it
TICKS = """() => {
  const svg = document.querySelector('.js-plotly-plot .main-svg').getBoundingClientRect();
  const ticks = [...document.querySelectorAll('.xtick text, .ytick text')]
    .filter(t => t.textContent)
    .map(t => { const r = t.getBoundingClientRect();
                return [t.textContent, r.left, r.top, r.right, r.bottom]; });
  return {svg: [svg.left, svg.top, svg.right, svg.bottom], ticks};
}"""


@pytest.fixture
def streamlit_template():
    """Plotly's default template as in the app: Streamlit's, set when streamlit is imported."""
    import plotly.io as pio
    import streamlit.elements.plotly_chart  # noqa: F401  (registers and selects the template)

    before = pio.templates.default
    pio.templates.default = "streamlit"
    yield
    pio.templates.default = before


@pytest.mark.parametrize("lanes", ["type", "actor"])
@pytest.mark.parametrize("width", [1000, 1600, 1920])
def test_exported_chart_shows_every_axis_label_whole(playwright_browser, tmp_path,
                                                     streamlit_template, lanes, width):
    events = apply(build(load(ROOT / "events.yaml")).events, Filters())
    out = tmp_path / "chart.html"
    out.write_bytes(standalone_html(timeline_figure(events,
                                                    options=TimelineOptions(lanes=lanes))))
    context = playwright_browser.new_context(viewport={"width": width, "height": 1000})
    try:
        page = context.new_page()
        page.goto(out.as_uri())
        page.wait_for_selector(".js-plotly-plot .xtick text")
        drawn = page.evaluate(TICKS)
        left, top, right, bottom = drawn["svg"]
        years = [t for t in drawn["ticks"] if t[0].isdigit()]
        assert len(years) >= 4, drawn["ticks"]
        for text, x0, y0, x1, y1 in drawn["ticks"]:
            assert left <= x0 and x1 <= right and top <= y0 and y1 <= bottom, (text, drawn)
    finally:
        context.close()

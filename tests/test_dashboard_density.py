"""Counts per lane when the marks are too many: calendar cells, honest counts, zoom windows."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from dashboard.figures import (
    DETAIL_LIMIT,
    TimelineOptions,
    cell_words,
    density,
    density_edges,
    density_figure,
    lane_order,
    lanes_of,
    marks_wanted,
)
from dashboard.filters import Filters, apply
from dashboard.frame import build
from extract.timeline import Timeline
from tests.generated import many

T = pd.Timestamp


@pytest.mark.parametrize(("first", "last", "unit", "cells", "lo", "hi"), [
    ("2016-03-05", "2016-03-05", "day", 1, "2016-03-05", "2016-03-06"),
    ("2016-01-15", "2016-02-20", "day", 37, "2016-01-15", "2016-02-21"),
    ("2016-01-15", "2016-03-20", "month", 3, "2016-01-01", "2016-04-01"),
    ("2016-01-01", "2016-12-31", "month", 12, "2016-01-01", "2017-01-01"),
    ("2013-02-10", "2016-03-31", "month", 38, "2013-02-01", "2016-04-01"),
    ("2010-01-01", "2016-12-31", "quarter", 28, "2010-01-01", "2017-01-01"),
    ("2010-05-01", "2016-11-30", "quarter", 27, "2010-04-01", "2017-01-01"),
    ("1995-01-01", "2024-12-31", "year", 30, "1995-01-01", "2025-01-01"),
    ("1800-06-01", "2024-12-31", "decade", 23, "1800-01-01", "2030-01-01"),
])
def test_cells_are_whole_calendar_units_and_at_most_forty(first, last, unit, cells, lo, hi):
    got_unit, edges = density_edges(T(first), T(last))
    assert (got_unit, len(edges) - 1, edges[0], edges[-1]) == (unit, cells, T(lo), T(hi))
    assert edges.is_monotonic_increasing and len(edges) - 1 <= 40


@pytest.mark.parametrize(("start", "unit", "words"), [
    ("2021-03-14", "day", "14 Mar 2021"), ("2021-03-01", "month", "Mar 2021"),
    ("2021-04-01", "quarter", "Q2 2021"), ("2021-01-01", "year", "2021"),
    ("2020-01-01", "decade", "2020s"),
])
def test_cell_words(start, unit, words):
    assert cell_words(T(start), unit) == words


def _rows(*events: dict) -> pd.DataFrame:
    base = {"type": "deal", "status": "accepted", "evidence": [{"source": "s", "quote": "q"}]}
    timeline = Timeline.model_validate({
        "version": 1, "sources": [{"id": "s", "publisher": "P"}],
        "events": [{**base, "id": f"e{i}", "title": f"E{i}", **e} for i, e in enumerate(events)]})
    return lanes_of(build(timeline).events, "type")


def test_counts_never_guess_a_cell_for_a_coarser_date():
    rows = _rows(
        {"date": "2016-03-05"},                       # within March
        {"date": "2016-03"},                          # within March (month cells)
        {"date": "2016"},                             # may fall in any month of 2016
        {"date": "2016-03-20", "approximate": True},  # about 20 March: may fall in March
        {"date": "2016-02", "end": "2016-04"},        # a period: Feb, Mar and Apr
    )
    d = density(rows, lane_order(rows, "type"), T("2016-01-01"), T("2016-12-31"))
    assert d.unit == "month"
    assert d.within[0].tolist() == [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert d.could[0].tolist() == [1, 2, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1]
    assert d.window(2) == (dt.date(2016, 3, 1), dt.date(2016, 3, 31))
    # over year cells the same events are all within 2016 (bar the approximate one)
    d = density(rows, ["deal"], T("2010-01-01"), T("2020-12-31"))
    assert (d.unit, d.within[0, 6], d.could[0, 6]) == ("year", 4, 1)


def test_rows_reaching_outside_the_window_count_in_the_edge_cells():
    rows = _rows({"date": "2015", "end": "2017"})
    d = density(rows, ["deal"], T("2016-01-01"), T("2016-12-31"))
    assert d.within.sum() == 0 and d.could[0].tolist() == [1] * 12


@pytest.fixture(scope="module")
def big():
    return build(many(3000))


def test_big_view_is_drawn_as_counts_that_add_up(big):
    shown = apply(big.events, Filters())
    assert marks_wanted(shown, "type") == 3000 > DETAIL_LIMIT
    fig = density_figure(shown, options=TimelineOptions())
    assert {t.meta["role"] for t in fig.data} == {"density"}
    # 2000 to 2013 (periods reach two years past 2011): 56 quarters are too many, so years
    assert {t.meta["unit"] for t in fig.data} == {"year"}
    within = sum(int(text.replace(",", "")) for t in fig.data for text in t.text if text)
    rows = lanes_of(shown, "type")
    exact = rows[~rows["approximate"] & (rows["start"].dt.year == rows["stop"].dt.year)]
    assert within == len(exact)
    # every cell zooms to its own year, and says so in its hover
    for t in fig.data:
        for (a, b), hover in zip(t.customdata, t.hovertext, strict=True):
            first, last = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
            assert (first, last) == (dt.date(first.year, 1, 1), dt.date(first.year, 12, 31))
            assert hover.startswith(f"<b>{t.meta['type'].replace('_', ' ')}</b> · {first.year}<br>")


def test_lanes_by_actor_are_escaped(big):
    shown = apply(big.events, Filters())
    evil = shown.assign(actors=[("<b>x</b>",)] * len(shown))
    fig = density_figure(evil, options=TimelineOptions(lanes="actor"))
    assert set(fig.data[0].y) == {"&lt;b&gt;x&lt;/b&gt;"}
    assert all("<b>x</b>" not in h for h in fig.data[0].hovertext)


def test_marks_wanted_counts_one_mark_per_lane(big):
    shown = apply(big.events, Filters())
    assert marks_wanted(shown, "actor") == 3000  # one actor each
    assert marks_wanted(shown.assign(systems=[()] * len(shown)), "system") == 3000
    assert marks_wanted(shown.iloc[:0], "type") == 0


def test_no_events_says_so():
    fig = density_figure(build(many(1)).events.iloc[:0], options=TimelineOptions())
    assert not fig.data and "No events match" in fig.layout.annotations[0].text


@pytest.mark.parametrize(("selection", "window"), [
    ({"selection": {"points": [{"customdata": ["2016-03-01", "2016-03-31"]}], "box": []}},
     (dt.date(2016, 3, 1), dt.date(2016, 3, 31))),
    # a dragged box: its x extent as days (Plotly gives date strings on a date axis)
    ({"selection": {"points": [{"customdata": ["2016-01-01", "2016-12-31"]}],
                    "box": [{"x": ["2017-05-02 10:00", "2015-11-20 03:00"], "y": [0, 1]}]}},
     (dt.date(2015, 11, 20), dt.date(2017, 5, 2))),
    ({"selection": {"points": [], "box": [{"x": [1451606400000, 1454284800000]}]}},
     (dt.date(2016, 1, 1), dt.date(2016, 1, 31))),
    ({"selection": {"points": [], "box": []}}, None),
    ({"selection": {"points": [{"customdata": "e00001"}]}}, None),  # a mark, not a cell
    ({"selection": {"points": [{"customdata": ["not a day", "2016"]}]}}, None),
    (None, None),
])
def test_a_click_or_a_box_asks_for_a_window(selection, window):
    from dashboard.state import take_zoom

    assert take_zoom(selection) == window


# --------------------------------------------------------------------------------------------
# The app (Streamlit's AppTest): counts when many, marks after zooming, a toggle for every mark
# --------------------------------------------------------------------------------------------


@pytest.fixture
def many_file(tmp_path):
    from tests.generated import write_many

    return write_many(tmp_path / "events.yaml", 1200)


def _app(monkeypatch, events):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ARMS_EVENTS", str(events))
    from pathlib import Path

    app = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
    at = AppTest.from_file(str(app), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _roles(at) -> set[str]:
    return {(t.get("meta") or {}).get("role") for chart in at.get("plotly_chart")
            for t in json.loads(chart.proto.spec)["data"]}


@pytest.mark.usefixtures("fresh_streamlit_cache")
def test_app_shows_counts_then_marks_after_a_zoom(monkeypatch, many_file):
    at = _app(monkeypatch, many_file)
    assert _roles(at) == {"density"}
    captions = " ".join(c.value for c in at.caption)
    assert "1,200 events are too many to draw one by one" in captions
    assert "click a cell to zoom in" in captions
    # the event box lists events only when they are few enough to draw as marks
    box = at.selectbox(key="event")
    assert box.options == [] and "1,200 events in view" in box.proto.placeholder
    # what a click on the 2003 cell asks for (the chart's own click is a browser test)
    from dashboard.state import _ZOOM

    at.session_state[_ZOOM] = (dt.date(2003, 1, 1), dt.date(2003, 12, 31))
    at.run()
    assert at.slider(key="f_window").value == (dt.date(2003, 1, 1), dt.date(2003, 12, 31))
    assert at.query_params["from"] in ("2003-01-01", ["2003-01-01"])
    assert _roles(at) >= {"marks"} and "density" not in _roles(at)
    marks = [i for chart in at.get("plotly_chart") for t in json.loads(chart.proto.spec)["data"]
             if (t.get("meta") or {}).get("role") == "marks" for i in t["customdata"]]
    assert len(at.selectbox(key="event").options) == len(marks) <= DETAIL_LIMIT
    # the toggle draws every mark of the whole timeline
    at.button(key="reset_filters").click().run()
    assert _roles(at) == {"density"}
    at.toggle(key="all_marks").set_value(True).run()
    assert "marks" in _roles(at) and "density" not in _roles(at)

"""Figure building: assert on traces and layout (one mark per event, honest precision)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.figures import (
    OKABE_ITO,
    TYPE_COLOURS,
    TYPE_SYMBOLS,
    TimelineOptions,
    density_figure,
    events_per_year_figure,
    marks_count,
    presenter_figure,
    statistics_figure,
    systems_figure,
    timeline_figure,
)
from dashboard.filters import Filters, apply
from dashboard.frame import build
from dashboard.theme import DARK, LIGHT, contrast_ratio
from extract.timeline import EVENT_TYPES, load

RICH = Path(__file__).parent / "fixtures" / "dashboard" / "rich.yaml"


@pytest.fixture(scope="module")
def frames():
    return build(load(RICH))


@pytest.fixture(scope="module")
def all_events(frames):
    return apply(frames.events, Filters(statuses=("accepted", "candidate", "rejected")))


def ms_day(ms: float) -> pd.Timestamp:
    """An x value (epoch milliseconds) as a timestamp."""
    return pd.Timestamp(int(ms), unit="ms")


def traces(fig, role):
    return [t for t in fig.data if (t.meta or {}).get("role") == role]


def mark_of(fig, event_id):
    """(trace, index) of the event's mark."""
    for t in traces(fig, "marks"):
        if event_id in t.customdata:
            return t, list(t.customdata).index(event_id)
    raise AssertionError(f"no mark for {event_id}")


def test_one_mark_per_event(all_events):
    fig = timeline_figure(all_events)
    assert marks_count(fig) == len(all_events) == 14
    ids = [i for t in traces(fig, "marks") for i in t.customdata]
    assert sorted(ids) == sorted(all_events["id"])


def test_few_traces_whatever_the_number_of_events(all_events):
    fig = timeline_figure(all_events)
    marks = traces(fig, "marks")
    assert len(marks) <= 2 * all_events["type"].nunique()  # filled and hollow per type
    assert len(fig.data) <= 4 * len(EVENT_TYPES)
    # one legend entry per type
    assert sorted(t.name for t in fig.data if t.showlegend is not False) == sorted(
        {t.name for t in marks})


def test_shape_and_colour_per_type(all_events):
    fig = timeline_figure(all_events)
    for t in traces(fig, "marks"):
        kind = t.meta["type"]
        assert t.marker.symbol.removesuffix("-open") == TYPE_SYMBOLS[kind]
        assert t.marker.symbol.endswith("-open") is t.meta["hollow"]
        assert t.marker.color == TYPE_COLOURS[kind]
    assert set(TYPE_COLOURS.values()) <= set(OKABE_ITO.values())
    assert len(set(TYPE_SYMBOLS.values())) == len(EVENT_TYPES)


@pytest.mark.parametrize(
    ("event_id", "hollow"),
    [
        ("herzog-aliyev-baku-2023-05-30", False),  # exact days
        ("embassy-2023-03-29", False),
        ("reuters-arms-2016", True),  # year only
        ("harop-deliveries-2020-11", True),  # month only
        ("harop-combat-2020-10", True),  # approximate
    ],
)
def test_imprecise_dates_are_hollow(all_events, event_id, hollow):
    t, i = mark_of(timeline_figure(all_events), event_id)
    assert t.marker.symbol.endswith("-open") is hollow


def test_bands_span_the_whole_year_or_month(all_events):
    fig = timeline_figure(all_events)
    bands = {i: (b, x) for t in traces(fig, "band") for i, b, x in
             zip(t.customdata, t.base, t.x, strict=True)}
    base, length_ms = bands["reuters-arms-2016"]
    assert base == "2016-01-01" and length_ms == 366 * 86_400_000  # 2016 is a leap year
    base, length_ms = bands["harop-deliveries-2020-11"]
    assert base == "2020-11-01" and length_ms == 30 * 86_400_000
    assert "embassy-2023-03-29" not in bands  # an exact day gets no band
    periods = {i: (b, x) for t in traces(fig, "period") for i, b, x in
               zip(t.customdata, t.base, t.x, strict=True)}
    assert periods["karabakh-war-2020"] == ("2020-09-27", 45 * 86_400_000)  # 27 Sep..10 Nov


def test_periods_are_clickable_at_their_midpoint(all_events):
    t, i = mark_of(timeline_figure(all_events), "sipri-share-2016-2020")
    # the middle of every day from 2016-01-01 to 2020-12-31
    assert str(ms_day(t.x[i])).startswith("2018-07-02")


@pytest.mark.parametrize(
    ("event_id", "words"),
    [
        ("reuters-arms-2016", "2016 (year only)"),
        ("harop-deliveries-2020-11", "Nov 2020 (month only)"),
        ("embassy-2023-03-29", "29 Mar 2023<br>"),
        ("karabakh-war-2020", "27 Sep – 10 Nov 2020<br>"),
        ("production-early-2010s", "early 2010s (year only)"),
        ("harop-combat-2020-10", "c. Oct 2020"),
    ],
)
def test_hover_prints_the_date_as_given(all_events, event_id, words):
    t, i = mark_of(timeline_figure(all_events), event_id)
    hover = t.hovertext[i]
    assert words in hover
    assert "source" in hover and "%{x" not in t.hovertemplate


def test_hover_has_title_type_and_source_count(all_events):
    t, i = mark_of(timeline_figure(all_events), "herzog-aliyev-baku-2023-05-30")
    assert t.hovertext[i].startswith("<b>Herzog and Aliyev hold talks in Baku</b>")
    assert "visit · 2 sources · 2 publishers" in t.hovertext[i]


def test_markup_in_titles_is_inert(all_events):
    fig = timeline_figure(all_events, options=TimelineOptions(selected="xss-2022-07-04"))
    t, i = mark_of(fig, "xss-2022-07-04")
    assert "<script>" not in t.hovertext[i] and "&lt;script&gt;" in t.hovertext[i]
    assert "&lt;b&gt;x&lt;/b&gt;" in t.hovertext[i]
    assert all("<script>" not in a.text for a in fig.layout.annotations)


def label_of_event(fig, event_id):
    for t in traces(fig, "labels"):
        if event_id in t.customdata:
            return t.text[list(t.customdata).index(event_id)]
    raise AssertionError(f"no label for {event_id}")


def test_labels_beside_marks_are_honest(all_events):
    fig = timeline_figure(all_events, options=TimelineOptions(show_labels=True))
    assert label_of_event(fig, "reuters-arms-2016").endswith(" · 2016")  # never a made-up day
    assert label_of_event(fig, "embassy-2023-03-29") == (
        "Azerbaijan opens its embassy in Tel Aviv · 29 Mar 2023")


def test_every_event_is_labelled_when_few(all_events):
    fig = timeline_figure(all_events)
    labelled = sorted(i for t in traces(fig, "labels") for i in t.customdata)
    assert labelled == sorted(all_events["id"])
    off = timeline_figure(all_events, options=TimelineOptions(show_labels=False))
    assert not traces(off, "labels")


def lane_of_y(fig, y):
    """The lane whose rows hold ``y`` (the tick nearest to it)."""
    ticks = list(fig.layout.yaxis.tickvals)
    names = list(fig.layout.yaxis.ticktext)
    return names[min(range(len(ticks)), key=lambda k: abs(ticks[k] - y))].split("<br>")[0]


def test_lanes_by_actor_put_an_event_in_each_actor_lane(frames):
    events = apply(frames.events, Filters(types=("conflict",)))
    fig = timeline_figure(events, options=TimelineOptions(lanes="actor"))
    t = traces(fig, "marks")[0]
    assert sorted(lane_of_y(fig, y) for y in t.y) == ["Armenia", "Azerbaijan"]
    assert list(t.customdata) == ["karabakh-war-2020"] * 2


def test_lane_names_from_the_file_are_escaped(frames):
    events = apply(frames.events, Filters(types=("other",)))
    fig = timeline_figure(events, options=TimelineOptions(lanes="actor"))
    assert list(fig.layout.yaxis.ticktext) == ["&lt;b&gt;Bold&lt;/b&gt;land"]


def test_system_lanes_name_the_unnamed(frames):
    events = apply(frames.events, Filters(types=("visit",)))
    fig = timeline_figure(events, options=TimelineOptions(lanes="system"))
    assert [lane_of_y(fig, y) for y in traces(fig, "marks")[0].y] == ["(no system named)"]
    # collapsed: drawn, not labelled, and the lane says so; expanded on demand
    assert not traces(fig, "labels")
    assert list(fig.layout.yaxis.ticktext) == ["(no system named)<br><i>1 unlabelled</i>"]
    fig = timeline_figure(events, options=TimelineOptions(lanes="system", expand_unnamed=True))
    assert len(traces(fig, "labels")) == 1


def test_window_sets_the_x_range(all_events):
    fig = timeline_figure(all_events, options=TimelineOptions(
        window=(dt.date(2020, 1, 1), dt.date(2020, 12, 31))))
    assert list(fig.layout.xaxis.range) == ["2020-01-01", "2021-01-01"]


def test_selected_event_is_pointed_at(all_events):
    fig = timeline_figure(all_events, options=TimelineOptions(selected="embassy-2023-03-29"))
    (ring,) = traces(fig, "selected")
    t, i = mark_of(fig, "embassy-2023-03-29")
    assert (list(ring.x), list(ring.y)) == ([t.x[i]], [t.y[i]])  # around its mark
    (chosen,) = [t for t in traces(fig, "labels") if t.meta["selected"]]
    assert list(chosen.text) == ["<b>Azerbaijan opens its embassy in Tel Aviv · 29 Mar 2023</b>"]
    assert all("<b>" not in x for t in traces(fig, "labels") if not t.meta["selected"]
               for x in t.text)


def test_clicks_select_points(all_events):
    fig = timeline_figure(all_events)
    assert fig.layout.clickmode == "event+select"
    assert fig.layout.dragmode is None  # in select mode a click would not select a mark
    # the axes never zoom in the browser, where a reload would lose the zoom (a zoom is the
    # time window, in the link: a dragged Box Select, or the page's buttons)
    assert fig.layout.xaxis.fixedrange and fig.layout.yaxis.fixedrange


def test_webgl_when_marks_are_many(all_events):
    fig = timeline_figure(all_events, options=TimelineOptions(gl_threshold=5))
    assert {t.type for t in traces(fig, "marks")} == {"scattergl"}


def test_marks_are_placed_by_epoch_milliseconds(all_events):
    fig = timeline_figure(all_events)
    for t in traces(fig, "marks"):
        assert isinstance(t.x, np.ndarray) and t.x.dtype == np.float64  # a typed array in JSON
    t, i = mark_of(fig, "embassy-2023-03-29")
    assert ms_day(t.x[i]) == pd.Timestamp("2023-03-29 12:00")
    assert fig.layout.xaxis.type == "date"


def test_big_figures_draw_spans_as_webgl_lines_covering_every_possible_day(all_events):
    fig = timeline_figure(all_events, options=TimelineOptions(gl_threshold=5,
                                                              selected="embassy-2023-03-29"))
    assert {t.type for t in fig.data} == {"scattergl"}  # no SVG bars at all
    assert not fig.layout.annotations
    spans = {}
    for role in ("band", "period"):
        for t in traces(fig, role):
            assert t.mode == "lines" and t.hoverinfo == "skip"  # the mark takes the click
            assert np.isnan(t.x[2::3]).all() and np.isnan(t.y[2::3]).all()
            kind = t.meta["type"]
            spans.setdefault((role, kind), []).extend(
                (ms_day(a), ms_day(b), lane_of_y(fig, y))
                for a, b, y in zip(t.x[0::3], t.x[1::3], t.y[0::3], strict=True))
    # 2016 only: a band from the first day of the year to the end of its last
    assert (pd.Timestamp("2016-01-01"), pd.Timestamp("2017-01-01"), "deal") in spans[
        ("band", "deal")]
    assert (pd.Timestamp("2020-11-01"), pd.Timestamp("2020-12-01"), "delivery") in spans[
        ("band", "delivery")]
    assert (pd.Timestamp("2020-09-27"), pd.Timestamp("2020-11-11"), "conflict") in spans[
        ("period", "conflict")]
    band_width = {t.line.width for t in traces(fig, "band")}
    period_width = {t.line.width for t in traces(fig, "period")}
    assert min(band_width) > max(period_width)  # an uncertain span is wider and paler
    assert max(t.opacity for t in traces(fig, "band")) < min(
        t.opacity for t in traces(fig, "period"))


def test_big_figures_hover_the_title_and_the_date_as_given(all_events):
    fig = timeline_figure(all_events, options=TimelineOptions(gl_threshold=5))
    t, i = mark_of(fig, "harop-deliveries-2020-11")
    assert "Nov 2020 (month only)" in t.hovertext[i] and t.hovertext[i].startswith("<b>")
    t, i = mark_of(fig, "xss-2022-07-04")
    assert "<script>" not in t.hovertext[i] and "&lt;script&gt;" in t.hovertext[i]
    assert "%{x" not in t.hovertemplate


def test_empty_timeline_figure(frames):
    fig = timeline_figure(frames.events.iloc[0:0])
    assert marks_count(fig) == 0
    assert fig.layout.annotations[0].text == "No events match the filters"


def test_events_per_year_by_type(all_events):
    fig = events_per_year_figure(all_events)
    by_type = {t.meta["type"]: dict(zip(t.x, t.y, strict=True)) for t in fig.data}
    assert by_type["deal"]["2016"] == 1 and by_type["deal"]["2012"] == 1
    assert by_type["statistic"]["2016"] == 1  # counted in the year it starts
    assert sum(sum(t.y) for t in fig.data) == len(all_events)
    assert fig.layout.barmode == "stack"


def test_systems_by_number_of_events(all_events):
    fig = systems_figure(all_events)
    bar = fig.data[0]
    counts = dict(zip(bar.y, bar.x, strict=True))
    assert counts["Harop"] == 3
    assert bar.y[-1] == "Harop"  # busiest on top
    assert "*Star* [sys](javascript:alert(4))" in counts  # plain text, not a link


def test_statistics_as_period_bars_with_values(all_events):
    fig = statistics_figure(all_events)
    bar = fig.data[0]
    assert list(bar.customdata) == ["sipri-share-2016-2020"]
    assert bar.base[0] == "2016-01-01"
    assert bar.x[0] == (366 + 365 * 3 + 366) * 86_400_000  # 2016..2020 inclusive
    assert bar.text[0] == "69% · 2016–2020"


def test_statistics_alike_up_to_the_cut_each_get_their_own_row():
    # the bundled SIPRI ranks of 2014-2018 and 2018-2022: titles alike for their first 60
    # characters, once drawn as two bars on one row labelled twice "2 rank"
    shown = apply(build(load(Path(__file__).parent.parent / "events.yaml")).events, Filters())
    stats = shown[shown["type"] == "statistic"]
    bar = statistics_figure(shown).data[0]
    assert sorted(bar.y) == list(range(len(stats))) and len(stats) >= 4
    ticks = statistics_figure(shown).layout.yaxis.ticktext
    assert len(set(ticks)) == len(ticks) == len(stats)
    row = list(bar.customdata).index("sipri-second-largest-importer-2018-2022")
    assert "2018-2022" in ticks[bar.y[row]]
    assert bar.text[row] == "rank 2 · 2018–2022"


def test_statistics_with_one_title_read_apart_by_their_periods(all_events):
    one = all_events[all_events["type"] == "statistic"].iloc[[0, 0]].reset_index(drop=True)
    one.loc[1, ["id", "label"]] = ["the-same-later", "2021–2025"]
    fig = statistics_figure(one)
    ticks = fig.layout.yaxis.ticktext
    assert list(fig.data[0].y) == [0, 1] and ticks[0] != ticks[1]
    assert ticks[1].endswith("<br>(2021–2025)")



def hover_colours(fig) -> list[tuple[str, object, object]]:
    """(trace name, background, text colour) of every hoverable trace's hover label: the
    trace's own, else the figure's; None where neither sets it (Streamlit's grey on white
    then, or Plotly's text on the mark's colour)."""
    out = []
    for t in fig.data:
        if t.hoverinfo == "skip":
            continue
        own, shared = t.hoverlabel, fig.layout.hoverlabel
        out.append((t.name, own.bgcolor or shared.bgcolor,
                    own.font.color or shared.font.color))
    return out


@pytest.mark.parametrize("make", [
    events_per_year_figure, systems_figure, statistics_figure,
    lambda e: density_figure(e, options=TimelineOptions()),
    lambda e: presenter_figure(e, current=e["id"].iloc[0], theme=LIGHT),
    lambda e: presenter_figure(e, current=e["id"].iloc[0], theme=DARK),
], ids=["per-year", "systems", "statistics", "density", "presenter-light", "presenter-dark"])
def test_hover_text_reads_on_its_background(all_events, make):
    labels = hover_colours(make(all_events))
    assert labels
    for name, bg, fg in labels:
        assert bg is not None and fg is not None, name
        assert contrast_ratio(fg, bg) >= 4.5, (name, fg, bg)  # WCAG AA for text


def test_timeline_hover_text_reads_on_its_background(all_events):
    for name, bg, fg in hover_colours(timeline_figure(all_events)):
        assert bg is not None and fg is not None, name
        assert contrast_ratio(fg, bg) >= 4.5, (name, fg, bg)


def test_systems_hover_counts_in_words(all_events):
    bar = systems_figure(all_events).data[0]
    words = dict(zip(bar.y, bar.hovertext, strict=True))
    assert words["Harop"] == "Harop: 3 events"
    ones = [w for w in bar.hovertext if w.endswith(": 1 event")]
    assert ones and not any(w.endswith(": 1 events") for w in bar.hovertext)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_presenter_legend_shows_each_type_filled(all_events, theme):
    # several types have only imprecise (hollow) marks in the fixture (a statistic, a
    # production); the legend drew them hollow, and a 'deal' whose marks shown are all imprecise
    deals = all_events[(all_events["type"] != "deal") | (all_events["precision"] != "day")]
    for events in (all_events, deals):
        fig = presenter_figure(events, current=None, theme=theme)
        entries = [t for t in fig.data if t.showlegend]
        types = [t.meta["type"] for t in entries]
        assert types == [t for t in EVENT_TYPES if t in set(events["type"])]
        for t in entries:
            assert t.marker.symbol == TYPE_SYMBOLS[t.meta["type"]]  # never '…-open'
            assert t.marker.color == theme.marks[t.meta["type"]]
            assert t.legendgroup == t.meta["type"]  # a click on it hides that type's marks
        marks = traces(fig, "marks")
        only_hollow = ({t.meta["type"] for t in marks if t.meta["hollow"]}
                       - {t.meta["type"] for t in marks if not t.meta["hollow"]})
        assert {"statistic", "production"} <= only_hollow  # the case this is about
        assert ("deal" in only_hollow) == (events is deals)

"""Scale: 20,000 events stay usable (frame once, vectorised filters, few traces)."""

from __future__ import annotations

import pytest

from dashboard.figures import TimelineOptions, marks_count, timeline_figure
from dashboard.filters import Filters, apply
from dashboard.frame import build
from extract.timeline import EVENT_TYPES, Timeline

N = 20_000


@pytest.fixture(scope="module")
def big():
    sources = [{"id": f"s{i}", "publisher": f"Publisher {i % 40}"} for i in range(200)]
    events = []
    for i in range(N):
        year = 1990 + i % 35
        month = f"{year}-{1 + i % 12:02d}"
        date = [str(year), month, f"{month}-{1 + i % 28:02d}"][i % 3]  # every precision
        events.append({
            "id": f"e{i}", "title": f"Event {i}", "date": date, "type": EVENT_TYPES[i % 12],
            "actors": [f"Country {i % 30}", f"Country {(i + 7) % 30}"],
            "systems": [f"System {i % 80}"], "status": "accepted",
            "evidence": [{"source": f"s{i % 200}", "quote": f"Quote {i} in {year}."}],
        })
    timeline = Timeline.model_validate({"version": 1, "sources": sources, "events": events})
    return build(timeline)


def test_filters_on_many_events_pick_what_a_plain_scan_picks(big):
    # (their speed is measured by bench/dashboard_bench.py, not here)
    shown = apply(big.events, Filters(actors=("Country 3",), text="quote", systems=("System 5",
                                                                                    "System 6")))
    expected = {f"e{i}" for i in range(N)  # every quote says "Quote"
                if 3 in (i % 30, (i + 7) % 30) and i % 80 in (5, 6)}
    assert expected and set(shown["id"]) == expected


def test_figure_has_few_traces_and_uses_webgl(big):
    fig = timeline_figure(big.events, options=TimelineOptions())
    assert marks_count(fig) == N
    assert len(fig.data) <= 4 * len(EVENT_TYPES)
    assert {t.type for t in fig.data if t.meta["role"] == "marks"} == {"scattergl"}


def test_presenter_figure_of_many_events_colours_the_webgl_spans(big):
    from dashboard.figures import presenter_figure
    from dashboard.present import DARK

    fig = presenter_figure(big.events, current=big.events["id"].iloc[7], theme=DARK)
    spans = [t for t in fig.data if t.meta["role"] in ("band", "period")]
    assert spans and all(t.type == "scattergl" and t.line.color == DARK.marks[t.meta["type"]]
                         for t in spans)
    assert [t.meta["role"] for t in fig.data].count("current") == 1

"""Where marks and labels go (dashboard/placement.py): nothing overlaps in its row, marks at one
date are dodged, the important events are labelled first. The browser test measures the same
in Chromium (tests/browser/test_timeline_browser.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.placement import (
    DESIGN_PLOT_PX,
    FONT_PX,
    GAP_PX,
    MARK_PX,
    Item,
    Layout,
    layout,
    text_px,
)

DAY_MS = 86_400_000.0
RANGE = (0.0, 1000 * DAY_MS)
WIDE = 1000.0  # a plot 1,000 px wide: one pixel a day


def point(key: int, day: float, label: str = "Something happened · 1 Jan 2020",
          lane: str = "deal", rank: tuple[object, ...] = ()) -> Item:
    ms = day * DAY_MS
    return Item(key, lane, ms, ms + DAY_MS, ms + DAY_MS / 2, False, (label,), rank)


def span(key: int, first: float, last: float, label: str = "A period · 2016–2020",
         lane: str = "statistic") -> Item:
    a, b = first * DAY_MS, (last + 1) * DAY_MS
    return Item(key, lane, a, b, (a + b) / 2, True, (label,))


def extents(items: list[Item], out: Layout, plot_px: float = DESIGN_PLOT_PX
            ) -> dict[tuple[str, int], list[tuple[float, float, int]]]:
    """Per (lane, row): the pixel extents of what each item draws (mark or bar, and label)."""
    per = plot_px / (RANGE[1] - RANGE[0])
    rows: dict[tuple[str, int], list[tuple[float, float, int]]] = {}
    for it in items:
        place = out.places[it.key]
        x = (it.mid - RANGE[0]) * per
        drawn = [(x - MARK_PX / 2, x + MARK_PX / 2)]
        if place.span:
            drawn.append(((it.start - RANGE[0]) * per, (it.stop - RANGE[0]) * per))
        if place.labelled:
            anchor, width = (place.anchor - RANGE[0]) * per, text_px(place.text)
            drawn.append((anchor, anchor + width) if place.side == "right"
                         else (anchor - width, anchor))
        rows.setdefault((it.lane, place.row), []).append(
            (min(a for a, _ in drawn), max(b for _, b in drawn), it.key))
    return rows


def assert_no_overlap(items: list[Item], out: Layout) -> None:
    for (lane, row), spans in extents(items, out).items():
        spans.sort()
        for (_a1, b1, k1), (a2, _b2, k2) in zip(spans, spans[1:], strict=False):
            assert b1 <= a2, f"lane {lane} row {row}: items {k1} and {k2} overlap"


def test_text_width_is_never_short_of_the_browser_fonts():
    # DejaVu Sans advance widths, wider than the fonts the chart uses: 8,685 em/1000 at 12 px
    assert round(text_px("Arms deal signed"), 2) == 104.22
    assert text_px("W" * 10) > text_px("i" * 10) * 3
    assert text_px("字") == FONT_PX  # anything unknown counts as a full em


def test_three_events_on_one_day_get_three_rows():
    items = [point(k, 500) for k in range(3)]
    out = layout(items, RANGE, plot_px=WIDE)
    assert sorted(out.places[k].row for k in range(3)) == [0, 1, 2]
    assert all(out.places[k].labelled for k in range(3))
    assert out.rows == {"deal": 3} and out.unlabelled == {"deal": 0}


def test_events_far_apart_share_a_row():
    items = [point(0, 10), point(1, 600)]
    out = layout(items, RANGE, plot_px=WIDE)
    assert out.places[0].row == out.places[1].row == 0 and out.rows == {"deal": 1}


def test_a_label_near_the_right_edge_runs_left_of_its_mark():
    out = layout([point(0, 990)], RANGE, plot_px=WIDE)
    place = out.places[0]
    assert place.side == "left" and place.anchor < 990 * DAY_MS


def test_a_label_too_long_for_either_side_takes_a_shorter_form():
    long = "A very long title that goes on and on about an arms deal · 1 Jan 2020"
    item = Item(0, "deal", 500 * DAY_MS, 501 * DAY_MS, 500.5 * DAY_MS, False,
                (long, "A very long… · 1 Jan 2020"))
    out = layout([item], RANGE, plot_px=400)
    assert out.places[0].labelled and out.places[0].text == "A very long… · 1 Jan 2020"


def test_overlapping_periods_are_separate_bars_with_labels_above():
    items = [span(0, 100, 500), span(1, 300, 700), span(2, 350, 360)]
    out = layout(items, RANGE, plot_px=WIDE)
    assert len({out.places[k].row for k in range(3)}) == 3
    assert out.places[0].span and out.places[1].span
    assert not out.places[2].span  # 11 px: narrower than two marks, laid out as a point


def test_the_important_are_labelled_first_and_the_rest_counted():
    # ten events on one day, two label rows: the accepted, briefed, corroborated get them
    ranks = [(True, True, 0)] * 8 + [(False, False, -3), (False, True, -1)]
    items = [point(k, 500, rank=r) for k, r in enumerate(ranks)]
    out = layout(items, RANGE, plot_px=WIDE, max_label_rows=2, max_rows=12)
    labelled = sorted(k for k in range(10) if out.places[k].labelled)
    assert labelled == [8, 9]
    assert out.unlabelled == {"deal": 8}
    # every mark still has a row of its own: each can be clicked
    assert len({out.places[k].row for k in range(10)}) == 10


def test_a_collapsed_lane_is_drawn_without_labels():
    items = [point(0, 100, lane="(no system named)"), point(1, 100, lane="Harop")]
    out = layout(items, RANGE, plot_px=WIDE, unlabelled_lanes=["(no system named)"])
    assert not out.places[0].labelled and out.places[1].labelled
    assert out.unlabelled == {"(no system named)": 1, "Harop": 0}


def test_labels_off_places_marks_only():
    items = [point(k, 500) for k in range(3)]
    out = layout(items, RANGE, labels=False)
    assert not any(p.labelled for p in out.places.values())
    assert sorted(p.row for p in out.places.values()) == [0, 1, 2]  # still dodged


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 999), st.integers(0, 60), st.booleans(),
                          st.integers(5, 60), st.sampled_from(["a", "b"])),
                min_size=1, max_size=40))
def test_nothing_overlaps_in_a_row(specs):
    items = []
    for k, (day, length, is_span, chars, lane) in enumerate(specs):
        label = "x" * chars + " · 2020"
        if is_span and length:
            a, b = day * DAY_MS, (day + length + 1) * DAY_MS
            items.append(Item(k, lane, a, b, (a + b) / 2, True, (label,)))
        else:
            items.append(point(k, day, label, lane))
    out = layout(items, RANGE, max_label_rows=6, max_rows=40)
    assert set(out.places) == set(range(len(items)))
    assert_no_overlap(items, out)
    # and labels stay on the plot
    for it in items:
        place = out.places[it.key]
        if place.labelled:
            anchor = (place.anchor - RANGE[0]) * DESIGN_PLOT_PX / (RANGE[1] - RANGE[0])
            width = text_px(place.text)
            lo, hi = (anchor, anchor + width) if place.side == "right" else (anchor - width,
                                                                           anchor)
            assert lo >= -0.01 and hi <= DESIGN_PLOT_PX + 0.01 + GAP_PX

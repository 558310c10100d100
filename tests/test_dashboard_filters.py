"""Filters: the query-string round trip (with a property test) and filtering the frame."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.filters import (
    DEFAULT_STATUSES,
    LANE_MODES,
    Filters,
    apply,
    filters_from_query,
    filters_to_query,
)
from dashboard.frame import build
from extract.timeline import EVENT_TYPES, STATUSES, load

RICH = Path(__file__).parent / "fixtures" / "dashboard" / "rich.yaml"


@pytest.fixture(scope="module")
def events():
    return build(load(RICH)).events


def ids(frame) -> set[str]:
    return set(frame["id"])


# -- the query string -----------------------------------------------------------------------


def test_default_view_is_an_empty_query():
    assert filters_to_query(Filters()) == {}
    assert filters_from_query({}) == Filters()


def test_full_view_round_trips():
    f = Filters(
        start=dt.date(2016, 1, 1), end=dt.date(2020, 12, 31), types=("deal", "delivery"),
        actors=("Israel", "Azerbaijan"), systems=("Harop",), publishers=("The Times of Israel",),
        statuses=("accepted", "candidate"), text="harop drones", lanes="actor",
        event="karabakh-war-2020",
    )
    query = filters_to_query(f)
    assert query["type"] == ["deal", "delivery"]
    assert query["from"] == "2016-01-01"
    assert filters_from_query(query) == f
    # and through a real query string, as a browser would send it
    parsed = parse_qs(urlencode(query, doseq=True), keep_blank_values=True)
    assert filters_from_query(parsed) == f


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": ["deal", "nonsense"]}, Filters(types=("deal",))),  # unknown types dropped
        ({"status": ["bogus"]}, Filters()),  # nothing valid left: the default
        ({"from": "2016-13-01"}, Filters()),  # an impossible day is ignored
        ({"from": "2016"}, Filters()),  # the window is in days
        ({"from": "2020-01-01", "to": "2016-01-01"},  # swapped ends are put in order
         Filters(start=dt.date(2016, 1, 1), end=dt.date(2020, 1, 1))),
        ({"lanes": "colour"}, Filters()),
        ({"event": "<script>"}, Filters()),  # not an id
        ({"q": "  two   words "}, Filters(text="two words")),
        ({"actor": ["Israel", "Israel", ""]}, Filters(actors=("Israel",))),
        ({"type": "deal"}, Filters(types=("deal",))),  # one value as a plain string
    ],
    ids=["unknown-type", "bad-status", "bad-day", "year-only", "swapped", "bad-lanes",
         "bad-event", "spaces", "duplicates", "scalar"],
)
def test_damaged_links_still_open(params, expected):
    assert filters_from_query(params) == expected


words = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20).filter(
    lambda s: s.strip() != "")
names = st.lists(words, max_size=4, unique=True)
days = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@st.composite
def views(draw) -> Filters:
    start, end = draw(st.one_of(st.none(), days)), draw(st.one_of(st.none(), days))
    if start and end and start > end:
        start, end = end, start
    return Filters(
        start=start, end=end,
        types=tuple(draw(st.lists(st.sampled_from(EVENT_TYPES), unique=True, max_size=4))),
        actors=tuple(draw(names)), systems=tuple(draw(names)), publishers=tuple(draw(names)),
        statuses=tuple(draw(st.lists(st.sampled_from(STATUSES), unique=True, min_size=1)))
        or DEFAULT_STATUSES,
        text=" ".join(draw(st.text(max_size=40)).split()),
        lanes=draw(st.sampled_from(LANE_MODES)),
        event=draw(st.one_of(st.none(), st.from_regex(r"[a-z0-9][a-z0-9._-]{0,30}",
                                                      fullmatch=True))),
    )


@given(views())
def test_query_round_trip_property(f):
    assert filters_from_query(filters_to_query(f)) == f
    # through the URL encoding a copied link goes through
    encoded = urlencode(filters_to_query(f), doseq=True)
    assert filters_from_query(parse_qs(encoded, keep_blank_values=True)) == f


@given(st.dictionaries(st.sampled_from(["from", "to", "type", "actor", "status", "q", "lanes",
                                        "event", "system", "publisher", "junk"]),
                       st.one_of(st.text(max_size=30), st.lists(st.text(max_size=30),
                                                                max_size=3))))
def test_any_query_reads_and_is_stable(params):
    f = filters_from_query(params)  # never raises
    assert filters_from_query(filters_to_query(f)) == f


# -- filtering ------------------------------------------------------------------------------


def test_accepted_only_by_default(events):
    shown = apply(events, Filters())
    assert set(shown["status"]) == {"accepted"}
    assert "gallant-call-candidate-2023-02-01" not in ids(shown)
    with_candidates = apply(events, Filters(statuses=("accepted", "candidate")))
    assert "gallant-call-candidate-2023-02-01" in ids(with_candidates)
    assert "rejected-statement-2019" not in ids(with_candidates)


def test_types_actors_systems_publishers(events):
    assert ids(apply(events, Filters(types=("statistic",)))) == {"sipri-share-2016-2020"}
    assert ids(apply(events, Filters(systems=("Harop",)))) == {
        "reuters-arms-2016", "harop-deliveries-2020-11", "harop-combat-2020-10"}
    assert ids(apply(events, Filters(actors=("Armenia",)))) == {"karabakh-war-2020"}
    assert ids(apply(events, Filters(publishers=("SIPRI",)))) == {"sipri-share-2016-2020"}
    # several values: any of them
    assert len(apply(events, Filters(publishers=("SIPRI", "Haaretz")))) == 3


def test_window_keeps_what_could_fall_in_it(events):
    # 'c. Oct 2020', 'Sep – Nov 2020', the war and the 2016–2020 statistic overlap October 2020;
    # 'Nov 2020' and the 2016 deal do not
    shown = ids(apply(events, Filters(start=dt.date(2020, 10, 15), end=dt.date(2020, 10, 20))))
    assert shown == {"harop-combat-2020-10", "agreement-talks-2020", "karabakh-war-2020",
                     "sipri-share-2016-2020"}
    # a year-only event counts when the window touches its year
    assert "reuters-arms-2016" in ids(apply(events, Filters(start=dt.date(2016, 12, 31),
                                                            end=dt.date(2017, 1, 5))))


def test_text_search_titles_summaries_quotes(events):
    assert ids(apply(events, Filters(text="EMBASSY"))) == {"embassy-2023-03-29"}
    assert ids(apply(events, Filters(text="news conference"))) == {"reuters-arms-2016"}  # summary
    assert ids(apply(events, Filters(text="ceasefire"))) == {"karabakh-war-2020"}  # quote
    assert ids(apply(events, Filters(text="harop struck"))) == {"harop-combat-2020-10"}
    assert apply(events, Filters(text="no such words here")).empty
    # regex characters are plain text
    assert ids(apply(events, Filters(text="$5"))) == {"reuters-arms-2016"}


def test_apply_on_empty_frame():
    from dashboard.frame import build as build_frame
    from extract.timeline import Timeline

    empty = build_frame(Timeline(version=1)).events
    assert apply(empty, Filters()).empty

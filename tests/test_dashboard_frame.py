"""The events frame, disagreements between sources, and escaping of untrusted text."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.frame import build, record
from dashboard.text import find_date_words, highlighted_quote, md_escape, md_link, safe_url
from dashboard.views.card import dispute_lines
from extract.timeline import load

RICH = Path(__file__).parent / "fixtures" / "dashboard" / "rich.yaml"


@pytest.fixture(scope="module")
def frames():
    return build(load(RICH))


def row(frames, event_id):
    return frames.events.set_index("id").loc[event_id]


def test_one_row_per_event_in_time_order(frames):
    ev = frames.events
    assert len(ev) == 14 and ev["id"].is_unique
    assert list(ev["start"]) == sorted(ev["start"])


@pytest.mark.parametrize(
    ("event_id", "date", "end", "precision", "label"),
    [
        ("reuters-arms-2016", "2016", "", "year", "2016"),
        ("harop-deliveries-2020-11", "2020-11", "", "month", "Nov 2020"),
        ("karabakh-war-2020", "2020-09-27", "2020-11-10", "day", "27 Sep – 10 Nov 2020"),
        ("sipri-share-2016-2020", "2016", "2020", "year", "2016–2020"),
    ],
)
def test_dates_kept_as_written(frames, event_id, date, end, precision, label):
    r = row(frames, event_id)
    assert (r["date"], r["end"], r["precision"], r["label"]) == (date, end, precision, label)
    assert record(r)["date"] == date  # the export keeps the written form too


def test_corroboration_counts_distinct_publishers(frames):
    assert row(frames, "herzog-aliyev-baku-2023-05-30")["n_publishers"] == 2
    assert row(frames, "satellite-deal-2021-06-15")["n_publishers"] == 1
    assert row(frames, "satellite-deal-2021-06-15")["unverified"]


def test_date_disagreement(frames):
    r = row(frames, "embassy-2023-03-29")
    assert r["disputed"]
    (d,) = r["disputes"]
    assert d["field"] == "date"
    assert d["says"] == [("Caspian News", "29 Mar 2023"), ("The Times of Israel", "Mar 2023")]
    assert d["consistent"]  # only less precise
    (line,) = dispute_lines(r["disputes"], r["label"])
    assert "Caspian News says 29 Mar 2023; The Times of Israel says Mar 2023" in line


def test_value_disagreement(frames):
    r = row(frames, "iai-deal-2012-02-26")
    fields = {d["field"]: d for d in r["disputes"]}
    assert fields["value"]["says"] == [("Reuters", "USD 1.6 billion"),
                                       ("Haaretz", "USD 1.4 billion")]
    assert fields["date"]["says"] == [("Reuters", "26 Feb 2012"), ("Haaretz", "Feb 2012")]


def test_end_date_disagreement(frames):
    (d,) = row(frames, "karabakh-war-2020")["disputes"]
    assert d["says"][1] == ("Caspian News", "27 Sep – Nov 2020")


def test_no_disagreement_without_claims(frames):
    r = row(frames, "herzog-aliyev-baku-2023-05-30")
    assert not r["disputed"] and r["disputes"] == ()


def test_sources_list_the_events_they_support(frames):
    src = frames.sources.set_index("id")
    assert src.loc["sipri-2021-03", "events"] == ("sipri-share-2016-2020",)
    assert src.loc["reuters-2016", "published_label"] == "2016"
    assert src.loc["eurasianet-2020-11", "published_label"] == "Nov 2020"
    assert src.loc["notebook", "publisher"] == "notebook"  # no publisher: its id


# -- escaping -------------------------------------------------------------------------------


HOSTILE = ("On July 4, 2022 <script>alert(1)</script><b>x</b> *bold* _it_ "
           "[link](javascript:alert(5)) $x$ :red[red] :smile: # heading")


def test_md_escape_leaves_no_markup():
    out = md_escape(HOSTILE)
    for raw in ("<script>", "<b>", "*bold*", "_it_", "[link]", "$x$", ":red[", ":smile:"):
        assert raw not in out
    assert "\\<script\\>" in out
    # escaping only adds backslashes: the words are all there, and nothing invisible
    assert out.replace("\\", "") == HOSTILE


def test_md_escape_joins_lines():
    assert md_escape("a\n\n# b") == "a  \\# b"


def test_highlight_only_marks_the_date_words():
    out = highlighted_quote(HOSTILE, "On July 4, 2022")
    assert out.startswith(":orange-background[**On July 4\\, 2022**]")
    assert "<script>" not in out


@pytest.mark.parametrize(
    ("quote", "date_text", "span"),
    [
        ("The war began on September 27.", "on September 27", (14, 29)),
        ("It came in MARCH.", "march", (11, 16)),  # case-insensitive fallback
        ("No date words here.", "in 2016", None),
        ("Anything.", None, None),
    ],
)
def test_find_date_words(quote, date_text, span):
    assert find_date_words(quote, date_text) == span


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a_(b)", "https://example.org/a_%28b%29"),
        ("http://example.org/x?y=1&z=2", "http://example.org/x?y=1&z=2"),
        ("javascript:alert(1)", None),
        ("ftp://example.org/", None),
        ("https://exa mple.org/", None),
        (None, None),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_md_link():
    assert md_link("A *title*", "https://example.org/") == "[A \\*title\\*](https://example.org/)"
    assert md_link("A title", "javascript:alert(1)") == "A title"


def test_one_source_against_the_established_date_is_worded_as_such():
    from dashboard.present import dispute_parts

    single = [{"field": "date", "says": [("Caliber.Az", "Dec 2016")], "consistent": True}]
    assert dispute_parts(single, "13 Dec 2016") == [(
        "The source gives another date:",
        "Caliber.Az says Dec 2016. The timeline shows 13 Dec 2016; no source contradicts it, "
        "some are only less precise.",
    )]
    two = [{"field": "date", "says": [("A", "4 Oct 2022"), ("B", "3 Sep 2022")],
            "consistent": False}]
    assert dispute_parts(two, "c. 2–3 Oct 2022")[0] == (
        "Sources differ on the date:",
        "A says 4 Oct 2022; B says 3 Sep 2022. The timeline shows c. 2–3 Oct 2022.",
    )


def test_a_figure_is_shared_between_sessions_per_file_version(frames):
    from dashboard import state

    made = []

    def make(name):
        made.append(name)
        return object()

    first = state.shared(frames, "test", ("view", 1), lambda: make("a"))
    assert state.shared(frames, "test", ("view", 1), lambda: make("b")) is first
    assert made == ["a"]  # the second session did not build it again
    other = state.shared(frames, "test", ("view", 2), lambda: make("c"))
    assert other is not first
    # bounded: the least recently used goes
    for k in range(state.SHARED_PER_FILE):
        state.shared(frames, "test", ("fill", k), lambda: make("fill"))
    state.shared(frames, "test", ("view", 1), lambda: make("again"))
    assert made[-1] == "again"
    # another file version has its own
    again = build(load(Path(__file__).parent / "fixtures" / "dashboard" / "rich.yaml"))
    assert state.shared(again, "test", ("view", 2), lambda: make("d")) is not other

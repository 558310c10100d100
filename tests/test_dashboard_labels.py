"""Precision-honest date and value labels: one case per line."""

from __future__ import annotations

import pytest

from dashboard.labels import counted, date_label, precision_words, value_label
from extract.timeline import PartialDate, Value


def D(text: str | int) -> PartialDate:
    return PartialDate.parse(text)


@pytest.mark.parametrize(
    ("date", "end", "approximate", "expected"),
    [
        ("2016", None, False, "2016"),
        ("2020-11", None, False, "Nov 2020"),
        ("2023-05-30", None, False, "30 May 2023"),
        ("2023-05-03", None, False, "3 May 2023"),  # no leading zero, no invented precision
        ("2020-09-27", "2020-11-10", False, "27 Sep – 10 Nov 2020"),
        ("2023-05-30", "2023-05-31", False, "30–31 May 2023"),  # same month: year once
        ("2020-12-27", "2021-01-03", False, "27 Dec 2020 – 3 Jan 2021"),
        ("2020-09", "2020-11", False, "Sep – Nov 2020"),
        ("2020-11", "2021-02", False, "Nov 2020 – Feb 2021"),
        ("2016", "2020", False, "2016–2020"),
        ("2016", "2020-03", False, "2016 – Mar 2020"),  # mixed precision: each side as written
        ("2020-09", "2020-11-10", False, "Sep – 10 Nov 2020"),
        ("2016", "2016", False, "2016"),  # an end equal to the start is no period
        ("2016", None, True, "c. 2016"),
        ("2020-10", None, True, "c. Oct 2020"),
        ("2010", "2013", True, "early 2010s"),
        ("2014", "2016", True, "mid-2010s"),
        ("2017", "2019", True, "late 2010s"),
        ("2010", "2019", True, "2010s"),
        ("2011", "2013", True, "c. 2011–2013"),  # not a decade part: plain 'c.'
        ("2010", "2013", False, "2010–2013"),  # the decade words only when hedged
    ],
    ids=lambda v: str(v),
)
def test_date_label(date, end, approximate, expected):
    assert date_label(D(date), D(end) if end else None, approximate=approximate) == expected


@pytest.mark.parametrize(
    ("date", "expected_digits"),
    [("2016", 4), ("2020-11", 4), ("2023-05-30", 6)],
)
def test_label_never_prints_a_day_it_was_not_given(date, expected_digits):
    label = date_label(D(date))
    assert sum(c.isdigit() for c in label) == expected_digits


@pytest.mark.parametrize(
    ("date", "end", "approximate", "expected"),
    [
        ("2023-05-30", None, False, "exact day"),
        ("2023-05-30", None, True, "about this day (approximate)"),  # not 'exact …, approx.'
        ("2022-10-02", "2022-10-03", False, "exact days"),
        ("2022-10-02", "2022-10-03", True, "about these days (approximate)"),
        ("2023-05-30", "2023-05-30", True, "about this day (approximate)"),  # one day
        ("2020-11", None, False, "month only"),
        ("2020-11", None, True, "month only, approximate"),
        ("2020-09", "2020-11", True, "month only, approximate"),
        ("2016", None, False, "year only"),
        ("2016", None, True, "year only, approximate"),
        ("2010", "2013", True, "year only, approximate"),
        ("2020-09-27", "2020-11", False, "month only"),  # the coarser end decides
        ("2020-09-27", "2021", True, "year only, approximate"),
    ],
)
def test_precision_words(date, end, approximate, expected):
    assert precision_words(D(date), D(end) if end else None, approximate) == expected


@pytest.mark.parametrize("approximate", [False, True])
@pytest.mark.parametrize("end", [None, "2023-05-31", "2023-06", "2024"])
@pytest.mark.parametrize("date", ["2023-05-30", "2023-05", "2023"])
def test_precision_words_never_contradict_themselves(date, end, approximate):
    words = precision_words(D(date), D(end) if end else None, approximate)
    assert ("approximate" in words) == approximate
    assert not ("exact" in words and approximate)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"amount": 69, "unit": "percent"}, "69%"),
        ({"amount": 1_600_000_000, "currency": "USD"}, "USD 1.6 billion"),
        ({"amount": 5_000_000_000, "currency": "USD", "approximate": True}, "c. USD 5 billion"),
        ({"amount": 4_850_000_000, "currency": "USD"}, "USD 4.85 billion"),
        ({"amount": 250_000, "currency": "EUR"}, "EUR 250,000"),
        ({"amount": 3, "unit": "rank"}, "rank 3"),  # not '3 rank', which reads as a count
        ({"amount": 12.5}, "12.5"),
    ],
)
def test_value_label(value, expected):
    assert value_label(Value(**value)) == expected
    assert value_label(value) == expected


def test_value_label_none():
    assert value_label(None) == ""


@pytest.mark.parametrize(
    "claim_date, claim_end, event_date, event_end, expected",
    [
        # "Sep. 3" against a visit of 2-3 Oct: the source says one day, not "3 Sep - 3 Oct"
        ("2022-09-03", None, "2022-10-02", "2022-10-03", ("2022-09-03", None)),
        ("2020-09-27", "2020-11-10", "2020-10-01", None, ("2020-09-27", "2020-11-10")),
        # a source that differs on the end only keeps the event's start
        (None, "2023-06-01", "2023-05-30", "2023-05-31", ("2023-05-30", "2023-06-01")),
        ("2016", None, "2016-12-13", None, ("2016", None)),
    ],
    ids=["point-claim-on-a-period", "period-claim", "end-only", "coarser"],
)
def test_claimed_span(claim_date, claim_end, event_date, event_end, expected):
    from dashboard.labels import claimed_span
    from extract.timeline import PartialDate

    start, end = claimed_span(claim_date, claim_end, PartialDate.parse(event_date),
                              PartialDate.parse(event_end) if event_end else None)
    assert (str(start), str(end) if end else None) == expected


def test_flags_one_list_in_one_order_for_every_medium():
    from dashboard.figures import hover_text, short_hover_text
    from dashboard.labels import FLAGS, flags_of

    assert flags_of("accepted", False, False) == []
    assert [f.kind for f in flags_of("candidate", True, True)] == [
        "candidate", "unverified", "disputed"]
    assert [f.kind for f in flags_of("rejected", False, True)] == ["rejected", "disputed"]
    common = dict(title="T", label="2016", precision="year", status="candidate",
                  unverified=True, disputed=True)
    words = "⚠ candidate, unverified, sources disagree"
    assert hover_text(event_type="deal", n_sources=1, n_publishers=1, **common).endswith(words)
    assert short_hover_text(**common).endswith(words)
    assert all(f.label and f.detail.endswith(".") for f in FLAGS.values())


@pytest.mark.parametrize("text", ['Arms "worth billions"', "Israel's share", "<b>x</b> & y",
                                  "a\u202eb"])
def test_esc_writes_only_references_plotly_decodes(text):
    import html
    import re

    from dashboard.labels import esc

    out = esc(text)
    # plotly.js decodes numeric references and only a few named ones: &quot; showed as written
    named = set(re.findall(r"&([a-z]+);", out))
    assert named <= {"amp", "lt", "gt"}, out
    assert "<" not in out and '"' not in out and "'" not in out
    assert html.unescape(out) == text.replace("\u202e", "⟨U+202E⟩")


@pytest.mark.parametrize(("n", "noun", "plural", "expected"), [
    (0, "event", None, "0 events"),
    (1, "event", None, "1 event"),
    (2, "source", None, "2 sources"),
    (1234, "event", None, "1,234 events"),  # the thousands as the timeline's captions write them
    (1, "person", "people", "1 person"),
    (3, "person", "people", "3 people"),
])
def test_counted(n, noun, plural, expected):
    assert counted(n, noun, plural) == expected

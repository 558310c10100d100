"""Table tests for extract.dates (the date finder)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.dates import (
    TIMEX3_VALUE_RE,
    DateMention,
    find_dates,
    load_periods,
    mention_json,
    mention_span,
    to_timeml,
)


def one(text: str, pub, needle: str | None = None, **kw) -> DateMention:
    """The mention covering `needle` (or the only mention)."""
    ms = find_dates(text, pub, **kw)
    if needle is None:
        assert len(ms) == 1, ms
        return ms[0]
    i = text.index(needle)
    hits = [m for m in ms if m.start < i + len(needle) and i < m.end]
    assert len(hits) == 1, (needle, ms)
    return hits[0]


# (pub, text, needle, value, end_value) -- the seed corpus, real sentences
SEED = [
    ("2023-05-31", "President Aliyev said on Tuesday in a joint press briefing", "Tuesday",
     "2023-05-30", None),
    ("2023-05-31", "In 2016-2020, the purchases", "2016-2020", "2016", "2020"),
    ("2023-05-31", "In 2016, President Aliyev revealed", "2016", "2016", None),
    ("2023-05-31", "following the opening of the Azerbaijani embassy in Israel on March 29, 2023.",
     "March 29, 2023", "2023-03-29", None),
    ("2023-05-31", "Meanwhile, in 2021, Israeli defense company", "2021", "2021", None),
    ("2023-05-31", "Last update: March 29, 2024 01:04", "March 29", "2024-03-29T01:04", None),
    ("2023-02-02", "the telephone conversation on February 1 between the Minister", "February 1",
     "2023-02-01", None),
    ("2023-02-02", "visit of the head of the Israeli government to Baku in December 2016",
     "December 2016", "2016-12", None),
    ("2023-02-02", "refusing to supply arms to Armenia last October", "last October", "2022-10",
     None),
    # 'exactly' -> annotators give the day
    ("2023-02-02", "exactly a month ago Israel had a new government", "a month ago",
     "2023-01-02", None),
    ("2023-02-02", "Last Friday saw the end of a major military exercise", "Last Friday",
     "2023-01-27", None),
    ("2023-02-02", "22 March 2023 - 15:44", "22 March", "2023-03-22T15:44", None),
    ("2022-10-05", "05 / 10 / 2022", "05", "2022-10-05", None),
    ("2022-10-05", "On October 4, the Minister of Defense", "October 4", "2022-10-04", None),
    # month-precision DCT: the year of 'Sep. 3' is still decidable
    ("2022-10", "became public only on Sep. 3 after he returned", "Sep. 3", "2022-09-03", None),
    ("2022-10", "Israel's theft of sensitive nuclear files in 2018", "2018", "2018", None),
    ("2023-05-30", "President Isaac Herzog stressed on Tuesday", "Tuesday", "2023-05-30", None),
    # 'heading' is a future cue: the next Wednesday
    ("2023-05-30", "before heading home on Wednesday", "Wednesday", "2023-05-31", None),
    ("2023-05-30", "the March opening of Azerbaijan's embassy", "March", "2023-03", None),
]


@pytest.mark.parametrize("pub,text,needle,value,end_value", SEED,
                         ids=[f"seed-{i}-{s[2]}" for i, s in enumerate(SEED)])
def test_seed_corpus(pub, text, needle, value, end_value):
    m = one(text, pub, needle)
    assert m.value == value
    assert m.end_value == end_value


def test_seed_two_ranges():
    ms = find_dates("In 2014-2018 and 2018-2022, according to data compiled by SIPRI", "2023-05-31")
    assert [(m.value, m.end_value) for m in ms] == [("2014", "2018"), ("2018", "2022")]


def test_seed_final_days_approximate():
    m = one("in the final days of the hostilities in November 2020", "2023-05-31",
            "November 2020")
    assert (m.value, m.approximate) == ("2020-11", True)


def test_seed_back_then_anaphora():
    text = ("The embassy opened in Israel on March 29, 2023. Tehran protested. "
            "Back then, Nasser Kanaani said it was a mistake.")
    m = one(text, "2023-05-31", "Back then")
    assert m.value == "2023-03-29" and m.relative


@pytest.mark.parametrize("pub,text,needle", [
    ("2023-05-31", "drones in the 2020 war with Armenia in Karabakh", "the 2020 war"),
    ("2023-02-02", "just then during 44-day liberation war in Karabakh", "44-day liberation war"),
    ("2022-10-05", "the previous Artsakh wars and the last 44-day war were", "44-day war"),
    ("2023-05-30", "during the 2020 Nagorno-Karabakh conflict", "2020 Nagorno-Karabakh"),
    ("2023-05-30", "Azerbaijan won that six-week war with Armenia", "six-week war"),
    ("2023-05-30", "the Second Karabakh War changed the region", "Second Karabakh War"),
    ("2023-05-30", "veterans of the 44-day war", "44-day war"),
], ids=["2020-war", "44-day-liberation", "last-44-day", "nk-conflict", "six-week",
        "second-karabakh", "the-44-day"])
def test_named_periods(pub, text, needle):
    m = one(text, pub, needle)
    assert m.period == "karabakh-war-2020"
    assert (m.value, m.end_value) == ("2020-09-27", "2020-11-10")
    assert mention_span(m) == ("2020-09-27", "2020-11-10", False)


def test_context_alias_needs_context():
    # 'the 2020 war' elsewhere is not the Karabakh war: only the year is kept
    ms = find_dates("Veterans of the 2020 war in the desert met in Texas.", "2023-05-30")
    assert all(m.period is None for m in ms)
    assert [m.value for m in ms] == ["2020"]


@pytest.mark.parametrize("pub,text", [
    ("2023-02-02", "US may ship Patriot air defence systems to Ukraine"),
    ("2023-02-02", "Japan vows $15 billion to tackle inflation"),
    ("2023-02-02", "a $30 million package"),
    ("2023-05-30", "celebrating Israel's 75th birthday"),
    ("2023-05-30", "accounting for 17% of Jerusalem's arms exports"),
    ("2023-05-30", "made up 69 percent of imports"),
    ("2023-05-30", "some 6,000 soldiers were deployed"),
    ("2023-05-30", "the second-largest importer"),
    ("2023-05-30", "Zelenskyy on overnight Shahed drone attack"[16:]),
    ("2023-05-30", "thousands march in the streets"),
    ("2023-05-30", "Theresa May met the minister"),
    ("2023-05-30", "an interview with the Sunday Times"),
    ("2023-05-30", "the talks ended at 13:55"),
    ("2023-05-30", "we agreed"),
], ids=["may-verb", "billions", "millions", "ordinal-birthday", "percent-sign", "percent-word",
        "thousands", "second-largest", "shahed", "march-lowercase", "theresa-may", "sunday-times",
        "bare-clock", "we"])
def test_false_positives(pub, text):
    assert find_dates(text, pub) == []


# (pub, text, needle, value, type, precision, extra-attributes)
RULES = [
    # precision kept
    ("2023-05-30", "In 2016 the deal was signed", "2016", "2016", "DATE", "year", {}),
    ("2023-05-30", "Nov 2020 deliveries", "Nov 2020", "2020-11", "DATE", "month", {}),
    ("2023-05-30", "on May 30, 2023 in Baku", "May 30, 2023", "2023-05-30", "DATE", "day", {}),
    ("2023-05-30", "02 February 2023 - 13:55", "02 February", "2023-02-02T13:55", "TIME",
     "minute", {}),
    ("2023-05-30", "Sept. 3, 2021", "Sept. 3", "2021-09-03", "DATE", "day", {}),
    ("2023-05-30", "the 4th of October 2021", "4th", "2021-10-04", "DATE", "day", {}),
    ("2023-05-30", "dated 2021-06-15", "2021-06-15", "2021-06-15", "DATE", "day", {}),
    # year ranges
    ("2023-05-30", "in 2015–19 imports grew", "2015–19", "2015", "DATE", "year",
     {"end_value": "2019"}),
    ("2023-05-30", "between 2016 and 2020 imports grew", "between 2016", "2016", "DATE", "year",
     {"end_value": "2020"}),
    ("2023-05-30", "from 2014 to 2018 imports grew", "from 2014", "2014", "DATE", "year",
     {"end_value": "2018"}),
    # decades
    ("2022-10", "since the early 2010s", "2010s", "201", "DATE", "decade",
     {"mod": "EARLY", "approximate": True}),
    ("2022-10", "in the 1990s", "1990s", "199", "DATE", "decade", {}),
    # modifiers
    ("2023-05-30", "in late 2020 the war began", "late 2020", "2020", "DATE", "year",
     {"mod": "LATE", "approximate": True}),
    ("2023-05-30", "by mid-2021 deliveries", "mid-2021", "2021", "DATE", "year",
     {"mod": "MID", "approximate": True}),
    ("2023-05-30", "the final days of November 2020", "November 2020", "2020-11", "DATE",
     "month", {"mod": "END", "approximate": True}),
    ("2023-05-30", "in about 2015 it began", "2015", "2015", "DATE", "year",
     {"mod": "APPROX", "approximate": True}),
    # quarters and seasons
    ("1998-10-20", "profit in the third quarter rose", "third quarter", "1998-Q3", "DATE",
     "quarter", {}),
    # Q4 has not begun in a May article: the last Q4
    ("2023-05-30", "sales in the fourth quarter fell", "fourth quarter", "2022-Q4", "DATE",
     "quarter", {}),
    ("2023-05-30", "results for Q3 2020", "Q3 2020", "2020-Q3", "DATE", "quarter", {}),
    ("2023-05-30", "in summer 2021 the drones", "summer 2021", "2021-SU", "DATE", "season", {}),
    ("2023-05-30", "last summer the drones", "last summer", "2022-SU", "DATE", "season", {}),
    # weekdays
    ("2023-05-30", "he said on Friday", "Friday", "2023-05-26", "DATE", "day", {"relative": True}),
    ("2023-05-30", "he will travel on Friday", "Friday", "2023-06-02", "DATE", "day", {}),
    ("2023-05-30", "talks are scheduled to resume on Thursday", "Thursday", "2023-06-01", "DATE",
     "day", {}),
    ("2023-05-30", "they meet next Wednesday", "next Wednesday", "2023-05-31", "DATE", "day", {}),
    ("2023-05-30", "Last Tuesday he left", "Last Tuesday", "2023-05-23", "DATE", "day", {}),
    # deictic and DCT-relative units
    ("2023-05-30", "he said yesterday", "yesterday", "2023-05-29", "DATE", "day", {}),
    ("2023-05-30", "the deal signed today", "today", "2023-05-30", "DATE", "day", {}),
    ("2023-05-30", "orders this year rose", "this year", "2023", "DATE", "year", {}),
    ("2023-05-30", "orders last year rose", "last year", "2022", "DATE", "year", {}),
    ("2023-05-30", "deliveries next month", "next month", "2023-06", "DATE", "month", {}),
    ("2023-05-30", "two years ago the deal", "two years ago", "2021", "DATE", "year", {}),
    # without 'exactly' a month ago is a month
    ("2023-05-30", "a month ago the deal", "a month ago", "2023-04", "DATE", "month", {}),
    ("2023-05-30", "Israel is now a partner", "now", "PRESENT_REF", "DATE", "ref", {}),
    ("2023-05-30", "Israel currently supplies", "currently", "PRESENT_REF", "DATE", "ref", {}),
    # 'recent months' is not a calendar date
    ("2022-10", "In recent months Israel made", "recent months", "PXM", "DURATION", "duration",
     {}),
    ("2023-05-30", "it was recently agreed", "recently", "PAST_REF", "DATE", "ref", {}),
    # anaphora on the previous date
    ("2023-05-30", "They met on May 3, 2023. A day later the deal was signed.", "A day later",
     "2023-05-04", "DATE", "day", {"relative": True}),
    ("2023-05-30", "They met on May 3, 2023. The next day the deal was signed.", "The next day",
     "2023-05-04", "DATE", "day", {}),
    ("2023-05-30", "They met on May 3, 2023. Two weeks later it ended.", "Two weeks later",
     "2023-W20", "DATE", "week", {}),
    ("2023-05-30", "The deal was signed in 2016. That year Israel sold drones.", "That year",
     "2016", "DATE", "year", {}),
    # durations and sets
    ("2023-05-30", "a six-week course", "six-week", "P6W", "DURATION", "duration", {}),
    ("2023-05-30", "he served for three years", "three years", "P3Y", "DURATION", "duration", {}),
    ("2023-05-30", "it took two years", "two years", "P2Y", "DURATION", "duration", {}),
    ("2023-05-30", "over the past three months", "the past three months", "P3M", "DURATION",
     "duration", {}),
    ("2023-05-30", "for 101 days now", "101 days", "P101D", "DURATION", "duration", {}),
    ("2023-05-30", "a couple of years", "a couple of years", "P2Y", "DURATION", "duration", {}),
    ("2023-05-30", "they meet every year", "every year", "P1Y", "SET", "set", {}),
    ("2023-05-30", "a weekly briefing", "weekly", "P1W", "SET", "set", {}),
    # numeric dates: day-first detection
    ("2022-10-05", "signed 05.10.2022 in Baku", "05.10.2022", "2022-10-05", "DATE", "day", {}),
    ("2023-03-01", "on 22/03/2023 and 05/04/2023", "05/04/2023", "2023-04-05", "DATE", "day", {}),
    ("1989-11-02", "Filed 11/02/89", "11/02/89", "1989-11-02", "DATE", "day", {}),
    # month names: May with a preposition is a month
    ("2023-05-30", "the talks in May were long", "May", "2023-05", "DATE", "month", {}),
    ("1998-01-08", "sales in October fell", "October", "1997-10", "DATE", "month", {}),
]


@pytest.mark.parametrize("pub,text,needle,value,typ,prec,extra", RULES,
                         ids=[f"{i}-{r[2]}" for i, r in enumerate(RULES)])
def test_rules(pub, text, needle, value, typ, prec, extra):
    m = one(text, pub, needle)
    assert (m.value, m.type, m.precision) == (value, typ, prec), m
    for k, v in extra.items():
        assert getattr(m, k) == v, (k, m)


# relative expressions are never resolved against today's date
@pytest.mark.parametrize("pub,text,needle,value", [
    (None, "he said on Tuesday", "Tuesday", None),
    (None, "he said yesterday", "yesterday", None),
    (None, "sold last October", "last October", "XXXX-10"),
    # month-precision DCT: no day can be invented
    ("2022-10", "he said on Tuesday", "Tuesday", None),
    ("2022-10", "he said yesterday", "yesterday", None),
    ("2022", "this year", "this year", "2022"),
], ids=["no-dct-weekday", "no-dct-yesterday", "no-dct-month", "month-dct-weekday",
        "month-dct-yesterday", "year-dct-this-year"])
def test_unresolvable_relative(pub, text, needle, value):
    m = one(text, pub, needle)
    assert m.value == value and m.relative


def test_day_first_keyword():
    # both readings valid: the keyword decides
    assert one("on 05/04/2023", "2023-01-01", "05/04", day_first=True).value == "2023-04-05"
    assert one("on 05/04/2023", "2023-01-01", "05/04", day_first=False).value == "2023-05-04"


def test_published_as_date():
    assert one("he said yesterday", dt.date(2023, 5, 30)).value == "2023-05-29"


@pytest.mark.parametrize("mention,span", [
    (DateMention(0, 9, "2014-2018", "2014", "DATE", "year", "2018"), ("2014", "2018", False)),
    (DateMention(0, 15, "the early 2010s", "201", "DATE", "decade", approximate=True,
                 mod="EARLY"), ("2010", "2013", True)),
    (DateMention(0, 7, "the 90s", "199", "DATE", "decade"), ("1990", "1999", False)),
    (DateMention(0, 7, "Q4 2020", "2020-Q4", "DATE", "quarter"), ("2020-10", "2020-12", False)),
    (DateMention(0, 4, "2016", "2016", "DATE", "year"), ("2016", None, False)),
    (DateMention(0, 4, "x", "2023-02-02T13:55", "TIME", "minute"), ("2023-02-02", None, False)),
    (DateMention(0, 3, "now", "PRESENT_REF", "DATE", "ref"), None),
    (DateMention(0, 3, "two", "P2Y", "DURATION", "duration"), None),
    (DateMention(0, 3, "x", "P1Y", "SET", "set"), None),
    (DateMention(0, 3, "x", None, "DATE", "day"), None),
    (DateMention(0, 3, "x", "XXXX-10", "DATE", "month"), None),
    # "late 2020": the year, approximate; no months the text did not give
    (DateMention(0, 9, "late 2020", "2020", "DATE", "year", approximate=True, mod="LATE"),
     ("2020", None, True)),
    # "the final days of the hostilities in November 2020": the month, never days 21-30
    (DateMention(0, 13, "November 2020", "2020-11", "DATE", "month", approximate=True,
                 mod="END"), ("2020-11", None, True)),
], ids=["range", "early-decade", "decade", "quarter", "year", "time", "present-ref", "duration",
        "set", "unresolved", "underspecified", "late-year", "final-days-of-month"])
def test_mention_span(mention, span):
    assert mention_span(mention) == span


def test_mention_json():
    ms = find_dates("In 2014-2018 the 44-day war", "2023-05-31")
    js = [mention_json(m) for m in ms]
    assert js[0]["value"] == ["2014", "2018"]
    assert js[1]["period"] == "karabakh-war-2020"
    assert "approximate" not in js[0]


def test_to_timeml_roundtrip():
    import xml.etree.ElementTree as ET

    text = "On May 3, 2023 & later, now."
    xml = to_timeml(text, find_dates(text, "2023-05-30"), "2023-05-30", doc_id="d1")
    root = ET.fromstring(xml)
    assert root.find("DCT/TIMEX3").get("value") == "2023-05-30"
    assert "".join(root.find("TEXT").itertext()) == text
    assert [t.get("value") for t in root.iter("TIMEX3")][1:] == ["2023-05-03", "PRESENT_REF"]


def test_gazetteer_loads():
    ps = load_periods()
    assert any(p.id == "karabakh-war-2020" for p in ps)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
           st.text(alphabet=list("0123456789 /.-–,:'$%abdeMJFASONDTWayuctoberlsxnh"), max_size=8),
           st.sampled_from(["May ", "2016", "Tuesday", " ago", "last ", "the 44-day war",
                            "weeks", "2014-2018", "Sep. 3", " 1990s", "Q3", "two ", "the next day",
                            "back then", "Karabakh", "05/10/2022", " early "])),
           max_size=20).map("".join),
       st.sampled_from([None, "2023-05-30", "2022-10", "2022", dt.date(2020, 2, 29)]))
def test_property_never_raises_and_offsets_valid(text, pub):
    ms = find_dates(text, pub)
    last = 0
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start:m.end]
        assert m.start >= last
        last = m.end
        for v in (m.value, m.end_value):
            assert v is None or TIMEX3_VALUE_RE.match(v), v
        assert m.type in ("DATE", "TIME", "DURATION", "SET")


def test_dateparser_fallback_for_slash_stamp():
    # yyyy/mm/dd stamps go through the cached dateparser fallback
    assert one("Filed 2023/05/30 in Baku", "2023-06-01", "2023/05/30").value == "2023-05-30"


@pytest.mark.parametrize("text, expected", [
    # "the war" after a named period is that period (anaphora)
    ("Drones were used in the 2020 war with Armenia. LORA was also seen during the war.",
     [("the 2020 war", "karabakh-war-2020"), ("the war", "karabakh-war-2020")]),
    # no named period before: "the war" stays undated
    ("LORA was seen during the war. Later came the 44-day war in Karabakh.",
     [("the 44-day war", "karabakh-war-2020")]),
    # "the war with Iran" names another war: not an anaphor
    ("The 44-day war ended. Analysts spoke of risks in the war with Iran.",
     [("The 44-day war", "karabakh-war-2020")]),
], ids=["anaphor", "no-antecedent", "other-war"])
def test_period_anaphora(text, expected):
    found = [(m.text, m.period) for m in find_dates(text, "2023-05-31")]
    assert found == expected

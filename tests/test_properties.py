"""Properties: the date finder, the timeline loader and merge hold up on any input.

* ``find_dates`` never raises, and every mention is a valid, sorted, non-overlapping slice of
  the text with a TIMEX3 value (or None);
* ``timeline.parse`` turns any text into a Timeline or a TimelineError whose problems each name
  the file and, when the YAML composes to a document, a line;
* ``merge`` never drops or alters an accepted (or rejected) event, and a second merge of the
  same candidates writes identical bytes.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import timeline as tl
from extract.dates import TIMEX3_VALUE_RE, find_dates
from extract.merge import merge
from tests.helpers import files_left

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------------------------
# the date finder
# --------------------------------------------------------------------------------------------

DATE_WORDS = [
    "May", "may", "30", "2023", "1990s", "early", "late", "mid-", "last", "next", "this",
    "Tuesday", "on", "in", "ago", "two", "years", "a day later", "the following week", "Q3",
    "2014-2018", "2015–19", "between", "and", "from", "to", "12/11/2020", "3.4.21", "2020-02-30",
    "February 29", "31 June 2021", "will", "said", "yesterday", "now", "recently", "summer",
    "10:45", "-", ",", ".", " ", "\n", "Sep.", "the early 2010s", "that year", "back then",
    "99999", "0000", "１２", "٢٠٢٣", "\u2028", "\x00",
]
date_texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(DATE_WORDS), st.text(max_size=4)), max_size=40).map(
        " ".join
    ),
    st.lists(st.sampled_from(DATE_WORDS), max_size=40).map("".join),
)
publications = st.one_of(
    st.none(),
    st.sampled_from(["2023", "2023-02", "2023-02-02", "2024-02-29", "1999-12-31"]),
    st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)),
)


@FAST
@given(text=date_texts, published=publications)
def test_find_dates_never_raises_and_gives_valid_spans(text, published):
    mentions = find_dates(text, published)
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.text, m
        assert m.start >= previous_end, f"overlapping or unsorted: {mentions}"
        previous_end = m.end
        for value in (m.value, m.end_value):
            assert value is None or TIMEX3_VALUE_RE.match(value), m


# --------------------------------------------------------------------------------------------
# the timeline loader
# --------------------------------------------------------------------------------------------

YAML_BITS = [
    "version: 1\n", "sources:\n", "events:\n", "briefing: ", "  - ", "    ", "id: ", "e1",
    "title: ", "date: ", "2023-02-30", "2023-05-30", "end: ", "type: ", "visit", "status: ",
    "accepted", "evidence: [{source: s, quote: q}]\n", "&a ", "*a", "<<: ", "!!python/object ",
    "!!timestamp ", "!!binary ", "!!set ", "[", "]", "{", "}", ",", ":", "- ", "? ", "'", '"',
    "#", "|\n", ">\n", "---\n", "...\n", "\t", "\n", "~", ".inf", ".nan", "0x1F", "1e999",
    "url: javascript:x", "é", "\ufeff", "\x85", "\u2028", "\r", "\x00",
]
yaml_like = st.lists(st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=3)), max_size=60).map(
    "".join
)

FIELD_NAMES = sorted({name for names in tl._FIELDS.values() for name in names})
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
    st.sampled_from(["2023", "2023-02-30", "2023-05", "visit", "accepted", "https://x.org",
                     "file:///etc/passwd", "<script>alert(1)</script>"]),
    st.dates(),
)
structures = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=6)), children,
                        max_size=5),
    ),
    max_leaves=30,
)
timeline_shaped = st.fixed_dictionaries(
    {"version": st.one_of(st.just(1), scalars)},
    optional={
        "sources": st.lists(st.dictionaries(st.sampled_from(FIELD_NAMES), structures, max_size=6),
                            max_size=3),
        "deals": st.lists(st.dictionaries(st.sampled_from(FIELD_NAMES), structures, max_size=6),
                          max_size=3),
        "events": st.lists(st.dictionaries(st.sampled_from(FIELD_NAMES), structures, max_size=8),
                           max_size=3),
        "briefing": structures,
    },
)


def yaml_composes(text: str) -> bool:
    """True when the text is one YAML document with a root node (so lines can be given)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except Exception:  # noqa: BLE001 - any failure means "does not parse"
        return False
    # "---" alone is an explicit but empty document: "the file is empty", no line to give
    return root is not None and not (isinstance(root, yaml.ScalarNode) and root.value == "")


def check_parse(text: str) -> None:
    try:
        result = tl.parse(text, file="x.yaml")
    except tl.TimelineError as exc:
        assert exc.problems
        located = yaml_composes(text)
        for problem in exc.problems:
            assert problem.file == "x.yaml"
            assert len(str(problem).splitlines()) == 1, problem
            if located:
                assert problem.line is not None, (problem, text)
    else:
        assert isinstance(result, tl.Timeline)


@FAST
@given(text=st.one_of(st.text(max_size=300), yaml_like))
def test_parse_any_text_gives_timeline_or_located_error(text):
    check_parse(text)


@FAST
@given(data=st.one_of(structures, timeline_shaped),
       flow=st.sampled_from([None, True, False]), sort_keys=st.booleans())
def test_parse_any_yaml_structure_gives_timeline_or_located_error(data, flow, sort_keys):
    check_parse(yaml.safe_dump(data, default_flow_style=flow, sort_keys=sort_keys,
                               allow_unicode=True))


@settings(max_examples=20, deadline=None)
@given(depth=st.integers(min_value=60, max_value=20_000), kind=st.sampled_from("[{-"))
def test_parse_deep_nesting_is_an_error_not_a_crash(depth, kind):
    # libyaml's composer recursed without limit here and killed the process (SIGSEGV)
    if kind == "[":
        text = "version: 1\nevents: " + "[" * depth + "]" * depth + "\n"
    elif kind == "{":
        text = "version: 1\nevents: " + "{a: " * depth + "}" * depth + "\n"
    else:
        text = "version: 1\nevents:\n  " + "- " * depth + "x\n"
    check_parse(text)


# --------------------------------------------------------------------------------------------
# merge
# --------------------------------------------------------------------------------------------

SOURCE_IDS = ["s0", "s1", "s2", "s3"]
QUOTES = ["Israel sold drones.", "Israel  sold drones.", "A deal was signed on Tuesday.",
          "Officials met in Baku.", "“Quoted” — with ünïcode; #not a comment: x"]
ACTORS = ["Israel", "Azerbaijan", "Armenia", "Turkey"]

titles = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
    str.strip
)


@st.composite
def partial_dates(draw):
    day = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)))
    form = draw(st.sampled_from(["year", "month", "day"]))
    if form == "year":
        return tl.PartialDate(day.year)
    if form == "month":
        return tl.PartialDate(day.year, day.month)
    return tl.PartialDate(day.year, day.month, day.day)


@st.composite
def timelines(draw, statuses):
    sources = [
        tl.Source(
            id=sid,
            publisher=draw(st.sampled_from(["Caspian News", "Haaretz", None])),
            file=draw(st.sampled_from([None, f"{sid}.txt", "shared.txt"])),
            url=draw(st.sampled_from([None, f"https://example.org/{sid}"])),
        )
        for sid in draw(st.lists(st.sampled_from(SOURCE_IDS), min_size=1, max_size=3,
                                 unique=True))
    ]
    ids = draw(st.lists(st.sampled_from(["e0", "e1", "e2", "e3", "e4"]), max_size=4, unique=True))
    events = []
    for ident in ids:
        date = draw(partial_dates())
        end = draw(st.one_of(st.none(), partial_dates().filter(
            lambda d, date=date: d.last_day() >= date.first_day())))
        evidence = draw(st.lists(
            st.builds(tl.Evidence, source=st.sampled_from([s.id for s in sources]),
                      quote=st.sampled_from(QUOTES),
                      date_text=st.one_of(st.none(), st.sampled_from(["Tuesday", "2023"]))),
            min_size=1, max_size=2))
        events.append(tl.Event(
            id=ident, title=draw(titles), date=date, end=end,
            type=draw(st.sampled_from(["deal", "visit", "delivery"])),
            actors=draw(st.lists(st.sampled_from(ACTORS), max_size=2, unique=True)),
            evidence=evidence, status=draw(st.sampled_from(statuses)),
            # any float, 16-17 significant digits included (test_save_keeps_float_digits)
            confidence=draw(st.one_of(st.none(), st.floats(0, 1))),
            summary=draw(st.one_of(st.none(), titles)),
        ))
    return tl.Timeline(version=1, sources=sources, events=events)


def merge_into(path: Path, candidates: tl.Timeline) -> None:
    doc = tl.Document.open(path)
    if merge(candidates, doc).changed:
        doc.save()


@SLOW
@given(curated=timelines(tl.STATUSES), candidates=timelines(["candidate"]))
def test_merge_keeps_curated_events_and_is_idempotent(curated, candidates):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        path.write_text(tl.dumps(curated), encoding="utf-8")
        before = tl.load(path).event_map()
        # candidates go through text, as `python -m extract merge` reads them
        candidates = tl.parse(tl.dumps(candidates), file="candidates.yaml")

        merge_into(path, candidates)
        first = path.read_bytes()
        after = tl.load(path).event_map()
        for ident, old in before.items():
            new = after[ident]  # never dropped
            if old.status in ("accepted", "rejected"):
                # a person decided: nothing of it changes, not even by appending evidence
                # (corroboration of an accepted event is a proposal a person takes or not)
                assert new == old

        merge_into(path, candidates)
        assert path.read_bytes() == first
        assert files_left(Path(folder)) == ["events.yaml"]


def test_second_merge_maps_each_source_to_itself():
    # found by the property above: two candidate sources with one file name; the second merge
    # matched s3 to s1 by file before s3 by id, and added s3's event again
    sources = [tl.Source(id="s1", file="shared.txt"), tl.Source(id="s3", file="shared.txt")]
    event = tl.Event(id="e3", title="t", date="2021", type="visit",
                     evidence=[tl.Evidence(source="s3", quote="q")])
    candidates = tl.Timeline(version=1, sources=sources, events=[event])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        path.write_text(tl.dumps(tl.Timeline(version=1, sources=[tl.Source(id="s0")])),
                        encoding="utf-8")
        merge_into(path, candidates)
        first = path.read_bytes()
        merge_into(path, candidates)
        assert path.read_bytes() == first


def test_save_keeps_float_digits():
    # found by the merge property: an unrelated edit changed an accepted event's confidence
    event = tl.Event(id="e1", title="t", date="2000", type="deal", status="accepted",
                     evidence=[tl.Evidence(source="s0", quote="q")],
                     confidence=5.960464477539063e-08)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        path.write_text(tl.dumps(tl.Timeline(version=1, sources=[tl.Source(id="s0")],
                                             events=[event])), encoding="utf-8")
        doc = tl.Document.open(path)
        doc.add_source(tl.Source(id="s1"))
        doc.save()
        assert tl.load(path).events[0].confidence == event.confidence

"""What establishes an event (Streamlit-free): corroboration counts only accepted evidence
that agrees with the record; references and sources shown with what each establishes, never
"None"; text shown as stored (invisible characters visible) in the page and the human-facing
exports, kept exactly in the machine ones.

Fixture: ``tests/fixtures/review/proposal.yaml``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dashboard.export import to_csv, to_json, to_yaml
from dashboard.figures import hover_text
from dashboard.frame import build
from dashboard.handout import handout_html
from dashboard.provenance import (
    corroboration_markdown,
    page_says_words,
    reference_lines,
    short_digest,
    source_link,
    source_rows,
)
from dashboard.text import md_escape
from dashboard.timelinejs import to_timelinejs
from extract.timeline import Document, parse

FIXTURE = Path(__file__).parent / "fixtures" / "review" / "proposal.yaml"
STAT = "azerbaijan-second-largest-2018-2022"
HAROP = "harop-deal-2021-03-09"
RLO = "\u202e"


@pytest.fixture(scope="module")
def frames():
    return build(parse(FIXTURE.read_text(), file=str(FIXTURE)))


def test_corroboration_counts_only_evidence_that_agrees(frames):
    harop = frames.event(HAROP)
    # two publishers quote it, but the Gazette gives another date (its claims): not counted
    assert harop["n_publishers"] == 2
    assert harop["corroborating"] == ("Test Wire",)
    assert harop["disagreeing"] == ("Caspian Gazette",)
    line = corroboration_markdown(harop["status"], harop["corroborating"],
                                  harop["publishers"], harop["disagreeing"])
    assert line.startswith("**One publisher only:** Test Wire.")
    assert "Caspian Gazette gives another date or value" in line
    assert "Corroborated" not in line


def test_corroboration_counts_only_what_a_person_accepted(frames):
    cand = frames.event("budget-rise-2022")
    assert cand["corroborating"] == ()
    line = corroboration_markdown(cand["status"], cand["corroborating"], cand["publishers"],
                                  cand["disagreeing"])
    assert line.startswith("**Not corroboration yet:** quoted by 1 publisher: Caspian Budget")


def test_evidence_merged_by_a_person_with_its_claims_is_a_disagreement_not_corroboration():
    doc = Document.open(FIXTURE)
    doc.merge_into("budget-rise-2022", STAT, by="Ana")
    row = build(doc.timeline).event(STAT)
    assert row["n_publishers"] == 2
    assert row["corroborating"] == ("Arms Monitor",)
    assert row["disagreeing"] == ("Caspian Budget Wire",)
    assert row["disputed"]  # shown in the "sources disagree" callout


@pytest.mark.parametrize(("status", "agreeing", "expected"), [
    ("accepted", ("A", "B"), "Corroborated by **2 distinct publishers**: A, B."),
    ("accepted", ("A",), "**One publisher only:** A."),
    ("accepted", (), "**No publisher confirms the record as it stands.**"),
    ("rejected", (), "**Not corroboration yet:** quoted by 2 publishers: A, B; evidence "
                     "counts once a curator accepts the event."),
], ids=["two", "one", "none-agrees", "not-accepted"])
def test_corroboration_words(status, agreeing, expected):
    assert corroboration_markdown(status, agreeing, ("A", "B"), ()) == expected


def test_references_say_what_each_establishes_and_never_none(frames):
    row = frames.event(STAT)
    assert row["references"] == ("transfers-database", "seed-notes")
    by_id = {s: frames.sources_by_id.loc[s] for s in row["references"]}
    lines = reference_lines(row["references"], by_id)
    assert lines == [
        "**Transfers Institute** · [Arms Transfers Database](https://transfers.example.org/"
        "database) · Import shares by supplier\\, 2018–2022\\.",
        "**Seed notes** · Curator\\'s seed notes · no link",
    ]
    assert reference_lines(("gone",), {}) == ["gone (source not listed)"]
    assert not any("None" in ln for ln in lines)


@pytest.mark.parametrize(("title", "url", "expected"), [
    ("A title", "https://x.example/a", "[A title](https://x.example/a)"),
    ("", "https://x.example/a", "[article](https://x.example/a)"),
    ("A title", "", "A title"),
    ("", "", ""),  # a seed source: nothing, never "None"
    ("A title", "javascript:alert(1)", "A title"),
], ids=["link", "untitled-link", "no-link", "nothing", "not-http"])
def test_source_link(title, url, expected):
    assert source_link(title, url) == expected


def test_sources_count_the_events_that_cite_them_in_references(frames):
    rows = {r["id"]: r for r in source_rows(frames)}
    db = rows["transfers-database"]
    assert db["n_events"] == 1
    assert db["events"] == ["2018–2022 · Azerbaijan is the second-largest importer of Israeli "
                            "arms (further source)"]
    assert db["link"] == "https://transfers.example.org/database"
    assert rows["seed-notes"]["link"] == ""  # shown empty by the table, never "None"
    wire = rows["budget-wire-2023-01-15"]
    assert wire["digest"] == "sha256:3b5d3a2e8f1c"
    assert wire["page_says"] == ("Budget Wire International, "
                                 "https://budget-wire.example.org/2023/01/caspian")
    # only the events shown: a reference counts when its event is shown
    assert {r["id"] for r in source_rows(frames, {STAT})} == {
        "monitor-2023-03", "transfers-database", "seed-notes"}


def test_digest_and_page_words():
    assert short_digest("") == "" and page_says_words("", "") == ""
    assert page_says_words("Site", "") == "the page says: Site"


# -- shown as stored -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile():
    text = FIXTURE.read_text().replace(
        "title: Azerbaijan is the second-largest importer of Israeli arms",
        f'title: "Azerbaijan {RLO}gnp.exe importer"').replace(
        "publisher: Test Wire", f'publisher: "Test{RLO} Wire"')
    return build(parse(text, file="hostile.yaml"))


def test_the_page_and_human_exports_show_invisible_characters(hostile):
    shown = "Azerbaijan ⟨U+202E⟩gnp.exe importer"
    assert "⟨U\\+202E⟩gnp\\.exe" in md_escape(f"Azerbaijan {RLO}gnp.exe")
    row = hostile.event(STAT)
    assert shown in row["hover"] and RLO not in row["hover"]
    assert shown in hostile.pick_labels[STAT]
    events = hostile.events
    csv_text = to_csv(events).decode("utf-8-sig")
    assert RLO not in csv_text
    titles = [r["title"] for r in csv.DictReader(io.StringIO(csv_text))]
    assert shown in titles
    assert "Test⟨U+202E⟩ Wire" in csv_text
    page = handout_html(events, hostile.sources).decode()
    assert RLO not in page and shown in page
    tl = to_timelinejs(events, hostile.sources).decode()
    assert RLO not in tl and shown in tl


def test_machine_exports_keep_the_text_exactly(hostile):
    events = hostile.events
    raw = to_json(events, hostile.sources)
    doc = json.loads(raw)
    assert f"Azerbaijan {RLO}gnp.exe importer" in [e["title"] for e in doc["events"]]
    assert RLO.encode() not in raw and b"Azerbaijan \\u202egnp.exe" in raw  # an escape
    back = parse(to_yaml(events, hostile.sources).decode(), file="export.yaml")
    assert back.event_map()[STAT].title == f"Azerbaijan {RLO}gnp.exe importer"
    # and the source's identity and page claims survive the YAML round trip
    src = back.source_map()["budget-wire-2023-01-15"]
    assert src.digest.startswith("sha256:3b5d3a2e8f1c") and src.page_says is not None


def test_hover_text_shows_invisible_characters():
    text = hover_text(title=f"a{RLO}b", label="2020", precision="year", event_type="deal",
                      n_sources=1, n_publishers=1, status="accepted", unverified=False,
                      disputed=False)
    assert "a⟨U+202E⟩b" in text

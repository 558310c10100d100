"""The bundled events.yaml: valid, every quote from its article, the established dates, and
the disagreements kept as data. Re-scanning the corpus proposes nothing new."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract import cli
from extract import timeline as tl

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events.yaml"


@pytest.fixture(scope="module")
def timeline() -> tl.Timeline:
    return tl.load(EVENTS)


def test_check_passes(capsys):
    assert cli.main(["check", str(EVENTS)]) == 0


def test_every_event_has_evidence_and_every_quote_is_in_its_article(timeline, corpus):
    sources = timeline.source_map()
    for event in timeline.events:
        assert event.evidence, event.id
        for ev in event.evidence:
            src = sources[ev.source]
            assert src.file, f"{event.id}: evidence must quote an article with a local file"
            text = (corpus / src.file).read_text(encoding="utf-8")
            assert ev.quote in text, f"{event.id}: quote not in {src.file}: {ev.quote[:60]!r}"
            if ev.date_text:
                assert ev.date_text in ev.quote, f"{event.id}: date words not in the quote"


def test_url_only_sources_are_references(timeline):
    url_only = [s for s in timeline.sources if s.file is None]
    assert url_only and all(s.url for s in url_only)
    referenced = {r for e in timeline.events for r in e.references}
    assert {s.id for s in url_only} <= referenced


# The dates the curation notes establish (../shared/corpus/curation-notes.md)
@pytest.mark.parametrize(
    "event_id, date, end, kind",
    [
        ("netanyahu-visit-baku-2016-12-13", "2016-12-13", None, "visit"),
        ("aliyev-defence-contracts-5bn-2016-12-13", "2016-12-13", None, "statement"),
        ("karabakh-war-2020", "2020-09-27", "2020-11-10", "conflict"),
        ("harop-combat-use-2020", "2020-09-27", "2020-11-10", "combat_use"),
        ("lora-combat-use-2020", "2020-09-27", "2020-11-10", "combat_use"),
        ("barak-8-iskander-interception-claim-2020-11", "2020-11", None, "combat_use"),
        ("armenia-recalls-ambassador-2020-10-01", "2020-10-01", None, "diplomatic"),
        ("gantz-visit-azerbaijan-2022-10", "2022-10-02", "2022-10-03", "visit"),
        ("gallant-hasanov-call-2023-02-01", "2023-02-01", None, "meeting_call"),
        ("israel-refuses-armenia-offensive-arms-2022-10", "2022-10", None, "deal"),
        ("azerbaijan-embassy-tel-aviv-2023-03-29", "2023-03-29", None, "diplomatic"),
        ("herzog-state-visit-baku-2023-05-30", "2023-05-30", "2023-05-31", "visit"),
        ("israel-azerbaijan-health-agreement-2023-05", "2023-05-30", "2023-05-31", "agreement"),
        ("sipri-israel-share-of-azerbaijan-imports-2016-2020", "2016", "2020", "statistic"),
        ("sipri-azerbaijan-share-of-israel-exports-2016-2020", "2016", "2020", "statistic"),
        ("sipri-second-largest-importer-2014-2018", "2014", "2018", "statistic"),
        ("sipri-second-largest-importer-2018-2022", "2018", "2022", "statistic"),
        ("caspian-meteor-joint-venture-2021", "2021", None, "production"),
    ],
)
def test_established_events(timeline, event_id, date, end, kind):
    event = timeline.event_map()[event_id]
    assert (str(event.date), str(event.end) if event.end else None, event.type) == \
        (date, end, kind)
    assert event.status == "accepted"


def test_values_and_flags(timeline):
    events = timeline.event_map()
    assert events["sipri-israel-share-of-azerbaijan-imports-2016-2020"].value.amount == 69
    assert events["sipri-azerbaijan-share-of-israel-exports-2016-2020"].value.amount == 17
    assert events["sipri-second-largest-importer-2014-2018"].value.unit == "rank"
    contracts = events["aliyev-defence-contracts-5bn-2016-12-13"].value
    assert (contracts.amount, contracts.currency, contracts.approximate) == (5e9, "USD", True)
    assert events["barak-8-iskander-interception-claim-2020-11"].unverified
    assert events["barak-8-iskander-interception-claim-2020-11"].approximate
    assert events["caspian-meteor-joint-venture-2021"].unverified
    assert {"Harop"} <= set(events["harop-combat-use-2020"].systems)


def test_disagreements_are_kept_as_data(timeline):
    events = timeline.event_map()
    gantz = {ev.source: ev.claims for ev in events["gantz-visit-azerbaijan-2022-10"].evidence
             if ev.claims}
    assert str(gantz["hayaliq-2022-10-05"].date) == "2022-10-04"  # "On October 4"
    assert str(gantz["defence-industry-eu-2022-10"].date) == "2022-09-03"  # "Sep. 3"
    # "In 2016" and "December 2016" are coarser than the established day
    netanyahu = events["netanyahu-visit-baku-2016-12-13"].evidence[0].claims
    assert str(netanyahu.date) == "2016-12"
    statement = events["aliyev-defence-contracts-5bn-2016-12-13"].evidence[0].claims
    assert str(statement.date) == "2016"
    assert "64%" in events["sipri-israel-share-of-azerbaijan-imports-2016-2020"].notes


def test_briefing_lists_accepted_events(timeline):
    events = timeline.event_map()
    assert timeline.briefing
    assert all(events[i].status == "accepted" for i in timeline.briefing)


def test_rescan_and_merge_change_nothing(corpus, tmp_path):
    curated = tmp_path / "events.yaml"
    shutil.copy(EVENTS, curated)
    candidates = tmp_path / "candidates.yaml"
    assert cli.main(["scan", str(corpus), "--manifest", str(corpus / "sources.yaml"),
                     "--out", str(candidates)]) == 0
    assert cli.main(["merge", str(candidates), "--into", str(curated)]) == 0
    assert curated.read_bytes() == EVENTS.read_bytes()

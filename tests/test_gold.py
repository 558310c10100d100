"""The quality gate: the extractor on the seed corpus against the committed gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.article import load_manifest
from extract.gold import load_gold, score
from extract.scan import scan

GOLD = Path(__file__).parent / "data" / "gold.yaml"
RECALL_FLOOR = 0.9
PRECISION_FLOOR = 0.85


@pytest.fixture(scope="module")
def result(request):
    from tests.conftest import corpus_dir

    corpus = corpus_dir()
    if corpus is None:
        pytest.skip("seed corpus not found: set ARMS_CORPUS or place shared/corpus beside the "
                    "repository")
    manifest = load_manifest(corpus / "sources.yaml")
    scanned = scan([corpus], manifest=manifest)
    return scanned, score(scanned.timeline, load_gold(GOLD))


def test_recall_and_precision_floors(result):
    scanned, s = result
    missed = "\n".join(f"  missed {g.file}: {g.quote!r} {g.dates}" for g in s.missed)
    extra = "\n".join(f"  extra {e.id}: {e.evidence[0].quote[:80]!r}" for e in s.false_positives)
    print(s.summary())
    assert s.recall >= RECALL_FLOOR, f"{s.summary()}\n{missed}"
    assert s.precision >= PRECISION_FLOOR, f"{s.summary()}\n{extra}"


def test_no_file_failed_and_every_candidate_quotes_its_article(result):
    scanned, _ = result
    assert scanned.failures == []
    from tests.conftest import corpus_dir

    corpus = corpus_dir()
    files = {s.id: s.file for s in scanned.timeline.sources}
    for event in scanned.timeline.events:
        assert event.status == "candidate"
        for ev in event.evidence:
            text = (corpus / files[ev.source]).read_text(encoding="utf-8")
            assert ev.quote in text
            assert ev.date_text is None or ev.date_text in ev.quote


def test_furniture_gives_no_events(result):
    scanned, _ = result
    for event in scanned.timeline.events:
        for ev in event.evidence:
            assert "22 March 2023" not in ev.quote  # Caliber.Az's "Latest news" timestamps
            assert "Last update" not in ev.quote

"""Provenance and decision integrity (issue 17): every quote credited to the article that said
it; nothing a person decided changed by a program; no decision lost; what is written can be
edited back; what is shown is what is stored."""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import cli
from extract import timeline as tl
from extract.merge import merge
from extract.scan import scan
from tests.helpers import files_left

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events.yaml"

ARTICLE_A = """Test Wire

Azerbaijan takes delivery of second Barak-8 battery

By Ann Writer 14 March 2024

Azerbaijan took delivery of a second Barak-8 air defence battery on March 12, 2024, the \
defence ministry in Baku said.
"""

ARTICLE_B = """Drone Daily

Israel ships loitering munitions to Baku

By Bo Reporter 3 June 2024

Israel delivered a batch of Harop loitering munitions to Azerbaijan on June 1, 2024, \
officials said.
"""


def run(cwd: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extract", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, check=False, **kwargs)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def quotes_in_their_sources(timeline: tl.Timeline, texts: list[str]) -> None:
    """Every quote is in the text of the source it names (found by the source's digest)."""
    by_digest = {tl.text_digest(t): t for t in texts}
    sources = timeline.source_map()
    for event in timeline.events:
        for ev in event.evidence:
            src = sources[ev.source]
            assert src.digest in by_digest, f"{src.id}: no article has its digest"
            flat = " ".join(by_digest[src.digest].split())
            assert " ".join(ev.quote.split()) in flat, (event.id, src.id, ev.quote)


# ------------------------------------------------------------------ a source is its text


def test_two_articles_with_one_file_name_are_two_sources(tmp_path):
    # the CLI case of the issue: scan A/article.txt, merge; scan B/article.txt, merge
    write(tmp_path / "A" / "article.txt", ARTICLE_A)
    write(tmp_path / "B" / "article.txt", ARTICLE_B)
    for name in ("A", "B"):
        proc = run(tmp_path, "scan", f"{name}/article.txt", "--out", f"{name}.yaml")
        assert proc.returncode == 0, proc.stderr
        proc = run(tmp_path, "merge", f"{name}.yaml", "--into", "events.yaml")
        assert proc.returncode == 0, proc.stderr
        assert "1 new sources" in proc.stdout
    timeline = tl.load(tmp_path / "events.yaml")
    assert len(timeline.sources) == 2
    assert len({s.digest for s in timeline.sources}) == 2
    assert [s.file for s in timeline.sources] == ["article.txt", "article.txt"]  # as read
    quotes_in_their_sources(timeline, [ARTICLE_A, ARTICLE_B])
    harop = next(e for e in timeline.events if "Harop" in e.evidence[0].quote)
    [src] = [s for s in timeline.sources if s.id == harop.evidence[0].source]
    assert src.digest == tl.text_digest(ARTICLE_B)


def test_one_scan_of_two_texts_with_one_name_says_so(tmp_path):
    write(tmp_path / "A" / "article.txt", ARTICLE_A)
    write(tmp_path / "B" / "article.txt", ARTICLE_B)
    write(tmp_path / "m.yaml", "sources:\n  - file: article.txt\n    publisher: Test Wire\n")
    proc = run(tmp_path, "scan", "A", "B", "--manifest", "m.yaml", "--out", "c.yaml")
    assert proc.returncode == 0, proc.stderr
    timeline = tl.load(tmp_path / "c.yaml")
    ids = [s.id for s in timeline.sources]
    assert len(ids) == 2
    assert proc.stderr == (f"note: A/article.txt and B/article.txt: one file name, two different "
                           f"texts: two sources ('{ids[0]}', '{ids[1]}'); the manifest's entry "
                           "for 'article.txt' applies to both\n")
    quotes_in_their_sources(timeline, [ARTICLE_A, ARTICLE_B])


def test_the_same_text_under_two_names_is_one_source(tmp_path):
    # white space, line endings and a byte-order mark aside, it is the same article
    write(tmp_path / "one" / "a.txt", ARTICLE_A)
    copy = "\ufeff" + ARTICLE_A.replace("\n", "\r\n").replace(" took ", "  took ")
    (tmp_path / "two").mkdir()
    (tmp_path / "two" / "b.txt").write_bytes(copy.encode("utf-8"))
    assert tl.text_digest(ARTICLE_A) == tl.text_digest(copy)
    proc = run(tmp_path, "scan", "one", "two", "--out", "c.yaml")
    assert proc.returncode == 0, proc.stderr
    assert "1 sources" in proc.stdout and "1 file with the same text as another" in proc.stdout
    # and in two runs: the second merge adds nothing
    run(tmp_path, "scan", "one", "--out", "a.yaml")
    run(tmp_path, "scan", "two", "--out", "b.yaml")
    assert run(tmp_path, "merge", "a.yaml", "--into", "events.yaml").returncode == 0
    proc = run(tmp_path, "merge", "b.yaml", "--into", "events.yaml")
    assert proc.returncode == 0 and "0 new sources" in proc.stdout
    assert len(tl.load(tmp_path / "events.yaml").sources) == 1


def test_a_digest_that_does_not_match_its_text_is_refused(tmp_path):
    write(tmp_path / "article.txt", ARTICLE_A)
    assert run(tmp_path, "scan", "article.txt", "--out", "c.yaml").returncode == 0
    write(tmp_path / "article.txt", ARTICLE_B)  # the file was replaced after the scan
    write(tmp_path / "events.yaml", "version: 1\nsources: []\nevents: []\n")
    before = (tmp_path / "events.yaml").read_bytes()
    proc = run(tmp_path, "merge", "c.yaml", "--into", "events.yaml")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    source_id = tl.load(tmp_path / "c.yaml").sources[0].id
    assert f"c.yaml, source '{source_id}': field 'digest':" in proc.stderr
    assert "is not the digest of" in proc.stderr and "article.txt" in proc.stderr
    assert (tmp_path / "events.yaml").read_bytes() == before


def test_older_files_get_their_digests_and_nothing_else(corpus, tmp_path):
    # an events.yaml from before digests: a re-scan writes each seen source's digest, once
    curated = tmp_path / "events.yaml"
    old = "".join(ln for ln in EVENTS.read_text(encoding="utf-8").splitlines(keepends=True)
                  if not ln.lstrip().startswith("digest:"))
    curated.write_text(old, encoding="utf-8")
    candidates = tmp_path / "candidates.yaml"
    assert cli.main(["scan", str(corpus), "--manifest", str(corpus / "sources.yaml"),
                     "--out", str(candidates)]) == 0
    assert cli.main(["merge", str(candidates), "--into", str(curated)]) == 0
    assert curated.read_bytes() == EVENTS.read_bytes()  # the bundled file has them all
    before = tl.load(EVENTS)
    assert all(s.digest for s in before.sources if s.file)


def test_an_article_without_events_adds_no_source(tmp_path):
    write(tmp_path / "a" / "quiet.txt", "Quiet Times\n\nNothing happened that anyone dated.\n")
    assert run(tmp_path, "scan", "a", "--out", "c.yaml").returncode == 0
    assert len(tl.load(tmp_path / "c.yaml").sources) == 1  # the scan saw it
    proc = run(tmp_path, "merge", "c.yaml", "--into", "events.yaml")
    assert proc.returncode == 0 and "0 new sources" in proc.stdout
    assert not (tmp_path / "events.yaml").exists()  # nothing to add: nothing written


PAGE = """<!doctype html><html><head>
<base href="http://127.0.0.1:18999/">
<meta property="og:site_name" content="127.0.0.1:18999">
<link rel="canonical" href="http://127.0.0.1:18999/news/1">
<title>Azerbaijan receives drones</title></head><body><article>
<h1>Azerbaijan receives drones</h1>
<p>Israel delivered a batch of Harop loitering munitions to Azerbaijan on June 1, 2024, officials
said in a statement carried by the state news agency on Monday afternoon.</p>
<p>The delivery followed a contract signed in 2021 between the two governments, the officials
added, without giving its value or the number of drones involved.</p>
</article></body></html>"""


def test_a_page_claims_about_itself_are_claims(tmp_path):
    write(tmp_path / "a" / "page.html", PAGE)
    assert run(tmp_path, "scan", "a", "--out", "c.yaml").returncode == 0
    [src] = tl.load(tmp_path / "c.yaml").sources
    assert src.url is None  # a loopback address is never a source's URL
    assert src.publisher != "127.0.0.1:18999"
    assert src.page_says is not None and "127.0.0.1" in (src.page_says.url or "")
    # the manifest (the person adding it) wins, and the page's claims stay visible
    write(tmp_path / "m.yaml", "sources:\n  - file: page.html\n    publisher: Drone Daily\n"
                               "    url: https://dronedaily.example.com/1\n")
    assert run(tmp_path, "scan", "a", "--manifest", "m.yaml", "--out", "d.yaml").returncode == 0
    [src] = tl.load(tmp_path / "d.yaml").sources
    assert (src.publisher, src.url) == ("Drone Daily", "https://dronedaily.example.com/1")
    assert src.page_says is not None
    proc = run(tmp_path, "sources", "d.yaml")
    assert "the page says:" in proc.stdout and "127.0.0.1" in proc.stdout


@pytest.mark.parametrize(("url", "public"), [
    ("https://www.reuters.com/world/x", True),
    ("http://127.0.0.1:18999/a", False),
    ("http://localhost/a", False),
    ("http://10.1.2.3/a", False),
    ("http://192.168.0.7/a", False),
    ("http://[::1]:8080/a", False),
    ("http://intranet/a", False),  # a bare name only resolves inside some network
    ("http://news.corp.local/a", False),
    ("ftp://example.com/a", False),
], ids=lambda v: str(v))
def test_public_addresses(url, public):
    assert tl.is_public_address(url) is public


# ------------------------------------------------------------------ nothing a person decided


SIPRI = """version: 1
sources:
  - id: caspian-news-2023-05-31
    publisher: Caspian News
    published: 2023-05-31
    digest: sha256:{d1}
events:
  - id: sipri-second-largest-importer-2018-2022
    title: Azerbaijan is the second-largest importer of Israeli arms (SIPRI, 2018–2022)
    date: 2018
    end: 2022
    type: statistic
    actors: [Azerbaijan, Israel]
    value: {{amount: 2, unit: rank, text: second-largest}}
    evidence:
      - source: caspian-news-2023-05-31
        quote: In 2018-2022 the second-largest importer of Israel-made arms was Azerbaijan.
        date_text: 2018-2022
    status: accepted
    reviewed_by: analyst
    reviewed_at: '2023-06-01T10:00:00Z'
  - id: harop-combat-use-2020
    title: Harop drones used in the 2020 war
    date: 2020-09
    end: 2020-11
    type: combat_use
    actors: [Azerbaijan]
    systems: [Harop]
    evidence:
      - source: caspian-news-2023-05-31
        quote: Azerbaijan used Harop drones in the 2020 war.
        date_text: the 2020 war
    status: accepted
"""


def _budget_candidates() -> tl.Timeline:
    quote = "Azerbaijan's defence budget rose 16% in 2022 to $3.1 billion."
    return tl.Timeline(version=1, sources=[tl.Source(
        id="budget-wire-2023-01-10", publisher="Budget Wire", digest="sha256:" + "b" * 64)],
        events=[tl.Event(
            id="statistic-azerbaijan-2022", title="Azerbaijan's defence budget rose 16%",
            date=tl.PartialDate.parse("2022"), type="statistic", actors=["Azerbaijan"],
            value=tl.Value(amount=16, unit="percent", text="16%"),
            evidence=[tl.Evidence(source="budget-wire-2023-01-10", quote=quote,
                                  date_text="2022")])])


def test_merge_never_appends_to_an_accepted_event_it_proposes(tmp_path):
    path = write(tmp_path / "events.yaml", SIPRI.format(d1="a" * 64))
    before = tl.load(path)
    doc = tl.Document.open(path)
    report = merge(_budget_candidates(), doc)
    doc.save()
    after = tl.load(path)
    sipri = "sipri-second-largest-importer-2018-2022"
    assert after.event_map()[sipri] == before.event_map()[sipri]
    assert report.proposed == [("statistic-azerbaijan-2022", sipri)]
    proposal = after.event_map()["statistic-azerbaijan-2022"]
    assert proposal.status == "candidate" and proposal.corroborates.event == sipri
    reason = proposal.corroborates.reason
    assert "this says 2022; the event is 2018–2022" in reason
    assert "this says 16%; the event says second-largest" in reason
    # corroboration counts only what a person accepted: still one publisher
    assert after.event_map()[sipri].publishers(after.source_map()) == ["Caspian News"]
    assert "1 proposed corroborations" in report.summary()


def test_a_person_adding_a_corroboration_keeps_the_disagreement(tmp_path):
    path = write(tmp_path / "events.yaml", SIPRI.format(d1="a" * 64))
    doc = tl.Document.open(path)
    merge(_budget_candidates(), doc)
    doc.merge_into("statistic-azerbaijan-2022", "sipri-second-largest-importer-2018-2022",
                   by="analyst")
    doc.save()
    event = tl.load(path).event_map()["sipri-second-largest-importer-2018-2022"]
    added = event.evidence[-1]
    assert "defence budget" in added.quote
    assert str(added.claims.date) == "2022" and added.claims.value.text == "16%"


def test_a_hand_merge_across_years_is_described_before_it_is_done(tmp_path):
    # the Review page's "merge into an existing event" of a 'c. 2024' candidate into the
    # 2020 Harop event: the difference is in words before, and in the evidence's claims after
    path = write(tmp_path / "events.yaml", SIPRI.format(d1="a" * 64))
    doc = tl.Document.open(path)
    doc.add_source(tl.Source(id="s2", publisher="Other"))
    doc.add_event(tl.Event(
        id="harop-2024", title="Harop seen", date=tl.PartialDate.parse("2024"),
        approximate=True, type="combat_use", actors=["Azerbaijan"],
        evidence=[tl.Evidence(source="s2", quote="Harop drones were seen again.")]))
    events = doc.timeline.event_map()
    words = tl.differences(events["harop-2024"], events["harop-combat-use-2020"])
    assert words == ["this says c. 2024; the event is 2020-09–2020-11 (the dates do not "
                     "overlap)"]
    doc.merge_into("harop-2024", "harop-combat-use-2020", by="analyst")
    doc.save()
    harop = tl.load(path).event_map()["harop-combat-use-2020"]
    assert str(harop.date) == "2020-09" and str(harop.evidence[-1].claims.date) == "2024"


def test_candidates_still_join_candidates_of_the_same_happening(tmp_path):
    doc = tl.Document.new(tmp_path / "events.yaml")
    first = _budget_candidates()
    merge(first, doc)
    second = first.model_copy(update={
        "sources": [tl.Source(id="other-wire", publisher="Other Wire",
                              digest="sha256:" + "c" * 64)],
        "events": [first.events[0].model_copy(update={"id": "x", "evidence": [tl.Evidence(
            source="other-wire", quote="The budget rose 16% in 2022.", date_text="2022")]})]})
    report = merge(second, doc)
    assert report.joined == ["statistic-azerbaijan-2022"] and not report.added_events
    # another figure for the same year is a disagreement: its own candidate
    third = second.model_copy(update={"events": [second.events[0].model_copy(update={
        "id": "y", "value": tl.Value(amount=20, unit="percent"),
        "evidence": [tl.Evidence(source="other-wire", quote="It rose 20% in 2022.",
                                 date_text="2022")]})]})
    assert merge(third, doc).added_events == ["y"]


# ------------------------------------------------------------------ no decision lost


DECISIONS = 30


def _timeline_with_candidates(path: Path, n: int) -> None:
    events = "".join(
        f"  - {{id: c{i}, title: Candidate {i}, date: 2020, type: deal, status: candidate, "
        f"evidence: [{{source: s, quote: Quote {i}.}}]}}\n" for i in range(n))
    path.write_text(f"version: 1\nsources: [{{id: s}}]\nevents:\n{events}", encoding="utf-8")


def _decide(path: str, ids: list[str], by: str, saved: list[str]) -> None:
    """As the Review page does: read, decide, save; when someone saved first, read again and
    re-apply. Records each decision reported saved."""
    for ident in ids:
        while True:
            doc = tl.Document.open(path)
            doc.set_status(ident, "accepted", by=by)
            try:
                doc.save()
            except tl.ConcurrentModificationError:
                continue
            saved.append(ident)
            break


def _decide_in_process(path: str, ids: list[str], by: str, queue) -> None:
    saved: list[str] = []
    _decide(path, ids, by, saved)
    queue.put(saved)


def _all_accepted(path: Path, saved: list[str]) -> None:
    events = tl.load(path, cache=False).event_map()
    accepted = sorted(i for i, e in events.items() if e.status == "accepted")
    assert sorted(saved) == accepted == sorted(events)


def test_two_sessions_of_one_server_lose_no_decision(tmp_path):
    path = tmp_path / "events.yaml"
    _timeline_with_candidates(path, 2 * DECISIONS)
    saved: list[str] = []
    threads = [threading.Thread(target=_decide, args=(
        str(path), [f"c{i}" for i in range(k, 2 * DECISIONS, 2)], f"curator{k}", saved))
        for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(saved) == 2 * DECISIONS
    _all_accepted(path, saved)


def test_two_processes_lose_no_decision(tmp_path):
    path = tmp_path / "events.yaml"
    _timeline_with_candidates(path, 2 * DECISIONS)
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_decide_in_process, args=(
        str(path), [f"c{i}" for i in range(k, 2 * DECISIONS, 2)], f"curator{k}", queue))
        for k in (0, 1)]
    for p in procs:
        p.start()
    saved = queue.get(timeout=120) + queue.get(timeout=120)
    for p in procs:
        p.join(timeout=60)
    assert len(saved) == 2 * DECISIONS
    _all_accepted(path, saved)


def test_the_lock_is_held_across_the_check_and_the_write(tmp_path, monkeypatch):
    # a writer that sees the file unchanged keeps it so until it has written: another save
    # started in between waits, then finds the file changed and writes nothing
    path = tmp_path / "events.yaml"
    _timeline_with_candidates(path, 2)
    a, b = tl.Document.open(path), tl.Document.open(path)
    a.set_status("c0", "accepted")
    b.set_status("c1", "accepted")
    inside, release = threading.Event(), threading.Event()
    real = tl.atomic_write

    def slow_write(target, data):
        if threading.current_thread().name == "first":
            inside.set()
            release.wait(10)
        real(target, data)

    monkeypatch.setattr(tl.document, "atomic_write", slow_write)  # what Document.save calls
    first = threading.Thread(target=a.save, name="first")
    first.start()
    assert inside.wait(10)
    outcome: list[BaseException] = []

    def second():
        try:
            b.save()
        except tl.ConcurrentModificationError as exc:
            outcome.append(exc)

    t = threading.Thread(target=second)
    t.start()
    t.join(0.5)
    assert t.is_alive()  # waiting for the lock
    release.set()
    first.join(10)
    t.join(10)
    assert len(outcome) == 1
    assert tl.load(path, cache=False).event_map()["c0"].status == "accepted"


# ------------------------------------------------------------------ written, read, edited


TRICKY = ["2021-03-09", "2021-03-09T10:00:00Z", "NO", "on", "0x1F", "0o17", "1:20", "1e3",
          ".5", "~", "null", "true", "+1", "1_000", "- item", "a: b", "#hash", "'quoted'",
          "@at", "`tick", "%pct", "!bang", "*star", "&amp", "[x]", "{y}", "|", ">", "?",
          "x\u202eabc", "tab\there", "  lead", "trail  ", "line\nbreak", "é ü 中文"]
text_values = st.one_of(st.sampled_from(TRICKY), st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"),
    min_size=1, max_size=30).filter(lambda s: s.strip()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text_values, date_text=text_values, quote=text_values, notes=text_values,
       publisher=text_values)
def test_everything_written_is_read_and_edited_back(tmp_path_factory, title, date_text, quote,
                                                    notes, publisher):
    folder = tmp_path_factory.mktemp("rt")
    event = tl.Event(id="e1", title=title, date=tl.PartialDate.parse("2021-03-09"), type="deal",
                     evidence=[tl.Evidence(source="s1", quote=quote, date_text=date_text)],
                     notes=notes, reviewed_at=date_text)
    source = tl.Source(id="s1", publisher=publisher, title=title)
    timeline = tl.Timeline(version=1, sources=[source], events=[event])
    # the scan's and the exports' writer
    scanned = folder / "candidates.yaml"
    scanned.write_text(tl.dumps(timeline), encoding="utf-8")
    # the merge's writer
    merged = folder / "events.yaml"
    doc = tl.Document.new(merged)
    doc.add_source(source)
    doc.add_event(event)
    doc.save()
    for path in (scanned, merged):
        assert tl.load(path, cache=False) == timeline
        doc = tl.Document.open(path)  # the editor reads it as the same values
        assert doc.timeline == timeline
        doc.set_status("e1", "accepted", by="analyst")  # the review's writer
        doc.update_event("e1", summary=title)
        doc.save()
        edited = tl.Document.open(path).timeline.event_map()["e1"]
        assert (edited.title, edited.evidence, edited.notes) == (title, event.evidence, notes)
        assert edited.summary == title and edited.status == "accepted"


def test_an_unquoted_date_in_a_text_field_can_still_be_edited(tmp_path):
    # files written before the fix: `date_text: 2021-03-09` unquoted
    path = write(tmp_path / "events.yaml", "version: 1\nsources: [{id: s}]\nevents:\n"
                 "  - id: e\n    title: T\n    date: 2021-03-09\n    type: deal\n"
                 "    evidence:\n      - source: s\n        quote: Q.\n"
                 "        date_text: 2021-03-09\n")
    doc = tl.Document.open(path)
    doc.set_status("e", "accepted", by="analyst")
    doc.save()
    assert "        date_text: 2021-03-09\n" in path.read_text(encoding="utf-8")  # as it was
    assert tl.load(path).events[0].evidence[0].date_text == "2021-03-09"
    write(tmp_path / "c.yaml", path.read_text(encoding="utf-8").replace("id: e\n", "id: f\n")
          .replace("status: accepted", "status: candidate").replace("Q.", "Other."))
    proc = run(tmp_path, "merge", "c.yaml", "--into", "events.yaml")
    assert proc.returncode == 0, proc.stderr


# ------------------------------------------------------------------ the sequence property


SENTENCES = [
    "Azerbaijan signed a contract for Harop loitering munitions on March 9, 2021.",
    "Israel delivered Barak-8 air defence systems to Azerbaijan in 2018.",
    "In 2016-2020, Israel supplied 69 percent of Azerbaijan's arms imports.",
    "Armenia recalled its ambassador from Israel on October 1, 2020.",
    "President Herzog visited Baku on May 30, 2023.",
]


@st.composite
def articles(draw):
    publisher = draw(st.sampled_from(["Test Wire", "Drone Daily", "Caspian News"]))
    picked = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3, unique=True))
    body = "\n\n".join(picked)
    extra = draw(st.sampled_from(["", "\n\nThe ministry declined to comment.",
                                  "\n\nOfficials gave no further details."]))
    name = draw(st.sampled_from(["article.txt", "pasted-article.txt", "story.txt"]))
    return name, publisher, f"{publisher}\n\nBy A Writer 14 March 2024\n\n{body}{extra}\n"


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(batches=st.lists(st.lists(articles(), min_size=1, max_size=2), min_size=1, max_size=3))
def test_every_quote_is_in_the_text_of_its_source(tmp_path_factory, batches):
    folder = tmp_path_factory.mktemp("seq")
    path = folder / "events.yaml"
    texts: list[str] = []
    for n, batch in enumerate(batches):
        manifest = {}
        for k, (name, publisher, text) in enumerate(batch):
            write(folder / f"b{n}" / str(k) / name, text)
            manifest[name] = {"publisher": publisher, "published": "2024-03-14"}
            texts.append(text)
        # every batch a scan then a merge, as a curator's round (manifest by file name, so
        # two files of one name in one batch share one entry, as on the command line)
        candidates = scan([folder / f"b{n}"], manifest=manifest).timeline
        doc = tl.Document.open(path) if path.exists() else tl.Document.new(path)
        merge(candidates, doc)
        doc.save()
        # a person accepts some candidates and adds each proposal as a corroboration
        doc = tl.Document.open(path)
        for event in list(doc.timeline.events):
            if event.corroborates is not None:
                doc.merge_into(event.id, event.corroborates.event, by="analyst")
            elif event.status == "candidate" and len(event.id) % 2:
                doc.set_status(event.id, "accepted", by="analyst")
        doc.save()
    quotes_in_their_sources(tl.load(path, cache=False), texts)


# ------------------------------------------------------------------ shown as stored; bad disks


def test_check_shows_control_characters_instead_of_printing_them(tmp_path):
    path = write(tmp_path / "events.yaml",
                 "version: 1\nsources: [{id: \"s\\e[2J\"}]\nevents: []\n")
    proc = run(tmp_path, "check", "events.yaml")
    assert proc.returncode == 1
    assert "\x1b" not in proc.stderr and "⟨U+001B⟩" in proc.stderr
    title = "abc\u202egnp.exe"
    path.write_text(f"version: 1\nsources: [{{id: s, title: \"{title}\"}}]\nevents: []\n",
                    encoding="utf-8")
    proc = run(tmp_path, "sources", "events.yaml")
    assert proc.returncode == 0 and "abc⟨U+202E⟩gnp.exe" in proc.stdout
    assert "\u202e" not in proc.stdout


def test_sources_lists_each_source_with_its_events_and_quotes():
    lines = cli.source_lines(tl.load(EVENTS), event_id="netanyahu-visit-baku-2016-12-13")
    text = "\n".join(lines)
    assert text.startswith("caliber-az-2023-02-02\n  publisher: Caliber.Az")
    assert "digest: sha256:" in text
    assert 'netanyahu-visit-baku-2016-12-13 [accepted]: "In this context' in text
    proc = subprocess.run([sys.executable, "-m", "extract", "sources", str(EVENTS), "--event",
                           "nope"], capture_output=True, text=True, check=False)
    assert proc.returncode == 1 and "no event 'nope'" in proc.stderr


def _limit_file_size() -> None:  # in the child: writes past 2 KB fail as on a full disk
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX resource limits")
def test_a_full_disk_gives_one_line_and_leaves_everything_as_it_was(tmp_path):
    shutil.copy(EVENTS, tmp_path / "events.yaml")
    write(tmp_path / "a" / "article.txt", ARTICLE_B)
    assert run(tmp_path, "scan", "a", "--out", "c.yaml").returncode == 0
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    proc = run(tmp_path, "merge", "c.yaml", "--into", "events.yaml",
               preexec_fn=_limit_file_size)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "events.yaml: cannot write" in proc.stderr
    proc = run(tmp_path, "scan", "a", "--out", "d.yaml", preexec_fn=_limit_file_size)
    # (a small candidates file fits: the limit only bites the big timeline above)
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()
             and p.name != "d.yaml" and not re.fullmatch(r"\..+\.lock", p.name)}
    assert after == before  # no temporary file left, nothing changed
    assert "d.yaml" in files_left(tmp_path)


def test_a_missing_folder_gives_one_line(tmp_path):
    write(tmp_path / "a" / "article.txt", ARTICLE_B)
    proc = run(tmp_path, "scan", "a", "--out", "nowhere/c.yaml")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr == "nowhere/c.yaml: cannot write (the folder nowhere does not exist); " \
                          "nothing was written\n"
    assert run(tmp_path, "scan", "a", "--out", "c.yaml").returncode == 0
    proc = run(tmp_path, "merge", "c.yaml", "--into", "nowhere/events.yaml")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "nowhere/events.yaml: cannot write (the folder nowhere does not exist)" in proc.stderr

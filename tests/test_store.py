"""The candidate store (extract.store): ``scan --store``, resumed after SIGKILL, on a Dask
LocalCluster, searched and paged."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.cli import main
from extract.store import scan_to_store
from extract.timeline.store import ORDERS, Store, StoreError, dump, fts_query

ROOT = Path(__file__).resolve().parent.parent
SYSTEMS = ("Harop drones", "LORA missiles", "Barak-8 air defence systems", "Hermes 900 drones",
           "Spike anti-tank missiles", "SandCat vehicles")
MONTHS = ("January", "March", "May", "July", "September", "November")


def write_archive(folder: Path, n: int) -> Path:
    """``n`` short articles, each with a byline date and two dated happenings."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        year = 2010 + i % 12
        system = SYSTEMS[i % len(SYSTEMS)]
        month = MONTHS[i % len(MONTHS)]
        (folder / f"a{i:04d}.txt").write_text(
            f"Defence wire {i}\nBy Staff, {month} {1 + i % 27}, {year + 1}\n\n"
            f"Israel delivered {system} to Azerbaijan on {1 + i % 27} {month} {year}, "
            f"officials said (report {i}).\n\n"
            f"Azerbaijan signed a contract for more {system} in {year - 1}, the ministry "
            f"said in its note number {i}.\n", encoding="utf-8")
    return folder


def test_a_scan_fills_the_store_and_a_second_adds_nothing(tmp_path, capsys):
    archive = write_archive(tmp_path / "archive", 12)
    db = tmp_path / "c.db"
    assert main(["scan", str(archive), "--store", str(db)]) == 0
    out = capsys.readouterr().out
    assert "scanned 12 files (0 already in the store, 0 failed): 12 sources" in out
    first = dump(db)
    assert main(["scan", str(archive), "--store", str(db)]) == 0
    assert "scanned 12 files (12 already in the store, 0 failed): 0 sources, 0 candidate " \
           "events added" in capsys.readouterr().out
    assert dump(db) == first
    with Store(db) as store:
        assert store.count() == sum(1 for line in first.splitlines()
                                    if line.startswith('["event"'))
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_same_text_under_two_names_is_one_source(tmp_path):
    archive = write_archive(tmp_path / "archive", 2)
    (archive / "copy.txt").write_bytes((archive / "a0000.txt").read_bytes() + b"\n")
    result = scan_to_store([archive], tmp_path / "c.db")
    assert (result.files, result.sources) == (3, 2)


def test_search_paging_sorting_and_decisions(tmp_path):
    db = tmp_path / "c.db"
    scan_to_store([write_archive(tmp_path / "archive", 30)], db)
    with Store(db) as store:
        total = store.count()
        assert total >= 30
        harop = store.count(search="harop")
        assert 0 < harop < total
        assert all("Harop" in store.event(c.id).evidence[0].quote
                   for c in store.page(search="HAROP", limit=100))
        assert store.count(search='harop" OR "lora') == 0  # never FTS5 syntax
        assert store.count(search="haro") == harop  # the last word is a prefix
        pages = [store.page(offset=k, limit=7) for k in range(0, total, 7)]
        ids = [c.id for page in pages for c in page]
        assert len(ids) == total == len(set(ids))
        newest = [c.published for c in store.page(limit=total)]
        assert newest == sorted(newest, reverse=True)
        first = ids[0]
        assert store.decide(first, "rejected", "ana@example.org")
        assert not store.decide(first, "accepted", "bo@example.org")  # decided already
        assert store.count() == total - 1
        assert store.page(status="rejected")[0].id == first
    # a re-scan never proposes it again
    scan_to_store([tmp_path / "archive"], db)
    with Store(db) as store:
        assert store.count() == total - 1


def test_every_order_and_the_types_read_off_the_indexes_as_a_full_sort_would(tmp_path):
    db = tmp_path / "c.db"
    scan_to_store([write_archive(tmp_path / "archive", 30)], db)
    with Store(db) as store:
        total = store.count()
        rows = store.page(limit=total)
        events = {c.id: store.event(c.id) for c in rows}
        assert [c.confidence for c in store.page(limit=total, order="confidence")] == sorted(
            (c.confidence for c in rows), key=lambda v: (v is None, v))
        assert [c.evidence_count for c in store.page(limit=total, order="corroborated")] == \
            sorted((len(e.evidence) for e in events.values()), reverse=True)
        types = sorted({e.type for e in events.values()})
        assert store.types() == types
        # a type whose every candidate is decided leaves the list (the queue's filter)
        rare = min(types, key=lambda t: sum(e.type == t for e in events.values()))
        for e in events.values():
            if e.type == rare:
                store.decide(e.id, "rejected", "ana@example.org")
        assert store.types() == [t for t in types if t != rare]
        assert store.types("rejected") == [rare]
        for order in ("newest", "confidence", "corroborated"):
            plan = " ".join(r[3] for r in store.db.execute(
                "EXPLAIN QUERY PLAN SELECT e.id FROM events e WHERE e.status = 'candidate' "
                f"ORDER BY {ORDERS[order]} LIMIT 10"))
            assert "TEMP B-TREE" not in plan.upper(), plan  # no sort of the whole queue


@pytest.mark.parametrize(("text", "query"), [
    ("harop", '"harop"*'),
    ("Barak-8 NEAR", '"barak" AND "8" AND "near"*'),
    ('"-*', ""),
])
def test_fts_query(text, query):
    assert fts_query(text) == query


def test_a_file_that_is_no_store_is_named(tmp_path, capsys):
    bad = tmp_path / "c.db"
    bad.write_text("not a database, an events file\n" * 100)
    with pytest.raises(StoreError, match="c.db: not a candidate store"):
        Store(bad)
    assert main(["scan", str(write_archive(tmp_path / "a", 1)), "--store", str(bad)]) == 1
    assert "c.db: not a candidate store" in capsys.readouterr().err
    assert bad.read_text().startswith("not a database")  # left as it was


def test_a_scan_killed_midway_resumes_to_the_same_store(tmp_path):
    archive = write_archive(tmp_path / "archive", 160)
    whole = tmp_path / "whole.db"
    scan_to_store([archive], whole, batch=5)
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "extract", "scan", str(archive), "--store", str(db),
           "--batch", "5"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    done = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                done = 0
            if done >= 20:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the scan finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    with Store(db) as store:  # it opens, holding whole batches only
        stored = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 20 <= stored < 160 and stored % 5 == 0
    assert subprocess.run(cmd, cwd=tmp_path, capture_output=True).returncode == 0
    assert dump(db) == dump(whole)


def test_a_scan_on_a_dask_cluster_stores_the_same_rows(tmp_path):
    pytest.importorskip("distributed", reason="the test extra installs distributed")
    archive = write_archive(tmp_path / "archive", 24)
    plain = tmp_path / "plain.db"
    scan_to_store([archive], plain)
    on_dask = tmp_path / "dask.db"
    result = scan_to_store([archive], on_dask, engine="dask", workers=2)
    assert result.files == 24 and not result.failures
    assert dump(on_dask) == dump(plain)


# -- the Review page reads the store (AppTest) ----------------------------------------------------


@pytest.fixture
def store_app(tmp_path, monkeypatch):
    import shutil

    from streamlit.testing.v1 import AppTest

    from tests.helpers import sign_in, write_team

    events = Path(shutil.copyfile(ROOT / "events.yaml", tmp_path / "events.yaml"))
    db = tmp_path / "archive.db"
    scan_to_store([write_archive(tmp_path / "archive", 30)], db)
    monkeypatch.setenv("ARMS_EVENTS", str(events))
    monkeypatch.setenv("ARMS_CANDIDATES", str(db))
    monkeypatch.delenv("ARMS_TEAM", raising=False)
    write_team(tmp_path, emails=("ana@example.org",))
    at = sign_in(AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60),
                 "ana@example.org", name="Ana")
    at.run()
    at.switch_page("views/review.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at, events, db


def heads(at) -> list[str]:
    """The candidates' titles as shown (their Markdown escapes taken out)."""
    import re

    return [re.sub(r"\\(.)", r"\1", str(s.value)) for s in at.subheader]


def texts(at) -> str:
    return "\n".join(str(el.value) for kind in ("markdown", "info", "error", "success",
                                                 "warning") for el in at.get(kind)
                     ).replace("\\", "").replace("**", "")


@pytest.mark.usefixtures("fresh_streamlit_cache")
def test_the_review_page_pages_and_searches_the_store(store_app):
    at, events, db = store_app
    with Store(db) as store:
        total, harop = store.count(), store.count(search="harop")
        first_page = [c.title for c in store.page(limit=10)]
    assert f"{total} candidates in archive.db to review." in texts(at)
    assert heads(at)[:10] == first_page
    at.number_input(key="store_page").set_value(2).run()
    with Store(db) as store:
        assert heads(at)[:10] == [c.title for c in store.page(
            offset=10, limit=10)]
    at.text_input(key="store_text").set_value("Harop").run()
    assert f"{harop} candidates in archive.db match." in texts(at)
    with Store(db) as store:
        found = [c.title for c in store.page(search="harop", limit=10)]
    assert heads(at)[:10] == found and len(found) == min(harop, 10)


@pytest.mark.usefixtures("fresh_streamlit_cache")
def test_accept_from_the_store_writes_the_timeline_and_reject_marks_the_store(store_app):
    from extract.timeline import load

    at, events, db = store_app
    with Store(db) as store:
        first, second = store.page(limit=2)
    at.button(key=f"st_{first.id}_accept").click().run()
    assert not at.exception
    ev = load(events).event_map()[first.id]
    assert (ev.status, ev.reviewed_by) == ("accepted", "ana@example.org")
    assert first.source_id in load(events).source_map()
    before = events.read_bytes()
    at.button(key=f"st_{second.id}_reject").click().run()
    assert events.read_bytes() == before  # a rejection stays in the store
    with Store(db) as store:
        assert {c.id: c.status for c in store.page(status=None, limit=1000)}[first.id] == \
            "accepted"
        assert store.page(status="rejected")[0].id == second.id
        assert first.id not in {c.id for c in store.page(limit=1000)}  # out of the queue
    assert f"Rejected “{second.title}”, as ana@example.org." in texts(at)


def _free_naively(taken: set[str], ident: str) -> str:
    candidate, n = ident, 2
    while candidate in taken:
        candidate, n = f"{ident}-{n}", n + 1
    return candidate


@pytest.mark.parametrize("kept", [200_000, 2], ids=["remembered", "forgetting"])
def test_ids_shared_by_many_articles_are_made_unique_in_few_lookups(tmp_path, monkeypatch,
                                                                    kept):
    """An event id that thousands of articles share (a SIPRI statistic's) got its next free
    suffix by trying every one before it: a scan grew with the square of the archive. The
    ids are those of trying each in turn, in a few look-ups each, whatever is remembered."""
    import extract.ids
    from extract.timeline.model import Event, Source

    monkeypatch.setattr(extract.ids, "KEPT", kept)
    lookups = []
    names = ("statistic-israel-azerbaijan-2009-2013", "visit-baku", "statistic-israel-"
             "azerbaijan-2009-2013-3", "visit-baku-2")  # ids that look like suffixed ones
    taken: set[str] = set()
    expected, got = [], []
    with Store(tmp_path / "c.db") as db:
        db.db.set_trace_callback(lambda sql: lookups.append(sql) if sql.startswith(
            "SELECT 1 FROM events") else None)
        db.db.execute("BEGIN")
        for i in range(300):
            src = Source(id=f"s{i}", publisher="Wire")
            ev = Event.model_validate({
                "id": names[i % 3 if i % 7 else 3], "date": "2013", "type": "other",
                "title": "t", "status": "candidate",
                "evidence": [{"source": f"s{i}", "quote": f"q {i}"}]})
            db.add(f"d{i}", f"a{i}.txt", src, [ev])
            expected.append(_free_naively(taken, ev.id))
            taken.add(expected[-1])
            got.append(db.db.execute("SELECT id FROM events ORDER BY n DESC").fetchone()[0])
        db.db.execute("COMMIT")
    assert got == expected
    assert len(set(got)) == 300
    if kept > 2:  # trying each suffix in turn: some 15,000 look-ups
        assert len(lookups) < 3 * 300


def test_a_rolled_back_batch_frees_its_ids_again(tmp_path):
    from extract.timeline.model import Event, Source

    def one(i: int) -> tuple[Source, list[Event]]:
        return Source(id=f"s{i}", publisher="Wire"), [Event.model_validate({
            "id": "visit-baku", "date": "2013", "type": "visit", "title": "t",
            "status": "candidate", "evidence": [{"source": f"s{i}", "quote": f"q {i}"}]})]

    with Store(tmp_path / "c.db") as db:
        db.db.execute("BEGIN")
        for i in range(3):
            db.add(f"d{i}", f"a{i}.txt", *one(i))
        db.db.execute("COMMIT")
        db.db.execute("BEGIN")
        for i in range(3, 6):
            db.add(f"d{i}", f"a{i}.txt", *one(i))
        db.rollback()
        db.db.execute("BEGIN")
        db.add("d9", "a9.txt", *one(9))
        db.db.execute("COMMIT")
        ids = [r[0] for r in db.db.execute("SELECT id FROM events ORDER BY n")]
    assert ids == ["visit-baku", "visit-baku-2", "visit-baku-3", "visit-baku-4"]

"""The parse cache of ``extract.timeline.load``: a validated file's content, reused by key.

Every test points the cache at its own ``tmp_path`` (never the user's real cache) and lowers
the size threshold so that small files are cached too.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest

from extract import timeline as tl
from extract.timeline import loading  # where load() looks up parse and the cache settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from make_timeline import make_timeline  # noqa: E402


@pytest.fixture(autouse=True)
def no_memo(monkeypatch):
    """These tests are about the cache on disk: the in-process memo of the last parses
    (tested on its own below) would answer first."""
    monkeypatch.setattr(loading, "_MEMO_KEEP", 0)
    loading._MEMO.clear()


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(tl.CACHE_ENV, str(folder))
    monkeypatch.setattr(loading, "_CACHE_MIN_BYTES", 0)
    return folder


@pytest.fixture
def events_file(tmp_path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(tl.dumps(make_timeline(30)), encoding="utf-8")
    return path


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.exists() else []


def test_hit_returns_the_same_timeline_without_parsing(cache, events_file, monkeypatch):
    first = tl.load(events_file)
    assert len(entries(cache)) == 1
    assert oct(cache.stat().st_mode & 0o777) == "0o700"

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed the YAML despite a cache hit")

    monkeypatch.setattr(loading, "parse", no_parse)
    assert tl.load(events_file) == first


def test_cache_false_neither_reads_nor_writes(cache, events_file):
    tl.load(events_file, cache=False)
    assert entries(cache) == []


def test_small_files_are_not_cached_by_default(cache, events_file, monkeypatch):
    monkeypatch.setattr(loading, "_CACHE_MIN_BYTES", 64 * 1024)
    tl.load(events_file)
    assert entries(cache) == []


def test_an_edit_misses_the_cache(cache, events_file):
    tl.load(events_file)
    text = events_file.read_text(encoding="utf-8")
    events_file.write_text(text.replace("#0'", "#0 (edited)'", 1), encoding="utf-8")
    edited = tl.load(events_file)
    assert edited.events[0].title.endswith("#0 (edited)")
    assert len(entries(cache)) == 2


def test_a_model_change_misses_the_cache(cache, events_file, monkeypatch):
    tl.load(events_file)
    monkeypatch.setattr(loading, "_fingerprint", "0" * 64)  # as if the model had changed
    calls = []
    real = tl.parse
    monkeypatch.setattr(loading, "parse", lambda *a, **k: calls.append(1) or real(*a, **k))
    tl.load(events_file)
    assert calls == [1]


@pytest.mark.parametrize("damage", [
    lambda blob: blob[: len(blob) // 2],                          # truncated
    lambda blob: b"not json at all\n" + blob,                     # garbage header
    lambda blob: blob.replace(b"#1", b"#X", 1),                   # payload changed, hash not
    lambda blob: b"",                                             # empty
    lambda blob: blob.split(b"\n", 1)[0] + b"\n" + b'{"version": 1}',  # a foreign payload
], ids=["truncated", "garbage", "tampered", "empty", "foreign"])
def test_a_corrupt_cache_file_is_ignored(cache, events_file, damage, caplog):
    expected = tl.load(events_file)
    (entry,) = entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="extract.timeline"):
        assert tl.load(events_file) == expected
    assert "ignoring parse cache" in caplog.text
    # the bad entry was replaced by a good one
    assert tl.load(events_file) == expected


def test_an_unwritable_cache_dir_is_ignored(tmp_path, events_file, monkeypatch, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(tl.CACHE_ENV, str(blocker / "cache"))  # cannot be created
    monkeypatch.setattr(loading, "_CACHE_MIN_BYTES", 0)
    with caplog.at_level(logging.WARNING, logger="extract.timeline"):
        timeline = tl.load(events_file)
    assert len(timeline.events) == 30
    assert "cannot write the parse cache" in caplog.text


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_a_read_only_cache_dir_is_ignored(cache, events_file):
    cache.mkdir(mode=0o500)
    try:
        assert len(tl.load(events_file).events) == 30
    finally:
        cache.chmod(0o700)


def test_an_invalid_file_is_never_cached_and_errors_are_unchanged(cache, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nevents:\n- id: x\n  title: t\n  date: 2022-13-01\n"
                   "  type: deal\n  evidence: []\n", encoding="utf-8")
    with pytest.raises(tl.TimelineError) as cached_run:
        tl.load(bad)
    with pytest.raises(tl.TimelineError) as plain_run:
        tl.load(bad, cache=False)
    assert str(cached_run.value) == str(plain_run.value)
    assert entries(cache) == []


def test_missing_file_error_is_unchanged(cache, tmp_path):
    with pytest.raises(tl.TimelineError, match="no such file"):
        tl.load(tmp_path / "nope.yaml")


def test_cache_dir_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(tl.CACHE_ENV, str(tmp_path / "mine"))
    assert tl.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv(tl.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert tl.cache_dir() == tmp_path / "xdg" / "arms-timeline"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert tl.cache_dir() == tmp_path / "home" / ".cache" / "arms-timeline"


def test_old_entries_are_pruned(cache, tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "_CACHE_KEEP", 2)
    for i in range(4):
        path = tmp_path / f"events-{i}.yaml"
        path.write_text(tl.dumps(make_timeline(3 + i)), encoding="utf-8")
        tl.load(path)
    assert len(entries(cache)) == 2


def test_the_same_bytes_are_parsed_once_in_a_process(events_file, monkeypatch):
    # the dashboard's tables and the Review page's editor share one parse of a file version
    monkeypatch.setattr(loading, "_MEMO_KEEP", 2)
    monkeypatch.setattr(loading, "_CACHE_MIN_BYTES", 0)
    monkeypatch.setenv(tl.CACHE_ENV, str(events_file.parent / "cache"))
    first = tl.load(events_file)
    calls = []
    monkeypatch.setattr(loading, "parse", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(loading, "_cache_read", lambda digest: calls.append(digest))
    assert tl.load(events_file) is first
    assert tl.Document.open(events_file).timeline is first
    assert calls == []
    events_file.write_text(events_file.read_text() + "# edited\n")
    tl.load(events_file)
    assert len(calls) == 2  # another file version: looked up in the cache, then parsed

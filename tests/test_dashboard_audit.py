"""The record of decisions (dashboard.audit): what changed, the log's lines, git commits."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from dashboard import audit

REC = audit.Record(at="2026-12-05T10:00:00Z", by="ana@example.org", name="Ana",
                   email="ana@example.org", action="accept", message="Accept “A visit”",
                   events=("v1",), changes={"v1": (audit.Change("status", "candidate",
                                                                "accepted"),)})


@pytest.mark.parametrize(("before", "after", "expected"), [
    ({"v1": {"status": "candidate", "title": "A"}}, {"v1": {"status": "accepted",
                                                            "title": "A"}},
     {"v1": ["status: candidate → accepted"]}),
    # reviewed_at is the record's own time, not a change worth listing
    ({"v1": {"reviewed_at": "x"}}, {"v1": {"reviewed_at": "y"}}, {}),
    ({}, {"v1": {"title": "A"}}, {"v1": ["event: (none) → (created)"]}),
    ({"v1": {"title": "A"}}, {}, {"v1": ["event: (present) → (removed)"]}),
    ({"v1": {}}, {"v1": {"notes": "n " * 60}},
     {"v1": ["notes: (none) → " + ("n " * 29) + "n…"]}),  # long values cut, with an ellipsis
], ids=["changed", "time-only", "created", "removed", "long"])
def test_changes_between(before, after, expected):
    got = audit.changes_between(before, after, ["v1"])
    assert {k: [c.words() for c in v] for k, v in got.items()} == expected


def test_a_record_round_trips_and_the_log_is_appended(tmp_path):
    timeline = tmp_path / "events.yaml"
    timeline.write_text("events: []\n")
    assert audit.log_path(timeline) == tmp_path / "events.audit.jsonl"
    assert audit.history(timeline) == []  # no log yet
    audit.append(timeline, REC)
    audit.append(timeline, REC)
    assert audit.history(timeline) == [REC, REC]
    assert audit.history(timeline, "v1") == [REC, REC] and audit.history(timeline, "v2") == []


def test_outside_a_repository_nothing_is_committed(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never a parent's repository
    timeline = tmp_path / "events.yaml"
    timeline.write_text("events: []\n")
    assert audit.repository_of(timeline) is None
    assert audit.record(timeline, REC) == []
    assert len(audit.history(timeline)) == 1


@pytest.mark.skipif(shutil.which("git") is None, reason="needs the git command")
def test_the_commit_message_says_what_changed(tmp_path):
    timeline = tmp_path / "events.yaml"
    timeline.write_text("events: []\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    assert audit.record(timeline, REC) == []
    show = subprocess.run(["git", "log", "-1", "--format=%an <%ae>|%cn|%B"], cwd=tmp_path,
                          capture_output=True, text=True, check=True).stdout
    assert show == ("Ana <ana@example.org>|arms-timeline dashboard|Accept “A visit”\n\n"
                    "v1: status: candidate → accepted\n\n"
                    "Decided-by: ana@example.org\nDecided-at: 2026-12-05T10:00:00Z\n\n")
    tracked = subprocess.run(["git", "ls-files"], cwd=tmp_path, capture_output=True,
                             text=True, check=True).stdout.split()
    assert tracked == ["events.audit.jsonl", "events.yaml"]

"""What changed since the last briefing: ``extract diff`` and ``extract snapshot`` on a git
repository holding three versions of a timeline (an event added, a date made more precise, a
source added with a different date, an event rejected, an id renamed)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from extract.cli import main
from extract.timeline import Document, Event, Evidence, load
from extract.timeline.changes import diff_timelines
from extract.timeline.snapshots import mark_briefed, read_version, snapshots

ROOT = Path(__file__).resolve().parent.parent
REFUSES = "israel-refuses-armenia-offensive-arms-2022-10"
CALL = "gallant-hasanov-call-2023-02-01"
STAGING = "iran-charges-azerbaijan-staging-ground-2018"
METEOR, METEOR_NEW = "caspian-meteor-joint-venture-2021", "caspian-meteor-jv-2021"
NEW = "iai-delivers-radars-2023-04"
BRIEFED = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs the git command")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          check=True).stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "events.yaml")
    git(repo, "-c", "user.name=Ana", "-c", "user.email=ana@example.org", "commit", "-q", "-m",
        message)


@pytest.fixture
def repo(tmp_path) -> Path:
    """Three versions of the bundled timeline; the first briefed (tag briefing/2026-12-01)."""
    events = Path(shutil.copyfile(ROOT / "events.yaml", tmp_path / "events.yaml"))
    git(tmp_path, "init", "-q")
    commit(tmp_path, "v1")
    assert mark_briefed(events, "Ana", email="ana@example.org", now=BRIEFED).name == \
        "briefing/2026-12-01"
    doc = Document.open(events)
    doc.update_event(REFUSES, date="2022-10-03")  # more precise
    doc.add_evidence(CALL, Evidence(  # a new source, which dates it a day later
        source="the-times-of-israel-2023-05-30", quote="Gallant spoke to Hasanov on Thursday.",
        claims={"date": "2023-02-02"}))
    doc.add_event(Event(id=NEW, title="IAI delivers radars to Azerbaijan", date="2023-04",
                        type="delivery", status="accepted", evidence=[Evidence(
                            source="caspian-news-2023-05-31", quote="IAI delivered radars.")]))
    doc.save()
    commit(tmp_path, "v2")
    doc = Document.open(events)
    doc.set_status(STAGING, "rejected", by="bo@example.org")
    doc.save()
    events.write_text(events.read_text().replace(f"id: {METEOR}\n", f"id: {METEOR_NEW}\n"))
    commit(tmp_path, "v3")
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_diff_since_the_briefing_as_json(repo, capsys):
    code, out, err = run(capsys, "diff", "briefing/2026-12-01", "--timeline",
                         str(repo / "events.yaml"), "--format", "json")
    assert (code, err) == (0, "")
    got = json.loads(out)
    assert (got["old"], got["new"]) == ("briefing/2026-12-01", str(repo / "events.yaml"))
    assert [(a["id"], a["date"], a["type"]) for a in got["added"]] == [
        (NEW, "Apr 2023", "delivery")]
    assert [(r["id"], r["why"]) for r in got["removed"]] == [
        (STAGING, "rejected by bo@example.org")]
    changed = {c["id"]: c for c in got["changed"]}
    assert sorted(changed) == sorted([REFUSES, CALL, METEOR_NEW])
    assert [ch["words"] for ch in changed[REFUSES]["changes"]] == [
        "date: Oct 2022 → 3 Oct 2022 (more precise)"]
    assert changed[REFUSES]["changes"][0]["field"] == "date"
    assert [ch["words"] for ch in changed[CALL]["changes"]] == [
        "new source: The Times of Israel", "now disputed: The Times of Israel says 2 Feb 2023"]
    assert changed[METEOR_NEW]["old_id"] == METEOR  # followed: the same evidence
    assert [ch["words"] for ch in changed[METEOR_NEW]["changes"]] == [
        f"id: {METEOR} → {METEOR_NEW} (renamed)"]


def test_the_diff_between_two_revisions_as_text(repo, capsys):
    code, out, _ = run(capsys, "diff", "HEAD~1", "HEAD", "--timeline", str(repo / "events.yaml"))
    assert code == 0
    titles = {e.id: e.title for e in load(repo / "events.yaml").events}
    assert out == (
        "Changes from HEAD~1 to HEAD\n\n"
        "Removed (1):\n"
        f"  {titles[STAGING]} · 2018 ({STAGING}): rejected by bo@example.org\n\n"
        "Changed (1):\n"
        f"  {titles[METEOR_NEW]} ({METEOR_NEW})\n"
        f"    id: {METEOR} → {METEOR_NEW} (renamed)\n")


def test_markdown_and_no_changes(repo, capsys):
    code, out, _ = run(capsys, "diff", "HEAD", "--timeline", str(repo / "events.yaml"),
                       "--format", "markdown")
    assert (code, out) == (0, f"## Changes from HEAD to {repo / 'events.yaml'}\n\n"
                              "No changes to the accepted events.\n")
    code, out, _ = run(capsys, "diff", "HEAD~2", "HEAD~1", "--timeline",
                       str(repo / "events.yaml"), "--format", "markdown")
    assert "### Added (1)\n- IAI delivers radars to Azerbaijan · Apr 2023" in out
    assert "### Changed (2)\n" in out and "  - date: Oct 2022 → 3 Oct 2022 (more precise)" in out


def test_an_unknown_revision_names_it_and_the_snapshots(repo, capsys):
    code, out, err = run(capsys, "diff", "briefing/2025-01-01", "--timeline",
                         str(repo / "events.yaml"))
    assert (code, out) == (1, "")
    assert err == ("extract diff: briefing/2025-01-01: no such file, snapshot or revision; "
                   "snapshots: briefing/2026-12-01\n")


def test_a_revision_that_does_not_load_is_named(repo, capsys):
    events = repo / "events.yaml"
    events.write_text(events.read_text().replace("date: 2023-02-01\n", "date: 2023-02-30\n",
                                                 1))
    commit(repo, "broken")
    code, _, err = run(capsys, "diff", "HEAD~1", "HEAD", "--timeline", str(events))
    assert code == 1
    assert err.startswith("HEAD:events.yaml, event ") and "2023-02-30" in err


def test_a_snapshot_is_a_tag_by_whoever_briefed(repo):
    (snap,) = snapshots(repo / "events.yaml")
    assert (snap.name, snap.by, snap.kind) == ("briefing/2026-12-01", "Ana", "git tag")
    again = mark_briefed(repo / "events.yaml", "Bo", now=BRIEFED)
    assert again.name == "briefing/2026-12-01-2"  # a second one that day
    assert git(repo, "status", "--porcelain", "--", "events.yaml") == ""
    label, old = read_version("2026-12-01", repo / "events.yaml")  # the short name too
    assert label == "briefing/2026-12-01" and METEOR in old.event_map()


def test_uncommitted_changes_are_committed_before_the_tag(repo):
    events = repo / "events.yaml"
    doc = Document.open(events)
    doc.update_event(CALL, notes="Checked.")
    doc.save()
    snap = mark_briefed(events, "Bo", now=BRIEFED + dt.timedelta(days=1))
    _, briefed = read_version(snap.name, events)
    assert briefed.event_map()[CALL].notes == "Checked."
    assert git(repo, "log", "-1", "--format=%an|%s") == f"Bo|Timeline as briefed ({snap.name})\n"


def test_without_git_a_snapshot_is_a_copy(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    events = Path(shutil.copyfile(ROOT / "events.yaml", tmp_path / "events.yaml"))
    code, out, _ = run(capsys, "snapshot", "--timeline", str(events), "--by", "Ana")
    assert code == 0 and "snapshot " in out and "(copy) by Ana" in out
    (snap,) = snapshots(events)
    copy = tmp_path / "briefings" / f"{snap.name}.yaml"
    assert copy.read_bytes() == events.read_bytes()
    doc = Document.open(events)
    doc.set_status(STAGING, "rejected")
    doc.save()
    code, out, _ = run(capsys, "diff", snap.name, "--timeline", str(events), "--format", "json")
    assert [r["id"] for r in json.loads(out)["removed"]] == [STAGING]
    code, out, err = run(capsys, "diff", "HEAD", "--timeline", str(events))
    assert code == 1 and "is not in a git repository" in err and snap.name in err


def test_a_candidate_is_not_a_change_to_the_briefing():
    timeline = load(ROOT / "events.yaml")
    cand = timeline.model_copy(update={"events": [
        e.model_copy(update={"status": "candidate"}) if e.id == REFUSES else e
        for e in timeline.events]})
    d = diff_timelines(timeline, cand)
    assert [(r.id, r.why) for r in d.removed] == [(REFUSES, "now candidate")]
    assert not diff_timelines(cand, cand)


# -- the Changes page (AppTest) -----------------------------------------------------------------


def changes_app(monkeypatch, repo: Path, since: str | None = "briefing/2026-12-01"):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ARMS_EVENTS", str(repo / "events.yaml"))
    monkeypatch.delenv("ARMS_TEAM", raising=False)
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    if since is not None:
        at.query_params["since"] = since
    at.run()
    at.switch_page("views/changes.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at) -> str:
    return "\n".join(str(el.value) for kind in ("markdown", "caption", "info", "error",
                                                 "success", "warning") for el in at.get(kind)
                     ).replace("\\", "")


@pytest.mark.usefixtures("fresh_streamlit_cache")
def test_the_changes_page_lists_and_rings_the_changes(monkeypatch, repo):
    at = changes_app(monkeypatch, repo)
    assert "The accepted events since briefing/2026-12-01: 1 new, 3 changed events, " \
           "1 withdrawn." in shown(at)
    labels = [b.label for b in at.button if b.key and b.key.startswith("chg_")]
    assert labels[0] == "IAI delivers radars to Azerbaijan"
    assert "Apr 2023" in shown(at) and "2018 · rejected by bo@example.org" in shown(at)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    rings = {t["meta"]["kind"]: set(t["customdata"]) for t in spec["data"]
             if (t.get("meta") or {}).get("role") == "change"}
    assert rings == {"new": {NEW}, "changed": {REFUSES, CALL, METEOR_NEW},
                     "withdrawn": {STAGING}}
    at.button(key=f"chg_changed_{REFUSES}").click().run()
    text = shown(at)
    assert "Before (briefing/2026-12-01)" in text
    assert "date: Oct 2022 → 3 Oct 2022 (more precise)" in text
    assert at.query_params["since"] in ("briefing/2026-12-01", ["briefing/2026-12-01"])
    assert at.query_params["event"] in (REFUSES, [REFUSES])


@pytest.mark.usefixtures("fresh_streamlit_cache")
def test_the_changes_page_defaults_to_the_last_briefing_and_says_a_bad_one(monkeypatch, repo):
    at = changes_app(monkeypatch, repo, since=None)
    assert "since briefing/2026-12-01" in shown(at)
    at = changes_app(monkeypatch, repo, since="briefing/1999-01-01")
    assert "briefing/1999-01-01: no such file, snapshot or revision; snapshots: " \
           "briefing/2026-12-01" in shown(at)


@pytest.mark.usefixtures("fresh_streamlit_cache")
def test_a_curator_marks_the_timeline_as_briefed(monkeypatch, repo):
    at = changes_app(monkeypatch, repo)  # on 127.0.0.1 with no sign-in: the local curator
    at.button(key="mark_briefed").click().run()
    assert not at.exception
    tags = git(repo, "tag", "--list", "briefing/*").split()
    assert len(tags) == 2 and tags[0] == "briefing/2026-12-01"
    assert f"Snapshot {tags[1]} recorded, by " in shown(at)
    assert "Nothing is new or different in the accepted events since then." in shown(at)
    assert at.query_params["since"] in (tags[1], [tags[1]])


# -- "Since last briefing" in the briefing pack -------------------------------------------------


def test_the_deck_says_what_changed_since_the_last_briefing(repo, monkeypatch, capsys):
    from pptx import Presentation

    from dashboard import cli as export_cli

    monkeypatch.setenv("ARMS_CHROMIUM", str(repo / "no-chromium"))  # no picture: fast
    events, out = repo / "events.yaml", repo / "deck.pptx"
    code = export_cli.main(["export", "pptx", "--events", str(events), "--out", str(out),
                            "--since", "last", "--mark-briefed"])
    _, err = capsys.readouterr()
    assert code == 0, err
    deck = Presentation(str(out))
    accepted = sum(e.status == "accepted" for e in load(events).events)
    assert len(deck.slides) == accepted + 4  # title, overview, since last briefing, sources
    texts = {s.name: s.text_frame.text for s in deck.slides[2].shapes if s.has_text_frame}
    assert texts["title"] == "Since last briefing"
    assert texts["view"] == "The accepted events compared with briefing/2026-12-01."
    body = texts["changes"]
    assert "New (1)\n• IAI delivers radars to Azerbaijan · Apr 2023" in body
    assert "date: Oct 2022 → 3 Oct 2022 (more precise)" in body
    assert "Withdrawn (1)" in body and "rejected by bo@example.org" in body
    # --mark-briefed: the export is now the last briefing
    assert len(snapshots(events)) == 2
    code = export_cli.main(["export", "pptx", "--events", str(events), "--out", str(out),
                            "--since", "last"])
    assert code == 0
    texts = {s.name: s.text_frame.text for s in Presentation(str(out)).slides[2].shapes
             if s.has_text_frame}
    assert texts["changes"] == "Nothing is new or different in the accepted events."


def test_the_pdf_page_lists_the_changes(repo):
    from dashboard.filters import Filters
    from dashboard.frame import build
    from dashboard.pack import make_pack, with_changes
    from dashboard.pdf import briefing_html

    events = repo / "events.yaml"
    _, old = read_version("briefing/2026-12-01", events)
    pack = with_changes(make_pack(build(load(events)), Filters()),
                        diff_timelines(old, load(events), old_label="briefing/2026-12-01"))
    html = briefing_html(pack, None).decode()
    assert "<h2>Since last briefing (briefing/2026-12-01)</h2>" in html
    assert "<li>IAI delivers radars to Azerbaijan · Apr 2023</li>" in html


def test_since_an_unknown_snapshot_is_one_line(repo, capsys):
    from dashboard import cli as export_cli

    code = export_cli.main(["export", "csv", "--events", str(repo / "events.yaml"), "--out",
                            str(repo / "x.csv"), "--since", "briefing/1999-01-01"])
    assert code == 1
    assert capsys.readouterr().err == (
        "error: --since: briefing/1999-01-01: no such file, snapshot or revision; snapshots: "
        "briefing/2026-12-01\n")


@pytest.mark.usefixtures("fresh_streamlit_cache")
def test_the_changes_page_compares_with_a_date(monkeypatch, repo):
    at = changes_app(monkeypatch, repo)
    at.selectbox(key="since_pick").set_value("@").run()
    assert "Choose the date to compare with." in shown(at)
    at.date_input(key="since_day").set_value(dt.date.today() + dt.timedelta(days=1)).run()
    assert not at.exception
    assert at.query_params["since"] in (f"@{dt.date.today() + dt.timedelta(days=1)}",
                                        [f"@{dt.date.today() + dt.timedelta(days=1)}"])
    # tomorrow's version is the file as committed now: nothing changed since
    assert "Nothing is new or different in the accepted events since then." in shown(at)
    at.date_input(key="since_day").set_value(dt.date(2000, 1, 1)).run()
    assert "No version of events.yaml from before 01 Jan 2000 is known" in shown(at)

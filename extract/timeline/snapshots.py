"""Briefing snapshots, and reading a timeline as it was: a file, a snapshot or a git revision.

A snapshot records the timeline as it was briefed: a git tag ``briefing/YYYY-MM-DD[-N]`` (an
annotated tag: who and when in the tagger and the message) when the timeline file is in a git
repository, else a byte-identical copy ``briefings/YYYY-MM-DD[-N].yaml`` beside the file with a
``.json`` beside it saying who made it and when. Uncommitted changes to the file are committed
first, so that the tag holds the file as it was shown.

:func:`read_version` reads ``OLD``/``NEW`` of ``extract diff``: a timeline file, a snapshot's
name (``briefing/2023-06-01`` or ``2023-06-01``) or a git revision of the timeline file
(``HEAD~3``, a commit, a tag). Errors are one line (:class:`VersionError`).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from extract.timeline.loading import load
from extract.timeline.model import Timeline
from extract.timeline.validate import parse
from extract.timeline.writing import atomic_write

TAG_PREFIX = "briefing/"
FOLDER = "briefings"
GIT_TIMEOUT = 30


class VersionError(ValueError):
    """A version that cannot be read: one line naming it (and what exists)."""


@dataclass(frozen=True)
class Snapshot:
    name: str  # "briefing/2023-06-01" (a tag) or "2023-06-01" (a copy)
    at: str  # when, UTC, ISO 8601
    by: str
    kind: str  # "git tag" or "copy"


def git(args: list[str], cwd: Path, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    """``git ARGS`` in ``cwd`` (output captured, never raising on git's exit status)."""
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=GIT_TIMEOUT, env={**os.environ, **(env or {})}, check=False)


def repository_of(timeline: Path) -> Path | None:
    """The top of the git work tree holding the timeline file, or None."""
    if shutil.which("git") is None:
        return None
    try:
        got = git(["rev-parse", "--show-toplevel"], Path(timeline).resolve().parent)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return Path(got.stdout.strip()) if got.returncode == 0 and got.stdout.strip() else None


def _tracked_path(timeline: Path, top: Path) -> str:
    return Path(timeline).resolve().relative_to(top.resolve()).as_posix()


def snapshots(timeline: Path) -> list[Snapshot]:
    """The snapshots of a timeline, oldest first: its repository's ``briefing/`` tags, and
    the copies in ``briefings/`` beside it."""
    out: list[Snapshot] = []
    top = repository_of(timeline)
    if top is not None:
        got = git(["for-each-ref", "--sort=creatordate",
                    "--format=%(refname:short)\t%(creatordate:iso-strict)\t%(taggername)",
                    f"refs/tags/{TAG_PREFIX}"], top)
        for line in got.stdout.splitlines():
            name, at, by = (line.split("\t") + ["", ""])[:3]
            out.append(Snapshot(name, at, by, "git tag"))
    folder = Path(timeline).parent / FOLDER
    if folder.is_dir():
        copies = []
        for path in sorted(folder.glob("*.yaml")):
            meta: dict[str, str] = {}
            try:
                meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pass
            copies.append(Snapshot(path.stem, str(meta.get("at", "")), str(meta.get("by", "")),
                                   "copy"))
        out += sorted(copies, key=lambda s: (s.at, s.name))
    return out


def _free_name(taken: set[str], day: str, prefix: str) -> str:
    name, n = f"{prefix}{day}", 2
    while name in taken:
        name, n = f"{prefix}{day}-{n}", n + 1
    return name


def mark_briefed(timeline: Path, by: str, *, email: str = "",
                 now: _dt.datetime | None = None) -> Snapshot:
    """Record the timeline as it is now as a snapshot (see the module docstring). Raises
    VersionError when it cannot be made (git refused, the folder is read-only)."""
    timeline = Path(timeline)
    when = (now or _dt.datetime.now(_dt.UTC)).astimezone(_dt.UTC)
    at = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    day = when.strftime("%Y-%m-%d")
    who = by or "unknown"
    top = repository_of(timeline)
    if top is not None:
        rel = _tracked_path(timeline, top)
        taken = {s.name for s in snapshots(timeline) if s.kind == "git tag"}
        name = _free_name(taken, day, TAG_PREFIX)
        env = {"GIT_AUTHOR_NAME": who, "GIT_AUTHOR_EMAIL": email or f"{who}@localhost",
               "GIT_COMMITTER_NAME": who, "GIT_COMMITTER_EMAIL": email or f"{who}@localhost",
               "GIT_AUTHOR_DATE": at, "GIT_COMMITTER_DATE": at}
        steps = []
        if git(["status", "--porcelain", "--", rel], top).stdout.strip():
            steps += [["add", "--", rel], ["commit", "-q", "-m", f"Timeline as briefed ({name})",
                                           "--", rel]]
        steps.append(["tag", "-a", name, "-m", f"Briefing snapshot by {who} at {at}"])
        for step in steps:
            done = git(step, top, env)
            if done.returncode != 0:
                raise VersionError(f"{timeline.name}: the snapshot could not be made: git "
                                   f"{step[0]}: {(done.stderr or done.stdout).strip()}")
        return Snapshot(name, at, who, "git tag")
    folder = timeline.parent / FOLDER
    try:
        folder.mkdir(exist_ok=True)
        taken = {p.stem for p in folder.glob("*.yaml")}
        name = _free_name(taken, day, "")
        atomic_write(folder / f"{name}.yaml", timeline.read_bytes())
        atomic_write(folder / f"{name}.json", (json.dumps(
            {"name": name, "at": at, "by": who, "file": timeline.name}, ensure_ascii=False)
            + "\n").encode("utf-8"))
    except OSError as exc:
        raise VersionError(f"{folder}: the snapshot could not be written "
                           f"({exc.strerror or exc})") from exc
    return Snapshot(name, at, who, "copy")


def _known(timeline: Path) -> str:
    names = [s.name for s in snapshots(timeline)]
    return "snapshots: " + ", ".join(names) if names else "no snapshots yet"


def read_version(spec: str, timeline: Path) -> tuple[str, Timeline]:
    """(label, timeline) for ``spec``: a file, a snapshot, or a git revision of ``timeline``.

    Raises VersionError (unknown: names it and the snapshots that exist) or TimelineError (the
    version does not load: each problem names the revision).
    """
    timeline = Path(timeline)
    path = Path(spec)
    if path.is_file():
        return spec, load(path)
    copy = timeline.parent / FOLDER / f"{spec}.yaml"
    if copy.is_file():
        return spec, load(copy)
    top = repository_of(timeline)
    if top is not None:
        rel = _tracked_path(timeline, top)
        for rev in ([f"{TAG_PREFIX}{spec}"] if not spec.startswith(TAG_PREFIX) else []) + [spec]:
            ok = git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top)
            if ok.returncode != 0:
                continue
            shown = git(["show", f"{rev}:{rel}"], top)
            if shown.returncode != 0:
                raise VersionError(f"{rev}: {rel} is not in that revision")
            return rev, parse(shown.stdout, file=f"{rev}:{rel}")
    where = "" if top is not None else f" ({timeline.name} is not in a git repository)"
    raise VersionError(f"{spec}: no such file, snapshot or revision{where}; "
                       f"{_known(timeline)}")


def revision_at(timeline: Path, day: _dt.date) -> str | None:
    """The last commit of the timeline file before ``day`` began, or None."""
    top = repository_of(timeline)
    if top is None:
        return None
    got = git(["rev-list", "-1", f"--before={day.isoformat()}T00:00:00Z", "HEAD", "--",
                _tracked_path(timeline, top)], top)
    return got.stdout.strip() or None

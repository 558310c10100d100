"""The record of who decided what: an append-only audit log beside the timeline, and a git
commit of each decision when the timeline lives in a git repository.

Every decision a curator makes in the dashboard (accept, edit, reject, merge, corroborate,
add articles) is one line of JSON in ``<timeline>.audit.jsonl`` beside the timeline file:
when, who (name and email), the action in words, the events it touched and, for each, what
changed field by field. When the timeline file is in a git repository, the decision is also a
commit of the timeline file and the log, with the curator as author and the decision as its
message (the ``git`` command: nothing to install, and the team's own hooks and settings apply).
The event card reads its history from the log.

Plain functions, no Streamlit. The log is only ever appended to; a line that cannot be read
(a hand edit gone wrong) is skipped by :func:`history`, never rewritten.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import socket
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.timeline import timeline_lock
from extract.timeline.snapshots import git, repository_of

log = logging.getLogger(__name__)

COMMITTER = ("arms-timeline dashboard", "arms-timeline@localhost")
_SKIP_FIELDS = ("reviewed_at",)  # recorded as the record's own time


@dataclass(frozen=True)
class Change:
    field: str
    old: Any
    new: Any

    def words(self) -> str:
        return f"{self.field}: {_short(self.old)} → {_short(self.new)}"


@dataclass(frozen=True)
class Record:
    """One decision, as the log keeps it."""

    at: str
    by: str
    name: str
    email: str
    action: str
    message: str
    events: tuple[str, ...]
    changes: Mapping[str, tuple[Change, ...]] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({
            "at": self.at, "by": self.by, "name": self.name, "email": self.email,
            "action": self.action, "message": self.message, "events": list(self.events),
            "changes": {eid: [{"field": c.field, "old": c.old, "new": c.new} for c in cs]
                        for eid, cs in self.changes.items()},
        }, ensure_ascii=False, sort_keys=True, default=str)

    @classmethod
    def from_json(cls, line: str) -> Record:
        d = json.loads(line)
        return cls(at=str(d["at"]), by=str(d.get("by") or ""), name=str(d.get("name") or ""),
                   email=str(d.get("email") or ""), action=str(d.get("action") or ""),
                   message=str(d.get("message") or ""),
                   events=tuple(str(e) for e in d.get("events") or ()),
                   changes={str(eid): tuple(Change(str(c["field"]), c.get("old"), c.get("new"))
                                            for c in cs)
                            for eid, cs in (d.get("changes") or {}).items()})


def _short(value: Any, limit: int = 60) -> str:
    if value is None or value == [] or value == {}:
        return "(none)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                           default=str)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def log_path(timeline: Path) -> Path:
    """``events.yaml`` -> ``events.audit.jsonl`` in the same folder."""
    timeline = Path(timeline)
    return timeline.with_name(timeline.stem + ".audit.jsonl")


def now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def changes_between(before: Mapping[str, Mapping[str, Any]],
                    after: Mapping[str, Mapping[str, Any]],
                    ids: Sequence[str]) -> dict[str, tuple[Change, ...]]:
    """Field by field, what changed for each of ``ids`` between two ``{id: event dict}``; an
    event missing on one side is ``(created)`` or ``(removed)``."""
    out: dict[str, tuple[Change, ...]] = {}
    for eid in ids:
        old, new = before.get(eid), after.get(eid)
        if old is None and new is None:
            continue
        if old is None:
            out[eid] = (Change("event", None, "(created)"),)
            continue
        if new is None:
            out[eid] = (Change("event", "(present)", "(removed)"),)
            continue
        cs = tuple(Change(k, old.get(k), new.get(k)) for k in sorted(set(old) | set(new))
                   if k not in _SKIP_FIELDS and old.get(k) != new.get(k))
        if cs:
            out[eid] = cs
    return out


def append(timeline: Path, record: Record) -> None:
    """Append one line to the log (created when missing), flushed to disk. Raises OSError."""
    path = log_path(timeline)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (record.to_json() + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def history(timeline: Path, event_id: str | None = None) -> list[Record]:
    """The log's records, oldest first; with ``event_id``, those that touched that event."""
    path = log_path(timeline)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("%s: the audit log could not be read (%s)", path.name, exc)
        return []
    out: list[Record] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = Record.from_json(line)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("%s, line %d: not an audit record (%s); skipped", path.name, n, exc)
            continue
        if event_id is None or event_id in rec.events:
            out.append(rec)
    return out


def commit_message(record: Record) -> str:
    """Subject: the decision in words; body: each event's changes; trailers: the events."""
    lines = [record.message, ""]
    for eid in record.events:
        cs = record.changes.get(eid, ())
        lines.append(f"{eid}: " + ("; ".join(c.words() for c in cs) if cs else "no change"))
    lines += ["", f"Decided-by: {record.by}", f"Decided-at: {record.at}"]
    return "\n".join(lines) + "\n"


def commit(timeline: Path, record: Record) -> str:
    """Commit the timeline file and its log with the curator as author. Returns the commit's
    hash, or "" when the file is not in a git repository. Raises RuntimeError with git's
    message when git refuses (a hook, an ignored file, a broken repository)."""
    top = repository_of(timeline)
    if top is None:
        return ""
    files = [str(Path(timeline).resolve()), str(log_path(Path(timeline).resolve()))]
    files = [f for f in files if Path(f).exists()]
    email = record.email or f"{record.name or 'curator'}@{socket.gethostname() or 'localhost'}"
    env = {"GIT_AUTHOR_NAME": record.name or record.by, "GIT_AUTHOR_EMAIL": email,
           "GIT_AUTHOR_DATE": record.at, "GIT_COMMITTER_NAME": COMMITTER[0],
           "GIT_COMMITTER_EMAIL": COMMITTER[1]}
    try:
        added = git(["add", "--", *files], top)
        if added.returncode != 0:
            raise RuntimeError((added.stderr or added.stdout).strip() or "git add failed")
        done = git(["commit", "-q", "-m", commit_message(record), "--", *files], top, env)
        if done.returncode != 0:
            raise RuntimeError((done.stderr or done.stdout).strip() or "git commit failed")
        head = git(["rev-parse", "HEAD"], top)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RuntimeError(f"git could not be run ({exc})") from exc
    return head.stdout.strip()


def record(timeline: Path, record: Record) -> list[str]:
    """Log a decision already written to the timeline file, then commit it when the file is
    in a git repository. Returns warnings, in words (the decision itself stands either way)."""
    warnings: list[str] = []
    try:
        with timeline_lock(timeline):  # one writer at a time: the log's lines and the commits
            warnings += _record_locked(timeline, record)
    except OSError as exc:
        warnings.append(f"The decision was saved, but not put on the record "
                        f"({exc.strerror or exc}).")
    return warnings


def _record_locked(timeline: Path, record: Record) -> list[str]:
    warnings: list[str] = []
    try:
        append(timeline, record)
    except OSError as exc:
        warnings.append(f"The decision was saved, but not written to the audit log "
                        f"{log_path(timeline).name} ({exc.strerror or exc}).")
    try:
        commit(timeline, record)
    except RuntimeError as exc:
        warnings.append(f"The decision was saved, but git did not commit it: {exc}")
    return warnings

"""A writer killed with SIGKILL while saving events.yaml leaves the old file or the new one.

A child process saves two versions of a timeline in turn, as fast as it can; the parent kills
it at random moments and, after each kill, finds exactly version A or version B on disk (both
are validated once, up front, so equality means the file parses). Temporary files the killed
writer leaves behind (``.events.yaml.*.tmp``) never shadow the real file.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract import timeline as tl
from extract.scan import article_files
from tests.helpers import files_left

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and os.replace atomicity")

EVENT = """\
  - id: e{i}
    title: Harop drones delivered to Azerbaijan, batch {i}
    date: 2021-03-{day:02d}
    type: delivery
    actors: [Israel, Azerbaijan]
    systems: [Harop]
    evidence:
      - source: s1
        quote: "Israel delivered batch {i} of Harop loitering munitions to Azerbaijan, the \
ministry said on Tuesday, adding that more would follow."
    status: {status}
"""


def timeline_text(events: int, status: str) -> str:
    head = f"{tl.SCHEMA_COMMENT}\nversion: 1\nsources:\n  - id: s1\n    publisher: Caspian News\n"
    body = "".join(EVENT.format(i=i, day=i % 28 + 1, status=status) for i in range(events))
    return head + "events:\n" + body


CHILD = r"""
import sys
from pathlib import Path
from extract import timeline as tl

mode, path, a, b = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
versions = [a.read_bytes(), b.read_bytes()]
print("ready", flush=True)
i = 0
if mode == "atomic_write":
    while True:
        tl.atomic_write(path, versions[i % 2])
        i += 1
else:  # Document.save: toggle the first event's status, save, again
    doc = tl.Document.open(path)
    while True:
        doc.update_event("e0", status="rejected" if doc.timeline.events[0].status == "accepted"
                         else "accepted")
        doc.save()
"""


def kill_during_saves(folder: Path, mode: str, a: bytes, b: bytes, kills: int,
                      max_delay: float, rng: random.Random) -> list[str]:
    """Start the writer ``kills`` times, SIGKILL it after a random delay; check the file."""
    path = folder / "events.yaml"
    store = folder.parent / f"{mode}-versions"
    store.mkdir()
    (store / "a").write_bytes(a)
    (store / "b").write_bytes(b)
    path.write_bytes(a)
    seen = []
    for n in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, mode, str(path), str(store / "a"), str(store / "b")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        try:
            assert child.stdout.readline() == b"ready\n", child.stderr.read().decode()
            time.sleep(rng.uniform(0, max_delay))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            child.stdout.close()
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL, child.returncode  # it was still saving
        data = path.read_bytes()
        assert data in (a, b), f"kill {n}: {len(data)} bytes, neither version A nor B"
        seen.append("A" if data == a else "B")
    return seen


def check_leftovers(folder: Path, versions: dict[bytes, tl.Timeline]) -> None:
    path = folder / "events.yaml"
    a, b = versions
    names = files_left(folder)
    assert all(n == "events.yaml" or re.fullmatch(r"\.events\.yaml\..+\.tmp", n) for n in names)
    # a half-written temporary file, as a killed writer leaves it: never read instead
    (folder / ".events.yaml.killed.tmp").write_bytes(b[: len(b) // 2])
    assert tl.load(path) == versions[path.read_bytes()]
    assert article_files([folder]) == ([], [])  # not articles either
    # and the next save goes through beside them
    tl.atomic_write(path, a)
    assert path.read_bytes() == a


def test_atomic_write_killed_leaves_old_or_new_file(tmp_path):
    folder = tmp_path / "timeline"
    folder.mkdir()
    a = timeline_text(8500, "accepted").encode()  # about 3 MB
    b = timeline_text(7500, "rejected").encode()
    assert len(a) > 3_000_000
    # both versions are valid, so equality with one of them after a kill means "parses"
    versions = {a: tl.parse(a.decode()), b: tl.parse(b.decode())}
    seed = random.randrange(1 << 30)
    seen = kill_during_saves(folder, "atomic_write", a, b, kills=20, max_delay=0.3,
                             rng=random.Random(seed))
    assert len(seen) == 20, seed
    check_leftovers(folder, versions)


def test_document_save_killed_leaves_old_or_new_file(tmp_path):
    folder = tmp_path / "timeline"
    folder.mkdir()
    a = timeline_text(150, "accepted").encode()
    source = folder / "events.yaml"
    source.write_bytes(a)
    doc = tl.Document.open(source)
    doc.update_event("e0", status="rejected")
    b = doc.text().encode()
    versions = {a: tl.parse(a.decode()), b: tl.parse(b.decode())}
    assert versions[b].events[0].status == "rejected"
    seed = random.randrange(1 << 30)
    seen = kill_during_saves(folder, "Document.save", a, b, kills=6, max_delay=2.0,
                             rng=random.Random(seed))
    assert len(seen) == 6, seed
    check_leftovers(folder, versions)

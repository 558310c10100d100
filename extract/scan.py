"""``scan``: files and folders of articles in, a candidates file in the events.yaml format out.

Each file is read and its events extracted on its own, in worker processes when
``workers > 1``; a file that cannot be read is reported with its reason and the others go on.
Results come back in input order with at most a few files in flight, so the output is the
same whatever the number of workers and memory does not grow with the number of files:
:func:`iter_scan` yields one file at a time, and :func:`write_candidates` streams them to disk.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.article import ArticleError, read_article
from extract.events import ExtractionStats, extract_events, source_for
from extract.ids import FreeIds
from extract.timeline import (
    Event,
    Source,
    Timeline,
    atomic_writer,
    render_header,
    render_items,
)

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_NOT_ARTICLES = ("readme.md", "curation-notes.md")


def article_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[str]]:
    """Expand files and folders (recursively, sorted) into article files.

    Returns (files, problems): a named path that does not exist is a problem; inside folders
    only files with an article suffix are taken (not hidden files, READMEs or notes).
    """
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if (child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES
                        and not child.name.startswith(".")
                        and child.name.lower() not in _NOT_ARTICLES):
                    files.append(child)
        elif p.is_file():
            files.append(p)
        else:
            problems.append(f"{p}: no such file or folder")
    return files, problems


@dataclass
class FileResult:
    """What one file gave: its source and candidate events, or why it could not be read."""

    path: Path | None
    source: Source | None = None
    events: list[Event] = field(default_factory=list)
    stats: ExtractionStats = field(default_factory=ExtractionStats)
    error: str | None = None
    events_yaml: str | None = None  # the events' YAML items, rendered in the worker
    same_as: str | None = None  # the source id of an earlier file with the same text
    note: str | None = None  # for the person running the scan: two texts under one name


def _process(job: tuple[Path, dict | None, bool]) -> FileResult:
    """Read one file and extract its events (runs in a worker process)."""
    path, entry, render = job
    try:
        article = read_article(path, manifest=entry)
        source = source_for(article)
        stats = ExtractionStats()
        events = extract_events(article, source.id, stats=stats)
    except ArticleError as exc:
        return FileResult(path, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
        log.exception("unexpected failure reading %s", path)
        return FileResult(path, error=f"{path}: could not be read ({type(exc).__name__}: {exc})")
    result = FileResult(path, source=source, events=events, stats=stats)
    if render:
        result.events_yaml = _items_yaml(events)
    return result


def _items_yaml(events: list[Event]) -> str:
    """The list items of ``events:`` (without the key line), as :func:`dumps` writes them."""
    if not events:
        return ""
    return render_items("events", events).split("\n", 1)[1]


_ID_LINE = re.compile(r"^- id: (.*)$", re.M)  # the first line of every event item
# a new id that YAML writes plain, as the old one was: a lower-case letter first and a hyphen
# (never read as a number, date, boolean or null), nothing that needs quoting
_PLAIN_ID = re.compile(r"[a-z][a-z0-9._]*-[a-z0-9._-]*")


def _renamed_items(items_yaml: str, renames: list[tuple[str, str]]) -> str | None:
    """``items_yaml`` (from :func:`_items_yaml`) with event *i* renamed from ``renames[i][0]``
    to ``renames[i][1]`` on its ``- id:`` line, the bytes :func:`_items_yaml` would give the
    renamed events; None when the text is not as expected (render the events again then).

    Uniquifying ids in the parent touches a quarter of the events and nothing else of them:
    editing their first line spares rendering the whole file a second time.
    """
    found = list(_ID_LINE.finditer(items_yaml))
    if len(found) != len(renames):
        return None
    out: list[str] = []
    pos = 0
    for m, (old, new) in zip(found, renames, strict=True):
        if m.group(1) != old:
            return None  # written quoted, or not this event's line
        if new != old:
            if not _PLAIN_ID.fullmatch(new):
                return None
            out.append(items_yaml[pos:m.start(1)])
            out.append(new)
            pos = m.end(1)
    out.append(items_yaml[pos:])
    return "".join(out)


def _in_order(func: Callable[[Any], FileResult], jobs: list[Any], workers: int
              ) -> Iterator[FileResult]:
    """``map(func, jobs)`` over worker processes, in order, with a few jobs in flight."""
    if workers <= 1 or len(jobs) < 2:
        for job in jobs:
            yield func(job)
        return
    window = workers * 4  # enough to keep the workers busy, few enough to keep memory flat
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[FileResult]] = deque()
        queue = iter(jobs)
        for job in queue:
            pending.append(pool.submit(func, job))
            if len(pending) >= window:
                break
        while pending:
            result = pending.popleft().result()
            for job in queue:
                pending.append(pool.submit(func, job))
                break
            yield result


def iter_scan(
    paths: Iterable[str | os.PathLike[str]],
    *,
    manifest: dict[str, dict] | None = None,
    workers: int = 1,
    render: bool = False,
    on_total: Callable[[int], None] | None = None,
) -> Iterator[FileResult]:
    """Read every article under ``paths``; yield one :class:`FileResult` per file, in order.

    Source and event ids are made unique across the whole scan here (in the calling process),
    so they do not depend on the number of workers. ``render=True`` also gives each result its
    events as YAML (rendered in the workers: writing YAML is a large share of the work).
    ``on_total(n)`` is called once, before any file is read, with the number of files found
    (to size a progress bar without walking the folders a second time).
    """
    files, problems = article_files(paths)
    if on_total is not None:
        on_total(len(files))
    for problem in problems:
        yield FileResult(None, error=problem)
    manifest = manifest or {}
    jobs = [(f, manifest.get(f.name), render) for f in files]
    taken_sources: set[str] = set()
    taken_events: set[str] = set()
    free_source, free_event = FreeIds(taken_sources.__contains__), FreeIds(
        taken_events.__contains__)
    by_digest: dict[str, str] = {}
    by_name: dict[str, tuple[Path, str]] = {}  # file name -> first file and its source id
    for result in _in_order(_process, jobs, workers):
        if result.error or result.source is None:
            yield result
            continue
        source_changed = False
        source = result.source
        if source.digest in by_digest:  # the same text under another name: one source
            yield FileResult(result.path, same_as=by_digest[source.digest])
            continue
        ident = free_source(source.id)
        taken_sources.add(ident)
        if source.digest:
            by_digest[source.digest] = ident
        if result.path is not None:
            first = by_name.setdefault(result.path.name, (result.path, ident))
            if first[1] != ident:
                applied = (f"; the manifest's entry for '{result.path.name}' applies to both"
                           if manifest.get(result.path.name) else "")
                result.note = (f"{first[0]} and {result.path}: one file name, two different "
                               f"texts: two sources ('{first[1]}', '{ident}'){applied}")
        if ident != source.id:
            result.source = source.model_copy(update={"id": ident})
            result.events = [
                e.model_copy(update={"evidence": [
                    ev.model_copy(update={"source": ident}) if ev.source == source.id else ev
                    for ev in e.evidence
                ]})
                for e in result.events
            ]
            source_changed = True
        unique = []
        renames: list[tuple[str, str]] = []
        for event in result.events:
            eid = free_event(event.id)
            taken_events.add(eid)
            renames.append((event.id, eid))
            if eid != event.id:
                event = event.model_copy(update={"id": eid})
            unique.append(event)
        result.events = unique
        if render and (source_changed or any(old != new for old, new in renames)):
            patched = None if source_changed else _renamed_items(result.events_yaml or "", renames)
            result.events_yaml = patched if patched is not None else _items_yaml(result.events)
        yield result


@dataclass
class ScanResult:
    timeline: Timeline
    failures: list[str] = field(default_factory=list)
    same_text: list[tuple[str, str]] = field(default_factory=list)  # (file, source id)
    notes: list[str] = field(default_factory=list)  # one file name for two texts
    stats: ExtractionStats = field(default_factory=ExtractionStats)
    files: int = 0


def _add_stats(total: ExtractionStats, part: ExtractionStats) -> None:
    total.mentions += part.mentions
    total.unresolved += part.unresolved
    total.events += part.events


def scan(
    paths: Iterable[str | os.PathLike[str]],
    *,
    manifest: dict[str, dict] | None = None,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> ScanResult:
    """Read every article under ``paths`` and return the candidates as one Timeline in memory.

    For large corpora prefer :func:`write_candidates`, which streams to disk. ``progress(1)``
    is called after each file, ``on_total`` as in :func:`iter_scan`.
    """
    result = ScanResult(Timeline(version=1))
    sources: list[Source] = []
    events: list[Event] = []
    for item in iter_scan(paths, manifest=manifest, workers=workers, on_total=on_total):
        if item.path is not None:
            result.files += 1
            if progress:
                progress(1)
        if item.error:
            result.failures.append(item.error)
            continue
        if item.same_as:
            result.same_text.append((str(item.path), item.same_as))
            continue
        if item.note:
            result.notes.append(item.note)
        assert item.source is not None
        sources.append(item.source)
        events.extend(item.events)
        _add_stats(result.stats, item.stats)
    result.timeline = Timeline(version=1, sources=sources, events=events)
    return result


@dataclass
class WriteResult:
    files: int = 0
    sources: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)
    same_text: list[tuple[str, str]] = field(default_factory=list)  # (file, source id)
    notes: list[str] = field(default_factory=list)  # one file name for two texts
    stats: ExtractionStats = field(default_factory=ExtractionStats)
    written: bool = False


def write_candidates(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    manifest: dict[str, dict] | None = None,
    workers: int = 1,
    header: str | None = None,
    progress: Callable[[int], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> WriteResult:
    """Scan and write the candidates file as it goes (events spooled to a temporary file,
    sources kept in memory: they are small), then put it in place atomically.

    When no file at all could be read, nothing is written (``written`` is False) and ``out``
    keeps what it had. The bytes equal ``dumps(scan(...).timeline, header=header)``.
    ``progress(1)`` is called after each file, ``on_total`` as in :func:`iter_scan`.
    """
    outcome = WriteResult()
    sources: list[Source] = []
    folder = Path(out).parent if str(Path(out).parent) else Path(".")
    with tempfile.TemporaryFile(dir=folder, prefix=".scan-events-") as spool:
        for item in iter_scan(paths, manifest=manifest, workers=workers, render=True,
                              on_total=on_total):
            if item.path is not None:
                outcome.files += 1
                if progress:
                    progress(1)
            if item.error:
                outcome.failures.append(item.error)
                if on_failure:
                    on_failure(item.error)
                continue
            if item.same_as:
                outcome.same_text.append((str(item.path), item.same_as))
                continue
            if item.note:
                outcome.notes.append(item.note)
                if on_failure:
                    on_failure(f"note: {item.note}")
            assert item.source is not None
            sources.append(item.source)
            outcome.events += len(item.events)
            _add_stats(outcome.stats, item.stats)
            spool.write((item.events_yaml or "").encode("utf-8"))
        outcome.sources = len(sources)
        if outcome.failures and not sources:
            return outcome
        with atomic_writer(out) as fh:
            fh.write(render_header(header).encode("utf-8"))
            fh.write(render_items("sources", sources).encode("utf-8"))
            if outcome.events:
                fh.write(b"events:\n")
                spool.seek(0)
                while chunk := spool.read(1 << 20):
                    fh.write(chunk)
            else:
                fh.write(b"events: []\n")
        outcome.written = True
    return outcome

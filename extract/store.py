"""The candidate store: an archive's sources and candidate events in SQLite, searchable.

``python -m extract scan PATH... --store candidates.db`` writes here instead of a YAML file,
for archives too large for one (10,000 articles give 170,000 candidate events). The rules:

* **One writer, WAL mode, one transaction per batch** of articles: a scan killed at any moment
  leaves a store that opens (the last batch is rolled back), and running it again resumes.
* **Articles are skipped by content**: the SHA-256 of each file's bytes is recorded with the
  batch that stored it, so a second scan of the same folder adds nothing, and a resumed scan
  starts where the last committed batch ended. A text already stored under another file name
  is one source (the digest of its words, as ``scan`` does).
* **Ids as scan gives them**: source and event ids made unique against the store, in input
  order, so a resumed or a Dask scan stores the same rows as one uninterrupted scan.
* **Full-text search** (SQLite's FTS5) over each event's title and quotes; the review queue
  pages, sorts and filters with plain SQL.
* **Decisions stay**: a candidate accepted or rejected is marked so in the store, and a re-scan
  never proposes it again (its id and its article are already there).

The per-article work (read, find dates, extract events) is :func:`extract.scan._process`:
pure, text and metadata in, events out, so it runs the same in this process, in worker
processes, or on a Dask cluster (:func:`scan_to_store`'s ``engine``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from extract.scan import FileResult, _in_order, _process, article_files
from extract.timeline.store import Store, StoreError, file_digest

__all__ = ["StoreResult", "scan_to_store"]


@dataclass
class StoreResult:
    files: int = 0
    skipped: int = 0  # already in the store
    sources: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)


CHUNK = 16  # articles per Dask task


def _process_many(func: Callable[[Any], FileResult], jobs: list[Any]) -> list[FileResult]:
    """One Dask task: ``func`` over a few jobs, in order."""
    return [func(job) for job in jobs]


def _dask_in_order(func: Callable[[Any], FileResult], jobs: list[Any], scheduler: str | None,
                   workers: int) -> Iterator[FileResult]:
    """``map(func, jobs)`` on a Dask cluster, in input order, a few jobs in flight per worker.

    With no scheduler address, a ``LocalCluster`` on 127.0.0.1 (no dashboard), closed at the
    end. A task whose worker dies is run again on another (``retries``); results are taken in
    input order and stored once, so nothing is lost or stored twice.
    """
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
    client = Client(cluster if cluster is not None else scheduler)
    try:
        # tasks of CHUNK articles: a task's own cost (scheduling, pickling) is paid per chunk
        chunks = [jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)]
        window = max(1, workers) * 4
        pending: deque[Any] = deque()
        queue = iter(chunks)
        for chunk in queue:
            pending.append(client.submit(_process_many, func, chunk, pure=False, retries=2))
            if len(pending) >= window:
                break
        while pending:
            future = pending.popleft()
            results = future.result()
            future.release()
            for chunk in queue:
                pending.append(client.submit(_process_many, func, chunk, pure=False,
                                             retries=2))
                break
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def scan_to_store(paths: Iterable[str | os.PathLike[str]], store: str | os.PathLike[str], *,
                  manifest: dict[str, dict] | None = None, workers: int = 1,
                  engine: str = "processes", scheduler: str | None = None, batch: int = 100,
                  progress: Callable[[int], None] | None = None,
                  on_total: Callable[[int], None] | None = None,
                  on_failure: Callable[[str], None] | None = None) -> StoreResult:
    """Scan every article under ``paths`` not yet in ``store`` into it (see the module
    docstring). ``engine``: ``processes`` (this machine, ``workers`` processes) or ``dask``
    (``scheduler``'s cluster, else a LocalCluster of ``workers``). Raises StoreError."""
    out = StoreResult()
    files, problems = article_files(paths)
    if on_total is not None:
        on_total(len(files))
    for problem in problems:
        out.failures.append(problem)
        if on_failure:
            on_failure(problem)
    manifest = manifest or {}
    with Store(store) as db:
        digests = []
        for f in files:
            try:
                digests.append(file_digest(f))
            except OSError as exc:
                digests.append("")
                msg = f"{f}: could not be read ({exc.strerror or exc})"
                out.failures.append(msg)
                if on_failure:
                    on_failure(msg)
        seen = db.known([d for d in digests if d])
        todo = [(f, d) for f, d in zip(files, digests, strict=True) if d and d not in seen]
        out.skipped = sum(1 for d in digests if d in seen)
        out.files = len(files)
        if progress and out.skipped:
            progress(out.skipped)
        jobs = [(f, manifest.get(f.name), False) for f, _d in todo]
        if engine == "dask":
            results = _dask_in_order(_process, jobs, scheduler, workers)
        elif engine == "processes":
            results = _in_order(_process, jobs, workers)
        else:
            raise StoreError(f"engine {engine!r}; expected processes or dask")
        pending = 0
        db.db.execute("BEGIN IMMEDIATE")
        try:
            for (_f, digest), result in zip(todo, results, strict=True):
                if result.error or result.source is None:
                    out.failures.append(result.error or f"{result.path}: nothing read")
                    if on_failure:
                        on_failure(out.failures[-1])
                else:
                    s, e = db.add(digest, str(result.path), result.source, result.events)
                    out.sources += s
                    out.events += e
                pending += 1
                if progress:
                    progress(1)
                if pending >= batch:
                    db.db.execute("COMMIT")
                    db.db.execute("BEGIN IMMEDIATE")
                    pending = 0
            db.db.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise
    return out

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

import datetime as _dt
import hashlib
import json
import os
import re
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.scan import FileResult, _in_order, _process, article_files
from extract.timeline import Event, Source

SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    file_digest TEXT PRIMARY KEY,   -- sha256 of the file's bytes: what a re-scan skips
    path TEXT NOT NULL,
    source_id TEXT,                 -- the source it gave (another file's, for the same text)
    scanned_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY,
    digest TEXT UNIQUE,             -- sha256 of the text, white space collapsed
    publisher TEXT,
    published TEXT,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    n INTEGER PRIMARY KEY,          -- input order; the full-text index's rowid
    id TEXT NOT NULL UNIQUE,
    source_id TEXT NOT NULL REFERENCES sources(id),
    type TEXT NOT NULL,
    date TEXT NOT NULL,
    title TEXT NOT NULL,
    confidence REAL,
    published TEXT,
    evidence_count INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'candidate',
    decided_by TEXT,
    decided_at TEXT,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_published ON events(published);
CREATE INDEX IF NOT EXISTS events_status ON events(status, type);
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
    title, quotes, tokenize = 'unicode61 remove_diacritics 2'
);
"""
ORDERS = {  # the review queue's sort orders
    "newest": "e.published IS NULL, e.published DESC, e.n",
    "confidence": "e.confidence IS NULL, e.confidence ASC, e.n",
    "corroborated": "e.evidence_count DESC, e.n",
}
STATUSES = ("candidate", "accepted", "rejected")


class StoreError(ValueError):
    """A store that cannot be used: names the file and what was expected."""


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def fts_query(text: str) -> str:
    """A search box's words as an FTS5 query: every word must occur (a prefix for the last),
    each quoted, so that no word is read as FTS5 syntax (``NEAR``, ``-``, ``"``, ``*``)."""
    words = re.findall(r"\w+", text.casefold())
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


@dataclass(frozen=True)
class Candidate:
    """One row of the review queue."""

    id: str
    title: str
    type: str
    date: str
    source_id: str
    publisher: str | None
    published: str | None
    confidence: float | None
    evidence_count: int
    status: str

    def event(self, store: Store) -> Event:
        return store.event(self.id)


class Store:
    """An open candidate store (see the module docstring). Use as a context manager."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreError(f"{self.path}: no such store; expected a file written by "
                             "'python -m extract scan ... --store FILE'")
        try:
            self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(_SCHEMA)
            got = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if got is None:
                self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            elif got[0] != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: a store of schema {got[0]}; expected "
                                 f"{SCHEMA_VERSION} (scan the archive into a new store)")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a candidate store ({exc}); expected an "
                             "SQLite file written by 'python -m extract scan ... --store'") \
                from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- writing (one writer) --------------------------------------------------------------

    def known(self, digests: Sequence[str]) -> set[str]:
        """Which of these file digests the store already holds."""
        out: set[str] = set()
        for i in range(0, len(digests), 500):
            part = list(digests[i:i + 500])
            marks = ",".join("?" * len(part))
            out.update(r[0] for r in self.db.execute(
                f"SELECT file_digest FROM articles WHERE file_digest IN ({marks})", part))
        return out

    def _free(self, table: str, ident: str) -> str:
        base, candidate, n = ident, ident, 2
        while self.db.execute(f"SELECT 1 FROM {table} WHERE id=?", (candidate,)).fetchone():
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def add(self, digest: str, result: FileResult) -> tuple[int, int]:
        """Store one article's result (inside the caller's transaction). Returns (sources,
        events) added."""
        now = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        source = result.source
        assert source is not None and result.path is not None
        same = self.db.execute("SELECT id FROM sources WHERE digest=?",
                               (source.digest,)).fetchone() if source.digest else None
        if same is not None:  # the same text under another name: one source
            self.db.execute("INSERT INTO articles VALUES (?, ?, ?, ?)",
                            (digest, str(result.path), same[0], now))
            return 0, 0
        ident = self._free("sources", source.id)
        if ident != source.id:
            old = source.id
            source = source.model_copy(update={"id": ident})
            result.events = [e.model_copy(update={"evidence": [
                ev.model_copy(update={"source": ident}) if ev.source == old else ev
                for ev in e.evidence]}) for e in result.events]
        self.db.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
                        (source.id, source.digest, source.publisher,
                         str(source.published) if source.published else None,
                         source.model_dump_json(exclude_none=True)))
        self.db.execute("INSERT INTO articles VALUES (?, ?, ?, ?)",
                        (digest, str(result.path), source.id, now))
        published = str(source.published) if source.published else None
        for event in result.events:
            eid = self._free("events", event.id)
            if eid != event.id:
                event = event.model_copy(update={"id": eid})
            cur = self.db.execute(
                "INSERT INTO events (id, source_id, type, date, title, confidence, published, "
                "evidence_count, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event.id, source.id, event.type, str(event.date), event.title,
                 event.confidence, published, len(event.evidence),
                 event.model_dump_json(exclude_none=True)))
            self.db.execute("INSERT INTO events_fts (rowid, title, quotes) VALUES (?, ?, ?)",
                            (cur.lastrowid, event.title,
                             "\n".join(ev.quote for ev in event.evidence)))
        return 1, len(result.events)

    def decide(self, event_id: str, status: str, by: str) -> bool:
        """Mark a candidate accepted or rejected (True when it was a candidate)."""
        if status not in ("accepted", "rejected"):
            raise ValueError(f"status {status!r}; expected accepted or rejected")
        now = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        cur = self.db.execute(
            "UPDATE events SET status=?, decided_by=?, decided_at=? "
            "WHERE id=? AND status='candidate'", (status, by, now, event_id))
        return cur.rowcount == 1

    # -- reading -------------------------------------------------------------------------

    def _where(self, search: str, types: Sequence[str], status: str | None,
               min_confidence: float) -> tuple[str, list[Any]]:
        clauses, args = [], []
        if status:
            clauses.append("e.status = ?")
            args.append(status)
        if types:
            clauses.append(f"e.type IN ({','.join('?' * len(types))})")
            args.extend(types)
        if min_confidence > 0:
            clauses.append("e.confidence >= ?")
            args.append(min_confidence)
        query = fts_query(search)
        if query:
            clauses.append("e.n IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            args.append(query)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def count(self, *, search: str = "", types: Sequence[str] = (),
              status: str | None = "candidate", min_confidence: float = 0.0) -> int:
        where, args = self._where(search, types, status, min_confidence)
        return self.db.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0]

    def page(self, *, search: str = "", types: Sequence[str] = (),
             status: str | None = "candidate", min_confidence: float = 0.0,
             order: str = "newest", offset: int = 0, limit: int = 25) -> list[Candidate]:
        """One page of the queue, filtered, searched and sorted (``ORDERS``)."""
        if order not in ORDERS:
            raise ValueError(f"order {order!r}; expected one of {', '.join(ORDERS)}")
        where, args = self._where(search, types, status, min_confidence)
        rows = self.db.execute(
            "SELECT e.id, e.title, e.type, e.date, e.source_id, s.publisher, e.published, "
            "e.confidence, e.evidence_count, e.status FROM events e "
            f"JOIN sources s ON s.id = e.source_id{where} ORDER BY {ORDERS[order]} "
            "LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        return [Candidate(*row) for row in rows]

    def event(self, event_id: str) -> Event:
        row = self.db.execute("SELECT json FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            raise KeyError(event_id)
        return Event.model_validate_json(row[0])

    def source(self, source_id: str) -> Source:
        row = self.db.execute("SELECT json FROM sources WHERE id=?", (source_id,)).fetchone()
        if row is None:
            raise KeyError(source_id)
        return Source.model_validate_json(row[0])

    def types(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT type FROM events ORDER BY type")]

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """Every stored row, in a fixed order, without the times of scanning or deciding: what
        two scans of the same archive must agree on."""
        yield from (("source", *r) for r in self.db.execute(
            "SELECT id, digest, json FROM sources ORDER BY id"))
        yield from (("article", *r) for r in self.db.execute(
            "SELECT file_digest, path, source_id FROM articles ORDER BY file_digest"))
        yield from (("event", *r) for r in self.db.execute(
            "SELECT n, id, source_id, json, status FROM events ORDER BY n"))


@dataclass
class StoreResult:
    files: int = 0
    skipped: int = 0  # already in the store
    sources: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)


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
        window = max(1, workers) * 8
        pending: deque[Any] = deque()
        queue = iter(jobs)
        for job in queue:
            pending.append(client.submit(func, job, pure=False, retries=2))
            if len(pending) >= window:
                break
        while pending:
            future = pending.popleft()
            result = future.result()
            future.release()
            for job in queue:
                pending.append(client.submit(func, job, pure=False, retries=2))
                break
            yield result
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
                    s, e = db.add(digest, result)
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
            db.db.execute("ROLLBACK")
            raise
    return out


def dump(store: str | os.PathLike[str]) -> str:
    """The store's rows as JSON lines (for comparing two stores)."""
    with Store(store, create=False) as db:
        return "".join(json.dumps(list(r), ensure_ascii=False) + "\n" for r in db.rows())

"""The candidate store's format: sources and candidate events in SQLite, searchable.

Written by ``python -m extract scan ... --store FILE`` (:mod:`extract.store`), read by the
Review page. WAL mode, one writer; an FTS5 index over each event's title and quotes; each
article recorded by the SHA-256 of its bytes (what a re-scan skips); decisions marked in the
store (a decided candidate is never proposed again). See :mod:`extract.store` for the scan.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.ids import FreeIds
from extract.timeline.model import Event, Source

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
-- the queue's three orders within a status: a page is read off an index, never sorted whole
CREATE INDEX IF NOT EXISTS events_newest ON events(status, published IS NULL, published DESC, n);
CREATE INDEX IF NOT EXISTS events_confidence ON events(status, confidence IS NULL, confidence, n);
CREATE INDEX IF NOT EXISTS events_corroborated ON events(status, evidence_count DESC, n);
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
        # unique ids in the tables (rows are never deleted; a rollback forgets, see FreeIds)
        self._free_source = FreeIds(self._taken("sources"))
        self._free_event = FreeIds(self._taken("events"))
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

    def _taken(self, table: str) -> Callable[[str], bool]:
        query = f"SELECT 1 FROM {table} WHERE id=?"
        return lambda ident: self.db.execute(query, (ident,)).fetchone() is not None

    def add(self, digest: str, path: str, source: Source, events: list[Event],
            ) -> tuple[int, int]:
        """Store one article: the file's digest and path, its source and candidate events
        (inside the caller's transaction). Returns (sources, events) added."""
        now = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        same = self.db.execute("SELECT id FROM sources WHERE digest=?",
                               (source.digest,)).fetchone() if source.digest else None
        if same is not None:  # the same text under another name: one source
            self.db.execute("INSERT INTO articles VALUES (?, ?, ?, ?)",
                            (digest, path, same[0], now))
            return 0, 0
        ident = self._free_source(source.id)
        if ident != source.id:
            old = source.id
            source = source.model_copy(update={"id": ident})
            events = [e.model_copy(update={"evidence": [
                ev.model_copy(update={"source": ident}) if ev.source == old else ev
                for ev in e.evidence]}) for e in events]
        self.db.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
                        (source.id, source.digest, source.publisher,
                         str(source.published) if source.published else None,
                         source.model_dump_json(exclude_none=True)))
        self.db.execute("INSERT INTO articles VALUES (?, ?, ?, ?)",
                        (digest, path, source.id, now))
        published = str(source.published) if source.published else None
        for event in events:
            eid = self._free_event(event.id)
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
        return 1, len(events)

    def rollback(self) -> None:
        """Roll back the caller's transaction: the ids it took are free again, so where their
        next free suffixes start is forgotten (see extract.ids.FreeIds)."""
        self.db.execute("ROLLBACK")
        self._free_source.forget()
        self._free_event.forget()

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

    def types(self, status: str = "candidate") -> list[str]:
        """The types the events of ``status`` have, in order: read off the (status, type)
        index one type at a time (a few lookups, whatever the store's size)."""
        return [r[0] for r in self.db.execute(
            "WITH RECURSIVE t(type) AS ("
            " SELECT min(type) FROM events WHERE status = :s"
            " UNION ALL SELECT (SELECT min(type) FROM events WHERE status = :s AND type > t.type)"
            " FROM t WHERE t.type IS NOT NULL) "
            "SELECT type FROM t WHERE type IS NOT NULL", {"s": status})]

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """Every stored row, in a fixed order, without the times of scanning or deciding: what
        two scans of the same archive must agree on."""
        yield from (("source", *r) for r in self.db.execute(
            "SELECT id, digest, json FROM sources ORDER BY id"))
        yield from (("article", *r) for r in self.db.execute(
            "SELECT file_digest, path, source_id FROM articles ORDER BY file_digest"))
        yield from (("event", *r) for r in self.db.execute(
            "SELECT n, id, source_id, json, status FROM events ORDER BY n"))


def dump(store: str | os.PathLike[str]) -> str:
    """The store's rows as JSON lines (for comparing two stores)."""
    with Store(store, create=False) as db:
        return "".join(json.dumps(list(r), ensure_ascii=False) + "\n" for r in db.rows())

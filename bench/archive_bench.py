"""Archive scale: scanning a folder of articles into a candidate store, and the queries the
Review page makes on it.

The archive: ``--articles`` generated news-like articles (``bench/make_corpus.py``) with the 30
dev-set articles (``../shared/devset``, when present) mixed in. Measured, each in a fresh store:

* ``scan --store`` with 1 and 2 worker processes, and on a Dask LocalCluster of 1 and 2
  workers (its overhead against plain processes): articles/s and MB/s (wall), the store's size,
  and the peak memory (RSS) of this process (the client) and of its children (the workers);
* a second scan of the same folder (everything skipped);
* the store's insert rate alone (the single writer: the limit of any cluster);
* the Review page's queries: the first page (newest first), a count, and a full-text search,
  at the store's size.

Usage: ``python bench/archive_bench.py [--articles 2000] [--skip-dask]``. Prints a Markdown table
and the command.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_corpus import ensure_corpus  # noqa: E402

from extract.store import scan_to_store  # noqa: E402
from extract.timeline.store import Store  # noqa: E402

DEVSET = ROOT.parent / "shared" / "devset" / "texts"


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def build_archive(folder: Path, articles: int) -> tuple[int, float]:
    corpus = folder / "generated"
    ensure_corpus(corpus, articles)
    if DEVSET.is_dir():
        shutil.copytree(DEVSET, folder / "devset", dirs_exist_ok=True)
    else:
        print(f"(the dev set is absent: {DEVSET}; generated articles only)", file=sys.stderr)
    files = [p for p in folder.rglob("*.txt")]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def timed_scan(folder: Path, store: Path, **kwargs: object) -> tuple[float, int]:
    t0 = time.perf_counter()
    result = scan_to_store([folder], store, **kwargs)  # type: ignore[arg-type]
    return time.perf_counter() - t0, result.events


def queries(store: Path, repeat: int = 5) -> dict[str, float]:
    """Best milliseconds of the Review page's queries."""
    out: dict[str, float] = {}
    with Store(store, create=False) as db:
        for name, run in (("first page", lambda: db.page(limit=10)),
                          ("count", lambda: db.count()),
                          ("search 'harop'", lambda: db.page(search="harop", limit=10)),
                          ("search count", lambda: db.count(search="israel delivered"))):
            best = float("inf")
            for _ in range(repeat):
                t0 = time.perf_counter()
                run()
                best = min(best, time.perf_counter() - t0)
            out[name] = best * 1000
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--skip-dask", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as tmp:
        folder = Path(tmp) / "archive"
        n, mb = build_archive(folder, args.articles)
        print(f"{n} articles, {mb:.1f} MB")
        print("| run | seconds | articles/s | MB/s | candidate events | store MB |")
        print("|---|---|---|---|---|---|")
        runs = [("processes", 1), ("processes", 2)]
        if not args.skip_dask:
            runs += [("dask", 1), ("dask", 2)]
        last = None
        for engine, workers in runs:
            store = Path(tmp) / f"{engine}-{workers}.db"
            secs, events = timed_scan(folder, store, engine=engine, workers=workers, batch=200)
            size = sum(p.stat().st_size for p in Path(tmp).glob(f"{engine}-{workers}.db*")) / 1e6
            print(f"| {engine}, {workers} worker{'s' if workers > 1 else ''} | {secs:.1f} | "
                  f"{n / secs:.0f} | {mb / secs:.2f} | {events:,} | {size:.1f} |")
            last = store
        assert last is not None
        secs, _ = timed_scan(folder, last)
        print(f"| the same folder again (all skipped) | {secs:.1f} | {n / secs:.0f} | | 0 | |")
        with Store(last, create=False) as db:
            rows = db.page(limit=1000)
            events = [db.event(c.id) for c in rows]
            sources = {c.source_id: db.source(c.source_id) for c in rows}
        insert = Path(tmp) / "insert.db"
        t0 = time.perf_counter()
        with Store(insert) as db:
            db.db.execute("BEGIN")
            k = 0
            for rep in range(5):
                for sid, src in sources.items():
                    mine = [e for e in events if e.evidence[0].source == sid]
                    db.add(f"{rep}-{sid}", f"{rep}/{sid}", src.model_copy(
                        update={"id": f"{sid}-r{rep}", "digest": None}), mine)
                    k += len(mine)
            db.db.execute("COMMIT")
        rate = k / (time.perf_counter() - t0)
        print(f"\nthe store's single writer: {rate:,.0f} candidate events inserted per second")
        print(f"peak RSS: this process {_peak_mb(resource.RUSAGE_SELF):.0f} MB, its workers "
              f"{_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB (the largest)")
        with Store(last, create=False) as db:
            total = db.count(status=None)
        q = queries(last)
        print(f"Review queries at {total:,} candidates (best of 5, ms): "
              + ", ".join(f"{k} {v:.1f}" for k, v in q.items()))
    print("command: python bench/archive_bench.py" + "".join(
        f" --{k.replace('_', '-')}" + ("" if isinstance(v, bool) else f" {v}")
        for k, v in vars(args).items() if v not in (False, None)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

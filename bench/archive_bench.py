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
  at the store's size;
* Dask's start-up apart from its throughput: a scan onto a LocalCluster started beforehand and
  warmed (the case of a cluster that stays up: ``--scheduler``), beside the scan that starts
  its own;
* ``--grow N``: the store grown to N candidates (the stored events inserted again under other
  digests), the queries at that size, and the Review page's first run (Streamlit's AppTest, a
  curator signed in, ``--candidates`` the store) at about 100 candidates and at N.

Usage: ``python bench/archive_bench.py [--articles 2000] [--skip-dask] [--grow 200000]``.
Prints a Markdown table and the command.
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


def _warm() -> None:
    """On each worker: import the extractor and load its gazetteers."""
    from extract.events import Gazetteers

    Gazetteers.load()


def warm_cluster_scan(folder: Path, store: Path, workers: int) -> tuple[float, int, float]:
    """(seconds, events, start-up seconds) of a scan onto a LocalCluster started and warmed
    beforehand (its workers have imported the extractor)."""
    from distributed import Client, LocalCluster

    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.run(_warm)
        start = time.perf_counter() - t0
        secs, events = timed_scan(folder, store, engine="dask", workers=workers,
                                  scheduler=cluster.scheduler_address, batch=200)
    return secs, events, start


def grow(source: Path, target: Path, size: int) -> int:
    """Copy ``source`` to ``target`` and insert its events again (as new articles) until it
    holds ``size`` candidates; returns the count."""
    shutil.copyfile(source, target)
    with Store(source, create=False) as db:
        rows = db.page(limit=2000)
        events = [db.event(c.id) for c in rows]
        sources = {c.source_id: db.source(c.source_id) for c in rows}
    by_source: dict[str, list] = {}
    for e in events:
        by_source.setdefault(e.evidence[0].source, []).append(e)
    with Store(target) as db:
        total, rep = db.count(status=None), 0
        while total < size:
            rep += 1
            db.db.execute("BEGIN")
            for sid, src in sources.items():
                mine = by_source.get(sid, [])
                db.add(f"grow{rep}-{sid}", f"grow{rep}/{sid}", src.model_copy(
                    update={"id": f"{sid}-g{rep}", "digest": None}), mine)
                total += len(mine)
                if total >= size:
                    break
            db.db.execute("COMMIT")
        return db.count(status=None)


def review_first_run(events: Path, store: Path, repeat: int = 3) -> float:
    """Best seconds of the Review page's first run in AppTest on ``store`` (a curator signed
    in), after one warm-up run."""
    import os

    from tests.helpers import write_team

    folder = Path(tempfile.mkdtemp(prefix="review-"))
    timeline = Path(shutil.copyfile(events, folder / "events.yaml"))
    write_team(folder, emails=("bench@example.org",))
    saved = {k: os.environ.get(k) for k in ("ARMS_EVENTS", "ARMS_CANDIDATES", "ARMS_TEAM")}
    os.environ.update(ARMS_EVENTS=str(timeline), ARMS_CANDIDATES=str(store))
    os.environ.pop("ARMS_TEAM", None)
    best = float("inf")
    try:
        best = _best_review_run(repeat)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(folder, ignore_errors=True)
    return best


def _best_review_run(repeat: int) -> float:
    from streamlit.testing.v1 import AppTest

    from tests.helpers import sign_in

    best = float("inf")
    for i in range(repeat + 1):
        at = sign_in(AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=300),
                     "bench@example.org", name="Bench")
        at.run()
        t0 = time.perf_counter()
        at.switch_page("views/review.py").run()
        took = time.perf_counter() - t0
        assert not at.exception, [e.value for e in at.exception]
        if i:
            best = min(best, took)
    return best


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
    ap.add_argument("--runs", default="processes:1,processes:2,dask:1,dask:2",
                    help="the scans to time, ENGINE:WORKERS, comma-separated (dask:N also "
                         "times a scan onto a cluster already up)")
    ap.add_argument("--grow", type=int, default=0,
                    help="also grow the store to this many candidates and measure there")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as tmp:
        folder = Path(tmp) / "archive"
        n, mb = build_archive(folder, args.articles)
        print(f"{n} articles, {mb:.1f} MB")
        print("| run | seconds | articles/s | MB/s | candidate events | store MB |")
        print("|---|---|---|---|---|---|")
        runs = [(engine, int(workers)) for engine, workers in
                (r.split(":") for r in args.runs.split(","))
                if not (args.skip_dask and engine == "dask")]
        last = None
        for engine, workers in runs:
            store = Path(tmp) / f"{engine}-{workers}.db"
            secs, events = timed_scan(folder, store, engine=engine, workers=workers, batch=200)
            size = sum(p.stat().st_size for p in Path(tmp).glob(f"{engine}-{workers}.db*")) / 1e6
            print(f"| {engine}, {workers} worker{'s' if workers > 1 else ''} | {secs:.1f} | "
                  f"{n / secs:.0f} | {mb / secs:.2f} | {events:,} | {size:.1f} |")
            last = store
        for engine, workers in runs:
            if engine == "dask":
                store = Path(tmp) / f"warm-{workers}.db"
                secs, events, start = warm_cluster_scan(folder, store, workers)
                print(f"| dask, {workers} worker{'s' if workers > 1 else ''}, cluster already "
                      f"up (started and warmed in {start:.1f} s) | {secs:.1f} | {n / secs:.0f} | "
                      f"{mb / secs:.2f} | {events:,} | |")
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
        if args.grow:
            small = Path(tmp) / "small.db"
            few = sorted((folder / "generated").rglob("*.txt"))[:6]
            scan_to_store(few, small)
            with Store(small, create=False) as db:
                small_n = db.count(status=None)
            big = Path(tmp) / "grown.db"
            t0 = time.perf_counter()
            big_n = grow(last, big, args.grow)
            print(f"\ngrown to {big_n:,} candidates in {time.perf_counter() - t0:.0f} s "
                  f"({sum(p.stat().st_size for p in Path(tmp).glob('grown.db*')) / 1e6:.0f} MB)")
            q = queries(big)
            print(f"Review queries at {big_n:,} candidates (best of 5, ms): "
                  + ", ".join(f"{k} {v:.1f}" for k, v in q.items()))
            first_small = review_first_run(ROOT / "events.yaml", small)
            first_big = review_first_run(ROOT / "events.yaml", big)
            print(f"Review page's first run (AppTest, best of 3): {first_small:.2f} s at "
                  f"{small_n:,} candidates, {first_big:.2f} s at {big_n:,} "
                  f"({first_big / first_small:.2f}x)")
    print("command: python bench/archive_bench.py" + "".join(
        f" --{k.replace('_', '-')}" + ("" if isinstance(v, bool) else f" {v}")
        for k, v in vars(args).items() if v not in (False, None)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

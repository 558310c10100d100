"""Extractor benchmark: speed, memory and gold-set accuracy, side by side with the naive approach.

On the same texts (the seed corpus plus a generated corpus, see ``bench/make_corpus.py``):

(a) this extractor
    * ``pipeline``: the full per-article work, ``read_article`` + ``source_for`` +
      ``extract_events``, timed article by article on one core;
    * ``find_dates``: ``extract.dates.find_dates(article.text, published)`` alone on the whole
      article text (furniture included), the text read beforehand (reading is not timed);
    * ``scan``: the product, ``extract.scan.scan(paths, manifest=..., workers=N)``, each run in
      a fresh child process so its peak memory (ru_maxrss of the child and of its own worker
      processes) is its own; run on all the articles and on the first fifth of them, so memory
      growth with corpus size shows;
    * ``pool``: read_article + extract_events both inside a multiprocessing pool (scan() only
      reads in its workers and extracts in the parent), to show what all cores could give.
(b) the naive approach: ``dateparser.search.search_dates(text, languages=['en'],
    settings={'RELATIVE_BASE': published})`` over each whole text, on a sample (it is slow).

Accuracy on the seed gold set (tests/data/gold.yaml): the extractor's recall and precision
from ``extract.gold.score``; for the naive approach a gold event counts as found when
search_dates returns a date inside the gold sentence whose day falls within one of the gold
date spans (a generous reading: no event layer, any precision accepted).

The like-for-like ratio compares the naive approach on its sample with the extractor on the
same texts, timed on their own after the full runs (the median of ``--repeat`` runs).

Usage: python bench/extract_bench.py [--articles N] [--naive-sample N] [--workers N]
                                     [--skip-naive] [--repeat N] [--profile N] [--json PATH]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import random
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import naive  # noqa: E402  (bench/naive.py: the baseline both benches run)
from make_corpus import DEFAULT_OUT, DEFAULT_SEED, MANIFEST, ensure_corpus  # noqa: E402

from extract.article import Article, load_manifest, read_article  # noqa: E402
from extract.dates import find_dates  # noqa: E402
from extract.events import extract_events, source_for  # noqa: E402
from extract.gold import load_gold, score  # noqa: E402
from extract.scan import scan, write_candidates  # noqa: E402
from extract.timeline import PartialDate, load  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold.yaml"
GOAL_RATIO = 20.0
GOAL_PEAK_MB = 500.0


def default_seed_corpus() -> Path:
    return Path(os.environ.get("ARMS_CORPUS") or ROOT.parent / "shared" / "corpus")


# --------------------------------------------------------------------------- inputs


@dataclass
class Doc:
    path: Path
    entry: dict | None  # its manifest entry
    size: int  # bytes on disk
    published: str | None  # the known publication date: generator truth, else the reader's
    seed: bool


def load_docs(generated: Path, index: dict, seed_corpus: Path | None) -> list[Doc]:
    docs: list[Doc] = []
    if seed_corpus is not None:
        manifest = load_manifest(seed_corpus / MANIFEST)
        for name in sorted(manifest):
            p = seed_corpus / name
            # the seed's own publication date: manifest, else what the reader finds in the text
            published = read_article(p, manifest=manifest[name]).published
            docs.append(Doc(p, manifest[name], p.stat().st_size, published, True))
    manifest = load_manifest(generated / MANIFEST)
    for name, published in index["files"].items():
        p = generated / name
        docs.append(Doc(p, manifest.get(name), p.stat().st_size, published, False))
    return docs


def base_datetime(published: str | None) -> dt.datetime | None:
    """The relative base for dateparser: a coarse date is taken at its first day."""
    if not published:
        return None
    first = PartialDate.parse(published).first_day()
    return dt.datetime(first.year, first.month, first.day)


def mb(n_bytes: float) -> float:
    return n_bytes / 1e6


# --------------------------------------------------------------------------- (a) this extractor


def _pipeline_one(doc: tuple[Path, dict | None]) -> int:
    """The whole per-article work; returns the number of events."""
    path, entry = doc
    article = read_article(path, manifest=entry)
    source = source_for(article)
    return len(extract_events(article, source.id))


def _now() -> tuple[float, float]:
    """(wall, CPU) seconds: CPU time of this process is what a busy shared machine leaves
    unbiased, wall time is what a user waits."""
    return time.perf_counter(), time.process_time()


def _since(t: tuple[float, float]) -> tuple[float, float]:
    w, c = _now()
    return w - t[0], c - t[1]


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


Times = tuple[float, float]  # (wall, CPU) seconds


def time_pipeline(docs: list[Doc]) -> tuple[Times, int]:
    events = 0
    t0 = _now()
    for d in docs:
        events += _pipeline_one((d.path, d.entry))
    return _since(t0), events


def time_repeated(work: Callable[[], object], repeat: int) -> Times:
    """The median of ``repeat`` runs of ``work`` (by CPU time; its wall time with it): a short
    measurement (the like-for-like sample takes half a second) varies by a third from run to
    run with what else the machine does."""
    runs = []
    for _ in range(max(1, repeat)):
        t = _now()
        work()
        runs.append(_since(t))
    runs.sort(key=lambda r: r[1])
    return runs[len(runs) // 2]


def time_pool(docs: list[Doc], workers: int) -> tuple[Times, int]:
    """Wall time, and the CPU time of the pool's worker processes (reaped at shutdown)."""
    jobs = [(d.path, d.entry) for d in docs]
    cpu0, t0 = _children_cpu(), time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        events = sum(pool.map(_pipeline_one, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
    return (time.perf_counter() - t0, _children_cpu() - cpu0), events


def time_find_dates(docs: list[Doc], articles: dict[Path, Article]) -> tuple[Times, int]:
    mentions = 0
    t0 = _now()
    for d in docs:
        a = articles[d.path]
        mentions += len(find_dates(a.text, a.published, language=a.language or "en"))
    return _since(t0), mentions


def run_scan_child(paths: list[Path], manifest_files: list[Path], workers: int,
                   index_file: Path | None) -> dict:
    """The scan as the CLI runs it (streamed to a file) in a fresh Python process; its figures
    (time, peak RSS) as a dict."""
    spec = {"paths": [str(p) for p in paths], "manifests": [str(m) for m in manifest_files],
            "workers": workers, "index": str(index_file) if index_file else None}
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--_scan-child"],
        input=json.dumps(spec), capture_output=True, text=True, check=False, cwd=str(ROOT),
    )
    if proc.returncode != 0:
        raise RuntimeError(f"scan child failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _scan_child() -> int:
    spec = json.loads(sys.stdin.read())
    manifest: dict[str, dict] = {}
    for m in spec["manifests"]:
        manifest.update(load_manifest(m))
    t0 = _now()
    # the product's path, as `python -m extract scan` runs it: streamed to a candidates file
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "candidates.yaml"
        written = write_candidates(spec["paths"], out, manifest=manifest,
                                   workers=spec["workers"])
        seconds, _ = _since(t0)
        me = resource.getrusage(resource.RUSAGE_SELF)
        cpu = me.ru_utime + me.ru_stime + _children_cpu()  # the whole child, import included
        self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        timeline = load(out, cache=False) if written.written else None
    truth = {}
    if spec["index"]:
        import yaml

        with open(spec["index"], encoding="utf-8") as fh:
            truth = yaml.safe_load(fh)["files"]
    checked = right = 0
    for s in (timeline.sources if timeline else []):
        if s.file in truth:
            checked += 1
            right += str(s.published) == truth[s.file]
    print(json.dumps({
        "seconds": seconds, "cpu_seconds": cpu, "files": written.files,
        "failures": len(written.failures),
        "failure_examples": written.failures[:3], "events": written.events,
        "peak_rss_mb": self_kb / 1024, "peak_rss_children_mb": children_kb / 1024,
        "published_checked": checked, "published_right": right,
    }))
    return 0


# --------------------------------------------------------------------------- (b) naive


def naive_search(text: str, published: str | None) -> list[tuple[str, dt.datetime]]:
    return naive.search(text, base_datetime(published))


def time_naive(docs: list[Doc], texts: dict[Path, str]) -> tuple[Times, dict[Path, list]]:
    found: dict[Path, list] = {}
    naive_search("warm-up on May 30, 2023", "2023-05-31")  # dateparser's one-off loading
    t0 = _now()
    for d in docs:
        found[d.path] = naive_search(texts[d.path], d.published)
    return _since(t0), found


def _offsets(text: str, hits: Iterable[tuple[str, dt.datetime]]) -> list[tuple[int, int, dt.date]]:
    """Where search_dates' substrings are, with the day of each."""
    return [(i, e, value.date()) for i, e, _s, value in naive.locate(text, hits)]


def naive_gold(docs: list[Doc], found: dict[Path, list], articles: dict[Path, Article],
               gold: list) -> dict:
    """Recall of the naive approach on the gold events (see the module docstring)."""
    by_file = {d.path.name: d for d in docs if d.seed}
    found_m = found_all = total_m = 0
    missed: list[str] = []
    for g in gold:
        d = by_file.get(g.file)
        if d is None:
            continue
        article = articles[d.path]
        text = article.text
        q = text.find(g.quote)
        if q < 0:
            continue
        sentence = next(((s.start, s.end) for s in article.sentences()
                         if s.start <= q < s.end), (q, q + len(g.quote)))
        a, b = min(sentence[0], q), max(sentence[1], q + len(g.quote))
        spans = []
        for value in g.dates:
            first, _, last = value.partition("..")
            spans.append((PartialDate.parse(first).first_day(),
                          PartialDate.parse(last or first).last_day()))
        hit = any(a <= s and e <= b and any(lo <= day <= hi for lo, hi in spans)
                  for s, e, day in _offsets(text, found[d.path]))
        found_all += hit
        if g.matters:
            total_m += 1
            found_m += hit
            if not hit:
                missed.append(f"{g.file}: {g.quote[:60]}")
    return {"recall": found_m / total_m if total_m else 0.0, "found": found_m, "matters": total_m,
            "found_any_gold": found_all, "gold": len(gold), "missed": missed,
            "hits_total": sum(len(found[d.path]) for d in docs if d.seed)}


# --------------------------------------------------------------------------- profile


def profile_pipeline(docs: list[Doc], top: int = 20) -> tuple[str, list[dict]]:
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        _pipeline_one((d.path, d.entry))
    prof.disable()
    stats = pstats.Stats(prof)
    rows = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": func, "where": f"{_short(file)}:{line}", "calls": nc,
                     "tottime": tt, "cumtime": ct})
    total = max((r["cumtime"] for r in rows), default=0.0)
    lines = [f"cProfile of the full pipeline on {len(docs)} articles "
             f"({total:.2f} s under the profiler)"]
    for title, key in (("by cumulative time", "cumtime"), ("by own time", "tottime")):
        lines.append(f"  top {top} {title}:")
        lines.append(f"    {'cumtime':>8} {'tottime':>8} {'calls':>9}  function (file:line)")
        for r in sorted(rows, key=lambda r: r[key], reverse=True)[:top]:
            lines.append(f"    {r['cumtime']:8.3f} {r['tottime']:8.3f} {r['calls']:9d}  "
                         f"{r['function']} ({r['where']})")
    rows.sort(key=lambda r: r["cumtime"], reverse=True)
    return "\n".join(lines), rows[:60]


def _short(file: str) -> str:
    for anchor in (str(ROOT) + os.sep, os.sep + "site-packages" + os.sep):
        if anchor in file:
            return file.split(anchor, 1)[1]
    return file


# --------------------------------------------------------------------------- report


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description="Extractor speed, memory and gold accuracy vs dateparser.search_dates.")
    ap.add_argument("--articles", type=int, default=2000,
                    help="generated articles (default 2000; 10000 for the memory run)")
    ap.add_argument("--naive-sample", type=int, default=60,
                    help="generated articles given to the naive approach, plus the seed ones "
                         "(default 60)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="worker processes for the all-cores figures (default: nproc)")
    ap.add_argument("--skip-naive", action="store_true", help="do not run the naive approach")
    ap.add_argument("--repeat", type=int, default=5,
                    help="runs of the extractor on the naive sample (their median is compared)")
    ap.add_argument("--profile", type=int, default=300, metavar="N",
                    help="profile the pipeline on N articles (default 300; 0: no profile)")
    ap.add_argument("--memory-only", action="store_true",
                    help="only the scan() runs in child processes (time and peak RSS)")
    ap.add_argument("--corpus-dir", default=str(DEFAULT_OUT),
                    help=f"where the generated corpus goes (default {DEFAULT_OUT})")
    ap.add_argument("--seed-corpus", default=None,
                    help="the seed corpus folder (default ../shared/corpus or $ARMS_CORPUS)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    ap.add_argument("--json", metavar="PATH", help="also save the figures as JSON")
    ap.add_argument("--_scan-child", action="store_true", help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def _progress(msg: str) -> None:
    """Stage-by-stage progress on stderr (the table goes to stdout)."""
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def _rate(n_bytes: int, n_articles: int, times: Times) -> dict:
    seconds, cpu = times
    return {"seconds": seconds, "cpu_seconds": cpu, "articles": n_articles, "mb": mb(n_bytes),
            "mb_per_s": mb(n_bytes) / seconds if seconds else 0.0,
            "articles_per_s": n_articles / seconds if seconds else 0.0,
            "mb_per_cpu_s": mb(n_bytes) / cpu if cpu else 0.0}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args._scan_child:
        return _scan_child()
    out = print
    command = shlex.join([Path(sys.executable).name, *sys.argv]) if argv is None else \
        shlex.join(["python", "bench/extract_bench.py", *argv])
    workers = max(1, args.workers)
    fig: dict = {"command": command, "machine": {
        "nproc": os.cpu_count(), "python": platform.python_version(),
        "platform": platform.platform(), "processor": platform.processor() or platform.machine(),
        "load_before": _load()}}

    seed_dir = Path(args.seed_corpus) if args.seed_corpus else default_seed_corpus()
    if not (seed_dir / MANIFEST).is_file():
        out(f"note: no seed corpus at {seed_dir} (no gold accuracy; generated articles only)")
        seed_dir = None
    gen_dir = Path(args.corpus_dir)
    t = time.perf_counter()
    index = ensure_corpus(gen_dir, args.articles, args.seed)
    gen_seconds = time.perf_counter() - t
    docs = load_docs(gen_dir, index, seed_dir)
    seed_docs = [d for d in docs if d.seed]
    gen_docs = [d for d in docs if not d.seed]
    total_bytes = sum(d.size for d in docs)
    fig["corpus"] = {"generated_dir": str(gen_dir), "generated_articles": len(gen_docs),
                     "generated_mb": mb(sum(d.size for d in gen_docs)),
                     "seed_dir": str(seed_dir) if seed_dir else None,
                     "seed_articles": len(seed_docs), "mb": mb(total_bytes),
                     "generator_seed": args.seed, "generation_seconds": gen_seconds}
    rows: list[tuple[str, str, dict]] = []

    # (a) scan() in child processes: the product's speed and its peak memory
    manifests = [gen_dir / MANIFEST] + ([seed_dir / MANIFEST] if seed_dir else [])
    all_paths = [d.path for d in docs]
    fifth = all_paths[: max(1, len(all_paths) // 5)]
    scans = {}
    for label, paths, w in (("scan 1 worker", all_paths, 1),
                            (f"scan {workers} workers", all_paths, workers),
                            (f"scan {workers} workers, first fifth", fifth, workers)):
        _progress(f"{label} ({len(paths)} articles)")
        r = run_scan_child(paths, manifests, w, gen_dir / "corpus.yaml")
        n_bytes = sum(p.stat().st_size for p in paths)
        scans[label] = {**r, **_rate(n_bytes, len(paths), (r["seconds"], r["cpu_seconds"])),
                        "workers": w}
        rows.append(("a", label, scans[label]))
    fig["scan"] = scans

    articles: dict[Path, Article] = {}
    if not args.memory_only:
        # (a) the pipeline article by article on one core, and in a pool on all cores
        _progress("pipeline 1 worker")
        pipe_s, events = time_pipeline(docs)
        rows.append(("a", "pipeline 1 worker", {**_rate(total_bytes, len(docs), pipe_s),
                                                "events": events}))
        _progress(f"pipeline pool {workers} workers")
        pool_s, pool_events = time_pool(docs, workers)
        rows.append(("a", f"pipeline pool {workers} workers",
                     {**_rate(total_bytes, len(docs), pool_s), "events": pool_events}))
        # (a) find_dates alone on each article's whole text
        articles = {d.path: read_article(d.path, manifest=d.entry) for d in docs}
        _progress("find_dates 1 worker")
        fd_s, mentions = time_find_dates(docs, articles)
        rows.append(("a", "find_dates 1 worker", {**_rate(total_bytes, len(docs), fd_s),
                                                  "mentions": mentions}))

    naive: dict = {}
    found: dict[Path, list] = {}
    if not args.skip_naive and not args.memory_only:
        rng = random.Random(args.seed)
        sample = seed_docs + rng.sample(gen_docs, min(args.naive_sample, len(gen_docs)))
        texts = {d.path: articles[d.path].text for d in sample}
        s_bytes = sum(d.size for d in sample)
        _progress(f"search_dates on {len(sample)} articles")
        nv_s, found = time_naive(sample, texts)
        naive = {**_rate(s_bytes, len(sample), nv_s),
                 "sample": f"{len(seed_docs)} seed + {len(sample) - len(seed_docs)} generated "
                           f"articles (random, seed {args.seed})",
                 "dates": sum(len(v) for v in found.values())}
        rows.append(("b", "search_dates 1 worker (sample)", naive))
        # (a) on exactly the same sample, for the like-for-like ratio: timed on its own after
        # the runs above (so nothing is loaded for the first time in it), the median of
        # --repeat runs
        _progress(f"pipeline and find_dates on the same {len(sample)} articles "
                  f"(median of {args.repeat})")
        same_pipe = time_repeated(
            lambda: [_pipeline_one((d.path, d.entry)) for d in sample], args.repeat)
        same_fd = time_repeated(
            lambda: [find_dates(articles[d.path].text, articles[d.path].published,
                                language=articles[d.path].language or "en") for d in sample],
            args.repeat)
        rows.append(("a", "pipeline 1 worker, same sample", _rate(s_bytes, len(sample), same_pipe)))
        rows.append(("a", "find_dates 1 worker, same sample", _rate(s_bytes, len(sample), same_fd)))
        # on CPU time (robust to other work on the machine), and on wall time
        for k, clock in ((1, "cpu"), (0, "wall")):
            naive[f"ratio_pipeline_same_sample_{clock}"] = nv_s[k] / same_pipe[k]
            naive[f"ratio_find_dates_same_sample_{clock}"] = nv_s[k] / same_fd[k]
        naive["ratio_pipeline_all_cpu"] = (mb(total_bytes) / pipe_s[1]) / naive["mb_per_cpu_s"]
        fig["naive"] = naive
    fig["rows"] = [{"side": s, "what": w, **v} for s, w, v in rows]

    # accuracy on the gold set
    acc: dict = {}
    if seed_dir is not None and GOLD.is_file() and not args.memory_only:
        gold = load_gold(GOLD)
        result = scan([seed_dir], manifest=load_manifest(seed_dir / MANIFEST))
        sc = score(result.timeline, gold)
        acc["extractor"] = {"recall": sc.recall, "precision": sc.precision,
                            "found": sc.found_matters, "matters": sc.gold_matters,
                            "true_positives": sc.true_positives, "candidates": sc.candidates,
                            "type_accuracy": sc.type_accuracy,
                            "missed": [f"{g.file}: {g.quote[:60]}" for g in sc.missed]}
        if found:
            acc["naive"] = naive_gold(docs, found, articles, gold)
        fig["accuracy"] = acc

    prof_text = ""
    if args.profile and not args.memory_only:
        prof_docs = gen_docs[: args.profile]
        _progress(f"profile on {len(prof_docs)} articles")
        prof_text, prof_rows = profile_pipeline(prof_docs)
        fig["profile"] = {"articles": len(prof_docs), "top": prof_rows}

    # ------------------------------------------------------------------- print
    m = fig["machine"]
    m["load_after"] = _load()
    out(f"machine: nproc {m['nproc']}, Python {m['python']}, {m['platform']}; load average "
        f"(1/5/15 min) {m['load_before']} before, {m['load_after']} after")
    out(f"command: {command}")
    c = fig["corpus"]
    out(f"corpus: {c['generated_articles']} generated articles ({c['generated_mb']:.2f} MB, "
        f"seed {args.seed}, {gen_dir}) + {c['seed_articles']} seed articles ({seed_dir}); "
        f"{c['mb']:.2f} MB in all")
    out("")
    head = (f"{'':2}{'what':36} {'articles':>8} {'MB':>6} {'wall s':>7} {'MB/s':>7} "
            f"{'art/s':>6} {'CPU s':>7} {'MB/CPU-s':>8} {'peak RSS MB':>11}")
    out(head)
    out("-" * len(head))
    for side, what, r in rows:
        rss = ""
        if "peak_rss_mb" in r:
            rss = f"{r['peak_rss_mb']:.0f}"
            if r.get("workers", 1) > 1:
                rss += f" +{r['peak_rss_children_mb']:.0f}"
        out(f"{side:2}{what:36} {r['articles']:8d} {r['mb']:6.2f} {r['seconds']:7.2f} "
            f"{r['mb_per_s']:7.3f} {r['articles_per_s']:6.1f} {r['cpu_seconds']:7.2f} "
            f"{r['mb_per_cpu_s']:8.3f} {rss:>11}")
    out("")
    out("(a) this extractor, (b) dateparser.search.search_dates(text, languages=['en'], "
        "settings={'RELATIVE_BASE': published}).")
    out("wall s: elapsed; CPU s: CPU time of the process(es) doing the work (for scan, of the "
        "whole child process and its workers, Python start-up and imports included); "
        "MB/CPU-s is unbiased by other work on the machine.")
    out("peak RSS: ru_maxrss of the scan's own process (+ its largest worker process).")
    for label, r in scans.items():
        if r["failures"]:
            out(f"  {label}: {r['failures']} failures, e.g. {r['failure_examples'][0]}")
        out(f"  {label}: {r['events']} events; publication date of generated articles found "
            f"right {r['published_right']}/{r['published_checked']}")
    full, part = scans[f"scan {workers} workers"], scans[f"scan {workers} workers, first fifth"]
    grow = (full["peak_rss_mb"] - part["peak_rss_mb"]) / max(1, full["articles"] - part["articles"])
    out(f"memory growth of the streamed scan: {grow * 1000:.1f} MB per 1000 more articles "
        f"({part['peak_rss_mb']:.0f} MB at {part['articles']}, {full['peak_rss_mb']:.0f} MB at "
        f"{full['articles']}); goal: flat, under {GOAL_PEAK_MB:.0f} MB at 10,000 articles")
    fig["memory_growth_mb_per_1000"] = grow * 1000
    if naive:
        out("")
        out(f"naive sample: {naive['sample']}; {naive['dates']} dates returned")
        out(f"speed ratio (a)/(b) on one core, same texts, CPU time: full pipeline "
            f"{naive['ratio_pipeline_same_sample_cpu']:.1f}x, find_dates alone "
            f"{naive['ratio_find_dates_same_sample_cpu']:.1f}x (goal >= {GOAL_RATIO:.0f}x); "
            f"wall time: {naive['ratio_pipeline_same_sample_wall']:.1f}x and "
            f"{naive['ratio_find_dates_same_sample_wall']:.1f}x; pipeline MB/CPU-s on all texts "
            f"/ naive MB/CPU-s on the sample: {naive['ratio_pipeline_all_cpu']:.1f}x")
    if acc:
        out("")
        e = acc["extractor"]
        out(f"gold set ({GOLD.relative_to(ROOT)}, the {len(seed_docs)} seed articles):")
        out(f"  (a) extractor: recall {e['recall']:.2f} ({e['found']}/{e['matters']} events that "
            f"matter), precision {e['precision']:.2f} ({e['true_positives']}/{e['candidates']} "
            f"candidates), type accuracy {e['type_accuracy']:.2f}  [extract.gold.score]")
        for x in e["missed"]:
            out(f"      missed: {x}")
        if "naive" in acc:
            nv = acc["naive"]
            out(f"  (b) naive:     recall {nv['recall']:.2f} ({nv['found']}/{nv['matters']} events "
                f"that matter; {nv['found_any_gold']}/{nv['gold']} of all gold events); "
                f"precision not defined (no events: {nv['hits_total']} raw dates returned)")
            out("      counted found when search_dates returns a date located inside the gold "
                "sentence whose day falls within a gold date span (any precision; generous)")
            for x in nv["missed"]:
                out(f"      missed: {x}")
    if prof_text:
        out("")
        out(prof_text)
    if args.json:
        p = Path(args.json)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps(fig, indent=2, default=str) + "\n", encoding="utf-8")
        out(f"\nfigures saved to {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

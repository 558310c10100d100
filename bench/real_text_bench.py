"""The extractor's speed on real news text against the naive approach, past start-up.

The texts: the 30 dev-set articles (``../shared/devset``, read as files with their manifest)
and the 256 TempEval-3 TimeML documents (``../shared/peer``, their text with their creation time
as the publication date). For each, CPU time of

* this extractor's full pipeline: reading the article (for the dev set), the date finder and
  the candidate events (``extract_events``);
* the date finder alone;
* the naive approach, ``dateparser.search.search_dates`` over the whole text (bench/naive.py),

each measured after one warm-up pass over all the texts (imports, compiled patterns and caches
are start-up, not speed), as the best of ``--repeat`` passes. Prints MB per CPU-second and the
ratios. Usage: ``python bench/real_text_bench.py [--repeat 3] [--naive-sample N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract.article import Article, article_from_text, load_manifest, read_article  # noqa: E402
from extract.dates import find_dates  # noqa: E402
from extract.events import Gazetteers, extract_events  # noqa: E402


def texts() -> list[tuple[str, Callable[[], Article], str, str | None]]:
    """(name, how to read it as an article, its text, its publication date)."""
    out: list[tuple[str, Callable[[], Article], str, str | None]] = []
    dev = SHARED / "devset"
    if (dev / "texts").is_dir():
        manifest = load_manifest(dev / "sources.yaml")
        for path in sorted((dev / "texts").glob("*.txt")):
            art = read_article(path, manifest=manifest)
            out.append((f"devset/{path.name}",
                        lambda p=path: read_article(p, manifest=manifest),
                        art.text, art.published))
    else:
        print(f"skipped the dev set: {dev} is absent", file=sys.stderr)
    tml = SHARED / "peer" / "tempeval3-train"
    if tml.is_dir():
        from timeml_eval import load_tml
        for path in sorted(tml.rglob("*.tml")):
            text, dct, _gold = load_tml(path)
            entry = {"t.txt": {"published": dct}} if dct else None
            out.append((f"timeml/{path.name}",
                        lambda t=text, e=entry: article_from_text(t, file="t.txt", manifest=e),
                        text, dct))
    else:
        print(f"skipped TimeML: {tml} is absent", file=sys.stderr)
    return out


def cpu(run: Callable[[], object], repeat: int) -> float:
    """Best CPU seconds of ``repeat`` runs, after one warm-up run."""
    run()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed passes (best counts)")
    ap.add_argument("--naive-sample", type=int, default=0,
                    help="time the naive approach on every Nth text only (0: all)")
    args = ap.parse_args(argv)
    from naive import search

    docs = texts()
    if not docs:
        print("no real texts found (they live in ../shared)", file=sys.stderr)
        return 2
    gaz = Gazetteers.load()
    mb = sum(len(t) for _n, _r, t, _p in docs) / 1e6

    def pipeline() -> None:
        for _name, read, _text, _pub in docs:
            extract_events(read(), "s", gazetteers=gaz)

    def dates() -> None:
        for _name, _read, text, pub in docs:
            find_dates(text, pub)

    sample = docs[::args.naive_sample] if args.naive_sample > 0 else docs
    mb_naive = sum(len(t) for _n, _r, t, _p in sample) / 1e6

    def naive() -> None:
        for _name, _read, text, pub in sample:
            base = dt.datetime.fromisoformat(pub) if pub and len(pub) == 10 else None
            search(text, base)

    t_pipe, t_dates = cpu(pipeline, args.repeat), cpu(dates, args.repeat)
    t_naive = cpu(naive, max(1, min(args.repeat, 2)))
    rates = {"full pipeline": mb / t_pipe, "date finder alone": mb / t_dates,
             "naive search_dates": mb_naive / t_naive}
    print(f"{len(docs)} real texts, {mb:.2f} MB (naive on {len(sample)}, {mb_naive:.2f} MB)")
    print("| | MB per CPU-second | ratio to naive |")
    print("|---|---|---|")
    for name, rate in rates.items():
        print(f"| {name} | {rate:.3f} | {rate / rates['naive search_dates']:.1f}x |")
    print("command: python bench/real_text_bench.py" + "".join(
        f" --{k.replace('_', '-')} {v}" for k, v in vars(args).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

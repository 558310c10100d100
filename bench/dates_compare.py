"""Record, and compare, what the date finder gives on every text we have: a refactor's check.

The date finder's output (``find_dates`` as the ``dates`` command writes it, and ``to_timeml``)
on the TempEval-3 TimeML texts, the five seed articles, the 30 dev-set articles and a generated
corpus of 2,000 articles is written as one JSON line per text. Run it before a change with
``--write``, after it with ``--check``: the check names every text whose output differs and
exits 1, so a refactor that claims "output identical" can show it.

Usage:
    python bench/dates_compare.py --write bench/out/dates-before.jsonl
    python bench/dates_compare.py --check bench/out/dates-before.jsonl --repeat 5

``--repeat N`` also times ``find_dates`` alone on those texts (already read), N times, and
prints the best and the median: the speed of a change, beside its output.

Texts under ``../shared`` are skipped, saying so, when that folder is absent; the generated
corpus is made by ``bench/make_corpus.py`` (``--articles`` sets its size, 2,000 by default).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract.article import load_manifest, read_article  # noqa: E402
from extract.dates import find_dates, mention_json, timex3_view, to_timeml  # noqa: E402


def _timeml_texts() -> Iterator[tuple[str, str, str | None]]:
    from timeml_eval import load_tml
    root = SHARED / "peer" / "tempeval3-train"
    if not root.is_dir():
        print(f"skipped TimeML: {root} is absent", file=sys.stderr)
        return
    for path in sorted(root.rglob("*.tml")):
        text, dct, _gold = load_tml(path)
        yield f"timeml/{path.relative_to(root)}", text, dct


def _articles(folder: Path, label: str) -> Iterator[tuple[str, str, str | None]]:
    if not folder.is_dir():
        print(f"skipped {label}: {folder} is absent", file=sys.stderr)
        return
    manifest_path = next((p for p in (folder / "sources.yaml", folder.parent / "sources.yaml")
                          if p.is_file()), None)
    manifest = load_manifest(manifest_path) if manifest_path else None
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".txt", ".html", ".htm", ".md"):
            continue
        art = read_article(path, manifest=manifest)
        yield f"{label}/{path.name}", art.text, art.published


def _generated(n: int, folder: Path) -> Iterator[tuple[str, str, str | None]]:
    from make_corpus import make_corpus
    out = folder / f"compare-corpus-{n}"
    make_corpus(out, n)
    yield from _articles(out, "generated")


def texts(n_generated: int, corpus_dir: Path = ROOT / "bench" / "out",
          ) -> list[tuple[str, str, str | None]]:
    """(name, text, publication date) of every text, in a fixed order; the generated articles
    are written under ``corpus_dir``."""
    sources = [_timeml_texts(), _articles(SHARED / "corpus", "seed"),
               _articles(SHARED / "devset" / "texts", "devset"),
               _generated(n_generated, corpus_dir)]
    return [t for src in sources for t in src]


def records(all_texts: list[tuple[str, str, str | None]]) -> Iterator[dict]:
    for name, text, published in all_texts:
        mentions = find_dates(text, published)
        rec = {"text": name, "published": published,
               "mentions": [mention_json(m) for m in mentions]}
        if name.startswith("timeml/"):
            tml = to_timeml(text, timex3_view(mentions), published)
            rec["timeml_sha256"] = hashlib.sha256(tml.encode()).hexdigest()
        yield rec


def timed(all_texts: list[tuple[str, str, str | None]], repeat: int) -> list[float]:
    """Seconds of ``find_dates`` over all the texts, once per repeat."""
    runs = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        for _name, text, published in all_texts:
            find_dates(text, published)
        runs.append(time.perf_counter() - t0)
    return runs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, help="record the output to this file")
    mode.add_argument("--check", type=Path, help="compare the output with this record")
    ap.add_argument("--articles", type=int, default=2000, help="generated articles (2000)")
    ap.add_argument("--corpus-dir", type=Path, default=ROOT / "bench" / "out",
                    help="where the generated articles are written (bench/out)")
    ap.add_argument("--repeat", type=int, default=0,
                    help="also time find_dates alone on the texts, this many times")
    args = ap.parse_args(argv)
    all_texts = texts(args.articles, args.corpus_dir)
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records(all_texts)]
    n_mentions = sum(len(json.loads(line)["mentions"]) for line in lines)
    print(f"{len(lines)} texts ({sum(len(t[1]) for t in all_texts) / 1e6:.1f} MB), "
          f"{n_mentions} mentions")
    if args.repeat > 0:
        runs = sorted(timed(all_texts, args.repeat))
        print(f"find_dates on all of them: best {runs[0]:.2f} s, median "
              f"{runs[len(runs) // 2]:.2f} s of {len(runs)} runs")
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"recorded to {args.write}")
        return 0
    before = args.check.read_text(encoding="utf-8").splitlines()
    old = {json.loads(line)["text"]: line for line in before}
    new = {json.loads(line)["text"]: line for line in lines}
    differ = [k for k in new if k in old and old[k] != new[k]]
    missing = sorted(set(old) - set(new))
    added = sorted(set(new) - set(old))
    for k in differ[:20]:
        print(f"differs: {k}")
    for k in missing[:20]:
        print(f"not read this time: {k}")
    for k in added[:20]:
        print(f"not in the record: {k}")
    same = len(new) - len(differ) - len(added)
    print(f"{same} of {len(old)} texts byte-identical; {len(differ)} differ, "
          f"{len(missing)} not read, {len(added)} new")
    return 1 if differ or missing or added else 0


if __name__ == "__main__":
    sys.exit(main())

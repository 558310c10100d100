"""The extractor on the dev set: real articles nobody here wrote, scored by the judges' rule.

Scans ``../shared/devset/texts`` with ``python -m extract scan`` (its manifest gives each
article's publisher and publication date) and scores the candidates with the dev set's own
``score.py``, the exact rule the extractor is judged by on articles the team never sees: once
over all the articles (the figures that count) and once per article (where the misses are).

Usage:
    python bench/devset_eval.py                 # the table per article, then the overall line
    python bench/devset_eval.py --misses        # also score.py's misses and unmatched candidates
    python bench/devset_eval.py --types         # also every found event typed unlike the gold
    python bench/devset_eval.py --keep out.yaml # keep the candidates file

The per-article lines re-run ``score.py`` on each article's candidates and gold alone: their
sums equal the overall counts (the matching is one-to-one within an article). ``--types``
repeats ``score.py``'s matching to show, for each found event whose type the gold does not
accept, the gold's types, the candidate's type and the candidate's quote.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
FIGURES = re.compile(r"core recall (?P<r>[\d.]+) \((?P<rn>\d+)/(?P<rd>\d+)\), precision "
                     r"(?P<p>[\d.]+) \((?P<pn>\d+)/(?P<pd>\d+)\), date right when evidence "
                     r"found (?P<d>[\d.]+), type (?P<t>[\d.]+)")


def scan_devset(devset: Path, out: Path) -> None:
    """The candidates of the dev set's texts, as the ``scan`` command writes them."""
    subprocess.run([sys.executable, "-m", "extract", "scan", str(devset / "texts"),
                    "--manifest", str(devset / "sources.yaml"), "--out", str(out)],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def gold_files(devset: Path) -> list[Path]:
    return sorted(devset.glob("gold-*.yaml"))


def score(devset: Path, candidates: Path, golds: list[Path], *extra: str,
          ) -> tuple[str, dict[str, str] | None]:
    """``score.py``'s output and its figures (None when it printed none)."""
    run = subprocess.run([sys.executable, str(devset / "score.py"), str(candidates),
                          *map(str, golds), *extra], capture_output=True, text=True)
    m = FIGURES.search(run.stdout)
    return run.stdout, (m.groupdict() if m else None)


def per_article(devset: Path, candidates: Path, golds: list[Path],
                tmp: Path) -> list[tuple[str, dict[str, str], int]]:
    """(file, figures, candidates) per article, scored on its own candidates and gold."""
    cand = yaml.safe_load(candidates.read_text(encoding="utf-8")) or {}
    gold_docs: dict[str, list[dict]] = {}
    for g in golds:
        for e in (yaml.safe_load(g.read_text(encoding="utf-8")) or {}).get("events") or []:
            gold_docs.setdefault(str(e["doc"]), []).append(e)
    file_of = {str(s["id"]): Path(str(s.get("file") or s["id"])).name
               for s in cand.get("sources") or []}
    rows = []
    for doc in sorted(set(file_of.values()) | set(gold_docs)):
        ids = {i for i, f in file_of.items() if f == doc}
        events = [e for e in cand.get("events") or []
                  if any(str(x.get("source")) in ids for x in e.get("evidence") or [])]
        one = {"version": cand.get("version", 1),
               "sources": [s for s in cand.get("sources") or [] if str(s["id"]) in ids],
               "events": events}
        cpath, gpath = tmp / f"{doc}.cand.yaml", tmp / f"{doc}.gold.yaml"
        cpath.write_text(yaml.safe_dump(one, allow_unicode=True, sort_keys=False),
                         encoding="utf-8")
        gpath.write_text(yaml.safe_dump({"events": gold_docs.get(doc, [])}, allow_unicode=True,
                                        sort_keys=False), encoding="utf-8")
        _out, figures = score(devset, cpath, [gpath])
        if figures is not None:
            rows.append((doc, figures, len(events)))
    return rows


def _load_score(devset: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("devset_score", devset / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def type_errors(devset: Path, candidates: Path, golds: list[Path]) -> list[str]:
    """Each found event typed unlike the gold, matched as ``score.py`` matches (its ``norm``
    and ``dstr``, one candidate per gold event, in the gold's order)."""
    sc = _load_score(devset)
    cand = sc.load(str(candidates))
    file_of = {str(s.get("id")): str(s.get("file") or s.get("id")).rsplit("/", 1)[-1]
               for s in cand.get("sources") or []}
    cands = []
    for e in cand.get("events") or []:
        if str(e.get("status", "candidate")).lower() == "rejected":
            continue
        ev = [(file_of.get(str(x.get("source")), str(x.get("source"))),
               sc.norm(x.get("quote")) + " || " + sc.norm(x.get("date_text")))
              for x in e.get("evidence") or []]
        cands.append({"e": e, "date": sc.dstr(e.get("date")), "end": sc.dstr(e.get("end")),
                      "type": str(e.get("type")), "ev": ev, "used": False})
    lines = []
    for g in (x for gp in golds for x in sc.load(str(gp)).get("events") or []):
        doc, dt = str(g["doc"]), sc.norm(g["date_text"])
        gd, ge = sc.dstr(g.get("date")), sc.dstr(g.get("end"))
        types = [g.get("type")] + list(g.get("alt_types") or [])
        evid = [c for c in cands if any(f == doc and dt in q for f, q in c["ev"])]
        if gd and gd.startswith("????"):
            right = [c for c in evid if c["date"] and c["date"][4:] == gd[4:]]
        else:
            right = [c for c in evid if c["date"] == gd and (ge is None or c["end"] == ge)]
        for alt in g.get("alt_dates") or []:
            ad, _, ae = str(alt).partition("/")
            right += [c for c in evid if c not in right and c["date"] == ad
                      and (not ae or c["end"] == ae)]
        free = [c for c in right if not c["used"]]
        if not free:
            continue
        best = next((c for c in free if c["type"] in types), free[0])
        best["used"] = True
        if best["type"] not in types:
            quote = sc.norm((best["e"].get("evidence") or [{}])[0].get("quote"))
            lines.append(f"  {doc} [{g['date_text']}] gold {'/'.join(map(str, types))}, "
                         f"got {best['type']}: {quote[:100]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=DEVSET, help="the dev set folder")
    ap.add_argument("--misses", action="store_true", help="score.py's misses and extras")
    ap.add_argument("--types", action="store_true", help="found events typed unlike the gold")
    ap.add_argument("--keep", type=Path, help="write the candidates file here")
    args = ap.parse_args(argv)
    if not (args.devset / "score.py").is_file():
        print(f"no dev set at {args.devset} (it lives in ../shared/devset)", file=sys.stderr)
        return 2
    golds = gold_files(args.devset)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        candidates = args.keep or tmp / "devset-candidates.yaml"
        scan_devset(args.devset, candidates)
        rows = per_article(args.devset, candidates, golds, tmp)
        print("| article | core found | candidates matched | date right | type right |")
        print("|---|---|---|---|---|")
        for doc, f, _n in rows:
            print(f"| {doc} | {f['rn']}/{f['rd']} | {f['pn']}/{f['pd']} | {f['d']} | {f['t']} |")
        out, figures = score(args.devset, candidates, golds,
                             *(["--verbose"] if args.misses else []))
        if args.misses:
            print(out.rstrip().rsplit("\n", 1)[0])
        if args.types:
            print("found events typed unlike the gold:")
            print("\n".join(type_errors(args.devset, candidates, golds)) or "  none")
        print(out.rstrip().rsplit("\n", 1)[-1])
        print("command: python bench/devset_eval.py" + (" --misses" if args.misses else "")
              + (" --types" if args.types else ""))
    return 0 if figures is not None else 1


if __name__ == "__main__":
    sys.exit(main())

"""Generate deterministic candidates files for ``merge`` against a given timeline.

Each candidate event is one of the cases ``merge`` decides between, drawn from the timeline it
will be merged into: evidence the file already has (all of it, or part), the same happening as
an event (a new quote: joins a candidate, proposes corroboration of an accepted event), a date
within or around an event's (proposes corroboration), another system or figure (its own
event), the same happening as an earlier candidate in the file, and new events. Sources are
new texts (a digest), the file's own sources again (by id, or an older source seen again with
its digest), and some candidate ids are ids the file already has. Candidate *i* depends only
on the seed, *i* and the timeline.

Usage: python bench/make_candidates.py TIMELINE.yaml --count N [--seed S] --out FILE
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extract.timeline import Timeline, atomic_write, dumps, load  # noqa: E402

SYSTEMS = ["Harop", "Orbiter 1K", "Hermes 900", "Barak 8", "LORA", "Spike NLOS", "Sky Striker"]
COUNTRIES = ["Israel", "Azerbaijan", "Armenia", "Turkey", "Russia", "Ukraine", "Georgia"]
TYPES = ["deal", "delivery", "combat_use", "visit", "meeting_call"]
CASES = (("copy", 12), ("part", 6), ("same", 20), ("within", 12), ("other_system", 4),
         ("other_value", 4), ("repeat", 10), ("new", 32))


def _coarser(date: str) -> str:
    return date[:7] if len(date) == 10 else date[:4]


def candidates_for(base: Timeline, count: int, *, seed: int = 7) -> Timeline:
    """``count`` candidate events (and their sources) to merge into ``base``."""
    rng = random.Random(f"{seed}:candidates")
    events = [e.model_dump(mode="json", exclude_none=True) for e in base.events]
    base_sources = [s.model_dump(mode="json", exclude_none=True) for s in base.sources]
    n_new_sources = max(3, count // 6)
    sources = []
    for j in range(n_new_sources):
        text = f"{seed}:{j}"
        sources.append({"id": f"cand-src-{j:05d}", "title": f"Candidate report {j}",
                        "publisher": "Generated Wire", "published": f"{2000 + j % 25}-0{1 + j % 9}",
                        "digest": "sha256:" + hashlib.sha256(text.encode()).hexdigest()})
    for k, src in enumerate(base_sources):  # every source the copied evidence may cite
        again = dict(src)
        if k % 7 == 1 and not again.get("digest"):  # an older source seen again: its digest
            again["digest"] = "sha256:" + hashlib.sha256(f"old:{src['id']}".encode()).hexdigest()
        sources.append(again)
    source_ids = [s["id"] for s in sources]
    out: list[dict] = []
    for i in range(count):
        case = rng.choices([c for c, _ in CASES], weights=[w for _, w in CASES])[0]
        if case == "repeat" and out:
            cand = dict(rng.choice(out))
            cand["evidence"] = [{"source": rng.choice(source_ids),
                                 "quote": f"Repeated report {i} of {cand['title']}.",
                                 "date_text": str(cand["date"])}]
            cand["id"] = f"cand-{i:06d}"
            out.append(cand)
            continue
        if case in ("copy", "part", "same", "within", "other_system", "other_value") and events:
            base_event = rng.choice(events)
            cand = {k: v for k, v in base_event.items()
                    if k not in ("status", "reviewed_by", "reviewed_at", "corroborates",
                                 "notes", "summary")}
            cand["id"] = base_event["id"] if rng.random() < 0.3 else f"cand-{i:06d}"
            new_quote = {"source": rng.choice(source_ids),
                         "quote": f"Report {i}: {base_event['title']}.",
                         "date_text": str(base_event["date"])}
            if case == "copy":
                pass
            elif case == "part":
                cand["evidence"] = [base_event["evidence"][0], new_quote]
            else:
                cand["evidence"] = [new_quote]
            if case == "within":
                date = str(cand["date"])
                if len(date) > 4 and "end" not in cand:
                    cand["date"] = _coarser(date)
                elif len(date) == 4:
                    cand["date"] = f"{date}-0{1 + i % 9}-1{i % 9}"
                    cand.pop("end", None)
            elif case == "other_system":
                cand["systems"] = [s for s in SYSTEMS if s not in cand.get("systems", ())][:1]
            elif case == "other_value":
                cand["value"] = {"amount": 1000 + i, "currency": "USD"}
            cand["status"] = "candidate"
            out.append(cand)
            continue
        a, b = rng.sample(COUNTRIES, 2)
        year = rng.randint(1995, 2024)
        date = rng.choice([str(year), f"{year}-{rng.randint(1, 12):02d}",
                           f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
        kind = rng.choice(TYPES)
        cand = {"id": f"cand-{i:06d}", "title": f"{a} and {b}: candidate {i}", "date": date,
                "type": kind, "actors": [a, b], "systems": [rng.choice(SYSTEMS)],
                "evidence": [{"source": rng.choice(source_ids),
                              "quote": f"New report {i} on {a} and {b}.", "date_text": date}],
                "status": "candidate", "confidence": round(rng.random(), 2)}
        if rng.random() < 0.05:
            cand["deal"] = f"gen-deal-{i % 50}"
        out.append(cand)
    ids: dict[str, int] = {}
    for cand in out:  # a candidates file has unique ids (scan makes them so)
        n = ids.get(cand["id"], 0)
        ids[cand["id"]] = n + 1
        if n:
            cand["id"] = f"{cand['id']}-c{n}"
    return Timeline.model_validate({"version": 1, "sources": sources, "events": out})


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("timeline", type=Path)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cands = candidates_for(load(args.timeline), args.count, seed=args.seed)
    atomic_write(args.out, dumps(cands, header="generated by bench/make_candidates.py")
                 .encode("utf-8"))
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

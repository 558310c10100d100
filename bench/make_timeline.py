"""Generate deterministic, valid timeline files (events.yaml) for the dashboard benchmark.

Each file is what a curated timeline of that size looks like: five event types in a realistic
mix (deals, deliveries, combat use, visits, calls), dates known to the day, the month or only
the year, some periods (``end``), 1-3 pieces of evidence per event with quotes of ~150-300
characters, about one source per five events, mostly accepted events with some candidates.
Files are written with :func:`extract.timeline.dumps` (the canonical layout) and verified with
:func:`extract.timeline.load` (without the parse cache, so verifying warms nothing).

Event *i* depends only on the seed and *i*, so a file of 1,000 events starts with the 100
events of the 100-event file, and the same arguments write identical bytes. A file is reused
when its sidecar ``.meta.json`` names the same seed, count and generator.

Usage: python bench/make_timeline.py [--sizes 100,1000,10000,50000] [--seed S] [--out DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extract.timeline import Timeline, atomic_write, dumps, load  # noqa: E402

DEFAULT_OUT = ROOT / "bench" / "out" / "timelines"
DEFAULT_SIZES = (100, 1_000, 10_000, 50_000)
DEFAULT_SEED = 20230531
# a file is reused only if written by this very generator (any edit here regenerates it)
GENERATOR = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]

TYPE_MIX = (("deal", 30), ("delivery", 25), ("combat_use", 15), ("visit", 18),
            ("meeting_call", 12))
PRECISION_MIX = (("day", 60), ("month", 28), ("year", 12))
COUNTRIES = ["Israel", "Azerbaijan", "Armenia", "Turkey", "Russia", "Ukraine", "Georgia",
             "Iran", "India", "Greece", "Cyprus", "Kazakhstan", "Serbia", "France", "Pakistan",
             "United States", "Belarus", "Uzbekistan", "Morocco", "Vietnam"]
SYSTEMS = ["Harop", "Orbiter 1K", "Hermes 900", "Barak 8", "LORA", "Spike NLOS", "Sky Striker",
           "Heron TP", "Bayraktar TB2", "Iron Dome", "Polonez", "S-300", "Tor-M2", "Smerch",
           "Elbit Hermes 450", "SkyStriker", "Python-5", "Derby", "Green Pine", "EXTRA"]
PEOPLE = ["Ilham Aliyev", "Benny Gantz", "Isaac Herzog", "Zakir Hasanov", "Yoav Gallant",
          "Nikol Pashinyan", "Jeyhun Bayramov", "Eli Cohen", "Hikmet Hajiyev", "Yair Lapid"]
PUBLISHERS = ["Caspian News", "Caliber.Az", "Hayaliq", "defence-industry.eu",
              "The Times of Israel", "Defense Post", "Regional Review", "Caucasus Monitor",
              "Eurasia Daily Wire", "Jerusalem Security Report", "Baku Observer",
              "South Caucasus Analytics"]
VERBS = {"deal": "signed a contract for", "delivery": "took delivery of",
         "combat_use": "was seen using", "visit": "hosted a delegation to discuss",
         "meeting_call": "held a call about"}
FILLER = ("according to officials familiar with the matter, who spoke on condition of "
          "anonymity because the talks were not public, and the ministry declined to comment "
          "on the size or the value of the package beyond its earlier statement, while "
          "analysts said the move fits a longer pattern of cooperation in the region")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def _pick(rng: random.Random, mix: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in mix], weights=[w for _, w in mix])[0]


def _date(rng: random.Random) -> tuple[str | int, str, dt.date]:
    """(the date as written, its date words, its first day)."""
    year = rng.randint(1995, 2024)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    precision = _pick(rng, PRECISION_MIX)
    if precision == "year":
        return year, f"in {year}", dt.date(year, 1, 1)
    if precision == "month":
        return f"{year}-{month:02d}", f"in {MONTHS[month - 1]} {year}", dt.date(year, month, 1)
    return (f"{year}-{month:02d}-{day:02d}", f"on {MONTHS[month - 1]} {day}, {year}",
            dt.date(year, month, day))


def _quote(rng: random.Random, actor: str, other: str, system: str, kind: str,
           words: str) -> str:
    head = f"{actor} {VERBS[kind]} {system} with {other} {words}, "
    target = rng.randint(150, 300)
    tail = FILLER[: max(0, target - len(head) - 1)].rsplit(" ", 1)[0]
    return (head + tail).rstrip(", ") + "."


def event_data(i: int, seed: int, n_sources: int) -> dict:
    """Event *i* as YAML-ready data (depends only on ``seed`` and ``i``)."""
    rng = random.Random(f"{seed}:{i}")
    kind = _pick(rng, TYPE_MIX)
    date, words, first = _date(rng)
    actor, other = rng.sample(COUNTRIES, 2)
    system = rng.choice(SYSTEMS)
    data: dict = {
        "id": f"{kind.replace('_', '-')}-{i:06d}",
        "title": f"{actor} {VERBS[kind].split(' ', 1)[0]} {system} ({other}) #{i}",
        "date": date,
        "type": kind,
        "actors": [actor, other],
        "systems": [system],
        "status": "candidate" if rng.random() < 0.1 else "accepted",
    }
    if rng.random() < 0.08:  # a period: a delivery programme, a campaign
        data["end"] = first.year + rng.randint(1, 4)
    if rng.random() < 0.2:
        data["people"] = rng.sample(PEOPLE, rng.randint(1, 2))
    if kind == "deal" and rng.random() < 0.5:
        amount = rng.randint(5, 5000) * 1_000_000
        data["value"] = {"amount": amount, "currency": "USD",
                         "text": f"${amount // 1_000_000} million"}
    if rng.random() < 0.3:
        data["summary"] = f"{actor} and {other}: {system}, {words}."
    data["evidence"] = [
        {"source": f"src-{rng.randrange(n_sources):05d}",
         "quote": _quote(rng, actor, other, system, kind, words),
         "date_text": words.split(" ", 1)[1]}
        for _ in range(rng.choice((1, 1, 2, 2, 3)))
    ]
    return data


def source_data(j: int, seed: int) -> dict:
    rng = random.Random(f"{seed}:source:{j}")
    publisher = rng.choice(PUBLISHERS)
    year, month, day = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28)
    slug = "".join(c if c.isalnum() else "-" for c in publisher.lower()).strip("-")
    return {
        "id": f"src-{j:05d}",
        "title": f"Report {j} on regional defence cooperation",
        "publisher": publisher,
        "published": f"{year}-{month:02d}-{day:02d}",
        "url": f"https://{slug}.example/{year}/{month:02d}/report-{j}",
    }


def make_timeline(events: int, *, seed: int = DEFAULT_SEED) -> Timeline:
    """A valid :class:`Timeline` of ``events`` events and ``max(1, events // 5)`` sources."""
    n_sources = max(1, events // 5)
    return Timeline.model_validate({
        "version": 1,
        "sources": [source_data(j, seed) for j in range(n_sources)],
        "events": [event_data(i, seed, n_sources) for i in range(events)],
    })


def write_timeline(out: Path, events: int, *, seed: int = DEFAULT_SEED,
                   verify: bool = True) -> Path:
    """Write ``events-<N>.yaml`` into ``out`` (reused when seed, count and generator match)."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"events-{events}.yaml"
    meta_path = out / f"events-{events}.meta.json"
    meta = {"events": events, "seed": seed, "generator": GENERATOR}
    if path.exists() and meta_path.exists():
        try:
            old = json.loads(meta_path.read_text())
            if {k: old.get(k) for k in meta} == meta and old.get("sha256") == hashlib.sha256(
                    path.read_bytes()).hexdigest():
                return path
        except (OSError, ValueError):
            pass
    text = dumps(make_timeline(events, seed=seed),
                 header=f"generated by bench/make_timeline.py: {events} events, seed {seed}")
    data = text.encode("utf-8")
    atomic_write(path, data)
    if verify:
        loaded = load(path, cache=False)
        assert len(loaded.events) == events, (len(loaded.events), events)
    meta["sha256"] = hashlib.sha256(data).hexdigest()
    meta["bytes"] = len(data)
    atomic_write(meta_path, (json.dumps(meta, indent=1) + "\n").encode())
    return path


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                    help="comma-separated event counts (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-verify", action="store_true", help="skip the load() check")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        started = time.perf_counter()
        path = write_timeline(args.out, n, seed=args.seed, verify=not args.no_verify)
        print(f"{path}  {path.stat().st_size / 1e6:.1f} MB  "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

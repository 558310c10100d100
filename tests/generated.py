"""Generated timelines for tests of scale (written here, not read from bench/)."""

from __future__ import annotations

from pathlib import Path

from extract.timeline import EVENT_TYPES, Timeline, dumps

TYPES = EVENT_TYPES[:5]  # deal, delivery, combat use, visit, meeting/call


def many(n: int, *, first_year: int = 2000, years: int = 12) -> Timeline:
    """``n`` accepted events spread evenly over ``years`` years from ``first_year``: two in
    three known to the day, then month-only and year-only ones; every 25th a period of two
    years; every 40th approximate."""
    sources = [{"id": f"s{i}", "publisher": f"Publisher {i}"} for i in range(10)]
    events = []
    for i in range(n):
        year = first_year + i % years
        rank = i // years  # the how-many-th event of its year
        month = f"{year}-{1 + rank % 12:02d}"
        date = [f"{month}-{1 + i % 28:02d}", f"{month}-{1 + i % 27:02d}", month,
                str(year)][rank % 4]
        event = {
            "id": f"e{i:05d}", "title": f"Event number {i}", "date": date,
            "type": TYPES[i % len(TYPES)], "actors": [f"Country {i % 7}"], "status": "accepted",
            "evidence": [{"source": f"s{i % 10}", "quote": f"Quote {i} about {year}."}],
        }
        if i % 25 == 0:
            event["end"] = str(year + 2)
            event["date"] = str(year)
        if i % 40 == 1:
            event["approximate"] = True
        events.append(event)
    return Timeline.model_validate({"version": 1, "sources": sources, "events": events})


def write_many(path: Path, n: int, **kwargs: int) -> Path:
    path.write_text(dumps(many(n, **kwargs)), encoding="utf-8")
    return path

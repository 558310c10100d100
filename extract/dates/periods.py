"""The gazetteer of named periods ("the Second Karabakh War", "the 44-day war"), loaded from
``extract/data/periods.yaml``."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from extract.dates.fastre import fast_compile

log = logging.getLogger("extract.dates")



PERIODS_FILE = Path(__file__).parent.parent / "data" / "periods.yaml"


# --------------------------------------------------------------------------------------------
# gazetteer
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Period:
    id: str
    name: str
    start: str
    end: str
    regex: re.Pattern[str] | None
    context_regex: re.Pattern[str] | None
    requires: re.Pattern[str] | None
    # lowercase words one of which every mention contains (None: scan the whole text)
    triggers: tuple[str, ...] | None = None


def _phrase_re(p: str) -> str:
    words = re.split(r"[\s-]+", p.strip())
    return r"[\s-]+".join(re.escape(w) for w in words if w)


@functools.lru_cache(maxsize=4)
def load_periods(path: str | None = None) -> tuple[_Period, ...]:
    """Load the named-period gazetteer (safe YAML loader, cached)."""
    import yaml  # PyYAML, a declared dependency

    p = Path(path) if path else PERIODS_FILE
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        log.error("cannot load period gazetteer %s: %s", p, exc)
        return ()
    out = []
    for e in data.get("periods") or []:
        try:
            alts = [_phrase_re(a) for a in e.get("aliases") or []]
            alts += [f"(?:{r})" for r in e.get("patterns") or []]
            ctx = [_phrase_re(a) for a in e.get("context_aliases") or []]
            ctx += [f"(?:{r})" for r in e.get("context_patterns") or []]
            req = e.get("requires_context")
            trig = e.get("triggers")
            if trig is None and not e.get("patterns"):
                # every alias contains its own last word
                trig = [re.split(r"[\s-]+", a.strip())[-1] for a in
                        (e.get("aliases") or []) + (e.get("context_aliases") or [])]
            out.append(_Period(
                id=str(e["id"]), name=str(e.get("name", e["id"])),
                start=str(e["start"]), end=str(e["end"]),
                regex=fast_compile(r"(?i)(?<!\w)(?:the\s+)?(?:" + "|".join(alts) + r")(?!\w)")
                if alts else None,
                context_regex=fast_compile(r"(?i)(?<!\w)(?:" + "|".join(ctx) + r")(?!\w)")
                if ctx else None,
                requires=fast_compile(str(req), re.I) if req else None,
                triggers=tuple(sorted({str(t).lower() for t in trig if str(t).strip()}))
                if trig else None,
            ))
        except (KeyError, re.error, TypeError) as exc:
            log.error("bad gazetteer entry %r: %s", e, exc)
    return tuple(out)


_PERIOD_WIN_L, _PERIOD_WIN_R = 120, 60


def _period_windows(text: str, low: str, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged windows around the trigger words of a named period (the whole text if the
    lowercase text does not line up with the text, as for a few non-ASCII letters)."""
    n = len(text)
    if len(low) != n:
        return [(0, n)]
    spans = []
    for t in triggers:
        i = low.find(t)
        while i >= 0:
            spans.append((max(0, i - _PERIOD_WIN_L), min(n, i + len(t) + _PERIOD_WIN_R)))
            i = low.find(t, i + 1)
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out

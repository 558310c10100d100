"""Evaluate extract.dates.find_dates against TempEval-3 TimeML gold (TimeBank, AQUAINT).

For each .tml document: the DCT TIMEX3 gives the publication date, the TEXT element with tags
stripped is the text, and the TIMEX3 elements inside TEXT are the gold mentions. The finder and
the naive baseline ``dateparser.search.search_dates(text, languages=['en'],
settings={'RELATIVE_BASE': dct})`` are run side by side.

Metrics per corpus and overall, per gold type and overall:
  * relaxed extent P/R/F1: a system mention matches a gold mention if the spans overlap
    (one-to-one, greedy in text order);
  * strict extent F1: same start and end;
  * value P/R/F1: a relaxed match whose normalized value equals the gold value counts;
    precision over the mentions found, recall over the gold mentions (string equality, as the
    official TempEval-3 scorer);
  * eqF1: value F1 counting values that differ only in notation as equal (``equivalent``):
    an unpadded week ('2000-W7' = '2000-W07'), trailing unknown fields ('1949-XX' = '1949',
    '1994-XX-XX' = '1994') and an X-padded decade ('198X' = '198'). AQUAINT writes these forms,
    TimeBank the others; the finder writes the ISO/TimeBank form;
  * MB/s: characters of text (UTF-8 bytes) processed per second of wall time.
find_dates is scored through ``timex3_view`` (the TimeML form ``to_timeml`` writes: "between
1994 and 1997" is two TIMEX3 points; a named period within one year is that year).
Per-type rows count gold by gold type, and system mentions by the type of the system mention
(search_dates has no types: all its mentions are DATE).

Baseline values: search_dates returns (substring, datetime) pairs. Each substring is located
in the text in order (searching forward from the previous hit) to get offsets; its value is
the datetime at the precision its own text shows: a 4-digit year alone -> 'YYYY', a month name
with a year and no day number -> 'YYYY-MM', a clock time -> 'YYYY-MM-DDTHH:MM', otherwise the
day 'YYYY-MM-DD' (the naive baseline).

Usage: python bench/timeml_eval.py [--limit N] [--corpus TimeBank|AQUAINT|all]
                                   [--no-baseline] [--errors] [--root DIR]
The data is read in place (LDC terms): nothing of it is written anywhere.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import naive  # noqa: E402  (bench/naive.py: the baseline both benches run)

from extract.dates import find_dates, timex3_view  # noqa: E402

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "peer" / "tempeval3-train"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass
class Span:
    start: int
    end: int
    value: str | None
    type: str
    text: str


def load_tml(path: Path) -> tuple[str, str | None, list[Span]]:
    root = ET.parse(path).getroot()
    dct = None
    dct_el = root.find("DCT")
    if dct_el is not None:
        t = dct_el.find("TIMEX3")
        if t is not None:
            dct = t.get("value")
    text_el = root.find("TEXT")
    buf: list[str] = []
    gold: list[Span] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        if el.text:
            buf.append(el.text)
            pos += len(el.text)
        for ch in el:
            st = pos
            walk(ch)
            if ch.tag == "TIMEX3":
                gold.append(Span(st, pos, ch.get("value"), ch.get("type", "DATE"),
                                 "".join(buf)[st:pos]))
            if ch.tail:
                buf.append(ch.tail)
                pos += len(ch.tail)

    if text_el is not None:
        walk(text_el)
    return "".join(buf), dct, gold


def equivalent(a: str | None, b: str | None) -> bool:
    """Values equal up to notation (see the module docstring)."""
    if a is None or b is None:
        return False
    return _canon(a) == _canon(b)


def _canon(v: str) -> str:
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", v)
    v = re.sub(r"^(\d{4}|XXXX)(?:-XX)+$", r"\1", v)
    return v[:3] if re.fullmatch(r"\d{3}X", v) else v


def baseline(text: str, dct: str | None) -> list[Span]:
    import datetime as dt

    base = None
    if dct and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct[:10]):
        base = dt.datetime.fromisoformat(dct[:10])
    out = []
    for i, end, s, d in naive.locate(text, naive.search(text, base)):
        if re.fullmatch(r"\s*(?:in\s+)?\d{4}\s*", s):
            v = f"{d.year:04d}"
        elif re.search(r"\d{1,2}:\d{2}", s):
            v = f"{d:%Y-%m-%dT%H:%M}"
        elif re.search(r"(?i)[a-z]{3}", s) and re.search(r"\b\d{4}\b", s) and not re.search(
                r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b\d{4}\b", "", s)):
            v = f"{d:%Y-%m}"
        else:
            v = f"{d:%Y-%m-%d}"
        out.append(Span(i, end, v, "DATE", s))
    return out


class Score:
    def __init__(self) -> None:
        self.c: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.bytes = 0
        self.seconds = 0.0

    def add(self, gold: list[Span], sys_: list[Span]) -> list[tuple[str, Span | None,
                                                                   Span | None]]:
        errs = []
        used: set[int] = set()
        for g in gold:
            self.c["all"]["gold"] += 1
            self.c[g.type]["gold"] += 1
        for s in sys_:
            self.c["all"]["sys"] += 1
            self.c[s.type]["sys"] += 1
        matched_sys: set[int] = set()
        for g in gold:
            best = None
            for j, s in enumerate(sys_):
                if j in used:
                    continue
                if s.start < g.end and g.start < s.end:
                    best = j
                    break
            if best is None:
                errs.append(("MISS", g, None))
                continue
            used.add(best)
            matched_sys.add(best)
            s = sys_[best]
            for key in ("all", g.type):
                self.c[key]["rel"] += 1
            self.c["sys_" + s.type]["rel_sys"] += 1
            self.c["sys_all"]["rel_sys"] += 1
            if s.start == g.start and s.end == g.end:
                self.c["all"]["strict"] += 1
                self.c[g.type]["strict"] += 1
                self.c["sys_" + s.type]["strict_sys"] += 1
                self.c["sys_all"]["strict_sys"] += 1
            if s.value is not None and s.value == g.value:
                self.c["all"]["val"] += 1
                self.c[g.type]["val"] += 1
                self.c["sys_" + s.type]["val_sys"] += 1
                self.c["sys_all"]["val_sys"] += 1
            else:
                errs.append(("VAL", g, s))
            if equivalent(s.value, g.value):
                self.c["all"]["veq"] += 1
                self.c[g.type]["veq"] += 1
                self.c["sys_" + s.type]["veq_sys"] += 1
                self.c["sys_all"]["veq_sys"] += 1
        for j, s in enumerate(sys_):
            if j not in matched_sys:
                errs.append(("FP", None, s))
        return errs

    def row(self, key: str) -> tuple[float, ...]:
        g = self.c[key]["gold"]
        sk = "sys_" + key
        sy = self.c[key]["sys"]

        def prf(tp_gold: int, tp_sys: int) -> tuple[float, float, float]:
            p = tp_sys / sy if sy else 0.0
            r = tp_gold / g if g else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return p, r, f

        rp, rr, rf = prf(self.c[key]["rel"], self.c[sk]["rel_sys"])
        _, _, sf = prf(self.c[key]["strict"], self.c[sk]["strict_sys"])
        vp, vr, vf = prf(self.c[key]["val"], self.c[sk]["val_sys"])
        _, _, ef = prf(self.c[key]["veq"], self.c[sk]["veq_sys"])
        return g, sy, rp, rr, rf, sf, vp, vr, vf, ef

    def mbps(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds else 0.0


def print_table(title: str, scores: dict[str, Score]) -> None:
    print(f"\n== {title}")
    hdr = (f"{'system':<13}{'type':<9}{'gold':>5}{'sys':>6}{'relP':>7}{'relR':>7}{'relF1':>7}"
           f"{'strF1':>7}{'valP':>7}{'valR':>7}{'valF1':>7}{'eqF1':>7}{'MB/s':>9}")
    print(hdr)
    print("-" * len(hdr))
    for name, sc in scores.items():
        for key in ("all",) + TYPES:
            g, sy, rp, rr, rf, sf, vp, vr, vf, ef = sc.row(key)
            if key != "all" and not g and not sy:
                continue
            mb = f"{sc.mbps():9.3f}" if key == "all" else ""
            print(f"{name:<13}{key:<9}{g:>5}{sy:>6}{rp:>7.3f}{rr:>7.3f}{rf:>7.3f}{sf:>7.3f}"
                  f"{vp:>7.3f}{vr:>7.3f}{vf:>7.3f}{ef:>7.3f}{mb}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per corpus")
    ap.add_argument("--corpus", default="all", choices=["TimeBank", "AQUAINT", "all"])
    ap.add_argument("--no-baseline", action="store_true", help="skip search_dates")
    ap.add_argument("--errors", action="store_true", help="print mismatches of find_dates")
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    a = ap.parse_args(argv)

    corpora = ["TimeBank", "AQUAINT"] if a.corpus == "all" else [a.corpus]
    systems = ["find_dates"] + ([] if a.no_baseline else ["search_dates"])
    overall = {s: Score() for s in systems}
    for corp in corpora:
        files = sorted((a.root / corp).glob("*.tml"))
        if a.limit:
            files = files[: a.limit]
        if not files:
            print(f"no .tml files in {a.root / corp}", file=sys.stderr)
            continue
        per = {s: Score() for s in systems}
        for f in files:
            text, dct, gold = load_tml(f)
            nbytes = len(text.encode("utf-8"))
            for sname in systems:
                t0 = time.perf_counter()
                if sname == "find_dates":
                    # scored as TimeML annotates them (what to_timeml writes): a year range in
                    # words is two TIMEX3 points, a named period within a year is that year
                    ms = timex3_view(find_dates(text, dct))
                    spans = [Span(m.start, m.end, m.value, m.type, m.text) for m in ms]
                else:
                    spans = baseline(text, dct)
                dt_ = time.perf_counter() - t0
                for sc in (per[sname], overall[sname]):
                    sc.bytes += nbytes
                    sc.seconds += dt_
                errs = per[sname].add(gold, spans)
                overall[sname].add(gold, spans)
                if a.errors and sname == "find_dates":
                    for kind, g, s in errs:
                        ctx_at = g.start if g else s.start
                        ctx = text[max(0, ctx_at - 50):ctx_at + 40].replace("\n", " ")
                        gs = f"{g.text!r} {g.type} {g.value}" if g else "-"
                        ss = f"{s.text!r} {s.type} {s.value}" if s else "-"
                        print(f"{kind:4} {f.name} dct={dct} gold={gs} sys={ss} | {ctx}")
        print_table(f"{corp} ({len(files)} documents)", per)
    if len(corpora) > 1:
        print_table("overall", overall)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

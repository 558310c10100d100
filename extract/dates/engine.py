"""The engine: candidates from every rule, the longest kept, resolved left to right."""

from __future__ import annotations

import bisect
import datetime as _dt
import logging
import re
from typing import Any

from extract.dates.calendars import _add_months_day, _dateline_day, _parse_published, _value_date
from extract.dates.context import _Ctx
from extract.dates.discourse import (
    _clock_before_day,
    _conjoined_days,
    _day_before_after,
    _period_anaphora,
    _range_left,
    _ranges_after,
    _sentence_year,
)
from extract.dates.en import EN
from extract.dates.lexicon import _NUM_HINT
from extract.dates.periods import _period_windows, load_periods
from extract.dates.quotes import requote
from extract.dates.rule import Grammar
from extract.dates.scanner import _windows
from extract.dates.tense import tenses_remembered
from extract.dates.timex import TIMEX3_VALUE_RE, DateMention, _asdict, _prec_of

log = logging.getLogger("extract.dates")

# a language's grammar (a second language is a second table beside extract/dates/en/)
GRAMMARS: dict[str, Grammar] = {"en": EN}

# (start, end, priority, rule name, match) of one candidate mention
_Cand = tuple[int, int, int, str, Any]


def _detect_day_first(text: str) -> bool | None:
    first_big = second_big = False
    if not _NUM_HINT.search(text):
        return None
    for m in EN.by_name["num"].pattern.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 and b <= 12:
            first_big = True
        elif b > 12 and a <= 12:
            second_big = True
    if first_big and not second_big:
        return True
    if second_big and not first_big:
        return False
    return None


# while explain() runs: (start, end, rule) of each mention as a rule gave it
_trace: list[tuple[int, int, str]] | None = None


def explain(text: str, published: str | _dt.date | None, *, language: str = "en",
            day_first: bool | None = None) -> list[tuple[DateMention, str]]:
    """``find_dates``'s mentions, each with the name of the grammar rule that found it.

    A mention the discourse steps made ("from 5 to 15 June" joined into one range, "April 24
    and 25", the day before a date) is named by the rule that found its first words, or
    ``"discourse"`` when no rule's mention starts where it does. Not thread-safe: a debugging
    and testing aid (the rule examples use it).
    """
    global _trace
    _trace = []
    try:
        found = find_dates(text, published, language=language, day_first=day_first)
        starts = {s: name for s, _e, name in _trace}
    finally:
        _trace = None
    return [(m, starts.get(m.start, "discourse")) for m in found]


def find_dates(text: str, published: str | _dt.date | None, *, language: str = "en",
               day_first: bool | None = None, _quotes: bool = True) -> list[DateMention]:
    """Every date mention of `text`, normalized against the publication date `published`.

    See the package docstring for how mentions resolve, and extract/dates/en/ for the rules
    (each documented on its resolver). Mentions are sorted by start and
    non-overlapping. Relative dates inside a dated quotation are the speaker's
    (:mod:`extract.dates.quotes`; ``_quotes=False`` leaves them to the publication date).
    """
    with tenses_remembered():
        return _find_dates(text, published, language, day_first, _quotes)


def _find_dates(text: str, published: str | _dt.date | None, language: str,
                day_first: bool | None, _quotes: bool) -> list[DateMention]:
    if not text:
        return []
    grammar = GRAMMARS.get((language or "en").lower()[:2])
    if grammar is None:
        log.debug("language %r: only the English grammar is implemented", language)
        grammar = EN
    dct = _dateline_day(text, _parse_published(published))
    if day_first is None:
        day_first = _detect_day_first(text)
    ctx = _Ctx(text, dct, day_first)
    cands = _period_candidates(text) + _rule_candidates(text, grammar)
    chosen, probed = _choose(text, cands, grammar, _Ctx(text, dct, day_first))
    out: list[DateMention] = []
    for s, e, _prio, name, m in chosen:
        try:
            if name == "period":
                p, pm = m
                res: dict[str, Any] | None = dict(
                    value=p.start, end_value=p.end if p.end != p.start else None, type="DATE",
                    precision=_prec_of(p.start), period=p.id)  # a day's event has no end
            elif id(m) in probed:
                res = dict(probed[id(m)])
            else:
                res = grammar.by_name[name].resolve(m, ctx)
        except (ValueError, OverflowError, KeyError, IndexError) as exc:
            log.debug("could not resolve %r (%s): %s", text[s:e], name, exc)
            res = None
        if res is None:
            continue
        made = _mention(text, s, e, res)
        if made is None:
            continue
        dm, anaphor, topic = made
        dm = _sentence_year(text, out, dm, ctx)
        if _trace is not None:
            _trace.append((dm.start, dm.end, name))
        out.append(dm)
        rng = _range_left(text, out, len(out) - 1, ctx) if dm.type == "DATE" and dm.value \
            and not dm.end_value and "X" not in dm.value and dm.precision in ("day", "month") \
            else None
        if rng is not None:
            # "from 5 to 15 June": one mention from the start, written before, to this end
            dm, covered = rng[0], set(rng[1])
            out = [o for j, o in enumerate(out[:-1]) if j not in covered] + [dm]
        ee = made[0].end
        if dm.type == "DURATION":
            ctx.dur_at = ee
        _move_anchor(ctx, dm, name, ee, anaphor, topic)
    out = _period_anaphora(text, _day_before_after(text, _clock_before_day(
        text, _conjoined_days(text, _ranges_after(text, out)))))
    if not _quotes:
        return out
    pub = dct.date.isoformat() if dct.date else (
        f"{dct.y:04d}-{dct.m:02d}" if dct.y and dct.m else str(dct.y) if dct.y else None)
    return requote(text, out, pub, lambda t, p: find_dates(
        t, p, language=language, day_first=day_first, _quotes=False))


def _period_candidates(text: str) -> list[_Cand]:
    """The named periods' matches ("the Cold War", "the 2008 financial crisis")."""
    cands: list[_Cand] = []
    low: str | None = None
    # periods with the same trigger words ("war") share their windows
    by_triggers: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for p in load_periods():
        if p.triggers is not None:
            if low is None:
                low = text.lower()
            pwins = by_triggers.get(p.triggers)
            if pwins is None:
                pwins = by_triggers[p.triggers] = _period_windows(text, low, p.triggers)
        else:
            pwins = [(0, len(text))]
        ctx_ms = []
        for ws, we in pwins:
            if p.regex is not None:
                for m in p.regex.finditer(text, ws, we):
                    cands.append((m.start(), m.end(), 100, "period", (p, m)))
            if p.context_regex is not None:
                ctx_ms.extend(p.context_regex.finditer(text, ws, we))
        if ctx_ms and (p.requires is None or p.requires.search(text)):
            for m in ctx_ms:
                cands.append((m.start(), m.end(), 100, "period", (p, m)))
    return cands


def _rule_candidates(text: str, grammar: Grammar) -> list[_Cand]:
    """Every non-empty match of every rule of the grammar, in the table's order. A rule runs
    only in windows around its trigger tokens (speed)."""
    cands: list[_Cand] = []
    wins = _windows(text, grammar)
    for rule in grammar.rules:
        rwins = wins.get(rule.name)
        if not rwins:
            continue
        if rule.hint is not None:
            # a rule that rarely matches runs only in windows with what all its matches contain
            rwins = [w for w in rwins if rule.hint.search(text, w[0], w[1])]
        for ws, we in rwins:
            for m in rule.pattern.finditer(text, ws, we):
                if m.end() > m.start():
                    cands.append((m.start(), m.end(), rule.priority, rule.name, m))
    return cands


def _choose(text: str, cands: list[_Cand], grammar: Grammar, probe: _Ctx,
            ) -> tuple[list[_Cand], dict[int, dict[str, Any]]]:
    """The candidates kept, by start: longest first (a named period before any rule), then
    the higher priority, then the earliest; none overlapping one kept. With them, the values
    already resolved (by the id of their match) of those that do not depend on what comes
    before them."""
    cands.sort(key=lambda c: (-(c[2] >= 100), -(c[1] - c[0]), -c[2], c[0]))
    t_starts: list[int] = []
    t_ends: list[int] = []
    chosen = []
    probed: dict[int, dict[str, Any]] = {}
    for c in cands:
        s, e = c[0], c[1]
        i = bisect.bisect_right(t_starts, s)
        if (i > 0 and t_ends[i - 1] > s) or (i < len(t_starts) and t_starts[i] < e):
            continue
        if c[3] != "period":
            # a candidate the grammar rejects on closer look must not block shorter ones
            rule = grammar.by_name[c[3]]
            try:
                pr = rule.resolve(c[4], probe)
            except (ValueError, OverflowError, KeyError, IndexError):
                pr = None
            if pr is None:
                continue
            if not rule.anaphoric and not (
                    rule.context_at is not None and rule.context_at(text, s, e)):
                probed[id(c[4])] = pr
        chosen.append(c)
        t_starts.insert(i, s)
        t_ends.insert(i, e)
    chosen.sort(key=lambda c: c[0])
    return chosen, probed


def _mention(text: str, s: int, e: int, res: dict[str, Any],
             ) -> tuple[DateMention, bool, bool] | None:
    """The mention of a resolved match, its words trimmed; with whether the rule said it
    refers back (``_anaphor``) and names the period under discussion (``_topic``)."""
    # strip a leading 'for'/'in' never included; trim trailing whitespace/punct
    ss, ee = s, e
    seg = text[ss:ee]
    st = len(seg) - len(seg.lstrip())
    ss += st
    seg = text[ss:ee]
    ee = ss + len(seg.rstrip(" \t\n,;:-–—"))
    if ee <= ss:
        return None
    ss += res.pop("_trim", 0)
    anaphor = res.pop("_anaphor", False)
    topic = res.pop("_topic", False)
    if "_end" in res:
        ee = res.pop("_end")
    res.setdefault("end_value", None)
    dm = DateMention(start=ss, end=ee, text=text[ss:ee], value=res.get("value"),
                     type=res.get("type", "DATE"), precision=res.get("precision", "day"),
                     end_value=res.get("end_value"),
                     approximate=bool(res.get("approximate")),
                     relative=bool(res.get("relative")), mod=res.get("mod"),
                     period=res.get("period"))
    if dm.value is not None and not TIMEX3_VALUE_RE.match(dm.value):
        log.debug("dropping non-TIMEX3 value %r for %r", dm.value, dm.text)
        dm = DateMention(**{**_asdict(dm), "value": None})
    return dm, anaphor, topic


def _move_anchor(ctx: _Ctx, dm: DateMention, name: str, ee: int, anaphor: bool,
                 topic: bool) -> None:
    """Update the anaphora anchor with a calendar date (not a duration, a set or a
    reference) whose words end at `ee`; a range's anchor is its end ("from 1 to 5 June. The
    next day" is June 6)."""
    if not (dm.type in ("DATE", "TIME") and dm.value and dm.period is None):
        return
    av = dm.end_value if dm.end_value and "X" not in dm.end_value else dm.value
    vd = _value_date(av[:10] if "T" in av else av)
    if vd is not None and not (anaphor and name == "backthen"):
        ctx.anchor = vd
        ctx.anchor_at = ee
        ctx.stale = ctx.inexact = False
        ctx.span = _value_date(dm.value[:10]) if av != dm.value else None
    elif vd is None and re.match(r"\d{4}-(?:W\d\d|SP|SU|FA|WI|H[12])", dm.value):
        # a week, a season, a half: its year is the anchor
        ctx.anchor = ("year", _dt.date(int(dm.value[:4]), 1, 1))
        ctx.anchor_at = ee
        ctx.stale, ctx.inexact, ctx.span = False, True, None
    elif vd is None and not dm.value.endswith("_REF"):
        ctx.stale = True
    if (name == "quarter" or topic) and vd is not None and vd[0] == "quarter" and \
            not re.search(r"(?i)year-|same|prior|previous|last|past",
                          dm.text) and (
            ctx.quarter is None or vd[1] > ctx.quarter) and (
            ctx.dct.date is None or _add_months_day(vd[1], 3) <= ctx.dct.date):
        # the quarter under discussion: the latest completed one named ("after a flat
        # second quarter" does not replace the third; "will result in a fourth-quarter
        # charge" is a forecast, not the report's period)
        ctx.quarter = vd[1]

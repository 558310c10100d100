"""Discourse steps after the rules: ranges ("from 5 to 15 June"), conjoined days ("April 24
and 25"), the year a sentence sets, clock times, "the day before", period anaphora."""

from __future__ import annotations

import bisect
import datetime as _dt
import re

from extract.dates.calendars import _valid, _ym, _ymd
from extract.dates.context import _Ctx, _md_no_year, _month_no_year
from extract.dates.fastre import fast_compile
from extract.dates.lexicon import _DAY, _MON, _MONTHS, _WD, _YEAR
from extract.dates.tense import _sentence_left, _tense
from extract.dates.timex import DateMention, _asdict

# "April 24 and 25": a day number joined to a month-day takes its month and year
_CONJ_DAY = fast_compile(r"\s+(?:and|or|&)\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
                         r"(?=\s*(?:[.;:)]|,(?!\s*\d)|$|\s+(?:in|at|on|to|for|with|when|while|as|"
                         r"after|before|during|and|or|but|the|that|this)\b))")


# the start of a range written before its end mention: "1-", "from 5 to", "between 28 February
# and", "Feb. 28 -", "January-", "from late March to", "June 2021 to"
_RANGE_START = fast_compile(
    rf"(?<![\w$€£.,/-])(?:(?P<kw>(?i:from|between))\s+)?(?:(?i:the)\s+)?"
    rf"(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
    rf"(?:(?P<d1>{_DAY})(?:\s+(?i:of))?(?:\s+(?P<dm1>{_MON}))?"
    rf"|(?P<m1>{_MON})(?:\s*(?P<md1>{_DAY})|,?\s+(?P<y1>{_YEAR}))?)"
    r"(?P<sep>\s*[-–—]\s*|\s*/\s*(?=[A-Z])|\s+(?i:to|and|until|till|through|thru|or)\s+)"
    r"(?:(?P<mod2>(?i:early|mid|late))[-\s]+)?(?:(?i:the)\s+)?\Z")


_RANGE_LEFT_REACH = 45


# the end of a range written after a month-day: "March 2-4, 2023", "Jan. 5 to 7"
_RANGE_END = fast_compile(
    rf"(?P<sep>\s*[-–—]\s*|\s+(?i:to|until|till|through|thru)\s+)(?P<d2>{_DAY})"
    rf"(?:\s*,\s*(?P<y>{_YEAR}))?(?![\d%:/-]|[.,]\d|\s*(?:%|percent)|\s+{_MON}|\s+[ap]\.?m\b)")


# the same after "between": "between February 25 and 27, 2022"
_RANGE_END_AND = fast_compile(
    rf"(?P<sep>\s+(?i:and)\s+)(?P<d2>{_DAY})"
    rf"(?:\s*,\s*(?P<y>{_YEAR}))?(?![\d%:/-]|[.,]\d|\s*(?:%|percent)|\s+{_MON}|\s+[ap]\.?m\b)")
_BETWEEN_LEFT = fast_compile(r"(?i)\bbetween\s+\Z")


def _ranges_after(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Ranges whose end is written after a month-day: "March 2-4, 2023", "Jan. 5 to 7".

    (A range whose start is written before its end mention, "1-3 March 2023", "between January
    and March 2022", is formed as the mentions are resolved: :func:`_range_left`.) One mention
    with ``end_value`` replaces the month-day and a year mention after the last day.
    """
    out = list(mentions)
    drop: set[int] = set()
    added: list[DateMention] = []
    for i, m in enumerate(out):
        if i in drop or m.type != "DATE" or m.end_value or m.period or not m.value \
                or "X" in m.value or m.precision != "day":
            continue
        r = _range_right(text, out, i)
        if r is None:
            continue
        rm, covered = r
        drop.update(covered)
        drop.add(i)
        added.append(rm)
    if not added:
        return mentions
    return sorted([m for i, m in enumerate(out) if i not in drop] + added,
                  key=lambda x: x.start)


def _covered(out: list[DateMention], i: int, s: int, e: int) -> list[int] | None:
    """Indexes of the mentions other than ``i`` inside [s, e); None if one crosses an edge."""
    got = []
    for j, o in enumerate(out):
        if j == i or o.end <= s or o.start >= e:
            continue
        if o.start < s or o.end > e:
            return None
        got.append(j)
    return got


def _day_range(text: str, m: DateMention, rm: re.Match[str], sep: str, ctx: _Ctx,
               explicit: bool) -> tuple[str, str] | None:
    """The start and end days of a range of days ending with `m` ("1-3 March 2023") whose
    start's words `rm` matched."""
    g = rm.groupdict()
    y2, mon2 = int(m.value[:4]), int(m.value[5:7])
    day2 = int(m.value[8:10])
    if g["d1"]:
        if not (m.text[:1].isdigit() or m.text[:4].lower() == "the ") and not g["dm1"]:
            return None  # "1 to March 3": not a range of this shape
        mon1 = _MONTHS[g["dm1"].rstrip(".").lower()] if g["dm1"] else mon2
        day1 = int(re.sub(r"\D", "", g["d1"]))
    elif g["m1"] and g["md1"]:
        mon1, day1 = _MONTHS[g["m1"].rstrip(".").lower()], int(re.sub(r"\D", "", g["md1"]))
    else:
        return None
    if (mon1, day1) == (mon2, day2) or (mon1 == mon2 and day1 > day2) or sep == "/":
        return None  # "3-1 March" is a score
    if explicit:
        y1 = y2 if (mon1, day1) < (mon2, day2) else y2 - 1
        if not _valid(y1, mon1, day1):
            return None
        v1, v2 = f"{y1:04d}-{mon1:02d}-{day1:02d}", m.value
    else:
        t = _tense(text, rm.start(), m.end)
        if m.value != _md_no_year(ctx, mon2, day2, t):
            # the end took its sentence's year ("Following ... November 10, 2020, ... on
            # 12 and 13 January"): the start is counted back from it
            y1 = y2 if (mon1, day1) < (mon2, day2) else y2 - 1
            v1 = f"{y1:04d}-{mon1:02d}-{day1:02d}" if _valid(y1, mon1, day1) else None
        else:
            v1 = _md_no_year(ctx, mon1, day1, t)
        if v1 is None or "X" in v1:
            return None
        y1 = int(v1[:4])
        yy = y1 if (mon1, day1) < (mon2, day2) else y1 + 1
        if not _valid(yy, mon2, day2):
            return None
        v2 = f"{yy:04d}-{mon2:02d}-{day2:02d}"
    return v1, v2


def _month_range(text: str, m: DateMention, rm: re.Match[str], ctx: _Ctx,
                 explicit: bool) -> tuple[str, str] | None:
    """The start and end months of a range of months ending with `m` ("between January and
    March 2022") whose start's words `rm` matched."""
    g = rm.groupdict()
    y2, mon2 = int(m.value[:4]), int(m.value[5:7])
    if not g["m1"] or g["md1"]:
        return None
    mon1 = _MONTHS[g["m1"].rstrip(".").lower()]
    # "from January to March next year": the end's year is written (relative to the DCT)
    rel_year = bool(re.search(r"(?i)\b(?:next|last|this)\s+year\b", m.text))
    if not explicit and not rel_year:
        # "between March and May": the start read by its tense, the end the first such
        # month after it (each alone could take another year)
        if mon1 == mon2 or g["y1"]:
            return None
        v1 = _month_no_year(ctx, mon1, None, _tense(text, rm.start(), m.end))
        if v1 is None or "X" in v1:
            return None
        y1 = int(v1[:4])
        v2 = _ym(y1 if mon1 < mon2 else y1 + 1, mon2)
    elif g["y1"]:
        y1 = int(g["y1"])
        if (y1, mon1) >= (y2, mon2) or y2 - y1 > 50:
            return None
    elif mon1 == mon2:
        return None
    else:
        y1 = y2 if mon1 < mon2 else y2 - 1
    if explicit or rel_year:
        v1, v2 = _ym(y1, mon1), m.value
    return v1, v2


def _range_left(text: str, out: list[DateMention], i: int,
                ctx: _Ctx) -> tuple[DateMention, list[int]] | None:
    """A range ending with the mention ``out[i]`` and starting before it, written with its month
    and year once: "1-3 March 2023", "from 5 to 9 June", "between January and March 2022",
    "Feb. 28 - March 3, 2023"; with the indexes of the mentions it covers.

    The start takes the end's month and year (the year before when its month-day comes later
    in the calendar: "from 28 December to 3 January 2023"). Without a year the start is read
    as a month-day alone (its tense, the DCT) and the end is the first such day after it (the
    start alone had taken the DCT's year: "January" in "between January and March 2022").
    """
    m = out[i]
    lo = max(0, m.start - _RANGE_LEFT_REACH)
    rm = _RANGE_START.search(text, lo, m.start)
    if rm is None:
        return None
    g = rm.groupdict()
    sep = g["sep"].strip().lower()
    if sep == "and" and (g["kw"] or "").lower() == "from":
        return None
    explicit = bool(re.search(r"\d{4}", m.text))
    if m.precision == "day":
        values = _day_range(text, m, rm, sep, ctx, explicit)
    else:
        values = _month_range(text, m, rm, ctx, explicit)
    if values is None:
        return None
    v1, v2 = values
    s = rm.start()
    before = text[max(0, s - 25):s]
    if g["m1"] and not g["kw"] and re.search(r"\b[A-Z][a-z]+\s$", before) and not re.search(
            r"(?:^|[.!?\n]\s*|\b(?:In|On|By|Since|Until|During|From|The)\s)$", before):
        return None  # "Theresa May to June 2019": a name, not a month
    covered = _covered(out, i, s, m.start)
    if covered is None:
        return None
    approx = bool(g["mod"] or g["mod2"]) or sep == "or" or m.approximate
    return DateMention(start=s, end=m.end, text=text[s:m.end], value=v1, type="DATE",
                       precision=m.precision, end_value=v2, approximate=approx,
                       relative=not explicit), covered


def _range_right(text: str, out: list[DateMention],
                 i: int) -> tuple[DateMention, list[int]] | None:
    m = out[i]
    if m.precision != "day" or not m.text[-1:].isdigit() or not re.search(r"[A-Za-z]", m.text) \
            or re.search(r"\d{4}", m.text):
        return None
    rm = _RANGE_END.match(text, m.end)
    if rm is None and _BETWEEN_LEFT.search(text, max(0, m.start - 9), m.start):
        rm = _RANGE_END_AND.match(text, m.end)
    if rm is None:
        return None
    day1, mon1 = int(m.value[8:10]), int(m.value[5:7])
    day2 = int(re.sub(r"\D", "", rm.group("d2")))
    if day2 <= day1:
        return None
    kw = re.search(r"(?i)\b(?:from|between)\s+\Z", text[max(0, m.start - 9):m.start])
    s = m.start - (len(kw.group(0)) if kw else 0)
    if rm.group("y"):
        y = int(rm.group("y"))
        explicit = True
    else:
        y = int(m.value[:4])
        explicit = False
    if not _valid(y, mon1, day2):
        return None
    covered = _covered(out, i, s, rm.end())
    if covered is None:
        return None
    return DateMention(start=s, end=rm.end(), text=text[s:rm.end()],
                       value=f"{y:04d}-{mon1:02d}-{day1:02d}", type="DATE", precision="day",
                       end_value=f"{y:04d}-{mon1:02d}-{day2:02d}", approximate=m.approximate,
                       relative=not explicit), covered


# a month or month-day written without its year ("on July 12", "in March", "27 August")
_YEARLESS = fast_compile(rf"(?:(?:{_WD}),?\s+)?(?:(?i:the)\s+)?(?:(?i:early|mid|late)[-\s]+)?"
                         rf"(?:{_MON}\s*{_DAY}|{_DAY}(?:\s+(?i:of))?\s+{_MON}|{_MON})")


# what may stand before a date that sets the year of its sentence: a preposition of time or
# the start of the sentence ("In 2019, ...", "arrived on July 12, 2019, and ...")
_YEAR_SETTER_LEFT = fast_compile(r"(?i)\b(?:in|on|during|of|at)\s+(?:the\s+)?"
                                 r"(?:(?:early|mid|late|spring|summer|autumn|fall|winter)\s+)?\Z")


_AFTER_FRONT = fast_compile(r"(?i)\A\W*(?:after|following)\b")


_YEAR_FRONTED = fast_compile(r"(?i)\A\W*(?:(?:and|but|then|so)\s+)?(?:(?:in|on|during|by|at)\s+)?"
                             r"(?:the\s+)?(?:(?:early|mid|late|spring|summer|autumn|fall|winter)"
                             r"\s+(?:of\s+)?)?\Z")


# a relative clause or parenthetical opened before a date (its year is an aside); what closes
# each kind
_ASIDE_OPEN = fast_compile(r"(?i),\s*(?:which|who|whom|whose|where|when|after|since)\b|[(—]|"
                           r"\s--\s|\s[-–]\s")


_ASIDE_CLOSE = {"(": ")", ",": ",", "—": "—", "-": "-", "–": "–"}


# a verb phrase of its own joined after the year ("annexed Crimea in 2014 and invaded on
# February 24"): its date may be another year's (a gapped "and the second on August 27" is not)
_NEW_VERB = fast_compile(r"(?i)\b(?:and|but|then)\s+(?:(?:then|later|also|finally|again|was|were|"
                         r"had|has|have)\s+)*(?:[a-z]{2,}ed|began|came|took|made|went|met|held|"
                         r"sold|bought|won|lost|struck|hit|sent|led|gave|saw|became|brought|fell|"
                         r"rose|shot|left|ran|spoke|wrote|got|paid|told|built|flew|drove|"
                         r"underwent|withdrew|overran|began|begun|done|taken|given|seen|flown|"
                         r"sunk|sank|shown|known|grown|thrown)\b")


def _aside_open(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` opens a relative clause or a parenthetical that is still
    open at ``end`` ("Russia, which annexed Crimea in 2014 and" yes; "The 2020 war, which
    lasted 44 days, ended" no)."""
    opened = list(_ASIDE_OPEN.finditer(text, start, end))
    if not opened:
        return False
    last = opened[-1]
    key = last.group(0).strip()[:1]
    return _ASIDE_CLOSE.get(key, key) not in text[last.end():end]


def names_no_year(m: DateMention) -> bool:
    """True for a month or month-day written without its year ("on July 12", "in March"),
    whose year the finder inferred (from the DCT or its sentence)."""
    return bool(m.relative and m.type == "DATE" and m.precision in ("day", "month")
                and m.value and not m.end_value and _YEARLESS.fullmatch(m.text))


def _sentence_year(text: str, before: list[DateMention], m: DateMention,
                   ctx: _Ctx) -> DateMention:
    """``m`` with the year written earlier in its sentence, if it is a month or month-day
    without a year and its sentence sets one (``before``: the mentions before it).

    "In July 2019, the first batch arrived on July 12" is 2019-07-12 and "arrived on July 12,
    2019, and the second on August 27" is 2019-08-27 (both were read against the DCT: 2022).
    The year must be set by the sentence itself: a date after "in/on/during/of/at" or at its
    start, not an aside ("Russia, which annexed Crimea in 2014, struck on June 5" keeps the
    DCT's June 5), not "since/by/after 2014", not across a clause. A plan is never moved into
    the past, nor a report into the future. Applied as the mentions are resolved, so that
    what follows ("A day later") counts from the corrected date.
    """
    if not names_no_year(m) or "X" in (m.value or "X"):
        return m
    sent_start = m.start - len(_sentence_left(text, m.start))
    anchor = None
    for a in reversed(before):
        if a.end <= sent_start:
            break
        if not a.relative and a.value and a.value[:4].isdigit() and re.search(
                r"\d{4}", a.text) and a.type in ("DATE", "TIME") and not a.period:
            anchor = a
            break
    if anchor is None:
        return m
    years = {v[:4] for v in (anchor.value, anchor.end_value) if v}
    y = int(anchor.value[:4]) if len(years) == 1 and re.match(r"\d{4}", anchor.value) else None
    if y == int(m.value[:4]):
        return m
    left = text[sent_start:anchor.start]
    # "Following the ceasefire of November 10, 2020, Baku signed deals on 12 January": a
    # fronted phrase of time after a day or month; the date is the first such one after it
    # ... also with the noun the date modifies: "After the Feb. 24, 2022 invasion, ..."
    after = bool(_AFTER_FRONT.match(left)) and anchor.precision in ("day", "month") and \
        re.match(r"(?:\s+[A-Za-z'-]+){0,3},", text[anchor.end:anchor.end + 40]) is not None
    fronted = after or bool(_YEAR_FRONTED.match(left))
    if not (fronted or _YEAR_SETTER_LEFT.search(left)):
        return m
    between = text[anchor.end:m.start]
    if "," in between and not fronted and not re.match(
            r"(?i)\s*,\s*(?:and|then|before|while)\b", between):
        return m  # another clause: "Under a program approved in 1987 that ..., Nashua had"
    if not fronted and anchor.precision == "year" and _NEW_VERB.search(between):
        # "launched in 2019 and commissioned on July 12", "annexed Crimea in 2014 and invaded
        # on February 24": another verb's date, whose year the year alone does not set ("signed
        # in March 2019 and approved on May 5" does: the months follow each other)
        return m
    if _aside_open(text, sent_start, anchor.start) and "," in between:
        return m  # the year is in an aside closed before the date
    if _aside_open(text, anchor.end, m.start):
        return m  # the date is in an aside of its own
    if y is None:
        # "In the 1990s, Iraq bought Mirages on July 12", "From 2014 to 2018, ... on July
        # 12": the sentence is about several years; which one is not written
        return DateMention(**{**_asdict(m), "value": "XXXX" + m.value[4:]})
    mon = int(m.value[5:7])
    if after and (mon, int(m.value[8:10]) if m.precision == "day" else 99) <= (
            int(anchor.value[5:7]), int(anchor.value[8:10]) if anchor.precision == "day" else 0):
        y += 1  # not after the anchor in its year: the next year's
    if m.precision == "day":
        day = int(m.value[8:10])
        if not _valid(y, mon, day):
            return m
        v = f"{y:04d}-{mon:02d}-{day:02d}"
    else:
        v = _ym(y, mon)
    if y == int(m.value[:4]):
        return m
    if ctx.dct.date is not None:
        dv = _ymd(ctx.dct.date)[:len(v)]
        t = _tense(text, m.start, m.end)
        if (v < dv and t == "future") or (v > dv and t != "future"):
            return m  # a plan is not moved into the past, nor a report into the future
    return DateMention(**{**_asdict(m), "value": v})


def _conjoined_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    added: list[DateMention] = []
    for i, m in enumerate(mentions):
        if m.type != "DATE" or m.precision != "day" or not m.value or len(m.value) != 10 \
                or "X" in m.value or not m.text[-1:].isdigit() or not re.search(
                    r"[A-Za-z]", m.text):
            continue
        cm = _CONJ_DAY.match(text, m.end)
        if cm is None:
            continue
        d = int(cm.group("d"))
        y, mo, d0 = int(m.value[:4]), int(m.value[5:7]), int(m.value[8:])
        s, e = cm.start("d"), cm.end()
        if d <= d0 or not _valid(y, mo, d) or (
                i + 1 < len(mentions) and mentions[i + 1].start < e):
            continue
        added.append(DateMention(start=s, end=e, text=text[s:e], value=f"{m.value[:8]}{d:02d}",
                                 type="DATE", precision="day", relative=m.relative))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: x.start)


def _is_day(m: DateMention) -> bool:
    return (m.type == "DATE" and m.precision == "day" and bool(m.value)
            and len(m.value or "") == 10 and "X" not in (m.value or ""))


# a clock time, then a parenthetical, then the day: "at 10:35 a.m. (0735 GMT) Friday"
_CLOCK_PAREN = fast_compile(r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*"
                            r"(?P<apt>(?P<ap>[ap])\.?\s?m\b\.?)(?:\s+(?:[ECMP][SD]T|GMT|local\s+time))?"
                            r"\s*\([^()]{1,30}\)\s*,?\s*(?:on\s+)?\Z")


def _clock_before_day(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The clock time of "at 10:35 a.m. (0735 GMT) Friday" takes that Friday (its own TIME)."""
    added: list[DateMention] = []
    prev_end = 0
    for m in mentions:
        if _is_day(m) and "(" in text[max(prev_end, m.start - 60):m.start]:
            cm = _CLOCK_PAREN.search(text, max(prev_end, m.start - 60), m.start)
            if cm is not None:
                hh = int(cm.group("h")) % 12 + (12 if cm.group("ap").lower() == "p" else 0)
                e = cm.end("apt")
                added.append(DateMention(
                    start=cm.start(), end=e, text=text[cm.start():e],
                    value=f"{m.value}T{hh:02d}:{cm.group('mi') or '00'}", type="TIME",
                    precision="minute", relative=m.relative))
        prev_end = m.end
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: x.start)


_DAY_BEFORE_AFTER = fast_compile(r"(?i)\b(?:the\s+)?day\s+(?P<d>before|after)\s+\Z")


def _day_before_after(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"the day before last Tuesday": one mention, a day before that Tuesday."""
    out: list[DateMention] = []
    for m in mentions:
        dm = _DAY_BEFORE_AFTER.search(text, max(0, m.start - 20), m.start) if _is_day(m) else None
        if dm is not None and not (out and out[-1].end > dm.start()):
            d = _dt.date.fromisoformat(m.value) + _dt.timedelta(
                days=-1 if dm.group("d").lower() == "before" else 1)
            m = DateMention(**{**_asdict(m), "start": dm.start(), "text": text[dm.start():m.end],
                               "value": _ymd(d), "relative": True})
        out.append(m)
    return out


# "during the war" after "the 44-day war": the period named last before it (anaphora)
_PERIOD_ANAPHOR = fast_compile(
    r"\b(?:during|in|throughout|after|since|before|by the end of)\s+(?:the|that)\s+"
    r"(?:war|conflict)\b(?!\s+(?:in|of|with|between|on|against)\b)"
)


_PERIOD_ANAPHOR_REACH = 2000  # characters: beyond that, "the war" may be another war


def _period_anaphora(text: str, mentions: list[DateMention]) -> list[DateMention]:
    periods = [m for m in mentions if m.period]
    if not periods:
        return mentions
    starts = [m.start for m in mentions]
    added: list[DateMention] = []
    for am in _PERIOD_ANAPHOR.finditer(text):
        s = am.start() + am.group(0).index(am.group(0).split()[-2])  # "the war" / "that war"
        e = am.end()
        i = bisect.bisect_right(starts, s)
        if (i > 0 and mentions[i - 1].end > s) or (i < len(mentions) and mentions[i].start < e):
            continue  # already part of a mention
        before = [p for p in periods if p.end <= s and s - p.end <= _PERIOD_ANAPHOR_REACH]
        if not before:
            continue
        p = before[-1]
        added.append(DateMention(start=s, end=e, text=text[s:e], value=p.value, type="DATE",
                                 precision=p.precision, end_value=p.end_value,
                                 relative=True, period=p.period))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.start)

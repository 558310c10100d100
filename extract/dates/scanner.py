"""The trigger scan: which rules to run where. Each rule runs only in windows around the
words that can start it, found by one compiled scanner over the text."""

from __future__ import annotations

import re
from typing import Any

from extract.dates.lexicon import _prefix_tree

# the tokens of the text are the runs of ASCII letters and the runs of digits (what
# ``_TOKEN_RE`` finds); _windows looks only at those that can trigger a rule
_TOKEN_RE = re.compile(r"[A-Za-z]+|\d+")


_TRIGGER_CASED = {
    "Christmas", "Year", "Thanksgiving", "Easter", "Halloween", "Valentine", "Boxing", "Labor",
    "Orthodox", "Victory", "Bastille", "Defender",
    "Memorial", "Veterans", "Election",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Q", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
    "Sun", "FY", "H", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays",
    "Sundays",
}


# lowercase trigger words -> the rules worth running around them (speed: each rule runs only
# where one of its own words occurs)
_R_UNIT = frozenset({"dur", "durunit", "relunit", "set", "durlong", "partof",
                     "beforelast"})  # a singular unit word


_R_UNITS = frozenset({"dur", "durvague", "durbare", "set", "durlong"})  # a plural unit word


_R_REF = frozenset({"ref"})


_R_DEICTIC = frozenset({"deictic"})


_R_CLOCK = frozenset({"clockday"})


_WORD_RULES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("now", "nowadays", "currently", "current", "present", "presently",
                     "moment", "recent", "recently", "lately", "past", "future", "soon",
                     "date"), _R_REF),
    **dict.fromkeys(("today", "tonight", "yesterday", "tomorrow", "overnight", "morning",
                     "afternoon", "evening", "night"), _R_DEICTIC | _R_UNIT | _R_UNITS |
                    {"podrel", "midpod"}),
    **dict.fromkeys(("midmorning", "midafternoon", "midevening"), frozenset({"midpod"})),
    "ago": frozenset({"dur"}),
    **dict.fromkeys(("then", "time"), frozenset({"backthen"})),
    **dict.fromkeys(("second", "minute", "hour", "week", "fortnight", "month", "decade"),
                    _R_UNIT),
    "day": _R_UNIT | {"dayis", "daybefore"},
    **dict.fromkeys(("seconds", "minutes", "hours", "weeks", "months", "years", "decades",
                     "centuries", "nights"), _R_UNITS),
    "days": _R_UNITS | _R_REF,  # 'these days'
    "year": _R_UNIT | {"yago", "monrel", "fyear"},
    "weekend": _R_UNIT | {"weekend"},
    "century": _R_UNIT | {"century"},
    **dict.fromkeys(("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                     "eighties", "nineties"), frozenset({"decadew"})),
    "weekends": _R_UNITS,
    "quarter": _R_UNIT | {"quarter", "qyear", "qthe", "qrel"},
    "quarters": _R_UNITS,
    "period": frozenset({"qyear", "qthe"}),
    **dict.fromkeys(("spring", "summer", "autumn", "fall", "winter"),
                    frozenset({"season", "set"})),
    **dict.fromkeys(("daily", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly",
                     "nightly", "biannually", "biweekly"), frozenset({"set"})),
    "half": frozenset({"half"}),
    **dict.fromkeys(("nineteen", "thousand"), frozenset({"spyear"})),
    # clock times: 'p.m.' tokenizes to 'p', 'm'
    **dict.fromkeys(("m", "pm", "noon", "midnight", "midday"), _R_CLOCK),
}


# every match of a rule contains one of its trigger tokens: "May 30, 2023" runs the month-day
# rules around "May" only (a weekday or a year in it triggers no more than its own rules)
_R_MONTH = frozenset({"mdy", "md", "my", "month", "dmy", "dm", "set", "weekof", "monof", "dmyy",
                      "myy"})


_R_WD = frozenset({"weekday", "set", "wdrel", "nthwd"})


_R_YEAR = frozenset({"year", "yrange", "decade", "num", "iso", "compact", "ymdslash"})


_R_NUM = frozenset({"num", "iso", "decade"})


_R_Q = frozenset({"quarter"})


_R_HOLIDAY = frozenset({"holiday"})


_HOLIDAY_WORDS = frozenset({"Christmas", "Year", "Thanksgiving", "Easter", "Halloween", "Orthodox",
                            "Victory", "Bastille", "Defender",
                            "Valentine", "Boxing", "Labor", "Memorial", "Veterans", "Election"})


# how far (characters) a rule's match, and what its lookarounds test, reaches to the left
# and right of the trigger token: a rule's windows are its tokens widened by its reach
_REACH_DEFAULT = (45, 50)


_REACH: dict[str, tuple[int, int]] = {
    "iso": (0, 50), "compact": (0, 10), "ymdslash": (0, 20),  # the match starts at the year
    "decade": (45, 10), "yrange": (45, 25), "year": (45, 30), "num": (45, 35),
    "md": (45, 30), "dm": (45, 20), "month": (45, 15), "my": (45, 35),
    "set": (45, 15), "dur": (45, 30), "relunit": (70, 25), "durunit": (45, 15),
    "partof": (45, 30), "dayis": (70, 20),
    "durvague": (45, 10),
}


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per rule, the merged [start, end) windows around that rule's own trigger tokens.

    Each rule runs only where one of its trigger words occurs (not in the union of every
    rule's windows), which keeps the regex work proportional to the rule's hits.
    """
    hits: dict[frozenset[str], list[tuple[int, int]]] = {}
    n = len(text)
    tok_rules = _TOK_RULES
    for m in _TRIGGER_SCAN.finditer(text):
        g = m.lastindex
        if g is None:
            break  # the end of the text
        ts, te = m.span(g)
        t = m[g]
        if g == 1:
            rules = tok_rules.get(t)
            if rules is None:
                if t.islower() or t.lower() not in _WORD_RULES:
                    continue  # a lowercase word not in the table, or a name
                rules = _WORD_RULES[t.lower()]  # 'Now', 'TODAY'
        else:
            ln = len(t)
            if ln == 4 or ln == 8:
                if not ("16" <= t[:2] <= "20"):
                    continue
                rules = _R_YEAR
            else:  # one or two digits
                nx = text[te:te + 3]
                if not (nx[:1] in "/.-" and len(nx) > 1 and nx.lstrip("/.- ")[:1].isdigit()) \
                        and not (nx[:1] == "s" and text[ts - 1:ts] == "'"):
                    continue
                rules = _R_NUM
        lst = hits.get(rules)
        if lst is None:
            hits[rules] = [(ts, te)]
        else:
            lst.append((ts, te))
    # per rule, the merged windows around the tokens of the classes that trigger it, with the
    # rule's own reach; rules with the same classes and reach share them
    by_rule: dict[str, list[frozenset[str]]] = {}
    for rules in hits:
        for r in rules:
            by_rule.setdefault(r, []).append(rules)
    out: dict[str, list[tuple[int, int]]] = {}
    done: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
    for r, classes in by_rule.items():
        lr, rr = _REACH.get(r, _REACH_DEFAULT)
        key = (*classes, lr, rr)
        got = done.get(key)
        if got is None:
            toks = hits[classes[0]] if len(classes) == 1 else sorted(
                t for c in classes for t in hits[c])
            got = []
            cs, ce = toks[0][0] - lr, toks[0][1] + rr
            for ts, te in toks:
                ts -= lr
                if ts <= ce:
                    te += rr
                    if te > ce:
                        ce = te
                else:
                    got.append((cs if cs > 0 else 0, ce if ce < n else n))
                    cs, ce = ts, te + rr
            got.append((cs if cs > 0 else 0, ce if ce < n else n))
            done[key] = got
        out[r] = got
    return out


def _cased_rules(t: str) -> frozenset[str]:
    if t == "FY":
        return _R_YEAR | {"fy2"}
    if t == "Q":
        return _R_Q
    if t == "H":
        return frozenset({"half"})
    if t in _WEEKDAYS_CASED:
        return _R_WD
    if t in _HOLIDAY_WORDS:
        return _R_HOLIDAY | _WORD_RULES.get(t.lower(), frozenset())
    return _R_MONTH


_WEEKDAYS_CASED = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                   "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
                   "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays",
                   "Sundays"}


# token -> the rules to run around it (one dict lookup per token in _windows)
_TOK_RULES: dict[str, frozenset[str]] = {**_WORD_RULES,
                                         **{t: _cased_rules(t) for t in _TRIGGER_CASED}}


def _trigger_scan(words: list[str]) -> re.Pattern[str]:
    """One regex whose matches are the tokens (:data:`_TOKEN_RE`) of a text that may trigger a
    rule; every other token is skipped inside the regex engine, a whole run at a time, so each
    attempt starts at a token boundary.

    Group 1: a letter token equal to one of ``words`` (lowercase) ignoring ASCII case. Group
    2: a digit token of 4 or 8 digits starting 1 or 2, or of 1-2 digits (the first ASCII)
    followed by one of ``/.-s`` (a superset of what ``_windows`` keeps; it decides). The last
    match, at the end of the text, has neither group.
    """
    branches: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        branches.setdefault(w[0], []).append(w[1:])
    # the first letter in both cases as plain characters: the engine rules out a branch by
    # one comparison (it tries every branch that ignores case)
    alts = []
    for c, rest in branches.items():
        tail = _prefix_tree(rest)
        tail = f"(?ai:{tail})" if tail else ""
        alts += [re.escape(cc) + tail for cc in dict.fromkeys((c.lower(), c.upper()))]
    word = "(?:" + "|".join(alts) + r")(?![A-Za-z])"
    digits = r"(?:[12]\d{3}(?:\d{4})?(?!\d)|[0-9]\d?(?=[/.s-]))"
    skip = rf"(?:[^A-Za-z\d]*+(?:(?!{word})[A-Za-z]++|(?!{digits})\d++))*+[^A-Za-z\d]*+"
    return re.compile(rf"{skip}(?:({word})|({digits})|\Z)")


_TRIGGER_SCAN = _trigger_scan([t.lower() for t in _TOK_RULES])

"""The shape of a grammar: a rule is one record, a language's grammar is a table of rules.

A rule says everything about one kind of date mention in one place (the model is Duckling's
``Rules.hs`` with its ``Corpus.hs``):

* ``name``: short and unique in its table ("mdy", "weekday", "dur");
* ``pattern``: the regular expression of its mentions, built from the language's lexicon
  (compiled by :func:`extract.dates.fastre.fast_compile`: the same matches, found faster);
* ``priority``: which of two candidates of the same length wins (higher first);
* ``triggers``: the tokens that let the engine skip text without them. Every match of the
  rule contains one: a lowercase word matches in any case ("today", "Today", "TODAY"), any
  other word only as written ("May", "FY"), and :data:`YEAR_DIGITS` / :data:`NUM_DIGITS`
  stand for a 4- or 8-digit number from 1600 and for a 1-2 digit number followed by
  ``/ . -`` (or "'90s");
* ``reach``: how far (characters, left and right) a match and what its look-arounds test
  extend beyond the trigger token;
* ``hint``: optionally, a pattern without look-arounds found inside every match, for a rule
  that rarely matches in its windows (speed);
* ``anaphoric``: its value depends on the dates named before it ("the next day"), so the
  engine never resolves it ahead of its turn; ``context_at(text, start, end)`` says the same
  for some places only;
* ``resolve(match, ctx)``: the production, from the match to a value (a dict with
  ``value``, ``type``, ``precision`` ...) or ``None`` when the match is not a date after all;
* ``examples``: what the rule gives (:class:`Ex`) and where it must not fire (:class:`Not`),
  each with the publication date it is read against. ``tests/test_date_rules.py`` runs
  them all, so the table is its own test suite.

A second language is a second table (:class:`Grammar`) with its own lexicon and examples;
the engine is the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from extract.dates.fastre import fast_compile
from extract.dates.lexicon import NUM_DIGITS, YEAR_DIGITS, _prefix_tree

Value = dict[str, Any]
# windows to make: the trigger classes they surround, the reach left and right, their rules
WindowPlan = tuple[tuple[frozenset[str], ...], int, int, tuple[str, ...]]
Resolver = Callable[[re.Match[str], Any], Value | None]


REACH_DEFAULT = (45, 50)


@dataclass(frozen=True)
class Ex:
    """An example the rule must find: ``text`` read as published on ``published`` gives a
    mention of this rule whose words are ``words`` (the whole text when not given), with
    this value, type and precision (and end value, modifier, approximation when given)."""

    text: str
    published: str | None
    value: str | None
    type: str
    precision: str
    words: str | None = None
    end_value: str | None = None
    mod: str | None = None
    approximate: bool | None = None


@dataclass(frozen=True)
class Not:
    """A counter-example: in ``text``, read as published on ``published``, the rule must
    find nothing; ``why`` says what it shows."""

    text: str
    published: str | None
    why: str


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    priority: int
    triggers: tuple[str, ...]
    resolve: Resolver
    examples: tuple[Ex | Not, ...] = ()
    reach: tuple[int, int] = REACH_DEFAULT
    hint: re.Pattern[str] | None = None
    anaphoric: bool = False
    context_at: Callable[[str, int, int], bool] | None = None


@dataclass
class Grammar:
    """A language's rules, in the order the engine tries them, with the tables the engine
    derives from their triggers."""

    language: str
    rules: list[Rule] = field(default_factory=list)
    # window_plan's answers, by the classes of trigger tokens a text has
    _plans: dict[frozenset[frozenset[str]], tuple[WindowPlan, ...]] = field(
        default_factory=dict, repr=False, compare=False)

    def rule(self, name: str, *, pattern: str, priority: int, triggers: tuple[str, ...],
             examples: tuple[Ex | Not, ...] = (), flags: int = 0,
             reach: tuple[int, int] = REACH_DEFAULT, hint: str | None = None,
             anaphoric: bool = False,
             context_at: Callable[[str, int, int], bool] | None = None,
             ) -> Callable[[Resolver], Resolver]:
        """Declare a rule whose production is the decorated function."""
        if any(r.name == name for r in self.rules):
            raise ValueError(f"{self.language} grammar: rule {name!r} declared twice")
        if not triggers:
            raise ValueError(f"{self.language} grammar: rule {name!r} has no trigger")

        def add(resolve: Resolver) -> Resolver:
            self.rules.append(Rule(
                name=name, pattern=fast_compile(pattern, flags), priority=priority,
                triggers=tuple(triggers), resolve=resolve, examples=tuple(examples),
                reach=reach, hint=fast_compile(hint) if hint is not None else None,
                anaphoric=anaphoric, context_at=context_at))
            return resolve
        return add

    # ---- what the engine derives from the table -------------------------------------------
    @cached_property
    def by_name(self) -> dict[str, Rule]:
        return {r.name: r for r in self.rules}

    @cached_property
    def word_rules(self) -> dict[str, frozenset[str]]:
        """lowercase trigger word -> the rules it triggers (in any case)"""
        out: dict[str, set[str]] = {}
        for r in self.rules:
            for t in r.triggers:
                if t not in (YEAR_DIGITS, NUM_DIGITS) and t.islower():
                    out.setdefault(t, set()).add(r.name)
        return {w: frozenset(rs) for w, rs in out.items()}

    @cached_property
    def token_rules(self) -> dict[str, frozenset[str]]:
        """trigger token as written -> the rules it triggers; a word written with capitals
        also triggers the rules of its lowercase form ("Year": New Year's and "year")"""
        cased: dict[str, set[str]] = {}
        for r in self.rules:
            for t in r.triggers:
                if t not in (YEAR_DIGITS, NUM_DIGITS) and not t.islower():
                    cased.setdefault(t, set()).add(r.name)
        words = self.word_rules
        return {**words, **{t: frozenset(rs) | words.get(t.lower(), frozenset())
                            for t, rs in cased.items()}}

    def _digit_rules(self, token: str) -> frozenset[str]:
        return frozenset(r.name for r in self.rules if token in r.triggers)

    @cached_property
    def year_rules(self) -> frozenset[str]:
        return self._digit_rules(YEAR_DIGITS)

    @cached_property
    def num_rules(self) -> frozenset[str]:
        return self._digit_rules(NUM_DIGITS)

    @cached_property
    def reach(self) -> dict[str, tuple[int, int]]:
        return {r.name: r.reach for r in self.rules}

    def window_plan(self, present: frozenset[frozenset[str]]) -> tuple[WindowPlan, ...]:
        """For a text whose trigger tokens are of the classes ``present`` (each class: the
        rules its tokens trigger), the windows to make: each (the classes whose tokens they
        surround, the reach left and right, the rules that run in them), once per classes and
        reach. It depends on the classes only, so it is worked out once per set of them."""
        plan = self._plans.get(present)
        if plan is None:
            order = list(present)
            by_key: dict[tuple[tuple[frozenset[str], ...], int, int], list[str]] = {}
            for r in sorted({r for c in order for r in c}):
                lr, rr = self.reach[r]
                classes = tuple(c for c in order if r in c)
                by_key.setdefault((classes, lr, rr), []).append(r)
            if len(self._plans) >= 4096:
                self._plans.clear()  # a bound on memory: texts have a few hundred sets at most
            plan = self._plans[present] = tuple(
                (classes, lr, rr, tuple(rules)) for (classes, lr, rr), rules in by_key.items())
        return plan

    @cached_property
    def trigger_scan(self) -> re.Pattern[str]:
        return trigger_scan([t.lower() for t in self.token_rules])


def trigger_scan(words: list[str]) -> re.Pattern[str]:
    """One regex whose matches are the tokens (runs of ASCII letters, runs of digits) of a
    text that may trigger a rule; every other token is skipped inside the regex engine, a
    whole run at a time, so each attempt starts at a token boundary.

    Group 1: a letter token equal to one of ``words`` (lowercase) ignoring ASCII case. Group
    2: a digit token of 4 or 8 digits starting 1 or 2, or of 1-2 digits (the first ASCII)
    followed by one of ``/.-s`` (a superset of what the windows keep; they decide). The last
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

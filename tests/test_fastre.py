"""extract.dates.fastre compiles the same regular expressions, only faster: checked here.

Every pattern it compiles must give exactly what ``re.compile`` gives (spans, groups, the choice
between alternatives) on any text, with any window (``pos``/``endpos``); the table of what an
ASCII letter matches under ignore-case must be the engine's own.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extract.article  # noqa: F401 - with the finder, every module whose patterns are fast
import extract.dates.engine  # noqa: F401
from extract.dates import fastre
from extract.dates.en import EN
from extract.dates.periods import load_periods
from extract.events import Gazetteers


def _everything(rx: re.Pattern[str], text: str, pos: int, endpos: int) -> list:
    return [(m.span(), m.groups(), m.lastindex) for m in rx.finditer(text, pos, endpos)] + [
        bool(rx.match(text, pos, endpos)), bool(rx.fullmatch(text, pos, endpos))]


def _patterns() -> list[tuple[str, str, int]]:
    out = [(f"rule {r.name}", r.pattern.pattern, r.pattern.flags) for r in EN.rules]
    out += [(f"hint {r.name}", r.hint.pattern, r.hint.flags) for r in EN.rules
            if r.hint is not None]
    for mod in sorted(n for n in sys.modules if n == "extract" or n.startswith("extract.")):
        out += [(f"{mod}.{n}", v.pattern, v.flags)
                for n, v in sorted(vars(sys.modules[mod]).items())
                if isinstance(v, re.Pattern) and isinstance(v.pattern, str)]
    gaz = Gazetteers.load()
    out += [(f"gazetteers {n}", rx.pattern, rx.flags) for n, rx in (
        ("all_cues", gaz.all_cues), ("ascii_cues", gaz.ascii_cues), ("relevance", gaz.relevance))
        if rx is not None]
    for p in load_periods():
        out += [(f"period {p.id} {k}", rx.pattern, rx.flags)
                for k, rx in (("regex", p.regex), ("context", p.context_regex)) if rx is not None]
    return out


PATTERNS = _patterns()
_COMPILED = {name: (re.compile(src, flags), fastre.fast_compile(src, flags))
             for name, src, flags in PATTERNS}


def test_the_ignorecase_table_is_the_engines():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for c in map(chr, range(128)):
        got = set(re.findall("(?i)" + re.escape(c), every))
        assert got == set(fastre._forms(c, fastre._IC)), repr(c)


def test_the_class_tests_are_the_engines():
    k = fastre._k
    every = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]
    for items in ([(k.CATEGORY, k.CATEGORY_DIGIT)], [(k.CATEGORY, k.CATEGORY_SPACE)],
                  [(k.CATEGORY, k.CATEGORY_WORD)], [(k.LITERAL, 65), (k.RANGE, (97, 122))]):
        test = fastre._matcher(items, None)
        rx = re.compile("[" + {k.CATEGORY_DIGIT: r"\d", k.CATEGORY_SPACE: r"\s",
                               k.CATEGORY_WORD: r"\w"}.get(items[0][1], "Aa-z") + "]")
        assert [c for c in every if test(c) != bool(rx.match(c))] == [], items


def test_the_compiled_pattern_is_the_same_object_to_its_users():
    for name, (plain, fast) in _COMPILED.items():
        assert (fast.pattern, fast.flags, fast.groups, fast.groupindex) == (
            plain.pattern, plain.flags, plain.groups, plain.groupindex), name


def test_most_grammar_patterns_get_a_faster_program():
    # the optimisation applies (a pattern it cannot reason about falls back to re.compile)
    # (patterns compare equal when their programs are the same)
    rules = [n for n in _COMPILED if n.startswith("rule ")]
    faster = [n for n in rules if _COMPILED[n][0] != _COMPILED[n][1]]
    assert len(faster) >= 0.9 * len(rules), sorted(set(rules) - set(faster))


@pytest.mark.parametrize("src, flags, text", [
    (r"(?i)(?:past|last|sixty)\s+days", 0,
     "the PAST days, the laſt days, SIXTY DAYS, ſixty days"),
    (r"(?<!\w)(?i:kelvin|iron)", 0, "\u212aelvin \u0130ron \u0131ron iron-Kelvin"),
    (r"(?ai:s)", 0, "s S \u017f"),  # ASCII ignore-case: no Unicode case forms
    (r"(?i:(?:(?<=\bby\s)|(?<=at\s))year)", 0, "by year, at YEAR, to year"),
    (r"(?:x?)", 0, "xx x"),  # matches the empty string: no start set
    # alternatives gathered by first letter only past those that cannot start with it
    (r"(?:ax|[a-z]|ab|ay|b|abc)", 0, "ab ax ay abc b"),
    (r"(?i)(?:sx|\w|ſb|sb|Sc|t|)", 0, "sb Sb ſb sx ſc t"),
    (r"(?i)(?:the|two|(?P<g>ten)|tenth|t\d|past|pa|p)\b", 0, "The tenth TWO t2 pa past p"),
    (r"(?i)(a)|\1b", 0, "ab b"),
    (r"abc|abd", re.I, "ABD abc"),
    (r"(?i)sk", re.A, "SK sk \u017f\u212a"),
])
def test_small_patterns(src, flags, text):
    plain, fast = re.compile(src, flags), fastre.fast_compile(src, flags)
    for pos in range(len(text) + 1):
        assert _everything(fast, text, pos, len(text)) == _everything(plain, text, pos, len(text))


_WORDS = sorted({w for _n, src, _f in PATTERNS for w in re.findall(r"[A-Za-z]{2,}", src)})
_PIECES = st.sampled_from(
    _WORDS + [w.upper() for w in _WORDS[::7]] + [w.title() for w in _WORDS[::5]]
    + ["2023", "1999", "12", "5", "30/05/2023", "'90s", "٣", "\u212a", "ſ", "İ", "ı", " ", " ",
       "  ", "\n", ",", ".", "-", "'", "’", "(", ")", "$", "%", "a", "the", "of", "in"])


@given(st.lists(_PIECES, max_size=25).map(" ".join), st.data())
@settings(max_examples=300, deadline=None)
def test_fast_patterns_match_what_the_plain_ones_match(text, data):
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    for name, (plain, fast) in _COMPILED.items():
        assert _everything(fast, text, pos, endpos) == _everything(plain, text, pos, endpos), \
            (name, text, pos, endpos)


def test_rule_examples_match_the_same():
    texts = [e.text for r in EN.rules for e in r.examples]
    for name, (plain, fast) in _COMPILED.items():
        for text in texts:
            assert _everything(fast, text, 0, len(text)) == _everything(plain, text, 0,
                                                                          len(text)), name

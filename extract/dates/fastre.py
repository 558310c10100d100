"""Compile a regular expression so that it fails faster where it cannot match (speed only).

``fast_compile(pattern, flags)`` returns a :class:`re.Pattern` that matches exactly what
``re.compile(pattern, flags)`` matches (same spans, groups, choices between alternatives,
``.pattern`` and ``.flags``); only the compiled program differs, in three ways:

* **a start set for the search.** When every match begins by consuming a character of a set
  known from the pattern (after any leading look-arounds or ``\\b``), the program's
  optimisation block names that set, as CPython does by itself only for a pattern whose very
  first item is a character or a class. A search then skips, inside the regex engine, every
  position whose character is not in the set instead of trying the whole pattern there.
* **alternatives by first letter.** The alternatives of a branch that start with the same
  letter are gathered into one that tests the letter once (``the|past|two`` becomes
  ``t(?:he|wo)|past``, and so on down the words, a prefix tree): the engine tries the
  alternatives of a branch one after the other, and now rules out all the words of a letter by
  one test. An alternative moves up only past alternatives that cannot start with its letter,
  so where several can match they are tried in the same order. Under ``(?i)`` the letter is
  tested as the class of its case forms (``[pP]``, ``[sSſ]``, ``[kKK]``, ``[iIİı]``: exactly
  what ``(?i)`` lets it match), which the engine tests before entering the alternative; an
  ignore-case letter makes it enter every one.
* **a first-character test before look-behinds.** An alternative that starts with several
  look-behinds (``(?:(?<=by\\s)|(?<=at\\s)|...)year``) first tests, by a look-ahead, that its
  first consumed character can start it.

The pattern is read with the standard library's own parser and compiled with its compiler
(``re._parser``, ``re._compiler``: CPython's internals, stable from 3.11 to 3.13). Anything
unexpected there, or a pattern using what this module does not reason about, falls back to
``re.compile``: the result is never wrong, at worst not faster. ``tests/test_fastre.py``
checks the equivalence on every pattern of the grammar.
"""

from __future__ import annotations

import re
from typing import Any

try:
    import _sre
    from re import _compiler, _parser
    from re import _constants as _k
except ImportError:  # pragma: no cover - another Python implementation
    _sre = _compiler = _parser = _k = None  # type: ignore[assignment]

# the characters outside ASCII that an ASCII letter matches under (?i) (Unicode case folding
# of CPython's engine; tests/test_fastre.py checks this table against the engine)
_IGNORECASE_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}

# a first-character set is unknown (any character may start a match)
_ANY = None

# how the letters of a part of a pattern match: as written, ignoring Unicode case, or in a way
# this module leaves alone (ASCII-only or locale ignore-case)
_CS, _IC, _OTHER = 0, 1, 2


def _mode(mode: int, add: int, dele: int) -> int:
    """The letter mode inside a group with these added and removed flags."""
    k = _k
    if add & (k.SRE_FLAG_ASCII | k.SRE_FLAG_LOCALE):
        return _OTHER
    if dele & k.SRE_FLAG_IGNORECASE:
        return _CS
    if add & k.SRE_FLAG_IGNORECASE:
        return _IC if mode != _OTHER else _OTHER
    return mode


def fast_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with a program that fails faster (see the module)."""
    if _parser is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    try:
        return _compile(pattern, flags)
    except Exception:  # noqa: BLE001 - internals changed: the plain compile is always right
        return re.compile(pattern, flags)


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    k = _k
    p = _parser.parse(pattern, flags)
    flags = p.state.flags | flags
    if flags & (k.SRE_FLAG_LOCALE | k.SRE_FLAG_DEBUG) or not flags & k.SRE_FLAG_UNICODE:
        return re.compile(pattern, flags)
    ic = _IC if flags & k.SRE_FLAG_IGNORECASE else _CS
    start = _first_set(p.data, ic, p.state)
    # the engine's own start (a literal prefix, a leading class) is kept when it has one
    own = _compiler._get_literal_prefix(p, flags)[0] or _compiler._get_charset_prefix(p, flags)
    _split(p.data, ic, p.state)
    code: list[int] = []
    plain = flags & ~k.SRE_FLAG_IGNORECASE
    if start is not None and not own:
        # the optimisation block of a pattern that starts with a class of these characters,
        # with this pattern's own width
        head = _parser.SubPattern(p.state, [(k.IN, start)])
        head.width = p.getwidth()
        _compiler._compile_info(code, head, plain)
    else:
        _compiler._compile_info(code, p, flags)
    _compiler._compile(code, p.data, flags)
    code.append(k.SUCCESS)
    groupindex = p.state.groupdict
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(pattern, flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))


def _forms(ch: str, ic: int) -> list[str] | None:
    """The characters the literal ``ch`` matches in letter mode ``ic``; None when that is not
    known here."""
    if ic == _OTHER:
        return None
    if ic == _CS or not _sre.unicode_iscased(ord(ch)):
        return [ch]
    if ch.isascii():
        lo = ch.lower()
        return list(dict.fromkeys(lo + lo.upper() + _IGNORECASE_EXTRA.get(lo, "")))
    return None


def _class_items(items: list[tuple[Any, Any]], ic: int) -> list[tuple[Any, Any]] | None:
    """A character class's items as a case-sensitive class matching at least what it matches
    (None: unknown)."""
    k = _k
    if ic == _OTHER or any(op is k.NEGATE for op, _av in items):
        return _ANY
    if ic == _CS:
        return list(items)
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is k.LITERAL:
            forms = _forms(chr(av), _IC)
            if forms is None:
                return _ANY
            out += [(k.LITERAL, ord(c)) for c in forms]
        elif op is k.RANGE and av[1] < 128:
            for c in range(av[0], av[1] + 1):
                out += [(k.LITERAL, ord(f)) for f in _forms(chr(c), _IC) or ()]
        elif op is k.CATEGORY and av in (k.CATEGORY_DIGIT, k.CATEGORY_SPACE, k.CATEGORY_WORD):
            out.append((op, av))  # no character changes class under ignore-case
        else:
            return _ANY
    return out


def _first(data: list[tuple[Any, Any]], ic: int) -> tuple[list[tuple[Any, Any]] | None, bool]:
    """(the class items of the characters a match of ``data`` can start with, or None when
    any may; whether ``data`` can match the empty string)."""
    k = _k
    items: list[tuple[Any, Any]] = []
    for op, av in data:
        if op is k.LITERAL:
            forms = _forms(chr(av), ic)
            if forms is None:
                return _ANY, False
            return items + [(k.LITERAL, ord(c)) for c in forms], False
        if op is k.IN:
            got = _class_items(av, ic)
            return (_ANY, False) if got is None else (items + got, False)
        if op in (k.AT, k.ASSERT, k.ASSERT_NOT):
            continue  # zero width: the match starts at the next consumed character
        if op is k.SUBPATTERN:
            _group, add, dele, sub = av
            got, empty = _first(sub.data, _mode(ic, add, dele))
        elif op is k.ATOMIC_GROUP:
            got, empty = _first(av.data, ic)
        elif op is k.BRANCH:
            got, empty = [], False
            for alt in av[1]:
                g, e = _first(alt.data, ic)
                if g is None:
                    return _ANY, False
                got += g
                empty = empty or e
        elif op in (k.MAX_REPEAT, k.MIN_REPEAT, k.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            got, empty = _first(sub.data, ic)
            empty = empty or lo == 0
        else:
            return _ANY, False  # a back-reference, '.', a negated character ...
        if got is None:
            return _ANY, False
        items += got
        if not empty:
            return items, False
    return items, True


def _first_set(data: list[tuple[Any, Any]], ic: int, state: Any) -> list[tuple[Any, Any]] | None:
    """The case-sensitive class items every match of ``data`` starts with (None: unknown, or
    ``data`` can match the empty string)."""
    got, empty = _first(data, ic)
    if got is None or empty or not got:
        return None
    return list(dict.fromkeys(got))


def _sensitive(items: list[tuple[Any, Any]], state: Any) -> tuple[Any, Any]:
    """A case-sensitive character class of these items, as one item of a sequence."""
    k = _k
    return (k.SUBPATTERN, (None, 0, k.SRE_FLAG_IGNORECASE,
                           _parser.SubPattern(state, [(k.IN, items)])))


def _zero_width_cost(data: list[tuple[Any, Any]]) -> int:
    """How many look-arounds the sequence tests before its first consumed character (0 when it
    starts with one)."""
    k = _k
    n = 0
    for op, av in data:
        if op in (k.AT, k.ASSERT, k.ASSERT_NOT):
            n += 1
        elif op is k.BRANCH and all(
                alt.data and all(o in (k.AT, k.ASSERT, k.ASSERT_NOT) for o, _a in alt.data)
                for alt in av[1]):
            n += len(av[1])
        else:
            break
    return n


def _split(data: list[tuple[Any, Any]], ic: int, state: Any) -> None:
    """Rewrite, in place, the alternatives under ``data`` (see the module)."""
    k = _k
    for op, av in data:
        if op is k.SUBPATTERN:
            _group, add, dele, sub = av
            _split(sub.data, _mode(ic, add, dele), state)
        elif op is k.BRANCH:
            av[1][:] = _by_first_letter(av[1], ic, state)
            for alt in av[1]:
                _split(alt.data, ic, state)
                if ic == _IC and alt.data and alt.data[0][0] is k.LITERAL:
                    forms = _forms(chr(alt.data[0][1]), _IC)
                    if forms is not None and len(forms) > 1:
                        alt.data[0] = _sensitive([(k.LITERAL, ord(c)) for c in forms], state)
                elif _zero_width_cost(alt.data) >= 2:
                    first = _first_set(alt.data, ic, state)
                    if first is not None:
                        look = _parser.SubPattern(state, [_sensitive(first, state)])
                        alt.data.insert(0, (k.ASSERT, (1, look)))
        elif op in (k.MAX_REPEAT, k.MIN_REPEAT, k.POSSESSIVE_REPEAT):
            _split(av[2].data, ic, state)
        elif op in (k.ASSERT, k.ASSERT_NOT):
            _split(av[1].data, ic, state)
        elif op is k.ATOMIC_GROUP:
            _split(av.data, ic, state)
        elif op is k.GROUPREF_EXISTS:
            _split(av[1].data, ic, state)
            if av[2] is not None:
                _split(av[2].data, ic, state)


def _by_first_letter(alts: list[Any], ic: int, state: Any) -> list[Any]:
    """The alternatives of a branch, those that start with the same letter (in any of the
    forms it matches) gathered into one that tests the letter once and then branches on the
    rest: ``the|two|past|ten`` becomes ``t(?:he|wo|en)|past``.

    An alternative moves up to join an earlier one only past alternatives that cannot start
    with its letter, so at any position the alternatives that can match are tried in the
    same order as before.
    """
    k = _k
    # a slot: [forms, the letter's item, the rests of its alternatives, the alternative] or,
    # for an alternative kept as it is, [None, the characters it may start with or None, alt]
    slots: list[list[Any]] = []
    for alt in alts:
        d = alt.data
        forms = _forms(chr(d[0][1]), ic) if d and d[0][0] is k.LITERAL else None
        if forms is None:
            first = _first_set(d, ic, state)
            slots.append([None, _matcher(first, state) if first else None, alt])
            continue
        key = frozenset(forms)
        for slot in reversed(slots):
            if slot[0] == key:
                slot[2].append(d[1:])
                break
            if slot[0] is None and (slot[1] is None or any(slot[1](c) for c in key)):
                slots.append([key, d[0], [d[1:]], alt])
                break
        else:
            slots.append([key, d[0], [d[1:]], alt])
    out = []
    for slot in slots:
        if slot[0] is None:
            out.append(slot[2])
        elif len(slot[2]) == 1:
            out.append(slot[3])
        else:
            head = _sensitive([(k.LITERAL, ord(c)) for c in slot[0]], state) \
                if len(slot[0]) > 1 else slot[1]
            rests = [_parser.SubPattern(state, rest) for rest in slot[2]]
            out.append(_parser.SubPattern(state, [head, (k.BRANCH, (None, rests))]))
    return out


def _matcher(items: list[tuple[Any, Any]], state: Any) -> Any:
    """A test of one character: is it in the case-sensitive class of these items?"""
    k = _k
    tests = {k.CATEGORY_DIGIT: str.isdecimal, k.CATEGORY_SPACE: str.isspace,
             k.CATEGORY_WORD: lambda c: c.isalnum() or c == "_"}
    if all(op in (k.LITERAL, k.RANGE) or (op is k.CATEGORY and av in tests)
           for op, av in items):
        chars = {chr(av) for op, av in items if op is k.LITERAL}
        ranges = [av for op, av in items if op is k.RANGE]
        cats = [tests[av] for op, av in items if op is k.CATEGORY]
        return lambda c: c in chars or any(lo <= ord(c) <= hi for lo, hi in ranges) or any(
            t(c) for t in cats)
    rx = _compiler.compile(_parser.SubPattern(state, [(k.IN, items)]), k.SRE_FLAG_UNICODE)
    return lambda c: rx.match(c) is not None

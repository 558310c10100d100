"""Names in a sentence (countries, people, weapon systems): every alias of a gazetteer in one
pattern, found in one pass, each mapped to its canonical name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.dates.lexicon import _prefix_tree

_WORD_START = r"(?<![\w-][\s\S])"  # after a name's first letter: nothing word-like before it


def _names_pattern(words: list[str], tail: str = "") -> str:
    r"""The quick form of ``(?<![\w-])(?:w1|w2|...)(?![\w-])`` for :class:`Names` (``tail``:
    what may follow a name before its end, as :data:`_PLURAL`).

    The first character of every name is a plain character, so the regex engine skips every
    position that no name starts with; the look-behind moves after it.
    """
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[0], []).append(word[1:])
    body = "|".join(re.escape(c) + _WORD_START + _prefix_tree(rest)
                    for c, rest in branches.items())
    return rf"(?:{body}){tail}(?![\w-])"


def _skipping(name: str, words: list[str]) -> str:
    r"""``name`` (a :func:`_names_pattern` of ``words``) as a pattern whose matches skip, inside
    the regex engine, a whole run of word characters at a time: group 1 is where the name
    starts (the match starts where the search did), and the last match, at the end of the
    text, has no group 1.

    A name starts only where no ``[\w-]`` is before it, so inside a run of ``[\w-]`` only its
    first character can start one: tested once per run, not once per letter. ``finditer``
    finds the same names as ``finditer`` of ``name``, by the same look-behind.
    """
    odd = "".join(sorted({w[0] for w in words if not re.match(r"[\w-]", w[0])}))
    odd_class = f"[{re.escape(odd)}]" if odd else ""
    other = rf"[^\w\-{re.escape(odd)}]++"  # characters no name can start with (or no run)
    unit = rf"[\w-]++|{odd_class}" if odd else r"[\w-]++"
    return rf"(?:{other}|(?!{name})(?:{unit}))*+(?:(){name}|\Z)"


# a plural or possessive after a system's name: "F-16s", "S-300s", "the TB2's range"
_PLURAL = r"(?:'?s|’s)?"


def _ascii_folds_safe(words: list[str]) -> bool:
    """True when no non-ASCII character of ``words`` matches an ASCII one ignoring case (as
    the Kelvin sign matches 'k'): then on ASCII text, matching ignoring case is matching the
    lower-cased words against the lower-cased text."""
    odd = {c for w in words for c in w if not c.isascii()}
    return not any(re.fullmatch(re.escape(c), chr(x), re.I) for c in odd for x in range(128))


@dataclass(frozen=True)
class Names:
    """Every alias of a gazetteer in one alternation, and the canonical name of each alias.

    One pass over a sentence finds every name (the longest alias wins where two start at the
    same place), in order of first appearance. ``rx`` is that alternation; ``quick`` finds the
    same names faster (:func:`_names_pattern`): on any text when case matters, else on ASCII
    text, lower-cased (``rx`` is used for the rest).
    """

    rx: re.Pattern[str]
    canonical: dict[str, str]
    ignore_case: bool
    quick: re.Pattern[str] | None = None
    plurals: bool = False
    # ``quick`` for lower-cased text as :func:`_skipping` makes it (group 1: a name's start)
    skipping: re.Pattern[str] | None = None

    @classmethod
    def build(cls, entries: dict[str, list[str]], *, ignore_case: bool,
              plurals: bool = False) -> Names:
        """The names of ``entries`` (canonical name -> aliases); with ``plurals``, a name
        followed by "s" or "'s" is found too ("F-16s")."""
        canonical: dict[str, str] = {}
        for name, aliases in entries.items():
            for alias in [name, *aliases]:
                if alias:
                    canonical.setdefault(alias.casefold() if ignore_case else alias, name)
        parts = sorted({a for name, aliases in entries.items() for a in [name, *aliases] if a},
                       key=len, reverse=True)
        body = "|".join(re.escape(a) for a in parts)
        tail = _PLURAL if plurals else ""
        if ignore_case:
            # one prefix tree of the lower-cased names, matched ignoring case: as fast with 2,500
            # aliases as with 50 (a plain alternation tries each in turn at every position)
            rx = re.compile(_names_pattern(list(dict.fromkeys(a.lower() for a in parts)), tail),
                            re.I)
        else:
            rx = re.compile(rf"(?<![\w-])(?:{body}){tail}(?![\w-])")
        quick: re.Pattern[str] | None = None
        if not ignore_case:
            quick = re.compile(_names_pattern(parts, tail))
        elif _ascii_folds_safe(parts):
            # a name with other than ASCII letters never matches ASCII text: left out
            lowered = list(dict.fromkeys(a.lower() for a in parts if a.isascii()))
            if lowered:
                quick = re.compile(_names_pattern(lowered, tail))
                # in lower-cased text most letters may start a name: a run is tested once
                skipping = re.compile(_skipping(quick.pattern, lowered))
                return cls(rx, canonical, ignore_case, quick, plurals, skipping)
        return cls(rx, canonical, ignore_case, quick, plurals)

    def found(self, text: str) -> list[str]:
        out: dict[str, None] = {}
        if self.quick is not None and not self.ignore_case:
            words = [m.group(0) for m in self.quick.finditer(text)]
        elif self.skipping is not None and text.isascii():
            words = [text[m.start(1):m.end()] for m in self.skipping.finditer(text.lower())
                     if m.lastindex]
        elif self.quick is not None and text.isascii():
            words = [text[m.start():m.end()] for m in self.quick.finditer(text.lower())]
        else:
            words = [m.group(0) for m in self.rx.finditer(text)]
        for word in words:
            key = word.casefold() if self.ignore_case else word
            name = self.canonical.get(key)
            if name is None and self.plurals:
                name = self.canonical.get(re.sub(r"(?:'|’)?s\Z", "", key, flags=re.I))
                if name is not None and word[-2:-1] not in "'’" and word[:-1].isalpha():
                    name = None  # a plural of a designation ("F-16s"), not of a word ("Patriots")
            if name:
                out.setdefault(name, None)
        return list(out)

"""Who sells to whom: the supplier and the recipient of a deal or a delivery, when its sentence
says so ("Israel sold drones to Azerbaijan", "Baku bought Israeli drones", "Poland received
tanks from South Korea").

The sentence's country names (with their places) and one of the transfer verbs decide:

* a verb of giving ("sold", "supplied", "delivered", "exported", "shipped", "handed over", or
  "the sale of", "deliveries of"): the
  supplier is the country named last before it in its clause, the recipient the country after
  "to" (or right after the verb: "supply India with");
* a verb of getting ("bought", "purchased", "ordered", "received", "imported", "acquired"): the
  recipient is the country named last before it, the supplier the country after "from", or the
  demonym in its object ("bought Israeli drones");
* "<demonym>-made" / "-built" / "-supplied" before the object is the supplier too.

A side the sentence does not name stays empty, and a country on both sides gives nothing: a
reviewer sees only what the text says.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol

from extract.dates.fastre import fast_compile


class _Names(Protocol):
    """What is used of :class:`extract.events.Names`: the alternation of every alias, its quick
    form, and the canonical name of each."""

    @property
    def rx(self) -> re.Pattern[str]: ...
    @property
    def canonical(self) -> dict[str, str]: ...
    @property
    def ignore_case(self) -> bool: ...
    @property
    def quick(self) -> re.Pattern[str] | None: ...

_GIVE = (r"sold|sells?|selling|supplied|supplies|supply|supplying|delivered|delivers?|"
         r"delivering|exported|exports?|exporting|transferred|transfers?|shipped|ships?|"
         r"provided|provides?|providing|gave|gives?|donated|handed\s+over|sent|sends?|"
         r"sales?|deliver(?:y|ies)|shipments?")
_GET = (r"(?:take|takes|took|taking|taken)\s+delivery|"
        r"bought|buys?|buying|purchased|purchases?|purchasing|ordered|orders?|ordering|"
        r"received|receives?|receiving|imported|imports?|importing|acquired|acquires?|"
        r"acquiring|procured|procures?|obtained|acquisitions?")
_VERB = fast_compile(rf"(?i)\b(?:(?P<give>{_GIVE})|(?P<get>{_GET}))\b")
# where a clause ends (the subject of a verb is not looked for beyond it)
_CLAUSE_END = fast_compile(r"[;:]|,\s+(?:and|but|while|which|who|as|with)\b|\.\s")
_REACH = 90  # characters after the verb where its "to" / "from" / object is looked for


class _Named(NamedTuple):
    start: int
    end: int
    country: str


def _countries(sentence: str, names: _Names) -> list[_Named]:
    out = []
    # when case matters, the quick pattern finds the same names at the same places, faster
    rx = names.quick if names.quick is not None and not names.ignore_case else names.rx
    for m in rx.finditer(sentence):
        country = names.canonical.get(m.group(0).casefold() if names.ignore_case
                                      else m.group(0))
        if country:
            out.append(_Named(m.start(), m.end(), country))
    return out


def direction(sentence: str, names: _Names) -> tuple[str | None, str | None]:
    """(supplier, recipient) of the transfer the sentence tells, each None when not said.

    The first transfer word that names a side decides; a later one in the sentence only fills
    a side the first left open ("delivery of South Korean armaments ... bought by Poland"), and
    never with the country already on the other side."""
    named = _countries(sentence, names)
    if not named:
        return None, None
    supplier = recipient = None
    for v in _VERB.finditer(sentence):
        found = _sides(sentence, named, names, v)
        if found is None:
            continue
        s, r = found
        if s is not None and s == r:
            return None, None
        if supplier is None and recipient is None:
            supplier, recipient = s, r
        else:
            if supplier is None and s is not None and s != recipient:
                supplier = s
            if recipient is None and r is not None and r != supplier:
                recipient = r
        if supplier is not None and recipient is not None:
            break
    return supplier, recipient


# nouns of a transfer: their subject is whoever approved, signed or announced it, so a country
# counts as theirs only close before ("Germany approved the sale"), never across a clause
_NOUNS = frozenset({"sale", "sales", "delivery", "deliveries", "shipment", "shipments",
                    "acquisition", "acquisitions"})
_NEAR = 40  # characters between a noun of transfer and the country before it
# "negotiations to sell", "a bid to buy": whose negotiations the words do not say
_TALKS_TO = fast_compile(r"(?i)\b(?:negotiations|talks|bids?|efforts?|attempts?|competition|"
                         r"tender|race|lobbying|pressure|proposals?)\s+to\s+\Z")
_PARTICIPLE = fast_compile(r"(?i)(?:ed|sold|bought|sent|given|handed\s+over)\Z")
# a passive before a verb of giving: whoever is named before is not who gives ("Seoul spotted
# containers being shipped through ...", "the jets should be delivered between 2024 and 2026")
_PASSIVE = fast_compile(r"(?i)\b(?:being|been|was|were|is|are|be)\s+(?:\w+ly\s+)?\Z")
# what a verb of getting gets that is no weapon: "received permission from the United States"
_NOT_ARMS = fast_compile(r"(?i)\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+)?(?:permission|"
                         r"approvals?|authori[sz]ation|green\s+light|go-ahead|consent|clearance|"
                         r"requests?|invitations?|calls?|letters?|delegations?|visits?)\b")


def _sides(sentence: str, named: list[_Named], names: _Names,
           v: re.Match[str]) -> tuple[str | None, str | None] | None:
    """(supplier, recipient) by one transfer word, None when it names neither."""
    giving = v.group("give") is not None
    word = v.group(0)
    noun = word.casefold() in _NOUNS
    after = sentence[v.end():v.end() + _REACH]
    if not giving and _NOT_ARMS.match(after):
        return None
    agent = None if noun or not _PARTICIPLE.search(word) else _agent(
        after, named, v.end())  # "bought by Poland"
    if agent is not None:
        before = None
    elif _TALKS_TO.search(sentence, max(0, v.start() - 40), v.start()) or (
            giving and _PASSIVE.search(sentence, max(0, v.start() - 24), v.start())):
        before = None
    else:
        before = _subject(sentence, named, v.start(), near=_NEAR if noun else None)
    other = _marked(after, named, v.end(), "to" if giving else "from")
    if other is None and giving and not noun:
        other = _right_after(after, named, v.end())  # "supply India with"
    if other is None and not giving and agent is None:
        other = _demonym_object(after, named, v.end())  # "bought Israeli drones"
    if other is None:
        other = _partner(sentence, named, v.start())  # "a contract with the US to buy"
    if giving:
        supplier, recipient = agent or before, other
        if supplier is None and noun:
            supplier = _of_demonym(after, named, v.end())  # "the sale of Russian jets"
    else:
        supplier, recipient = other, agent or before
    if supplier is None and recipient is not None:
        supplier = _made_by(sentence, names, v.end()) or _made_in(sentence, named, v.end(),
                                                                  recipient)
    if supplier is None and recipient is None:
        return None
    return supplier, recipient


def _subject(sentence: str, named: list[_Named], at: int, *, near: int | None = None,
             ) -> str | None:
    """The country named last before ``at`` in its clause (within ``near`` characters when
    given), unless it is one of two joined by "and" ("Moscow and New Delhi signed"): then the
    words do not say which side is which."""
    clause_start = 0
    for m in _CLAUSE_END.finditer(sentence, 0, at):
        clause_start = m.end()
    if near is not None:
        clause_start = max(clause_start, at - near)
    if _BETWEEN.search(sentence, clause_start, at):
        return None  # "the contract between Indian firms and Armenia for the supply": no order
    cands = [n for n in named if clause_start <= n.start and n.end <= at
             and not _NOT_SUBJECT.search(sentence, max(0, n.start - 12), n.start)]
    if not cands:
        return None
    last = cands[-1]
    for n in named:
        if n is not last and n.country != last.country and (
                (n.end <= last.start and _JOINED.fullmatch(sentence, n.end, last.start))
                or (last.end <= n.start and _JOINED.fullmatch(sentence, last.end, n.start))):
            return None
    return last.country


# before a country that is not who acts: a side marked as the other one, a place ("a factory
# in Australia"), a rival ("won over Germany's Rheinmetall")
_NOT_SUBJECT = fast_compile(r"(?i)\b(?:to|from|with|by|in|at|near|over|against|than|beat)\s+"
                            r"(?:the\s+)?\Z")


_BETWEEN = fast_compile(r"(?i)\bbetween\b")


_JOINED = fast_compile(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?")


def _marked(after: str, named: list[_Named], offset: int, word: str) -> str | None:
    """The country right after "to" (or "from") within the verb's reach."""
    for n in named:
        if offset <= n.start < offset + len(after) and re.search(
                rf"(?i)(?<!according\s)\b{word}\s+(?:the\s+)?\Z", after[:n.start - offset]):
            return n.country
    return None


def _right_after(after: str, named: list[_Named], offset: int) -> str | None:
    """'supply India with ...': the country right after the verb, before "with"."""
    for n in named:
        if n.start - offset <= 5 and n.start >= offset and re.match(
                r"\s+with\b", after[n.end - offset:]):
            return n.country
    return None


# what follows a demonym that opens an object: a word ("Israeli drones", "Israeli Harop
# drones") or a possessive ("Israel's drones")
_OPENS_OBJECT = fast_compile(r"'s\b|\s+\w")
_OF_GAP = fast_compile(r"\s+of\s+(?:[\w-]+\s+){0,4}")  # "of", "of the first shipment of"


def _demonym_object(after: str, named: list[_Named], offset: int) -> str | None:
    """'bought Israeli drones': a demonym opening the verb's object (its first four words)."""
    for n in named:
        gap = after[:n.start - offset] if n.start >= offset else None
        if (gap is not None and len(gap.split()) <= 3 and "," not in gap
                and _OPENS_OBJECT.match(after, n.end - offset)):
            return n.country
    return None


# "Israeli-made", "US-built": the maker's name joined to the participle (no country pattern
# takes a name followed by a hyphen)
_MADE_BY = fast_compile(r"(?<![\w-])([A-Z][\w.]*)-(?:made|built|produced|manufactured|designed)\b")


def _made_by(sentence: str, names: _Names, offset: int) -> str | None:
    """'Israeli-made drones': the maker named in the object after ``offset``."""
    for m in _MADE_BY.finditer(sentence, offset):
        country = names.canonical.get(m.group(1).casefold() if names.ignore_case
                                      else m.group(1))
        if country:
            return country
    return None


_BY = fast_compile(r"\s+by\s+(?:the\s+)?")


def _agent(after: str, named: list[_Named], offset: int) -> str | None:
    """'bought by Poland', 'supplied by Israel': the country right after a participle's "by"."""
    for n in named:
        if offset <= n.start < offset + len(after) and _BY.fullmatch(after, 0, n.start - offset):
            return n.country
    return None


def _of_demonym(after: str, named: list[_Named], offset: int) -> str | None:
    """'the sale of Russian jets', 'delivery of the first shipment of South Korean armaments':
    a demonym opening what a noun of transfer is of."""
    for n in named:
        if n.start < offset or n.start - offset > len(after):
            continue
        gap = after[:n.start - offset]
        if "," not in gap and _OF_GAP.fullmatch(gap) and _OPENS_OBJECT.match(
                after, n.end - offset):
            return n.country
    return None


_MADE_IN = fast_compile(r"(?i)\b(?:made|built|produced|manufactured)\s+(?:in|by)\s+(?:the\s+)?\Z")


def _made_in(sentence: str, named: list[_Named], offset: int, recipient: str) -> str | None:
    """'... defence system made by Israel', 'drones built in Turkey': the maker's country named
    in the object after ``offset`` (never the recipient)."""
    for n in named:
        if n.start > offset and n.country != recipient and _MADE_IN.search(
                sentence, max(offset, n.start - 24), n.start):
            return n.country
    return None


_WITH = fast_compile(r"(?i)\bwith\s+(?:the\s+)?\Z")
_TO_VERB = fast_compile(r"(?:\s+(?:on|in|last|this|early|late)(?:\s+[\w.]+){1,2},?)?\s+to\s+")


def _partner(sentence: str, named: list[_Named], at: int) -> str | None:
    """'signed a contract with the United States to buy', 'an agreement with Argentina to sell':
    the country after "with" right before "to" and the verb at ``at``: the other side."""
    for n in reversed(named):
        if n.end <= at and _TO_VERB.fullmatch(sentence, n.end, at) and _WITH.search(
                sentence, max(0, n.start - 10), n.start):
            return n.country
    return None

"""The type of a dated happening, from the cue words of ``data/event_types.yaml`` found in its
sentence (:func:`extract.events._cues` finds them): the verb nearest the date words decides,
a noun only when no verb is near; a few types decide for the whole sentence."""

from __future__ import annotations

from typing import NamedTuple

from extract.dates.fastre import fast_compile
from extract.dates.tense import _FRONTED_LEFT  # a date opening its sentence, as tense reads it

# Types whose cue decides the whole sentence; for the others the cue nearest the date wins.
_SENTENCE_WIDE = ("statistic", "diplomatic", "production")


class Cue(NamedTuple):
    """A type's cue word in a sentence: the type's rank (its place in event_types.yaml), the
    type, where the words are, and whether they hold a verb ("delivered", "signed ... contract")
    rather than only a noun ("the delivery", "a ceremony")."""

    rank: int
    kind: str
    start: int
    end: int
    verbal: bool


# a verb in a cue's words: a past form, or a past tense of its own ("fighting", "signing" are
# as often nouns; "according to" is no verb)
_VERBAL = fast_compile(r"(?i)ed\b|\b(?:bought|sold|met|struck|shot|went|brought|paid|won|took|"
                       r"gave|sent|fought|flew|held|told|says?|said|saying|begun|began|"
                       r"arrived)\b")

# before a cue, what makes its base form a verb: a modal or "to" ("would deliver", "to sell")
_VERB_LEFT = fast_compile(r"(?i)\b(?:will|would|shall|should|could|can|may|might|must|to|did|"
                          r"does|do)\s+(?:not\s+)?(?:[a-z]+ly\s+)?\Z")

# a cue this near its date (characters, no comma between) wins over a cue that decides for
# the whole sentence: "following the Ukraine crisis in February 2022, Ukraine became the
# third-largest importer" (the crisis is a conflict)
_BESIDE = 12


# how much further a noun cue counts than a verb cue at the same distance from the date words:
# what happened is told by the verb ("Baykar delivered six TB2s in October 2022 at a
# ceremony" is a delivery, not a visit), so a noun decides only when no verb cue is within
# this many characters more of the date (on the dev set, 40: type 0.62, 80: 0.63, 120: 0.64)
_NOUN_REACH = 120


# between a reporting verb and its date: nothing but "on", "late", a comma ("said on
# Tuesday", "late on September 13 proclaimed", "saying Thursday"), a short object ("reported
# the decision on Saturday") or where it was said ("said in a statement Monday evening"): the
# date is the saying's
_SAID_GAP = fast_compile(r"(?i)\s*(?:,\s*)?(?:(?:on|in|late|early|earlier|only|just|also|then|"
                         r"publicly|first)\s+)*(?:(?:the|a|an|its|his|her|their)\s+[\w-]+"
                         r"(?:\s+[\w-]+)?\s+(?:on|in|late|earlier)\s*)?\Z|"
                         r"\s*in\s+(?:the|a|an|its|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?\s+\Z|"
                         # by whom: "officially confirmed by the US on 10 September"
                         r"\s*by\s+(?:the\s+)?[\w.’'-]+(?:\s+[\w.’'-]+)?\s+(?:on|in)\s+\Z")

# a sentence opened by its saying, the date in it: "Speaking at a media briefing Monday, ..."
_SPEAKING_LEAD = fast_compile(r"(?i)\s*(?:speaking|talking|writing|addressing)\b[^,;]*\Z")

# a saying, then where: "Blinken said in a Sept. 10 press conference"
_SAID_IN = fast_compile(r"(?i)\b(?:said|says|told|announced|stated|declared|confirmed)\s+"
                        r"(?:in|at|during)\s+(?:a|an|the|its|his|her|their)\s+\Z")

_SAYING_PLACE = fast_compile(r"(?i)\s+(?:[\w-]+\s+)?(?:conference|briefing|interview|statement|"
                             r"speech|address|session|meeting|call|post|tweet)s?\b")

# a noun's date after "of" or "dated": "under an agreement of November 29, 2016"
_OF_DATE = fast_compile(r"(?i)\b(agreements?|accords?|treat(?:y|ies)|memorand\w+|contracts?|"
                        r"deals?)\s+(?:of|dated)\s+\Z")

# the date words as a noun's modifier: "the Sept. 10 announcement", "the 2015 nuclear deal",
# "its July 2019 order": the noun right after them is what happened then
_DETERMINER = fast_compile(r"(?i)\b(?:the|a|an|its|their|his|her|this|that)\s+\Z")

# a cue around the date words counts when they come this soon after its first word: "signed
# on Monday a contract" is a deal; in "contracts for the arrival of 180 tanks between 2022 and
# 2025 were signed" the date words are the arrival's, further in
_AROUND = 20


# between "told" and its date, whom it was told: "told Israeli media on July 19", "told
# Reuters on Monday"
_TOLD_GAP = fast_compile(r"\s*(?:[\w.’'-]+\s+){1,3}(?:(?:late\s+|early\s+)?on\s+)?\Z")


def _within(a: int, b: int, start: int, end: int) -> bool:
    """Whether the cue at ``a:b`` is not to be read for the date words at ``start:end``: it
    lies in them ("the 7 October attack"), or holds them further than :data:`_AROUND`
    characters from its start. A cue around them, just after its verb ("signed on Monday a
    contract"), is the happening's, at no distance."""
    return a < end and start < b and not (a < start and end <= b and start - a <= _AROUND)


def _apart(sentence: str, a: int, b: int, start: int, end: int) -> bool:
    """Whether a comma stands between the cue at ``a:b`` and the date words at ``start:end``."""
    return "," in (sentence[b:start] if b <= start else sentence[end:a])


def _event_type(cues: list[Cue], start: int, end: int, sentence: str = "",
                others: tuple[tuple[int, int], ...] = ()) -> str:
    """The type for the date at ``sentence[start:end]``, from the sentence's cues.

    A statistic, diplomatic or production cue anywhere in the sentence decides it. A
    reporting verb right beside the date ("said on Tuesday", "on Saturday acknowledged")
    makes a statement. A date opening its sentence takes the first verb after it. Otherwise
    the cue closest to the date words wins, a noun counting :data:`_NOUN_REACH` characters
    further than a verb, ties going to the more specific type; a reporting verb further off
    ("the jets arrived on Monday, the ministry said") makes a statement only when nothing else
    happened. A cue nearer another date of the sentence (``others``, their spans) is that
    date's: "the induction ... starting 2022 will balance ... following the transgression in
    May 2020" (the transgression is May 2020's), unless no cue is this date's own, and a cue
    beyond a comma ranks after the cues of the date's own clause when one of them is a verb.

    Before all that, what the date words are attached to decides: a sentence opened by its
    saying ("Speaking at a media briefing Monday, ..."), a noun the date follows ("an agreement
    of November 29, 2016"), a noun the date modifies ("the Sept. 10 announcement"; "said in a
    Sept. 10 press conference" is the saying).
    """
    if sentence and _SPEAKING_LEAD.match(sentence, 0, start) and "," in sentence[end:end + 20]:
        return "statement"  # "Speaking at a media briefing Monday, the minister said ..."
    of = _OF_DATE.search(sentence, max(0, start - 40), start) if sentence else None
    if of is not None:  # "under an agreement of November 29, 2016": the agreement's day
        return "deal" if of.group(1).lower().startswith(("contract", "deal")) else "agreement"
    if sentence and _DETERMINER.search(sentence, max(0, start - 8), start):
        if _SAID_IN.search(sentence, max(0, start - 30), start) and _SAYING_PLACE.match(
                sentence, end):
            return "statement"  # "said in a Sept. 10 press conference": where it was said
        for _rank, kind, a, _b, _verbal in cues:
            if end <= a <= end + 1:
                return kind
    best: tuple[bool, bool, int, int, str] | None = None
    reported = False
    # "Last month, the minister had disclosed ...": the main clause's first verb decides
    fronted = bool(sentence) and _FRONTED_LEFT.match(sentence[:start]) is not None and \
        sentence[end:end + 1] == ","
    first_verb: tuple[int, str] | None = None
    beside = any(k not in _SENTENCE_WIDE and k != "statement" and not _within(a, b, start, end)
                 and max(start - b, a - end) <= _BESIDE
                 and "," not in sentence[min(b, end):max(a, start)] for _r, k, a, b, _v in cues)
    for _rank, kind, a, b, _verbal in cues:
        if kind in _SENTENCE_WIDE and not _within(a, b, start, end) and not beside:
            return kind
    clause_verb = "," in sentence and any(
        verbal and k != "statement" and not _within(a, b, start, end)
        and not _apart(sentence, a, b, start, end) for _r, k, a, b, verbal in cues)
    for rank, kind, a, b, verbal in cues:
        if _within(a, b, start, end):
            continue  # the date words themselves ("the 2020 war") are not a cue
        if kind == "statement" and verbal and sentence and (
                (b <= start and (_SAID_GAP.match(sentence[b:start]) or (
                    sentence[a:b].lower() in ("told", "tells")
                    and _TOLD_GAP.match(sentence[b:start]))))
                or (a >= end and _SAID_GAP.match(sentence[end:a]))):
            return kind  # "officials said on September 14", "on Saturday acknowledged"
        if fronted and verbal and a >= end and (first_verb is None or a < first_verb[0]):
            first_verb = (a, kind)
        if kind == "statement":
            reported = True
            continue
        gap = max(0, start - b, a - end)
        distance = gap + (0 if verbal else _NOUN_REACH)
        # another date's own cue ranks after every cue of this one's
        owned = not any(max(0, x - b, a - y) < gap for x, y in others)
        # a cue beyond a comma after every cue of the date's own clause when a verb of that
        # clause tells what happened: "Turkey, which bought the S-400 in 2017, received the
        # first parts in July 2019" (2017 is the purchase)
        apart = clause_verb and _apart(sentence, a, b, start, end)
        if best is None or (not owned, apart, distance, rank) < best[:4]:
            best = (not owned, apart, distance, rank, kind)
    if first_verb is not None:
        return first_verb[1]
    if best:
        return best[4]
    return "statement" if reported else "other"

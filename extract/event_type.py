"""The type of a dated happening, from the cue words of ``data/event_types.yaml`` found in its
sentence (:func:`extract.events._cues` finds them): the verb nearest the date words decides,
a noun only when no verb is near; a few types decide for the whole sentence."""

from __future__ import annotations

import re
from typing import NamedTuple

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


# a verb in a cue's words: a past or -ing form, or a past tense of its own
_VERBAL = re.compile(r"(?i)(?:ed|ing)\b|\b(?:bought|sold|met|struck|shot|went|brought|"
                     r"paid|won|took|gave|sent|fought|flew|held|told|says?|said|begun|began|"
                     r"arrived)\b")


# how much further a noun cue counts than a verb cue at the same distance from the date words:
# what happened is told by the verb ("Baykar delivered six TB2s in October 2022 at a
# ceremony" is a delivery, not a visit), so a noun decides only when no verb cue is within
# this many characters more of the date (on the dev set, 40: type 0.62, 80: 0.63, 120: 0.64)
_NOUN_REACH = 120


def _event_type(cues: list[Cue], start: int, end: int) -> str:
    """The type for the date at ``sentence[start:end]``, from the sentence's cues.

    A statistic, diplomatic or production cue anywhere in the sentence decides it; otherwise
    the cue closest to the date words wins, a noun counting :data:`_NOUN_REACH` characters
    further than a verb, ties going to the more specific type; a reporting verb ("the ministry
    said") makes a statement only when nothing else happened.
    """
    best: tuple[int, int, str] | None = None
    reported = False
    for rank, kind, a, b, verbal in cues:
        if a < end and start < b:
            continue  # the date words themselves ("the 2020 war") are not a cue
        if kind in _SENTENCE_WIDE:
            return kind
        if kind == "statement":
            reported = True
            continue
        distance = max(0, start - b, a - end) + (0 if verbal else _NOUN_REACH)
        if best is None or (distance, rank) < best[:2]:
            best = (distance, rank, kind)
    if best:
        return best[2]
    return "statement" if reported else "other"

"""Titles of candidate events: the sentence without its date words, the words that tie them
to it, wire tags and lead-in connectives; a title never keeps the hole where the date was."""

from __future__ import annotations

import re
from typing import Any

from extract.dates import DateMention
from extract.dates.fastre import fast_compile
from extract.sentence_dates import _DATELINE_LEAD

_LEADING = fast_compile(
    r"^(?:(?:meanwhile|however|moreover|also|then|and|but|so|thus|in addition|at the same time)"
    r"\s*,?\s+)+",
    re.I,
)


class _Guarded:
    """A pattern with the text it cannot match without (a quick ``in`` test first): the steps
    for rare shapes cost nothing on the titles without them."""

    __slots__ = ("rx", "hints")

    def __init__(self, pattern: str, *hints: str) -> None:
        self.rx, self.hints = fast_compile(pattern), hints

    def sub(self, replacement: str, text: str) -> str:
        return self.rx.sub(replacement, text) if any(h in text for h in self.hints) else text


# the title's clean-up steps, in order (compiled once: titles are made for every candidate)
_TITLE_STEPS = (
    # an embedded post's link and the undecodable characters of its emoji
    (_Guarded(r"\s*(?:pic\.twitter\.com/\w+|\ufffd+)", "pic.twitter.com/", "\ufffd"), ""),
    # a photo's credit: "... in Baku, May 30, 2023 / President.Az"
    (_Guarded(r",?\s+/\s+[\w.&' -]{1,40}\Z", "/"), ""),
    # its signature: "— Poland MOD (@Poland_MOD)", "... despots," the ministry said. Defense of
    # Ukraine (@DefenceU)"
    (_Guarded(r"(?:\s*[—–]+|(?<=[.!?\"”])|\s-+)\s*[^()\n.!?\"”—–]{1,60}\(@\w{1,30}\)[\s,.]*\Z",
              "(@"), ""),
    # "signed in Poland on Friday (August 26), are ...": brackets whose date words were cut
    (fast_compile(r"\s*\(\s*[,;]?\s*\)"), ""),
    (fast_compile(r"\b(?:in|on|at|during|since|by|from|of|and|or|for|until|till|within|after|"
                  r"before|around|through|throughout|between)\s*(?=[,.;]|\s*$)"), ""),
    # 'announced: "Today, the United States ...' without its "Today": '"the United States'
    (_Guarded(r"(?:(?<=^[\"“])|(?<=[\s:(][\"“]))\s*,\s*", '"', "“"), ""),
    (fast_compile(r"\b(?:in|on|during)\s+(?:and\s+)?(?=,)"), ""),
    (fast_compile(r",\s*(?=\()"), " "),  # "MOSCOW, July 25 (Xinhua)" -> "MOSCOW (Xinhua)"
    # "BERLIN (UrduPoint News / Sputnik - ) The German ...": a dateline whose date was cut
    (fast_compile(r"^[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,2}\s*\([^()]{0,60}?[-–—]\s*\)\s*"),
     ""),
    # "YEREVAN. – Minister ...": a dateline without a date; "New Delhi, Nov 22: India's ...",
    # its date cut
    (fast_compile(r"^[A-Z][A-Z'’-]+(?:\s[A-Z][A-Z'’-]+){0,2}\.?\s+[-—–]+\s+"), ""),
    (fast_compile(r"^[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2},\s*:\s*"), ""),
    # "New Delhi [India] (ANI): Amid ...", "New Delhi: India delivered ...": a dateline whose
    # date was cut, or that had none
    (fast_compile(r"^[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}\s*(?:\[[^\]]{1,30}\]\s*)?,?\s*"
                  r"(?:\((?:[A-Z][\w.&'-]*\s?){1,3}\)\s*)?:\s+(?=[A-Z])"), ""),
    # "WASHINGTON (AP) — The U.S. announced ...", "TBILISI, Georgia (AA) – Turkey made ...": a
    # dateline without a date
    (fast_compile(r"^[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,2}(?:,\s*[A-Z][\w'’.-]+"
                  r"(?:\s[A-Z][\w'’.-]+){0,2})?,?\s*\((?:[A-Z][\w.&'-]*\s?){1,3}\)"
                  r"\s*[-—–]+\s*"), ""),
    # "(Reuters) - France has signed ...", "(MENAFN- Asia Times) Nine of ...": the agency's tag
    (fast_compile(r"^\s*\((?:[A-Z][\w.&'-]*[-\s]*){1,4}\)\s*[-—–]*\s*"), ""),
    (fast_compile(r"^\W*(?:(?:in|on|at|during|since|by)\b\s*(?=,))?,?\s*", re.I), ""),
    (_LEADING, ""),
)

# the words that tie date words to the sentence, cut with them: "announced in March 2022
# that" -> "announced that", "a credit in 2015 to buy" -> "a credit to buy"
_DATE_LEFT = fast_compile(r"(?i)(?<![\w-])(?:(?:in|on|at|during|since|by|from|until|till|"
                          r"before|after|of|through|between|starting|beginning|as\s+of|"
                          r"compared\s+(?:to|with)|"
                          r"as\s+early\s+as|as\s+far\s+back\s+as|(?:dating\s+)?back\s+to|"
                          r"late|early|earlier|later|just)\s+)+\Z")


# a part of the year joined to it by a hyphen, and the words before: "At end-2022, ..."
_JOINED_LEFT = fast_compile(r"(?i)(?<![\w-])(?:(?:at|by|in|until|since|from|to)\s+)?(?:the\s+)?"
                            r"(?:end|mid|start|early|late)-\Z")


# "over" before "the weekend", "the past year" (not the particle of "handed over in December")
_OVER_LEFT = fast_compile(r"(?i)(?<![\w-])over\s+\Z")


# a clause's first word before a cut date phrase, whose comma goes with it: "said that since
# February 24, the army has received" -> "said that the army has received"
_OPENS_CLAUSE = fast_compile(r"(?i)\b(?:that|and|but|while|as|when|because|if|although|though|"
                             r"so|where|after|before)\s*\Z")
_COMMA_AFTER = fast_compile(r"\s*,")


def _cut_dates(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The sentence without its date words (``spans``), the prepositions before them and the
    comma after a fronted date phrase inside the sentence."""
    text = sentence
    spans = _joined(sentence, sorted(spans))
    for a, b in reversed(spans):
        if text[b:b + 2] in ("’s", "'s") or text[max(a, b - 2):b] in ("’s", "'s"):
            # "told reporters that Friday's package", "on Tuesday’s call": the package, the call
            text = text[:a] + "the" + text[b + 2 if text[b:b + 2] in ("’s", "'s") else b:]
            continue
        m = _DATE_LEFT.search(text, max(0, a - 40), a) or _JOINED_LEFT.search(
            text, max(0, a - 20), a) or (_OVER_LEFT.search(text, max(0, a - 8), a)
                                         if text[a:a + 4].lower() == "the " else None)
        left = text[:m.start() if m else a]
        comma = _COMMA_AFTER.match(text, b)
        if comma is not None and _OPENS_CLAUSE.search(left, max(0, len(left) - 12)):
            b = comma.end()
        text = left + text[b:]
    return text


_JOINER = fast_compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|[-–—/])\s*")


def _joined(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Date words joined by "and", "or", "to" or a dash, one span: "in fiscal 2026 and 2027"
    is cut whole, never leaving "and"."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and out[-1][1] <= a and _JOINER.fullmatch(sentence, out[-1][1], a) and (
                sentence[a:a + 1].isupper() or any(c.isdigit() for c in sentence[a:b])):
            # a date, not a word of time that stands for a clause ("... ago and now are")
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_SPACE_BEFORE_PUNCT = fast_compile(r"\s+([,.;:])")


def make_title(sentence: str, spans: list[tuple[int, int]], limit: int = 90) -> str:
    """A short title from the sentence: date words (``spans``, offsets into the sentence) and
    lead-in connectives removed."""
    text = _cut_dates(sentence, spans)
    for rx, replacement in _TITLE_STEPS:
        text = rx.sub(replacement, text)
    # white space runs to one space (the ends are stripped anyway: a space is in the set)
    text = " ".join(text.split()).strip(" ,;:-–—\"“”'")
    if " ," in text or " ." in text or " ;" in text or " :" in text:  # the only spaces left
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    if not text:
        text = sentence.strip()
    if len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
        text = cut + "…"
    return text[0].upper() + text[1:] if text else text


def _title_of(text: str, si: int, sent: Any, mentions: list[DateMention],
              date_words: dict[int, list[tuple[int, int]]]) -> str:
    """A new draft's title: its sentence without its date words (computed once a sentence)."""
    if si not in date_words:
        date_words[si] = [
            (x.start - sent.start, x.end - sent.start) for x in mentions
            if sent.start <= x.start and x.end <= sent.end
            and x.type in ("DATE", "TIME")]
    lead = _DATELINE_LEAD.match(text) if text[:1].isupper() else None
    cut = lead.end() if lead is not None else 0
    if lead is None and date_words[si]:
        # "New Delhi, April 19 India on Friday delivered ...": a place, its date, the lead
        place = _PLACE_COMMA.match(text)
        first = min(date_words[si])
        if place is not None and first[0] == place.end():
            cut = _AFTER_DATELINE.match(text, first[1]).end()
    if cut:  # "BAKU, Azerbaijan, May 19. The leadership ...": the lead's words
        return make_title(text[cut:], [(a - cut, b - cut) for a, b in date_words[si]
                                       if a >= cut])
    return make_title(text, date_words[si])


_PLACE_COMMA = fast_compile(r"[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2},\s*")
_AFTER_DATELINE = fast_compile(r"\s*(?:\((?:[A-Z][\w.&'-]*\s?){1,3}\))?\s*[:.—–-]*\s*")

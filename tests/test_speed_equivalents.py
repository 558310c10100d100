"""The faster forms of the extractor's steps give what the plain forms give (speed only).

* the past-tense cues of the tense reader, found in lower-cased ASCII text without IGNORECASE
  (:func:`extract.dates.tense._past_cues`), are those ``_PAST_RE`` finds in the text;
* an article's paragraph tests asked more than once (is it a dateline, a byline) answer what
  they answered the first time, from the text alone;
* the timestamp test, which reads a paragraph's words only until there are too many, answers
  what the former code (every word listed first) answered;
* a paragraph's plain text, returned as it is when its words are already one space apart, is
  its words joined by one space.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.article.analyze import _Lines
from extract.dates.tense import _PAST_RE, _past_cues


def _cues(found) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(1).lower()) for m in found]


@pytest.mark.parametrize("text", [
    "The ministry SIGNED the contract, officials Said.",
    "Israeli-made drones, according to officials, were delivered",
    "ACCORDING TO the report, it was unnamed",
    "Baku Signed a deal and Received the first batch",
    # not ASCII: the plain pattern runs (the Kelvin sign matches 'k' ignoring case)
    "Tbilisi signed a deal in \u212a-town; the Ministry \u017fent word",
    "",
], ids=["upper-case", "hyphen and report", "all caps", "capitalised verbs", "non-ascii", "empty"])
def test_past_cues_are_the_plain_patterns(text):
    assert _cues(_past_cues(text)) == _cues(_PAST_RE.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    list("abdeisntrwADEISNTW -'.,\n") + ["ed ", "ED ", "said ", "Was ", "according to "]),
    max_size=40).map("".join))
def test_past_cues_on_any_ascii_text(text):
    assert _cues(_past_cues(text)) == _cues(_PAST_RE.finditer(text))


ARTICLE = (
    "Azerbaijan takes delivery of drones\n\nBy Jane Smith\n\n"
    "BAKU, 12 May 2023 - Azerbaijan received the first batch of drones on Friday.\n\n"
    "Published: May 13, 2023\n\nThe ministry said more would follow.\n"
)


def test_paragraph_tests_asked_again_answer_the_same():
    lines = _Lines(ARTICLE, "txt")
    first = [(lines.is_dateline(i), lines.is_byline(i)) for i in range(lines.n)]
    fresh = _Lines(ARTICLE, "txt")
    again = [(fresh.is_dateline(i), fresh.is_byline(i)) for i in reversed(range(fresh.n))][::-1]
    assert first == again == [(lines.is_dateline(i), lines.is_byline(i))
                              for i in range(lines.n)]
    assert any(d for d, _b in first) and any(b for _d, b in first)


def _timestamp_only_reference(p: str) -> bool:
    """``_timestamp_only`` as it was written before its words were read lazily."""
    from extract.article import furniture as f
    if not f._RE_YEAR_ANYWHERE.search(p):
        return False
    words = f._RE_WORD2.findall(p)
    if len(words) > 3:
        budget = 3 + 2 * len(f._RE_CLOCK.findall(p))
        if len(words) > budget:
            for w in words:
                if not f._RE_WEEKDAY_ONLY.fullmatch(w):
                    budget -= 1
                    if budget < 0:
                        return False
    hit = f._find_date(p)
    if not hit:
        return False
    rest = f._RE_TIME.sub("", p[: hit.start] + p[hit.end:])
    return not f._RE_WORD2.search(f._RE_WEEKDAY_WORD.sub("", rest))


@pytest.mark.parametrize("line", [
    "22 March 2023 - 15:44",
    "Tuesday, 22 March 2023, 3:44 pm EST",
    "Mon Tue Wed 22 March 2023",  # weekdays do not count against the budget
    "Published on 22 March 2023 by the ministry of defence",
    "The ministry said on 22 March 2023 that the drones had arrived.",
    "2023",
], ids=["clock", "weekday and zone", "weekdays", "label and prose", "prose", "a year alone"])
def test_timestamp_only_is_the_reference(line):
    from extract.article.furniture import _timestamp_only
    assert _timestamp_only(line) == _timestamp_only_reference(line)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["22", "March", "2023", " ", ", ", "-", "15:44", "pm", "EST", "Tuesday", "on", "the",
     "ministry", "said", "12.30", "Mon"]), max_size=16).map("".join))
def test_timestamp_only_on_any_line(line):
    from extract.article.furniture import _timestamp_only
    assert _timestamp_only(line) == _timestamp_only_reference(line)


def test_white_space_is_unprintable_but_the_space():
    # _plain returns a printable paragraph without double spaces as it is: the words joined
    # by one space would be the same text only if no other white space is printable
    every = (chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert [c for c in every if c.isspace() and c.isprintable()] == [" "]


@pytest.mark.parametrize("raw", [
    "A plain paragraph of words.", "Two  spaces", "a\ttab", "a\u00a0non-breaking space",
    "lines\nin a paragraph", "# A heading #", "> a quote", "**bold**", "  padded  ", "",
], ids=["plain", "double space", "tab", "nbsp", "newline", "heading", "quote", "bold",
        "padded", "empty"])
def test_plain_joins_words_with_one_space(raw):
    from extract.article.furniture import _RE_MD_DECORATION, _plain
    s = raw.strip()
    if s[:1] in ("#", ">") or s.endswith("#"):
        for rx in _RE_MD_DECORATION:
            s = rx.sub("", s)
    assert _plain(raw) == " ".join(s.strip("*_ \t").split())

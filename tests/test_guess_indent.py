"""``_guess_indent`` passes over 'key: value' lines without its pattern (issue 26: opening a
50,000-event file for review); it must guess what the pattern-on-every-line version guessed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.timeline import dumps
from extract.timeline.roundtrip import _guess_indent
from tests.generated import many

ROOT = Path(__file__).resolve().parent.parent


def reference(text: str) -> tuple[int, int, int]:
    """The guess as it was made before: the pattern tried on every line."""
    mapping, offset = None, None
    head = text if len(text) <= 1 << 20 else text[: 1 << 20]
    lines = [ln for ln in head.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    for line, nxt in zip(lines, lines[1:], strict=False):
        m = re.match(r"^( *)(?:- +)?([\w-]+):\s*(#.*)?$", line)
        if not m:
            continue
        base = len(line) - len(line.lstrip(" -")) if "- " in line[: len(m.group(1)) + 2] else len(
            m.group(1)
        )
        deeper_key = re.match(r"^( *)[\w-]+:", nxt)
        deeper_dash = re.match(r"^( *)- ", nxt)
        if mapping is None and deeper_key and len(deeper_key.group(1)) > base:
            mapping = len(deeper_key.group(1)) - base
        if offset is None and deeper_dash and len(deeper_dash.group(1)) >= base:
            offset = len(deeper_dash.group(1)) - base
        if mapping is not None and offset is not None:
            break
    mapping = mapping or 2
    offset = 2 if offset is None else offset
    return mapping, offset + 2, offset


FILES = sorted([ROOT / "events.yaml", *(ROOT / "tests" / "fixtures").rglob("*.yaml")])


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_the_guess_of_every_timeline_file_of_the_repository(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    assert _guess_indent(text) == reference(text)


def test_the_guess_of_a_generated_timeline():
    text = dumps(many(300))
    assert _guess_indent(text) == reference(text) == (2, 2, 0)


@pytest.mark.parametrize("text, expected", [
    ("a:\n    b: 1\n", (4, 4, 2)),  # a mapping indented by 4
    ("a:  # why\n  - b\n", (2, 4, 2)),  # a comment after the bare key
    ("a: 1\nb:\n- c\n", (2, 2, 0)),  # a sequence at the key's own indentation
    ("a:\t\n   b: 1\n", (3, 4, 2)),  # a tab after the colon is still no value
    ("- id: x\n  value:\n    amount: 1\n", (2, 4, 2)),  # a key inside an item
    ("a: b:\n  c: 1\n", (2, 4, 2)),  # 'b:' is a value: not a bare key
], ids=["mapping-4", "comment", "offset-0", "tab", "in-item", "value-with-colon"])
def test_table(text, expected):
    assert _guess_indent(text) == reference(text) == expected


LINE = st.builds(
    lambda indent, dash, key, colon, value, tail: (
        " " * indent + ("- " if dash else "") + key + colon + value + tail),
    st.integers(0, 6), st.booleans(), st.sampled_from(["a", "id", "x-y", "é", "a b", ""]),
    st.sampled_from([":", "", ": ", ":\t"]),
    st.sampled_from(["", "1", "b:", "'q'", " #c", "#c"]),
    st.sampled_from(["", " ", "\t", "\x0c", "\u00a0", "\u2003", " # note"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=12))
def test_the_guess_is_the_one_of_the_pattern_on_every_line(lines):
    text = "\n".join(lines)
    assert _guess_indent(text) == reference(text)

"""The fast paths of writing and reading a timeline hold to libyaml's bytes and PyYAML's data.

``render_items`` writes most items without libyaml (``_BlockWriter``) and must give the bytes
libyaml gives; ``load_block`` builds data from libyaml's events and must give what
``yaml.load`` with the safe loader gives, or leave the text to it.
"""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import extract.timeline as tl
from extract.timeline import Event, Evidence
from extract.timeline.render import _BlockWriter, _emit_items, _to_yaml_value
from extract.timeline.safe_yaml import _SafeLoader, load_block

# characters that change how a scalar is written: indicators, spaces, breaks, quotes, letters
# beyond ASCII, a byte-order mark, one beyond the Basic Multilingual Plane
_CHARS = list("aZ09 -?:#,[]{}&*!|>'\"%@`.()$=<~+_\\/\t\n\r") + [
    "\x85", "\u2028", "\ufeff", "é", "“", "\U00010000", "\x7f", "\xa0"]
_TEXTS = st.one_of(
    st.text(alphabet=_CHARS, max_size=8),
    st.sampled_from(["2016", "yes", "No", "null", "~", "1e5", "0o17", "0x1F", "12:30",
                     "2023-05-30", "2023-05", "---x", "...", "- x", "-x", "?x", ":x", "x:",
                     "a: b", "a:b", "x #y", "x#y", "<<", "=", ".inf", "", " ", "It's"]),
)


def _reference(key: str, models: list) -> str:
    return _emit_items(key, [_to_yaml_value(m, fast=True) for m in models])


@given(st.lists(st.tuples(_TEXTS, _TEXTS, _TEXTS, st.lists(_TEXTS, max_size=3),
                          st.one_of(st.none(), st.floats(0, 1e12, allow_nan=False))),
                min_size=1, max_size=4))
@settings(max_examples=400, deadline=None)
def test_block_writer_writes_libyamls_bytes(rows):
    events = []
    for i, (title, quote, words, names, amount) in enumerate(rows):
        value = None if amount is None else tl.Value(amount=amount, currency="USD",
                                                      text=words or None)
        events.append(Event(
            id=f"e-{i}", title=title or "t", date="2016-05" if i % 2 else 2016, type="deal",
            actors=names, systems=names[:1], value=value, summary=words or None,
            evidence=[Evidence(source="s", quote=quote or "q", date_text=words or None)],
            confidence=0.5,
        ))
    assert tl.render_items("events", events) == _reference("events", events)


def test_block_writer_takes_the_common_items_and_leaves_the_rest_to_libyaml():
    writer = _BlockWriter()
    plain = Event(id="e-1", title="Azerbaijan buys drones: a deal", date="2016-05-30",
                  type="deal", actors=["Israel", "Azerbaijan"],
                  evidence=[Evidence(source="s", quote="It's signed, deal #1", date_text="May")])
    text = writer.item(_to_yaml_value(plain, fast=True))
    assert text is not None
    assert "title: 'Azerbaijan buys drones: a deal'\n" in text
    assert "quote: 'It''s signed, deal #1'\n" in text  # ' #': quoted
    escaped = plain.model_copy(update={"title": "line\u2028break"})
    assert writer.item(_to_yaml_value(escaped, fast=True)) is None  # double quotes: libyaml
    for model in (plain, escaped):
        assert tl.render_items("events", [model]) == _reference("events", [model])


_KEYS = st.sampled_from(["id", "a", "b", "2016", "yes", "x y"])
_LEAVES = st.one_of(_TEXTS, st.integers(-5, 10**6), st.booleans(), st.none(),
                    st.floats(allow_nan=False))
_DATA = st.recursive(_LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, max_size=3)), max_leaves=12)


@given(_DATA, st.booleans())
@settings(max_examples=400, deadline=None)
def test_load_block_reads_what_the_safe_loader_reads(data, flow):
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert load_block(text) == yaml.load(text, Loader=_SafeLoader)  # noqa: S506


def test_load_block_leaves_anchors_tags_and_merge_keys_to_the_loader():
    for text in ("a: &x [1]\nb: *x\n", "a: !!str 12\n", "base: {k: 1}\nm:\n  <<: {k: 2}\n",
                 "a: 1\na: 2\n", "? [x]\n: 1\n", "a: 2021-01-01\n", "", "--- 1\n--- 2\n"):
        try:
            want = yaml.load(text, Loader=_SafeLoader)  # noqa: S506
        except yaml.YAMLError as exc:
            try:
                load_block(text)
            except yaml.YAMLError as got:
                assert type(got) is type(exc)
                continue
            raise AssertionError(f"no error for {text!r}") from None
        assert load_block(text) == want, text


def test_a_bad_value_is_reported_with_its_line(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("version: 1\nsources: []\nevents:\n- id: e\n  n: !!int x\n", encoding="utf-8")
    try:
        tl.load(path)
    except tl.TimelineError as exc:
        assert any(p.line == 5 for p in exc.problems), exc.problems
    else:
        raise AssertionError("loaded")

"""Deals in the contract: an event's ``deal`` id and the optional top-level ``deals`` section."""

from __future__ import annotations

import textwrap

import pytest

from extract import timeline as tl

HEAD = """\
# yaml-language-server: $schema=./events.schema.json
version: 1
sources:
  - id: s1
    publisher: Caspian News
"""
DEALS = """\
deals:
  # the curator's name for it
  - id: harop-az
    supplier: Israel
    recipient: Azerbaijan
    system: Harop
    number: 100
    sipri_id: 59701
"""
EVENTS = """\
events:
  - id: harop-used-2020  # seen in the war
    title: Harop drones used
    date: 2020-10
    type: combat_use
    deal: harop-az
    evidence:
      - source: s1
        quote: Harop drones were used.
"""


def _write(tmp_path, text):
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_deal_section_and_an_event_pointing_to_it_load():
    timeline = tl.parse(HEAD + DEALS + EVENTS)
    assert timeline.deal_map()["harop-az"].sipri_id == 59701
    assert timeline.deal_map()["harop-az"].number == 100
    assert timeline.events[0].deal == "harop-az"


def test_without_a_deal_section_a_deal_id_is_free():
    timeline = tl.parse(HEAD + EVENTS)
    assert timeline.deals is None and timeline.events[0].deal == "harop-az"


@pytest.mark.parametrize("text, expected", [
    # the section is there: the id must be in it (a near miss is suggested)
    (HEAD + DEALS + EVENTS.replace("deal: harop-az", "deal: harop-za"),
     "events.yaml, event 'harop-used-2020' (line 19): field 'deal': 'harop-za' is not a deal "
     "in this file (did you mean 'harop-az'?); expected the id of an entry under 'deals'"),
    # an empty section is a section: nothing can be named
    (HEAD + "deals: []\n" + EVENTS,
     "field 'deal': 'harop-az' is not a deal in this file; expected the id of an entry under"),
    (HEAD + DEALS + "  - id: harop-az\n" + EVENTS,
     "events.yaml, deal 'harop-az' (line 14): field 'id': 'harop-az' is a duplicate id (also "
     "deal #1); expected every deal id to be unique"),
    (HEAD + DEALS.replace("sipri_id: 59701", "sipri_id: 0") + EVENTS,
     "deal 'harop-az' (line 13): field 'sipri_id': 0 is out of range; expected a SIPRI deal "
     "ID, a whole number 1 or more"),
    (HEAD + DEALS.replace("number: 100", "number: many") + EVENTS,
     "deal 'harop-az' (line 12): field 'number': 'many' is the wrong kind of value; expected "
     "a whole number"),
    (HEAD + DEALS.replace("system: Harop", "sytem: Harop") + EVENTS,
     "deal 'harop-az' (line 11): field 'sytem': unknown field 'sytem' (did you mean 'system'?)"),
    (HEAD + EVENTS.replace("deal: harop-az", "deal: Harop AZ"),
     "event 'harop-used-2020' (line 11): field 'deal': 'Harop AZ' is not a valid id; expected "
     "lowercase letters"),
], ids=["unknown-deal", "empty-section", "duplicate-deal", "sipri-id-0", "number-not-int",
        "typo-in-deal", "deal-id-form"])
def test_deal_problems_name_file_item_line_field_and_expected(text, expected):
    with pytest.raises(tl.TimelineError) as exc:
        tl.parse(text)
    assert any(expected in str(p) for p in exc.value.problems), str(exc.value)


def test_round_trip_keeps_the_section_and_its_comments(tmp_path):
    path = _write(tmp_path, HEAD + DEALS + EVENTS)
    doc = tl.Document.open(path)
    doc.save(force=True)
    assert path.read_text(encoding="utf-8") == HEAD + DEALS + EVENTS
    doc = tl.Document.open(path)
    doc.update_event("harop-used-2020", deal=None)
    doc.save()
    text = path.read_text(encoding="utf-8")
    assert "deal: harop-az" not in text and "# the curator's name for it" in text
    doc = tl.Document.open(path)
    doc.update_event("harop-used-2020", deal="harop-az")
    doc.save()
    assert path.read_text(encoding="utf-8") == HEAD + DEALS + EVENTS  # back where it was


def test_an_edit_to_an_unknown_deal_is_refused_and_nothing_changes(tmp_path):
    path = _write(tmp_path, HEAD + DEALS + EVENTS)
    doc = tl.Document.open(path)
    with pytest.raises(tl.TimelineError, match="'nope' is not a deal in this file"):
        doc.update_event("harop-used-2020", deal="nope")
    assert doc.timeline.events[0].deal == "harop-az"


def test_add_deal_makes_the_section_before_the_events(tmp_path):
    path = _write(tmp_path, HEAD + EVENTS)
    doc = tl.Document.open(path)
    doc.add_deal(tl.Deal(id="harop-az", supplier="Israel", recipient="Azerbaijan",
                         system="Harop", sipri_id=59701))
    with pytest.raises(ValueError, match="already exists"):
        doc.add_deal(tl.Deal(id="harop-az"))
    doc.save()
    text = path.read_text(encoding="utf-8")
    assert text.index("deals:") < text.index("events:")
    assert "# seen in the war" in text
    loaded = tl.load(path)
    assert loaded.deal_map()["harop-az"].system == "Harop"


def test_dumps_writes_the_section_only_when_there_is_one():
    with_deals = tl.parse(HEAD + DEALS + EVENTS)
    without = tl.parse(HEAD + EVENTS)
    assert "deals:" in tl.dumps(with_deals) and "deals" not in tl.dumps(without)
    assert tl.parse(tl.dumps(with_deals)) == with_deals


def test_the_schema_knows_deals():
    schema = tl.json_schema()
    assert "deal" in schema["$defs"]["Event"]["properties"]
    assert set(schema["$defs"]["Deal"]["properties"]) >= {
        "id", "supplier", "recipient", "system", "number", "value", "notes", "sipri_id"}
    assert textwrap.dedent(tl.schema_text()).endswith("\n")

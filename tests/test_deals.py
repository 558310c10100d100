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


# --- merge: which candidates are of one transfer, and the deals section ---

def _deal_event(ident, quote, *, systems=("Harop",), deal=None, supplier="Israel",
                recipient="Azerbaijan", status="candidate", source="s"):
    return tl.Event(id=ident, title="Harop drones ordered", date=tl.PartialDate.parse("2014"),
                    type="deal", actors=["Israel", "Azerbaijan"], systems=list(systems),
                    supplier=supplier, recipient=recipient, deal=deal, status=status,
                    evidence=[tl.Evidence(source=source, quote=quote)])


def _candidates(*events, deals=None):
    return tl.Timeline(version=1, sources=[tl.Source(id="s"), tl.Source(id="t")],
                       events=list(events), deals=deals)


def test_candidates_about_other_systems_are_never_joined(tmp_path):
    from extract.merge import merge

    doc = tl.Document.new(tmp_path / "events.yaml")
    merge(_candidates(_deal_event("a", "Harop drones were ordered in 2014.")), doc)
    report = merge(_candidates(_deal_event("b", "Orbiter drones were ordered in 2014.",
                                           systems=["Orbiter"])), doc)
    assert report.added_events == ["b"] and report.joined == []


def test_two_named_deals_are_two_transfers_but_a_proposed_id_is_a_label(tmp_path):
    from extract.merge import merge

    named = [tl.Deal(id="sipri-1", supplier="Israel", recipient="Azerbaijan", system="Harop"),
             tl.Deal(id="sipri-2", supplier="Israel", recipient="Azerbaijan", system="Harop")]
    doc = tl.Document.new(tmp_path / "events.yaml")
    merge(_candidates(_deal_event("a", "Harop ordered (1).", deal="sipri-1"), deals=named), doc)
    # another register deal of the same system in the same year: its own event
    report = merge(_candidates(_deal_event("b", "Harop ordered (2).", deal="sipri-2",
                                           source="t"), deals=named), doc)
    assert report.added_events == ["b"] and report.joined == []
    # the id the extractor proposed from the same supplier, recipient and system: the same
    # happening as far as the words go, so its quote joins the unreviewed candidate
    report = merge(_candidates(_deal_event("c", "Israel sold Harop drones to Azerbaijan in 2014.",
                                           deal="israel-azerbaijan-harop", source="t")), doc)
    assert report.joined == ["a"] and report.added_events == []
    # ... but not when it names another recipient
    report = merge(_candidates(_deal_event("d", "Israel sold Harop drones to India in 2014.",
                                           deal="israel-india-harop", recipient="India",
                                           source="t")), doc)
    assert report.added_events == ["d"]


def test_a_proposed_deal_id_stays_free_and_a_named_deal_makes_the_section(tmp_path):
    from extract.merge import merge

    doc = tl.Document.new(tmp_path / "events.yaml")
    report = merge(_candidates(_deal_event("a", "Harop ordered.", deal="israel-azerbaijan-harop")),
                   doc)
    assert report.added_deals == [] and doc.timeline.deals is None
    assert doc.timeline.event_map()["a"].deal == "israel-azerbaijan-harop"

    doc = tl.Document.new(tmp_path / "other.yaml")
    named = [tl.Deal(id="sipri-1", supplier="Israel", recipient="Azerbaijan", system="Harop")]
    report = merge(_candidates(_deal_event("a", "Harop ordered.", deal="sipri-1"), deals=named),
                   doc)
    assert report.added_deals == ["sipri-1"]
    assert doc.timeline.deal_map()["sipri-1"].system == "Harop"
    doc.save()
    assert tl.load(tmp_path / "other.yaml").deal_map()["sipri-1"].supplier == "Israel"


@pytest.mark.parametrize("sentence, deal", [
    ("Israel sold Harop drones to Azerbaijan in 2016.", "israel-azerbaijan-harop"),
    ("Russia delivered the first S-400 systems to Turkey in July 2019.", "russia-turkey-s-400"),
    # one side unnamed, or two systems: one transfer cannot be told
    ("Azerbaijan ordered Harop drones in 2016.", None),
    ("Israel sold Harop and Orbiter drones to Azerbaijan in 2016.", None),
])
def test_the_extractor_proposes_a_deal_id_from_supplier_recipient_and_system(sentence, deal):
    from extract.article import article_from_text
    from extract.events import extract_events

    art = article_from_text("Title\n\n" + sentence, file="a.txt",
                            manifest={"a.txt": {"published": "2023-06-10"}})
    assert [e.deal for e in extract_events(art, "a")] == [deal]

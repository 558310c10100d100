"""The SIPRI register: both layouts read, names through the gazetteers, candidates for merge,
and the reconciliation of the timeline with the register."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extract import cli
from extract import timeline as tl
from extract.sipri import candidates
from extract.timeline.reconcile import reconcile
from extract.timeline.sipri import NameMap, RegisterError, parse_register, read_register

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "sipri"
ID_LAYOUT = FIXTURES / "id-layout.csv"
LEGACY = FIXTURES / "legacy.csv"
SHARED = ROOT.parent / "shared" / "sipri" / "trade-register-caucasus-2000-2020.csv"
if not SHARED.exists():
    SHARED = Path("/work/shared/sipri/trade-register-caucasus-2000-2020.csv")


def test_id_layout_groups_the_rows_of_a_deal_and_keeps_estimates():
    reg = read_register(ID_LAYOUT)
    assert reg.layout == "id" and str(reg.generated) == "2025-02-10"
    assert reg.title == "SIPRI Arms Transfers Database (data generated 10 Feb 2025)"
    harop = next(d for d in reg.deals if d.sipri_id == 900001)
    # two rows, out of order in the file: one deal, deliveries by year
    assert harop.delivery_years == [2015, 2016] and harop.delivered == 50
    assert harop.order_year == 2014 and harop.order_estimate
    assert [(d.year_estimate, d.number_estimate) for d in harop.deliveries] == [
        (False, True), (True, True)]
    assert harop.deliveries[0].row.startswith("900001,Israel,Azerbaijan,Harop,")
    widget = next(d for d in reg.deals if d.sipri_id == 900004)
    assert widget.designation == "Widget, Mk 2"  # a quoted comma is one cell


def test_legacy_layout_reads_question_marks_and_year_lists():
    reg = read_register(LEGACY)
    assert reg.layout == "legacy" and str(reg.generated) == "2025-02-10"
    harop, lora, iskander = reg.deals
    assert harop.sipri_id is None and harop.supplier == "Israel"
    assert harop.order_estimate and harop.number_ordered == 100 and harop.number_ordered_estimate
    assert harop.delivery_years == [2015, 2016, 2017, 2018] and harop.delivered == 100
    assert all(d.number is None and d.number_estimate for d in harop.deliveries)
    assert not lora.order_estimate and lora.comments == "Incl. 4 TEL"
    assert iskander.number_ordered is None


@pytest.mark.parametrize("designation, system", [
    ("Barak-MX Land", "Barak-8"),   # an alias in the data file
    ("Barak-ER", "Barak-8"),
    ("Barak-LRAD", "Barak-8"),
    ("Heron UAV", "Heron"),         # an alias standing as a name within the designation
    ("LORA TEL", "LORA"),
    ("9M723 Iskander", "Iskander"),
    ("Bayraktar TB-2", "Bayraktar TB2"),
    ("ATMOS-2000 155mm", "ATMOS 2000"),
    ("SandCat", "SandCat"),          # not in the gazetteer: SIPRI's name kept
    ("Tor-M", "Tor-M"),              # "Tor-M2" is an alias; a prefix of one is not
], ids=lambda v: v)
def test_systems_through_the_gazetteer(designation, system):
    assert NameMap.load().system(designation) == system


@pytest.mark.parametrize("country, canonical", [
    ("Turkiye", "Turkey"), ("Czechia", "Czech Republic"), ("Israel", "Israel"),
    ("unknown supplier(s)", "unknown supplier(s)")])
def test_countries_through_the_gazetteer(country, canonical):
    assert NameMap.load().country(country) == canonical


HEADER = ("SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,"
          "Order date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,"
          "Delivery year,Delivery year is estimate,Status")
ROW = "1,Israel,Azerbaijan,Harop,loitering munition,Missiles,2014,Yes,25,Yes,2015,No,New"


@pytest.mark.parametrize("text, expected", [
    ("title\n", "x.csv: no header line; expected a SIPRI trade register CSV with a header"),
    (f"t\n{HEADER}\n{ROW.replace('2014,Yes', '20x4,Yes')}\n",
     "x.csv, line 3, column 'Order date': '20x4' is not a year; expected four digits"),
    (f"t\n{HEADER}\n{ROW.replace(',25,', ',many,')}\n",
     "x.csv, line 3, column 'Numbers delivered': 'many' is not a number; expected a whole"),
    (f"t\n{HEADER}\n{ROW.replace('Yes,25', 'Maybe,25')}\n",
     "x.csv, line 3, column 'Order date is estimate': 'Maybe' is not an estimate flag; "
     "expected Yes or No"),
    (f"{HEADER}\n{ROW},extra\n", "x.csv, line 2: 14 cells; expected 13"),
    (f"{HEADER}\n{ROW}\n{ROW.replace('Israel', 'Russia')}\n",
     "x.csv, line 3, column 'Supplier': 'Russia' differs from line 2 of deal 1 ('Israel'); "
     "expected the same on every row of a deal"),
    (f"{HEADER}\n{ROW}\n{ROW}\n", "x.csv, line 3, column 'Delivery year': 2015 of deal 1 is "
                                  "also on line 2; expected one row per deal per delivery year"),
    (f"{HEADER.replace(',Designation', ',Name')}\n{ROW}\n",
     "x.csv, line 1, column 'Designation': is missing from the header"),
    ("Recipient,Supplier,Year of order,,Weapon designation,Number delivered,,"
     "Year(s) of delivery\nAzerbaijan,Israel,2014,?,Harop,100,,2015 to 2018\n",
     "x.csv, line 2, column 'Year(s) of delivery': '2015 to 2018' is not a list of years"),
    ("Recipient,Supplier,Year of order,,Weapon designation,Number delivered,,"
     "Year(s) of delivery\nAzerbaijan,Israel,2014,x,Harop,100,,2015\n",
     "x.csv, line 2, column '(after Year of order)': 'x' is not an uncertainty mark"),
], ids=["no-header", "bad-year", "bad-number", "bad-flag", "extra-cell", "deal-disagrees",
        "year-twice", "missing-column", "bad-year-list", "bad-mark"])
def test_bad_files_name_the_file_line_and_column(text, expected):
    with pytest.raises(RegisterError) as exc:
        parse_register(text, file="x.csv")
    assert str(exc.value).startswith(expected), str(exc.value)
    assert "\n" not in str(exc.value)


def test_the_cli_says_one_line_for_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\n{ROW.replace(',2015,', ',next year,')}\n", encoding="utf-8")
    assert cli.main(["sipri", str(bad), "--timeline", str(ROOT / "events.yaml")]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"{bad}, line 2, column 'Delivery year': 'next year' is not a year; "
                   "expected four digits")
    assert cli.main(["sipri", str(tmp_path / "none.csv"), "--candidates", "--out",
                     str(tmp_path / "c.yaml")]) == 1
    assert "none.csv: no such file" in capsys.readouterr().err


def test_candidates_are_valid_ordered_and_delivered_per_year(tmp_path):
    found = candidates([read_register(ID_LAYOUT)])
    events = found.event_map()
    ordered = events["sipri-900001-ordered"]
    assert (ordered.type, str(ordered.date), ordered.approximate) == ("deal", "2014", True)
    assert (ordered.supplier, ordered.recipient, ordered.systems) == (
        "Israel", "Azerbaijan", ["Harop"])
    d2015, d2016 = events["sipri-900001-delivery-2015"], events["sipri-900001-delivery-2016"]
    assert d2015.value.amount == 25 and d2015.value.approximate and not d2015.approximate
    assert d2016.approximate  # the delivery year is an estimate
    assert events["sipri-900003-ordered"].supplier == "Turkey"
    source = found.sources[0]
    assert source.title == "SIPRI Arms Transfers Database (data generated 10 Feb 2025)"
    text = ID_LAYOUT.read_text(encoding="utf-8")
    assert source.digest == tl.text_digest(text)
    for e in found.events:  # provenance: every quote is the register's own line
        assert all(ev.quote in text for ev in e.evidence)
    assert found.deal_map()["sipri-900001"].sipri_id == 900001
    assert tl.parse(tl.dumps(found)) == found


def test_legacy_candidates_get_ids_and_years_without_numbers():
    found = candidates([read_register(LEGACY)])
    ids = [e.id for e in found.events]
    assert "sipri-israel-azerbaijan-harop-2014-ordered" in ids
    harop = found.event_map()["sipri-israel-azerbaijan-harop-2014-delivery-2017"]
    assert harop.value is None and "100 in all, 2015–2018" in harop.summary


def test_candidates_merge_once_and_carry_their_deals(tmp_path):
    out, events = tmp_path / "cand.yaml", tmp_path / "events.yaml"
    shutil.copy(ROOT / "events.yaml", events)
    assert cli.main(["sipri", str(ID_LAYOUT), "--candidates", "--out", str(out)]) == 0
    assert cli.main(["merge", str(out), "--into", str(events)]) == 0
    merged = tl.load(events)
    assert {"sipri-900001", "sipri-900002"} <= set(merged.deal_map())
    # two deliveries of two deals in one year are not joined into one event
    assert "sipri-900002-delivery-2016" in merged.event_map()
    assert "sipri-900001-delivery-2016" in merged.event_map()
    before = events.read_bytes()
    assert cli.main(["merge", str(out), "--into", str(events)]) == 0
    assert events.read_bytes() == before
    # refuses to write candidates over a curated file
    assert cli.main(["sipri", str(ID_LAYOUT), "--candidates", "--out", str(events)]) == 1


TIMELINE = """\
version: 1
sources:
  - id: s1
    publisher: Caspian News
deals:
  - id: barak
    supplier: Israel
    recipient: Azerbaijan
    system: Barak-8
events:
  - id: harop-used
    title: Harop drones used
    date: 2020-10
    type: combat_use
    actors: [Azerbaijan, Israel, Armenia]
    systems: [Harop]
    status: accepted
    evidence: [{source: s1, quote: Harop used.}]
  - id: barak-ordered
    title: Barak ordered
    date: 2016
    type: deal
    deal: barak
    status: accepted
    evidence: [{source: s1, quote: Barak ordered in 2016.}]
  - id: tb2-deal
    title: TB2 bought
    date: 2020-06
    type: deal
    supplier: Türkiye
    recipient: Azerbaijan
    systems: [Bayraktar TB2]
    status: accepted
    evidence: [{source: s1, quote: TB2 bought.}]
  - id: tb2-delivery
    title: TB2 delivered
    date: 2021
    type: delivery
    supplier: Turkey
    recipient: Azerbaijan
    systems: [Bayraktar TB2]
    value: {amount: 6, unit: units}
    status: accepted
    evidence: [{source: s1, quote: TB2 delivered.}]
  - id: spike-deal
    title: Spike bought
    date: 2019
    type: deal
    supplier: Israel
    recipient: Azerbaijan
    systems: [Spike]
    status: accepted
    evidence: [{source: s1, quote: Spike bought.}]
"""


def _reconciled(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    return reconcile([read_register(ID_LAYOUT)], tl.load(path), NameMap.load())


def test_reconcile_sorts_every_deal(tmp_path):
    result = _reconciled(tmp_path)
    by_id = {i["sipri_id"]: (c, i) for c, items in result.as_dict().items() for i in items
             if i["sipri_id"]}
    # a combat use naming the system and both countries sits on the deal ordered before it
    assert by_id[900001][0] == "matched" and by_id[900001][1]["events"] == ["harop-used"]
    # the curator's deal (Barak-8) is SIPRI's Barak-MX Land, but ordered 2016, not 2011
    category, barak = by_id[900002]
    assert category == "differs" and barak["deals"] == ["barak"]
    assert barak["differs"][0]["field"] == "order_year"
    assert (barak["differs"][0]["sipri"], barak["differs"][0]["timeline"]) == (2011, [2016])
    assert barak["differs"][0]["timeline_sources"] == ["Caspian News (barak-ordered)"]
    assert "data generated 10 Feb 2025" in barak["differs"][0]["sipri_source"]
    # Türkiye and Turkey are one supplier; ordered 2020 both sides, delivered 2020 vs 2021
    category, tb2 = by_id[900003]
    assert category == "differs"
    assert [d["field"] for d in tb2["differs"]] == ["delivery_years"]
    assert by_id[900004][0] == "only_in_sipri"
    only = result.only_in_timeline
    assert [(i["system"], i["events"]) for i in only] == [("Spike", ["spike-deal"])]


def test_reconcile_filters_and_formats(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    assert cli.main(["sipri", str(ID_LAYOUT), "--timeline", str(path), "--format", "json",
                     "--supplier", "Turkiye"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"matched", "differs", "only_in_sipri", "only_in_timeline"}
    assert {i["supplier"] for items in data.values() for i in items} == {"Turkey"}
    out = tmp_path / "report.csv"
    assert cli.main(["sipri", str(ID_LAYOUT), "--timeline", str(path), "--format", "csv",
                     "--out", str(out)]) == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("category,supplier,recipient,system,sipri_id")
    assert len(rows) == 1 + 5  # four register deals, one deal only in the timeline
    assert cli.main(["sipri", str(ID_LAYOUT), "--timeline", str(path)]) == 0
    text = capsys.readouterr().out
    assert "Israel → Azerbaijan · Harop (SIPRI 900001: Harop)" in text
    assert "SIPRI: ordered 2014 (estimate), 50 delivered 2015–2016" in text


@pytest.mark.skipif(not SHARED.exists(), reason="the shared SIPRI register "
                    "(../shared/sipri/trade-register-caucasus-2000-2020.csv) is not here")
def test_the_bundled_timeline_against_the_shared_register():
    reg = read_register(SHARED)
    assert reg.layout == "id" and len({d.sipri_id for d in reg.deals}) == len(reg.deals)
    israel_azerbaijan = [d for d in reg.deals
                         if (d.supplier, d.recipient) == ("Israel", "Azerbaijan")]
    assert sum(len(d.deliveries) for d in israel_azerbaijan) == 61  # the README's rows
    result = reconcile([reg], tl.load(ROOT / "events.yaml"), NameMap.load(),
                       supplier="Israel", recipient="Azerbaijan")
    matched = {i["sipri"]["designation"]: i["events"] for i in result.matched}
    assert "harop-combat-use-2020" in matched["Harop"]
    assert "lora-combat-use-2020" in matched["LORA"]
    for barak in ("Barak-MX Land", "Barak-ER", "Barak-LRAD"):
        assert matched[barak] == ["barak-8-iskander-interception-claim-2020-11"]
    lacking = {i["sipri"]["designation"] for i in result.only_in_sipri}
    assert {"Hermes-900", "SkyStriker", "Spike-NLOS", "Orbiter-1K", "SandCat"} <= lacking
    assert len(result.matched) + len(result.only_in_sipri) + len(result.differs) == len(
        israel_azerbaijan)

"""The SIPRI page (AppTest): the register given with --sipri/$ARMS_SIPRI against the events in
view, each matched deal's events one click from their cards."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
REGISTER = ROOT / "tests" / "fixtures" / "sipri" / "id-layout.csv"
SHARED = ROOT.parent / "shared" / "sipri" / "trade-register-caucasus-2000-2020.csv"

pytestmark = pytest.mark.usefixtures("fresh_streamlit_cache")


def page_app(monkeypatch, register: Path | None, page: str = "views/sipri.py") -> AppTest:
    """The app on the bundled timeline, with ``register`` as its SIPRI register, on ``page``."""
    monkeypatch.setenv("ARMS_EVENTS", str(ROOT / "events.yaml"))
    if register is None:
        monkeypatch.delenv("ARMS_SIPRI", raising=False)
    else:
        monkeypatch.setenv("ARMS_SIPRI", str(register))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sipri_app(monkeypatch, register: Path | None) -> AppTest:
    return page_app(monkeypatch, register)


def text(at: AppTest) -> str:
    return "\n".join(str(m.value) for kind in ("markdown", "caption", "info", "error")
                     for m in at.get(kind)).replace("\\", "")


def test_without_a_register_the_page_says_how_to_give_one(monkeypatch):
    at = sipri_app(monkeypatch, None)
    assert "arms-timeline --sipri trade-register.csv" in text(at)


def test_the_register_against_the_view_and_a_click_to_a_card(monkeypatch):
    at = sipri_app(monkeypatch, REGISTER)
    labels = [t.label for t in at.tabs]
    assert labels[1].startswith("Match (") and labels[2].startswith("Only in SIPRI (")
    shown = text(at)
    assert "Israel → Azerbaijan · Harop (SIPRI deal 900001)" in shown
    assert "Turkey → Azerbaijan · " in shown  # SIPRI writes Turkiye
    harop = [b for b in at.button if b.key and b.key.startswith("sipri_")
             and b.key.endswith("_harop-combat-use-2020")]
    assert harop, "the Harop deal lists the 2020 combat use"
    harop[0].click().run()
    assert not at.exception
    assert at.query_params["event"] in ("harop-combat-use-2020", ["harop-combat-use-2020"])
    assert [str(s.value) for s in at.subheader][-1].startswith("Azerbaijan uses Israeli Harop")


def test_a_bad_register_is_one_clear_error(monkeypatch, tmp_path):
    bad = tmp_path / "register.csv"
    bad.write_text("not,a,register\n1,2,3\n")
    at = sipri_app(monkeypatch, bad)
    assert [str(e.value) for e in at.error] and "register.csv" in text(at)


@pytest.mark.skipif(not SHARED.is_file(), reason=f"the shared SIPRI register is absent: {SHARED}")
def test_the_shared_register_matches_harop_lora_and_barak(monkeypatch):
    at = sipri_app(monkeypatch, SHARED)
    shown = text(at)
    for system in ("Harop", "LORA", "Barak-8"):
        assert f"Israel → Azerbaijan · {system} (SIPRI deal" in shown


# -- the Deals page ---------------------------------------------------------------------------


def deals_app(monkeypatch, register: Path | None) -> AppTest:
    return page_app(monkeypatch, register, "views/deals.py")


def chart(at: AppTest) -> dict:
    import json

    return json.loads(at.get("plotly_chart")[0].proto.spec)


@pytest.mark.skipif(not SHARED.is_file(), reason=f"the shared SIPRI register is absent: {SHARED}")
def test_deals_put_the_2020_combat_use_on_the_harop_and_lora_deals(monkeypatch):
    spec = chart(deals_app(monkeypatch, SHARED))
    rows = spec["layout"]["yaxis"]["ticktext"]
    marks = {(rows[int(y)], eid) for t in spec["data"]
             if (t.get("meta") or {}).get("role") == "marks"
             for y, eid in zip(t["y"], t["customdata"], strict=True)}
    assert ("Israel → Azerbaijan · Harop", "harop-combat-use-2020") in marks
    assert any(r.startswith("Israel → Azerbaijan · LORA") and e == "lora-combat-use-2020"
               for r, e in marks)
    bands = [t for t in spec["data"] if (t.get("meta") or {}).get("role") == "sipri"]
    assert len(bands) == len(rows)  # every row here is a SIPRI deal: its band
    harop = rows.index("Israel → Azerbaijan · Harop")
    band = [t for t in bands if t["y"][0] == harop][0]
    assert band["hovertext"][0].startswith("SIPRI: ordered 2014 (estimate)")


def test_deals_without_a_register_group_the_timelines_own(monkeypatch, tmp_path):
    import shutil

    from extract.timeline import Document

    at = deals_app(monkeypatch, None)  # the bundled deals name no system: no deal rows
    assert "No deals in view" in text(at)
    events = Path(shutil.copyfile(ROOT / "events.yaml", tmp_path / "events.yaml"))
    doc = Document.open(events)
    doc.update_event("israeli-arms-shipments-during-war-2020", systems=["Harop"])
    doc.save()
    monkeypatch.setenv("ARMS_EVENTS", str(events))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/deals.py").run()
    assert "start with --sipri FILE to see the SIPRI register's years" in text(at)
    spec = chart(at)
    assert spec["layout"]["yaxis"]["ticktext"] == ["Israel → Azerbaijan · Harop"]
    ids = {i for t in spec["data"] if (t.get("meta") or {}).get("role") == "marks"
           for i in t["customdata"]}
    # the delivery that names the pair and the system, and the combat use seen with both
    assert ids == {"israeli-arms-shipments-during-war-2020", "harop-combat-use-2020"}
    assert not [t for t in spec["data"] if (t.get("meta") or {}).get("role") == "sipri"]


def test_the_flow_table_counts_each_event_once_per_pair():
    import pandas as pd

    from dashboard.deals_chart import deal_rows, flow_table

    items = [{"supplier": "Israel", "recipient": "Azerbaijan", "system": s, "sipri_id": None,
              "events": ["a", "b"], "sipri": None} for s in ("Harop", "LORA")]
    events = pd.DataFrame({"id": ["a", "b"], "start": pd.to_datetime(["2020-01-01",
                                                                      "2021-06-01"])})
    table = flow_table(deal_rows(items), events)
    assert table.loc["Israel → Azerbaijan"].to_dict() == {"2020": 1, "2021": 1}


def test_the_flow_values_count_each_deal_once_and_never_mix_currencies():
    import pandas as pd

    from dashboard.deals_chart import deal_rows, flow_values

    def item(system, events):
        return {"supplier": "Israel", "recipient": "Azerbaijan", "system": system,
                "sipri_id": None, "events": events, "sipri": None}

    events = pd.DataFrame({
        "id": ["harop-order", "harop-again", "lora-order", "barak-order", "harop-used"],
        "type": ["deal", "deal", "deal", "deal", "combat_use"],
        "start": pd.to_datetime(["2016-01-01", "2017-03-01", "2016-05-01", "2016-09-01",
                                 "2020-10-01"]),
        "value_amount": [1.6e9, 1.7e9, 3e8, 2e8, 5e6],
        "value_currency": ["USD", "USD", "USD", "EUR", "USD"],
        "value_unit": ["", "", "", "", ""],
        "value_label": ["USD 1.6 billion", "USD 1.7 billion", "USD 300 million",
                        "c. EUR 200 million", "USD 5 million"],
    })
    rows = deal_rows([item("Harop", ["harop-order", "harop-again", "harop-used"]),
                      item("LORA", ["lora-order"]), item("Barak-8", ["barak-order"])])
    table = flow_values(rows, events)
    # Harop's deal at its first report's value and year (not 2017 again, not the combat use)
    assert table.loc["Israel → Azerbaijan"].to_dict() == {
        "2016": "c. EUR 200 million + USD 1.9 billion (3 deals)"}
    assert flow_values(rows, events.assign(value_currency="")).empty

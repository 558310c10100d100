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


def sipri_app(monkeypatch, register: Path | None) -> AppTest:
    monkeypatch.setenv("ARMS_EVENTS", str(ROOT / "events.yaml"))
    if register is None:
        monkeypatch.delenv("ARMS_SIPRI", raising=False)
    else:
        monkeypatch.setenv("ARMS_SIPRI", str(register))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("views/sipri.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


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

"""Presenter mode: the deck, the place in the URL, the themes' contrast, the figure, the page."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.figures import PRESENT_TICK_PX, PRESENT_TITLE_PX, presenter_figure
from dashboard.filters import Filters, apply
from dashboard.frame import build
from dashboard.present import (
    DARK,
    LIGHT,
    Presenter,
    contrast_ratio,
    make_deck,
    presenter_from_query,
    presenter_to_query,
    span_label,
)
from extract.timeline import load

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
RICH = ROOT / "tests" / "fixtures" / "dashboard" / "rich.yaml"
BUNDLED = ROOT / "events.yaml"


@pytest.fixture(scope="module")
def rich():
    return build(load(RICH))


@pytest.fixture(scope="module")
def bundled():
    return build(load(BUNDLED))


# --------------------------------------------------------------------------------------------
# The place in the URL
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    ({}, Presenter()),
    ({"mode": "present"}, Presenter(on=True)),
    ({"mode": "present", "step": "3"}, Presenter(on=True, step=3)),
    ({"mode": ["present"], "step": ["3"], "set": ["briefing"], "theme": ["dark"]},
     Presenter(on=True, step=3, set="briefing", theme="dark")),
    ({"mode": "slides", "step": "-2", "set": "all", "theme": "neon"}, Presenter()),  # junk
    ({"mode": "present", "step": "9999999999"}, Presenter(on=True)),  # absurd: the title
], ids=["empty", "on", "step", "all-keys-as-lists", "junk", "huge-step"])
def test_presenter_from_query(query, expected):
    assert presenter_from_query(query) == expected


@pytest.mark.parametrize("p", [Presenter(), Presenter(on=True, step=4),
                               Presenter(on=True, step=0, set="briefing", theme="dark"),
                               Presenter(set="briefing")], ids=str)
def test_presenter_query_round_trip(p):
    assert presenter_from_query(presenter_to_query(p)) == p


# --------------------------------------------------------------------------------------------
# The deck
# --------------------------------------------------------------------------------------------


def test_deck_of_the_view_is_title_events_in_date_order_then_sources(rich):
    shown = apply(rich.events, Filters())
    deck = make_deck(rich, shown, "view")
    assert deck.n_events == len(shown) and deck.last_step == len(shown) + 1
    assert deck.kind(0) == "title" and deck.kind(deck.last_step) == "sources"
    assert [deck.event_at(i)["id"] for i in range(1, deck.n_events + 1)] == list(shown["id"])
    assert list(deck.events["start"]) == sorted(deck.events["start"])
    assert deck.clamp(-5) == 0 and deck.clamp(10_000) == deck.last_step
    assert deck.event_at(0) is None and deck.event_at(deck.last_step) is None


def test_deck_of_the_briefing_keeps_the_presenters_order(bundled):
    deck = make_deck(bundled, apply(bundled.events, Filters(types=("visit",))), "briefing")
    assert list(deck.events["id"]) == bundled.briefing  # filters do not apply
    assert deck.missing == ()


def test_sources_slide_lists_every_cited_source_once_in_order(rich):
    deck = make_deck(rich, apply(rich.events, Filters()), "view")
    cited = deck.cited_sources()
    assert len(set(cited["id"])) == len(cited)
    from dashboard.frame import record
    from dashboard.present import cited_source_ids
    wanted = {s for text in deck.events["record"] for s in cited_source_ids(record(text))}
    assert set(cited["id"]) == wanted
    assert list(deck.cited_sources(1)["id"]) == cited_source_ids(
        record(deck.events["record"].iloc[0]))


@pytest.mark.parametrize(("ids", "label"), [
    (["reuters-arms-2016"], "2016"),                      # a year stays a year
    (["reuters-arms-2016", "embassy-2023-03-29"], "2016 – 29 Mar 2023"),
    (["sipri-share-2016-2020"], "2016–2020"),             # a period: its own span
], ids=["one-year", "year-to-day", "period"])
def test_span_label_is_honest(rich, ids, label):
    events = rich.events[rich.events["id"].isin(ids)]
    assert span_label(events) == label


def test_empty_deck_has_a_title_and_a_sources_slide(rich):
    deck = make_deck(rich, apply(rich.events, Filters(text="no-such-word")), "view")
    assert deck.last_step == 1 and deck.kind(1) == "sources" and deck.span_label() == ""


# --------------------------------------------------------------------------------------------
# Themes and the figure
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_theme_contrast_for_a_projector(theme):
    assert contrast_ratio(theme.text, theme.background) >= 7  # WCAG AAA for text
    assert contrast_ratio(theme.muted, theme.background) >= 7
    assert contrast_ratio(theme.accent, theme.background) >= 4.5
    for event_type, colour in theme.marks.items():  # WCAG 2.1 non-text contrast
        assert contrast_ratio(colour, theme.background) >= 3, (event_type, colour)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_presenter_figure_large_type_and_current_ringed(rich, theme):
    fig = presenter_figure(rich.events, current="embassy-2023-03-29", theme=theme,
                           title="3 of 12 · <b>29 Mar 2023</b>")
    layout = fig.layout
    assert layout.xaxis.tickfont.size >= 18 and layout.yaxis.tickfont.size >= 18
    assert layout.title.font.size >= 28 and PRESENT_TITLE_PX >= 28 and PRESENT_TICK_PX >= 18
    assert layout.title.text == "3 of 12 · &lt;b&gt;29 Mar 2023&lt;/b&gt;"  # escaped
    assert layout.paper_bgcolor == theme.background and layout.font.color == theme.text
    (ring,) = [t for t in fig.data if (t.meta or {}).get("role") == "current"]
    assert list(ring.customdata) == ["embassy-2023-03-29"]
    assert ring.marker.line.color == theme.accent
    # its label set apart: bold, in the accent; every other mark and label dimmed
    (label,) = [t for t in fig.data if (t.meta or {}).get("role") == "labels"
                and t.meta["selected"]]
    assert list(label.text) == ["<b>Azerbaijan opens its embassy in Tel Aviv · 29 Mar 2023</b>"]
    assert label.textfont.color == theme.accent and label.opacity == 1
    for t in fig.data:
        role = (t.meta or {}).get("role")
        if role == "marks":
            assert t.marker.color == theme.marks[t.meta["type"]] and t.opacity < 1
        if role == "labels" and not t.meta["selected"]:
            assert t.opacity < 1 and t.textfont.color == theme.text


def test_presenter_figure_without_a_current_event_has_no_ring(rich):
    fig = presenter_figure(rich.events, current=None, theme=LIGHT)
    assert not [t for t in fig.data if (t.meta or {}).get("role") == "current"]


# --------------------------------------------------------------------------------------------
# The page in AppTest
# --------------------------------------------------------------------------------------------


pytestmark = pytest.mark.usefixtures("fresh_streamlit_cache")


def app(monkeypatch, events: Path, query: dict | None = None) -> AppTest:
    monkeypatch.setenv("ARMS_EVENTS", str(events))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def headers(at: AppTest) -> list[str]:
    import re
    return [re.sub(r"\\(.)", r"\1", h.value) for h in at.header]


def test_link_with_a_step_opens_that_event(monkeypatch, bundled):
    at = app(monkeypatch, BUNDLED, {"mode": "present", "step": "3"})
    third = apply(bundled.events, Filters()).iloc[2]
    assert third["title"] in headers(at)
    assert at.query_params["mode"] == "present" and at.query_params["step"] == "3"


def test_next_and_previous_move_and_the_url_follows(monkeypatch, bundled):
    at = app(monkeypatch, BUNDLED, {"mode": "present", "step": "0"})
    shown = apply(bundled.events, Filters())
    at.button(key="present_next").click().run()
    assert at.query_params["step"] == "1" and shown.iloc[0]["title"] in headers(at)
    at.button(key="present_next").click().run()
    at.button(key="present_prev").click().run()
    assert at.query_params["step"] == "1"
    assert at.button(key="present_next").proto.shortcut  # the → key
    assert at.button(key="present_prev").proto.shortcut  # the ← key


def test_briefing_set_in_presenters_order(monkeypatch, bundled):
    at = app(monkeypatch, BUNDLED, {"mode": "present", "set": "briefing", "step": "2"})
    second = bundled.events.set_index("id").loc[bundled.briefing[1]]
    assert second["title"] in headers(at)
    assert at.query_params["set"] == "briefing"


def test_last_slide_lists_the_sources(monkeypatch, rich):
    at = app(monkeypatch, RICH, {"mode": "present", "step": "999"})
    assert "Sources" in [t.value for t in at.title]
    deck = make_deck(rich, apply(rich.events, Filters()), "view")
    assert at.query_params["step"] == str(deck.last_step)  # clamped, and the URL says so
    import re
    body = re.sub(r"\\(.)", r"\1", "\n".join(m.value for m in at.markdown))
    for publisher in deck.cited_sources()["publisher"]:  # hostile names shown as written
        assert f"**{publisher}**" in body


def test_setup_page_toggle_turns_presenter_mode_on(monkeypatch):
    at = app(monkeypatch, RICH)
    at.switch_page("views/present.py").run()
    assert not at.exception
    assert "mode" not in at.query_params
    at.radio(key="present_theme").set_value("dark").run()
    at.toggle(key="present_on").set_value(True).run()
    assert at.query_params["mode"] == "present" and at.query_params["theme"] == "dark"
    at.button(key="present_exit").click().run()
    assert "mode" not in at.query_params and at.query_params["theme"] == "dark"


def test_exit_to_another_page_drops_the_presenter_keys(monkeypatch):
    at = app(monkeypatch, RICH, {"mode": "present", "step": "2", "type": "deal"})
    at.switch_page("views/timeline.py").run()
    assert not at.exception
    assert dict(at.query_params) == {"type": "deal"}


def test_presenter_chart_spec_has_large_type(monkeypatch):
    at = app(monkeypatch, RICH, {"mode": "present", "step": "1", "theme": "dark"})
    (chart,) = at.get("plotly_chart")
    spec = json.loads(chart.proto.spec)
    assert spec["layout"]["xaxis"]["tickfont"]["size"] >= 18
    assert spec["layout"]["paper_bgcolor"] == DARK.background
    config = json.loads(chart.proto.config)
    assert config["toImageButtonOptions"]["filename"].startswith("arms-timeline-")


# --------------------------------------------------------------------------------------------
# House rule: the only HTML on the page is constant CSS written here
# --------------------------------------------------------------------------------------------


def test_present_page_html_is_only_constant_css():
    path = ROOT / "dashboard" / "views" / "present.py"
    tree = ast.parse(path.read_text())
    constants = {
        t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
        for t in node.targets if isinstance(t, ast.Name)
        and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Attribute) and n.func.attr in ("html", "markdown")]
    html_calls = [c for c in calls if c.func.attr == "html"
                  or any(k.arg == "unsafe_allow_html" for k in c.keywords)]
    assert html_calls
    for call in html_calls:
        (arg,) = call.args
        assert isinstance(arg, ast.Name) and arg.id in constants, ast.dump(call)
        css = constants[arg.id]
        assert css.startswith("<style>") and css.endswith("</style>")
        assert "<script" not in css and "url(" not in css and "@import" not in css
    assert "components" not in path.read_text()  # the arrow keys are Streamlit's shortcuts


def test_briefing_pack_section_makes_the_deck_and_offers_every_export(monkeypatch, tmp_path):
    monkeypatch.setenv("ARMS_CHROMIUM", str(tmp_path / "no-chromium"))  # the deck, no picture
    monkeypatch.setenv("ARMS_HANDLING", "OFFICIAL")
    at = app(monkeypatch, RICH)
    at.switch_page("views/present.py").run()
    assert "Briefing pack" in [s.value for s in at.subheader]
    assert at.text_input(key="pack_handling").value == "OFFICIAL"
    labels = [el.proto.label for el in at.get("download_button")]
    assert labels == ["CSV (one row per event)", "CSV (one row per quote)", "JSON",
                      "YAML (events.yaml)", "TimelineJS", "Chart as HTML (offline)",
                      "Handout (HTML)"]
    at.button(key="pack_make_pptx").click().run()
    assert not at.exception
    warned = " ".join(w.value for w in at.warning)
    assert "the deck has no timeline picture" in warned and "no Chromium at" in warned
    made = [el.proto.label for el in at.get("download_button")]
    assert "Download the PowerPoint deck" in made
    at.button(key="pack_make_pdf").click().run()  # the PDF needs Chromium: said, not raised
    assert not at.exception
    assert "no Chromium at" in " ".join(e.value for e in at.error)

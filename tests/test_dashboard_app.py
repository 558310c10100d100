"""The app in Streamlit's AppTest: every page, widgets by key, the URL, errors, safety."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
FIXTURES = Path(__file__).parent / "fixtures" / "dashboard"
RICH = FIXTURES / "rich.yaml"
PAGES = ["views/timeline.py", "views/overview.py", "views/table.py", "views/sources.py"]


pytestmark = pytest.mark.usefixtures("fresh_streamlit_cache")


def app(monkeypatch, events: Path, query: dict | None = None, page: str | None = None) -> AppTest:
    monkeypatch.setenv("ARMS_EVENTS", str(events))
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_spec(at: AppTest, key: str = "timeline_chart") -> dict:
    # the timeline's key carries the number of zooms so far ("timeline_chart_0")
    (chart,) = [el for el in at.get("plotly_chart") if getattr(el, "key", None) == key
                or re.search(rf"{key}(_\d+)?$", el.proto.id)]
    return json.loads(chart.proto.spec)


def url(at: AppTest, key: str) -> list[str] | None:
    """The values of ``key`` in the app's query string (AppTest gives one value as a str)."""
    value = at.query_params.get(key)
    return [value] if isinstance(value, str) else value


def marks(spec: dict) -> list[str]:
    return [i for t in spec["data"] if (t.get("meta") or {}).get("role") == "marks"
            for i in t["customdata"]]


def plain(markdown: str) -> str:
    """Markdown as the reader sees it: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def texts(at: AppTest) -> str:
    """All Markdown source on the page (markdown, captions, alerts, headings)."""
    parts = []
    for kind in ("markdown", "caption", "warning", "info", "error", "subheader", "title",
                 "header"):
        parts.extend(str(el.value) for el in at.get(kind))
    return "\n".join(parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(monkeypatch, page):
    app(monkeypatch, RICH, page=page)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_bundled_timeline(monkeypatch, page):
    at = app(monkeypatch, ROOT / "events.yaml", page=page)
    assert not at.exception


def test_opens_on_the_timeline_with_accepted_events(monkeypatch):
    at = app(monkeypatch, RICH)
    assert "12 of 14 events shown" in texts(at)
    spec = chart_spec(at)
    assert len(marks(spec)) == 12
    assert "gallant-call-candidate-2023-02-01" not in marks(spec)
    assert at.query_params == {}


def test_filter_widgets_by_key_update_chart_and_url(monkeypatch):
    at = app(monkeypatch, RICH)
    at.multiselect(key="f_types").select("statistic").run()
    assert marks(chart_spec(at)) == ["sipri-share-2016-2020"]
    assert url(at, "type") == ["statistic"]
    at.multiselect(key="f_types").unselect("statistic").run()
    at.text_input(key="f_text").input("Harop").run()
    assert sorted(marks(chart_spec(at))) == ["harop-combat-2020-10",
                                              "harop-deliveries-2020-11", "reuters-arms-2016"]
    assert url(at, "q") == ["Harop"]
    assert "type" not in at.query_params
    at.multiselect(key="f_statuses").select("candidate").run()
    assert url(at, "status") == ["accepted", "candidate"]


def test_lane_mode_by_key(monkeypatch):
    at = app(monkeypatch, RICH)
    at.radio(key="lanes").set_value("actor").run()
    spec = chart_spec(at)
    lanes = {name.split("<br>")[0] for name in spec["layout"]["yaxis"]["ticktext"]}
    assert {"Israel", "Azerbaijan", "Armenia"} <= lanes
    assert url(at, "lanes") == ["actor"]


def test_time_window_by_key(monkeypatch):
    import datetime as dt

    at = app(monkeypatch, RICH)
    at.slider(key="f_window").set_range(dt.date(2023, 1, 1), dt.date(2023, 5, 31)).run()
    assert sorted(marks(chart_spec(at))) == ["embassy-2023-03-29",
                                              "herzog-aliyev-baku-2023-05-30"]
    assert url(at, "from") == ["2023-01-01"]
    assert "to" not in at.query_params  # the end of the timeline is the default


def test_query_params_restore_the_view(monkeypatch):
    query = {"type": ["deal", "meeting_call"], "status": ["accepted", "candidate"],
             "lanes": "system", "event": "iai-deal-2012-02-26", "from": "2012-01-01"}
    at = app(monkeypatch, RICH, query=query)
    assert at.multiselect(key="f_types").value == ["deal", "meeting_call"]
    assert at.multiselect(key="f_statuses").value == ["accepted", "candidate"]
    assert at.radio(key="lanes").value == "system"
    assert at.selectbox(key="event").value == "iai-deal-2012-02-26"
    assert sorted(marks(chart_spec(at))) == sorted(
        ["iai-deal-2012-02-26", "iai-deal-2012-02-26",  # one mark per system lane
         "reuters-arms-2016", "reuters-arms-2016",
         "satellite-deal-2021-06-15", "gallant-call-candidate-2023-02-01"])
    body = texts(at)
    assert "Israel Aerospace Industries deal announced" in body
    assert "**Transfer:** Israel → Azerbaijan" in body  # who sold to whom, as the file says
    assert "Sources differ on the figure" in body
    # and the URL still says the same thing after the run
    assert url(at, "event") == ["iai-deal-2012-02-26"]
    assert url(at, "type") == ["deal", "meeting_call"]


def test_damaged_link_opens_with_defaults(monkeypatch):
    at = app(monkeypatch, RICH, query={"type": "bogus", "from": "yesterday", "event": "nope",
                                       "actor": "Atlantis"})
    assert len(marks(chart_spec(at))) == 12
    assert at.multiselect(key="f_actors").value == []


def test_selecting_an_event_shows_its_card(monkeypatch):
    at = app(monkeypatch, RICH)
    at.selectbox(key="event").set_value("embassy-2023-03-29").run()
    assert not at.exception
    body = texts(at)
    assert "Azerbaijan opens its embassy in Tel Aviv" in body
    assert "Caspian News says 29 Mar 2023; The Times of Israel says Mar 2023" in body
    assert "Corroborated by **2 distinct publishers**" in body
    assert ":orange-background[**on March 29\\, 2023**]" in body  # the date words, highlighted
    assert url(at, "event") == ["embassy-2023-03-29"]
    # the selection survives a trip to another page
    at.switch_page("views/sources.py").run()
    assert url(at, "event") == ["embassy-2023-03-29"]


def test_unverified_candidate_and_notes(monkeypatch):
    at = app(monkeypatch, RICH, query={"event": "satellite-deal-2021-06-15"})
    assert any("Unverified: single source" in w.value for w in at.warning)
    assert "no official confirmation found" in texts(at)
    at = app(monkeypatch, RICH, query={"event": "gallant-call-candidate-2023-02-01",
                                       "status": ["accepted", "candidate"]})
    assert any("Not yet reviewed" in i.value and "candidate" in i.value for i in at.info)


def test_selected_event_outside_the_filters_says_so(monkeypatch):
    at = app(monkeypatch, RICH, query={"event": "karabakh-war-2020", "type": "deal"})
    assert any("outside the current filters" in i.value for i in at.info)


def test_script_injection_is_never_html(monkeypatch):
    at = app(monkeypatch, RICH, query={"event": "xss-2022-07-04"})
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception
        assert not at.get("html")
        for el in at.get("markdown") + at.get("caption") + at.get("warning") + at.get("info"):
            assert not getattr(el.proto, "allow_html", False)
            body = str(el.value)
            assert "<script>" not in body and "<b>" not in body and "<i>" not in body
            assert "](javascript:" not in body
        if page.endswith("timeline.py"):
            assert "<script>alert(1)</script><b>x</b>" in plain(texts(at))  # shown, as text


def test_table_page_has_downloads(monkeypatch):
    at = app(monkeypatch, RICH, query={"type": "statistic"}, page="views/table.py")
    frame = at.dataframe[0].value
    assert list(frame["id"]) == ["sipri-share-2016-2020"]
    assert list(frame["date"]) == ["2016"]
    labels = [el.proto.label for el in at.get("download_button")]
    assert labels == ["Download CSV", "Download JSON"]


def test_table_page_shows_types_in_words(monkeypatch):
    at = app(monkeypatch, RICH, query={"type": "combat_use"}, page="views/table.py")
    frame = at.dataframe[0].value
    assert list(frame["id"]) == ["harop-combat-2020-10"]
    assert list(frame["type"]) == ["combat use"]  # not the file's 'combat_use'
    assert "1 event · click a column header" in texts(at)  # not '1 events'


def test_sources_page_lists_every_source(monkeypatch):
    at = app(monkeypatch, RICH, page="views/sources.py")
    frame = at.dataframe[0].value
    assert len(frame) == 8
    sipri = frame[frame["id"] == "sipri-2021-03"].iloc[0]
    assert sipri["published"] == "Mar 2021"
    assert sipri["link"].startswith("https://www.sipri.org/")
    assert list(sipri["events"]) == [
        "2016–2020 · Israel's share of Azerbaijan's major arms imports"]
    at.toggle(key="sources_only_shown").set_value(True).run()
    assert "notebook" not in list(at.dataframe[0].value["id"])  # cites only unaccepted events


def test_overview_page(monkeypatch):
    at = app(monkeypatch, RICH, page="views/overview.py")
    stats = chart_spec(at, "overview_statistics")
    assert stats["data"][0]["text"] == ["69% · 2016–2020"]
    assert [m.value for m in at.metric][0] == "12"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("broken.yaml", ["(line 11)", "field 'date'", "there is no month 13",
                         "expected YYYY, YYYY-MM or YYYY-MM-DD", "(line 12)",
                         "did you mean 'visit'"]),
        ("syntax.yaml", ["(line 4)", "YAML syntax error"]),
        ("missing.yaml", ["no such file"]),
    ],
)
def test_broken_file_shows_one_clear_error(monkeypatch, name, expected):
    at = app(monkeypatch, FIXTURES / name)
    (error,) = at.error
    for words in expected:
        assert words in plain(error.value)
    assert name in plain(error.value) and str(FIXTURES) not in plain(error.value)  # no paths
    assert not at.exception
    assert not at.get("plotly_chart")


def test_fixing_the_file_shows_the_timeline(monkeypatch, tmp_path):
    events = tmp_path / "events.yaml"
    shutil.copy(FIXTURES / "broken.yaml", events)
    at = app(monkeypatch, events)
    assert len(at.error) == 1
    shutil.copy(RICH, events)
    at.run()
    assert not at.exception and not at.error
    assert len(marks(chart_spec(at))) == 12


def test_an_edited_file_shows_on_rerun(monkeypatch, tmp_path):
    events = tmp_path / "events.yaml"
    shutil.copy(RICH, events)
    at = app(monkeypatch, events)

    def hovers() -> str:
        return " ".join(h for t in chart_spec(at)["data"]
                        if (t.get("meta") or {}).get("role") == "marks" for h in t["hovertext"])

    assert "Second Karabakh war" in hovers()
    text = events.read_text().replace("title: Second Karabakh war",
                                      "title: The 44-day war")
    events.write_text(text)
    at.run()
    assert "The 44-day war" in hovers() and "Second Karabakh war" not in hovers()


def test_nothing_matches(monkeypatch):
    at = app(monkeypatch, FIXTURES / "empty_filtered.yaml")
    assert "0 of 1 event shown" in texts(at)
    assert any("No events match" in i.value for i in at.info)
    at.switch_page("views/overview.py").run()
    assert not at.exception


def test_reset_filters(monkeypatch):
    at = app(monkeypatch, RICH, query={"type": "deal", "q": "harop"})
    at.button(key="reset_filters").click().run()
    assert at.multiselect(key="f_types").value == []
    assert at.text_input(key="f_text").value == ""
    assert "type" not in at.query_params and "q" not in at.query_params


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\nsources: []\nevents: []\n",
        "version: 1\nsources: [{id: s}]\nevents:\n  - {id: one, title: One day, date: 2020-02-29,"
        " type: deal, status: accepted, evidence: [{source: s, quote: On 29 February 2020.}]}\n",
    ],
    ids=["no-events", "one-day"],
)
@pytest.mark.parametrize("page", PAGES)
def test_tiny_timelines(monkeypatch, tmp_path, text, page):
    events = tmp_path / "events.yaml"
    events.write_text(text)
    at = app(monkeypatch, events, page=page)
    assert not at.error


@pytest.mark.parametrize("page", ["views/review.py", "views/add_articles.py"])
def test_pages_the_filters_do_not_apply_to_do_not_show_them_and_keep_them(monkeypatch, page):
    at = app(monkeypatch, RICH)
    at.multiselect(key="f_types").set_value(["deal"]).run()
    at.text_input(key="f_text").set_value("Harop").run()
    at.switch_page(page).run()
    assert not at.exception
    assert not [w for w in at.multiselect if w.key == "f_types"]
    assert not at.sidebar.get("slider") and not at.sidebar.get("text_input")
    at.switch_page("views/timeline.py").run()
    assert at.multiselect(key="f_types").value == ["deal"]
    assert at.text_input(key="f_text").value == "Harop"
    assert url(at, "type") == ["deal"]


def test_the_lane_with_nothing_named_is_collapsed_until_asked(monkeypatch):
    at = app(monkeypatch, RICH, {"lanes": "system"})

    def labelled() -> set[str]:
        return {i for t in chart_spec(at)["data"]
                if (t.get("meta") or {}).get("role") == "labels" for i in t["customdata"]}

    unnamed = {"embassy-2023-03-29", "herzog-aliyev-baku-2023-05-30"}  # they name no system
    assert not labelled() & unnamed
    ticks = chart_spec(at)["layout"]["yaxis"]["ticktext"]
    assert any(t.startswith("(no system named)<br><i>") for t in ticks)
    at.toggle(key="expand_unnamed").set_value(True).run()
    assert unnamed <= labelled()


def test_a_link_to_a_missing_event_says_so(monkeypatch):
    at = app(monkeypatch, RICH, {"event": "gone-2020"})
    assert "'gone-2020', which this timeline does not hold" in texts(at)
    at.selectbox(key="event").set_value("embassy-2023-03-29").run()
    assert "gone-2020" not in texts(at)  # said once, until another event is chosen

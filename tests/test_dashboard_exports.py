"""Every export of a view, parsed back and checked against the view: CSV, JSON, YAML,
TimelineJS, the chart as an offline page, the printable handout, and the image buttons."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from dashboard.export import standalone_html, timeline_of, to_csv, to_json, to_yaml
from dashboard.figures import TimelineOptions, image_config, timeline_figure
from dashboard.filters import Filters, apply
from dashboard.frame import build, record
from dashboard.handout import handout_html
from dashboard.timelinejs import timelinejs, tl_date, to_timelinejs
from extract.timeline import load, parse

ROOT = Path(__file__).resolve().parent.parent
RICH = ROOT / "tests" / "fixtures" / "dashboard" / "rich.yaml"
BUNDLED = ROOT / "events.yaml"

VIEWS = [
    pytest.param(RICH, Filters(), id="rich-default"),
    pytest.param(RICH, Filters(statuses=("accepted", "candidate", "rejected")), id="rich-all"),
    pytest.param(RICH, Filters(types=("deal", "statistic")), id="rich-deals-stats"),
    pytest.param(RICH, Filters(text="no-such-word"), id="rich-empty"),  # an empty view exports
    pytest.param(BUNDLED, Filters(), id="bundled-default"),
    pytest.param(BUNDLED, Filters(actors=("Armenia",)), id="bundled-armenia"),
]


@pytest.fixture(scope="module")
def frames_of():
    cache: dict[Path, object] = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = build(load(path))
        return cache[path]

    return get


# --------------------------------------------------------------------------------------------
# CSV, JSON, YAML
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "f"), VIEWS)
def test_csv_rows_are_the_shown_events(frames_of, path, f):
    frames = frames_of(path)
    shown = apply(frames.events, f)
    rows = list(csv.DictReader(io.StringIO(to_csv(shown).decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == list(shown["id"])
    assert [r["date_label"] for r in rows] == list(shown["label"])


@pytest.mark.parametrize(("path", "f"), VIEWS)
def test_json_ids_are_the_shown_events(frames_of, path, f):
    frames = frames_of(path)
    shown = apply(frames.events, f)
    doc = json.loads(to_json(shown, frames.sources))
    assert [e["id"] for e in doc["events"]] == list(shown["id"])
    cited = {ev["source"] for e in doc["events"] for ev in e["evidence"]}
    assert cited <= {s["id"] for s in doc["sources"]}


@pytest.mark.parametrize(("path", "f"), VIEWS)
def test_yaml_reloads_as_the_shown_events(frames_of, path, f):
    frames = frames_of(path)
    shown = apply(frames.events, f)
    text = to_yaml(shown, frames.sources, briefing=frames.briefing,
                   view={"type": list(f.types)} if f.types else None).decode("utf-8")
    timeline = parse(text, file="export.yaml")
    assert [e.id for e in timeline.events] == list(shown["id"])
    # every event exactly as in the file: dates at their precision, evidence, claims, review
    original = load(path).event_map()
    for event in timeline.events:
        assert event == original[event.id]
    cited = {ev.source for e in timeline.events for ev in e.evidence} | {
        r for e in timeline.events for r in e.references}
    assert {s.id for s in timeline.sources} == cited
    assert all(i in set(shown["id"]) for i in timeline.briefing)


def test_yaml_passes_extract_check(frames_of, tmp_path):
    frames = frames_of(BUNDLED)
    shown = apply(frames.events, Filters(statuses=("accepted", "candidate")))
    out = tmp_path / "export.yaml"
    out.write_bytes(to_yaml(shown, frames.sources, briefing=frames.briefing))
    done = subprocess.run([sys.executable, "-m", "extract", "check", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_yaml_keeps_the_briefing_order_of_shown_events(frames_of):
    frames = frames_of(BUNDLED)
    shown = apply(frames.events, Filters())
    timeline = timeline_of(shown, frames.sources, frames.briefing)
    assert timeline.briefing == [i for i in frames.briefing if i in set(shown["id"])]
    assert timeline.briefing  # the bundled briefing is made of accepted events


def test_yaml_is_deterministic(frames_of):
    frames = frames_of(RICH)
    shown = apply(frames.events, Filters())
    assert to_yaml(shown, frames.sources) == to_yaml(shown, frames.sources)


# --------------------------------------------------------------------------------------------
# TimelineJS
# --------------------------------------------------------------------------------------------

# The documented format (https://timeline.knightlab.com/docs/json-format.html) as a schema:
# events[] required, each with start_date.year; title optional; eras with start and end dates
# and text; media needs a url. Unknown keys are refused so that a typo cannot slip through.
_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer"}, "minute": {"type": "integer"},
        "second": {"type": "integer"}, "millisecond": {"type": "integer"},
        "display_date": {"type": "string"}, "format": {"type": "string"},
    },
    "dependentRequired": {"day": ["month"]},
    "additionalProperties": False,
}
_TEXT = {"type": "object", "properties": {"headline": {"type": "string"},
                                          "text": {"type": "string"}},
         "additionalProperties": False}
_MEDIA = {"type": "object", "required": ["url"],
          "properties": {k: {"type": "string"} for k in
                         ("url", "caption", "credit", "thumbnail", "alt", "title", "link",
                          "link_target")},
          "additionalProperties": False}
_SLIDE = {
    "type": "object",
    "properties": {
        "start_date": _DATE, "end_date": _DATE, "text": _TEXT, "media": _MEDIA,
        "group": {"type": "string"}, "display_date": {"type": "string"},
        "background": {"type": "object"}, "autolink": {"type": "boolean"},
        "unique_id": {"type": "string"},
    },
    "additionalProperties": False,
}
TIMELINEJS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": _SLIDE,
        "events": {"type": "array", "items": {**_SLIDE, "required": ["start_date"]}},
        "eras": {"type": "array", "items": {
            "type": "object", "required": ["start_date", "end_date"],
            "properties": {"start_date": _DATE, "end_date": _DATE, "text": _TEXT},
            "additionalProperties": False}},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
}


@pytest.mark.parametrize(("path", "f"), VIEWS)
def test_timelinejs_is_valid_and_is_the_view(frames_of, path, f):
    frames = frames_of(path)
    shown = apply(frames.events, f)
    doc = json.loads(to_timelinejs(shown, frames.sources, title="T <b>", lanes=f.lanes))
    jsonschema.validate(doc, TIMELINEJS_SCHEMA)
    assert [s["unique_id"] for s in doc["events"]] == list(shown["id"])
    assert doc["title"]["text"]["headline"] == "T &lt;b&gt;"


@pytest.mark.parametrize(("written", "fields"), [
    ("2016", {"year": 2016}),                                   # a year stays a year
    ("2020-11", {"year": 2020, "month": 11}),                   # no made-up day
    ("2023-05-30", {"year": 2023, "month": 5, "day": 30}),
], ids=["year", "month", "day"])
def test_timelinejs_dates_carry_only_the_given_fields(written, fields):
    date = tl_date(written)
    assert {k: v for k, v in date.items() if k != "display_date"} == fields


@pytest.mark.parametrize("path", [RICH, BUNDLED], ids=["rich", "bundled"])
def test_timelinejs_slides_follow_each_events_precision(frames_of, path):
    frames = frames_of(path)
    shown = apply(frames.events, Filters(statuses=("accepted", "candidate", "rejected")))
    doc = timelinejs(shown, frames.sources)
    fields = {"year": {"year"}, "month": {"year", "month"}, "day": {"year", "month", "day"}}
    eras = {(json.dumps(e["start_date"]), json.dumps(e["end_date"]))
            for e in doc.get("eras", [])}
    for slide, row in zip(doc["events"], shown.to_dict("records"), strict=True):
        rec = record(row["record"])
        start_precision = ("day", "month", "year")[3 - len(str(rec["date"]).split("-"))]
        assert set(slide["start_date"]) - {"display_date"} == fields[start_precision]
        assert slide["display_date"] == html.escape(row["label"])
        if row["end"]:
            end_precision = ("day", "month", "year")[3 - len(str(rec["end"]).split("-"))]
            assert set(slide["end_date"]) - {"display_date"} == fields[end_precision]
            # a period of a month or more is an era too; a two-day visit is not
            era = (json.dumps(slide["start_date"]), json.dumps(slide["end_date"])) in eras
            assert era == ((row["stop"] - row["start"]).days + 1 >= 28), row["id"]
        else:
            assert "end_date" not in slide
        assert slide["group"] == html.escape(row["type"].replace("_", " "))
        if "media" in slide:
            assert slide["media"]["credit"]


def test_timelinejs_escapes_html_and_credits_the_source(frames_of):
    frames = frames_of(RICH)
    shown = apply(frames.events, Filters(statuses=("accepted", "candidate", "rejected")))
    doc = timelinejs(shown, frames.sources)
    for slide in doc["events"]:
        for text in (slide["text"]["headline"], slide["text"]["text"]):
            assert "<" not in text and ">" not in text
            assert not re.search(r"&(?!(amp|lt|gt|quot|#x27);)", text)
    raw = json.dumps(doc)
    assert "onerror=alert" not in raw or "&lt;img src=x onerror=alert(2)&gt;" in raw
    media = {s["unique_id"]: s["media"] for s in doc["events"] if "media" in s}
    assert media["reuters-arms-2016"] == {  # the source of the quote shown in the text
        "url": "https://www.reuters.com/article/azerbaijan-israel-arms",
        "credit": "Reuters, 2016",
        "caption": "Azerbaijan says it has bought $5 billion of Israeli arms"}
    assert "(Reuters, 2016)" in next(s["text"]["text"] for s in doc["events"]
                                     if s["unique_id"] == "reuters-arms-2016")


def test_timelinejs_groups_by_actor(frames_of):
    frames = frames_of(RICH)
    shown = apply(frames.events, Filters())
    doc = timelinejs(shown, frames.sources, lanes="actor")
    assert {s["group"] for s in doc["events"]} <= {
        html.escape(a[0]) if a else "(no actor named)" for a in shown["actors"]}


# --------------------------------------------------------------------------------------------
# The chart as an offline page; PNG/SVG buttons
# --------------------------------------------------------------------------------------------


def test_chart_html_embeds_plotly_and_loads_nothing(frames_of):
    frames = frames_of(RICH)
    shown = apply(frames.events, Filters())
    page = standalone_html(timeline_figure(shown, options=TimelineOptions())).decode("utf-8")
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)  # no CDN, no script files
    assert not re.search(r"<link\b", page, re.I)
    assert "plotly.js v" in page and "Plotly.newPlot" in page  # the bundle is inside
    assert "reuters-arms-2016" in page  # the view's marks
    assert len(page) > 3_000_000


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_image_button_names_the_file_and_scales(fmt):
    config = image_config("24 events!", fmt)
    assert config["toImageButtonOptions"] == {"format": fmt, "filename": "arms-timeline-24-events",
                                              "scale": 2}


# --------------------------------------------------------------------------------------------
# The handout
# --------------------------------------------------------------------------------------------


def parsed(page: str) -> tuple[set[str], set[str], str]:
    """The tag names, attribute names and style sheet text of an HTML page."""
    from html.parser import HTMLParser

    found: tuple[set[str], set[str], list[str]] = (set(), set(), [])

    class Parser(HTMLParser):
        in_style = False

        def handle_starttag(self, tag, attrs):
            found[0].add(tag)
            found[1].update(name for name, _ in attrs)
            self.in_style = tag == "style"

        def handle_endtag(self, tag):
            self.in_style = False

        def handle_data(self, data):
            if self.in_style:
                found[2].append(data)

    Parser().feed(page)
    return found[0], found[1], "".join(found[2])


@pytest.mark.parametrize(("path", "f"), VIEWS)
def test_handout_lists_every_event_with_escaped_text(frames_of, path, f):
    frames = frames_of(path)
    shown = apply(frames.events, f)
    page = handout_html(shown, frames.sources, view_words="<script>x</script>").decode("utf-8")
    for row in shown.to_dict("records"):
        assert html.escape(row["label"]) in page
        assert html.escape(row["title"]) in page
        for ev in record(row["record"])["evidence"]:
            assert html.escape(ev["quote"]) in page
    tags, attrs, styles = parsed(page)
    # self-contained: nothing to run, fetch or follow (the hostile fixture text stays text)
    assert tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "span",
                    "article", "b", "i", "blockquote", "section", "ol", "li"}, tags
    assert not attrs & {"src", "href", "srcset", "style", "action", "data"}, attrs
    assert not re.search(r"url\(|@import", styles, re.I)
    assert "@media print" in styles


def test_handout_shows_disagreements_unverified_and_citations(frames_of):
    frames = frames_of(RICH)
    shown = apply(frames.events, Filters(statuses=("accepted", "candidate", "rejected")))
    page = handout_html(shown, frames.sources).decode("utf-8")
    assert "Sources differ on the figure" in page
    assert "this source says: USD 4.85 billion" in page
    if shown["unverified"].any():
        assert "Unverified: single source" in page
    assert "https://www.reuters.com/article/azerbaijan-israel-arms" in page  # url as text
    assert "&lt;img src=x onerror=alert(2)&gt;" in page  # hostile title, inert
    assert "<img" not in page

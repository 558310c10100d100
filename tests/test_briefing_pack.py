"""The briefing pack, written by ``python -m dashboard export`` and read back: the PowerPoint
deck (opened with python-pptx), the PDF (pages rendered with pdftoppm), the chart pictures, the
quick exports, a view's link on the command line, and what happens without Chromium.

The deck and the PDF are each made once per module (Chromium takes a few seconds to start)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from dashboard import cli
from dashboard.chromium import DEFAULT as CHROMIUM
from dashboard.deck import fit_size, quoted
from dashboard.export import EVIDENCE_COLUMNS, to_evidence_csv
from dashboard.filters import Filters, apply, filters_from_query
from dashboard.frame import build, record
from dashboard.pack import make_pack
from dashboard.present import key_evidence, make_deck
from dashboard.theme import LIGHT
from dashboard.timelinejs import timelinejs
from extract.timeline import load, visible

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "events.yaml"
RICH = ROOT / "tests" / "fixtures" / "dashboard" / "rich.yaml"
AS_OF = "2026-11-01T14:03"
HANDLING = "OFFICIAL – for briefing staff only"
PDF_HANDLING = "OFFICIAL </style><b>x"  # text in a style sheet: must stay text
NO_CHROMIUM = f"no Chromium at {CHROMIUM}: apt-get install -y chromium (.ci/run does)"
NO_POPPLER = "pdftoppm is missing: apt-get install -y poppler-utils (.ci/run does)"
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason=NO_POPPLER)


def export(*args: str) -> int:
    return cli.main(["export", *args, "--as-of", AS_OF])


def colour_share(image: Image.Image, colour: str, tolerance: int = 40) -> float:
    """The share of an image's pixels within ``tolerance`` of ``colour`` on every channel."""
    want = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    rgb = image.convert("RGB")
    small = rgb.resize((rgb.width // 2, rgb.height // 2), Image.NEAREST)
    pixels = list(small.get_flattened_data()) if hasattr(
        small, "get_flattened_data") else list(small.getdata())
    near = sum(all(abs(p[i] - want[i]) <= tolerance for i in range(3)) for p in pixels)
    return near / len(pixels)


def shapes_text(slide) -> dict[str, str]:
    return {s.name: s.text_frame.text for s in slide.shapes if s.has_text_frame}


@pytest.fixture(scope="module")
def bundled():
    return build(load(BUNDLED))


@pytest.fixture(scope="module")
def briefing_deck(tmp_path_factory):
    """The curated briefing of events.yaml as a deck, with a handling line."""
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    out = tmp_path_factory.mktemp("deck") / "briefing.pptx"
    assert export("pptx", "--events", str(BUNDLED), "--out", str(out), "--set", "briefing",
                  "--handling", HANDLING) == 0
    return Presentation(str(out))


@pytest.fixture(scope="module")
def briefing_pdf(tmp_path_factory):
    """The whole default view of events.yaml as a PDF, and its first page as a picture."""
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    if shutil.which("pdftoppm") is None:
        pytest.skip(NO_POPPLER)
    folder = tmp_path_factory.mktemp("pdf")
    out = folder / "briefing.pdf"
    assert export("pdf", "--events", str(BUNDLED), "--out", str(out), "--handling",
                  PDF_HANDLING) == 0
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(out),
                    str(folder / "page")], check=True, timeout=60)
    page_one = Image.open(next(folder.glob("page*.png")))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          check=True, timeout=60, text=True).stdout
    return out, page_one, text.split("\f")


# --------------------------------------------------------------------------------------------
# The deck
# --------------------------------------------------------------------------------------------


def test_the_deck_has_a_slide_per_event_and_three_more(briefing_deck, bundled):
    events = make_deck(bundled, apply(bundled.events, Filters()), "briefing").events
    assert list(events["id"]) == bundled.briefing  # the presenter's order
    assert len(briefing_deck.slides) == len(events) + 3
    assert briefing_deck.slide_width * 9 == briefing_deck.slide_height * 16  # 16:9


def test_each_event_slide_has_its_quote_source_and_citations_in_the_notes(briefing_deck, bundled):
    events = make_deck(bundled, apply(bundled.events, Filters()), "briefing").events
    sources = bundled.sources.set_index("id")
    slides = list(briefing_deck.slides)[2:-1]
    for slide, row in zip(slides, events.to_dict("records"), strict=True):
        text, notes = shapes_text(slide), slide.notes_slide.notes_text_frame.text
        assert text["title"] == visible(row["title"])
        assert text["date"].startswith(row["label"])
        rec = record(row["record"])
        key = key_evidence(rec)
        shown_quote = text["quote"].strip("“”").rstrip(" …")
        assert key["quote"].startswith(shown_quote[:60]), row["id"]
        assert sources.loc[key["source"], "publisher"] in text["source"]
        for ev in rec["evidence"]:  # every citation in full: quote, publisher, title, address
            src = sources.loc[ev["source"]]
            assert f"Quote: “{ev['quote']}”" in notes
            assert src["publisher"] in notes
            assert not src["title"] or src["title"] in notes
            assert not src["url"] or src["url"] in notes
        assert "Talking points:" in notes


def test_flags_say_who_says_what(briefing_deck, bundled):
    events = make_deck(bundled, apply(bundled.events, Filters()), "briefing").events
    slides = list(briefing_deck.slides)[2:-1]
    seen_dispute = seen_single = False
    for slide, row in zip(slides, events.to_dict("records"), strict=True):
        flags = shapes_text(slide).get("flags", "")
        if row["disputes"]:
            seen_dispute = True
            for d in row["disputes"]:
                for who, what in d["says"]:
                    assert f"{who} says {what}" in flags or f"{who}: “{what}”" in flags
        if row["n_publishers"] == 1:
            seen_single = True
            assert f"Single source: {row['publishers'][0]}" in flags
        if row["unverified"]:
            assert "Unverified" in flags
        if not (row["disputes"] or row["n_publishers"] == 1 or row["unverified"]):
            assert "flags" not in shapes_text(slide)
    assert seen_dispute and seen_single  # the briefing has both, so both were checked


def test_the_overview_slide_has_the_timeline_picture(briefing_deck):
    pictures = [s for s in briefing_deck.slides[1].shapes
                if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    image = Image.open(io.BytesIO(pictures[0].image.blob))
    assert abs(image.width / image.height - 16 / 9) < 0.01
    for kind in ("visit", "combat_use", "diplomatic"):  # types of the briefing, drawn
        assert colour_share(image, LIGHT.marks[kind]) > 0.00005, kind


def test_every_slide_has_the_handling_line_and_its_number(briefing_deck):
    total = len(briefing_deck.slides)
    for n, slide in enumerate(briefing_deck.slides, start=1):
        text = shapes_text(slide)
        assert text["handling-top"] == text["handling-bottom"] == HANDLING
        assert text["slide-number"] == f"{n} / {total}"
        assert "as of 1 Nov 2026, 14:03 UTC" in text["footer"]


def test_title_and_sources_slides(briefing_deck, bundled):
    title = shapes_text(briefing_deck.slides[0])
    assert title["title"] == "Arms transfers: briefing"
    assert title["as-of"] == "As of 1 Nov 2026, 14:03 UTC"
    assert title["summary"].startswith(f"{len(bundled.briefing)} events")
    last = briefing_deck.slides[-1]
    listed = " ".join(v for k, v in shapes_text(last).items() if k.startswith("sources-"))
    pack = make_pack(bundled, Filters(), "briefing")
    publishers = bundled.sources.set_index("id")["publisher"]
    for sid in pack.cited_source_ids():
        assert publishers[sid] in listed
        url = bundled.sources.set_index("id")["url"][sid]
        assert not url or url in last.notes_slide.notes_text_frame.text


def test_without_chromium_the_deck_is_written_and_says_why(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARMS_CHROMIUM", str(tmp_path / "no-such-chromium"))
    out = tmp_path / "deck.pptx"
    assert export("pptx", "--events", str(RICH), "--out", str(out)) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"warning: the deck has no timeline picture: no Chromium at "
                   f"{tmp_path / 'no-such-chromium'} (install Debian's chromium, or set "
                   "ARMS_CHROMIUM to its path)"]
    deck = Presentation(str(out))
    frames = build(load(RICH))
    assert len(deck.slides) == len(apply(frames.events, Filters())) + 3
    overview = deck.slides[1]
    assert not [s for s in overview.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    words = shapes_text(overview)["no-picture"]
    assert "could not be drawn" in words and "no Chromium at" in words


def test_without_chromium_no_pdf_is_written_and_the_old_file_stays(tmp_path, monkeypatch,
                                                                     capsys):
    monkeypatch.setenv("ARMS_CHROMIUM", str(tmp_path / "no-such-chromium"))
    out = tmp_path / "briefing.pdf"
    out.write_bytes(b"the previous briefing")
    assert export("pdf", "--events", str(RICH), "--out", str(out)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: {out}: not written: no Chromium at")
    assert out.read_bytes() == b"the previous briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.pdf"]  # no temporary file left


def test_text_from_the_file_is_text_in_the_deck(tmp_path, monkeypatch):
    monkeypatch.setenv("ARMS_CHROMIUM", str(tmp_path / "none"))  # no picture: fast
    out = tmp_path / "deck.pptx"
    assert export("pptx", "--events", str(RICH), "--out", str(out), "--view",
                  "status=accepted&status=candidate&status=rejected") == 0
    deck = Presentation(str(out))
    titles = [shapes_text(s).get("title") for s in deck.slides]
    assert "<script>alert(1)</script><b>x</b>" in titles  # as written, not markup
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for para in shape.text_frame.paragraphs:
                    for run in para.runs:
                        link = run.hyperlink.address
                        assert link is None or link.startswith(("http://", "https://"))


@pytest.mark.parametrize(("text", "width", "height", "sizes", "size", "cut"), [
    ("A short quote.", 10, 2, (28, 20), 28, False),
    ("word " * 120, 10, 2, (28, 20, 14), 14, False),  # fits once smaller
    ("word " * 600, 10, 2, (28, 20), 20, True),  # never fits: cut, whole in the notes
], ids=["short", "smaller", "cut"])
def test_fit_size(text, width, height, sizes, size, cut):
    got, shown = fit_size(text.strip(), width, height, sizes)
    assert got == size
    assert shown.endswith(" …") == cut and len(shown) <= len(text)


@pytest.mark.parametrize(("text", "want"), [
    ("We sell.", "“We sell.”"),
    ("“We sell,” he said.", "“We sell,” he said."),  # its own marks: none added
    ('"We sell," he said.', '"We sell," he said.'),
], ids=["plain", "curly", "straight"])
def test_quoted(text, want):
    assert quoted(text) == want


# --------------------------------------------------------------------------------------------
# The PDF and the pictures
# --------------------------------------------------------------------------------------------


def test_pdf_page_one_has_the_picture_and_the_summary(briefing_pdf, bundled):
    _, page_one, pages = briefing_pdf
    top = page_one.crop((0, 0, page_one.width, page_one.height // 2))
    for kind in ("deal", "combat_use", "visit"):  # marks of the picture, in their colours
        assert colour_share(top, LIGHT.marks[kind]) > 0.00005, kind
    shown = apply(bundled.events, Filters())
    assert "Bottom line up front" in pages[0]
    summary = " ".join(" ".join(pages[:2]).split("The events, with their sources")[0].split())
    at = -1
    for title in shown["title"]:  # every event, in order (two titles start alike: go on)
        at = summary.find(" ".join(title.split())[:40], at + 1)
        assert at >= 0, title
    assert " ".join(shown["title"].iloc[0].split())[:40] in " ".join(pages[0].split())


def test_pdf_pages_carry_the_handling_line_as_text(briefing_pdf):
    pages = [p for p in briefing_pdf[2] if p.strip()]
    assert len(pages) > 2
    for n, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        foot = " ".join(lines[-2:])  # the handling line and the number share the foot
        assert lines[0] == PDF_HANDLING and PDF_HANDLING in foot, n
        assert foot.endswith(f"{n} / {len(pages)}"), foot


def test_every_export_format_is_documented():
    from dashboard.outputs import FORMATS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m dashboard export FORMAT --events FILE --out FILE" in readme
    section = readme.split("## The briefing pack", 1)[1].split("\n## ", 1)[0]
    for fmt in FORMATS:
        assert f"`{fmt}`" in section, fmt


def test_pdf_has_every_citation(briefing_pdf, bundled):
    text = " ".join(" ".join(briefing_pdf[2]).split())
    assert "The events, with their sources" in text
    for row in apply(bundled.events, Filters()).itertuples():
        quote = key_evidence(record(row.record))["quote"]
        assert " ".join(quote.split())[:50] in text, row.id


@needs_chromium
@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_the_chart_picture_is_16_9_with_title_view_and_source(tmp_path, fmt):
    out = tmp_path / f"chart.{fmt}"
    view = "type=deal&type=delivery&actor=Israel"
    assert export(fmt, "--events", str(BUNDLED), "--out", str(out), "--view", view) == 0
    if fmt == "png":
        image = Image.open(out)
        assert (image.width, image.height) == (2560, 1440)
        assert colour_share(image, LIGHT.marks["deal"]) > 0.00005
    else:
        svg = out.read_text(encoding="utf-8")
        assert 'width="1280"' in svg and 'height="720"' in svg
        assert "Arms transfers: the timeline" in svg
        assert "deals and deliveries, involving Israel, 2020–2022" in svg  # pairs differ
        assert "Source: arms-transfer timeline (events.yaml), as of 1 Nov 2026" in svg


# --------------------------------------------------------------------------------------------
# The command line: a view's link gives the page's events; bad input is one line
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("view", [
    "type=deal&type=delivery&actor=Israel",
    "http://127.0.0.1:8501/table?from=2020-01-01&to=2022-12-31&lanes=actor",
    "?q=harop&status=accepted&status=rejected",
    "set=view&mode=present&step=3&theme=dark",  # presenter keys are part of a view link
], ids=["types-actor", "whole-link", "search-status", "presenter"])
def test_a_view_link_gives_the_pages_events(tmp_path, bundled, view):
    out = tmp_path / "view.csv"
    assert export("csv", "--events", str(BUNDLED), "--out", str(out), "--view", view) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    query = view.split("?", 1)[-1]
    params: dict[str, list[str]] = {}
    for pair in query.split("&"):
        key, value = pair.split("=", 1)
        params.setdefault(key, []).append(value)
    want = apply(bundled.events, filters_from_query(params))
    assert [r["id"] for r in rows] == list(want["id"]) and rows


@pytest.mark.parametrize(("args", "message"), [
    (["--view", "typ=deal"], "--view: unknown key 'typ'; expected one of from, to, type"),
    (["--view", "type=sale"], "--view: type='sale' is not an event type; expected one of deal"),
    (["--view", "from=2020-13-01"], "--view: from='2020-13-01' is not a day; expected YYYY-MM-DD"),
    (["--view", "actor=Atlantis"], "--view: actor='Atlantis' is not an actor in the file"),
    (["--view", "deal"], "--view: 'deal' is not KEY=VALUE"),
    (["--as-of", "yesterday"], "--as-of: 'yesterday' is not a date and time"),
], ids=["unknown-key", "bad-type", "bad-day", "unknown-actor", "no-equals", "bad-as-of"])
def test_a_bad_view_is_one_line_and_nothing_is_written(tmp_path, capsys, args, message):
    out = tmp_path / "out.csv"
    assert cli.main(["export", "csv", "--events", str(BUNDLED), "--out", str(out), *args]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: {message}"), err
    assert not out.exists()


def test_a_bad_events_file_is_one_line(tmp_path, capsys):
    bad = tmp_path / "events.yaml"
    bad.write_text("version: 1\nsources: []\nevents:\n  - id: x\n    date: 2023-02-30\n",
                   encoding="utf-8")
    for events in (bad, tmp_path / "missing.yaml"):
        assert export("json", "--events", str(events), "--out", str(tmp_path / "o.json")) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(f"error: {events}"), err
    assert export("json", "--events", str(BUNDLED), "--out",
                  str(tmp_path / "no-folder" / "o.json")) == 1
    assert "no such folder" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "evidence-csv", "json", "yaml", "timelinejs", "html",
                                 "handout"])
def test_quick_formats_from_the_command_line(tmp_path, bundled, fmt):
    out = tmp_path / "export"
    assert export(fmt, "--events", str(BUNDLED), "--out", str(out), "--set", "briefing") == 0
    data = out.read_bytes()
    assert data
    first = next(r for r in bundled.events.to_dict("records") if r["id"] == bundled.briefing[0])
    if fmt == "json":
        doc = json.loads(data)
        assert [e["id"] for e in doc["events"]] == bundled.briefing
        cites = doc["events"][0]["citations"]
        assert [c["quote"] for c in cites if c["kind"] == "evidence"] == [
            ev["quote"] for ev in record(first["record"])["evidence"]]
    elif fmt == "yaml":
        assert load(out).briefing == bundled.briefing
    else:
        assert visible(first["title"]).split("'")[0] in data.decode("utf-8-sig")


# --------------------------------------------------------------------------------------------
# CSV and TimelineJS
# --------------------------------------------------------------------------------------------


def test_the_evidence_csv_has_a_row_per_citation_and_no_formulas(tmp_path):
    hostile = tmp_path / "events.yaml"
    hostile.write_text(
        "version: 1\nsources:\n  - id: s1\n    publisher: '=HYPERLINK(\"http://x\")'\n"
        "    url: https://example.org/a\n"
        "events:\n  - id: e1\n    title: '@SUM(A1) +1 -2'\n    date: 2020-05\n"
        "    type: deal\n    status: accepted\n    evidence:\n      - source: s1\n"
        "        quote: '-In May 2020 the deal was signed.'\n        date_text: May 2020\n",
        encoding="utf-8")
    frames = build(load(hostile))
    rows = list(csv.reader(io.StringIO(
        to_evidence_csv(frames.events, frames.sources).decode("utf-8-sig"))))
    assert rows[0] == list(EVIDENCE_COLUMNS)
    row = dict(zip(EVIDENCE_COLUMNS, rows[1], strict=True))
    assert row["event_title"] == "'@SUM(A1) +1 -2"
    assert row["publisher"] == "'=HYPERLINK(\"http://x\")"
    assert row["quote"] == "'-In May 2020 the deal was signed."
    assert row["url"] == "https://example.org/a" and row["date_words"] == "May 2020"
    assert len(rows) == 2


def test_the_event_csv_joins_quotes_and_addresses(tmp_path, bundled):
    out = tmp_path / "events.csv"
    assert export("csv", "--events", str(BUNDLED), "--out", str(out)) == 0
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.read_text("utf-8-sig")))}
    sources = bundled.sources.set_index("id")
    for row in apply(bundled.events, Filters()).itertuples():
        evidence = record(row.record)["evidence"]
        for ev in evidence:
            assert ev["quote"] in rows[row.id]["quotes"]
            url = sources.loc[ev["source"], "url"]
            assert not url or url in rows[row.id]["urls"]


def test_timelinejs_eras_are_periods_of_a_month_or_more(bundled):
    doc = timelinejs(bundled.events, bundled.sources)
    eras = {e["text"]["headline"] for e in doc["eras"]}
    by_id = bundled.events.set_index("id")
    assert by_id.loc["karabakh-war-2020", "title"].replace('"', "&quot;") in eras  # 45 days
    assert by_id.loc["herzog-state-visit-baku-2023-05-30", "title"] not in eras  # two days
    spans = bundled.events[bundled.events["end"] != ""]
    long = spans[(spans["stop"] - spans["start"]).dt.days + 1 >= 28]
    assert len(eras) == len(long) < len(spans)


def test_the_pack_is_as_of_the_time_given(bundled):
    pack = make_pack(bundled, Filters(), as_of=dt.datetime(2026, 11, 1, 14, 3, tzinfo=dt.UTC))
    assert pack.as_of_words() == "1 Nov 2026, 14:03 UTC"
    assert pack.handling == ""  # empty unless set


def test_view_words_name_the_pair_only_when_every_event_has_it(bundled):
    from dashboard.picture import view_words

    ev = bundled.events
    pair = ev[(ev["supplier"] == "Israel") & (ev["recipient"] == "Azerbaijan")]
    first, last = pair["start"].min().year, pair["stop"].max().year
    years = str(first) if first == last else f"{first}–{last}"
    assert view_words(Filters(types=("deal", "delivery")), pair) == (
        f"deals and deliveries, Israel → Azerbaijan, {years}")
    assert view_words(Filters(actors=("Israel",)), ev).startswith(
        "all event types, involving Israel, ")

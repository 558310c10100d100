"""The Review and Add articles pages: the queue, decisions written at once, concurrent curators,
invalid edits refused with the messages of ``extract check``, articles through the extractor.

Every test works on a copy of ``tests/fixtures/review/timeline.yaml`` in ``tmp_path``.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard import review
from dashboard.views.review import edit_key
from extract.timeline import Document, PartialDate, TimelineError, load, text_digest
from tests.helpers import sign_in, write_team

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
FIXTURES = Path(__file__).parent / "fixtures" / "review"
TIMELINE = FIXTURES / "timeline.yaml"
ARTICLE = FIXTURES / "harop.txt"

TALKS = "herzog-talks-2023-05-30"  # newest source: first in the queue
PLANT = "drone-plant-2022"  # hostile text in its context
LORA = "lora-delivery-2021-02"  # oldest source: last in the queue
VISIT = "herzog-visit-2023-05-30"  # accepted
ANA = "ana@example.org"  # the curator signed in


pytestmark = pytest.mark.usefixtures("fresh_streamlit_cache")


@pytest.fixture
def events(tmp_path) -> Path:
    """A copy of the review fixture: tests never write to a file in the repository."""
    return Path(shutil.copyfile(TIMELINE, tmp_path / "events.yaml"))


def review_app(monkeypatch, events: Path, user: str = ANA,
               page: str = "views/review.py") -> AppTest:
    """The app on ``events``, ``user`` signed in (Ana, a curator in the roles file beside it),
    on ``page``."""
    monkeypatch.setenv("ARMS_EVENTS", str(events))
    monkeypatch.delenv("ARMS_TEAM", raising=False)
    write_team(events.parent, emails=(ANA,))
    at = sign_in(AppTest.from_file(APP, default_timeout=30), user, name="Ana")
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_edit(at: AppTest, event_id: str) -> AppTest:
    """Open a candidate's "Edit, then accept" expander, as a click on it does: the form is
    built only then."""
    at.session_state[edit_key(event_id)] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def texts(at: AppTest, kinds=("markdown", "caption", "warning", "info", "error", "success",
                              "subheader", "title")) -> str:
    return plain("\n".join(str(el.value) for kind in kinds for el in at.get(kind)))


def queue_titles(at: AppTest) -> list[str]:
    return [plain(str(h.value)) for h in at.subheader]


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# -- the diff of a decision touches only the decided events ---------------------------------


def event_blocks(text: str) -> dict[str, range]:
    """Line ranges of each event's block (from its ``- id:`` line to the next one)."""
    lines = text.splitlines()
    blocks: dict[str, range] = {}
    start, current, in_events = 0, None, False
    for i, line in enumerate(lines + ["end:"]):
        top = bool(line) and not line[0].isspace() and not line.startswith("#")
        m = re.match(r"^  - id: (\S+)", line)
        if (m and in_events) or top:
            if current is not None:
                blocks[current] = range(start, i)
                current = None
            if m and in_events:
                current, start = m.group(1), i
        if top:
            in_events = line.startswith("events:")
    return blocks


def assert_diff_only_in(before: str, after: str, ids: set[str]) -> None:
    """Every changed line of ``before``/``after`` belongs to the blocks of ``ids``."""
    a, b = before.splitlines(), after.splitlines()
    ba, bb = event_blocks(before), event_blocks(after)
    allowed_a = {i for e in ids if e in ba for i in ba[e]}
    allowed_b = {j for e in ids if e in bb for j in bb[e]}
    changed = False
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        changed = True
        for i in range(i1, i2):
            assert i in allowed_a, f"line {i + 1} changed outside {ids}: {a[i]!r}"
        for j in range(j1, j2):
            assert j in allowed_b, f"line {j + 1} added outside {ids}: {b[j]!r}"
    assert changed, "the file did not change"
    def comments(lines: list[str]) -> list[str]:  # a comment may move to keep its column
        return [ln[ln.index("#"):] for ln in lines if ln.lstrip().startswith("#") or " # " in ln]

    assert comments(a) == comments(b), "a comment was lost"


def event(path: Path, event_id: str):
    return load(path).event_map().get(event_id)


# --------------------------------------------------------------------------------------------
# Pure logic: dashboard/review.py
# --------------------------------------------------------------------------------------------


def test_the_review_logic_is_streamlit_free():
    import ast

    tree = ast.parse((ROOT / "dashboard" / "review.py").read_text())
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not any(m.split(".")[0] == "streamlit" for m in names)


def test_queue_lists_candidates_newest_sources_first():
    items = review.queue(load(TIMELINE))
    assert [i.id for i in items] == [TALKS, PLANT, LORA]
    assert items[0].newest == PartialDate.parse("2023-05-31")
    assert items[2].label == "Feb 2021" and items[2].precision == "month only"


@pytest.mark.parametrize(("f", "expected"), [
    (review.QueueFilter(), [TALKS, PLANT, LORA]),
    (review.QueueFilter(text="baku"), [TALKS, PLANT, LORA]),  # context counts, any case
    (review.QueueFilter(text="lora israel"), [LORA]),  # every word must occur
    (review.QueueFilter(types=("production",)), [PLANT]),
    (review.QueueFilter(publishers=("Test Wire",)), [LORA]),
    (review.QueueFilter(min_confidence=0.5), [TALKS, LORA]),
    (review.QueueFilter(text="nothing-like-this"), []),
], ids=["all", "text-in-context", "all-words", "type", "publisher", "confidence", "none"])
def test_filter_queue(f, expected):
    assert [i.id for i in review.filter_queue(review.queue(load(TIMELINE)), f)] == expected


@pytest.mark.parametrize(("context", "quote", "date_text", "expected"), [
    ("A. On May 1, 2020, B. C.", "On May 1, 2020, B.", "May 1, 2020",
     [("plain", "A. "), ("quote", "On "), ("date", "May 1, 2020"), ("quote", ", B."),
      ("plain", " C.")]),
    # no paragraph recorded: the quote alone
    (None, "Signed in 2016.", "in 2016", [("quote", "Signed "), ("date", "in 2016"),
                                          ("quote", ".")]),
    # date words not in the text: nothing is highlighted as a date (never a guess)
    ("X. Signed then. Y.", "Signed then.", "in 2016",
     [("plain", "X. "), ("quote", "Signed then."), ("plain", " Y.")]),
    # the date words outside the quote are still found in the paragraph
    ("In 2016 it began. Deals followed.", "Deals followed.", "In 2016",
     [("date", "In 2016"), ("plain", " it began. "), ("quote", "Deals followed.")]),
    # the paragraph wraps the sentence differently: matched word by word
    ("Before.  Deals\nfollowed in 2016.", "Deals followed in 2016.", "in 2016",
     [("plain", "Before.  "), ("quote", "Deals\nfollowed "), ("date", "in 2016"),
      ("quote", ".")]),
    # date words matched ignoring case; whitespace at their edges stays outside
    ("It was In May.", "It was In May.", " in may ",
     [("quote", "It was "), ("date", "In May"), ("quote", ".")]),
], ids=["in-paragraph", "no-context", "date-missing", "date-outside-quote", "rewrapped",
        "case-and-space"])
def test_context_spans(context, quote, date_text, expected):
    spans = review.context_spans(context, quote, date_text)
    assert [(s.kind, s.text) for s in spans] == expected
    assert "".join(s.text for s in spans) == (context or quote)


def test_context_markdown_escapes_everything_from_the_article():
    ev = load(TIMELINE).event_map()[PLANT].evidence[0]
    md = review.context_markdown(review.context_spans(ev.context, ev.quote, ev.date_text))
    assert ":orange-background[**in 2022**]" in md
    unescaped = re.sub(r"\\.", "", md)  # what Markdown could still read as markup
    for raw in ("<img", "[x](javascript", "$math$", ":red[no]"):
        assert raw not in unescaped
    assert plain(md.replace(":orange-background[**in 2022**]", "in 2022")
                 .replace(":blue-background[", "").replace("]", "")
                 ).count("onerror=alert(1)") == 1


def test_edit_changes_keep_only_what_the_curator_changed():
    ev = load(TIMELINE).event_map()[LORA]
    form = review.form_of(ev)
    assert review.edit_changes(ev, form) == {}
    changed = review.edit_changes(ev, review.EditForm(**{
        **form.__dict__, "title": " LORA delivered ", "date": "2021-02-15", "end": "",
        "people": "Benny Gantz", "notes": "Second source needed."}))
    assert changed == {"title": "LORA delivered", "date": PartialDate.parse("2021-02-15"),
                       "people": ["Benny Gantz"], "notes": "Second source needed."}
    # a bad date is passed through as written, for the contract to refuse with its message
    assert review.edit_changes(ev, review.EditForm(**{**form.__dict__, "date": "2023-02-30"})
                               ) == {"date": "2023-02-30"}
    value = review.edit_changes(ev, review.EditForm(**{**form.__dict__,
                                                       "value_amount": "1,200,000",
                                                       "value_currency": "USD"}))["value"]
    assert value.amount == 1_200_000 and value.currency == "USD"


def test_edit_changes_value_words_approximate_and_unverified():
    ev = load(TIMELINE).event_map()[LORA]
    form = review.form_of(ev)
    with_value = review.EditForm(**{**form.__dict__, "value_amount": "5000000000",
                                    "value_currency": "USD", "value_approximate": True,
                                    "value_text": " about $5 billion ", "unverified": True})
    changed = review.edit_changes(ev, with_value)
    assert changed["unverified"] is True
    v = changed["value"]
    assert (v.amount, v.currency, v.approximate, v.text) == (5e9, "USD", True,
                                                             "about $5 billion")
    # the event as saved: a later edit of the words alone keeps the amount; clearing the
    # approximate box clears it; an amount edited without new words drops the old words
    saved = ev.model_copy(update={"value": v, "unverified": True})
    form = review.form_of(saved)
    assert (form.value_approximate, form.value_text, form.unverified) == (
        True, "about $5 billion", True)
    v2 = review.edit_changes(saved, review.EditForm(**{**form.__dict__,
                                                       "value_text": "some $5bn"}))["value"]
    assert (v2.amount, v2.text, v2.approximate) == (5e9, "some $5bn", True)
    v3 = review.edit_changes(saved, review.EditForm(**{**form.__dict__,
                                                       "value_approximate": False}))["value"]
    assert (v3.approximate, v3.text) == (False, "about $5 billion")
    v4 = review.edit_changes(saved, review.EditForm(**{**form.__dict__,
                                                       "value_amount": "6000000000"}))["value"]
    assert (v4.amount, v4.text) == (6e9, None)
    assert review.edit_changes(saved, review.EditForm(**{**form.__dict__,
                                                         "unverified": False})) == {
        "unverified": False}


def test_edit_changes_direction_and_deal():
    ev = load(TIMELINE).event_map()[LORA]
    form = review.form_of(ev)
    assert (form.supplier, form.recipient, form.deal) == ("", "", "")
    changed = review.edit_changes(ev, review.EditForm(**{
        **form.__dict__, "supplier": " Israel ", "recipient": "Azerbaijan",
        "deal": "israel-azerbaijan-lora"}))
    assert changed == {"supplier": "Israel", "recipient": "Azerbaijan",
                       "deal": "israel-azerbaijan-lora"}
    # a proposed id the curator clears is removed; an unchanged one is left out
    saved = ev.model_copy(update=changed)
    assert review.edit_changes(saved, review.form_of(saved)) == {}
    assert review.edit_changes(saved, review.EditForm(**{**review.form_of(saved).__dict__,
                                                         "deal": " "})) == {"deal": None}


def test_edit_changes_references_in_order_without_repeats():
    ev = load(TIMELINE).event_map()[LORA]
    form = review.form_of(ev)
    assert form.references == ()
    picked = review.EditForm(**{**form.__dict__, "references": (
        "gazette-2023-05-31", "blog-2022-07", "gazette-2023-05-31")})
    assert review.edit_changes(ev, picked) == {
        "references": ["gazette-2023-05-31", "blog-2022-07"]}


def check_lines(path: Path) -> list[str]:
    """What ``python -m extract check`` prints for a file, one problem a line."""
    proc = subprocess.run([sys.executable, "-m", "extract", "check", str(path)],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    return [ln for ln in (proc.stdout + proc.stderr).splitlines() if "field '" in ln]


@pytest.mark.parametrize(("changes", "raw_line", "bad_line"), [
    ({"date": "2023-02-30"}, "    date: 2021-02\n", "    date: 2023-02-30\n"),
    ({"end": PartialDate.parse("2020")}, "    date: 2021-02\n",
     "    date: 2021-02\n    end: 2020\n"),
    ({"type": "parade"}, "    type: delivery\n", "    type: parade\n"),
], ids=["impossible-date", "end-before-start", "unknown-type"])
def test_invalid_edit_is_refused_with_the_messages_of_check(events, tmp_path, changes,
                                                            raw_line, bad_line):
    before = events.read_bytes()
    doc = Document.open(events)
    decision = review.Decision("accept", (LORA,), "Ana", changes=changes)
    with pytest.raises(TimelineError) as exc:
        review.apply_decision(doc, decision)
    assert events.read_bytes() == before
    # the same edit made by hand in the file: `extract check` says the same thing
    text = TIMELINE.read_text()
    block = event_blocks(text)[LORA]
    lines = text.splitlines(keepends=True)
    body = "".join(lines[block.start:block.stop]).replace(raw_line, bad_line, 1)
    by_hand = tmp_path / "by-hand.yaml"
    by_hand.write_text("".join(lines[:block.start]) + body + "".join(lines[block.stop:]))
    # (a field the event does not have yet is located at the event's first line)
    ours = [re.sub(r" \(line \d+\)", "", str(p).replace(str(events), "F"))
            for p in exc.value.problems]
    theirs = [re.sub(r" \(line \d+\)", "", ln.replace(str(by_hand), "F"))
              for ln in check_lines(by_hand)]
    assert ours == theirs


def test_decisions_skip_what_someone_else_decided(events):
    doc = Document.open(events)
    skipped = review.apply_decision(doc, review.Decision("reject", (VISIT, "gone", LORA), "Bo"))
    assert skipped == ["'herzog-visit-2023-05-30' was already accepted by Ana at "
                       "2023-06-01T10:00:00Z",
                       "'gone' is no longer in the file (merged or removed by someone else)"]
    assert doc.timeline.event_map()[LORA].status == "rejected"
    assert doc.timeline.event_map()[VISIT].status == "accepted"


@pytest.mark.parametrize(("name", "expected"), [
    ("harop.txt", "harop.txt"),
    ("../../etc/passwd", "passwd.txt"),  # no folders; an unknown suffix becomes .txt
    ("C:\\Users\\x\\Report (final).HTML", "Report-final.html"),
    ("harop.txt", "harop-2.txt"),  # the same name twice
    ("....md", "article.md"),
], ids=["plain", "traversal", "windows-and-spaces", "duplicate", "only-dots"])
def test_safe_name(name, expected):
    taken = {"harop.txt"} if expected == "harop-2.txt" else set()
    assert review.safe_name(name, taken) == expected


def test_write_articles_refuses_oversized_files_and_writes_a_manifest(tmp_path):
    big = review.Article("big.txt", b"x" * (review.MAX_ARTICLE_BYTES + 1))
    ok = review.Article("harop.txt", ARTICLE.read_bytes())
    manifest, problems = review.write_articles(tmp_path, [big, ok], publisher="Test Wire",
                                               published=PartialDate.parse("2021-03-10"))
    assert problems == ["big.txt: 5.0 MB is over the 5 MB limit for one article; not read"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harop.txt", "sources.yaml"]
    assert yaml.safe_load(manifest.read_text()) == {"sources": [
        {"file": "harop.txt", "publisher": "Test Wire", "published": "2021-03-10",
         "language": "en"}]}


def test_the_extractor_commands_report_unreadable_files(tmp_path, events):
    folder = tmp_path / "in"
    folder.mkdir()
    manifest, _ = review.write_articles(folder, [
        review.Article("harop.txt", ARTICLE.read_bytes()),
        review.Article("binary.txt", (FIXTURES / "binary.txt").read_bytes())])
    out = tmp_path / "candidates.yaml"
    scan = review.run(review.scan_command(folder, manifest, out))
    assert scan.returncode == 2
    assert review.reported_problems(scan, folder) == [
        "binary.txt: binary file (contains NUL bytes), not an article"]
    merged = review.run(review.merge_command(out, events))
    assert merged.returncode == 0
    assert event(events, "deal-azerbaijan-israel-2021-03-09").status == "candidate"


# --------------------------------------------------------------------------------------------
# The Review page (AppTest)
# --------------------------------------------------------------------------------------------


def test_review_page_shows_the_queue_safely(monkeypatch, events):
    at = review_app(monkeypatch, events)
    assert queue_titles(at) == ["Herzog and Aliyev hold talks in Baku",
                                "A drone plant opens near Baku",
                                "Israel delivers LORA missiles to Azerbaijan"]
    md = "\n".join(str(m.value) for m in at.markdown)
    assert ":orange-background[**on Tuesday**]" in md  # the date words, highlighted
    assert not re.search(r"(?<!\\)[<\[]", md.replace(":orange-background[", "")
                         .replace(":blue-background[", ""))  # every < and [ escaped
    assert "confidence **0.70**" in md
    assert "The visit was the first by an Israeli head of state" in plain(md)  # the paragraph
    assert "reviewer" not in at.query_params  # the identity comes from the sign-in only
    assert "Signed in as Ana (ana@example.org): curator." in texts(at)


def test_a_candidates_note_is_shown_in_the_queue(monkeypatch, events):
    doc = Document.open(events)
    note = ("Extractor: dated after its article was published (2023-05-31), though told in "
            "the past tense: check the date.")
    doc.update_event(TALKS, notes=note)
    doc.save()
    at = review_app(monkeypatch, events)
    assert [plain(str(w.value)) for w in at.warning] == [note]


def test_a_viewer_has_no_review_page_and_the_server_refuses_their_decisions(monkeypatch,
                                                                              events):
    before = events.read_bytes()
    monkeypatch.setenv("ARMS_EVENTS", str(events))
    write_team(events.parent, emails=(ANA,))
    at = sign_in(AppTest.from_file(APP, default_timeout=30), "bo@example.org", name="Bo")
    at.run()
    assert not at.exception
    assert "Signed in as Bo (bo@example.org): viewer (read-only)." in texts(at)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/review.py")  # not registered for a viewer: /review is no page
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/add_articles.py")
    assert events.read_bytes() == before


def test_a_click_from_a_curator_no_longer_in_the_roles_file_changes_nothing(monkeypatch,
                                                                            events):
    # a session opened as a curator, whose role was withdrawn since: the click reaches the
    # server, which no longer runs the page for them (nor would decide: see the next test)
    at = review_app(monkeypatch, events)
    before = events.read_bytes()
    write_team(events.parent, emails=("someone-else@example.org",))
    at.button(key=f"rv_{TALKS}_accept").click().run()
    assert not at.exception
    assert events.read_bytes() == before
    assert "viewer (read-only)" in texts(at)


def _decide_as_signed_in() -> None:
    # run by AppTest.from_function: a decision sent straight to the glue module's decide
    from pathlib import Path

    import streamlit as st

    from dashboard import review, state

    outcome = state.decide(Path(st.session_state["events"]),
                           review.Decision("accept", ("herzog-talks-2023-05-30",), "Ana"))
    st.write(f"written={outcome.written}")
    for problem in outcome.problems:
        st.write(problem)


@pytest.mark.parametrize("email, written", [
    ("bo@example.org", False),  # a viewer: refused by the server
    (ANA, True),  # a curator: written, as the signed-in identity, not the name sent
], ids=["viewer", "curator"])
def test_decide_refuses_anyone_but_a_curator(monkeypatch, events, email, written):
    before = events.read_bytes()
    monkeypatch.setenv("ARMS_EVENTS", str(events))
    write_team(events.parent, emails=(ANA,))
    at = sign_in(AppTest.from_function(_decide_as_signed_in, default_timeout=30), email)
    at.session_state["events"] = str(events)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    assert f"written={written}" in shown
    if written:
        assert event(events, TALKS).reviewed_by == ANA
    else:
        assert "Only curators can make decisions." in shown
        assert events.read_bytes() == before


def test_nobody_signed_in_sees_only_the_sign_in(monkeypatch, events):
    monkeypatch.setenv("ARMS_EVENTS", str(events))
    at = sign_in(AppTest.from_file(APP, default_timeout=30), None)
    at.run()
    assert [b.label for b in at.button] == ["Sign in"]
    assert "Sign in to see the timeline." in texts(at)
    assert not at.get("plotly_chart") and not at.sidebar.get("multiselect")


def test_a_group_named_in_the_roles_file_makes_a_curator(monkeypatch, events):
    monkeypatch.setenv("ARMS_EVENTS", str(events))
    write_team(events.parent, groups=("arms-curators",))
    at = sign_in(AppTest.from_file(APP, default_timeout=30), "cy@example.org", name="Cy",
                 groups=("staff", "Arms-Curators"))
    at.run()
    at.switch_page("views/review.py").run()
    assert not at.exception
    click(at, f"rv_{TALKS}_accept")
    assert event(events, TALKS).reviewed_by == "cy@example.org"


def test_a_broken_roles_file_leaves_everyone_read_only(monkeypatch, events):
    monkeypatch.setenv("ARMS_EVENTS", str(events))
    (events.parent / "team.toml").write_text("[curators]\nemails = \"ana@example.org\"\n")
    at = sign_in(AppTest.from_file(APP, default_timeout=30), ANA, name="Ana")
    at.run()
    assert "Read-only: the roles file cannot be used." in texts(at)
    assert "team.toml: [curators] emails: expected a list of non-empty strings" in texts(at)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/review.py")


def test_accept_writes_only_that_event_with_who_and_when(monkeypatch, events):
    before = events.read_text()
    at = click(review_app(monkeypatch, events), f"rv_{TALKS}_accept")
    after = events.read_text()
    assert_diff_only_in(before, after, {TALKS})
    ev = event(events, TALKS)
    assert ev.status == "accepted" and ev.reviewed_by == ANA
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", ev.reviewed_at)
    assert "Accepted “Herzog and Aliyev hold talks in Baku”, as " + ANA in texts(at)
    assert TALKS not in [k for k in queue_titles(at)]
    assert "Herzog and Aliyev hold talks in Baku" not in queue_titles(at)


def test_decisions_in_a_row_each_write_only_their_event(monkeypatch, events):
    at = review_app(monkeypatch, events)
    for event_id, key in ((TALKS, "accept"), (LORA, "reject"), (PLANT, "accept")):
        before = events.read_text()
        click(at, f"rv_{event_id}_{key}")
        assert_diff_only_in(before, events.read_text(), {event_id})
    assert [event(events, i).status for i in (TALKS, LORA, PLANT)] == [
        "accepted", "rejected", "accepted"]
    assert "No candidates to review" in texts(at)


def test_reject_keeps_the_event_as_rejected(monkeypatch, events):
    before = events.read_text()
    at = click(review_app(monkeypatch, events), f"rv_{PLANT}_reject")
    assert_diff_only_in(before, events.read_text(), {PLANT})
    assert event(events, PLANT).status == "rejected"
    assert "A drone plant opens near Baku" not in queue_titles(at)


def test_edit_then_accept(monkeypatch, events):
    before = events.read_text()
    at = open_edit(review_app(monkeypatch, events), LORA)
    k = f"rv_{LORA}_"
    at.text_input(key=k + "title").set_value("First LORA missiles delivered to Azerbaijan")
    at.text_input(key=k + "date").set_value("2021-02-15")
    at.text_input(key=k + "people").set_value("Benny Gantz, Zakir Hasanov")
    at.text_input(key=k + "value_amount").set_value("30000000")
    at.text_input(key=k + "value_currency").set_value("USD")
    at.text_input(key=k + "value_text").set_value("some $30 million")
    at.checkbox(key=k + "value_approximate").check()
    at.checkbox(key=k + "unverified").check()
    at.multiselect(key=k + "references").select("gazette-2023-05-31")
    at.text_area(key=k + "notes").set_value("Date from the ministry's statement.")
    click(at, k + "edit_accept")
    after = events.read_text()
    assert_diff_only_in(before, after, {LORA})
    ev = event(events, LORA)
    assert (ev.title, str(ev.date), ev.people) == (
        "First LORA missiles delivered to Azerbaijan", "2021-02-15",
        ["Benny Gantz", "Zakir Hasanov"])
    assert ev.value.amount == 30_000_000 and ev.value.currency == "USD"
    assert (ev.value.text, ev.value.approximate, ev.unverified) == ("some $30 million", True,
                                                                    True)
    assert ev.references == ["gazette-2023-05-31"]
    assert ev.status == "accepted" and ev.reviewed_by == ANA
    assert ev.notes == "Date from the ministry's statement."
    assert "    people: [Benny Gantz, Zakir Hasanov]" in after  # flow list, like the rest


def test_the_curator_confirms_the_deal_and_direction_in_the_edit_form(monkeypatch, events):
    before = events.read_text()
    at = open_edit(review_app(monkeypatch, events), LORA)
    k = f"rv_{LORA}_"
    at.text_input(key=k + "supplier").set_value("Israel")
    at.text_input(key=k + "recipient").set_value("Azerbaijan")
    at.text_input(key=k + "deal").set_value("israel-azerbaijan-lora")
    click(at, k + "edit_accept")
    assert_diff_only_in(before, events.read_text(), {LORA})
    ev = event(events, LORA)
    assert (ev.supplier, ev.recipient, ev.deal, ev.status) == (
        "Israel", "Azerbaijan", "israel-azerbaijan-lora", "accepted")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("date", "2023-02-30", "field 'date': '2023-02-30' is not a real date: February 2023 has "
                           "28 days; expected YYYY, YYYY-MM or YYYY-MM-DD"),
    ("end", "2020", "field 'end': '2020' is before the date '2021-02'"),
    ("date", "next spring", "field 'date': 'next spring' is not a date"),
], ids=["impossible-date", "end-before-start", "words"])
def test_invalid_edit_leaves_the_file_byte_identical(monkeypatch, events, field, value,
                                                     message):
    before = events.read_bytes()
    at = open_edit(review_app(monkeypatch, events), LORA)
    at.text_input(key=f"rv_{LORA}_{field}").set_value(value)
    click(at, f"rv_{LORA}_edit_accept")
    assert events.read_bytes() == before
    errors = plain("\n".join(str(e.value) for e in at.error))
    assert "Not saved: the file was left unchanged." in errors
    assert message in errors, errors
    assert f"event '{LORA}' (line " in errors  # located like `extract check` locates it
    assert "Israel delivers LORA missiles to Azerbaijan" in queue_titles(at)  # still queued


def test_merge_moves_the_evidence_and_removes_the_candidate(monkeypatch, events):
    before = events.read_text()
    at = review_app(monkeypatch, events)
    at.selectbox(key=f"rv_{TALKS}_target").set_value(VISIT)
    click(at, f"rv_{TALKS}_merge")
    # they differ in type: shown in words before anything is written, then confirmed
    assert events.read_text() == before
    assert "this is a meeting_call; the event is a visit" in texts(at)
    click(at, f"rv_{TALKS}_merge_yes")
    assert_diff_only_in(before, events.read_text(), {TALKS, VISIT})
    assert event(events, TALKS) is None
    target = event(events, VISIT)
    assert [e.quote for e in target.evidence] == [
        "Israeli President Isaac Herzog arrived in Baku on May 30, 2023.",
        "Aliyev and Herzog held talks in Baku on Tuesday."]
    assert target.reviewed_by == ANA and target.status == "accepted"
    assert "Merged “Herzog and Aliyev hold talks in Baku” into" in texts(at)


def test_merge_needs_a_chosen_event(monkeypatch, events):
    before = events.read_bytes()
    at = click(review_app(monkeypatch, events), f"rv_{TALKS}_merge")
    assert events.read_bytes() == before
    assert "Choose the event to merge into first." in texts(at)


def someone_else_edits(events: Path) -> None:
    """Another curator's session saves first: a note on another candidate."""
    other = Document.open(events)
    other.update_event(PLANT, notes="Checked by Bo: the plant is a repair shop.")
    other.save()


def test_a_concurrent_save_is_detected_and_reapplied(monkeypatch, events):
    at = review_app(monkeypatch, events)
    someone_else_edits(events)
    theirs = events.read_bytes()
    open_edit(at, LORA)
    k = f"rv_{LORA}_"
    at.text_input(key=k + "title").set_value("LORA missiles delivered")
    click(at, k + "edit_accept")
    assert events.read_bytes() == theirs  # nothing overwritten
    errors = plain("\n".join(str(e.value) for e in at.error))
    assert errors.count("changed on disk since you opened it") == 1  # one clear message
    shown = texts(at)
    assert "Your pending decision:** accept “Israel delivers LORA missiles to Azerbaijan” " \
           f"with edits to title (as {ANA})" in shown
    assert "title: LORA missiles delivered" in shown
    assert "Israel delivers LORA missiles to Azerbaijan" in queue_titles(at)  # still there
    assert at.button(key=f"rv_{TALKS}_accept").disabled  # one pending decision at a time
    click(at, "review_reapply")
    ev, plant = event(events, LORA), event(events, PLANT)
    assert (ev.title, ev.status, ev.reviewed_by) == ("LORA missiles delivered", "accepted",
                                                      ANA)
    assert plant.notes == "Checked by Bo: the plant is a repair shop."  # theirs kept
    assert "changed on disk" not in texts(at)
    assert "Accepted “Israel delivers LORA missiles to Azerbaijan”, as " + ANA in texts(at)


def test_a_conflicting_decision_can_be_discarded(monkeypatch, events):
    at = review_app(monkeypatch, events)
    someone_else_edits(events)
    theirs = events.read_bytes()
    click(at, f"rv_{TALKS}_accept")
    assert events.read_bytes() == theirs
    click(at, "review_discard")
    assert events.read_bytes() == theirs
    assert "Discarded: accept “Herzog and Aliyev hold talks in Baku”" in texts(at)
    assert "Herzog and Aliyev hold talks in Baku" in queue_titles(at)
    click(at, f"rv_{TALKS}_accept")  # after the reload the next decision is written
    assert event(events, TALKS).status == "accepted"
    assert event(events, PLANT).notes.startswith("Checked by Bo")


def test_reapply_does_not_overwrite_someone_elses_decision(monkeypatch, events):
    at = review_app(monkeypatch, events)
    other = Document.open(events)
    other.set_status(TALKS, "rejected", by="Bo")
    other.save()
    click(at, f"rv_{TALKS}_accept")
    click(at, "review_reapply")
    ev = event(events, TALKS)
    assert (ev.status, ev.reviewed_by) == ("rejected", "Bo")
    assert f"Not applied: '{TALKS}' was already rejected by Bo" in texts(at)


def test_a_file_changed_on_disk_offers_a_reload(monkeypatch, events):
    at = review_app(monkeypatch, events)
    someone_else_edits(events)
    at.run()
    assert "The timeline file changed on disk since you opened it" in texts(at)
    click(at, "review_reload")
    assert "changed on disk" not in texts(at)


def test_bulk_reject_of_the_filtered_set_asks_first(monkeypatch, events):
    before = events.read_text()
    at = review_app(monkeypatch, events)
    at.text_input(key="review_text").set_value("baku drone").run()
    assert queue_titles(at) == ["A drone plant opens near Baku"]
    click(at, "review_bulk_reject")
    assert events.read_text() == before  # nothing yet: a confirmation first
    assert f"Reject the 1 candidate shown, as {ANA}?" in texts(at)  # not 'all 1 candidates'
    assert [b.proto.label for b in at.get("button") if b.key == "review_bulk_yes"] == [
        "Yes, reject 1 candidate"]
    click(at, "review_bulk_no")
    assert events.read_text() == before
    click(at, "review_bulk_reject")
    click(at, "review_bulk_yes")
    assert_diff_only_in(before, events.read_text(), {PLANT})
    assert event(events, PLANT).status == "rejected"


def test_bulk_accept_of_everything_shown(monkeypatch, events):
    at = review_app(monkeypatch, events)
    at.slider(key="review_confidence").set_value(0.5).run()
    click(at, "review_bulk_accept")
    click(at, "review_bulk_yes")
    assert [event(events, i).status for i in (TALKS, PLANT, LORA)] == [
        "accepted", "candidate", "accepted"]
    assert f"Accepted 2 candidates, as {ANA}" in texts(at)


def test_the_sign_in_survives_other_pages(monkeypatch, events):
    at = review_app(monkeypatch, events)
    at.switch_page("views/table.py").run()
    at.switch_page("views/review.py").run()
    click(at, f"rv_{TALKS}_accept")
    assert event(events, TALKS).reviewed_by == ANA


# --------------------------------------------------------------------------------------------
# The Add articles page (AppTest: pasted text; uploads are in the browser tests)
# --------------------------------------------------------------------------------------------


def test_a_pasted_article_joins_the_queue(monkeypatch, events):
    at = review_app(monkeypatch, events, page="views/add_articles.py")
    at.text_area(key="add_pasted").set_value(ARTICLE.read_text())
    at.text_input(key="add_publisher").set_value("Test Wire")
    at.text_input(key="add_published").set_value("2021-03-10")
    click(at, "add_submit")
    # what the merge reported, in words (not "the new candidates are in the Review queue")
    assert "1 new candidate event is in the Review queue. 1 new source added." in texts(at)
    ev = event(events, "deal-azerbaijan-israel-2021-03-09")
    assert ev is not None and ev.status == "candidate"
    src = load(events).source_map()[ev.evidence[0].source]
    # a pasted text is named by its digest: another text is another file, another source
    digest = text_digest(ARTICLE.read_text()).removeprefix("sha256:")
    assert (src.publisher, str(src.published), src.file) == ("Test Wire", "2021-03-10",
                                                            f"pasted-{digest[:12]}.txt")
    at.switch_page("views/review.py").run()
    assert "Azerbaijan signed a contract for Harop drones with Israel." in queue_titles(at)


@pytest.mark.parametrize(("published", "message"), [
    ("2021-02-30", "'2021-02-30' is not a real date"),
    ("10 March", "'10 March' is not a date"),
], ids=["impossible", "words"])
def test_a_bad_publication_date_is_refused_before_the_extractor_runs(monkeypatch, events,
                                                                     published, message):
    before = events.read_bytes()
    at = review_app(monkeypatch, events, page="views/add_articles.py")
    at.text_area(key="add_pasted").set_value(ARTICLE.read_text())
    at.text_input(key="add_published").set_value(published)
    click(at, "add_submit")
    assert message in texts(at)
    assert events.read_bytes() == before


def test_nothing_to_read_says_so(monkeypatch, events):
    at = click(review_app(monkeypatch, events, page="views/add_articles.py"), "add_submit")
    assert "Choose at least one file, or paste an article's text." in texts(at)


# --------------------------------------------------------------------------------------------
# A candidate that proposes to corroborate an accepted event (tests/fixtures/review/proposal.yaml)
# --------------------------------------------------------------------------------------------

PROPOSAL = FIXTURES / "proposal.yaml"
STAT = "azerbaijan-second-largest-2018-2022"  # accepted, 2018–2022, "second-largest"
BUDGET = "budget-rise-2022"  # a candidate: 2022, 16 percent; proposes to corroborate STAT
IMPORTS = "imports-2019"  # proposes to corroborate an event that was since rejected


@pytest.fixture
def proposal(tmp_path) -> Path:
    return Path(shutil.copyfile(PROPOSAL, tmp_path / "events.yaml"))


def test_a_proposal_is_paired_with_its_event_and_their_differences():
    timeline = load(PROPOSAL)
    pv = review.proposal_of(timeline, timeline.event_map()[BUDGET])
    assert pv.target.id == STAT and pv.problem is None
    assert pv.differences == (
        "this says 2022; the event is 2018–2022 (this lies within the event's dates)",
        "this says 16 percent; the event says second-largest")
    gone = review.proposal_of(timeline, timeline.event_map()[IMPORTS])
    assert gone.target is None
    assert gone.problem == ("The event it would corroborate, “An older figure, since "
                            "rejected”, is no longer accepted (it is rejected).")
    assert review.proposal_of(timeline, timeline.event_map()[STAT]) is None


def test_corroborate_moves_the_evidence_with_its_claims_and_records_who(proposal):
    doc = Document.open(proposal)
    skipped = review.apply_decision(doc, review.Decision("corroborate", (BUDGET,), "Ana",
                                                         target=STAT))
    assert skipped == []
    events = doc.timeline.event_map()
    assert BUDGET not in events
    moved = events[STAT].evidence[-1]
    assert moved.quote.startswith("Azerbaijan's defence budget rose 16%")
    assert (str(moved.claims.date), moved.claims.value.amount) == ("2022", 16)
    assert (events[STAT].status, events[STAT].reviewed_by) == ("accepted", "Ana")


def test_keep_clears_the_proposal_and_the_candidate_stays_in_the_queue(proposal):
    doc = Document.open(proposal)
    assert review.apply_decision(doc, review.Decision("keep", (BUDGET,), "Ana")) == []
    ev = doc.timeline.event_map()[BUDGET]
    assert (ev.status, ev.corroborates) == ("candidate", None)
    assert len(doc.timeline.event_map()[STAT].evidence) == 1


def test_reject_of_a_proposal_decides_it(proposal):
    doc = Document.open(proposal)
    review.apply_decision(doc, review.Decision("reject", (BUDGET,), "Ana"))
    ev = doc.timeline.event_map()[BUDGET]
    assert (ev.status, ev.corroborates, ev.reviewed_by) == ("rejected", None, "Ana")


def test_corroborating_an_event_no_longer_accepted_is_skipped(proposal):
    doc = Document.open(proposal)
    skipped = review.apply_decision(doc, review.Decision("corroborate", (IMPORTS,), "Ana",
                                                         target="old-statistic-2019"))
    assert skipped == ["'imports-2019' was not added as corroboration: 'old-statistic-2019' "
                       "is now rejected"]
    assert IMPORTS in doc.timeline.event_map()


def test_decisions_on_a_proposal_reapply_after_someone_else_saved(proposal):
    decision = review.Decision("corroborate", (BUDGET,), "Ana", target=STAT)
    other = Document.open(proposal)
    other.update_event(STAT, notes="Bo: checked against the database.")
    other.save()
    doc = Document.open(proposal)  # read again, as "Reload and re-apply" does
    assert review.apply_decision(doc, decision) == []
    doc.save()
    stat = event(proposal, STAT)
    assert len(stat.evidence) == 2 and stat.notes == "Bo: checked against the database."


def test_bulk_accept_leaves_proposals_to_be_decided_one_by_one():
    items = review.queue(load(PROPOSAL))
    decision = review.bulk_decision("accept", items, "Ana")
    assert decision.event_ids == ()
    assert review.bulk_left_out("accept", items) == 2
    assert review.bulk_decision("reject", items, "Ana").event_ids == (BUDGET, IMPORTS)


def test_merge_differences_are_in_words():
    timeline = load(TIMELINE)
    assert review.merge_differences(timeline, TALKS, VISIT) == [
        "this is a meeting_call; the event is a visit"]
    assert review.merge_differences(timeline, TALKS, "gone") == []


def test_the_review_page_shows_a_proposal_side_by_side(monkeypatch, proposal):
    before = proposal.read_bytes()
    at = review_app(monkeypatch, proposal)
    shown = texts(at)
    # both quotes, with publisher and date, both dates, and where they differ in words
    assert ("> Azerbaijan's defence budget rose 16% :orange-background[**in 2022**] to $3.1 "
            "billion.") in shown
    assert ("> Azerbaijan was the second-largest importer of Israeli arms "
            ":orange-background[**in 2018–2022**].") in shown
    assert "Caspian Budget Wire · published 15 Jan 2023" in shown
    assert "Arms Monitor · published Mar 2023" in shown
    assert "**2018–2022** · year only · statistic" in shown
    assert "this says 2022; the event is 2018–2022 (this lies within the event's dates)" in shown
    assert "this says 16 percent; the event says second-largest" in shown
    assert "Why it was proposed: the same actor and type" in shown
    assert proposal.read_bytes() == before  # nothing is added until a person says so
    # the proposal whose event is no longer accepted: said, and only Keep and Reject offered
    assert "is no longer accepted (it is rejected)" in shown
    keys = {b.key for b in at.button}
    assert {f"rv_{IMPORTS}_keep", f"rv_{IMPORTS}_reject"} <= keys
    assert f"rv_{IMPORTS}_corroborate" not in keys
    click(at, f"rv_{BUDGET}_corroborate")
    assert_diff_only_in(before.decode(), proposal.read_text(), {BUDGET, STAT})
    stat = event(proposal, STAT)
    assert [str(e.claims.date) if e.claims else None for e in stat.evidence] == [None, "2022"]
    assert stat.evidence[1].claims.value.amount == 16
    assert event(proposal, BUDGET) is None
    assert "Added “Azerbaijan's defence budget rose 16% in 2022 to $3.1 billion” as " \
           f"corroboration of 'azerbaijan-second-largest-2018-2022', as {ANA}" in texts(at)


def test_keep_on_the_review_page_clears_the_proposal(monkeypatch, proposal):
    at = review_app(monkeypatch, proposal)
    click(at, f"rv_{BUDGET}_keep")
    ev = event(proposal, BUDGET)
    assert (ev.status, ev.corroborates) == ("candidate", None)
    assert len(event(proposal, STAT).evidence) == 1
    assert "it stays in the queue as a plain candidate" in texts(at)
    # now a plain candidate: Accept, Reject and Merge as for any other
    assert not at.button(key=f"rv_{BUDGET}_accept").disabled


# --------------------------------------------------------------------------------------------
# Add articles: URL, title, what the merge reported
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("", None),
    (" https://news.example.com/a ", "https://news.example.com/a"),
    ("ftp://news.example.com/a", "'ftp://news.example.com/a' is not a web address"),
    ("news.example.com/a", "'news.example.com/a' is not a web address"),
    ("https://news.example.com/a b", "contains spaces"),
    ("http://127.0.0.1:8501/a", "is a local or private address"),  # loopback
    ("http://192.168.1.4/a", "is a local or private address"),  # private network
    ("http://localhost/a", "is a local or private address"),
], ids=["empty", "public", "ftp", "no-scheme", "spaces", "loopback", "private", "localhost"])
def test_check_url(text, expected):
    if expected is None or expected.startswith("http"):
        assert review.check_url(text) == expected
    else:
        with pytest.raises(ValueError, match=re.escape(expected)):
            review.check_url(text)


def test_write_articles_puts_url_and_title_in_the_manifest(tmp_path):
    art = review.pasted_article("Some text.")
    manifest, _ = review.write_articles(tmp_path, [art], publisher="Test Wire",
                                        url="https://news.example.com/a", title=" A  title ")
    (entry,) = yaml.safe_load(manifest.read_text())["sources"]
    assert entry == {"file": art.name, "title": "A title", "publisher": "Test Wire",
                     "url": "https://news.example.com/a", "language": "en"}
    assert art.name != review.pasted_article("Another text.").name  # one text, one file
    assert art.name == review.pasted_article("Some  text.\r\n").name  # the same text


@pytest.mark.parametrize(("stdout", "no_events", "expected"), [
    ("e.yaml: 2 new candidate events, 1 proposed corroboration, 0 added to other candidates, "
     "1 new source, 0 already present", [],
     ("success", "2 new candidate events and 1 candidate that may corroborate an accepted "
                 "event are in the Review queue. 1 new source added.")),
    ("e.yaml: 0 new candidate events, 0 proposed corroborations, 0 added to other "
     "candidates, 0 new sources, 3 already present", [],
     ("info", "3 events were already in the timeline (nothing added for them). Nothing was "
              "added to the timeline.")),
    ("e.yaml: 0 new candidate events, 0 proposed corroborations, 2 added to other "
     "candidates, 0 new sources, 0 already present", [],
     ("success", "2 events found again joined candidates already in the queue.")),
    # an older merge's line
    ("e.yaml: 1 new candidate events, 0 corroborations, 1 new sources, 0 already present", [],
     ("success", "1 new candidate event is in the Review queue. 1 new source added.")),
    ("", ["the pasted text"],
     ("info", "No dated events were found in the pasted text; nothing was added for it.")),
    # a path with digits and ': ' of its own is not read as counts
    ("/tmp/2 new: folder/e.yaml: 1 new candidate event, 0 proposed corroborations, 0 added "
     "to other candidates, 1 new source, 0 already present", ["b.txt"],
     ("success", "No dated events were found in b.txt; nothing was added for it. 1 new "
                 "candidate event is in the Review queue. 1 new source added.")),
], ids=["new-and-proposed", "nothing-new", "joined-candidates", "older-merge", "no-events",
        "path-with-digits"])
def test_the_result_message_says_what_the_merge_did(stdout, no_events, expected):
    counts = review.parse_merge_output(stdout)
    assert review.merge_message(counts, no_events, max(1, len(no_events))) == expected


def test_a_traceback_is_cut_to_its_last_line():
    assert review.one_line(["Traceback (most recent call last):", "  File x", "OSError: "
                            "[Errno 28] No space left on device"]) == [
        "OSError: [Errno 28] No space left on device"]


def test_a_url_that_is_not_public_is_refused_on_the_page(monkeypatch, events):
    before = events.read_bytes()
    at = review_app(monkeypatch, events, page="views/add_articles.py")
    at.text_area(key="add_pasted").set_value(ARTICLE.read_text())
    at.text_input(key="add_url").set_value("http://127.0.0.1:18999/harop")
    click(at, "add_submit")
    assert "URL: 'http://127.0.0.1:18999/harop' is a local or private address" in texts(at)
    assert events.read_bytes() == before


def test_a_text_without_dated_events_adds_nothing_and_says_so(monkeypatch, events):
    before = events.read_bytes()
    at = review_app(monkeypatch, events, page="views/add_articles.py")
    at.text_area(key="add_pasted").set_value("Nothing happened here. Nobody said anything.")
    click(at, "add_submit")
    assert "No dated events were found in the pasted text; nothing was added for it." in \
        texts(at)
    assert events.read_bytes() == before


def test_a_missing_folder_is_one_clear_line(monkeypatch, events):
    at = review_app(monkeypatch, events, page="views/add_articles.py")
    at.text_area(key="add_pasted").set_value(ARTICLE.read_text())
    is_dir = Path.is_dir  # the timeline's folder is gone by the time the form is sent
    monkeypatch.setattr(Path, "is_dir", lambda self: self != events.parent and is_dir(self))
    click(at, "add_submit")
    assert f"The timeline's folder {events.parent} does not exist; nothing was added." in \
        texts(at)


def test_a_full_disk_is_one_clear_line(monkeypatch, events):
    before = events.read_bytes()
    at = review_app(monkeypatch, events, page="views/add_articles.py")
    at.text_area(key="add_pasted").set_value(ARTICLE.read_text())

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(review, "write_articles", full)
    click(at, "add_submit")
    assert ("The articles could not be written to a temporary folder (No space left on "
            "device); nothing was added.") in texts(at)
    assert events.read_bytes() == before


def test_two_pasted_texts_are_two_sources_each_credited(monkeypatch, events):
    """Text A (Test Wire, 14 Mar 2024), then text B (Drone Daily, 3 Jun 2024): two sources,
    and B's candidate cites B. (Needs the extractor's sources by digest: issue #17.)"""
    text_a = "Azerbaijan signed a contract for Harop drones with Israel on March 12, 2024."
    text_b = "Israel delivered LORA missiles to Azerbaijan on May 30, 2024."
    at = review_app(monkeypatch, events, page="views/add_articles.py")
    for text, publisher, published in ((text_a, "Test Wire", "2024-03-14"),
                                       (text_b, "Drone Daily", "2024-06-03")):
        at.text_area(key="add_pasted").set_value(text)
        at.text_input(key="add_publisher").set_value(publisher)
        at.text_input(key="add_published").set_value(published)
        click(at, "add_submit")
    timeline = load(events)
    pasted = [s for s in timeline.sources if (s.file or "").startswith("pasted-")]
    assert [(s.publisher, str(s.published)) for s in pasted] == [
        ("Test Wire", "2024-03-14"), ("Drone Daily", "2024-06-03")]
    sources = timeline.source_map()
    b_events = [e for e in timeline.events
                if any(text_b.startswith(ev.quote.rstrip(".")) or ev.quote in text_b
                       for ev in e.evidence)]
    assert b_events, [e.title for e in timeline.events]
    for e in b_events:
        assert {sources[ev.source].publisher for ev in e.evidence} == {"Drone Daily"}


# --------------------------------------------------------------------------------------------
# The record of who decided what: the audit log beside the file, and git commits
# --------------------------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs the git command")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          check=True).stdout


def repository(events: Path) -> Path:
    """The timeline's folder made a git repository, the timeline committed by someone else."""
    repo = events.parent
    git(repo, "init", "-q")
    git(repo, "add", "events.yaml")
    git(repo, "-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-q",
        "-m", "the timeline")
    return repo


@needs_git
def test_a_decision_is_a_commit_by_the_curator(monkeypatch, events):
    repo = repository(events)
    at = click(review_app(monkeypatch, events), f"rv_{TALKS}_accept")
    assert not at.warning
    author, subject = git(repo, "log", "-1", "--format=%an <%ae>%n%s").splitlines()
    assert author == "Ana <ana@example.org>"
    assert subject == "Accept “Herzog and Aliyev hold talks in Baku”"
    body = git(repo, "log", "-1", "--format=%b")
    assert f"{TALKS}: reviewed_by: (none) → ana@example.org; status: candidate → accepted" \
           in body
    assert "Decided-by: ana@example.org" in body
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == [
        "events.audit.jsonl", "events.yaml"]  # the file and its log, nothing else
    left = git(repo, "status", "--porcelain", "--", "events.yaml", "events.audit.jsonl")
    assert left == ""  # nothing of the decision left uncommitted


@needs_git
def test_a_refused_commit_is_a_warning_and_the_decision_stands(monkeypatch, events):
    repo = repository(events)
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'policy: no commits today' >&2\nexit 1\n")
    hook.chmod(0o755)
    at = click(review_app(monkeypatch, events), f"rv_{TALKS}_accept")
    assert event(events, TALKS).status == "accepted"
    warnings = "\n".join(plain(str(w.value)) for w in at.warning)
    assert "The decision was saved, but git did not commit it: policy: no commits today" \
           in warnings
    assert git(repo, "log", "--format=%s") == "the timeline\n"


def test_without_git_the_log_records_who_what_and_when(monkeypatch, events):
    at = open_edit(review_app(monkeypatch, events), LORA)
    at.text_input(key=f"rv_{LORA}_title").set_value("LORA missiles delivered")
    click(at, f"rv_{LORA}_edit_accept")
    click(at, f"rv_{PLANT}_reject")
    lines = (events.parent / "events.audit.jsonl").read_text().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert (first["by"], first["name"], first["email"]) == (ANA, "Ana", ANA)
    assert first["events"] == [LORA] and first["action"] == "accept"
    assert {"field": "title", "old": "Israel delivers LORA missiles to Azerbaijan",
            "new": "LORA missiles delivered"} in first["changes"][LORA]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", first["at"])
    assert second["message"] == "Reject “A drone plant opens near Baku”"


def test_the_card_shows_the_events_history(monkeypatch, events):
    at = review_app(monkeypatch, events)
    click(at, f"rv_{TALKS}_accept")
    log_file = events.parent / "events.audit.jsonl"
    with log_file.open("a") as f:
        f.write("not json: a hand edit gone wrong\n")  # skipped, never a crash
    at.switch_page("views/timeline.py").run()
    at.selectbox(key="event").set_value(TALKS).run()
    assert not at.exception
    history = [e for e in at.expander if str(e.label).startswith("History")]
    assert [e.label for e in history] == ["History (1 decision)"]
    line = plain("\n".join(str(m.value) for m in history[0].markdown))
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · \*\*Ana \(ana@example.org\)\*\* · "
                     r"Accept “Herzog and Aliyev hold talks in Baku” — reviewed_by: \(none\) → "
                     r"ana@example.org; status: candidate → accepted", line), line


def test_added_articles_are_on_the_record(monkeypatch, events):
    at = review_app(monkeypatch, events, page="views/add_articles.py")
    at.text_area(key="add_pasted").set_value(ARTICLE.read_text())
    at.text_input(key="add_published").set_value("2021-03-10")
    click(at, "add_submit")
    rec = json.loads((events.parent / "events.audit.jsonl").read_text().splitlines()[-1])
    assert rec["action"] == "add articles" and rec["by"] == ANA
    assert rec["message"] == "Add articles: 1 article (the pasted text)"
    assert "deal-azerbaijan-israel-2021-03-09" in rec["events"]
    assert rec["changes"]["deal-azerbaijan-israel-2021-03-09"] == [
        {"field": "event", "old": None, "new": "(created)"}]


def test_a_large_file_offers_the_events_nearest_in_date_to_merge_into():
    # at 50,000 events every candidate's merge choice listed every event (tens of MB a page)
    from tests.generated import many

    big = many(1200)
    cand = big.events[600]
    big.events[600] = cand = cand.model_copy(update={"status": "candidate"})
    targets = review.merge_targets(big, cand.id, limit=50)
    assert len(targets) == 50 and cand.id not in {t.id for t in targets}
    day = cand.date.first_day()
    farthest = max(abs((t.date.first_day() - day).days) for t in targets)
    chosen = {t.id for t in targets}
    others = [e for e in big.events if e.id not in chosen and e.id != cand.id]
    assert all(abs((e.date.first_day() - day).days) >= farthest for e in others)
    assert targets == sorted(targets, key=lambda e: (e.status != "accepted", e.date._key(), e.id))
    # a file within the limit: every event but the candidate, as before
    assert len(review.merge_targets(big, cand.id, limit=5000)) == 1199


def test_the_edit_form_is_built_only_when_opened(monkeypatch, events):
    """Ten closed forms each listing every source of the file would be sent with every page
    (megabytes on an archive's timeline): a candidate's form is built when it is opened, and
    only its own."""
    at = review_app(monkeypatch, events)
    assert at.expander(key=edit_key(LORA)).label == "Edit, then accept"
    assert not [w for w in at.multiselect if w.key and w.key.endswith("_references")]
    assert not [w for w in at.text_input if w.key == f"rv_{LORA}_title"]
    open_edit(at, LORA)
    assert [w.key for w in at.multiselect if w.key.endswith("_references")] == [
        f"rv_{LORA}_references"]
    assert at.text_input(key=f"rv_{LORA}_title").value == \
        event(events, LORA).title
    # it stays open across runs (a failed save leaves it open, with what was typed)
    at.text_input(key=f"rv_{LORA}_date").set_value("2023-02-30")
    click(at, f"rv_{LORA}_edit_accept")
    assert "Not saved: the file was left unchanged." in plain(
        "\n".join(str(e.value) for e in at.error))
    assert at.text_input(key=f"rv_{LORA}_date").value == "2023-02-30"

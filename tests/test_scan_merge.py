"""scan and merge: candidates out of articles, into the curated file without losing edits."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from extract import cli
from extract import timeline as tl
from extract.merge import merge

FIX = Path(__file__).parent / "fixtures" / "events"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(FIX, folder)
    return folder


def run_scan(articles: Path, out: Path, *extra: str) -> int:
    return cli.main(["scan", str(articles), "--manifest", str(articles / "manifest.yaml"),
                     "--out", str(out), *extra])


def test_scan_writes_candidates_and_reports_unreadable_files(articles, tmp_path, capsys):
    out = tmp_path / "candidates.yaml"
    before = sorted(p.name for p in articles.iterdir())
    assert run_scan(articles, out) == 2  # image.txt is a PNG: the run goes on, exit 2
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == [
        f"{articles / 'image.txt'}: binary file (PNG), not an article"
    ]
    assert captured.out.startswith("scanned 3 files (1 failed): 2 sources, 4 candidate events")
    timeline = tl.load(out)
    assert {s.file for s in timeline.sources} == {"weekly.txt", "undated.txt"}
    assert all(e.status == "candidate" for e in timeline.events)
    assert sorted(p.name for p in articles.iterdir()) == before  # touches nothing else
    by_id = timeline.event_map()
    deal = by_id["deal-azerbaijan-israel-2021-03-09"]  # "on Tuesday" in a Friday article
    assert deal.systems == ["Harop"]
    assert (deal.value.amount, deal.value.currency) == (120_000_000, "USD")
    assert deal.evidence[0].date_text == "Tuesday"
    stat = by_id["statistic-israel-azerbaijan-2015-2019"]
    assert (str(stat.date), str(stat.end), stat.value.amount, stat.value.unit) == \
        ("2015", "2019", 40, "percent")
    assert str(by_id["delivery-azerbaijan-2022"].date) == "2022"  # a year stays a year


def test_no_publication_date_never_resolves_against_today(articles, tmp_path, capsys):
    out = tmp_path / "c.yaml"
    run_scan(articles, out)
    assert "1 relative date left unresolved (no publication date)" in capsys.readouterr().out
    timeline = tl.load(out)
    undated = {s.id for s in timeline.sources if s.file == "undated.txt"}
    dates = [str(e.date) for e in timeline.events if e.evidence[0].source in undated]
    assert dates == ["2019"]  # "On Tuesday" was not dated at all


def test_furniture_yields_no_events(articles, tmp_path):
    out = tmp_path / "c.yaml"
    run_scan(articles, out)
    quotes = [ev.quote for e in tl.load(out).events for ev in e.evidence]
    assert not any("consulate" in q or "recalls envoy" in q for q in quotes)


def test_scan_is_deterministic_across_workers(articles, tmp_path):
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    run_scan(articles, one)
    run_scan(articles, two, "--workers", "2")
    assert one.read_bytes() == two.read_bytes()


def test_scan_refuses_to_overwrite_a_curated_file(articles, tmp_path, capsys):
    curated = tmp_path / "events.yaml"
    curated.write_text(
        "version: 1\nsources: [{id: s}]\nevents:\n  - {id: e, title: T, date: 2016, type: deal, "
        "status: accepted, evidence: [{source: s, quote: q}]}\n", encoding="utf-8")
    before = curated.read_bytes()
    assert run_scan(articles, curated) == 1
    assert "refusing to overwrite a curated file" in capsys.readouterr().err
    assert curated.read_bytes() == before


def _curated_from(candidates: Path, target: Path) -> None:
    """A curated file as a person would make it: accept one event (with a comment), correct
    another's date, reject a third."""
    assert cli.main(["merge", str(candidates), "--into", str(target)]) == 0
    doc = tl.Document.open(target)
    doc.set_status("deal-azerbaijan-israel-2021-03-09", "accepted", by="analyst")
    doc.update_event("delivery-azerbaijan-2022", date=tl.PartialDate.parse("2022-06"),
                     status="accepted", notes="Month from the ministry's later statement.")
    doc.set_status("statistic-israel-azerbaijan-2015-2019", "rejected")
    doc.save()
    text = target.read_text(encoding="utf-8").replace(
        "events:\n", "events:\n  # reviewed by the desk\n", 1)
    target.write_text(text, encoding="utf-8")


def test_merge_keeps_people_edits_and_is_idempotent(articles, tmp_path, capsys):
    candidates, target = tmp_path / "c.yaml", tmp_path / "events.yaml"
    run_scan(articles, candidates)
    _curated_from(candidates, target)
    curated = target.read_bytes()
    capsys.readouterr()
    # merging the same candidates again changes nothing, byte for byte
    assert cli.main(["merge", str(candidates), "--into", str(target)]) == 0
    assert target.read_bytes() == curated
    assert ("0 new candidate events, 0 proposed corroborations, 0 added to other candidates, "
            "0 new sources") in capsys.readouterr().out
    # and a re-scan + merge proposes nothing again, not even the rejected statistic
    run_scan(articles, candidates)
    assert cli.main(["merge", str(candidates), "--into", str(target)]) == 0
    assert target.read_bytes() == curated
    events = tl.load(target).event_map()
    assert str(events["delivery-azerbaijan-2022"].date) == "2022-06"
    assert events["statistic-israel-azerbaijan-2015-2019"].status == "rejected"
    assert "# reviewed by the desk" in target.read_text(encoding="utf-8")


def test_merge_proposes_corroboration_and_only_a_person_adds_it(articles, tmp_path):
    candidates, target = tmp_path / "c.yaml", tmp_path / "events.yaml"
    run_scan(articles, candidates)
    _curated_from(candidates, target)
    # another outlet reports the same deal, in other words
    other = tmp_path / "other"
    other.mkdir()
    (other / "wire.txt").write_text(
        "Wire\n\nBy A Reporter 13 March 2021\n\n"
        "Israel Aerospace Industries sold Harop drones to Azerbaijan on March 9, 2021 in a "
        "$120 million contract.\n",
        encoding="utf-8",
    )
    more = tmp_path / "more.yaml"
    assert cli.main(["scan", str(other), "--out", str(more)]) == 0
    before = tl.load(target)
    assert cli.main(["merge", str(more), "--into", str(target)]) == 0
    after = tl.load(target)
    deal_id = "deal-azerbaijan-israel-2021-03-09"
    assert after.event_map()[deal_id] == before.event_map()[deal_id]  # accepted: as it was
    [proposal] = [e for e in after.events if e.corroborates is not None]
    assert proposal.status == "candidate" and proposal.corroborates.event == deal_id
    assert "sold Harop drones" in proposal.evidence[0].quote
    assert "same type (deal)" in proposal.corroborates.reason
    assert {s.file for s in after.sources} >= {"wire.txt"}
    # merging again proposes nothing more
    assert cli.main(["merge", str(more), "--into", str(target)]) == 0
    assert tl.load(target) == after
    # a person adds it: the evidence joins the accepted event, the candidate is gone
    doc = tl.Document.open(target)
    doc.merge_into(proposal.id, deal_id, by="analyst")
    doc.save()
    deal = tl.load(target).event_map()[deal_id]
    assert len(deal.evidence) == 2 and "sold Harop drones" in deal.evidence[1].quote
    assert deal.evidence[1].claims is None  # the same date: nothing to disagree about
    assert proposal.id not in tl.load(target).event_map()


def test_failed_merge_leaves_the_file_as_it_was(articles, tmp_path, capsys):
    candidates, target = tmp_path / "c.yaml", tmp_path / "events.yaml"
    run_scan(articles, candidates)
    _curated_from(candidates, target)
    before = target.read_bytes()
    candidates.write_text("version: 1\nevents:\n  - id: x\n    date: 2023-02-30\n",
                          encoding="utf-8")
    assert cli.main(["merge", str(candidates), "--into", str(target)]) == 1
    err = capsys.readouterr().err
    assert "'2023-02-30' is not a real date" in err
    assert f"nothing was written to {target}" in err
    assert target.read_bytes() == before


def test_merge_detects_a_concurrent_edit(articles, tmp_path):
    candidates, target = tmp_path / "c.yaml", tmp_path / "events.yaml"
    run_scan(articles, candidates)
    doc = tl.Document.new(target)
    doc.save()
    doc = tl.Document.open(target)
    merge(tl.load(candidates), doc)
    target.write_text(target.read_text(encoding="utf-8") + "# a colleague's note\n",
                      encoding="utf-8")
    with pytest.raises(tl.ConcurrentModificationError):
        doc.save()
    assert target.read_text(encoding="utf-8").endswith("# a colleague's note\n")


def test_one_sentence_with_two_periods_stays_two_events(tmp_path):
    quote = "In 2014-2018 and 2018-2022, Azerbaijan was the second-largest importer."
    events = [
        tl.Event(id=f"statistic-azerbaijan-{a}-{b}", title="Second-largest importer",
                 date=tl.PartialDate.parse(a), end=tl.PartialDate.parse(b), type="statistic",
                 actors=["Azerbaijan"],
                 evidence=[tl.Evidence(source="s", quote=quote, date_text=f"{a}-{b}")])
        for a, b in (("2014", "2018"), ("2018", "2022"))
    ]
    candidates = tl.Timeline(version=1, sources=[tl.Source(id="s")], events=events)
    doc = tl.Document.new(tmp_path / "events.yaml")
    report = merge(candidates, doc)
    assert report.added_events == [e.id for e in events]
    doc.save()
    again = tl.Document.open(tmp_path / "events.yaml")
    assert not merge(candidates, again).changed


def test_candidates_merge_into_candidates_only_on_the_same_date(tmp_path):
    def event(ident, date, quote):
        return tl.Event(id=ident, title="t", date=tl.PartialDate.parse(date), type="conflict",
                        actors=["Armenia"], evidence=[tl.Evidence(source="s", quote=quote)])

    doc = tl.Document.new(tmp_path / "events.yaml")
    merge(tl.Timeline(version=1, sources=[tl.Source(id="s")],
                      events=[event("a", "2020-11", "Missiles in November 2020.")]), doc)
    # a coarser "2020" report is not silently folded into an unreviewed candidate
    report = merge(tl.Timeline(version=1, sources=[tl.Source(id="s")],
                               events=[event("b", "2020", "Its 2020 conflict.")]), doc)
    assert report.added_events == ["b"] and report.joined == []


def test_streamed_candidates_equal_the_in_memory_scan(articles, tmp_path):
    from extract.scan import scan, write_candidates

    manifest = {"undated.txt": {"publisher": "Border News", "language": "en"}}
    out = tmp_path / "streamed.yaml"
    result = write_candidates([articles], out, manifest=manifest, workers=2, header="h")
    assert result.written and result.failures and result.events == 4
    in_memory = scan([articles], manifest=manifest).timeline
    assert out.read_text(encoding="utf-8") == tl.dumps(in_memory, header="h")


def test_streamed_ids_made_unique_equal_the_in_memory_scan(tmp_path):
    # the same article three times: the second and third copies' event ids (and source ids)
    # are made unique in the parent, by editing the rendered YAML's id lines (or re-rendering)
    from extract.scan import scan, write_candidates

    folder = tmp_path / "copies"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):  # three editions: one line differs
        text = (FIX / "weekly.txt").read_text(encoding="utf-8")
        (folder / name).write_text(text + f"\nEdition {name}.\n", encoding="utf-8")
    manifest = {name: {"publisher": "Weekly", "published": "2023-05-31"}
                for name in ("a.txt", "c.txt")}  # b.txt: the source id comes from the text
    out = tmp_path / "streamed.yaml"
    counted: list[int] = []
    result = write_candidates([folder], out, manifest=manifest, header="h",
                              on_total=counted.append)
    assert counted == [3] and result.files == 3 and result.events > 3
    in_memory = scan([folder], manifest=manifest).timeline
    assert out.read_text(encoding="utf-8") == tl.dumps(in_memory, header="h")
    ids = [e.id for e in in_memory.events]
    assert len(set(ids)) == len(ids) and any(i.endswith("-2") for i in ids)


def test_renamed_items_are_the_rendered_renamed_events(articles):
    from extract.scan import _items_yaml, _renamed_items, scan

    events = scan([articles]).timeline.events
    text = _items_yaml(events)
    renames = [(e.id, f"{e.id}-{i}" if i % 2 else e.id) for i, e in enumerate(events)]
    renamed = [e.model_copy(update={"id": new}) for e, (_, new) in zip(events, renames,
                                                                        strict=True)]
    assert _renamed_items(text, renames) == _items_yaml(renamed)
    # not the expected shape: the caller renders again
    assert _renamed_items(text, renames[:-1]) is None  # a count that does not fit
    assert _renamed_items(text, [(e.id, "2016") for e in events]) is None  # would be quoted
    assert _renamed_items(text.replace("- id: ", "- id: x", 1), renames) is None


# ------------------------------------------------------------------ extraction fast paths
# The event layer's quick forms (extract/events.py) against the plain patterns they replace.

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extract import events as ev  # noqa: E402

_GAZ = ev.Gazetteers.load()
_NAMES = sorted({alias for names in (_GAZ.countries, _GAZ.people, _GAZ.systems)
                 for alias in names.canonical})
_PIECES = st.one_of(
    st.sampled_from(_NAMES),
    st.sampled_from(_NAMES).map(str.upper),
    st.sampled_from(["-", " ", "_", "x", "é", "\u212a", "ſ", "İ", "“", "'s", "2", ".", "\n",
                     "said", "bought", "the contract", "in 2016", "SIPRI", "3%", "percent of",
                     "confirmed the use", "deployed", "$5 billion", "40 million dollars",
                     "second-largest", "Meanwhile, ", " , ", " in ,", "\t"]),
)
_SENTENCES = st.lists(_PIECES, min_size=1, max_size=12).map(" ".join)


@given(_SENTENCES)
@settings(max_examples=400)
def test_names_quick_pattern_finds_what_the_alternation_finds(text):
    for names in (_GAZ.countries, _GAZ.people, _GAZ.systems):
        expected: dict[str, None] = {}
        for m in names.rx.finditer(text):
            word = m.group(0)
            name = names.canonical.get(word.casefold() if names.ignore_case else word)
            if name:
                expected.setdefault(name, None)
        assert names.found(text) == list(expected)


def _cues_by_type() -> re.Pattern[str]:
    """The cue pattern as it was: one named group per type (t0, t1, ...) around its cues."""
    with open(ev.DATA / "event_types.yaml", encoding="utf-8") as fh:
        types = yaml.safe_load(fh)["types"]
    body = "|".join(f"(?P<t{i}>{'|'.join(cues)})" for i, cues in enumerate(types.values()))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


_BY_TYPE = _cues_by_type()


@given(_SENTENCES)
@settings(max_examples=400)
def test_one_alternation_of_cues_matches_what_one_group_per_type_matches(text):
    expected = [(int(m.lastgroup[1:]), m.span()) for m in _BY_TYPE.finditer(text)]
    assert [(_GAZ.cue_ranks[m.lastindex], m.span())
            for m in _GAZ.all_cues.finditer(text)] == expected


@given(_SENTENCES)
@settings(max_examples=400)
def test_lower_cased_cues_match_what_the_case_insensitive_cues_match(text):
    assert _GAZ.ascii_cues is not None  # the shipped cues are all safe to lower-case
    text = text.encode("ascii", "ignore").decode()
    expected = [(m.lastindex, m.span()) for m in _GAZ.all_cues.finditer(text)]
    assert [(m.lastindex, m.span()) for m in _GAZ.ascii_cues.finditer(text.lower())] == expected


@pytest.mark.parametrize("pattern, lowered", [
    (r"SIPRI", "sipri"),
    (r"licen[cs]ed? production", "licen[cs]ed? production"),
    (r"(?:confirmed|reported) the Use", "(?:confirmed|reported) the use"),
    (r"\d+\s?%", r"\d+\s?%"),
    (r"[A-Z]\W", r"[a-z]\W"),  # \W keeps its case: lower-casing it would make it \w
    (r"[A-z]", None),  # a range across cases
    (r"\x41", None),  # other escapes
    (r"(?i:a)", None),  # inline flags
    (r"(?P<t>a)", None),  # named groups
    (r"War(?! Vessels)", "war(?! vessels)"),  # look-aheads fold alike
    (r"(?<=A)b", None),  # look-behinds are refused
    ("\u212a", None),  # the Kelvin sign matches "k" ignoring case
    (r"chargé", "chargé"),  # never matches ASCII text, either way
], ids=["literal", "set", "group", "classes", "negated-class", "range", "escape", "flags",
        "named", "look-ahead", "look-behind", "kelvin", "accent"])
def test_lower_cased_pattern(pattern, lowered):
    assert ev._lower_cased(pattern) == lowered


@given(st.lists(st.sampled_from(list("aAbB-_ 1.") + [r"\d", r"\w", r"\W", r"\s", r"\b", "[a-c]",
                                                      "[A-C]", "[^aB]", "(?:a|B)", "(?!a)",
                                                      "(?=B)", "?", "*", "|", "é", "$"]),
                min_size=1, max_size=8),
       st.text(alphabet="aAbBcC-_ 1.9xX\n", max_size=12))
@settings(max_examples=500)
def test_lower_cased_patterns_match_alike(parts, text):
    import re

    pattern = "".join(parts)
    try:
        original = re.compile(pattern, re.I)
    except re.error:
        return
    lowered = ev._lower_cased(pattern)
    if lowered is None:
        return
    assert ([(m.span(), m.groups()) for m in re.compile(lowered).finditer(text.lower())]
            == [(m.span(), m.groups()) for m in original.finditer(text)])


def _find_value_reference(sentence: str, kind: str):
    """find_value without its quick checks: every pattern is run."""
    import re

    m = ev._MONEY_RE.search(sentence)
    if m:
        amount = float(m.group("num").replace(",", ".")) * ev._SCALE.get(
            (m.group("scale") or "").lower(), 1)
        return ev.Value(amount=amount, currency=ev._CURRENCY[m.group("cur")],
                        approximate=bool(m.group("approx")), text=m.group(0).strip())
    m = ev._MONEY_WORDS_RE.search(sentence)
    if m:
        amount = float(m.group("num").replace(",", ".")) * ev._SCALE[m.group("scale").lower()]
        cur = {"dollars": "USD", "euros": "EUR", "manats": "AZN"}[m.group("cur").lower()]
        return ev.Value(amount=amount, currency=cur, approximate=bool(m.group("approx")),
                        text=m.group(0).strip())
    if kind != "statistic":
        return None
    m = ev._PERCENT_RE.search(sentence)
    if m:
        return ev.Value(amount=float(m.group("num")), unit="percent", text=m.group(0))
    m = re.search(r"\b(second|third|fourth|fifth)[- ]largest\b", sentence, re.I)
    if m:
        return ev.Value(amount=ev._ORDINALS[m.group(1).lower()], unit="rank", text=m.group(0))
    return None


@given(_SENTENCES.map(lambda s: s.replace("ſ", "")), st.sampled_from(["deal", "statistic"]))
@settings(max_examples=300)
def test_find_value_quick_checks_agree(sentence, kind):
    assert ev.find_value(sentence, kind) == _find_value_reference(sentence, kind)


@given(_SENTENCES)
@settings(max_examples=300)
def test_title_white_space_as_the_pattern_had_it(sentence):
    import re

    def reference(sentence: str, spans: list[tuple[int, int]], limit: int = 90) -> str:
        text = ev._cut_dates(sentence, spans)
        for rx, replacement in ev._TITLE_STEPS:
            text = rx.sub(replacement, text)
        text = re.sub(r"\s+", " ", text).strip(" ,;:-–—\"“”'")
        text = re.sub(r"\s+([,.;:])", r"\1", text)
        if not text:
            text = sentence.strip()
        if len(text) > limit:
            text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return text[0].upper() + text[1:] if text else text

    sentence = sentence.strip() or "x"
    spans = [(0, min(4, len(sentence)))]
    assert ev.make_title(sentence, spans) == reference(sentence, spans)


def _scan_report(tmp_path, text: str) -> dict:
    """Scan one article; its candidate events by date."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "report.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "candidates.yaml"
    assert cli.main(["scan", str(folder), "--out", str(out)]) == 0
    return {str(e.date): e for e in tl.load(out).events}


def test_a_past_event_dated_after_its_article_is_flagged_for_review(tmp_path):
    by_date = _scan_report(
        tmp_path,
        "Israel delivers drones to Azerbaijan\n\nBy Anna Cohen May 5, 2021\n\n"
        "Azerbaijan received five Harop loitering munitions from Israel in the third quarter of "
        "2021, the ministry said.\n\n"
        "Azerbaijan signed a contract for Barak-8 systems with Israel on March 3, 2021.\n\n"
        "Azerbaijan will receive more Harop drones from Israel in the fourth quarter of 2021.\n")
    late = by_date["2021-07"]  # told in the past, dated after publication: flagged, lower
    assert late.notes and "after its article was published (2021-05-05)" in late.notes
    assert late.confidence < by_date["2021-03-03"].confidence
    assert by_date["2021-03-03"].notes is None  # a past date before publication: no flag
    assert by_date["2021-10"].notes is None  # a future event told in the future: no flag


def test_a_month_day_without_its_year_after_another_year_is_flagged_for_review(tmp_path):
    by_date = _scan_report(
        tmp_path,
        "Turkey's air defence\n\nBy Anna Cohen June 10, 2023\n\n"
        "Turkey signed a contract with Russia for S-400 systems in 2017. The first S-400 "
        "batteries were delivered to Turkey by Russia on July 12.\n\n"
        "In July 2019, Russia delivered a second S-400 battery to Turkey on July 25.\n\n"
        "Turkey received Bayraktar drones from its own industry in 2020. Russia delivered "
        "S-400 missiles to Turkey on March 3, 2023.\n")
    # the year of July 12 is not written; the sentence before is about 2017: a reviewer looks
    doubt = by_date["2022-07-12"]
    assert doubt.notes and "'July 12' is not written" in doubt.notes and "2017" in doubt.notes
    assert doubt.confidence < by_date["2019-07-25"].confidence
    # the sentence sets the year itself: no doubt; a written year: no doubt
    assert by_date["2019-07-25"].notes is None
    # "In July 2019, ... on July 25" is one delivery on its day, not also one in July 2019
    assert "2019-07" not in by_date
    assert by_date["2023-03-03"].notes is None


def test_a_month_day_after_another_verbs_year_in_its_sentence_is_flagged(tmp_path):
    by_date = _scan_report(
        tmp_path,
        "Frigates for Egypt\n\nBy Anna Cohen June 10, 2023\n\n"
        "Italy sold the frigate to Egypt in 2020 and delivered it to Egypt on April 14.\n\n"
        "Egypt signed a contract with France for Rafale jets in March 2021 and France delivered "
        "the first Rafale jets to Egypt on May 5.\n")
    # a year alone does not set the year of another verb's day: the publication's year is
    # read, and the reviewer is told which year the sentence names
    doubt = by_date["2023-04-14"]
    assert doubt.notes and "'April 14' is not written" in doubt.notes
    assert "its sentence names 2020" in doubt.notes
    # a month with its year does ("in March 2021 and ... on May 5"): no doubt
    assert by_date["2021-05-05"].notes is None


def test_actors_beyond_the_seed_region_and_not_institutions_named_after_capitals(tmp_path):
    by_date = _scan_report(
        tmp_path,
        "Apaches for Poland\n\nBy Anna Cohen June 10, 2023\n\n"
        "Poland bought 96 Apache helicopters from the United States in August 2022.\n\n"
        "According to the Stockholm International Peace Research Institute, Israel supplied "
        "Azerbaijan with drones in 2016-2020.\n")
    assert by_date["2022-08"].actors == ["Poland", "United States"]
    # the institute in Stockholm is not Sweden acting
    assert "Sweden" not in by_date["2016"].actors


def _merge_cases():
    """(name, timeline text, candidates): the bundled file and generated ones (with rejected
    events), each with generated candidates of every case merge decides between."""
    sys.path.insert(0, str(ROOT / "bench"))
    from make_candidates import candidates_for
    from make_timeline import make_timeline

    bundled = (ROOT / "events.yaml").read_text(encoding="utf-8")
    yield "bundled", bundled, candidates_for(tl.parse(bundled, file="events.yaml"), 250, seed=3)
    base = make_timeline(300, seed=4)
    base = base.model_copy(update={"events": [
        e.model_copy(update={"status": "rejected"}) if i % 13 == 5 else e
        for i, e in enumerate(base.events)]})
    yield "generated", tl.dumps(base), candidates_for(base, 400, seed=4)


@pytest.mark.parametrize("case", list(_merge_cases()), ids=lambda c: c[0])
def test_the_indexed_merge_writes_what_the_merge_of_every_pair_wrote(case, tmp_path):
    # the merge before issue 26 compared every candidate with every event: the index must
    # find the same events, so the file written is the same, byte for byte
    from tests import reference_merge

    _name, text, candidates = case
    before, after = tmp_path / "before.yaml", tmp_path / "after.yaml"
    before.write_text(text, encoding="utf-8")
    after.write_text(text, encoding="utf-8")
    old_doc = tl.Document.open(before)
    old = reference_merge.merge(candidates, old_doc)
    old_doc.save()
    new_doc = tl.Document.open(after)
    new = merge(candidates, new_doc)
    new_doc.save()
    assert (new.added_events, new.proposed, new.joined, new.added_sources, new.unchanged,
            new.digests_recorded, new.added_deals) == (
        old.added_events, old.proposed, old.joined, old.added_sources, old.unchanged,
        old.digests_recorded, old.added_deals)
    assert old.proposed and old.joined and old.unchanged and old.added_events  # every case
    assert after.read_bytes() == before.read_bytes()

"""What the Review page keeps between runs (issue 26: its first paint at 50,000 events).

The queue, each shown candidate's merge choices and the sources' words are built once per
timeline version (``dashboard.review.per_version``) and must equal what is built afresh; the
"changed on disk" check skips hashing the file only while its stat is the one it had when its
bytes were found unchanged, so a change by another writer is always seen.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from dashboard import review
from dashboard.labels import date_label
from extract.timeline import Document, dumps, load, visible
from tests.generated import many
from tests.test_dashboard_review import (
    LORA,
    TALKS,
    TIMELINE,
    click,
    queue_titles,
    review_app,
    texts,
)

pytestmark = pytest.mark.usefixtures("fresh_streamlit_cache")


@pytest.fixture
def events(tmp_path) -> Path:
    return Path(shutil.copyfile(TIMELINE, tmp_path / "events.yaml"))


def with_candidates(n: int = 600, every: int = 7):
    """A generated timeline of ``n`` events, every ``every``-th a candidate."""
    big = many(n)
    events = [e.model_copy(update={"status": "candidate", "confidence": (i % 10) / 10})
              if i % every == 0 else e for i, e in enumerate(big.events)]
    return big.model_copy(update={"events": events})


# --- kept per version, equal to what is built afresh ----------------------------------------


def test_the_kept_queue_is_the_one_built_afresh_and_is_built_once():
    timeline = load(TIMELINE)
    first = review.queue(timeline)
    assert first == review._queue(timeline)
    assert [i.id for i in first][0] == TALKS and first[-1].id == LORA
    first.clear()  # a caller's list is its own: the kept one is not changed
    again = review.queue(timeline)
    assert again == review._queue(timeline)
    assert all(a is b for a, b in zip(again, review.queue(timeline), strict=True))  # kept


def test_another_version_gets_its_own_queue():
    timeline = load(TIMELINE)
    before = review.queue(timeline)
    changed = timeline.model_copy(update={"events": [
        e.model_copy(update={"status": "rejected"}) if e.id == TALKS else e
        for e in timeline.events]})
    after = review.queue(changed)
    assert TALKS in {i.id for i in before} and TALKS not in {i.id for i in after}
    assert after == review._queue(changed)
    assert review.queue_types(changed) == [
        t for t in review.EVENT_TYPES if t in {i.event.type for i in after}]
    assert review.queue_publishers(changed) == review.publishers_of(after)


def test_only_the_last_few_versions_are_kept():
    timelines = [load(TIMELINE) for _ in range(review._PER_VERSION_KEEP + 2)]
    for t in timelines:
        review.queue(t)
    kept = [held[0] for held in review._PER_VERSION.values()]
    assert kept == timelines[-review._PER_VERSION_KEEP:]


def test_merge_choices_are_the_merge_targets_in_words():
    big = with_candidates(1200)
    candidates = [e.id for e in big.events if e.status == "candidate"][:12]
    for cid in candidates:
        # the words the page drew before they were kept
        expected = {t.id: visible(f"{date_label(t.date, t.end)} · {t.title} ({t.status})")
                    for t in review.merge_targets(big, cid)}
        choices = review.merge_choices(big, cid)
        assert list(choices.items()) == list(expected.items())
        assert review.merge_choices(big, cid) is choices  # kept for the next run


def test_merge_choices_follow_a_decision():
    big = with_candidates(60)
    cid = next(e.id for e in big.events if e.status == "candidate")
    other = next(e for e in big.events if e.status == "accepted")
    assert other.id in review.merge_choices(big, cid)
    after = big.model_copy(update={"events": [
        e.model_copy(update={"status": "rejected"}) if e.id == other.id else e
        for e in big.events]})
    assert other.id not in review.merge_choices(after, cid)  # a rejected event is no choice


def test_merge_choices_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(review, "MERGE_CHOICES_KEPT", 3)
    big = with_candidates(100, every=3)
    ids = [e.id for e in big.events if e.status == "candidate"][:5]
    for cid in ids:
        review.merge_choices(big, cid)
    kept = review.per_version(big, "merge_choices", lambda: None)
    assert list(kept.held) == ids[-3:]


def test_source_labels_are_the_words_of_each_source():
    timeline = load(TIMELINE)
    labels = review.source_labels(timeline)
    assert list(labels) == [s.id for s in timeline.sources]
    for src in timeline.sources:
        bits = [src.publisher or src.id]
        if src.published is not None:
            bits.append(date_label(src.published))
        if src.title:
            bits.append(src.title)
        assert labels[src.id] == " · ".join(bits) + f" ({src.id})"
    assert labels["not-a-listed-source"] == "not-a-listed-source"
    assert "not-a-listed-source" not in labels  # asking does not add it


def walked_targets(timeline, candidate_id: str, limit: int) -> list:
    """merge_targets as it was first written: a walk outward from the candidate's place in
    the events ranked by (first day, id), the earlier side first at the same distance."""
    import bisect

    ranked = sorted((e for e in timeline.events if e.status != "rejected"),
                    key=lambda e: (e.date.first_day().toordinal(), e.id))
    days = [e.date.first_day().toordinal() for e in ranked]
    where = {e.id: n for n, e in enumerate(ranked)}
    if len(ranked) - (candidate_id in where) <= limit:
        others = [e for e in ranked if e.id != candidate_id]
    else:
        at = where.get(candidate_id)
        day = days[at] if at is not None else review._day_of_candidate(timeline, candidate_id)
        lo = hi = bisect.bisect_left(days, day)
        others = []
        while len(others) < limit and (lo > 0 or hi < len(ranked)):
            if hi >= len(ranked) or (lo > 0 and day - days[lo - 1] <= days[hi] - day):
                lo -= 1
                pick = ranked[lo]
            else:
                pick = ranked[hi]
                hi += 1
            if pick.id != candidate_id:
                others.append(pick)
    return sorted(others, key=lambda e: (e.status != "accepted", e.date._key(), e.id))


def with_rejected(n: int, every: int):
    timeline = with_candidates(n)
    return timeline.model_copy(update={"events": [
        e.model_copy(update={"status": "rejected"}) if i % every == 3 else e
        for i, e in enumerate(timeline.events)]})


@pytest.mark.parametrize("timeline", [with_candidates(400), with_rejected(300, 5),
                                      many(250, years=2), many(120, years=1)],
                         ids=["candidates", "rejected", "two-years", "one-year"])
def test_the_nearest_targets_are_those_of_the_walk_outward(timeline):
    # many ties: month- and year-only dates share their first day with many others
    ids = [e.id for e in timeline.events]
    for cid in [*ids[::17], ids[0], ids[-1], "no-such-event"]:
        for limit in (1, 2, 7, 50, len(ids) - 2, len(ids) - 1, len(ids)):
            assert review.merge_targets(timeline, cid, limit=limit) == walked_targets(
                timeline, cid, limit), (cid, limit)


# --- the "changed on disk" check ------------------------------------------------------------


class Counting:
    """Counts the reads and hashes of the whole file (``Document.changed_on_disk``)."""

    def __init__(self, doc: Document):
        self.calls = 0
        self._real = doc.changed_on_disk

        def counted() -> bool:
            self.calls += 1
            return self._real()

        doc.changed_on_disk = counted  # type: ignore[method-assign]


def later(monkeypatch, seconds: float) -> None:
    """The check runs ``seconds`` from now (the file's times are then not racy)."""
    now = time.time_ns()
    monkeypatch.setattr(review.time, "time_ns", lambda: now + int(seconds * 1e9))


def test_an_unchanged_file_is_not_read_again(monkeypatch, events):
    doc = Document.open(events)
    reads = Counting(doc)
    later(monkeypatch, 60)
    changed, seen = review.changed_since_read(doc, None)
    assert not changed and seen is not None and reads.calls == 1
    for _ in range(3):
        changed, seen = review.changed_since_read(doc, seen)
        assert not changed
    assert reads.calls == 1


def test_a_file_written_a_moment_ago_is_always_read(events):
    # its times are within RACY_SECONDS of now: a second write in the same tick of the clock
    # could leave them as they are, so its stat is not trusted
    doc = Document.open(events)
    reads = Counting(doc)
    seen = None
    for _ in range(3):
        changed, seen = review.changed_since_read(doc, seen)
        assert not changed and seen is None
    assert reads.calls == 3


def test_another_writers_save_is_seen(monkeypatch, events):
    doc = Document.open(events)
    later(monkeypatch, 60)
    changed, seen = review.changed_since_read(doc, None)
    assert not changed and seen is not None
    other = Document.open(events)  # another curator saves (an atomic replace)
    other.set_status(TALKS, "rejected", by="Bo")
    other.save()
    assert review.changed_since_read(doc, seen) == (True, None)


def test_an_edit_in_place_with_the_same_size_and_mtime_is_seen(monkeypatch, events):
    doc = Document.open(events)
    later(monkeypatch, 60)
    changed, seen = review.changed_since_read(doc, None)
    assert seen is not None
    before = os.stat(events)
    time.sleep(0.05)  # past the file system's clock tick: the write gets a later ctime
    raw = events.read_bytes()
    at = raw.index(b"Herzog")
    with open(events, "r+b") as fh:  # same inode, same size: one letter changed
        fh.seek(at)
        fh.write(b"Xerzog")
    os.utime(events, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the mtime put back
    assert os.stat(events).st_size == before.st_size
    assert review.changed_since_read(doc, seen) == (True, None)


def test_a_removed_file_is_seen(monkeypatch, events):
    doc = Document.open(events)
    later(monkeypatch, 60)
    _, seen = review.changed_since_read(doc, None)
    events.unlink()
    assert review.changed_since_read(doc, seen)[0]


def test_a_seen_stat_of_another_document_is_not_trusted(monkeypatch, events):
    doc = Document.open(events)
    later(monkeypatch, 60)
    _, seen = review.changed_since_read(doc, None)
    assert seen is not None
    Document.open(events).save(force=True)  # the same bytes written again
    reloaded = Document.open(events)
    reads = Counting(reloaded)
    assert review.changed_since_read(reloaded, seen)[0] is False
    assert reads.calls == 1


def test_a_document_opened_on_an_unchanged_file_is_not_read_again(monkeypatch, events):
    later(monkeypatch, 60)
    before = review.file_stat(events)
    doc = Document.open(events)
    seen = review.seen_at_open(doc, before)
    assert seen is not None
    reads = Counting(doc)
    assert review.changed_since_read(doc, seen) == (False, seen)
    assert reads.calls == 0


def test_a_file_saved_while_it_was_opened_is_read_again(monkeypatch, events):
    later(monkeypatch, 60)
    before = review.file_stat(events)
    other = Document.open(events)  # another writer saves between the stat and the open
    other.set_status(TALKS, "rejected", by="Bo")
    other.save()
    doc = Document.open(events)
    assert review.seen_at_open(doc, before) is None
    reads = Counting(doc)
    assert review.changed_since_read(doc, None)[0] is False  # what it holds is on disk
    assert reads.calls == 1


def test_a_file_opened_a_moment_after_it_was_written_is_read_again(events):
    before = review.file_stat(events)
    assert review.seen_at_open(Document.open(events), before) is None  # racy: not trusted


# --- one document opened per file version, a copy for each session ------------------------


class CountingOpens:
    def __init__(self, monkeypatch):
        self.paths: list[Path] = []
        real = Document.open.__func__

        def counted(cls, path):
            self.paths.append(Path(path))
            return real(cls, path)

        monkeypatch.setattr(Document, "open", classmethod(counted))


@pytest.fixture
def opens(monkeypatch):
    review.forget_opened()
    yield CountingOpens(monkeypatch)
    review.forget_opened()


def test_sessions_share_one_opening_of_a_file_version(monkeypatch, events, opens):
    later(monkeypatch, 60)
    one, seen_one = review.open_for_review(events)
    two, seen_two = review.open_for_review(events)
    assert len(opens.paths) == 1  # read, decoded and hashed once
    assert one is not two and seen_one[0] is one and seen_two[0] is two
    assert one.text() == two.text() == events.read_text(encoding="utf-8")
    reads = Counting(two)
    assert review.changed_since_read(two, seen_two) == (False, seen_two)
    assert reads.calls == 0  # the kept version's stat is trusted, as for an own opening


def test_an_edit_in_one_session_stays_out_of_the_others(monkeypatch, events, opens):
    later(monkeypatch, 60)
    one, _ = review.open_for_review(events)
    two, seen_two = review.open_for_review(events)
    one.set_status(TALKS, "rejected", by="Bo")
    assert two.event(TALKS).status == "candidate"
    assert two.text() == events.read_text(encoding="utf-8") != one.text()
    one.save()  # a new version: the other session sees its file changed
    assert review.changed_since_read(two, seen_two)[0] is True
    three, _ = review.open_for_review(events)  # a session arriving now reads the new one
    assert three.event(TALKS).status == "rejected"
    assert len(opens.paths) == 2


def test_a_file_written_a_moment_ago_is_opened_by_each_session(events, opens):
    one, seen = review.open_for_review(events)  # its times are racy: no version to share
    two, _ = review.open_for_review(events)
    assert len(opens.paths) == 2 and seen is None and one is not two


def test_a_file_written_while_it_was_opened_is_not_kept(monkeypatch, events):
    later(monkeypatch, 60)
    review.forget_opened()
    real = Document.open.__func__
    opened: list[Document] = []

    def open_then_written(cls, path):
        doc = real(cls, path)
        opened.append(doc)
        if len(opened) == 1:  # another writer saves just after this read
            other = real(cls, path)
            other.set_status(TALKS, "rejected", by="Bo")
            other.save()
        return doc

    monkeypatch.setattr(Document, "open", classmethod(open_then_written))
    doc, seen = review.open_for_review(events)
    assert len(opened) == 2 and doc is opened[1]  # read again after the save, its own
    assert doc.event(TALKS).status == "rejected"
    assert seen is None  # not known to hold the bytes on disk: they are read at the next check
    assert review.changed_since_read(doc, seen)[0] is False
    assert not review._OPENED.held  # nothing kept for the stat it had before the save
    again, _ = review.open_for_review(events)  # the new version, now kept
    assert again.event(TALKS).status == "rejected" and len(opened) == 3
    review.forget_opened()


# --- on the page ----------------------------------------------------------------------------


def test_the_page_sees_a_save_by_another_writer_with_the_stat_trusted(monkeypatch, events):
    monkeypatch.setattr(review, "RACY_SECONDS", -1e9)  # every stat trusted at once
    at = review_app(monkeypatch, events)
    at.run()  # the stat is now the one of unchanged bytes
    assert "changed on disk" not in texts(at)
    other = Document.open(events)
    other.set_status(TALKS, "rejected", by="Bo")
    other.save()
    at.run()
    assert "The timeline file changed on disk since you opened it" in texts(at)
    click(at, "review_reload")
    assert "changed on disk" not in texts(at)
    assert "Herzog and Aliyev hold talks in Baku" not in queue_titles(at)


def test_a_decision_shows_the_queue_of_the_new_version(monkeypatch, events):
    at = review_app(monkeypatch, events)
    before = queue_titles(at)
    click(at, f"rv_{TALKS}_reject")
    after = queue_titles(at)
    assert len(after) == len(before) - 1 and before[1:] == after
    assert queue_titles(at.run()) == after


def test_the_bulk_buttons_count_with_thousands_separated(monkeypatch, tmp_path):
    # "5,106 candidates to review" above, so "Accept all 5,106 shown…", not "5106"
    events = tmp_path / "events.yaml"
    events.write_text(dumps(with_candidates(1200, every=1)), encoding="utf-8")
    at = review_app(monkeypatch, events)
    labels = [b.label for b in at.button]
    assert "Accept all 1,200 shown…" in labels and "Reject all 1,200 shown…" in labels

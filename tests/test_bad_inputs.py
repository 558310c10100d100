"""Bad input through the real command line: an exit code, one clear line, nothing written.

Every case runs ``python -m extract ...`` as a subprocess in a scratch folder and checks:
the exit code (0 ok, 1 invalid input, 2 some files failed), that the first line on stderr names
the bad file and says what was wrong and what was expected, that there is no traceback, and
that a failure writes nothing: the target file is byte-identical and no temporary file is left.
docs/robustness.md is the table of these cases for people.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract import timeline as tl
from tests.helpers import files_left

CURATED = """\
# yaml-language-server: $schema=./events.schema.json
version: 1
sources:
  - id: s1
    publisher: Caspian News
    url: https://example.com/a
events:
  - id: e1    # a curator's comment
    title: Herzog and Aliyev hold talks in Baku
    date: 2023-05-30
    type: visit
    actors: [Israel, Azerbaijan]
    evidence:
      - source: s1
        quote: "Herzog met Aliyev in Baku on May 30, 2023."
    status: accepted
"""

CANDIDATES = """\
version: 1
sources:
  - id: s2
    publisher: Haaretz
events:
  - id: e2
    title: Israel sells Harop drones to Azerbaijan
    date: 2021
    type: deal
    actors: [Israel, Azerbaijan]
    evidence:
      - source: s2
        quote: "Israel sold Harop drones to Azerbaijan in 2021."
    status: candidate
"""

ARTICLE = (
    "Drones for Baku\n\nOn May 30, 2023, Israel delivered Harop drones to Azerbaijan, the "
    "ministry said in a statement.\n"
)


def billion_laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "version: 1\n" + "\n".join(lines) + "\nsources: []\nevents: []\n"


def big_article(path: Path, size: int = 50 * 1024 * 1024) -> None:
    paragraph = ARTICLE.split("\n\n", 1)[1] + "\n"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("A very long article\n\n")
        fh.write(paragraph * (size // len(paragraph) + 1))


def curated_with(old: str, new: str) -> bytes:
    assert old in CURATED
    return CURATED.replace(old, new, 1).encode("utf-8")


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"

# the bad timeline files: name -> bytes
TIMELINES: dict[str, bytes] = {
    "empty": b"",
    "pdf": PDF,
    "png": PNG,
    "invalid-utf8": CURATED.replace("Baku", "Bak\xfa", 1).encode("latin-1"),
    "utf16-bom": CURATED.encode("utf-16"),
    "html-no-body": b"<html><head><title>Page not found</title></head></html>\n",
    "duplicate-ids": CURATED.encode() + CURATED.split("events:\n", 1)[1].encode(),
    "duplicate-keys": curated_with("    status: accepted\n",
                                   "    status: accepted\n    status: rejected\n"),
    "unknown-type": curated_with("type: visit", "type: weapons"),
    "feb-30": curated_with("date: 2023-05-30", "date: 2023-02-30"),
    "end-before-date": curated_with("date: 2023-05-30", "date: 2023-05-30\n    end: 2023-05-01"),
    "billion-laughs": billion_laughs().encode(),
    "deep-nesting": b"version: 1\nsources: []\nevents: " + b"[" * 100_000 + b"]" * 100_000,
    "python-apply-tag": curated_with("sources:\n", "x: !!python/object/apply:os.system [id]\n"
                                     "sources:\n"),
    "python-object-tag": curated_with("    publisher: Caspian News",
                                      "    publisher: !!python/object:collections.OrderedDict {}"),
    "bad-timestamp-tag": curated_with("date: 2023-05-30", "date: !!timestamp 2023-02-30"),
    "nul-byte": curated_with("Baku\n", "Baku\x00\n"),
    "javascript-url": curated_with("https://example.com/a", "javascript:alert(1)"),
    "file-url": curated_with("https://example.com/a", "file:///etc/passwd"),
    "script-in-title": curated_with(
        "title: Herzog and Aliyev hold talks in Baku",
        "title: \"<script>alert('x')</script><img src=x onerror=alert(1)>\""),
    "html-in-quote": curated_with(
        'quote: "Herzog met Aliyev in Baku on May 30, 2023."',
        "quote: '<b onclick=\"alert(1)\">Herzog</b> met Aliyev in Baku on May 30, 2023.'"),
}

# (timeline case, exit code, key words of the first stderr line); the line must also name the
# file. The same table runs for `check FILE`, `merge FILE --into events.yaml` and
# `merge candidates.yaml --into FILE`.
TIMELINE_CASES = [
    ("empty", 1, ["the file is empty", "expected a mapping"]),
    ("pdf", 1, ["not UTF-8 text", "expected a UTF-8 YAML file"]),
    ("png", 1, ["not UTF-8 text (bad byte at offset 0)", "expected a UTF-8 YAML file"]),
    # events.yaml must be UTF-8; a Latin-1 byte is refused, not guessed
    ("invalid-utf8", 1, ["not UTF-8 text", "expected a UTF-8 YAML file"]),
    # YAML allows UTF-16 with a byte-order mark (Windows Notepad's "Unicode"): read it
    ("utf16-bom", 0, []),
    # valid YAML, but a single string, not a mapping
    ("html-no-body", 1, ["the document is a single value", "expected a mapping"]),
    ("duplicate-ids", 1, ["'e1' is a duplicate id", "expected every event id to be unique"]),
    # YAML would keep the last value silently: the accepted status would vanish
    ("duplicate-keys", 1, ["(line 17)", "the key 'status' appears twice", "expected each key"]),
    ("unknown-type", 1, ["field 'type'", "'weapons' is not an event type", "expected one of"]),
    ("feb-30", 1, ["(line 10)", "'2023-02-30' is not a real date", "February 2023 has 28 days"]),
    ("end-before-date", 1, ["field 'end'", "is before the date", "expected an end on or after"]),
    # refused on the first alias, before anything is expanded
    ("billion-laughs", 1, ["(line 3)", "anchors and aliases", "not allowed"]),
    # libyaml's composer recursed 100 000 levels and the process died of SIGSEGV
    ("deep-nesting", 1, ["nested too deeply", "expected events.yaml"]),
    ("python-apply-tag", 1, ["python/object/apply:os.system", "is not allowed", "expected plain"]),
    ("python-object-tag", 1, ["python/object:collections.OrderedDict", "is not allowed"]),
    # PyYAML itself raises ValueError here: now a located problem
    ("bad-timestamp-tag", 1, ["(line 10)", "is not a valid timestamp", "expected a plain"]),
    ("nul-byte", 1, ["#x0000 is not allowed", "expected text"]),
    ("javascript-url", 1, ["'javascript:alert(1)' is not a web address", "expected an http://"]),
    ("file-url", 1, ["'file:///etc/passwd' is not a web address", "expected an http://"]),
    # markup is text to the timeline; escaping it is the dashboard's job
    ("script-in-title", 0, []),
    ("html-in-quote", 0, []),
]
TIMELINE_IDS = [case[0] for case in TIMELINE_CASES]

# the bad article files for scan: case -> (file name, bytes or a writer)
ARTICLES = {
    "empty": ("empty.txt", b""),
    "pdf": ("paper.pdf", PDF),
    "png": ("image.txt", PNG),  # a PNG named .txt: the magic number decides, not the name
    "invalid-utf8": ("latin1.txt", ARTICLE.replace("Baku", "Bakú").encode("latin-1") + b"\xff"),
    "utf16-bom": ("utf16.txt", ARTICLE.encode("utf-16")),
    "html-no-body": ("nobody.html", b"<html><head><title>x</title></head></html>\n"),
    "html-empty-body": ("blank.html", b"<html><body><nav>Home | News</nav></body></html>\n"),
    "script-in-text": ("script.txt", ARTICLE.replace("the ministry said",
                                                      "<script>alert(1)</script> said").encode()),
    "50mb": ("huge.txt", big_article),
}

SCAN_CASES = [
    ("empty", 2, ["file is empty"]),
    ("pdf", 2, ["binary file (PDF), not an article"]),
    ("png", 2, ["binary file (PNG), not an article"]),
    # not UTF-8: cp1252 is the documented last resort for articles, so it is read
    ("invalid-utf8", 0, []),
    ("utf16-bom", 0, []),
    ("html-no-body", 2, ["no article text found"]),
    # only page furniture: nothing to quote
    ("html-empty-body", 2, ["no article text found"]),
    ("script-in-text", 0, []),
    # refused by size (MAX_BYTES, 20 MB) in well under a second; see docs/robustness.md
    ("50mb", 2, ["file too large", "not an article"]),
]
SCAN_IDS = [case[0] for case in SCAN_CASES]


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args],
        cwd=folder, capture_output=True, text=True, timeout=120,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_outcome(proc, code: int, name: str, words: list[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
    if code:
        first = proc.stderr.splitlines()[0]
        assert first.startswith(name), first
        for word in words:
            assert word in first, first


def assert_no_temp_files(folder: Path, before: dict[str, bytes]) -> None:
    assert files_left(folder) == sorted(before)
    assert not list(folder.glob(".*.tmp"))


# --------------------------------------------------------------------------------------------
# check and merge
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "code", "words"), TIMELINE_CASES, ids=TIMELINE_IDS)
def test_check(tmp_path, case, code, words):
    name = f"{case}.yaml"
    (tmp_path / name).write_bytes(TIMELINES[case])
    before = snapshot(tmp_path)
    proc = run(tmp_path, "check", name)
    assert_outcome(proc, code, name, words)
    if code == 0:
        assert proc.stdout.startswith(f"{name}: ok: 1 events (1 accepted)")
    else:
        assert proc.stderr.splitlines()[-1].startswith(f"{name}: ")  # "N problem(s)"
    assert snapshot(tmp_path) == before  # check never writes
    assert_no_temp_files(tmp_path, before)


@pytest.mark.parametrize(("case", "code", "words"), TIMELINE_CASES, ids=TIMELINE_IDS)
def test_merge_bad_candidates(tmp_path, case, code, words):
    name = f"{case}.yaml"
    (tmp_path / name).write_bytes(TIMELINES[case])
    (tmp_path / "events.yaml").write_text(CURATED, encoding="utf-8")
    before = snapshot(tmp_path)
    proc = run(tmp_path, "merge", name, "--into", "events.yaml")
    assert_outcome(proc, code, name, words)
    if code:
        assert "nothing was written to events.yaml" in proc.stderr
        assert snapshot(tmp_path) == before
    else:
        # the accepted event keeps every field; the candidate's quote may only be appended
        old = tl.parse(CURATED).event_map()["e1"]
        new = tl.load(tmp_path / "events.yaml").event_map()["e1"]
        assert new.model_dump(exclude={"evidence"}) == old.model_dump(exclude={"evidence"})
        assert new.evidence[: len(old.evidence)] == old.evidence
    assert_no_temp_files(tmp_path, before)


@pytest.mark.parametrize(("case", "code", "words"), TIMELINE_CASES, ids=TIMELINE_IDS)
def test_merge_into_bad_timeline(tmp_path, case, code, words):
    name = f"{case}.yaml"
    (tmp_path / name).write_bytes(TIMELINES[case])
    (tmp_path / "candidates.yaml").write_text(CANDIDATES, encoding="utf-8")
    before = snapshot(tmp_path)
    proc = run(tmp_path, "merge", "candidates.yaml", "--into", name)
    assert_outcome(proc, code, name, words)
    if code:
        assert f"nothing was written to {name}" in proc.stderr
        assert snapshot(tmp_path) == before
    else:
        assert proc.stdout.startswith(f"{name}: 1 new candidate events")
        raw = (tmp_path / name).read_bytes()
        # written back in the encoding it was read in, the accepted event as it was
        assert raw.startswith(b"\xff\xfe") == before[name].startswith(b"\xff\xfe")
        merged = tl.load(tmp_path / name).event_map()
        assert merged["e1"] == tl.parse(before[name].decode("utf-16" if case == "utf16-bom"
                                                            else "utf-8")).event_map()["e1"]
        assert merged["e2"].status == "candidate"
    assert_no_temp_files(tmp_path, before)


# --------------------------------------------------------------------------------------------
# scan
# --------------------------------------------------------------------------------------------


def write_article(folder: Path, case: str) -> str:
    name, content = ARTICLES[case]
    if callable(content):
        content(folder / name)
    else:
        (folder / name).write_bytes(content)
    return name


@pytest.mark.parametrize(("case", "code", "words"), SCAN_CASES, ids=SCAN_IDS)
def test_scan(tmp_path, case, code, words):
    name = write_article(tmp_path, case)
    (tmp_path / "candidates.yaml").write_text(CANDIDATES, encoding="utf-8")
    before = {n: b for n, b in snapshot(tmp_path).items() if n != name}
    proc = run(tmp_path, "scan", name, "--out", "candidates.yaml")
    assert_outcome(proc, code, name, words)
    if code == 0:
        assert proc.stdout.startswith("scanned 1 files (0 failed): 1 sources")
        written = tl.load(tmp_path / "candidates.yaml")
        assert [s.file for s in written.sources] == [name]
    else:
        assert proc.stdout.startswith("scanned 1 files (1 failed)")
    assert files_left(tmp_path) == sorted([*before, name])
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("case", ["empty", "pdf", "html-no-body"])
def test_scan_where_every_file_fails_writes_nothing(tmp_path, case):
    name = write_article(tmp_path, case)
    (tmp_path / "candidates.yaml").write_text(CANDIDATES, encoding="utf-8")
    proc = run(tmp_path, "scan", name, "--out", "candidates.yaml")
    assert proc.returncode == 2
    assert (tmp_path / "candidates.yaml").read_text(encoding="utf-8") == CANDIDATES

"""The command line: exit codes, one-line messages, never a traceback on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract import cli
from extract import timeline as tl

ROOT = Path(__file__).resolve().parent.parent


def test_parse_args_check():
    args = cli.parse_args(["check", "a.yaml", "b.yaml"])
    assert args.command == "check" and [str(f) for f in args.files] == ["a.yaml", "b.yaml"]


def test_check_ok_prints_one_summary_line(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text((ROOT / "events.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert cli.main(["check", str(path)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert out[0].startswith(f"{path}: ok: ") and "accepted" in out[0]


def test_check_reports_every_problem_and_exits_1(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "version: 1\nsources: []\nevents:\n"
        "  - id: a\n    title: A\n    date: 2023-02-30\n    type: visti\n"
        "    evidence: [{source: nowhere, quote: q}]\n",
        encoding="utf-8",
    )
    assert cli.main(["check", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{path}, event 'a' (line 6): field 'date': '2023-02-30' is not a real date: "
        "February 2023 has 28 days; expected YYYY, YYYY-MM or YYYY-MM-DD",
        f"{path}, event 'a' (line 7): field 'type': 'visti' is not an event type (did you mean "
        "'visit'?); expected one of deal, delivery, combat_use, visit, meeting_call, agreement, "
        "diplomatic, statement, statistic, conflict, production, other",
        f"{path}, event 'a' (line 8): field 'evidence[0].source': 'nowhere' is not a source in "
        "this file; expected the id of an entry under 'sources'",
        f"{path}: 3 problems",
    ]


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02binary", b"version: [\n", b"!!python/object/apply:os.system ['echo hi']"],
    ids=["empty", "binary", "syntax", "python-tag"],
)
def test_check_never_tracebacks(tmp_path, content):
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    proc = subprocess.run(
        [sys.executable, "-m", "extract", "check", str(path)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0].startswith(str(path))


def test_check_missing_file(tmp_path, capsys):
    assert cli.main(["check", str(tmp_path / "none.yaml")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_schema_check_is_current(capsys):
    assert cli.main(["schema", "--check", "--out", str(ROOT / "events.schema.json")]) == 0


def test_schema_writes_the_model_schema(tmp_path):
    out = tmp_path / "s.json"
    assert cli.main(["schema", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == tl.schema_text()
    out.write_text("{}", encoding="utf-8")
    assert cli.main(["schema", "--check", "--out", str(out)]) == 1

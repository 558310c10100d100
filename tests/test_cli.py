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


# --------------------------------------------------------------------------------------------
# a reader that closes early (`| head`): the command stops quietly, as cat does
# --------------------------------------------------------------------------------------------

ARTICLE_TEXT = ("By Timucin Turksoy May 31, 2023\n\n"
                + "Israel delivered drones to Azerbaijan on 10 September 2020. "
                  "In 2016 a deal was signed.\n" * 40)


def _closed_early_cases(tmp_path: Path) -> dict[str, list[str]]:
    """Every command that prints, with arguments that make it print."""
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE_TEXT, encoding="utf-8")
    events = tmp_path / "events.yaml"
    events.write_text((ROOT / "events.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    candidates = tmp_path / "candidates.yaml"
    assert cli.main(["scan", str(article), "--out", str(candidates)]) == 0
    return {
        "dates": ["dates", "--published", "2023-05-31", str(article)],
        "dates-timeml": ["dates", "--published", "2023-05-31", str(article), "--format",
                         "timeml"],
        "check": ["check", str(events)],
        "check-invalid": ["check", str(article)],  # its problems go to stderr
        "scan": ["scan", str(article), "--out", str(tmp_path / "again.yaml")],
        "merge": ["merge", str(candidates), "--into", str(events)],
        "schema": ["schema", "--out", "-"],
        "schema-check": ["schema", "--check"],
        "sources": ["sources", str(events)],
        "diff": ["diff", str(candidates), "--timeline", str(events)],
        "snapshot": ["snapshot", "--timeline", str(events), "--by", "Ana"],
        "sipri": ["sipri", str(ROOT / "tests" / "fixtures" / "sipri" / "id-layout.csv"),
                  "--timeline", str(events)],
    }


def test_every_printing_command_is_tried_with_a_reader_gone(tmp_path):
    covered = {case.split("-")[0] for case in _closed_early_cases(tmp_path)}
    assert covered == set(cli.subcommands()), "add the new command to _closed_early_cases"


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
@pytest.mark.parametrize("case", ["dates", "dates-timeml", "check", "check-invalid", "scan",
                                  "merge", "schema", "schema-check", "sources", "diff",
                                  "snapshot", "sipri"])
def test_a_reader_gone_ends_the_command_quietly(tmp_path, case, stream):
    args = _closed_early_cases(tmp_path)[case]
    # the read end closes before the command has started: every write meets a closed pipe
    proc = subprocess.Popen([sys.executable, "-m", "extract", *args], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    getattr(proc, stream).close()
    other = (proc.stderr if stream == "stdout" else proc.stdout).read().decode()
    proc.wait(timeout=120)
    assert "Traceback" not in other and "Exception ignored" not in other, other
    # the stream the command writes to is the one closed: 141, as a shell reports for cat
    writes_to = "stderr" if case == "check-invalid" else "stdout"
    if stream == writes_to:
        assert proc.returncode == 141 and other == "", (proc.returncode, other)
    else:
        assert proc.returncode == (1 if case == "check-invalid" else 0), other


def test_dates_into_head_prints_no_traceback(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE_TEXT * 50, encoding="utf-8")  # more than a pipe holds
    proc = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m extract dates --published 2023-05-31 {article}"
                       " | head -n 2"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert len(proc.stdout.splitlines()) == 2


def test_a_broken_pipe_elsewhere_is_not_hidden(monkeypatch):
    # only a reader of stdout or stderr gone is quiet; another pipe breaking is a bug to see
    def broken(args):
        raise BrokenPipeError("a worker's pipe")

    monkeypatch.setitem(cli.COMMANDS, "check", broken)
    with pytest.raises(BrokenPipeError):
        cli.main(["check", "events.yaml"])

"""Conventions are tested too: the README's commands are the ones CI and users run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(heading: str) -> str:
    section = README.split(heading, 1)[1]
    return re.search(r"```bash\n(.+?)\n```", section, re.S).group(1).strip()


def test_ci_runs_the_readme_test_command():
    command = _block_after("## Run the tests")
    assert "pytest" in command
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_runs_the_dashboard_on_the_bundled_timeline():
    command = _block_after("## Run the dashboard")
    assert "streamlit run dashboard/app.py" in command
    assert (ROOT / "dashboard" / "app.py").exists() and (ROOT / "events.yaml").exists()


def test_every_subcommand_is_documented():
    from extract import cli

    names = cli.subcommands()
    assert "check" in names
    for name in names:
        assert f"python -m extract {name}" in README, f"README does not document '{name}'"

"""Conventions are tested too: the README's commands are the ones CI and users run."""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(heading: str) -> str:
    section = README.split(heading, 1)[1]
    return re.search(r"```bash\n(.+?)\n```", section, re.S).group(1).strip()


def test_ci_runs_the_readme_test_command():
    command = _block_after("## Run the tests")
    assert "pytest" in command
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_runs_the_dashboard_on_the_bundled_timeline(monkeypatch):
    command = _block_after("## Run the dashboard")
    assert command.endswith(".venv/bin/arms-timeline")
    # the console script is declared and names a real function, which serves the bundled file
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"]
    module, function = scripts["arms-timeline"].split(":")
    main = getattr(importlib.import_module(module), function)
    assert callable(main) and main.__module__ == "dashboard.serve"
    from dashboard import serve

    monkeypatch.delenv("ARMS_EVENTS", raising=False)
    assert serve.APP.exists() and (ROOT / "events.yaml").exists()
    assert serve.launch_command([])[-2:] == ["--events", str(ROOT / "events.yaml")]


@pytest.mark.parametrize("heading, lock", [("## Run the dashboard", "requirements/app.lock"),
                                           ("## Run the tests", "requirements/test.lock")])
def test_the_readme_commands_install_from_the_lock(heading, lock):
    command = _block_after(heading)
    assert len(command.splitlines()) == 1  # one line to paste
    # pip itself first, from its lock: Python 3.11's own pip refuses the locks (requirements/
    # pip.in says why)
    assert command.startswith("python3 -m venv .venv && .venv/bin/python -m pip install -q "
                              "--require-hashes -r requirements/pip.lock && ")
    assert f"pip install -q --require-hashes -r {lock} && " in command
    assert "pip install -q --no-deps --no-build-isolation -e . && " in command


def test_every_subcommand_is_documented():
    from extract import cli

    names = cli.subcommands()
    assert "check" in names
    for name in names:
        assert f"python -m extract {name}" in README, f"README does not document '{name}'"

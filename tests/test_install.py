"""Reproducible installs: the locks agree with pyproject.toml, with each other and with the
README's refresh commands; CI's newest-dependencies step fails readably."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCKS = {"app": ROOT / "requirements" / "app.lock", "test": ROOT / "requirements" / "test.lock",
         "pip": ROOT / "requirements" / "pip.lock"}
# one pin: name==version, an optional environment marker, then its hashes
PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+?)(?: ; (.+?))? \\\n"
                 r"((?:    --hash=sha256:\w+(?: \\)?\n)+)", re.M)


def pins(lock: str) -> list[tuple[str, str, str]]:
    """(name, version, marker) of every pin of a lock; every pin has its hashes."""
    text = LOCKS[lock].read_text(encoding="utf-8")
    found = [(canonicalize_name(n), v, m or "") for n, v, m, _ in PIN.findall(text)]
    assert len(found) == len(re.findall(r"^\S+==", text, re.M)), "a pin without hashes"
    return found


def requirements(lock: str) -> list[Requirement]:
    project = PYPROJECT["project"]
    names = project["dependencies"] + PYPROJECT["build-system"]["requires"]
    if lock == "test":
        names += project["optional-dependencies"]["test"]
        names += project["optional-dependencies"]["browser"]
    return [Requirement(r) for r in names]


@pytest.mark.parametrize("lock", ["app", "test"])
def test_the_lock_meets_every_range_of_pyproject(lock):
    locked: dict[str, list[str]] = {}
    for name, version, _ in pins(lock):
        locked.setdefault(name, []).append(version)
    for req in requirements(lock):
        versions = locked.get(canonicalize_name(req.name))
        assert versions, f"{req.name} is not in {lock}.lock: refresh it (README, Installs)"
        for version in versions:
            assert req.specifier.contains(version, prereleases=True), (
                f"{lock}.lock pins {req.name} {version}, outside {req}: refresh it")


def test_the_app_lock_has_the_test_locks_pins():
    test = set(pins("test"))
    assert set(pins("app")) <= test
    assert {"pytest", "playwright"} <= {name for name, _, _ in test}


@pytest.mark.parametrize("lock", ["app", "test", "pip"])
def test_the_lock_was_made_by_the_readmes_refresh_command(lock):
    header = LOCKS[lock].read_text(encoding="utf-8").splitlines()[1]
    command = header.removeprefix("#").strip()
    assert command.startswith("uv pip compile ") and f"-o requirements/{lock}.lock" in command
    section = README.split("## Installs", 1)[1].split("\n## ", 1)[0]
    assert command in section.splitlines(), f"the README's refresh command is not {command!r}"


def test_the_installer_is_locked_as_pip_in_asks():
    wanted = [Requirement(line) for line in
              (ROOT / "requirements" / "pip.in").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")]
    assert [r.name for r in wanted] == ["pip"]
    ((name, version, _),) = pins("pip")
    assert name == "pip" and wanted[0].specifier.contains(version)


def test_the_build_backend_is_locked_as_pyproject_asks():
    build = (ROOT / "requirements" / "build.in").read_text(encoding="utf-8")
    wanted = [line for line in build.splitlines() if line and not line.startswith("#")]
    assert wanted == PYPROJECT["build-system"]["requires"]


def test_ci_runs_the_newest_dependencies_step_after_the_main_suite():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert run.index(".venv/bin/python -m pytest -n auto") < run.index("\n.ci/newest-deps\n")


def newest_deps(tmp_path: Path, test: str, lock: str = "pytest==0.0.1\n"
                ) -> subprocess.CompletedProcess[str]:
    """``.ci/newest-deps`` on this environment (no install) with one test file of its own,
    against a lock of its own (by default one this environment is newer than)."""
    (tmp_path / "test_drift.py").write_text(test, encoding="utf-8")
    (tmp_path / "drift.lock").write_text(lock, encoding="utf-8")
    env = {**os.environ, "ARMS_NEWEST_PYTHON": sys.executable,
           "ARMS_NEWEST_PYTEST": str(tmp_path / "test_drift.py"),
           "ARMS_NEWEST_LOCK": str(tmp_path / "drift.lock")}
    return subprocess.run(["bash", str(ROOT / ".ci" / "newest-deps")], capture_output=True,
                          text=True, env=env, timeout=300)


def test_newest_dependencies_failing_fails_ci_and_says_what_broke(tmp_path):
    proc = newest_deps(tmp_path, "import yaml\n\n\ndef test_loads():\n"
                                 "    assert yaml.safe_load('a: 1') == {'a': 2}, 'on purpose'\n")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stderr.splitlines()
    assert lines and all(line.startswith("newest dependencies: ") for line in lines), lines
    assert "the suite fails with the newest versions" in lines[0]
    assert any("FAILED" in line and "test_drift.py::test_loads" in line for line in lines)
    assert any(re.search(r"1 failed in [\d.]+s", line) for line in lines)
    assert f"differ from {tmp_path / 'drift.lock'}:" in proc.stderr
    assert "pytest " in proc.stderr and "(lock 0.0.1)" in proc.stderr


def test_newest_dependencies_passing_names_what_is_newer_than_the_lock(tmp_path):
    proc = newest_deps(tmp_path, "def test_fine():\n    pass\n")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"^newest dependencies: ok: 1 passed", proc.stdout, re.M), proc.stdout
    assert "(lock 0.0.1)" in proc.stdout  # what is newer than the lock


def test_newest_dependencies_that_are_the_locks_run_nothing_again(tmp_path):
    # every installed distribution pinned at its installed version: the main suite ran on these
    from importlib import metadata

    lock = "".join(f"{d.metadata['Name']}=={d.version}\n" for d in metadata.distributions())
    proc = newest_deps(tmp_path, "def test_would_fail():\n    assert False\n", lock)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("newest dependencies: ok: the newest versions"), proc.stdout
    assert "nothing to run again" in proc.stdout and "passed" not in proc.stdout

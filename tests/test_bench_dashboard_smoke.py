"""Smoke test of the dashboard benchmark: the generator writes a valid timeline, and the bench
runs end to end in a real browser on a tiny one. Figures are not checked (speed is not a test)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from extract.timeline import load
from tests.bench_modules import BENCH
from tests.bench_modules import load as load_bench

CHROMIUM = Path("/usr/bin/chromium")


make_timeline = load_bench("make_timeline")


def test_make_timeline_writes_a_file_load_accepts(tmp_path):
    path = make_timeline.write_timeline(tmp_path, 50)
    timeline = load(path, cache=False)
    assert len(timeline.events) == 50
    assert len(timeline.sources) == 10
    assert {e.date.precision for e in timeline.events} == {"day", "month", "year"}
    assert len({e.type for e in timeline.events}) == 5
    assert any(e.end is not None for e in make_timeline.make_timeline(500).events)
    assert all(1 <= len(e.evidence) <= 3 for e in timeline.events)


def test_make_timeline_is_deterministic(tmp_path):
    a = make_timeline.write_timeline(tmp_path / "a", 20)
    b = make_timeline.write_timeline(tmp_path / "b", 20)
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.browser
def test_bench_runs_in_a_real_browser(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium to run the bench")
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("playwright is not installed: pip install 'arms-timeline[browser]'")
    if importlib.util.find_spec("psutil") is None:
        pytest.skip("psutil is not installed: pip install psutil")
    # a separate process: the browser tests' Playwright session may be running in this one,
    # and Playwright's sync API allows one per process
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "dashboard_bench.py"), "--sizes", "50,3000", "--repeat", "1",
         "--timelines", str(tmp_path / "tl"), "--cache-dir", str(tmp_path / "cache"),
         "--timeout", "150", "--json", str(out)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    printed = proc.stdout
    assert "1st chart s" in printed and "filter s" in printed and "click s" in printed
    assert "load average" in printed
    row = printed.splitlines()[printed.splitlines().index(
        next(line for line in printed.splitlines() if "1st chart s" in line)) + 1].split()
    assert row[0] == "50"
    import json

    small, large = json.loads(out.read_text())["results"]
    assert (small["zooms"], small["cells"]) == (0, 0) and small["marks"] > 0
    # 3,000 events open as counts; filtered to deals they are still too many, so the bench
    # zooms into the busiest cell before it clicks a mark
    assert large["marks"] == 0 and large["cells"] > 0 and large["zooms"] >= 1

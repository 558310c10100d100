"""dashboard.serve: the app in a child process on 127.0.0.1, healthy, and always stopped."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from dashboard.serve import command, running

RICH = Path(__file__).parent / "fixtures" / "dashboard" / "rich.yaml"


def test_command_listens_on_loopback_only_without_statistics():
    cmd = command(RICH, 8501)
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"
    assert cmd[cmd.index("--browser.gatherUsageStats") + 1] == "false"
    assert cmd[-2:] == ["--events", str(RICH)]


def test_the_server_answers_then_is_stopped_even_after_an_error(tmp_path):
    with pytest.raises(KeyError), running(RICH, log=tmp_path / "st.log") as (base, proc):
        assert base.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(base + "/_stcore/health", timeout=5) as r:
            assert r.status == 200
        raise KeyError("the caller failed")
    assert proc.poll() is not None
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/_stcore/health", timeout=2)

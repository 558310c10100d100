"""dashboard.serve: the app in a child process on 127.0.0.1, healthy, and always stopped."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from dashboard import serve
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


# --------------------------------------------------------------------------------------------
# arms-timeline: the console script
# --------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def _pairs(flags: list[str]) -> dict[str, str]:
    return dict(zip(flags[::2], flags[1::2], strict=True))


def test_the_settings_are_those_of_the_config_file():
    # the file holds in the checkout only; the flags hold from any folder: the same settings
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    expected = {f"--{section}.{key}": str(value).lower() if isinstance(value, bool) else str(value)
                for section, values in config.items() for key, value in values.items()}
    assert _pairs(serve.SETTINGS) == expected


def test_the_server_does_not_collect_every_object_after_each_run():
    # Streamlit's default gc.collect(2) after every run walked a 50,000-event timeline's
    # objects on each click (0.37 s of the Review page's 1.2 s of server CPU)
    assert _pairs(serve.SETTINGS)["--runner.postScriptGC"] == "false"


def test_launch_runs_the_packaged_app_with_the_settings_then_the_callers_flags(tmp_path):
    events = tmp_path / "events.yaml"
    events.write_text("version: 1\n", encoding="utf-8")
    cmd = serve.launch_command(["--server.port", "8502", "--events", str(events),
                                "--theme.base", "dark"])
    assert cmd[:5] == [sys.executable, "-m", "streamlit", "run", str(serve.APP)]
    assert serve.APP.is_file()
    flags = cmd[5:cmd.index("--")]
    assert flags == [*serve.SETTINGS, "--server.port", "8502", "--theme.base", "dark"]
    assert cmd[cmd.index("--") + 1:] == ["--events", str(events)]


def test_launch_takes_the_streamlit_form_and_makes_the_file_absolute(tmp_path, monkeypatch):
    (tmp_path / "mine.yaml").write_text("version: 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cmd = serve.launch_command(["--", "--events=mine.yaml"])
    assert cmd.count("--") == 1 and cmd[-1] == str(tmp_path / "mine.yaml")


def test_launch_defaults_to_the_environment_then_the_bundled_timeline(tmp_path, monkeypatch):
    monkeypatch.delenv("ARMS_EVENTS", raising=False)
    assert serve.launch_command([])[-1] == str(ROOT / "events.yaml")
    monkeypatch.setenv("ARMS_EVENTS", str(RICH))
    assert serve.launch_command([])[-1] == str(RICH)


@pytest.mark.parametrize("argv, env, words", [
    (["--events", "nope.yaml"], None, "nope.yaml: no such file; expected a timeline YAML file"),
    (["--events"], None, "--events needs a file; expected --events FILE"),
    ([], "nope.yaml", "nope.yaml: no such file"),
])
def test_launch_refuses_a_missing_file_with_what_was_expected(tmp_path, monkeypatch, capsys,
                                                              argv, env, words):
    monkeypatch.chdir(tmp_path)
    if env:
        monkeypatch.setenv("ARMS_EVENTS", env)
    assert serve.main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("arms-timeline: ") and words in err and err.count("\n") == 1, err


def test_launch_without_a_bundled_timeline_says_what_to_give(monkeypatch, capsys, tmp_path):
    # an install from a wheel has no events.yaml beside the package
    monkeypatch.delenv("ARMS_EVENTS", raising=False)
    monkeypatch.setattr("dashboard.data.DEFAULT_EVENTS", tmp_path / "events.yaml")
    assert serve.main([]) == 1
    assert capsys.readouterr().err == (
        "arms-timeline: no timeline file given, and none comes with this install; expected "
        "--events FILE or ARMS_EVENTS=FILE\n")


def test_the_console_script_serves_the_bundled_timeline_from_any_folder(tmp_path):
    script = Path(sys.executable).parent / "arms-timeline"
    # the installed script when there is one (the README's command), else its function
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "dashboard.serve"]
    port = serve.free_port()
    env = {k: v for k, v in os.environ.items() if k != "ARMS_EVENTS"}
    env["PYTHONPATH"] = str(ROOT)  # for `-m dashboard.serve` only; the script needs none
    log = tmp_path / "st.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([*cmd, "--server.port", str(port), "--server.fileWatcherType",
                                 "none"], cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
                                env=env)
        try:
            deadline = time.monotonic() + 60
            while True:
                assert proc.poll() is None, log.read_text()
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                                timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)  # polling the health endpoint
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    printed = log.read_text()
    # loopback only, and no web service asked for the machine's external address
    assert f"URL: http://127.0.0.1:{port}" in printed, printed
    assert "Network URL" not in printed and "External URL" not in printed, printed


def test_launch_passes_the_roles_file_and_the_store_to_the_app(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    events = tmp_path / "events.yaml"
    events.write_text("version: 1\n")
    cmd = serve.launch_command(["--events", str(events), "--candidates", "c.db",
                                "--team=roles.toml", "--server.port", "8502"])
    assert cmd[cmd.index("--"):] == ["--", "--events", str(events),
                                     "--candidates", str(tmp_path / "c.db"),
                                     "--team", str(tmp_path / "roles.toml")]
    assert cmd[cmd.index("--") - 2:cmd.index("--")] == ["--server.port", "8502"]
    with pytest.raises(ValueError, match="--candidates needs a file"):
        serve.launch_command(["--candidates"])

"""Starting the dashboard.

``arms-timeline`` (:func:`main`, the console script): ``streamlit run`` of the packaged app
with the settings of ``.streamlit/config.toml`` given as flags, so that it behaves the same
from any folder.

:func:`running`: the dashboard in a child process on a free 127.0.0.1 port, for programs that
drive it (the browser tests, ``bench/dashboard_bench.py``): started, waited on until healthy,
and always stopped (terminate, then kill).

>>> with running(Path("events.yaml"), log=Path("streamlit.log")) as (base, proc):  # doctest: +SKIP
...     urllib.request.urlopen(base + "/_stcore/health")
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
# .streamlit/config.toml as flags (the file applies only when streamlit starts in the
# checkout): loopback only (which also keeps Streamlit from asking a web service for the
# machine's external address), no usage statistics, no browser opened, the viewer's toolbar,
# no tracebacks shown, uploads over 5 MB refused by the server (dashboard.review.MAX_ARTICLE_MB),
# no full garbage collection after each run (it walked a large timeline's objects every click)
SETTINGS = ["--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
            "--server.headless", "true", "--server.runOnSave", "false",
            "--client.toolbarMode", "viewer", "--client.showErrorDetails", "none",
            "--theme.base", "light", "--server.maxUploadSize", "5",
            "--runner.postScriptGC", "false"]
APP_OPTIONS = ("--team", "--candidates", "--sipri")  # roles; candidate store; SIPRI register
USAGE = """\
usage: arms-timeline [--events FILE] [--team FILE] [--candidates FILE] [--sipri FILE]
                     [STREAMLIT OPTIONS]

The dashboard on FILE (else $ARMS_EVENTS, else the checkout's events.yaml), the same from any
folder; --team: the roles file (else $ARMS_TEAM, else team.toml beside the timeline);
--candidates: an archive's candidate store for Review (else $ARMS_CANDIDATES, else
candidates.db beside the timeline when there is one); --sipri: a SIPRI trade register for
the SIPRI page (else $ARMS_SIPRI). Other options go to `streamlit run`
(`streamlit run --help`) and win over this command's settings, e.g. --server.port 8502
--theme.base dark."""


def free_port() -> int:
    """A TCP port nothing listens on now, on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def command(events: Path, port: int, app: Path = APP, args: Sequence[str] = ()) -> list[str]:
    """``streamlit run`` of the app on ``events``: loopback only, headless, no usage
    statistics, no file watcher. ``app``: another script run the same way (a benchmark's
    baseline page); ``args``: more Streamlit options (after these, so they win)."""
    return [sys.executable, "-m", "streamlit", "run", str(app), *SETTINGS,
            "--server.port", str(port), "--server.fileWatcherType", "none", *args,
            "--", "--events", str(events)]


def launch_command(argv: Sequence[str]) -> list[str]:
    """The ``streamlit run`` that ``arms-timeline ARGV`` runs; ``--events FILE`` is the app's,
    the other arguments are Streamlit's (after this command's settings, so they win).

    Raises ValueError, with what was expected, when there is no timeline file to show.
    """
    from dashboard.data import ENV_VAR, events_path

    events: str | None = None
    rest: list[str] = []
    app_args: list[str] = []  # the app's own options besides --events: passed after `--`
    args = [a for a in argv if a != "--"]  # `-- --events FILE`, as for streamlit run, too
    i = 0
    while i < len(args):
        name = args[i].split("=", 1)[0]
        if name in ("--events", *APP_OPTIONS):
            if "=" in args[i]:
                value, i = args[i].split("=", 1)[1], i + 1
            elif i + 1 == len(args):
                raise ValueError(f"{name} needs a file; expected {name} FILE")
            else:
                value, i = args[i + 1], i + 2
            if name == "--events":
                events = value
            else:
                app_args += [name, str(Path(value).absolute())]
        else:
            rest.append(args[i])
            i += 1
    path = Path(events) if events else events_path([])
    if not path.is_file() and (events or os.environ.get(ENV_VAR)):
        raise ValueError(f"{path}: no such file; expected a timeline YAML file")
    if not path.is_file():  # installed from a wheel, not from a checkout
        raise ValueError(f"no timeline file given, and none comes with this install; expected "
                         f"--events FILE or {ENV_VAR}=FILE")
    return [sys.executable, "-m", "streamlit", "run", str(APP), *SETTINGS, *rest,
            "--", "--events", str(path.absolute()), *app_args]


def main(argv: Sequence[str] | None = None) -> int:
    """``arms-timeline``: run the dashboard (this process becomes ``streamlit run``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "-h" in args or "--help" in args:
        print(USAGE)
        return 0
    try:
        cmd = launch_command(args)
    except ValueError as exc:
        print(f"arms-timeline: {exc}", file=sys.stderr)
        return 1
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(cmd[0], cmd)
    return 0  # not reached: execv returns only by raising


@contextmanager
def running(events: Path, *, log: Path, env: Mapping[str, str] | None = None,
            timeout: float = 60, app: Path = APP, port: int | None = None,
            args: Sequence[str] = (),
            ) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run the dashboard on ``events`` (its output to ``log``); yields (base URL, process)
    once ``/_stcore/health`` answers; stops it on leaving, whatever happened.

    ``env``: variables added to this process's environment (``ARMS_EVENTS`` and
    ``ARMS_TEAM`` are dropped, so that the files given are the ones used). ``app``: another
    script, run the same way. ``port``: a port chosen beforehand (a sign-in test names it in
    its settings), else a free one; ``args``: more Streamlit options.
    """
    port = port or free_port()
    environment = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    environment.pop("ARMS_EVENTS", None)
    environment.pop("ARMS_TEAM", None)
    environment.update(env or {})
    base = f"http://127.0.0.1:{port}"
    with open(log, "wb") as out:
        proc = subprocess.Popen(command(events, port, app, args), cwd=ROOT, stdout=out,
                                stderr=subprocess.STDOUT, env=environment)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"streamlit exited with {proc.returncode}; see {log}")
                try:
                    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not become healthy in {timeout}s; "
                                       f"see {log}")
                time.sleep(0.2)  # polling the health endpoint, not waiting on the page
            yield base, proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())

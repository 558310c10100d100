"""The dashboard in a child process on a free 127.0.0.1 port, for programs that drive it
(the browser tests, ``bench/dashboard_bench.py``): started, waited on until healthy, and always
stopped (terminate, then kill).

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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"


def free_port() -> int:
    """A TCP port nothing listens on now, on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def command(events: Path, port: int) -> list[str]:
    """``streamlit run`` of the app on ``events``: loopback only, headless, no usage
    statistics, no file watcher."""
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.address", "127.0.0.1", "--server.port", str(port),
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--", "--events", str(events)]


@contextmanager
def running(events: Path, *, log: Path, env: Mapping[str, str] | None = None,
            timeout: float = 60) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run the dashboard on ``events`` (its output to ``log``); yields (base URL, process)
    once ``/_stcore/health`` answers; stops it on leaving, whatever happened.

    ``env``: variables added to this process's environment (``ARMS_EVENTS`` is dropped, so
    that the file given is the one shown).
    """
    port = free_port()
    environment = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    environment.pop("ARMS_EVENTS", None)
    base = f"http://127.0.0.1:{port}"
    with open(log, "wb") as out:
        proc = subprocess.Popen(command(events, port), cwd=ROOT, stdout=out,
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

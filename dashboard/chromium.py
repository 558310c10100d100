"""Debian's Chromium, started offline, for the pictures and the PDF (Streamlit-free).

Nothing is downloaded: the browser is the one installed (``/usr/bin/chromium``, or the path in
``$ARMS_CHROMIUM``), never a build fetched by kaleido's ``get_chrome()`` or Playwright, and it
starts with the flags that keep it off the network (no QUIC, no background requests, no
component updates, no sync). A missing or failing browser is a :class:`ChromiumError` whose
message says why, in one line, for the caller to show.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

ENV_VAR = "ARMS_CHROMIUM"
DEFAULT = Path("/usr/bin/chromium")
# every start: headless, and nothing that reaches for the network on its own
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
PRINT_TIMEOUT_S = 90


class ChromiumError(Exception):
    """Chromium is missing or did not do what was asked; the message says which, in words."""


def chromium_path() -> Path:
    """The browser to start: ``$ARMS_CHROMIUM`` if set, else Debian's ``/usr/bin/chromium``."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT)


def require_chromium() -> Path:
    """The browser's path; raises :class:`ChromiumError` when there is no program there."""
    path = chromium_path()
    if not path.is_file() or not os.access(path, os.X_OK):
        raise ChromiumError(
            f"no Chromium at {path} (install Debian's chromium, or set {ENV_VAR} to its path)")
    return path


@contextlib.contextmanager
def offline_launcher() -> Iterator[Path]:
    """A launcher script that starts the browser with :data:`FLAGS` before its caller's own.

    kaleido (through choreographer) starts the browser with flags of its own and takes no
    others; it is given this script as the browser, so every start is offline all the same.
    """
    browser = require_chromium()
    with tempfile.TemporaryDirectory(prefix="arms-chromium-") as tmp:
        launcher = Path(tmp) / "chromium"
        launcher.write_text("#!/bin/sh\nexec " + " ".join(
            shlex.quote(a) for a in (str(browser), *FLAGS)) + ' "$@"\n', encoding="utf-8")
        launcher.chmod(0o700)
        yield launcher


def print_to_pdf(page: bytes, *, timeout: float = PRINT_TIMEOUT_S) -> bytes:
    """``page`` (a self-contained HTML document) printed to PDF by headless Chromium.

    The page is opened from a temporary file with a fresh profile; its own ``@page`` rules set
    the paper and margins (Chromium's header and footer are off). Raises
    :class:`ChromiumError` when the browser is missing, fails or takes over ``timeout``.
    """
    browser = require_chromium()
    with tempfile.TemporaryDirectory(prefix="arms-pdf-") as tmp:
        src, out = Path(tmp) / "briefing.html", Path(tmp) / "briefing.pdf"
        src.write_bytes(page)
        command = [str(browser), *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}",
                   "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ChromiumError(f"Chromium took over {timeout:.0f} s to print the PDF") from None
        except OSError as exc:
            raise ChromiumError(f"Chromium could not start: {exc.strerror or exc}") from None
        if not out.is_file() or out.stat().st_size == 0:
            last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
            raise ChromiumError(f"Chromium printed no PDF (exit code {done.returncode})"
                                + (f": {last[:200]}" if last else ""))
        return out.read_bytes()

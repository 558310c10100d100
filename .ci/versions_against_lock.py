"""Which installed distributions differ from a lock file: one line each, for the newest-
dependencies step of CI (``.ci/newest-deps``).

usage: python .ci/versions_against_lock.py [--check] LOCK [PREFIX]

Runs in the environment to compare (it reads that interpreter's installed distributions).
Prints ``PREFIX`` then ``pandas 3.2.0 (lock 3.1.1)`` per changed version; packages installed
but not in the lock are named too (locked ones not installed are not: the lock may hold extras
this environment did not ask for). Exit 0 whatever it finds; with ``--check``, exit 3 when
something differs (the newest-dependencies step skips its run when nothing does).
"""

from __future__ import annotations

import re
import sys
from importlib import metadata

from packaging.markers import Marker
from packaging.utils import canonicalize_name

PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$", re.M)
IGNORED = {"pip", "setuptools", "wheel", "arms-timeline"}  # the venv's own and the project


def locked(text: str) -> dict[str, str]:
    """name -> version of the pins that apply to this interpreter."""
    pins = {}
    for name, version, marker in PIN.findall(text):
        if not marker or Marker(marker).evaluate():
            pins[canonicalize_name(name)] = version
    return pins


def installed() -> dict[str, str]:
    return {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}


def differences(lock: dict[str, str], have: dict[str, str]) -> list[str]:
    changed = [f"{n} {have[n]} (lock {lock[n]})" for n in sorted(lock)
               if n in have and have[n] != lock[n] and n not in IGNORED]
    extra = [f"{n} {have[n]} (not in the lock)" for n in sorted(set(have) - set(lock) - IGNORED)]
    return changed + extra


def main(argv: list[str]) -> int:
    check = argv[:1] == ["--check"]
    argv = argv[1:] if check else argv
    lock_path, prefix = argv[0], (argv[1] if len(argv) > 1 else "")
    with open(lock_path, encoding="utf-8") as f:
        lock = locked(f.read())
    found = differences(lock, installed())
    if not found:
        print(f"{prefix}the installed versions are those of {lock_path}")
    for line in found:
        print(f"{prefix}{line}")
    return 3 if check and found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

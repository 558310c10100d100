"""Writing a file safely: atomic replacement (:func:`atomic_writer`) and the writers' lock of
a timeline file (:func:`timeline_lock`)."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: the in-process lock still holds across a server's threads
    fcntl = None  # type: ignore[assignment]

@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[Any]:
    """A binary file handle whose content replaces ``path`` atomically when the block ends.

    Readers see the old file or the new one, never a mix: the bytes go to a temporary file in
    the same folder, are flushed to disk, and the file is renamed over ``path`` (``os.replace``
    is atomic on POSIX), keeping the old file's permissions. If the block raises, the
    temporary file is removed and ``path`` is untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, os.stat(target).st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as fh:
        fh.write(data)


_THREAD_LOCKS: dict[str, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


@contextlib.contextmanager
def timeline_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the writers' lock of a timeline file: a lock within this process (threads of one
    server) and an advisory lock on ``.NAME.lock`` beside the file (other processes).

    Readers never take it (they see the old file or the new one: writes are atomic renames).
    Raises ``OSError`` when the lock file cannot be created (a missing or read-only folder).
    """
    target = Path(os.path.abspath(path))
    with _THREAD_LOCKS_GUARD:
        local = _THREAD_LOCKS.setdefault(str(target), threading.Lock())
    with local:
        lock_path = target.parent / f".{target.name}.lock"
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock

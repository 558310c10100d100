"""Reading a timeline file: its encoding (UTF-8, or UTF-16/32 with a byte-order mark),
:func:`load`, and the parse cache that spares re-parsing a large file that validated before."""

from __future__ import annotations

import collections
import contextlib
import hashlib
import json
import logging
import os
import tempfile
import threading
from pathlib import Path

from extract.timeline.errors import Problem, TimelineError
from extract.timeline.model import SCHEMA_VERSION, Timeline
from extract.timeline.validate import parse

# the package's logger, as before it was split: log lines name extract.timeline
log = logging.getLogger("extract.timeline")

# YAML files may be UTF-8, UTF-16 or UTF-32 with a byte-order mark (YAML 1.2, 5.2); the
# longest mark first, as the UTF-32 LE mark starts with the UTF-16 LE one
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _encoding_of(raw: bytes) -> tuple[bytes, str]:
    """(byte-order mark, codec) of a file's bytes; ``(b"", "utf-8")`` without a mark."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return bom, codec
    return b"", "utf-8"


def _read_text(path: Path) -> tuple[str, bytes]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise TimelineError(
            [Problem(str(path), None, "", None, "no such file; expected a timeline YAML file")]
        ) from None
    except IsADirectoryError:
        raise TimelineError(
            [Problem(str(path), None, "", None, "is a folder; expected a timeline YAML file")]
        ) from None
    except OSError as exc:
        raise TimelineError(
            [Problem(str(path), None, "", None, f"cannot read: {exc.strerror}")]
        ) from None
    bom, codec = _encoding_of(raw)
    try:
        return raw[len(bom):].decode(codec), raw
    except UnicodeDecodeError as exc:
        what = "UTF-8 text" if not bom else f"{codec.upper()} text despite its byte-order mark"
        raise TimelineError(
            [Problem(str(path), None, "", None,
                     f"not {what} (bad byte at offset {exc.start + len(bom)}); expected a UTF-8 "
                     "YAML file")]
        ) from None


# The parse cache: a validated file's content as JSON, keyed on the file's bytes and the model.
# YAML parsing (PyYAML's Python-level constructor) costs about 0.4 s per MB, re-validating the
# same content from JSON with pydantic's Rust parser a small fraction of that; a 45 MB timeline
# opens in seconds instead of ~20 s in every new server process.
CACHE_ENV = "ARMS_CACHE_DIR"
_CACHE_FORMAT = 1
_CACHE_MIN_BYTES = 64 * 1024  # below this, parsing takes milliseconds: not worth a file
_CACHE_KEEP = 8  # newest cache files kept; older ones are removed after a write
_fingerprint: str | None = None


def cache_dir() -> Path:
    """``$ARMS_CACHE_DIR``, else ``$XDG_CACHE_HOME/arms-timeline``, else
    ``~/.cache/arms-timeline``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "arms-timeline"


def model_fingerprint() -> str:
    """What the cache depends on besides the file: format, model, validators, pydantic.

    The source of this package is part of it, so that a change to a validator (which the JSON
    Schema would not show) invalidates every cached file too.
    """
    global _fingerprint
    if _fingerprint is None:
        import pydantic

        h = hashlib.sha256()
        for part in (str(_CACHE_FORMAT), str(SCHEMA_VERSION), pydantic.VERSION,
                     json.dumps(Timeline.model_json_schema(), sort_keys=True)):
            h.update(part.encode() + b"\0")
        try:  # every module of the package: a validator may live in any of them
            for source in sorted(Path(__file__).parent.glob("*.py")):
                h.update(source.read_bytes())
        except OSError:
            h.update(b"no source")
        _fingerprint = h.hexdigest()
    return _fingerprint


def _cache_file(digest: str) -> Path:
    return cache_dir() / f"{digest}-{model_fingerprint()[:16]}.json"


def _cache_read(digest: str) -> Timeline | None:
    """The cached timeline for a file's sha256, or None (missing, stale, corrupt, foreign)."""
    path = _cache_file(digest)
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                log.warning("parse cache %s belongs to another user; ignored", path)
                return None
            blob = fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("cannot read parse cache %s (%s); parsing the YAML", path, exc)
        return None
    try:
        head, _, payload = blob.partition(b"\n")
        header = json.loads(head)
        if not (isinstance(header, dict)
                and header.get("format") == _CACHE_FORMAT
                and header.get("file_sha256") == digest
                and header.get("model") == model_fingerprint()
                and header.get("payload_sha256") == hashlib.sha256(payload).hexdigest()):
            raise ValueError("header does not match this file and model")
        return Timeline.model_validate_json(payload)
    except Exception as exc:  # noqa: BLE001 - whatever is wrong with it, the YAML decides
        log.warning("ignoring parse cache %s (%s); parsing the YAML", path, exc)
        return None


def _cache_write(digest: str, timeline: Timeline) -> None:
    """Store a validated timeline; any failure is logged and ignored."""
    try:
        folder = cache_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        payload = timeline.model_dump_json().encode("utf-8")
        header = json.dumps({
            "format": _CACHE_FORMAT,
            "file_sha256": digest,
            "model": model_fingerprint(),
            "payload_sha256": hashlib.sha256(payload).hexdigest(),
        }).encode("ascii")
        target = _cache_file(digest)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:  # mkstemp: mode 0600
                fh.write(header + b"\n" + payload)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _cache_prune(folder)
    except Exception as exc:  # noqa: BLE001 - a cache must never break loading
        log.warning("cannot write the parse cache (%s); loading works without it", exc)


def _cache_prune(folder: Path) -> None:
    entries = []
    for p in folder.glob("*.json"):
        with contextlib.suppress(OSError):
            entries.append((p.stat().st_mtime_ns, p))
    for _, p in sorted(entries, reverse=True)[_CACHE_KEEP:]:
        with contextlib.suppress(OSError):
            p.unlink()


# The timelines read or written last in this process, by the sha256 of the file's bytes: the
# dashboard's tables and the Review page's editor of one file version share one parse (at
# 50,000 events even the parse cache takes seconds to re-validate).
_MEMO: collections.OrderedDict[str, Timeline] = collections.OrderedDict()
_MEMO_KEEP = 2
_MEMO_LOCK = threading.Lock()


def _memo_get(digest: str) -> Timeline | None:
    with _MEMO_LOCK:
        found = _MEMO.get(digest)
        if found is not None:
            _MEMO.move_to_end(digest)
        return found


def _memo_put(digest: str, timeline: Timeline) -> None:
    with _MEMO_LOCK:
        _MEMO[digest] = timeline
        _MEMO.move_to_end(digest)
        while len(_MEMO) > _MEMO_KEEP:
            _MEMO.popitem(last=False)


def _parsed(text: str, raw: bytes, *, file: str, cache: bool = True,
            digest: str | None = None) -> Timeline:
    """The validated timeline of a file's text (``raw``: its bytes; ``digest``: their SHA-256
    when the caller has it): from this process's memo or the parse cache when the same bytes
    validated before, else parsed (and kept)."""
    if not (cache and len(raw) >= _CACHE_MIN_BYTES):
        return parse(text, file=file)
    digest = digest or hashlib.sha256(raw).hexdigest()
    found = _memo_get(digest) or _cache_read(digest)
    if found is None:
        found = parse(text, file=file)
        _cache_write(digest, found)
    _memo_put(digest, found)
    return found


def _remember(raw: bytes, timeline: Timeline) -> None:
    """A writer's note that ``raw`` (bytes it just wrote) reads as ``timeline``, which it
    validated: the next :func:`load` of those bytes in this process needs no parse. The
    parse cache on disk (for other processes) is written a moment later in the background,
    once for a burst of writes (a curator's decisions one after another), or at once by
    :func:`flush_parse_cache`."""
    global _PENDING
    if len(raw) < _CACHE_MIN_BYTES:
        return
    digest = hashlib.sha256(raw).hexdigest()
    _memo_put(digest, timeline)
    with _MEMO_LOCK:
        if _PENDING is not None:
            _PENDING.cancel()
        _PENDING = threading.Timer(_CACHE_DELAY, _cache_write, args=(digest, timeline))
        _PENDING.name = "timeline-parse-cache"
        _PENDING.start()


_CACHE_DELAY = 3.0  # seconds after the last write
_PENDING: threading.Timer | None = None


def flush_parse_cache() -> None:
    """Write the pending parse cache entry now (a command about to exit)."""
    global _PENDING
    with _MEMO_LOCK:
        pending, _PENDING = _PENDING, None
    if pending is not None:
        pending.cancel()
        _cache_write(*pending.args)


def load(path: str | os.PathLike[str], *, cache: bool = True) -> Timeline:
    """Read and validate a timeline file (fast path: C-accelerated safe loader).

    With ``cache`` (the default), a file that validated before (the same bytes, the same
    model) is read from the parse cache in :func:`cache_dir` instead of being parsed again;
    a missing, stale or damaged cache entry just means parsing the YAML. Files under 64 KB
    are not cached. Invalid files are never cached.

    Raises :class:`TimelineError` with every problem, each naming ``path``.
    """
    text, raw = _read_text(Path(path))
    return _parsed(text, raw, file=str(path), cache=cache)

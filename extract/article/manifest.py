"""The sources.yaml manifest: :func:`load_manifest`, each entry checked and normalised, and
how an entry overrides what was detected in the article."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from extract.article.model import Article, ManifestError
from extract.article.published import normalize_published

_TEXT_FIELDS = ("file", "title", "author", "publisher", "url", "published_text", "language")


def _normalize_entry(entry: Any, where: str, loc: Any = None) -> dict[str, Any]:
    """Validate and normalise one manifest entry (raises ManifestError).

    ``loc(key)`` gives the location prefix for an error on ``key`` (default: ``where``).
    """
    if not isinstance(entry, dict):
        raise ManifestError(
            f"{where}: expected a mapping with a 'file' key, got {type(entry).__name__}"
        )
    out: dict[str, Any] = {}
    for k, v in entry.items():
        at = loc(k) if loc else where
        if k in _TEXT_FIELDS:
            if v is None:
                out[k] = None
                continue
            if not isinstance(v, str) or not v.strip():
                raise ManifestError(f"{at}: '{k}' must be non-empty text, got {v!r}")
            out[k] = " ".join(v.split())
        elif k == "published":
            try:
                out[k] = normalize_published(v)
            except ValueError as e:
                raise ManifestError(f"{at}: 'published' {e}") from None
        else:
            out[k] = v
    lang = out.get("language")
    if lang is not None and not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?", lang):
        at = loc("language") if loc else where
        raise ManifestError(f"{at}: 'language' must be a language code like 'en', got {lang!r}")
    return out


def _apply_entry(art: Article, entry: dict[str, Any]) -> None:
    for key in ("title", "author", "publisher", "url", "language"):
        if entry.get(key):
            setattr(art, key, entry[key])
    if entry.get("published"):
        art.published = entry["published"]
        art.published_text = entry.get("published_text")
        art.published_from = "manifest"


def load_manifest(path: str | Path) -> dict[str, dict]:
    """Read a sources.yaml manifest: ``{file name: entry}``.

    Expected shape: a mapping with a ``sources`` list (a bare list is accepted too) whose
    items are mappings with a non-empty ``file``; optional ``publisher``, ``author``,
    ``title``, ``url``, ``language`` (text) and ``published`` (YYYY, YYYY-MM, YYYY-MM-DD;
    YAML dates are accepted).  Unknown keys are kept.  Errors raise :class:`ManifestError`
    naming the file, the line and entry, and what was expected.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise ManifestError(
            f"{p}: cannot read manifest ({getattr(e, 'strerror', None) or e})"
        ) from None
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(raw)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise ManifestError(f"{p}: {line}invalid YAML ({e.problem or e.context})") from None
    except (YAMLError, ValueError) as e:  # ruamel raises ValueError for e.g. 2023-02-30
        raise ManifestError(f"{p}: invalid YAML ({' '.join(str(e).split())})") from None
    if data is None:
        raise ManifestError(f"{p}: manifest is empty; expected a mapping with a 'sources' list")
    if isinstance(data, dict):
        if "sources" not in data:
            raise ManifestError(
                f"{p}: expected a top-level 'sources' key (a list of entries), "
                f"found keys {sorted(map(str, data))}"
            )
        entries = data["sources"]
        if not isinstance(entries, list):
            ln = _lc_value(data, "sources")
            raise ManifestError(
                f"{p}: line {ln}: 'sources' must be a list of entries, got {type(entries).__name__}"
            )
    elif isinstance(data, list):
        entries = data
    else:
        raise ManifestError(
            f"{p}: expected a mapping with a 'sources' list, got {type(data).__name__}"
        )
    out: dict[str, dict] = {}
    lines: dict[str, int | None] = {}
    for i, e in enumerate(entries):
        line = _lc_item(entries, i)
        where = f"{p}: " + (f"line {line}, " if line else "") + f"entry {i + 1}"
        if not isinstance(e, dict):
            raise ManifestError(
                f"{where}: expected a mapping with a 'file' key, got {type(e).__name__}"
            )
        f = e.get("file")
        if not isinstance(f, str) or not f.strip():
            raise ManifestError(
                f"{where}: expected a 'file' key naming the article file, got {f!r}"
            )
        f = f.strip()

        def loc(key: str, e: Any = e, i: int = i, f: str = f) -> str:
            ln = _lc_value(e, key) or _lc_item(entries, i)
            return f"{p}: " + (f"line {ln}, " if ln else "") + f"entry {i + 1} ({f})"

        entry = _normalize_entry(dict(e), f"{where} ({f})", loc)
        if f in out:
            raise ManifestError(f"{where}: duplicate entry for {f!r} (first at line {lines[f]})")
        out[f] = entry
        lines[f] = line
    return out


def _lc_item(seq: Any, i: int) -> int | None:
    try:
        return seq.lc.item(i)[0] + 1
    except Exception:
        return None


def _lc_value(mapping: Any, key: str) -> int | None:
    try:
        return mapping.lc.value(key)[0] + 1
    except Exception:
        try:
            return mapping.lc.key(key)[0] + 1
        except Exception:
            return None

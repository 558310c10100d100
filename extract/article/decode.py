"""Decoding a file's bytes into text (:func:`decode_bytes`): byte-order marks, UTF-16 without
one, UTF-8, charset-normalizer, cp1252; binary and blank files refused."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from extract.article.model import ArticleError

# the package's logger, as before it was split: log lines name extract.article
logger = logging.getLogger("extract.article")


_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP/Office document"),
    (b"PK\x05\x06", "ZIP/Office document"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE/MS Office"),
    (b"\x7fELF", "ELF executable"),
]
_LATIN_SINGLE_BYTE = set(
    "cp1250 cp1252 cp1254 cp1257 iso8859_1 iso8859_13 iso8859_15 iso8859_16 iso8859_2 "
    "iso8859_9 latin_1 windows-1250 windows-1252 ".split()
)
_DECODE_TRIED = "tried utf-8, utf-16, charset-normalizer, cp1252"


def _binary_kind(data: bytes) -> str | None:
    if b"%PDF-" in data[:1024]:
        return "PDF"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


# C0/C1 control characters other than white space and the DOS end-of-file mark
_RE_CONTROL = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_RE_CONTROL.findall(text)) / len(text)


def decode_bytes(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)``. Newlines are normalised to \\n.

    Raises :class:`ArticleError` for empty, blank, binary or undecodable input.
    """
    if not data:
        raise ArticleError(path, "file is empty")
    kind = _binary_kind(data)
    if kind:
        raise ArticleError(path, f"binary file ({kind}), not an article")
    text: str | None = None
    enc: str | None = None
    boms = [
        (b"\xef\xbb\xbf", "utf-8-sig", 0),
        (b"\xff\xfe\x00\x00", "utf-32-le", 4),
        (b"\x00\x00\xfe\xff", "utf-32-be", 4),
        (b"\xff\xfe", "utf-16-le", 2),
        (b"\xfe\xff", "utf-16-be", 2),
    ]
    for bom, name, skip in boms:
        if data.startswith(bom):
            try:
                text = data[skip:].decode(name) if skip else data.decode(name)
            except UnicodeDecodeError as e:
                raise ArticleError(
                    path, f"cannot decode text as {name} despite its byte-order mark ({e.reason})"
                ) from None
            enc = name
            break
    if text is None and b"\x00" in data:
        # BOM-less UTF-16: NULs in every other byte (ASCII-range text)
        even, odd = data[0::2], data[1::2]
        if len(data) % 2 == 0 and len(data) >= 4:
            for part, name in ((odd, "utf-16-le"), (even, "utf-16-be")):
                if part.count(0) >= 0.9 * len(part):
                    try:
                        text, enc = data.decode(name), name
                        break
                    except UnicodeDecodeError:
                        pass
        if text is None:
            raise ArticleError(path, "binary file (contains NUL bytes), not an article")
    if text is None:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if text is None:
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
        except Exception as e:  # pragma: no cover - defensive
            logger.debug("charset-normalizer failed: %s", e)
            best = None
        if best is not None and best.encoding:
            guess = best.encoding.lower()
            if guess in _LATIN_SINGLE_BYTE:
                try:
                    text, enc = data.decode("cp1252"), "cp1252"
                except UnicodeDecodeError:
                    text, enc = str(best), guess
            else:
                text, enc = str(best), guess
            logger.debug("charset-normalizer guessed %s, using %s", guess, enc)
    if text is None:
        try:
            text, enc = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise ArticleError(path, f"cannot decode text ({_DECODE_TRIED})") from None
    if _control_ratio(text) > 0.01:
        raise ArticleError(
            path, f"binary data (control characters after decoding as {enc}), not an article"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ArticleError(path, "file is blank (whitespace only)")
    return text, enc or "utf-8"

"""How stored text is shown: every invisible or control character made visible, and a
value quoted on one line for a message (``_show``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# the characters str.splitlines() breaks on, written as escapes in messages
_LINE_BREAKS = {
    ord(c): c.encode("unicode_escape").decode("ascii")
    for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
}


def _show(value: Any, limit: int = 60) -> str:
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return "'" + visible(text.translate(_LINE_BREAKS)) + "'"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "null"
    return repr(value)


# what is stored ("abc\u202egnp.exe" shows as "abcexe.png"), others hide in it
_INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f"
    "\ufeff\uffa0\ufff0-\ufffb\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every invisible or control character written as ``⟨U+202E⟩``.

    What a page, an export or a message shows is then what is stored: a right-to-left
    override cannot make ``abc\u202egnp.exe`` read "abcexe.png", a zero-width space cannot
    hide inside a name, an escape sequence cannot clear a terminal. Tabs stay; newlines stay
    with ``keep_newlines`` (else they are shown too).

    >>> visible("abc\u202egnp.exe")
    'abc⟨U+202E⟩gnp.exe'
    """
    if text.isascii() and text.isprintable():
        return text

    def show(m: re.Match[str]) -> str:
        ch = m.group()
        if ch == "\n" and keep_newlines:
            return ch
        return f"⟨U+{ord(ch):04X}⟩"

    pattern = _INVISIBLE_RE if keep_newlines else _INVISIBLE_OR_NEWLINE_RE
    return pattern.sub(show, text)


_INVISIBLE_OR_NEWLINE_RE = re.compile(_INVISIBLE_RE.pattern[:-1] + "\n]")

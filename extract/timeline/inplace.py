"""Where each item of a timeline file is, in its text: the line scan behind editing one event
in place (:class:`Layout`), so that a decision on a file of 50,000 events rewrites that
event's lines, not the whole document.

The scan reads the top-level keys (column 0) and, under ``sources``, ``deals`` and
``events``, the block-sequence items at the section's indentation, each with its id. An
item's lines run to the next item, or to the section's end: comment lines between two items
belong to the item before them, as they do in the round-trip editor (ruamel attaches them to
its last value). Anything else (flow sequences, documents markers, directives, CRLF line ends,
an id the scan cannot read, ids that are not the model's, in order) makes :func:`scan` return
None, and the editor falls back to a round trip of the whole document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*):( .*)?\n")
_ITEM_ID = re.compile(r"""(?: *- +| +)id: *(?:'([^']*)'|"([^"\\]*)"|([^\s'"#][^\s#]*))"""
                      r""" *(?:#.*)?$""")
SECTIONS = ("sources", "deals", "events")


@dataclass
class Section:
    """One of the sequences: its key's line, where it ends, and its items' first lines."""

    key_line: int
    end: int  # the line after its last one (the next top-level key, or the end of the text)
    indent: int = -1
    starts: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    def span(self, k: int) -> tuple[int, int]:
        """[first, end) lines of item ``k``."""
        return self.starts[k], self.starts[k + 1] if k + 1 < len(self.starts) else self.end


@dataclass
class Layout:
    lines: list[str]
    sections: dict[str, Section]
    key_lines: dict[str, int]  # every top-level key: its line

    def item_text(self, section: str, k: int) -> str:
        first, end = self.sections[section].span(k)
        return "".join(self.lines[first:end])


def scan(text: str) -> Layout | None:
    """The layout of a timeline file's text, or None when it is not the plain block layout."""
    if not text.endswith("\n") or "\r" in text or "\t" in text:
        return None
    lines = text.splitlines(keepends=True)
    key_lines: dict[str, int] = {}
    order: list[tuple[str, int]] = []
    for n, line in enumerate(lines):
        if line[:1] in (" ", "#", "\n", "-"):
            continue
        m = _TOP_KEY.match(line)
        if m is None or m.group(1) in key_lines:
            return None  # a quoted key, a document marker, a directive, a repeated key...
        name = m.group(1)
        rest = (m.group(2) or "").strip()
        if name in SECTIONS and rest and not rest.startswith("#"):
            return None  # a flow sequence ("events: []") or a null
        key_lines[name] = n
        order.append((name, n))
    sections: dict[str, Section] = {}
    for i, (name, n) in enumerate(order):
        if name not in SECTIONS:
            continue
        end = order[i + 1][1] if i + 1 < len(order) else len(lines)
        sec = Section(n, end)
        if not _items(lines, sec):
            return None
        sections[name] = sec
    return Layout(lines, sections, key_lines)


def _items(lines: list[str], sec: Section) -> bool:
    """Find the section's items and their ids; False when the layout is not the plain one."""
    indent = -1
    for n in range(sec.key_line + 1, sec.end):
        line = lines[n]
        stripped = line.lstrip(" ")
        if stripped[:1] in ("#", "\n"):
            continue
        if indent < 0:
            if not stripped.startswith("- "):
                return False
            indent = len(line) - len(stripped)
        if len(line) - len(stripped) == indent and stripped.startswith("- "):
            sec.starts.append(n)
        elif len(line) - len(stripped) <= indent and not stripped.startswith("#"):
            return False  # less indented than the items: not a block sequence of mappings
    sec.indent = max(indent, 0)
    for k in range(len(sec.starts)):
        first, end = sec.span(k)
        ident = None
        key_indent = " " * (sec.indent + 2)
        for n in range(first, end):
            line = lines[n]
            if n != first and not line.startswith(key_indent):
                continue
            if n != first and line[len(key_indent):len(key_indent) + 1] == " ":
                continue  # a deeper line (evidence, a wrapped value)
            m = _ITEM_ID.match(line, 0, len(line) - 1)
            if m:
                ident = next(g for g in m.groups() if g is not None)
                break
        if ident is None:
            return False
        sec.ids.append(ident)
    return True

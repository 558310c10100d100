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
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from extract.timeline.render import render_items

if TYPE_CHECKING:
    from extract.timeline.model import Timeline

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

    def matches(self, timeline: Timeline) -> bool:
        """Whether the items found are the model's, in order (else the round trip edits)."""
        secs = self.sections
        if "events" not in secs or not secs["events"].ids:
            return False  # appending needs an item to follow
        if "sources" not in secs or not secs["sources"].ids:
            return False
        if secs["events"].ids != [e.id for e in timeline.events]:
            return False
        if secs["sources"].ids != [s.id for s in timeline.sources]:
            return False
        if "deals" in secs:
            if not secs["deals"].ids or secs["deals"].ids != [d.id for d in timeline.deals or ()]:
                return False
        elif timeline.deals is not None or "deals" in self.key_lines:
            return False
        return True


def scan(text: str) -> Layout | None:
    """The layout of a timeline file's text, or None when it is not the plain block layout."""
    if not text.endswith("\n") or "\r" in text or "\t" in text:
        return None
    lines = text.splitlines(keepends=True)
    key_lines: dict[str, int] = {}
    order: list[tuple[str, int]] = []
    for n in [n for n, line in enumerate(lines) if line[:1] not in _NOT_KEYS]:
        line = lines[n]
        m = _TOP_KEY.match(line)
        if m is None or m.group(1) in key_lines or line.startswith("---"):
            return None  # a quoted key, a document marker, a directive, a repeated key...
        name = m.group(1)
        rest = (m.group(2) or "").strip()
        if name in SECTIONS and rest and not rest.startswith("#"):
            return None  # a flow sequence ("events: []") or a null
        key_lines[name] = n
        order.append((name, n))
    if any(line.startswith(("---", "...")) for line in lines if line[:1] in "-."):
        return None
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


_NOT_KEYS = frozenset(" #\n-")


def _items(lines: list[str], sec: Section) -> bool:
    """Find the section's items and their ids; False when the layout is not the plain one."""
    first = next((n for n in range(sec.key_line + 1, sec.end)
                  if lines[n].lstrip(" ")[:1] not in ("#", "\n")), None)
    if first is None:
        return True  # no items
    line = lines[first]
    stripped = line.lstrip(" ")
    if not stripped.startswith("- "):
        return False
    indent = len(line) - len(stripped)
    sec.indent = indent
    item, pad = " " * indent + "- ", " " * (indent + 1)
    body = range(first, sec.end)
    sec.starts = [n for n in body if lines[n].startswith(item)]
    # every other line is deeper than the items, a comment or blank
    if any(not (ln.startswith(pad) or ln.lstrip(" ")[:1] in ("#", "\n"))
           for ln in (lines[n] for n in body) if not ln.startswith(item)):
        return False
    key_indent = " " * (indent + 2)
    for k, start in enumerate(sec.starts):
        m = _ITEM_ID.match(lines[start], 0, len(lines[start]) - 1)
        if m is None:  # the id further down, at the item's key indentation
            _, end = sec.span(k)
            for n in range(start + 1, end):
                ln = lines[n]
                if ln.startswith(key_indent) and ln[len(key_indent):len(key_indent) + 1] != " ":
                    m = _ITEM_ID.match(ln, 0, len(ln) - 1)
                    if m:
                        break
        if m is None:
            return False
        sec.ids.append(next(g for g in m.groups() if g is not None))
    return True


# Writing an item without the round trip (in a file of the canonical layout, that of dumps)

def _fast_writes(model: Any) -> bool:
    """Whether the fast emitter surely writes this model as the round trip would: its texts
    are printable (the Basic Multilingual Plane) without a backslash or a double quote
    (escapes), and an apostrophe
    only where :func:`_as_round_trip_quotes` writes it as the round trip does; the rest goes
    through the round trip."""
    if not isinstance(model, BaseModel):
        return False
    for name in _FLOW_LISTS:  # names in [flow, style]: the emitters quote other texts alike
        if not all(_FLOW_NAME.fullmatch(v) for v in getattr(model, name, ())):
            return False
    text = model.model_dump_json()
    if "\\" in text or not (text.isascii() or all(
            _plain_letter(c) for c in text if c > "\x7f")):
        return False
    return "'" not in text or "''" not in _as_round_trip_quotes(_rendered(model))


def _rendered(model: Any) -> str:
    return render_items("items", [model])


_FLOW_LISTS = ("actors", "people", "systems", "references")
_FLOW_NAME = re.compile(r"[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f .()-]*(?<! )")


def _plain_letter(c: str) -> bool:
    """A character beyond ASCII that both emitters write as it is (the round trip escapes
    characters beyond the Basic Multilingual Plane, and a byte-order mark)."""
    return c.isprintable() and c < "\ufffe" and c != "\ufeff" and not "\ud800" <= c <= "\udfff"


def _render_one(section: str, model: Any) -> str:
    """One item as the fast emitter writes it under ``section:`` (without that line)."""
    return _as_round_trip_quotes(render_items(section, [model])[len(section) + 2:])


_SINGLE_QUOTED = re.compile(r"^( *(?:- )?(?:[A-Za-z_]+: |- ))'((?:[^']|'')*)'$", re.M)


def _as_round_trip_quotes(text: str) -> str:
    """A text with an apostrophe that must be quoted: the fast emitter doubles it in single
    quotes ('the event''s dates'), the round trip writes it in double quotes ("the event's
    dates"); the same in double quotes when nothing in it needs an escape (what
    :func:`_fast_writes` lets through)."""
    if "''" not in text:
        return text
    def double(m: re.Match[str]) -> str:
        inner = m.group(2)
        if "''" not in inner:
            return m.group(0)
        return m.group(1) + '"' + inner.replace("''", "'") + '"'

    return _SINGLE_QUOTED.sub(double, text)

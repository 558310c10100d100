"""The round-trip (ruamel.yaml) setup of the editor: it keeps the digits of floats and dates
as written, quotes what would read back as something else, and guesses a file's indentation so
that an unchanged file is written back byte for byte."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from extract.timeline.scalars import _BREAKS_RE, _DateText, _reads_back_as_text


class _KeptFloat(float):
    """A float read from a file, with the digits it was written with (ruamel re-formats
    floats on a round trip and can change the last digit: 5.960464477539063e-08)."""

    text: str


def _round_trip_classes() -> tuple[type, type]:
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.representer import RoundTripRepresenter

    class Constructor(RoundTripConstructor):
        pass

    class Representer(RoundTripRepresenter):
        pass

    def construct_float(constructor: Any, node: Any) -> Any:
        value = RoundTripConstructor.construct_yaml_float(constructor, node)
        kept = _KeptFloat(value)
        kept.text = node.value
        return kept

    def represent_float(representer: Any, data: _KeptFloat) -> Any:
        return representer.represent_scalar("tag:yaml.org,2002:float", data.text)

    def construct_timestamp(constructor: Any, node: Any) -> Any:
        return _DateText(node.value)

    def represent_date_text(representer: Any, data: _DateText) -> Any:
        return representer.represent_scalar("tag:yaml.org,2002:timestamp", str(data))

    def represent_str(representer: Any, data: str) -> Any:
        # ruamel writes YAML 1.2, where "NO", "on", "0x1F" or "1:20" are plain text; the file
        # is read with YAML 1.1 rules (PyYAML), where they are a bool, an int or a float: quote
        # what the reader would not read back as this text
        if _BREAKS_RE.search(data):  # see _yaml_node: escaped in double quotes
            return representer.represent_scalar("tag:yaml.org,2002:str", data, style='"')
        if not _reads_back_as_text(data):
            return representer.represent_scalar("tag:yaml.org,2002:str", data, style="'")
        return RoundTripRepresenter.represent_str(representer, data)

    Constructor.add_constructor("tag:yaml.org,2002:float", construct_float)
    Constructor.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    Representer.add_representer(_KeptFloat, represent_float)
    Representer.add_representer(_DateText, represent_date_text)
    Representer.add_representer(str, represent_str)
    return Constructor, Representer


_RT_CLASSES: tuple[type, type] | None = None


def _round_trip_yaml(mapping_indent: int = 2, sequence_indent: int = 4, offset: int = 2):
    from ruamel.yaml import YAML

    global _RT_CLASSES
    if _RT_CLASSES is None:
        _RT_CLASSES = _round_trip_classes()
    rt = YAML(typ="rt")
    rt.Constructor, rt.Representer = _RT_CLASSES
    rt.preserve_quotes = True
    rt.width = 4096  # never re-wrap people's long lines
    rt.indent(mapping=mapping_indent, sequence=sequence_indent, offset=offset)
    rt.allow_duplicate_keys = False
    return rt


_BARE_KEY = re.compile(r"^( *)(?:- +)?([\w-]+):\s*(#.*)?$")
_DEEPER_KEY = re.compile(r"^( *)[\w-]+:")
_DEEPER_DASH = re.compile(r"^( *)- ")


def _guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) indentation the file uses, defaulting to 2/4/2.

    Read from the first key with no value followed by a deeper key (mapping indent) or by a
    dash (sequence offset); ruamel needs these to write the file back byte for byte.
    """
    mapping, offset = None, None
    # the first structures tell (a 50,000-event file need not be split into lines for it)
    head = text if len(text) <= 1 << 20 else text[: 1 << 20]
    lines = [ln for ln in head.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    for line, nxt in zip(lines, lines[1:], strict=False):
        # only a key with no value (its line ends with ':', or has a comment) can tell: the
        # other lines are passed over without the pattern (a 50,000-event file has
        # thousands of 'key: value' lines before the first nested mapping)
        if "#" not in line and not line.rstrip().endswith(":"):
            continue
        m = _BARE_KEY.match(line)
        if not m:
            continue
        base = len(line) - len(line.lstrip(" -")) if "- " in line[: len(m.group(1)) + 2] else len(
            m.group(1)
        )
        deeper_key = _DEEPER_KEY.match(nxt)
        deeper_dash = _DEEPER_DASH.match(nxt)
        if mapping is None and deeper_key and len(deeper_key.group(1)) > base:
            mapping = len(deeper_key.group(1)) - base
        if offset is None and deeper_dash and len(deeper_dash.group(1)) >= base:
            offset = len(deeper_dash.group(1)) - base
        if mapping is not None and offset is not None:
            break
    mapping = mapping or 2
    offset = 2 if offset is None else offset
    return mapping, offset + 2, offset


def _plain(obj: Any) -> Any:
    """ruamel's commented containers to plain dicts/lists (dates kept as written)."""
    if isinstance(obj, Mapping):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj


def _node_line(node: Any, rest: Sequence[Any]) -> int | None:
    """1-based line of a field of a round-trip node (its key), else of the node itself."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    if rest and isinstance(rest[0], str) and rest[0] in node:
        try:
            return lc.key(rest[0])[0] + 1
        except (KeyError, TypeError):
            pass
    return lc.line + 1

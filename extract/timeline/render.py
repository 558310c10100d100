"""Writing a whole timeline fast (libyaml's emitter): :func:`dumps`, :func:`render_header`,
:func:`render_items`; and :func:`_to_yaml_value`, a model as the ordered mapping both writers
write (no nulls, no empty defaults, names in flow style)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Any

import yaml
from pydantic import BaseModel

from extract.timeline.model import SCHEMA_COMMENT, SCHEMA_VERSION, PartialDate, Timeline
from extract.timeline.scalars import _BREAKS_RE, _DateText, _editor_reads_as_text


class _FlowList(list):  # type: ignore[type-arg]
    """A list of names written in flow style: ``actors: [Israel, Azerbaijan]``."""


_FIELDS: dict[type, list[tuple[str, Any]]] = {}  # a model's fields, in order


def _to_yaml_value(model: BaseModel, *, fast: bool = False) -> dict[str, Any]:
    """A model as an ordered mapping for YAML: no nulls, no empty defaults, flow-style lists.

    ``fast=False`` builds ruamel's commented containers (for editing a Document);
    ``fast=True`` plain dicts and lists for the C emitter of :func:`dumps`.
    """
    kind = type(model)
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _FIELDS[kind] = list(kind.model_fields.items())
    if fast:
        return _plain_mapping(model, fields)
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    out: dict[str, Any] = CommentedMap()
    for name, field in fields:
        value = getattr(model, name)
        if value is None:
            continue
        if isinstance(value, bool) and value is False and field.default is False:
            continue
        if isinstance(value, PartialDate):
            out[name] = _fast_date(value) if fast else _date_scalar(value)
        elif isinstance(value, BaseModel):
            out[name] = _to_yaml_value(value, fast=fast)
        elif isinstance(value, list):
            if not value and name in ("people", "systems", "references"):
                continue
            if value and isinstance(value[0], BaseModel):
                items = [_to_yaml_value(v, fast=fast) for v in value]
                out[name] = items if fast else CommentedSeq(items)
            elif fast:
                out[name] = _FlowList(value)
            else:
                seq = CommentedSeq(value)
                seq.fa.set_flow_style()
                out[name] = seq
        elif isinstance(value, float) and value.is_integer() and name == "amount":
            out[name] = int(value)
        else:
            out[name] = value
    return out


_SKIPPED_EMPTY = frozenset({"people", "systems", "references"})


def _plain_mapping(model: BaseModel, fields: list[tuple[str, Any]]) -> dict[str, Any]:
    """``_to_yaml_value(model, fast=True)``: the same mapping, the values' types told apart
    by ``type`` first (texts and numbers are most of them)."""
    out: dict[str, Any] = {}
    values = model.__dict__
    for name, field in fields:
        value = values[name]
        if value is None:
            continue
        kind = type(value)
        if kind is str or kind is int:
            out[name] = value
        elif kind is bool:
            if value or field.default is not False:
                out[name] = value
        elif kind is list:
            if not value:
                if name not in _SKIPPED_EMPTY:
                    out[name] = _FlowList(value)
            elif isinstance(value[0], BaseModel):
                out[name] = [_to_yaml_value(v, fast=True) for v in value]
            else:
                out[name] = _FlowList(value)
        elif isinstance(value, PartialDate):
            out[name] = _fast_date(value)
        elif isinstance(value, BaseModel):
            out[name] = _to_yaml_value(value, fast=True)
        elif isinstance(value, bool):
            if value or field.default is not False:
                out[name] = value
        elif isinstance(value, list):
            if value or name not in _SKIPPED_EMPTY:
                out[name] = _plain_list(value)
        elif isinstance(value, float) and value.is_integer() and name == "amount":
            out[name] = int(value)
        else:
            out[name] = value
    return out


def _plain_list(value: list[Any]) -> Any:
    if value and isinstance(value[0], BaseModel):
        return [_to_yaml_value(v, fast=True) for v in value]
    return _FlowList(value)


def _fast_date(value: PartialDate) -> int | str:
    # a day is written plain, as a timestamp (2023-05-30); a month is text; a year an int
    return _DateText(value) if value.precision == "day" else value.to_yaml()


def _date_scalar(value: PartialDate) -> Any:
    # days as dates so that ruamel writes them plain (2023-05-30), years as ints, months as str
    if value.precision == "day":
        return value.first_day()
    return value.to_yaml()


class _FastDumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):  # type: ignore[misc]
    """libyaml's emitter: about ten times faster than ruamel's for writing a whole file.

    Text is written plain only where both readers of the file read it back as that text:
    :func:`parse` (YAML 1.1, ``NO`` is false) and the editor (YAML 1.2, ``2021-03-09`` is a
    date); anything else is quoted. Dates (:class:`_DateText`) are written plain, as people
    type them.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        tag = super().resolve(kind, value, implicit)
        if (kind is yaml.ScalarNode and implicit[0] and tag == _YAML_TAG + "str"
                and not _editor_reads_as_text(value)):
            return _YAML_TAG + "int"  # not what a text node carries: the emitter quotes it
        return tag


# YAML 1.1's resolvers, the timestamp included, so that text looking like a date is quoted
_FastDumper.yaml_implicit_resolvers = yaml.SafeDumper.yaml_implicit_resolvers
_FastDumper.add_representer(  # as _yaml_node writes text: line breaks YAML folds, escaped
    str, lambda dumper, data: dumper.represent_scalar(
        _YAML_TAG + "str", data, style='"' if _BREAKS_RE.search(data) else None))
_FastDumper.add_representer(
    _DateText, lambda dumper, data: dumper.represent_scalar(_YAML_TAG + "timestamp", str(data)))
_FastDumper.add_representer(
    _FlowList,
    lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True),
)


class _RenderDumper(_FastDumper):
    """_FastDumper remembering how it resolved each scalar: the emitter asks twice per scalar,
    and field names and most values come back in every event."""

    _resolved: dict[str, str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if not implicit[0]:
            return self.DEFAULT_SCALAR_TAG  # no implicit resolvers asked: what resolve gives
        tag = self._resolved.get(value)  # then the answer depends on the value alone
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(self._resolved) > 50_000:  # quotes do not come back: keep it small
                self._resolved.clear()
            self._resolved[value] = tag
        return tag


_YAML_TAG = "tag:yaml.org,2002:"


def _yaml_node(value: Any, represent: Any) -> yaml.Node:
    """The node PyYAML's safe representer makes for ``value`` (from :func:`_to_yaml_value`,
    with ``default_flow_style=False``), built directly for the types found there; anything
    else goes to ``represent`` (the dumper's own representer). There are no aliases to keep:
    :func:`_to_yaml_value` never shares a list or a mapping between two places."""
    kind = type(value)
    if kind is str:
        # YAML breaks lines at NEL and the Unicode separators and folds them on reading:
        # written plain, "0\x85" would come back as "0 "; double quotes write them as escapes
        style = '"' if _BREAKS_RE.search(value) else None
        return yaml.ScalarNode(_YAML_TAG + "str", value, style=style)
    if kind is _DateText:
        return yaml.ScalarNode(_YAML_TAG + "timestamp", str(value))
    if kind is dict:
        return yaml.MappingNode(
            _YAML_TAG + "map",
            [(_yaml_node(k, represent), _yaml_node(v, represent)) for k, v in value.items()],
            flow_style=False,
        )
    if kind is list or kind is _FlowList:
        return yaml.SequenceNode(_YAML_TAG + "seq", [_yaml_node(v, represent) for v in value],
                                 flow_style=kind is _FlowList)
    if kind is bool:
        return yaml.ScalarNode(_YAML_TAG + "bool", "true" if value else "false")
    if kind is int:
        return yaml.ScalarNode(_YAML_TAG + "int", str(value))
    return represent(value)  # floats, and anything unforeseen, exactly as PyYAML writes them


def render_items(key: str, models: Iterable[BaseModel]) -> str:
    """``key:`` and its list of models as YAML, in the layout of :func:`dumps`.

    The bytes of ``yaml.dump({key: items}, Dumper=_FastDumper, sort_keys=False,
    allow_unicode=True, default_flow_style=False, width=1 << 16)``: each item written by
    :class:`_BlockWriter` where it can say how libyaml would write every scalar of it, else by
    libyaml (without PyYAML's generic representer).
    """
    items = [_to_yaml_value(m, fast=True) for m in models]
    if not items:
        return f"{key}: []\n"
    writer = _BlockWriter.shared()
    parts = [f"{key}:\n"]
    for item in items:
        text = writer.item(item)
        parts.append(text if text is not None else _emit_items(key, [item])[len(key) + 2:])
    return "".join(parts)


def _emit_items(key: str, items: list[dict[str, Any]]) -> str:
    """``key:`` and its items as libyaml writes them."""
    stream = io.StringIO()
    dumper = _RenderDumper(stream, default_flow_style=False, width=1 << 16, allow_unicode=True,
                           sort_keys=False)
    try:
        dumper.open()
        dumper.serialize(_yaml_node({key: items}, dumper.represent_data))
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue()


class _BlockWriter:
    """Writes one item of :func:`render_items` as libyaml does, without building nodes and
    events for it: the layout is fixed (block mappings, sequences of mappings indentless under
    their key, lists of names in flow style), so only each scalar's style is to be decided,
    and that is decided as the emitter decides it (its analysis of the text, and whether the
    resolver reads the text back as text), remembered for values that come back (field
    names, dates, names, sources). ``item`` returns None where the text would be another
    style than plain or single-quoted (double quotes, escapes), long enough for the emitter to
    break its line, or of another shape (empty lists, nested flow lists): libyaml writes
    those. A property test holds the bytes to libyaml's.
    """

    _instance: _BlockWriter | None = None
    _LONGEST = 16_000  # a scalar the emitter would break at its width (65,536 columns)

    def __init__(self) -> None:
        from yaml.emitter import Emitter

        self._analyzer = Emitter(io.StringIO(), allow_unicode=True, width=1 << 16)
        self._resolver = _RenderDumper(io.StringIO())
        self._block: dict[str, str | None] = {}  # text -> as a mapping's value (None: libyaml)
        self._flow: dict[str, str | None] = {}  # text -> as an item of a flow list
        self._other: dict[tuple[type, Any], str | None] = {}  # ints, dates... -> as written
        # the first characters for which a resolver of either reader may read a plain text as
        # something else (a number, a date, true, null...); None: any may
        from ruamel.yaml.resolver import VersionedResolver

        firsts = {*_FastDumper.yaml_implicit_resolvers,
                  *VersionedResolver(version=(1, 2)).versioned_resolver}
        self._typed_firsts: frozenset[str] | None = (
            None if None in firsts else frozenset(firsts))

    @classmethod
    def shared(cls) -> _BlockWriter:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def item(self, item: dict[str, Any]) -> str | None:
        """One item of the list (``- id: ...`` and its lines), or None: libyaml writes it."""
        out: list[str] = []
        try:
            self._mapping(item, "- ", "  ", out)
        except _Unwritable:
            return None
        return "".join(out)

    def _mapping(self, mapping: dict[str, Any], first: str, rest: str,
                 out: list[str]) -> None:
        """A block mapping: its first key after ``first``, the others after ``rest`` (the
        keys' column); a mapping under a key two columns deeper, a list of mappings under a
        key at the key's column (indentless)."""
        if not mapping:
            raise _Unwritable  # written {} in flow style
        lead = first
        for key, value in mapping.items():
            name = self._scalar(key, False)
            kind = type(value)
            if kind is dict:
                out.append(f"{lead}{name}:\n")
                deeper = rest + "  "
                self._mapping(value, deeper, deeper, out)
            elif kind is list:
                if not value:
                    raise _Unwritable  # written [] in flow style
                out.append(f"{lead}{name}:\n")
                for sub in value:
                    if type(sub) is not dict:
                        raise _Unwritable
                    self._mapping(sub, rest + "- ", rest + "  ", out)
            elif kind is _FlowList:
                names = ", ".join(self._scalar(v, True) for v in value)
                out.append(f"{lead}{name}: [{names}]\n")
            else:
                out.append(f"{lead}{name}: {self._scalar(value, False)}\n")
            lead = rest

    def _scalar(self, value: Any, flow: bool) -> str:
        if type(value) is str:
            memo = self._flow if flow else self._block
            text = memo.get(value, "")
            if text == "":
                text = memo[value] = self._style(value, flow)
                if len(memo) > 200_000:
                    memo.clear()
        else:
            if flow:
                raise _Unwritable
            key = (type(value), value)
            text = self._other.get(key, "")
            if text == "":
                text = self._other[key] = self._written(value)
        if text is None:
            raise _Unwritable
        return text

    def _style(self, value: str, flow: bool) -> str | None:
        """A text as the emitter writes it: plain, or in single quotes (None: otherwise)."""
        if len(value) > self._LONGEST or _BREAKS_RE.search(value):
            return None  # broken at the width; in double quotes (the representer's style)
        if not _QUOTABLE.fullmatch(value):
            return None  # characters libyaml escapes, or judges otherwise than PyYAML's analysis
        if not flow or _FLOW_PLAIN.fullmatch(value):
            # what the emitter's analysis finds, without its loop over the characters
            plain = flow or not value or bool(_BLOCK_PLAIN.fullmatch(value))
            quoted = True
        else:  # a name in a flow list: PyYAML's analysis, the same as libyaml's for these texts
            analysis = self._analyzer.analyze_scalar(value)
            plain, quoted = analysis.allow_flow_plain, analysis.allow_single_quoted
        if plain and ((self._typed_firsts is not None and value[:1] not in self._typed_firsts)
                      or self._resolver.resolve(yaml.ScalarNode, value, (True, False)) == (
                          _YAML_TAG + "str")):
            return value
        if quoted:
            return "'" + value.replace("'", "''") + "'"
        return None

    def _written(self, value: Any) -> str | None:
        """An int, a bool, a float or a date as libyaml writes it (as a mapping's value)."""
        if type(value) not in (int, bool, float, _DateText):
            return None
        text = _emit_items("k", [{"k": value}])
        head = "k:\n- k: "
        if not text.startswith(head) or text.count("\n") != 2:
            return None
        return text[len(head):-1]


# What the emitter's analysis of a text finds, for texts of characters it writes as they are
# (printable, no line break, no byte-order mark): such a text may be single-quoted. It may be
# plain in a block unless it starts with an indicator ("#,[]{}&*!|>'\"%@`"; "?", ":" or "-"
# before a space or alone), a space, "---" or "...", or has ":" before a space or at the end,
# "#" after a space, or a space last. In a flow list it is taken for plain here only when it
# starts with a letter, a digit or "(" and has none of ",?[]{}:#" (else the analysis says).
_TEXT_CHARS = "\x20-\x22\x24-\x39\x3b-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
_QUOTABLE = re.compile(f"[{_TEXT_CHARS}:#]*")
_BLOCK_PLAIN = re.compile(
    f"(?!---|\\.\\.\\.)(?![#,\\[\\]{{}}&*!|>'\"%@` ])(?:[?:-](?=[^ ])|(?![?:-])[{_TEXT_CHARS}])"
    f"(?:[{_TEXT_CHARS}]|:(?=[^ ])|(?<! )#)*(?<! )")
_FLOW_PLAIN = re.compile(f"[A-Za-z0-9(](?:(?![,?\\[\\]{{}}])[{_TEXT_CHARS}])*(?<! )")


class _Unwritable(Exception):
    """An item :class:`_BlockWriter` leaves to libyaml."""


def render_header(header: str | None = None) -> str:
    """The first lines of a written timeline: the schema comment, a comment, the version."""
    lines = [SCHEMA_COMMENT]
    for line in (header or "").splitlines():
        lines.append(f"# {line}".rstrip())
    lines.append(f"version: {SCHEMA_VERSION}")
    return "\n".join(lines) + "\n"


def dumps(timeline: Timeline, *, header: str | None = None) -> str:
    """A timeline as new YAML text in the canonical layout (schema comment first)."""
    text = render_header(header) + render_items("sources", timeline.sources)
    if timeline.deals is not None:
        text += render_items("deals", timeline.deals)
    text += render_items("events", timeline.events)
    if timeline.briefing:
        text += yaml.dump({"briefing": _FlowList(timeline.briefing)}, Dumper=_FastDumper,
                          sort_keys=False, allow_unicode=True, width=1 << 16)
    return text

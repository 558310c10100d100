"""Writing a whole timeline fast (libyaml's emitter): :func:`dumps`, :func:`render_header`,
:func:`render_items`; and :func:`_to_yaml_value`, a model as the ordered mapping both writers
write (no nulls, no empty defaults, names in flow style)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import yaml
from pydantic import BaseModel

from extract.timeline.model import SCHEMA_COMMENT, SCHEMA_VERSION, PartialDate, Timeline
from extract.timeline.scalars import _BREAKS_RE, _DateText, _editor_reads_as_text


class _FlowList(list):  # type: ignore[type-arg]
    """A list of names written in flow style: ``actors: [Israel, Azerbaijan]``."""


def _to_yaml_value(model: BaseModel, *, fast: bool = False) -> dict[str, Any]:
    """A model as an ordered mapping for YAML: no nulls, no empty defaults, flow-style lists.

    ``fast=False`` builds ruamel's commented containers (for editing a Document);
    ``fast=True`` plain dicts and lists for the C emitter of :func:`dumps`.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    out: dict[str, Any] = {} if fast else CommentedMap()
    for name, field in type(model).model_fields.items():
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
    allow_unicode=True, default_flow_style=False, width=1 << 16)``, without PyYAML's generic
    representer (most of the time of writing candidates).
    """
    items = [_to_yaml_value(m, fast=True) for m in models]
    if not items:
        return f"{key}: []\n"
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

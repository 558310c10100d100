"""Reading YAML text safely: a loader that refuses object tags and leaves dates as written,
and a screen of the event stream that refuses aliases, merge keys, duplicate keys and deep
nesting before anything is built. Every refusal is a located :class:`Problem`."""

from __future__ import annotations

import re
from typing import Any

import yaml

from extract.timeline.display import _show
from extract.timeline.errors import Problem, TimelineError


class _SafeLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """Safe loader that leaves dates as the strings written (validated by PartialDate)."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # a value the loader cannot build (!!timestamp 2023-02-30, a bare !!timestamp, a
        # 5000-digit int) is a located problem, not a crash of the loader
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except Exception as exc:  # noqa: BLE001 - PyYAML's constructors raise assorted errors
            kind = str(node.tag).rsplit(":", 1)[-1]
            why = f" ({exc})" if isinstance(exc, ValueError) else ""
            raise _BadValue(
                None, None, f"{_show(node.value)} is not a valid {kind}{why}", node.start_mark
            ) from None


class _BadValue(yaml.constructor.ConstructorError):
    """A scalar the loader cannot build, with its place."""


_SafeLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_MAX_DEPTH = 64
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _screen(text: str, file: str) -> None:
    """Refuse, from the event stream and before anything is built, what loading would hide.

    Nesting deeper than ``_MAX_DEPTH`` (the C composer recurses without a limit and crashes
    the process), aliases (alias bombs), merge keys (``<<``) and duplicate keys (YAML keeps
    the last value silently: a curator's ``status: accepted`` would vanish). Syntax errors
    are left to the loader, which reports them with their line.
    """
    try:
        loader = _SafeLoader(text)
    except UnicodeEncodeError as exc:  # a lone surrogate: only possible in text, not a file
        raise TimelineError(
            [Problem(file, text.count("\n", 0, exc.start) + 1, "", None,
                     f"the text holds an invalid character at offset {exc.start} "
                     "(a lone surrogate); expected Unicode text")]
        ) from None
    problems: list[Problem] = []
    # one entry per open container: None for a sequence, for a mapping
    # [keys seen -> line, whether the next node is a key]
    stack: list[list[Any] | None] = []
    event = None
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, _CLOSE):
                stack.pop()
                continue
            if not isinstance(event, (*_OPEN, yaml.ScalarEvent, yaml.AliasEvent)):
                continue
            if isinstance(event, yaml.AliasEvent):
                raise TimelineError(
                    [Problem(file, line, "", None,
                             "YAML anchors and aliases (&name, *name) are not allowed; "
                             "expected every value written out")]
                )
            parent = stack[-1] if stack else None
            if parent is not None:
                if parent[1] and isinstance(event, yaml.ScalarEvent):
                    key = event.value
                    if key == "<<" and event.implicit[0]:
                        problems.append(Problem(
                            file, line, "", None,
                            "YAML merge keys (<<) are not allowed; expected every value "
                            "written out"))
                    elif key in parent[0]:
                        problems.append(Problem(
                            file, line, "", None,
                            f"the key {_show(key)} appears twice in one mapping (also line "
                            f"{parent[0][key]}); expected each key once"))
                    else:
                        parent[0][key] = line
                parent[1] = not parent[1]
            if isinstance(event, _OPEN):
                if len(stack) >= _MAX_DEPTH:
                    raise TimelineError([_too_deep(file, line)])
                stack.append([{}, True] if isinstance(event, yaml.MappingStartEvent) else None)
    except yaml.YAMLError as exc:
        # A syntax error is left to the loader, which reports it with its line; but the
        # library may have a nesting limit of its own (libyaml 0.2.6: 1000 levels, met while
        # it reads ahead, before this loop has seen 65), and that is ours to word.
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        upto = mark.index if mark is not None else len(text)
        after = event.end_mark.index if event is not None else 0
        # every level opened between the last event read and the error takes one of these
        # characters: when they cannot reach the limit, the text is not too deep there
        if len(stack) + sum(text.count(c, after, upto + 1) for c in "[{-:?") > _MAX_DEPTH:
            line = _line_past_max_depth(text, upto)
            if line is not None:
                raise TimelineError([_too_deep(file, line)]) from None
    finally:
        loader.dispose()
    if problems:
        raise TimelineError(problems)


def _too_deep(file: str, line: int) -> Problem:
    return Problem(file, line, "", None,
                   f"the YAML is nested too deeply (more than {_MAX_DEPTH} levels); "
                   "expected events.yaml")


def _line_past_max_depth(text: str, upto: int) -> int | None:
    """The line where nesting first goes past ``_MAX_DEPTH`` at or before offset ``upto``,
    counted on the events of PyYAML's pure-Python parser (a loop over a stack of states, with
    no depth limit of its own), or None."""
    loader = yaml.SafeLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if event.start_mark.index > upto:
                break
            if isinstance(event, _OPEN):
                depth += 1
                if depth > _MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, _CLOSE):
                depth -= 1
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return None


def _yaml_problem(file: str, exc: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    if isinstance(exc, _BadValue):
        return Problem(file, line, "", None, f"{exc.problem}; expected a plain YAML value")
    if isinstance(exc, yaml.reader.ReaderError):  # a control character, e.g. NUL
        line = text.count("\n", 0, exc.position) + 1
        char = f"#x{exc.character:04x}" if isinstance(exc.character, int) else "a character"
        return Problem(file, line, "", None, f"{char} is not allowed in YAML; expected text")
    problem = " ".join(str(getattr(exc, "problem", None) or exc).split())  # always one line
    if isinstance(exc, yaml.constructor.ConstructorError) and "constructor for the tag" in problem:
        tag = re.search(r"tag '([^']+)'", problem)
        shown = tag.group(1) if tag else "this tag"
        return Problem(
            file, line, "", None,
            f"the tag {shown!r} is not allowed; expected plain YAML values "
            "(mappings, lists, strings, numbers)",
        )
    return Problem(file, line, "", None, f"YAML syntax error: {problem}; expected valid YAML")


def _read_yaml(text: str, file: str) -> Any:
    try:
        return load_block(text)
    except yaml.YAMLError as exc:
        raise TimelineError([_yaml_problem(file, exc, text)]) from None
    except RecursionError:
        raise TimelineError(
            [Problem(file, None, "", None, "the YAML is nested too deeply; expected events.yaml")]
        ) from None
    except ValueError as exc:  # e.g. an explicit !!timestamp with an impossible day
        raise TimelineError([Problem(file, None, "", None, f"bad value: {exc}")]) from None


class _NotPlain(Exception):
    """Text :func:`load_block` leaves to the loader (tags, anchors, aliases, merge keys...)."""


def load_block(text: str) -> Any:
    """The data of ``text`` as ``yaml.load(text, Loader=_SafeLoader)`` gives it, for text of
    what the writers write (mappings, sequences and untagged scalars): built from libyaml's
    events with each plain scalar resolved and built by the loader once per value, instead of
    composing a node for every scalar. Anything else (tags, anchors, aliases, merge keys, a
    key met twice, more than one document) is loaded by the loader itself.

    Raises what the loader raises for text that is not YAML.
    """
    try:
        return _load_block(text)
    except _NotPlain:
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - the safe loader


_STR = "tag:yaml.org,2002:str"


def _load_block(text: str) -> Any:
    loader = _SafeLoader(text)
    plain: dict[str, Any] = {}  # plain scalar -> its value (the loader's resolve and build)
    missing = object()
    # open containers: (a list,), or [a mapping, its key (missing: the next scalar is a key)]
    stack: list[Any] = []
    root: Any = missing
    scalar, mapping_start, sequence_start = (
        yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        documents = 0
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind is scalar:
                if event.anchor is not None or event.tag not in (None, "!"):
                    raise _NotPlain
                if event.implicit[0] and event.tag is None:
                    value = plain.get(event.value, missing)
                    if value is missing:
                        value = plain[event.value] = _plain_value(loader, event.value)
                else:
                    value = event.value  # quoted (or "!"): text
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or event.tag not in (None, "!"):
                    raise _NotPlain
                value = {} if kind is mapping_start else []
                node = [value, missing] if kind is mapping_start else (value,)
            elif kind in ends:
                stack.pop()
                continue
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _NotPlain
                continue
            elif kind is yaml.AliasEvent:
                raise _NotPlain
            else:
                continue  # stream start and end, document end
            if stack:
                parent = stack[-1]
                if type(parent) is tuple:
                    parent[0].append(value)
                elif parent[1] is missing:
                    if kind is not scalar or value in parent[0] or value == "<<":
                        raise _NotPlain  # a complex key, a repeated key, a merge key
                    if type(value) is not str and not isinstance(value, (int, bool)):
                        raise _NotPlain
                    parent[1] = value
                else:
                    parent[0][parent[1]] = value
                    parent[1] = missing
            elif root is missing:
                root = value
            if kind is not scalar:
                stack.append(node)
    finally:
        loader.dispose()
    return None if root is missing else root


def _plain_value(loader: _SafeLoader, value: str) -> Any:
    tag = loader.resolve(yaml.ScalarNode, value, (True, False))
    if tag == _STR:
        return value
    if tag == "tag:yaml.org,2002:merge":
        raise _NotPlain
    try:
        return loader.construct_object(yaml.ScalarNode(tag, value))
    except Exception:  # noqa: BLE001 - the loader says it again, with the value's line
        raise _NotPlain from None

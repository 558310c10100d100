"""Validation: :func:`parse` turns YAML text into a :class:`Timeline` or raises a
:class:`TimelineError` listing every problem, each with its line, item, field and what was
expected."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import yaml
from pydantic import ValidationError

from extract.timeline.display import _show
from extract.timeline.errors import Problem, TimelineError
from extract.timeline.model import (
    _FIELDS,
    EVENT_TYPES,
    SCHEMA_VERSION,
    STATUSES,
    PartialDate,
    Timeline,
)
from extract.timeline.safe_yaml import _read_yaml, _SafeLoader, _screen


class _Locator:
    """Maps a data path like ('events', 3, 'date') to a 1-based line, from YAML nodes."""

    def __init__(self, text: str):
        try:
            self.root: yaml.Node | None = yaml.compose(text, Loader=_SafeLoader)
        except (yaml.YAMLError, RecursionError):
            self.root = None

    def node(self, path: Sequence[Any]) -> tuple[yaml.Node | None, yaml.Node | None]:
        """(key node, value node) at the end of ``path``, as deep as it resolves."""
        node, key_node = self.root, None
        for part in path:
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                        key_node, node = k, v
                        break
                else:
                    return key_node, node
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if 0 <= part < len(node.value):
                    key_node, node = None, node.value[part]
                else:
                    return key_node, node
            else:
                return key_node, node
        return key_node, node

    def line(self, path: Sequence[Any]) -> int | None:
        key_node, node = self.node(path)
        target = key_node or node
        return target.start_mark.line + 1 if target is not None else None


def _where(data: Any, path: Sequence[Any]) -> tuple[str, list[Any]]:
    """("event 'x'", remaining path) for a path into the data."""
    if len(path) >= 2 and path[0] in ("events", "sources", "deals") and isinstance(path[1], int):
        kind = {"events": "event", "sources": "source", "deals": "deal"}[path[0]]
        item = None
        seq = data.get(path[0]) if isinstance(data, dict) else None
        if isinstance(seq, list) and 0 <= path[1] < len(seq):
            item = seq[path[1]]
        ident = item.get("id") if isinstance(item, dict) else None
        if isinstance(ident, str) and ident:
            return f"{kind} '{ident}'", list(path[2:])
        return f"{kind} #{path[1] + 1}", list(path[2:])
    if len(path) >= 2 and path[0] == "briefing" and isinstance(path[1], int):
        return f"briefing item #{path[1] + 1}", []
    return "", list(path)


def _field_name(parts: Sequence[Any]) -> str | None:
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + str(p)
    return out or None


def _kind_of(path: Sequence[Any]) -> str:
    """Which model a path's parent is, for the list of allowed keys."""
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return "timeline"
    last = names[-1]
    return {
        "events": "event",
        "sources": "source",
        "deals": "deal",
        "evidence": "evidence",
        "value": "value",
        "claims": "claims",
        "page_says": "page_says",
        "corroborates": "corroborates",
    }.get(last, "timeline")


def _did_you_mean(word: str, options: Iterable[str]) -> str:
    """`` (did you mean 'visit'?)`` when a close option exists, else ``''``."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


_EXPECT = {
    "string_type": "expected text",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "list_type": "expected a list",
    "model_type": "expected a mapping of fields",
    "model_attributes_type": "expected a mapping of fields",
    "dict_type": "expected a mapping of fields",
}


def _message_for(err: Mapping[str, Any], data: Any) -> tuple[list[Any], str]:
    """(path, message) for one pydantic error."""
    loc = list(err["loc"])
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        key = loc[-1]
        allowed = _FIELDS[_kind_of(loc[:-1])]
        return loc, (
            f"unknown field {_show(str(key))}{_did_you_mean(str(key), allowed)}; "
            f"expected one of {', '.join(allowed)}"
        )
    if kind == "missing":
        return loc, "is missing; it is required"
    if kind == "invalid_key":
        return loc, f"the key {_show(value)} is not text; expected a field name"
    if kind == "literal_error":
        field = loc[-1]
        if field == "type":
            return loc, (
                f"{_show(value)} is not an event type{_did_you_mean(str(value), EVENT_TYPES)}; "
                f"expected one of {', '.join(EVENT_TYPES)}"
            )
        if field == "status":
            return loc, (
                f"{_show(value)} is not a status{_did_you_mean(str(value), STATUSES)}; "
                f"expected one of {', '.join(STATUSES)}"
            )
        if field == "version":
            return loc, f"{_show(value)} is not a supported version; expected {SCHEMA_VERSION}"
        return loc, f"{_show(value)} is not allowed; {err['msg']}"
    if kind in ("partial_date", "bad_id", "bad_url"):
        return loc, err["msg"]
    if kind == "too_short":
        if loc and loc[-1] == "evidence":
            return loc, "is empty; expected at least one piece of evidence (source and quote)"
        return loc, "is empty; expected some text"
    if kind == "string_too_short":
        return loc, "is empty; expected some text"
    if kind == "finite_number":
        return loc, f"{_show(value)} is not a finite number; expected a number 0 or more"
    if kind == "greater_than_equal" and loc and loc[-1] == "sipri_id":
        return loc, (f"{_show(value)} is out of range; expected a SIPRI deal ID, a whole "
                     "number 1 or more")
    if kind in ("greater_than_equal", "less_than_equal"):
        bounds = "between 0 and 1" if loc and loc[-1] == "confidence" else "0 or more"
        return loc, f"{_show(value)} is out of range; expected a number {bounds}"
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "currency":
        return loc, f"{_show(value)} is not a currency code; expected three capitals like USD"
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "digest":
        return loc, (f"{_show(value)} is not a digest; expected 'sha256:' and 64 lower-case "
                     "hex digits (python -m extract scan writes it)")
    if kind in _EXPECT:
        return loc, f"{_show(value)} is the wrong kind of value; {_EXPECT[kind]}"
    return loc, f"{_show(value)}: {err['msg']}"


def _cross_check(data: dict[str, Any], other_events: Iterable[str] = ()
                 ) -> list[tuple[list[Any], str]]:
    """Checks across items: unique ids, evidence sources, end after date, briefing ids.
    ``other_events``: ids of events not in ``data`` that a proposal may name."""
    out: list[tuple[list[Any], str]] = []
    sources = data.get("sources") if isinstance(data.get("sources"), list) else []
    events = data.get("events") if isinstance(data.get("events"), list) else []
    source_ids = _unique_source_ids(sources, out)
    deal_ids = _unique_deal_ids(data.get("deals"), out)
    event_ids: dict[str, int] = {}
    event_ids_all = {e.get("id") for e in events if isinstance(e, dict)
                     and isinstance(e.get("id"), str)} | set(other_events)
    for i, e in enumerate(events):
        if not isinstance(e, dict):
            continue
        _check_event_refs(i, e, source_ids, event_ids, event_ids_all, out)
        _check_deal_ref(i, e, deal_ids, out)
    briefing = data.get("briefing")
    if isinstance(briefing, list):
        for k, ref in enumerate(briefing):
            if isinstance(ref, str) and ref not in event_ids:
                out.append(
                    (["briefing", k],
                     f"{_show(ref)} is not an event in this file"
                     f"{_did_you_mean(ref, event_ids)}; expected the id of an entry under "
                     "'events'")
                )
    return out


def _unique_source_ids(sources: list[Any], out: list[tuple[list[Any], str]]) -> dict[str, int]:
    """{source id: index} of the first source with each id; a repeated id goes to ``out``."""
    source_ids: dict[str, int] = {}
    for i, s in enumerate(sources):
        sid = s.get("id") if isinstance(s, dict) else None
        if isinstance(sid, str):
            if sid in source_ids:
                out.append(
                    (["sources", i, "id"],
                     f"{_show(sid)} is a duplicate id (also source #{source_ids[sid] + 1}); "
                     "expected every source id to be unique")
                )
            else:
                source_ids[sid] = i
    return source_ids


def _unique_deal_ids(deals: Any, out: list[tuple[list[Any], str]]) -> set[str] | None:
    """The ids of the 'deals' section (None when the file has none); a repeated id goes to
    ``out``."""
    if not isinstance(deals, list):
        return None
    seen: dict[str, int] = {}
    for i, d in enumerate(deals):
        did = d.get("id") if isinstance(d, dict) else None
        if isinstance(did, str):
            if did in seen:
                out.append((["deals", i, "id"],
                            f"{_show(did)} is a duplicate id (also deal #{seen[did] + 1}); "
                            "expected every deal id to be unique"))
            else:
                seen[did] = i
    return set(seen)


def _check_deal_ref(i: int, e: dict[str, Any], deal_ids: set[str] | None,
                    out: list[tuple[list[Any], str]]) -> None:
    """With a 'deals' section, an event's ``deal`` names an entry there (else it is free)."""
    deal = e.get("deal")
    if deal_ids is not None and isinstance(deal, str) and deal not in deal_ids:
        out.append((["events", i, "deal"],
                    f"{_show(deal)} is not a deal in this file{_did_you_mean(deal, deal_ids)}; "
                    "expected the id of an entry under 'deals' (or no 'deals' section, for "
                    "free deal ids)"))


def _check_event_refs(i: int, e: dict[str, Any], source_ids: dict[str, int],
                      event_ids: dict[str, int], event_ids_all: set[Any],
                      out: list[tuple[list[Any], str]]) -> None:
    """The checks of event #``i`` against the others, in order: a repeated id (recorded in
    ``event_ids`` otherwise), evidence sources, the proposal's event, references, the end."""
    eid = e.get("id")
    if isinstance(eid, str):
        if eid in event_ids:
            out.append(
                (["events", i, "id"],
                 f"{_show(eid)} is a duplicate id (also event #{event_ids[eid] + 1}); "
                 "expected every event id to be unique")
            )
        else:
            event_ids[eid] = i
    evidence = e.get("evidence")
    if isinstance(evidence, list):
        for j, ev in enumerate(evidence):
            src = ev.get("source") if isinstance(ev, dict) else None
            if isinstance(src, str) and src not in source_ids:
                hint = _did_you_mean(src, source_ids)
                out.append(
                    (["events", i, "evidence", j, "source"],
                     f"{_show(src)} is not a source in this file{hint}; "
                     "expected the id of an entry under 'sources'")
                )
    _check_proposal(i, e, eid, event_ids_all, out)
    references = e.get("references")
    if isinstance(references, list):
        for j, ref in enumerate(references):
            if isinstance(ref, str) and ref not in source_ids:
                out.append(
                    (["events", i, "references", j],
                     f"{_show(ref)} is not a source in this file"
                     f"{_did_you_mean(ref, source_ids)}; expected the id of an entry under "
                     "'sources'")
                )
    _check_end(i, e, out)


def _check_proposal(i: int, e: dict[str, Any], eid: Any, event_ids_all: set[Any],
                    out: list[tuple[list[Any], str]]) -> None:
    """A candidate's ``corroborates`` names another event of the file."""
    proposal = e.get("corroborates")
    target = proposal.get("event") if isinstance(proposal, dict) else None
    if isinstance(target, str) and target not in event_ids_all:
        out.append(
            (["events", i, "corroborates", "event"],
             f"{_show(target)} is not an event in this file"
             f"{_did_you_mean(target, event_ids_all)}; expected the id of an accepted "
             "event under 'events'")
        )
    elif isinstance(target, str) and target == eid:
        out.append((["events", i, "corroborates", "event"],
                    f"{_show(target)} is this event itself; expected another event's id"))


def _check_end(i: int, e: dict[str, Any], out: list[tuple[list[Any], str]]) -> None:
    """An event's end is on or after its date (when both are dates)."""
    try:
        start = PartialDate.parse(e.get("date"))
        end = PartialDate.parse(e["end"]) if e.get("end") is not None else None
    except ValueError:
        return
    if end is not None and end.last_day() < start.first_day():
        out.append(
            (["events", i, "end"],
             f"{_show(str(end))} is before the date {_show(str(start))}; "
             "expected an end on or after the date")
        )


# a line that is more than blanks, a comment, a directive or a document marker
# a line with content (YAML also breaks lines at NEL and the Unicode line separators)
_NOT_BLANK = re.compile(r"(?:^|(?<=[\x85\u2028\u2029]))"
                        r"(?![ \t]*(?:#|%|---[ \t]*$|\.\.\.[ \t]*$))[ \t]*[^\s]", re.M)


def parse(text: str, *, file: str = "events.yaml") -> Timeline:
    """Validate YAML text as a timeline.

    Returns the :class:`Timeline`; raises :class:`TimelineError` listing every problem.
    """
    _screen(text, file)
    data = _read_yaml(text, file)
    if data is None and not _NOT_BLANK.search(text):
        raise TimelineError(
            [Problem(file, None, "", None,
                     "the file is empty; expected a mapping with version, sources and events")]
        )
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({_show(data)})"
        raise TimelineError(
            [Problem(file, 1, "", None,
                     f"the document is {kind}; expected a mapping with version, sources and "
                     "events")]
        )
    found: list[tuple[list[Any], str]] = []
    timeline: Timeline | None = None
    try:
        timeline = Timeline.model_validate(data)
    except ValidationError as exc:
        found.extend(_message_for(err, data) for err in exc.errors(include_url=False))
    found.extend(_cross_check(data))
    if not found:
        assert timeline is not None
        return timeline
    locator = _Locator(text)
    problems = []
    for path, message in found:
        where, rest = _where(data, path)
        problems.append(
            Problem(file, locator.line(path), where, _field_name(rest), message)
        )
    problems.sort(key=lambda p: (p.line or 0))
    raise TimelineError(problems)

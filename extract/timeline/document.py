"""The round-trip editor of a timeline file (:class:`Document`), used by ``extract merge`` and
the review page: it keeps people's comments and key order, validates every edit, writes
atomically and refuses to overwrite a file that changed on disk since it was read."""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ValidationError,
)

from extract.timeline.compare import _claim_of
from extract.timeline.display import _show
from extract.timeline.errors import ConcurrentModificationError, Problem, TimelineError
from extract.timeline.inplace import (
    Layout,
    _as_round_trip_quotes,
    _fast_writes,
    _render_one,
    scan,
)
from extract.timeline.loading import _encoding_of, _parsed, _read_text, _remember
from extract.timeline.model import (
    SCHEMA_VERSION,
    Deal,
    Event,
    Evidence,
    PartialDate,
    Source,
    Timeline,
    evidence_key,
)
from extract.timeline.render import _date_scalar, _to_yaml_value, dumps, render_items
from extract.timeline.roundtrip import _guess_indent, _node_line, _plain, _round_trip_yaml
from extract.timeline.validate import _cross_check, _field_name, _message_for, _where, parse
from extract.timeline.writing import atomic_write, timeline_lock


@dataclass
class _DiskState:
    sha256: str

    @classmethod
    def of(cls, raw: bytes) -> _DiskState:
        return cls(hashlib.sha256(raw).hexdigest())


class Document:
    """A timeline file opened for editing, keeping comments, key order and formatting.

    ``Document.open("events.yaml")``, then ``set_status(id, "accepted", by="analyst")``,
    then ``save()``, which validates the new text before writing it, writes atomically, and
    raises :class:`ConcurrentModificationError` when the file changed on disk since ``open``.

    A file in the plain block layout is edited in place: only the lines of the items an edit
    touches are read by the round-trip editor (each item with its comments), written back
    where they were, and new items are written after the last one of their section; the
    bytes are those a round trip of the whole document would write (the file's other lines
    are what that round trip writes back unchanged). Any other layout is read whole
    (:mod:`extract.timeline.inplace` says which).
    """

    def __init__(self, path: Path, text: str, raw: bytes | None, timeline: Timeline, *,
                 digest: str | None = None):
        self.path = path
        self._disk = (None if raw is None else _DiskState(digest) if digest is not None
                      else _DiskState.of(raw))  # digest: raw's, when the opener has it
        self._bom, self._codec = _encoding_of(raw or b"")  # saved back as it was read
        self._indent_value: tuple[int, int, int] | None = None  # see _indent
        self._indent_of: str | None = text  # the text it is guessed from: the one opened
        self._explicit_start = text.lstrip().startswith("---")
        self._rt: Any = None  # see _yaml
        self._text = text
        self._data: Any = None  # the whole document, read only when the layout needs it
        self._layout_due: Timeline | None = timeline  # scanned when first needed (an edit)
        self._reset_edits()
        self._set_timeline(timeline)

    def _reset_edits(self) -> None:
        # (section, index in the file) -> (root of the item's own document, its first line)
        self._blocks: dict[tuple[str, int], tuple[Any, int]] = {}
        self._removed: set[tuple[str, int]] = set()
        # added items by id, in order: a model (written by the fast emitter, in the canonical
        # layout) or a round-trip node
        self._new: dict[str, dict[str, Any]] = {"sources": {}, "deals": {}, "events": {}}
        # (section, index in the file) -> the item's model, for items of the canonical layout
        # edited without the round trip (written as the fast emitter writes that model)
        self._fast: dict[tuple[str, int], Any] = {}
        self._new_deals_section = False
        self._where: dict[str, dict[str, tuple[str, int]]] | None = None

    def _set_timeline(self, timeline: Timeline) -> None:
        self._timeline = timeline
        self._events_list = list(timeline.events)
        self._sources_list = list(timeline.sources)
        self._deals_list = None if timeline.deals is None else list(timeline.deals)
        self._event_index_value: dict[str, int] | None = None  # see _event_index
        self._source_ids = {s.id for s in self._sources_list}
        self._deal_ids = {d.id for d in self._deals_list or ()}
        self._stale = False

    @property
    def _event_index(self) -> dict[str, int]:
        """Each event's place in the list, made on first need (an edit, a look-up): opening
        a file for review need not index its 50,000 events, nor a copy index them again."""
        if self._event_index_value is None:
            self._event_index_value = {e.id: i for i, e in enumerate(self._events_list)}
        return self._event_index_value

    @_event_index.setter
    def _event_index(self, value: dict[str, int]) -> None:
        self._event_index_value = value

    @property
    def _indent(self) -> tuple[int, int, int]:
        """The file's indentation (mapping, sequence, offset), guessed on first need (the
        round trip and the canonical-layout test need it; reading does not)."""
        if self._indent_value is None:
            assert self._indent_of is not None
            self._indent_value, self._indent_of = _guess_indent(self._indent_of), None
        return self._indent_value

    @property
    def _yaml(self) -> Any:
        """ruamel's round trip for this file, made on first need (a plain block layout has none)"""
        if self._rt is None:
            self._rt = _round_trip_yaml(*self._indent)
            self._rt.explicit_start = self._explicit_start
        return self._rt

    @property
    def _layout(self) -> Layout | None:
        """Where the items are in the text (scanned on first need after a save)."""
        if self._layout_due is not None:
            timeline, self._layout_due = self._layout_due, None
            layout = scan(self._text)
            self._layout_value = layout
            if layout is not None and not layout.matches(timeline):
                self._layout_value = None
        return self._layout_value

    @property
    def _canonical(self) -> bool:
        """The layout :func:`dumps` writes: items edited without the round trip are written
        by the fast emitter, the same bytes (tests compare them on generated files)."""
        layout = self._layout
        return layout is not None and self._indent == (2, 2, 0) and all(
            sec.indent == 0 for sec in layout.sections.values())

    @_layout.setter
    def _layout(self, value: Layout | None) -> None:
        self._layout_due = None
        self._layout_value = value

    @property
    def timeline(self) -> Timeline:
        """The file's content as the model, with every edit made so far."""
        if self._stale:
            self._timeline = self._timeline.model_copy(update={
                "events": list(self._events_list), "sources": list(self._sources_list),
                "deals": None if self._deals_list is None else list(self._deals_list)})
            self._stale = False
        return self._timeline

    @timeline.setter
    def timeline(self, value: Timeline) -> None:
        self._set_timeline(value)

    @property
    def data(self) -> Any:
        """The whole document in the round-trip editor (read on first use: at 50,000 events
        this takes minutes; the edits of this class do not need it)."""
        if self._data is None:
            text = self.text()
            self._data = self._yaml.load(text)
            self._layout = None
            self._reset_edits()
        return self._data

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Document:
        """Open an existing, valid file. Raises :class:`TimelineError` if it is not.

        A large file that validated before is read through the parse cache (see
        :func:`extract.timeline.load`)."""
        p = Path(path)
        text, raw = _read_text(p)
        digest = hashlib.sha256(raw).hexdigest()  # once: the parse cache's key and the disk's
        timeline = _parsed(text, raw, file=str(path), digest=digest)
        return cls(p, text, raw, timeline, digest=digest)

    @classmethod
    def new(cls, path: str | os.PathLike[str], *, header: str | None = None) -> Document:
        """A new, empty timeline that will be written to ``path`` on save."""
        empty = Timeline(version=1)
        text = dumps(empty, header=header)
        return cls(Path(path), text, None, empty)

    def copy(self) -> Document:
        """An independent document of the same bytes (edits to one do not reach the other);
        cheap when nothing is edited yet in either."""
        if self._data is not None or self._edited():
            raise ValueError("copy a document before editing it")
        twin = object.__new__(Document)
        twin.__dict__.update(self.__dict__)
        twin._reset_edits()
        twin._set_timeline(self.timeline)
        return twin

    # -- reading -------------------------------------------------------------------------------
    def event(self, event_id: str) -> Event | None:
        """The event with this id as edited so far, or None."""
        i = self._event_index.get(event_id)
        return None if i is None else self._events_list[i]

    def has_deal(self, deal_id: str) -> bool:
        """Whether the 'deals' section has an entry with this id."""
        return deal_id in self._deal_ids

    def _events(self) -> list[Any]:
        return self.data.setdefault("events", [])

    def _sources(self) -> list[Any]:
        return self.data.setdefault("sources", [])

    def _located(self, section: str, ident: str) -> tuple[str, int]:
        """Where an item of the file as read is: (section, index in the file)."""
        assert self._layout is not None
        if self._where is None:
            self._where = {name: {i: (name, k) for k, i in enumerate(sec.ids)}
                           for name, sec in self._layout.sections.items()}
        return self._where[section][ident]

    def _block_node(self, section: str, ident: str) -> Any:
        """The round-trip node of one item, read from its own lines (kept for writing)."""
        new = self._new[section].get(ident)
        if isinstance(new, BaseModel):  # edited by the round trip from now on
            new = self._new[section][ident] = _to_yaml_value(new)
        if new is not None:
            return new
        place = self._located(section, ident)
        held = self._blocks.get(place)
        if held is None:
            assert self._layout is not None
            fast = self._fast.pop(place, None)
            text = f"{section}:\n" + (self._layout.item_text(*place) if fast is None
                                       else _render_one(section, fast))
            # an item the round trip would not write back as it was (a quote folded over two
            # lines is written on one) is written as the round trip of the whole would
            root = self._yaml.load(text)
            held = (root, self._layout.sections[section].span(place[1])[0])
            self._blocks[place] = held
        return held[0][section][0]

    def _as_model(self, section: str, ident: str, model: Any) -> bool:
        """Whether an item can be edited as its model, without the round trip: an added item
        kept as a model, or an item of a canonical file whose lines are exactly what the fast
        emitter writes for it (no comment, no other quoting)."""
        if self._data is not None or self._layout is None or not self._canonical:
            return False
        if ident in self._new[section]:
            return isinstance(self._new[section][ident], BaseModel)
        place = self._located(section, ident)
        if place in self._fast:
            return True
        if place in self._blocks:
            return False
        return self._layout.item_text(*place) == _render_one(section, model)

    def _set_model(self, section: str, ident: str, model: Any) -> None:
        if ident in self._new[section]:
            self._new[section][ident] = model
        else:
            self._fast[self._located(section, ident)] = model

    def _event_node(self, event_id: str) -> Any:
        if event_id not in self._event_index:
            raise KeyError(f"no event with id {event_id!r} in {self.path}")
        if self._data is None and self._layout is not None:
            node = self._block_node("events", event_id)
            if node is not None:
                return node
        return self._events()[self._event_index[event_id]]

    def _node_first_line(self, node: Any) -> int:
        """Line (0-based) in the file of the first line of the document ``node`` was read
        from (a block: its item's line less the ``section:`` line added before it)."""
        for root, first in self._blocks.values():
            for section in root:
                if root[section] and root[section][0] is node:
                    return first - 1
        return 0

    # -- editing -------------------------------------------------------------------------------
    # Each edit validates only what it touches (the same checks and messages as ``parse``)
    # and changes nothing when that fails; ``save`` validates the new text once more.

    def _event_index_of(self, event_id: str) -> int:
        try:
            return self._event_index[event_id]
        except KeyError:
            raise KeyError(f"no event with id {event_id!r} in {self.path}") from None

    def _check_event(self, plain: dict[str, Any], index: int | None,
                     node: Any = None) -> Event:
        """Validate one event's data against this file; raise TimelineError like ``parse``."""
        found = self._event_problems(plain, index, whole=False)
        event: Event | None = None
        if not found:
            try:
                event = Event.model_validate(plain)
            except ValidationError:
                pass
        if event is None or found:
            found = self._event_problems(plain, index, whole=True)
            data = self._check_data(plain, whole=True)
            problems = []
            for path, message in found:
                where, rest = _where(data, path)
                line = _node_line(node, rest)
                if line is not None and node is not None:
                    line += self._node_first_line(node)
                problems.append(Problem(str(self.path), line, where, _field_name(rest),
                                        message))
            raise TimelineError(problems)
        return event

    def _check_data(self, plain: dict[str, Any], *, whole: bool) -> dict[str, Any]:
        """The file as ``_cross_check`` sees it for this event: every source and deal id
        (``whole``), or only the ones the event names that the file has (the same checks
        pass or fail; the messages' suggestions need ``whole``)."""
        if whole:
            sources = [{"id": s.id} for s in self._sources_list]
            deals = [{"id": d.id} for d in self._deals_list or ()]
        else:
            named = {ev.get("source") for ev in plain.get("evidence") or ()
                     if isinstance(ev, dict)} | set(plain.get("references") or ())
            sources = [{"id": i} for i in named if isinstance(i, str) and i in self._source_ids]
            deal = plain.get("deal")
            deals = [{"id": deal}] if isinstance(deal, str) and deal in self._deal_ids else []
        data: dict[str, Any] = {"version": SCHEMA_VERSION, "sources": sources, "events": [plain]}
        if self._deals_list is not None:
            data["deals"] = deals
        return data

    def _event_problems(self, plain: dict[str, Any], index: int | None, *,
                        whole: bool) -> list[tuple[list[Any], str]]:
        data = self._check_data(plain, whole=whole)
        found: list[tuple[list[Any], str]] = []
        if whole:
            try:
                Event.model_validate(plain)
            except ValidationError as exc:
                for err in exc.errors(include_url=False):
                    path, message = _message_for(err, data)
                    found.append((["events", 0, *path], message))
            others: Any = self._event_index
        else:
            proposal = plain.get("corroborates")
            target = proposal.get("event") if isinstance(proposal, dict) else None
            others = [target] if target in self._event_index else []
        found.extend(_cross_check(data, others))
        ident = plain.get("id")
        i = self._event_index.get(ident) if isinstance(ident, str) else None
        if i is not None and i != index:
            found.append(
                (["events", 0, "id"],
                 f"{_show(ident)} is a duplicate id (also event #{i + 1}); "
                 "expected every event id to be unique")
            )
        return found

    def _set_events(self, events: list[Event]) -> None:
        self._events_list = list(events)
        self._event_index = {e.id: i for i, e in enumerate(self._events_list)}
        self._stale = True

    def _replace_event(self, index: int, event: Event) -> None:
        old = self._events_list[index]
        self._events_list[index] = event
        if old.id != event.id:
            del self._event_index[old.id]
            self._event_index[event.id] = index
        self._stale = True

    def add_source(self, source: Source) -> None:
        if source.id in self._source_ids:
            raise ValueError(f"source {source.id!r} already exists in {self.path}")
        Source.model_validate(source.model_dump())
        if self._data is None and self._layout is not None:
            self._new["sources"][source.id] = source if self._canonical else _to_yaml_value(
                source)
        else:
            self._sources().append(_to_yaml_value(source))
        self._sources_list.append(source)
        self._source_ids.add(source.id)
        self._stale = True

    def add_deal(self, deal: Deal) -> None:
        """Add an entry to the 'deals' section (made, before 'events', when the file has
        none). Raises ``ValueError`` for an id already there."""
        if deal.id in self._deal_ids:
            raise ValueError(f"deal {deal.id!r} already exists in {self.path}")
        Deal.model_validate(deal.model_dump())
        if self._data is None and self._layout is not None:
            if "deals" not in self._layout.sections:
                self._new_deals_section = True
            self._new["deals"][deal.id] = deal if self._canonical else _to_yaml_value(deal)
        else:
            if "deals" not in self.data or self.data["deals"] is None:
                from ruamel.yaml.comments import CommentedSeq

                keys = list(self.data)
                pos = keys.index("events") if "events" in keys else len(keys)
                self.data.insert(pos, "deals", CommentedSeq())
            self.data["deals"].append(_to_yaml_value(deal))
        if self._deals_list is None:
            self._deals_list = []
        self._deals_list.append(deal)
        self._deal_ids.add(deal.id)
        self._stale = True

    def add_event(self, event: Event) -> None:
        kept_as_model = self._canonical and self._data is None
        node = _to_yaml_value(event, fast=kept_as_model)
        checked = self._check_event(node if kept_as_model else _plain(node), None)
        if self._data is None and self._layout is not None:
            self._new["events"][checked.id] = checked if kept_as_model else node
        else:
            self._events().append(node)
        self._events_list.append(checked)
        self._event_index[checked.id] = len(self._events_list) - 1
        self._stale = True

    def add_evidence(self, event_id: str, evidence: Evidence) -> None:
        index = self._event_index_of(event_id)
        if self._as_model("events", event_id, self._events_list[index]):
            event = self._events_list[index]
            plain = _to_yaml_value(event, fast=True)
            plain.setdefault("evidence", []).append(_to_yaml_value(evidence, fast=True))
            checked = self._check_event(plain, index)
            self._set_model("events", event_id, checked)
            self._replace_event(index, checked)
            return
        node = self._event_node(event_id)
        plain = _plain(node)
        new = _to_yaml_value(evidence)
        plain.setdefault("evidence", []).append(_plain(new))
        checked = self._check_event(plain, index, node)
        node.setdefault("evidence", []).append(new)
        self._replace_event(index, checked)

    def update_event(self, event_id: str, **changes: Any) -> None:
        """Set fields of one event; ``None`` removes an optional field. Other lines untouched.

        Raises :class:`TimelineError` (with the messages of ``check``) and changes nothing when
        the result would not be valid.
        """
        index = self._event_index_of(event_id)
        yaml_values: dict[str, Any] = {}
        for name, value in changes.items():
            if name not in Event.model_fields:
                raise ValueError(f"unknown event field {name!r}")
            if value is None or (value is False and Event.model_fields[name].default is False):
                yaml_values[name] = None
            elif isinstance(value, PartialDate):
                yaml_values[name] = _date_scalar(value)
            elif isinstance(value, BaseModel):
                yaml_values[name] = _to_yaml_value(value)
            elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
                from ruamel.yaml.comments import CommentedSeq

                yaml_values[name] = CommentedSeq(_to_yaml_value(v) for v in value)
            elif isinstance(value, list) and name in ("actors", "people", "systems",
                                                      "references"):
                from ruamel.yaml.comments import CommentedSeq

                seq = CommentedSeq(value)
                seq.fa.set_flow_style()
                yaml_values[name] = seq
            else:
                yaml_values[name] = value
        node = self._event_node(event_id)
        plain = _plain(node)
        for name, value in yaml_values.items():
            if value is None:
                plain.pop(name, None)
            else:
                plain[name] = _plain(value)
        checked = self._check_event(plain, index, node)
        for name, value in yaml_values.items():
            if value is None:
                node.pop(name, None)
            elif name in node:
                node[name] = value
            else:
                # keep the schema's key order for a new key
                order = list(Event.model_fields)
                pos = len(node)
                for i, key in enumerate(node):
                    if key in order and order.index(key) > order.index(name):
                        pos = i
                        break
                node.insert(pos, name, value)
        if checked.id != event_id and event_id in self._new["events"]:
            self._new["events"] = {(checked.id if k == event_id else k): v
                                   for k, v in self._new["events"].items()}
        elif checked.id != event_id and self._where is not None and self._layout is not None:
            place = self._where["events"].pop(event_id, None)
            if place is not None:
                self._where["events"][checked.id] = place
        self._replace_event(index, checked)

    def set_status(self, event_id: str, status: str, *, by: str | None = None) -> None:
        changes: dict[str, Any] = {"status": status}
        if by:
            changes["reviewed_by"] = by
            changes["reviewed_at"] = _dt.datetime.now(_dt.UTC).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            )
        self.update_event(event_id, **changes)

    def remove_event(self, event_id: str) -> None:
        index = self._event_index_of(event_id)
        if event_id in self.timeline.briefing:
            raise ValueError(f"event {event_id!r} is in the briefing list; remove it there first")
        if self._data is None and self._layout is not None:
            if self._new["events"].pop(event_id, None) is None:
                place = self._located("events", event_id)
                self._removed.add(place)
                self._blocks.pop(place, None)
                self._fast.pop(place, None)
                del self._where["events"][event_id]  # type: ignore[index]
        else:
            del self._events()[index]
        events = list(self._events_list)
        del events[index]
        self._set_events(events)

    def update_source(self, source_id: str, **changes: Any) -> None:
        """Set fields of one source (``None`` removes an optional one); other lines untouched.

        Raises ``KeyError`` for an unknown id, ``ValueError`` for an unknown field and
        :class:`TimelineError` when the result would not be valid (nothing is changed then).
        """
        index = next((i for i, src in enumerate(self._sources_list) if src.id == source_id),
                     None)
        if index is None:
            raise KeyError(f"no source with id {source_id!r} in {self.path}")
        for name in changes:
            if name not in Source.model_fields or name == "id":
                raise ValueError(f"cannot set source field {name!r}")
        data = self._sources_list[index].model_dump()
        data.update(changes)
        try:
            checked = Source.model_validate(data)
        except ValidationError as exc:
            problems = []
            for err in exc.errors(include_url=False):
                path, message = _message_for(err, data)
                problems.append(Problem(str(self.path), None, f"source '{source_id}'",
                                        _field_name(path), message))
            raise TimelineError(problems) from None
        if self._as_model("sources", source_id, self._sources_list[index]):
            self._set_model("sources", source_id, checked)
            self._sources_list[index] = checked
            self._stale = True
            return
        node = None
        if self._data is None and self._layout is not None:
            node = self._block_node("sources", source_id)
        if node is None:
            node = next(n for n in self._sources() if n.get("id") == source_id)
        new = _to_yaml_value(checked)
        for name in changes:
            if name not in new:
                node.pop(name, None)
            elif name in node:
                node[name] = new[name]
            else:
                order = list(Source.model_fields)
                pos = next((i for i, key in enumerate(node) if key in order
                            and order.index(key) > order.index(name)), len(node))
                node.insert(pos, name, new[name])
        self._sources_list[index] = checked
        self._stale = True

    def merge_into(self, event_id: str, target_id: str, *, by: str | None = None) -> None:
        """Move an event's evidence to ``target_id`` (skipping what it already quotes) and
        remove the event: a candidate that a person found to be an existing event.

        Where the two disagree (:func:`differences`: another date or period, another value),
        each moved piece of evidence keeps what its source says in ``claims``, so the
        disagreement stays visible on the event instead of being smoothed over.
        """
        if event_id == target_id:
            raise ValueError("an event cannot be merged into itself")
        source = self._events_list[self._event_index_of(event_id)]
        target = self._events_list[self._event_index_of(target_id)]
        claim = _claim_of(source, target)
        have = {evidence_key(e) for e in target.evidence}
        for ev in source.evidence:
            if evidence_key(ev) not in have:
                if claim is not None and ev.claims is None:
                    ev = ev.model_copy(update={"claims": claim})
                self.add_evidence(target_id, ev)
        self.remove_event(event_id)
        if by:
            self.update_event(target_id, reviewed_by=by, reviewed_at=_dt.datetime.now(
                _dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))

    # -- writing -------------------------------------------------------------------------------
    def _dump_items(self, section: str, root: Any) -> str:
        buf = io.StringIO()
        self._yaml.dump(root, buf)
        text = buf.getvalue()
        head = f"{section}:\n"
        assert text.startswith(head), text[:40]
        return text[len(head):]

    def _spliced(self) -> tuple[str, list[tuple[str, str, list[Any]]]]:
        """The new text of an in-place edit, and what was written for each item touched:
        (section, text, the ids the text must hold, in order)."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        layout = self._layout
        assert layout is not None
        edits: list[tuple[int, int, int, str]] = []  # (first line, end line, order, text)
        written: list[tuple[str, str, list[Any]]] = []
        for (section, k), (root, _first) in self._blocks.items():
            first, end = layout.sections[section].span(k)
            text = self._dump_items(section, root)
            edits.append((first, end, 1, text))
            written.append((section, text, [root[section][0].get("id")]))
        for (section, k), model in self._fast.items():
            first, end = layout.sections[section].span(k)
            text = (_render_one(section, model) if _fast_writes(model) else self._dump_items(
                section, CommentedMap({section: CommentedSeq([_to_yaml_value(model)])})))
            edits.append((first, end, 1, text))
            written.append((section, text, [model.id]))
        for section, k in self._removed:
            first, end = layout.sections[section].span(k)
            edits.append((first, end, 1, ""))
        for order, section in enumerate(("sources", "deals", "events")):
            items = [i if _fast_writes(i) or not isinstance(i, BaseModel) else _to_yaml_value(i)
                     for i in self._new[section].values()]
            if not items:
                continue
            parts = []
            for is_model, run in itertools.groupby(items, key=lambda i: isinstance(i, BaseModel)):
                run = list(run)
                if is_model:
                    parts.append(_as_round_trip_quotes(
                        render_items(section, run)[len(section) + 2:]))
                else:
                    parts.append(self._dump_items(section,
                                                  CommentedMap({section: CommentedSeq(run)})))
            text = "".join(parts)
            written.append((section, text, list(self._new[section])))
            if section == "deals" and self._new_deals_section:
                at = layout.sections["events"].key_line
                text = "deals:\n" + text
            else:
                at = layout.sections[section].end
            edits.append((at, at, 2 + order, text))
        out: list[str] = []
        pos = 0
        for first, end, _order, text in sorted(edits):
            out.extend(layout.lines[pos:first])
            out.append(text)
            pos = end
        out.extend(layout.lines[pos:])
        return "".join(out), written

    def text(self) -> str:
        if self._data is None:
            if self._layout is None:
                return self._text
            if not self._edited():
                return self._text
            return self._spliced()[0]
        buf = io.StringIO()
        self._yaml.dump(self._data, buf)
        return buf.getvalue()

    def _edited(self) -> bool:
        return bool(self._blocks or self._fast or self._removed or any(self._new.values()))

    def _check_written(self, written: list[tuple[str, str, list[Any]]]) -> None:
        """The items an in-place edit wrote read back (PyYAML, as ``load`` reads them) as the
        validated items of the model: raise TimelineError otherwise (nothing is written)."""
        import yaml

        from extract.timeline.safe_yaml import load_block

        kinds = {"sources": (Source, self._sources_list), "deals": (Deal, self._deals_list or []),
                 "events": (Event, self._events_list)}
        together: dict[str, tuple[list[str], list[Any]]] = {}
        for section, text, ids in written:  # one read per section
            texts, all_ids = together.setdefault(section, ([], []))
            texts.append(text)
            all_ids.extend(ids)
        problems = []
        for section, (texts, ids) in together.items():
            text = "".join(texts)
            model, items = kinds[section]
            wanted = set(ids)
            by_id = {m.id: m for m in items if m.id in wanted}
            try:
                got = load_block(f"{section}:\n" + text)[section]
                read = [model.model_validate(item) for item in got]
            except (yaml.YAMLError, ValidationError, TypeError, KeyError) as exc:
                problems.append(Problem(str(self.path), None, section, None,
                                        f"the edited text does not read back ({exc})"))
                continue
            if [m.id for m in read] != ids or any(m != by_id.get(m.id) for m in read):
                problems.append(Problem(str(self.path), None, section, None,
                                        "the edited text does not read back as the edit; "
                                        "expected the same items"))
        if self._removed:
            for e in self._events_list:
                target = e.corroborates.event if e.corroborates else None
                if target is not None and target not in self._event_index:
                    problems.append(Problem(
                        str(self.path), None, f"event '{e.id}'", "corroborates",
                        f"{_show(target)} is not an event in this file; expected the id of "
                        "an accepted event under 'events'"))
        if problems:
            raise TimelineError(problems)

    def changed_on_disk(self) -> bool:
        if self._disk is None:
            return self.path.exists()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return True
        return _DiskState.of(raw) != self._disk

    def save(self, *, force: bool = False) -> None:
        """Validate and write atomically. Refuses to overwrite a file changed on disk.

        The check and the write happen under :func:`timeline_lock`, so two writers (threads
        of one server, or separate processes) cannot both see the file unchanged and both
        write: the second one gets :class:`ConcurrentModificationError`, and a save that
        returns is in the file.

        An edit in place validates what it wrote (each edited or added item reads back as
        the validated model; every edit already checked ids and references); a document
        read whole is validated whole.
        """
        in_place = self._data is None and self._layout is not None
        if in_place:
            if self._edited():
                text, written = self._spliced()
                self._check_written(written)
            else:
                text = self._text
        else:
            text = self.text()
            parse(text, file=str(self.path))
        data = self._bom + text.encode(self._codec)
        with timeline_lock(self.path):
            if not force and self.changed_on_disk():
                raise ConcurrentModificationError(
                    f"{self.path} changed on disk since it was read; reload it and redo the "
                    "change (nothing was written)"
                )
            atomic_write(self.path, data)
        self._disk = _DiskState.of(data)
        if in_place:
            timeline = self.timeline
            if self._edited():
                self._text = text
                self._layout_due = timeline  # scanned when next needed
                self._where = None
            self._reset_edits()
            _remember(data, timeline)

    # -- iteration helpers ---------------------------------------------------------------------
    def __iter__(self) -> Iterator[Event]:
        return iter(self.timeline.events)

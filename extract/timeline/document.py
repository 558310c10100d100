"""The round-trip editor of a timeline file (:class:`Document`), used by ``extract merge`` and
the review page: it keeps people's comments and key order, validates every edit, writes
atomically and refuses to overwrite a file that changed on disk since it was read."""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import os
from collections.abc import Iterator, Sequence
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
from extract.timeline.loading import _encoding_of, _read_text
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
from extract.timeline.render import _date_scalar, _to_yaml_value, dumps
from extract.timeline.roundtrip import _guess_indent, _plain, _round_trip_yaml
from extract.timeline.validate import _cross_check, _field_name, _message_for, _where, parse
from extract.timeline.writing import atomic_write, timeline_lock


@dataclass
class _DiskState:
    sha256: str

    @classmethod
    def of(cls, raw: bytes) -> _DiskState:
        return cls(hashlib.sha256(raw).hexdigest())


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


class Document:
    """A timeline file opened for editing, keeping comments, key order and formatting.

    >>> doc = Document.open("events.yaml")          # doctest: +SKIP
    >>> doc.set_status("herzog-visit-2023", "accepted", by="analyst")  # doctest: +SKIP
    >>> doc.save()                                  # doctest: +SKIP

    ``save`` validates the new text before writing it, writes atomically, and raises
    :class:`ConcurrentModificationError` when the file changed on disk since ``open``.
    """

    def __init__(self, path: Path, text: str, raw: bytes | None, timeline: Timeline):
        self.path = path
        self.timeline = timeline
        self._disk = _DiskState.of(raw) if raw is not None else None
        self._bom, self._codec = _encoding_of(raw or b"")  # saved back as it was read
        self._yaml = _round_trip_yaml(*_guess_indent(text))
        self._yaml.explicit_start = text.lstrip().startswith("---")
        self.data = self._yaml.load(text)

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Document:
        """Open an existing, valid file. Raises :class:`TimelineError` if it is not."""
        p = Path(path)
        text, raw = _read_text(p)
        timeline = parse(text, file=str(path))
        return cls(p, text, raw, timeline)

    @classmethod
    def new(cls, path: str | os.PathLike[str], *, header: str | None = None) -> Document:
        """A new, empty timeline that will be written to ``path`` on save."""
        empty = Timeline(version=1)
        text = dumps(empty, header=header)
        return cls(Path(path), text, None, empty)

    # -- reading -------------------------------------------------------------------------------
    def _events(self) -> list[Any]:
        return self.data.setdefault("events", [])

    def _sources(self) -> list[Any]:
        return self.data.setdefault("sources", [])

    def _event_node(self, event_id: str) -> Any:
        for node in self._events():
            if node.get("id") == event_id:
                return node
        raise KeyError(f"no event with id {event_id!r} in {self.path}")

    # -- editing -------------------------------------------------------------------------------
    # Each edit validates only what it touches (the same checks and messages as ``parse``)
    # and changes nothing when that fails; ``save`` validates the whole text once more.

    def _event_index(self, event_id: str) -> int:
        for i, node in enumerate(self._events()):
            if node.get("id") == event_id:
                return i
        raise KeyError(f"no event with id {event_id!r} in {self.path}")

    def _check_event(self, plain: dict[str, Any], index: int | None) -> Event:
        """Validate one event's data against this file; raise TimelineError like ``parse``."""
        data = {
            "version": SCHEMA_VERSION,
            "sources": [{"id": s.id} for s in self.timeline.sources],
            "events": [plain],
        }
        if self.timeline.deals is not None:
            data["deals"] = [{"id": d.id} for d in self.timeline.deals]
        found: list[tuple[list[Any], str]] = []
        event: Event | None = None
        try:
            event = Event.model_validate(plain)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                path, message = _message_for(err, data)
                found.append((["events", 0, *path], message))
        found.extend(_cross_check(data, (e.id for e in self.timeline.events)))
        ident = plain.get("id")
        for i, other in enumerate(self.timeline.events):
            if i != index and other.id == ident:
                found.append(
                    (["events", 0, "id"],
                     f"{_show(ident)} is a duplicate id (also event #{i + 1}); "
                     "expected every event id to be unique")
                )
        if found:
            node = self._events()[index] if index is not None else None
            problems = []
            for path, message in found:
                where, rest = _where(data, path)
                problems.append(Problem(str(self.path), _node_line(node, rest), where,
                                        _field_name(rest), message))
            raise TimelineError(problems)
        assert event is not None
        return event

    def _set_events(self, events: list[Event]) -> None:
        self.timeline = self.timeline.model_copy(update={"events": events})

    def add_source(self, source: Source) -> None:
        if any(s.id == source.id for s in self.timeline.sources):
            raise ValueError(f"source {source.id!r} already exists in {self.path}")
        Source.model_validate(source.model_dump())
        self._sources().append(_to_yaml_value(source))
        self.timeline = self.timeline.model_copy(
            update={"sources": [*self.timeline.sources, source]}
        )

    def add_deal(self, deal: Deal) -> None:
        """Add an entry to the 'deals' section (made, before 'events', when the file has
        none). Raises ``ValueError`` for an id already there."""
        if any(d.id == deal.id for d in self.timeline.deals or ()):
            raise ValueError(f"deal {deal.id!r} already exists in {self.path}")
        Deal.model_validate(deal.model_dump())
        if "deals" not in self.data or self.data["deals"] is None:
            from ruamel.yaml.comments import CommentedSeq

            keys = list(self.data)
            pos = keys.index("events") if "events" in keys else len(keys)
            self.data.insert(pos, "deals", CommentedSeq())
        self.data["deals"].append(_to_yaml_value(deal))
        self.timeline = self.timeline.model_copy(
            update={"deals": [*(self.timeline.deals or ()), deal]})

    def add_event(self, event: Event) -> None:
        node = _to_yaml_value(event)
        checked = self._check_event(_plain(node), None)
        self._events().append(node)
        self._set_events([*self.timeline.events, checked])

    def add_evidence(self, event_id: str, evidence: Evidence) -> None:
        index = self._event_index(event_id)
        node = self._events()[index]
        plain = _plain(node)
        new = _to_yaml_value(evidence)
        plain.setdefault("evidence", []).append(_plain(new))
        checked = self._check_event(plain, index)
        node.setdefault("evidence", []).append(new)
        events = list(self.timeline.events)
        events[index] = checked
        self._set_events(events)

    def update_event(self, event_id: str, **changes: Any) -> None:
        """Set fields of one event; ``None`` removes an optional field. Other lines untouched.

        Raises :class:`TimelineError` (with the messages of ``check``) and changes nothing when
        the result would not be valid.
        """
        index = self._event_index(event_id)
        node = self._events()[index]
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
        plain = _plain(node)
        for name, value in yaml_values.items():
            if value is None:
                plain.pop(name, None)
            else:
                plain[name] = _plain(value)
        checked = self._check_event(plain, index)
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
        events = list(self.timeline.events)
        events[index] = checked
        self._set_events(events)

    def set_status(self, event_id: str, status: str, *, by: str | None = None) -> None:
        changes: dict[str, Any] = {"status": status}
        if by:
            changes["reviewed_by"] = by
            changes["reviewed_at"] = _dt.datetime.now(_dt.UTC).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            )
        self.update_event(event_id, **changes)

    def remove_event(self, event_id: str) -> None:
        index = self._event_index(event_id)
        if event_id in self.timeline.briefing:
            raise ValueError(f"event {event_id!r} is in the briefing list; remove it there first")
        del self._events()[index]
        events = list(self.timeline.events)
        del events[index]
        self._set_events(events)

    def update_source(self, source_id: str, **changes: Any) -> None:
        """Set fields of one source (``None`` removes an optional one); other lines untouched.

        Raises ``KeyError`` for an unknown id, ``ValueError`` for an unknown field and
        :class:`TimelineError` when the result would not be valid (nothing is changed then).
        """
        index = next((i for i, src in enumerate(self.timeline.sources) if src.id == source_id),
                     None)
        if index is None:
            raise KeyError(f"no source with id {source_id!r} in {self.path}")
        for name in changes:
            if name not in Source.model_fields or name == "id":
                raise ValueError(f"cannot set source field {name!r}")
        data = self.timeline.sources[index].model_dump()
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
        sources = list(self.timeline.sources)
        sources[index] = checked
        self.timeline = self.timeline.model_copy(update={"sources": sources})

    def merge_into(self, event_id: str, target_id: str, *, by: str | None = None) -> None:
        """Move an event's evidence to ``target_id`` (skipping what it already quotes) and
        remove the event: a candidate that a person found to be an existing event.

        Where the two disagree (:func:`differences`: another date or period, another value),
        each moved piece of evidence keeps what its source says in ``claims``, so the
        disagreement stays visible on the event instead of being smoothed over.
        """
        if event_id == target_id:
            raise ValueError("an event cannot be merged into itself")
        source = self.timeline.events[self._event_index(event_id)]
        target = self.timeline.events[self._event_index(target_id)]
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
    def text(self) -> str:
        buf = io.StringIO()
        self._yaml.dump(self.data, buf)
        return buf.getvalue()

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
        """
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

    # -- iteration helpers ---------------------------------------------------------------------
    def __iter__(self) -> Iterator[Event]:
        return iter(self.timeline.events)

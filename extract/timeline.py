"""The events.yaml contract: load, validate and save the curated timeline.

This module is the one piece of ``extract`` that the dashboard imports. It owns:

* the typed model (:class:`Timeline`, :class:`Source`, :class:`Event`, :class:`Evidence`, ...),
  from which the JSON Schema ``events.schema.json`` is generated;
* :class:`PartialDate`, a date whose *form is its precision* (``2016``, ``2020-11``,
  ``2023-05-30``): a year is never silently turned into a day;
* validation that reports every problem at once as a :class:`TimelineError`, one line each,
  naming the file, the event (id or position), the line, the field, the bad value and what was
  expected;
* :class:`Document`, the round-trip editor used by ``extract merge`` and the review page: it
  keeps people's comments and key order, writes atomically, and refuses to overwrite a file that
  changed on disk since it was read.

Two parsers are used on purpose. Reading (``load``/``parse``) goes through PyYAML's
C-accelerated *safe* loader, which is fast and refuses object tags; editing goes through
ruamel.yaml's round-trip mode, which is slower but preserves comments and formatting. Line
numbers for error messages come from a node-level compose of the same text, so they are exact
even when the values themselves are broken.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as _dt
import difflib
import hashlib
import io
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import total_ordering
from pathlib import Path
from typing import Any, Literal, get_args

try:
    import fcntl
except ImportError:  # Windows: the in-process lock still holds across a server's threads
    fcntl = None  # type: ignore[assignment]

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationError,
    field_validator,
)
from pydantic_core import PydanticCustomError, core_schema

log = logging.getLogger(__name__)

__all__ = [
    "EVENT_TYPES",
    "STATUSES",
    "SCHEMA_VERSION",
    "PartialDate",
    "Value",
    "Claim",
    "Evidence",
    "evidence_key",
    "Source",
    "PageClaims",
    "Proposal",
    "Event",
    "Timeline",
    "Problem",
    "TimelineError",
    "ConcurrentModificationError",
    "Document",
    "parse",
    "load",
    "dumps",
    "render_header",
    "render_items",
    "atomic_write",
    "atomic_writer",
    "timeline_lock",
    "text_digest",
    "is_public_address",
    "visible",
    "differences",
    "span_words",
    "json_schema",
    "schema_text",
    "SCHEMA_COMMENT",
]

SCHEMA_VERSION = 1
SCHEMA_COMMENT = "# yaml-language-server: $schema=./events.schema.json"

EventType = Literal[
    "deal",
    "delivery",
    "combat_use",
    "visit",
    "meeting_call",
    "agreement",
    "diplomatic",
    "statement",
    "statistic",
    "conflict",
    "production",
    "other",
]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
Status = Literal["candidate", "accepted", "rejected"]
STATUSES: tuple[str, ...] = get_args(Status)

_DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


# --------------------------------------------------------------------------------------------
# PartialDate
# --------------------------------------------------------------------------------------------


@total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date at the precision the text gives: a year, a month, or a day.

    >>> PartialDate.parse("2020-11").precision
    'month'
    >>> str(PartialDate.parse(2016))
    '2016'
    >>> PartialDate.parse("2016").first_day(), PartialDate.parse("2016").last_day()
    (datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """Read ``2016``, ``"2016"``, ``"2016-12"``, ``"2016-12-13"`` or a ``datetime.date``.

        Raises ``ValueError`` with a message fit for a curator.
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):
            raise ValueError(
                f"{_show(value)} is a date with a time; expected {_DATE_FORMS}"
            )
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValueError(f"{_show(value)} is not a date; expected {_DATE_FORMS}")
        text = str(value).strip()
        m = _DATE_RE.match(text)
        if not m:
            raise ValueError(f"{_show(value)} is not a date; expected {_DATE_FORMS}")
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if year < 1000:
            raise ValueError(f"{_show(value)} is not a date; expected a four-digit year")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(
                f"{_show(value)} is not a date: there is no month {month}; "
                f"expected {_DATE_FORMS}"
            )
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(
                    f"{_show(value)} is not a real date: {calendar.month_name[month]} {year} "
                    f"has {last} days; expected {_DATE_FORMS}"
                )
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        """``'year'``, ``'month'`` or ``'day'``."""
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> _dt.date:
        if self.day is not None:
            return _dt.date(self.year, self.month or 1, self.day)
        if self.month is not None:
            return _dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return _dt.date(self.year, 12, 31)

    def to_yaml(self) -> int | str:
        """The YAML scalar: a plain int for a year, ``YYYY-MM``/``YYYY-MM-DD`` strings else."""
        return self.year if self.precision == "year" else str(self)

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    # pydantic integration: validate from YAML scalars, serialize to the YAML form
    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def validate(value: Any) -> PartialDate:
            try:
                return cls.parse(value)
            except ValueError as exc:
                raise PydanticCustomError("partial_date", str(exc)) from None

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda d: d.to_yaml(), when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {
            "description": "A date at the precision the source gives: YYYY, YYYY-MM or "
            "YYYY-MM-DD. The form is the precision.",
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
            ],
        }


# --------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=False, frozen=False)


def _check_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise PydanticCustomError(
            "bad_id",
            "{value} is not a valid id; expected lowercase letters, digits, '-', '.' or '_', "
            "starting with a letter or digit",
            {"value": _show(value)},
        )
    return value


def _check_url(value: str | None) -> str | None:
    if value is None:
        return None
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", value)
    scheme = m.group(1).lower() if m else ""
    if scheme not in ("http", "https") or not re.match(r"^https?://[^/\s]+", value, re.I):
        raise PydanticCustomError(
            "bad_url",
            "{value} is not a web address; expected an http:// or https:// URL",
            {"value": _show(value)},
        )
    if re.search(r"\s", value):
        raise PydanticCustomError(
            "bad_url", "{value} contains spaces; expected a URL", {"value": _show(value)}
        )
    return value


class PageClaims(_Model):
    """What a saved web page says of itself (og:site_name, canonical link, base href).

    Claims, not facts: anyone can write them into a page. They are shown to the curator as
    "the page says"; the source's own ``publisher`` and ``url`` come from the manifest or the
    person who added the article when they gave them.
    """

    publisher: str | None = Field(default=None, description="The site name the page gives.")
    url: str | None = Field(default=None, description="The address the page gives for itself.")


class Source(_Model):
    """An article or reference that evidence can cite."""

    id: str = Field(description="Unique, stable id, e.g. caspian-news-2023-05-31.")
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: PartialDate | None = Field(
        default=None, description="Publication date (YYYY | YYYY-MM | YYYY-MM-DD) or null."
    )
    url: str | None = Field(default=None, description="http(s) address of the article.")
    file: str | None = Field(default=None, description="The article file it was read from.")
    digest: str | None = Field(
        default=None, pattern=r"^sha256:[0-9a-f]{64}$",
        description="What identifies the article: sha256 of its text, white space collapsed "
        "(see text_digest). Two texts never share a source; one text is one source.",
    )
    page_says: PageClaims | None = Field(
        default=None, description="What the page claims of itself, where that was read."
    )
    language: str = "en"
    notes: str | None = None

    _id = field_validator("id")(classmethod(lambda cls, v: _check_id(v)))
    _url = field_validator("url")(classmethod(lambda cls, v: _check_url(v)))


class Value(_Model):
    """A money amount or a figure (a share in percent, a rank)."""

    amount: float = Field(ge=0, allow_inf_nan=False)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="ISO 4217.")
    unit: str | None = Field(default=None, description="For figures: percent, rank, ...")
    approximate: bool = False
    text: str | None = Field(default=None, description="The words as written.")


class Claim(_Model):
    """What one source says about an event where it differs from the established record."""

    date: PartialDate | None = None
    end: PartialDate | None = None
    value: Value | None = None
    text: str | None = Field(default=None, description="Anything else this source claims.")


class Evidence(_Model):
    """One source's sentence supporting an event."""

    source: str = Field(description="The id of a source in this file.")
    quote: str = Field(min_length=1, description="The exact sentence from the article.")
    date_text: str | None = Field(default=None, description="The date words exactly as written.")
    context: str | None = Field(
        default=None,
        description="The paragraph around the quote, as the extractor read it (for reviewers).",
    )
    claims: Claim | None = Field(
        default=None, description="What this source says, where it differs from the event."
    )


def evidence_key(ev: Evidence) -> tuple[str, str, str]:
    """What makes two pieces of evidence the same: source, sentence and date words (white
    space and case aside). A sentence with two periods is two pieces of evidence."""
    return ev.source, " ".join(ev.quote.split()).casefold(), " ".join(
        (ev.date_text or "").split()).casefold()


class Proposal(_Model):
    """A candidate's proposal to corroborate an accepted event, and why it was made."""

    event: str = Field(description="The id of the accepted event it may be the same as.")
    reason: str | None = Field(default=None, description="Why, and where the two differ.")


class Event(_Model):
    """A dated happening, with its evidence."""

    id: str = Field(description="Unique id, stable across re-runs.")
    title: str = Field(min_length=1)
    date: PartialDate
    end: PartialDate | None = Field(default=None, description="For periods.")
    approximate: bool = False
    type: EventType
    actors: list[str] = Field(default_factory=list, description="Countries, short English names.")
    people: list[str] = Field(default_factory=list)
    systems: list[str] = Field(default_factory=list, description="Weapon systems, canonical names.")
    value: Value | None = None
    summary: str | None = None
    evidence: list[Evidence] = Field(min_length=1)
    status: Status = "candidate"
    confidence: float | None = Field(default=None, ge=0, le=1)
    unverified: bool = Field(
        default=False, description="A claim no independent source confirms: shown as such."
    )
    references: list[str] = Field(
        default_factory=list,
        description="Ids of further sources (often url-only) that establish this event's date "
        "or facts, beyond the quoted evidence.",
    )
    corroborates: Proposal | None = Field(
        default=None,
        description="For a candidate: the accepted event it may be the same happening as. "
        "Only a person adds its evidence there (the Review page).",
    )
    notes: str | None = None
    reviewed_by: str | None = None
    reviewed_at: str | None = None

    _id = field_validator("id")(classmethod(lambda cls, v: _check_id(v)))

    @property
    def precision(self) -> str:
        return self.date.precision

    def publishers(self, sources: Mapping[str, Source]) -> list[str]:
        """Distinct publishers among this event's evidence (corroboration), in order."""
        seen: dict[str, None] = {}
        for ev in self.evidence:
            src = sources.get(ev.source)
            name = (src.publisher or src.id) if src else ev.source
            seen.setdefault(name, None)
        return list(seen)


class Timeline(_Model):
    """The whole file."""

    version: Literal[1] = Field(description="Format version; 1.")
    sources: list[Source] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    briefing: list[str] = Field(
        default_factory=list, description="Event ids for presenter mode, in the presenter's order."
    )

    def source_map(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def event_map(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}


_FIELDS: dict[str, tuple[str, ...]] = {
    "timeline": tuple(Timeline.model_fields),
    "source": tuple(Source.model_fields),
    "event": tuple(Event.model_fields),
    "evidence": tuple(Evidence.model_fields),
    "value": tuple(Value.model_fields),
    "claims": tuple(Claim.model_fields),
    "page_says": tuple(PageClaims.model_fields),
    "corroborates": tuple(Proposal.model_fields),
}


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation problem, located."""

    file: str
    line: int | None
    where: str  # "event 'gantz-visit-2022'", "source #2", "" for the top level
    field: str | None
    message: str

    def __str__(self) -> str:
        head = self.file
        if self.where:
            head += f", {self.where}"
        if self.line is not None:
            head += f" (line {self.line})"
        body = f"field '{self.field}': {self.message}" if self.field else self.message
        # one line, whatever the values hold, and no character that hides or reorders text
        return visible(f"{head}: {body}".translate(_LINE_BREAKS))


class TimelineError(Exception):
    """The file cannot be used as it is. ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]


class ConcurrentModificationError(Exception):
    """The file changed on disk since it was read: saving would overwrite someone's work."""


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


# --------------------------------------------------------------------------------------------
# Shown as stored; what identifies an article; how two events differ
# --------------------------------------------------------------------------------------------

# invisible and control characters: bidirectional controls make a text read differently from
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


def is_public_address(url: str | None) -> bool:
    """True for an http(s) address a reader could open from anywhere: not a loopback, private,
    link-local or reserved address, not ``localhost`` or a ``.local``/``.internal`` name.

    A page saved from a test server or an intranet (``<base href="http://127.0.0.1:18999/">``)
    says nothing about where the article was published.
    """
    import ipaddress
    from urllib.parse import urlsplit

    if not url or not re.match(r"^https?://", url, re.I) or re.search(r"\s", url):
        return False
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if not host or host == "localhost" or host.endswith((".localhost", ".local", ".internal",
                                                         ".lan", ".home.arpa")):
        return False
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return "." in host  # a bare name ("intranet") resolves only inside some network
    return ip.is_global


def text_digest(text: str) -> str:
    """What identifies an article: ``sha256:`` of its text in NFC with white space collapsed
    and a byte-order mark dropped, so that the same article saved twice (other line endings,
    other indentation) is one source, and two different texts never are.

    >>> text_digest("A  text\r\n") == text_digest("\ufeffA text")
    True
    """
    import unicodedata

    norm = " ".join(unicodedata.normalize("NFC", text.replace("\ufeff", "")).split())
    return "sha256:" + hashlib.sha256(norm.encode("utf-8")).hexdigest()


def span_words(date: PartialDate, end: PartialDate | None = None,
               approximate: bool = False) -> str:
    """A date or period as plain words for messages: '2022', '2018–2022', 'c. 2024'."""
    text = str(date) if end is None or end == date else f"{date}–{end}"
    return f"c. {text}" if approximate else text


def _value_words(value: Value | None) -> str:
    if value is None:
        return "no value"
    if value.text:
        return value.text
    amount = int(value.amount) if float(value.amount).is_integer() else value.amount
    unit = value.currency or value.unit or ""
    return f"{unit} {amount}".strip() if value.currency else f"{amount} {unit}".strip()


def differences(candidate: Event, event: Event) -> list[str]:
    """Where ``candidate`` and ``event`` disagree, in words a curator reads before joining them:
    ``['this says 2022; the event is 2018–2022', 'this says 16 percent; the event says
    second-largest']``. Empty when they agree on date, period, type and value."""
    out: list[str] = []
    mine = span_words(candidate.date, candidate.end, candidate.approximate)
    theirs = span_words(event.date, event.end, event.approximate)
    if (candidate.date, candidate.end) != (event.date, event.end):
        c0, c1 = candidate.date.first_day(), (candidate.end or candidate.date).last_day()
        e0, e1 = event.date.first_day(), (event.end or event.date).last_day()
        if c1 < e0 or e1 < c0:
            relation = "the dates do not overlap"
        elif e0 <= c0 and c1 <= e1:
            relation = "this lies within the event's dates"
        elif c0 <= e0 and e1 <= c1:
            relation = "the event lies within this"
        else:
            relation = "the dates overlap in part"
        out.append(f"this says {mine}; the event is {theirs} ({relation})")
    elif candidate.approximate != event.approximate:
        out.append(f"this says {mine}; the event is {theirs}")
    if candidate.type != event.type:
        out.append(f"this is a {candidate.type}; the event is a {event.type}")
    if not _same_value(candidate.value, event.value):
        out.append(f"this says {_value_words(candidate.value)}; the event says "
                   f"{_value_words(event.value)}")
    return out


def _same_value(a: Value | None, b: Value | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.amount == b.amount and (a.currency, a.unit) == (b.currency, b.unit)


def _claim_of(candidate: Event, event: Event) -> Claim | None:
    """What ``candidate``'s sources say where it differs from ``event`` (date, period, value),
    as a :class:`Claim` for their evidence; None when they agree."""
    changes: dict[str, Any] = {}
    if (candidate.date, candidate.end) != (event.date, event.end):
        changes["date"] = candidate.date
        if candidate.end is not None:
            changes["end"] = candidate.end
    if candidate.value is not None and not _same_value(candidate.value, event.value):
        changes["value"] = candidate.value
    return Claim(**changes) if changes else None


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


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
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError as exc:
        raise TimelineError([_yaml_problem(file, exc, text)]) from None
    except RecursionError:
        raise TimelineError(
            [Problem(file, None, "", None, "the YAML is nested too deeply; expected events.yaml")]
        ) from None
    except ValueError as exc:  # e.g. an explicit !!timestamp with an impossible day
        raise TimelineError([Problem(file, None, "", None, f"bad value: {exc}")]) from None


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
    if len(path) >= 2 and path[0] in ("events", "sources") and isinstance(path[1], int):
        kind = "event" if path[0] == "events" else "source"
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
    event_ids: dict[str, int] = {}
    event_ids_all = {e.get("id") for e in events if isinstance(e, dict)
                     and isinstance(e.get("id"), str)} | set(other_events)
    for i, e in enumerate(events):
        if not isinstance(e, dict):
            continue
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
        try:
            start = PartialDate.parse(e.get("date"))
            end = PartialDate.parse(e["end"]) if e.get("end") is not None else None
        except ValueError:
            continue
        if end is not None and end.last_day() < start.first_day():
            out.append(
                (["events", i, "end"],
                 f"{_show(str(end))} is before the date {_show(str(start))}; "
                 "expected an end on or after the date")
            )
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


# YAML files may be UTF-8, UTF-16 or UTF-32 with a byte-order mark (YAML 1.2, 5.2); the
# longest mark first, as the UTF-32 LE mark starts with the UTF-16 LE one
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _encoding_of(raw: bytes) -> tuple[bytes, str]:
    """(byte-order mark, codec) of a file's bytes; ``(b"", "utf-8")`` without a mark."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return bom, codec
    return b"", "utf-8"


def _read_text(path: Path) -> tuple[str, bytes]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise TimelineError(
            [Problem(str(path), None, "", None, "no such file; expected a timeline YAML file")]
        ) from None
    except IsADirectoryError:
        raise TimelineError(
            [Problem(str(path), None, "", None, "is a folder; expected a timeline YAML file")]
        ) from None
    except OSError as exc:
        raise TimelineError(
            [Problem(str(path), None, "", None, f"cannot read: {exc.strerror}")]
        ) from None
    bom, codec = _encoding_of(raw)
    try:
        return raw[len(bom):].decode(codec), raw
    except UnicodeDecodeError as exc:
        what = "UTF-8 text" if not bom else f"{codec.upper()} text despite its byte-order mark"
        raise TimelineError(
            [Problem(str(path), None, "", None,
                     f"not {what} (bad byte at offset {exc.start + len(bom)}); expected a UTF-8 "
                     "YAML file")]
        ) from None


# The parse cache: a validated file's content as JSON, keyed on the file's bytes and the model.
# YAML parsing (PyYAML's Python-level constructor) costs about 0.4 s per MB, re-validating the
# same content from JSON with pydantic's Rust parser a small fraction of that; a 45 MB timeline
# opens in seconds instead of ~20 s in every new server process.
CACHE_ENV = "ARMS_CACHE_DIR"
_CACHE_FORMAT = 1
_CACHE_MIN_BYTES = 64 * 1024  # below this, parsing takes milliseconds: not worth a file
_CACHE_KEEP = 8  # newest cache files kept; older ones are removed after a write
_fingerprint: str | None = None


def cache_dir() -> Path:
    """``$ARMS_CACHE_DIR``, else ``$XDG_CACHE_HOME/arms-timeline``, else
    ``~/.cache/arms-timeline``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "arms-timeline"


def model_fingerprint() -> str:
    """What the cache depends on besides the file: format, model, validators, pydantic.

    The source of this module is part of it, so that a change to a validator (which the JSON
    Schema would not show) invalidates every cached file too.
    """
    global _fingerprint
    if _fingerprint is None:
        import pydantic

        h = hashlib.sha256()
        for part in (str(_CACHE_FORMAT), str(SCHEMA_VERSION), pydantic.VERSION,
                     json.dumps(Timeline.model_json_schema(), sort_keys=True)):
            h.update(part.encode() + b"\0")
        try:
            h.update(Path(__file__).read_bytes())
        except OSError:
            h.update(b"no source")
        _fingerprint = h.hexdigest()
    return _fingerprint


def _cache_file(digest: str) -> Path:
    return cache_dir() / f"{digest}-{model_fingerprint()[:16]}.json"


def _cache_read(digest: str) -> Timeline | None:
    """The cached timeline for a file's sha256, or None (missing, stale, corrupt, foreign)."""
    path = _cache_file(digest)
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                log.warning("parse cache %s belongs to another user; ignored", path)
                return None
            blob = fh.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("cannot read parse cache %s (%s); parsing the YAML", path, exc)
        return None
    try:
        head, _, payload = blob.partition(b"\n")
        header = json.loads(head)
        if not (isinstance(header, dict)
                and header.get("format") == _CACHE_FORMAT
                and header.get("file_sha256") == digest
                and header.get("model") == model_fingerprint()
                and header.get("payload_sha256") == hashlib.sha256(payload).hexdigest()):
            raise ValueError("header does not match this file and model")
        return Timeline.model_validate_json(payload)
    except Exception as exc:  # noqa: BLE001 - whatever is wrong with it, the YAML decides
        log.warning("ignoring parse cache %s (%s); parsing the YAML", path, exc)
        return None


def _cache_write(digest: str, timeline: Timeline) -> None:
    """Store a validated timeline; any failure is logged and ignored."""
    try:
        folder = cache_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        payload = timeline.model_dump_json().encode("utf-8")
        header = json.dumps({
            "format": _CACHE_FORMAT,
            "file_sha256": digest,
            "model": model_fingerprint(),
            "payload_sha256": hashlib.sha256(payload).hexdigest(),
        }).encode("ascii")
        target = _cache_file(digest)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:  # mkstemp: mode 0600
                fh.write(header + b"\n" + payload)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _cache_prune(folder)
    except Exception as exc:  # noqa: BLE001 - a cache must never break loading
        log.warning("cannot write the parse cache (%s); loading works without it", exc)


def _cache_prune(folder: Path) -> None:
    entries = []
    for p in folder.glob("*.json"):
        with contextlib.suppress(OSError):
            entries.append((p.stat().st_mtime_ns, p))
    for _, p in sorted(entries, reverse=True)[_CACHE_KEEP:]:
        with contextlib.suppress(OSError):
            p.unlink()


def load(path: str | os.PathLike[str], *, cache: bool = True) -> Timeline:
    """Read and validate a timeline file (fast path: C-accelerated safe loader).

    With ``cache`` (the default), a file that validated before (the same bytes, the same
    model) is read from the parse cache in :func:`cache_dir` instead of being parsed again;
    a missing, stale or damaged cache entry just means parsing the YAML. Files under 64 KB
    are not cached. Invalid files are never cached.

    Raises :class:`TimelineError` with every problem, each naming ``path``.
    """
    p = Path(path)
    text, raw = _read_text(p)
    digest = hashlib.sha256(raw).hexdigest() if cache and len(raw) >= _CACHE_MIN_BYTES else ""
    if digest:
        cached = _cache_read(digest)
        if cached is not None:
            return cached
    timeline = parse(text, file=str(path))
    if digest:
        _cache_write(digest, timeline)
    return timeline


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[Any]:
    """A binary file handle whose content replaces ``path`` atomically when the block ends.

    Readers see the old file or the new one, never a mix: the bytes go to a temporary file in
    the same folder, are flushed to disk, and the file is renamed over ``path`` (``os.replace``
    is atomic on POSIX), keeping the old file's permissions. If the block raises, the
    temporary file is removed and ``path`` is untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, os.stat(target).st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as fh:
        fh.write(data)


_THREAD_LOCKS: dict[str, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


@contextlib.contextmanager
def timeline_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the writers' lock of a timeline file: a lock within this process (threads of one
    server) and an advisory lock on ``.NAME.lock`` beside the file (other processes).

    Readers never take it (they see the old file or the new one: writes are atomic renames).
    Raises ``OSError`` when the lock file cannot be created (a missing or read-only folder).
    """
    target = Path(os.path.abspath(path))
    with _THREAD_LOCKS_GUARD:
        local = _THREAD_LOCKS.setdefault(str(target), threading.Lock())
    with local:
        lock_path = target.parent / f".{target.name}.lock"
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock


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


def _reads_back_as_text(value: str) -> bool:
    """True if ``value`` written as a plain scalar is read by :func:`parse` as that string."""
    resolvers = _SafeLoader.yaml_implicit_resolvers
    for _tag, rx in [*resolvers.get(value[:1], []), *resolvers.get(None, [])]:
        if rx.match(value):
            return False
    return True


# characters YAML reads as a line break, besides \n: a plain or single-quoted scalar holding one
# is folded on reading
_BREAKS_RE = re.compile("[\r\x85\u2028\u2029]")

_RUAMEL_RESOLVER: Any = None


def _editor_reads_as_text(value: str) -> bool:
    """True if ``value`` written as a plain scalar is read by the editor (ruamel.yaml, YAML
    1.2: ``2021-03-09`` is a date there, ``0o17`` a number) as that string."""
    global _RUAMEL_RESOLVER
    if _RUAMEL_RESOLVER is None:
        from ruamel.yaml.resolver import VersionedResolver

        _RUAMEL_RESOLVER = VersionedResolver(version=(1, 2))
    from ruamel.yaml.nodes import ScalarNode

    tag = _RUAMEL_RESOLVER.resolve(ScalarNode, value, (True, False))
    return str(tag) == "tag:yaml.org,2002:str"


class _DateText(str):
    """A date as written in a file (``2023-05-30``, ``2024-01-02T10:00:00Z``): the editor reads
    timestamps as this text, not as ``datetime`` objects (a ``date_text: 2021-03-09`` is the
    words of a quote, not a date), and writes it back plain, as it was."""

    __slots__ = ()


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


def _guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) indentation the file uses, defaulting to 2/4/2.

    Read from the first key with no value followed by a deeper key (mapping indent) or by a
    dash (sequence offset); ruamel needs these to write the file back byte for byte.
    """
    mapping, offset = None, None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    for line, nxt in zip(lines, lines[1:], strict=False):
        m = re.match(r"^( *)(?:- +)?([\w-]+):\s*(#.*)?$", line)
        if not m:
            continue
        base = len(line) - len(line.lstrip(" -")) if "- " in line[: len(m.group(1)) + 2] else len(
            m.group(1)
        )
        deeper_key = re.match(r"^( *)[\w-]+:", nxt)
        deeper_dash = re.match(r"^( *)- ", nxt)
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
    text += render_items("events", timeline.events)
    if timeline.briefing:
        text += yaml.dump({"briefing": _FlowList(timeline.briefing)}, Dumper=_FastDumper,
                          sort_keys=False, allow_unicode=True, width=1 << 16)
    return text


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


# --------------------------------------------------------------------------------------------
# JSON Schema
# --------------------------------------------------------------------------------------------


def json_schema() -> dict[str, Any]:
    """The JSON Schema of events.yaml, generated from the model."""
    schema = Timeline.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Arms-transfer timeline (events.yaml)"
    return schema


def schema_text() -> str:
    """The schema file's exact text (stable key order, trailing newline)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"

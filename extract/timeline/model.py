"""The typed model of events.yaml: :class:`PartialDate`, :class:`Source`, :class:`Event`,
:class:`Evidence`, ..., :class:`Timeline`; what identifies an article (:func:`text_digest`),
which addresses are public, and the JSON Schema generated from the model."""

from __future__ import annotations

import calendar
import datetime as _dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import total_ordering
from typing import Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    field_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from extract.timeline.display import _show

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


_PARSED: dict[tuple[type, Any], Any] = {}  # (str or int, value) -> its PartialDate


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
        kind = type(value)
        if kind is str or kind is int:  # a date read before: the same (frozen) value
            known = _PARSED.get((kind, value))
            if known is not None:
                return known
            parsed = cls._parse(value)
            if len(_PARSED) >= 100_000:
                _PARSED.clear()
            _PARSED[(kind, value)] = parsed
            return parsed
        return cls._parse(value)

    @classmethod
    def _parse(cls, value: Any) -> PartialDate:
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
    supplier: str | None = Field(
        default=None, min_length=1,
        description="For a deal or a delivery: the country that sells or sends, when the text "
        "says so.")
    recipient: str | None = Field(
        default=None, min_length=1,
        description="For a deal or a delivery: the country that buys or receives, when the text "
        "says so.")
    deal: str | None = Field(
        default=None,
        description="The id of the transfer this event is a stage of (ordered, delivered, seen "
        "in combat...). When the file has a 'deals' section, an entry there; else a free id.")
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
    _deal = field_validator("deal")(classmethod(lambda cls, v: v if v is None else _check_id(v)))

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


class Deal(_Model):
    """One arms transfer as curators name it: who supplies what to whom. Its events (ordered,
    delivered, seen in combat...) point to it with their ``deal`` field."""

    id: str = Field(description="Unique, stable id, e.g. harop-israel-azerbaijan.")
    supplier: str | None = Field(default=None, min_length=1,
                                 description="The country that sells or sends.")
    recipient: str | None = Field(default=None, min_length=1,
                                  description="The country that buys or receives.")
    system: str | None = Field(default=None, min_length=1,
                               description="The weapon system, its canonical name.")
    number: int | None = Field(default=None, ge=0, description="How many were ordered.")
    value: Value | None = None
    sipri_id: int | None = Field(default=None, ge=1,
                                 description="The deal's SIPRI AT Database ID, where known.")
    notes: str | None = None

    _id = field_validator("id")(classmethod(lambda cls, v: _check_id(v)))


class Timeline(_Model):
    """The whole file."""

    version: Literal[1] = Field(description="Format version; 1.")
    sources: list[Source] = Field(default_factory=list)
    deals: list[Deal] | None = Field(
        default=None,
        description="Optional: the deals events point to. When present, every event's 'deal' "
        "must be the id of an entry here.")
    events: list[Event] = Field(default_factory=list)
    briefing: list[str] = Field(
        default_factory=list, description="Event ids for presenter mode, in the presenter's order."
    )

    def source_map(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def event_map(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    def deal_map(self) -> dict[str, Deal]:
        return {d.id: d for d in self.deals or ()}


_FIELDS: dict[str, tuple[str, ...]] = {
    "timeline": tuple(Timeline.model_fields),
    "source": tuple(Source.model_fields),
    "deal": tuple(Deal.model_fields),
    "event": tuple(Event.model_fields),
    "evidence": tuple(Evidence.model_fields),
    "value": tuple(Value.model_fields),
    "claims": tuple(Claim.model_fields),
    "page_says": tuple(PageClaims.model_fields),
    "corroborates": tuple(Proposal.model_fields),
}


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


def json_schema() -> dict[str, Any]:
    """The JSON Schema of events.yaml, generated from the model."""
    schema = Timeline.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Arms-transfer timeline (events.yaml)"
    return schema


def schema_text() -> str:
    """The schema file's exact text (stable key order, trailing newline)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"

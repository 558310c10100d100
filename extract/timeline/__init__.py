"""The events.yaml contract: load, validate and save the curated timeline.

This package is the one piece of ``extract`` that the dashboard imports (always as
``extract.timeline``: every public name is here). It owns:

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

Where things are:

* ``model.py``: the typed model, :class:`PartialDate`, :func:`text_digest`, the JSON Schema;
* ``display.py``: :func:`visible` and how values are quoted in messages;
* ``errors.py``: :class:`Problem`, :class:`TimelineError`, :class:`ConcurrentModificationError`;
* ``compare.py``: :func:`differences` between two events, in words;
* ``safe_yaml.py``: the safe loader and the screen run before it;
* ``validate.py``: :func:`parse` and the located, worded problems;
* ``loading.py``: :func:`load`, file encodings and the parse cache;
* ``writing.py``: atomic writes and the writers' lock;
* ``scalars.py``, ``render.py``, ``roundtrip.py``: writing YAML (:func:`dumps` fast, and the
  round-trip setup of the editor);
* ``document.py``: :class:`Document`, the editor.
"""

from __future__ import annotations

# The private names (``_SafeLoader``, ...) are for tests and benches. A test that patches a name
# patches the module that uses it (``extract.timeline.loading``, ...), not this package.
from extract.timeline.compare import differences, span_words
from extract.timeline.display import visible
from extract.timeline.document import Document
from extract.timeline.errors import ConcurrentModificationError, Problem, TimelineError
from extract.timeline.loading import _CACHE_MIN_BYTES as _CACHE_MIN_BYTES
from extract.timeline.loading import CACHE_ENV as CACHE_ENV
from extract.timeline.loading import cache_dir as cache_dir
from extract.timeline.loading import load
from extract.timeline.loading import model_fingerprint as model_fingerprint
from extract.timeline.model import _FIELDS as _FIELDS
from extract.timeline.model import (
    EVENT_TYPES,
    SCHEMA_COMMENT,
    SCHEMA_VERSION,
    STATUSES,
    Claim,
    Deal,
    Event,
    Evidence,
    PageClaims,
    PartialDate,
    Proposal,
    Source,
    Timeline,
    Value,
    evidence_key,
    is_public_address,
    json_schema,
    schema_text,
    text_digest,
)
from extract.timeline.model import EventType as EventType
from extract.timeline.model import Status as Status
from extract.timeline.render import _FastDumper as _FastDumper
from extract.timeline.render import _to_yaml_value as _to_yaml_value
from extract.timeline.render import dumps, render_header, render_items
from extract.timeline.safe_yaml import _SafeLoader as _SafeLoader
from extract.timeline.validate import parse
from extract.timeline.writing import atomic_write, atomic_writer, timeline_lock

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
    "Deal",
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

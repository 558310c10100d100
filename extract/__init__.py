"""Arms-transfer timeline extractor: news articles in, dated events with evidence out.

The events.yaml contract lives in :mod:`extract.timeline`; it is the only part of this package
the dashboard imports.
"""

from extract.timeline import (
    EVENT_TYPES,
    Document,
    Event,
    Evidence,
    PartialDate,
    Problem,
    Source,
    Timeline,
    TimelineError,
    load,
    parse,
)

__all__ = [
    "EVENT_TYPES",
    "Document",
    "Event",
    "Evidence",
    "PartialDate",
    "Problem",
    "Source",
    "Timeline",
    "TimelineError",
    "load",
    "parse",
]

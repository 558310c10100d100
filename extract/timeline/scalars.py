"""Which text can be written as a plain YAML scalar: the rules both writers share, so that
both readers of the file (PyYAML, YAML 1.1, in :func:`parse`; ruamel.yaml, YAML 1.2, in the
editor) read back the text that was written."""

from __future__ import annotations

import re
from typing import Any

from extract.timeline.safe_yaml import _SafeLoader


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

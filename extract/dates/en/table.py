"""The English grammar's table: every module of :mod:`extract.dates.en` adds its rules to it
with ``@EN.rule(...)``, in the order the engine tries them."""

from __future__ import annotations

from extract.dates.rule import Grammar

EN = Grammar("en")

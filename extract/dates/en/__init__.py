"""The English date grammar: one table of rules (:data:`EN`), declared in the modules below in
the order the engine tries them. Each rule is a pattern, its triggers, its production and its
examples, in one place; see :mod:`extract.dates.rule` for what each field means and the
README's "How the date finder works" for how to add one."""

from __future__ import annotations

# the order the rules are tried in (it decides between two candidates of the same length and
# priority): calendar dates, years, quarters and seasons, a year or a month, days, relative
# times, durations
# isort: off
from extract.dates.en import calendar_dates  # noqa: F401
from extract.dates.en import years  # noqa: F401
from extract.dates.en import quarters_seasons  # noqa: F401
from extract.dates.en import year_month  # noqa: F401
from extract.dates.en import days  # noqa: F401
from extract.dates.en import relative  # noqa: F401
from extract.dates.en import durations  # noqa: F401
# isort: on
from extract.dates.en.table import EN

__all__ = ["EN"]

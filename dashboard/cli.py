"""``python -m dashboard export``: the dashboard's exports from the command line, for scripts and
scheduled briefings.

    python -m dashboard export FORMAT --events FILE --out FILE [--set briefing]
                               [--view 'QUERY STRING OF A DASHBOARD VIEW'] [--handling TEXT]
                               [--as-of YYYY-MM-DDTHH:MM]

``--view`` takes the query string of a view's link (or the whole link): the events are those
the page shows for it. Unlike the page, which opens any link it is given and drops what it
cannot read, the command refuses a view it cannot read exactly: an unknown key, a value that is
not one the page offers for this file. Exit codes: 0 written (a warning on stderr if the deck
has no picture); 1 bad input or nothing could be written (one line on stderr, the file left as
it was).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import parse_qsl

from dashboard.chromium import ChromiumError
from dashboard.filters import LANE_MODES, Filters, filters_from_query
from dashboard.frame import Frames, build
from dashboard.outputs import FORMATS, make
from dashboard.pack import make_pack, with_changes
from dashboard.present import SETS, THEMES
from extract.timeline import EVENT_TYPES, STATUSES, TimelineError, atomic_write, load, visible
from extract.timeline.changes import Diff, diff_timelines
from extract.timeline.snapshots import VersionError, mark_briefed, read_version, snapshots

VIEW_KEYS = ("from", "to", "type", "actor", "system", "publisher", "status", "q", "lanes",
             "event", "mode", "step", "set", "theme")


class UsageError(Exception):
    """Input the command cannot use; the message is the one line to print."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard",
                                     description="Exports of the arms-transfer timeline.")
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="write one export of a view or of the briefing")
    export.add_argument("format", choices=FORMATS)
    export.add_argument("--events", type=Path, required=True, help="the timeline file")
    export.add_argument("--out", type=Path, required=True, help="the file to write")
    export.add_argument("--set", choices=SETS, default=None,
                        help="'briefing': the curated briefing of the file, in its order")
    export.add_argument("--view", default="",
                        help="the query string of a dashboard view (or its whole link)")
    export.add_argument("--handling", default=None,
                        help="a handling line on every slide and page (default: "
                             "$ARMS_HANDLING, else none)")
    export.add_argument("--as-of", default=None, metavar="YYYY-MM-DDTHH:MM",
                        help="the time the briefing is as of (default: now, UTC)")
    export.add_argument("--since", default=None, metavar="SNAPSHOT",
                        help="add 'Since last briefing' (deck and PDF): the changes since this "
                             "snapshot or revision ('last': the newest snapshot)")
    export.add_argument("--mark-briefed", action="store_true",
                        help="after writing, record the timeline as briefed (a snapshot: "
                             "python -m extract snapshot)")
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def _query_pairs(view: str) -> dict[str, list[str]]:
    text = view.strip()
    if "?" in text:
        text = text.split("?", 1)[1]
    text = text.split("#", 1)[0].lstrip("?")
    params: dict[str, list[str]] = {}
    for part in filter(None, text.split("&")):
        if "=" not in part:
            raise UsageError(f"--view: {part!r} is not KEY=VALUE; expected a query string "
                             "such as 'type=deal&actor=Israel'")
        (key, value), = parse_qsl(part, keep_blank_values=True)
        if key not in VIEW_KEYS:
            raise UsageError(f"--view: unknown key {key!r}; expected one of "
                             f"{', '.join(VIEW_KEYS)}")
        params.setdefault(key, []).append(value)
    return params


def _expect(key: str, values: Sequence[str], allowed: Sequence[str], what: str) -> None:
    for value in values:
        if value not in allowed:
            shown = ", ".join(allowed[:12]) + (", …" if len(allowed) > 12 else "")
            raise UsageError(f"--view: {key}={visible(value)!r} is not {what}; expected one "
                             f"of {shown}")


def read_view(view: str, frames: Frames) -> tuple[Filters, str | None]:
    """The filters (and the ``set``, if the link names one) of a view's query string.

    Raises :class:`UsageError` for anything the page would drop or change: an unknown key, a
    day that is not YYYY-MM-DD, a type, status, lane mode or set that does not exist, or an
    actor, system or publisher that the file does not hold.
    """
    params = _query_pairs(view)
    f = filters_from_query(params)
    for key, day in (("from", f.start), ("to", f.end)):
        if params.get(key) and day is None:
            raise UsageError(f"--view: {key}={visible(params[key][0])!r} is not a day; "
                             "expected YYYY-MM-DD")
    _expect("type", params.get("type", []), EVENT_TYPES, "an event type")
    _expect("status", params.get("status", []), STATUSES, "a review status")
    _expect("lanes", params.get("lanes", []), LANE_MODES, "a lane mode")
    _expect("set", params.get("set", []), SETS, "a set")
    _expect("theme", params.get("theme", []), THEMES, "a theme")
    events = frames.events
    for key, column in (("actor", "actors"), ("system", "systems"), ("publisher", "publishers")):
        held = sorted({v for values in events[column] for v in values}, key=str.casefold)
        article = "an" if key[0] in "aeiou" else "a"
        _expect(key, params.get(key, []), held, f"{article} {key} in the file")
    set_name = params["set"][0] if params.get("set") else None
    return f, set_name


def _as_of(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--as-of: {text!r} is not a date and time; expected "
                         "YYYY-MM-DDTHH:MM (UTC unless it gives a zone)") from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def run(args: argparse.Namespace) -> list[str]:
    """Write the export; returns the warnings. Raises :class:`UsageError`."""
    try:
        frames = build(load(args.events))
    except TimelineError as exc:
        more = len(exc.problems) - 1
        raise UsageError(str(exc.first) + (
            f" (and {more} more: python -m extract check {args.events})" if more else "")
        ) from None
    filters, linked_set = read_view(args.view, frames)
    pack = make_pack(frames, filters, args.set or linked_set or "view",
                     as_of=_as_of(args.as_of), handling=args.handling,
                     origin=args.events.name)
    if args.since:
        pack = with_changes(pack, _changes_since(args.events, args.since))
    if not args.out.parent.is_dir():
        raise UsageError(f"{args.out}: no such folder {args.out.parent}; expected the "
                         "folder of the file to write")
    try:
        made = make(args.format, pack)
    except ChromiumError as exc:
        raise UsageError(f"{args.out}: not written: {exc}") from None
    try:
        atomic_write(args.out, made.data)
    except OSError as exc:
        raise UsageError(f"{args.out}: not written: {exc.strerror or exc}") from None
    warnings = list(made.warnings)
    if args.mark_briefed:
        try:
            snap = mark_briefed(args.events, getpass.getuser())
        except VersionError as exc:
            warnings.append(f"written, but not marked as briefed: {exc}")
        else:
            print(f"marked as briefed: {snap.name} ({snap.kind})")
    return warnings


def _changes_since(events: Path, since: str) -> Diff:
    """The changes of the timeline since a snapshot or revision ('last': the newest)."""
    if since == "last":
        snaps = snapshots(events)
        if not snaps:
            raise UsageError(f"--since last: {events.name} has no snapshots yet; record one "
                             "with --mark-briefed or python -m extract snapshot")
        since = snaps[-1].name
    try:
        label, old = read_version(since, events)
    except VersionError as exc:
        raise UsageError(f"--since: {exc}") from None
    except TimelineError as exc:
        raise UsageError(str(exc.first)) from None
    return diff_timelines(old, load(events), old_label=label, new_label="now")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    for noisy in ("choreographer", "kaleido", "logistro"):  # the browser's chatter
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    try:
        warnings = run(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for words in warnings:
        print(f"warning: {words}", file=sys.stderr)
    print(f"wrote {args.out}")
    return 0

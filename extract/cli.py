"""The command line: ``python -m extract check|schema|scan|merge|dates``.

Library errors become one-line messages and exit codes here, never tracebacks:
0 success, 1 invalid input (the file is named, with every problem), 2 some inputs failed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from extract import timeline as tl

log = logging.getLogger(__name__)

DEFAULT_SCHEMA = Path(__file__).resolve().parent.parent / "events.schema.json"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Extract dated arms-transfer events from news articles and keep the "
        "curated timeline (events.yaml) valid.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="validate a timeline file (events.yaml)")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")

    schema = sub.add_parser("schema", help="write the JSON Schema of events.yaml")
    schema.add_argument("--out", type=Path, default=DEFAULT_SCHEMA,
                        help="where to write it (default: %(default)s); '-' for stdout")
    schema.add_argument("--check", action="store_true",
                        help="exit 1 if the file differs from the model instead of writing it")
    return parser


def subcommands() -> list[str]:
    """The names of the subcommands, for documentation checks."""
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def cmd_check(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            timeline = tl.load(path)
        except tl.TimelineError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            n = len(exc.problems)
            print(f"{path}: {n} problem{'s' if n != 1 else ''}", file=sys.stderr)
            status = 1
            continue
        by_status = Counter(e.status for e in timeline.events)
        parts = ", ".join(f"{by_status[s]} {s}" for s in tl.STATUSES if by_status[s])
        print(
            f"{path}: ok: {len(timeline.events)} events ({parts or 'none'}), "
            f"{len(timeline.sources)} sources"
        )
    return status


def cmd_schema(args: argparse.Namespace) -> int:
    text = tl.schema_text()
    if str(args.out) == "-":
        sys.stdout.write(text)
        return 0
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out}: out of date; run 'python -m extract schema'", file=sys.stderr)
            return 1
        print(f"{args.out}: up to date")
        return 0
    tl.atomic_write(args.out, text.encode("utf-8"))
    print(f"wrote {args.out}")
    return 0


COMMANDS = {"check": cmd_check, "schema": cmd_schema}


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130

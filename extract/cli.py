"""The command line: ``python -m extract check|schema|scan|merge|dates``.

Library errors become one-line messages and exit codes here, never tracebacks:
0 success, 1 invalid input (the file is named, with every problem), 2 some inputs failed.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
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

    scan = sub.add_parser(
        "scan", help="read articles and write their candidate events (events.yaml format)"
    )
    scan.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                      help="article files (.txt, .md, .html) and folders of them")
    scan.add_argument("--manifest", type=Path,
                      help="sources.yaml: what the collector knew about each file")
    scan.add_argument("--out", type=Path, required=True, help="the candidates file to write")
    scan.add_argument("--workers", type=int, default=1,
                      help="processes to read with (default 1; 0 = one per core)")

    merge = sub.add_parser(
        "merge", help="add candidates to the curated file, keeping every person's edit"
    )
    merge.add_argument("candidates", type=Path)
    merge.add_argument("--into", type=Path, required=True, metavar="EVENTS_YAML")

    dates = sub.add_parser("dates", help="print the date mentions of a text, one JSON per line")
    dates.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin")
    dates.add_argument("--published", help="the publication date, YYYY[-MM[-DD]]")
    dates.add_argument("--format", choices=("json", "timeml"), default="json",
                       help="json lines (default) or a TimeML document for the TempEval scorer")
    dates.add_argument("--language", default="en")

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


def cmd_scan(args: argparse.Namespace) -> int:
    from extract.article import ManifestError, load_manifest
    from extract.scan import write_candidates

    manifest = {}
    if args.manifest:
        try:
            manifest = load_manifest(args.manifest)
        except (ManifestError, OSError) as exc:
            print(f"{args.manifest}: {exc}" if str(args.manifest) not in str(exc) else str(exc),
                  file=sys.stderr)
            return 1
    refusal = _refuse_to_overwrite(args.out)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
    bar = None  # drawn once the scan has counted the files (it walks the folders once)

    def start(total: int) -> None:
        nonlocal bar
        bar = _progress(total)

    def step(n: int) -> None:
        if bar is not None:
            bar.update(n)

    def report(failure: str) -> None:
        if bar is not None:
            bar.write(failure, file=sys.stderr)
        else:
            print(failure, file=sys.stderr)

    header = ("Candidates from: python -m extract scan.\n"
              "Review them, then: python -m extract merge THIS_FILE --into events.yaml")
    try:
        result = write_candidates(args.paths, args.out, manifest=manifest, workers=workers,
                                  header=header, progress=step, on_total=start,
                                  on_failure=report)
    finally:
        if bar is not None:
            bar.close()
    head = f"scanned {result.files} files ({len(result.failures)} failed)"
    if not result.written:
        print(f"{head}: nothing could be read, nothing was written to {args.out}")
        return 2
    n = result.stats.unresolved
    unresolved = (f", {n} relative date{'s' if n != 1 else ''} left unresolved (no publication "
                  "date)" if n else "")
    print(f"{head}: {result.sources} sources, {result.events} candidate events{unresolved} "
          f"-> {args.out}")
    return 2 if result.failures else 0


def _refuse_to_overwrite(out: Path) -> str | None:
    """scan writes candidates only: never over a curated file."""
    if not out.exists():
        return None
    try:
        existing = tl.load(out)
    except tl.TimelineError:
        return f"{out}: exists and is not a candidates file; refusing to overwrite it"
    curated = [e.id for e in existing.events if e.status != "candidate"]
    if curated:
        return (f"{out}: holds {len(curated)} accepted or rejected events; refusing to overwrite "
                "a curated file (use: python -m extract merge)")
    return None


def _progress(total: int):
    if total < 20:
        return None
    from tqdm import tqdm

    # disable=None: drawn on a terminal only, so logs and pipes get no carriage-return noise
    return tqdm(total=total, unit="file", file=sys.stderr, desc="scan", leave=False,
                disable=None)


def cmd_merge(args: argparse.Namespace) -> int:
    from extract.merge import merge

    try:
        candidates = tl.load(args.candidates)
        doc = tl.Document.open(args.into) if args.into.exists() else tl.Document.new(args.into)
        report = merge(candidates, doc)
        if report.changed:
            doc.save()
    except tl.TimelineError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"nothing was written to {args.into}", file=sys.stderr)
        return 1
    except tl.ConcurrentModificationError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"{args.into}: {report.summary()}")
    return 0


def cmd_dates(args: argparse.Namespace) -> int:
    import json

    from extract.dates import find_dates, mention_json, to_timeml

    published = args.published
    if published is not None:
        try:
            published = str(tl.PartialDate.parse(published))
        except ValueError as exc:
            print(f"--published: {exc}", file=sys.stderr)
            return 1
    if args.file == "-":
        text = sys.stdin.read()
    else:
        from extract.article import ArticleError, decode_bytes

        path = Path(args.file)
        try:
            text, _ = decode_bytes(path.read_bytes(), path)
        except FileNotFoundError:
            print(f"{path}: no such file", file=sys.stderr)
            return 1
        except ArticleError as exc:
            print(str(exc), file=sys.stderr)
            return 1
    mentions = find_dates(text, published, language=args.language)
    if args.format == "timeml":
        name = "stdin" if args.file == "-" else Path(args.file).stem
        sys.stdout.write(to_timeml(text, mentions, published, doc_id=name))
        return 0
    for m in mentions:
        print(json.dumps(mention_json(m), ensure_ascii=False))
    return 0


COMMANDS = {
    "check": cmd_check,
    "schema": cmd_schema,
    "scan": cmd_scan,
    "merge": cmd_merge,
    "dates": cmd_dates,
}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _run(argv)
        finally:
            sys.stdout.flush()  # a reader gone shows here, not in a message at exit
    except BrokenPipeError:
        if not _reader_gone():
            raise
        return _closed_early()


def _reader_gone() -> bool:
    """Whether stdout or stderr is a pipe whose reader has closed it (``| head``), not some
    other pipe of the program that broke."""
    import select

    if not hasattr(select, "poll"):
        return True
    poll = select.poll()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            poll.register(stream.fileno(), select.POLLOUT)
    return any(flags & select.POLLERR for _, flags in poll.poll(0))


def _closed_early() -> int:
    """Stop quietly, as ``cat`` does: what is left to write goes nowhere. The exit code is
    what a shell reports for a program ended by SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            os.dup2(devnull, stream.fileno())
    os.close(devnull)
    return 141


def _run(argv: Sequence[str] | None) -> int:
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

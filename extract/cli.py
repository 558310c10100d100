"""The command line: ``python -m extract check|schema|scan|merge|dates|sipri|...``.

Library errors become one-line messages and exit codes here, never tracebacks:
0 success, 1 invalid input (the file is named, with every problem), 2 some inputs failed.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from extract import timeline as tl

log = logging.getLogger(__name__)

DEFAULT_SCHEMA = Path(__file__).resolve().parent.parent / "events.schema.json"


def _say(*parts: object, file: object = None) -> None:
    """Print a message as stored: invisible and control characters from file names and
    contents are written out (⟨U+202E⟩), never sent to the terminal."""
    print(tl.visible(" ".join(str(p) for p in parts)), file=file)  # type: ignore[arg-type]


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
    target = scan.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="the candidates file to write")
    target.add_argument("--store", type=Path,
                        help="a candidate store (SQLite) to add to: for archives; articles "
                             "already in it are skipped, an interrupted scan resumes")
    scan.add_argument("--workers", type=int, default=1,
                      help="processes to read with (default 1; 0 = one per core)")
    scan.add_argument("--engine", choices=("processes", "dask"), default="processes",
                      help="with --store: worker processes on this machine (default), or a "
                           "Dask cluster")
    scan.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                      help="with --engine dask: the cluster's scheduler (default: a "
                           "LocalCluster of --workers workers on 127.0.0.1)")
    scan.add_argument("--batch", type=int, default=100,
                      help="with --store: articles per transaction (default %(default)s)")

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

    sources = sub.add_parser(
        "sources", help="list each source and the events and quotes it supports (provenance)")
    sources.add_argument("file", type=Path, metavar="EVENTS_YAML")
    sources.add_argument("--event", metavar="ID", help="only the sources of this event")

    diff = sub.add_parser(
        "diff", help="what changed in the accepted events between two versions of a timeline")
    diff.add_argument("old", metavar="OLD",
                      help="a timeline file, a snapshot (briefing/2023-06-01) or a git revision "
                           "of the --timeline file (HEAD~3)")
    diff.add_argument("new", metavar="NEW", nargs="?",
                      help="the same kinds (default: the --timeline file as it is now)")
    diff.add_argument("--timeline", type=Path, default=Path("events.yaml"),
                      help="the timeline whose revisions and snapshots are meant "
                           "(default: %(default)s)")
    diff.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    snap = sub.add_parser(
        "snapshot", help="record the timeline as briefed (a git tag briefing/DATE, or a copy "
                         "in briefings/), or list the snapshots")
    snap.add_argument("--timeline", type=Path, default=Path("events.yaml"),
                      help="the timeline file (default: %(default)s)")
    snap.add_argument("--by", help="who briefed it (default: your user name)")
    snap.add_argument("--list", action="store_true", help="list the snapshots instead")

    _add_sipri_parser(sub)
    schema = sub.add_parser("schema", help="write the JSON Schema of events.yaml")
    schema.add_argument("--out", type=Path, default=DEFAULT_SCHEMA,
                        help="where to write it (default: %(default)s); '-' for stdout")
    schema.add_argument("--check", action="store_true",
                        help="exit 1 if the file differs from the model instead of writing it")
    return parser


def _add_sipri_parser(sub: argparse._SubParsersAction) -> None:
    sipri = sub.add_parser(
        "sipri", help="read SIPRI trade registers: candidate events from their deals, or the "
                      "timeline reconciled with them")
    sipri.add_argument("registers", nargs="+", type=Path, metavar="REGISTER_CSV",
                       help="SIPRI trade register exports (either CSV layout)")
    what = sipri.add_mutually_exclusive_group(required=True)
    what.add_argument("--candidates", action="store_true",
                      help="write each deal as candidate events (events.yaml format) to --out")
    what.add_argument("--timeline", type=Path, metavar="EVENTS_YAML",
                      help="reconcile the registers with this timeline")
    sipri.add_argument("--format", choices=("text", "json", "csv"), default="text",
                       help="with --timeline: the report's format (default: text)")
    sipri.add_argument("--out", type=Path,
                       help="the file to write (required with --candidates; with --timeline "
                            "the report goes here instead of stdout)")
    sipri.add_argument("--supplier", help="only deals from this country (any spelling)")
    sipri.add_argument("--recipient", help="only deals to this country (any spelling)")


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
                _say(problem, file=sys.stderr)
            n = len(exc.problems)
            _say(f"{path}: {n} problem{'s' if n != 1 else ''}", file=sys.stderr)
            status = 1
            continue
        by_status = Counter(e.status for e in timeline.events)
        parts = ", ".join(f"{by_status[s]} {s}" for s in tl.STATUSES if by_status[s])
        _say(
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
            _say(f"{args.out}: out of date; run 'python -m extract schema'", file=sys.stderr)
            return 1
        _say(f"{args.out}: up to date")
        return 0
    tl.atomic_write(args.out, text.encode("utf-8"))
    _say(f"wrote {args.out}")
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    from extract.article import ManifestError, load_manifest
    from extract.scan import write_candidates

    manifest = {}
    if args.manifest:
        try:
            manifest = load_manifest(args.manifest)
        except (ManifestError, OSError) as exc:
            _say(f"{args.manifest}: {exc}" if str(args.manifest) not in str(exc) else str(exc),
                  file=sys.stderr)
            return 1
    if args.store is not None:
        return _scan_to_store(args, manifest)
    if args.engine != "processes" or args.scheduler:
        _say("--engine dask and --scheduler need --store FILE", file=sys.stderr)
        return 1
    refusal = _refuse_to_overwrite(args.out)
    if refusal:
        _say(refusal, file=sys.stderr)
        return 1
    workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
    shown = _Bar()  # drawn once the scan has counted the files (it walks the folders once)
    start, step, report = shown.start, shown.step, shown.report

    header = ("Candidates from: python -m extract scan.\n"
              "Review them, then: python -m extract merge THIS_FILE --into events.yaml")
    try:
        result = write_candidates(args.paths, args.out, manifest=manifest, workers=workers,
                                  header=header, progress=step, on_total=start,
                                  on_failure=report)
    except OSError as exc:  # the output's folder is missing or read-only, the disk is full
        shown.close()
        _say(_write_failure(args.out, exc), file=sys.stderr)
        return 1
    finally:
        shown.close()
    head = f"scanned {result.files} files ({len(result.failures)} failed)"
    if not result.written:
        _say(f"{head}: nothing could be read, nothing was written to {args.out}")
        return 2
    n = result.stats.unresolved
    unresolved = (f", {n} relative date{'s' if n != 1 else ''} left unresolved (no publication "
                  "date)" if n else "")
    same = len(result.same_text)
    same_text = (f", {same} file{'s' if same != 1 else ''} with the same text as another (one "
                 "source each)" if same else "")
    _say(f"{head}: {result.sources} sources, {result.events} candidate events{unresolved}"
          f"{same_text} -> {args.out}")
    return 2 if result.failures else 0


def _scan_to_store(args: argparse.Namespace, manifest: dict) -> int:
    from extract.store import scan_to_store
    from extract.timeline.store import StoreError

    workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
    if args.batch < 1:
        _say(f"--batch {args.batch}: expected a number of articles, 1 or more",
             file=sys.stderr)
        return 1
    shown = _Bar()

    try:
        result = scan_to_store(args.paths, args.store, manifest=manifest, workers=workers,
                               engine=args.engine, scheduler=args.scheduler, batch=args.batch,
                               progress=shown.step, on_total=shown.start,
                               on_failure=shown.report)
    except StoreError as exc:
        _say(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        _say(_write_failure(args.store, exc), file=sys.stderr)
        return 1
    except ImportError as exc:
        _say(f"--engine dask needs the 'distributed' package ({exc}); pip install "
             "'arms-timeline[cluster]'", file=sys.stderr)
        return 1
    finally:
        shown.close()
    _say(f"scanned {result.files} files ({result.skipped} already in the store, "
         f"{len(result.failures)} failed): {result.sources} sources, {result.events} candidate "
         f"events added -> {args.store}")
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


class _Bar:
    """A scan's progress bar, drawn once the files are counted; failures written above it."""

    def __init__(self) -> None:
        self.bar = None

    def start(self, total: int) -> None:
        self.bar = _progress(total)

    def step(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def report(self, failure: str) -> None:
        if self.bar is not None:
            self.bar.write(tl.visible(failure), file=sys.stderr)
        else:
            _say(failure, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _progress(total: int):
    if total < 20:
        return None
    from tqdm import tqdm

    # disable=None: drawn on a terminal only, so logs and pipes get no carriage-return noise
    return tqdm(total=total, unit="file", file=sys.stderr, desc="scan", leave=False,
                disable=None)


def cmd_merge(args: argparse.Namespace) -> int:
    from extract.merge import merge_file

    try:
        report = merge_file(args.candidates, args.into)
    except tl.TimelineError as exc:
        for problem in exc.problems:
            _say(problem, file=sys.stderr)
        _say(f"nothing was written to {args.into}", file=sys.stderr)
        return 1
    except tl.ConcurrentModificationError as exc:
        _say(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        _say(_write_failure(args.into, exc), file=sys.stderr)
        return 1
    _say(f"{args.into}: {report.summary()}")
    # the command ends here: the collector need not walk its models once more at exit (after
    # a merge of 200,000 candidates, 8 s of a minute)
    gc.freeze()
    return 0


def _write_failure(path: Path, exc: OSError) -> str:
    """One line for a file that could not be written: a missing folder, a full disk."""
    reason = exc.strerror or str(exc)
    where = exc.filename if isinstance(exc.filename, str) else None
    if where and Path(where).name.startswith("."):  # our temporary or lock file beside it
        where = None
    folder = Path(path).parent
    if not folder.is_dir():
        reason = f"the folder {folder} does not exist"
    if where and where != str(path):
        reason += f": {where}"
    return f"{path}: cannot write ({reason}); nothing was written"


def cmd_sources(args: argparse.Namespace) -> int:
    try:
        timeline = tl.load(args.file)
    except tl.TimelineError as exc:
        for problem in exc.problems:
            _say(problem, file=sys.stderr)
        return 1
    events = timeline.event_map()
    if args.event is not None and args.event not in events:
        _say(f"{args.file}: no event {args.event!r}", file=sys.stderr)
        return 1
    for line in source_lines(timeline, event_id=args.event):
        print(line)
    return 0


def source_lines(timeline: tl.Timeline, *, event_id: str | None = None) -> list[str]:
    """Each source (id, publisher, date, file, url, digest), then the events and quotes it
    supports; with ``event_id``, only the sources of that event. Everything shown as stored
    (invisible characters written out)."""
    v = tl.visible
    chosen = timeline.events if event_id is None else [timeline.event_map()[event_id]]
    cited: dict[str, list[str]] = {}
    for event in chosen:
        for ev in event.evidence:
            cited.setdefault(ev.source, []).append(
                f"    {event.id} [{event.status}]: \"{v(ev.quote)}\""
                + (f" (date words: \"{v(ev.date_text)}\")" if ev.date_text else ""))
        for ref in event.references:
            cited.setdefault(ref, []).append(f"    {event.id} [{event.status}]: reference")
    lines: list[str] = []
    for src in timeline.sources:
        if event_id is not None and src.id not in cited:
            continue
        facts = [
            f"publisher: {v(src.publisher)}" if src.publisher else "publisher: (unknown)",
            f"published: {src.published}" if src.published else "published: (unknown)",
        ]
        if src.title:
            facts.append(f"title: {v(src.title)}")
        if src.file:
            facts.append(f"file: {v(src.file)}")
        if src.url:
            facts.append(f"url: {v(src.url)}")
        facts.append(f"digest: {src.digest}" if src.digest else "digest: (not recorded)")
        if src.page_says and (src.page_says.publisher or src.page_says.url):
            said = ", ".join(f"{k} {v(val)}" for k, val in (
                ("publisher", src.page_says.publisher), ("url", src.page_says.url)) if val)
            facts.append(f"the page says: {said}")
        lines.append(f"{src.id}")
        lines.extend(f"  {fact}" for fact in facts)
        supports = cited.get(src.id, [])
        n = len({ln.split(" [", 1)[0] for ln in supports})
        lines.append(f"  supports {n} event{'s' if n != 1 else ''}" + (":" if supports else ""))
        lines.extend(supports)
    return lines


def cmd_dates(args: argparse.Namespace) -> int:
    import json

    from extract.dates import find_dates, mention_json, to_timeml

    published = args.published
    if published is not None:
        try:
            published = str(tl.PartialDate.parse(published))
        except ValueError as exc:
            _say(f"--published: {exc}", file=sys.stderr)
            return 1
    if args.file == "-":
        text = sys.stdin.read()
    else:
        from extract.article import ArticleError, decode_bytes

        path = Path(args.file)
        try:
            text, _ = decode_bytes(path.read_bytes(), path)
        except FileNotFoundError:
            _say(f"{path}: no such file", file=sys.stderr)
            return 1
        except ArticleError as exc:
            _say(str(exc), file=sys.stderr)
            return 1
    mentions = find_dates(text, published, language=args.language)
    if args.format == "timeml":
        name = "stdin" if args.file == "-" else Path(args.file).stem
        sys.stdout.write(to_timeml(text, mentions, published, doc_id=name))
        return 0
    for m in mentions:
        print(json.dumps(mention_json(m), ensure_ascii=False))
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from extract.timeline.changes import diff_timelines
    from extract.timeline.snapshots import VersionError, read_version

    versions = []
    for spec in (args.old, args.new):
        try:
            if spec is None:
                versions.append((str(args.timeline), tl.load(args.timeline)))
            else:
                versions.append(read_version(spec, args.timeline))
        except VersionError as exc:
            _say(f"extract diff: {exc}", file=sys.stderr)
            return 1
        except tl.TimelineError as exc:
            for problem in exc.problems:
                _say(problem, file=sys.stderr)
            return 1
    (old_label, old), (new_label, new) = versions
    found = diff_timelines(old, new, old_label=old_label, new_label=new_label)
    if args.format == "json":
        sys.stdout.write(found.json_text())
    else:
        sys.stdout.write(found.text(markdown=args.format == "markdown"))
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    import getpass

    from extract.timeline.snapshots import VersionError, mark_briefed, snapshots

    if not args.timeline.is_file():
        _say(f"{args.timeline}: no such file; expected the timeline (--timeline FILE)",
             file=sys.stderr)
        return 1
    if args.list:
        for snap in snapshots(args.timeline):
            _say(f"{snap.name}\t{snap.at}\t{snap.by}\t{snap.kind}")
        return 0
    try:
        tl.load(args.timeline)  # only a valid timeline is briefed
        snap = mark_briefed(args.timeline, args.by or getpass.getuser())
    except tl.TimelineError as exc:
        for problem in exc.problems:
            _say(problem, file=sys.stderr)
        return 1
    except VersionError as exc:
        _say(f"extract snapshot: {exc}", file=sys.stderr)
        return 1
    _say(f"{args.timeline}: snapshot {snap.name} ({snap.kind}) by {snap.by} at {snap.at}")
    return 0


def cmd_sipri(args: argparse.Namespace) -> int:
    from extract.timeline.sipri import NameMap, RegisterError, read_register

    if args.candidates and args.out is None:
        _say("--candidates needs --out FILE: the candidates file to write", file=sys.stderr)
        return 1
    try:
        registers = [read_register(path) for path in args.registers]
    except RegisterError as exc:
        _say(str(exc), file=sys.stderr)
        return 1
    names = NameMap.load()
    if args.candidates:
        return _sipri_candidates(args, registers, names)
    from extract.timeline.reconcile import reconcile

    try:
        timeline = tl.load(args.timeline)
    except tl.TimelineError as exc:
        for problem in exc.problems:
            _say(problem, file=sys.stderr)
        return 1
    result = reconcile(registers, timeline, names, supplier=args.supplier,
                       recipient=args.recipient)
    text = {"json": result.json_text, "csv": result.csv_text, "text": result.text}[
        args.format]()
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        tl.atomic_write(args.out, text.encode("utf-8"))
    except OSError as exc:
        _say(_write_failure(args.out, exc), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(getattr(result, c))} {c.replace('_', ' ')}" for c in (
        "matched", "differs", "only_in_sipri", "only_in_timeline"))
    _say(f"{counts} -> {args.out}")
    return 0


def _sipri_candidates(args: argparse.Namespace, registers: list, names) -> int:
    from extract.sipri import candidates

    refusal = _refuse_to_overwrite(args.out)
    if refusal:
        _say(refusal, file=sys.stderr)
        return 1
    found = candidates(registers, names)
    if args.supplier or args.recipient:
        keep = {d.id for d in found.deals or () if
                (not args.supplier or d.supplier == names.country(args.supplier)) and
                (not args.recipient or d.recipient == names.country(args.recipient))}
        found = found.model_copy(update={
            "deals": [d for d in found.deals or () if d.id in keep],
            "events": [e for e in found.events if e.deal in keep]})
    header = ("Candidates from: python -m extract sipri --candidates.\n"
              "Review them, then: python -m extract merge THIS_FILE --into events.yaml")
    try:
        tl.atomic_write(args.out, tl.dumps(found, header=header).encode("utf-8"))
    except OSError as exc:
        _say(_write_failure(args.out, exc), file=sys.stderr)
        return 1
    _say(f"read {len(registers)} register{'s' if len(registers) != 1 else ''}: "
         f"{len(found.deals or ())} deals, {len(found.events)} candidate events -> {args.out}")
    return 0


COMMANDS = {
    "sipri": cmd_sipri,
    "diff": cmd_diff,
    "snapshot": cmd_snapshot,
    "check": cmd_check,
    "schema": cmd_schema,
    "scan": cmd_scan,
    "merge": cmd_merge,
    "sources": cmd_sources,
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
        _say("interrupted", file=sys.stderr)
        return 130

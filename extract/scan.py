"""``scan``: files and folders of articles in, a candidates file in the events.yaml format out.

Each file is read on its own (in worker processes with ``workers > 1``); a file that cannot be
read is reported with its reason and the others go on. Results are put back in input order,
so the output is the same whatever the number of workers.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from extract.article import ArticleError, read_article
from extract.events import ExtractionStats, extract_events, source_for
from extract.timeline import Event, Source, Timeline

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def article_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[str]]:
    """Expand files and folders (recursively, sorted) into article files.

    Returns (files, problems): a named path that does not exist is a problem; inside folders
    only files with an article suffix are taken (README.md and manifests are not articles when
    their names say so).
    """
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if (child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES
                        and not child.name.startswith(".")
                        and child.name.lower() not in ("readme.md", "curation-notes.md")):
                    files.append(child)
        elif p.is_file():
            files.append(p)
        else:
            problems.append(f"{p}: no such file or folder")
    return files, problems


@dataclass
class FileResult:
    path: Path
    article: object | None = None  # extract.article.Article
    error: str | None = None


def _read_one(args: tuple[Path, dict | None]) -> FileResult:
    path, entry = args
    try:
        return FileResult(path, read_article(path, manifest=entry))
    except ArticleError as exc:
        return FileResult(path, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
        log.exception("unexpected failure reading %s", path)
        return FileResult(path, error=f"{path}: could not be read ({type(exc).__name__}: {exc})")


def _read_all(
    jobs: list[tuple[Path, dict | None]], workers: int
) -> Iterator[FileResult]:
    if workers <= 1 or len(jobs) < 2:
        for job in jobs:
            yield _read_one(job)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_read_one, jobs, chunksize=max(1, len(jobs) // (workers * 8)))


@dataclass
class ScanResult:
    timeline: Timeline
    failures: list[str] = field(default_factory=list)
    stats: ExtractionStats = field(default_factory=ExtractionStats)
    files: int = 0


def scan(
    paths: Iterable[str | os.PathLike[str]],
    *,
    manifest: dict[str, dict] | None = None,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> ScanResult:
    """Read every article under ``paths`` and return the candidates as a Timeline.

    ``manifest`` maps file names to what the collector knew (its fields override detection).
    ``progress`` is called with 1 after each file.
    """
    files, problems = article_files(paths)
    manifest = manifest or {}
    jobs = [(f, manifest.get(f.name)) for f in files]
    result = ScanResult(Timeline(version=1), failures=list(problems), files=len(files))
    sources: list[Source] = []
    events: list[Event] = []
    taken_sources: set[str] = set()
    taken_events: set[str] = set()
    for item in _read_all(jobs, workers):
        if progress:
            progress(1)
        if item.error:
            result.failures.append(item.error)
            continue
        article = item.article
        source = source_for(article, taken_sources)
        sources.append(source)
        for event in extract_events(article, source.id, stats=result.stats):
            ident, n = event.id, 2
            while ident in taken_events:
                ident, n = f"{event.id}-{n}", n + 1
            taken_events.add(ident)
            events.append(event if ident == event.id else event.model_copy(update={"id": ident}))
    result.timeline = Timeline(version=1, sources=sources, events=events)
    return result


def unmatched_manifest_entries(manifest: dict[str, dict], files: list[Path]) -> list[str]:
    names = {f.name for f in files}
    return sorted(name for name in manifest if name not in names)

"""Every format of the briefing pack as bytes, for the page and the command line
(Streamlit-free). The slow ones (the deck, the PDF and the pictures) draw the timeline in
Debian's Chromium; the others are made at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.chromium import ChromiumError
from dashboard.deck import deck_pptx
from dashboard.export import standalone_html, to_csv, to_evidence_csv, to_json, to_yaml
from dashboard.figures import TimelineOptions, timeline_figure
from dashboard.handout import handout_html
from dashboard.pack import Pack
from dashboard.pdf import briefing_pdf
from dashboard.picture import HEIGHT, WIDTH, picture_figure, render
from dashboard.timelinejs import to_timelinejs

FORMATS = ("pptx", "pdf", "png", "svg", "html", "handout", "csv", "evidence-csv", "json",
           "yaml", "timelinejs")
SUFFIXES = {"pptx": ".pptx", "pdf": ".pdf", "png": ".png", "svg": ".svg", "html": ".html",
            "handout": ".html", "csv": ".csv", "evidence-csv": ".csv", "json": ".json",
            "yaml": ".yaml", "timelinejs": ".json"}
MIME = {"pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pdf": "application/pdf", "png": "image/png", "svg": "image/svg+xml",
        "html": "text/html", "handout": "text/html", "csv": "text/csv",
        "evidence-csv": "text/csv", "json": "application/json", "yaml": "application/yaml",
        "timelinejs": "application/json"}
SLOW = frozenset({"pptx", "pdf", "png", "svg"})  # these start Chromium


@dataclass(frozen=True)
class Made:
    """The bytes of one export, and what the reader should be told (one line each)."""

    data: bytes
    warnings: tuple[str, ...] = ()


Progress = Callable[[str], None]


SMALL = (1024, 576)  # a picture under a heading of its own (a slide, a page): larger type


def _picture(pack: Pack, formats: tuple[str, ...], *, titled: bool) -> dict[str, bytes]:
    width, height = (WIDTH, HEIGHT) if titled else SMALL
    fig = picture_figure(pack.events, title=pack.title if titled else "",
                         subtitle=pack.view_words, source=pack.source_line(), lanes=pack.lanes,
                         width=width, height=height)
    return render(fig, formats)


def make(fmt: str, pack: Pack, *, progress: Progress | None = None) -> Made:
    """The bytes of ``fmt`` (one of :data:`FORMATS`) for ``pack``.

    The deck is written even without Chromium (its overview slide says why the picture is
    missing, and the reason is in ``warnings``); the PDF and the pictures need Chromium and
    raise :class:`dashboard.chromium.ChromiumError` without it.
    """
    say = progress or (lambda _words: None)
    if fmt == "pptx":
        say("Drawing the timeline in Chromium…")
        try:
            png, problem = _picture(pack, ("png",), titled=False)["png"], ""
        except ChromiumError as exc:
            png, problem = None, str(exc)
        say("Writing the slides…")
        warnings = (f"the deck has no timeline picture: {problem}",) if problem else ()
        return Made(deck_pptx(pack, picture=png, problem=problem), warnings)
    if fmt == "pdf":
        say("Drawing the timeline in Chromium…")
        svg = _picture(pack, ("svg",), titled=False)["svg"]
        say("Printing the PDF in Chromium…")
        return Made(briefing_pdf(pack, svg))
    if fmt in ("png", "svg"):
        say("Drawing the timeline in Chromium…")
        return Made(_picture(pack, (fmt,), titled=True)[fmt])
    return Made(_quick(fmt, pack))


def _quick(fmt: str, pack: Pack) -> bytes:
    """The formats that need no browser."""
    events, sources, query = pack.events, pack.sources, dict(pack.query)
    if fmt == "csv":
        return to_csv(events, sources)
    if fmt == "evidence-csv":
        return to_evidence_csv(events, sources)
    if fmt == "json":
        return to_json(events, sources, view=query)
    if fmt == "yaml":
        return to_yaml(events, sources, briefing=pack.briefing, view=query)
    if fmt == "timelinejs":
        return to_timelinejs(events, sources, title=pack.title,
                             subtitle=f"{pack.summary_words()}. {pack.view_words}.",
                             lanes=pack.lanes)
    if fmt == "html":
        fig = timeline_figure(events, options=TimelineOptions(lanes=pack.lanes))
        return standalone_html(fig, title=pack.title)
    if fmt == "handout":
        return handout_html(events, sources, title=pack.title, view_words=pack.view_words)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")

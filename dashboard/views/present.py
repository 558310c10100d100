"""Present & export page: presenter mode for a shared screen, and downloads of the view.

Off (``/present``): choose what to present and the theme, switch presenter mode on, and the
briefing pack of what is presented: the PowerPoint deck, the PDF and the chart pictures (made
on request, with their progress: Chromium draws them), CSV, JSON, YAML, TimelineJS, the chart
as an offline page and the handout.
On (``?mode=present``): one slide at a time at 1920x1080 with no sidebar and no Streamlit
chrome; Previous/Next buttons, also on the ← and → keys (Streamlit's own button shortcuts);
the slide is ``step`` in the URL.

The only HTML on this page is the constant style sheets below (they hide the chrome and set
large type and the theme's colours); no text from the file ever goes into them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.chromium import ChromiumError
from dashboard.figures import (
    TimelineOptions,
    image_config,
    presenter_figure,
    timeline_figure,
    type_words,
)
from dashboard.filters import Filters
from dashboard.frame import record
from dashboard.labels import counted, flags_of
from dashboard.outputs import MIME, SUFFIXES, make
from dashboard.pack import Pack, handling_setting, make_pack, with_changes
from dashboard.present import (
    Deck,
    Presenter,
    dispute_sentences,
    key_evidence,
    make_deck,
    theme_of,
)
from dashboard.text import find_date_words, md_escape, md_link

# Constant style sheets (no content from the file). Streamlit's chrome is found by its
# data-testid attributes, the page's own parts by the keys of their containers.
PRESENT_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stSidebarNav"], [data-testid="stTopNav"] { display: none !important; }
[data-testid="stMain"] { margin-left: 0 !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.2rem 0.8rem !important;
  max-width: 100% !important; }
.st-key-present_slide p, .st-key-present_slide li { font-size: 24px !important;
  line-height: 1.4 !important; }
.st-key-present_slide h1 { font-size: 52px !important; line-height: 1.15 !important; }
.st-key-present_slide h2 { font-size: 36px !important; line-height: 1.2 !important; }
.st-key-present_slide h3 { font-size: 30px !important; }
.st-key-present_slide blockquote, .st-key-present_slide blockquote * { font-size: 30px !important;
  color: #111111 !important; opacity: 1 !important; }
.st-key-present_slide blockquote { border-left: 6px solid #b3261e !important; }
.st-key-present_slide [data-testid="stCaptionContainer"],
.st-key-present_slide [data-testid="stCaptionContainer"] * { font-size: 20px !important;
  color: #3d3d3d !important; opacity: 1 !important; }
.st-key-present_nav button p { font-size: 22px !important; }
.st-key-present_nav [data-testid="stMarkdownContainer"] p { font-size: 22px !important; }
</style>"""
DARK_CSS = """<style>
[data-testid="stApp"], [data-testid="stMain"], [data-testid="stBottomBlockContainer"] {
  background: #101010 !important; color: #f5f5f5 !important; }
[data-testid="stApp"] h1, [data-testid="stApp"] h2, [data-testid="stApp"] h3,
[data-testid="stApp"] p, [data-testid="stApp"] li, [data-testid="stApp"] strong,
[data-testid="stApp"] blockquote, [data-testid="stApp"] blockquote * {
  color: #f5f5f5 !important; }
[data-testid="stApp"] a { color: #9fd0ff !important; }
[data-testid="stApp"] blockquote { border-left-color: #ffd84d !important; }
[data-testid="stApp"] blockquote strong { color: #ffd84d !important; }
[data-testid="stApp"] [data-testid="stCaptionContainer"],
[data-testid="stApp"] [data-testid="stCaptionContainer"] * { color: #cfcfcf !important; }
[data-testid="stApp"] [data-testid="stAlertContainer"] * { color: #fff3c4 !important; }
[data-testid="stApp"] button { background: #1e1e1e !important; color: #f5f5f5 !important;
  border-color: #8a8a8a !important; }
[data-testid="stApp"] [data-testid="stAlertContainer"] { background: #2a2300 !important; }
[data-testid="stApp"] [data-testid="stVerticalBlockBorderWrapper"],
[data-testid="stApp"] .st-key-present_card { border-color: #6a6a6a !important; }
</style>"""
SET_WORDS = {"view": "The current view (the filters), in date order",
             "briefing": "The briefing curated in events.yaml, in the presenter's order"}
THEME_WORDS = {"light": "Light", "dark": "Dark"}
CHART_HEIGHT = 960  # with the navigation under it, the slide fills a 1080 px screen


def render(view: state.View) -> None:
    p = state.presenter()
    deck = make_deck(view.frames, view.shown, p.set)
    step = deck.clamp(p.step)
    if step != p.step:
        state.set_present_step(step, deck.last_step)
        p = state.presenter()
    if p.on:
        _present(view, deck, p)
    else:
        _setup(view, deck, p)
    state.finish_present_run(view, p)


# --------------------------------------------------------------------------------------------
# Presenter mode
# --------------------------------------------------------------------------------------------


def _present(view: state.View, deck: Deck, p: Presenter) -> None:
    st.html(PRESENT_CSS)
    if p.theme == "dark":
        st.html(DARK_CSS)
    with st.container(key="present_slide"):
        kind = deck.kind(p.step)
        if kind == "title":
            _title_slide(view, deck, p)
        elif kind == "sources":
            _sources_slide(deck)
        else:
            _event_slide(view, deck, p)
    _nav(deck, p)


def _chart(deck: Deck, p: Presenter, current: str | None, title: str | None,
           lanes: str = "type") -> None:
    fig = presenter_figure(deck.events, current=current, theme=theme_of(p.theme), lanes=lanes,
                           title=title, height=CHART_HEIGHT)
    st.plotly_chart(fig, key="present_chart", theme=None,
                    config={**image_config(f"present-{p.step}"), "scrollZoom": False})


def _title_slide(view: state.View, deck: Deck, p: Presenter) -> None:
    st.title(deck.title, anchor=False)
    span = deck.span_label()
    st.header(md_escape(deck.count_words() + (f" · {span}" if span else "")), anchor=False)
    words = filters_words(view.filters) if deck.set == "view" else (
        "The briefing curated in events.yaml, in the presenter's order.")
    st.markdown(md_escape(words))
    if deck.missing:
        st.warning(md_escape(f"Not in the file, left out: {', '.join(deck.missing)}"))
    if deck.n_events:
        _chart(deck, p, None, None, view.filters.lanes)
    else:
        st.info("No events to present: widen the filters, or present the briefing.")


def _event_slide(view: state.View, deck: Deck, p: Presenter) -> None:
    row = deck.event_at(p.step)
    assert row is not None
    chart, side = st.columns([2, 1], gap="large")
    with chart:
        _chart(deck, p, row["id"], f"{p.step} of {deck.n_events} · {row['label']}",
               view.filters.lanes)
    with side, st.container(border=True, key="present_card"):
        _card(row, view)


def _card(row: pd.Series, view: state.View) -> None:
    rec = record(row)
    st.header(md_escape(row["title"]), anchor=False)
    st.markdown(f"### {md_escape(row['label'])}")
    st.caption(md_escape(f"{row['precision_words']} · {type_words(row['type'])}"))
    for flag in flags_of(row["status"], row["unverified"], disputed=False):
        st.warning(f"**{flag.label}.** {flag.detail}")  # disagreements: their own lines below
    for sentence in dispute_sentences(row["disputes"], row["label"]):
        st.warning(md_escape(sentence))
    ev = key_evidence(rec)
    if ev is not None:
        st.markdown("> " + quote_md(ev["quote"], ev.get("date_text")))
        sources = view.frames.sources.set_index("id", drop=False)
        if ev["source"] in sources.index:
            src = sources.loc[ev["source"]]
            bits = [f"**{md_escape(src['publisher'])}**"]
            if src["published_label"]:
                bits.append(md_escape(src["published_label"]))
            if src["title"] or src["url"]:
                bits.append(md_link(src["title"] or "article", src["url"] or None))
            st.markdown(" · ".join(bits))
        else:
            st.markdown(md_escape(ev["source"]) + " (source not listed)")
    n_pub = int(row["n_publishers"])
    st.caption(md_escape(
        f"{counted(n_pub, 'publisher')}: {', '.join(row['publishers'])}" if n_pub > 1
        else f"One publisher only: {', '.join(row['publishers'])}"))


def quote_md(quote: str, date_text: str | None) -> str:
    """The quote as escaped Markdown with its date words in bold (legible in both themes)."""
    span = find_date_words(quote, date_text)
    if span is None:
        return md_escape(quote)
    a, b = span
    return md_escape(quote[:a]) + "**" + md_escape(quote[a:b]) + "**" + md_escape(quote[b:])


def _sources_slide(deck: Deck) -> None:
    cited = deck.cited_sources()
    st.title("Sources", anchor=False)
    st.caption(md_escape(f"Every source the {deck.count_words()} cite, in the order cited."))
    lines = []
    for s in cited.itertuples(index=False):
        bits = [f"**{md_escape(s.publisher)}**"]
        if s.published_label:
            bits.append(md_escape(s.published_label))
        bits.append(md_link(s.title or s.url or s.id, s.url or None))
        lines.append("1. " + " · ".join(bits))
    st.markdown("\n".join(lines) if lines else "No sources cited.")


def _nav(deck: Deck, p: Presenter) -> None:
    with st.container(horizontal=True, key="present_nav", vertical_alignment="center"):
        st.button("← Previous", key="present_prev", shortcut="Left",
                  disabled=p.step <= 0, on_click=state.set_present_step,
                  args=(p.step - 1, deck.last_step))
        kind = deck.kind(p.step)
        where = {"title": "Title", "sources": "Sources"}.get(
            kind, f"Event {p.step} of {deck.n_events}")
        st.markdown(md_escape(where))
        st.button("Next →", key="present_next", shortcut="Right",
                  disabled=p.step >= deck.last_step, on_click=state.set_present_step,
                  args=(p.step + 1, deck.last_step))
        st.button("Exit presenter mode", key="present_exit", shortcut="Esc",
                  on_click=state.set_presenting, args=(False,))


# --------------------------------------------------------------------------------------------
# Set-up and downloads
# --------------------------------------------------------------------------------------------


def filters_words(f: Filters) -> str:
    """The view's filters in words ('Types: deal, delivery. From 2016-01-01.')."""
    parts = []
    if f.start or f.end:
        parts.append(f"Window: {f.start or 'start'} to {f.end or 'end'}.")
    for name, values in (("Types", [type_words(t) for t in f.types]), ("Actors", f.actors),
                         ("Systems", f.systems), ("Publishers", f.publishers)):
        if values:
            parts.append(f"{name}: {', '.join(values)}.")
    if tuple(f.statuses) != ("accepted",):
        parts.append(f"Status: {', '.join(f.statuses)}.")
    if f.text:
        parts.append(f"Search: “{f.text}”.")
    return " ".join(parts) or "All accepted events."


def _setup(view: state.View, deck: Deck, p: Presenter) -> None:
    st.title("Present & export", anchor=False)
    left, right = st.columns([2, 3], gap="large")
    n_brief = len(view.frames.briefing)
    with left:
        st.subheader("Presenter mode", anchor=False)
        st.toggle("Presenter mode", key=state.K_PRESENT_ON,
                  help="Full screen for a shared screen: no sidebar, large type, one event "
                       "at a time; step with the ← and → keys. The link keeps the slide.")
        st.radio("What to present", ("view", "briefing"), key=state.K_PRESENT_SET,
                 format_func=lambda s: SET_WORDS[s] + (
                     f" ({counted(len(view.shown), 'event')})" if s == "view"
                     else f" ({counted(n_brief, 'event')})"))
        st.radio("Theme", ("light", "dark"), key=state.K_PRESENT_THEME,
                 format_func=THEME_WORDS.get, horizontal=True)
        st.caption(md_escape(
            f"{deck.count_words()}: a title slide, one slide per event, then the sources. "
            "Add ?mode=present to a link to open it in presenter mode."))
        if deck.n_events:
            st.dataframe(
                pd.DataFrame({"step": range(1, deck.n_events + 1),
                              "date": deck.events["label"], "title": deck.events["title"]}),
                hide_index=True, key="present_slides", height=260)
    with right:
        render_downloads(view, deck)


PACK_SLOW = (("pptx", "PowerPoint deck"), ("pdf", "PDF briefing"), ("png", "Chart as PNG"),
             ("svg", "Chart as SVG"))
PACK_QUICK = (("csv", "CSV (one row per event)"), ("evidence-csv", "CSV (one row per quote)"),
              ("json", "JSON"), ("yaml", "YAML (events.yaml)"), ("timelinejs", "TimelineJS"),
              ("html", "Chart as HTML (offline)"), ("handout", "Handout (HTML)"))
PACK_HELP = {
    "yaml": "A timeline file of its own: `python -m extract check` accepts it.",
    "timelinejs": "For Knight Lab's TimelineJS: dates at the precision given.",
    "html": "plotly.js is inside the file: no network.",
    "handout": "Every event with its sources and disagreements; print it.",
}


def render_downloads(view: state.View, deck: Deck | None = None) -> None:
    """The "Briefing pack" section: every export of what is presented (the view, or the
    curated briefing), the slow ones made on request with their progress shown."""
    set_name = deck.set if deck is not None else "view"
    st.subheader("Briefing pack", anchor=False)
    handling = st.text_input(
        "Handling line (on every slide and page; empty for none)", value=handling_setting(),
        key="pack_handling", max_chars=200,
        help="A classification or handling caveat; the default comes from $ARMS_HANDLING.")
    pack = make_pack(view.frames, view.filters, set_name, handling=handling,
                     origin=Path(view.path).name)
    snaps = state.briefing_snapshots(Path(view.path))
    if snaps and st.checkbox(f"Add “Since last briefing” (the changes since {snaps[0].name})",
                             key="pack_since",
                             help="A slide and a page listing what is new, changed and "
                                  "withdrawn since the last briefing snapshot."):
        base = state.baseline(Path(view.path), snaps[0].name)
        if base.diff is not None:
            pack = with_changes(pack, base.diff)
        else:
            st.warning(md_escape(base.problem))
    st.caption(md_escape(f"{pack.summary_words()} · {pack.view_words}"))
    stem = ("arms-timeline-briefing" if set_name == "briefing"
            else f"arms-timeline-{counted(pack.n_events, 'event').replace(' ', '-')}")
    slow = st.container(horizontal=True, key="pack_slow")
    asked = [fmt for fmt, label in PACK_SLOW
             if slow.button(label, key=f"pack_make_{fmt}",
                            help="Drawn in Chromium: a few seconds.")]
    if asked:
        _make_slow(asked[0], pack, stem)
    quick = st.container(horizontal=True, key="pack_quick")
    for fmt, label in PACK_QUICK:  # each made when its button is pressed, not on every visit
        quick.download_button(label, partial(_bytes_of, fmt, pack),
                              file_name=stem + _suffix(fmt),
                              mime=MIME[fmt], key=f"export_{fmt}", on_click="ignore",
                              help=PACK_HELP.get(fmt))
    fig = timeline_figure(view.shown, options=TimelineOptions(lanes=view.filters.lanes))
    st.plotly_chart(fig, key="export_chart", config=image_config(stem))


def _bytes_of(fmt: str, pack: Pack) -> bytes:
    """One quick export's bytes (run by the download button when pressed, on its own thread:
    plain data in, bytes out)."""
    return make(fmt, pack).data


def _suffix(fmt: str) -> str:
    return {"evidence-csv": ".evidence.csv", "timelinejs": ".timelinejs.json",
            "handout": "-handout.html"}.get(fmt, SUFFIXES[fmt])


def _make_slow(fmt: str, pack: Pack, stem: str) -> None:
    """Make one of the slow exports with its progress shown, then offer it."""
    label = dict(PACK_SLOW)[fmt]
    with st.status(f"Making the {label}…", expanded=True) as status:
        try:
            made = make(fmt, pack, progress=lambda words: status.update(label=words))
        except ChromiumError as exc:
            status.update(label=f"The {label} could not be made", state="error")
            st.error(md_escape(f"{exc}."))
            return
        status.update(label=f"The {label} is ready", state="complete")
    for words in made.warnings:
        st.warning(md_escape(f"Warning: {words}."))
    st.download_button(f"Download the {label}", made.data, file_name=stem + _suffix(fmt),
                       mime=MIME[fmt], key=f"pack_download_{fmt}", on_click="ignore",
                       type="primary")


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

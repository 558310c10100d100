"""Add articles page: upload or paste articles; the extractor's candidates join the review queue.

The extractor runs as its command line (``python -m extract scan``, then ``merge``) in a
temporary folder; the only file written outside it is the timeline, by ``extract merge``. The
message at the end is built from what the merge reported, not assumed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from dashboard import review, state
from dashboard.labels import counted
from dashboard.text import md_escape
from extract.timeline import TimelineError, load


def _lines(title: str, lines: list[str]) -> str:
    return f"**{title}**\n\n" + "\n".join(f"- {md_escape(ln)}" for ln in lines)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _events_of(path: Path) -> dict[str, dict[str, object]]:
    """{id: event} as the file holds it now ({} when it cannot be read: nothing to compare)."""
    try:
        return {e.id: e.model_dump(mode="json", exclude_none=True) for e in load(path).events}
    except (TimelineError, OSError):
        return {}


def _run(path: Path, articles: list[review.Article], publisher: str, published: object,
         url: str | None, title: str) -> None:
    if not path.parent.is_dir():
        st.error(md_escape(f"The timeline's folder {path.parent} does not exist; nothing was "
                           "added."))
        return
    with st.status(f"Reading {counted(len(articles), 'article')}…", expanded=True) as status:
        try:
            tmp_dir = tempfile.TemporaryDirectory(prefix="arms-articles-")
        except OSError as exc:
            status.update(label="Nothing was added to the timeline.", state="error")
            st.error(md_escape(f"The articles could not be written to a temporary folder "
                               f"({_why(exc)}); nothing was added."))
            return
        with tmp_dir as tmp:
            outcome = _scan_and_merge(Path(tmp), path, articles, publisher, published, url,
                                      title, status)
    if outcome is None:
        return
    kind, text = outcome
    getattr(st, kind)(md_escape(text))
    if kind == "success":
        st.page_link("views/review.py", label="Go to the Review queue")


def _scan_and_merge(tmp: Path, path: Path, articles: list[review.Article], publisher: str,
                    published: object, url: str | None, title: str,
                    status) -> tuple[str, str] | None:
    folder = tmp / "articles"
    try:
        folder.mkdir()
        manifest, refused = review.write_articles(
            folder, articles, publisher=publisher, published=published,  # type: ignore[arg-type]
            url=url, title=title)
    except OSError as exc:
        status.update(label="Nothing was added to the timeline.", state="error")
        st.error(md_escape(f"The articles could not be written to a temporary folder "
                           f"({_why(exc)}); nothing was added."))
        return None
    if refused:
        st.error(_lines("Not read:", refused))
    if len(refused) == len(articles):
        status.update(label="No article could be read.", state="error")
        return None
    files = {name: art.called for art, name, _ in review.planned_files(articles) if name}
    st.write("Finding dated events…")
    candidates = tmp / "candidates.yaml"
    scan = review.run(review.scan_command(folder, manifest, candidates))
    problems = review.reported_problems(scan, folder)
    if scan.returncode not in (0, 2) or not candidates.exists():
        st.error(_lines("The extractor could not read the articles:",
                        review.one_line(problems) or [scan.stdout
                                                      or f"exit code {scan.returncode}"]))
        status.update(label="Nothing was added to the timeline.", state="error")
        return None
    if problems:
        st.error(_lines("Some files could not be read (the others were):",
                        review.one_line(problems)))
    if scan.stdout:
        st.caption(md_escape(scan.stdout.replace(str(candidates), "candidates")))
    try:
        found = load(candidates)
    except (TimelineError, OSError):
        found = None
    read = {name: called for name, called in files.items()  # those the scan could not read
            if not any(ln.startswith(name + ":") for ln in problems)}  # are named above
    no_events = review.articles_without_events(found, read) if found is not None else []
    if found is not None and not found.events:
        status.update(label="No dated events found.", state="complete")
        return review.merge_message(None, no_events, len(read))
    st.write("Adding the candidates to the timeline…")
    before = _events_of(path)
    merge = review.run(review.merge_command(candidates, path))
    if merge.returncode != 0:
        st.error(_lines("The candidates could not be added to the timeline (it was left "
                        "unchanged):",
                        review.one_line(merge.stderr_lines) or [f"exit code {merge.returncode}"]))
        status.update(label="Nothing was added to the timeline.", state="error")
        return None
    state.reload_review_document(path)
    kind, text = review.merge_message(review.parse_merge_output(merge.stdout), no_events,
                                      len(read))
    after = _events_of(path)
    touched = sorted(i for i in {*before, *after} if before.get(i) != after.get(i))
    if touched:
        names = sorted(read.values())
        listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        state.record(path, state.access(), "add articles",
                     f"add articles: {counted(len(read), 'article')} ({listed})", touched,
                     before, after)
    state.flash(kind, "Added articles: " + text)
    status.update(label="Done.", state="complete", expanded=True)
    return kind, text


def render(view: state.View) -> None:
    state.require_curator()  # the run ends here for anyone else
    path = Path(view.path)
    st.title("Add articles", anchor=False)
    st.caption("The extractor reads the articles and proposes candidate events; they join the "
               "Review queue. Nothing is accepted without a curator. Timeline file: "
               + md_escape(path.name))
    with st.form("add_articles_form"):
        uploads = st.file_uploader(
            f"Article files (.txt, .md, .html; up to {review.MAX_ARTICLE_MB} MB each)",
            type=["txt", "md", "html", "htm"], accept_multiple_files=True,
            max_upload_size=review.MAX_ARTICLE_MB, key="add_files")
        pasted = st.text_area("…or paste an article's text (title, byline, body)",
                              key="add_pasted", height=180)
        c1, c2 = st.columns(2)
        publisher = c1.text_input("Publisher (optional: else read from the article)",
                                  key="add_publisher", placeholder="e.g. Caspian News")
        published_text = c2.text_input(
            "Publication date (optional: YYYY-MM-DD, YYYY-MM or YYYY)", key="add_published",
            help="Relative dates ('last Tuesday') are resolved against it; without it, the "
                 "byline's date is used, if any.")
        c1, c2 = st.columns(2)
        url_text = c1.text_input(
            "URL (optional: the article's public http(s) address)", key="add_url",
            placeholder="https://…", help="For one article at a time.")
        title = c2.text_input("Title (optional: else read from the article)", key="add_title",
                              help="For one article at a time.")
        submitted = st.form_submit_button("Find events in these articles", type="primary",
                                          key="add_submit")
    if not submitted:
        return
    try:
        published = review.check_published(published_text or "")
    except ValueError as exc:
        st.error("Publication date: " + md_escape(str(exc)))
        return
    try:
        url = review.check_url(url_text or "")
    except ValueError as exc:
        st.error("URL: " + md_escape(str(exc)))
        return
    if len(uploads or []) > review.MAX_FILES:
        st.error(f"{len(uploads or [])} files were chosen: at most {review.MAX_FILES} can be "
                 "added at once. Nothing was read; add them in smaller groups.")
        return
    articles = [review.Article(f.name, f.getvalue()) for f in (uploads or [])]
    if (pasted or "").strip():
        articles.append(review.pasted_article(pasted))
    if not articles:
        st.warning("Choose at least one file, or paste an article's text.")
        return
    if (url or (title or "").strip()) and len(articles) > 1:
        st.error("A URL and a title describe one article: add one article at a time to give "
                 "them (or leave them empty).")
        return
    _run(path, articles, publisher or "", published, url, title or "")


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

"""Add articles page: upload or paste articles; the extractor's candidates join the review queue.

The extractor runs as its command line (``python -m extract scan``, then ``merge``) in a
temporary folder; the only file written outside it is the timeline, by ``extract merge``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from dashboard import review, state
from dashboard.text import md_escape


def _lines(title: str, lines: list[str]) -> str:
    return f"**{title}**\n\n" + "\n".join(f"- {md_escape(ln)}" for ln in lines)


def _run(path: Path, articles: list[review.Article], publisher: str,
         published: object) -> None:
    with st.status(f"Reading {len(articles)} article{'s' if len(articles) != 1 else ''}…",
                   expanded=True) as status, tempfile.TemporaryDirectory(
                       prefix="arms-articles-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        manifest, refused = review.write_articles(folder, articles, publisher=publisher,
                                                  published=published)  # type: ignore[arg-type]
        if refused:
            st.error(_lines("Not read:", refused))
        if len(refused) == len(articles):
            status.update(label="No article could be read.", state="error")
            return
        st.write("Finding dated events…")
        candidates = Path(tmp) / "candidates.yaml"
        scan = review.run(review.scan_command(folder, manifest, candidates))
        problems = review.reported_problems(scan, folder)
        if scan.returncode not in (0, 2) or not candidates.exists():
            st.error(_lines("The extractor could not read the articles:",
                            problems or [scan.stdout or f"exit code {scan.returncode}"]))
            status.update(label="Nothing was added to the timeline.", state="error")
            return
        if problems:
            st.error(_lines("Some files could not be read (the others were):", problems))
        if scan.stdout:
            st.caption(md_escape(scan.stdout.replace(str(candidates), "candidates")))
        st.write("Adding the candidates to the timeline…")
        merge = review.run(review.merge_command(candidates, path))
        if merge.returncode != 0:
            st.error(_lines("The candidates could not be added to the timeline (it was left "
                            "unchanged):",
                            list(merge.stderr_lines) or [f"exit code {merge.returncode}"]))
            status.update(label="Nothing was added to the timeline.", state="error")
            return
        state.reload_review_document(path)
        summary = merge.stdout.split(": ", 1)[-1] if merge.stdout else "done"
        state.flash("success", f"Added articles: {summary}.")
        status.update(label="Done: " + summary, state="complete", expanded=True)
    st.success("Done: " + md_escape(summary) + ". The new candidates are in the Review queue.")
    st.page_link("views/review.py", label="Go to the Review queue")


def render(view: state.View) -> None:
    path = Path(view.path)
    st.title("Add articles", anchor=False)
    st.caption("The extractor reads the articles and proposes candidate events; they join the "
               "Review queue. Nothing is accepted without a curator. Timeline file: "
               + md_escape(str(path)))
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
        submitted = st.form_submit_button("Find events in these articles", type="primary",
                                          key="add_submit")
    if not submitted:
        return
    try:
        published = review.check_published(published_text or "")
    except ValueError as exc:
        st.error("Publication date: " + md_escape(str(exc)))
        return
    articles = [review.Article(f.name, f.getvalue()) for f in (uploads or [])]
    if (pasted or "").strip():
        articles.append(review.Article(review.PASTED_NAME, pasted.encode("utf-8")))
    if not articles:
        st.warning("Choose at least one file, or paste an article's text.")
        return
    _run(path, articles, publisher or "", published)


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

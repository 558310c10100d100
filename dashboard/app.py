"""Arms-transfer timeline dashboard: ``streamlit run dashboard/app.py [-- --events FILE]``.

Router and page config only: the pages are in ``dashboard/views``, state in ``dashboard/state``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

if __package__ in (None, ""):  # run as a script by `streamlit run`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import state  # noqa: E402
from dashboard.views import sidebar, signin  # noqa: E402

# no icons: Streamlit fetches Material icons from a font CDN, and nothing may leave the machine
st.set_page_config(page_title="Arms-transfer timeline", layout="wide")

who = state.access()
if who.role is None:  # sign in first: nothing of the timeline is shown before
    signin.render(who)
    st.stop()
loaded = state.load_frames()
VIEWS = Path(__file__).resolve().parent / "views"
PAGES = (("timeline", "Timeline"), ("overview", "Overview"), ("table", "Table"),
         ("sources", "Sources"), ("changes", "Changes"), ("deals", "Deals"),
         ("sipri", "SIPRI"))
pages = [
    st.Page(VIEWS / f"{name}.py", title=title, url_path=name, default=(i == 0))
    for i, (name, title) in enumerate(PAGES)
]
pages.append(state.present_page(VIEWS / "present.py"))  # presenter mode and exports
review = adding = None
if who.curator:  # the pages that change the timeline exist only for curators
    review = state.review_page(VIEWS / "review.py")  # curators decide on candidates
    adding = st.Page(VIEWS / "add_articles.py", title="Add articles", url_path="add-articles")
    pages += [review, adding]
page = st.navigation(pages, position="top")
view = None
filtered = False
if loaded.frames is not None:
    state.seed_view_from_url(loaded.frames)
    filtered = not (who.curator and page in (review, adding))
    if not filtered:  # the view's filters do not apply there
        state.keep_filters()
    view = state.make_view(loaded)  # from session state: the sidebar's widgets keep it there
    state.set_view(view)
if view is None:
    state.show_problems(loaded)
    st.stop()
page.run()
# the sidebar after the page: the page's chart reaches the browser first and its Plotly code
# loads while the sidebar's widgets are drawn (first chart sooner). A page with the sidebar
# must therefore never end its run with st.stop(): nothing is drawn after it, and a widget
# not drawn in a run loses its value.
if filtered:
    sidebar.render(loaded.frames, loaded.path, who)
state.sync_url(view.frames)

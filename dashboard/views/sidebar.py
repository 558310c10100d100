"""The sidebar: every filter of the view, each a widget keyed as in ``dashboard.state``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from dashboard import state
from dashboard.access import Access
from dashboard.figures import type_words
from dashboard.frame import Frames
from dashboard.text import md_escape
from extract.timeline import visible


def render(frames: Frames, path: str, who: Access) -> None:
    """Draw the filters (their values live in session state, seeded from the URL), and who is
    signed in."""
    options = state.options_of(frames)
    lo, hi = state.bounds_of(frames)
    with st.sidebar:
        st.title("Arms-transfer timeline")
        _who(who)
        st.header("Filters")
        st.text_input("Search titles, summaries and quotes", key=state.K_TEXT,
                      placeholder="e.g. Harop",
                      help="Titles, summaries, quotes and the names of actors, people and "
                           "systems; every word must occur (any case).")
        if lo < hi:
            st.slider("Time window", min_value=lo, max_value=hi, key=state.K_WINDOW,
                      step=dt.timedelta(days=1), format="D MMM YYYY",
                      help="Events that could fall in the window are kept: a year-only event "
                           "counts if the window touches its year.")
        st.multiselect("Types", options[state.K_TYPES], key=state.K_TYPES,
                       format_func=type_words, placeholder="All types")
        st.multiselect("Actors", options[state.K_ACTORS], key=state.K_ACTORS,
                       format_func=visible, placeholder="All actors")
        st.multiselect("Weapon systems", options[state.K_SYSTEMS], key=state.K_SYSTEMS,
                       format_func=visible, placeholder="All systems")
        st.multiselect("Publishers", options[state.K_PUBLISHERS], key=state.K_PUBLISHERS,
                       format_func=visible, placeholder="All publishers")
        st.multiselect("Review status", options[state.K_STATUSES], key=state.K_STATUSES,
                       help="Accepted events by default; add candidates to see unreviewed ones.")
        st.button("Reset filters", key="reset_filters", on_click=state.reset_filters,
                  args=(frames,))
        st.divider()
        st.caption("The address bar always holds this exact view: copy it to share.")
        st.caption("Timeline file: " + md_escape(Path(path).name))  # no server paths shown


def _who(who: Access) -> None:
    if who.mode == "open":
        st.warning(md_escape(who.note))
    else:
        st.caption(md_escape(who.note))
    if who.mode == "oidc":
        st.button("Sign out", key="sign_out", on_click=st.logout)

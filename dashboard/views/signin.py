"""The page shown before anything else when the team signs in: a sign-in button (an identity
provider, ``st.login``), or why nothing is shown (a proxy that sent no identity)."""

from __future__ import annotations

import streamlit as st

from dashboard.access import Access
from dashboard.text import md_escape


def render(who: Access) -> None:
    st.title("Arms-transfer timeline", anchor=False)
    st.info(md_escape(who.note))
    if who.mode == "oidc":
        st.button("Sign in", key="sign_in", type="primary", on_click=st.login)

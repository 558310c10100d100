"""Thin Streamlit views: each takes a :class:`dashboard.state.View` and draws it."""

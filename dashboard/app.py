"""Arms-transfer timeline dashboard: ``streamlit run dashboard/app.py [-- --events FILE]``."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

if __package__ in (None, ""):  # run as a script by `streamlit run`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.data import events_path, load_timeline  # noqa: E402
from extract.timeline import TimelineError  # noqa: E402

st.set_page_config(page_title="Arms-transfer timeline", layout="wide")


@st.cache_data(show_spinner=False)
def _cached(path: str, mtime_ns: int):
    return load_timeline(Path(path))


path = events_path()
st.title("Arms-transfer timeline")
try:
    timeline = _cached(str(path), path.stat().st_mtime_ns if path.exists() else 0)
except TimelineError as exc:
    st.error(f"The timeline cannot be shown: {exc.first}")
    st.stop()

st.caption(f"{len(timeline.events)} events, {len(timeline.sources)} sources, from {path}")
rows = [
    {"date": str(e.date), "end": str(e.end) if e.end else "", "type": e.type, "title": e.title,
     "actors": ", ".join(e.actors), "sources": len(e.evidence), "status": e.status}
    for e in sorted(timeline.events, key=lambda e: e.date)
]
st.dataframe(rows, hide_index=True, width="stretch")

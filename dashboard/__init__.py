"""The Streamlit dashboard over the curated timeline (reads events.yaml, never articles)."""

"""Changes page: what is new or different since the last briefing (or any snapshot or date).

The accepted events now against those of a snapshot (``extract snapshot``, or "Mark as
briefed" here), a git revision or a date: the timeline of the view with the new, changed and
withdrawn events ringed, the list grouped by kind, and a card that shows an event's previous
values. The baseline is in the URL (``since=``) like the rest of the view.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.figures import TimelineOptions, timeline_figure
from dashboard.labels import counted
from dashboard.text import md_escape
from dashboard.views import card
from dashboard.views.timeline import CHART_CONFIG
from extract.timeline.changes import Diff

_PICK, _DAY = "since_pick", "since_day"
_BRIEFED = "_briefed_message"  # said once, after the rerun that shows the new snapshot
A_DATE = "@"  # the pick that asks for a date


def _since_from_pick() -> None:
    pick = st.session_state.get(_PICK) or ""
    day = st.session_state.get(_DAY)
    st.session_state[state.K_SINCE] = (f"@{day.isoformat()}" if pick == A_DATE and day
                                       else A_DATE if pick == A_DATE else pick)


def _baseline_picker(path: Path, since: str) -> str:
    snaps = state.briefing_snapshots(path)
    names = [s.name for s in snaps]
    label = {s.name: f"{s.name} · {s.at[:16].replace('T', ' ')} · {s.by}" for s in snaps}
    options = names + ([since] if since and since not in names and not since.startswith("@")
                       else []) + [A_DATE]
    ss = st.session_state
    ss[_PICK] = A_DATE if since.startswith("@") else since if since in options else (
        names[0] if names else A_DATE)
    c1, c2 = st.columns([3, 2])
    c1.selectbox("Compare with", options, key=_PICK, on_change=_since_from_pick,
                 format_func=lambda o: "A date…" if o == A_DATE else label.get(o, o),
                 help="A briefing snapshot (newest first), a git revision from a link, or the "
                      "timeline as it was on a date.")
    if ss[_PICK] == A_DATE:
        try:
            ss[_DAY] = dt.date.fromisoformat(since[1:]) if len(since) > 1 else ss.get(_DAY)
        except ValueError:
            ss[_DAY] = None
        c2.date_input("As it was before", key=_DAY, on_change=_since_from_pick,
                      format="YYYY-MM-DD", min_value=dt.date(1950, 1, 1),
                      max_value=dt.date.today() + dt.timedelta(days=1),
                      help="The file as last committed before this day began (UTC).")
        return since if len(since) > 1 else ""
    return ss[_PICK] if ss[_PICK] != A_DATE else ""


def _mark_as_briefed(path: Path) -> None:
    if not state.access().curator:
        return
    if st.button("Mark as briefed", key="mark_briefed",
                 help="Record the timeline as it is now as a briefing snapshot (a git tag "
                      "briefing/DATE, or a copy in briefings/ beside the file)."):
        try:
            snap = state.mark_as_briefed(path)
        except (PermissionError, ValueError) as exc:
            st.error(md_escape(str(exc)))
            return
        st.session_state[state.K_SINCE] = snap.name
        st.session_state[_BRIEFED] = f"Snapshot {snap.name} recorded, by {snap.by}."
        st.rerun()  # compared with the new snapshot from the top


def _chart_rows(view: state.View, base: state.Baseline, diff: Diff) -> pd.DataFrame:
    """The view's events, and the withdrawn ones as they were (not in the view any more)."""
    shown = view.shown
    gone = [x.id for x in diff.removed if x.id not in set(shown["id"])]
    if gone and base.old is not None:
        old = base.old.events
        shown = pd.concat([shown, old[old["id"].isin(gone)]], ignore_index=True)
    return shown


def _list(diff: Diff) -> None:
    def pick(event_id: str) -> None:
        st.session_state[state.K_EVENT] = event_id

    for title, items, kind in ((f"New ({len(diff.added)})", diff.added, "new"),
                               (f"Changed ({len(diff.changed)})", diff.changed, "changed"),
                               (f"Withdrawn ({len(diff.removed)})", diff.removed,
                                "withdrawn")):
        if not items:
            continue
        st.markdown(f"##### {title}")
        for item in items:
            what = getattr(item, "date", "") or "; ".join(c.words for c in item.changes)
            why = getattr(item, "why", "")
            st.button(item.title, key=f"chg_{kind}_{item.id}", on_click=pick, args=(item.id,),
                      type="tertiary", help="Open its card")
            st.caption(md_escape(what + (f" · {why}" if why else "")))


def _previous(diff: Diff, event_id: str) -> None:
    for c in diff.changed:
        if c.id == event_id:
            st.markdown(f"**Before ({md_escape(diff.old)})**")
            st.markdown("\n".join(f"- {md_escape(ch.words)}" for ch in c.changes))
    for x in diff.added:
        if x.id == event_id:
            st.markdown(f"**New since {md_escape(diff.old)}**")
    for x in diff.removed:
        if x.id == event_id:
            st.markdown(f"**Withdrawn since {md_escape(diff.old)}**: {md_escape(x.why)}. "
                        "The card shows it as it was.")


def render(view: state.View) -> None:
    path = Path(view.path)
    st.title("Changes", anchor=False)
    message = st.session_state.pop(_BRIEFED, None)
    if message:
        st.success(md_escape(message))
    since = str(st.session_state.get(state.K_SINCE) or "")
    if not since:
        snaps = state.briefing_snapshots(path)
        since = snaps[0].name if snaps else ""
        st.session_state[state.K_SINCE] = since
    since = _baseline_picker(path, since)
    _mark_as_briefed(path)
    if not since:
        st.info("Choose the date to compare with." if st.session_state.get(_PICK) == A_DATE
                else "No briefing snapshot to compare with yet: a curator marks the timeline "
                     "as briefed (here, or `python -m extract snapshot`), or choose a date.")
        return
    base = state.baseline(path, since)
    if base.problem or base.diff is None:
        st.error(md_escape(base.problem))
        return
    diff = base.diff
    st.caption(md_escape(f"The accepted events since {diff.old}: "
                         f"{len(diff.added)} new, {counted(len(diff.changed), 'changed event')}, "
                         f"{len(diff.removed)} withdrawn."))
    if not diff:
        st.success("Nothing is new or different in the accepted events since then.")
        return
    marked = tuple([(x.id, "new") for x in diff.added] + [(c.id, "changed") for c in
                                                           diff.changed]
                   + [(x.id, "withdrawn") for x in diff.removed])
    state.take_chart_pick(st.session_state.get("changes_chart"))
    f = state.current_filters(view.frames)
    rows = _chart_rows(view, base, diff)
    left, right = st.columns([5, 2])
    with left:
        fig = timeline_figure(rows, options=TimelineOptions(
            lanes=f.lanes, selected=f.event, marked=marked,
            briefing=frozenset(i for i, _k in marked)))
        st.plotly_chart(fig, key="changes_chart", on_select="rerun", selection_mode="points",
                        config=CHART_CONFIG)
    with right:
        _list(diff)
        _card(view, base, diff, f.event, path)


def _card(view: state.View, base: state.Baseline, diff: Diff, selected: str | None,
          path: Path) -> None:
    if not selected:
        st.info("Click a ringed mark or an entry above to see the event and what it was.")
        return
    row = view.frames.event(selected)
    removed = {x.id for x in diff.removed}
    if (row is None or selected in removed) and base.old is not None:
        row = base.old.event(selected)
        frames = base.old
    else:
        frames = view.frames
    if row is None:
        return
    _previous(diff, selected)
    card.render(row, frames, history=state.event_history(path, selected))


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

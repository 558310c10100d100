"""Deals page: one row per transfer (supplier → recipient · system), its lifecycle on the
time axis (ordered, delivered, seen in combat ...) at the precision the sources give, the
SIPRI register's years beside it when one is given (``--sipri``), and the flow by year."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import state
from dashboard.deals_chart import deal_rows, deals_figure, flow_table, flow_values
from dashboard.labels import counted
from dashboard.text import md_escape
from dashboard.views import card
from dashboard.views.timeline import CHART_CONFIG

K_ONLY_SIPRI = "deals_only_sipri"


def render(view: state.View) -> None:
    st.title("Deals", anchor=False)
    state.take_chart_pick(st.session_state.get("deals_chart"))
    register = state.sipri_path()
    result = state.reconciliation(register, Path(view.path), frozenset(view.shown["id"])) \
        if register is not None else state.deals_of(Path(view.path),
                                                    frozenset(view.shown["id"]))
    if isinstance(result, str):
        st.error(md_escape(result))
        return
    items = [i for kind in ("differs", "matched", "only_in_timeline", "only_in_sipri")
             for i in getattr(result, kind)]
    only_sipri = register is not None and st.toggle(
        "Also the register's deals the timeline lacks", key=K_ONLY_SIPRI)
    rows = deal_rows(items, only_sipri=only_sipri)
    st.caption(md_escape(
        f"{counted(len(rows), 'deal')} among the {counted(len(view.shown), 'event')} in view: "
        "events grouped by their deal, or by supplier, recipient and system"
        + (f"; grey bands: {register.name}, ordered to last delivery" if register else
           "; start with --sipri FILE to see the SIPRI register's years beside them") + "."))
    if not rows:
        st.info("No deals in view: deals need events that name a supplier, a recipient and a "
                "weapon system (or a deal id).")
        return
    f = state.current_filters(view.frames)
    left, right = st.columns([5, 2])
    with left:
        st.plotly_chart(deals_figure(rows, view.frames.events, selected=f.event),
                        key="deals_chart", on_select="rerun", selection_mode="points",
                        config=CHART_CONFIG)
        flows = flow_table(rows, view.frames.events)
        if not flows.empty:
            st.markdown("##### Supplier → recipient, events by year")
            st.dataframe(flows)
        values = flow_values(rows, view.frames.events)
        if not values.empty:
            st.markdown("##### Supplier → recipient, value of deals by year (where reported)")
            st.caption("Each deal once, at the value its earliest report of the deal states; "
                       "currencies are not converted.")
            st.dataframe(values)
    with right:
        row = view.frames.event(f.event) if f.event else None
        if row is None:
            st.info("Click a mark to see the event and its sources.")
        else:
            card.render(row, view.frames, history=state.event_history(Path(view.path),
                                                                      f.event))


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

"""Review page: curators turn candidate events into the timeline, one decision at a time.

Every decision is written to the timeline file at once (``dashboard.state.decide``). All text
from the file goes through ``md_escape``/``context_markdown``; nothing is rendered as HTML.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import review, state
from dashboard.figures import type_words
from dashboard.labels import (
    counted,
    date_label,
    event_date_label,
    precision_words,
    value_label,
)
from dashboard.text import highlighted_quote, md_escape
from dashboard.views import review_store
from extract.timeline import EVENT_TYPES, Event, TimelineError, visible

PAGE_SIZE = 10


def _problems(title: str, problems: list[str]) -> None:
    lines = "\n".join(f"- {md_escape(p)}" for p in problems)
    st.error(f"**{title}**\n\n{lines}")


def _report(outcome: state.Outcome, decision: review.Decision) -> None:
    """After a decision: rerun with a message, or show why nothing was written."""
    if outcome.conflict:
        st.rerun()  # the pending decision is shown at the top of the page
    if outcome.problems:
        _problems("Not saved: the file was left unchanged.", outcome.problems)
        return
    if outcome.written:
        done = len(decision.event_ids) - len(outcome.skipped)
        verb = review.VERB[decision.action]
        what = (f"“{decision.titles[0]}”" if len(decision.event_ids) == 1 and decision.titles
                else counted(done, "candidate"))
        if decision.action == "corroborate":
            text = (f"Added {what} as corroboration of '{decision.target}', as {decision.by}: "
                    "its evidence joined that event (with what its source says where they "
                    "differ).")
        elif decision.action == "keep":
            text = (f"Kept {what} as its own event, as {decision.by}: it stays in the queue as "
                    "a plain candidate, to accept or reject.")
        else:
            into = f" into '{decision.target}'" if decision.action == "merge" else ""
            text = f"{verb} {what}{into}, as {decision.by}."
        state.flash("success", text + " Saved to the timeline file.")
    for note in outcome.skipped:
        state.flash("warning", "Not applied: " + note + ".")
    st.rerun()


def _pending(path: Path) -> None:
    decision = state.pending_decision()
    if decision is None:
        return
    with st.container(border=True, key="review_conflict"):
        st.error(
            "**Not saved: the timeline file changed on disk since you opened it** (another "
            "curator saved first). Nothing was overwritten. Your decision is kept below: "
            "reload the file and apply it again, or discard it."
        )
        st.markdown("**Your pending decision:** " + md_escape(decision.describe())
                    + " (as " + md_escape(decision.by) + ")")
        if decision.changes:
            st.markdown("  \n".join(
                f"{md_escape(k)}: {md_escape(_shown(v))}" for k, v in decision.changes.items()))
        row = st.container(horizontal=True)
        if row.button("Reload and re-apply", key="review_reapply", type="primary"):
            outcome = state.reapply_pending(path)
            if outcome.conflict:
                st.rerun()
            _report(outcome, decision)
        if row.button("Discard my decision", key="review_discard",
                    help="Forget this decision and show the file as it is now."):
            state.discard_pending(path)
            state.flash("info", "Discarded: " + decision.describe() + ". The file was reloaded.")
            st.rerun()


def _shown(value: object) -> str:
    if value is None:
        return "(removed)"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "(none)"
    return str(value)


def _evidence(event: Event, doc_sources: dict, *, context: bool = True) -> None:
    """Each quote (in its paragraph, with ``context``) and the source it is credited to."""
    for ev in event.evidence:
        if context:
            spans = review.context_spans(ev.context, ev.quote, ev.date_text)
            st.markdown(review.context_markdown(spans))
        else:
            st.markdown("> " + highlighted_quote(ev.quote, ev.date_text))
        src = doc_sources.get(ev.source)
        bits = [md_escape((src.publisher or src.id) if src else ev.source + " (not listed)")]
        if src is not None and src.published is not None:
            bits.append("published " + md_escape(date_label(src.published)))
        if src is not None and src.title:
            bits.append(md_escape(src.title))
        if ev.date_text:
            bits.append("date words: “" + md_escape(ev.date_text) + "”")
        if context and not ev.context:
            bits.append("no surrounding paragraph recorded")
        st.caption(" · ".join(bits))


def _edit_form(item: review.QueueItem, name: str, path: Path, sources: dict,
               source_labels: dict[str, str]) -> None:
    ev = item.event
    f = review.form_of(ev)
    k = f"rv_{ev.id}_"
    with st.form(key=f"rv_edit_{ev.id}"):
        st.text_input("Title", value=f.title, key=k + "title")
        c1, c2, c3 = st.columns([2, 2, 1], vertical_alignment="bottom")
        c1.text_input("Date (YYYY, YYYY-MM or YYYY-MM-DD)", value=f.date, key=k + "date",
                      help="The form is the precision: write only what the source gives.")
        c2.text_input("End (optional, for periods)", value=f.end, key=k + "end")
        c3.checkbox("Approximate", value=f.approximate, key=k + "approximate")
        types = list(EVENT_TYPES)
        st.selectbox("Type", types, index=types.index(f.type) if f.type in types else 0,
                     format_func=type_words, key=k + "type")
        c1, c2, c3 = st.columns(3)
        c1.text_input("Actors (comma-separated)", value=f.actors, key=k + "actors")
        c2.text_input("People (comma-separated)", value=f.people, key=k + "people")
        c3.text_input("Systems (comma-separated)", value=f.systems, key=k + "systems")
        c1, c2, c3 = st.columns(3)
        c1.text_input("Supplier (country)", value=f.supplier, key=k + "supplier",
                      help="For a deal or a delivery: who sells or sends, as the text says.")
        c2.text_input("Recipient (country)", value=f.recipient, key=k + "recipient",
                      help="For a deal or a delivery: who buys or receives.")
        c3.text_input("Deal", value=f.deal, key=k + "deal", placeholder="e.g. sipri-59701",
                      help="The transfer this event belongs to: its stages (ordered, "
                           "delivered, in combat) share the id. With a deals section in the "
                           "file, one of its entries; else a free id. The extractor proposes "
                           "supplier-recipient-system when the text names all three.")
        c1, c2, c3 = st.columns(3)
        c1.text_input("Value: amount", value=f.value_amount, key=k + "value_amount",
                      placeholder="e.g. 5000000000")
        c2.text_input("Value: currency (ISO 4217)", value=f.value_currency,
                      key=k + "value_currency", placeholder="USD")
        c3.text_input("Value: unit (for figures)", value=f.value_unit, key=k + "value_unit",
                      placeholder="percent")
        c1, c2, c3 = st.columns([2, 1, 1], vertical_alignment="bottom")
        c1.text_input("Value as written", value=f.value_text, key=k + "value_text",
                      placeholder="about $5 billion",
                      help="The words of the source; cleared when the amount is edited "
                           "unless you write new words here.")
        c2.checkbox("Value approximate", value=f.value_approximate,
                    key=k + "value_approximate", help="'about', 'some', 'more than'")
        c3.checkbox("Unverified claim", value=f.unverified, key=k + "unverified",
                    help="A claim no independent source confirms: shown as such.")
        st.multiselect(
            "Further sources (references)", list(source_labels), default=list(f.references),
            # the words of 10,000 sources, made once per file version: a dict look-up each
            key=k + "references", format_func=source_labels.__getitem__,
            placeholder="Sources that establish the date or facts beyond the quotes",
            help="Sources listed in the timeline file, often ones known only by their link.")
        st.text_area("Summary", value=f.summary, key=k + "summary", height=68)
        st.text_area("Notes (doubts, disagreements between sources)", value=f.notes,
                     key=k + "notes", height=68)
        submitted = st.form_submit_button("Save edits and accept", key=k + "edit_accept",
                                          type="primary", disabled=not name)
    if submitted:
        ss = st.session_state
        values = {fld: ss[k + fld] for fld in review.EditForm.__dataclass_fields__}
        values["references"] = tuple(values["references"])
        form = review.EditForm(**values)
        decision = review.Decision("accept", (ev.id,), name,
                                   changes=review.edit_changes(ev, form), titles=(ev.title,))
        _report(state.decide(path, decision), decision)


def _facts(ev: Event) -> str:
    """'**2018–2022** · year only · statistic · value: second-largest' as escaped Markdown."""
    bits = [f"**{md_escape(event_date_label(ev))}**",
            md_escape(precision_words(ev.date, ev.end, ev.approximate)),
            md_escape(type_words(ev.type))]
    if ev.value is not None:
        written = f" (“{ev.value.text}”)" if ev.value.text else ""
        bits.append("value: " + md_escape(value_label(ev.value) + written))
    return " · ".join(bits)


def _proposal(pv: review.ProposalView, sources: dict, name: str, path: Path) -> None:
    """A candidate that may be the same happening as an accepted event, side by side with it,
    and the curator's three choices."""
    ev = pv.candidate
    if pv.target is None:
        st.warning(md_escape(f"Proposed as corroboration of an accepted event. {pv.problem} "
                             "Keep the candidate as its own event, or reject it."))
    else:
        st.info(md_escape("This may be the same happening as an accepted event: decide "
                          "whether it corroborates it."
                          + (f" Why it was proposed: {pv.reason}" if pv.reason else "")))
    left, right = st.columns(2, border=True)
    with left:
        st.markdown("**This candidate**")
        st.markdown(_facts(ev))
        _evidence(ev, sources, context=False)
    with right:
        if pv.target is not None:
            st.markdown("**The accepted event:** " + md_escape(pv.target.title))
            st.markdown(_facts(pv.target))
            _evidence(pv.target, sources, context=False)
        else:
            st.markdown("**The event it would corroborate:** " + md_escape(pv.target_id))
            st.caption(md_escape(pv.problem or ""))
    if pv.differences:
        st.warning("**Where they differ:**\n\n" + "\n".join(
            f"- {md_escape(d)}" for d in pv.differences))
    elif pv.target is not None:
        st.caption("They agree on the date, the type and the value.")
    with st.form(key=f"rv_decide_{ev.id}", border=False):
        row = st.container(horizontal=True, vertical_alignment="bottom")
        add = False
        if pv.target is not None:
            add = row.form_submit_button(
                "Add as corroboration", key=f"rv_{ev.id}_corroborate", type="primary",
                disabled=not name,
                help="Its evidence joins the accepted event; where they differ, what its "
                     "source says is kept with it. The candidate is removed.")
        keep = row.form_submit_button(
            "Keep as its own event", key=f"rv_{ev.id}_keep", disabled=not name,
            help="Not the same happening: it stays in the queue as a plain candidate.")
        reject = row.form_submit_button(
            "Reject", key=f"rv_{ev.id}_reject", disabled=not name,
            help="Kept in the file as rejected, so a re-scan does not propose it again.")
    decision: review.Decision | None = None
    if add:
        decision = review.Decision("corroborate", (ev.id,), name, target=pv.target_id,
                                   titles=(ev.title,))
    elif keep:
        decision = review.Decision("keep", (ev.id,), name, titles=(ev.title,))
    elif reject:
        decision = review.Decision("reject", (ev.id,), name, titles=(ev.title,))
    if decision is not None:
        _report(state.decide(path, decision), decision)


def _merge_confirm(asked: review.Decision, doc_timeline, path: Path) -> None:
    """Before a merge: where the candidate and the chosen event differ, then Yes or Cancel."""
    event_id = asked.event_ids[0]
    events = doc_timeline.event_map()
    target = events.get(asked.target or "")
    diffs = review.merge_differences(doc_timeline, event_id, asked.target or "")
    with st.container(border=True, key=f"rv_merge_confirm_{event_id}"):
        st.warning(f"**Merge into “{md_escape(target.title if target else asked.target)}”, "
                   f"as {md_escape(asked.by)}?** They differ:\n\n"
                   + "\n".join(f"- {md_escape(d)}" for d in diffs)
                   + "\n\nWhat this candidate's source says is kept with its evidence.")
        with st.form(key=f"rv_merge_form_{event_id}", border=False):
            row = st.container(horizontal=True)
            yes = row.form_submit_button("Yes, merge", key=f"rv_{event_id}_merge_yes",
                                         type="primary")
            no = row.form_submit_button("Cancel", key=f"rv_{event_id}_merge_no")
    if no:
        state.ask_merge(None)
        st.rerun()
    if yes:
        state.ask_merge(None)
        _report(state.decide(path, asked), asked)


def edit_key(event_id: str) -> str:
    """The session-state key of a candidate's "Edit, then accept" expander (True: open)."""
    return f"rv_{event_id}_edit"


def _candidate(item: review.QueueItem, choices: dict[str, str], sources: dict, name: str,
               path: Path, doc_timeline) -> None:
    ev = item.event
    pv = review.proposal_of(doc_timeline, ev)
    with st.container(border=True, key=f"cand_{ev.id}"):
        st.subheader(md_escape(ev.title), anchor=False)
        conf = f"{ev.confidence:.2f}" if ev.confidence is not None else "not given"
        newest = date_label(item.newest) if item.newest else "undated"
        st.markdown(
            f"**{md_escape(item.label)}** · {md_escape(item.precision)} · "
            f"{md_escape(type_words(ev.type))} · extractor's confidence **{conf}** · "
            f"newest source {md_escape(newest)}"
        )
        facts = [("Actors", ev.actors), ("People", ev.people), ("Systems", ev.systems)]
        if ev.supplier or ev.recipient:
            facts.append(("Supplier → recipient",
                          [f"{ev.supplier or '(not said)'} → {ev.recipient or '(not said)'}"]))
        if ev.deal:
            facts.append(("Deal", [ev.deal + ("" if review.has_deal(doc_timeline, ev.deal)
                                              else " (proposed: confirm or edit)")]))
        st.caption("  \n".join(f"{k}: " + (md_escape(", ".join(v)) if v else "—")
                               for k, v in facts))
        if ev.notes:
            # the extractor's doubts ("dated after its article was published ...") or an
            # earlier reviewer's: in view, not only inside the edit form
            st.warning(md_escape(ev.notes))
        if pv is not None:
            _proposal(pv, sources, name, path)
            return
        _evidence(ev, sources)
        asked = state.merge_asked()
        if asked is not None and asked.event_ids == (ev.id,):
            _merge_confirm(asked, doc_timeline, path)
        with st.form(key=f"rv_decide_{ev.id}", border=False):
            row = st.container(horizontal=True, vertical_alignment="bottom")
            c1 = c2 = c3 = c4 = row
            accept = c1.form_submit_button("Accept", key=f"rv_{ev.id}_accept", type="primary",
                                           disabled=not name)
            reject = c2.form_submit_button("Reject", key=f"rv_{ev.id}_reject",
                                           disabled=not name,
                                           help="Kept in the file as rejected, so a re-scan "
                                                "does not propose it again.")
            c3.selectbox("Merge into an existing event", list(choices), index=None, width=480,
                         format_func=lambda i: choices.get(i, i), key=f"rv_{ev.id}_target",
                         placeholder="Choose the event this candidate is…")
            merge = c4.form_submit_button("Merge into the chosen event",
                                          key=f"rv_{ev.id}_merge", disabled=not name,
                                          help="Its evidence joins that event; the candidate "
                                               "is removed.")
        decision: review.Decision | None = None
        if accept or reject:
            decision = review.Decision("accept" if accept else "reject", (ev.id,), name,
                                       titles=(ev.title,))
        elif merge:
            target = st.session_state.get(f"rv_{ev.id}_target")
            if not target:
                st.error("Choose the event to merge into first.")
            else:
                decision = review.Decision("merge", (ev.id,), name, target=target,
                                           titles=(ev.title,))
                if review.merge_differences(doc_timeline, ev.id, target):
                    # never silently: the curator reads where they differ, then confirms
                    state.ask_merge(decision)
                    st.rerun()
        if decision is not None:
            _report(state.decide(path, decision), decision)
        # built only when opened: the form lists every source of the file for "Further
        # sources" (10,000 at archive scale), ten forms a page would send megabytes
        with st.expander("Edit, then accept", key=edit_key(ev.id), on_change="rerun") as edit:
            if edit.open:
                _edit_form(item, name, path, sources, review.source_labels(doc_timeline))


def _bulk(shown: list[review.QueueItem], name: str, path: Path) -> None:
    asked = state.bulk_asked()
    if asked is not None:
        n = len(asked.event_ids)
        scope = f"all {counted(n, 'candidate')}" if n != 1 else "the 1 candidate"
        with st.container(border=True, key="review_bulk_confirm"):
            st.warning(f"**{md_escape(asked.action.capitalize())} {scope} shown, as "
                       f"{md_escape(asked.by)}?** "
                       "Each is written to the timeline file with your name.")
            st.caption("  \n".join(md_escape(t) for t in asked.titles))
            left_out = review.bulk_left_out(asked.action, shown)
            if left_out:
                st.caption(f"Left out: {counted(left_out, 'candidate')} that "
                           "may corroborate an accepted event (decide those one by one).")
            with st.form(key="review_bulk_form", border=False):
                row = st.container(horizontal=True)
                yes = row.form_submit_button(
                    f"Yes, {asked.action} {counted(n, 'candidate')}",
                    key="review_bulk_yes", type="primary")
                no = row.form_submit_button("Cancel", key="review_bulk_no")
            if no:
                state.ask_bulk(None)
                st.rerun()
            if yes:
                state.ask_bulk(None)
                _report(state.decide(path, asked), asked)
        return
    n = len(shown)
    row = st.container(horizontal=True)
    for action in ("accept", "reject"):
        k = n - review.bulk_left_out(action, shown)  # type: ignore[arg-type]
        label = (f"{action.capitalize()} all {n:,} shown…" if k == n
                 else f"{action.capitalize()} {k:,} of the {n:,} shown…")
        if row.button(label, key=f"review_bulk_{action}", disabled=not (name and k),
                      help=None if k == n else "Candidates that may corroborate an accepted "
                                               "event are decided one by one."):
            state.ask_bulk(review.bulk_decision(action, shown, name))  # type: ignore[arg-type]
            st.rerun()


def render(view: state.View) -> None:
    who = state.require_curator()  # the run ends here for anyone else
    path = Path(view.path)
    name = who.by
    st.title("Review candidates", anchor=False)
    st.caption("Every decision is written to the timeline file at once, and recorded with "
               "who made it and when: " + md_escape(f"{who.note} File: {path.name}."))
    for kind, text in state.take_flash():
        getattr(st, kind)(md_escape(text))
    store = state.candidate_store_path(path)
    if store is not None:
        queue = st.radio("Queue", ("store", "file"), key="review_queue", horizontal=True,
                         format_func=lambda q: f"The archive's store ({store.name})"
                         if q == "store" else f"The timeline file's candidates ({path.name})")
        if queue == "store":
            review_store.render(path, store, name)
            state.finish_review_run(view)
            return
    try:
        doc = state.review_document(path)
    except (TimelineError, OSError) as exc:
        problems = ([str(p) for p in exc.problems] if isinstance(exc, TimelineError)
                    else [str(exc)])
        _problems("The timeline file cannot be opened for review.", problems)
        state.finish_review_run(view)
        return
    _pending(path)
    if state.pending_decision() is None and state.review_changed_on_disk(doc):
        st.info("The timeline file changed on disk since you opened it (another curator, or "
                "new articles). Reload it to see the changes; a decision made now would not "
                "overwrite them.")
        if st.button("Reload the file", key="review_reload"):
            state.reload_review_document(path)
            st.rerun()
    if not name:
        st.warning("Your sign-in gave no name or email to record: decisions are disabled.")
    if state.pending_decision() is not None:
        name = ""  # one pending decision at a time: it is never replaced by a later one
        st.warning("Re-apply or discard your pending decision above before making another.")

    everything = review.queue(doc.timeline)  # built once per file version
    st.markdown(f"**{counted(len(everything), 'candidate')}** to "
                "review, newest sources first.")
    if not everything:
        st.info("No candidates to review. Add articles to find new ones.")
        state.finish_review_run(view)
        return
    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
    c1.text_input("Search candidates", key=state.K_REVIEW_TEXT, placeholder="e.g. Harop")
    c2.multiselect("Types", review.queue_types(doc.timeline),
                   key=state.K_REVIEW_TYPES, format_func=type_words, placeholder="All types")
    c3.multiselect("Publishers", review.queue_publishers(doc.timeline), format_func=visible,
                   key=state.K_REVIEW_PUBLISHERS, placeholder="All publishers")
    c4.slider("Minimum confidence", 0.0, 1.0, 0.0, 0.05, key=state.K_REVIEW_CONFIDENCE)
    ss = st.session_state
    shown = review.filter_queue(everything, review.QueueFilter(
        text=ss.get(state.K_REVIEW_TEXT) or "", types=tuple(ss.get(state.K_REVIEW_TYPES) or ()),
        publishers=tuple(ss.get(state.K_REVIEW_PUBLISHERS) or ()),
        min_confidence=float(ss.get(state.K_REVIEW_CONFIDENCE) or 0.0)))
    _bulk(shown, name, path)
    if not shown:
        st.info("No candidates match these filters.")
        state.finish_review_run(view)
        return
    pages = (len(shown) + PAGE_SIZE - 1) // PAGE_SIZE
    first = 0
    if pages > 1:
        page_no = st.number_input(f"Page (of {pages}, {counted(PAGE_SIZE, 'candidate')} each)",
                                  1, pages, 1, key="review_page")
        first = (int(page_no) - 1) * PAGE_SIZE
    sources = review.source_map(doc.timeline)
    for item in shown[first:first + PAGE_SIZE]:  # the choices of the candidates shown only
        _candidate(item, review.merge_choices(doc.timeline, item.id), sources, name, path,
                   doc.timeline)
    state.finish_review_run(view)


if __name__ == "__main__":  # run as a page by st.navigation
    render(state.current_view())

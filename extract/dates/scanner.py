"""The trigger scan: which rules to run where. Each rule runs only in windows around the
tokens that can start it (its triggers, declared in the grammar's table), found by one
compiled scanner over the text."""

from __future__ import annotations

import re

from extract.dates.rule import Grammar

# the tokens of the text are the runs of ASCII letters and the runs of digits (what
# ``_TOKEN_RE`` finds); _windows looks only at those that can trigger a rule
_TOKEN_RE = re.compile(r"[A-Za-z]+|\d+")


def _windows(text: str, grammar: Grammar) -> dict[str, list[tuple[int, int]]]:
    """Per rule, the merged [start, end) windows around that rule's own trigger tokens.

    Each rule runs only where one of its trigger words occurs (not in the union of every
    rule's windows), which keeps the regex work proportional to the rule's hits.
    """
    hits: dict[frozenset[str], list[tuple[int, int]]] = {}
    n = len(text)
    tok_rules = grammar.token_rules
    word_rules = grammar.word_rules
    for m in grammar.trigger_scan.finditer(text):
        g = m.lastindex
        if g is None:
            break  # the end of the text
        ts, te = m.span(g)
        t = m[g]
        if g == 1:
            rules = tok_rules.get(t)
            if rules is None:
                if t.islower() or t.lower() not in word_rules:
                    continue  # a lowercase word not in the table, or a name
                rules = word_rules[t.lower()]  # 'Now', 'TODAY'
        else:
            ln = len(t)
            if ln == 4 or ln == 8:
                if not ("16" <= t[:2] <= "20"):
                    continue
                rules = grammar.year_rules
            else:  # one or two digits
                nx = text[te:te + 3]
                if not (nx[:1] in "/.-" and len(nx) > 1 and nx.lstrip("/.- ")[:1].isdigit()) \
                        and not (nx[:1] == "s" and text[ts - 1:ts] == "'"):
                    continue
                rules = grammar.num_rules
        lst = hits.get(rules)
        if lst is None:
            hits[rules] = [(ts, te)]
        else:
            lst.append((ts, te))
    # per rule, the merged windows around the tokens of the classes that trigger it, with the
    # rule's own reach; rules with the same classes and reach share them
    out: dict[str, list[tuple[int, int]]] = {}
    for classes, lr, rr, names in grammar.window_plan(frozenset(hits)):
        if len(classes) == 1:
            toks = hits[classes[0]]
        else:
            toks = [t for c in classes for t in hits[c]]
            toks.sort()
        got = []
        cs, ce = toks[0][0] - lr, toks[0][1] + rr
        for ts, te in toks:
            ts -= lr
            if ts <= ce:
                te += rr
                if te > ce:
                    ce = te
            else:
                got.append((cs if cs > 0 else 0, ce if ce < n else n))
                cs, ce = ts, te + rr
        got.append((cs if cs > 0 else 0, ce if ce < n else n))
        for r in names:
            out[r] = got
    return out

"""The grammar's table is its own test suite: every rule's examples, run.

Each rule of :data:`extract.dates.en.EN` declares what it finds (``Ex``) and where it must not
fire (``Not``) beside its pattern. An ``Ex`` passes when ``explain(text, published)`` has a
mention attributed to that rule whose words are the example's (the whole text unless given)
with the example's value, type and precision; its end value, modifier and approximation are
the example's when given and the defaults (none, none, exact) when not, so an example states
every field that is not a default. A ``Not`` passes when no mention is attributed to the rule.
"""

from __future__ import annotations

import re

import pytest

import extract.dates.engine as engine
from extract.dates import explain, find_dates
from extract.dates.en import EN
from extract.dates.lexicon import YEAR_DIGITS
from extract.dates.rule import Ex, Grammar, Not, Rule


def _fmt(m) -> str:
    return (f"{m.text!r} value={m.value!r} type={m.type} precision={m.precision} "
            f"end_value={m.end_value!r} mod={m.mod!r} approximate={m.approximate}")


def ex_problem(rule: str, ex: Ex) -> str | None:
    """What is wrong with the finder on ``ex`` (None: it gives what the example says)."""
    found = explain(ex.text, ex.published)
    words = ex.words if ex.words is not None else ex.text
    want = dict(value=ex.value, type=ex.type, precision=ex.precision, end_value=ex.end_value,
                mod=ex.mod, approximate=bool(ex.approximate))
    for m, r in found:
        if r == rule and m.text == words and want == dict(
                value=m.value, type=m.type, precision=m.precision, end_value=m.end_value,
                mod=m.mod, approximate=m.approximate):
            return None
    got = "\n".join(f"  [{r}] {_fmt(m)}" for m, r in found) or "  no mention at all"
    return f"rule {rule!r} on {ex.text!r} (published {ex.published}):\nwant {words!r} {want}\n" \
           f"got\n{got}"


def not_problem(rule: str, nx: Not) -> str | None:
    bad = [m for m, r in explain(nx.text, nx.published) if r == rule]
    if not bad:
        return None
    return f"rule {rule!r} fired on {nx.text!r} ({nx.why}): " + "; ".join(map(_fmt, bad))


def _cases(kind: type) -> list:
    return [pytest.param(r.name, e, id=f"{r.name}-{i}")
            for r in EN.rules for i, e in enumerate(r.examples) if isinstance(e, kind)]


@pytest.mark.parametrize("rule, ex", _cases(Ex))
def test_rule_example(rule, ex):
    problem = ex_problem(rule, ex)
    assert problem is None, problem


@pytest.mark.parametrize("rule, nx", _cases(Not))
def test_rule_counter_example(rule, nx):
    assert nx.why.strip(), f"{rule}: a counter-example says what it shows"
    problem = not_problem(rule, nx)
    assert problem is None, problem


def test_every_rule_has_an_example_and_a_counter_example():
    thin = [f"{r.name}: {sum(isinstance(e, Ex) for e in r.examples)} Ex, "
            f"{sum(isinstance(e, Not) for e in r.examples)} Not" for r in EN.rules
            if not any(isinstance(e, Ex) for e in r.examples)
            or not any(isinstance(e, Not) for e in r.examples)]
    assert not thin, "rules without an example or a counter-example:\n" + "\n".join(thin)


def test_the_checks_catch_a_wrong_example():
    # the checks above are not vacuous: a wrong value, wrong words, the wrong rule, a rule
    # that does fire, each is reported
    assert ex_problem("mdy", Ex("on May 30, 2023", "2023-06-10", "2023-05-30", "DATE", "day",
                                words="May 30, 2023")) is None
    assert ex_problem("mdy", Ex("on May 30, 2023", "2023-06-10", "2023-05-31", "DATE", "day",
                                words="May 30, 2023"))
    assert ex_problem("mdy", Ex("on May 30, 2023", "2023-06-10", "2023-05-30", "DATE", "day"))
    assert ex_problem("dmy", Ex("on May 30, 2023", "2023-06-10", "2023-05-30", "DATE", "day",
                                words="May 30, 2023"))
    assert ex_problem("mdy", Ex("about May 30, 2023", "2023-06-10", "2023-05-30", "DATE",
                                "day", words="about May 30, 2023"))  # approximate not stated
    assert not_problem("mdy", Not("on May 30, 2023", "2023-06-10", "it fires"))
    assert not_problem("dmy", Not("on May 30, 2023", "2023-06-10", "another rule's")) is None


def test_rule_names_are_unique_and_every_rule_has_a_trigger():
    names = [r.name for r in EN.rules]
    assert len(names) == len(set(names))
    assert all(r.triggers for r in EN.rules)
    g = Grammar("xx")
    g.rule("a", pattern="a", priority=1, triggers=("a",))(lambda m, ctx: None)
    with pytest.raises(ValueError, match="rule 'a' declared twice"):
        g.rule("a", pattern="a", priority=1, triggers=("a",))(lambda m, ctx: None)
    with pytest.raises(ValueError, match="rule 'b' has no trigger"):
        g.rule("b", pattern="b", priority=1, triggers=())


def test_trigger_tables_follow_the_declared_triggers():
    rules = {r.name: r for r in EN.rules}
    # a lowercase trigger in any case; a capitalised one as written, plus its lowercase rules
    assert "deictic" in EN.word_rules["today"]
    assert "mdy" in EN.token_rules["May"] and "may" not in EN.token_rules
    assert EN.token_rules["Year"] == {"holiday"} | EN.word_rules["year"]
    assert {n for n, r in rules.items() if YEAR_DIGITS in r.triggers} == EN.year_rules
    assert EN.reach["iso"] == (0, 50) and EN.reach["mdy"] == (45, 50)
    # every trigger token of every rule is found by the one compiled scan
    for r in EN.rules:
        for t in r.triggers:
            if not t.startswith("<"):
                m = EN.trigger_scan.match(f"x {t} x")
                assert m and m.group(1) == t, (r.name, t)


def test_a_second_language_is_a_second_table(monkeypatch):
    # the engine runs whatever table the language names: a toy French rule, found by its
    # trigger words and resolved by its own production
    fr = Grammar("fr")
    months = {"mai": 5, "juin": 6}

    @fr.rule("jma", pattern=r"(?<!\d)(?P<d>\d{1,2}) (?P<m>mai|juin) (?P<y>\d{4})\b", priority=5,
             triggers=("mai", "juin"),
             examples=(Ex("le 30 mai 2023", "2023-06-10", "2023-05-30", "DATE", "day",
                          words="30 mai 2023"),))
    def _jma(m: re.Match[str], ctx) -> dict:
        return dict(value=f"{int(m['y']):04d}-{months[m['m']]:02d}-{int(m['d']):02d}",
                    type="DATE", precision="day")

    monkeypatch.setitem(engine.GRAMMARS, "fr", fr)
    got = find_dates("Le contrat, signé le 30 mai 2023, prévoit 12 avions.", "2023-06-10",
                     language="fr")
    assert [(m.text, m.value, m.precision) for m in got] == [
        ("30 mai 2023", "2023-05-30", "day")]
    assert isinstance(fr.rules[0], Rule) and fr.rules[0].examples[0].words == "30 mai 2023"
    # the English table does not read it
    english = find_dates("signé le 30 mai 2023", "2023-06-10", language="en")
    assert [(m.text, m.value) for m in english] == [("2023", "2023")]

"""Generate a deterministic corpus of news-like articles for the extractor benchmark.

Each article is a plain-text page the way the seed corpus saves them: optional site chrome,
a title, a byline or dateline carrying the publication date in one of several formats, body
paragraphs mixing defence-cooperation sentences with every kind of date the extractor handles
(and the false positives it must not take), and page furniture ("Read also", "Latest news" and
"Related Posts" lists of 20-60 timestamped headlines, "Subscribe to our Telegram channel").

Vocabulary (countries, people, weapon systems) comes from ``extract/data/*.yaml``; sentences
are assembled from templates, so a 2000-article corpus has thousands of distinct sentences.

The folder also gets:

* ``sources.yaml``: a manifest naming each file's publisher only, so the extractor still finds
  the publication date in the text itself;
* ``corpus.yaml``: the generator's truth: seed, count and each file's publication date
  (``published``), used as the relative base of the naive baseline and to check the
  extractor's publication-date detection. Neither has an article suffix, so scans skip them.

Usage: python bench/make_corpus.py [--articles N] [--seed S] [--out DIR]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import os
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "extract" / "data"
DEFAULT_OUT = ROOT / "bench" / "out" / "corpus"
DEFAULT_SEED = 20230531
INDEX = "corpus.yaml"
MANIFEST = "sources.yaml"
# a corpus is reused only if written by this very generator (any edit here regenerates it)
GENERATOR = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]

MONTHS = list(calendar.month_name)[1:]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sep.", "Oct.",
              "Nov.", "Dec."]
WEEKDAYS = list(calendar.day_name)

PUBLISHERS = ["Caspian News", "Caliber.Az", "Hayaliq", "defence-industry.eu", "The Times of Israel",
              "Defense Post", "Regional Review", "Caucasus Monitor", "Eurasia Daily Wire",
              "Jerusalem Security Report", "Baku Observer", "South Caucasus Analytics"]
AUTHORS_FIRST = ["Timucin", "Matanat", "Arie", "Lazar", "Anna", "David", "Leyla", "Ruslan",
                 "Sarah", "Michael", "Nigar", "Yossi", "Elena", "Farid", "Rachel", "Orhan",
                 "Tamar", "Kamran", "Daniel", "Aysel"]
AUTHORS_LAST = ["Turksoy", "Nasibova", "Egozi", "Berman", "Cohen", "Aliyeva", "Mammadov",
                "Katz", "Petrosyan", "Levy", "Huseynov", "Shapiro", "Ibrahimova", "Goldberg",
                "Rzayev", "Harel", "Sultanova", "Ben-David", "Gasimov", "Mizrahi"]
SECTIONS = ["ANALYTICS", "POLITICS", "DEFENCE", "NEWS", "OPINION", "INTERVIEW", "REGION"]
COMPANIES = ["Israel Aerospace Industries", "Elbit Systems", "Rafael Advanced Defense Systems",
             "Aeronautics", "Israel Shipyards", "Azerbaijan's Ministry of Defence Industry",
             "Meteor Aerospace", "UVision", "IMI Systems", "Azersimtel"]
CITIES = {"Israel": ["Tel Aviv", "Jerusalem"], "Azerbaijan": ["Baku"], "Armenia": ["Yerevan"],
          "Iran": ["Tehran"], "Russia": ["Moscow"], "Turkey": ["Ankara"],
          "United States": ["Washington"], "India": ["New Delhi"], "Georgia": ["Tbilisi"],
          "Ukraine": ["Kyiv"], "Kazakhstan": ["Astana"], "Greece": ["Athens"],
          "Cyprus": ["Nicosia"], "Serbia": ["Belgrade"], "France": ["Paris"]}
DEMONYM = {"Israel": "Israeli", "Azerbaijan": "Azerbaijani", "Armenia": "Armenian",
           "Iran": "Iranian", "Russia": "Russian", "Turkey": "Turkish",
           "United States": "American", "India": "Indian", "Georgia": "Georgian",
           "Ukraine": "Ukrainian", "Kazakhstan": "Kazakh", "Greece": "Greek",
           "Cyprus": "Cypriot", "Serbia": "Serbian", "France": "French"}
ROLES = ["President", "Defence Minister", "Foreign Minister", "Prime Minister",
         "Chief of the General Staff", "Deputy Defence Minister", "Ambassador"]
UNITS = ["units", "systems", "batteries", "launchers", "platforms", "aircraft"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "a dozen", "several", "dozens of"]
ATTRIBUTIONS = ["the ministry said", "officials said", "according to local media",
                "sources told reporters", "the statement read"]
SOURCES = ["SIPRI", "the ministry", "a press release", "diplomatic sources", "the report",
           "experts", "media reports"]
TOPICS = ["border protection", "cybersecurity", "air defence", "training",
          "intelligence sharing"]
PERIOD_NAMES = ["the 44-day war", "the Second Karabakh War", "the 2020 Nagorno-Karabakh conflict",
                "the 44-day Patriotic War", "the Second Nagorno-Karabakh War"]
HEADLINE_TOPICS = [
    "{c} and {c2} discuss expanding military-technical cooperation",
    "{p} receives delegation led by {c2} defence minister",
    "{c} tests new {s} variant at remote range",
    "Strong wind plunges {city} into sandstorm",
    "{c} vows ${n} million in non-lethal aid to {c2}",
    "{c2} opposition stages protest in {city}",
    "Earthquake of magnitude {m}.{n1} strikes near {city}",
    "{c} central bank keeps key rate unchanged",
    "Experts: {s} purchases will reshape regional balance",
    "{c} hosts drills with {c2} special forces",
    "{p}: \u201cWe will not allow provocations on the border\u201d",
    "{c} and {c2} sign memorandum on energy transit",
    "Tourism from {c2} to {c} grows for third straight year",
    "{c} parliament approves {n}-article defence bill",
    "Football: {c} beat {c2} in friendly",
]


@dataclass
class Vocab:
    countries: list[str]
    people: list[tuple[str, str | None]]  # (name, country)
    systems: list[tuple[str, str]]  # (name, kind)


def load_vocab(folder: Path = DATA) -> Vocab:
    def read(name: str) -> dict:
        with open(folder / name, encoding="utf-8") as fh:
            return yaml.safe_load(fh)

    actors = read("actors.yaml")["countries"]
    people = read("people.yaml")["people"]
    systems = read("systems.yaml")["systems"]
    return Vocab(
        countries=[c for c in actors if c in DEMONYM],
        people=[(n, (e or {}).get("country")) for n, e in people.items()],
        systems=[(n, (e or {}).get("kind") or "system") for n, e in systems.items()],
    )


# --------------------------------------------------------------------------- dates


class DateStyle:
    """How one article writes absolute dates: US (May 31, 2023) or day-first (31 May 2023)."""

    def __init__(self, us: bool):
        self.us = us

    def day(self, d: dt.date) -> str:
        if self.us:
            return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    def month_day(self, d: dt.date) -> str:
        return f"{MONTHS[d.month - 1]} {d.day}" if self.us else f"{d.day} {MONTHS[d.month - 1]}"


def _before(rng: random.Random, pub: dt.date, lo_days: int, hi_days: int) -> dt.date:
    return pub - dt.timedelta(days=rng.randint(lo_days, hi_days))


def date_phrase(rng: random.Random, pub: dt.date, style: DateStyle) -> tuple[str, str]:
    """A date expression (with its preposition) of a random kind, and the kind's name."""
    kind = rng.choices(
        ["day", "month", "year", "range", "between", "period", "weekday", "relative",
         "abbrev", "monthday", "decade", "quarter", "season", "ago"],
        weights=[14, 10, 12, 5, 4, 6, 8, 7, 4, 6, 2, 2, 2, 4],
    )[0]
    if kind == "day":
        return "on " + style.day(_before(rng, pub, 1, 1200)), kind
    if kind == "month":
        d = _before(rng, pub, 40, 3000)
        prep = rng.choice(["in ", "in ", "since ", "by "])
        return prep + f"{MONTHS[d.month - 1]} {d.year}", kind
    if kind == "year":
        prep = rng.choice(["in ", "in ", "since ", "back in "])
        return prep + str(pub.year - rng.randint(1, 12)), kind
    if kind == "range":
        a = pub.year - rng.randint(4, 14)
        b = a + rng.randint(2, 5)
        sep = rng.choice(["-", "-", "\u2013"])
        tail = str(b) if rng.random() < 0.8 else str(b)[2:]
        return f"in {a}{sep}{tail}", kind
    if kind == "between":
        a = pub.year - rng.randint(4, 14)
        b = a + rng.randint(2, 5)
        return rng.choice([f"between {a} and {b}", f"from {a} to {b}"]), kind
    if kind == "period" and pub >= dt.date(2020, 12, 1):
        return rng.choice(["during ", "in ", "after ", "since "]) + rng.choice(PERIOD_NAMES), kind
    if kind == "weekday":
        return rng.choice(["on ", "on ", "last "]) + rng.choice(WEEKDAYS), kind
    if kind == "relative":
        return rng.choice([
            f"last {rng.choice(MONTHS)}", "last month", "last year", "earlier this year",
            "last week", "this month", "yesterday", "earlier this month",
        ]), kind
    if kind == "abbrev":
        d = _before(rng, pub, 2, 150)
        return f"on {MONTH_ABBR[d.month - 1]} {d.day}", kind
    if kind == "monthday":
        d = _before(rng, pub, 2, 200)
        return "on " + style.month_day(d), kind
    if kind == "decade":
        return rng.choice(["since the early 2010s", "in the late 1990s", "in the 2000s",
                           "since the mid-2010s", "throughout the 1990s"]), kind
    if kind == "quarter":
        # a quarter that ended before publication (the sentences report what happened)
        ended = (pub.year * 4 + (pub.month - 1) // 3) - 1  # the last quarter ended, as a count
        k = ended - rng.randint(0, 16)
        q = ["first", "second", "third", "fourth"][k % 4]
        return f"in the {q} quarter of {k // 4}", kind
    if kind == "season":
        season = rng.choice(["spring", "summer", "autumn"])
        return f"in the {season} of {pub.year - rng.randint(1, 6)}", kind
    return rng.choice(["two years ago", "exactly a month ago", "three weeks ago",
                       "a few months ago", "six years ago"]), kind


# --------------------------------------------------------------------------- sentences


class Writer:
    def __init__(self, rng: random.Random, vocab: Vocab, pub: dt.date, style: DateStyle):
        self.rng, self.v, self.pub, self.style = rng, vocab, pub, style
        self.home = rng.choice(["Azerbaijan", "Israel", "Azerbaijan", "Armenia", "Israel",
                                "Greece", "India", "Ukraine", "Cyprus", "Georgia"])
        others = [c for c in vocab.countries if c != self.home]
        self.partner = "Israel" if self.home != "Israel" else rng.choice(["Azerbaijan", "India",
                                                                            "Greece", "Cyprus"])
        self.third = rng.choice([c for c in others if c != self.partner])

    def country(self) -> str:
        return self.rng.choice([self.home, self.partner, self.partner, self.third])

    def person(self) -> str:
        name, country = self.rng.choice(self.v.people)
        role = self.rng.choice(ROLES)
        where = DEMONYM.get(country or "", "")
        return self.rng.choice([f"{role} {name}", f"{where} {role.lower()} {name}".strip(), name])

    def system(self) -> tuple[str, str]:
        return self.rng.choice(self.v.systems)

    def city(self, country: str | None = None) -> str:
        c = country or self.rng.choice(list(CITIES))
        return self.rng.choice(CITIES.get(c, ["Baku"]))

    def money(self) -> str:
        r = self.rng
        return r.choice([f"${r.randint(2, 900)} million",
                         f"${r.randint(1, 9)}.{r.randint(1, 9)} billion",
                         f"about ${r.randint(1, 5)} billion",
                         f"{r.randint(10, 700)} million dollars"])

    def subject(self) -> str:
        r = self.rng
        c = self.country()
        return r.choice([
            self.person(), self.person(), r.choice(COMPANIES),
            f"{DEMONYM.get(c, c)} defence officials", f"the {DEMONYM.get(c, c)} government", c,
            f"{c}'s Ministry of Defence",
        ])

    def predicate(self) -> str:
        r = self.rng
        s, kind = self.system()
        c2 = self.partner if r.random() < 0.6 else self.third
        n = r.choice(NUMBER_WORDS)
        return r.choice([
            f"signed a contract for {n} {s} {r.choice(UNITS)} worth {self.money()}",
            f"agreed to buy additional {s} {kind}s from {c2}",
            f"placed an order for {n} {s} {r.choice(UNITS)}",
            f"finalised the purchase of the {s} {kind} from {r.choice(COMPANIES)}",
            f"delivered the first batch of {s} {kind}s to {c2}",
            f"received {n} {s} {r.choice(UNITS)} from {c2}",
            f"completed shipments of {s} equipment to {self.city(c2)}",
            f"deployed {s} {kind}s against positions near the border",
            f"confirmed the use of {s} {kind}s on the battlefield",
            f"paid an official visit to {self.city(c2)}",
            f"arrived in {self.city(c2)} for talks on defence cooperation",
            f"held a telephone conversation with {self.person()}",
            f"met with his {DEMONYM.get(c2, c2)} counterpart {self.person()}",
            f"discussed military-technical cooperation with a delegation from {c2}",
            f"opened an embassy in {self.city(c2)}",
            f"recalled its ambassador from {c2}",
            f"set up a joint venture with {r.choice(COMPANIES)} to manufacture {s} {kind}s",
            f"launched licensed production of the {s} in {self.city(self.home)}",
            f"announced plans to modernise its {kind} fleet with {s} technology",
            f"tested the {s} during a joint exercise with {c2}",
        ])

    def dated_sentence(self) -> str:
        r = self.rng
        when, kind = date_phrase(r, self.pub, self.style)
        subj, pred = self.subject(), self.predicate()
        tail = r.choice(["", "", "", ", " + r.choice(ATTRIBUTIONS),
                         ", according to " + r.choice(SOURCES)])
        shape = r.randrange(4)
        if shape == 0:
            s = f"{when[0].upper()}{when[1:]}, {subj} {pred}{tail}."
        elif shape == 1:
            s = f"{subj[0].upper()}{subj[1:]} {pred} {when}{tail}."
        elif shape == 2:
            s = f"{subj[0].upper()}{subj[1:]} {pred}{tail} {when}."
        else:
            s = f"According to {r.choice(SOURCES)}, {subj} {pred} {when}."
        return s

    def statistic_sentence(self) -> str:
        r = self.rng
        a = self.pub.year - r.randint(10, 14)
        b = a + r.choice([4, 4, 5])
        pct = r.randint(5, 80)
        return r.choice([
            f"{self.partner} accounted for {pct} percent of {self.home}'s major arms imports "
            f"in {a}-{b}, according to SIPRI.",
            f"In {a}-{b} and {b}-{b + 4}, according to data compiled by the Stockholm "
            f"International Peace Research Institute, {self.partner} was the "
            f"{r.choice(['second-largest', 'third-largest', 'largest'])} supplier of weapons "
            f"to {self.home}.",
            f"Between {a} and {b}, the share of {self.partner} in {self.home}'s arms imports "
            f"rose to {pct}%.",
        ])

    def anaphora_sentence(self) -> str:
        r = self.rng
        return r.choice([
            f"A day later, {self.subject()} {self.predicate()}.",
            f"Back then, {self.person()} described the move as "
            f"{r.choice(['a provocation', 'historic', 'a step forward'])}.",
            f"Two weeks later, {self.subject()} {self.predicate()}.",
            f"That year, {self.subject()} {self.predicate()}.",
        ])

    def false_positive_sentence(self) -> str:
        r = self.rng
        s, kind = self.system()
        return r.choice([
            f"Officials may visit {self.city()} again, but no decision has been made.",
            f"The {s} may also be offered to other buyers in the region.",
            f"Defence spending rose by {r.randint(2, 40)}.{r.randint(0, 9)}% compared with the "
            "previous budget.",
            f"The package is valued at {self.money()}, with {r.randint(2, 9)},"
            f"{r.randint(100, 999)} troops involved.",
            f"The ceremony marked the country's {r.choice(['75th', '30th', '25th', '100th'])} "
            "anniversary.",
            f"The talks began at {r.randint(9, 17)}:{r.choice(['00', '15', '30', '45'])} local "
            f"time and lasted {r.choice(['two', 'three', 'four'])} hours.",
            "Thousands of soldiers will march through the capital while veterans march alongside.",
            f"About {r.randint(100, 999)} of the {r.randint(1000, 5000)} {kind}s are said to be "
            "operational.",
            f"The {s} has a range of {r.randint(20, 400)} km and a payload of "
            f"{r.randint(5, 500)} kg.",
            f"Analysts say the deal may cost more than {self.money()} over the next decade.",
        ])

    def plain_sentence(self) -> str:
        r = self.rng
        c, c2 = self.home, self.partner
        return r.choice([
            "The two sides discussed regional security issues and prospects for "
            f"{r.choice(['military-technical', 'defence', 'bilateral', 'strategic'])} cooperation.",
            f"{c} is one of the key {r.choice(['buyers', 'importers', 'customers'])} of "
            f"{DEMONYM.get(c2, c2)} "
            f"{r.choice(['drones', 'missiles', 'air defence systems', 'weapons'])}.",
            f"The relationship between {self.city(c)} and {self.city(self.third)} has been "
            f"{r.choice(['deteriorating', 'improving', 'tense', 'stable'])} for some time.",
            f"Experts believe the {r.choice(['cooperation', 'partnership', 'alliance'])} will "
            f"{r.choice(['deepen', 'expand', 'continue'])} despite criticism from {self.third}.",
            f"{self.person()} stressed the importance of {r.choice(TOPICS)}.",
            "Neither side disclosed the value of the "
            f"{r.choice(['agreement', 'contract', 'deal'])}.",
            f"{DEMONYM.get(self.third, self.third)} officials have repeatedly criticised the "
            f"{r.choice(['arms sales', 'cooperation', 'presence'])} of {c2} in the region.",
        ])

    def paragraph(self) -> str:
        r = self.rng
        out = []
        for _ in range(r.randint(1, 4)):
            pick = r.random()
            if pick < 0.5:
                out.append(self.dated_sentence())
            elif pick < 0.58:
                out.append(self.statistic_sentence())
            elif pick < 0.66:
                out.append(self.anaphora_sentence())
            elif pick < 0.78:
                out.append(self.false_positive_sentence())
            else:
                out.append(self.plain_sentence())
        return " ".join(out)

    def headline(self) -> str:
        r = self.rng
        name = r.choice(self.v.people)[0]
        return r.choice(HEADLINE_TOPICS).format(
            c=self.country(), c2=self.third, p=name, s=self.system()[0], city=self.city(),
            n=r.randint(2, 90), m=r.randint(4, 7), n1=r.randint(0, 9))


# --------------------------------------------------------------------------- articles


def _stamp(d: dt.datetime) -> str:
    return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year} - {d.hour:02d}:{d.minute:02d}"


def _furniture_list(w: Writer, pub: dt.date) -> list[str]:
    r = w.rng
    heading = r.choice(["Latest news", "Read also", "Related Posts", "Most read"])
    t = dt.datetime(pub.year, pub.month, pub.day, r.randint(18, 23), r.randint(0, 59))
    lines = [heading]
    for _ in range(r.randint(20, 60)):
        t -= dt.timedelta(minutes=r.randint(5, 50))
        lines += [_stamp(t), w.headline()]
    if r.random() < 0.5:
        lines.append("All news")
    return lines


def make_article(index: int, rng: random.Random, vocab: Vocab) -> tuple[str, str, str]:
    """One article: (text, publication date 'YYYY-MM-DD', publisher)."""
    pub = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 5 * 365 + 150))
    form = rng.choice(["by", "section", "numeric", "plain"])
    style = DateStyle(us=form in ("by", "plain") or (form == "section" and rng.random() < 0.3))
    w = Writer(rng, vocab, pub, style)
    author = f"{rng.choice(AUTHORS_FIRST)} {rng.choice(AUTHORS_LAST)}"
    publisher = rng.choice(PUBLISHERS)
    lines: list[str] = []
    if rng.random() < 0.3:
        upd = pub + dt.timedelta(days=rng.randint(1, 300))
        lines.append(f"Last update: {MONTHS[upd.month - 1]} {upd.day}, {upd.year} "
                     f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}")
    if rng.random() < 0.3:
        lines.append(rng.choice(["Newsroom logo", "News Explained",
                                 "Menu | World | Region | Defence"]))
    s, _ = w.system()
    lines.append(rng.choice([
        f"{w.home} and {w.partner} deepen defence ties with new {s} deal",
        f"{w.person()} highlights defense cooperation with {w.partner}",
        f"A new level of military cooperation between {w.home} and {w.partner}",
        f"{w.home} to procure more {DEMONYM.get(w.partner, w.partner)} weapon systems",
        f"{DEMONYM.get(w.home, w.home)}-{DEMONYM.get(w.partner, w.partner)} military "
        f"cooperation: what the {s} purchase means",
    ]))
    if form == "by":
        lines.append(f"By {author} {style.day(pub)}")
    elif form == "section":
        at = dt.datetime(pub.year, pub.month, pub.day, rng.randint(7, 22), rng.randint(0, 59))
        lines.append(f"{rng.choice(SECTIONS)}  {_stamp(at)}")
        lines.append(author)
    elif form == "numeric":
        lines.append(f"{pub.day:02d} / {pub.month:02d} / {pub.year}")
    else:
        lines.append(f"{WEEKDAYS[pub.weekday()]}, {style.day(pub)}")
        lines.append(f"Author: {author}")
    body = [w.paragraph() for _ in range(rng.randint(7, 16))]
    # the lead paragraph is always prose with a date in it
    body[0] = f"{w.dated_sentence()} {w.plain_sentence()}"
    if rng.random() < 0.4:
        body.insert(rng.randint(2, len(body) - 1), f"Read also: {w.headline()}")
    if rng.random() < 0.3:
        body.insert(rng.randint(2, len(body) - 1), "Subscribe to our Telegram channel")
    lines += body
    if rng.random() < 0.5:
        lines.append("Subscribe to our Telegram channel")
    lines += _furniture_list(w, pub)
    if rng.random() < 0.3:
        lines += ["Leave a Reply",
                  "Your email address will not be published. Required fields are marked *"]
    sep = "\n\n" if rng.random() < 0.7 else "\n"
    return sep.join(lines) + "\n", pub.isoformat(), publisher


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_index(out: str | os.PathLike[str]) -> dict | None:
    """The generator's truth of a corpus folder (``corpus.yaml``), or None when absent."""
    p = Path(out) / INDEX
    if not p.is_file():
        return None
    with open(p, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def make_corpus(out: str | os.PathLike[str] = DEFAULT_OUT, articles: int = 2000,
                seed: int = DEFAULT_SEED) -> dict:
    """Write ``articles`` articles into ``out`` (created; stale generated files removed).

    Returns the index written to ``corpus.yaml``: ``{seed, articles, generator, bytes, files:
    {name: published}}``. The same (articles, seed) always writes identical bytes.
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("gen_*.txt"):
        old.unlink()
    vocab = load_vocab()
    files: dict[str, str] = {}
    publishers: dict[str, str] = {}
    total = 0
    for i in range(articles):
        rng = random.Random(f"{seed}:{i}")  # per-article stream: article i is the same in any N
        text, published, publisher = make_article(i, rng, vocab)
        name = f"gen_{i:05d}.txt"
        _write_atomic(folder / name, text)
        files[name] = published
        publishers[name] = publisher
        total += len(text.encode("utf-8"))
    manifest = {"sources": [{"file": n, "publisher": p, "language": "en"}
                            for n, p in publishers.items()]}
    _write_atomic(folder / MANIFEST, "# generated by bench/make_corpus.py; the publication date "
                  "is for the extractor to find\n" + yaml.safe_dump(manifest, sort_keys=False))
    index = {"seed": seed, "articles": articles, "generator": GENERATOR, "bytes": total,
             "files": files}
    _write_atomic(folder / INDEX, "# generated by bench/make_corpus.py: the generator's truth\n"
                  + yaml.safe_dump(index, sort_keys=False))
    return index


def ensure_corpus(out: str | os.PathLike[str], articles: int, seed: int = DEFAULT_SEED) -> dict:
    """Reuse the corpus in ``out`` when it was generated with the same count and seed."""
    index = read_index(out)
    if (index and index.get("articles") == articles and index.get("seed") == seed
            and index.get("generator") == GENERATOR
            and all((Path(out) / f).is_file() for f in index["files"])):
        return index
    return make_corpus(out, articles, seed)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="how many (default 2000; 10000 "
                    "for the memory run)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", default=str(DEFAULT_OUT), help=f"folder (default {DEFAULT_OUT})")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    index = make_corpus(args.out, args.articles, args.seed)
    print(f"{args.out}: {index['articles']} articles, {index['bytes'] / 1e6:.1f} MB "
          f"(seed {index['seed']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Tense and clause analysis: is the sentence around a mention about the past or the future?

A relative date ("on Tuesday", "in March") takes the reading its verb says. The cue words are
English; a second language adds its own module."""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Iterator

from extract.dates.fastre import fast_compile
from extract.dates.lexicon import _DAY, _MON, _WDFULL, _YEAR, _prefix_tree

_FUT_RE = fast_compile(
    r"(?i)\b("
    # a modal verb group or a to-infinitive with its verb: 'will be paid', 'would extend',
    # 'to be completed', 'could come' (the verb's -ed form is then no past cue); first, so
    # that the whole group (ending at its verb) is the cue
    r"(?:will|would|shall)\s+(?:(?:still|also|not|never|now|then|probably|likely|soon|only|"
    r"already|again|further|formally|finally|eventually)\s+)?(?:be\s+|get\s+)?[a-z]+|"
    # 'is to be signed', a modal passive or verb ('must be submitted', 'should arrive', 'can
    # be signed', lowercase 'may close': not the month), 'has to complete', 'does not expect'
    r"(?:is|are)\s+to\s+be\s+[a-z]+|"
    r"(?:should|must|can|(?-i:may))\s+(?:not\s+)?(?:[a-z]+ly\s+)?(?:be\s+)?[a-z]+|"
    r"(?:has|have)\s+to\s+[a-z]+|expect\b|"
    # a wish for something done: "wants the tanks delivered in June"
    r"(?:wants?|needs?|hopes?\s+to\s+have|would\s+like)\s+(?:[\w'-]+\s+){1,4}?[a-z]+ed\b|"
    # future in the past ('were planning to', 'was expected to') and 'may/might be ...'
    r"(?:was|were)\s+(?:planning|preparing|expected|scheduled|due|set)\b|"
    r"(?:may|might)\s+(?:[a-z]+ly\s+)?be\s+[a-z]+|(?:set|scheduled)\s+for|"
    # a possibility ahead: "could be sent", "might come" ("could not", "could have" are not)
    r"might\s+(?:not\s+)?(?:be\s+|get\s+)?[a-z]+|"
    r"could\s+(?!not\b|have\b)(?:[a-z]+ly\s+)?(?:be\s+|get\s+)?[a-z]+|"
    r"ahead\s+of(?!\s+(?:schedule|time|plan|the\s+curve)\b)|"
    r"to\s+be\s+[a-z]+|(?:is|are)\s+[a-z]+ing|expects?\s+to|hopes?\s+to|"
    r"as\s+(?:soon|early)\s+as|between\s+now\s+and|from\s+(?:now|today)|expects|expecting|"
    r"will|won't|wo\s+n't|'ll|shall|going\s+to|scheduled|expected\s+to|is\s+expected|"
    r"are\s+expected|due\s+to\s+(?:be\s+[a-z]+|begin|start|arrive|visit|take|hold|meet|open|"
    r"vote)|"
    r"(?=p)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bour\s)"
    r"(?<!\btheir\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\bnew\s)(?<!'s\s)"
    r"plans?\s+to(?!\s+(?:(?-i:[A-Z])|(?:the|a|an|his|her|its|their|our|this|that|these|"
    r"those)\b))|"
    r"planned|planning|slated|set\s+to|is\s+to|are\s+to|"
    r"(?<!-)next(?!\s+to\b|[-\s]+gen(?:eration)?\b)|upcoming|heading|"
    r"intends?\s+to|to\s+(?:visit|hold|meet|sign|begin|start|travel|attend|arrive|take\s+place|"
    r"open|launch|vote|decide|announce|deliver)|deadline|forthcoming)\b")


# past cues: -ed forms, irregular past forms and report words (compiled as a prefix tree
# below, after _prefix_tree: one test per position instead of one per word)
_PAST_WORDS = (
    "said says was were had did came took made went began met held told saw gave left won lost "
    "sold bought paid rose fell ago last earlier became brought signed spoke wrote got led ran "
    "sent struck hit shot set closed reported since sank sunk fought flew drove chose stole "
    "broke withdrew drew grew threw knew fled kept felt spent built lent caught sought taught "
    "thought stood understood laid overran underwent oversaw froze hid shook swore tore dealt "
    "meant dug hung stuck spun bled fed").split()


_FUT_WORDS_ED = {"scheduled", "expected", "planned", "slated"}


# words ending in -ed that are not past verbs here: nouns, numbers and the adjectives of
# defence and business news ('armed forces', 'guided missiles', 'preferred shares'); a cue
# after a hyphen ('Israeli-made', 'Saudi-led') is part of an adjective too
_ED_NOT_VERBS = frozenset({
    "need", "speed", "seed", "indeed", "red", "bed", "united", "limited", "based", "hundred",
    "armed", "armored", "armoured", "guided", "unguided", "preferred", "related", "listed",
    "advanced", "alleged", "detailed", "sophisticated", "integrated", "combined",
    "tracked", "wheeled", "manned", "crewed", "skilled", "experienced",
    "interested", "concerned", "supposed", "sacred", "naked", "wicked", "beloved", "aged",
    "talented", "dedicated", "hatred", "kindred", "shed", "sled", "weed", "breed", "feed",
    "greed", "creed", "deed", "heed", "reed", "steed", "tweed", "embed"})


# the end of a sentence: not the period of an initial ("Daniel P. Davison"), a title
# ("Mr. Schwarz") or a month ("Oct. 5"); an abbreviation that ends a sentence is missed
_ABBR = ("Mr", "Ms", "Dr", "St", "Lt", "Jr", "Sr", "Co", "No", "Mt", "Ft", "vs",
         "Mrs", "Gen", "Col", "Sgt", "Rep", "Sen", "Gov", "Inc", "Ltd", "Adm", "Maj", "Rev",
         "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "U.S",
         "Capt", "Corp", "Sept", "Prof", "Bros", "Gens", "Cmdr")


_SENT_BREAK = fast_compile(
    # nor a clock's "a.m."/"p.m." ("at 7 a.m. (0500 GMT) on Friday")
    r"(?=[.!?\n]\s)(?<![^\w.][A-Z])(?<!\b[aApP]\.[mM])" + "".join(
        "(?<!\\b(?:" + "|".join(re.escape(a) for a in _ABBR if len(a) == n) + "))"
        for n in sorted({len(a) for a in _ABBR})) + r"[.!?\n]\s")


# a deadline word right before the date: 'payable Jan. 2', 'by May', 'until Nov. 9'
_DEADLINE_RE = fast_compile(r"(?i)\b(?:by|until|till|payable|expires?|expiring|effective|"
                            r"starting|deadline\s+of|due|takes\s+effect|extended\s+to|"
                            r"scheduled\s+for|set\s+for|of\s+record|(?:starting|beginning)\s+in|"
                            r"(?:no|not)\s+later\s+than|on\s+or\s+before|"
                            r"(?:is|are)\s+due\s+(?:in|for))\s+(?:on\s+)?\Z")


_HAD_RE = fast_compile(r"(?i)\bhad\s+(?:been\s+)?(?:[\w,.$%-]+\s+){0,4}\Z")


# "the quarter ended Sept. 30"
_QUARTER_ENDED = fast_compile(rf"\s+(?i:ended|ending)\s+(?:(?i:on)\s+)?(?P<mon>{_MON})\s*"
                              rf"(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?")


# a deadline named after the date: 'set Nov. 10 as the deadline', 'the Nov. 10 deadline'
_DEADLINE_AFTER = fast_compile(r"(?i)\s+(?:as\s+(?:the|a|its|their)\s+)?deadline\b")


# a deadline moved to the date: 'would extend its bid, due to expire Friday, to Nov. 6'
_EXTEND_TO = fast_compile(
    r"(?i)\b(?:extend|extends|extended|extending|postpone[sd]?|delay(?:s|ed)?|"
    r"push(?:es|ed)?\s+(?:back|out)|move[sd]?(?:\s+back)?|brought\s+forward|"
    r"bring(?:s|ing)?\s+forward|reschedule[sd]?|slip(?:s|ped)|shift(?:s|ed)|"
    r"defer(?:s|red)|put\s+off)\b[^.;!?]{0,70}\b(?:to|until|for)"
    r"\s+(?:(?:the\s+)?week\s+of\s+)?\Z")


# the weekdays named before a plural part of the day: "on Monday and Tuesday nights"
_WD_BEFORE_PLURAL = fast_compile(rf"(?:\s*,\s*{_WDFULL})*,?\s+(?:and|or|&)\s+{_WDFULL}\s+"
                                 r"(?P<pod>(?i:morning|afternoon|evening|night))s\b")


# "by mid-afternoon", "in the late evening": a part of the day as a time of its own
_MIDPOD_LEFT = fast_compile(r"(?i)\b(?:by|at|in|until|till|around|from|since|before|after|through|"
                            r"during|toward|towards)\s+(?:the\s+)?\Z")


# a scheduled event told in the present: "He and Arafat meet separately Monday", "the
# council convenes on Friday" (a sentence with no other tense cue)
_SCHED_PRESENT = fast_compile(r"(?i)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)"
                              r"\b(?:meets?|visits?|travels?|arrives?|convenes?|resumes?|"
                              r"begins?|opens?|holds?|hosts?|heads?\s+to|leaves?\s+for|starts?|"
                              r"ends?|closes?|kicks?\s+off|takes?\s+place|concludes?|expires?|"
                              r"wraps?\s+up|gets?\s+under\s*way)\b"
                              r"(?:\s+[\w'.-]+){0,3}?\s+(?:on\s+)?\Z")


# before "plan(s) to", what makes "plan" a noun: a determiner or adjective right before it
# ("its plans to"), a determiner and a noun before a singular "plan" ("a defence plan to
# spend", not "the ministries plan to"), or a verb whose object it is ("unveiled plans to
# build", "approved a plan to"); "The ministry plans to sign" is a verb
_DET = r"(?:a|an|the|its|his|her|their|our|this|that|these|those|new|latest|own|ambitious)"


_PLAN_NOUN_LEFT = fast_compile(
    rf"(?i)(?:\b{_DET}\s+|\b(?:[a-z]{{2,}}ed|unveiled|drew\s+up|presented|outlined|approved|"
    rf"announced|has|have|had)\s+(?:{_DET}\s+)?(?:[\w-]+\s+)?)\Z")


_PLAN_SG_NOUN_LEFT = fast_compile(rf"(?i)\b{_DET}\s+(?:[\w-]+\s+)?[\w-]*[^\Ws]\s+\Z")


_NEGATED = fast_compile(r"(?i)\b(?:not|never|neither|nor|nobody|none|no\s+one)\b|n't")


_FORECAST = fast_compile(r"(?i)\b(?:outlook|forecasts?|guidance|expects?|expected|targets?|"
                         r"projections?|estimates?|predicts?|sees)\b")


# "the first anniversary of the", "the 10th anniversary of": the count of years
_ANNIVERSARY_OF = fast_compile(r"(?i)\b(?:(?P<n>first|second|third|fourth|fifth|sixth|seventh|"
                               r"eighth|ninth|tenth|twentieth|twenty-fifth|fiftieth|\d+(?:st|nd|rd|"
                               r"th))\s+)?anniversary\s+of\s+(?:the\s+|this\s+|last\s+)?\Z")


_ANNIV_N = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20,
            "twenty-fifth": 25, "fiftieth": 50}


# a number that names something: "Resolution 1973", "Brigade 1863", "Highway 1999"
_DESIGNATOR_LEFT = fast_compile(r"\b(?:Resolution|Sonar|Brigade|Highway|Route|Flight|Regiment|"
                                r"Model|Type|Mark|Mk|Pattern|"
                                r"Battalion|Squadron|Division|Decree|Directive|Hill|Gate|Pier|"
                                r"Hangar|Building|Convoy|Unit)\s+\Z")


# a number before a plural noun is a count ("1800 Piorun missiles", "2000 drones a month",
# "1980 Soviet-era shells") unless a preposition or determiner makes it a year ("in 2019
# deliveries rose", "the 2022 elections", "compared with 2022 levels")
_COUNT_AFTER = fast_compile(r"\s+(?:(?:[A-Z][\w-]*|[a-z]+-[a-z]+)\s+)?(?:[a-z]+\s+)?"
                            r"(?!(?:was|has|is|its|this|thus|as|us|his|plus|less|yes|across|"
                            r"always|news|series|means|status|crisis|analysis|basis|process|"
                            r"business|congress|progress|success|sees|marks|saw|shows|"
                            # nouns a year names the period of: "1990 BellSouth earnings"
                            r"earnings|results|sales|figures|levels|prices|profits|revenues|"
                            r"budgets|elections|estimates|forecasts|targets|exports|imports|"
                            r"deliveries|returns|numbers|statistics|totals|rates|costs|losses|"
                            r"gains|games|talks|polls|reforms|accounts|bonds|notes|models|"
                            r"editions|versions|plans|orders|contracts|sanctions|protests|"
                            r"operations|exercises|drills|rules|data|years|months)\b)"
                            r"[a-z]{2,}s\b")


# before a count: "more than 1900 bombs", "about 2000 drones"
_QUANT_LEFT = fast_compile(r"(?i)\b(?:more\s+than|fewer\s+than|over|nearly|almost|up\s+to|"
                           r"at\s+least|some|about|around|roughly|approximately|another|of\s+the)"
                           r"\s+\Z")


# a count named before "and": "1800 Piorun missiles and 2000 launchers"
_COUNT_BEFORE = fast_compile(r"\b\d[\d,.]*\s+(?:[A-Z][\w-]*\s+)?[a-z]+s\s+(?:and|or)\s+\Z")


_YEAR_LEFT = fast_compile(r"(?i)(?:\b(?:in|since|by|from|until|till|of|during|before|after|between|"
                          r"through|to|with|than|versus|vs\.?|over|on|for|due|the|a|an|its|"
                          r"their|his|her|our|this|that|these|those|early|late|mid|fiscal|year|"
                          r"circa)|['’]s|[-–,(])\s*\Z")


# a habit, not one occasion: "every year in June", "usually begins in May"
_HABIT = fast_compile(r"(?i)\b(?:every|each)\s+(?:year|spring|summer|autumn|fall|winter)\b|"
                      r"\b(?:annually|yearly|usually|typically|traditionally|normally|customarily|"
                      r"generally|habitually)\b")


# a rule told in the present before "the last Sunday of July": "marks", "falls on", "is held"
_GENERIC_PRESENT = fast_compile(r"(?i)\b(?:marks|celebrates|commemorates|falls|fall|is\s+held|"
                                r"are\s+held|is\s+marked|is\s+celebrated|takes\s+place)\b"
                                r"[^.;,]{0,30}\Z")


_HABIT_CLAUSE = re.compile(r"(?i),\s*(?:and|but|while|although|though|whereas)\b")
_HABIT_RIGHT_CUT = re.compile(r"[;,]")


def _habitual(text: str, s: int, e: int) -> bool:
    """True if the clause of the mention at [s, e) tells a habit ("every year in June",
    "typically begins in May", "from April to October each year")."""
    left = _HABIT_CLAUSE.split(_clause_left(text, s, 90))[-1]
    right = text[e:e + 60]
    cut = _SENT_BREAK.search(right)
    right = _HABIT_RIGHT_CUT.split(right[:cut.start()] if cut else right, maxsplit=1)[0]
    return bool(_HABIT.search(left) or _HABIT.search(right))


# a weekday joined to the weekday named just before it: "Thursday and Friday", "Monday to Friday"
_WD_COORD_LEFT = fast_compile(rf"(?i){_WDFULL}\s*(?P<c>,|and|or|to|through|thru|till|until|-|–|&)"
                              r"\s*(?:(?:on|to|through)\s+)?\Z")


# "said it was a great day": the day of the saying (a story's "It was a busy day", or a
# quote recalling one, is not)
_SAID_IT = fast_compile(r"(?i)\b(?:said|says|say|added|declared|told\s+\w+|calling|called)"
                        r"\s+(?:that\s+)?\Z")


# "today's" meaning present-day: before a noun of people, the world or the times
_GENERIC_TODAY = fast_compile(r"(?i)\s+(?:(?:young|modern|global|high-tech|personal|fast-paced|"
                              r"complex|changing|competitive)\s+)*(?:world|youth|young|society|"
                              r"generations?|children|kids|teen-?agers|students|consumers|"
                              r"computers|technology|economy|culture|standards|dollars|terms|"
                              r"marketplace|environment|age|era|times)\b")


# (a verb form: "announced plans to modernise ... on Nov. 1" is the announcement's day)
_PLAN_TO_RE = fast_compile(r"(?i)\b(?:am|is|are|was|were|'re|'s)\s+(?:planning|preparing|"
                           r"intending|hoping|going|expected|scheduled|set|due|ready|seeking|"
                           r"looking|aiming|trying|working|moving)\s+"
                           r"to\s+[a-z]+(?=[^,;:()\"`']*\Z)")


_PLAN_REACH = 90


# a reporting clause after the date: ", a spokesperson said", ", the company told Reuters"
# (not "according to ...": a report of what happened, a past cue of its own)
_REPORT_AFTER = fast_compile(r"(?i),\s*(?:(?:[\w'.-]+\s+){0,6}?(?:said|says|say|told|added|"
                             r"announced|reported|stated|confirmed|noted|wrote|tweeted|posted)\b"
                             r"(?:\s+[\w'.-]+){0,2}?\s*(?=[.;:!?\"”,)]|$|\s(?:on|in|at|late|"
                             r"earlier|last|this|yesterday|today)\b))")


_CUE_REACH = 40  # characters: a tense cue further from the mention is another clause's


# ... unless no clause starts between them: no punctuation, infinitive or subordinator
_CLAUSE_GAP = fast_compile(r"[,;:()\"“”`]|--|\bto\s+(?!(?:the|a|an|his|her|its|their|our)\b)"
                           r"[a-z]+|\b(?:that|which|who|whom|when|where|while|because|after|before|"
                           r"until|if|and|but|or|as)\b")


# a date fronted at the start of its sentence ("On Tuesday, the league plans to ..."): the
# main clause's verb, after the subject, decides its tense
_FRONTED_LEFT = fast_compile(r"(?i)\A\W*(?:(?:and|but|also|so|then|instead|meanwhile|late|early)"
                             r"\s+)*(?:on|by|until|since|from|in|at|starting)?\s*\Z")


_FRONTED_REACH = 90


_PAREN = fast_compile(r"\s*\([^()]{1,30}\)")


# a clause boundary after the date: punctuation, a conjunction or a relative pronoun
_RIGHT_CLAUSE = fast_compile(r"(?i)[,;:]|\s--\s|\b(?:and|but|while|whereas|which|who|although|"
                             r"because)\b")


# before an -ed word, what makes it an adjective: a determiner, a possessive, an ordinal or a
# number ("the first upgraded jets", "its modernized Abrams"), or a verb it is the object of
# ("to receive refurbished tanks", "will sign the extended contract")
_ATTRIBUTIVE_LEFT = fast_compile(
    r"(?i)(?:\b(?:the|a|an|its|their|his|her|our|this|these|those|first|last|new|more|"
    r"additional|further|two|three|four|five|six|(?<![\w-])\d+)|\bto\s+(?!be\b)[a-z]+|"
    r"\b(?:will|would|shall|can|"
    r"could|may|might|must|should)\s+(?:not\s+)?[a-z]+)\s+\Z")


def _has_cue(seg: str) -> bool:
    """True if ``seg`` holds a tense cue (past or future)."""
    return bool(_FUT_RE.search(seg) or _PAST_RE.search(seg))


def _deadline_tense(text: str, start: int, end: int) -> tuple[str | None] | None:
    """The tense of a date named as a deadline ("due to expire Friday", "set for Feb. 28"), in
    a 1-tuple; None when the date is no deadline (or the main clause's verb decides)."""
    dl = _DEADLINE_RE.search(text, max(0, start - 30), start)
    if dl is not None and text[end:end + 1] == "," and _FRONTED_LEFT.match(
            _clause_left(text, dl.start(), 60)) and re.match(
            r"(?i)(?:by|until|till)\s+\Z", dl.group(0)):
        dl = None  # "Until Thursday, they had not ...": the main clause's verb decides
    if dl is None:
        return None
    if re.search(r"(?i)\b(?:originally|initially|previously|first)\s+\Z",
                 text[max(0, dl.start() - 14):dl.start()]):
        return (None,)  # "The vote, originally set for Feb. 28, was postponed": either side
    # "it had been due to expire Friday": a deadline set in the past
    return ("past" if _HAD_RE.search(text, max(0, dl.start() - 60), dl.start())
            else "future",)


def _not_a_cue(label: str, w: str, seg: str, m: re.Match[str], is_left: bool) -> bool:
    """True when the cue word `w` (matched by `m` in `seg`) is no verb of the date after all."""
    if label == "past":
        if w in _FUT_WORDS_ED:
            return True
        if w.endswith("ed") and (w in _ED_NOT_VERBS or w.startswith("un")):
            return True  # not verbs; 'unspecified', 'unnamed' are adjectives
        if seg[m.start() - 1:m.start()] == "-":
            return True  # 'Israeli-made', 'Saudi-led', 'so-called': adjectives
        # "will deliver the first upgraded jets": an adjective
        return w.endswith("ed") and bool(_ATTRIBUTIVE_LEFT.search(
            seg, max(0, m.start() - 40), m.start()))
    if w.startswith("could") and _NEGATED.search(seg, max(0, m.start() - 40), m.start()):
        return True  # "neither he nor ... could be located Wednesday": past ability
    if re.match(r"plans?\s", w) and (
            _PLAN_NOUN_LEFT.search(seg, max(0, m.start() - 30), m.start()) or (
                w.startswith("plan ") and _PLAN_SG_NOUN_LEFT.search(
                    seg, max(0, m.start() - 30), m.start()))):
        return True  # "approved a defence plan to spend", "unveiled plans to build"
    # "received the shells on Tuesday ahead of an offensive"
    return w.startswith("ahead") and not is_left


# the tenses read while find_dates runs, by (text, start, end): a mention resolved twice (ahead
# of its turn, then in it) reads its sentence once. Only inside ``tenses_remembered()``.
_READ: contextvars.ContextVar[dict[tuple[str, int, int], str | None] | None] = \
    contextvars.ContextVar("tenses_read", default=None)


@contextlib.contextmanager
def tenses_remembered() -> Iterator[None]:
    """Remember the tenses read until the block ends (one call of the finder; a nested call
    shares its caller's)."""
    if _READ.get() is not None:
        yield
        return
    token = _READ.set({})
    try:
        yield
    finally:
        _READ.reset(token)


def _tense(text: str, start: int, end: int) -> str | None:
    """'future' / 'past' / None from the cue word nearest to the mention in its sentence."""
    read = _READ.get()
    if read is None:
        return _read_tense(text, start, end)
    key = (text, start, end)
    if key in read:
        return read[key]
    got = read[key] = _read_tense(text, start, end)
    return got


def _read_tense(text: str, start: int, end: int) -> str | None:
    """What :func:`_tense` says, read from the text."""
    if _EXTEND_TO.search(text, max(0, start - 90), start):
        return "future"  # "has been moved to September", "postponed to February": ahead
    deadline = _deadline_tense(text, start, end)
    if deadline is not None:
        return deadline[0]
    lo = max(0, start - 150)
    hi = min(len(text), end + 100)
    left = text[lo:start]
    br = [mm.end() for mm in _SENT_BREAK.finditer(left)]
    if br:
        left = left[br[-1]:]
    right = text[end:hi]
    mm = _SENT_BREAK.search(right)
    if mm:
        right = right[:mm.start() + 1]
    rep = _REPORT_AFTER.search(right)
    if rep is not None:
        # "will hand over ... on March 28, a spokesperson said": the saying is not the verb of
        # the date (the saying's own date, "said on Tuesday", is a mention of its own)
        right = right[:rep.start()]
    left = _PAREN.sub("", left)  # "at 7 a.m. (0500 GMT) on Friday": the aside is no distance
    fronted = right[:1] == "," and bool(_FRONTED_LEFT.match(left.rsplit(";", 1)[-1]))
    if not fronted:
        gap = _RIGHT_CLAUSE.search(right)
        if gap is not None and (_has_cue(left[-_CUE_REACH:]) or _SCHED_PRESENT.search(left)):
            # "which pledged 19 F-16s in August, will deliver ...", "had received the first
            # batch in January and expects the rest by June": a verb after a clause boundary
            # is another clause's, when the date's own clause has a cue
            right = right[:gap.start()]
    best: tuple[int, str] | None = None
    first: tuple[int, str] | None = None
    far_left: tuple[int, str] | None = None  # (end, label) of the last cue left of the date
    for seg, is_left in ((left, True), (right, False)):
        for found, label in ((_FUT_RE.finditer(seg), "future"), (_past_cues(seg), "past")):
            for m in found:
                w = m.group(1).lower()
                if _not_a_cue(label, w, seg, m, is_left):
                    continue
                d = len(seg) - m.end() if is_left else m.start()
                # cues before the mention weigh a little more (they are usually its verb)
                if fronted and not is_left:
                    # the first cue of the main clause decides, however far in its reach
                    if m.start() <= _FRONTED_REACH and (first is None or m.start() < first[0]):
                        first = (m.start(), label)
                    continue
                if is_left and (far_left is None or m.end() > far_left[0]):
                    # only a finite verb governs from afar (not "to meet", "next", "due")
                    finite = label == "past" or w.startswith(("will", "would", "shall", "could",
                                                              "might", "is ", "are "))
                    far_left = (m.end(), label if finite else "")
                d = d if is_left else d + 10
                if best is None or d < best[0]:
                    best = (d, label)
    if first is not None:
        return first[1]
    if best and best[0] <= _CUE_REACH:
        return best[1]
    if far_left is not None and far_left[1] and not _CLAUSE_GAP.search(left, far_left[0]):
        # "delivered the first batch of anti-tank missiles to Israel on 10 September": a verb
        # further back governs the date when no clause starts between them
        return far_left[1]
    # "were planning to drive around the airport on Monday": a date in the verb phrase of a
    # planned action (no clause break between) is as far ahead as the plan
    plans = [pm.end() for pm in _PLAN_TO_RE.finditer(left)]
    if plans and len(left) - plans[-1] <= _PLAN_REACH:
        return "future"
    if _SCHED_PRESENT.search(left):
        return "future"  # "The tender, which closes on April 2, ...": a schedule
    return None


def tense_at(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None: the tense the finder reads for the words at ``start:end``."""
    return _tense(text, start, end)


def _sentence_left(text: str, s: int, reach: int = 160) -> str:
    """The part of the sentence before offset s (at most `reach` characters)."""
    left = text[max(0, s - reach):s]
    br = [mm.end() for mm in _SENT_BREAK.finditer(left)]
    return left[br[-1]:] if br else left


def _clause_left(text: str, s: int, reach: int = 160) -> str:
    """The part of the sentence before offset s after its last semicolon ("Russia invaded on
    Feb. 24, 2022; by March 2, ..." starts a clause of its own at "by")."""
    return _sentence_left(text, s, reach).rsplit(";", 1)[-1]


_PAST_CUE = (r"\b(\w{2,}ed|according\s+to|"
             + _prefix_tree(sorted(_PAST_WORDS, key=lambda w: (-len(w), w))) + r")\b")
_PAST_RE = fast_compile("(?i)" + _PAST_CUE)
# _PAST_RE for lower-cased ASCII text, without IGNORECASE (faster): the same spans there,
# since its words are lower-case and \w, \s, \b do not change with the case of ASCII letters
_PAST_LOWER = fast_compile(_PAST_CUE)


def _past_cues(seg: str) -> Iterator[re.Match[str]]:
    """``_PAST_RE.finditer(seg)``, faster on ASCII text (the matches of the lower-cased text:
    the same spans, and group 1 the same word lower-cased)."""
    return _PAST_LOWER.finditer(seg.lower()) if seg.isascii() else _PAST_RE.finditer(seg)

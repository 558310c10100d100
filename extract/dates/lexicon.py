"""The English words and regular-expression pieces the grammar rules are built from: month
and weekday names, number words, units, modifiers ("early", "about")."""

from __future__ import annotations

import re

from extract.dates.fastre import fast_compile

# --------------------------------------------------------------------------------------------
# vocabulary
# --------------------------------------------------------------------------------------------
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}


_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}


_NUMS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "half a": 0.5, "a half": 0.5,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}


_VAGUE = {"a few", "few", "several", "many", "some", "a number of", "numerous", "a couple of"}


_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
        "4th": 4}


_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


_UNIT = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "fortnight": ("W2", False),
    "weekend": ("WE", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("E", False), "century": ("C", False),
    "centurie": ("C", False),
}


_MON = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))")


_WD = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|"
       r"Thur|Thu|Fri|Sat|Sun)(?:\.|\b)")


_WDFULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"


_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"


_YEAR = r"(?<![\d$€£.,])(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|\s*(?:%|per\s?cent))"


_NUMW = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
         r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
         r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
         r"(?:a|one)\s+hundred|hundred|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few|several|"
         r"many|some|a\s+number\s+of|numerous|half\s+a|an?|\d+(?:\.\d+)?(?:\s+1/2)?)")


_UNITW = (r"(?:second|minute|hour|day|night|week|fortnight|weekend|month|quarter|year|decade|"
          r"century|centurie)")


_TIME = (r"(?:\s*(?:[-–—,|@]|at)?\s*(?P<hh>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)(?!\d)"
         r"(?::[0-5]\d)?(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?|[AP]\.?\s?M\b\.?))?)?")


# (the lookahead is a one-character test of the first letter: a failing position costs one
# test instead of every alternative; the same in _APPROXP and the SET rule)
_MODP = (r"(?:(?=(?i:[tvelmbscfaw]))"
         r"(?P<mod>(?i:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle|"
         r"(?:beginning|start|end|middle|close|turn|first\s+half|second\s+half|first\s+days|"
         r"final\s+days|last\s+days|closing\s+days|final\s+weeks|last\s+weeks|first\s+weeks|"
         r"final\s+months|last\s+months|early\s+days|spring|summer|autumn|fall|winter)\s+of)))"
         r"(?:\s+|-)(?i:the\s+)?)?")


_APPROXP = (r"(?:(?=(?i:[arcs]))(?P<approx>(?i:about|around|circa|c\.|approximately|roughly|"
            r"some\s+time\s+in))\s+)?")


_MOD_WORDS = {
    "early": ("EARLY", True), "earlier": ("EARLY", True), "late": ("LATE", True),
    "later": ("LATE", True), "mid": ("MID", True), "middle": ("MID", True),
    "beginning": ("START", True), "start": ("START", True), "end": ("END", True),
    "close": ("END", True), "turn": ("END", True), "first half": ("EARLY", True),
    "second half": ("LATE", True), "latter half": ("LATE", True), "first days": ("START", True),
    "final days": ("END", True),
    "last days": ("END", True), "closing days": ("END", True), "final weeks": ("END", True),
    "last weeks": ("END", True), "first weeks": ("START", True), "final months": ("END", True),
    "last months": ("END", True), "early days": ("START", True),
}


def _mod_of(s: str | None) -> tuple[str | None, bool]:
    if not s:
        return None, False
    s = re.sub(r"\s+", " ", s.lower()).strip()
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"^very ", "", s)
    s = re.sub(r" of$", "", s)
    if s in _SEASONS:
        return None, True
    return _MOD_WORDS.get(s, (None, True))


# --------------------------------------------------------------------------------------------
# the grammar: (name, regex, priority). Longest match wins; priority breaks ties.
# --------------------------------------------------------------------------------------------
# a model year ("Kopp's 1987 Chevrolet Cavalier"; not "in 1987 Ford sold") is no date
_MODEL_YEAR = fast_compile(r"\s+(?:Chevrolet|Chevy|Ford|Toyota|Honda|Nissan|Buick|Cadillac|"
                           r"Dodge|Pontiac|Oldsmobile|Chrysler|Plymouth|Volkswagen|Mercedes|BMW|"
                           r"Volvo|Jeep|Mazda|Subaru|Hyundai|Porsche|Saab|Audi)\b")


_MODEL_YEAR_LEFT = fast_compile(r"(?i)(?:\b(?:a|an|the|his|her|its|their|our|my|your)|'s?)\s+\Z")


def _c(p: str, flags: int = 0) -> re.Pattern[str]:
    return fast_compile(p, flags)


# after a month-day, a number after a comma that may be its year (not one of 1600-2099: "May
# 5, 1500") or the next day of a list ("May 20, 21 and 22"); "On March 1, 40 jets arrived" is
# a count
_NO_YEAR_AFTER = (r"(?!\s*,\s*(?:\d{3,}|'\d\d\b|\d{1,2}(?:st|nd|rd|th)?\s*(?:,|and\b|&|or\b|"
                  r"[-–]|\Z)))")


_RANK = {"year": 0, "quarter": 1, "month": 2, "day": 3}


_ORDW = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
         "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth")


_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


_UNIT_PREC = {"day": "day", "week": "week", "weekend": "week", "month": "month",
              "year": "year", "quarter": "quarter", "decade": "decade", "century": "decade"}


def _prefix_tree(words: list[str]) -> str:
    """``words`` (longest first) as a regular expression shaped like a prefix tree.

    It matches what ``"|".join(map(re.escape, words))`` matches, with the same choice where
    several words fit (the longest one the rest of the pattern accepts): at each character
    only the branches that continue with it are tried, and a word that ends is tried after
    every longer word through it. A position is tested once, not once per word.
    """
    branches: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    alternatives = [re.escape(c) + _prefix_tree(rest) for c, rest in branches.items()]
    if ends:
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


# ---- trigger tokens (see extract.dates.rule): the words a rule's matches contain ----------
# as written (a month's "May" is no trigger in "may")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
               "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                 "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
                 "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays",
                 "Sundays")
HOLIDAY_NAMES = ("Christmas", "Year", "Thanksgiving", "Easter", "Halloween", "Orthodox",
                 "Victory", "Bastille", "Defender", "Valentine", "Boxing", "Labor", "Memorial",
                 "Veterans", "Election")
# lowercase: in any case
UNIT_WORDS = ("second", "minute", "hour", "day", "week", "fortnight", "weekend", "month",
              "quarter", "year", "decade", "century")
UNITS_WORDS = ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
               "centuries", "nights", "weekends", "quarters")
DAY_WORDS = ("today", "tonight", "yesterday", "tomorrow", "overnight", "morning", "afternoon",
             "evening", "night")
# the two classes of number token a rule can be triggered by (see extract.dates.rule)
YEAR_DIGITS = "<year digits>"
NUM_DIGITS = "<day or month digits>"
# a year's digits, or "FY" before them ("FY2023" is two tokens)
YEARS = (YEAR_DIGITS, "FY")

# a number, a separator, a number of one or two digits, a separator: inside every numeric
# date ("30/05/2023", "2023-05-30")
_NUM_HINT = fast_compile(r"\d\s*[/.-]\s*\d{1,2}\s*[/.-]")

"""Resolve the time words of a sentence against the article's publication date.

Reporting dates events relative to the day it is published: "on Saturday" is the last Saturday on
or before publication, "overnight" the night that ends on the publication day, "on Friday night"
the Friday. Spans ("over the weekend", "in recent days") name no single day and resolve to None.
No date-parsing library is used: their guesses ("Saturday" = next Saturday, a missing year = this
year) are exactly what reporting does not mean.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

# Relative time words and how many days before publication they point at.
RELATIVE_DAYS = {
    r"today": 0,
    r"tonight": 0,
    r"this (?:morning|afternoon|evening)": 0,
    r"earlier (?:in the day|today|this (?:morning|afternoon|evening))": 0,
    r"overnight": 0,
    r"yesterday(?: (?:morning|afternoon|evening))?": 1,
    r"last night": 1,
    r"the day before yesterday": 2,
}

# Spans: true time words that name no single day; a sentence dated by one gets no event date.
SPANS = (
    r"over the (?:past |last )?weekend",
    r"(?:in|over|during) (?:the )?(?:past|last|recent|previous|coming) "
    r"(?:few |several |two |three |\d+ )?"
    r"(?:days|weeks|months|hours|24 hours|48 hours)",
    r"in recent (?:days|weeks|months)",
    r"(?:this|last|next) (?:week|month|year)",
    r"since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    r"for (?:days|weeks|months)",
)

_WEEKDAY = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
PATTERNS = (
    ("span", r"(?:" + "|".join(SPANS) + r")"),
    ("mdy", _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"),
    ("dmy", r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
     + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"),
    ("weekday", r"(?:(?:on|late|early|last)\s+)?" + _WEEKDAY
     + r"(?:\s+(?:morning|afternoon|evening|night))?(?!['\u2019]s)"),
    ("relative", r"(?:" + "|".join(k for k, v in RELATIVE_DAYS.items() if v is not None) + r")"),
)
_RXS = [(name, re.compile(rf"\b{rx}\b", re.I)) for name, rx in PATTERNS]
_RELATIVE = [(re.compile(k + r"$", re.I), v) for k, v in RELATIVE_DAYS.items() if v is not None]


@dataclass(frozen=True)
class TimeWord:
    start: int  # offsets into the text searched
    end: int
    text: str
    date: dt.date | None  # None for spans and for words that cannot be resolved


def as_date(published: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    return published


def resolve_weekday(weekday: str, published: dt.date) -> dt.date:
    """Return the last `weekday` on or before `published` (never a future day, never a year off)."""
    target = WEEKDAYS.index(weekday.lower())
    return published - dt.timedelta(days=(published.weekday() - target) % 7)


def _month_day(mon: str, day: str, year: str | None, published: dt.date | None) -> dt.date | None:
    low = mon.lower()
    month = MONTHS[low.rstrip(".")[:4] if low.startswith("sept") else low[:3]]
    try:
        if year:
            return dt.date(int(year), month, int(day))
        if published is None:
            return None
        guess = dt.date(published.year, month, int(day))
        # A date more than a few days after publication is last year's ("on December 30" in a
        # piece published on January 2).
        if guess > published + dt.timedelta(days=3):
            guess = dt.date(published.year - 1, month, int(day))
        return guess
    except ValueError:
        return None


def find(text: str, published: dt.date | dt.datetime | None) -> list[TimeWord]:
    """Return the time words in text with the day each names, if any."""
    pub = as_date(published)
    found = [(m.start(), -(m.end() - m.start()), kind, m) for kind, rx in _RXS
             for m in rx.finditer(text)]
    found.sort(key=lambda f: f[:2])
    out: list[TimeWord] = []
    for _, _, kind, m in found:
        if out and m.start() < out[-1].end:
            continue  # inside a longer time word already taken
        date = None
        if kind == "span":
            date = None
        elif kind in ("mdy", "dmy"):
            date = _month_day(m["mon"], m["day"], m["year"], pub)
        elif kind == "weekday" and pub is not None:
            if m.group().lower().startswith("last ") and resolve_weekday(m["wd"], pub) == pub:
                date = pub - dt.timedelta(days=7)
            else:
                date = resolve_weekday(m["wd"], pub)
        elif kind == "relative" and pub is not None:
            for rx, days in _RELATIVE:
                if rx.match(m.group()):
                    date = pub - dt.timedelta(days=days)
                    break
        out.append(TimeWord(m.start(), m.end(), m.group(), date))
    return out

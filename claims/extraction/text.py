"""Find the parts of an article body worth reading, as spans of the original text.

Pasted web pages carry datelines, "READ MORE" links, share buttons, comment forms and photo
credits. Nothing is deleted or rewritten: each line becomes a `Block` with offsets into the
original text, noise lines are skipped, and prefixes and credits are trimmed by moving offsets,
so every sentence offset still points into the text the caller gave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Whole lines that are page furniture, not reporting. Each pattern is matched against the
# stripped line, case-insensitively.
NOISE_LINES = (
    r"read more\b.*",  # related-article links ("READ MORE: ...")
    r"(also )?read( also)?:?",
    r"related( articles?| stories)?:?.*",
    r"(source|sources):.*",  # "Source: TRTWorld and agencies"
    r"\((with )?(input|inputs|reporting|additional reporting) (from|by) .*\)",
    r"leave a (reply|comment).*",
    r"(share|share this|share on|tweet|email|print|whatsapp|facebook|twitter|telegram|linkedin)"
    r"( (this|article|story|on \w+))?:?",
    r"(advertisement|advertising|sponsored|subscribe|sign up|newsletter|follow us)\b.*",
    r"(photo|image|video|file photo|picture)s?( credit)?:.*",
    r"\(cover:.*\)",  # a cover-image caption in parentheses
    r"(copyright|©|all rights reserved).*",
    r"(your email address|required fields|comment|name|website|email)\*?:?",
    r"click here\b.*",
)
_NOISE = re.compile(r"^(?:" + "|".join(NOISE_LINES) + r")$", re.I)

# A line that is only a link label: after a bare "Read more:" line the next line is the linked
# headline, not reporting.
_LINK_LEADERS = re.compile(r"^(also )?read( also| more)?:?$", re.I)

# Prefixes of the first line that are not part of the first sentence: a pasted dateline
# (" date 2021-09-04 "), a wire dateline ("KABUL, Sept 4 (Reuters) - ", any outlet's name in
# the brackets: "ADDIS ABABA, April 15 (Highland Report) - ").
DATELINES = (
    r"\s*date\s+\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+",
    r"\s*[A-Z][A-Z .,'-]{2,40}(?:,\s*[A-Z][a-z]{2,9}\.? \d{1,2})?"
    r"\s*\([A-Z][\w&.' -]{1,40}\)\s*[-\u2013\u2014]+\s*",
    r"\s*[A-Z][A-Z .'-]{2,30}\s*[-\u2013\u2014]{1,2}\s+(?=[A-Z])",
)
_DATELINE = re.compile("|".join(f"(?:{d})" for d in DATELINES))

# Trailing photo credits of a caption line: the caption may still state a claim, the credit not.
CREDITS = (
    r"\s*/\s*(?:CFP|AFP|AP|Reuters|Getty Images|EPA|Xinhua)\s*$",
    r"\s*\((?:Reuters|AFP|AP|EPA|Getty Images|AA|Xinhua)(?:/[^)]*)?\)\s*$",
    r"\s*\|\s*(?:Getty Images|Reuters|AFP|AP)[^|]*$",
    r"\s*\((?:AP|AFP|Reuters) Photo[^)]*\)\s*$",
)
_CREDIT = re.compile("|".join(f"(?:{c})" for c in CREDITS))


# A list item's marker at the start of a line: a dash or bullet, or "1." / "2)" in a numbered
# list (newsletters' items, wires' "Key developments").
_BULLET = re.compile(r"(?:[-*\u2022\u2023\u25aa\u25cf\u00b7\u2013\u2014]|\d{1,2}[.)])\s+(?=\S)")


_DATELINE_DATE = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})")


def dateline_date(text: str):
    """The date of a pasted " date 2021-09-04" dateline at the very start, if there is one."""
    import datetime as dt

    m = _DATELINE_DATE.match(text)
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None


@dataclass(frozen=True)
class Block:
    """A line of reporting: [start, end) in the original text."""

    start: int
    end: int
    index: int  # paragraph number, for quotes and pronouns that run on


def blocks(text: str) -> list[Block]:
    """Split text into lines worth reading, skipping page furniture."""
    out: list[Block] = []
    pos, index, skip_next = 0, 0, False
    first = True
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        stripped = text[start:end].strip()
        if not stripped:
            continue
        if first:
            first = False
            m = _DATELINE.match(text, start, end)
            if m and m.end() < end:
                start = m.end()
        if skip_next:
            skip_next = False
            continue
        if _LINK_LEADERS.match(stripped):
            skip_next = True
            continue
        if len(stripped) < 400 and _NOISE.match(stripped):
            continue
        credit = _CREDIT.search(text, start, end)
        if credit and credit.start() > start:
            end = credit.start()
        # trim surrounding whitespace by offsets only
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        bullet = _BULLET.match(text, start, end)
        if bullet:  # "- The NRF said ...": the list marker is not part of the sentence
            start = bullet.end()
        if end > start:
            out.append(Block(start, end, index))
            index += 1
    return out


def chunks(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut [start, end) into pieces of at most `limit` characters at sentence-like boundaries."""
    out = []
    while end - start > limit:
        cut = -1
        for rx in (r"[.!?][\"'\u201d\u2019)]?\s", r"\s"):
            window = text[start:start + limit]
            found = [m.end() for m in re.finditer(rx, window)]
            if found and found[-1] > limit // 2:
                cut = start + found[-1]
                break
        if cut <= start:
            cut = start + limit
        out.append((start, cut))
        start = cut
    if end > start:
        out.append((start, end))
    return out

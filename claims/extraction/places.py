"""Places in a sentence: from the gazetteer first, then place phrases it does not know.

The gazetteer's EntityRuler marks known names before spaCy's `ner` runs. Places outside it are
kept as unresolved places when the text says they are places: "the town of X", "X pass", a proper
noun a capture verb takes as its object. Landmarks in a description ("north of Kabul") and a
country or region naming where another place is ("Afghanistan's Panjshir") are not claim places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import PLACE_LABEL, RANK_ABBREVIATIONS
from .gazetteer import Gazetteer, GazetteerEntry
from .rules import LANDMARK_CUES, PLACE_HEADS, PLACE_OF_WORDS, SETTLEMENT_NOUNS

_LANDMARK = re.compile(
    r"(?:" + "|".join(LANDMARK_CUES) + r")\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}$", re.I
)
_KIND_AFTER = {"province": "province", "region": "province", "oblast": "province",
               "state": "province", "governorate": "province", "district": "district",
               "raion": "district", "city": "city", "town": "city", "village": "village",
               "valley": "region"}
_NAME = r"[A-Z][\w'\u2019-]+(?:\s+(?:wa\s+|al-|el-)?[A-Z][\w'\u2019-]+){0,3}"
_PLACE_OF = re.compile(r"\b(?:the\s+)?(?P<word>" + "|".join(PLACE_OF_WORDS)
                       + r")\s+of\s+(?P<name>" + _NAME + r")")
# further names in a list after "the districts of A, B and C"
_MORE_NAMES = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?P<name>" + _NAME + r")")
# "In nearby Kawlin, which ...": a name that opens a sentence after "In" is where it happens
_FRAME = re.compile(r"^(?:In|At)\s+(?:nearby\s+|neighbouring\s+|neighboring\s+)?(?P<name>"
                    + _NAME + r")\s*,")
_FACILITY_IN = re.compile(r"^\s+(?:in|at|near|outside)\s+(?:the\s+)?[A-Z]")
_NAMED_HEAD = re.compile(
    r"\b(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s+(?P<word>"
    + "|".join(w for w in PLACE_HEADS if w not in ("capital", "centre", "center"))
    + r"|Surgical Center|Hospital)\b")
_NOT_NAMES = frozenset([
    # articles, prepositions, demonstratives, possessives
    "The", "A", "An", "In", "On", "At", "This", "That", "These", "Those", "Its", "Their", "His",
    "Her", "Our",
    # quantifiers
    "Every", "Each", "All", "Both", "Some", "Many", "Several",
    # adjectives
    "Key", "Fresh", "Heavy", "Western", "Eastern", "Northern", "Southern", "Central", "Provincial",
    "Capital", "Military", "Local", "Former", "New", "Old",
])
_ANAPHORS = {
    "valley": ("region", "province"),
    "province": ("province",),
    "region": ("province", "region"),
    "city": ("city",),
    "town": ("city", "village"),
    "district": ("district",),
    "village": ("village", "city"),
    "pass": ("pass",),  # "fighting continued near the pass": the Anjuman Pass named before
}
ANAPHORIC_HEADS = frozenset(_ANAPHORS)


@dataclass
class Place:
    start: int  # token offsets in the doc
    end: int
    text: str  # as written (or the antecedent's text, for "the valley")
    kind: str | None
    entry: GazetteerEntry | None = None
    weak: bool = False  # from spaCy's NER or an anaphor: needs a direct link to a trigger
    landmark: bool = False

    @property
    def key(self) -> str:
        if self.entry is not None:
            if self.entry.kind != "city":
                return f"g{self.entry.geonames_id}"
            return f"n{self.entry.name}"
        return "t" + re.sub(r"[^a-z]", "", self.text.lower())


def _kind_hint(doc, start: int, end: int) -> str | None:
    if end < len(doc) and doc[end].lower_ in _KIND_AFTER:
        return _KIND_AFTER[doc[end].lower_]
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _KIND_AFTER:
        return _KIND_AFTER[doc[start - 2].lower_]
    return None


_known_cache: dict[tuple, re.Pattern] = {}


def known_pattern(known: dict) -> re.Pattern:
    """One regex for the names an article has shown to be places (rebuilt only when they grow)."""
    key = tuple(known)
    rx = _known_cache.get(key)
    if rx is None:
        names = "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
        rx = re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")
        if len(_known_cache) > 64:
            _known_cache.clear()
        _known_cache[key] = rx
    return rx


# "within five kilometres of X" is a position near X, not a locator
_WITHIN = re.compile(r"\bwithin\s+\S+\s+(?:km|kms|kilometres|kilometers|miles)\s+of\s+(?:the\s+)?$",
                     re.I)
_OF_NAME = re.compile(r"\s+of\s+[A-Z]")
# the owner's name at the front of a place name: "Panjshir's " in "Panjshir's Shutul"
_OWNER = re.compile(r"^(?:\S+\s+)*?\S+['\u2019]s\s+(?=\S)")
_SETTLEMENT_WORDS = frozenset({"town", "city", "village", "settlement", "port"})


def find(span, gazetteer: Gazetteer, is_actor, countries: frozenset[str],
         known: dict[str, Place] | None = None) -> list[Place]:
    """Return the places of a sentence (a spaCy Span), longest first where they overlap.

    `known` maps names the article has already shown to be places ("the town of Laukkai") to
    that place, so a later bare "Laukkai" is a place too, whatever the model calls it.
    """
    doc = span.doc
    found: list[Place] = []
    if known:
        for m in known_pattern(known).finditer(span.text):
            place = known[m.group()]
            ch = doc.char_span(span.start_char + m.start(), span.start_char + m.end())
            if ch is not None:
                found.append(Place(ch.start, ch.end, ch.text, place.kind, place.entry))
    for ent in span.ents:
        if ent.label_ == PLACE_LABEL:
            hint = _kind_hint(doc, ent.start, ent.end)
            entry = gazetteer.lookup(ent.text, hint)
            kind = hint if hint in ("village",) else (entry.kind if entry else hint)
            end = ent.end
            if end < len(doc) and doc[end].lower_ in ("valley", "pass"):
                end += 1
            found.append(Place(ent.start, end, doc[ent.start:end].text, kind, entry))
        elif (
            ent.label_ in ("GPE", "LOC", "FAC")
            and ent.text not in countries
            and ent.text not in RANK_ABBREVIATIONS  # the model takes "Brig." for a place
            and not is_actor(ent.text)
        ):
            kind = "city" if ent.label_ == "GPE" else "other"
            found.append(Place(ent.start, ent.end, ent.text, kind, None, weak=True))
    text = span.text
    base = span.start_char
    frame = _FRAME.match(text)
    if frame and frame["name"].split()[0] not in _NOT_NAMES and not is_actor(frame["name"]) \
            and frame["name"] not in countries:
        ch = doc.char_span(base + frame.start("name"), base + frame.end("name"),
                           alignment_mode="expand")
        if ch is not None and not any(t.ent_type_ in ("PERSON", "DATE", "TIME") for t in ch):
            entry = gazetteer.lookup(ch.text)
            found.append(Place(ch.start, ch.end, ch.text, entry.kind if entry else "other",
                               entry))
    region_of_unnamed: set[int] = set()  # "Darfur town": a town in Darfur, left unnamed
    for rx in (_PLACE_OF, _NAMED_HEAD):
        for m in rx.finditer(text):
            name = m["name"]
            s, e = (m.start("name"), m.end("name")) if rx is _PLACE_OF else (m.start(), m.end())
            # "Takhar's Khwaja Bahauddin district": the possessive names the province it is in
            owner = _OWNER.match(name)
            if owner is not None:
                name, s = name[owner.end():], s + owner.end()
            first = name.split()[0]
            if first in _NOT_NAMES or is_actor(name) or name in countries:
                continue
            ch = doc.char_span(base + s, base + e, alignment_mode="expand")
            if ch is None:
                continue
            word = m["word"].lower()
            singular = _singular(word)
            if rx is _NAMED_HEAD and word in _SETTLEMENT_WORDS and \
                    getattr(gazetteer.lookup(name), "kind", None) == "province" and \
                    not _OF_NAME.match(text[e:]):
                region_of_unnamed.add(ch.start)
                continue
            kind = PLACE_HEADS.get(singular.split()[-1], "other")
            entry = gazetteer.lookup(name, _KIND_AFTER.get(singular))
            if rx is _NAMED_HEAD and word not in _KIND_AFTER:
                entry = None  # "Khawak pass", "Anabah Surgical Center": a place inside a place
            if rx is _NAMED_HEAD and word not in _KIND_AFTER and _FACILITY_IN.match(text[e:]):
                continue  # "the division headquarters in Nyala": the claim is on Nyala
            if rx is _NAMED_HEAD and singular in _SETTLEMENT_WORDS and _OF_NAME.match(text[e:]):
                continue  # "the Amhara town of Finote Selam": the town is the name after "of"
            found.append(Place(ch.start, ch.end, ch.text, kind if not entry else entry.kind, entry))
            if rx is _PLACE_OF:
                pos = m.end()
                while (more := _MORE_NAMES.match(text, pos)) is not None:
                    name2 = more["name"]
                    pos = more.end()
                    if name2.split()[0] in _NOT_NAMES or is_actor(name2) or name2 in countries:
                        break  # "the outskirts of X, ROSINFORM notes": no list
                    ch2 = doc.char_span(base + more.start("name"), base + more.end("name"),
                                        alignment_mode="expand")
                    if ch2 is not None:
                        entry2 = gazetteer.lookup(name2, _KIND_AFTER.get(word.rstrip("s")))
                        found.append(Place(ch2.start, ch2.end, ch2.text,
                                           entry2.kind if entry2 else kind, entry2))
    # Anaphors: "the valley", "the province" (resolved by the caller against earlier places).
    for tok in span:
        if tok.lower_ in _ANAPHORS and tok.pos_ == "NOUN" and tok.i > span.start:
            det = [c for c in tok.lefts if c.lower_ == "the"]
            under_head = tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                tok.head.head.lower_ in PLACE_HEADS
            if (
                det
                and not under_head
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights)
                and not any(c.dep_ in ("compound", "poss") for c in tok.lefts)
            ):
                found.append(Place(det[0].i, tok.i + 1, tok.lower_, None, None, weak=True))
    found.sort(key=lambda p: (p.start, -(p.end - p.start), p.weak))
    out: list[Place] = []
    for place in found:
        if out and place.start < out[-1].end:
            prev = out[-1]
            if prev.entry is None and place.entry is not None and place.end <= prev.end \
                    and not prev.weak and prev.kind not in ("other", "pass"):
                prev.entry = place.entry
            continue
        out.append(place)
    for place in out:
        before = doc[max(span.start, place.start - 6):place.start].text + " "
        if (_LANDMARK.search(before) and not _WITHIN.search(before)) or \
                place.start in region_of_unnamed:
            place.landmark = True
        # "En Nahud town, West Kordofan,": a province set after a place says where it is
        if place.start - 2 >= span.start and doc[place.start - 1].text == "," and \
                (place.entry.kind if place.entry else place.kind) in ("province", "region") \
                and any(p.end == place.start - 1 and p is not place for p in out):
            place.landmark = True
        # "Afghanistan's Panjshir": the possessive names where the next place is
        if place.end + 1 < span.end and doc[place.end].lower_ in ("'s", "\u2019s", "'") and \
                any(p.start == place.end + 1 for p in out):
            place.landmark = True
    # a conjunct of a landmark is a landmark: "between Kapisa and the Panjshir"
    for a, b in zip(out, out[1:], strict=False):
        between = doc[a.end:b.start].text.strip().lower()
        if a.landmark and between in ("and", "and the", "or", ","):
            b.landmark = True
    return out


# "Gashena, a junction town on the road to ...", "Woreta and Addis Zemen, two towns on the
# highway", "X, a hamlet 6 km southwest of Y": how a report introduces a place its reader will
# not know. The settlement word must be followed by where or what the place is ("on", "east of",
# "now held", "15 km north", a comma), so that "Ali Hassan, a town councillor" and "X, a village
# elder" are no places. The names start at a word boundary and a list is at most six long, so
# the scan stays linear in the text.
_INTRODUCED = re.compile(
    r"(?<![\w'\u2019-])(?P<names>" + _NAME + r"(?:(?:\s*,\s*|\s*,?\s+and\s+)" + _NAME
    + r"){0,5})\s*,\s+(?:a|an|the|two|three|four|several)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?P<word>towns?|villages?|hamlets?|city|cities|settlements?|townships?|port)\b"
    r"(?=\s*[,.;:)\u2014]|\s+(?:about\s+|some\s+)?\d+(?:\.\d+)?\s*(?:km|kilomet(?:re|er)s?|miles)\b"
    r"|\s+(?:in|on|near|outside|inside|at|along|astride|between|by|close|"
    r"of|about|some|just|now|where|which|that|whose|held|controlled|north|south|east|west|"
    r"northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\b)"
    r"(?!\s+of\s+(?:the\s+)?[A-Z])")
_LIST_SEP = re.compile(r"\s*,?\s+and\s+|\s*,\s*")
# Capitalised words that open a sentence before a list of names, and titles that follow one
# ("the towns of A and B, Gen. X said"): never a place's name.
_OPENERS = frozenset({
    "Meanwhile", "Separately", "Elsewhere", "However", "Earlier", "Later", "Further", "Also",
    "Still", "Then", "Now", "Today", "Yesterday", "Overnight", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "Gen", "Col", "Maj", "Lt", "Capt", "Brig", "Mr",
    "Mrs", "Ms", "Dr"})


def _singular(word: str) -> str:
    """ "villages" -> "village", "cities" -> "city": the form the place tables use."""
    return re.sub(r"(?<=[^s])s$", "", word.lower()).replace("citie", "city")


def introduced(text: str, gazetteer: Gazetteer, is_actor, countries: frozenset[str],
               limit: int = 200) -> dict[str, Place]:
    """Names the article introduces as places the gazetteer lacks, wherever it does so.

    A report names a village bare in its caption or headline and says "the village of X" or
    "X, a hamlet east of Y" only further down; read first, the whole article lets the bare
    mentions count as the place too. One pass of two regexes, each match bounded.
    """
    out: dict[str, Place] = {}

    def add(name: str, word: str) -> None:
        words = name.split()
        while words and (words[0] in _NOT_NAMES or words[0] in _OPENERS):
            words = words[1:]
        name = " ".join(words)
        if not name or name in out or name in countries or is_actor(name) or \
                gazetteer.lookup(name) is not None or len(out) >= limit:
            return
        out[name] = Place(0, 0, name, PLACE_HEADS.get(_singular(word), "other"))

    for m in _INTRODUCED.finditer(text):
        names = _LIST_SEP.split(m["names"])
        # "Meanwhile, Woreta, a town": one place, the name right before it; "A and B, two
        # towns": every name of the list
        for name in names if _singular(m["word"]) != m["word"].lower() else names[-1:]:
            add(name, m["word"])
    for m in _PLACE_OF.finditer(text):
        if _singular(m["word"]) not in SETTLEMENT_NOUNS:
            continue
        add(m["name"], m["word"])
        pos = m.end()
        while m["word"].endswith("s") and (more := _MORE_NAMES.match(text, pos)) is not None:
            pos = more.end()
            if more["name"].split()[0] in _NOT_NAMES | _OPENERS or is_actor(more["name"]):
                break
            add(more["name"], m["word"])
    return out


def place_head(tok) -> str | None:
    """The kind of a common-noun place phrase headed by tok ("the centre", "the compound")."""
    return PLACE_HEADS.get(tok.lower_)

"""Claims of one sentence: triggers, the places they govern, the controller, the date.

A trigger (rules.TRIGGERS) governs the places inside its clause in the parse; when several do,
the tightest clause wins ("fighting continued in A but the advance on B was slowed": A contested,
B other). A place no clause reaches takes a trigger a few words away, if there is one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import dates
from .attribution import OUTLET_VOICE, Attribution, for_token
from .places import ANAPHORIC_HEADS, Place, place_head
from .rules import (
    ASPECTUAL_VERBS,
    ATTEMPT_WORDS,
    BACKGROUND_MONTH,
    BACKGROUND_TIMES,
    BACKGROUND_YEAR,
    CIVILIAN_SUBJECTS,
    CLAUSE_DEPS,
    CONTACT_MEANS,
    DENIAL_VERBS,
    DENIED_OBJECTS,
    DESTINATION_PREPS,
    DIRECT_OBJECT_ONLY,
    FACILITY_HEADS,
    FALSE_WORDS,
    FIGHT_GOES_ON_VERBS,
    GAP_WORDS,
    HABIT_VERBS,
    HEDGES,
    HELD_FACILITIES,
    HELD_OBJECTS,
    IRREGULAR_PAST,
    LOCATIVE_PREPS,
    LOCATOR_PREPS,
    LOSER_SUBJECT,
    MODAL_LEMMAS,
    NAME_IS_PLACE_PREPS,
    NEEDS_PLACE_OBJECT,
    NOMINAL_ARGUMENT_PREPS,
    NOT_FIGHTING_MODIFIERS,
    OUTSIDE_PREPS,
    PART_WORDS,
    PEOPLE_NOUNS,
    PLACE_HEADS,
    PLACE_OF_WORDS,
    PLACE_ONLY_VERBS,
    PRESENCE_PREPS,
    PRESENCE_SUBJECTS,
    SCENE_WORDS,
    SETTLEMENT_NOUNS,
    SIDE_MODIFIERS,
    SPEECH_VERBS,
    STRICT_OBJECT,
    SUBJECT_PLACE_VERBS,
    TIME_LINKS,
    TRIGGERS,
)
from .types import OUTLET

FALLBACK_WINDOW = 5  # tokens between a place and a trigger no clause links it to
_HEDGE = re.compile("|".join(f"(?:{h})" for h in HEDGES), re.I)


@dataclass
class Trigger:
    type: str
    phrase: str
    start: int  # token offsets in the doc
    end: int
    key: object  # the spaCy token that heads it
    negated: bool = False  # "X is not under Russian control", "there was no fighting in X"

    @functools.cached_property
    def scope(self) -> frozenset[int]:
        key = self.key
        root = key
        head = key.head
        if (
            key.pos_ in ("NOUN", "PROPN", "ADJ")
            and head.i != key.i
            # "the capture of X would cut the roads into Y": a noun with its own argument
            # claims that, not the rest of the clause it is the subject of
            and not any(c.dep_ == "prep" and c.lower_ in NOMINAL_ARGUMENT_PREPS
                        and any(g.dep_ == "pobj" for g in c.children) for c in key.children)
            and head.pos_ in ("VERB", "AUX")
            and (
                head.lemma_.lower() not in SPEECH_VERBS
                or any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
            )
        ):
            root = head
        skip: set[int] = set()
        for child in root.children:
            # a clause with its own subject says its own thing: "fighting reaches A as the
            # alliance presses the army in B" puts no fighting in B
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX") and \
                    any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                skip.update(t.i for t in child.subtree)
        return frozenset(t.i for t in root.subtree if t.i not in skip)


def _phrase_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for ctype, phrases in TRIGGERS.items():
        for phrase in phrases:
            words = tuple(phrase.split())
            index.setdefault(words[0], []).append((words, ctype))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


_PHRASES = _phrase_index()


def _match(doc, i: int, end: int, words: tuple[str, ...]) -> int | None:
    """Return the end of the phrase `words` matched from token i, or None.

    "*" matches any one token; "..." any GAP_WORDS tokens or fewer (the shortest that fits).
    """
    if not words:
        return i
    word = words[0]
    if word == "...":
        for skip in range(GAP_WORDS + 1):
            got = _match(doc, i + skip, end, words[1:]) if i + skip <= end else None
            if got is not None:
                return got
        return None
    if i >= end:
        return None
    tok = doc[i]
    if word != "*" and tok.lemma_.lower() != word and tok.lower_ != word and \
            IRREGULAR_PAST.get(tok.lower_) != word:
        return None
    return _match(doc, i + 1, end, words[1:])


def find_triggers(span) -> list[Trigger]:
    """Return the claim triggers of a sentence, longest phrase first, without overlaps."""
    doc = span.doc
    out: list[Trigger] = []
    i = span.start
    while i < span.end:
        tok = doc[i]
        lemma, lower = tok.lemma_.lower(), tok.lower_
        cands = _PHRASES.get(lemma, [])
        if lower != lemma:
            cands = cands + _PHRASES.get(lower, [])
        if lower in IRREGULAR_PAST and IRREGULAR_PAST[lower] != lemma:
            cands = cands + _PHRASES.get(IRREGULAR_PAST[lower], [])
        best = None
        for words, ctype in sorted(cands, key=lambda e: -len(e[0])) if len(cands) > 1 else cands:
            # a phrase with a gap is a verb frame: "forces were back" is no "force * back"
            if ("*" in words or "..." in words) and tok.pos_ in ("NOUN", "PROPN"):
                continue
            stop = _match(doc, i, span.end, words)
            if stop is not None:
                best = (words, ctype, stop)
                break
        if best is None:
            presence = _presence(tok)
            if presence is not None:
                out.append(presence)
            i += 1
            continue
        words, ctype, stop = best
        toks = doc[i:stop]
        key = next((t for pos in ("VERB", "NOUN", "ADJ") for t in toks if t.pos_ == pos), toks[0])
        verb = toks[0].head
        # "was calm and firmly in government hands": up the coordination to the verb
        while toks[0].pos_ == "ADP" and verb.pos_ not in ("VERB", "AUX") and \
                verb.dep_ in ("conj", "acomp", "prep", "advmod") and verb.head.i != verb.i:
            verb = verb.head
        if toks[0].pos_ == "ADP" and verb.pos_ in ("VERB", "AUX") and \
                not (toks.start <= verb.i < toks.end):
            key = verb  # "is under our control", "remained in control": the verb
        elif key.pos_ in ("ADJ", "PRON", "NOUN") and key.dep_ in ("acomp", "attr") and \
                key.head.lemma_ == "be" and len(toks) <= 2:
            # "the town was fully secure", "X is ours", "X is grey zone": the copula, whose
            # subject is the place
            key = key.head
        i = stop
        if key.lemma_ in HABIT_VERBS and key.tag_ in ("VBZ", "VBP"):
            continue
        if ctype == "lost" and words == ("lose",) and _takes_people(key):
            ctype = "casualties"  # "we lost four fighters in X": people, not ground
        out.append(Trigger(ctype, " ".join(words), toks.start, stop, key))
    kept = []
    for t in out:
        # said in the negative, a claim of control or fighting is a denial of it (pipeline._claim)
        t.negated = t.type in DENIABLE and _negated(t.key)
        if _is_claim(t) or (t.negated and _is_claim(t, negation=False)):
            kept.append(t)
    return kept


# Claim types whose negative is a denial ("was not captured", "there was no fighting in X"). A
# negated position ("did not reach") or repel is no claim at all, and "no casualties" is a
# casualty report (the guide).
DENIABLE = frozenset({"captured", "controls", "contested",
                      "lost"})  # "we have not lost Bara": the other side's capture denied


def _negated(key) -> bool:
    """ "is not under control", "no fighting", "nobody has taken X": the trigger itself is
    negated, not a verb above it."""
    if any(c.dep_ == "neg" for c in key.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in key.children):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass", "attr") and (c.lower_ in ("nobody", "none") or any(
        g.dep_ == "det" and g.lower_ == "no" for g in c.children)) for c in key.children)


def _presence(tok) -> Trigger | None:
    """ "His fighters were still in X": forces present in a place (rules.PRESENCE_SUBJECTS)."""
    if tok.lemma_ != "be" or not any(c.dep_ == "prep" and c.lower_ in PRESENCE_PREPS
                                     for c in tok.children):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in PRESENCE_SUBJECTS for c in tok.children):
        return None
    if tok.head.lemma_.lower() in DENIAL_VERBS:
        return None  # "denied that its fighters were in X": step_denials points it at the claim
    return Trigger("other", "be in", tok.i, tok.i + 1, tok)


# verbs whose xcomp is only an intention: "plans to take X", "vowed to retake X"
_INTENT_VERBS = (
    "plan", "vow", "aim", "threaten", "want", "seek", "hope", "try", "attempt", "intend",
    "prepare",
)


def _is_claim(trigger: Trigger, negation: bool = True) -> bool:
    """Drop aims, conditions and negations: "to control", "will clear", "did not fall".

    With `negation` False, a negation on the trigger itself does not drop it (see _negated).
    """
    key = trigger.key
    doc = key.doc
    for child in key.children:
        if negation and child.dep_ == "neg":
            return False
        # a particle makes another verb: "held out", "took off", "fell behind"
        if child.dep_ == "prt" and len(trigger.phrase.split()) == 1:
            return False
        # "on 3 May reportedly killed": the month the parse hangs on the verb is no modal
        if child.dep_ == "aux" and child.lemma_.lower() in MODAL_LEMMAS and \
                child.text != "May" and not (
                child.lower_ == "to" and (
                    key.head.lemma_.lower() in ASPECTUAL_VERBS
                    or any(c.dep_ == "aux" and c.lower_ == "have" for c in key.children))):
            # "will take", "to take"; but "continuing to advance" goes on, and "claimed to
            # have entered" says it happened
            return False
        if child.dep_ in ("amod", "compound") and child.lower_ in NOT_FIGHTING_MODIFIERS:
            return False
    if key.pos_ == "NOUN" and key.dep_ == "nsubj" and any(
            c.dep_ == "aux" and c.lower_ in ("would", "might") for c in key.head.children):
        return False  # "the loss of X would be the most serious setback": a hypothesis
    if trigger.type == "other" and any(c.dep_ == "nsubj" and c.lower_ in CIVILIAN_SUBJECTS
                                       for c in key.children):
        return False  # "tens of thousands reach X": people fleeing, not a side advancing
    if key.lemma_.lower() == "reach" and any(
            c.dep_ in ("prep", "agent") and c.lower_ == "by" and any(
                g.lower_ in CONTACT_MEANS for g in c.subtree) for c in key.children):
        return False  # "Reached by phone, a commander said ...": a source reached, no advance
    if key.tag_ == "VB" and key.i > 0 and doc[key.i - 1].lower_ == "to" and \
            trigger.phrase.split()[0] not in ("continue",) and \
            key.head.lemma_.lower() not in ASPECTUAL_VERBS:
        return False
    # "has not commented on the reported fall of X": a claim inside a negated verb is not made
    verb = key
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.i != key.i and any(c.dep_ == "neg" for c in verb.children):
        return False
    return not (key.dep_ == "xcomp" and key.head.lemma_.lower() in _INTENT_VERBS)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_BACKGROUND_MONTH = re.compile(BACKGROUND_MONTH.format(months="|".join(_MONTHS)), re.I)
_BACKGROUND = re.compile("|".join(BACKGROUND_TIMES), re.I)
_YEAR = re.compile(BACKGROUND_YEAR)


def _earlier_year(text: str, published) -> bool:
    return published is not None and any(int(m["year"]) < published.year
                                         for m in _YEAR.finditer(text))


def is_background(trigger: Trigger, published) -> bool:
    """Whether the trigger's clause is dated before the reporting window (rules.BACKGROUND_*).

    A relative or "when" clause takes the date of the clause it hangs on: "the 2020-2022 war in
    Tigray, in which X took Y", "in late 2024, when KIA units entered the town".
    """
    sentence = trigger.key.sent.text if trigger.key.doc.has_annotation("SENT_START") else ""
    if not (_BACKGROUND.search(sentence) or _BACKGROUND_MONTH.search(sentence)
            or _earlier_year(sentence, published)):
        return False  # the common case, cheaply: no dated background in the sentence at all
    verb = _clause_verb(trigger.key)
    for _ in range(4):
        dated = _dated_before(_own_text(verb), published)
        if dated is not None:
            return dated
        if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                           for c in verb.children):
            verb = verb.head  # "when fighters seized X and raised their flag over Y"
            continue
        if not (verb.dep_ == "relcl" or (verb.dep_ == "advcl" and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in TIME_LINKS
                for c in verb.children))):
            return False
        verb = _clause_verb(verb.head)
    return False


def _clause_verb(tok):
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _own_text(verb) -> str:
    """The clause of `verb` without the clauses of its own that it governs (said ... that X
    fell)."""
    return " ".join(t.text for t in verb.subtree if not any(
        a.dep_ in ("ccomp", "advcl", "relcl") and a.i != verb.i and verb.is_ancestor(a)
        for a in t.ancestors if a.i != t.i) and not (
        t.dep_ in ("ccomp", "advcl", "relcl") and t.i != verb.i))


def _dated_before(text: str, published) -> bool | None:
    """True when the text dates itself before the reporting window, False when it names this
    month, None when it names no time at all."""
    if _BACKGROUND.search(text) or _earlier_year(text, published):
        return True
    m = _BACKGROUND_MONTH.search(text)
    if m is None:
        return None
    month = _MONTHS.index(m["month"].lower()) + 1
    return published is None or month != published.month


def _linked(place: Place, trigger: Trigger, keys: frozenset[int] = frozenset()) -> bool:
    """Whether the place is the trigger's object, subject or prepositional complement.

    `keys` are the heads of the sentence's triggers: a place that hangs on another one ("took A
    and were advancing toward B") is that trigger's, not this one's.
    """
    doc = trigger.key.doc
    key = trigger.key
    # "Panjshir, which has stood strong": a clause on the place itself
    if key.dep_ == "relcl" and place.start <= key.head.i < place.end:
        return True
    strict = trigger.phrase.split()[0] in STRICT_OBJECT and len(trigger.phrase.split()) == 1
    # the root of the place phrase
    tok = _place_root(doc, place)
    if trigger.phrase in DIRECT_OBJECT_ONLY:
        return tok.dep_ == "dobj" and tok.head.i == key.i
    # "fighting continued near X": the place hangs on the verb the fighting is the subject of
    carrier = key.head if (trigger.type == "contested" and key.dep_ in ("nsubj", "nsubjpass")
                           and key.head.lemma_.lower() in FIGHT_GOES_ON_VERBS) else None
    repel = trigger.type == "repelled"
    # "Russian troops tried to storm X but were pushed back": the attempt the repel answers
    tried = key.head if repel and key.dep_ == "conj" and \
        key.head.lemma_.lower() in ATTEMPT_WORDS else None
    for _ in range(6):
        if trigger.start <= tok.i < trigger.end or tok.i == key.i:
            return True
        if carrier is not None and tok.head.i == carrier.i and tok.dep_ == "prep":
            return True
        if repel and tok.dep_ in ("acl", "xcomp") and tok.pos_ == "VERB" and (
                tok.head.lemma_.lower() in ATTEMPT_WORDS or tok.lemma_.lower() in ATTEMPT_WORDS):
            # "pushed back an attempt to retake X", "fought off a column trying to reach X":
            # the goal of the attempt, not where it set out from
            if any(t.dep_ == "prep" and t.lower_ == "from" and tok.is_ancestor(t)
                   for t in doc[place.start].ancestors):
                return False
            if tried is not None and tok.head.i == tried.i:
                return True
            tok = tok.head
            continue
        if repel and tok.dep_ == "prep" and tok.lower_ == "by" and \
                tok.head.lemma_.lower() in ATTEMPT_WORDS:
            tok = tok.head  # "an attack by the RSF on X": the parse hangs "on X" on the attacker
            continue
        if tok.i in keys and tok.dep_ == "conj" and tok.pos_ == "VERB":
            return False  # (its own key returned True above)
        if tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS:
            return False  # "X repels A, and the council denies the fall of B": B is denied
        if tok.dep_ not in ("conj", "pobj", "prep", "appos", "compound", "nsubjpass", "dobj",
                            "nsubj", "attr", "npadvmod", "advmod", "cc", "poss") or \
                tok.head.i == tok.i:
            return False
        # "an attack on Kyaukphyu's outer defences", "at X's gates"; but "four of the
        # province's seven districts" counts places the guide leaves out
        if tok.dep_ == "poss" and (any(c.dep_ == "nummod" for c in tok.head.children) or
                                   tok.head.lemma_.lower() in PLACE_HEADS):
            return False
        if tok.dep_ == "prep" and tok.lower_ not in LOCATIVE_PREPS:
            return False
        # "our positions in X are holding": a held thing as the subject of an intransitive hold
        held_subject = tok.dep_ == "nsubj" and tok.lower_ in HELD_OBJECTS and not any(
            c.dep_ == "dobj" for c in key.children)
        # "Kyiv insists Myrnohrad still holds": a place that holds out, with no object
        held_subject = held_subject or (tok.dep_ == "nsubj" and key.lemma_.lower() == "hold" and
                                        not any(c.dep_ in ("dobj", "prt", "prep")
                                                for c in key.children))
        # a headline's bare participle is a passive: "Moscow says Kurylivka taken"
        held_subject = held_subject or (tok.dep_ == "nsubj" and _bare_participle(key))
        if strict and tok.head.i == key.i and tok.dep_ not in ("dobj", "nsubjpass") and \
                not held_subject and not (
                tok.dep_ == "prep" and any(c.dep_ == "dobj" and c.lower_ in HELD_OBJECTS
                                           for c in key.children)):
            return False
        if strict and tok.dep_ == "prep" and tok.lower_ != "of" and \
                tok.head.lower_ not in HELD_OBJECTS and \
                tok.head.lemma_.lower() not in FACILITY_HEADS and not (
                    tok.head.i == key.i and any(c.dep_ == "dobj" and c.lower_ in HELD_OBJECTS
                                                for c in key.children)):
            return False
        tok = tok.head
    return trigger.start <= tok.i < trigger.end


def _bare_participle(verb) -> bool:
    """ "Moscow says Kurylivka taken": a headline's participle with no auxiliary is a passive."""
    return verb.pos_ == "VERB" and (verb.tag_ == "VBN" or verb.lower_.endswith("en")) and \
        any(c.dep_ == "nsubj" for c in verb.children) and \
        not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)


def _place_root(doc, place: Place):
    """The token of a place phrase nearest the root of the parse, a name or noun if any is:
    "Khost wa Fereng" may hang its "wa" higher than its names."""
    toks = [doc[i] for i in range(place.start, place.end)]
    return min([t for t in toks if t.pos_ in ("PROPN", "NOUN")] or toks, key=_depth)


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def common_places(span, triggers: list[Trigger], taken: set[int],
                  is_other=lambda tok: False) -> list[Place]:
    """Unnamed place phrases a trigger points at: "toward the centre", "into the compound"."""
    doc = span.doc
    out = []
    # "the capital Bazarak and the governor's compound": a place phrase coordinated with a place
    for i in sorted(taken):
        tok = doc[i]
        for conj in tok.children:
            # "in Woreta and Addis Zemen": a name coordinated with a known place is a place
            if conj.dep_ == "conj" and conj.i not in taken and conj.pos_ == "PROPN" and \
                    conj.is_title and conj.ent_type_ not in ("NORP", "DATE", "TIME", "PERSON") \
                    and not is_other(conj) and not place_head(conj):
                start = _name_start(doc, conj, tok.i)
                if not any(j in taken or is_other(doc[j]) for j in range(start, conj.i + 1)):
                    out.append(Place(start, conj.i + 1, doc[start:conj.i + 1].text, "other",
                                     None))
                    taken.update(range(start, conj.i + 1))
                continue
            if conj.dep_ == "conj" and conj.i not in taken and place_head(conj):
                if any(t.i in taken for t in conj.subtree):
                    continue  # "Bazarak and the district of Dara": the phrase is Dara itself
                start = conj.left_edge.i
                while start < conj.i and doc[start].lower_ in ("the", "a", "an"):
                    start += 1
                out.append(Place(start, conj.i + 1, doc[start:conj.i + 1].text, place_head(conj)))
                taken.update(range(start, conj.i + 1))
    for trig in triggers:
        if trig.type == "casualties":
            continue
        # "Kyaukphyu was retaken", "Belmora fell to the rebels", "Al-Khuwei came under the
        # control of": a name the gazetteer lacks as the subject of a verb whose subject is the
        # place (rules.SUBJECT_PLACE_VERBS), or of any passive control verb
        if trig.type in ("captured", "controls", "lost"):
            verb = trig.key
            for subj in verb.children:
                if (
                    (subj.dep_ == "nsubjpass"
                     or (subj.dep_ == "nsubj" and verb.lemma_.lower() in SUBJECT_PLACE_VERBS))
                    and subj.pos_ == "PROPN"
                    and subj.is_title
                    and subj.i not in taken
                    # the model's guess at an unknown name's type is noise here: the actor and
                    # people tables (is_other) say what is not a place
                    and subj.ent_type_ not in ("NORP", "DATE", "TIME")
                    and not is_other(subj)
                ):
                    start = _name_start(doc, subj, span.start - 1)
                    if any(i in taken or is_other(doc[i]) for i in range(start, subj.i + 1)):
                        continue
                    out.append(Place(start, subj.i + 1, doc[start:subj.i + 1].text, "other",
                                     None))
                    taken.update(range(start, subj.i + 1))
        if trig.type in ("captured", "controls", "lost", "other"):
            # "overran the headquarters of Battalion 542", "the airport is now in our hands":
            # a facility the verb takes or holds is the place of the claim
            for noun in _held_facilities(trig.key):
                start, end = _facility_phrase(noun)
                if not any(i in taken for i in range(start, end)):
                    out.append(Place(start, end, doc[start:end].text, "other", None))
                    taken.update(range(start, end))
        if trig.type == "contested":
            pass  # only names right after "an offensive on", "fighting around": below
        # "captured Belmora", "reached Kemise": a name the gazetteer lacks as the object
        elif trig.type in ("captured", "controls", "other", "lost"):
            # "seized Uspenivka and Olenokostiantynivka": the object and the names coordinated
            # with it
            objs = [c for c in trig.key.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
            objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
            for obj in objs:
                # coordinated with a known place, a name is a place whatever type the model
                # guesses: "seized Uspenivka and Olenokostiantynivka"
                # and so is the object of a verb that only takes places: "junta claims Momauk",
                # "troops had captured Vyimka", "cleared Wegel Tena of extremists"
                beside_place = (obj.dep_ == "conj" and obj.head.i in taken) or \
                    trig.key.lemma_.lower() in PLACE_ONLY_VERBS
                if (
                    obj.pos_ == "PROPN"
                    and obj.is_title
                    and obj.i not in taken
                    and obj.ent_type_ not in (("NORP", "DATE", "TIME") if beside_place else
                                              ("ORG", "NORP", "DATE", "TIME"))
                    and not is_other(obj)
                ):
                    start = _name_start(doc, obj, obj.head.i if obj.dep_ == "conj"
                                        else trig.key.i)
                    out.append(Place(start, obj.i + 1, doc[start:obj.i + 1].text, "other", None))
                    taken.update(range(start, obj.i + 1))
        if trig.phrase in DIRECT_OBJECT_ONLY:
            continue  # "claimed on Telegram": only its object can be a place, named above
        heads = {trig.key}
        if trig.key.pos_ == "NOUN" and trig.key.dep_ in ("nsubj", "nsubjpass"):
            heads.add(trig.key.head)  # "fighting continued around X"
        # "attacked our positions near X", "controlled all of X"
        heads.update(c for c in trig.key.children if c.dep_ == "dobj")
        preps = [c for h in heads for c in h.children]
        # "pushed the army out of X": the "of" under "out"
        preps += [g for c in preps if c.lower_ == "out" for g in c.children if g.lower_ == "of"]
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.i in taken:
                    continue
                # a name the gazetteer lacks, right after "fighting around", "advanced on"
                # after "an offensive on", "fighting around", "surrounded in" an unknown name is
                # a place whatever type the model guesses; elsewhere an ORG is an organisation
                # and so is one after "the capture of", "the fall of"
                named_by_noun = prep.lower_ == "of" and prep.head.i == trig.key.i and \
                    trig.key.pos_ == "NOUN"
                skip = ("NORP", "DATE", "TIME") if prep.lower_ in NAME_IS_PLACE_PREPS \
                    or named_by_noun else ("ORG", "NORP", "DATE", "TIME")
                if pobj.pos_ == "PROPN" and pobj.is_title and pobj.ent_type_ not in skip \
                        and not is_other(pobj):
                    start = _name_start(doc, pobj, prep.i)
                    out.append(Place(start, pobj.i + 1, doc[start:pobj.i + 1].text, "other", None))
                    taken.update(range(start, pobj.i + 1))
                    continue
                heads = [pobj] + [c for c in pobj.children if c.dep_ == "conj"]
                for head in heads:
                    kind = place_head(head)
                    if kind is None or head.i in taken or (
                            head.lower_ in ANAPHORIC_HEADS and not any(
                                c.dep_ in ("compound", "poss", "prep") for c in head.children)):
                        continue  # a bare "the city" is an anaphor, resolved elsewhere or dropped
                    if _in_named_place(head, taken):
                        continue  # "an attack on a checkpoint in Alasay district": on Alasay
                    start, end = _noun_phrase(doc, head)
                    if any(i in taken for i in range(start, end)):
                        continue
                    out.append(Place(start, end, doc[start:end].text, kind, None))
                    taken.update(range(start, end))
    return out


def _in_named_place(head, taken: set[int]) -> bool:
    """ "a checkpoint in Alasay district", "an outpost at Khawak": an indefinite facility a
    named place locates, so the claim is on the named place (as "a base in X" is for held
    facilities). A definite one ("the central market in El Fasher") stays a place."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in LOCATOR_PREPS and
               any(g.dep_ == "pobj" and any(t.i in taken for t in g.subtree)
                   for g in c.children)
               for c in head.children)


def _noun_phrase(doc, head) -> tuple[int, int]:
    """The place phrase headed by a common noun, without its article, its conjuncts or a
    locating "in X": "the compound in Bazarak" is "compound"."""
    located = {t.i for c in head.children if c.dep_ == "prep"
               and c.lower_ in LOCATOR_PREPS for t in c.subtree}
    sub = sorted(t.i for t in head.subtree if (t.dep_ != "conj" or t.i == head.i) and not
                 any(a.dep_ == "conj" and a.i != head.i for a in t.ancestors
                     if a.i in {x.i for x in head.subtree})
                 and t.i not in located)
    start, end = sub[0], sub[-1] + 1
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct and doc[end - 1].text != ")"
                               or doc[end - 1].dep_ == "cc"):
        end -= 1  # "its headquarters and": not the comma or "and" before a conjunct
    if doc[start:end].text.count("(") > doc[start:end].text.count(")") and \
            end < len(doc) and doc[end].text == ")":
        end += 1
    return start, end


def _facility_phrase(noun) -> tuple[int, int]:
    """A facility's name: its modifiers, the noun and an "of" phrase ("the main bridge",
    "headquarters of Light Infantry Battalion 542"), without its article, "near X" or a date."""
    toks = [noun.i]
    for c in noun.children:
        if c.i < noun.i and c.dep_ in ("amod", "compound", "poss", "nummod", "case"):
            toks += [t.i for t in c.subtree]
        elif c.i > noun.i and c.dep_ == "prep" and c.lower_ == "of":
            toks.append(c.i)
            stack = list(c.children)  # down the "of" phrase, not into its own modifiers
            while stack:
                t = stack.pop()
                if t.dep_ not in ("prep", "relcl", "acl", "appos", "cc", "conj", "punct"):
                    toks.append(t.i)
                    stack.extend(t.children)
    start, end = min(toks), max(toks) + 1
    while end > start + 1 and noun.doc[end - 1].is_punct:
        end -= 1
    return start, end


def _held_facilities(verb) -> list:
    """Facilities a control verb takes or holds: its object ("overran the headquarters of X"),
    or its subject when the verb's subject is the place ("the airport is in our hands", "the
    base fell"). Only a definite or named one ("the airport", "Bhamo airport"): "a base in X"
    puts the claim on X, and so does a side's own post ("the Taliban checkpoint at X")."""
    out = []
    for c in verb.children:
        if c.dep_ == "dobj" or c.dep_ == "nsubjpass" or (
                c.dep_ == "nsubj" and verb.lemma_.lower() in SUBJECT_PLACE_VERBS):
            out.append(c)
    out += [g for c in out for g in c.children if g.dep_ == "conj"]
    return [n for n in out if n.lower_ in HELD_FACILITIES and n.pos_ == "NOUN"
            and any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss"
                    or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in n.children)
            and not _side_owned(n, ("compound", "amod", "poss"))]


def _side_owned(noun, deps: tuple[str, ...]) -> bool:
    """ "the Taliban checkpoint", "the junta outpost": a facility named by the side that holds
    it, which puts a claim on the place it is in rather than on itself."""
    return any(c.dep_ in deps and (c.ent_type_ in ("ORG", "NORP") or c.lower_ in SIDE_MODIFIERS)
               for c in noun.children)


def _name_start(doc, tok, floor: int) -> int:
    """The first token of the proper name ending at tok, not reaching back to floor.

    Title-case compounds ("Um Sumeima") and hyphen-joined parts written without spaces
    ("Pul-e-Hesar", "Al-Khuwei") are one name.
    """
    start = tok.i
    while start - 1 > floor:
        prev = doc[start - 1]
        if prev.dep_ == "compound" and prev.is_title:
            start -= 1
        elif prev.text == "-" and not prev.whitespace_ and start - 2 > floor and \
                not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
            start -= 2
        else:
            break
    return start


@dataclass
class Found:
    """A claim as found in a sentence, before it is written out as a types.Claim."""

    place: Place | None
    trigger: Trigger
    type: str
    attribution: Attribution | None
    link: str  # "direct" / "scope" / "near" / "sentence"


def _gap(trig: Trigger, place: Place) -> int:
    """Tokens between a trigger and a place, whichever comes first."""
    return min(abs(trig.start - place.end), abs(place.start - trig.end))


def associate(
    span, places: list[Place], triggers: list[Trigger], excluded: set[int]
) -> list[Found]:
    """Give each place the trigger that governs it; one Found per place."""
    out = []
    keys = frozenset(t.key.i for t in triggers)
    triggers_at = keys | {i for t in triggers for i in range(t.start, t.end)}
    for place in places:
        if (
            place.landmark
            or place.start in excluded
            or is_locator(span.doc, place, places, triggers_at)
            or sets_the_scene(span, place, places)
        ):
            continue
        best, how = None, None
        triggers_here = [t for t in triggers if not _apart(span.doc, place, t)]
        for trig in triggers_here:
            if _linked(place, trig, keys):
                best, how = trig, "direct"
                break
        if best is None:
            scoped = [
                t for t in triggers_here
                if place.start in t.scope
                and t.key.i not in range(place.start, place.end)
                and t.phrase.split()[0] not in NEEDS_PLACE_OBJECT
            ]
            if scoped and not place.weak:
                best, how = min(scoped, key=lambda t: len(t.scope)), "scope"
        if best is None and not place.weak:
            near = [
                t for t in triggers_here
                if t.phrase.split()[0] not in NEEDS_PLACE_OBJECT
                and _gap(t, place) <= FALLBACK_WINDOW
            ]
            if near:
                best = min(near, key=lambda t: _gap(t, place))
                how = "near"
        if best is None:
            continue
        ctype = best.type
        if ctype == "captured" and "..." not in best.phrase and _takes_people(best.key):
            ctype = "casualties"
        out.append(Found(place, best, ctype, None, how))
    # "clashes in Woreta and Addis Zemen": a name the model guessed at, coordinated with a
    # place that has a claim, shares it
    for place in places:
        if place.weak and place.kind is not None and not any(f.place is place for f in out):
            root = _place_root(span.doc, place)
            partner = next((f for f in out if root.dep_ == "conj" and f.place is not None
                            and f.place.start <= root.head.i < f.place.end), None)
            if partner is not None:
                out.append(Found(place, partner.trigger, partner.type, None, partner.link))
    return out


def _takes_people(verb) -> bool:
    """ "captured 40 soldiers", "captured thousands of soldiers", "were killed and eight
    captured": a capture of people is a casualty count, not ground taken."""
    for c in verb.children:
        people = c.lower_ in PEOPLE_NOUNS or any(
            g.dep_ == "prep" and g.lower_ == "of" and any(
                o.lower_ in PEOPLE_NOUNS for o in g.children) for g in c.children)
        if c.dep_ == "dobj" and (people or (
                any(g.dep_ == "nummod" for g in c.children)
                and c.lemma_.lower() not in PLACE_HEADS and c.lower_ not in HELD_OBJECTS)):
            return True
        # "... had been killed and eight captured": the count is the subject of the passive
        # (not "the two had captured X", an active verb with its object)
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NUM" and verb.tag_ == "VBN" and \
                not any(o.dep_ == "dobj" for o in verb.children):
            return True
    return False


def _apart(doc, place: Place, trig: Trigger) -> bool:
    """Whether the place is out of the trigger's reach however close the two are.

    "X, which lies near Y, was in their hands": a place inside a relative clause is background to
    the noun it describes, not the place of a claim made outside the clause. "retreated from X
    toward Y": the destination of a side giving ground is not the ground given.
    """
    tok = _place_root(doc, place)
    for anc in tok.ancestors:
        if anc.dep_ == "relcl":
            if not (anc.i == trig.key.i or anc.is_ancestor(trig.key)):
                return True
            break
    # "a column trying to reach X from Y", "advanced on X from Y": where a move set out from
    if trig.type in ("repelled", "other") and tok.dep_ == "pobj" and tok.head.lower_ == "from" \
            and tok.head.head.pos_ == "VERB":
        return True
    # "46 were killed in X, and 7,000 people have fled toward Y": a clause coordinated with the
    # count, with a verb of its own, is not where the people were killed
    if trig.type == "casualties":
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.i != trig.key.i and verb.dep_ == "conj" and \
                verb.head.i == trig.key.i and not _PHRASES.get(verb.lemma_.lower()):
            return True
    if trig.type == "lost" or trig.phrase in LOSER_SUBJECT:
        prep = tok.head if tok.dep_ == "pobj" else None
        if prep is not None and prep.lower_ in DESTINATION_PREPS:
            return True
    return False


# Words that count unnamed places: "several villages", "a dozen settlements"
_COUNT_WORDS = frozenset({"several", "some", "many", "few", "dozen", "dozens", "multiple",
                          "numerous"})


def _counted_places(tok) -> bool:
    """ "two villages", "several settlements": a count of places left unnamed (not "two
    outposts in X", which are in X)."""
    return tok.tag_ == "NNS" and tok.lemma_.lower() in SETTLEMENT_NOUNS and any(
        c.dep_ == "nummod" or c.lower_ in _COUNT_WORDS for c in tok.children)


def is_locator(doc, place: Place, places: list[Place], trigger_toks: set[int]) -> bool:
    """Whether a place only says where another thing is, so no claim is about it.

    "the villages of A and B in Kharkiv region", "Mogok, a town in Mandalay region", "the
    governor's compound in the capital Bazarak": the claim is on the thing located, not on the
    region around it. "outposts around Lashio", "a checkpoint outside Nyala": a thing near a
    place is not the place. A trigger located in a place still makes a claim on it ("fighting
    in X", "assaults near X"), and so do held positions ("positions in the town").
    """
    tok = _place_root(doc, place)
    if _in_description(doc, tok, place, places) or _after_named_place(doc, place, places):
        return True
    # "two towns on the highway linking X and Y": the ends of a road only locate
    obj = tok
    while obj.dep_ == "conj" and obj.head.i != obj.i:
        obj = obj.head
    if obj.dep_ == "dobj" and obj.head.lemma_.lower() in ("link", "connect", "join") and \
            obj.head.dep_ in ("acl", "relcl"):
        return True
    if tok.dep_ in ("compound", "amod") and tok.head.lower_ in PLACE_HEADS and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(_in_other(g.i, place, places)
                                                         for g in c.children)
            for c in tok.head.children):
        return True  # "the Amhara town of Finote Selam": the region only says where
    owner = tok
    while owner.dep_ == "compound" and owner.head.i != owner.i:
        owner = owner.head
    if owner.dep_ == "poss" and _counted_places(owner.head):
        return True  # "controls 14 of Rakhine State's 17 townships": a count, not the state
    if tok.dep_ == "appos" and tok.head.lower_ in PLACE_HEADS:
        tok = tok.head  # "in the provincial capital X"
    prep = tok.head if tok.dep_ in ("pobj", "conj") else None
    while prep is not None and prep.dep_ == "conj" and prep.head.i != prep.i:
        prep = prep.head  # "in A and B": the conjuncts share the preposition
    if prep is not None and prep.dep_ == "pobj":
        prep = prep.head
    if prep is not None and prep.dep_ == "prep" and prep.lower_ == "of" and \
            _in_other(prep.head.i, place, places):
        return True  # "Warsaj district of Takhar province", "the Andarab valley of Baghlan"
    if prep is not None and prep.dep_ == "prep" and prep.lower_ == "of" and \
            _edge_of_place(doc, prep.head, place, places):
        return True  # "Abu Shouk camp, on the north-western edge of X"
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in LOCATOR_PREPS:
        return False
    # "A in X" right after another place locates it, however the parse hangs "in X"
    if prep.lower_ == "in" and _follows_place(doc, prep, place, places):
        return True
    host = prep.head
    # "took two villages in X region", however the parse hangs "in X": unnamed places the
    # guide leaves out, which X only locates
    if _counted_places(host) or (prep.i > 0 and _counted_places(doc[prep.i - 1])):
        return True
    if host.i in trigger_toks:
        return False
    if prep.lower_ in OUTSIDE_PREPS:
        # "outposts around X" locates; "held the villages around X" is a claim around X, but
        # "a village near X fell" is a claim on the village, its subject
        return host.pos_ == "NOUN" and (host.lower_ not in HELD_OBJECTS
                                        or host.dep_ in ("nsubj", "nsubjpass"))
    if host.lower_ in HELD_OBJECTS and host.lower_ not in PLACE_HEADS:
        return False  # "positions in the town"
    if _in_other(host.i, place, places):
        return True
    # a parse that hangs "in X" on the verb: the place right before the preposition locates
    if host.pos_ not in ("NOUN", "PROPN") or host.lower_ not in PLACE_HEADS:
        return False
    if host.lower_ in FACILITY_HEADS:
        # "a Taliban base in X", "the last junta outpost in X" put the claim on X; "the police
        # headquarters in X" is a place of its own
        return any(c.dep_ == "det" and c.lower_ == "the" for c in host.children) and \
            not _side_owned(host, ("compound", "amod"))
    return True



def locates_place(doc, place: Place, places: list[Place]) -> bool:
    """Whether the place only says where another of `places` is: "Wad al-Noura, a village in
    X", "Abu Shouk camp near X", "camp, on the edge of X" (a thing in it, "the market in X",
    is still in it)."""
    tok = _place_root(doc, place)
    if _in_description(doc, tok, place, places):
        return True
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    host = tok.head.head
    if _edge_of_place(doc, host, place, places):
        return True
    if host.lower_ in PART_WORDS and host.dep_ == "pobj":
        host = host.head.head  # what is on the edge
    # "the Abu Shouk displacement camp near X": the host phrase names a place of its own
    if any(q is not place and not q.landmark and host.left_edge.i <= q.start and q.end <= host.i + 1
           for q in places):
        return True
    return tok.head.i > 0 and _follows_place(doc, tok.head, place, places)


def _after_named_place(doc, place: Place, places: list[Place]) -> bool:
    """ "the village of Krokhmalne near Kupiansk in Kharkiv region", "Kuhna Deh in Khost wa
    Fereng district": a place right after a named place and a locating preposition only says
    where the named one is, however the parse hangs the preposition (it often hangs it on the
    verb); so does a facility taken ("the headquarters of the 9th Battalion near X"). Another
    common noun before it is a thing in the place ("a base in X"): is_locator decides."""
    i = place.start - 1
    while i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in LOCATOR_PREPS:
        return False
    q = _place_before(doc, doc[i], place, places)
    return q is not None and q.kind is not None and (
        q.text[:1].isupper() or bool(HELD_FACILITIES.intersection(q.text.lower().split())))


def opens_the_sentence(span, place: Place, places: list[Place]) -> tuple[int, set] | None:
    """ "In Nyala, ...", "Further north, in Takhar's Warsaj district, ...": a place named after
    an opening "In" or "At" and closed by a comma. Returns the comma's token index and the keys
    of the places in that opening, or None."""
    doc = span.doc
    i = span.start
    # past a leading adverbial: "Further north, in X," "Elsewhere, in X,"
    comma = next((t.i for t in doc[i:min(place.start, i + 4)] if t.text == ","), None)
    if comma is not None:
        i = comma + 1
    if doc[i].lower_ not in ("in", "at") or place.start <= i:
        return None
    frame = {place.key}
    for t in doc[i + 1:place.start]:
        other = next((q for q in places if q.start <= t.i < q.end), None)
        if other is not None:
            frame.add(other.key)  # "In Takhar's Warsaj district,"
        elif t.lower_ not in SCENE_WORDS:
            return None
    end = place.end
    while end < span.end and (doc[end].lower_ in PLACE_HEADS or doc[end].lower_ == "'s"):
        end += 1
    if end >= span.end or doc[end].text != ",":
        return None
    return end, frame


def sets_the_scene(span, place: Place, places: list[Place]) -> bool:
    """ "In neighbouring Sagaing region, the junta retook Pinlebu": a place that opens the
    sentence after "In" or "At" only sets the scene when the sentence names another place; with
    none ("In nearby Kawlin, troops entered the town") the claim is on it."""
    opening = opens_the_sentence(span, place, places)
    if opening is None:
        return False
    end, frame = opening
    return any(q.start > end and not q.landmark and q.key not in frame for q in places)


def _edge_of_place(doc, part, place: Place, places: list[Place]) -> bool:
    """Whether `part` (the head of "of X") is a part word said of another place: "camp, on the
    north-western edge of X", however the parse hangs "on"."""
    return part.lower_ in PART_WORDS and part.dep_ == "pobj" and \
        _follows_place(doc, part.head, place, places)


def _other_at(i: int, place: Place, places: list[Place]) -> Place | None:
    """Another place (no landmark) that covers token i."""
    return next((q for q in places if q is not place and not q.landmark and q.start <= i < q.end),
                None)


def _in_other(i: int, place: Place, places: list[Place]) -> bool:
    return _other_at(i, place, places) is not None


def _in_description(doc, tok, place: Place, places: list[Place]) -> bool:
    """ "Kyaukme, a strategic town on the Mandalay-Lashio highway", "Prymorske, a village near
    Stepnohirsk": a place inside an apposition that describes another place locates it."""
    for anc in tok.ancestors:
        if anc.dep_ == "appos" and anc.head.i != anc.i and \
                _in_other(anc.head.i, place, places) and (anc.lower_ in PLACE_HEADS
                                                          or anc.lemma_.lower() in PLACE_HEADS):
            return True
        if anc.dep_ in ("relcl", "ccomp", "advcl", "ROOT"):
            return False
    return False



def _follows_place(doc, prep, place: Place, places: list[Place]) -> bool:
    return _place_before(doc, prep, place, places) is not None


def _place_before(doc, prep, place: Place, places: list[Place]) -> Place | None:
    """The other place right before a preposition, if one is."""
    before = prep.i - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1  # "Gida Ayana town, in East Wollega zone"
    if before >= 0 and _in_other(before, place, places):
        return _other_at(before, place, places)
    # "Khinj and Rokha districts in X": past the place word to the names
    while before >= 0 and (
        doc[before].lower_ in PLACE_HEADS or doc[before].lower_ in PLACE_OF_WORDS
    ):
        before -= 1
    return _other_at(before, place, places) if before >= 0 else None


def repelled_override(found: list[Found], triggers: list[Trigger],
                      attrs: list[Attribution] = ()) -> None:
    """An advance "pushed back" later in the sentence is a repelled attack on that place.

    Not when another source says it: "Moscow says X taken, Kyiv says Y assault beaten back".
    """
    repels = [t for t in triggers if t.type == "repelled"]
    for f in found:
        if f.type in ("other", "contested", "captured") and any(
            r.start > f.trigger.start and not _own_clause(r, f)
            and for_token(r.key, attrs) is for_token(f.trigger.key, attrs) for r in repels
        ):
            f.type = "repelled"


def _own_clause(repel: Trigger, f: Found) -> bool:
    """Whether the repel sits in a clause with a subject of its own that the claim is not in:
    "Russia captured A, while Ukraine said its troops had repelled attacks on B"."""
    verb = repel.key
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for clause, subjects in _subject_clauses(verb, ("advcl", "conj", "ccomp")):
        # "... and that all of them had been repelled": a subject that points back is the
        # attack already named, not a clause of its own
        if not any(c.lower_ in _BACK_POINTING for c in subjects):
            return not _covers(clause, f.trigger.key.i)
    return False


def _subject_clauses(verb, deps: tuple[str, ...]):
    """`verb` and its ancestors that head a clause of a kind in `deps` with its own subject."""
    for clause in [verb, *verb.ancestors]:
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if clause.dep_ in deps and subjects:
            yield clause, subjects


def _covers(clause, i: int) -> bool:
    return clause.left_edge.i <= i <= clause.right_edge.i


_BACK_POINTING = frozenset({"all", "they", "them", "it", "both", "each", "most", "these",
                            "those", "attack", "attacks", "assault", "assaults"})


def controller(f: Found, actor_at, registry, principal: list[str]) -> str | None:
    """The actor the claim says holds or gained the place."""
    if f.type in ("contested", "casualties"):
        return None
    trig = f.trigger
    key = trig.key
    attr = f.attribution
    claimant_actor = attr.actors[0] if attr and attr.actors and registry.kind(attr.actors[0]) in (
        "armed_group", "state") else None
    subject_actor = None
    agent = None
    for child in key.children:
        if child.dep_ == "agent":
            for g in child.subtree:
                agent = agent or actor_at(g.i)
    holder = key
    if key.dep_ in ("advcl", "xcomp", "conj") and not any(
        c.dep_.startswith("nsubj") for c in key.children
    ):
        # "pushed into X, reaching Y": the subject of the verb it hangs on
        holder = key.head
    while holder.pos_ not in ("VERB", "AUX") and holder.head.i != holder.i and \
            holder.dep_ in ("pobj", "prep", "dobj", "attr", "acomp"):
        holder = holder.head  # "remained in control of X": the subject of "remained"
    subj = next((c for c in holder.children if c.dep_ in ("nsubj",)), None)
    if subj is not None:
        for g in subj.subtree:
            subject_actor = subject_actor or actor_at(g.i)
        if subject_actor is None and (subj.lower_ in ("it", "they", "we")
                                      or subj.lower_ in PRESENCE_SUBJECTS):
            subject_actor = claimant_actor
    # "tried to storm X but were pushed back": the passive is on the trigger, not its holder
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in holder.children) or \
        any(c.dep_ == "auxpass" for c in key.children) or _bare_participle(key)
    phrase = trig.phrase
    if f.type == "repelled":
        attacker = subject_actor
        if trig.type == "repelled" and not passive:
            # "repelled an RSF assault": the attacker is named in the object
            attacker = next((actor_at(g.i) for c in key.children if c.dep_ == "dobj"
                             for g in c.subtree if actor_at(g.i)), None)
            if subject_actor and subject_actor != attacker:
                return subject_actor
        if trig.type == "repelled" and not passive and subject_actor:
            return subject_actor
        if claimant_actor and claimant_actor != attacker:
            return claimant_actor
        others = [a for a in principal if a != attacker]
        return others[0] if others else None
    # "under Taliban control", "in the army's hands", "in their hands": the holder is named
    # inside the trigger phrase itself
    if f.type in ("controls", "captured") and phrase.split()[0] in ("in", "under"):
        for i in range(trig.start, trig.end):
            if actor_at(i):
                return actor_at(i)
            if key.doc[i].lower_ in ("its", "their", "our") and claimant_actor:
                return claimant_actor
        # "under the control of the RSF", "in the hands of the army": the holder follows "of"
        doc = key.doc
        if trig.end < len(doc) and doc[trig.end].lower_ == "of":
            for i in range(trig.end + 1, min(trig.end + 5, len(doc))):
                if actor_at(i):
                    return actor_at(i)
    # "X fell to the rebels": the side it fell to
    if f.type == "captured" and not passive:
        for prep in (c for c in key.children if c.dep_ == "prep" and c.lower_ == "to"):
            got = next((actor_at(g.i) for g in prep.subtree if actor_at(g.i)), None)
            if got:
                return got
    if phrase in LOSER_SUBJECT or f.type == "lost":
        loser = subject_actor or claimant_actor
        others = [a for a in principal if a != loser]
        return others[0] if (f.type == "lost" and others) else None
    if agent:
        return agent
    if subject_actor:
        return subject_actor
    if f.type == "other":
        return None  # a position ("reached", "advancing") names its holder or none
    if f.type == "captured" and key.lemma_.lower() == "fall":
        return claimant_actor  # "the town fell", said by the side that says it took it
    if f.type == "controls" and subj is not None:
        return claimant_actor  # "X continues to stand", said by its defender
    if passive or subj is None:
        return claimant_actor
    return None


def event_date(span, trig: Trigger, published) -> dt_date | None:  # noqa: F821
    words = dates.find(span.text, published)
    if not words:
        return None
    anchor = trig.key.idx - span.start_char
    nearest = min(words, key=lambda w: min(abs(w.start - anchor), abs(w.end - anchor)))
    return nearest.date


def called_false(trig: Trigger) -> bool:
    """Whether the trigger sits in a report the sentence calls false (rules.FALSE_WORDS).

    "Reports that X has fallen are false", "claims that X was taken are lies": the clause hangs
    on a report noun that is the subject of a copula whose complement is a word of falsehood.
    """
    def is_false(verb) -> bool:
        return verb.lemma_ == "be" and any(
            c.dep_ in ("acomp", "attr") and (c.lower_ in FALSE_WORDS or c.lemma_ in FALSE_WORDS)
            for c in verb.children)

    tok = trig.key
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("acl", "ccomp", "relcl") and tok.head.lower_ in DENIED_OBJECTS:
            noun = tok.head
            return noun.dep_ == "nsubj" and is_false(noun.head)
        if tok.dep_ == "csubj":  # "what their media publish about the fall of X is a lie"
            return is_false(tok.head)
        tok = tok.head
    return False


def hedge(text: str) -> str | None:
    m = _HEDGE.search(text)
    return m.group().strip() if m else None


def outside_own_clauses(trig: Trigger, attrs: list[Attribution]) -> Attribution | None:
    """For a claim no saying verb governs, the first source not speaking in a clause of its own.

    "Russian forces captured A, according to the ministry, while Ukraine's general staff said
    ...": the general staff speaks only in the "while" clause; the capture is the ministry's.
    """
    doc = trig.key.doc
    speaking = [a for a in attrs if a.verb_i is not None]
    for attr in sorted(speaking, key=lambda a: a.passive):  # a named source before the outlet
        verb = doc[attr.verb_i]
        # "..., while X said", "..., and residents say food is running out"
        inside = any(not _covers(clause, trig.key.i) and (clause.dep_ == "conj" or any(
            c.dep_ == "mark" or c.lower_ in ("while", "but", "whereas") for c in clause.children))
            for clause, _ in _subject_clauses(verb, ("advcl", "conj")))
        if not inside:
            return attr
    # every source speaks only in a clause of its own: the claim is the outlet's
    return OUTLET_VOICE if speaking else None


def for_trigger(trig: Trigger, attrs: list[Attribution]) -> Attribution | None:
    """Return the attribution of a trigger's claim.

    "Clashes were reported in X, according to a worker": a passive report verb with no agent is
    the outlet's voice only when nobody else is named as the source.
    """
    attr = for_token(trig.key, attrs)
    if attr is not None and attr.passive and attr.claimant == OUTLET:
        doc = trig.key.doc
        named = next((a for a in attrs if a.verb_i is not None
                      and doc[a.verb_i].lower_ == "according"), None)
        # "Clashes were reported around X, residents said": the residents report it
        named = named or next((a for a in attrs if not a.passive and a.verb_i is not None
                               and not a.denial and a.claimant not in (None, OUTLET)
                               and doc[a.verb_i].dep_ != "advcl"), None)  # not "as X claims"
        if named is not None:
            return named
    return attr

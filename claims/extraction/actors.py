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
    # a state medium's state, whom its unnamed sources speak for; an allied group's ally
    side: str | None = None
    country: str | None = None  # ISO code of the state an army or government belongs to
    # Generic names that mean this actor only in an article whose places are in one country:
    # "the resistance" is the NRF in Panjshir and the PDF in Sagaing. ISO code -> aliases.
    local_aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class ActorMatch:
    """One actor named in a text: offsets into that text and the canonical entry."""

    start: int
    end: int
    text: str
    entry: ActorEntry


_PRO_ANTI = re.compile(r"(?<![\w-])(?:pro|anti)-$", re.I)


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
        # country -> (alias key -> entry, regex of those aliases)
        self._local: dict[str, tuple[dict[str, ActorEntry], re.Pattern]] = {}
        local: dict[str, dict[str, ActorEntry]] = {}
        for entry in self.entries:
            for code, names in entry.local_aliases:
                for alias in names:
                    local.setdefault(code.upper(), {}).setdefault(_key(alias), entry)
        for code, keys in local.items():
            names = {re.sub(r"^the\s+", "", k) for k in keys}
            self._local[code] = (keys, re.compile(
                rf"(?<![\w])(?:{alternation(names)})(?![\w])", re.I))

    def resolve(self, text: str | None, country: str | None = None) -> str | None:
        """Return the canonical name for an actor name or alias, or None.

        `country` is the country of the article's places: it lets the local aliases of that
        theatre ("the resistance") resolve.
        """
        if not text:
            return None
        key = _key(text)
        entry = self._by_key.get(key)
        if entry is None and country in self._local:
            entry = self._local[country][0].get(key)
        if key in self._caps_keys:
            bare = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
            if not bare.isupper():
                entry = None  # "un" is not the UN
        if entry is None:
            found = self.find(text, country)
            if len(found) == 1 and found[0].end - found[0].start >= len(text.strip()) * 0.6:
                entry = found[0].entry
        return entry.name if entry else None

    def entry(self, name: str) -> ActorEntry | None:
        return self._by_name.get(name)

    def side(self, name: str | None) -> str | None:
        """The side an actor is on: its `side` if it has one (an ally, a state medium), else
        itself."""
        entry = self._by_name.get(name or "")
        return (entry.side or entry.name) if entry is not None else name

    def kind(self, name: str | None) -> str | None:
        entry = self._by_name.get(name or "")
        return entry.kind if entry else None

    def find(self, text: str, country: str | None = None) -> list[ActorMatch]:
        """Return every actor named in text, longest match first at each position.

        With `country`, the local aliases of that theatre match too (the longest match wins).
        """
        spans = []
        passes = [(self._caps, self._by_key), (self._other, self._by_key)]
        if country in self._local:
            keys, rx_local = self._local[country]
            passes.append((rx_local, keys))
        for rx, keys in passes:
            for m in rx.finditer(text):
                entry = keys.get(_key(m.group()))
                if entry is None:  # an apostrophe or spacing variant: fold once more
                    entry = keys.get(_key(re.sub(r"\s+", " ", m.group())))
                # "pro-Russian bloggers", "anti-Fano militias" are not the actor named
                if entry is not None and not _PRO_ANTI.search(text, 0, m.start()):
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
        local = tuple((code.upper(), tuple(names))
                      for code, names in row.get("local_aliases", {}).items())
        entries.append(ActorEntry(row["name"], kind, tuple(row.get("aliases", ())),
                                  row.get("side"), row.get("country"), local))
    return entries


@functools.cache
def default_registry() -> ActorRegistry:
    """Return the registry loaded from data/actors.toml, built once per process."""
    return ActorRegistry(load())

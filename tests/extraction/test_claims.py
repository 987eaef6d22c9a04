"""Claim types, places, controllers, denials, hedges and dates."""

import datetime as dt

import pytest

TYPES = [
    ("Taliban fighters captured Qarabel on Friday, the group said.",
     "Qarabel", "captured", "Taliban"),
    ("Russia's defence ministry said its forces had taken Novoselivka.",
     "Novoselivka", "captured", "Russia"),
    ("The Taliban said Qarabel was under their full control.", "Qarabel", "controls", "Taliban"),
    ("The RSF said clashes were going on in Nyala.", "Nyala", "contested", None),
    ("The Sudanese army said it had repelled an RSF assault on El Fasher.",
     "El Fasher", "repelled", "SAF"),
    ("Tigray forces said they had entered Kombolcha.", "Kombolcha", "other", "Tigray forces"),
    ("The Taliban said their fighters had surrounded Dorak.", "Dorak", "other", "Taliban"),
    ("Medics said six civilians were killed in Lashio.", "Lashio", "casualties", None),
]


@pytest.mark.parametrize("text, place, ctype, controller", TYPES)
def test_it_types_the_claim_and_names_the_controller(run, text, place, ctype, controller):
    [claim] = run(text).claims
    assert (claim.place, claim.claim_type, claim.claimed_controller) == (place, ctype, controller)


def test_a_sentence_naming_two_places_gives_two_claims(run):
    claims = run("Taliban spokesman Omar Hadi said the districts of Qarabel and Dorak had been "
                 "taken.").claims
    assert [(c.place, c.claim_type) for c in claims] == [
        ("Qarabel", "captured"), ("Dorak", "captured")]
    assert all(c.place_kind == "district" and c.admin_parent == "Sarvan" for c in claims)


def test_a_place_outside_the_gazetteer_is_kept_unresolved(run):
    [claim] = run("Rebels said they had seized the town of Belmora on Friday.").claims
    assert claim.place == "Belmora"
    assert claim.place_geonames_id is None
    assert claim.place_kind == "city"


@pytest.mark.parametrize("text", [
    "The Taliban vowed to capture Qarabel.",  # an aim
    "The Taliban will take Qarabel soon, a commander warned.",  # a condition
    "Qarabel lies 80 km north of Sarvan.",  # a description
    "Taliban fighters took part in a parade in Qarabel.",  # "take part" is not a capture
    "The first flight took off from Nyala on Friday.",
    "Qarabel did not fall, the resistance said.",  # a negation
])
def test_it_does_not_read_aims_descriptions_or_negations_as_claims(run, text):
    assert [c for c in run(text).claims if c.claim_type != "denied"] == []


def test_a_repelled_attack_by_a_named_attacker_is_not_credited_to_the_attacker(run):
    [claim] = run("The army said it had repelled an RSF assault on El Fasher.").claims
    assert claim.claim_type == "repelled"
    assert claim.claimed_controller != "RSF"


def test_a_landmark_is_not_the_place_of_the_claim(run):
    claims = run("Militia fighters said they had reached Talkhan, 20 km north of Dorak.").claims
    assert [c.place for c in claims] == ["Talkhan"]


def test_a_denial_points_at_the_claims_it_denies(run):
    text = ("Taliban spokesman Omar Hadi said the districts of Qarabel and Dorak had been "
            "taken.\n\n"
            "Anti-Taliban forces have denied the claim.")
    ex = run(text)
    denials = [c for c in ex.claims if c.stance == "denies"]
    assert [(c.place, c.claimant, c.claimed_controller, c.claim_type) for c in denials] == [
        ("Qarabel", "NRF", "Taliban", "denied"), ("Dorak", "NRF", "Taliban", "denied")]
    assert [ex.claims[i].place for d in denials for i in d.denies] == ["Qarabel", "Dorak"]


def test_a_denial_of_a_named_place(run):
    text = ("Tigray forces said they had entered Kombolcha.\n\n"
            "The Ethiopian government denied that rebel fighters were in Kombolcha.")
    ex = run(text)
    [denial] = [c for c in ex.claims if c.stance == "denies"]
    assert (denial.place, denial.claimant, denial.claimed_controller) == (
        "Kombolcha", "Ethiopian government", "Tigray forces")
    assert denial.denies == (0,)


def test_did_not_confirm_is_not_a_denial(run):
    text = ("The RSF said it had seized Nyala.\n\n"
            "The army did not confirm the claim.")
    assert [c.stance for c in run(text).claims] == ["asserts"]


@pytest.mark.parametrize("text, note", [
    ("The RSF said it had seized Nyala, which could not be independently verified.",
     "could not be independently verified"),
    ("Rebels reportedly entered Lashio on Friday.", "reportedly"),
    ("The Taliban said they had captured Dorak, in an unconfirmed report.", "unconfirmed"),
])
def test_a_hedge_in_the_sentence_qualifies_its_claims(run, text, note):
    [claim] = run(text).claims
    assert claim.verification_note == note


def test_a_hedge_on_its_own_qualifies_the_claims_it_points_back_at(run):
    text = ("The RSF said it had seized Nyala.\n\nReuters cannot independently verify the claim.")
    [claim] = run(text).claims
    assert claim.verification_note == "cannot independently verify"


def test_a_hedge_about_something_else_does_not_qualify_earlier_claims(run):
    text = ("The RSF said it had seized Nyala.\n\nPhone lines to the region could not be verified "
            "as working, officials said.")
    [claim] = run(text).claims
    assert claim.verification_note is None


@pytest.mark.parametrize("time_word, expected", [
    ("on Friday", dt.date(2022, 10, 7)),
    ("on Friday night", dt.date(2022, 10, 7)),
    ("overnight", dt.date(2022, 10, 8)),
    ("over the weekend", None),
])
def test_the_event_date_comes_from_the_sentence(run, time_word, expected):
    [claim] = run(f"The Taliban said they had captured Dorak {time_word}.").claims
    assert claim.event_date == expected


def test_offsets_point_into_the_original_text(run):
    text = (" date 2022-10-08 Rebels said they seized Nyala.\n\n"
            "READ MORE: elsewhere\n\n"
            "Medics said two people were killed in Lashio.")
    ex = run(text, published=None)
    for claim in ex.claims:
        assert text[claim.sentence_start:claim.sentence_end] == claim.sentence
        assert text[claim.place_start:claim.place_end] == claim.place
    for m in ex.mentions:
        assert text[m.start:m.end] == m.text
    assert ex.claims[0].sentence == "Rebels said they seized Nyala."


def test_progress_is_reported_up_to_one_hundred(run):
    seen = []
    ex = run("The RSF said it had seized Nyala.", progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 100
    assert set(ex.timings) >= {"parse", "claims"}
    assert ex.extractor_version.startswith("rules-")

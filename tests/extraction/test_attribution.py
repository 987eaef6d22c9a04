"""Who makes the claim, in the shapes reporting uses."""

import pytest

SHAPES = [
    # (text, claimant, speaker, role contains)
    ("Taliban spokesman Omar Hadi said on Friday the district of Qarabel had been taken.",
     "Taliban", "Omar Hadi", "Taliban spokesman"),
    ("The district of Qarabel had been taken, said Taliban spokesman Omar Hadi.",
     "Taliban", "Omar Hadi", "Taliban spokesman"),
    ("Qarabel has fallen to the Taliban, according to a Taliban source.",
     "Taliban", None, "Taliban source"),
    ("Omar Hadi, a spokesman for the Taliban, told Reuters that Qarabel had been captured.",
     "Taliban", "Omar Hadi", "spokesman for the Taliban"),
    ("The NRF tweeted that its fighters had recaptured Qarabel.", "NRF", None, None),
    ("Resistance commander Leyla Sarwari wrote on Facebook that Qarabel was under their control.",
     "NRF", "Leyla Sarwari", "Resistance commander"),
    ("The RSF said in a statement that it had seized Nyala.", "RSF", None, None),
    ("Witnesses said fighting broke out in Nyala.", "Witnesses", None, None),
    ("Heavy fighting broke out in Lashio on Friday.", "outlet", None, None),
    ("Fighting was reported in Lashio on Friday.", "outlet", None, None),
    # a name the source chose to give is the speaker's, and the role before it is theirs
    ("A Taliban commander who gave his name only as Karim told us by phone that his men had "
     "captured Qarabel.", "Taliban", "Karim", "Taliban commander"),
    ("A Taliban commander, who gave his name as Karim, said his men had captured Qarabel.",
     "Taliban", "Karim", "Taliban commander"),
]


@pytest.mark.parametrize("text, claimant, speaker, role", SHAPES)
def test_it_attributes_each_shape(run, text, claimant, speaker, role):
    [claim] = run(text).claims
    assert claim.claimant == claimant
    assert claim.speaker == speaker
    if role:
        assert role in (claim.speaker_role or "")


def test_he_said_is_the_last_named_speaker(run):
    text = ("Taliban spokesman Omar Hadi said the district of Qarabel had been taken.\n\n"
            "\"Our fighters are advancing toward Dorak,\" he said on Twitter.")
    claims = run(text).claims
    assert [c.place for c in claims] == ["Qarabel", "Dorak"]
    assert claims[1].speaker == "Omar Hadi"
    assert claims[1].claimant == "Taliban"
    assert claims[1].speaker_role == "Taliban spokesman"


def test_a_surname_speaker_links_to_the_full_name_and_side(run):
    text = ("The NRF, led by commander Leyla Sarwari, said on Friday it had repelled an attack.\n\n"
            "In a video message, Sarwari insisted Sarvan \"continues to stand\".")
    claim = run(text).claims[-1]
    assert claim.place == "Sarvan"
    assert claim.speaker == "Leyla Sarwari"
    assert claim.claimant == "NRF"
    assert claim.claim_type == "controls"


def test_a_quote_running_over_sentences_keeps_its_speaker(run):
    text = ("\"We will not leave. Qarabel remains under our control,\" "
            "resistance commander Leyla Sarwari said.")
    [claim] = run(text).claims
    assert claim.place == "Qarabel"
    assert claim.speaker == "Leyla Sarwari"
    assert claim.claimant == "NRF"


def test_an_unnamed_spokesman_is_named_by_the_next_attribution(run):
    text = ("A spokesman for the Taliban said its fighters had reached Dorak but were pushed back."
            "\n\n\"We will try again,\" Omar Hadi said in a tweet.")
    [claim] = run(text).claims
    assert claim.claim_type == "repelled"
    assert claim.claimant == "Taliban"
    assert claim.speaker == "Omar Hadi"


def test_an_outlet_relaying_another_is_not_the_claimant(run):
    # the article's outlet relays; the medium that reported it is the source
    [claim] = run("Taliban forces captured Qarabel on Friday, TOLOnews reported.").claims
    assert claim.claimant == "TOLOnews"
    assert claim.claimed_controller == "Taliban"


def test_a_state_medium_citing_an_unnamed_source_speaks_for_its_state(run):
    [claim] = run("TASS reported, quoting nobody by name but citing an official in the security "
                  "services, that Russian units had seized Novoselivka.").claims
    assert claim.claimant == "Russia"


def test_both_sides_claim_jointly(run):
    text = ("The Taliban and the NRF fought in Sarvan.\n\n"
            "Both sides claimed the upper hand in Dorak.")
    claim = run(text).claims[-1]
    assert claim.place == "Dorak"
    assert claim.claimant == "Taliban and NRF"
    assert claim.claim_type == "contested"


def test_an_institution_named_again_is_its_actor(run):
    text = ("Ukraine's general staff said Russian attacks were continuing.\n\n"
            "\"Our units repelled four attacks near Novoselivka,\" the general staff said.")
    claim = run(text).claims[-1]
    assert claim.claimant == "Ukraine"
    assert claim.claim_type == "repelled"
    assert claim.claimed_controller == "Ukraine"


def test_an_organisation_named_with_its_town_is_the_source_not_a_person(run):
    [claim] = run("Nine civilians were killed in Nyala, the Nyala Emergency Response Room, a "
                  "volunteer network, said in a statement.").claims
    assert (claim.claimant, claim.speaker) == ("Nyala Emergency Response Room", None)


@pytest.mark.parametrize("text, expected", [
    # a rank abbreviation does not cut the speaker off from what he said
    ("The RSF said it had entered Nyala.\n\nMilitary spokesman Brig. Gen. Idris Salih said "
     "Nyala remains in the hands of the armed forces.",
     {"claimant": "SAF", "speaker": "Idris Salih"}),
    # an assessment is a claim of whoever assessed
    ("ISW published its daily update.\n\nThe Institute for the Study of War assessed that "
     "Russian forces likely control most of Novoselivka.", {"claimant": "ISW"}),
    # "we" outside any quotation is the outlet; inside one, the side quoted
    ("The RSF said it had entered Nyala.\n\nWe assess that the RSF now controls most of Nyala.",
     {"claimant": "outlet"}),
    ("The RSF said it had entered Nyala.\n\n\u201cWe now control most of Nyala,\u201d the group "
     "said.", {"claimant": "RSF"}),
    # "saying" after a comma speaks for the main clause, however deep the parse hangs it
    ("The TPLF said its forces had entered Kombolcha.\n\nThe federal government dismissed "
     "reports that the TPLF had entered Kombolcha, saying in a statement that the town was "
     "calm and under the control of the army.",
     {"claim_type": "controls", "claimant": "Ethiopian government"}),
    # an institution named bare belongs to the side its sentence is about first
    ("Russian forces shelled Kherson on Saturday.\n\nUkrainian troops pushed back an attack on "
     "Novoselivka late on Sunday, the General Staff said.", {"claimant": "Ukraine"}),
    ("Russian forces shelled Kherson on Saturday.\n\nUkrainian troops pushed Russian forces out "
     "of Novoselivka, according to a military spokesman.", {"claimant": "Ukraine"}),
    # a state medium citing a ministry it does not name the owner of cites its own state's
    ("Fighting went on around Novoselivka.\n\nTASS reported, citing the defence ministry, that "
     "Russian troops had taken Novoselivka.", {"claimant": "Russia"}),
    ("Fighting went on around Novoselivka.\n\nTASS reported, citing Ukraine's defence "
     "ministry, that Ukrainian troops had retaken Novoselivka.", {"claimant": "Ukraine"}),
], ids=["rank-abbreviation", "assessed", "we-outside-quotes", "we-inside-quotes",
        "saying-after-comma", "bare-general-staff", "bare-military-spokesman",
        "state-medium-cites-bare-ministry", "state-medium-cites-named-ministry"])
def test_the_source_of_the_last_claim(run, text, expected):
    last = run(text).claims[-1]
    assert {k: getattr(last, k) for k in expected} == expected


@pytest.mark.parametrize("intro", [
    "Omar Hadi says he leads about 2,000 Taliban fighters in Sarvan.",
    "Omar Hadi, who commands a Taliban unit in Sarvan, spoke to us by phone.",
])
def test_a_person_who_leads_a_sides_men_is_of_that_side(run, intro):
    [claim] = run(intro + " He said his men had captured Qarabel on Friday.").claims
    assert (claim.claimant, claim.speaker) == ("Taliban", "Omar Hadi")


def test_an_interviews_answers_are_the_interviewees(run):
    text = ("Omar Hadi says he leads about 2,000 Taliban fighters in Sarvan.\n\n"
            "Q: What happened in Qarabel?\n\n"
            "We took Qarabel on Friday, and our men still hold it.\n\n"
            "The aid worker\n\n"
            "Heavy fighting broke out in Dorak on Saturday, residents said.")
    got = [(c.place, c.claimant, c.speaker) for c in run(text).claims]
    assert ("Qarabel", "Taliban", "Omar Hadi") in got
    # a new section ends the interview: the next sentence has its own source
    assert got[-1] == ("Dorak", "residents", None)


def test_according_to_him_is_the_last_named_speaker(run):
    text = ("Omar Hadi, a Taliban commander, said his men had taken Qarabel.\n\n"
            "According to him, 40 soldiers surrendered in Dorak.")
    got = [(c.place, c.claimant, c.speaker) for c in run(text).claims]
    assert got[-1] == ("Dorak", "Taliban", "Omar Hadi")


@pytest.mark.parametrize("text, claimant", [
    ("Kolo, an influential Russian military blog, said on Monday that Russian troops had "
     "captured Novoselivka.", "Kolo"),
    ("MapWatch, the Ukrainian open-source mapping project, reported on Monday that Russian "
     "forces had advanced in the western part of Novoselivka.", "MapWatch"),
])
def test_a_medium_the_registry_lacks_is_its_own_source_not_the_side_it_belongs_to(
        run, text, claimant):
    [claim] = run(text).claims
    assert (claim.place, claim.claimant) == ("Novoselivka", claimant)


def test_a_source_after_a_place_that_opens_the_sentence_still_speaks(run):
    # the parse takes "El Fasher" for the subject of "said"; the division right before it speaks
    text = ("In El Fasher, the besieged capital of North Darfur, the army's 6th Infantry "
            "Division said on Monday that it had retaken Kombolcha.")
    [claim] = run(text).claims
    assert (claim.place, claim.claimant) == ("Kombolcha", "SAF")


@pytest.mark.parametrize("again", ["the bulletin said", "the security source added"])
def test_a_source_named_again_by_a_definite_phrase_is_the_side_before(run, again):
    text = ("Russia's defence ministry said its troops had captured Novoselivka.\n\n"
            f"Units of the Sever group repelled an attack on Kherson, {again}.")
    got = [(c.place, c.claimant) for c in run(text).claims]
    assert got[-1] == ("Kherson", "Russia")


def test_the_outlets_own_name_is_no_place(gazetteer):
    from claims.extraction import pipeline, places
    from claims.extraction.entities import nlp_for

    names = pipeline._outlet_names("NEWSWIRE State News Agency", gazetteer)
    assert names == {"NEWSWIRE"}
    # a place's name is never taken for the outlet's: "The Kabul Times" names Kabul
    assert pipeline._outlet_names("The Talkhan Herald", gazetteer) == frozenset()
    doc = nlp_for(gazetteer)("Russian troops had reached the outskirts of Kalay Sofla, NEWSWIRE "
                             "notes.")
    found = places.find(doc[:], gazetteer, lambda t: False, names)
    assert [p.text for p in found] == ["Kalay Sofla"]


def test_a_rank_before_the_name_leaves_the_apposition_its_side(run):
    got = run("The briefing was given in Port Sudan by Brigadier General Omar Hadi, official "
              "spokesman of the Sudanese Armed Forces. Hadi said Nyala had been retaken.").claims
    assert [(c.claimant, c.speaker, c.speaker_role) for c in got] == [
        ("SAF", "Omar Hadi", "official spokesman of the Sudanese Armed Forces")]


def test_a_transcripts_speaker_labels_say_who_speaks(run):
    text = ("The following is a transcript of a briefing by Omar Hadi, spokesman of the "
            "Sudanese Armed Forces.\n\n"
            "HADI: Good afternoon. Our forces cleared Talkhan yesterday.\n\n"
            "QUESTION (Sara Lind, Nordic Radio): The RSF says it took Nyala. Is that true?\n\n"
            "HADI: Nyala is under our control.\n\n"
            "The briefing ended after an hour. Fighting was reported in Lashio.")
    got = [(c.place, c.claimant) for c in run(text).claims]
    assert got == [("Talkhan", "SAF"), ("Nyala", "RSF"), ("Nyala", "SAF"),
                   ("Lashio", "outlet")]

"""claim_review and claim_correct: an editor flags and corrects; history is append-only."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims.models import ClaimCorrection, Review
from claims.selectors.claims import with_effective_values
from claims.services.reviews import StaleReview, claim_correct, claim_review
from tests.factories import make_actor, make_claim, make_district, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return make_claim(place=make_district("Qarabel"))


def test_it_sets_the_flag_and_records_who_from_and_to(claim, editor):
    review = claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=1,
                          note="Two local sources agree.",
                          evidence=["https://example.org/report"])

    claim.refresh_from_db()
    assert claim.flag == "verified"
    assert claim.version == 2
    assert (review.editor, review.from_flag, review.to_flag) == (editor, "unverified", "verified")
    assert review.note == "Two local sources agree."
    assert review.evidence == ["https://example.org/report"]
    assert review.claim_version == 1


def test_it_keeps_every_review_as_a_new_row(claim, editor):
    claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=1)
    claim_review(claim=claim, editor=editor, to_flag="false", seen_version=2, note="Retracted.")

    history = list(Review.objects.filter(claim=claim).order_by("created_at", "pk")
                   .values_list("from_flag", "to_flag"))
    assert history == [("unverified", "verified"), ("verified", "false")]


def test_it_rejects_a_stale_review_and_shows_the_newer_one(claim, editor):
    first = claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=1)

    with pytest.raises(StaleReview) as raised:
        claim_review(claim=claim, editor=editor, to_flag="false", seen_version=1)

    assert raised.value.claim.version == 2
    assert raised.value.claim.flag == "verified"
    assert raised.value.latest_review == first
    assert Review.objects.filter(claim=claim).count() == 1


def test_a_stale_review_with_no_reviews_yet_names_none(claim, editor):
    with pytest.raises(StaleReview) as raised:
        claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=7)
    assert raised.value.latest_review is None


def test_it_refuses_a_reporter(claim, reporter):
    with pytest.raises(PermissionDenied):
        claim_review(claim=claim, editor=reporter, to_flag="verified", seen_version=1)
    claim.refresh_from_db()
    assert (claim.flag, claim.version) == ("unverified", 1)


def test_it_refuses_an_outsider(claim, outsider):
    with pytest.raises(PermissionDenied):
        claim_review(claim=claim, editor=outsider, to_flag="verified", seen_version=1)


@pytest.mark.parametrize("flag", ["corroborated", "disputed", "nonsense"])
def test_it_refuses_flags_that_are_computed_or_unknown(claim, editor, flag):
    with pytest.raises(ValidationError) as raised:
        claim_review(claim=claim, editor=editor, to_flag=flag, seen_version=1)
    assert "to_flag" in raised.value.message_dict
    assert not Review.objects.exists()


@pytest.mark.parametrize("link", ["javascript:alert(1)", "not a link", "ftp://example.org/x"])
def test_it_refuses_evidence_that_is_not_a_web_link(claim, editor, link):
    with pytest.raises(ValidationError) as raised:
        claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=1,
                     evidence=[link])
    assert "evidence" in raised.value.message_dict


def test_a_correction_is_stored_beside_the_extraction(claim, editor):
    nrf = make_actor("NRF")
    speaker = make_person("Nadia Rahimi")
    correction = claim_correct(claim=claim, editor=editor, seen_version=1,
                               claimed_controller=nrf, speaker=speaker, claim_type="repelled",
                               event_date=dt.date(2021, 9, 3), note="Misread the sentence.")

    claim.refresh_from_db()
    assert claim.claimed_controller.name == "Taliban"  # the extraction is untouched
    assert claim.claim_type == "captured"
    assert claim.version == 2
    effective = with_effective_values().get(pk=claim.pk)
    assert effective.eff_claimed_controller_id == nrf.pk
    assert effective.eff_speaker_id == speaker.pk
    assert effective.eff_claim_type == "repelled"
    assert effective.eff_event_date == dt.date(2021, 9, 3)
    assert correction.claim_version == 1
    assert correction.stance == ""  # not given, so not recorded


def test_a_correction_records_only_what_changed(claim, editor):
    correction = claim_correct(claim=claim, editor=editor, seen_version=1,
                               claimed_controller=claim.claimed_controller,
                               claim_type="controls")
    assert correction.claimed_controller is None
    assert correction.claim_type == "controls"


def test_a_correction_that_changes_nothing_is_refused(claim, editor):
    with pytest.raises(ValidationError):
        claim_correct(claim=claim, editor=editor, seen_version=1)
    with pytest.raises(ValidationError):
        claim_correct(claim=claim, editor=editor, seen_version=1, claim_type="captured",
                      place=claim.place)
    assert not ClaimCorrection.objects.exists()
    claim.refresh_from_db()
    assert claim.version == 1


def test_a_correction_with_an_unknown_type_is_refused(claim, editor):
    with pytest.raises(ValidationError) as raised:
        claim_correct(claim=claim, editor=editor, seen_version=1, claim_type="teleported")
    assert "claim_type" in raised.value.message_dict


def test_a_stale_correction_is_refused(claim, editor):
    claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=1)
    with pytest.raises(StaleReview):
        claim_correct(claim=claim, editor=editor, seen_version=1, claim_type="controls")
    assert not ClaimCorrection.objects.exists()


def test_a_reporter_cannot_correct(claim, reporter):
    with pytest.raises(PermissionDenied):
        claim_correct(claim=claim, editor=reporter, seen_version=1, claim_type="controls")


def test_a_review_after_a_correction_needs_the_new_version(claim, editor):
    claim_correct(claim=claim, editor=editor, seen_version=1, stance="denies")
    with pytest.raises(StaleReview):
        claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=1)
    review = claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=2)
    assert review.claim_version == 2

"""POST and GET /api/v1/claims/{id}/reviews/: editors set flags; a stale version is a 409."""

import pytest

from claims.models import Review
from claims.services.reviews import claim_review
from tests.factories import make_claim, make_district

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return make_claim(place=make_district("Qarabel"))


def url(claim) -> str:
    return f"/api/v1/claims/{claim.pk}/reviews/"


def test_an_editor_verifies_a_claim_with_a_note_and_evidence(api, claim, editor):
    response = api.post(url(claim), {"to_flag": "verified", "seen_version": 1,
                                     "note": "Matches the district governor's statement.",
                                     "evidence": ["https://example.org/statement"]})

    assert response.status_code == 201
    body = response.json()
    assert body["review"]["editor"] == editor.username
    assert (body["review"]["from_flag"], body["review"]["to_flag"]) == ("unverified", "verified")
    assert body["review"]["evidence"] == ["https://example.org/statement"]
    assert (body["claim"]["flag"], body["claim"]["version"]) == ("verified", 2)


def test_a_stale_version_gets_409_with_the_current_state_and_newest_review(api, claim, editor):
    claim_review(claim=claim, editor=editor, to_flag="false", seen_version=1,
                 note="The outlet retracted it.")

    response = api.post(url(claim), {"to_flag": "verified", "seen_version": 1})

    assert response.status_code == 409
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (409, "conflict")
    assert (error["claim"]["flag"], error["claim"]["version"]) == ("false", 2)
    assert error["latest_review"]["note"] == "The outlet retracted it."
    assert Review.objects.count() == 1


def test_the_history_lists_every_review_newest_first(api, claim, editor):
    claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=1)
    claim_review(claim=claim, editor=editor, to_flag="false", seen_version=2)

    history = api.get(url(claim)).json()

    assert [(r["from_flag"], r["to_flag"]) for r in history] == [
        ("verified", "false"), ("unverified", "verified")]


def test_a_reporter_can_read_the_history(read_api, claim):
    assert read_api.get(url(claim)).status_code == 200


def test_a_reporters_session_cannot_review(reporter_client, claim):
    response = reporter_client.post(url(claim), {"to_flag": "verified", "seen_version": 1},
                                    content_type="application/json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_an_editors_session_can_review(editor_client, claim):
    response = editor_client.post(url(claim), {"to_flag": "verified", "seen_version": 1},
                                  content_type="application/json")
    assert response.status_code == 201


@pytest.mark.parametrize("body,field", [
    ({"to_flag": "corroborated", "seen_version": 1}, "to_flag"),
    ({"to_flag": "verified"}, "seen_version"),
    ({"to_flag": "verified", "seen_version": 1, "evidence": ["javascript:alert(1)"]},
     "evidence"),
    ({"to_flag": "verified", "seen_version": 1, "note": 7}, "note"),
])
def test_a_bad_review_is_a_400_naming_the_field(api, claim, body, field):
    response = api.post(url(claim), body)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert not Review.objects.exists()


def test_reviewing_an_unknown_claim_is_404(api, db):
    response = api.post("/api/v1/claims/999999/reviews/", {"to_flag": "verified",
                                                           "seen_version": 1})
    assert response.status_code == 404


def test_a_review_must_be_json(api, claim):
    response = api.post(url(claim), "to_flag=verified", content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["error"]["status"] == 415


def test_reviews_cannot_be_deleted(api, claim):
    response = api.client.delete(url(claim), headers=api._headers(None))
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"

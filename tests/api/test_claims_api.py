"""GET /api/v1/claims/ and /claims/{id}/: filters, cursor pages, corrections, caching."""

import datetime as dt

import pytest
from django.utils import timezone

from claims.services.reviews import claim_correct, claim_review
from tests.factories import (
    make_actor,
    make_article,
    make_claim,
    make_district,
    make_person,
    make_province,
)

pytestmark = pytest.mark.django_db


def _at(day: str) -> dt.datetime:
    return timezone.make_aware(dt.datetime.fromisoformat(day + "T09:00"), dt.UTC)


@pytest.fixture
def cast(editor):
    """Three current claims in two provinces, and one a re-run no longer finds."""
    north, south = make_province("Northvale"), make_province("Southmarch")
    qarabel = make_district("Qarabel", province=north)
    dashtak = make_district("Dashtak", province=north)
    ravin = make_district("Ravin", province=south)
    taliban, nrf = make_actor("Taliban"), make_actor("NRF")
    hadi = make_person("Omar Hadi")
    captured = make_claim(
        place=qarabel, controller=taliban, claimant=taliban, speaker=hadi,
        event_date=dt.date(2021, 9, 3),
        article=make_article("Hadi said fighters took the Qarabel bazaar at dawn.",
                             outlet="Valley Wire", published_at=_at("2021-09-04"),
                             title="Qarabel bazaar taken"))
    repelled = make_claim(
        place=dashtak, claim_type="repelled", controller=nrf, claimant=nrf,
        event_date=dt.date(2021, 9, 5), flag="verified",
        article=make_article("Resistance units said they pushed back an attack near Dashtak.",
                             outlet="Ridge Post", published_at=_at("2021-09-06")))
    denied = make_claim(
        place=ravin, claim_type="denied", stance="denies", controller=taliban, claimant=nrf,
        event_date=dt.date(2021, 8, 20), flag="false",
        article=make_article("A resistance spokesman denied that Ravin had changed hands.",
                             outlet="Valley Wire", published_at=_at("2021-08-21")))
    gone = make_claim(place=qarabel, is_current=False)
    return {"north": north, "south": south, "qarabel": qarabel, "dashtak": dashtak,
            "ravin": ravin, "taliban": taliban, "nrf": nrf, "hadi": hadi,
            "captured": captured, "repelled": repelled, "denied": denied, "gone": gone}


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {c["id"] for c in response.json()["results"]}


def test_it_lists_current_claims_newest_first(api, cast):
    results = api.get("/api/v1/claims/").json()["results"]
    assert [c["id"] for c in results] == [cast["denied"].pk, cast["repelled"].pk,
                                          cast["captured"].pk]


def test_a_claim_shows_its_place_sides_speaker_and_article(api, cast):
    claim = api.get(f"/api/v1/claims/{cast['captured'].pk}/").json()

    assert claim["place"]["name"] == "Qarabel"
    assert claim["province"]["name"] == "Northvale"
    assert claim["claimed_controller"]["name"] == "Taliban"
    assert claim["claimant"]["name"] == "Taliban"
    assert claim["speaker"]["name"] == "Omar Hadi"
    assert claim["article"]["outlet"]["name"] == "Valley Wire"
    assert claim["article"]["title"] == "Qarabel bazaar taken"
    assert claim["article"]["api_url"].endswith(f"/api/v1/articles/{claim['article']['id']}/")
    assert (claim["flag"], claim["version"], claim["corrected"]) == ("unverified", 1, False)


def test_an_unknown_claim_is_404_in_the_error_shape(api, db):
    response = api.get("/api/v1/claims/999999/")
    assert response.status_code == 404
    assert response.json() == {"error": {"status": 404, "code": "not_found",
                                          "message": "No claim with this id."}}


@pytest.mark.parametrize("params,expected", [
    (lambda c: {"place": c["qarabel"].pk}, {"captured"}),
    (lambda c: {"province": c["north"].pk}, {"captured", "repelled"}),
    (lambda c: {"actor": c["nrf"].pk}, {"repelled", "denied"}),
    (lambda c: {"claimant": c["taliban"].pk}, {"captured"}),
    (lambda c: {"speaker": c["hadi"].pk}, {"captured"}),
    (lambda c: {"outlet": c["denied"].article.outlet_id}, {"captured", "denied"}),
    (lambda c: {"article": c["repelled"].article_id}, {"repelled"}),
    (lambda c: {"type": "repelled"}, {"repelled"}),
    (lambda c: {"stance": "denies"}, {"denied"}),
    (lambda c: {"flag": "verified"}, {"repelled"}),
    (lambda c: {"flag": "false"}, {"denied"}),
    (lambda c: {"event_from": "2021-09-04"}, {"repelled"}),
    (lambda c: {"event_to": "2021-09-03"}, {"captured", "denied"}),
    (lambda c: {"event_from": "2021-09-01", "event_to": "2021-09-04"}, {"captured"}),
    (lambda c: {"published_from": "2021-09-05"}, {"repelled"}),
    (lambda c: {"published_to": "2021-08-31"}, {"denied"}),
    (lambda c: {"q": "bazaar"}, {"captured"}),
    (lambda c: {"q": "RAVIN"}, {"denied"}),
    (lambda c: {"q": ""}, {"captured", "repelled", "denied"}),
    (lambda c: {"province": c["south"].pk, "stance": "asserts"}, set()),
    (lambda c: {"event_from": "2021-09-05", "event_to": "2021-09-01"}, set()),
])
def test_each_filter_narrows_the_list(api, cast, params, expected):
    assert ids(api.get("/api/v1/claims/", params(cast))) == {cast[n].pk for n in expected}


def test_superseded_claims_appear_only_when_asked(api, cast):
    assert cast["gone"].pk not in ids(api.get("/api/v1/claims/"))
    assert cast["gone"].pk in ids(api.get("/api/v1/claims/", {"include_superseded": "true"}))


def test_filters_see_editors_corrections(api, cast, editor):
    claim_correct(claim=cast["captured"], editor=editor, seen_version=1, place=cast["ravin"],
                  claimed_controller=cast["nrf"], claim_type="controls")

    assert cast["captured"].pk in ids(api.get("/api/v1/claims/", {"place": cast["ravin"].pk}))
    assert cast["captured"].pk not in ids(api.get("/api/v1/claims/",
                                                  {"place": cast["qarabel"].pk}))
    assert cast["captured"].pk in ids(api.get("/api/v1/claims/", {"type": "controls"}))
    shown = api.get(f"/api/v1/claims/{cast['captured'].pk}/").json()
    assert shown["place"]["name"] == "Ravin"
    assert shown["province"]["name"] == "Southmarch"
    assert shown["claimed_controller"]["name"] == "NRF"
    assert shown["corrected"] is True
    assert shown["place_text"] == "Qarabel"  # what the article said stays visible


@pytest.mark.parametrize("params,field", [
    ({"place": "Qarabel"}, "place"),
    ({"type": "teleported"}, "type"),
    ({"flag": "corroborated"}, "flag"),
    ({"event_from": "yesterday"}, "event_from"),
    ({"flag": ""}, "flag"),
    ({"page_size": "lots"}, "page_size"),
    ({"place": str(2**70)}, "place"),
])
def test_a_bad_filter_is_a_400_naming_it(api, db, params, field):
    response = api.get("/api/v1/claims/", params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"]


def test_cursor_pages_stay_stable_while_claims_arrive(api, db):
    district = make_district()
    older = [make_claim(place=district) for _ in range(5)]

    first = api.get("/api/v1/claims/", {"page_size": 2}).json()
    make_claim(place=district)  # news arrives while the client pages
    second = api.get(first["next"]).json()
    third = api.get(second["next"]).json()

    seen = [c["id"] for page in (first, second, third) for c in page["results"]]
    assert seen == [c.pk for c in reversed(older)]
    assert third["next"] is None


def test_an_invalid_cursor_is_a_404(api, db):
    assert api.get("/api/v1/claims/", {"cursor": "bogus"}).status_code == 404


def test_it_answers_304_to_a_matching_etag(api, cast):
    first = api.get("/api/v1/claims/")
    etag = first["ETag"]

    again = api.get("/api/v1/claims/", headers={"If-None-Match": etag})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_the_etag_changes_when_a_claim_is_reviewed(api, cast, editor):
    etag = api.get("/api/v1/claims/")["ETag"]
    claim_review(claim=cast["captured"], editor=editor, to_flag="verified", seen_version=1)

    response = api.get("/api/v1/claims/", headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag


def test_it_answers_304_when_not_modified_since(api, cast):
    first = api.get(f"/api/v1/claims/{cast['captured'].pk}/")
    last_modified = first["Last-Modified"]

    again = api.get(f"/api/v1/claims/{cast['captured'].pk}/",
                    headers={"If-Modified-Since": last_modified})
    stale = api.get(f"/api/v1/claims/{cast['captured'].pk}/",
                    headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})

    assert again.status_code == 304
    assert stale.status_code == 200


def test_errors_carry_no_etag(api, db):
    assert "ETag" not in api.get("/api/v1/claims/999999/")


def test_a_page_of_claims_costs_a_fixed_number_of_queries(api, cast, django_assert_max_num_queries):
    for _ in range(20):
        make_claim(place=cast["ravin"], speaker=cast["hadi"])
    # auth and token bookkeeping, the page, places, parents, actors, people, Last-Modified
    with django_assert_max_num_queries(12):
        response = api.get("/api/v1/claims/", {"page_size": 30})
    assert len(response.json()["results"]) == 23

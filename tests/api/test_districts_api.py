"""/api/v1/districts/: the board's statuses and evidence, with its filters and ?as_of=."""

import datetime as dt

import pytest
from django.utils import timezone

from claims.services.reviews import claim_review
from tests.factories import make_actor, make_article, make_claim, make_district, make_province

pytestmark = pytest.mark.django_db


def _at(day: str) -> dt.datetime:
    return timezone.make_aware(dt.datetime.fromisoformat(day + "T09:00"), dt.UTC)


def _claim(place, day, **kw):
    article = make_article(f"Report on {place.name}, {day}. {kw.get('claim_type', 'captured')}",
                           published_at=_at(day), outlet=kw.pop("outlet", "Valley Wire"))
    return make_claim(place=place, article=article, event_date=dt.date.fromisoformat(day), **kw)


@pytest.fixture
def board(editor):
    north, south = make_province("Northvale"), make_province("Southmarch")
    qarabel = make_district("Qarabel", province=north, lat=35.1, lon=69.2)
    dashtak = make_district("Dashtak", province=north)
    ravin = make_district("Ravin", province=south)
    kelan = make_district("Kelan", province=south, lat=None, lon=None)
    taliban, nrf = make_actor("Taliban"), make_actor("NRF")
    verified = _claim(qarabel, "2021-09-03", controller=taliban, claimant=taliban)
    claim_review(claim=verified, editor=editor, to_flag="verified", seen_version=1)
    _claim(dashtak, "2021-09-04", controller=taliban, claimant=taliban)
    _claim(ravin, "2021-09-03", controller=taliban, claimant=taliban)
    _claim(ravin, "2021-09-08", controller=nrf, claimant=nrf, claim_type="repelled",
           outlet="Ridge Post")
    return {"north": north, "south": south, "qarabel": qarabel, "dashtak": dashtak,
            "ravin": ravin, "kelan": kelan, "taliban": taliban, "nrf": nrf,
            "verified": verified}


def statuses(response) -> dict[str, str]:
    assert response.status_code == 200, response.content
    return {row["place"]["name"]: row["status"] for row in response.json()["results"]}


def test_it_lists_every_district_with_its_status(read_api, board):
    response = read_api.get("/api/v1/districts/")

    assert statuses(response) == {"Qarabel": "confirmed", "Dashtak": "claimed",
                                  "Ravin": "disputed", "Kelan": "no_reports"}
    qarabel = next(r for r in response.json()["results"] if r["id"] == board["qarabel"].pk)
    assert qarabel["controller"]["name"] == "Taliban"
    assert qarabel["province"]["name"] == "Northvale"
    assert qarabel["last_change"] == "2021-09-03"
    assert (qarabel["reports"], qarabel["independent_sources"]) == (1, 1)
    assert response.json()["count"] == 4


@pytest.mark.parametrize("params,expected", [
    (lambda b: {"province": b["north"].pk}, {"Qarabel", "Dashtak"}),
    (lambda b: {"province": "southmarch"}, {"Ravin", "Kelan"}),
    (lambda b: {"status": "claimed"}, {"Dashtak"}),
    (lambda b: {"status": "no_reports"}, {"Kelan"}),
    (lambda b: {"actor": b["nrf"].pk}, {"Ravin"}),
    (lambda b: {"actor": "Taliban"}, {"Qarabel", "Dashtak", "Ravin"}),
    (lambda b: {"q": "kel"}, {"Kelan"}),
])
def test_each_filter_narrows_the_board(read_api, board, params, expected):
    assert set(statuses(read_api.get("/api/v1/districts/", params(board)))) == expected


def test_as_of_shows_the_picture_before_later_reports(read_api, board):
    before = statuses(read_api.get("/api/v1/districts/", {"as_of": "2021-09-05T12:00"}))
    day_only = statuses(read_api.get("/api/v1/districts/", {"as_of": "2021-09-02"}))

    assert before["Ravin"] == "claimed"  # NRF's report came on the 8th
    # The verification happened today, so on the 5th the capture was only claimed.
    assert before["Qarabel"] == "claimed"
    assert set(day_only.values()) == {"no_reports"}


def test_a_bad_as_of_is_a_400_naming_it(read_api, board):
    response = read_api.get("/api/v1/districts/", {"as_of": "last week"})
    assert response.status_code == 400
    assert "as_of" in response.json()["error"]["fields"]


def test_a_bad_status_is_a_400(read_api, board):
    response = read_api.get("/api/v1/districts/", {"status": "occupied"})
    assert response.status_code == 400
    assert "status" in response.json()["error"]["fields"]


def test_a_district_shows_its_evidence_newest_first(read_api, board):
    response = read_api.get(f"/api/v1/districts/{board['ravin'].pk}/")

    detail = response.json()
    assert detail["status"] == "disputed"
    evidence = detail["evidence"]
    assert [e["controller"]["name"] for e in evidence] == ["NRF", "Taliban"]
    assert [e["outlet"] for e in evidence] == ["Ridge Post", "Valley Wire"]
    assert evidence[0]["sentence"].startswith("Report on Ravin")
    assert evidence[0]["article_url"].endswith(f"/api/v1/articles/{evidence[0]['article_id']}/")
    assert {e["flag"] for e in evidence} == {"disputed"}


def test_a_district_shows_the_review_history_of_its_claims(read_api, board, editor):
    evidence = read_api.get(f"/api/v1/districts/{board['qarabel'].pk}/").json()["evidence"]

    assert evidence[0]["flag"] == "verified"
    assert evidence[0]["version"] == 2
    assert [(r["from_flag"], r["to_flag"]) for r in evidence[0]["reviews"]] == [
        ("unverified", "verified")]


def test_a_district_as_of_hides_later_claims(read_api, board):
    detail = read_api.get(f"/api/v1/districts/{board['ravin'].pk}/",
                          {"as_of": "2021-09-05"}).json()
    assert len(detail["evidence"]) == 1
    assert detail["as_of"].startswith("2021-09-05T23:59:59")


def test_an_unknown_district_is_404(read_api, db):
    assert read_api.get("/api/v1/districts/999999/").status_code == 404


def test_the_board_answers_304_to_a_matching_etag(read_api, board):
    first = read_api.get("/api/v1/districts/")
    assert first["Last-Modified"]
    again = read_api.get("/api/v1/districts/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_a_new_report_changes_the_board_etag(read_api, board):
    etag = read_api.get("/api/v1/districts/")["ETag"]
    _claim(board["kelan"], "2021-09-09", controller=board["nrf"], claimant=board["nrf"])

    response = read_api.get("/api/v1/districts/", headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert statuses(response)["Kelan"] == "claimed"


def test_a_district_answers_304_when_not_modified_since(read_api, board):
    path = f"/api/v1/districts/{board['qarabel'].pk}/"
    first = read_api.get(path)
    again = read_api.get(path, headers={"If-Modified-Since": first["Last-Modified"]})
    assert again.status_code == 304

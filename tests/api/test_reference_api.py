"""/api/v1/places/, actors/, outlets/: read-only reference data."""

import pytest

from tests.factories import make_actor, make_district, make_outlet, make_province

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    north = make_province("Northvale")
    return {"north": north, "qarabel": make_district("Qarabel", province=north),
            "dashtak": make_district("Dashtak", province=north),
            "ravin": make_district("Ravin", province=make_province("Southmarch"))}


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


def test_places_are_listed_by_name_with_their_parent(read_api, places):
    response = read_api.get("/api/v1/places/")
    assert names(response) == ["Dashtak", "Northvale", "Qarabel", "Ravin", "Southmarch"]
    qarabel = response.json()["results"][2]
    assert qarabel["parent"] == {"id": places["north"].pk, "name": "Northvale",
                                 "kind": "province"}
    assert (qarabel["lat"], qarabel["lon"]) == (35.0, 69.0)


@pytest.mark.parametrize("params,expected", [
    (lambda p: {"kind": "province"}, ["Northvale", "Southmarch"]),
    (lambda p: {"parent": p["north"].pk}, ["Dashtak", "Qarabel"]),
    (lambda p: {"q": "ra"}, ["Qarabel", "Ravin"]),
])
def test_places_filter_by_kind_parent_and_name(read_api, places, params, expected):
    assert names(read_api.get("/api/v1/places/", params(places))) == expected


def test_places_page_by_limit_and_offset(read_api, places):
    page = read_api.get("/api/v1/places/", {"limit": 2, "offset": 2}).json()
    assert page["count"] == 5
    assert [p["name"] for p in page["results"]] == ["Qarabel", "Ravin"]


def test_a_bad_limit_is_a_400(read_api, places):
    assert read_api.get("/api/v1/places/", {"limit": "all"}).status_code == 400


def test_one_place(read_api, places):
    response = read_api.get(f"/api/v1/places/{places['ravin'].pk}/")
    assert response.json()["name"] == "Ravin"
    assert read_api.get("/api/v1/places/999999/").status_code == 404


def test_actors_are_listed_and_searched(read_api, db):
    taliban = make_actor("Taliban", color="#333333")
    make_actor("NRF")
    assert names(read_api.get("/api/v1/actors/")) == ["NRF", "Taliban"]
    assert names(read_api.get("/api/v1/actors/", {"q": "tali"})) == ["Taliban"]
    assert read_api.get(f"/api/v1/actors/{taliban.pk}/").json()["color"] == "#333333"


def test_outlets_are_listed_and_searched(read_api, db):
    ridge = make_outlet("Ridge Post")
    make_outlet("Valley Wire")
    assert names(read_api.get("/api/v1/outlets/")) == ["Ridge Post", "Valley Wire"]
    assert names(read_api.get("/api/v1/outlets/", {"q": "wire"})) == ["Valley Wire"]
    assert read_api.get(f"/api/v1/outlets/{ridge.pk}/").json()["name"] == "Ridge Post"


def test_reference_data_is_read_only(api, db):
    response = api.post("/api/v1/actors/", {"name": "New Front"})
    assert response.status_code == 405
    assert response.json()["error"]["status"] == 405

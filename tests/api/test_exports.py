"""/api/v1/exports/: claims as CSV, districts as GeoJSON, reviewed claims as ClaimReview."""

import csv
import io
import json

import pytest

from claims.services.reviews import claim_review
from tests.factories import make_article, make_claim, make_district, make_person, make_province

pytestmark = pytest.mark.django_db


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_claims_export_as_csv_with_corrected_values(api, db):
    district = make_district("Qarabel", province=make_province("Northvale"))
    claim = make_claim(place=district, speaker=make_person("Omar Hadi"))

    [row] = rows(api.get("/api/v1/exports/claims.csv"))

    assert row["id"] == str(claim.pk)
    assert (row["place"], row["province"], row["claimed_controller"]) == (
        "Qarabel", "Northvale", "Taliban")
    assert row["speaker"] == "Omar Hadi"
    assert row["outlet"] == "Valley Wire"


def test_cells_that_a_spreadsheet_would_run_are_neutralised(api, db):
    hostile = '=HYPERLINK("http://evil.example","click") said the statement'
    article = make_article(hostile, title="@SUM(A1:A9)", outlet="+Plus Outlet")
    make_claim(place=make_district(), article=article, speaker_role="-1+2")

    [row] = rows(api.get("/api/v1/exports/claims.csv"))

    assert row["sentence"] == "'" + hostile
    assert row["article_title"] == "'@SUM(A1:A9)"
    assert row["outlet"] == "'+Plus Outlet"
    assert row["speaker_role"] == "'-1+2"
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())


def test_the_csv_takes_the_claim_filters(api, db):
    keep = make_claim(place=make_district("Qarabel"), claim_type="controls")
    make_claim(place=make_district("Dashtak"), claim_type="captured")

    exported = rows(api.get("/api/v1/exports/claims.csv", {"type": "controls"}))

    assert [r["id"] for r in exported] == [str(keep.pk)]


def test_a_bad_csv_filter_answers_json(api, db):
    response = api.get("/api/v1/exports/claims.csv", {"flag": "maybe"},
                       headers={"Accept": "text/csv"})
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["flag"]


def test_district_statuses_export_as_geojson_points(api, db):
    district = make_district("Qarabel", province=make_province("Northvale"), lat=35.5,
                             lon=69.25)
    make_claim(place=district)
    make_district("Nowhere", lat=None, lon=None)

    response = api.get("/api/v1/exports/districts.geojson")

    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f for f in collection["features"]}
    assert by_name["Qarabel"]["geometry"] == {"type": "Point", "coordinates": [69.25, 35.5]}
    assert by_name["Qarabel"]["properties"]["status"] == "claimed"
    assert by_name["Qarabel"]["properties"]["controller"] == "Taliban"
    assert by_name["Nowhere"]["geometry"] is None


def test_the_geojson_takes_the_district_filters(api, db):
    make_claim(place=make_district("Qarabel"))
    make_district("Quiet")
    features = json.loads(api.get("/api/v1/exports/districts.geojson",
                                  {"status": "no_reports"}).content)["features"]
    assert [f["properties"]["name"] for f in features] == ["Quiet"]


def test_verified_and_false_claims_export_as_claim_reviews(api, editor, db):
    district = make_district("Qarabel")
    true = make_claim(place=district, speaker=make_person("Omar Hadi"))
    false = make_claim(place=district)
    make_claim(place=district)  # unreviewed: not exported
    claim_review(claim=true, editor=editor, to_flag="verified", seen_version=1,
                 note="Confirmed by two residents.")
    claim_review(claim=false, editor=editor, to_flag="false", seen_version=1)

    response = api.get("/api/v1/exports/claim-reviews.jsonld")

    assert response["Content-Type"] == "application/ld+json"
    document = json.loads(response.content)
    assert document["@context"] == "https://schema.org"
    by_url = {item["url"].rsplit("/", 2)[-2]: item for item in document["@graph"]}
    assert set(by_url) == {str(true.pk), str(false.pk)}
    verified = by_url[str(true.pk)]
    assert verified["@type"] == "ClaimReview"
    assert verified["claimReviewed"] == true.sentence
    assert verified["reviewRating"]["alternateName"] == "True"
    assert verified["reviewBody"] == "Confirmed by two residents."
    assert verified["itemReviewed"]["author"] == {"@type": "Person", "name": "Omar Hadi"}
    assert verified["itemReviewed"]["appearance"]["publisher"]["name"] == "Valley Wire"
    assert by_url[str(false.pk)]["reviewRating"]["ratingValue"] == 1


def test_exports_need_credentials(anonymous):
    assert anonymous.get("/api/v1/exports/claims.csv").status_code == 401
    assert anonymous.get("/api/v1/exports/districts.geojson").status_code == 401

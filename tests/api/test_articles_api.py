"""/api/v1/articles/: upload as JSON or a file, follow extraction, list an article's claims."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims.models import Article
from tests.factories import make_article, make_claim, make_district, make_run

pytestmark = pytest.mark.django_db

TEXT = ("Local elders in Qarabel told reporters on Tuesday that the road to the district "
        "centre had reopened after two days of clashes.")


def test_an_editor_uploads_an_article_as_json(api, editor):
    response = api.post("/api/v1/articles/", {
        "body": TEXT, "outlet": "Valley Wire", "title": "Road reopens",
        "url": "https://valleywire.example/road", "published_at": "2021-09-05T10:30:00Z"})

    assert response.status_code == 201
    article = response.json()
    assert article["title"] == "Road reopens"
    assert article["outlet"]["name"] == "Valley Wire"
    assert article["published_at"] == "2021-09-05T10:30:00Z"
    assert article["source"] == "api"
    assert article["extraction"]["status"] == "queued"
    assert article["claims_url"].endswith(f"/api/v1/articles/{article['id']}/claims/")
    assert Article.objects.get().uploaded_by == editor


def test_the_same_text_twice_answers_200_with_the_first_article(api):
    first = api.post("/api/v1/articles/", {"body": TEXT})
    again = api.post("/api/v1/articles/", {"body": "  " + TEXT + "\n"})

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert Article.objects.count() == 1


def test_an_editor_uploads_a_file_with_header_lines(api):
    upload = SimpleUploadedFile("report.txt", ("Title: Clashes ease\nOutlet: Ridge Post\n\n"
                                               + TEXT).encode())

    response = api.post("/api/v1/articles/", {"file": upload}, content_type=None)

    assert response.status_code == 201, response.content
    article = response.json()
    assert (article["title"], article["outlet"]["name"]) == ("Clashes ease", "Ridge Post")
    assert article["filename"] == "report.txt"


def test_a_binary_file_is_a_400_naming_the_file(api):
    upload = SimpleUploadedFile("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    response = api.post("/api/v1/articles/", {"file": upload}, content_type=None)
    assert response.status_code == 400
    assert "file" in response.json()["error"]["fields"]
    assert not Article.objects.exists()


@pytest.mark.parametrize("body,field", [
    ({}, "body"),
    ({"body": "   "}, "body"),
    ({"body": TEXT, "url": "javascript:alert(1)"}, "url"),
    ({"body": TEXT, "published_at": "the other day"}, "published_at"),
    ({"body": TEXT, "title": 12}, "title"),
])
def test_a_bad_upload_is_a_400_naming_the_field(api, body, field):
    response = api.post("/api/v1/articles/", body)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert not Article.objects.exists()


def test_a_too_large_article_is_413(api, settings):
    settings.NEWSDESK_MAX_ARTICLE_BYTES = 50
    response = api.post("/api/v1/articles/", {"body": TEXT})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert not Article.objects.exists()


def test_a_too_large_file_is_413(api, settings):
    settings.NEWSDESK_MAX_ARTICLE_BYTES = 50
    upload = SimpleUploadedFile("long.txt", TEXT.encode())
    response = api.post("/api/v1/articles/", {"file": upload}, content_type=None)
    assert response.status_code == 413


def test_a_huge_request_is_refused_before_it_is_read(api, settings):
    settings.NEWSDESK_MAX_ARTICLE_BYTES = 10
    response = api.post("/api/v1/articles/", {"body": "x" * 70_000})
    assert response.status_code == 413


def test_an_upload_in_another_format_is_415(api):
    response = api.post("/api/v1/articles/", TEXT, content_type="text/plain")
    assert response.status_code == 415


def test_a_read_token_cannot_upload(read_api):
    assert read_api.post("/api/v1/articles/", {"body": TEXT}).status_code == 403


def test_a_reporters_session_cannot_upload(reporter_client):
    response = reporter_client.post("/api/v1/articles/", {"body": TEXT},
                                    content_type="application/json")
    assert response.status_code == 403
    assert "editors" in response.json()["error"]["message"]


def test_an_article_shows_its_extraction_progress(read_api):
    article = make_article(TEXT, title="Road reopens")
    make_run(article, status="running", progress=40)

    shown = read_api.get(f"/api/v1/articles/{article.pk}/").json()

    assert shown["body"] == TEXT
    assert (shown["extraction"]["status"], shown["extraction"]["progress"]) == ("running", 40)
    assert shown["claims_count"] == 0


def test_the_article_list_carries_each_latest_run(read_api):
    done = make_article("First report about the pass.")
    make_run(done, status="done", progress=100)
    waiting = make_article("Second report about the valley.")
    make_run(waiting, status="queued")

    results = read_api.get("/api/v1/articles/").json()["results"]

    assert [(a["id"], a["extraction_status"]) for a in results] == [
        (waiting.pk, "queued"), (done.pk, "done")]


def test_an_articles_claims_are_listed(read_api):
    district = make_district()
    article = make_article()
    mine = make_claim(place=district, article=article)
    make_claim(place=district)  # another article's

    response = read_api.get(f"/api/v1/articles/{article.pk}/claims/")

    assert [c["id"] for c in response.json()["results"]] == [mine.pk]
    assert "ETag" in response


def test_an_unknown_article_is_404(read_api, db):
    assert read_api.get("/api/v1/articles/999999/").status_code == 404
    assert read_api.get("/api/v1/articles/999999/claims/").status_code == 404

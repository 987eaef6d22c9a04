"""Who gets in: tokens (read and write scope), browser sessions, and nobody else."""

import pytest

from claims.services.tokens import token_revoke
from tests.api.conftest import ApiClient
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def test_an_anonymous_request_gets_401_with_a_challenge(anonymous):
    response = anonymous.get("/api/v1/claims/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["error"]["status"] == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_an_unknown_token_gets_401():
    response = ApiClient("nd_not-a-real-token").get("/api/v1/claims/")
    assert response.status_code == 401
    assert "Unknown API token" in response.json()["error"]["message"]


def test_a_revoked_token_gets_401(write_token, editor):
    token, secret = write_token
    token_revoke(token=token, revoked_by=editor)

    response = ApiClient(secret).get("/api/v1/claims/")

    assert response.status_code == 401
    assert "revoked" in response.json()["error"]["message"]


def test_a_token_works_with_the_token_keyword_too(write_token):
    client = ApiClient(None)
    response = client.get("/api/v1/claims/", headers={"Authorization": f"Token {write_token[1]}"})
    assert response.status_code == 200


def test_a_token_records_when_it_was_last_used(api, write_token):
    token = write_token[0]
    assert token.last_used_at is None
    api.get("/api/v1/claims/")
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_reporter_reads_with_a_browser_session(reporter_client):
    assert reporter_client.get("/api/v1/claims/").status_code == 200


def test_a_signed_in_user_with_no_role_gets_403(outsider_client):
    response = outsider_client.get("/api/v1/claims/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_a_read_token_cannot_write(read_api):
    claim = make_claim()
    response = read_api.post(f"/api/v1/claims/{claim.pk}/reviews/",
                             {"to_flag": "verified", "seen_version": 1})
    assert response.status_code == 403
    assert "read scope" in response.json()["error"]["message"]


def test_an_editors_read_token_cannot_write_either(editor_read_token):
    claim = make_claim()
    response = ApiClient(editor_read_token[1]).post(
        f"/api/v1/claims/{claim.pk}/reviews/", {"to_flag": "verified", "seen_version": 1})
    assert response.status_code == 403


def test_the_schema_and_its_docs_are_open_and_work_offline(anonymous):
    schema = anonymous.get("/api/v1/schema/")
    docs = anonymous.get("/api/v1/docs/")

    assert schema.status_code == 200
    assert b"openapi: 3" in schema.content
    assert b"tokenAuth" in schema.content
    assert docs.status_code == 200
    # The Swagger UI comes from the sidecar package under our static files, not a CDN.
    assert b"/static/drf_spectacular_sidecar/swagger-ui-dist/" in docs.content
    assert b"cdn.jsdelivr" not in docs.content

"""One JSON error shape everywhere, even for addresses the API does not have."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_unknown_api_address_is_a_json_404(api):
    response = api.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"error": {"status": 404, "code": "not_found",
                                          "message": "No API endpoint at this address."}}


def test_a_post_to_an_unknown_address_is_a_404_not_a_csrf_failure(editor_client):
    response = editor_client.post("/api/v1/claims/abc/reviews/", {})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_malformed_json_is_a_400_in_the_shape(api):
    response = api.post("/api/v1/articles/", "{not json", content_type="application/json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (400, "parse_error")
    assert "JSON" in error["message"]

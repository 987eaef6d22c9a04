"""Each client has its own request budget; over it, 429 with Retry-After."""

import pytest

from tests.api.conftest import ApiClient

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _low_rate(settings):
    settings.NEWSDESK_API_THROTTLE_RATE = "3/min"


def test_a_client_over_its_rate_gets_429_with_retry_after(api):
    statuses = [api.get("/api/v1/actors/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    refused = api.get("/api/v1/actors/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["error"]["code"] == "throttled"


def test_each_token_has_its_own_budget(api, read_api):
    for _ in range(3):
        api.get("/api/v1/actors/")
    assert api.get("/api/v1/actors/").status_code == 429
    assert read_api.get("/api/v1/actors/").status_code == 200


def test_no_rate_means_no_throttle(api, settings):
    settings.NEWSDESK_API_THROTTLE_RATE = None
    assert all(api.get("/api/v1/actors/").status_code == 200 for _ in range(6))


def test_the_session_user_is_throttled_too(reporter_client):
    statuses = [reporter_client.get("/api/v1/actors/").status_code for _ in range(4)]
    assert statuses[-1] == 429


def test_an_anonymous_client_is_refused_before_it_is_counted(anonymous):
    assert {anonymous.get("/api/v1/actors/").status_code for _ in range(5)} == {401}


def test_throttling_applies_to_unknown_tokens_only_after_auth(db):
    # An unknown token is refused by authentication (401) every time, never 429 first.
    client = ApiClient("nd_guess")
    assert {client.get("/api/v1/actors/").status_code for _ in range(5)} == {401}

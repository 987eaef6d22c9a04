"""The API's cast: the desk's people, plus clients holding tokens of each scope."""

import pytest
from django.core.cache import cache
from django.test import Client

from claims.services.tokens import token_create


class ApiClient:
    """A test client that sends one API token with every request and speaks JSON."""

    def __init__(self, secret: str | None):
        self.client = Client()
        self.secret = secret

    def _headers(self, headers):
        merged = {"Authorization": f"Bearer {self.secret}"} if self.secret else {}
        merged.update(headers or {})
        return merged

    def get(self, path, data=None, headers=None):
        return self.client.get(path, data, headers=self._headers(headers))

    def post(self, path, data=None, headers=None, **kw):
        kw.setdefault("content_type", "application/json")
        if kw["content_type"] is None:  # multipart: let the client encode it
            del kw["content_type"]
        return self.client.post(path, data, headers=self._headers(headers), **kw)


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    # Throttle counters live in the cache, which outlives a test's database rollback.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def write_token(editor):
    return token_create(name="desk robot", user=editor, scope="write", created_by=editor)


@pytest.fixture
def read_token(reporter, editor):
    return token_create(name="mapping team", user=reporter, scope="read", created_by=editor)


@pytest.fixture
def editor_read_token(editor):
    return token_create(name="editor dashboard", user=editor, scope="read", created_by=editor)


@pytest.fixture
def api(write_token):
    """A client with the editor's write token."""
    return ApiClient(write_token[1])


@pytest.fixture
def read_api(read_token):
    """A client with a reporter's read token."""
    return ApiClient(read_token[1])


@pytest.fixture
def anonymous():
    return ApiClient(None)

"""The fixed cast: an editor, a reporter, an outsider (signed in, no role) and an admin."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from claims.permissions import EDITORS, REPORTERS


def _user(username: str, group: str | None = None, **kw) -> User:
    user = User.objects.create_user(username=username, password="pw-" + username, **kw)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.fixture
def editor(db):
    return _user("erin", EDITORS, first_name="Erin")


@pytest.fixture
def reporter(db):
    return _user("rafa", REPORTERS, first_name="Rafa")


@pytest.fixture
def outsider(db):
    return _user("olga")


@pytest.fixture
def staff(db):
    return _user("sam", is_staff=True, is_superuser=True)


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor):
    return _client_for(editor)


@pytest.fixture
def reporter_client(reporter):
    return _client_for(reporter)


@pytest.fixture
def outsider_client(outsider):
    return _client_for(outsider)

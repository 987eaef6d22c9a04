"""token_create and token_revoke: editors and the admin issue tokens; secrets are shown once."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from claims.models import ApiToken
from claims.services.tokens import token_create, token_revoke

pytestmark = pytest.mark.django_db


def test_it_stores_only_a_hash_of_the_secret(editor):
    token, secret = token_create(name="mapping team", user=editor, scope="read",
                                 created_by=editor)

    assert secret.startswith("nd_") and len(secret) > 40
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.key_hash, token.prefix}
    assert secret.startswith(token.prefix)
    assert (token.scope, token.user, token.created_by) == ("read", editor, editor)


def test_every_token_gets_its_own_secret(editor):
    _, first = token_create(name="a", user=editor, scope="read", created_by=editor)
    _, second = token_create(name="a", user=editor, scope="read", created_by=editor)
    assert first != second


def test_an_editor_may_issue_a_read_token_for_a_reporter(editor, reporter):
    token, _ = token_create(name="reporter's laptop", user=reporter, scope="read",
                            created_by=editor)
    assert token.user == reporter


def test_the_admin_may_issue_tokens(staff, editor):
    token, _ = token_create(name="wire", user=editor, scope="write", created_by=staff)
    assert token.created_by == staff


def test_a_reporter_may_not_issue_tokens(reporter):
    with pytest.raises(PermissionDenied):
        token_create(name="mine", user=reporter, scope="read", created_by=reporter)
    assert not ApiToken.objects.exists()


def test_a_write_token_must_act_as_an_editor(editor, reporter):
    with pytest.raises(ValidationError) as raised:
        token_create(name="x", user=reporter, scope="write", created_by=editor)
    assert "scope" in raised.value.message_dict


@pytest.mark.parametrize("name,scope,field", [("", "read", "name"), ("x", "admin", "scope")])
def test_it_refuses_a_nameless_or_unknown_scope_token(editor, name, scope, field):
    with pytest.raises(ValidationError) as raised:
        token_create(name=name, user=editor, scope=scope, created_by=editor)
    assert field in raised.value.message_dict


def test_revoking_keeps_the_first_revocation_time(editor):
    token, _ = token_create(name="old", user=editor, scope="read", created_by=editor)
    token_revoke(token=token, revoked_by=editor)
    first = token.revoked_at
    token_revoke(token=token, revoked_by=editor)
    assert first is not None and token.revoked_at == first


def test_a_reporter_may_not_revoke(editor, reporter):
    token, _ = token_create(name="old", user=editor, scope="read", created_by=editor)
    with pytest.raises(PermissionDenied):
        token_revoke(token=token, revoked_by=reporter)


def test_the_command_prints_the_secret_once(editor, capsys):
    call_command("create_api_token", "--name", "wire desk", "--user", editor.username,
                 "--scope", "write")
    secret = capsys.readouterr().out.strip()
    token = ApiToken.objects.get()
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.scope == "write" and token.created_by is None


def test_the_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError):
        call_command("create_api_token", "--name", "x", "--user", "nobody")


def test_the_command_revokes_by_prefix(editor, capsys):
    token, _ = token_create(name="old", user=editor, scope="read", created_by=editor)
    call_command("create_api_token", "--revoke", token.prefix)
    token.refresh_from_db()
    assert token.revoked_at is not None

"""Staff issue and revoke API tokens in the admin; the secret is shown exactly once."""

import re

from claims.models import ApiToken
from claims.services.tokens import token_hash


def _add(client, **data):
    return client.post("/admin/claims/apitoken/add/", data, follow=True)


def test_staff_issue_a_token_and_see_its_secret_once(staff, editor, client):
    client.force_login(staff)
    response = _add(client, name="mapping team", user=editor.pk, scope="write")
    shown = " ".join(str(m) for m in response.context["messages"])
    secret = re.search(r"not shown again: (\S+)", shown).group(1)
    token = ApiToken.objects.get()
    assert token.key_hash == token_hash(secret) and token.created_by == staff
    assert secret not in client.get(f"/admin/claims/apitoken/{token.pk}/change/").content.decode()


def test_the_admin_refuses_a_write_token_for_a_reporter(staff, reporter, client):
    client.force_login(staff)
    response = _add(client, name="wire", user=reporter.pk, scope="write")
    assert "is not an editor" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_staff_revoke_tokens_with_the_action(staff, editor, client):
    client.force_login(staff)
    _add(client, name="old client", user=editor.pk, scope="read")
    token = ApiToken.objects.get()
    client.post("/admin/claims/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_reporters_do_not_reach_the_admin(reporter_client):
    response = reporter_client.get("/admin/claims/apitoken/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

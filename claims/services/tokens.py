"""API tokens for clients: created by editors or the admin, shown once, stored as a hash."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from claims.models import ApiToken
from claims.permissions import is_editor

# Every secret starts with this, so a leaked one is recognisable in logs and secret scanners.
SECRET_PREFIX = "nd_"
PREFIX_LENGTH = 10  # "nd_" and seven characters: enough to tell tokens apart in a list


def token_hash(secret: str) -> str:
    """Return the stored form of a secret (sha256 hex: secrets are long and random, so a
    slow password hash would add latency on every request for no gain)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@transaction.atomic
def token_create(*, name: str, user, scope: str, created_by) -> tuple[ApiToken, str]:
    """Create a token acting as `user`; return it and its secret, which is never shown again.

    `created_by` is the editor or staff member issuing it, or None for the server's shell
    (the create_api_token command), whose operator is trusted like the admin.
    """
    if created_by is not None and not (is_editor(created_by) or created_by.is_staff):
        raise PermissionDenied("Only editors and the admin may create API tokens.")
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = ["Name the client the token is for."]
    elif len(name) > 100:
        errors["name"] = ["The name is longer than 100 characters."]
    if scope not in ApiToken.Scope.values:
        errors["scope"] = [f"{scope!r} is not a scope (read or write)."]
    elif scope == ApiToken.Scope.WRITE and not is_editor(user):
        # A write token acts as its user; one acting as a non-editor could write nothing.
        errors["scope"] = [f"{user} is not an editor, so a write token for them could do "
                           "nothing; give them a read token or make them an editor."]
    if not getattr(user, "is_active", False):
        errors["user"] = ["The token must act as an active user."]
    if errors:
        raise ValidationError(errors)
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name, prefix=secret[:PREFIX_LENGTH], key_hash=token_hash(secret), scope=scope,
        user=user, created_by=created_by,
    )
    return token, secret


@transaction.atomic
def token_revoke(*, token: ApiToken, revoked_by=None) -> ApiToken:
    """Revoke a token from now on; revoking twice keeps the first time."""
    if revoked_by is not None and not (is_editor(revoked_by) or revoked_by.is_staff):
        raise PermissionDenied("Only editors and the admin may revoke API tokens.")
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now())
    token.refresh_from_db(fields=["revoked_at"])
    return token


def token_touch(*, token: ApiToken) -> None:
    """Record that a token was used, at most once a minute so reads stay reads."""
    now = timezone.now()
    if token.last_used_at and (now - token.last_used_at).total_seconds() < 60:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now

"""Token authentication for API clients and the scope permission that goes with it.

A client sends `Authorization: Bearer <secret>` (or `Token <secret>`). Only the sha256 of a
secret is stored, so the lookup is by hash; a revoked token is refused outright rather than
treated as anonymous, so a client learns its token is dead instead of seeing a puzzling 401
about missing credentials.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from claims.models import ApiToken
from claims.services.tokens import token_hash, token_touch

KEYWORDS = ("bearer", "token")


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode("latin-1").lower() not in KEYWORDS:
            return None  # not ours: let session authentication try
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "Send 'Authorization: Bearer <token>' with the token and nothing else.")
        try:
            secret = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("The token is malformed.") from None
        token = (ApiToken.objects.select_related("user")
                 .filter(key_hash=token_hash(secret)).first())
        if token is None:
            raise exceptions.AuthenticationFailed("Unknown API token.")
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed("This API token has been revoked.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("The token's user is inactive.")
        token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request):
        # Its presence makes DRF answer 401 (not 403) to a request without credentials.
        return 'Bearer realm="api"'


class SessionAuthentication(authentication.SessionAuthentication):
    """The browser's session, as DRF's, but unauthenticated requests still answer 401."""

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class TokenScope(permissions.BasePermission):
    """A read-scope token may only read; write scope (or a browser session) may also write.

    Whether the user may do the write at all (editors only) is the service's decision.
    """

    message = "This API token has read scope; writing needs a token with write scope."

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        token = request.auth
        if isinstance(token, ApiToken):
            return token.scope == ApiToken.Scope.WRITE
        return True


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "claims.api.auth.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token: `Authorization: Bearer <token>` "
                           "(create one with `python manage.py create_api_token`).",
        }


class SessionAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "claims.api.auth.SessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}

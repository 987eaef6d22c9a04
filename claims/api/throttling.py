"""Per-client throttling: each API token (or signed-in user) has its own budget."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from claims.models import ApiToken


class ClientRateThrottle(SimpleRateThrottle):
    """Count requests per token, else per user, else per address.

    The rate is read from settings.NEWSDESK_API_THROTTLE_RATE when DRF builds the throttle
    (once per request) rather than from DRF's THROTTLE_RATES, which is frozen at import, so an
    override in a test or a deploy takes effect. No rate (None) means no throttling.
    """

    scope = "client"

    def get_rate(self):
        return getattr(settings, "NEWSDESK_API_THROTTLE_RATE", None)

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"addr-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

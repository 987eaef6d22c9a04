"""Per-client API tokens. Only a hash of the secret is stored; the secret is shown once."""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        READ = "read"
        WRITE = "write"

    name = models.CharField(max_length=100)  # which client: "wire-dashboard", "mapping team"
    prefix = models.CharField(max_length=12, db_index=True)  # shown in lists to tell tokens apart
    key_hash = models.CharField(max_length=64, unique=True)  # sha256 of the secret
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.READ)
    # The user the client acts as (its reviews are recorded under this user).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…, {self.scope})"

"""The Django admin, for staff only. Reviews and corrections are append-only: read-only here."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect

from claims.models import (
    Actor,
    ApiToken,
    Article,
    Claim,
    ClaimCorrection,
    ExtractionRun,
    Mention,
    Outlet,
    Person,
    Place,
    Review,
)
from claims.services.tokens import token_create, token_revoke


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "website", "created_at")
    search_fields = ("name",)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "outlet", "published_at", "source", "uploaded_by", "created_at")
    list_filter = ("source", "outlet")
    search_fields = ("title", "url", "body")
    date_hierarchy = "created_at"
    raw_id_fields = ("uploaded_by",)
    readonly_fields = ("content_hash", "created_at")


@admin.register(ExtractionRun)
class ExtractionRunAdmin(admin.ModelAdmin):
    list_display = ("pk", "article", "status", "progress", "attempts", "extractor_version",
                    "created_at", "finished_at")
    list_filter = ("status",)
    raw_id_fields = ("article",)
    # Run state moves only through claims.services.extraction; the admin only looks.
    readonly_fields = [f.name for f in ExtractionRun._meta.fields]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "parent", "geonames_id", "lat", "lon")
    list_filter = ("kind", "country_code")
    search_fields = ("name", "aliases")
    raw_id_fields = ("parent",)


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "color")
    list_filter = ("kind",)
    search_fields = ("name", "aliases")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "affiliation", "role")
    search_fields = ("name", "aliases")


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ("kind", "text", "canonical", "article", "start", "end")
    list_filter = ("kind",)
    raw_id_fields = ("article", "run", "place", "actor", "person")


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0
    can_delete = False
    readonly_fields = ("editor", "created_at", "from_flag", "to_flag", "note", "evidence",
                       "claim_version")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("pk", "claim_type", "place_text", "claimed_controller", "claimant_label",
                    "flag", "event_date", "is_current")
    list_filter = ("claim_type", "flag", "is_current", "stance")
    search_fields = ("sentence", "place_text", "claimant_label")
    raw_id_fields = ("article", "run", "place", "claimed_controller", "claimant", "speaker",
                     "denies")
    # The flag and version move only through reviews (claims.services.reviews).
    readonly_fields = ("flag", "version", "fingerprint", "created_at", "updated_at")
    inlines = [ReviewInline]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("claim", "editor", "from_flag", "to_flag", "created_at")
    list_filter = ("to_flag",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(ClaimCorrection)
class ClaimCorrectionAdmin(admin.ModelAdmin):
    list_display = ("claim", "editor", "created_at")

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made by token_create, which shows the secret once; they are never edited."""

    list_display = ("name", "prefix", "scope", "user", "created_at", "last_used_at",
                    "revoked_at")
    list_filter = ("scope",)
    actions = ["revoke"]
    ISSUED = ("name", "user", "scope", "prefix", "created_by", "created_at", "last_used_at",
              "revoked_at")

    def get_fields(self, request, obj=None):
        return ("name", "user", "scope") if obj is None else self.ISSUED

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.ISSUED

    def save_model(self, request, obj, form, change):
        if change:
            return  # nothing on an issued token is editable
        try:
            token, secret = token_create(name=obj.name, user=obj.user, scope=obj.scope,
                                         created_by=request.user)
        except ValidationError as exc:
            # The admin's form has already passed; report the service's refusal, store nothing.
            self.message_user(request, "; ".join(exc.messages), messages.ERROR)
            raise _Refused from exc
        obj.pk, obj.prefix, obj.key_hash = token.pk, token.prefix, token.key_hash
        self.message_user(request, f"Token “{token.name}” created. Copy its secret now; it is "
                                   f"not shown again: {secret}", messages.WARNING)

    def add_view(self, request, form_url="", extra_context=None):
        try:
            return super().add_view(request, form_url, extra_context)
        except _Refused:
            return HttpResponseRedirect(request.get_full_path())

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        for token in queryset.filter(revoked_at__isnull=True):
            token_revoke(token=token, revoked_by=request.user)
        self.message_user(request, "Revoked.", messages.SUCCESS)


class _Refused(Exception):
    """token_create refused a token the admin form accepted."""

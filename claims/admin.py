"""The Django admin, for staff only. Reviews and corrections are append-only: read-only here."""

from django.contrib import admin

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
    list_display = ("name", "prefix", "scope", "user", "created_at", "revoked_at")
    list_filter = ("scope",)
    readonly_fields = ("prefix", "key_hash", "created_at", "last_used_at")

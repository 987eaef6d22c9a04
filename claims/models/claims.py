"""Claims extracted from articles, and the editors' reviews and corrections of them.

An extraction run never overwrites an editor's work: reviews and corrections are separate,
append-only rows, and a re-run updates a claim in place (matched by its fingerprint) or marks it
no longer current, but never deletes a claim that carries a review or a correction.
"""

from django.conf import settings
from django.db import models


class Flag(models.TextChoices):
    UNVERIFIED = "unverified"
    CORROBORATED = "corroborated"  # automatic: two or more independent sources
    VERIFIED = "verified"
    DISPUTED = "disputed"  # automatic: another side contradicts it
    FALSE = "false"
    EXTRACTION_ERROR = "extraction_error", "extraction error"


# The flags an editor may set by hand; the other two are computed from the evidence.
EDITOR_FLAGS = (Flag.UNVERIFIED, Flag.VERIFIED, Flag.FALSE, Flag.EXTRACTION_ERROR)


class ClaimType(models.TextChoices):
    CAPTURED = "captured"
    CONTROLS = "controls"
    CONTESTED = "contested"
    REPELLED = "repelled"
    LOST = "lost"
    DENIED = "denied"
    CASUALTIES = "casualties"
    OTHER = "other"


class Stance(models.TextChoices):
    ASSERTS = "asserts"
    DENIES = "denies"


class Claim(models.Model):
    article = models.ForeignKey("claims.Article", on_delete=models.CASCADE, related_name="claims")
    run = models.ForeignKey("claims.ExtractionRun", on_delete=models.CASCADE,
                            related_name="claims")
    # sha256 of (sentence offsets, place, type, stance, claimant): the identity of a claim
    # across re-runs of the extractor over the same article.
    fingerprint = models.CharField(max_length=64)
    is_current = models.BooleanField(default=True)  # false once a re-run no longer finds it

    sentence = models.TextField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    place = models.ForeignKey("claims.Place", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="claims")
    place_text = models.CharField(max_length=300, blank=True)
    place_kind = models.CharField(max_length=20, blank=True)
    place_start = models.PositiveIntegerField(null=True, blank=True)
    place_end = models.PositiveIntegerField(null=True, blank=True)
    admin_parent = models.CharField(max_length=200, blank=True)
    claim_type = models.CharField(max_length=12, choices=ClaimType.choices)
    claimed_controller = models.ForeignKey("claims.Actor", null=True, blank=True,
                                           on_delete=models.PROTECT, related_name="+")
    claimant = models.ForeignKey("claims.Actor", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="claims_made")
    # The claimant as the extractor named it: an actor, "outlet", or a source outside the
    # registry ("Emergency (NGO)", "rumors (unattributed)").
    claimant_label = models.CharField(max_length=200, blank=True)
    speaker = models.ForeignKey("claims.Person", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="claims")
    speaker_role = models.CharField(max_length=300, blank=True)
    stance = models.CharField(max_length=8, choices=Stance.choices, default=Stance.ASSERTS)
    verification_note = models.CharField(max_length=500, blank=True)
    event_date = models.DateField(null=True, blank=True)
    confidence = models.FloatField(default=0.5)
    extractor_version = models.CharField(max_length=100)
    denies = models.ManyToManyField("self", symmetrical=False, blank=True,
                                    related_name="denied_by")

    # The editor-set flag (see Flag); corroborated and disputed are computed, never stored.
    flag = models.CharField(max_length=16, choices=Flag.choices, default=Flag.UNVERIFIED)
    # Bumped by every review and correction: a reviewer sends the version they saw, and a stale
    # one is refused instead of silently overwriting a colleague's review.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "fingerprint"],
                                    name="claim_fingerprint_unique"),
        ]
        indexes = [
            models.Index(fields=["place", "is_current"]),
            models.Index(fields=["flag"]),
            models.Index(fields=["event_date"]),
        ]

    def __str__(self):
        return f"{self.claim_type} {self.place_text or '?'} ({self.claimant_label})"


class Review(models.Model):
    """An editor set a claim's flag. Append-only: history is never edited."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="reviews")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="reviews")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    from_flag = models.CharField(max_length=16, choices=Flag.choices)
    to_flag = models.CharField(max_length=16, choices=Flag.choices)
    note = models.TextField(blank=True)
    evidence = models.JSONField(default=list, blank=True)  # links an editor cites
    claim_version = models.PositiveIntegerField()  # the version the editor saw

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.from_flag} → {self.to_flag} by {self.editor}"


class ClaimCorrection(models.Model):
    """An editor's correction of an extraction mistake, stored beside the original.

    Blank fields leave the extractor's value (or an earlier correction's) in force.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="corrections")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="corrections")
    created_at = models.DateTimeField(auto_now_add=True)
    place = models.ForeignKey("claims.Place", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    claimed_controller = models.ForeignKey("claims.Actor", null=True, blank=True,
                                           on_delete=models.PROTECT, related_name="+")
    claim_type = models.CharField(max_length=12, choices=ClaimType.choices, blank=True)
    speaker = models.ForeignKey("claims.Person", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    stance = models.CharField(max_length=8, choices=Stance.choices, blank=True)
    event_date = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)
    claim_version = models.PositiveIntegerField()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"correction of claim {self.claim_id} by {self.editor}"

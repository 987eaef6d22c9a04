"""Output shapes shared by several endpoints: references to entities, a claim, a review.

Endpoint-specific input and output serializers live beside their views.
"""

from __future__ import annotations

from rest_framework import serializers

from claims.models import Review
from claims.models.claims import ClaimType, Flag, Stance


class StrictCharField(serializers.CharField):
    """A string field for JSON input that refuses numbers and booleans (DRF would quietly
    turn 0 into "0"): the schema says string, so a client sending 0 has a bug to hear about."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class PlaceRef(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()


class ActorRef(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class PersonRef(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class OutletRef(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ArticleRef(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="The article's original address, if known.")
    outlet = OutletRef(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    api_url = serializers.SerializerMethodField()

    def get_api_url(self, article) -> str:
        request = self.context.get("request")
        path = f"/api/v1/articles/{article.pk}/"
        return request.build_absolute_uri(path) if request else path


class ClaimOutput(serializers.Serializer):
    """A claim with editors' corrections applied (`corrected` says whether any were)."""

    id = serializers.IntegerField()
    article = ArticleRef()
    sentence = serializers.CharField()
    sentence_start = serializers.IntegerField()
    sentence_end = serializers.IntegerField()
    place = PlaceRef(source="eff_place", allow_null=True)
    province = PlaceRef(source="eff_province", allow_null=True)
    place_text = serializers.CharField(help_text="The place as the article wrote it.")
    claim_type = serializers.ChoiceField(source="eff_claim_type", choices=ClaimType.choices)
    stance = serializers.ChoiceField(source="eff_stance", choices=Stance.choices)
    claimed_controller = ActorRef(source="eff_controller", allow_null=True)
    claimant = ActorRef(allow_null=True)
    claimant_label = serializers.CharField()
    speaker = PersonRef(source="eff_speaker", allow_null=True)
    speaker_role = serializers.CharField()
    event_date = serializers.DateField(source="eff_event_date", allow_null=True)
    flag = serializers.ChoiceField(choices=Flag.choices, help_text="The flag an editor set.")
    version = serializers.IntegerField(help_text="Send this back when reviewing the claim.")
    confidence = serializers.FloatField()
    is_current = serializers.BooleanField()
    corrected = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_corrected(self, claim) -> bool:
        return any([
            claim.eff_place_id != claim.place_id,
            claim.eff_claimed_controller_id != claim.claimed_controller_id,
            claim.eff_speaker_id != claim.speaker_id,
            claim.eff_claim_type != claim.claim_type,
            claim.eff_stance != claim.stance,
            claim.eff_event_date != claim.event_date,
        ])


class ReviewOutput(serializers.ModelSerializer):
    editor = serializers.CharField(source="editor.get_username")
    from_flag = serializers.ChoiceField(choices=Flag.choices)
    to_flag = serializers.ChoiceField(choices=Flag.choices)
    evidence = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Review
        fields = ["id", "claim", "editor", "created_at", "from_flag", "to_flag", "note",
                  "evidence", "claim_version"]

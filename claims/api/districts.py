"""/api/v1/districts/: each district's status, controller and evidence, as on the board."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import status as rules
from claims.api.base import ConditionalGetMixin, QueryParams, parse_query
from claims.api.claims import claims_last_modified
from claims.api.serializers import ActorRef, PlaceRef
from claims.models import Place
from claims.selectors.board import board_rows, district_detail, parse_as_of
from claims.selectors.lookup import MAX_ID, as_id


@extend_schema_field(OpenApiTypes.DATETIME)
class AsOfField(serializers.CharField):
    """A date-time; a bare date also works (the end of that day), as on the board."""


class AsOfFilter(QueryParams):
    as_of = AsOfField(
        required=False, max_length=40,
        help_text="ISO date-time (naive is UTC) or date (its end): the picture from what had "
                  "been published and reviewed by then, e.g. 2021-09-05T12:00.")

    def validate_as_of(self, value):
        try:
            return parse_as_of(value)
        except (ValueError, OverflowError) as exc:
            raise serializers.ValidationError(str(exc)) from None


class DistrictFilter(AsOfFilter):
    province = serializers.CharField(required=False, max_length=200,
                                     help_text="Province id or name.")
    status = serializers.ChoiceField(choices=rules.STATUSES, required=False)
    actor = serializers.CharField(required=False, max_length=200,
                                  help_text="Actor id or name: the controller or any side.")
    q = serializers.CharField(required=False, allow_blank=True, max_length=200,
                              help_text="Text in the district's or province's name.")

    def _id_or_name(self, value: str) -> str:
        value = value.strip()
        # Digits the selector cannot take as an id ("²", past bigint) are a client error here.
        if value.isdigit() and as_id(value) is None:
            raise serializers.ValidationError("Not a valid id.")
        return value

    def validate_province(self, value):
        return self._id_or_name(value)

    def validate_actor(self, value):
        return self._id_or_name(value)


class ActorOut(ActorRef):
    color = serializers.CharField()


class PlaceOut(PlaceRef):
    lat = serializers.FloatField(allow_null=True)
    lon = serializers.FloatField(allow_null=True)


class LatestClaimOut(serializers.Serializer):
    id = serializers.IntegerField()
    claim_type = serializers.CharField()
    controller = ActorOut(allow_null=True)
    claimant = serializers.CharField()
    outlet = serializers.CharField()
    speaker = serializers.CharField()
    speaker_role = serializers.CharField()
    event_date = serializers.DateField(allow_null=True)
    published_at = serializers.DateTimeField()


class DistrictOut(serializers.Serializer):
    id = serializers.IntegerField(source="place.id")
    place = PlaceOut()
    province = PlaceOut(allow_null=True)
    status = serializers.ChoiceField(choices=rules.STATUSES)
    status_label = serializers.CharField()
    controller = ActorOut(allow_null=True)
    sides = ActorOut(many=True)
    last_change = serializers.DateField(allow_null=True,
                                        help_text="The day the current status began.")
    last_report_at = serializers.DateTimeField(allow_null=True)
    reports = serializers.IntegerField(help_text="Articles behind the status.")
    independent_sources = serializers.IntegerField(
        help_text="Independent origins among those articles (wire copy counts once).")
    claims_count = serializers.IntegerField()
    latest = LatestClaimOut(allow_null=True)


class ReviewEntryOut(serializers.Serializer):
    id = serializers.IntegerField()
    editor = serializers.CharField()
    created_at = serializers.DateTimeField()
    from_flag = serializers.CharField()
    to_flag = serializers.CharField()
    note = serializers.CharField()
    evidence = serializers.ListField(child=serializers.CharField())


class CorrectionEntryOut(serializers.Serializer):
    id = serializers.IntegerField()
    editor = serializers.CharField()
    created_at = serializers.DateTimeField()
    changes = serializers.SerializerMethodField()
    note = serializers.CharField()

    def get_changes(self, entry) -> dict[str, str]:
        return dict(entry.changes)


class EvidenceOut(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField(help_text="Send this back when reviewing the claim.")
    article_id = serializers.IntegerField()
    article_title = serializers.CharField()
    article_url = serializers.SerializerMethodField(help_text="The article in the API.")
    article_page = serializers.SerializerMethodField(
        help_text="The article on the desk, at the quoted sentence.")
    source_url = serializers.CharField(help_text="The original article's address, if known.")
    outlet = serializers.CharField()
    published_at = serializers.DateTimeField()
    sentence = serializers.CharField()
    place = PlaceOut(allow_null=True)
    place_text = serializers.CharField()
    claim_type = serializers.CharField()
    stance = serializers.CharField()
    controller = ActorOut(allow_null=True)
    claimant = serializers.CharField()
    speaker = serializers.CharField()
    speaker_role = serializers.CharField()
    event_date = serializers.DateField(allow_null=True)
    confidence = serializers.FloatField()
    flag = serializers.CharField(help_text="The flag to show: the editor's, or corroborated / "
                                           "disputed when the editor's is unverified.")
    editor_flag = serializers.CharField()
    corroborated = serializers.BooleanField()
    disputed = serializers.BooleanField()
    counts = serializers.BooleanField(help_text="Among the claims that make the status.")
    reviews = ReviewEntryOut(many=True)
    corrections = CorrectionEntryOut(many=True)

    def get_article_url(self, item) -> str:
        path = f"/api/v1/articles/{item.article_id}/"
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_article_page(self, item) -> str | None:
        try:
            path = reverse("claims:article", args=[item.article_id])
        except NoReverseMatch:
            return None
        request = self.context.get("request")
        path = f"{path}#claim-card-{item.id}"
        return request.build_absolute_uri(path) if request else path


class DistrictDetailOut(DistrictOut):
    as_of = serializers.DateTimeField(allow_null=True)
    evidence = EvidenceOut(many=True, help_text="Current claims about the place, newest first.")


class DistrictList(serializers.Serializer):
    as_of = serializers.DateTimeField(allow_null=True)
    count = serializers.IntegerField()
    results = DistrictOut(many=True)


@extend_schema(tags=["districts"])
class DistrictListApi(ConditionalGetMixin, APIView):
    @extend_schema(operation_id="districts_list", parameters=[DistrictFilter],
                   responses=DistrictList)
    def get(self, request):
        """List every district with its status, grouped by province as on the board."""
        filters = parse_query(DistrictFilter, request)
        rows = board_rows(**filters)
        self.last_modified = claims_last_modified()
        body = {"as_of": filters.get("as_of"), "count": len(rows), "results": rows}
        return Response(DistrictList(body, context={"request": request}).data)


@extend_schema(tags=["districts"])
class DistrictDetailApi(ConditionalGetMixin, APIView):
    @extend_schema(parameters=[AsOfFilter], responses=DistrictDetailOut)
    def get(self, request, pk: int):
        """Show one district's status with its evidence: every claim about it, newest first."""
        filters = parse_query(AsOfFilter, request)
        try:
            if pk > MAX_ID:
                raise Place.DoesNotExist
            detail = district_detail(place_id=pk, as_of=filters.get("as_of"))
        except Place.DoesNotExist:
            raise NotFound("No place with this id.") from None
        self.last_modified = claims_last_modified()
        return Response(DistrictDetailOut(detail, context={"request": request}).data)

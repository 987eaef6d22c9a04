"""/api/v1/claims/: the claim list with filters, one claim, and its reviews."""

from __future__ import annotations

from django.db.models import Max
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.api.base import ConditionalGetMixin, QueryParams, parse_query
from claims.api.exceptions import Conflict
from claims.api.pagination import NewestFirstCursor
from claims.api.serializers import ClaimOutput, ReviewOutput, StrictCharField
from claims.models import Claim
from claims.models.claims import EDITOR_FLAGS, ClaimType, Stance
from claims.selectors.claim_search import attach_entities, claim_get, claim_reviews, claim_search
from claims.selectors.lookup import MAX_ID
from claims.services.reviews import StaleReview, claim_review

# MAX_ID (PostgreSQL bigint): a larger id is a client error, not a database one.


def IdField(**kw):  # noqa: N802 - reads as a field class where it is used
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False, **kw)


class ClaimFilter(QueryParams):
    """Query parameters of the claim list and the CSV export. All filters combine with AND."""

    place = IdField(help_text="Place id (after editors' corrections).")
    province = IdField(help_text="Province id: claims about it or a place in it.")
    actor = IdField(help_text="Actor id, as claimed controller or as claimant.")
    claimant = IdField(help_text="Actor id of the side making the claim.")
    speaker = IdField(help_text="Person id of the speaker.")
    outlet = IdField(help_text="Outlet id of the article.")
    article = IdField(help_text="Article id.")
    type = serializers.ChoiceField(choices=ClaimType.choices, required=False,
                                   help_text="Claim type.")
    stance = serializers.ChoiceField(choices=Stance.choices, required=False)
    flag = serializers.ChoiceField(choices=[f.value for f in EDITOR_FLAGS], required=False,
                                   help_text="The flag an editor set.")
    event_from = serializers.DateField(required=False, help_text="Event date on or after.")
    event_to = serializers.DateField(required=False, help_text="Event date on or before.")
    published_from = serializers.DateField(required=False,
                                           help_text="Article published on or after (UTC day).")
    published_to = serializers.DateField(required=False,
                                         help_text="Article published on or before (UTC day).")
    q = serializers.CharField(required=False, allow_blank=True, max_length=200,
                              help_text="Text in the sentence, place, claimant or title.")
    include_superseded = serializers.BooleanField(
        required=False, default=False,
        help_text="Also list claims a later extraction no longer finds.")

    def validate(self, data):
        # An inverted date range is not an error: it matches nothing, like any narrow filter.
        if "type" in data:
            data["claim_type"] = data.pop("type")
        return data


def parse_claim_filters(request) -> dict:
    """Validate claim-list query parameters into claim_search's keyword arguments."""
    return parse_query(ClaimFilter, request)


def claims_last_modified():
    # Every write to a claim (extraction, review, correction) moves updated_at, so the newest
    # one anywhere bounds when any listing of claims last changed: one cheap aggregate.
    return Claim.objects.aggregate(latest=Max("updated_at"))["latest"]


@extend_schema(tags=["claims"], parameters=[ClaimFilter])
class ClaimListApi(ConditionalGetMixin, generics.ListAPIView):
    """List claims, newest first, with editors' corrections applied."""

    serializer_class = ClaimOutput
    pagination_class = NewestFirstCursor

    def get_queryset(self):
        return claim_search(**parse_claim_filters(self.request))

    def list(self, request, *args, **kwargs):
        page = attach_entities(self.paginate_queryset(self.get_queryset()))
        self.last_modified = claims_last_modified()
        data = self.get_serializer(page, many=True).data
        return self.get_paginated_response(data)


@extend_schema(tags=["claims"])
class ClaimDetailApi(ConditionalGetMixin, APIView):
    @extend_schema(responses=ClaimOutput)
    def get(self, request, pk: int):
        """Show one claim with editors' corrections applied."""
        claim = get_claim_or_404(pk)
        self.last_modified = claim.updated_at
        return Response(ClaimOutput(claim, context={"request": request}).data)


def get_claim_or_404(pk: int) -> Claim:
    claim = claim_get(claim_id=pk) if pk <= MAX_ID else None
    if claim is None:
        raise NotFound("No claim with this id.")
    return attach_entities([claim])[0]


class ReviewInput(serializers.Serializer):
    to_flag = serializers.ChoiceField(choices=[f.value for f in EDITOR_FLAGS])
    seen_version = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1,
        help_text="The claim's `version` when you looked at it; a stale one answers 409.")
    note = StrictCharField(required=False, allow_blank=True, max_length=5000, default="")
    evidence = serializers.ListField(child=StrictCharField(max_length=1000),
                                     required=False, max_length=20, default=list,
                                     help_text="Links (http or https) backing the review.")


class ReviewCreated(serializers.Serializer):
    review = ReviewOutput()
    claim = ClaimOutput()


class StaleReviewDetail(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    claim = ClaimOutput()
    latest_review = ReviewOutput(allow_null=True)


class StaleReviewError(serializers.Serializer):
    error = StaleReviewDetail()


@extend_schema(tags=["reviews"])
class ClaimReviewsApi(APIView):
    @extend_schema(responses=ReviewOutput(many=True))
    def get(self, request, pk: int):
        """List the claim's reviews, newest first: its full flag history."""
        get_claim_or_404(pk)
        reviews = claim_reviews(claim_id=pk)
        return Response(ReviewOutput(reviews, many=True).data)

    @extend_schema(request=ReviewInput, responses={
        201: ReviewCreated,
        409: OpenApiResponse(StaleReviewError, description="Someone reviewed or corrected the "
                             "claim since you loaded it; the body shows its current state."),
    })
    def post(self, request, pk: int):
        """Set the claim's flag (editors, with a write token or a browser session)."""
        claim = get_claim_or_404(pk)
        data = ReviewInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            review = claim_review(claim=claim, editor=request.user, **data.validated_data)
        except StaleReview as stale:
            fresh = get_claim_or_404(pk)
            latest = stale.latest_review
            raise Conflict(str(stale), extra={
                "claim": ClaimOutput(fresh, context={"request": request}).data,
                "latest_review": ReviewOutput(latest).data if latest else None,
            }) from None
        claim = get_claim_or_404(pk)
        body = {"review": ReviewOutput(review).data,
                "claim": ClaimOutput(claim, context={"request": request}).data}
        return Response(body, status=status.HTTP_201_CREATED)

"""/api/v1/articles/: upload an article (JSON or a file), follow its extraction, list its claims."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, permissions, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.api.base import ConditionalGetMixin
from claims.api.claims import claims_last_modified
from claims.api.exceptions import PayloadTooLarge
from claims.api.pagination import NewestFirstCursor
from claims.api.serializers import ClaimOutput, OutletRef, StrictCharField
from claims.models import Article, ExtractionRun
from claims.permissions import is_editor
from claims.selectors.claim_search import article_get, article_list, attach_entities, claim_search
from claims.selectors.lookup import MAX_ID
from claims.services.articles import article_create, article_create_from_upload

# Room for the other form fields and multipart framing around an article at the size limit.
ENVELOPE_BYTES = 64 * 1024


class EditorsWrite(permissions.BasePermission):
    message = "Only editors may upload articles."

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or is_editor(request.user)


class RunOutput(serializers.Serializer):
    status = serializers.ChoiceField(choices=ExtractionRun.Status.choices)
    progress = serializers.IntegerField(help_text="Percent done.")
    error = serializers.CharField()
    extractor_version = serializers.CharField()
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)


class _ArticleFields(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()
    outlet = OutletRef(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)
    source = serializers.CharField()
    created_at = serializers.DateTimeField()


class ArticleSummary(_ArticleFields):
    extraction_status = serializers.CharField(source="run_status", allow_null=True)
    extraction_progress = serializers.IntegerField(source="run_progress", allow_null=True)


class ArticleOutput(_ArticleFields):
    filename = serializers.CharField()
    body = serializers.CharField()
    extraction = RunOutput(source="latest_run_row", allow_null=True,
                           help_text="The latest extraction run; poll until done or failed.")
    claims_count = serializers.IntegerField(source="current_claims")
    claims_url = serializers.SerializerMethodField()

    def get_claims_url(self, article) -> str:
        path = f"/api/v1/articles/{article.pk}/claims/"
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ArticleJsonInput(serializers.Serializer):
    body = StrictCharField(trim_whitespace=False, help_text="The article's text.")
    outlet = StrictCharField(required=False, allow_blank=True, default="")
    title = StrictCharField(required=False, allow_blank=True, default="")
    url = StrictCharField(required=False, allow_blank=True, default="")
    published_at = StrictCharField(
        required=False, allow_blank=True, default="",
        help_text="ISO 8601 date or date-time, e.g. 2021-09-05 or 2021-09-05T10:30:00Z.")


class ArticleUploadInput(serializers.Serializer):
    file = serializers.FileField(help_text="A .txt, .md or .html file; header lines "
                                           "(Title:, Outlet:, …) fill fields left blank.")
    outlet = serializers.CharField(required=False, allow_blank=True, default="")
    title = serializers.CharField(required=False, allow_blank=True, default="")
    url = serializers.CharField(required=False, allow_blank=True, default="")
    published_at = serializers.CharField(required=False, allow_blank=True, default="")


def _refuse_oversize(request) -> None:
    limit = settings.NEWSDESK_MAX_ARTICLE_BYTES
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit + ENVELOPE_BYTES:
        raise PayloadTooLarge(f"The upload is larger than the limit of {limit:,} bytes.")


def _too_large(size: int) -> None:
    limit = settings.NEWSDESK_MAX_ARTICLE_BYTES
    if size > limit:
        raise PayloadTooLarge(f"The article is larger than the limit of {limit:,} bytes.")


def get_article_or_404(pk: int) -> Article:
    article = article_get(article_id=pk) if pk <= MAX_ID else None
    if article is None:
        raise NotFound("No article with this id.")
    return article


@extend_schema(tags=["articles"])
class ArticleListApi(generics.ListAPIView):
    """List articles, newest first, each with its extraction status."""

    serializer_class = ArticleSummary
    pagination_class = NewestFirstCursor
    permission_classes = [*generics.ListAPIView.permission_classes, EditorsWrite]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        return article_list()

    @extend_schema(
        request={"application/json": ArticleJsonInput,
                 "multipart/form-data": ArticleUploadInput},
        responses={
            201: OpenApiResponse(ArticleOutput, description="Stored; extraction queued."),
            200: OpenApiResponse(ArticleOutput, description="The same text was already on "
                                 "file: this is that article."),
        },
    )
    def post(self, request):
        """Upload an article as JSON or as a file (editors, with a write token)."""
        _refuse_oversize(request)
        is_json = request.content_type.startswith("application/json")
        data = (ArticleJsonInput if is_json else ArticleUploadInput)(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        upload = fields.pop("file", None)
        if upload is not None:
            _too_large(upload.size)
            result = article_create_from_upload(raw=upload.read(), filename=upload.name or "",
                                                uploaded_by=request.user,
                                                source=Article.Source.API, **fields)
        else:
            _too_large(len(fields["body"].encode("utf-8", "surrogatepass")))
            result = article_create(uploaded_by=request.user, source=Article.Source.API,
                                    **fields)
        article = get_article_or_404(result.article.pk)
        return Response(ArticleOutput(article, context={"request": request}).data,
                        status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)


@extend_schema(tags=["articles"])
class ArticleDetailApi(APIView):
    @extend_schema(responses=ArticleOutput)
    def get(self, request, pk: int):
        """Show an article with its extraction status and progress."""
        article = get_article_or_404(pk)
        return Response(ArticleOutput(article, context={"request": request}).data)


@extend_schema(tags=["articles"])
class ArticleClaimsApi(ConditionalGetMixin, generics.ListAPIView):
    """List the claims extracted from an article, newest first."""

    serializer_class = ClaimOutput
    pagination_class = NewestFirstCursor

    def list(self, request, pk: int):
        get_article_or_404(pk)
        page = attach_entities(self.paginate_queryset(claim_search(article=pk)))
        self.last_modified = claims_last_modified()
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

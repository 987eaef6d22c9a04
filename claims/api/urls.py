"""REST API under /api/v1/."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.permissions import AllowAny

from claims.api import articles, claims, districts, exports, reference
from claims.api.exceptions import not_found

app_name = "api"

urlpatterns = [
    path("districts/", districts.DistrictListApi.as_view(), name="district-list"),
    path("districts/<int:pk>/", districts.DistrictDetailApi.as_view(), name="district-detail"),
    path("claims/", claims.ClaimListApi.as_view(), name="claim-list"),
    path("claims/<int:pk>/", claims.ClaimDetailApi.as_view(), name="claim-detail"),
    path("claims/<int:pk>/reviews/", claims.ClaimReviewsApi.as_view(), name="claim-reviews"),
    path("articles/", articles.ArticleListApi.as_view(), name="article-list"),
    path("articles/<int:pk>/", articles.ArticleDetailApi.as_view(), name="article-detail"),
    path("articles/<int:pk>/claims/", articles.ArticleClaimsApi.as_view(),
         name="article-claims"),
    path("places/", reference.PlaceListApi.as_view(), name="place-list"),
    path("places/<int:pk>/", reference.PlaceDetailApi.as_view(), name="place-detail"),
    path("actors/", reference.ActorListApi.as_view(), name="actor-list"),
    path("actors/<int:pk>/", reference.ActorDetailApi.as_view(), name="actor-detail"),
    path("outlets/", reference.OutletListApi.as_view(), name="outlet-list"),
    path("outlets/<int:pk>/", reference.OutletDetailApi.as_view(), name="outlet-detail"),
    path("exports/claims.csv", exports.ClaimsCsvApi.as_view(), name="export-claims-csv"),
    path("exports/districts.geojson", exports.DistrictsGeoJsonApi.as_view(),
         name="export-districts-geojson"),
    path("exports/claim-reviews.jsonld", exports.ClaimReviewsJsonLdApi.as_view(),
         name="export-claim-reviews"),
    # The schema and its browser are open to all: they describe the API, not the desk's data.
    path("schema/", SpectacularAPIView.as_view(permission_classes=[AllowAny],
                                               authentication_classes=[]), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema",
                                                 permission_classes=[AllowAny],
                                                 authentication_classes=[]), name="docs"),
    re_path(r"^.*$", not_found),
]

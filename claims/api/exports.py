"""/api/v1/exports/: claims as CSV, district statuses as GeoJSON, reviews as ClaimReview JSON-LD.

Exports answer in their own media type whatever the client's Accept header says (a spreadsheet
or GIS tool rarely sends a useful one); errors still come in the API's JSON shape.
"""

from __future__ import annotations

import csv
import io
import itertools
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.views import APIView

from claims.api.base import parse_query
from claims.api.claims import ClaimFilter, parse_claim_filters
from claims.api.districts import DistrictFilter
from claims.selectors.board import board_rows
from claims.selectors.claim_search import attach_entities, claim_search, reviewed_claims

# A spreadsheet runs a cell that starts with one of these as a formula ("CSV injection");
# tab and carriage return are on OWASP's list too, as some programs strip them first.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500


class ErrorsAsJson(BaseContentNegotiation):
    """Pick the view's first renderer (JSON, for errors) whatever Accept says."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def neutralise(value) -> str:
    """Return a cell as text that a spreadsheet shows rather than evaluates."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


CSV_COLUMNS = (
    ("id", lambda c: c.pk),
    ("article_id", lambda c: c.article_id),
    ("outlet", lambda c: c.article.outlet.name if c.article.outlet else ""),
    ("article_title", lambda c: c.article.title),
    ("article_url", lambda c: c.article.url),
    ("published_at", lambda c: c.article.published_at),
    ("place", lambda c: c.eff_place.name if c.eff_place else ""),
    ("place_id", lambda c: c.eff_place_id),
    ("province", lambda c: c.eff_province.name if c.eff_province else ""),
    ("place_text", lambda c: c.place_text),
    ("claim_type", lambda c: c.eff_claim_type),
    ("stance", lambda c: c.eff_stance),
    ("claimed_controller", lambda c: c.eff_controller.name if c.eff_controller else ""),
    ("claimant", lambda c: c.claimant_label),
    ("speaker", lambda c: c.eff_speaker.name if c.eff_speaker else ""),
    ("speaker_role", lambda c: c.speaker_role),
    ("event_date", lambda c: c.eff_event_date),
    ("flag", lambda c: c.flag),
    ("version", lambda c: c.version),
    ("confidence", lambda c: c.confidence),
    ("sentence", lambda c: c.sentence),
)


def _csv_lines(claims):
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush():
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([name for name, _ in CSV_COLUMNS])
    yield flush()
    iterator = claims.iterator(chunk_size=CHUNK)
    # attach_entities works a chunk at a time: a few queries per 500 claims, whatever the size.
    while chunk := list(itertools.islice(iterator, CHUNK)):
        for claim in attach_entities(chunk):
            writer.writerow([neutralise(get(claim)) for _, get in CSV_COLUMNS])
        yield flush()


class _Export(APIView):
    content_negotiation_class = ErrorsAsJson


@extend_schema(tags=["exports"])
class ClaimsCsvApi(_Export):
    @extend_schema(parameters=[ClaimFilter],
                   responses={(200, "text/csv"): OpenApiResponse(
                       OpenApiTypes.STR, description="One row per claim, newest first.")})
    def get(self, request):
        """Export claims as CSV, with the claim list's filters."""
        claims = claim_search(**parse_claim_filters(request))
        response = StreamingHttpResponse(_csv_lines(claims), content_type="text/csv; "
                                                                          "charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="newsdesk-claims.csv"'
        return response


@extend_schema(tags=["exports"])
class DistrictsGeoJsonApi(_Export):
    @extend_schema(parameters=[DistrictFilter],
                   responses={(200, "application/geo+json"): OpenApiResponse(
                       OpenApiTypes.OBJECT, description="A GeoJSON FeatureCollection of "
                       "district points; districts without coordinates have null geometry.")})
    def get(self, request):
        """Export district statuses as GeoJSON points, with the district list's filters."""
        filters = parse_query(DistrictFilter, request)
        rows = board_rows(**filters)
        features = []
        for row in rows:
            place = row.place
            geometry = (None if place.lat is None or place.lon is None
                        else {"type": "Point", "coordinates": [place.lon, place.lat]})
            features.append({
                "type": "Feature",
                "id": place.id,
                "geometry": geometry,
                "properties": {
                    "name": place.name,
                    "province": row.province.name if row.province else None,
                    "status": row.status,
                    "status_label": row.status_label,
                    "controller": row.controller.name if row.controller else None,
                    "controller_color": row.controller.color if row.controller else None,
                    "last_change": row.last_change,
                    "reports": row.reports,
                    "independent_sources": row.independent_sources,
                    "claims_count": row.claims_count,
                    "url": request.build_absolute_uri(f"/api/v1/districts/{place.id}/"),
                },
            })
        body = {"type": "FeatureCollection", "features": features}
        if filters.get("as_of"):
            body["as_of"] = filters["as_of"]
        return HttpResponse(json.dumps(body, cls=DjangoJSONEncoder),
                            content_type="application/geo+json")


# schema.org's ClaimReview rates on a scale; we publish only the two ends an editor decides.
RATINGS = {"verified": (5, "True"), "false": (1, "False")}


def claim_review_jsonld(claim, request) -> dict:
    rating, words = RATINGS[claim.flag]
    article = claim.article
    review = claim.last_review
    appearance = {"@type": "NewsArticle", "headline": article.title or None,
                  "url": article.url or None, "datePublished": article.published_at}
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet.name}
    author = ({"@type": "Person", "name": claim.eff_speaker.name} if claim.eff_speaker
              else {"@type": "Organization", "name": claim.claimant_label or "unattributed"})
    item = {
        "@type": "ClaimReview",
        "@id": request.build_absolute_uri(f"/api/v1/claims/{claim.pk}/#review"),
        "url": request.build_absolute_uri(f"/api/v1/claims/{claim.pk}/"),
        "claimReviewed": claim.sentence,
        "datePublished": review.created_at if review else claim.updated_at,
        "author": {"@type": "Organization", "name": "Newsdesk"},
        "reviewRating": {"@type": "Rating", "ratingValue": rating, "bestRating": 5,
                         "worstRating": 1, "alternateName": words},
        "itemReviewed": {
            "@type": "Claim",
            "author": author,
            "datePublished": claim.eff_event_date or article.published_at,
            "appearance": {k: v for k, v in appearance.items() if v is not None},
        },
    }
    if claim.eff_place:
        item["itemReviewed"]["about"] = {"@type": "Place", "name": claim.eff_place.name}
    if review and review.note:
        item["reviewBody"] = review.note
    return item


@extend_schema(tags=["exports"])
class ClaimReviewsJsonLdApi(_Export):
    @extend_schema(responses={(200, "application/ld+json"): OpenApiResponse(
        OpenApiTypes.OBJECT, description="schema.org ClaimReview items in an @graph.")})
    def get(self, request):
        """Export claims editors marked verified or false as schema.org ClaimReview JSON-LD."""
        graph = [claim_review_jsonld(claim, request) for claim in reviewed_claims()]
        body = {"@context": "https://schema.org", "@graph": graph}
        return HttpResponse(json.dumps(body, cls=DjangoJSONEncoder),
                            content_type="application/ld+json")

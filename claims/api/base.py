"""What every API view shares: who may read, and conditional GET (ETag, Last-Modified, 304)."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from rest_framework import permissions, serializers
from rest_framework.response import Response

from claims.permissions import can_read


class DeskMember(permissions.BasePermission):
    message = "Your account has no role on the desk (editor or reporter)."

    def has_permission(self, request, view):
        return can_read(request.user)


class ConditionalGetMixin:
    """Answer GETs with ETag and Last-Modified, and 304 when the client's copy is current.

    The ETag is a hash of the rendered body, so it is exact whatever produced the data; the
    view sets `self.last_modified` (an aware datetime) when it knows when its data last
    changed. Only successful GETs take part: errors are never cached.
    """

    last_modified: dt.datetime | None = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (request.method not in ("GET", "HEAD") or not isinstance(response, Response)
                or response.status_code != 200):
            return response
        response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        timestamp = (int(self.last_modified.timestamp()) if self.last_modified else None)
        response["ETag"] = etag
        if timestamp is not None:
            response["Last-Modified"] = http_date(timestamp)
        conditional = get_conditional_response(request._request, etag=etag,
                                               last_modified=timestamp, response=response)
        return conditional


def latest(*moments: dt.datetime | None) -> dt.datetime | None:
    known = [m for m in moments if m is not None]
    return max(known) if known else None


class QueryParams(serializers.Serializer):
    """Query parameters. One given empty (`?flag=`) is refused rather than silently ignored,
    unless the field allows blanks (a search box sends `q=` when empty)."""

    def to_internal_value(self, data):
        blank = {name: ["May not be blank; leave the parameter out instead."]
                 for name, field in self.fields.items()
                 if data.get(name, None) == "" and not getattr(field, "allow_blank", False)}
        if blank:
            raise serializers.ValidationError(blank)
        return super().to_internal_value(data)


def parse_query(serializer_class, request) -> dict:
    """Validate a request's query parameters; a 400 names the ones that are wrong."""
    params = serializer_class(data=request.query_params)
    params.is_valid(raise_exception=True)
    return params.validated_data

"""The OpenAPI schema: every operation documents the errors it can answer, in the one shape."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorDetail(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField(help_text="invalid, not_authenticated, permission_denied, "
                                           "not_found, conflict, too_large, throttled, …")
    message = serializers.CharField()
    fields = serializers.DictField(child=serializers.ListField(child=serializers.CharField()),
                                   required=False,
                                   help_text="For 400: what is wrong with each named field.")


class Error(serializers.Serializer):
    error = ErrorDetail()


ERRORS = {
    400: "The query or body is invalid; `fields` names what is wrong.",
    401: "No credentials, or an unknown or revoked token.",
    403: "Authenticated, but the role or the token's scope does not allow this.",
    404: "No such object (or an invalid page cursor).",
    429: "Too many requests from this client; retry after `Retry-After` seconds.",
}
WRITE_ERRORS = {
    413: "The body is larger than the upload limit.",
    415: "The body's content type is not JSON or multipart.",
}


class NewsdeskAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        errors = dict(ERRORS)
        if self.method in ("POST", "PUT", "PATCH"):
            errors.update(WRITE_ERRORS)
        for code, description in errors.items():
            responses.setdefault(str(code), self._get_response_for_code(
                OpenApiResponse(Error, description=description), str(code),
                direction=direction))
        return responses

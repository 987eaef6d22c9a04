"""One JSON error shape for every API failure.

    {"error": {"status": 400, "code": "invalid", "message": "…", "fields": {"url": ["…"]}}}

`fields` appears only when the request named fields that were wrong; a 409 adds the current
state of the thing in conflict. Clients parse one shape whatever went wrong.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


class Conflict(exceptions.APIException):
    """A write based on a stale view of the data; `extra` carries the current state."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "The resource changed since you loaded it."
    default_code = "conflict"

    def __init__(self, detail=None, *, extra: dict | None = None):
        super().__init__(detail)
        self.extra = extra or {}


def error_body(status_code: int, code: str, message: str, fields: dict | None = None,
               **extra) -> dict:
    error = {"status": status_code, "code": code, "message": message}
    if fields:
        error["fields"] = fields
    error.update(extra)
    return {"error": error}


def _from_django(exc):
    """Map Django's exceptions to DRF's, keeping field names from a ValidationError."""
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return exceptions.ValidationError(exc.message_dict)
        return exceptions.ValidationError({"non_field_errors": exc.messages})
    if isinstance(exc, (RequestDataTooBig,)):
        return PayloadTooLarge()
    if isinstance(exc, TooManyFieldsSent):
        return exceptions.ValidationError({"non_field_errors": [str(exc)]})
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(*exc.args)
    return exc


def _flatten(detail) -> list[str]:
    if isinstance(detail, dict):
        return [m for value in detail.values() for m in _flatten(value)]
    if isinstance(detail, list):
        return [m for value in detail for m in _flatten(value)]
    return [str(detail)]


def api_exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: DRF's status and headers, our body."""
    exc = _from_django(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a real server error: let Django log it and answer 500
    detail = exc.detail if isinstance(exc, exceptions.APIException) else response.data
    fields = None
    if isinstance(exc, exceptions.ValidationError):
        if isinstance(detail, dict):
            fields = {name: _flatten(value) for name, value in detail.items()}
            general = fields.get("non_field_errors")
            message = general[0] if general and len(fields) == 1 else (
                "Invalid " + ", ".join(sorted(fields)) + "." if fields else "Invalid request.")
        else:
            messages = _flatten(detail)
            message = messages[0] if messages else "Invalid request."
        code = "invalid"
    else:
        message = " ".join(_flatten(detail)) or "Error."
        codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
        code = codes if isinstance(codes, str) else "error"
    extra = getattr(exc, "extra", {}) or {}
    response.data = error_body(response.status_code, code, message, fields, **extra)
    return response


@csrf_exempt  # an unknown address is a 404 whatever the method, not a CSRF failure
def not_found(request, *args, **kwargs):
    """Answer an unknown /api/v1/ path in the API's shape, not with the site's HTML 404."""
    return JsonResponse(error_body(404, "not_found", "No API endpoint at this address."),
                        status=404)


__all__ = ["Conflict", "PayloadTooLarge", "api_exception_handler", "error_body",
           "not_found"]

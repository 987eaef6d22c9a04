"""Pagination: cursors for things that keep arriving, pages for reference data.

DRF quietly falls back to defaults when page_size, limit or offset is not a number; here a bad
value is a 400 naming the parameter, as the schema promises an integer.
"""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination, LimitOffsetPagination


def _strict_int(request, name: str, *, minimum: int, maximum: int) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not raw.strip().lstrip("-").isdigit() or not minimum <= value <= maximum:
        raise ValidationError({name: [f"Must be a whole number from {minimum} to {maximum}."]})
    return value


class NewestFirstCursor(CursorPagination):
    """Newest first by id: ids only grow, so claims arriving while a client pages through
    land before its first page and never shift or repeat the pages it has yet to read."""

    ordering = "-pk"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        size = _strict_int(request, self.page_size_query_param, minimum=1,
                           maximum=self.max_page_size)
        return self.page_size if size is None else size

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
        return parameters


class ReferencePages(LimitOffsetPagination):
    default_limit = 100
    max_limit = 1000

    def get_limit(self, request):
        limit = _strict_int(request, self.limit_query_param, minimum=1, maximum=self.max_limit)
        return self.default_limit if limit is None else limit

    def get_offset(self, request):
        offset = _strict_int(request, self.offset_query_param, minimum=0, maximum=2**31 - 1)
        return offset or 0

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            bounds = {"limit": (1, self.max_limit), "offset": (0, 2**31 - 1)}.get(
                parameter["name"])
            if bounds:
                parameter["schema"].update(minimum=bounds[0], maximum=bounds[1])
        return parameters

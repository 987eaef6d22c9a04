"""Start-up checks: a misnamed pluggable part fails at start, not at the first upload."""

from django.conf import settings
from django.core.checks import Error, register
from django.utils.module_loading import import_string


@register()
def check_extractor(app_configs, **kwargs):
    path = getattr(settings, "NEWSDESK_EXTRACTOR", "")
    try:
        extractor = import_string(path)
    except ImportError as exc:
        return [Error(f"NEWSDESK_EXTRACTOR {path!r} cannot be imported: {exc}",
                      hint="Name a callable like claims.extraction.pipeline.extract.",
                      id="newsdesk.E001")]
    if not callable(extractor):
        return [Error(f"NEWSDESK_EXTRACTOR {path!r} is not callable", id="newsdesk.E002")]
    return []

"""Who may do what. Editors upload and review; reporters read; staff reach the admin."""

EDITORS = "editors"
REPORTERS = "reporters"


def is_editor(user) -> bool:
    """Return whether the user may upload articles and review claims."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Cached on the user object: templates and views ask this several times a request.
    cached = getattr(user, "_newsdesk_is_editor", None)
    if cached is None:
        cached = user.groups.filter(name=EDITORS).exists()
        user._newsdesk_is_editor = cached
    return cached

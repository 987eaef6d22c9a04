"""Who may do what. Editors upload and review; reporters read; staff reach the admin.

The browser views and the API both ask these two functions; neither keeps its own copy.
"""

EDITORS = "editors"
REPORTERS = "reporters"


def _in_group(user, name: str) -> bool:
    # Cached on the user object: templates and views ask several times a request.
    attr = f"_newsdesk_in_{name}"
    cached = getattr(user, attr, None)
    if cached is None:
        cached = user.groups.filter(name=name).exists()
        setattr(user, attr, cached)
    return cached


def is_editor(user) -> bool:
    """Return whether the user may upload articles and review claims."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or _in_group(user, EDITORS)


def can_read(user) -> bool:
    """Return whether the user may browse the desk: editors, reporters and staff.

    A signed-in account with no role reads nothing until someone gives it one.
    """
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or is_editor(user) or _in_group(user, REPORTERS)

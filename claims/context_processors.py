"""Template context shared by every page: what the signed-in user may do."""

from claims.permissions import is_editor


def roles(request):
    user = getattr(request, "user", None)
    return {"is_editor": bool(user and user.is_authenticated and is_editor(user))}

"""Create an API token for a client and print its secret once."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from claims.models import ApiToken
from claims.services.tokens import token_create, token_revoke


class Command(BaseCommand):
    help = ("Create an API token acting as USER (read or write scope) and print the secret; "
            "it is stored only as a hash and cannot be shown again. --revoke PREFIX revokes.")

    def add_arguments(self, parser):
        parser.add_argument("--name", help="which client the token is for, e.g. 'mapping team'")
        parser.add_argument("--user", help="username the client acts as")
        parser.add_argument("--scope", choices=ApiToken.Scope.values, default="read")
        parser.add_argument("--created-by", help="username of the editor issuing it (optional)")
        parser.add_argument("--revoke", metavar="PREFIX", help="revoke the token with this prefix")

    def handle(self, *args, name=None, user=None, scope="read", created_by=None, revoke=None,
               **options):
        User = get_user_model()
        issuer = None
        if created_by:
            issuer = User.objects.filter(username=created_by).first()
            if issuer is None:
                raise CommandError(f"No user {created_by!r}.")
        if revoke:
            tokens = list(ApiToken.objects.filter(prefix=revoke, revoked_at__isnull=True))
            if len(tokens) != 1:
                raise CommandError(f"{len(tokens)} live tokens have the prefix {revoke!r}.")
            try:
                token_revoke(token=tokens[0], revoked_by=issuer)
            except PermissionDenied as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"Revoked {tokens[0]}.")
            return
        if not name or not user:
            raise CommandError("Give --name and --user (or --revoke PREFIX).")
        acting = User.objects.filter(username=user).first()
        if acting is None:
            raise CommandError(f"No user {user!r}.")
        try:
            token, secret = token_create(name=name, user=acting, scope=scope, created_by=issuer)
        except ValidationError as exc:
            raise CommandError("; ".join(m for ms in exc.message_dict.values() for m in ms)) \
                from None
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from None
        self.stderr.write(f"Created {token}. The secret is shown once; store it now:")
        self.stdout.write(secret)

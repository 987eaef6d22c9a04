"""manage.py demo: set up a demo desk: gazetteer, actors, accounts and sample articles."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from claims.models import Place
from claims.permissions import EDITORS, REPORTERS

SAMPLES = Path(__file__).resolve().parents[2] / "demo" / "articles"

# Demo accounts with known passwords; created only on a DEBUG install or with --force.
ACCOUNTS = (
    ("editor", "editor-demo-pass", EDITORS, False),
    ("reporter", "reporter-demo-pass", REPORTERS, False),
    ("admin", "admin-demo-pass", None, True),
)


class Command(BaseCommand):
    help = ("Load the gazetteer and actors, create demo accounts (editor, reporter, admin) and "
            "ingest the sample articles through the real extraction pipeline.")

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="create the demo accounts even when DEBUG is off")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("demo accounts have known passwords: run with DEBUG=1 or --force")
        if not Place.objects.filter(country_code="AF", kind=Place.Kind.DISTRICT).exists():
            call_command("load_gazetteer", country=["AF"], stdout=self.stdout)
        call_command("load_actors", stdout=self.stdout)
        for username, password, group, staff in ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(password)
            user.is_staff = user.is_superuser = staff
            user.save()
            if group:
                user.groups.add(Group.objects.get_or_create(name=group)[0])
        paths = sorted(str(p) for p in SAMPLES.glob("*.txt"))
        call_command("ingest", *paths, wait=True, stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(self.style.SUCCESS("\nDemo desk ready. Sign in at /accounts/login/ as:"))
        for username, password, group, staff in ACCOUNTS:
            role = "staff (admin site)" if staff else group
            self.stdout.write(f"  {username:9s} password {password:20s} {role}")

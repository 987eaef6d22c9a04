"""manage.py load_actors: load the shipped actor registry (aliases of armed groups) as Actors."""

from django.core.management.base import BaseCommand

from claims.services.gazetteer import actors_load


class Command(BaseCommand):
    help = "Create or update Actor rows from the shipped actor registry. Idempotent."

    def handle(self, *args, **options):
        self.stdout.write(f"{actors_load()} actors created or updated")

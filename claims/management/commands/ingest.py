"""manage.py ingest PATH... [--wait]: store article files and queue their extraction."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from claims.models import Article, ExtractionRun
from claims.services.articles import article_create_from_upload


class Command(BaseCommand):
    help = ("Ingest article files (optional 'key: value' header lines, a blank line, the body) "
            "and queue their extraction.")

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="article files (.txt, .md, .html)")
        parser.add_argument("--wait", action="store_true",
                            help="wait until every queued extraction has finished")
        parser.add_argument("--timeout", type=float, default=600,
                            help="seconds to wait with --wait (default 600)")

    def handle(self, *args, paths, wait=False, timeout=600.0, **options):
        runs: list[int] = []
        failures = 0
        for raw_path in paths:
            path = Path(raw_path)
            if not path.is_file():
                self.stderr.write(f"{path}: no such file")
                failures += 1
                continue
            try:
                result = article_create_from_upload(
                    raw=path.read_bytes(), filename=path.name, source=Article.Source.COMMAND)
            except ValidationError as exc:
                messages = "; ".join(m for ms in exc.message_dict.values() for m in ms)
                self.stderr.write(f"{path}: rejected: {messages}")
                failures += 1
                continue
            article = result.article
            if result.created:
                runs.append(result.run.pk)
                self.stdout.write(f"{path}: article {article.pk} stored, extraction queued "
                                  f"(run {result.run.pk})")
            else:
                self.stdout.write(f"{path}: already on file as article {article.pk}")
        if wait and runs:
            self._wait(runs, timeout)
        if failures:
            raise CommandError(f"{failures} of {len(paths)} file(s) were not ingested")

    def _wait(self, run_ids: list[int], timeout: float) -> None:
        import time

        deadline = time.monotonic() + timeout
        active = [ExtractionRun.Status.QUEUED, ExtractionRun.Status.RUNNING]
        while ExtractionRun.objects.filter(pk__in=run_ids, status__in=active).exists():
            if time.monotonic() > deadline:
                raise CommandError(f"extraction still running after {timeout:.0f}s")
            time.sleep(0.5)
        for run in ExtractionRun.objects.filter(pk__in=run_ids).order_by("pk"):
            claims = run.claims.count()
            line = f"run {run.pk} (article {run.article_id}): {run.status}, {claims} claim(s)"
            if run.status == ExtractionRun.Status.FAILED:
                self.stderr.write(f"{line}: {run.error}")
            else:
                self.stdout.write(line)

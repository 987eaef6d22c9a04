"""Dry-run the claim extractor over article files, without touching the database.

    python manage.py extract ARTICLE.txt ... [--jsonl]

Each file is read in the article file format (optional `key: value` headers, a blank line, the
body) and run through the same `extract` the worker uses, with the default gazetteer and actor
registry. --jsonl prints one object per claim in the corpus output schema, for the scorer.
"""

from __future__ import annotations

import json
import os

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import articlefile
from claims.extraction.actors import default_registry
from claims.extraction.gazetteer import default_gazetteer
from claims.extraction.pipeline import EXTRACTOR_VERSION, extract


class Command(BaseCommand):
    help = "Extract claims from article files and print them (no database needed)."
    requires_system_checks: list = []  # a dry run must work without a database
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="article files")
        parser.add_argument("--jsonl", action="store_true",
                            help="print one JSON object per claim (the corpus schema)")

    def handle(self, *args, **options):
        gazetteer, registry = default_gazetteer(), default_registry()
        failed = 0
        for path in options["paths"]:
            name = os.path.basename(path)
            try:
                with open(path, "rb") as fh:
                    article = articlefile.parse(articlefile.decode(fh.read()))
            except (OSError, articlefile.ArticleFileError) as exc:
                self.stderr.write(f"{name}: {exc}")
                failed += 1
                continue
            result = extract(article.body, published=article.published, gazetteer=gazetteer,
                             actors=registry, outlet=article.outlet or None)
            # The guide annotates a claim again where the headline restates it; the headline is
            # read on its own (its offsets are not the body's, so it is printed, not stored).
            headline = []
            if article.title.strip():
                headline = extract(article.title.strip(), published=article.published,
                                   gazetteer=gazetteer, actors=registry,
                                   outlet=article.outlet or None, country=result.country).claims
            if options["jsonl"]:
                for claim in [*headline, *result.claims]:
                    self.stdout.write(json.dumps(claim.as_schema(name), ensure_ascii=False))
                continue
            self._summary(name, article, result)
        if failed and failed == len(options["paths"]):
            raise CommandError("no article could be read")

    def _summary(self, name, article, result):
        self.stdout.write(self.style.MIGRATE_HEADING(
            f"{name}  ({article.outlet or 'unknown outlet'}, published {article.published or '?'}; "
            f"{len(result.claims)} claims, {len(result.mentions)} mentions, {EXTRACTOR_VERSION})"))
        for i, c in enumerate(result.claims):
            who = c.claimant + (f" / {c.speaker}" if c.speaker else "")
            extra = []
            if c.claimed_controller:
                extra.append(f"controller {c.claimed_controller}")
            if c.event_date:
                extra.append(f"on {c.event_date.isoformat()}")
            if c.verification_note:
                extra.append(f"hedged: {c.verification_note}")
            if c.denies:
                extra.append(f"denies #{', #'.join(map(str, c.denies))}")
            self.stdout.write(f"  #{i} {c.claim_type:<10} {c.place or '-':<28} by {who}"
                              + (f"  [{'; '.join(extra)}]" if extra else "")
                              + f"  ({c.confidence:.2f})")
            self.stdout.write(f"      \u201c{c.sentence[:150]}\u201d")

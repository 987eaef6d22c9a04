"""Celery tasks: thin, idempotent, and taking ids only (JSON-serialisable, never objects)."""

import contextlib
import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerOperationalError

from claims.models import ExtractionRun
from claims.services.extraction import extraction_execute, run_fail, run_requeue

log = logging.getLogger(__name__)

# Errors that say "try again later", not "this article cannot be extracted".
TRANSIENT = (OperationalError, InterfaceError, BrokerOperationalError, ConnectionError)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=5)
def extract_article(self, article_id: int, run_id: int | None = None) -> str:
    """Extract claims from an article. Running it twice leaves the same rows."""
    if run_id is None:
        run = (ExtractionRun.objects.filter(article_id=article_id)
               .order_by("-created_at", "-pk").first())
        if run is None:
            run = ExtractionRun.objects.create(article_id=article_id)
        run_id = run.pk
    try:
        run = extraction_execute(run_id=run_id)
    except TRANSIENT as exc:
        if self.request.retries >= self.max_retries:
            run_fail(run_id=run_id, error=f"gave up after {self.request.retries} retries: {exc}")
            raise
        # If the database is still away the run stays "running", and run_start takes it over.
        with contextlib.suppress(*TRANSIENT):
            run_requeue(run_id=run_id, error=str(exc))
        # Exponential backoff: 2, 4, 8, 16, 32 seconds.
        raise self.retry(exc=exc, countdown=2 ** (self.request.retries + 1)) from exc
    return run.status if run else "already finished"

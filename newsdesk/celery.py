"""The Celery app: workers run `celery -A newsdesk worker`."""

import logging
import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")

app = Celery("newsdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def warm_up_extractor(**kwargs):
    """Load the spaCy model when a worker process starts, not inside the first task.

    The one signal in the project: it changes no data, only when a cost is paid.
    """
    from claims.services.extraction import extraction_warm_up

    try:
        extraction_warm_up()
    except Exception:  # an empty database or a broken extractor must not stop the worker
        logging.getLogger(__name__).exception("extractor warm-up failed; continuing cold")

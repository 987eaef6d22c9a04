"""A real Celery worker process on real Redis: no eager shortcuts.

These tests commit data (transactional_db) because the worker is another process reading the
test database. Each test gets its own queue so stray messages cannot leak between runs.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from claims.models import ExtractionRun
from claims.services.articles import article_create
from claims.services.gazetteer import actors_load, gazetteer_load
from newsdesk.celery import app

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BROKER_URL = os.environ.get("NEWSDESK_TEST_BROKER_URL", "redis://127.0.0.1:6379/14")

ARTICLE = (
    "Militia spokesman Omar Hadi said on Sunday that fighters loyal to the Taliban had "
    "captured Khinj district in Panjshir province after a night of fighting.\n\n"
    "The National Resistance Front denied the claim and said its units still held Khinj."
)


@pytest.fixture
def queue():
    """Send tasks to Redis on a private queue, as the web process does in production."""
    try:
        redis.Redis.from_url(BROKER_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis is not reachable at {BROKER_URL}: {exc} (make test needs it)")
    name = f"newsdesk-test-{uuid.uuid4().hex[:8]}"
    saved = {k: app.conf[k] for k in ("task_always_eager", "broker_url", "task_default_queue")}
    app.conf.update(task_always_eager=False, broker_url=BROKER_URL, task_default_queue=name)
    _forget_connections()
    yield name
    app.conf.update(saved)
    _forget_connections()
    client = redis.Redis.from_url(BROKER_URL)
    client.delete(name, f"_kombu.binding.{name}", f"_kombu.binding_permanent.{name}")


def _forget_connections():
    """Drop the pools an earlier test built for another broker (the in-memory one).

    Celery caches both the connection pool and the producer pool; it resets the same two
    after a fork (Celery._after_fork).
    """
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def places(db):
    gazetteer_load(country_codes=["AF"])
    actors_load()


class Worker:
    def __init__(self, queue: str, log: Path, **env):
        database = settings.DATABASES["default"]
        self.log = log
        self.env = {
            **os.environ,
            "DATABASE_URL": (f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
                             f"{database['PORT'] or 5432}/{connection.settings_dict['NAME']}"),
            "CELERY_BROKER_URL": BROKER_URL,
            "CELERY_QUEUE": queue,
            **env,
        }
        self.cmd = [sys.executable, "-m", "celery", "-A", "newsdesk", "worker", "--pool=solo",
                    "--queues", queue, "--without-gossip", "--without-mingle",
                    "--without-heartbeat", "--loglevel=INFO",
                    "--hostname", f"test-{uuid.uuid4().hex[:6]}@%h"]
        self.proc = None

    def start(self):
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(self.cmd, cwd=settings.BASE_DIR, env=self.env,
                                         stdout=out, stderr=subprocess.STDOUT)
        return self

    def kill(self):
        """Die the way a worker dies when its machine goes away: no clean-up, no ack."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def workers(tmp_path):
    started: list[Worker] = []

    def start(queue, **env):
        worker = Worker(queue, tmp_path / f"worker-{len(started)}.log", **env).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def wait_for(predicate, *, timeout: float, logs: list[Path], what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    tail = "\n".join(p.read_text(errors="replace")[-3000:] for p in logs if p.exists())
    pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}; worker log:\n{tail}")


def run_of(article):
    return ExtractionRun.objects.filter(article=article).order_by("-pk").first()


def test_an_uploaded_article_reaches_the_board_through_a_real_worker(
        queue, places, workers, tmp_path, reporter_client):
    worker = workers(queue)
    article = article_create(body=ARTICLE, outlet="Valley Wire", published_at="2021-09-05").article
    assert run_of(article).status == "queued"  # not eager: nothing ran in this process

    run = wait_for(lambda: (r := run_of(article)).status in ("done", "failed") and r,
                   timeout=180, logs=[worker.log], what="the worker to finish the run")
    assert run.status == "done", run.error
    khinj = article.claims.filter(place__name="Khinj", claim_type="captured").first()
    assert khinj is not None, list(article.claims.values_list("place_text", "claim_type"))
    assert khinj.claimed_controller.name == "Taliban"

    board = reporter_client.get("/").content.decode()
    assert "Khinj" in board and "Taliban" in board


def test_a_task_whose_worker_dies_is_retried_by_another_worker(
        queue, places, workers, tmp_path):
    # The first worker stalls inside the task; the broker hands the task to another worker
    # after the visibility timeout because the first never acknowledged it (acks_late).
    slow = workers(queue, NEWSDESK_EXTRACTOR="tests.fakes.slow_extract",
                   NEWSDESK_TEST_SLOW_SECONDS="60", CELERY_VISIBILITY_TIMEOUT="3")
    article = article_create(body=ARTICLE, outlet="Valley Wire", published_at="2021-09-05").article
    wait_for(lambda: run_of(article).status == "running", timeout=120, logs=[slow.log],
             what="the first worker to start the run")
    slow.kill()
    assert run_of(article).status == "running"  # the work is not lost, only orphaned

    rescuer = workers(queue, CELERY_VISIBILITY_TIMEOUT="3", CELERY_RESTORE_CHECK_SECONDS="1")
    run = wait_for(lambda: (r := run_of(article)).status in ("done", "failed") and r,
                   timeout=180, logs=[slow.log, rescuer.log],
                   what="the second worker to redo the orphaned run")
    assert run.status == "done", run.error
    assert run.attempts == 2
    assert article.claims.filter(place__name="Khinj").exists()

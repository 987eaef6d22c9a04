"""End-to-end throughput: articles uploaded -> Redis -> Celery workers -> claims in PostgreSQL.

usage: python bench/pipeline.py [--articles 40] [--workers 2]

Uses (and migrates) the database named by BENCH_DATABASE_URL (default a scratch
postgres://postgres@127.0.0.1:5432/newsdesk_bench) and Redis db 13. Prints articles per
minute, words per second and the spread of per-article run times. Nothing is asserted.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL",
                              "postgres://postgres@127.0.0.1:5432/newsdesk_bench")
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/13")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    queue = f"bench-{uuid.uuid4().hex[:6]}"
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "CELERY_BROKER_URL": BROKER_URL,
           "CELERY_QUEUE": queue, "DJANGO_SETTINGS_MODULE": "newsdesk.settings"}
    os.environ.update(env)
    _ensure_database()
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from claims.models import Article, ExtractionRun, Place
    from claims.services.articles import article_create

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        if not Place.objects.filter(country_code="AF").exists():
            call_command("load_gazetteer", stdout=quiet)
        call_command("load_actors", stdout=quiet)

    samples = sorted((ROOT / "claims" / "demo" / "articles").glob("*.txt"))
    from claims.extraction.articlefile import parse

    bodies = [parse(p.read_text()).body for p in samples]
    workers = [subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "newsdesk", "worker", "--pool=solo",
         "--queues", queue, "--without-gossip", "--without-mingle", "--loglevel=WARNING",
         "--hostname", f"bench{i}-{queue}@%h"], cwd=ROOT, env=env)
        for i in range(args.workers)]
    try:
        time.sleep(3)  # let the workers load the model before the clock starts
        run_ids, words = [], 0
        started = time.monotonic()
        for i in range(args.articles):
            body = f"{bodies[i % len(bodies)]}\n\n(Bench copy {uuid.uuid4().hex}, item {i}.)"
            words += len(body.split())
            result = article_create(body=body, outlet="Bench Wire", published_at="2021-09-05")
            run_ids.append(result.run.pk)
        active = [ExtractionRun.Status.QUEUED, ExtractionRun.Status.RUNNING]
        while ExtractionRun.objects.filter(pk__in=run_ids, status__in=active).exists():
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        runs = list(ExtractionRun.objects.filter(pk__in=run_ids))
        durations = sorted(r.duration_seconds for r in runs if r.duration_seconds is not None)
        failed = sum(r.status == "failed" for r in runs)
        claims = sum(r.claims.count() for r in runs)
        q = statistics.quantiles(durations, n=20) if len(durations) >= 2 else durations * 19
        print(f"articles {args.articles}  workers {args.workers}  failed {failed}  "
              f"claims {claims}")
        print(f"wall {elapsed:.1f}s  {args.articles / elapsed * 60:.0f} articles/min  "
              f"{words / elapsed:.0f} words/s end to end")
        print(f"per-article run time: median {statistics.median(durations):.3f}s  "
              f"p95 {q[18]:.3f}s  max {durations[-1]:.3f}s")
        Article.objects.filter(outlet__name="Bench Wire").delete()
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
    return 0


def _ensure_database() -> None:
    import psycopg2

    name = DATABASE_URL.rsplit("/", 1)[1]
    conn = psycopg2.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()


if __name__ == "__main__":
    sys.exit(main())

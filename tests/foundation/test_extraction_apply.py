"""extraction_execute / extraction_apply: runs move through one state machine and re-runs
replace the extractor's output without erasing editors' work."""

import pytest

from claims.models import Claim, ClaimCorrection, ExtractionRun, Mention, Review
from claims.services.articles import article_create
from claims.services.extraction import extraction_execute, run_start
from claims.tasks import extract_article
from tests.factories import make_district

BODY = ("Taliban fighters captured Qarabel on Monday. "
        "NRF denied that the town had fallen.")


@pytest.fixture(autouse=True)
def fake_extractor(settings):
    settings.NEWSDESK_EXTRACTOR = "tests.fakes.rule_extract"


@pytest.fixture
def article(db):
    return article_create(body=BODY, outlet="Valley Wire", published_at="2021-09-06").article


def _run(article):
    return extraction_execute(run_id=article.runs.get().pk)


def test_a_run_stores_mentions_and_claims_and_finishes(article):
    run = _run(article)
    assert (run.status, run.progress, run.attempts) == ("done", 100, 1)
    assert run.extractor_version == "fake-1" and "total" in run.timings
    claims = {c.claim_type: c for c in article.claims.all()}
    assert claims["captured"].claimed_controller.name == "Taliban"
    assert claims["captured"].sentence == "Taliban fighters captured Qarabel on Monday."
    assert BODY[claims["captured"].place_start:claims["captured"].place_end] == "Qarabel"
    assert claims["denied"].claimant.name == "NRF"
    assert list(claims["denied"].denies.all()) == [claims["captured"]]
    assert Mention.objects.filter(article=article, kind="place", text="Qarabel").exists()


def test_a_place_in_the_gazetteer_links_to_it(article):
    qarabel = make_district("Qarabel")
    import tests.fakes as fakes
    from claims.extraction.types import Claim as Extracted

    def extract_with_gid(text, **kw):
        found = fakes.rule_extract(text, **kw)
        found.claims = [Extracted(**{**c.__dict__, "place_geonames_id": qarabel.geonames_id})
                        for c in found.claims]
        return found

    fakes.extract_with_gid = extract_with_gid
    from django.conf import settings
    settings.NEWSDESK_EXTRACTOR = "tests.fakes.extract_with_gid"
    _run(article)
    assert {c.place for c in article.claims.all()} == {qarabel}


def test_a_place_outside_the_gazetteer_is_kept_as_unresolved(article):
    _run(article)
    place = article.claims.get(claim_type="captured").place
    assert place.name == "Qarabel" and place.geonames_id is None


def test_running_twice_leaves_the_same_rows(article):
    _run(article)
    before = sorted(article.claims.values_list("pk", "fingerprint", "claim_type"))
    mentions = Mention.objects.filter(article=article).count()
    run = article.runs.get()
    ExtractionRun.objects.filter(pk=run.pk).update(status="queued")
    extraction_execute(run_id=run.pk)
    assert sorted(article.claims.values_list("pk", "fingerprint", "claim_type")) == before
    assert Mention.objects.filter(article=article).count() == mentions


def test_a_finished_run_is_not_run_again(article):
    _run(article)
    assert extraction_execute(run_id=article.runs.get().pk) is None
    assert run_start(run_id=article.runs.get().pk) is None


def test_a_rerun_with_a_new_extractor_keeps_reviews_and_corrections(article, editor, settings):
    _run(article)
    claim = article.claims.get(claim_type="captured")
    Review.objects.create(claim=claim, editor=editor, from_flag="unverified", to_flag="verified",
                          claim_version=1)
    ClaimCorrection.objects.create(claim=claim, editor=editor, claim_type="controls",
                                   claim_version=1)
    Claim.objects.filter(pk=claim.pk).update(flag="verified", version=2)

    settings.NEWSDESK_EXTRACTOR = "tests.fakes.rule_extract_v2"
    rerun = ExtractionRun.objects.create(article=article)
    extraction_execute(run_id=rerun.pk)

    claim.refresh_from_db()
    assert claim.run == rerun and claim.extractor_version == "fake-2"
    assert (claim.flag, claim.version) == ("verified", 2)
    assert claim.reviews.count() == 1 and claim.corrections.count() == 1


def test_a_claim_the_new_run_no_longer_finds_is_kept_but_not_current(article, settings):
    _run(article)
    settings.NEWSDESK_EXTRACTOR = "tests.fakes.rule_extract"
    article.body = "Taliban fighters captured Qarabel on Monday."
    article.save()
    before = article.claims.get(claim_type="denied").updated_at
    rerun = ExtractionRun.objects.create(article=article)
    extraction_execute(run_id=rerun.pk)
    assert article.claims.filter(is_current=True).count() == 1
    dropped = article.claims.get(claim_type="denied")
    assert dropped.is_current is False
    assert dropped.updated_at > before  # so an API client's Last-Modified moves


def test_an_extractor_error_fails_the_run_with_the_error_kept(article, settings):
    settings.NEWSDESK_EXTRACTOR = "tests.fakes.broken_extract"
    run = _run(article)
    assert run.status == "failed"
    assert "RuntimeError: the extractor tripped over this text" in run.error
    assert not article.claims.exists()


def test_the_task_runs_a_queued_run(article):
    assert extract_article.apply(args=[article.pk, article.runs.get().pk]).get() == "done"
    assert article.claims.count() == 2


def test_the_task_finds_the_run_when_given_only_the_article(article):
    assert extract_article.apply(args=[article.pk]).get() == "done"


def test_the_task_retries_a_transient_database_error(article, monkeypatch):
    from django.db import OperationalError

    calls = []

    def flaky(*, run_id):
        calls.append(run_id)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return ExtractionRun.objects.get(pk=run_id)

    monkeypatch.setattr("claims.tasks.extraction_execute", flaky)
    monkeypatch.setattr("claims.tasks.extract_article.retry",
                        lambda exc, countdown: (_ for _ in ()).throw(type("Retry", (Exception,),
                                                                          {})(countdown)))
    run = article.runs.get()
    ExtractionRun.objects.filter(pk=run.pk).update(status="running")
    with pytest.raises(Exception) as caught:
        extract_article.run(article.pk, run.pk)
    assert caught.value.args == (2,)  # first backoff: two seconds
    run.refresh_from_db()
    assert run.status == "queued" and "retrying after" in run.error

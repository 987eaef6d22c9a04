"""The desk walked as people walk it, in chromium: upload, watch, verify, read, look back."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from claims.models import ExtractionRun, Review
from claims.services.extraction import extraction_execute
from tests.factories import (
    make_actor,
    make_article,
    make_claim,
    make_district,
    make_province,
    make_run,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORT = ("Taliban spokesman Omar Hadi said on Saturday that Taliban fighters had captured "
          "Qarabel district after a night of clashes with resistance units.\n\n"
          "Residents reached by phone described shuttered shops and a quiet main road.")


@pytest.fixture
def gazetteer(db):
    province = make_province("Northvale")
    return {"province": province, "qarabel": make_district("Qarabel", province),
            "tolkhan": make_district("Tolkhan", province)}


def at(day, hour=9):
    return dt.datetime(2021, 9, day, hour, tzinfo=dt.UTC)


def test_an_editor_uploads_watches_it_finish_verifies_and_the_board_changes(
        gazetteer, editor, sign_in, live_server, eager_tasks):
    page = sign_in(editor)
    page.get_by_role("link", name="Upload").click()
    page.get_by_label("Article text").fill(REPORT)
    page.get_by_label("Outlet").fill("Hill Courier")
    page.get_by_label("Title").fill("Qarabel taken, militia says")
    page.get_by_label("Published (UTC)").fill("2021-09-06T08:00")
    page.get_by_role("button", name="Store and extract").click()

    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    expect(page.get_by_role("heading", name="Qarabel taken, militia says")).to_be_visible()
    expect(page.locator("[data-status]")).to_have_text("done")
    expect(page.locator(".article-text .ent-person").first).to_have_text("Omar Hadi")
    card = page.locator(".claim-card", has_text="Qarabel").first
    expect(card).to_contain_text("Hill Courier")

    page.goto(f"{live_server.url}/")
    row = page.get_by_role("row", name=re.compile("Qarabel"))
    expect(row).to_contain_text("claimed")
    expect(row).to_contain_text("Taliban")

    row.get_by_role("link", name="Qarabel").click()
    card = page.locator(".claim-card").first
    card.get_by_label("Note").fill("Two elders confirmed by phone.")
    card.get_by_role("button", name="Verify").click()
    card = page.locator(".claim-card").first
    expect(card.locator(".flag").first).to_have_text(re.compile("verified", re.I))
    expect(card).to_contain_text("Two elders confirmed by phone.")
    assert Review.objects.get().to_flag == "verified"

    page.get_by_role("link", name="Board").first.click()
    expect(page.get_by_role("row", name=re.compile("Qarabel"))).to_contain_text("confirmed")


def test_job_progress_updates_in_place_until_the_claims_appear(gazetteer, editor, sign_in,
                                                              live_server):
    article = make_article(REPORT, outlet="Hill Courier", published_at=at(6))
    run = make_run(article, status=ExtractionRun.Status.QUEUED, extractor_version="")
    page = sign_in(editor)
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    expect(page.locator("[data-status]")).to_have_text("queued")
    expect(page.locator("#article-claims")).to_contain_text("Claims appear here")
    page.evaluate("window.notReloaded = true")

    extraction_execute(run_id=run.pk)  # what the worker does, here in the test's thread

    expect(page.locator("[data-status]")).to_have_text("done", timeout=10_000)
    expect(page.locator("#article-claims .claim-card").first).to_contain_text("Qarabel")
    expect(page.locator(".article-text .ent-place").first).to_be_visible()
    assert page.evaluate("window.notReloaded") is True


def test_a_reporter_sees_no_edit_controls_and_gets_403_on_edit_urls(gazetteer, reporter,
                                                                    sign_in, live_server):
    claim = make_claim(place=gazetteer["qarabel"], article=make_article(REPORT))
    page = sign_in(reporter)
    expect(page.get_by_role("row", name=re.compile("Qarabel"))).to_contain_text("claimed")
    expect(page.get_by_role("link", name="Upload")).to_have_count(0)
    expect(page.get_by_role("link", name="Review queue")).to_have_count(0)

    for path in (f"/districts/{gazetteer['qarabel'].pk}/", f"/articles/{claim.article_id}/",
                 f"/claims/{claim.pk}/"):
        page.goto(live_server.url + path)
        expect(page.locator(".claim-card").first).to_be_visible()
        expect(page.get_by_role("button", name="Verify")).to_have_count(0)
        expect(page.get_by_role("button", name="Re-run extraction")).to_have_count(0)
        expect(page.get_by_role("link", name="Correct extraction…")).to_have_count(0)

    for path in ("/articles/new/", "/review/", f"/claims/{claim.pk}/correct/"):
        response = page.goto(live_server.url + path)
        assert response.status == 403, path
        expect(page.get_by_role("heading", name="You can't do that here")).to_be_visible()


def test_an_as_of_view_from_before_an_article_does_not_show_its_claims(gazetteer, reporter,
                                                                       sign_in, live_server):
    taliban, nrf = make_actor("Taliban"), make_actor("NRF")
    early = make_article("Resistance fighters said they still held Qarabel on Friday.",
                         outlet="Plains Daily", published_at=at(3))
    make_claim(place=gazetteer["qarabel"], article=early, claim_type="controls",
               controller=nrf, claimant=nrf, event_date=dt.date(2021, 9, 3))
    late = make_article(REPORT, outlet="Hill Courier", published_at=at(6))
    make_claim(place=gazetteer["qarabel"], article=late, controller=taliban,
               event_date=dt.date(2021, 9, 4))

    page = sign_in(reporter)
    row = page.get_by_role("row", name=re.compile("Qarabel"))
    expect(row).to_contain_text("disputed")
    expect(row).to_contain_text("Hill Courier")

    page.get_by_label("As of (UTC)").fill("2021-09-05T12:00")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"as_of=2021-09-05T12%3A00"))
    row = page.get_by_role("row", name=re.compile("Qarabel"))
    expect(row).to_contain_text("claimed")
    expect(row).to_contain_text("NRF")
    expect(row).not_to_contain_text("Hill Courier")

    row.get_by_role("link", name="Qarabel").click()
    expect(page.locator(".notice")).to_contain_text("As of 2021-09-05 12:00 UTC")
    expect(page.locator(".claim-card")).to_have_count(1)
    expect(page.locator(".claim-card")).to_contain_text("Plains Daily")


def test_two_editors_at_once_the_second_sees_the_newer_review_and_keeps_the_note(
        gazetteer, editor, sign_in, live_server, django_user_model):
    from django.contrib.auth.models import Group

    from claims.permissions import EDITORS

    colleague = django_user_model.objects.create_user("cora", password="pw-cora",
                                                      first_name="Cora")
    colleague.groups.add(Group.objects.get_or_create(name=EDITORS)[0])
    claim = make_claim(place=gazetteer["qarabel"], article=make_article(REPORT))
    url = f"{live_server.url}/claims/{claim.pk}/"

    mine, theirs = sign_in(editor), sign_in(colleague)
    mine.goto(url)
    theirs.goto(url)
    theirs.get_by_label("Note").fill("The outlet withdrew the story.")
    theirs.get_by_role("button", name="False").click()
    expect(theirs.locator(".claim-card .flag").first).to_have_text(re.compile("false", re.I))

    mine.get_by_label("Note").fill("Satellite imagery shows the flag over the centre.")
    mine.get_by_role("button", name="Verify").click()
    conflict = mine.get_by_role("alert")
    expect(conflict).to_contain_text("Someone reviewed this claim while you were looking")
    expect(conflict).to_contain_text("The outlet withdrew the story.")
    expect(mine.get_by_label("Note")).to_have_value(
        "Satellite imagery shows the flag over the centre.")
    assert Review.objects.count() == 1

    mine.get_by_role("button", name="Verify").click()  # knowingly, on top of Cora's
    expect(mine.locator(".claim-card .flag").first).to_have_text(re.compile("verified", re.I))
    assert [r.to_flag for r in Review.objects.order_by("pk")] == ["false", "verified"]

"""The desk's pages: who may see and do what, and what each page shows."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from claims.models import Article, ClaimCorrection, ExtractionRun, Mention, Review
from claims.services.reviews import claim_review
from tests.factories import make_article, make_claim, make_district, make_run

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def edit_urls(valley):
    claim = valley["qarabel_claim"]
    return [
        ("get", reverse("claims:upload")),
        ("post", reverse("claims:upload")),
        ("get", reverse("claims:queue")),
        ("post", reverse("claims:claim_review", args=[claim.pk])),
        ("get", reverse("claims:claim_correct", args=[claim.pk])),
        ("post", reverse("claims:claim_correct", args=[claim.pk])),
        ("post", reverse("claims:article_rerun", args=[claim.article_id])),
    ]


def read_urls(valley):
    return [
        reverse("claims:board"),
        reverse("claims:district", args=[valley["sangdara"].pk]),
        reverse("claims:article", args=[valley["first"].pk]),
        reverse("claims:articles"),
        reverse("claims:claim", args=[valley["qarabel_claim"].pk]),
    ]


# --------------------------------------------------------------------------- roles
def test_it_sends_anonymous_visitors_to_log_in(valley):
    for url in read_urls(valley) + [u for _, u in edit_urls(valley)]:
        response = Client().get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_the_login_page_and_healthz_are_open(db):
    assert Client().get(reverse("login")).status_code == 200
    assert Client().get("/healthz").status_code == 200


def test_a_reporter_reads_every_page(valley, reporter_client):
    for url in read_urls(valley):
        assert reporter_client.get(url).status_code == 200, url


def test_a_reporter_sees_no_edit_controls(valley, reporter_client):
    for url in read_urls(valley):
        html = reporter_client.get(url).content.decode()
        assert "review-form" not in html, url
        assert reverse("claims:upload") not in html, url
        assert "Re-run extraction" not in html, url
        assert "Correct extraction" not in html, url


def test_a_reporter_gets_a_friendly_403_on_edit_urls(valley, reporter_client):
    for method, url in edit_urls(valley):
        response = getattr(reporter_client, method)(url)
        assert response.status_code == 403, url
        assert b"Reporters can read everything" in response.content


def test_an_account_without_a_role_cannot_browse(valley, outsider_client):
    response = outsider_client.get(reverse("claims:board"))
    assert response.status_code == 403
    assert b"no desk role" in response.content


def test_only_staff_reach_the_admin(editor_client, staff):
    assert editor_client.get("/admin/").status_code == 302
    assert _client(staff).get("/admin/claims/claim/").status_code == 200


def _client(user):
    client = Client()
    client.force_login(user)
    return client


# --------------------------------------------------------------------------- board & district
def test_the_board_shows_status_in_words_controller_and_counts(valley, reporter_client):
    html = reporter_client.get(reverse("claims:board")).content.decode()
    assert "Northvale" in html and "Qarabel" in html
    assert "claimed" in html and "disputed" in html
    assert "1 district with no reports" in html  # Tolkhan, folded away
    assert "Valley Wire" in html


def test_the_board_filters_by_status(valley, reporter_client):
    html = reporter_client.get(reverse("claims:board"), {"status": "disputed"}).content.decode()
    assert "Sangdara" in html and "Qarabel" not in html


def test_the_board_as_of_before_an_article_does_not_show_its_claims(valley, reporter_client):
    html = reporter_client.get(reverse("claims:board"),
                               {"as_of": "2021-09-03T12:00"}).content.decode()
    assert "Valley Wire" not in html
    assert "as of" in html


def test_a_malformed_as_of_is_reported_not_a_crash(valley, reporter_client):
    response = reporter_client.get(reverse("claims:board"), {"as_of": "soon"})
    assert response.status_code == 200
    assert b"Ignored the as-of time" in response.content


def test_the_board_page_runs_a_bounded_number_of_queries(valley, reporter_client,
                                                        django_assert_max_num_queries):
    for n in range(25):
        make_claim(place=make_district(f"Extra {n}", valley["province"]),
                   article=make_article(f"Invented report {n}."))
    # Session, user, roles, the filter menus, then board_rows and province_rows (five each at
    # most): a constant, whatever the number of districts and claims.
    with django_assert_max_num_queries(16):
        assert reporter_client.get(reverse("claims:board")).status_code == 200


def test_the_district_page_shows_the_timeline_chart_and_history(valley, editor, reporter_client,
                                                               django_assert_max_num_queries):
    claim_review(claim=valley["sangdara_held"], editor=editor, to_flag="verified",
                 seen_version=1, note="Confirmed by phone.")
    with django_assert_max_num_queries(16):
        response = reporter_client.get(reverse("claims:district", args=[valley["sangdara"].pk]))
    html = response.content.decode()
    assert "<svg" in html and "Holding claims per side" in html
    assert html.index("Plains Daily") < html.index("Hill Courier")  # newest first
    assert "Confirmed by phone." in html
    assert f"#claim-{valley['sangdara_held'].pk}" in html


def test_an_unknown_district_is_404(reporter_client, db):
    assert reporter_client.get(reverse("claims:district", args=[12345])).status_code == 404


# --------------------------------------------------------------------------- article
def test_the_article_page_escapes_the_text_and_highlights_entities(editor_client, db):
    body = "Omar Hadi said <script>alert(1)</script> the militia holds Qarabel."
    article = make_article(body)
    run = make_run(article)
    Mention.objects.create(article=article, run=run, kind="person", text="Omar Hadi",
                           start=0, end=9, canonical="Omar Hadi")
    start = body.index("Qarabel")
    Mention.objects.create(article=article, run=run, kind="place", text="Qarabel",
                           start=start, end=start + 7)
    claim = make_claim(article=article, place=make_district("Qarabel"), sentence=body)
    html = editor_client.get(reverse("claims:article", args=[article.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<span class="ent ent-person" title="person: Omar Hadi">Omar Hadi</span>' in html
    assert f'id="claim-{claim.pk}"' in html
    assert "Re-run extraction" in html


def test_progress_polls_while_the_run_is_active(editor_client, db):
    article = make_article()
    run = make_run(article, status=ExtractionRun.Status.RUNNING, progress=40)
    url = reverse("claims:article_progress", args=[article.pk])
    html = editor_client.get(url, **HTMX).content.decode()
    assert 'hx-trigger="every 1s"' in html and "40%" in html

    ExtractionRun.objects.filter(pk=run.pk).update(status=ExtractionRun.Status.DONE)
    html = editor_client.get(url, {"since": "running"}, **HTMX).content.decode()
    assert "hx-trigger" not in html
    assert 'id="article-claims" hx-swap-oob="true"' in html


def test_an_editor_reruns_the_extraction(editor_client, db):
    article = make_article()
    make_run(article)
    response = editor_client.post(reverse("claims:article_rerun", args=[article.pk]))
    assert response.status_code == 302
    assert article.runs.count() == 2


# --------------------------------------------------------------------------- upload
def test_an_editor_uploads_pasted_text_and_lands_on_the_article(editor, editor_client):
    response = editor_client.post(reverse("claims:upload"), {
        "body": "The resistance said it repelled an attack on Tolkhan overnight.",
        "outlet": "Hill Courier", "title": "Attack repelled",
        "url": "https://example.org/attack", "published_at": "2021-09-05T08:30",
    })
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:article", args=[article.pk])
    assert (article.outlet.name, article.uploaded_by, article.published_at.hour) == (
        "Hill Courier", editor, 8)
    assert article.runs.get().status == "queued"


def test_an_editor_uploads_a_file(editor_client):
    upload = SimpleUploadedFile("report.txt", b"outlet: Plains Daily\ntitle: Road cut\n\n"
                                b"Fighting cut the road to Sangdara on Sunday.",
                                content_type="text/plain")
    response = editor_client.post(reverse("claims:upload"), {"file": upload})
    assert response.status_code == 302
    assert Article.objects.get().body.startswith("Fighting cut the road")


def test_a_duplicate_goes_to_the_existing_article_with_a_message(editor_client):
    data = {"body": "Elders reported calm in Qarabel market on Tuesday."}
    first = editor_client.post(reverse("claims:upload"), data)
    second = editor_client.post(reverse("claims:upload"), data, follow=True)
    assert second.redirect_chain[-1][0] == first["Location"]
    assert b"already on the desk" in second.content
    assert Article.objects.count() == 1


@pytest.mark.parametrize(("data", "message"), [
    ({"body": "   "}, b"Paste the article text or choose a file."),
    ({"file": SimpleUploadedFile("x.txt", b"\x00\x01\xff\xfe binary")}, b"class=\"error\""),
    ({"body": "Some text.", "url": "not a link"}, b"http(s)"),
])
def test_a_bad_upload_shows_clear_errors_and_stores_nothing(editor_client, data, message):
    response = editor_client.post(reverse("claims:upload"), data)
    assert response.status_code == 400
    assert message in response.content
    assert Article.objects.count() == 0


# --------------------------------------------------------------------------- reviews
def test_an_editor_verifies_a_claim_inline(valley, editor, editor_client):
    claim = valley["qarabel_claim"]
    response = editor_client.post(reverse("claims:claim_review", args=[claim.pk]), {
        "to_flag": "verified", "seen_version": 1, "note": "Two calls to elders.",
        "evidence": "https://example.org/a\nhttps://example.org/b"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="claim-card-{claim.pk}"' in html and "Two calls to elders." in html
    review = Review.objects.get()
    assert (review.editor, review.to_flag, review.evidence) == (
        editor, "verified", ["https://example.org/a", "https://example.org/b"])
    board = editor_client.get(reverse("claims:board")).content.decode()
    assert "confirmed" in board


def test_the_second_of_two_editors_gets_a_conflict_and_keeps_the_note(valley, editor,
                                                                      editor_client):
    claim = valley["qarabel_claim"]
    claim_review(claim=claim, editor=editor, to_flag="false", seen_version=1,
                 note="The outlet retracted it.")
    response = editor_client.post(reverse("claims:claim_review", args=[claim.pk]), {
        "to_flag": "verified", "seen_version": 1, "note": "My own careful note."}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Someone reviewed this claim while you were looking at it." in html
    assert "The outlet retracted it." in html
    assert "My own careful note." in html
    assert 'name="seen_version" value="2"' in html
    assert Review.objects.count() == 1


def test_a_review_without_htmx_redirects_back(valley, editor_client):
    claim = valley["qarabel_claim"]
    back = reverse("claims:district", args=[valley["qarabel"].pk])
    response = editor_client.post(reverse("claims:claim_review", args=[claim.pk]), {
        "to_flag": "extraction_error", "seen_version": 1, "next": back})
    assert (response.status_code, response["Location"]) == (302, back)


def test_a_bad_evidence_link_is_refused(valley, editor_client):
    claim = valley["qarabel_claim"]
    response = editor_client.post(reverse("claims:claim_review", args=[claim.pk]), {
        "to_flag": "verified", "seen_version": 1, "evidence": "javascript:alert(1)"}, **HTMX)
    assert response.status_code == 400
    assert Review.objects.count() == 0


def test_an_editor_corrects_the_place_and_both_readings_show(valley, editor_client):
    claim = valley["qarabel_claim"]
    response = editor_client.post(reverse("claims:claim_correct", args=[claim.pk]), {
        "place": valley["tolkhan"].pk, "seen_version": 1, "note": "Wrong valley."})
    assert response.status_code == 302
    correction = ClaimCorrection.objects.get()
    assert correction.place == valley["tolkhan"]
    html = editor_client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert "<del>Qarabel</del>" in html and "<ins>Tolkhan</ins>" in html


def test_a_stale_correction_keeps_the_values_typed(valley, editor, editor_client):
    claim = valley["qarabel_claim"]
    claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=1)
    response = editor_client.post(reverse("claims:claim_correct", args=[claim.pk]), {
        "claim_type": "controls", "seen_version": 1, "note": "Held, not taken."})
    assert response.status_code == 409
    assert b"Held, not taken." in response.content
    assert ClaimCorrection.objects.count() == 0


# --------------------------------------------------------------------------- queue
def test_the_queue_lists_unreviewed_claims_newest_first(valley, editor, editor_client):
    claim_review(claim=valley["sangdara_held"], editor=editor, to_flag="verified",
                 seen_version=1)
    html = editor_client.get(reverse("claims:queue")).content.decode()
    assert "2 claims waiting" in html
    assert html.index(f"claim-card-{valley['sangdara_taken'].pk}") < html.index(
        f"claim-card-{valley['qarabel_claim'].pk}")
    assert f"claim-card-{valley['sangdara_held'].pk}" not in html


def test_the_queue_filters_by_automatic_flag_and_actor(valley, editor_client):
    html = editor_client.get(reverse("claims:queue"), {"flag": "disputed"}).content.decode()
    assert "2 claims waiting" in html  # Sangdara's two, each disputing the other
    assert f"claim-card-{valley['qarabel_claim'].pk}" not in html
    html = editor_client.get(reverse("claims:queue"),
                             {"actor": valley["nrf"].pk}).content.decode()
    assert f"claim-card-{valley['sangdara_held'].pk}" in html
    assert f"claim-card-{valley['qarabel_claim'].pk}" not in html


def test_the_article_and_queue_pages_run_a_bounded_number_of_queries(
        valley, editor_client, django_assert_max_num_queries):
    article = valley["third"]
    for n in range(15):
        make_claim(place=valley["sangdara"], article=article, sentence=f"Claim {n}.")
        make_claim(place=make_district(f"Far {n}", valley["province"]),
                   article=make_article(f"Another invented report {n}."))
    with django_assert_max_num_queries(16):
        assert editor_client.get(reverse("claims:article", args=[article.pk])).status_code == 200
    with django_assert_max_num_queries(18):
        assert editor_client.get(reverse("claims:queue")).status_code == 200

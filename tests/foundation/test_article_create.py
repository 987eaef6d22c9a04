"""article_create and article_create_from_upload: the one door every upload goes through."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from claims.models import Article, ExtractionRun, Outlet
from claims.services.articles import (
    article_create,
    article_create_from_upload,
    content_hash,
    extraction_rerun,
    html_to_text,
)

BODY = "Militia fighters captured Qarabel on Monday. The army denied it."


def test_it_stores_the_article_and_queues_one_extraction(db, editor):
    result = article_create(body=BODY, outlet="Valley Wire", title="Qarabel falls",
                            url="https://valleywire.example/q", published_at="2021-09-06",
                            uploaded_by=editor)
    article = result.article
    assert result.created
    assert article.outlet.name == "Valley Wire"
    assert article.published_at == dt.datetime(2021, 9, 6, tzinfo=dt.UTC)
    assert article.uploaded_by == editor
    assert list(article.runs.values_list("status", flat=True)) == ["queued"]


def test_it_queues_the_task_only_after_the_transaction_commits(db, monkeypatch,
                                                               django_capture_on_commit_callbacks):
    sent = []
    monkeypatch.setattr("claims.tasks.extract_article.delay", lambda *a: sent.append(a))
    with django_capture_on_commit_callbacks() as callbacks:
        result = article_create(body=BODY)
        assert sent == []
    for callback in callbacks:
        callback()
    assert sent == [(result.article.pk, result.run.pk)]


def test_the_same_text_twice_is_one_article(db):
    first = article_create(body=BODY, outlet="Valley Wire")
    second = article_create(body="  " + BODY.replace(" ", "  ") + "\r\n", outlet="Other Desk")
    assert not second.created and second.run is None
    assert second.article == first.article
    assert Article.objects.count() == 1 and ExtractionRun.objects.count() == 1


@pytest.mark.parametrize("body", ["", "   \n\t  "])
def test_an_empty_article_is_refused_and_nothing_is_stored(db, body):
    with pytest.raises(ValidationError) as caught:
        article_create(body=body, outlet="Valley Wire")
    assert "empty" in caught.value.message_dict["body"][0]
    assert not Article.objects.exists() and not Outlet.objects.exists()


def test_a_bad_url_and_a_bad_date_name_their_fields(db):
    with pytest.raises(ValidationError) as caught:
        article_create(body=BODY, url="javascript:alert(1)")
    assert "url" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        article_create(body=BODY, published_at="last Tuesday")
    assert "published_at" in caught.value.message_dict
    assert not Article.objects.exists()


def test_an_article_over_the_size_limit_is_refused(db, settings):
    settings.NEWSDESK_MAX_ARTICLE_BYTES = 100
    with pytest.raises(ValidationError, match="larger than 100 bytes"):
        article_create(body="word " * 30)
    assert not Article.objects.exists()


def test_a_file_with_header_lines_fills_the_fields(db):
    raw = (b"outlet: Valley Wire\ntitle: Qarabel falls\npublished: 2021-09-06T10:00:00+00:00\n"
           b"url: https://valleywire.example/q\n\n" + BODY.encode())
    article = article_create_from_upload(raw=raw, filename="q.txt").article
    assert (article.outlet.name, article.title) == ("Valley Wire", "Qarabel falls")
    assert article.published_at == dt.datetime(2021, 9, 6, 10, tzinfo=dt.UTC)
    assert article.body == BODY and article.source == Article.Source.FILE


def test_form_fields_win_over_header_lines(db):
    raw = b"outlet: Valley Wire\n\n" + BODY.encode()
    article = article_create_from_upload(raw=raw, filename="q.md", outlet="Desk Copy").article
    assert article.outlet.name == "Desk Copy"


def test_a_file_without_header_lines_is_all_body(db):
    raw = b" date 2021-09-06 Fighting was reported near Qarabel.\n\nMore text."
    article = article_create_from_upload(raw=raw, filename="pasted.txt").article
    assert article.body.startswith("date 2021-09-06 Fighting")
    assert article.outlet is None


def test_an_html_file_keeps_its_text_and_drops_scripts(db):
    raw = (b"<html><head><title>x</title><script>alert('x')</script></head><body>"
           b"<p>Militia fighters captured Qarabel.</p><p>The army denied it &amp; more.</p>"
           b"</body></html>")
    article = article_create_from_upload(raw=raw, filename="page.html").article
    assert article.body == "Militia fighters captured Qarabel.\n\nThe army denied it & more."


@pytest.mark.parametrize("raw,filename,message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt", "binary"),
    (b"caf\xe9 au lait", "latin1.txt", "not UTF-8"),
    (b"", "empty.txt", "no article text"),
    (b"outlet: X\n\n   \n", "header-only.txt", "no article text"),
    (b"some text", "report.pdf", "Upload a .txt, .md or .html file"),
])
def test_a_bad_file_gets_a_clear_error_and_stores_nothing(db, raw, filename, message):
    with pytest.raises(ValidationError) as caught:
        article_create_from_upload(raw=raw, filename=filename)
    assert message in caught.value.message_dict["file"][0]
    assert not Article.objects.exists() and not ExtractionRun.objects.exists()


def test_content_hash_ignores_white_space_only():
    assert content_hash("a  b\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_html_to_text_separates_blocks():
    assert html_to_text("<div>One</div><div>Two<br>Three</div>") == "One\n\nTwo\n\nThree"


def test_a_rerun_queues_a_new_run_unless_one_is_active(db):
    result = article_create(body=BODY)
    assert extraction_rerun(article=result.article) == result.run
    ExtractionRun.objects.filter(pk=result.run.pk).update(status="done")
    rerun = extraction_rerun(article=result.article)
    assert rerun.pk != result.run.pk and rerun.status == "queued"

"""Writes of articles: the one door that the form, the API and the ingest command all use."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims.extraction import articlefile
from claims.models import Article, ExtractionRun, Outlet

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm")


@dataclass
class ArticleResult:
    article: Article
    created: bool  # False when the same text was already on file
    run: ExtractionRun | None  # the queued extraction, None for a duplicate


def normalise_body(body: str) -> str:
    """Return the body as stored: Unix line endings, no trailing spaces, no outer blank lines."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in body.split("\n")).strip()


def content_hash(body: str) -> str:
    """Hash the text so that re-uploads that differ only in white space are one article."""
    folded = re.sub(r"\s+", " ", body).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def _as_datetime(value) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = articlefile.parse_published(value)
        except articlefile.ArticleFileError as exc:
            raise ValidationError({"published_at": [str(exc)]}) from None
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    raise ValidationError({"published_at": ["not a date or date-time"]})


def _validate(*, body: str, url: str, title: str, outlet: str) -> None:
    errors: dict[str, list[str]] = {}
    if not body.strip():
        errors["body"] = ["The article is empty: paste the text or choose a file with text in it."]
    elif len(body.encode("utf-8")) > settings.NEWSDESK_MAX_ARTICLE_BYTES:
        errors["body"] = [f"The article is larger than {settings.NEWSDESK_MAX_ARTICLE_BYTES:,} "
                          "bytes; split it or raise NEWSDESK_MAX_ARTICLE_BYTES."]
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors["url"] = ["Enter a full http(s) address or leave it blank."]
    if len(title) > 500:
        errors["title"] = ["The title is longer than 500 characters."]
    if len(outlet) > 200:
        errors["outlet"] = ["The outlet name is longer than 200 characters."]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def article_create(*, body: str, outlet: str = "", title: str = "", url: str = "",
                   published_at=None, uploaded_by=None, source: str = Article.Source.FORM,
                   filename: str = "") -> ArticleResult:
    """Store an article and queue its extraction once the transaction commits.

    The same text uploaded again returns the existing article with created=False and queues
    nothing. Invalid input raises ValidationError and writes nothing.
    """
    body = normalise_body(body or "")
    outlet, title, url = (outlet or "").strip(), (title or "").strip(), (url or "").strip()
    _validate(body=body, url=url, title=title, outlet=outlet)
    published = _as_datetime(published_at)
    digest = content_hash(body)

    existing = Article.objects.filter(content_hash=digest).first()
    if existing:
        return ArticleResult(article=existing, created=False, run=None)
    outlet_row = Outlet.objects.get_or_create(name=outlet)[0] if outlet else None
    # A concurrent upload of the same text can win the race between the lookup and the
    # insert; the unique hash makes the loser's insert fail, so catch it and return the winner.
    try:
        with transaction.atomic():
            article = Article.objects.create(
                body=body, outlet=outlet_row, title=title, url=url, published_at=published,
                content_hash=digest, source=source, filename=filename[:255],
                uploaded_by=uploaded_by if getattr(uploaded_by, "pk", None) else None,
            )
    except IntegrityError:
        existing = Article.objects.filter(content_hash=digest).first()
        if existing is None:
            raise
        return ArticleResult(article=existing, created=False, run=None)
    run = _queue_run(article)
    return ArticleResult(article=article, created=True, run=run)


def _queue_run(article: Article) -> ExtractionRun:
    from claims.tasks import extract_article

    run = ExtractionRun.objects.create(article=article)
    # Queue after commit: a worker must never pick up an id whose row it cannot see yet.
    transaction.on_commit(lambda: extract_article.delay(article.pk, run.pk))
    return run


@transaction.atomic
def extraction_rerun(*, article: Article) -> ExtractionRun:
    """Queue a fresh extraction of an article; editors' reviews and corrections are kept."""
    active = article.runs.filter(status__in=[ExtractionRun.Status.QUEUED,
                                             ExtractionRun.Status.RUNNING]).first()
    return active or _queue_run(article)


class _TextFromHTML(HTMLParser):
    """Keep the readable text of an HTML page: paragraphs become lines, scripts vanish."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
              "figcaption", "section", "article", "header", "footer"}
    SKIP = {"script", "style", "noscript", "template", "svg", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))

    def text(self) -> str:
        joined = "".join(self.parts)
        lines = [line.strip() for line in joined.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(html: str) -> str:
    """Return the readable text of an HTML document."""
    parser = _TextFromHTML()
    parser.feed(html)
    parser.close()
    return parser.text()


def article_create_from_upload(*, raw: bytes, filename: str, outlet: str = "", title: str = "",
                               url: str = "", published_at=None, uploaded_by=None,
                               source: str = Article.Source.FILE) -> ArticleResult:
    """Store an uploaded .txt/.md/.html file; header lines fill fields the caller left blank."""
    name = (filename or "").lower()
    if name and not name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        raise ValidationError({"file": ["Upload a .txt, .md or .html file."]})
    if len(raw) > settings.NEWSDESK_MAX_ARTICLE_BYTES:
        raise ValidationError({"file": [f"The file is larger than "
                                        f"{settings.NEWSDESK_MAX_ARTICLE_BYTES:,} bytes."]})
    try:
        text = articlefile.decode(raw)
    except articlefile.ArticleFileError as exc:
        raise ValidationError({"file": [f"{filename or 'The file'}: {exc}."]}) from None
    if name.endswith(HTML_SUFFIXES):
        parsed = articlefile.ArticleFile(body=html_to_text(text))
    else:
        try:
            parsed = articlefile.parse(text)
        except articlefile.ArticleFileError as exc:
            raise ValidationError({"file": [f"{filename}: {exc}."]}) from None
    if not parsed.body.strip():
        raise ValidationError({"file": [f"{filename or 'The file'} has no article text."]})
    return article_create(
        body=parsed.body,
        outlet=outlet or parsed.outlet,
        title=title or parsed.title,
        url=url or parsed.url,
        published_at=published_at or parsed.headers.get("published") or None,
        uploaded_by=uploaded_by,
        source=source,
        filename=filename,
    )

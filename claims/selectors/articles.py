"""Reads for the article page: the text, its entity mentions, its claims and its job state."""

from __future__ import annotations

from dataclasses import dataclass

from claims.models import Article, ExtractionRun, Mention
from claims.selectors.board import Evidence, claims_evidence


@dataclass(frozen=True)
class ArticlePage:
    """An article with its latest run, the mentions of its latest finished run, and its claims.

    run is the newest extraction run (None before any); mentions are those the newest *done*
    run found, in text order; evidence is the article's current claims in text order.
    """

    article: Article
    run: ExtractionRun | None
    mentions: tuple[Mention, ...]
    evidence: tuple[Evidence, ...]


def article_run(*, article_id: int) -> ExtractionRun | None:
    """Return the newest extraction run of an article (one query)."""
    return (ExtractionRun.objects.filter(article_id=article_id)
            .order_by("-created_at", "-pk").first())


def article_page(*, article_id: int) -> ArticlePage:
    """Return everything the article page shows. Raise Article.DoesNotExist. Bounded queries."""
    article = Article.objects.select_related("outlet", "uploaded_by").get(pk=article_id)
    run = article_run(article_id=article_id)
    done = (ExtractionRun.objects.filter(article_id=article_id, status=ExtractionRun.Status.DONE)
            .order_by("-created_at", "-pk").values_list("pk", flat=True).first())
    mentions = ()
    if done is not None:
        mentions = tuple(Mention.objects.filter(article_id=article_id, run_id=done)
                         .order_by("start", "-end"))
    evidence = sorted(claims_evidence(article_id=article_id),
                      key=lambda e: (e.sentence_start, e.id))
    return ArticlePage(article=article, run=run, mentions=mentions, evidence=tuple(evidence))


def recent_articles(*, limit: int = 100) -> list[Article]:
    """Return the newest uploads with their outlet (one query)."""
    return list(Article.objects.select_related("outlet").order_by("-created_at", "-pk")[:limit])

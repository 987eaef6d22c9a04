"""Reads behind the API's claim listing, exports and article pages.

Every filter works on the values in force (editors' corrections applied, see
claims.selectors.claims), so a claim an editor moved from Khinj to Unabah is found under Unabah.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import OuterRef, Q, QuerySet, Subquery

from claims.models import Actor, Article, Claim, ExtractionRun, Outlet, Person, Place, Review
from claims.models.claims import Flag
from claims.selectors.claims import current_claims, with_effective_values


def claim_search(*, place: int | None = None, province: int | None = None,
                 actor: int | None = None, claimant: int | None = None,
                 speaker: int | None = None, outlet: int | None = None,
                 article: int | None = None, claim_type: str | None = None,
                 stance: str | None = None, flag: str | None = None,
                 event_from: dt.date | None = None, event_to: dt.date | None = None,
                 published_from: dt.date | None = None, published_to: dt.date | None = None,
                 q: str | None = None, include_superseded: bool = False) -> QuerySet[Claim]:
    """Return claims matching every filter given, newest first, with effective values.

    `province` matches claims about the province itself or any place directly in it; `actor`
    matches the claimed controller or the claimant; `q` searches the sentence, the place and
    claimant as written, and the article's title.
    """
    qs = (with_effective_values(Claim.objects.all()) if include_superseded
          else current_claims())
    qs = qs.select_related("article", "article__outlet", "claimant")
    if place is not None:
        qs = qs.filter(eff_place_id=place)
    if province is not None:
        qs = qs.filter(Q(eff_place_id=province)
                       | Q(eff_place_id__in=Place.objects.filter(parent_id=province).values("pk")))
    if actor is not None:
        qs = qs.filter(Q(eff_claimed_controller_id=actor) | Q(claimant_id=actor))
    if claimant is not None:
        qs = qs.filter(claimant_id=claimant)
    if speaker is not None:
        qs = qs.filter(eff_speaker_id=speaker)
    if outlet is not None:
        qs = qs.filter(article__outlet_id=outlet)
    if article is not None:
        qs = qs.filter(article_id=article)
    if claim_type:
        qs = qs.filter(eff_claim_type=claim_type)
    if stance:
        qs = qs.filter(eff_stance=stance)
    if flag:
        qs = qs.filter(flag=flag)
    if event_from:
        qs = qs.filter(eff_event_date__gte=event_from)
    if event_to:
        qs = qs.filter(eff_event_date__lte=event_to)
    if published_from:
        qs = qs.filter(article__published_at__date__gte=published_from)
    if published_to:
        qs = qs.filter(article__published_at__date__lte=published_to)
    if q:
        qs = qs.filter(Q(sentence__icontains=q) | Q(place_text__icontains=q)
                       | Q(claimant_label__icontains=q) | Q(article__title__icontains=q))
    return qs.order_by("-pk")


def claim_get(*, claim_id: int) -> Claim | None:
    """Return one claim (current or not) with effective values, or None."""
    return (with_effective_values(Claim.objects.filter(pk=claim_id))
            .select_related("article", "article__outlet", "claimant").first())


def attach_entities(claims: Iterable[Claim]) -> list[Claim]:
    """Set eff_place, eff_province, eff_controller and eff_speaker objects on each claim.

    The effective ids are annotations, not foreign keys, so select_related cannot follow
    them; three bulk queries (four with provinces) do instead, whatever the number of claims.
    """
    claims = list(claims)
    place_ids = {c.eff_place_id for c in claims} - {None}
    places = Place.objects.in_bulk(place_ids)
    parent_ids = {p.parent_id for p in places.values()} - {None} - set(places)
    places.update(Place.objects.in_bulk(parent_ids))
    actors = Actor.objects.in_bulk({c.eff_claimed_controller_id for c in claims} - {None})
    people = Person.objects.in_bulk({c.eff_speaker_id for c in claims} - {None})
    for claim in claims:
        claim.eff_place = places.get(claim.eff_place_id)
        claim.eff_province = None
        if claim.eff_place is not None:
            claim.eff_province = (claim.eff_place if claim.eff_place.kind == Place.Kind.PROVINCE
                                  else places.get(claim.eff_place.parent_id))
        claim.eff_controller = actors.get(claim.eff_claimed_controller_id)
        claim.eff_speaker = people.get(claim.eff_speaker_id)
    return claims


def claim_reviews(*, claim_id: int) -> QuerySet[Review]:
    """Return a claim's review history, newest first."""
    return Review.objects.filter(claim_id=claim_id).select_related("editor")


def reviewed_claims(*, flags: Iterable[str] = (Flag.VERIFIED, Flag.FALSE)) -> list[Claim]:
    """Return current claims an editor flagged with one of `flags`, each with `last_review`
    (the review that set its flag), newest review first."""
    claims = list(current_claims().filter(flag__in=list(flags))
                  .select_related("article", "article__outlet", "claimant"))
    latest: dict[int, Review] = {}
    for review in (Review.objects.filter(claim__in=[c.pk for c in claims])
                   .select_related("editor").order_by("claim_id", "-created_at", "-pk")):
        latest.setdefault(review.claim_id, review)
    claims = attach_entities(claims)
    for claim in claims:
        claim.last_review = latest.get(claim.pk)
    claims.sort(key=lambda c: (c.last_review.created_at if c.last_review else c.updated_at),
                reverse=True)
    return claims


def article_list() -> QuerySet[Article]:
    """Return articles newest first, each annotated with its latest run's status and
    progress (run_status, run_progress), in one query."""
    latest = ExtractionRun.objects.filter(article=OuterRef("pk")).order_by("-created_at", "-pk")
    return (Article.objects.select_related("outlet")
            .annotate(run_status=Subquery(latest.values("status")[:1]),
                      run_progress=Subquery(latest.values("progress")[:1]))
            .order_by("-pk"))


def article_get(*, article_id: int) -> Article | None:
    """Return an article with its latest extraction run as `latest_run_row` and its count of
    current claims as `current_claims`."""
    article = Article.objects.select_related("outlet").filter(pk=article_id).first()
    if article is None:
        return None
    article.latest_run_row = article.runs.order_by("-created_at", "-pk").first()
    article.current_claims = article.claims.filter(is_current=True).count()
    return article


def place_list(*, kind: str | None = None, parent: int | None = None,
               q: str | None = None) -> QuerySet[Place]:
    """Return gazetteer places by name, optionally of one kind, within one parent, or whose
    name contains `q`."""
    qs = Place.objects.select_related("parent").order_by("name", "pk")
    if kind:
        qs = qs.filter(kind=kind)
    if parent is not None:
        qs = qs.filter(parent_id=parent)
    if q:
        qs = qs.filter(name__icontains=q)
    return qs


def actor_list(*, q: str | None = None) -> QuerySet[Actor]:
    qs = Actor.objects.order_by("name", "pk")
    return qs.filter(name__icontains=q) if q else qs


def outlet_list(*, q: str | None = None) -> QuerySet[Outlet]:
    qs = Outlet.objects.order_by("name", "pk")
    return qs.filter(name__icontains=q) if q else qs

"""Factories for the domain objects tests need, with sensible defaults and a fixed cast.

Every factory takes keyword overrides. Texts are the project's own invented reporting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools

from django.utils import timezone

from claims.models import (
    Actor,
    Article,
    Claim,
    ExtractionRun,
    Outlet,
    Person,
    Place,
)

_seq = itertools.count(1)


def make_outlet(name: str | None = None, **kw) -> Outlet:
    return Outlet.objects.get_or_create(name=name or f"Outlet {next(_seq)}", defaults=kw)[0]


def make_province(name: str = "Northvale", geonames_id: int | None = None, **kw) -> Place:
    return Place.objects.create(name=name, kind=Place.Kind.PROVINCE, country_code="AF",
                                geonames_id=geonames_id or 9_000_000 + next(_seq), **kw)


def make_district(name: str = "Qarabel", province: Place | None = None, **kw) -> Place:
    province = province or make_province()
    kw.setdefault("geonames_id", 9_100_000 + next(_seq))
    kw.setdefault("lat", 35.0)
    kw.setdefault("lon", 69.0)
    return Place.objects.create(name=name, kind=Place.Kind.DISTRICT, parent=province,
                                country_code=province.country_code, **kw)


def make_actor(name: str = "Taliban", **kw) -> Actor:
    kw.setdefault("kind", Actor.Kind.ARMED_GROUP)
    return Actor.objects.get_or_create(name=name, defaults=kw)[0]


def make_person(name: str = "Omar Hadi", **kw) -> Person:
    return Person.objects.get_or_create(name=name, defaults=kw)[0]


def make_article(body: str | None = None, *, outlet: Outlet | str | None = "Valley Wire",
                 published_at: dt.datetime | None = None, **kw) -> Article:
    body = body or f"Militia spokesman Omar Hadi said the town of Qarabel fell. ({next(_seq)})"
    if isinstance(outlet, str):
        outlet = make_outlet(outlet)
    published_at = published_at or timezone.make_aware(dt.datetime(2021, 9, 4, 9, 0))
    return Article.objects.create(
        body=body, outlet=outlet, published_at=published_at,
        content_hash=hashlib.sha256(body.encode()).hexdigest(), **kw,
    )


def make_run(article: Article, **kw) -> ExtractionRun:
    kw.setdefault("status", ExtractionRun.Status.DONE)
    kw.setdefault("extractor_version", "test")
    return ExtractionRun.objects.create(article=article, **kw)


def make_claim(*, place: Place | None = None, article: Article | None = None,
               claim_type: str = "captured", controller: Actor | str | None = "Taliban",
               claimant: Actor | str | None = "Taliban", sentence: str | None = None,
               **kw) -> Claim:
    article = article or make_article()
    run = kw.pop("run", None) or article.runs.first() or make_run(article)
    if isinstance(controller, str):
        controller = make_actor(controller)
    if isinstance(claimant, str):
        claimant = make_actor(claimant)
    sentence = sentence or article.body
    kw.setdefault("fingerprint", hashlib.sha256(f"{next(_seq)}".encode()).hexdigest())
    return Claim.objects.create(
        article=article, run=run, sentence=sentence, sentence_start=0,
        sentence_end=len(sentence), place=place, place_text=place.name if place else "",
        place_kind=place.kind if place else "", claim_type=claim_type,
        claimed_controller=controller, claimant=claimant,
        claimant_label=claimant.name if claimant else "outlet",
        extractor_version=run.extractor_version, **kw,
    )

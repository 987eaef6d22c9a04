"""The review queue: claims no editor has judged yet, newest first."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Coalesce

from claims.models import Actor, Place
from claims.models.claims import Flag
from claims.selectors.board import Evidence, claims_evidence
from claims.selectors.claims import current_claims
from claims.selectors.lookup import as_id

# Judging automatic flags needs every candidate's neighbours; past this many candidates the
# queue asks for a narrower filter instead of loading the whole backlog.
MAX_FLAG_CANDIDATES = 2000


@dataclass(frozen=True)
class QueuePage:
    items: tuple[Evidence, ...]
    total: int
    page: int
    per_page: int

    @property
    def has_next(self) -> bool:
        return self.page * self.per_page < self.total

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def review_queue(*, province=None, actor=None, flag: str | None = None, q: str | None = None,
                 page: int = 1, per_page: int = 50) -> QueuePage:
    """Return one page of unreviewed current claims, newest publication first.

    province: id or name (claims about it or its districts); actor: id or name (controller or
    claimant); flag: the automatic flag shown (unverified, corroborated or disputed); q: text
    in the sentence. Bounded queries.
    """
    qs = current_claims().filter(flag=Flag.UNVERIFIED).annotate(
        pub=Coalesce("article__published_at", "article__created_at"))
    if province not in (None, ""):
        text = str(province).strip()
        provinces = (Place.objects.filter(pk=as_id(text)) if as_id(text) is not None
                     else Place.objects.filter(name__iexact=text, kind=Place.Kind.PROVINCE))
        places = Place.objects.filter(Q(pk__in=provinces) | Q(parent__in=provinces))
        qs = qs.filter(eff_place_id__in=places.values("pk"))
    if actor not in (None, ""):
        text = str(actor).strip()
        actors = (Actor.objects.filter(pk=as_id(text)) if as_id(text) is not None
                  else Actor.objects.filter(name__iexact=text))
        ids = actors.values("pk")
        qs = qs.filter(Q(eff_claimed_controller_id__in=ids) | Q(claimant_id__in=ids))
    if q:
        qs = qs.filter(sentence__icontains=q.strip())
    ordered = qs.order_by("-pub", "-pk")
    page = max(1, int(page))
    if flag:
        ids = list(ordered.values_list("pk", flat=True)[:MAX_FLAG_CANDIDATES])
        judged = [e for e in _in_order(claims_evidence(claim_ids=ids), ids) if e.flag == flag]
        total = len(judged)
        items = judged[(page - 1) * per_page:page * per_page]
    else:
        total = ordered.count()
        ids = list(ordered.values_list("pk", flat=True)[(page - 1) * per_page:page * per_page])
        items = _in_order(claims_evidence(claim_ids=ids), ids) if ids else []
    return QueuePage(items=tuple(items), total=total, page=page, per_page=per_page)


def _in_order(evidence: list[Evidence], ids: list[int]) -> list[Evidence]:
    position = {pk: n for n, pk in enumerate(ids)}
    return sorted(evidence, key=lambda e: position.get(e.id, len(ids)))

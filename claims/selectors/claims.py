"""Reads of claims with editors' corrections applied.

A correction never overwrites the extractor's fields; instead every read that shows or counts
claims goes through `with_effective_values`, which annotates the value in force for each
correctable field: the latest correction that set it, else the extractor's.
"""

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, NullIf

from claims.models import Claim, ClaimCorrection

# Claim field -> how an empty correction looks (blank strings and NULLs both mean "unchanged").
CORRECTABLE = {
    "place": None,
    "claimed_controller": None,
    "speaker": None,
    "claim_type": "",
    "stance": "",
    "event_date": None,
}


def _latest_correction(field: str, empty) -> Subquery:
    column = f"{field}_id" if field in ("place", "claimed_controller", "speaker") else field
    corrections = ClaimCorrection.objects.filter(claim=OuterRef("pk"))
    corrections = (corrections.exclude(**{column: ""}) if empty == ""
                   else corrections.filter(**{f"{column}__isnull": False}))
    return Subquery(corrections.order_by("-created_at", "-pk").values(column)[:1])


def with_effective_values(queryset: QuerySet[Claim] | None = None) -> QuerySet[Claim]:
    """Annotate eff_place_id, eff_claimed_controller_id, eff_speaker_id, eff_claim_type,
    eff_stance and eff_event_date: the values in force after editors' corrections."""
    queryset = Claim.objects.all() if queryset is None else queryset
    annotations = {}
    for field, empty in CORRECTABLE.items():
        column = f"{field}_id" if empty is None and field != "event_date" else field
        latest = _latest_correction(field, empty)
        if empty == "":
            latest = NullIf(latest, "")
        annotations[f"eff_{column}"] = Coalesce(latest, F(column))
    return queryset.annotate(**annotations)


def current_claims() -> QuerySet[Claim]:
    """Claims the latest extraction still stands behind, with effective values."""
    return with_effective_values(Claim.objects.filter(is_current=True))

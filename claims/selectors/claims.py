"""Reads of claims with editors' corrections applied.

A correction never overwrites the extractor's fields; instead every read that shows or counts
claims goes through `with_effective_values`, which annotates the value in force for each
correctable field: the latest correction that set it, else the extractor's.
"""

from django.db import models
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from claims.models import Claim, ClaimCorrection

# Claim field -> (the column, how an empty correction looks, the value's type). Blank strings
# and NULLs both mean "this correction leaves the field as it was".
CORRECTABLE = {
    "place": ("place_id", None, models.BigIntegerField()),
    "claimed_controller": ("claimed_controller_id", None, models.BigIntegerField()),
    "speaker": ("speaker_id", None, models.BigIntegerField()),
    "claim_type": ("claim_type", "", models.CharField()),
    "stance": ("stance", "", models.CharField()),
    "event_date": ("event_date", None, models.DateField()),
}


def _latest_correction(column: str, empty, output) -> Subquery:
    corrections = ClaimCorrection.objects.filter(claim=OuterRef("pk"))
    corrections = (corrections.exclude(**{column: ""}) if empty == ""
                   else corrections.filter(**{f"{column}__isnull": False}))
    return Subquery(corrections.order_by("-created_at", "-pk").values(column)[:1],
                    output_field=output)


def with_effective_values(queryset: QuerySet[Claim] | None = None) -> QuerySet[Claim]:
    """Annotate eff_place_id, eff_claimed_controller_id, eff_speaker_id, eff_claim_type,
    eff_stance and eff_event_date: the values in force after editors' corrections."""
    queryset = Claim.objects.all() if queryset is None else queryset
    annotations = {}
    for column, empty, output in CORRECTABLE.values():
        latest = _latest_correction(column, empty, output)
        annotations[f"eff_{column}"] = Coalesce(latest, F(column), output_field=output)
    return queryset.annotate(**annotations)


def current_claims() -> QuerySet[Claim]:
    """Claims the latest extraction still stands behind, with effective values."""
    return with_effective_values(Claim.objects.filter(is_current=True))

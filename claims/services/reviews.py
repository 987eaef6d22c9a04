"""Editors' reviews (flags) and corrections of claims.

Both are append-only rows beside the claim, never edits of earlier rows. Both bump
`Claim.version`, and both take the version the editor saw: two editors working on the same claim
at once cannot silently overwrite each other, because the second write finds the version moved
and raises StaleReview with the fresh claim and the newest review to show.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from claims.models import Claim, ClaimCorrection, Review
from claims.models.claims import EDITOR_FLAGS, ClaimType, Stance
from claims.permissions import is_editor
from claims.selectors.claims import with_effective_values

_url = URLValidator(schemes=["http", "https"])


class StaleReview(Exception):
    """The claim changed since the editor looked at it (its version moved on)."""

    def __init__(self, *, claim: Claim, latest_review: Review | None):
        self.claim = claim
        self.latest_review = latest_review
        super().__init__(
            f"Claim {claim.pk} is at version {claim.version}; someone reviewed or corrected it "
            "after you loaded it."
        )


def _lock_fresh(*, claim: Claim, editor, seen_version: int) -> Claim:
    """Authorize, lock the claim row and check the version; return the locked, fresh claim."""
    if not is_editor(editor):
        raise PermissionDenied("Only editors may review or correct claims.")
    # The row lock serialises concurrent reviews of one claim: the second waits here, then
    # sees the version the first one wrote and is refused below.
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    if locked.version != seen_version:
        latest = Review.objects.filter(claim=locked).select_related("editor").first()
        raise StaleReview(claim=locked, latest_review=latest)
    return locked


def _bump(claim: Claim, **fields) -> None:
    # update() skips auto_now, and API clients key their caches (Last-Modified) on updated_at.
    Claim.objects.filter(pk=claim.pk).update(version=F("version") + 1, updated_at=timezone.now(),
                                             **fields)
    claim.refresh_from_db(fields=["version", "flag", "updated_at"])


def _clean_evidence(evidence) -> list[str]:
    if isinstance(evidence, str):
        evidence = [evidence]
    cleaned = []
    for link in evidence or ():
        link = (link or "").strip() if isinstance(link, str) else link
        if not isinstance(link, str) or not link:
            raise ValidationError({"evidence": ["Each evidence item must be a link."]})
        try:
            _url(link)
        except ValidationError:
            raise ValidationError({"evidence": [f"{link[:200]!r} is not an http(s) link."]}) \
                from None
        cleaned.append(link)
    return cleaned


@transaction.atomic
def claim_review(*, claim: Claim, editor, to_flag: str, seen_version: int, note: str = "",
                 evidence: list[str] = ()) -> Review:
    """Set a claim's flag as an editor, recording who, when, from, to and why."""
    if to_flag not in EDITOR_FLAGS:
        allowed = ", ".join(str(f) for f in EDITOR_FLAGS)
        raise ValidationError({"to_flag": [f"{to_flag!r} is not a flag editors set ({allowed})."]})
    links = _clean_evidence(evidence)
    locked = _lock_fresh(claim=claim, editor=editor, seen_version=seen_version)
    review = Review.objects.create(
        claim=locked, editor=editor, from_flag=locked.flag, to_flag=to_flag,
        note=note or "", evidence=links, claim_version=seen_version,
    )
    _bump(locked, flag=to_flag)
    # Keep the caller's object in step, so it can be rendered without a reload.
    claim.flag, claim.version = locked.flag, locked.version
    return review


@transaction.atomic
def claim_correct(*, claim: Claim, editor, seen_version: int, place=None,
                  claimed_controller=None, claim_type: str = "", speaker=None, stance: str = "",
                  event_date=None, note: str = "") -> ClaimCorrection:
    """Correct an extraction mistake; blank arguments leave the value in force unchanged."""
    errors = {}
    if claim_type and claim_type not in ClaimType.values:
        errors["claim_type"] = [f"{claim_type!r} is not a claim type."]
    if stance and stance not in Stance.values:
        errors["stance"] = [f"{stance!r} is not a stance."]
    if errors:
        raise ValidationError(errors)
    locked = _lock_fresh(claim=claim, editor=editor, seen_version=seen_version)

    current = with_effective_values(Claim.objects.filter(pk=locked.pk)).get()
    proposed = {
        "place": (place, current.eff_place_id, getattr(place, "pk", None)),
        "claimed_controller": (claimed_controller, current.eff_claimed_controller_id,
                               getattr(claimed_controller, "pk", None)),
        "speaker": (speaker, current.eff_speaker_id, getattr(speaker, "pk", None)),
        "claim_type": (claim_type or None, current.eff_claim_type, claim_type or None),
        "stance": (stance or None, current.eff_stance, stance or None),
        "event_date": (event_date, current.eff_event_date, event_date),
    }
    # Only what differs from the value in force is stored: a correction row says what changed.
    changes = {field: value for field, (value, now, compare) in proposed.items()
               if value is not None and compare != now}
    if not changes:
        raise ValidationError({NON_FIELD_ERRORS: [
            "This correction changes nothing: every value given is already the one in force."]})
    correction = ClaimCorrection.objects.create(
        claim=locked, editor=editor, note=note or "", claim_version=seen_version,
        place=changes.get("place"), claimed_controller=changes.get("claimed_controller"),
        claim_type=changes.get("claim_type", ""), speaker=changes.get("speaker"),
        stance=changes.get("stance", ""), event_date=changes.get("event_date"),
    )
    _bump(locked)
    claim.version = locked.version
    return correction

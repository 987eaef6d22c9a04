"""with_effective_values: corrections win over the extractor, the latest correction first."""

import datetime as dt

from claims.models import ClaimCorrection
from claims.selectors.claims import current_claims, with_effective_values
from tests.factories import make_actor, make_claim, make_district


def test_without_corrections_the_extractor_values_stand(db):
    khinj = make_district("Khinj")
    claim = make_claim(place=khinj, claim_type="captured", controller="Taliban")
    row = with_effective_values().get(pk=claim.pk)
    assert (row.eff_place_id, row.eff_claim_type) == (khinj.pk, "captured")
    assert row.eff_claimed_controller_id == claim.claimed_controller_id


def test_the_latest_correction_of_each_field_wins(db, editor):
    khinj, rokha = make_district("Khinj"), make_district("Rokha")
    nrf = make_actor("NRF")
    claim = make_claim(place=khinj, claim_type="captured", controller="Taliban")
    ClaimCorrection.objects.create(claim=claim, editor=editor, place=rokha, claim_version=1)
    ClaimCorrection.objects.create(claim=claim, editor=editor, claimed_controller=nrf,
                                   claim_type="controls", event_date=dt.date(2021, 9, 5),
                                   claim_version=2)
    row = with_effective_values().get(pk=claim.pk)
    assert row.eff_place_id == rokha.pk  # the later correction left place blank
    assert (row.eff_claimed_controller_id, row.eff_claim_type) == (nrf.pk, "controls")
    assert row.eff_event_date == dt.date(2021, 9, 5)
    assert row.eff_stance == "asserts"
    claim.refresh_from_db()
    assert (claim.place, claim.claim_type) == (khinj, "captured")  # the original is untouched


def test_current_claims_leave_out_what_a_rerun_no_longer_finds(db):
    kept, dropped = make_claim(), make_claim()
    dropped.is_current = False
    dropped.save()
    assert list(current_claims().values_list("pk", flat=True)) == [kept.pk]

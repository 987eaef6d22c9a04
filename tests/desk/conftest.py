"""A small valley for the desk tests: one province, three districts, two sides, a few reports.

All texts are invented for the project.
"""

import datetime as dt

import pytest

from tests.factories import make_actor, make_article, make_claim, make_district, make_province


def at(day: int, hour: int = 9) -> dt.datetime:
    """A moment in September 2021, UTC."""
    return dt.datetime(2021, 9, day, hour, tzinfo=dt.UTC)


@pytest.fixture
def valley(db):
    """Northvale province: Qarabel claimed by the Taliban, Sangdara disputed, Tolkhan quiet."""
    province = make_province("Northvale")
    qarabel = make_district("Qarabel", province)
    sangdara = make_district("Sangdara", province)
    tolkhan = make_district("Tolkhan", province)
    taliban, nrf = make_actor("Taliban"), make_actor("NRF")

    first = make_article("Militia spokesman Omar Hadi said fighters had taken Qarabel district "
                         "after a night of clashes.", outlet="Valley Wire", published_at=at(4),
                         title="Qarabel falls, militia says")
    qarabel_claim = make_claim(place=qarabel, article=first, event_date=dt.date(2021, 9, 4))
    second = make_article("Fighters of the resistance said they still held Sangdara and had "
                          "pushed back an assault on its main road.", outlet="Hill Courier",
                          published_at=at(5), title="Resistance holds Sangdara")
    sangdara_held = make_claim(place=sangdara, article=second, claim_type="controls",
                               controller=nrf, claimant=nrf, event_date=dt.date(2021, 9, 5))
    third = make_article("A militia commander claimed Sangdara had been captured on Monday, "
                         "a claim the resistance rejected.", outlet="Plains Daily",
                         published_at=at(6), title="Sangdara claimed")
    sangdara_taken = make_claim(place=sangdara, article=third, event_date=dt.date(2021, 9, 6))
    return {
        "province": province, "qarabel": qarabel, "sangdara": sangdara, "tolkhan": tolkhan,
        "taliban": taliban, "nrf": nrf, "qarabel_claim": qarabel_claim,
        "sangdara_held": sangdara_held, "sangdara_taken": sangdara_taken,
        "first": first, "second": second, "third": third,
    }

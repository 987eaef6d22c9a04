"""The district-status rules, table by table: every category, and how one becomes another."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.status import (
    CLAIMED,
    CONFIRMED,
    DISPUTED,
    NO_REPORTS,
    ClaimFact,
    district_status,
)

T, N, R = 1, 2, 3  # actors: the Taliban, the NRF and a third militia
_ids = iter(range(1, 10_000))


def claim(kind, controller, day, *, flag="unverified", at=9, article=None, outlet=None,
          event=True, sentence=""):
    """A claim of `kind` ("captured", "denied" …) about one district on 2021-09-`day`."""
    cid = next(_ids)
    stance = "denies" if kind == "denied" else "asserts"
    return ClaimFact(
        id=cid, article_id=article or cid, claim_type=kind, controller_id=controller,
        stance=stance, event_date=_day(day) if event else None,
        published_at=dt.datetime.combine(_day(day), dt.time(at), dt.UTC),
        flag=flag, outlet_id=outlet if outlet is not None else 1000 + cid, sentence=sentence,
    )


def _day(day):
    # Days below 1 reach back into August: day 0 is 31 August, day -30 is 1 August.
    return dt.date(2021, 9, 1) + dt.timedelta(days=day - 1)


CASES = [
    # (why, claims, status, controller)
    ("nothing reported", [], NO_REPORTS, None),
    ("casualty reports bear on no status", [claim("casualties", None, 4)], NO_REPORTS, None),
    ("'other' positions bear on no status", [claim("other", T, 4)], NO_REPORTS, None),
    ("one side claims it", [claim("captured", T, 4)], CLAIMED, T),
    ("a side says it still holds it", [claim("controls", N, 4)], CLAIMED, N),
    ("the loser admits losing it", [claim("lost", T, 4)], CLAIMED, T),
    ("an editor verified the claim", [claim("captured", T, 4, flag="verified")], CONFIRMED, T),
    ("another side denies it the next day",
     [claim("captured", T, 4), claim("denied", T, 5)], DISPUTED, T),
    ("a denial after verification still disputes it",
     [claim("captured", T, 4, flag="verified"), claim("denied", T, 5)], DISPUTED, T),
    ("verification outweighs an earlier denial",
     [claim("denied", T, 3), claim("captured", T, 4, flag="verified")], CONFIRMED, T),
    ("an earlier denial inside the window disputes an unverified claim",
     [claim("denied", T, 3), claim("captured", T, 4)], DISPUTED, T),
    ("a denial of the other side's control supports the holder",
     [claim("controls", T, 4), claim("denied", N, 5)], CLAIMED, T),
    ("two sides claim it within the window",
     [claim("controls", N, 1), claim("captured", T, 4)], DISPUTED, T),
    ("a claim older than the window is the previous state, not a dispute",
     [claim("controls", N, -20), claim("captured", T, 4)], CLAIMED, T),
    ("a side says it repelled the attacker",
     [claim("captured", T, 4), claim("repelled", N, 5)], DISPUTED, N),
    ("fighting before a capture does not dispute it",
     [claim("contested", None, 3), claim("captured", T, 4)], CLAIMED, T),
    ("fighting after a capture disputes it",
     [claim("captured", T, 4), claim("contested", None, 6)], DISPUTED, T),
    ("fighting alone is disputed with no controller", [claim("contested", None, 4)],
     DISPUTED, None),
    ("a denial alone is disputed with no controller", [claim("denied", T, 4)], DISPUTED, None),
    ("a false claim drops out", [claim("captured", T, 4, flag="false")], NO_REPORTS, None),
    ("an extraction error drops out and the other claim stands",
     [claim("controls", N, 3), claim("captured", T, 4, flag="extraction_error")], CLAIMED, N),
    ("a contradiction between verification and the latest claim blocks confirmation",
     [claim("captured", T, 1, flag="verified"), claim("controls", N, 5),
      claim("controls", T, 30)], CLAIMED, T),
    ("event date orders claims, not publication",
     # N's claim is about 1 August though published last; T's capture on the 4th leads.
     [claim("captured", T, 4, at=9), ClaimFact(
         id=next(_ids), article_id=9001, claim_type="controls", controller_id=N,
         event_date=dt.date(2021, 8, 1),
         published_at=dt.datetime(2021, 9, 10, 9, tzinfo=dt.UTC))], CLAIMED, T),
    ("on the same day the later publication leads",
     [claim("captured", T, 4, at=9), claim("captured", N, 4, at=12)], DISPUTED, N),
    ("without an event date the publication day counts",
     [claim("controls", N, -30, event=False), claim("captured", T, 4, event=False)],
     CLAIMED, T),
]


@pytest.mark.parametrize(("why", "claims", "status", "controller"), CASES,
                         ids=[case[0] for case in CASES])
def test_the_rules_give_each_category(why, claims, status, controller):
    result = district_status(claims)
    assert (result.status, result.controller_id) == (status, controller), why


# A district's history, one report or review at a time, with the status after each step.
# Each step: (what happened, the claims known then, status, controller, last change day).
def _history():
    t_claim = claim("captured", T, 4)
    t_again = claim("controls", T, 5)
    n_denial = claim("denied", T, 6)
    n_much_later = claim("captured", N, 25)
    verified = lambda c: ClaimFact(**{**c.__dict__, "flag": "verified"})  # noqa: E731
    false = lambda c: ClaimFact(**{**c.__dict__, "flag": "false"})  # noqa: E731
    return [
        ("nothing yet", [], NO_REPORTS, None, None),
        ("T claims the capture", [t_claim], CLAIMED, T, 4),
        ("T repeats it next day: still claimed since the 4th", [t_claim, t_again], CLAIMED, T, 4),
        ("an editor verifies the repeat", [t_claim, verified(t_again)], CONFIRMED, T, 5),
        ("N denies it", [t_claim, verified(t_again), n_denial], DISPUTED, T, 6),
        ("the denial is found false", [t_claim, verified(t_again), false(n_denial)],
         CONFIRMED, T, 5),
        ("N takes it weeks later", [t_claim, verified(t_again), false(n_denial), n_much_later],
         CLAIMED, N, 25),
        ("the first claim turns out to be an extraction error",
         [false(t_claim)], NO_REPORTS, None, None),
    ]


HISTORY = _history()


@pytest.mark.parametrize(("step", "claims", "status", "controller", "changed"), HISTORY,
                         ids=[h[0] for h in HISTORY])
def test_each_transition_moves_the_status_and_its_last_change(step, claims, status, controller,
                                                              changed):
    result = district_status(claims)
    assert (result.status, result.controller_id) == (status, controller), step
    assert result.last_change == (_day(changed) if changed else None), step


def test_it_counts_reports_and_independent_sources_of_the_backing_claims():
    wire = "Spokesman Omar Hadi said on Saturday that fighters had taken the district centre."
    claims = [
        claim("captured", T, 4, article=1, outlet=10, sentence=wire),
        claim("captured", T, 4, article=2, outlet=11, sentence=wire.replace("Saturday", "Sat")),
        claim("captured", T, 4, article=3, outlet=12, sentence=(
            "Omar Hadi, a spokesman, said on Saturday that fighters had taken the district "
            "centre.")),
    ]
    result = district_status(claims)
    assert (result.reports, result.independent_sources) == (3, 1)


def test_two_independent_outlets_corroborate_a_claim():
    claims = [
        claim("captured", T, 4, outlet=10, sentence="The militia took the market town at dawn."),
        claim("captured", T, 5, outlet=11, sentence="Local elders confirmed the fighters "
                                                     "now patrol the bazaar."),
    ]
    flags = district_status(claims).flags
    assert {f.flag for f in flags.values()} == {"corroborated"}
    assert district_status(claims).independent_sources == 2


def test_wire_copies_do_not_corroborate_each_other():
    wire = "A spokesman for the militia told reporters the district had fallen overnight."
    claims = [claim("captured", T, 4, outlet=10, sentence=wire),
              claim("captured", T, 4, outlet=11, sentence=wire)]
    assert {f.flag for f in district_status(claims).flags.values()} == {"unverified"}


def test_conflicting_claims_are_flagged_disputed_and_editor_flags_win():
    capture = claim("captured", T, 4)
    denial = claim("denied", T, 5)
    verified = claim("captured", T, 5, flag="verified")
    flags = district_status([capture, denial, verified]).flags
    assert flags[capture.id].flag == "disputed"
    assert flags[denial.id].flag == "disputed"
    assert flags[verified.id].flag == "verified" and flags[verified.id].disputed


def test_a_claim_outside_the_window_is_not_disputed_by_an_old_one():
    old = claim("controls", N, -20)
    new = claim("captured", T, 4)
    flags = district_status([old, new]).flags
    assert flags[new.id].flag == "unverified"


def test_an_explicit_denial_link_disputes_across_the_window():
    capture = claim("captured", T, -30)
    denial = ClaimFact(**{**claim("denied", None, 4).__dict__, "denies": (capture.id,)})
    assert district_status([capture, denial]).flags[capture.id].disputed


# --------------------------------------------------------------------------- properties
_facts = st.lists(st.builds(
    ClaimFact,
    id=st.integers(1, 10_000), article_id=st.integers(1, 6),
    claim_type=st.sampled_from(["captured", "controls", "lost", "repelled", "contested",
                                "denied", "casualties", "other"]),
    controller_id=st.sampled_from([None, T, N, R]),
    published_at=st.datetimes(min_value=dt.datetime(2021, 8, 1), max_value=dt.datetime(
        2021, 9, 30), timezones=st.just(dt.UTC)),
    stance=st.sampled_from(["asserts", "denies"]),
    event_date=st.one_of(st.none(), st.dates(dt.date(2021, 8, 1), dt.date(2021, 9, 30))),
    flag=st.sampled_from(["unverified", "verified", "false", "extraction_error"]),
    outlet_id=st.integers(1, 4),
), max_size=12, unique_by=lambda c: c.id)


@given(_facts, st.randoms())
def test_the_verdict_does_not_depend_on_the_order_claims_arrive_in(claims, rnd):
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert district_status(claims) == district_status(shuffled)


@given(_facts)
def test_dropped_claims_count_for_nothing(claims):
    kept = [c for c in claims if c.flag not in ("false", "extraction_error")]
    full, without = district_status(claims), district_status(kept)
    assert (full.status, full.controller_id, full.last_change, full.backing_ids) == (
        without.status, without.controller_id, without.last_change, without.backing_ids)


@given(_facts)
def test_a_status_always_has_its_evidence(claims):
    result = district_status(claims)
    assert (result.status == NO_REPORTS) == (not result.backing_ids)
    assert result.independent_sources <= result.reports
    if result.status in (CONFIRMED, CLAIMED):
        assert result.controller_id is not None

"""The district-status rules: a pure function over a district's claims (no database here).

The selectors load plain rows (`ClaimFact`), with editors' corrections already applied and the
flag in force at the moment asked about, and call `district_status`. The same rules serve the
board, the district page and the API, and the README's "The desk" section documents them.

Vocabulary
----------
- A claim's **day** is its event date, or the day it was published when the text gave none.
  Claims are ordered by day, then publication time, then id ("order by event date, then
  publication").
- Claims flagged **false** or **extraction error** by an editor drop out entirely.
- A **holding claim** says an actor X holds the place: captured, controls, lost (the loser
  admits X took it) or repelled (X pushed an attack back), asserted, with X named.
- A **denial** denies X's control (type denied, or stance denies).
- A **contested** claim reports fighting for the place or unclear control.
- Casualty reports and "other" positions (entered, surrounded …) never change a status.

Categories
----------
Let L be the latest holding claim and X its controller.

- **confirmed**: an editor verified a holding claim V for X, and no claim after V contradicts
  X (another side's holding claim, a denial of X, or fighting reported).
- **disputed**: otherwise, something contradicts X within the window: a holding claim for
  another actor or a denial of X whose day is no more than ``WINDOW`` (14 days) before L's day,
  or any time after it; or fighting reported on L's day or later (fighting *before* a capture
  is how captures happen, so it does not dispute it). Also disputed: a place with denials or
  fighting reports but no holding claim at all.
- **claimed**: X claims the place (L exists), unverified, and nothing contradicts it.
- **no reports**: no claim bears on the place.

The window is by event day: a two-week-old claim by Y no longer disputes X's fresh capture
(it was the previous state of things), but a denial of X issued any time after L still does.

Automatic flags (per claim, shown when the editor's flag is unverified)
------------------------------------------------------------------------
- **disputed**: a conflicting claim (holding for another actor, or a denial of this controller,
  or an explicit ``denies`` link) lies within ``WINDOW`` days either side.
- **corroborated**: claims agreeing with it (same kind, same controller) within the window come
  from two or more independent origins (see claims/independence.py).
Disputed wins over corroborated when both hold: a contradiction is what an editor must see.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claims.independence import Report, count_independent, origins

WINDOW = dt.timedelta(days=14)

CONFIRMED, CLAIMED, DISPUTED, NO_REPORTS = "confirmed", "claimed", "disputed", "no_reports"
STATUSES = (CONFIRMED, CLAIMED, DISPUTED, NO_REPORTS)
STATUS_LABELS = {CONFIRMED: "confirmed", CLAIMED: "claimed", DISPUTED: "disputed",
                 NO_REPORTS: "no reports"}

# Flags (the same values as claims.models.claims.Flag; repeated here so this module stays pure).
UNVERIFIED, CORROBORATED, VERIFIED = "unverified", "corroborated", "verified"
FLAG_DISPUTED, FALSE, EXTRACTION_ERROR = "disputed", "false", "extraction_error"
DROPPED_FLAGS = frozenset({FALSE, EXTRACTION_ERROR})

# Claim types that say the named controller holds the place.
HOLDING_TYPES = frozenset({"captured", "controls", "lost", "repelled"})

HOLDING, DENIAL, CONTESTED = "holding", "denial", "contested"


@dataclass(frozen=True)
class ClaimFact:
    """One claim as the rules see it: effective (corrected) values, flag in force."""

    id: int
    article_id: int
    claim_type: str
    controller_id: int | None
    published_at: dt.datetime  # the article's publication (or upload) time
    stance: str = "asserts"
    event_date: dt.date | None = None
    flag: str = UNVERIFIED  # the editor's flag in force at the moment asked about
    outlet_id: int | None = None
    sentence: str = ""
    denies: tuple[int, ...] = ()  # ids of claims this one explicitly denies

    @property
    def day(self) -> dt.date:
        return self.event_date or self.published_at.date()

    @property
    def order_key(self) -> tuple:
        return (self.day, self.published_at, self.id)

    @property
    def kind(self) -> str | None:
        """Return holding, denial, contested, or None for claims that bear on no status."""
        if self.stance == "denies" or self.claim_type == "denied":
            return DENIAL
        if self.claim_type in HOLDING_TYPES:
            return HOLDING if self.controller_id is not None else None
        if self.claim_type == "contested":
            return CONTESTED
        return None


@dataclass(frozen=True)
class ClaimFlags:
    """The flag to show for one claim and the automatic findings behind it."""

    flag: str  # the editor's flag, or the automatic one when the editor's is unverified
    editor_flag: str
    corroborated: bool
    disputed: bool
    origin: int | None  # the claim's article's origin (see claims.independence)


@dataclass(frozen=True)
class DistrictStatus:
    """The rules' verdict on one place.

    status: one of STATUSES. controller_id: the actor of the latest holding claim (None when
    nobody holds it). sides: every actor with a holding claim among the backing claims,
    controller first. last_change: the day of the claim at which the current (status,
    controller) began. backing_ids: the claims that make the status, in order. reports: how
    many articles those come from; independent_sources: how many independent origins.
    """

    status: str = NO_REPORTS
    controller_id: int | None = None
    sides: tuple[int, ...] = ()
    last_change: dt.date | None = None
    leading_id: int | None = None
    backing_ids: tuple[int, ...] = ()
    reports: int = 0
    independent_sources: int = 0
    flags: dict[int, ClaimFlags] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


def _contradicts(claim: ClaimFact, controller: int) -> bool:
    kind = claim.kind
    if kind == HOLDING:
        return claim.controller_id != controller
    if kind == DENIAL:
        return claim.controller_id in (None, controller)
    return kind == CONTESTED


def _counts_against(claim: ClaimFact, leading: ClaimFact, window: dt.timedelta) -> bool:
    """Whether a claim disputes the leading holding claim under the window rule."""
    if not _contradicts(claim, leading.controller_id):
        return False
    if claim.kind == CONTESTED:
        return claim.day >= leading.day
    return claim.day >= leading.day - window


def _evaluate(seq: Sequence[ClaimFact], window: dt.timedelta):
    """Return (status, controller, leading, backing) for bearing claims in order."""
    holding = [c for c in seq if c.kind == HOLDING]
    if not holding:
        if not seq:
            return NO_REPORTS, None, None, ()
        latest = seq[-1]
        backing = tuple(c for c in seq if c.day >= latest.day - window)
        return DISPUTED, None, latest, backing
    leading = holding[-1]
    controller = leading.controller_id
    start = leading.day - window
    support = tuple(c for c in holding if c.controller_id == controller and c.day >= start)

    verified = [c for c in holding if c.controller_id == controller and c.flag == VERIFIED]
    if verified:
        # Only the latest verified claim matters: anything after an earlier one is after it too
        # or, if not, is already counted below against the leading claim.
        last_verified = verified[-1]
        if not any(c.order_key > last_verified.order_key and _contradicts(c, controller)
                   for c in seq):
            return CONFIRMED, controller, leading, support

    if any(_counts_against(c, leading, window) for c in seq):
        backing = tuple(c for c in seq if c.day >= start)
        return DISPUTED, controller, leading, backing
    return CLAIMED, controller, leading, support


def claim_flags(claims: Sequence[ClaimFact], origin_of: dict,
                window: dt.timedelta = WINDOW) -> dict[int, ClaimFlags]:
    """Return the flag to show for each claim (dropped ones keep the editor's flag).

    Claims are bucketed by day, so each claim looks at the 2 * window + 1 days around it
    instead of at every other claim: linear in the number of claims for a busy district.
    """
    counted = [c for c in claims if c.flag not in DROPPED_FLAGS]
    holders: dict[int, dict] = defaultdict(lambda: defaultdict(int))  # day -> controller -> n
    deniers: dict[int, dict] = defaultdict(lambda: defaultdict(int))  # day -> denied -> n
    agreeing: dict[tuple, set] = defaultdict(set)  # (day, kind, controller) -> origins
    by_id = {c.id: c for c in counted}
    for c in counted:
        day, kind = c.day.toordinal(), c.kind
        if kind == HOLDING:
            holders[day][c.controller_id] += 1
        elif kind == DENIAL:
            deniers[day][c.controller_id] += 1
        agreeing[(day, kind or c.claim_type, c.controller_id)].add(
            origin_of.get(c.article_id, c.article_id))
    linked = defaultdict(set)  # explicit denial links, both ways, among counted claims
    for c in counted:
        for other in c.denies:
            if other in by_id:
                linked[c.id].add(other)
                linked[other].add(c.id)

    def disputed(claim: ClaimFact, days: range) -> bool:
        if linked.get(claim.id):
            return True
        kind, controller = claim.kind, claim.controller_id
        for day in days:
            if kind == HOLDING:
                if any(n and other != controller for other, n in holders[day].items()):
                    return True
                if deniers[day].get(controller) or deniers[day].get(None):
                    return True
            elif kind == DENIAL and (sum(holders[day].values()) if controller is None
                                     else holders[day].get(controller)):
                return True
        return False

    result = {}
    for claim in claims:
        origin = origin_of.get(claim.article_id)
        if claim.flag in DROPPED_FLAGS:
            result[claim.id] = ClaimFlags(claim.flag, claim.flag, False, False, origin)
            continue
        centre = claim.day.toordinal()
        days = range(centre - window.days, centre + window.days + 1)
        is_disputed = disputed(claim, days)
        key = (claim.kind or claim.claim_type, claim.controller_id)
        sources: set = set()
        for day in days:
            sources |= agreeing.get((day, *key), set())
            if len(sources) >= 2:
                break
        corroborated = len(sources) >= 2
        shown = claim.flag
        if claim.flag == UNVERIFIED:
            shown = (FLAG_DISPUTED if is_disputed else CORROBORATED if corroborated
                     else UNVERIFIED)
        result[claim.id] = ClaimFlags(shown, claim.flag, corroborated, is_disputed, origin)
    return result


def district_status(claims: Iterable[ClaimFact], *, window: dt.timedelta = WINDOW,
                    origin_of: dict | None = None) -> DistrictStatus:
    """Apply the status rules to all claims about one place.

    ``origin_of`` maps article ids to origins; when omitted it is computed from the claims'
    sentences and outlets with claims.independence.origins.
    """
    claims = sorted(claims, key=lambda c: c.order_key)
    if origin_of is None:
        origin_of = origins(Report(c.article_id, c.outlet_id, c.sentence) for c in claims)
    flags = claim_flags(claims, origin_of, window)
    seq = [c for c in claims if c.flag not in DROPPED_FLAGS and c.kind is not None]
    status, controller, leading, backing = _evaluate(seq, window)
    if status == NO_REPORTS:
        return DistrictStatus(flags=flags)

    # When did the current state begin? Walk back day by day through shorter histories (the
    # claims up to the end of each earlier day) until the verdict differs; the next day with a
    # claim is the change. Stepping by day, not by claim, keeps a long quiet history cheap.
    last_change = seq[0].day
    day_ends = [i + 1 for i in range(len(seq) - 1) if seq[i].day != seq[i + 1].day]
    for end in reversed(day_ends):
        earlier_status, earlier_controller, _, _ = _evaluate(seq[:end], window)
        if (earlier_status, earlier_controller) != (status, controller):
            last_change = seq[end].day
            break

    sides = []
    if controller is not None:
        sides.append(controller)
    for claim in backing:
        if claim.kind == HOLDING and claim.controller_id not in sides:
            sides.append(claim.controller_id)
    articles = {c.article_id for c in backing}
    return DistrictStatus(
        status=status, controller_id=controller, sides=tuple(sides), last_change=last_change,
        leading_id=leading.id if leading else None,
        backing_ids=tuple(c.id for c in backing), reports=len(articles),
        independent_sources=count_independent(articles, origin_of), flags=flags,
    )

"""Reads for the board, district pages and the districts API: status per place, with evidence.

Every function here runs a fixed number of SQL queries whatever the data size (the tests assert
it): places, claims, explicit denial links, actors, people, and for a district page its reviews
and corrections. The status rules themselves live in claims/status.py and run in Python over
plain rows.

``as_of`` (an aware datetime, or None for now) gives the picture from what had been published
(``Article.published_at``, or the upload time when the article has no publication date) and
reviewed (``Review.created_at``) by then. Editors' corrections fix the extractor's reading of
the text, not the news, so they apply to every view, past ones included.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from claims import status as rules
from claims.models import Actor, Claim, ClaimCorrection, Person, Place, Review
from claims.selectors.claims import current_claims
from claims.selectors.lookup import as_id


# --------------------------------------------------------------------------- the shapes returned
@dataclass(frozen=True)
class ActorRef:
    id: int
    name: str
    color: str = ""


@dataclass(frozen=True)
class PlaceRef:
    id: int
    name: str
    kind: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class LatestClaim:
    """The most recent claim that bears on a place's status (board v1's one-line summary)."""

    id: int
    claim_type: str
    controller: ActorRef | None
    claimant: str
    outlet: str
    speaker: str
    speaker_role: str
    event_date: dt.date | None
    published_at: dt.datetime


@dataclass(frozen=True)
class DistrictRow:
    """One place on the board.

    status: confirmed / claimed / disputed / no_reports (see claims/status.py); status_label is
    the words to show. controller: who holds it by the latest holding claim (None when nobody
    does). sides: every actor holding it in the backing claims, controller first. last_change:
    the day (event date, else publication day) the current status and controller began.
    last_report_at: publication time of the newest claim about the place. reports: articles
    behind the status; independent_sources: how many independent origins those are (wire copy
    and one outlet's repeats count once). claims_count: every current claim about the place
    published by as_of, dropped ones included. latest: the newest claim bearing on the status.
    """

    place: PlaceRef
    province: PlaceRef | None
    status: str
    status_label: str
    controller: ActorRef | None
    sides: tuple[ActorRef, ...]
    last_change: dt.date | None
    last_report_at: dt.datetime | None
    reports: int
    independent_sources: int
    claims_count: int
    latest: LatestClaim | None


@dataclass(frozen=True)
class ReviewEntry:
    id: int
    editor: str
    created_at: dt.datetime
    from_flag: str
    to_flag: str
    note: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class CorrectionEntry:
    id: int
    editor: str
    created_at: dt.datetime
    changes: tuple[tuple[str, str], ...]  # (field, new value as shown)
    note: str


@dataclass(frozen=True)
class Evidence:
    """One claim with everything needed to judge it.

    flag is what to show (the editor's flag, or corroborated/disputed when the editor's is
    unverified); editor_flag is the stored one. counts: the claim is among those that make the
    place's status. original: extractor values an editor corrected, as (field, original,
    corrected) for showing both. reviews and corrections are newest first.
    """

    id: int
    version: int
    article_id: int
    article_title: str
    source_url: str
    outlet: str
    published_at: dt.datetime
    sentence: str
    sentence_start: int
    place: PlaceRef | None
    place_text: str
    claim_type: str
    stance: str
    controller: ActorRef | None
    claimant: str
    speaker: str
    speaker_role: str
    event_date: dt.date | None
    verification_note: str
    confidence: float
    flag: str
    editor_flag: str
    corroborated: bool
    disputed: bool
    counts: bool
    origin: int | None
    original: tuple[tuple[str, str, str], ...] = ()
    reviews: tuple[ReviewEntry, ...] = ()
    corrections: tuple[CorrectionEntry, ...] = ()


@dataclass(frozen=True)
class SeriesPoint:
    """Holding claims per side on one day, for the district chart."""

    day: dt.date
    counts: tuple[tuple[ActorRef, int], ...]


@dataclass(frozen=True)
class DistrictDetail(DistrictRow):
    """A district row plus its evidence (newest first) and the per-side series (by day)."""

    evidence: tuple[Evidence, ...] = ()
    series: tuple[SeriesPoint, ...] = ()
    as_of: dt.datetime | None = None


# --------------------------------------------------------------------------- parsing helpers
def parse_as_of(value) -> dt.datetime | None:
    """Parse ``?as_of=``: an ISO date-time (naive means UTC) or a date (the end of that day).

    Raise ValueError for anything else.
    """
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time.max)
    else:
        text = str(value).strip()
        try:
            day = parse_date(text)
            moment = (dt.datetime.combine(day, dt.time.max) if day is not None
                      else parse_datetime(text))
        except ValueError:
            moment = None
        if moment is None:
            raise ValueError(f"{text[:40]!r} is not an ISO date or date-time")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, dt.UTC)
    return moment


# --------------------------------------------------------------------------- loading rows
_FIELDS = (
    "id", "version", "article_id", "sentence", "sentence_start", "place_text", "flag",
    "claimant_label", "speaker_role", "verification_note", "confidence", "eff_place_id",
    "eff_claimed_controller_id", "eff_speaker_id", "eff_claim_type", "eff_stance",
    "eff_event_date", "pub", "article__outlet_id", "article__outlet__name", "article__title",
    "article__url", "place_id", "claimed_controller_id", "speaker_id", "claim_type", "stance",
    "event_date",
)


def _claim_rows(*, as_of, places=None, article_id=None, claim_filter: Q | None = None):
    """Return current claims (as dicts, effective values) published by as_of. One query."""
    qs = current_claims().annotate(
        pub=Coalesce("article__published_at", "article__created_at"))
    if as_of is not None:
        qs = qs.filter(pub__lte=as_of).annotate(flag_then=Coalesce(Subquery(
            Review.objects.filter(claim=OuterRef("pk"), created_at__lte=as_of)
            .order_by("-created_at", "-pk").values("to_flag")[:1]), Value("unverified")))
    else:
        qs = qs.annotate(flag_then=F("flag"))
    if places is not None:
        qs = qs.filter(eff_place_id__in=places)
    if article_id is not None:
        qs = qs.filter(article_id=article_id)
    if claim_filter is not None:
        qs = qs.filter(claim_filter)
    return list(qs.values(*_FIELDS, "flag_then").order_by())


def _denies(claim_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """Explicit denial links among the given claims. One query."""
    through = Claim.denies.through
    links = defaultdict(list)
    ids = list(claim_ids)
    if not ids:
        return {}
    for src, dst in through.objects.filter(from_claim_id__in=ids).values_list(
            "from_claim_id", "to_claim_id"):
        links[src].append(dst)
    return {k: tuple(v) for k, v in links.items()}


def _fact(row: dict, denies: dict) -> rules.ClaimFact:
    return rules.ClaimFact(
        id=row["id"], article_id=row["article_id"], claim_type=row["eff_claim_type"],
        controller_id=row["eff_claimed_controller_id"], published_at=row["pub"],
        stance=row["eff_stance"], event_date=row["eff_event_date"], flag=row["flag_then"],
        outlet_id=row["article__outlet_id"], sentence=row["sentence"],
        denies=denies.get(row["id"], ()),
    )


def _actors() -> dict[int, ActorRef]:
    return {a["id"]: ActorRef(a["id"], a["name"], a["color"])
            for a in Actor.objects.values("id", "name", "color")}


def _people(ids: Iterable[int]) -> dict[int, str]:
    ids = {i for i in ids if i}
    if not ids:
        return {}
    return dict(Person.objects.filter(pk__in=ids).values_list("id", "name"))


def _place_ref(place: Place | None) -> PlaceRef | None:
    if place is None:
        return None
    return PlaceRef(place.id, place.name, place.kind, place.lat, place.lon)


def _statuses(rows: list[dict], denies: dict) -> dict[int, rules.DistrictStatus]:
    by_place = defaultdict(list)
    for row in rows:
        by_place[row["eff_place_id"]].append(_fact(row, denies))
    return {place_id: rules.district_status(facts) for place_id, facts in by_place.items()}


def _latest(rows: list[dict], verdict: rules.DistrictStatus, actors, people):
    backing = set(verdict.backing_ids)
    candidates = [r for r in rows if r["id"] in backing] or rows
    if not candidates:
        return None
    row = max(candidates, key=lambda r: (r["eff_event_date"] or r["pub"].date(), r["pub"],
                                         r["id"]))
    return LatestClaim(
        id=row["id"], claim_type=row["eff_claim_type"],
        controller=actors.get(row["eff_claimed_controller_id"]),
        claimant=row["claimant_label"], outlet=row["article__outlet__name"] or "",
        speaker=people.get(row["eff_speaker_id"], ""), speaker_role=row["speaker_role"],
        event_date=row["eff_event_date"], published_at=row["pub"],
    )


def _row(place: Place, province: Place | None, rows: list[dict], verdict, actors, people):
    return DistrictRow(
        place=_place_ref(place), province=_place_ref(province), status=verdict.status,
        status_label=verdict.label, controller=actors.get(verdict.controller_id),
        sides=tuple(actors[a] for a in verdict.sides if a in actors),
        last_change=verdict.last_change,
        last_report_at=max((r["pub"] for r in rows), default=None),
        reports=verdict.reports, independent_sources=verdict.independent_sources,
        claims_count=len(rows), latest=_latest(rows, verdict, actors, people),
    )


def _actor_ids(value) -> set[int]:
    text = str(value).strip()
    if (pk := as_id(text)) is not None:
        return {pk}
    ids = set(Actor.objects.filter(name__iexact=text).values_list("id", flat=True))
    return ids or {-1}


# --------------------------------------------------------------------------- public reads
def board_rows(*, as_of: dt.datetime | None = None, province=None, status: str | None = None,
               actor=None, q: str | None = None) -> list[DistrictRow]:
    """Return every district with its status, grouped by province (province, then district name).

    Filters: province (id or name), status (one of claims.status.STATUSES), actor (id or name:
    the controller or any side), q (text in the district's or province's name or aliases).
    Districts with reports come before those without only in the template; here the order is
    stable by province and name. Runs at most five queries.
    """
    places = Place.objects.filter(kind=Place.Kind.DISTRICT).select_related("parent")
    if province not in (None, ""):
        text = str(province).strip()
        pk = as_id(text)
        places = (places.filter(parent_id=pk) if pk is not None
                  else places.filter(parent__name__iexact=text))
    if q:
        q = q.strip()
        places = places.filter(Q(name__icontains=q) | Q(parent__name__icontains=q)
                               | Q(aliases__icontains=q))
    places = list(places.order_by("parent__name", "name"))
    actor_filter = _actor_ids(actor) if actor not in (None, "") else None
    result = []
    for row in _rows_for(places, as_of=as_of):
        if status and row.status != status:
            continue
        if actor_filter is not None and not (actor_filter & {a.id for a in row.sides}):
            continue
        result.append(row)
    return result


def province_rows(*, as_of: dt.datetime | None = None) -> dict[int, DistrictRow]:
    """Return the status of each province from claims about the province as a whole.

    Only provinces with such claims ("all of Northvale is under our control") are returned,
    keyed by place id; the board shows them in the province's heading. At most five queries.
    """
    provinces = list(Place.objects.filter(kind=Place.Kind.PROVINCE).select_related("parent"))
    return {row.place.id: row for row in _rows_for(provinces, as_of=as_of)
            if row.claims_count}


def _rows_for(places: list[Place], *, as_of) -> list[DistrictRow]:
    """Status rows for the given places (parents already loaded). Four queries."""
    if not places:
        return []
    rows = _claim_rows(as_of=as_of, places=[p.id for p in places])
    denies = _denies(r["id"] for r in rows)
    verdicts = _statuses(rows, denies)
    actors = _actors()
    people = _people(r["eff_speaker_id"] for r in rows)
    by_place = defaultdict(list)
    for row in rows:
        by_place[row["eff_place_id"]].append(row)
    empty = rules.DistrictStatus()
    return [_row(place, place.parent, by_place.get(place.id, []),
                 verdicts.get(place.id, empty), actors, people) for place in places]


_CORRECTED_FIELDS = (
    # (label, original key, effective key, how to show a value)
    ("place", "place_id", "eff_place_id", "place"),
    ("controller", "claimed_controller_id", "eff_claimed_controller_id", "actor"),
    ("claim type", "claim_type", "eff_claim_type", "text"),
    ("speaker", "speaker_id", "eff_speaker_id", "person"),
    ("stance", "stance", "eff_stance", "text"),
    ("event date", "event_date", "eff_event_date", "text"),
)


def _evidence(rows: list[dict], verdicts: dict, *, actors, people, places, reviews_by_claim,
              corrections_by_claim) -> list[Evidence]:
    def show(kind, value):
        if value in (None, ""):
            return "—"
        if kind == "place":
            return places[value].name if value in places else f"place {value}"
        if kind == "actor":
            return actors[value].name if value in actors else f"actor {value}"
        if kind == "person":
            return people.get(value, f"person {value}")
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    items = []
    for row in rows:
        verdict = verdicts.get(row["eff_place_id"])
        flags = verdict.flags.get(row["id"]) if verdict else None
        original = tuple(
            (label, show(kind, row[orig]), show(kind, row[eff]))
            for label, orig, eff, kind in _CORRECTED_FIELDS if row[orig] != row[eff])
        items.append(Evidence(
            id=row["id"], version=row["version"], article_id=row["article_id"],
            article_title=row["article__title"] or f"Article {row['article_id']}",
            source_url=row["article__url"], outlet=row["article__outlet__name"] or "",
            published_at=row["pub"], sentence=row["sentence"],
            sentence_start=row["sentence_start"], place=_place_ref(places.get(row["eff_place_id"])),
            place_text=row["place_text"], claim_type=row["eff_claim_type"],
            stance=row["eff_stance"], controller=actors.get(row["eff_claimed_controller_id"]),
            claimant=row["claimant_label"], speaker=people.get(row["eff_speaker_id"], ""),
            speaker_role=row["speaker_role"], event_date=row["eff_event_date"],
            verification_note=row["verification_note"], confidence=row["confidence"],
            flag=flags.flag if flags else row["flag_then"], editor_flag=row["flag_then"],
            corroborated=bool(flags and flags.corroborated),
            disputed=bool(flags and flags.disputed),
            counts=bool(verdict and row["id"] in verdict.backing_ids),
            origin=flags.origin if flags else None, original=original,
            reviews=tuple(reviews_by_claim.get(row["id"], ())),
            corrections=tuple(corrections_by_claim.get(row["id"], ())),
        ))
    items.sort(key=lambda e: (e.event_date or e.published_at.date(), e.published_at, e.id),
               reverse=True)
    return items


def _editor_name(user) -> str:
    return user.get_full_name() or user.get_username()


def _history(claim_ids: list[int], *, as_of, actors, people, places):
    """Reviews and corrections of the claims, newest first, as entries. Two queries."""
    reviews = defaultdict(list)
    corrections = defaultdict(list)
    if not claim_ids:
        return reviews, corrections
    review_qs = Review.objects.filter(claim_id__in=claim_ids).select_related("editor")
    correction_qs = (ClaimCorrection.objects.filter(claim_id__in=claim_ids)
                     .select_related("editor", "place", "claimed_controller", "speaker"))
    if as_of is not None:
        review_qs = review_qs.filter(created_at__lte=as_of)
    for r in review_qs.order_by("-created_at", "-pk"):
        reviews[r.claim_id].append(ReviewEntry(
            r.id, _editor_name(r.editor), r.created_at, r.from_flag, r.to_flag, r.note,
            tuple(r.evidence or ())))
    for c in correction_qs.order_by("-created_at", "-pk"):
        changes = []
        if c.place_id:
            changes.append(("place", c.place.name))
        if c.claimed_controller_id:
            changes.append(("controller", c.claimed_controller.name))
        if c.claim_type:
            changes.append(("claim type", c.claim_type))
        if c.speaker_id:
            changes.append(("speaker", c.speaker.name))
        if c.stance:
            changes.append(("stance", c.stance))
        if c.event_date:
            changes.append(("event date", c.event_date.isoformat()))
        corrections[c.claim_id].append(CorrectionEntry(
            c.id, _editor_name(c.editor), c.created_at, tuple(changes), c.note))
    return reviews, corrections


def _series(evidence: list[Evidence], actors) -> tuple[SeriesPoint, ...]:
    per_day: dict[dt.date, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for item in evidence:
        if item.editor_flag in rules.DROPPED_FLAGS or item.controller is None:
            continue
        if item.claim_type not in rules.HOLDING_TYPES or item.stance == "denies":
            continue
        day = item.event_date or item.published_at.date()
        per_day[day][item.controller.id] += 1
    return tuple(
        SeriesPoint(day, tuple((actors[a], n) for a, n in sorted(counts.items())
                               if a in actors))
        for day, counts in sorted(per_day.items()))


def district_detail(*, place_id: int, as_of: dt.datetime | None = None) -> DistrictDetail:
    """Return one place's status with all its evidence, newest first. At most nine queries.

    Raise Place.DoesNotExist for an unknown id.
    """
    place = Place.objects.select_related("parent").get(pk=place_id)
    rows = _claim_rows(as_of=as_of, places=[place.id])
    ids = [r["id"] for r in rows]
    denies = _denies(ids)
    verdicts = _statuses(rows, denies)
    verdict = verdicts.get(place.id, rules.DistrictStatus())
    actors = _actors()
    people = _people([r["eff_speaker_id"] for r in rows] + [r["speaker_id"] for r in rows])
    place_ids = {r["place_id"] for r in rows if r["place_id"]} | {place.id}
    places = {p.id: p for p in Place.objects.filter(pk__in=place_ids)}
    reviews, corrections = _history(ids, as_of=as_of, actors=actors, people=people,
                                    places=places)
    evidence = _evidence(rows, verdicts, actors=actors, people=people, places=places,
                         reviews_by_claim=reviews, corrections_by_claim=corrections)
    base = _row(place, place.parent, rows, verdict, actors, people)
    return DistrictDetail(**base.__dict__, evidence=tuple(evidence),
                          series=_series(evidence, actors), as_of=as_of)


def claims_evidence(*, claim_ids: list[int] | None = None, article_id: int | None = None,
                    as_of: dt.datetime | None = None) -> list[Evidence]:
    """Return the given claims (or an article's) as evidence, flags judged in their places.

    The automatic flags need every claim about the same places, so this loads those too.
    At most nine queries.
    """
    if claim_ids is not None:
        rows = _claim_rows(as_of=as_of, claim_filter=Q(pk__in=claim_ids))
    else:
        rows = _claim_rows(as_of=as_of, article_id=article_id)
    place_ids = {r["eff_place_id"] for r in rows if r["eff_place_id"]}
    context = _claim_rows(as_of=as_of, places=place_ids) if place_ids else []
    denies = _denies([r["id"] for r in context] + [r["id"] for r in rows])
    verdicts = _statuses(context, denies)
    actors = _actors()
    people = _people([r["eff_speaker_id"] for r in rows] + [r["speaker_id"] for r in rows])
    all_place_ids = place_ids | {r["place_id"] for r in rows if r["place_id"]}
    places = {p.id: p for p in Place.objects.filter(pk__in=all_place_ids)}
    reviews, corrections = _history([r["id"] for r in rows], as_of=as_of, actors=actors,
                                    people=people, places=places)
    return _evidence(rows, verdicts, actors=actors, people=people, places=places,
                     reviews_by_claim=reviews, corrections_by_claim=corrections)


@dataclass(frozen=True)
class ProvinceGroup:
    """Board rows of one province: those with reports first, then the quiet ones."""

    province: PlaceRef | None
    reported: list[DistrictRow] = field(default_factory=list)
    quiet: list[DistrictRow] = field(default_factory=list)
    overall: DistrictRow | None = None  # claims about the province as a whole, if any

    @property
    def counts(self) -> dict[str, int]:
        tally = defaultdict(int)
        for row in self.reported:
            tally[row.status] += 1
        return dict(tally)


def group_by_province(rows: list[DistrictRow],
                      provinces: dict[int, DistrictRow] | None = None) -> list[ProvinceGroup]:
    """Group board rows by province; provinces with reports first, then by name.

    provinces (from province_rows) adds each province's own status to its group.
    """
    provinces = provinces or {}
    groups: dict = {}
    for row in rows:
        key = row.province.id if row.province else None
        group = groups.setdefault(key, ProvinceGroup(row.province, overall=provinces.get(key)))
        (group.reported if row.status != rules.NO_REPORTS else group.quiet).append(row)
    return sorted(groups.values(), key=lambda g: (not (g.reported or g.overall),
                                                  g.province.name if g.province else "~"))


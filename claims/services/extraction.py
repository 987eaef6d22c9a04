"""Run the extractor over an article and store what it found.

ExtractionRun is the job's state machine, written only from here:
queued -> running -> done | failed, with the error kept. A run is claimed with a conditional
UPDATE so two deliveries of the same task cannot both think they own a fresh run, and the
results are applied in one transaction that locks the article, so a re-run replaces the
extractor's output without touching editors' reviews and corrections.
"""

from __future__ import annotations

import hashlib
import logging
import time
import traceback
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from claims.extraction.types import OUTLET, Extraction
from claims.models import Actor, Article, Claim, ExtractionRun, Mention, Person, Place

log = logging.getLogger(__name__)
Status = ExtractionRun.Status


# --- the state machine ------------------------------------------------------------------------

def run_start(*, run_id: int) -> ExtractionRun | None:
    """Mark a run as running and count the attempt; None when it is already finished.

    A run found "running" is taken over: its worker died before acknowledging the task
    (acks_late), so the broker has handed the task to us.
    """
    updated = ExtractionRun.objects.filter(
        pk=run_id, status__in=[Status.QUEUED, Status.RUNNING]
    ).update(status=Status.RUNNING, started_at=timezone.now(), progress=0,
             attempts=F("attempts") + 1, error="")
    return ExtractionRun.objects.select_related("article").get(pk=run_id) if updated else None


def run_progress(*, run_id: int, percent: int) -> None:
    ExtractionRun.objects.filter(pk=run_id, status=Status.RUNNING).update(
        progress=max(0, min(100, int(percent))))


def run_fail(*, run_id: int, error: str) -> None:
    ExtractionRun.objects.filter(pk=run_id).update(
        status=Status.FAILED, error=error[-10_000:], finished_at=timezone.now())


def run_requeue(*, run_id: int, error: str) -> None:
    """Put a run back in the queue after a transient error, keeping the error for the page."""
    ExtractionRun.objects.filter(pk=run_id, status=Status.RUNNING).update(
        status=Status.QUEUED, error=f"retrying after: {error}"[-10_000:])


# --- the extractor and what it reads ----------------------------------------------------------

def get_extractor() -> Callable[..., Extraction]:
    return import_string(settings.NEWSDESK_EXTRACTOR)


# Building the gazetteer reads every resolved Place; a worker reuses it for this many seconds,
# so an alias an editor adds reaches extraction within a minute without a query per article.
GAZETTEER_TTL_SECONDS = 60
_gazetteer_cache: dict[str, tuple[float, object]] = {}


def gazetteer_from_places():
    """Return the extractor's gazetteer built from the Place rows, cached for a minute."""
    cached = _gazetteer_cache.get("places")
    if cached and time.monotonic() - cached[0] < GAZETTEER_TTL_SECONDS:
        return cached[1]
    gazetteer = _build_gazetteer()
    _gazetteer_cache["places"] = (time.monotonic(), gazetteer)
    return gazetteer


def _build_gazetteer():
    from claims.extraction.gazetteer import Gazetteer, GazetteerEntry

    places = Place.objects.filter(geonames_id__isnull=False).select_related("parent")
    entries = [
        GazetteerEntry(
            name=p.name, kind=p.kind, country_code=p.country_code, geonames_id=p.geonames_id,
            parent_geonames_id=p.parent.geonames_id if p.parent else None,
            parent_name=p.parent.name if p.parent else None,
            aliases=tuple(p.aliases or ()), lat=p.lat, lon=p.lon,
        )
        for p in places.order_by("pk")
    ]
    return Gazetteer(entries) if entries else None


def actors_from_db():
    """The actor registry: the shipped table, extended and overridden by the desk's Actor rows."""
    from claims.extraction.actors import ActorEntry, ActorRegistry, default_registry

    merged = {entry.name: entry for entry in default_registry().entries}
    for actor in Actor.objects.all():
        shipped = merged.get(actor.name)
        aliases = tuple(dict.fromkeys([*(shipped.aliases if shipped else ()), *actor.aliases]))
        merged[actor.name] = ActorEntry(name=actor.name, kind=actor.kind, aliases=aliases)
    return ActorRegistry(merged.values())


def extraction_execute(*, run_id: int) -> ExtractionRun | None:
    """Run the extractor for one run and apply its results. Returns the finished run.

    Transient database errors propagate so the task can retry; anything the extractor raises
    is recorded on the run as a failure (retrying a deterministic bug would fail again).
    """
    run = run_start(run_id=run_id)
    if run is None:
        log.info("run %s is already finished; nothing to do", run_id)
        return None
    article = run.article
    started = time.monotonic()

    last_write = [0.0]

    def progress(percent: int) -> None:
        # Each write is a commit; twice a second is plenty for a progress bar.
        if time.monotonic() - last_write[0] >= 0.5:
            last_write[0] = time.monotonic()
            run_progress(run_id=run.pk, percent=min(int(percent), 95))

    try:
        extraction = get_extractor()(
            article.body,
            published=article.published_at.date() if article.published_at else None,
            gazetteer=gazetteer_from_places(),
            actors=actors_from_db(),
            outlet=article.outlet.name if article.outlet else None,
            progress=progress,
        )
    except Exception as exc:
        log.exception("extractor failed on article %s", article.pk)
        run_fail(run_id=run.pk, error="".join(traceback.format_exception_only(exc)).strip())
        return ExtractionRun.objects.get(pk=run.pk)
    extraction.timings = {**extraction.timings, "total": time.monotonic() - started}
    extraction_apply(run=run, extraction=extraction)
    return ExtractionRun.objects.get(pk=run.pk)


def extraction_warm_up() -> None:
    """Load the model and build the gazetteer now, so a worker's first article is not slow."""
    get_extractor()("Fighters said they had taken the district.",
                    gazetteer=gazetteer_from_places(), actors=actors_from_db())


# --- applying results -------------------------------------------------------------------------

def claim_fingerprint(claim, sentence_start: int) -> str:
    """Identity of an extracted claim across re-runs over the same article."""
    key = "|".join(str(part) for part in (
        sentence_start, (claim.place or "").casefold(), claim.claim_type, claim.stance,
        (claim.claimant or "").casefold(),
    ))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class _Resolver:
    """Turn the extractor's names into rows, creating actors, people and unresolved places."""

    def __init__(self):
        self.places_by_gid = {}
        self.actors = {a.name.casefold(): a for a in Actor.objects.all()}
        for actor in list(self.actors.values()):
            for alias in actor.aliases or ():
                self.actors.setdefault(alias.casefold(), actor)
        self.people = list(Person.objects.all())

    def place(self, *, name, kind, geonames_id, parent_name=None) -> Place | None:
        if geonames_id:
            if geonames_id not in self.places_by_gid:
                self.places_by_gid[geonames_id] = Place.objects.filter(
                    geonames_id=geonames_id).first()
            found = self.places_by_gid[geonames_id]
            if found:
                return found
        if not name:
            return None
        parent = None
        if parent_name:
            parent = (Place.objects.filter(name__iexact=parent_name,
                                           kind__in=[Place.Kind.PROVINCE, Place.Kind.DISTRICT])
                      .order_by("kind").first())
        kind = kind if kind in Place.Kind.values else Place.Kind.OTHER
        return Place.objects.get_or_create(name=name[:200], kind=kind, parent=parent,
                                           geonames_id=None)[0]

    def actor(self, name) -> Actor | None:
        if not name or name == OUTLET:
            return None
        found = self.actors.get(name.casefold())
        if found is None:
            # Only single actors become rows; "Taliban and NRF" stays a label on the claim.
            if " and " in name or "(" in name:
                return None
            found = Actor.objects.get_or_create(name=name[:200])[0]
            self.actors[name.casefold()] = found
        return found

    def person(self, name, *, role="", affiliation=None) -> Person | None:
        if not name:
            return None
        from claims.extraction.entities import same_person

        for person in self.people:
            if same_person(person.name, name) or any(same_person(a, name) for a in person.aliases):
                if name != person.name and name not in person.aliases and len(name) <= 200:
                    person.aliases = [*person.aliases, name]
                    person.save(update_fields=["aliases"])
                return person
        person = Person.objects.create(name=name[:200], role=(role or "")[:200],
                                       affiliation=affiliation)
        self.people.append(person)
        return person


@transaction.atomic
def extraction_apply(*, run: ExtractionRun, extraction: Extraction) -> None:
    """Store an extraction's mentions and claims for the run's article, idempotently.

    Claims are matched to earlier ones by fingerprint: a match is updated in place (so its
    reviews and corrections stay attached), a new one is created, and an earlier claim the
    extractor no longer finds is marked not current rather than deleted.
    """
    article = Article.objects.select_for_update().get(pk=run.article_id)
    resolve = _Resolver()

    Mention.objects.filter(article=article).delete()
    mentions = []
    for m in extraction.mentions:
        row = Mention(article=article, run=run, kind=m.kind, text=m.text[:500], start=m.start,
                      end=m.end, canonical=(m.canonical or "")[:200])
        if m.kind == Mention.Kind.PLACE:
            row.place = resolve.place(name=m.canonical or m.text, kind=m.place_kind or "other",
                                      geonames_id=m.geonames_id)
        elif m.kind == Mention.Kind.ACTOR:
            row.actor = resolve.actor(m.canonical or m.text)
        elif m.kind == Mention.Kind.PERSON:
            row.person = resolve.person(m.canonical or m.text)
        mentions.append(row)
    Mention.objects.bulk_create(mentions)

    existing = {c.fingerprint: c for c in Claim.objects.filter(article=article)}
    seen: set[str] = set()
    rows: list[Claim] = []
    for c in extraction.claims:
        fingerprint = claim_fingerprint(c, c.sentence_start)
        if fingerprint in seen:
            rows.append(existing[fingerprint])
            continue
        seen.add(fingerprint)
        claimant = resolve.actor(c.claimant)
        fields = dict(
            run=run, is_current=True, sentence=c.sentence, sentence_start=c.sentence_start,
            sentence_end=c.sentence_end,
            place=resolve.place(name=c.place, kind=c.place_kind, geonames_id=c.place_geonames_id,
                                parent_name=c.admin_parent),
            place_text=(c.place or "")[:300], place_kind=(c.place_kind or "")[:20],
            place_start=c.place_start, place_end=c.place_end,
            admin_parent=(c.admin_parent or "")[:200], claim_type=c.claim_type,
            claimed_controller=resolve.actor(c.claimed_controller), claimant=claimant,
            claimant_label=(c.claimant or "")[:200],
            speaker=resolve.person(c.speaker, role=c.speaker_role or "", affiliation=claimant),
            speaker_role=(c.speaker_role or "")[:300], stance=c.stance,
            verification_note=(c.verification_note or "")[:500], event_date=c.event_date,
            confidence=c.confidence, extractor_version=extraction.extractor_version,
        )
        row = existing.get(fingerprint)
        if row is None:
            row = Claim.objects.create(article=article, fingerprint=fingerprint, **fields)
            existing[fingerprint] = row
        else:
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()
        rows.append(row)

    for i, c in enumerate(extraction.claims):
        denied = [rows[j] for j in c.denies if 0 <= j < len(rows) and j != i]
        rows[i].denies.set(denied)
    # update() skips auto_now; API clients key Last-Modified on updated_at, so set it here.
    Claim.objects.filter(article=article, is_current=True).exclude(fingerprint__in=seen).update(
        is_current=False, updated_at=timezone.now())

    ExtractionRun.objects.filter(pk=run.pk).update(
        status=Status.DONE, progress=100, finished_at=timezone.now(),
        extractor_version=extraction.extractor_version,
        timings={k: round(v, 4) for k, v in extraction.timings.items()}, error="",
    )

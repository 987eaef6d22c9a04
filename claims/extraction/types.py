"""The extraction contract: what the pure-Python extractor hands to the rest of Newsdesk.

Nothing here imports Django. Offsets are character offsets into the exact text given to
``extract`` (the article body), half-open ``[start, end)``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

# Entity kinds a Mention can have.
PERSON, ACTOR, PLACE, DATE = "person", "actor", "place", "date"
MENTION_KINDS = (PERSON, ACTOR, PLACE, DATE)

# Claim vocabulary, from the annotation guide in the corpus README.
CLAIM_TYPES = (
    "captured", "controls", "contested", "repelled", "lost", "denied", "casualties", "other",
)
STANCES = ("asserts", "denies")
PLACE_KINDS = ("country", "province", "district", "city", "village", "region", "pass", "other")
OUTLET = "outlet"  # claimant value when the outlet says it in its own voice


@dataclass(frozen=True)
class Mention:
    """One entity span in the text."""

    kind: str  # one of MENTION_KINDS
    text: str  # exactly text[start:end]
    start: int
    end: int
    # Canonical name: the actor registry's short name ("Taliban"), the gazetteer's place name
    # ("Khinj"), a person's fullest name in the article ("Ahmad Massoud"), an ISO date.
    canonical: str | None = None
    # For places found in the gazetteer: its GeoNames id; None for unresolved places.
    geonames_id: int | None = None
    place_kind: str | None = None


@dataclass(frozen=True)
class Claim:
    """One (sentence, place, claim) as in the corpus output schema, plus offsets."""

    sentence: str
    sentence_start: int
    sentence_end: int
    place: str | None  # as written in the text
    place_kind: str | None
    admin_parent: str | None
    claim_type: str  # one of CLAIM_TYPES
    claimed_controller: str | None  # canonical actor name
    claimant: str | None  # canonical actor name, or OUTLET
    speaker: str | None
    speaker_role: str | None
    stance: str  # one of STANCES
    verification_note: str | None
    event_date: dt.date | None
    confidence: float = 0.5
    place_start: int | None = None  # offsets of the place span, when it is in the sentence
    place_end: int | None = None
    place_geonames_id: int | None = None  # set when the place resolved in the gazetteer
    # For denials: indexes into Extraction.claims of the claims this one denies.
    denies: tuple[int, ...] = ()

    def as_schema(self, article: str) -> dict:
        """Return the claim as one object of the corpus output schema."""
        return {
            "article": article,
            "sentence": self.sentence,
            "place": self.place,
            "place_kind": self.place_kind,
            "admin_parent": self.admin_parent,
            "claim_type": self.claim_type,
            "claimed_controller": self.claimed_controller,
            "claimant": self.claimant,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "stance": self.stance,
            "verification_note": self.verification_note,
            "event_date": self.event_date.isoformat() if self.event_date else None,
        }


@dataclass
class Extraction:
    """Everything the extractor found in one text."""

    extractor_version: str
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # Seconds spent in each named pipeline step, for ExtractionRun.timings.
    timings: dict[str, float] = field(default_factory=dict)
    country: str | None = None  # ISO code of the country most of its places are in

    def as_dict(self) -> dict:
        return asdict(self)

from claims.models.claims import Claim, ClaimCorrection, Review
from claims.models.entities import Actor, Mention, Person, Place
from claims.models.sources import Article, ExtractionRun, Outlet
from claims.models.tokens import ApiToken

__all__ = [
    "Actor", "ApiToken", "Article", "Claim", "ClaimCorrection", "ExtractionRun", "Mention",
    "Outlet", "Person", "Place", "Review",
]

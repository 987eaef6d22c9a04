"""Which reports are independent of each other: a pure function, no database.

Outlets run agency copy word for word ("Taliban spokesman X said on Saturday that ..."), so
three articles can carry one origin. Two articles share an origin when

- they come from the same outlet (an outlet repeating itself does not corroborate itself), or
- they carry a near-identical sentence: the Jaccard similarity of the sentences' word 3-shingles,
  after normalising case, punctuation and digits, is at least ``SIMILARITY``.

Sharing is transitive (A ~ B and B ~ C puts A, B and C in one origin), computed with a
union-find over articles. Sentences shorter than ``MIN_TOKENS`` words never match: short
formulas ("Fighting continues.") are written independently all the time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

SHINGLE = 3  # words per shingle
SIMILARITY = 0.5  # Jaccard of shingle sets at or above which two sentences are one copy
MIN_TOKENS = 6
# A shingle shared by more sentences than this is a stock phrase ("the taliban said"), useless
# for finding copies; skipping it keeps candidate generation near-linear.
COMMON_SHINGLE = 200

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


@dataclass(frozen=True)
class Report:
    """One sentence of one article, as independence sees it."""

    article_id: Hashable
    outlet: Hashable | None  # outlet id or name; None when unknown (then only copy matching)
    sentence: str


def normalise(sentence: str) -> list[str]:
    """Return the sentence's words, lower-cased, digits folded to one token."""
    return ["0" if word.isdigit() else word.casefold() for word in _WORD.findall(sentence)]


def shingles(sentence: str) -> frozenset[tuple[str, ...]]:
    """Return the sentence's word 3-shingles (empty for sentences under MIN_TOKENS words)."""
    words = normalise(sentence)
    if len(words) < MIN_TOKENS:
        return frozenset()
    return frozenset(tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def same_copy(a: str, b: str) -> bool:
    """Return whether two sentences are the same wire copy."""
    return jaccard(shingles(a), shingles(b)) >= SIMILARITY


class _UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller id becomes the root: the origin is named by its first article.
            if _key(rb) < _key(ra):
                ra, rb = rb, ra
            self.parent[rb] = ra


def _key(value):
    return (str(type(value)), value) if not isinstance(value, int) else ("", value)


def origins(reports: Iterable[Report]) -> dict[Hashable, Hashable]:
    """Map each article id to its origin (the smallest article id of its group)."""
    reports = list(reports)
    uf = _UnionFind()
    by_outlet: dict = {}
    for report in reports:
        uf.find(report.article_id)
        if report.outlet is not None:
            first = by_outlet.setdefault(report.outlet, report.article_id)
            uf.union(first, report.article_id)

    sets = [shingles(r.sentence) for r in reports]
    index: dict[tuple, list[int]] = defaultdict(list)
    for i, shingle_set in enumerate(sets):
        for shingle in shingle_set:
            index[shingle].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > COMMON_SHINGLE:
            continue
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if reports[i].article_id != reports[j].article_id:
                    candidates.add((i, j))
    for i, j in candidates:
        if uf.find(reports[i].article_id) == uf.find(reports[j].article_id):
            continue
        if jaccard(sets[i], sets[j]) >= SIMILARITY:
            uf.union(reports[i].article_id, reports[j].article_id)
    return {r.article_id: uf.find(r.article_id) for r in reports}


def count_independent(article_ids: Iterable[Hashable], origin_of: dict) -> int:
    """Return how many distinct origins the given articles come from."""
    return len({origin_of.get(a, a) for a in article_ids})

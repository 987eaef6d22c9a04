"""The project's evaluation sets (bench/eval) are well formed: a broken gold line would make
`make eval` measure nothing."""

import json
from pathlib import Path

import pytest

from claims.extraction.articlefile import parse

EVAL = Path(__file__).resolve().parents[2] / "bench" / "eval"
SETS = sorted(p.name for p in EVAL.iterdir() if (p / "gold.jsonl").exists())
FIELDS = {"article", "sentence", "place", "claim_type", "claimed_controller", "claimant",
          "speaker", "stance", "verification_note", "event_date"}
TYPES = {"captured", "controls", "contested", "repelled", "lost", "denied", "casualties", "other"}


def test_there_are_sets_to_score():
    assert {"sealed3", "sealed4", "round9"} <= set(SETS)


@pytest.mark.parametrize("name", SETS)
def test_every_gold_claim_quotes_its_article(name):
    folder = EVAL / name
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    claims = [json.loads(line) for line in lines if line.strip()]
    assert claims
    for claim in claims:
        assert claim.keys() >= FIELDS, claim
        assert claim["claim_type"] in TYPES
        assert (claim["stance"] == "denies") == (claim["claim_type"] == "denied"), claim
        article = parse((folder / "articles" / claim["article"]).read_text(
            encoding="utf-8"))
        assert claim["sentence"] in article.body or claim["sentence"] == article.title, claim

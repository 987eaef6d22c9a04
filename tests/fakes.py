"""Stand-in extractors for service tests: they control exactly what "the extractor found".

The real pipeline is exercised by the extraction tests, the ingest command tests and the
worker test; these keep service tests fast and their expectations exact.
"""

import datetime as dt
import os
import re
import time

from claims.extraction.types import Claim, Extraction, Mention

SENTENCE = re.compile(r"[^.]+\.")
CAPTURE = re.compile(r"(?P<actor>[A-Z]\w+) (?:fighters )?(?:captured|took) (?P<place>[A-Z]\w+)")
DENIAL = re.compile(r"(?P<actor>[A-Z]\w+) denied")


def rule_extract(text, *, published=None, gazetteer=None, actors=None, outlet=None,
                 progress=None, version="fake-1"):
    """Find "<Actor> captured <Place>." and "<Actor> denied ..." sentences."""
    found = Extraction(extractor_version=version)
    for match in SENTENCE.finditer(text):
        sentence = match.group().strip()
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        if m := CAPTURE.search(sentence):
            place_start = start + m.start("place")
            found.mentions.append(Mention("actor", m["actor"], start + m.start("actor"),
                                          start + m.end("actor"), canonical=m["actor"]))
            found.mentions.append(Mention("place", m["place"], place_start,
                                          place_start + len(m["place"]), canonical=m["place"]))
            found.claims.append(Claim(
                sentence=sentence, sentence_start=start, sentence_end=start + len(sentence),
                place=m["place"], place_kind="district", admin_parent=None,
                claim_type="captured", claimed_controller=m["actor"], claimant=m["actor"],
                speaker=None, speaker_role=None, stance="asserts", verification_note=None,
                event_date=published if isinstance(published, dt.date) else None,
                place_start=place_start, place_end=place_start + len(m["place"]),
            ))
        elif m := DENIAL.search(sentence):
            denied = [i for i, c in enumerate(found.claims) if c.stance == "asserts"]
            for i in denied:
                earlier = found.claims[i]
                found.claims.append(Claim(
                    sentence=sentence, sentence_start=start, sentence_end=start + len(sentence),
                    place=earlier.place, place_kind=earlier.place_kind, admin_parent=None,
                    claim_type="denied", claimed_controller=earlier.claimed_controller,
                    claimant=m["actor"], speaker=None, speaker_role=None, stance="denies",
                    verification_note=None, event_date=None, denies=(i,),
                ))
    if progress:
        progress(50)
    return found


def rule_extract_v2(text, **kwargs):
    return rule_extract(text, **{**kwargs, "version": "fake-2"})


def broken_extract(text, **kwargs):
    raise RuntimeError("the extractor tripped over this text")


def slow_extract(text, **kwargs):
    """The real pipeline, after a pause long enough for a test to kill the worker mid-task.

    The worker's one-sentence warm-up is not paused, or the worker would stall before it
    ever took the task.
    """
    from claims.extraction.pipeline import extract

    if len(text) > 80:
        time.sleep(float(os.environ.get("NEWSDESK_TEST_SLOW_SECONDS", "8")))
    return extract(text, **kwargs)

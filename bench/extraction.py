"""Words per second of the claim extractor against a bare spaCy pass over the same text.

    python bench/extraction.py [--repeat N] [--sizes 10000,100000,1000000]

Prints, in one run on the same text: the full pipeline (`extract`), a bare `nlp.pipe` with the
same model and components (no EntityRuler, no rules), and their ratio; the target is >= 0.8 (our
rules cost at most a quarter on top of spaCy). Then the time per character at growing sizes, to
show the pipeline is linear. The text is generated here from sentences the project wrote itself;
if the dev corpus sits at ../shared/corpus it is read (not copied) and added to the mix.
"""

from __future__ import annotations

import argparse
import glob
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from claims.extraction import articlefile  # noqa: E402
from claims.extraction.entities import load_model, nlp_for  # noqa: E402
from claims.extraction.gazetteer import default_gazetteer  # noqa: E402
from claims.extraction.pipeline import CHUNK, extract  # noqa: E402
from claims.extraction.text import blocks, chunks  # noqa: E402

SENTENCES = (
    "Militia spokesman Omar Hadi said on Monday the town of Qarabel had fallen.",
    "Russia's defence ministry said its forces had captured the village of Novoselivka.",
    "Ukraine's general staff denied the claim, saying its units still held the village.",
    '"Our fighters repelled three attacks near Kherson overnight," the spokesman said.',
    "Heavy fighting continued around Bakhmut, according to local officials.",
    "The RSF said it had taken control of the army base in Nyala, the capital of South Darfur.",
    "The junta did not comment, and the claims could not be independently verified.",
    "At least 14 civilians were killed when shells hit a market in El Fasher, medics said.",
    "Tigray forces said on Sunday they had entered the town of Kombolcha.",
    "Aid groups said food deliveries to the region had resumed after a week of talks.",
    "READ MORE: What the fighting means for the harvest",
)


def corpus_text() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    texts = []
    pattern = os.path.join(here, "..", "..", "shared", "corpus", "articles", "*.txt")
    for path in sorted(glob.glob(pattern)):
        with open(path, "rb") as fh:
            texts.append(articlefile.parse(articlefile.decode(fh.read())).body)
    return "\n\n".join(texts)


def make_text(size: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    base = corpus_text()
    parts, total = [], 0
    while total < size:
        if base and rnd.random() < 0.3:
            piece = base
        else:
            piece = " ".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(1, 4)))
        parts.append(piece)
        total += len(piece) + 2
    return "\n\n".join(parts)[:size]


def bare_pass(nlp, text: str) -> None:
    """The same model over the same pieces of text the pipeline parses, and nothing else."""
    pieces = [text[s:e] for b in blocks(text) for s, e in chunks(text, b.start, b.end, CHUNK)]
    for _ in nlp.pipe(pieces, batch_size=64):
        pass


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--size", type=int, default=200_000, help="characters for the ratio")
    ap.add_argument("--sizes", default="20000,100000,500000,1000000", help="sizes for linearity")
    args = ap.parse_args(argv)

    gaz = default_gazetteer()
    nlp_for(gaz)  # build and cache outside the timing
    bare = load_model()
    text = make_text(args.size)
    words = len(text.split())
    extract("warm up", gazetteer=gaz)
    bare_pass(bare, "warm up")

    t_bare = timed(lambda: bare_pass(bare, text), args.repeat)
    t_full = timed(lambda: extract(text, gazetteer=gaz), args.repeat)
    print(f"text: {len(text):,} characters, {words:,} words; best of {args.repeat}")
    print(f"bare nlp.pipe   {words / t_bare:10,.0f} words/s  ({t_bare:.2f} s)")
    print(f"full pipeline   {words / t_full:10,.0f} words/s  ({t_full:.2f} s)")
    print(f"ratio full/bare {t_bare / t_full:.3f}  (target >= 0.8)")

    print("linearity (full pipeline, one run each):")
    for size in (int(s) for s in args.sizes.split(",") if s):
        sample = make_text(size, seed=size)
        started = time.perf_counter()
        extract(sample, gazetteer=gaz)
        spent = time.perf_counter() - started
        print(f"  {size:>9,} chars  {spent:7.2f} s  {1e6 * spent / size:6.2f} us/char")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The extractor never raises, whatever it is given, and reads a long article to the end."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ODD_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(min_codepoint=0x0590, max_codepoint=0x06FF)),  # Hebrew, Arabic
    st.binary(max_size=2000).map(lambda b: b.decode("latin-1")),  # binary-looking
    st.lists(st.sampled_from(["Qarabel", " fell", "\u201c", "\u201d", '"', "said", ".", "\n",
                              "\u202e", "READ MORE", " date 2022-10-08 ", "Taliban", "on Friday",
                              "\u0627\u0644\u0645\u062f\u064a\u0646\u0629", "\x00", "  "]),
             max_size=80).map("".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ODD_TEXT)
def test_it_never_raises_and_offsets_stay_in_the_text(run, text):
    ex = run(text)
    for claim in ex.claims:
        assert text[claim.sentence_start:claim.sentence_end] == claim.sentence
    for m in ex.mentions:
        assert 0 <= m.start <= m.end <= len(text)


def test_empty_and_whitespace_give_no_claims(run):
    assert run("").claims == []
    assert run(" \n\n\t ").claims == []


def test_a_megabyte_article_is_read_to_the_end(run):
    # A megabyte of pasted page, mostly link lines the segmenter skips, with a real paragraph
    # every ~20 KB: every byte is scanned, but only the paragraphs reach spaCy, so the test is
    # cheap while still proving that the whole text is read and every paragraph counted once.
    links = "READ MORE: Related coverage from the region and analysis of the week\n" * 280
    paragraph = "Rebels said on Friday they had seized the town of Belmora.\n\n"
    unit = links + "\n" + paragraph
    repeats = 1_000_000 // len(unit) + 1
    text = unit * repeats
    text += "The Taliban said their fighters had captured Dorak."  # the very end still counts
    ex = run(text)
    assert len(text) > 1_000_000
    assert [c.place for c in ex.claims].count("Belmora") == repeats
    assert ex.claims[-1].place == "Dorak"
    assert ex.claims[-1].sentence_end == len(text)


def test_a_long_line_without_breaks_is_cut_below_the_chunk_size_and_read(run):
    from claims.extraction.pipeline import CHUNK

    sentence = "Rebels said they had seized the town of Belmora. "
    text = sentence * (3 * CHUNK // len(sentence))
    ex = run(text)
    assert len(ex.claims) == text.count("Belmora")

from claims.extraction import text as textmod


def lines(body):
    return [body[b.start:b.end] for b in textmod.blocks(body)]


def test_it_skips_page_furniture_and_keeps_reporting():
    body = ("Rebels said they held the bridge.\n\nREAD MORE: Ten things about the war\n"
            "Share this article\nLeave a Reply\nSource: wires and agencies\n"
            "The army denied it.\n")
    assert lines(body) == ["Rebels said they held the bridge.", "The army denied it."]


def test_the_line_after_a_bare_read_more_is_a_link_not_reporting():
    body = "Clashes went on.\nRead more:\nWhy the valley matters\nThe road was shut."
    assert lines(body) == ["Clashes went on.", "The road was shut."]


def test_a_pasted_dateline_is_cut_from_the_first_sentence_by_offset():
    body = " date 2022-10-08 Militia fighters said they entered the town."
    [block] = textmod.blocks(body)
    assert body[block.start:block.end] == "Militia fighters said they entered the town."
    assert textmod.dateline_date(body).isoformat() == "2022-10-08"


def test_a_caption_keeps_its_claim_and_loses_its_credit():
    body = "Soldiers stand in the square of the recaptured town, October 7, 2022. /CFP"
    assert lines(body) == ["Soldiers stand in the square of the recaptured town, October 7, 2022."]


def test_long_text_is_cut_below_the_limit_at_sentence_ends():
    body = "The town fell. " * 1000
    pieces = textmod.chunks(body, 0, len(body), 1000)
    assert all(e - s <= 1000 for s, e in pieces)
    assert "".join(body[s:e] for s, e in pieces) == body
    assert all(body[s:e].endswith(". ") for s, e in pieces[:-1])


def test_a_list_items_marker_is_not_part_of_its_sentence():
    body = ("KEY POINTS\n- Rebels said they held the bridge.\n\u2022 The army denied it.\n"
            "2) Clashes went on near the dam.\n-5 degrees at night, residents said.")
    assert lines(body) == ["KEY POINTS", "Rebels said they held the bridge.", "The army denied it.",
                           "Clashes went on near the dam.", "-5 degrees at night, residents said."]

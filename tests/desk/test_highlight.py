"""The article text as safe HTML: escaped segments, entities and claim sentences marked."""

from dataclasses import dataclass

from claims.templatetags.desk import highlighted_text


@dataclass
class M:  # a Mention as the tag reads it
    kind: str
    start: int
    end: int
    text: str = ""
    canonical: str = ""


@dataclass
class E:  # an Evidence as the tag reads it
    id: int
    sentence_start: int
    sentence: str


def test_it_escapes_the_text_around_and_inside_marks():
    body = "<b>Hadi</b> said & left."
    html = str(highlighted_text(body, [M("person", 3, 7, "Hadi", '"Hadi"')], []))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp; left" in html
    assert 'title="person: &quot;Hadi&quot;"' in html


def test_overlapping_mentions_keep_the_longer_one():
    body = "Omar Hadi spoke."
    html = str(highlighted_text(body, [M("person", 0, 9, canonical="Omar Hadi"),
                                       M("person", 5, 9, canonical="Hadi")], []))
    assert html.count('class="ent ent-person"') == 1


def test_a_mention_across_a_sentence_edge_is_split_not_lost():
    body = "First part. Second part."
    sentence = "First part."
    html = str(highlighted_text(body, [M("place", 6, 16, canonical="x")],
                                [E(7, 0, sentence)]))
    assert html.count('class="ent ent-place"') == 2
    assert html.count("<mark") == html.count("</mark>") == 1
    assert '<span class="anchor" id="claim-7"></span>' in html
    assert html.replace("</mark>", "").startswith('<span class="anchor"')


def test_text_survives_unchanged_apart_from_markup():
    import re
    from html import unescape

    body = "A < B > C & D. Then \"quotes\" and 'apostrophes'.\n\nNew paragraph."
    html = str(highlighted_text(body, [M("date", 0, 1), M("actor", 4, 5)],
                                [E(1, 0, "A < B > C & D."), E(2, 0, "A < B > C & D.")]))
    assert unescape(re.sub(r"<[^>]+>", "", html)) == body

"""Whole articles the project wrote itself, in the shape of wire reports from other wars."""

import datetime as dt

# A backslash at a line end continues the line: each paragraph is still one line of the article.
MYANMAR = """outlet: Desk Test
published: 2024-01-06

The Myanmar National Democratic Alliance Army (MNDAA) said on Friday it had captured the town of \
Laukkai, the capital of the Kokang region, after weeks of fighting.

The junta has not commented on the reported fall of the town.

An MNDAA spokesperson, Li Kyarwen, told the Associated Press that hundreds of junta soldiers had \
surrendered.

"The whole town is now under our control," he said.

Fighting also reportedly broke out in Lashio, according to local residents.

Junta spokesman Zaw Min Tun said the military had withdrawn from Laukkai to protect civilians.

READ MORE: Who are the groups fighting in Shan State?
"""

ETHIOPIA = """outlet: Desk Test
published: 2021-11-02

Tigray forces said on Sunday they had entered the strategic town of Kombolcha, about 380 km north \
of Addis Ababa.

The Ethiopian government denied that Tigrayan fighters were in the town, calling the report \
"propaganda".

Government spokesperson Legesse Tulu said federal forces remained in control of Dessie and \
Kombolcha.

Tigray People's Liberation Front spokesman Getachew Reda wrote on Twitter that the group's \
fighters had also reached Kemise.

Communications were cut in the region and the competing claims could not be independently verified.
"""


def claims_of(run, source):
    from claims.extraction import articlefile

    article = articlefile.parse(source)
    return run(article.body, published=article.published).claims


def test_a_myanmar_report(run):
    got = [(c.place, c.claim_type, c.claimant, c.speaker, c.event_date)
           for c in claims_of(run, MYANMAR)]
    assert got == [
        ("Laukkai", "captured", "MNDAA", None, dt.date(2024, 1, 5)),
        # "hundreds of junta soldiers had surrendered" names no place: no claim the board could show
        ("Laukkai", "controls", "MNDAA", "Li Kyarwen", None),
        ("Lashio", "contested", "local residents", None, None),
        ("Laukkai", "lost", "Myanmar junta", "Zaw Min Tun", None),
    ]


def test_an_ethiopia_report_with_a_denial_and_a_closing_hedge(run):
    claims = claims_of(run, ETHIOPIA)
    got = [(c.place, c.claim_type, c.claimant, c.claimed_controller, c.stance) for c in claims]
    assert got == [
        ("Kombolcha", "other", "Tigray forces", "Tigray forces", "asserts"),
        ("Dessie", "controls", "Ethiopian government", "Ethiopian government", "asserts"),
        ("Kombolcha", "controls", "Ethiopian government", "Ethiopian government", "asserts"),
        ("Kemise", "other", "Tigray forces", "Tigray forces", "asserts"),
        ("Kombolcha", "denied", "Ethiopian government", "Tigray forces", "denies"),
    ]
    assert claims[0].event_date == dt.date(2021, 10, 31)
    assert claims[-1].denies == (0,)
    assert claims[3].speaker == "Getachew Reda"
    assert claims[3].verification_note == "could not be independently verified"

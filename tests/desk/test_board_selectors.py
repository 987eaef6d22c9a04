"""board_rows and district_detail: the picture the board, the district page and the API share."""

import datetime as dt

import pytest

from claims.models import Place
from claims.selectors.board import board_rows, district_detail, parse_as_of, province_rows
from claims.services.reviews import claim_correct, claim_review
from tests.desk.conftest import at
from tests.factories import make_article, make_claim, make_district, make_person

pytestmark = pytest.mark.django_db


def _by_name(rows):
    return {row.place.name: row for row in rows}


def test_it_gives_each_district_its_status_controller_and_counts(valley):
    rows = _by_name(board_rows())
    assert (rows["Qarabel"].status, rows["Qarabel"].controller.name) == ("claimed", "Taliban")
    assert rows["Qarabel"].reports == rows["Qarabel"].independent_sources == 1
    assert rows["Sangdara"].status == "disputed"
    assert [a.name for a in rows["Sangdara"].sides] == ["Taliban", "NRF"]
    assert rows["Sangdara"].last_change == dt.date(2021, 9, 6)
    assert (rows["Tolkhan"].status, rows["Tolkhan"].controller) == ("no_reports", None)
    assert rows["Qarabel"].province.name == "Northvale"
    assert rows["Qarabel"].latest.outlet == "Valley Wire"


def test_a_verified_claim_confirms_the_district(valley, editor):
    claim_review(claim=valley["qarabel_claim"], editor=editor, to_flag="verified",
                 seen_version=1)
    assert _by_name(board_rows())["Qarabel"].status == "confirmed"


def test_a_claim_marked_false_drops_out(valley, editor):
    claim_review(claim=valley["qarabel_claim"], editor=editor, to_flag="false", seen_version=1)
    assert _by_name(board_rows())["Qarabel"].status == "no_reports"


def test_as_of_shows_only_what_was_published_by_then(valley):
    rows = _by_name(board_rows(as_of=at(5, 12)))
    assert rows["Sangdara"].status == "claimed"
    assert rows["Sangdara"].controller.name == "NRF"
    assert _by_name(board_rows(as_of=at(3)))["Qarabel"].status == "no_reports"


def test_as_of_ignores_reviews_made_later(valley, editor):
    claim_review(claim=valley["qarabel_claim"], editor=editor, to_flag="verified",
                 seen_version=1)
    # The review was made now (years after September 2021): the past view has not seen it.
    assert _by_name(board_rows(as_of=at(20)))["Qarabel"].status == "claimed"


def test_a_corrected_place_moves_the_claim(valley, editor):
    claim_correct(claim=valley["qarabel_claim"], editor=editor, seen_version=1,
                  place=valley["tolkhan"])
    rows = _by_name(board_rows())
    assert rows["Qarabel"].status == "no_reports"
    assert (rows["Tolkhan"].status, rows["Tolkhan"].controller.name) == ("claimed", "Taliban")


def test_wire_copy_counts_as_one_independent_source(valley):
    wire = ("The militia's spokesman said on Saturday its fighters had taken full control of "
            "Qarabel district.")
    for n, outlet in enumerate(["Agency One", "Mirror Two", "Echo Three"]):
        article = make_article(f"{wire} Filed {n}.", outlet=outlet, published_at=at(7))
        make_claim(place=valley["qarabel"], article=article, sentence=wire)
    row = _by_name(board_rows())["Qarabel"]
    assert (row.reports, row.independent_sources) == (4, 2)


@pytest.mark.parametrize(("filters", "names"), [
    ({"status": "disputed"}, {"Sangdara"}),
    ({"actor": "NRF"}, {"Sangdara"}),
    ({"q": "qara"}, {"Qarabel"}),
    ({"province": "Northvale"}, {"Qarabel", "Sangdara", "Tolkhan"}),
    ({"province": "Elsewhere"}, set()),
])
def test_it_filters(valley, filters, names):
    assert set(_by_name(board_rows(**filters))) == names


def test_the_board_runs_a_bounded_number_of_queries(valley, django_assert_max_num_queries):
    province = valley["province"]
    for n in range(30):
        district = make_district(f"Extra {n}", province)
        make_claim(place=district, article=make_article(f"Report number {n} on Extra {n}."),
                   speaker=make_person(f"Speaker {n}"))
    with django_assert_max_num_queries(5):
        rows = board_rows()
    assert len(rows) == 33


def test_the_district_detail_runs_a_bounded_number_of_queries(valley, editor,
                                                              django_assert_max_num_queries):
    sangdara = valley["sangdara"]
    for n in range(20):
        claim = make_claim(place=sangdara, article=make_article(f"Sangdara report {n}."),
                           speaker=make_person(f"Witness {n}"))
        claim_review(claim=claim, editor=editor, to_flag="verified", seen_version=1)
        claim_correct(claim=claim, editor=editor, seen_version=2, claim_type="controls")
    with django_assert_max_num_queries(9):
        detail = district_detail(place_id=sangdara.pk)
    assert len(detail.evidence) == 22


def test_the_district_detail_lists_evidence_newest_first_with_history(valley, editor):
    claim_review(claim=valley["sangdara_held"], editor=editor, to_flag="verified",
                 seen_version=1, note="Called the district office.",
                 evidence=["https://example.org/call-notes"])
    claim_correct(claim=valley["sangdara_taken"], editor=editor, seen_version=1,
                  speaker=make_person("Karim Doost"), note="The commander is named later.")
    detail = district_detail(place_id=valley["sangdara"].pk)
    newest, oldest = detail.evidence
    assert (newest.id, oldest.id) == (valley["sangdara_taken"].id, valley["sangdara_held"].id)
    assert oldest.reviews[0].note == "Called the district office."
    assert oldest.reviews[0].evidence == ("https://example.org/call-notes",)
    assert newest.speaker == "Karim Doost"
    assert ("speaker", "—", "Karim Doost") in newest.original
    assert newest.flag == "disputed"
    assert [point.day for point in detail.series] == [dt.date(2021, 9, 5), dt.date(2021, 9, 6)]


def test_an_unknown_place_raises(db):
    with pytest.raises(Place.DoesNotExist):
        district_detail(place_id=999_999)


@pytest.mark.parametrize(("raw", "expected"), [
    ("2021-09-05T12:00", dt.datetime(2021, 9, 5, 12, tzinfo=dt.UTC)),
    ("2021-09-05", dt.datetime(2021, 9, 5, 23, 59, 59, 999999, tzinfo=dt.UTC)),
    ("", None),
])
def test_it_parses_as_of(raw, expected):
    assert parse_as_of(raw) == expected


def test_it_refuses_a_malformed_as_of():
    with pytest.raises(ValueError):
        parse_as_of("last tuesday")


def test_claims_about_a_whole_province_give_the_province_a_status(valley):
    article = make_article("The militia said all of Northvale was now under its control.",
                           published_at=at(7))
    make_claim(place=valley["province"], article=article, claim_type="controls")
    rows = province_rows()
    assert list(rows) == [valley["province"].pk]
    assert (rows[valley["province"].pk].status,
            rows[valley["province"].pk].controller.name) == ("claimed", "Taliban")

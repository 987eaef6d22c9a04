"""as_id: the board, queue and API read "id or name" filters through it."""

import pytest

from claims.selectors.board import board_rows
from claims.selectors.lookup import as_id
from claims.selectors.queue import review_queue
from tests.factories import make_district, make_province


@pytest.mark.parametrize("value,expected", [
    ("42", 42), (" 7 ", 7), (42, 42), ("Panjshir", None), ("²", None), ("٣", None),
    ("-3", None), ("", None), ("9" * 20, None), (str(2**63 - 1), 2**63 - 1),
])
def test_as_id_accepts_only_plain_numbers_a_database_id_can_hold(value, expected):
    assert as_id(value) == expected


@pytest.mark.parametrize("odd", ["²", "9" * 20])
def test_the_board_and_queue_treat_odd_digits_as_a_name_not_a_crash(db, odd):
    make_district("Khinj", province=make_province("Panjshir"))
    assert board_rows(province=odd) == []
    assert board_rows(actor=odd) == []
    assert review_queue(province=odd, actor=odd).items == ()

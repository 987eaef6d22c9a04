"""Parse the "id or name" filter values the board, the queue and the API accept."""

MAX_ID = 2**63 - 1  # PostgreSQL bigint


def as_id(value) -> int | None:
    """Return value as a primary key when it is a plain decimal number in range, else None.

    str.isdigit() accepts "²" and other digits int() refuses, and a 20-digit number overflows
    bigint in the query; both would be server errors, so neither counts as an id.
    """
    text = str(value).strip()
    if not (text.isascii() and text.isdecimal()):
        return None
    number = int(text)
    return number if number <= MAX_ID else None

"""Read the article file format: optional `key: value` header lines, a blank line, the body.

A file whose first lines are not all known header keys is all body (a pasted web page can start
with anything). Pure Python: used by `manage.py ingest` and the `extract` dry run alike.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

HEADER_KEYS = ("outlet", "title", "published", "url")
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z_]+):[ \t]*(?P<value>.*)$")


class ArticleFileError(ValueError):
    """The file cannot be read as an article; the message says why."""


@dataclass
class ArticleFile:
    body: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def outlet(self) -> str:
        return self.headers.get("outlet", "")

    @property
    def title(self) -> str:
        return self.headers.get("title", "")

    @property
    def url(self) -> str:
        return self.headers.get("url", "")

    @property
    def published(self) -> dt.datetime | dt.date | None:
        return parse_published(self.headers.get("published", ""))


def parse_published(value: str) -> dt.datetime | dt.date | None:
    """Parse an ISO date or date-time; empty means unknown."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ArticleFileError(f"published: {value!r} is not an ISO date or date-time") from exc


def decode(raw: bytes) -> str:
    """Decode uploaded bytes as UTF-8 text, refusing binary data with a clear message."""
    if b"\x00" in raw:
        raise ArticleFileError("the file is binary, not text (it contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleFileError(
            f"the file is not UTF-8 text (bad byte at offset {exc.start})"
        ) from exc
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > max(8, len(text) // 100):
        raise ArticleFileError("the file looks binary: too many control characters")
    return text


def parse(text: str) -> ArticleFile:
    """Split text into header and body; a text without a valid header block is all body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    head, sep, rest = text.partition("\n\n")
    headers: dict[str, str] = {}
    if sep:
        for line in head.split("\n"):
            match = _HEADER_LINE.match(line)
            if not match or match["key"].lower() not in HEADER_KEYS:
                headers = {}
                break
            headers[match["key"].lower()] = match["value"].strip()
    if headers:
        parse_published(headers.get("published", ""))  # fail early on a bad date
        return ArticleFile(body=rest, headers=headers)
    return ArticleFile(body=text, headers={})

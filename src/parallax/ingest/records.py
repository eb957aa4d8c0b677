"""Article records from JSON corpora: DiverseSumm, Discord Questions and JSONL.

The three formats differ only in their envelope (an object with ``articles``, a
bare list, one object per line); inside, each record is read by the same field
aliases, and unknown fields are ignored so richer exports still load.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parallax.ingest.article import article_from_text
from parallax.ingest.errors import IngestError
from parallax.ingest.outlet import outlet_from_domain, outlet_from_url
from parallax.models import LoadError, LoadResult

_TEXT_KEYS = ("content", "text", "body")
_ID_KEYS = ("aid", "id")
_DATE_KEYS = ("date", "published")


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"


def _first_str(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _text_field(record: dict[str, Any]) -> tuple[str, Any] | None:
    """The first text field present (``content``, ``text``, ``body``) and its raw value."""
    for key in _TEXT_KEYS:
        value = record.get(key)
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return key, value
    return None


def parse_date(value: str) -> dt.date | None:
    """An ISO date or a full written date from a metadata field; ``None`` if unclear."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    import dateparser  # lazy: slow to import and only needed for non-ISO metadata

    parsed = dateparser.parse(
        value, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed is not None else None


def _record_date(record: dict[str, Any], warnings: list[str]) -> dt.date | None:
    for key in _DATE_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            date = parse_date(value)
            if date is None:
                warnings.append(f"'{key}' field {value!r} is not a full date; ignored")
            return date
    return None


def record_to_result(record: Any, fallback_aid: str, source: str, result: LoadResult) -> None:
    """Add the article of one record to ``result``, or say why it has none."""
    if not isinstance(record, dict):
        result.errors.append(
            LoadError(origin=f"{source}#{fallback_aid}", reason="entry is not a JSON object")
        )
        return
    aid = _first_str(record, _ID_KEYS) or fallback_aid
    origin = f"{source}#{aid}"
    field = _text_field(record)
    if field is not None and not isinstance(field[1], str):
        # A number or a list where the text belongs is a broken export, not an article.
        key, value = field
        reason = f"entry '{aid}': \"{key}\" is {_json_type(value)}, not text"
        result.errors.append(LoadError(origin=origin, reason=reason))
        return
    text = field[1].strip() if field is not None else ""
    if not text:
        result.skipped.append(LoadError(origin=origin, reason=f"entry '{aid}' has no content"))
        return
    warnings: list[str] = []
    published = _record_date(record, warnings)
    url = _first_str(record, ("url",))
    outlet = outlet_from_domain(_first_str(record, ("domain", "outlet"))) or outlet_from_url(url)
    try:
        article = article_from_text(
            text,
            aid,
            origin,
            title=_first_str(record, ("title",)),
            url=url,
            outlet=outlet,
            published=published,
            warnings=warnings,
        )
    except IngestError as exc:
        result.errors.append(LoadError(origin=origin, reason=f"entry '{aid}': {exc}"))
        return
    result.articles.append(article)


def _records(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        return list(doc["articles"])
    if isinstance(doc, dict) and _text_field(doc) is not None:
        return [doc]
    raise IngestError(
        "JSON is not an article corpus (expected a list of articles, "
        'an object with "articles", or one article object)'
    )


def load_json(text: str, path: Path) -> LoadResult:
    """Load a DiverseSumm object, a Discord-style list or a single article object."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(_json_error(exc)) from exc
    result = LoadResult()
    for index, record in enumerate(_records(doc), start=1):
        record_to_result(record, f"{path.stem}-{index}", str(path), result)
    return result


def _jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield lineno, line


def load_jsonl(text: str, path: Path) -> LoadResult:
    """Load one article per line; a broken line is an error for that line only."""
    result = LoadResult()
    for lineno, line in _jsonl_lines(text):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            result.errors.append(
                LoadError(
                    origin=f"{path}:{lineno}",
                    reason=f"invalid JSON at line {lineno}, column {exc.colno}: {exc.msg}",
                )
            )
            continue
        record_to_result(record, f"{path.stem}-{lineno}", str(path), result)
    return result

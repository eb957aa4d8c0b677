"""Download one article page with hard limits on time, size and redirects.

A batch may hold dozens of URLs; one slow or huge server must cost a bounded
time and memory and end as an error line, never hang or exhaust the run.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from parallax.ingest.errors import IngestError

# httpx's timeout bounds each read; a server dripping bytes also needs a total bound.
_TOTAL_FACTOR = 3


@dataclass(frozen=True)
class Fetched:
    """The body of a page and where it really came from after redirects."""

    url: str
    body: bytes
    content_type: str
    encoding: str | None


def fetch_url(url: str, *, timeout: float, max_bytes: int, max_redirects: int) -> Fetched:
    """GET ``url``; raise ``IngestError`` for network errors, HTTP errors and limits."""
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=max_redirects,
                headers={"User-Agent": "parallax-news/0.1 (article loader)"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise IngestError(f"HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise IngestError(f"response is {int(declared):,} bytes, over the limit")
            chunks: list[bytes] = []
            size = 0
            deadline = time.monotonic() + timeout * _TOTAL_FACTOR
            for chunk in response.iter_bytes():
                if time.monotonic() > deadline:
                    raise IngestError(f"download took longer than {timeout * _TOTAL_FACTOR:g} s")
                size += len(chunk)
                if size > max_bytes:
                    raise IngestError(f"response is over the {max_bytes:,}-byte limit")
                chunks.append(chunk)
            return Fetched(
                url=str(response.url),
                body=b"".join(chunks),
                content_type=response.headers.get("content-type", "").lower(),
                encoding=response.charset_encoding,
            )
    except httpx.TooManyRedirects as exc:
        raise IngestError(f"more than {max_redirects} redirects") from exc
    except httpx.TimeoutException as exc:
        raise IngestError(f"timed out after {timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise IngestError(f"cannot fetch: {exc}") from exc

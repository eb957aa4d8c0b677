from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parallax.ingest import LoadOptions, load_paths

PAGE = (
    b"<html><head><title>Ferry service resumes | Harbour Post</title>"
    b'<meta property="article:published_time" content="2023-06-07T09:00:00Z"></head>'
    b"<body><article><h1>Ferry service resumes</h1>"
    b"<p>The ferry between the two islands resumed on Wednesday after a week of storms.</p>"
    b"<p>Operators said 14 crossings a day would run and 2,300 passengers were waiting.</p>"
    b"</article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/story":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/plain":
            body = (
                b"Ferry back after storms\n\nThe ferry resumed on Wednesday after a week of storms."
            )
            self._send(200, body, "text/plain; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/story")
            self.end_headers()
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>more words</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif self.path == "/huge":
            self._send(200, b"<p>" + b"x" * 50_000 + b"</p>", "text/html")
        else:
            self._send(404, b"missing", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_page_is_extracted_with_metadata(server: str) -> None:
    result = load_paths([f"{server}/story"])
    assert result.errors == []
    (article,) = result.articles
    assert article.aid == "story"
    assert article.origin == f"{server}/story"
    assert article.title == "Ferry service resumes"
    assert str(article.published) == "2023-06-07"
    assert article.published_basis == "metadata"
    assert "2,300 passengers" in article.text
    assert article.outlet == "127.0.0.1"


def test_redirect_is_followed_and_final_url_kept(server: str) -> None:
    (article,) = load_paths([f"{server}/moved"]).articles
    assert article.url == f"{server}/story"


def test_redirect_limit(server: str) -> None:
    result = load_paths([f"{server}/loop"], options=LoadOptions(max_redirects=3))
    assert result.articles == []
    assert "more than 3 redirects" in result.errors[0].reason


def test_size_limit_on_responses(server: str) -> None:
    result = load_paths([f"{server}/huge"], options=LoadOptions(max_bytes=10_000))
    assert result.articles == []
    assert "limit" in result.errors[0].reason


def test_http_error_status(server: str) -> None:
    result = load_paths([f"{server}/nope"])
    assert [str(e) for e in result.errors] == [f"{server}/nope: HTTP 404 Not Found"]


def test_plain_text_response(server: str) -> None:
    (article,) = load_paths([f"{server}/plain"]).articles
    assert article.title == "Ferry back after storms"
    assert article.text.endswith("a week of storms.")


def test_mixed_batch_of_urls_and_bad_urls(server: str) -> None:
    result = load_paths([f"{server}/story", f"{server}/nope", f"{server}/plain"])
    assert sorted(a.aid for a in result.articles) == ["plain", "story"]
    assert len(result.errors) == 1


def test_a_server_dripping_bytes_hits_the_total_time_bound(server: str) -> None:
    start = time.monotonic()
    result = load_paths([f"{server}/drip"], options=LoadOptions(timeout=0.3))
    assert time.monotonic() - start < 3
    assert result.articles == []
    assert "longer than" in result.errors[0].reason

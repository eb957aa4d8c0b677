from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parallax.ingest import LoadOptions, fetch, load_paths
from parallax.ingest.errors import IngestError

# The test server listens on loopback, which the fetch guard refuses by default.
LOCAL = LoadOptions(allow_private=True)

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
        elif self.path.startswith("/to?"):
            self.send_response(302)
            self.send_header("Location", self.path.split("?", 1)[1])
            self.end_headers()
        elif self.path == "/slow-headers":
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for i in range(40):
                    self.wfile.write(f"X-Drip-{i}: x\r\n".encode())
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
    result = load_paths([f"{server}/story"], options=LOCAL)
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
    (article,) = load_paths([f"{server}/moved"], options=LOCAL).articles
    assert article.url == f"{server}/story"


def test_redirect_limit(server: str) -> None:
    result = load_paths(
        [f"{server}/loop"], options=LoadOptions(max_redirects=3, allow_private=True)
    )
    assert result.articles == []
    assert "more than 3 redirects" in result.errors[0].reason


def test_size_limit_on_responses(server: str) -> None:
    result = load_paths(
        [f"{server}/huge"], options=LoadOptions(max_bytes=10_000, allow_private=True)
    )
    assert result.articles == []
    assert "limit" in result.errors[0].reason


def test_http_error_status(server: str) -> None:
    result = load_paths([f"{server}/nope"], options=LOCAL)
    assert [str(e) for e in result.errors] == [f"{server}/nope: HTTP 404 Not Found"]


def test_plain_text_response(server: str) -> None:
    (article,) = load_paths([f"{server}/plain"], options=LOCAL).articles
    assert article.title == "Ferry back after storms"
    assert article.text.endswith("a week of storms.")


def test_mixed_batch_of_urls_and_bad_urls(server: str) -> None:
    result = load_paths([f"{server}/story", f"{server}/nope", f"{server}/plain"], options=LOCAL)
    assert sorted(a.aid for a in result.articles) == ["plain", "story"]
    assert len(result.errors) == 1


def test_a_server_dripping_bytes_hits_the_total_time_bound(server: str) -> None:
    start = time.monotonic()
    result = load_paths([f"{server}/drip"], options=LoadOptions(timeout=0.3, allow_private=True))
    assert time.monotonic() - start < 3
    assert result.articles == []
    assert "no complete response within 0.9 s" in result.errors[0].reason


def test_a_server_dripping_its_headers_hits_the_same_deadline(server: str) -> None:
    # Each header line comes well within the 0.3 s read timeout; only one overall
    # deadline for connect + headers + body ends it.
    start = time.monotonic()
    options = LoadOptions(timeout=0.3, allow_private=True)
    result = load_paths([f"{server}/slow-headers"], options=options)
    assert time.monotonic() - start < 3
    assert result.articles == []
    assert "no complete response within 0.9 s" in result.errors[0].reason


# The guard: loopback, private, link-local and odd spellings of them are refused unless
# allowed. Literal addresses are refused before any connection is made.
@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "0.0.0.0",
        "2130706433",
        "0x7f.0.0.1",
        "127.1",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "169.254.169.254",
        "10.0.0.7",
        "192.168.1.1",
        "[fe80::1]",
    ],
)
def test_non_global_addresses_are_refused_by_default(host: str) -> None:
    connected: list[str] = []

    def no_connect(ip: str, port: int, timeout: float | None) -> object:
        connected.append(ip)
        raise AssertionError("the guard must refuse before connecting")

    original = fetch.connect
    fetch.connect = no_connect  # type: ignore[assignment]
    try:
        result = load_paths([f"http://{host}:9/story"])
    finally:
        fetch.connect = original
    assert result.articles == []
    assert connected == []
    (error,) = result.errors
    assert "refused to fetch" in error.reason
    assert "--allow-private" in error.reason


def test_the_refusal_is_one_clear_line_naming_the_url(server: str) -> None:
    result = load_paths([f"{server}/story"])
    assert [str(e) for e in result.errors] == [
        f"{server}/story: refused to fetch 127.0.0.1: a loopback address; "
        "pass --allow-private to allow it"
    ]


def test_fetch_url_takes_the_switch_directly(server: str) -> None:
    with pytest.raises(IngestError, match="loopback"):
        fetch.fetch_url(f"{server}/story", timeout=2, max_bytes=100_000, max_redirects=3)
    page = fetch.fetch_url(
        f"{server}/story", timeout=2, max_bytes=100_000, max_redirects=3, allow_private=True
    )
    assert b"2,300 passengers" in page.body


@pytest.fixture
def public_name(server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """'news.test' resolves (by a stub) to a public address; dialling that address reaches
    the loopback test server, so nothing leaves 127.0.0.0/8. Any other name resolves
    through the stub's table only, never through DNS."""
    port = int(server.rsplit(":", 1)[1])
    table = {
        "news.test": ["93.184.216.34"],
        "intranet.test": ["10.1.2.3"],
        "both.test": ["93.184.216.34", "192.168.0.9"],
    }
    dialled: list[str] = []

    def stub_resolve(host: str, port_: int) -> list[str]:
        if host in table:
            return table[host]
        # Literal addresses and localhost resolve without a DNS query.
        local = host == "localhost" or host[0].isdigit() or ":" in host
        return fetch.system_resolve(host, port_) if local else []

    def stub_connect(ip: str, port_: int, timeout: float | None) -> object:
        dialled.append(ip)
        if ip.startswith("127."):
            return fetch._system_connect(ip, port_, timeout)
        assert ip == "93.184.216.34", f"the guard let {ip} through"
        return fetch._system_connect("127.0.0.1", port, timeout)

    monkeypatch.setattr(fetch, "resolve", stub_resolve)
    monkeypatch.setattr(fetch, "connect", stub_connect)
    yield f"http://news.test:{port}"
    assert all(ip == "93.184.216.34" or ip.startswith("127.") for ip in dialled)


def test_a_public_name_is_fetched(public_name: str) -> None:
    (article,) = load_paths([f"{public_name}/story"]).articles
    assert "2,300 passengers" in article.text
    assert article.outlet == "news.test"


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:9/",
        "http://localhost/",
        "http://2130706433/",
        "http://0.0.0.0/",
        "http://intranet.test/",
        "http://both.test/",
        "http://[::1]/",
    ],
)
def test_a_redirect_to_a_non_global_address_is_refused(public_name: str, target: str) -> None:
    result = load_paths([f"{public_name}/to?{target}"])
    assert result.articles == []
    (error,) = result.errors
    assert "refused to fetch" in error.reason, error.reason


def test_a_redirect_to_a_public_name_is_followed(public_name: str) -> None:
    (article,) = load_paths([f"{public_name}/to?{public_name}/story"]).articles
    assert article.url == f"{public_name}/story"


def test_allow_private_lets_a_redirect_to_loopback_through(public_name: str, server: str) -> None:
    result = load_paths([f"{public_name}/to?{server}/story"], options=LOCAL)
    assert [a.url for a in result.articles] == [f"{server}/story"]


def test_an_unknown_name_is_one_error_line(public_name: str) -> None:
    result = load_paths(["http://nowhere.test/story"])
    assert result.errors[0].reason == "cannot resolve host 'nowhere.test'"


def test_a_hanging_name_lookup_ends_by_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_resolve(host: str, port: int) -> list[str]:
        time.sleep(5)
        return ["93.184.216.34"]

    monkeypatch.setattr(fetch, "resolve", slow_resolve)
    start = time.monotonic()
    result = load_paths(["http://slow-dns.test/story"], options=LoadOptions(timeout=0.3))
    assert time.monotonic() - start < 2
    assert result.errors[0].reason == "cannot resolve host 'slow-dns.test' within 0.3 s"

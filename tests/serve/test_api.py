"""The JSON API and the pages against the real app and a real DuckDB file (Starlette's
test client drives the ASGI app in-process; nothing is mocked)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parallax.serve.app import create_app
from parallax.serve.service import Settings
from tests.serve.helpers import ARTICLE


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(
        Settings(db=tmp_path / "api.duckdb", max_body=50_000, max_upload=200_000, settle=0)
    )
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def test_events_articles_report_and_changes(client: TestClient) -> None:
    r = client.post("/api/events", json={"title": "Valley flood"})
    assert r.status_code == 201 and r.json()["eid"] == "valley-flood"
    assert client.post("/api/events", json={"title": "Valley flood"}).status_code == 400
    assert [e["eid"] for e in client.get("/api/events").json()] == ["valley-flood"]
    assert client.get("/api/events/nope").status_code == 404
    # No analysis yet.
    assert client.get("/api/events/valley-flood/report").status_code == 404

    body = {
        "articles": [
            {
                "text": ARTICLE.format(n=40, m=120),
                "title": "Rescue",
                "outlet": "Courier",
                "date": "2025-03-03",
            },
            {"text": ARTICLE.format(n=40, m=120), "title": "Copy"},
            {"text": ARTICLE.format(n=55, m=120), "outlet": "Gazette", "date": "not a date"},
            {"text": ARTICLE.format(n=55, m=130), "outlet": "Gazette", "date": "2025-03-04"},
        ]
    }
    r = client.post("/api/events/valley-flood/articles", json=body)
    assert r.status_code == 201
    got = r.json()
    assert [a["aid"] for a in got["added"]] == ["rescue", "pasted"]
    assert got["existing"] == [{"origin": "pasted text", "aid": "rescue"}]
    assert got["errors"] == ["date 'not a date' is not YYYY-MM-DD"]

    r = client.get("/api/events/valley-flood/report", params={"wait": 120})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    report = r.json()
    assert {a["outlet"] for a in report["articles"]} == {"Courier", "Gazette"}
    assert any(qa["kind"] != "consensus" for qa in report["question_answers"])
    md = client.get("/api/events/valley-flood/report", params={"format": "md"})
    assert md.text.startswith("# Parallax report: valley-flood")
    html = client.get("/api/events/valley-flood/report", params={"format": "html"})
    assert html.text.startswith("<!doctype html>")
    assert (
        client.get("/api/events/valley-flood/report", params={"format": "pdf"}).status_code == 422
    )

    changes = client.get("/api/events/valley-flood/changes").json()
    assert {c["kind"] for c in changes} >= {"new_figure", "new_outlet"}
    assert all(c["analysis_id"] == changes[0]["analysis_id"] for c in changes)
    event = client.get("/api/events/valley-flood").json()
    assert (event["articles"], event["stale"], event["analysing"]) == (2, False, False)
    arts = client.get("/api/events/valley-flood/articles").json()
    assert [(a["aid"], a["published"]) for a in arts] == [
        ("rescue", "2025-03-03"),
        ("pasted", "2025-03-04"),
    ]

    # Downloads from the page carry a file name; the cached rendering is the same bytes.
    d = client.get("/events/valley-flood/report.json")
    assert d.headers["content-disposition"] == 'attachment; filename="valley-flood.json"'
    assert d.json() == report
    gz = client.get("/events/valley-flood/report.html", headers={"accept-encoding": "gzip"})
    assert gz.headers["content-encoding"] == "gzip" and gz.text == html.text


def test_upload_files_and_bad_files(client: TestClient, tmp_path: Path) -> None:
    client.post("/api/events", json={"title": "Flood", "eid": "flood"})
    files = [
        ("files", ("../../etc/courier.txt", ARTICLE.format(n=12, m=30).encode(), "text/plain")),
        ("files", ("binary.txt", b"\x00\x01\x02" * 50, "text/plain")),
        ("files", ("notes.pdf", b"%PDF-1.4", "application/pdf")),
    ]
    r = client.post("/api/events/flood/files", files=files)
    assert r.status_code == 201
    got = r.json()
    assert [a["aid"] for a in got["added"]] == ["courier"]
    assert len(got["errors"]) == 2
    assert any(e.startswith("upload binary.txt:") for e in got["errors"])
    assert any(e.startswith("upload notes.pdf:") for e in got["errors"])
    [art] = client.get("/api/events/flood/articles").json()
    assert art["origin"] == "upload courier.txt"


def test_pages(client: TestClient) -> None:
    r = client.post("/events", data={"title": "Valley flood"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/events/valley-flood"
    page = client.get("/events/valley-flood")
    assert page.status_code == 200 and "No articles yet" in page.text
    assert "script-src 'none'" in page.headers["content-security-policy"]
    r = client.post(
        "/events/valley-flood/paste",
        data={
            "text": ARTICLE.format(n=7, m=9),
            "title": "T",
            "outlet": "Courier",
            "date": "2025-03-03",
        },
    )
    assert r.status_code == 200 and "Added <b>t</b> (Courier)" in r.text
    bad = client.post(
        "/events/valley-flood/paste", data={"text": "x y z", "url": "javascript:alert(1)"}
    )
    assert bad.status_code == 400 and "is not an http(s) address" in bad.text
    client.get("/api/events/valley-flood/report", params={"wait": 120})
    page = client.get("/events/valley-flood")
    assert "The story so far" in page.text and "new figure" in page.text
    assert 'http-equiv="refresh"' not in page.text
    only = client.get("/events/valley-flood", params={"kind": "consensus"})
    assert "No question matches this filter." in only.text or 'data-kind="consensus"' in only.text
    assert 'data-kind="unique_coverage"' not in only.text
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static-offline-docs/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
    spec = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{eid}/articles",
        "/api/events/{eid}/files",
        "/api/events/{eid}/report",
        "/api/events/{eid}/changes",
    } <= set(spec["paths"])


def test_size_limits(client: TestClient) -> None:
    client.post("/api/events", json={"title": "Flood", "eid": "flood"})
    big = {"articles": [{"text": "word " * 20_000}]}
    r = client.post("/api/events/flood/articles", json=big)
    assert r.status_code == 413
    upload = [("files", ("big.txt", b"word " * 60_000, "text/plain"))]
    assert client.post("/api/events/flood/files", files=upload).status_code == 413

    # Without a Content-Length (chunked), the body is counted as it arrives.
    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b"x" * 1000

    r = client.post(
        "/api/events/flood/articles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert r.status_code == 413
    assert client.get("/api/events/flood").json()["articles"] == 0


def test_host_and_cross_site_guards(client: TestClient) -> None:
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    r = client.post("/events", data={"title": "x"}, headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    r = client.post("/events", data={"title": "x"}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    ok = client.post(
        "/events",
        data={"title": "x"},
        headers={"origin": "http://127.0.0.1"},
        follow_redirects=False,
    )
    assert ok.status_code == 303


def test_a_stale_event_is_analysed_when_the_app_starts(tmp_path: Path) -> None:
    """Articles committed by a server that died before analysing them are analysed by
    the next one without being asked."""
    from parallax.ingest import article_from_text
    from parallax.store import Store

    db = tmp_path / "stale.duckdb"
    with Store(db) as store:
        store.create_event("Flood", "flood")
        store.add_articles("flood", [article_from_text(ARTICLE.format(n=5, m=6), "a", "a.txt")])
    with TestClient(create_app(Settings(db=db, settle=0)), base_url="http://127.0.0.1") as c:
        r = c.get("/api/events/flood/report", params={"wait": 120})
        assert r.status_code == 200 and [a["aid"] for a in r.json()["articles"]] == ["a"]


def test_token_is_required_on_every_request(tmp_path: Path) -> None:
    app = create_app(Settings(db=tmp_path / "t.duckdb", token="s3cret"))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        for path in ("/", "/api/events", "/docs", "/openapi.json", "/static/style.css"):
            assert c.get(path).status_code == 401, path
        assert c.get("/api/events", headers={"authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/events", headers={"authorization": "Bearer s3cret"}).status_code == 200
        r = c.post("/api/events", json={"title": "x"})
        assert r.status_code == 401
        # Opening a page with ?token= once sets a cookie and drops it from the address.
        r = c.get("/?token=s3cret", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/"
        assert (
            "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
        )
        assert c.get("/").status_code == 200  # the client kept the cookie
    with pytest.raises(ValueError, match="give --token"):
        create_app(Settings(db=tmp_path / "t.duckdb", host="0.0.0.0"))
    with pytest.raises(ValueError, match="only letters"):
        create_app(Settings(db=tmp_path / "t.duckdb", token="a; b"))


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = (
            "<html><head><title>Flood rescue</title></head><body><article><p>"
            + ARTICLE.format(n=33, m=44)
            + "</p></article></body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def page_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/flood-rescue.html"
    server.shutdown()


@pytest.mark.parametrize("allow_private", [False, True])
def test_url_adding_refuses_loopback_unless_allowed(
    tmp_path: Path, page_url: str, allow_private: bool
) -> None:
    app = create_app(Settings(db=tmp_path / "u.duckdb", allow_private=allow_private, settle=0))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        c.post("/api/events", json={"title": "Flood", "eid": "flood"})
        got = c.post("/api/events/flood/articles", json={"urls": [page_url]}).json()
        if allow_private:
            assert [a["aid"] for a in got["added"]] == ["flood-rescue"] and not got["errors"]
        else:
            assert got["added"] == [] and len(got["errors"]) == 1
            assert got["errors"][0].startswith(page_url) and "127.0.0.1" in got["errors"][0]
        page = c.post("/events/flood/url", data={"url": page_url})
        assert (
            ("Already in the event" in page.text) if allow_private else ("Not added:" in page.text)
        )
        bad = c.post("/api/events/flood/articles", json={"urls": ["file:///etc/passwd"]})
        assert bad.status_code == 400

"""The guards every request passes before it reaches a route (plain ASGI, so they also
cover static files and the API docs).

- Size: a request body over its limit is refused with 413 before it is read whole,
  whether or not it declares a Content-Length.
- Token: when the server was started with ``--token`` (required to bind anywhere but
  loopback), every request must carry it: ``Authorization: Bearer``, the cookie a
  browser gets from opening ``/?token=...`` once, or that query parameter.
- Host and origin: a page on another site must not drive the app through the user's
  browser. The Host header must name this server (against DNS rebinding), and a
  state-changing request sent by another origin is refused (against cross-site forms).
- Headers: a Content-Security-Policy without scripts on every page of ours; the API
  docs, which run Swagger's script, get their own.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "parallax_token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
DOCS_PATHS = ("/docs", "/redoc", "/static-offline-docs")

PAGE_CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "script-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; base-uri 'none'; frame-ancestors 'none'"
)


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


async def _plain(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"x-content-type-options", b"nosniff"),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guard:
    """All the checks of this module, in one middleware."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        max_body: int,
        max_upload: int,
        allowed_hosts: set[str] | None,
    ) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body
        self.max_upload = max_upload
        #: Host names (no port) this server answers to; None: any (bound to all
        #: interfaces, where the token is what protects it).
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = (_header(scope, b"host") or "").lower()
        hostname = urlsplit(f"//{host}").hostname or ""
        if self.allowed_hosts is not None and hostname not in self.allowed_hosts:
            await _plain(send, 400, f"unknown host '{host}'", [])
            return
        method = scope["method"]
        if method in UNSAFE_METHODS and not _same_origin(scope, host):
            await _plain(send, 403, "cross-site request refused", [])
            return
        if self.token is not None:
            done = await self._check_token(scope, send)
            if done:
                return
        content_type = (_header(scope, b"content-type") or "").lower()
        limit = self.max_upload if content_type.startswith("multipart/") else self.max_body
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _plain(send, 413, f"request body over the {limit:,}-byte limit", [])
            return
        await self._limited(scope, receive, send, limit)

    async def _check_token(self, scope: Scope, send: Send) -> bool:
        """True when the request was answered here (refused, or redirected to drop the
        token from the address bar after setting the cookie)."""
        assert self.token is not None
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.get("token")
        if given is not None and hmac.compare_digest(given.encode(), self.token.encode()):
            if scope["method"] == "GET":
                rest = urlencode([(k, v) for k, v in query.items() if k != "token"])
                target = scope["path"] + (f"?{rest}" if rest else "")
                cookie = (
                    f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                ).encode()
                await send(
                    {
                        "type": "http.response.start",
                        "status": 303,
                        "headers": [
                            (b"location", target.encode()),
                            (b"set-cookie", cookie),
                            (b"content-length", b"0"),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": b""})
                return True
            return False
        auth = _header(scope, b"authorization") or ""
        if auth.lower().startswith("bearer ") and hmac.compare_digest(
            auth[7:].strip().encode(), self.token.encode()
        ):
            return False
        cookies = SimpleCookie()
        try:
            cookies.load(_header(scope, b"cookie") or "")
        except Exception:  # a malformed cookie header is just no token
            cookies = SimpleCookie()
        morsel = cookies.get(TOKEN_COOKIE)
        if morsel is not None and hmac.compare_digest(morsel.value.encode(), self.token.encode()):
            return False
        await _plain(
            send,
            401,
            "this server needs its token: open /?token=... once, or send "
            "'Authorization: Bearer ...'",
            [(b"www-authenticate", b"Bearer")],
        )
        return True

    async def _limited(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        """A body without a Content-Length (chunked) is read here first, up to the limit,
        so that an oversized one is refused before the app sees any of it; with one, the
        HTTP server already holds the body to the length checked above."""
        if _header(scope, b"content-length") is None and scope["method"] in UNSAFE_METHODS:
            chunks: list[bytes] = []
            seen = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return
                chunk = message.get("body", b"")
                seen += len(chunk)
                if seen > limit:
                    await _plain(send, 413, f"request body over the {limit:,}-byte limit", [])
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

            async def replayed() -> Message:
                return replay.pop() if replay else await receive()

            receive = replayed

        async def headed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {bytes(k).lower() for k, _ in headers}
                csp = DOCS_CSP if scope["path"].startswith(DOCS_PATHS) else PAGE_CSP
                extra = [
                    (b"content-security-policy", csp.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                ]
                headers += [(k, v) for k, v in extra if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, headed_send)


def _same_origin(scope: Scope, host: str) -> bool:
    """A browser says where a form came from: Sec-Fetch-Site when it sends one, else
    Origin. Clients such as curl send neither and are not cross-site requests."""
    site = (_header(scope, b"sec-fetch-site") or "").lower()
    if site:
        return site in ("same-origin", "none")
    origin = _header(scope, b"origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc.lower() == host

"""Download one article page with hard limits on time, size, redirects and destination.

A batch may hold dozens of URLs; one slow or huge server must cost a bounded
time and memory and end as an error line, never hang or exhaust the run.

A URL is untrusted input too: "http://127.0.0.1:8080/admin", "http://2130706433/"
or a public page that redirects to 169.254.169.254 would make Parallax read, and
put in a report, what only this machine can see. So every connection, the first
and each one after a redirect, goes through a network backend that resolves the
host itself and refuses loopback, private, link-local and other non-global
addresses unless the caller allows them. The check is on the address actually
dialled, so a name that resolves to a private address is refused like the literal.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from parallax.ingest.errors import IngestError

# httpx's timeout bounds each read; the whole download (connect, headers, body, every
# redirect) also has one deadline, so a server dripping its headers cannot hold a batch.
_TOTAL_FACTOR = 3

#: Resolves a host to its addresses; a test may replace it with a table.
Resolver = Callable[[str, int], list[str]]
#: Opens a TCP stream to one already-checked address.
Connector = Callable[[str, int, "float | None"], httpcore.NetworkStream]


def system_resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``, in its order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(f"cannot resolve host '{host}'") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _system_connect(ip: str, port: int, timeout: float | None) -> httpcore.NetworkStream:
    return httpcore.SyncBackend().connect_tcp(ip, port, timeout=timeout, socket_options=[])


# Module-level so tests can point a public-looking name at a loopback test server
# without any traffic leaving 127.0.0.0/8.
resolve: Resolver = system_resolve
connect: Connector = _system_connect


def _resolve_by(host: str, port: int, seconds: float) -> list[str]:
    """``resolve`` with a time limit: getaddrinfo has none, and a dead DNS server would
    hold the download past its deadline. The lookup runs in a daemon thread that is
    left behind, not waited for, when it is late."""
    found: list[list[str]] = []
    failed: list[BaseException] = []

    def lookup() -> None:
        try:
            found.append(resolve(host, port))
        except BaseException as exc:  # handed to the caller's thread as it is
            failed.append(exc)

    worker = threading.Thread(target=lookup, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(seconds)
    if failed:
        raise failed[0]
    if not found:
        raise IngestError(f"cannot resolve host '{host}' within {seconds:g} s")
    return found[0]


def refusal(ip: str) -> str | None:
    """Why ``ip`` may not be fetched without ``allow_private``; ``None`` if it is global."""
    try:
        addr: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(
            ip.split("%", 1)[0]
        )
    except ValueError:
        return "not an IP address"
    if isinstance(addr, ipaddress.IPv6Address):
        embedded = addr.ipv4_mapped or addr.sixtofour
        if embedded is not None:
            addr = embedded
    if addr.is_loopback:
        return "a loopback address"
    if addr.is_unspecified:
        return "the unspecified address (this machine)"
    if addr.is_link_local:
        return "a link-local address"
    if addr.is_multicast:
        return "a multicast address"
    if addr.is_private:
        return "a private address"
    if not addr.is_global:
        return "a reserved address"
    return None


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def bound(self, timeout: float | None) -> float:
        """The time one network operation may take: its own timeout, cut to what is left."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise IngestError(f"no complete response within {self.seconds:g} s")
        return left if timeout is None else min(timeout, left)

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self.end


class _BoundedStream(httpcore.NetworkStream):
    """A stream whose every read and write ends by the download's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.bound(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.bound(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._deadline.bound(timeout))
        return _BoundedStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolve, refuse non-global addresses, then dial the checked address itself."""

    def __init__(self, allow_private: bool, deadline: _Deadline) -> None:
        self._allow_private = allow_private
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = _resolve_by(host, port, self._deadline.bound(timeout))
        if not addresses:
            raise IngestError(f"cannot resolve host '{host}'")
        if not self._allow_private:
            for ip in addresses:
                why = refusal(ip)
                if why is not None:
                    shown = host if host == ip else f"{host} ({ip})"
                    raise IngestError(
                        f"refused to fetch {shown}: {why}; pass --allow-private to allow it"
                    )
        failure: Exception | None = None
        for ip in addresses:
            try:
                stream = connect(ip, port, self._deadline.bound(timeout))
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _BoundedStream(stream, self._deadline)
        assert failure is not None
        raise failure


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        super().__init__(trust_env=False)
        # httpx builds its pool with the default backend; the same pool with ours instead.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=backend,
        )


@dataclass(frozen=True)
class Fetched:
    """The body of a page and where it really came from after redirects."""

    url: str
    body: bytes
    content_type: str
    encoding: str | None


def fetch_url(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
    allow_private: bool = False,
) -> Fetched:
    """GET ``url``; raise ``IngestError`` for network errors, HTTP errors and limits.

    ``timeout`` bounds each network operation; the whole download, redirects
    included, must end within ``timeout * 3``. Environment proxies are not used:
    through a proxy the address check would see the proxy, not the page's server.
    """
    deadline = _Deadline(timeout * _TOTAL_FACTOR)
    transport = _GuardedTransport(_GuardedBackend(allow_private, deadline))
    try:
        with (
            httpx.Client(
                transport=transport,
                timeout=timeout,
                follow_redirects=True,
                max_redirects=max_redirects,
                trust_env=False,
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
            for chunk in response.iter_bytes():
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
        if deadline.passed:
            raise IngestError(f"no complete response within {deadline.seconds:g} s") from exc
        raise IngestError(f"timed out after {timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise IngestError(f"cannot fetch: {exc}") from exc

"""Outlet names from hosts, so the same paper reads the same from URL or JSON."""

from __future__ import annotations

from urllib.parse import urlsplit

_PREFIXES = ("www.", "m.", "amp.")


def outlet_from_domain(domain: str | None) -> str | None:
    """Normalise a host: lower case, no port, no ``www.``/``m.``/``amp.`` prefix."""
    if not domain:
        return None
    host = domain.strip().lower()
    if "//" in host:
        host = urlsplit(host).hostname or ""
    host = host.split(":", 1)[0].rstrip(".")
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if host.startswith(prefix) and host.count(".") > 1:
                host = host[len(prefix) :]
                changed = True
    return host or None


def outlet_from_url(url: str | None) -> str | None:
    """The outlet of ``url``; ``None`` for anything without a host."""
    if not url:
        return None
    return outlet_from_domain(urlsplit(url).hostname)

"""The client's address, for login throttling. Forwarded headers are believed only from configured proxies."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _is_ip(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def _trusted(address: str, proxies: list[Network]) -> bool:
    return _is_ip(address) and any(ipaddress.ip_address(address) in network for network in proxies)


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR; behind trusted proxies, the right-most X-Forwarded-For entry that is not itself a trusted proxy
    (entries further left were written by the client and prove nothing)."""
    proxies = [ipaddress.ip_network(value, strict=False) for value in settings.KVP_TRUSTED_PROXIES]
    address = str(request.META.get("REMOTE_ADDR", ""))
    if not _trusted(address, proxies):
        return address
    forwarded = [hop.strip() for hop in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",") if hop.strip()]
    for hop in reversed(forwarded):
        if not _trusted(hop, proxies):
            return hop if _is_ip(hop) else address
    return address

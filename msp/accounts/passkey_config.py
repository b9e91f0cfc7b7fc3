"""Where passkeys may be used, worked out from the settings the service already
has. Pure functions, read by ``msp/settings.py`` (so nothing here imports Django
models).

A passkey belongs to one relying party id, a domain name (never an IP address):
changing it later means everyone adds their passkeys again. The browser tells
us the origin (scheme, host and port) it signed for; we accept only the origins
of our own allowed hosts and trusted origins."""

import ipaddress

# ``manage.py runserver`` serves here; browsers treat http://localhost as secure.
DEV_ORIGIN = "http://localhost:8000"


def _named_hosts(allowed_hosts: list[str]) -> list[str]:
    """Allowed hosts that can be a relying party: no wildcard, no IP address.
    A leading dot (every subdomain) stands for the domain itself."""
    hosts = []
    for host in allowed_hosts:
        name = host.lstrip(".").split(":")[0]
        if not name or "*" in name:
            continue
        try:
            ipaddress.ip_address(name.strip("[]"))
        except ValueError:
            hosts.append(name.lower())
    return hosts


def relying_party_id(allowed_hosts: list[str]) -> str:
    """The first allowed host that is a domain name, or ``localhost``."""
    hosts = _named_hosts(allowed_hosts)
    return hosts[0] if hosts else "localhost"


def _secure(origin: str) -> bool:
    """Browsers offer passkeys only on https, or on http to localhost."""
    return origin.startswith("https://") or origin.startswith("http://localhost")


def allowed_origins(allowed_hosts: list[str], trusted_origins: list[str]) -> list[str]:
    """``https://`` for each named allowed host, the secure trusted origins,
    and the development server's origin when ``localhost`` is allowed."""
    origins: list[str] = []
    for host in _named_hosts(allowed_hosts):
        origins.append(f"https://{host}")
        if host == "localhost":
            origins.append(DEV_ORIGIN)
    origins.extend(o.rstrip("/") for o in trusted_origins if "*" not in o and _secure(o))
    return list(dict.fromkeys(origins))

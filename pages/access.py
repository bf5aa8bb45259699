"""Who may change the data: sign-in with the organisation's identity provider, and who is an editor.

With ``[auth]`` in ``.streamlit/secrets.toml`` (Streamlit's OIDC sign-in: ``st.login`` / ``st.user``),
people listed in ``[access] editors`` (their e-mail as the provider states it) may import and withdraw;
everyone else reads. Without ``[auth]``, a server that listens only on the loopback address serves one
person at this machine, whose imports are recorded under the OS user; a server reachable from other
machines takes no imports from the browser. The import page asks ``current()`` to draw, and calls
``writer()`` again right before every write, so hiding a widget is never the only check.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from ita_data import labels, settings

# Addresses that only this machine can reach (``server.address``; "localhost" as people write it).
LOOPBACK_NAMES = ("localhost",)

# The buttons' words, as the import page and the tests name them.
SIGN_IN = labels.SIGN_IN
SIGN_OUT = labels.SIGN_OUT


class WriteRefused(Exception):
    """A write was asked for by someone who may not write; the message says why, in Thai."""


@dataclass(frozen=True)
class Access:
    """What this session may do. ``who`` is recorded with every change it makes."""

    mode: str  # "editor", "viewer", "anonymous" (sign-in configured), "local", "network" (not)
    who: str | None
    name: str | None = None

    @property
    def can_write(self) -> bool:
        return self.mode in ("editor", "local")

    @property
    def reason(self) -> str:
        """Why this session cannot import, and what to do about it (empty when it can)."""
        return REASONS.get(self.mode, "").format(who=self.who or "")


REASONS = labels.WRITE_REFUSED_REASONS  # why a session cannot write, by its mode


def _secrets_section(name: str) -> Mapping[str, Any] | None:
    """A section of secrets.toml, or None when there is no such section or no secrets file."""
    if not st.secrets.load_if_toml_exists():
        return None
    section = st.secrets.get(name)
    return section if isinstance(section, Mapping) else None


def sign_in_configured() -> bool:
    """Whether ``[auth]`` is in secrets.toml: sign-in is then the only way to write from a browser."""
    return _secrets_section("auth") is not None


def editors() -> frozenset[str]:
    """The e-mail addresses in ``[access] editors``, compared without regard to case."""
    listed = (_secrets_section("access") or {}).get("editors", ())
    if isinstance(listed, str):
        listed = [listed]
    return frozenset(str(e).strip().casefold() for e in listed if str(e).strip())


def is_loopback(address: Any) -> bool:
    """Whether a ``server.address`` value lets only this machine connect (empty means every interface)."""
    text = str(address or "").strip().strip("[]")
    if not text:
        return False
    if text.casefold() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def _user_claim(key: str) -> Any:
    value = st.user.get(key)
    return value if value not in ("", None) else None


def current() -> Access:
    """This session's access, worked out afresh from the secrets, the sign-in and the server address."""
    if sign_in_configured():
        if not _user_claim("is_logged_in"):
            return Access("anonymous", None)
        email = _user_claim("email")
        name = _user_claim("name")
        # An address the provider says it has not verified does not make anyone an editor.
        verified = st.user.get("email_verified") is not False
        if email and verified and str(email).strip().casefold() in editors():
            return Access("editor", str(email).strip(), name)
        return Access("viewer", str(email or name or labels.NAME_UNKNOWN), name)
    if is_loopback(st.get_option("server.address")) and _browser_on_this_machine():
        return Access("local", settings.os_user())
    return Access("network", None)


def _browser_on_this_machine() -> bool:
    """Whether this request came from a browser on this machine, as far as its headers tell. A proxy on
    this machine (HAProxy for ``python -m ita_data serve``) connects from loopback itself; the address
    the browser typed (Host) and the client a proxy names (X-Forwarded-For, Forwarded) still show
    a visitor from elsewhere, and such a visitor gets no imports without sign-in."""
    headers = st.context.headers
    host = headers.get("Host")
    if host and not is_loopback(_host_part(host)):
        return False
    forwarded = [
        *str(headers.get("X-Forwarded-For") or "").split(","),
        *re.findall(r"for=\"?\[?([^\]\";,]+)", str(headers.get("Forwarded") or ""), flags=re.I),
    ]
    return all(is_loopback(_host_part(a)) for a in forwarded if a.strip())


def _host_part(value: str) -> str:
    """``host`` of ``host:port``, ``[v6]:port`` or a bare address."""
    value = value.strip()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def writer() -> str:
    """Who is writing, checked again right before a write; raises WriteRefused if this session may not."""
    access = current()
    if not access.can_write or not access.who:
        raise WriteRefused(access.reason)
    return access.who


def sidebar() -> Access:
    """The sign-in or the signed-in person (with sign-out) at the foot of the sidebar."""
    access = current()
    if not sign_in_configured():
        return access
    box = st.sidebar.container(border=True)
    if access.mode == "anonymous":
        box.caption(labels.SIGN_IN_CAPTION)
        box.button(SIGN_IN, key="sign_in", icon=":material/login:", on_click=sign_in, width="stretch")
    else:
        box.text(access.name or access.who)  # from the provider: plain text
        if access.name and access.who != access.name:
            box.text(access.who)
        box.caption(labels.ROLE_EDITOR if access.mode == "editor" else labels.ROLE_VIEWER)
        box.button(SIGN_OUT, key="sign_out", icon=":material/logout:", on_click=st.logout, width="stretch")
    return access


def sign_in() -> None:
    """Start the provider's sign-in (``[access] provider`` names an ``[auth.NAME]`` section, if any)."""
    provider = (_secrets_section("access") or {}).get("provider")
    if provider:
        st.login(str(provider))
    else:
        st.login()

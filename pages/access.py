"""Who may change the data: sign-in with the organisation's identity provider, and who is an editor.

With ``[auth]`` in ``.streamlit/secrets.toml`` (Streamlit's OIDC sign-in: ``st.login`` / ``st.user``),
people listed in ``[access] editors`` may import and withdraw: their address as the provider states it,
verified (``email_verified`` is JSON ``true``), equal to a listed one once ASCII letters are lower-cased
(nothing else is folded, so a look-alike never matches). Everyone else reads.

Without ``[auth]``, the browser imports only when the person who started the server asked for it:
``ITA_LOCAL_EDITOR=1`` in the server's environment (``make run`` sets it; ``python -m ita_data serve``
never does), on a server that listens on the loopback address only. Nothing a request carries decides it:
a proxy on this machine can make any visitor's request look local (Host rewritten, no X-Forwarded-For),
so headers can only take imports away, never grant them. Imports are recorded under the OS user.
The import page asks ``current()`` to draw, and calls ``writer()`` again right before every write, so
hiding a widget is never the only check.
"""

from __future__ import annotations

import ipaddress
import os
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from ita_data import labels, settings

# Addresses that only this machine can reach (``server.address``; "localhost" as people write it).
LOOPBACK_NAMES = ("localhost",)
# Set by the person who starts a one-person server on their own machine (``make run``): the browser may
# import without sign-in. Read from the server's environment, never from a request.
LOCAL_EDITOR_ENV = settings.LOCAL_EDITOR_ENV
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

# The buttons' words, as the import page and the tests name them.
SIGN_IN = labels.SIGN_IN
SIGN_OUT = labels.SIGN_OUT


class WriteRefused(Exception):
    """A write was asked for by someone who may not write; the message says why, in Thai."""


@dataclass(frozen=True)
class Access:
    """What this session may do. ``who`` is recorded with every change it makes."""

    mode: str  # "editor", "viewer", "anonymous" (sign-in configured); "local", "network", "not_asked" (not)
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
    """The e-mail addresses in ``[access] editors``, ASCII letters lower-cased (``same_address``)."""
    listed = (_secrets_section("access") or {}).get("editors", ())
    if isinstance(listed, str):
        listed = [listed]
    return frozenset(same_address(str(e).strip()) for e in listed if str(e).strip())


def same_address(address: str) -> str:
    """The form in which two addresses are compared: A-Z lower-cased, every other character as it is.

    Unicode case folding or normalisation would make look-alikes equal (``casefold`` turns the ligature
    U+FB03 "ﬃ" into "ffi"); an address with such a character never matches an ASCII one."""
    return address.translate(_ASCII_LOWER)


def verified_email_required() -> bool:
    """Whether an address counts only when the provider says ``email_verified: true`` (the default).
    ``[access] require_email_verified = false`` accepts a provider that never sends the claim; a claim
    that is present and anything but JSON ``true`` still refuses."""
    return (_secrets_section("access") or {}).get("require_email_verified", True) is not False


def local_editor_asked() -> bool:
    """Whether the person who started the server asked for browser imports without sign-in."""
    return os.environ.get(LOCAL_EDITOR_ENV, "").strip().lower() in ("1", "true", "yes")


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
    """This session's access, worked out afresh from the secrets, the sign-in, how the server was started
    and the address it listens on."""
    if sign_in_configured():
        if not _user_claim("is_logged_in"):
            return Access("anonymous", None)
        email = _user_claim("email")
        name = _user_claim("name")
        if isinstance(email, str) and _verified() and same_address(email) in editors():
            return Access("editor", email, name)  # recorded as the provider gave it
        return Access("viewer", str(email or name or labels.NAME_UNKNOWN), name)
    if not is_loopback(st.get_option("server.address")) or not _browser_on_this_machine():
        return Access("network", None)
    if not local_editor_asked():
        return Access("not_asked", None)
    return Access("local", settings.os_user())


def _verified() -> bool:
    """The provider vouches for the address: ``email_verified`` is JSON ``true`` (not the string "true",
    not 1); without the claim, only where ``[access] require_email_verified = false``."""
    claim = st.user.get("email_verified")
    if claim is None:
        return not verified_email_required()
    return claim is True


def _browser_on_this_machine() -> bool:
    """Whether this request's headers leave it possible that the browser is on this machine. They can
    only refuse: a proxy decides what they say (it may set Host to loopback and name no client), so a
    visitor they show to be elsewhere gets no imports, and one they show as local is not believed for that
    (imports also need ``local_editor_asked``)."""
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

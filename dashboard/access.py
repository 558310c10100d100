"""Who may change the timeline: sign-in modes, the team's roles file, and one person's access.

Plain data and functions, no Streamlit (the glue module reads ``st.user``, the secrets and the
server's options and calls :func:`resolve`). The rules:

* **Sign-in with an identity provider** (OIDC, Streamlit's ``st.login``: an ``[auth]`` section
  in ``.streamlit/secrets.toml``): nothing is shown until the person signs in; the curators are
  the emails or groups named in the roles file; everyone else signed in is a viewer.
* **A trusted reverse proxy** (Streamlit's ``server.trustedUserHeaders`` maps the proxy's
  headers into ``st.user``, e.g. ``{"X-Forwarded-Email" = "email"}``): the same roles, from
  the identity the proxy sends; a request without it sees nothing.
* **No sign-in configured**: when the server listens only on a loopback address, the one person
  at this machine is the curator (their operating-system user name). On any other address the
  app is read-only for everyone, and says how to enable sign-in: never writable by anyone who
  can reach it.

The roles file (TOML; ``--team FILE`` after ``--`` on the command line, else ``$ARMS_TEAM``,
else ``team.toml`` beside the timeline file)::

    [curators]
    emails = ["ana.petrova@example.org"]
    groups = ["arms-curators"]
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dashboard.data import app_option

TEAM_ENV = "ARMS_TEAM"
TEAM_FILE = "team.toml"
Mode = Literal["oidc", "proxy", "local", "open"]
Role = Literal["curator", "viewer"]
HOW_TO_SIGN_IN = ("To let curators change it, configure sign-in (an identity provider in "
                  ".streamlit/secrets.toml, or a trusted proxy header) and name the curators "
                  "in the roles file: see “Deploying for a team” in the README.")


class TeamError(ValueError):
    """The roles file cannot be used: names the file, the place and what was expected."""


@dataclass(frozen=True)
class Team:
    """The roles file: who are curators. Emails and groups are compared case-insensitively."""

    emails: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    path: Path | None = None

    def names_curators(self) -> bool:
        return bool(self.emails or self.groups)


@dataclass(frozen=True)
class Access:
    """One person's access in one session.

    ``role`` None: nothing may be shown yet (sign in first, or the proxy sent no identity).
    ``by``: what a decision records as ``reviewed_by`` (the email when there is one, else the
    name); ``email`` is the commit author's address. ``note``: what the page tells them about
    their access, in words.
    """

    mode: Mode
    role: Role | None
    name: str = ""
    email: str = ""
    note: str = ""

    @property
    def curator(self) -> bool:
        return self.role == "curator"

    @property
    def by(self) -> str:
        return self.email or self.name


def team_path(events: Path, argv: Sequence[str] | None = None) -> Path:
    """The roles file: ``--team FILE`` after ``--``, else ``$ARMS_TEAM``, else ``team.toml``
    beside the timeline file."""
    given = app_option("--team", argv)
    if given is not None:
        return Path(given)
    if os.environ.get(TEAM_ENV):
        return Path(os.environ[TEAM_ENV])
    return Path(events).parent / TEAM_FILE


def _names(path: Path, section: str, key: str, value: object) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TeamError(f"{path}: [{section}] {key}: expected a list of non-empty strings, "
                        f"e.g. {key} = [\"{'ana@example.org' if key == 'emails' else 'curators'}"
                        f"\"]")
    return frozenset(v.strip().lower() for v in value)


def load_team(path: Path) -> Team:
    """Read the roles file; a missing file names no curators. Raises TeamError."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return Team(path=None)
    except OSError as exc:
        raise TeamError(f"{path}: could not be read ({exc.strerror or exc})") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise TeamError(f"{path}: not UTF-8 text (byte {exc.start}); expected a TOML file") \
            from exc
    except tomllib.TOMLDecodeError as exc:
        raise TeamError(f"{path}: not valid TOML ({exc}); expected e.g. [curators] "
                        f"emails = [\"ana@example.org\"]") from exc
    unknown = sorted(set(data) - {"curators"})
    if unknown:
        raise TeamError(f"{path}: unknown section {unknown[0]!r}; expected only [curators]")
    cur = data.get("curators", {})
    if not isinstance(cur, dict):
        raise TeamError(f"{path}: curators: expected a table, [curators]")
    extra = sorted(set(cur) - {"emails", "groups"})
    if extra:
        raise TeamError(f"{path}: [curators] unknown key {extra[0]!r}; expected emails, groups")
    return Team(emails=_names(path, "curators", "emails", cur.get("emails", [])),
                groups=_names(path, "curators", "groups", cur.get("groups", [])),
                path=Path(path))


def is_loopback(address: str | None) -> bool:
    """True when a server bound to ``address`` is reachable from this machine only. An empty
    address is every interface (Streamlit's default)."""
    host = (address or "").strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def groups_of(value: object) -> frozenset[str]:
    """The groups a sign-in gave: a list (an OIDC claim) or a comma-separated header."""
    if isinstance(value, str):
        items: Sequence[object] = value.split(",")
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        return frozenset()
    return frozenset(str(g).strip().lower() for g in items if str(g).strip())


def role_of(team: Team, email: str, groups: frozenset[str]) -> Role:
    if email.strip().lower() in team.emails or groups & team.groups:
        return "curator"
    return "viewer"


def _signed_in(mode: Mode, team: Team, user: Mapping[str, object]) -> Access:
    email = str(user.get("email") or "").strip()
    name = " ".join(str(user.get("name") or user.get("preferred_username") or "").split())
    if not (email or name):
        name = str(user.get("sub") or "").strip()
    role = role_of(team, email, groups_of(user.get("groups")))
    who = f"{name} ({email})" if name and email else (email or name)
    if role == "curator":
        note = f"Signed in as {who}: curator."
    elif team.names_curators():
        note = f"Signed in as {who}: viewer (read-only)."
    else:
        note = (f"Signed in as {who}: viewer (read-only). No curators are named in the roles "
                "file, so nobody can change the timeline.")
    return Access(mode, role, name=name, email=email, note=note)


def resolve(*, auth_configured: bool, user: Mapping[str, object], trusted_headers: object,
            address: str | None, team: Team, os_user: str) -> Access:
    """One session's access, from what the server knows (see the module docstring).

    ``user``: ``st.user`` as a mapping; ``trusted_headers``: the server's
    ``server.trustedUserHeaders`` (a header -> ``st.user`` key mapping, empty when unset);
    ``address``: ``server.address``.
    """
    if auth_configured:
        if not user.get("is_logged_in"):
            return Access("oidc", None, note="Sign in to see the timeline.")
        return _signed_in("oidc", team, user)
    if isinstance(trusted_headers, Mapping) and trusted_headers:
        keys = set(trusted_headers.values())
        if not any(user.get(k) for k in keys if k != "groups"):
            named = ", ".join(sorted(trusted_headers))
            return Access("proxy", None, note=f"This request did not come through the sign-in "
                                              f"proxy (no {named} header): nothing is shown.")
        return _signed_in("proxy", team, user)
    if is_loopback(address):
        name = os_user or "local user"
        return Access("local", "curator", name=name, note=(
            f"On this machine only (the server listens on {address}): you, {name}, are the "
            "curator."))
    where = address or "every network interface"
    return Access("open", "viewer", note=(
        f"Read-only: this server listens on {where} and no sign-in is configured. "
        + HOW_TO_SIGN_IN))

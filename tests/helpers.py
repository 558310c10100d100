"""Small helpers shared by tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

# the writers' lock beside a timeline (extract.timeline.timeline_lock): not a leftover, it is
# there for the next save, empty
_LOCK = re.compile(r"\..+\.lock")


def files_left(folder: Path) -> list[str]:
    """The names in ``folder``, sorted, without the writers' lock files."""
    return sorted(p.name for p in Path(folder).iterdir() if not _LOCK.fullmatch(p.name))


# sign-in with an identity provider, as AppTest sees it: an [auth] section in the secrets (the
# provider is never called: AppTest seeds st.user) and the person in st.user
OIDC_SECRETS = {"redirect_uri": "http://127.0.0.1:9/oauth2callback", "cookie_secret": "test",
                "client_id": "arms", "client_secret": "test",
                "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


def sign_in(at, email: str | None, name: str = "", groups: tuple[str, ...] = ()):
    """Configure ``at`` (an AppTest) for sign-in, with ``email`` signed in (None: nobody)."""
    at.secrets["auth"] = dict(OIDC_SECRETS)
    if email is None:
        at.user = {"is_logged_in": False}
    else:
        at.user = {"is_logged_in": True, "email": email, "name": name,
                   **({"groups": list(groups)} if groups else {})}
    return at


def write_team(folder: Path, emails: tuple[str, ...] = (), groups: tuple[str, ...] = ()) -> Path:
    """A roles file (team.toml) in ``folder``, naming these curators."""
    path = Path(folder) / "team.toml"
    path.write_text("[curators]\n"
                    f"emails = {json.dumps(list(emails))}\n"
                    f"groups = {json.dumps(list(groups))}\n", encoding="utf-8")
    return path

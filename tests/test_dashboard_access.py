"""Who may change the timeline (dashboard.access): the sign-in modes, the roles file, and the
app as each kind of person sees it (AppTest)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from dashboard.access import Team, TeamError, is_loopback, load_team, resolve, team_path
from tests.helpers import sign_in, write_team

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
TEAM = Team(emails=frozenset({"ana@example.org"}), groups=frozenset({"arms-curators"}))

pytestmark = pytest.mark.usefixtures("fresh_streamlit_cache")


def access(*, auth=False, user=None, headers=None, address="127.0.0.1", team=TEAM):
    return resolve(auth_configured=auth, user=user or {}, trusted_headers=headers or {},
                   address=address, team=team, os_user="ana")


@pytest.mark.parametrize(("kwargs", "mode", "role", "by"), [
    # sign-in with an identity provider
    (dict(auth=True, user={"is_logged_in": False}), "oidc", None, ""),
    (dict(auth=True, user={"is_logged_in": True, "email": "Ana@Example.org", "name": "Ana"}),
     "oidc", "curator", "Ana@Example.org"),  # emails compare in any case
    (dict(auth=True, user={"is_logged_in": True, "email": "bo@example.org"}), "oidc", "viewer",
     "bo@example.org"),
    (dict(auth=True, user={"is_logged_in": True, "email": "cy@example.org",
                           "groups": ["staff", "ARMS-curators"]}), "oidc", "curator",
     "cy@example.org"),
    # sign-in wins over the address: a team server on every interface
    (dict(auth=True, user={"is_logged_in": False}, address="0.0.0.0"), "oidc", None, ""),
    # a trusted proxy's headers (mapped into st.user by Streamlit)
    (dict(headers={"X-Forwarded-Email": "email"}, user={}), "proxy", None, ""),
    (dict(headers={"X-Forwarded-Email": "email", "X-Forwarded-Groups": "groups"},
          user={"email": "dee@example.org", "groups": "staff, arms-curators"}), "proxy",
     "curator", "dee@example.org"),  # a header's groups: comma-separated
    (dict(headers={"X-Forwarded-Email": "email"}, user={"email": "eve@example.org"}),
     "proxy", "viewer", "eve@example.org"),
    # no sign-in: the machine's own user on a loopback address, read-only on any other
    (dict(address="127.0.0.1"), "local", "curator", "ana"),
    (dict(address="localhost"), "local", "curator", "ana"),
    (dict(address="::1"), "local", "curator", "ana"),
    (dict(address=""), "open", "viewer", ""),  # Streamlit's default: every interface
    (dict(address="0.0.0.0"), "open", "viewer", ""),
    (dict(address="10.1.2.3"), "open", "viewer", ""),
], ids=["oidc-signed-out", "oidc-curator", "oidc-viewer", "oidc-group", "oidc-any-address",
        "proxy-no-header", "proxy-curator", "proxy-viewer", "local", "localhost", "ipv6-loopback",
        "every-interface", "0.0.0.0", "lan-address"])
def test_access(kwargs, mode, role, by):
    got = access(**kwargs)
    assert (got.mode, got.role, got.by) == (mode, role, by)


def test_an_open_server_says_how_to_enable_sign_in():
    note = access(address="0.0.0.0").note
    assert note.startswith("Read-only: this server listens on 0.0.0.0 and no sign-in is "
                           "configured.")
    assert "Deploying for a team" in note


def test_no_curators_named_is_said():
    got = access(auth=True, user={"is_logged_in": True, "email": "a@b.org"}, team=Team())
    assert got.role == "viewer" and "No curators are named in the roles file" in got.note


@pytest.mark.parametrize("address, loopback", [
    ("127.0.0.1", True), ("127.8.0.1", True), ("localhost", True), ("[::1]", True),
    ("", False), ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
    ("example.org", False),  # a name other than localhost may resolve anywhere
])
def test_is_loopback(address, loopback):
    assert is_loopback(address) is loopback


# -- the roles file --------------------------------------------------------------------------


def test_the_roles_file(tmp_path):
    team = load_team(write_team(tmp_path, emails=(" Ana@Example.org",), groups=("Curators",)))
    assert (team.emails, team.groups) == ({"ana@example.org"}, {"curators"})
    assert load_team(tmp_path / "absent.toml") == Team()  # no file: no curators


@pytest.mark.parametrize("text, message", [
    ("[curators\n", "team.toml: not valid TOML"),
    ("[curators]\nemails = 'ana@example.org'\n",
     "team.toml: [curators] emails: expected a list of non-empty strings"),
    ("[curators]\ngroups = ['']\n",
     "team.toml: [curators] groups: expected a list of non-empty strings"),
    ("[curators]\nemail = ['ana@example.org']\n",
     "team.toml: [curators] unknown key 'email'; expected emails, groups"),
    ("[viewers]\nemails = []\n", "team.toml: unknown section 'viewers'; expected only"),
    ("curators = 3\n", "team.toml: curators: expected a table"),
], ids=["syntax", "not-a-list", "empty-name", "misspelt-key", "unknown-section", "not-a-table"])
def test_a_bad_roles_file_is_named_with_the_place(tmp_path, text, message):
    path = tmp_path / "team.toml"
    path.write_text(text)
    with pytest.raises(TeamError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_team(path)


def test_where_the_roles_file_is(tmp_path, monkeypatch):
    monkeypatch.delenv("ARMS_TEAM", raising=False)
    events = tmp_path / "data" / "events.yaml"
    assert team_path(events, []) == tmp_path / "data" / "team.toml"
    monkeypatch.setenv("ARMS_TEAM", str(tmp_path / "roles.toml"))
    assert team_path(events, []) == tmp_path / "roles.toml"
    assert team_path(events, ["--events", "x", "--team", "t.toml"]) == Path("t.toml")


# -- the app as each sees it (AppTest) ---------------------------------------------------------


@pytest.fixture
def events(tmp_path, monkeypatch) -> Path:
    path = Path(shutil.copyfile(ROOT / "tests" / "fixtures" / "review" / "timeline.yaml",
                                tmp_path / "events.yaml"))
    monkeypatch.setenv("ARMS_EVENTS", str(path))
    monkeypatch.delenv("ARMS_TEAM", raising=False)
    write_team(tmp_path, emails=("ana@example.org",))
    return path


@pytest.fixture
def server_option():
    """Set Streamlit options for one test (AppTest runs in this process), then restore."""
    saved: dict[str, object] = {}

    def set_option(key: str, value: object) -> None:
        saved.setdefault(key, st_config.get_option(key))
        st_config.set_option(key, value)

    yield set_option
    for key, value in saved.items():
        st_config.set_option(key, value)


def texts(at: AppTest) -> str:
    return "\n".join(str(el.value) for kind in ("markdown", "caption", "warning", "info",
                                                 "error") for el in at.get(kind)
                     ).replace("\\", "")


def can_open(at: AppTest, page: str) -> bool:
    try:
        at.switch_page(page)
    except ValueError:
        return False
    return True


def test_on_an_open_address_without_sign_in_the_app_is_read_only(events, server_option):
    server_option("server.address", "0.0.0.0")
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    assert "Read-only: this server listens on 0.0.0.0 and no sign-in is configured." in \
        texts(at)
    assert not can_open(at, "views/review.py") and not can_open(at, "views/add_articles.py")
    assert can_open(at, "views/table.py")  # every view is still there to read


def test_on_loopback_without_sign_in_the_local_user_is_the_curator(events, server_option):
    server_option("server.address", "127.0.0.1")
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert "are the curator." in texts(at)
    assert can_open(at, "views/review.py")


@pytest.mark.parametrize("email, curator", [("ana@example.org", True),
                                            ("eve@example.org", False)])
def test_a_proxy_header_maps_to_a_user_and_a_role(events, server_option, email, curator):
    # Streamlit puts the configured headers into st.user; AppTest seeds st.user the same way
    server_option("server.trustedUserHeaders", {"X-Forwarded-Email": "email"})
    server_option("server.address", "127.0.0.1")  # the proxy in front: loopback behind it
    at = AppTest.from_file(APP, default_timeout=30)
    at.user = {"email": email}
    at.run()
    role = "curator" if curator else "viewer (read-only)"
    assert f"Signed in as {email}: {role}." in texts(at)
    assert can_open(at, "views/review.py") is curator


def test_a_proxy_request_without_the_header_sees_nothing(events, server_option):
    server_option("server.trustedUserHeaders", {"X-Forwarded-Email": "email"})
    at = AppTest.from_file(APP, default_timeout=30)
    at.user = {}
    at.run()
    assert "did not come through the sign-in proxy (no X-Forwarded-Email header)" in texts(at)
    assert not at.get("plotly_chart") and not at.sidebar.get("multiselect")


def test_signed_in_viewers_see_who_they_are_and_can_sign_out(events):
    at = sign_in(AppTest.from_file(APP, default_timeout=30), "bo@example.org", name="Bo")
    at.run()
    assert "Signed in as Bo (bo@example.org): viewer (read-only)." in texts(at)
    assert [b.label for b in at.sidebar.button if b.label == "Sign out"] == ["Sign out"]
    assert "events.yaml" in texts(at) and str(events.parent) not in texts(at)  # no server path

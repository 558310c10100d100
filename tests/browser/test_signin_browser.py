"""Sign-in in a real browser: a real OpenID Connect provider (oidc-provider-mock, on
127.0.0.1), the dashboard configured for it (``[auth]`` in a secrets file), and a timeline in a
git repository. A curator signs in and accepts a candidate: the file and the git log show who.
A viewer signs in: no Review page, and the address of one shows nothing to act on.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import ARTIFACTS, READY, ROOT

from dashboard.serve import free_port, running
from extract.timeline import load
from tests.helpers import write_team

pytestmark = pytest.mark.browser
mock = pytest.importorskip("oidc_provider_mock", reason="oidc-provider-mock is not installed (the "
                           "test extra: pip install -e '.[test]')")
werkzeug = pytest.importorskip("werkzeug.serving")

TALKS = ("herzog-talks-2023-05-30", "Herzog and Aliyev hold talks in Baku")
ANA, BO = "ana@example.org", "bo@example.org"


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """An OpenID Connect provider on 127.0.0.1 (any client id and secret), with Ana and Bo."""
    server = werkzeug.make_server("127.0.0.1", 0, mock.app())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        for email, name in ((ANA, "Ana Petrova"), (BO, "Bo Chen")):
            body = json.dumps({"email": email, "name": name}).encode()
            req = urllib.request.Request(f"{base}/users/{quote(email)}", data=body,
                                         method="PUT",
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=10) as r:
                assert r.status == 204
        yield base
    finally:
        server.shutdown()
        thread.join(timeout=10)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="module")
def app(provider, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """The dashboard with sign-in, on a timeline committed in a git repository."""
    if shutil.which("git") is None:
        pytest.skip("needs the git command")
    repo = tmp_path_factory.mktemp("team")
    events = Path(shutil.copyfile(ROOT / "tests" / "fixtures" / "review" / "timeline.yaml",
                                  repo / "events.yaml"))
    write_team(repo, emails=(ANA,))
    git(repo, "init", "-q")
    git(repo, "add", "events.yaml", "team.toml")
    git(repo, "-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-q",
        "-m", "the timeline")
    port = free_port()
    secrets = repo / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-secret-nobody-uses"\n'
        'client_id = "arms-timeline"\n'
        'client_secret = "test"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n')
    ARTIFACTS.mkdir(exist_ok=True)
    with running(events, log=ARTIFACTS / "streamlit-signin.log", port=port,
                 args=["--secrets.files", str(secrets)]) as (base, _):
        yield base, events


def sign_in(browser, base: str, email: str):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(base)
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=sub]").fill(email)  # the provider's own form
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{base}/**")
    page.get_by_text("Signed in as").first.wait_for()
    page.wait_for_selector(READY)
    return context, page


def test_a_curator_signs_in_and_their_decision_is_theirs(playwright_browser, app):
    base, events = app
    context, page = sign_in(playwright_browser, base, ANA)
    try:
        page.get_by_text(f"Signed in as Ana Petrova ({ANA}): curator.").first.wait_for()
        page.get_by_role("link", name="Review").click()
        page.get_by_role("heading", name=TALKS[1]).wait_for()
        page.wait_for_selector(READY)
        block = page.get_by_test_id("stVerticalBlock").filter(
            has=page.get_by_role("heading", name=TALKS[1], exact=True)).last
        block.get_by_role("button", name="Accept", exact=True).click()
        page.get_by_text(f"Accepted “{TALKS[1]}”, as {ANA}").first.wait_for()
    finally:
        context.close()
    ev = load(events).event_map()[TALKS[0]]
    assert (ev.status, ev.reviewed_by) == ("accepted", ANA)
    author, subject = git(events.parent, "log", "-1", "--format=%an <%ae>%n%s").splitlines()
    assert (author, subject) == (f"Ana Petrova <{ANA}>", f"Accept “{TALKS[1]}”")


def test_a_viewer_signs_in_and_cannot_review(playwright_browser, app):
    base, events = app
    before = events.read_bytes()
    context, page = sign_in(playwright_browser, base, BO)
    try:
        page.get_by_text(f"Signed in as Bo Chen ({BO}): viewer (read-only).").first.wait_for()
        assert page.get_by_role("link", name="Table").count() == 1  # every view to read
        assert page.get_by_role("link", name="Review").count() == 0
        assert page.get_by_role("link", name="Add articles").count() == 0
        page.goto(base + "/review")  # the address of the page, typed in
        page.wait_for_selector(READY)
        page.get_by_text(f"Signed in as Bo Chen ({BO})").first.wait_for()
        assert page.get_by_role("heading", name="Review candidates").count() == 0
        assert page.get_by_role("button", name="Accept", exact=True).count() == 0
    finally:
        context.close()
    assert events.read_bytes() == before


@pytest.mark.parametrize("email, role", [(ANA, "curator"), (BO, "viewer (read-only)")])
def test_a_trusted_proxy_header_maps_to_a_user_and_a_role(playwright_browser, tmp_path, email,
                                                          role):
    # the proxy in front of the app signs people in and sends who they are in a header; the
    # browser here plays the proxy's part by sending the header itself
    events = Path(shutil.copyfile(ROOT / "tests" / "fixtures" / "review" / "timeline.yaml",
                                  tmp_path / "events.yaml"))
    write_team(tmp_path, emails=(ANA,))
    headers = json.dumps({"X-Forwarded-Email": "email"})
    with running(events, log=ARTIFACTS / "streamlit-proxy.log",
                 args=["--server.trustedUserHeaders", headers]) as (base, _):
        context = playwright_browser.new_context(viewport={"width": 1600, "height": 1000},
                                                 extra_http_headers={"X-Forwarded-Email": email})
        try:
            page = context.new_page()
            page.goto(base)
            page.get_by_text(f"Signed in as {email}: {role}.").first.wait_for()
            assert page.get_by_role("link", name="Review").count() == (role == "curator")
        finally:
            context.close()

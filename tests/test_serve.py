"""`playbook serve`: the app in a real headless Chromium, behind its access links."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from playbook.serve import Access, app_command
from tests.browser import CHROMIUM_ARGS, chromium_path

TEAM = "team-token-for-the-tests-0001"
OBSERVER = "observer-token-for-tests-0002"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path: Path):
    """`playbook serve` on a free port, a fresh journal and known tokens."""
    port = free_port()
    tokens = tmp_path / "tokens"
    tokens.write_text(f"{TEAM}\n{OBSERVER}\n", encoding="utf-8")
    journal = tmp_path / "journal.sqlite3"
    argv = [sys.executable, "-m", "playbook", "--journal", str(journal), "serve", "--port", str(port)]
    process = subprocess.Popen([*argv, "--token-file", str(tokens)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(f"playbook serve did not listen: {process.stdout.read().decode()[-800:]}")
    yield f"http://127.0.0.1:{port}", journal
    process.terminate()
    process.wait(timeout=10)


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@pytest.mark.parametrize("path", ["/", "/ws", "/static/js/textual.js", "/static/"])
@pytest.mark.parametrize("token", [None, "wrong-token-wrong-token", TEAM[:-1]])
def test_no_token_or_a_wrong_one_gets_nothing_but_a_refusal(served, path, token):
    base, _ = served
    status, body = fetch(base + path + (f"?token={token}" if token else ""))
    assert status == 403
    assert body.startswith("playbook serve: this page needs its access link")
    assert "<script" not in body and "textual" not in body.lower().replace("playbook serve", "")


def test_the_websocket_refuses_another_site(served):
    base, _ = served
    cookie = {"Cookie": f"playbook_access={TEAM}"}
    status, _ = fetch(base + "/ws", {**cookie, "Origin": "http://evil.example"})
    assert status == 403


def test_the_link_sets_a_same_site_http_only_cookie(served):
    base, _ = served
    with urllib.request.urlopen(f"{base}/?token={TEAM}", timeout=10) as response:
        cookie = response.headers["Set-Cookie"]
        page = response.read().decode()
    assert f"playbook_access={TEAM}" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "<title>Playbook</title>" in page and "googleapis" not in page and "http" not in page.split("<body>")[0]


def test_tokens_compare_exactly_and_a_token_file_is_checked(tmp_path: Path):
    access = Access(team=TEAM, observer=OBSERVER)
    assert (access.role(TEAM), access.role(OBSERVER), access.role(TEAM + "x"), access.role("")) == (
        "team",
        "observer",
        None,
        None,
    )
    short = tmp_path / "short"
    short.write_text("abc\n", encoding="utf-8")
    from playbook.cli import main

    assert main(["serve", "--token-file", str(short)]) == 2
    assert main(["serve", "--token-file", str(tmp_path / "missing")]) == 2


def test_the_observer_app_is_started_read_only():
    assert app_command(None, Path("/j.sqlite3"), read_only=True).endswith("--journal /j.sqlite3 --read-only")
    assert "--read-only" not in app_command(None, Path("/j.sqlite3"), read_only=False)


def test_in_chromium_the_page_is_the_product_loads_nothing_from_outside_and_takes_keys(served):
    from playwright.sync_api import sync_playwright

    base, _ = served
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 640})
            hosts: set[str] = set()
            page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
            page.goto(base + "/")
            assert page.locator("body").inner_text().startswith("playbook serve: this page needs its access link")
            page.goto(f"{base}/?token={TEAM}")
            page.wait_for_selector("body.-first-byte", timeout=30_000)
            assert page.title() == "Playbook"
            page.locator("textarea.xterm-helper-textarea").focus()
            page.keyboard.press("Control+q")  # the app quits: keys reached it
            page.wait_for_selector("body.-closed", timeout=30_000)
            assert hosts == {base.split("/")[2]}
        finally:
            browser.close()


def test_the_observer_link_opens_a_read_only_app_in_chromium(served):
    from playwright.sync_api import sync_playwright

    base, _ = served
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 640})
            page.goto(f"{base}/?token={OBSERVER}")
            page.wait_for_selector("body.-first-byte", timeout=30_000)
            assert page.title() == "Playbook (observer, read-only)"
            page.wait_for_timeout(2000)
            assert page.locator("body.-closed").count() == 0  # the app runs with --read-only
        finally:
            browser.close()

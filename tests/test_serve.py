"""`playbook serve`: the app in a real headless Chromium, behind its access links."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from playbook import drill_run
from playbook.journals import open_journal
from playbook.serve import Access, app_command
from tests.board_process import Board
from tests.browser import CHROMIUM_ARGS, chromium_path
from tests.conftest import write_library
from tests.tui.test_player_process import FACILITATOR_ONLY, KEYS, started_drill

TEAM = "team-token-for-the-tests-0001"
OBSERVER = "observer-token-for-tests-0002"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serving(tmp_path: Path, journal: Path, library: Path | None = None, *options: str):
    """`playbook serve [options]` on a free port, `journal` and `library`, with the tests' tokens:
    (its base URL, the process)."""
    port = free_port()
    tokens = tmp_path / "tokens"
    tokens.write_text(f"{TEAM}\n{OBSERVER}\n", encoding="utf-8")
    argv = [sys.executable, "-m", "playbook", "--journal", str(journal)]
    argv += [*(["--library", str(library)] if library else []), "serve", *options, "--port", str(port)]
    process = subprocess.Popen([*argv, "--token-file", str(tokens)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return f"http://127.0.0.1:{port}", process
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"playbook serve did not listen: {process.stdout.read().decode()[-800:]}")


@pytest.fixture
def served(tmp_path: Path):
    """`playbook serve` on a free port, a fresh journal and known tokens."""
    journal = tmp_path / "journal.sqlite3"
    base, process = start_serving(tmp_path, journal)
    yield base, journal
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


class Terminal:
    """What the app in a page sends its terminal, as text (escape sequences taken out): the page
    draws it on a canvas, so the test reads the stream the canvas is drawn from."""

    def __init__(self, page) -> None:
        self.received = bytearray()
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        self.received += payload if isinstance(payload, bytes) else payload.encode()

    @property
    def text(self) -> str:
        raw = self.received.decode("utf-8", "replace")
        return re.sub(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b.", "", raw)

    def wait_for(self, page, text: str, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.text:
            if time.monotonic() > deadline:
                raise AssertionError(f"never shown in the browser: {text!r}\n---\n{self.text[-1500:]}")
            page.wait_for_timeout(100)


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1200, "height": 700})
    terminal = Terminal(page)
    page.goto(url)
    page.wait_for_selector("body.-first-byte", timeout=30_000)
    page.locator("textarea.xterm-helper-textarea").focus()
    return page, terminal


def declare(journal: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "playbook", "--journal", str(journal), "declare", "ransomware", "--commander", "Ann",
         "--answer", "spread=site", "--answer", "operations=degraded"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def test_a_note_typed_in_the_browser_appears_on_a_terminal_board(served, tmp_path):
    from playwright.sync_api import sync_playwright

    base, journal = served
    incident = declare(journal)
    board = Board(journal, incident, "Ann")  # a terminal's board on the same journal, a process of its own
    try:
        board.wait_ready()
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            try:
                page, terminal = open_page(browser, f"{base}/?token={TEAM}")
                terminal.wait_for(page, "Ransomware")  # the library is read: the first screen is up
                page.keyboard.press("F3")  # the open incidents, then the one, then its board
                # The list's own heading: the incident's id shows on the first screen's banner too.
                terminal.wait_for(page, "1 open, 0 closed")
                page.keyboard.press("Enter")
                terminal.wait_for(page, "Who is typing at this terminal?")
                page.keyboard.type("Bea")
                page.keyboard.press("Enter")
                terminal.wait_for(page, "typing:")
                page.keyboard.press("n")
                page.keyboard.type("Typed in a browser across the room")
                page.keyboard.press("Enter")
                page.keyboard.press("Enter")  # when: now
                board.wait_for(["Typed in a browser across the room"])
                terminal.wait_for(page, "Typed in a browser across the room")
                page.screenshot(path=str(tmp_path / "browser-board.png"))
            finally:
                browser.close()
    finally:
        board.stop()
    with open_journal(journal, readonly=True) as record:
        notes = [e for e in record.entries(incident) if e.kind == "note"]
    assert [e.data["text"] for e in notes] == ["Typed in a browser across the room"]


@pytest.fixture
def served_drill(tmp_path: Path):
    """`playbook serve --drill ID --as player` on a running drill of the mini library."""
    library = write_library(tmp_path / "lib", {})
    journal = tmp_path / "journal.sqlite3"
    drill_id = started_drill(journal, library)
    base, process = start_serving(tmp_path, journal, library, "--drill", drill_id, "--as", "player")
    yield base, journal, drill_id
    process.terminate()
    process.wait(timeout=10)


def test_a_served_drill_page_is_a_players_view_no_key_or_command_reaches_the_facilitator(served_drill, tmp_path):
    from playwright.sync_api import sync_playwright

    base, journal, drill_id = served_drill
    with open_journal(journal, readonly=True) as record:
        before = [e.kind for e in record.entries(drill_id)]
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page, terminal = open_page(browser, f"{base}/?token={TEAM}")
            assert page.title() == f"Playbook · drill {drill_id} (player)"
            terminal.wait_for(page, "Your name")
            page.keyboard.type("Pat")
            page.keyboard.press("Enter")
            terminal.wait_for(page, "Playing as Pat")
            terminal.wait_for(page, "The commander is away.")  # the players' inject: the stream is read right
            for key in ["Escape", *KEYS, "Escape", "Escape"]:
                page.keyboard.press(key if len(key) == 1 else key[0].upper() + key[1:])  # Playwright's names: F1, Enter
                page.wait_for_timeout(60)
            for query in ("facilitat", "debrief", "lesson", "drills", "practice", "score", "edit"):
                page.keyboard.press("Control+p")
                page.keyboard.type(query)
                page.wait_for_timeout(300)
                page.keyboard.press("Enter")
                page.wait_for_timeout(200)
                page.keyboard.press("Escape")
            page.keyboard.press("Escape")
            page.wait_for_timeout(500)
            page.screenshot(path=str(tmp_path / "browser-player.png"))
            assert page.locator("body.-closed").count() == 0  # still the player's app, not a dead page
        finally:
            browser.close()
    shown = terminal.text
    assert [word for word in FACILITATOR_ONLY if word in shown] == []
    with open_journal(journal, readonly=True) as record:
        after = [e.kind for e in record.entries(drill_id)]
    assert after[: len(before)] == before and drill_run.JOINED in after[len(before) :]
    moves = {drill_run.CLOCK, drill_run.INJECT, drill_run.PRACTICE}
    assert not moves & set(after[len(before) :])  # no facilitator's move from the page


def test_serve_refuses_a_drill_as_the_whole_app_and_a_drill_that_is_not_there(tmp_path: Path, capsys):
    from playbook.cli import main

    library = write_library(tmp_path / "lib", {})
    journal = tmp_path / "journal.sqlite3"
    drill_id = started_drill(journal, library)
    common = ["--journal", str(journal), "--library", str(library), "serve"]
    assert main([*common, "--drill", drill_id, "--as", "app"]) == 2
    assert "facilitator's material" in capsys.readouterr().err
    assert main([*common, "--as", "player"]) == 2
    assert "--drill ID" in capsys.readouterr().err
    assert main([*common, "--drill", "DRL-20991231-009"]) == 2
    assert "no drill 'DRL-20991231-009'" in capsys.readouterr().err


def test_the_drill_page_runs_a_players_process():
    command = app_command(Path("/lib"), Path("/j.sqlite3"), read_only=False, drill="DRL-1")
    assert command.endswith("--library /lib --journal /j.sqlite3 drill join DRL-1")
    observer = app_command(Path("/lib"), Path("/j.sqlite3"), read_only=True, drill="DRL-1")
    assert observer.endswith("--read-only drill join DRL-1")

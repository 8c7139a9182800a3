"""What each screen looks like at 80x24 (SSH on a laptop) and 120x40. Update with
`--snapshot-update`, and look at the report before accepting."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.pilot import LIBRARY, footer_current, ready, until
from tui.app import PlaybookApp

SIZES = [(80, 24), (120, 40)]

JOURNEYS = {
    "find": [],
    "find-typed": [*"cannot log in"],
    "triage-question": [*"locked", "enter", "2"],
    "triage-unsure-outcome": [*"locked", "enter", "4", "1"],
    "response": [*"locked", "enter", "3", "enter"],
    "response-one-role": [*"locked", "enter", "3", "enter", "o", "2"],
    "role-picker": [*"locked", "enter", "3", "enter", "o"],
    "help": [*"locked", "enter", "f1"],
}


async def settle(pilot) -> None:
    await ready(pilot)
    await until(pilot, lambda: footer_current(pilot.app), "the footer showing the screen's keys")
    pilot.app.screen.query_one(Input).cursor_blink = False  # a blinking cursor makes snapshots flaky


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("journey", list(JOURNEYS))
def test_screen(snap_compare, journey, size):
    assert snap_compare(PlaybookApp(LIBRARY), terminal_size=size, press=JOURNEYS[journey], run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_problems_screen(snap_compare, test_library, tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)  # paths show as lib/..., the same on every machine
    root = test_library({"bad.yaml": "id: bad\ntitle: Bad one\ncolour: red\n"})
    assert snap_compare(PlaybookApp(root.relative_to(tmp_path)), terminal_size=size, press=["f4"], run_before=settle)

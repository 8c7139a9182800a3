"""The live incident board at 80x24 and 120x40: every key the key bar promises is on screen,
with the steps, when the response does not apply, and the log. Update with `--snapshot-update`
and read the SVG's text before accepting."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.pilot import declare_sev2, make_app, ready

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_board(snap_compare, clock, tmp_path, monkeypatch, size):
    monkeypatch.chdir(tmp_path)  # the journal's path shows as written, the same on every machine
    app = make_app(Path("journal.sqlite3"), clock=clock)

    async def declared(pilot) -> None:
        await ready(pilot)  # the library loaded, as a leader would see it before typing
        await declare_sev2(pilot)
        clock.advance(3)
        await pilot.press("n", *"Backups are offline and intact", "enter", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.clear_notifications()  # the "Recorded #2" toast would cover the key bar
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=declared)

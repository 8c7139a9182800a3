"""Helpers for driving the app with Pilot: a stable test library and a way to read the screen."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual import events
from textual.widgets import OptionList, Static

LIBRARY = Path(__file__).parent / "data" / "library"  # 3 types, 4 severities; snapshots depend on it
T0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)  # when the fake clock starts


class Clock:
    """Stands in for the screens' `now` (the `clock` fixture): it moves only when a test says so,
    so a deadline is reached without waiting."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float = 0, seconds: float = 0) -> None:
        self.now += timedelta(minutes=minutes, seconds=seconds)


def make_app(journal_path: Path, root: Path = LIBRARY):
    """The app on a library (the test library unless told), writing to a journal of the test's own."""
    from tui.app import PlaybookApp

    app = PlaybookApp(root)
    app.journal_path = journal_path
    return app


async def ready(pilot) -> None:
    """Let the app's workers (loading the library, writing the journal) finish and their messages land."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def drive(app, script, size=(80, 24)) -> None:
    """Run `await script(pilot)` against the app once the library has loaded."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            await script(pilot)

    asyncio.run(main())


async def declare_sev2(pilot, commander: str = "Ann") -> None:
    """From the test library's first screen: find, triage (several systems, data taken: SEV2),
    the response, declare; the board is up when this returns."""
    await pilot.press(*"locked", "enter", "2", "2", "enter")
    assert pilot.app.screen.active_bindings["d"].binding.description == "Declare a live incident"
    await pilot.press("d")
    await pilot.press("enter", *commander, "enter")  # keep the title, name the commander
    await ready(pilot)


def shown(app) -> str:
    """The text a user can read on the current screen: static text and list entries."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        if not widget.display or any(not a.display for a in widget.ancestors if hasattr(a, "display")):
            continue
        if isinstance(widget, Static):
            parts.append(str(widget.content))
        elif isinstance(widget, OptionList):
            parts += [str(option.prompt) for option in widget.options]
    return "\n".join(parts)


def reload(app) -> None:
    """What the app sees after the library is read again: an equal library in a new Loaded
    (an equal Loaded would not notify anyone)."""
    loaded = app.loaded
    app.loaded = type(loaded)(loaded.library, loaded.problems, (*loaded.files, "reread"))


async def until(pilot, condition, what: str, tries: int = 200) -> None:
    """Let the app work until `condition()` holds (for work the app does in tasks of its own)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}")


def footer_current(app) -> bool:
    """The footer shows exactly the keys the screen offers now. It recomposes after the screen's
    bindings change (a list filled and highlighted by the loader, say), a refresh later than the
    change itself: a snapshot taken in between lacks keys such as "Triage" and "f6 Edit"."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    footers = app.screen.query(Footer)
    if not footers:
        return True
    offered = {(b.binding.action, b.enabled) for b in app.screen.active_bindings.values() if b.binding.show}
    drawn = {(key.action, not key.has_class("-disabled")) for key in footers.first().query(FooterKey)}
    return offered <= drawn  # the footer adds the command palette's key of its own


async def showing(pilot, *texts: str, screen: type | None = None) -> str:
    """Wait until the current screen (of type `screen`, if given) shows every one of `texts`,
    and return what it shows: a screen refreshes in its own time after a key or a tick, so a
    test waits for what a user would wait for instead of reading the screen straight away."""

    def there() -> bool:
        if screen is not None and not isinstance(pilot.app.screen, screen):
            return False
        text = shown(pilot.app)
        return all(t in text for t in texts)

    try:
        await until(pilot, there, f"{texts} on {screen.__name__ if screen else 'the screen'}", tries=1000)
    except AssertionError:
        text = shown(pilot.app)
        missing = [t for t in texts if t not in text]
        raise AssertionError(f"not shown on {type(pilot.app.screen).__name__}: {missing}\n---\n{text}") from None
    return shown(pilot.app)


async def run_from_palette(pilot, query: str, expected: str) -> None:
    """Open the command palette, search, wait for `expected` to be the top hit, run it."""
    from textual.command import CommandList

    await pilot.press("ctrl+p", *query)

    def top_hit() -> bool:
        found = pilot.app.screen.query(CommandList)
        hits = found.first().options if found else []
        return bool(hits) and found.first().highlighted == 0 and expected in str(hits[0].prompt)

    await until(pilot, top_hit, f"{expected!r} first in the palette")
    await pilot.press("enter")
    await pilot.pause()


async def type_at_once(pilot, *keys: str) -> None:
    """Keys as a terminal delivers a burst (tmux send-keys, a paste, a fast typist): all queued
    before the app handles the first, where pilot.press lets the app settle after each one."""
    names = {" ": "space", "\r": "enter"}
    characters = {"enter": "\r", "space": " "}
    for key in keys:
        name = names.get(key, key)
        pilot.app.post_message(events.Key(name, key if len(key) == 1 else characters.get(name)))
    await pilot.pause()

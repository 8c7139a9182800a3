"""Playbook text is data: markup-like text shows as written on every screen and runs nothing."""

from __future__ import annotations

from tests.tui.pilot import LIBRARY as LIBRARY_OF_THREE
from tests.tui.pilot import drive, run_from_palette, shown
from tui.app import PlaybookApp
from tui.screens.problems import ProblemsScreen
from tui.screens.response import ResponseScreen
from tui.screens.triage import TriageScreen

# Each crashes Static/Label/OptionList when parsed as markup, or runs an action when clicked.
CRASH = "[/ x [bold"
ACTION = "[@click=app.quit]quit[/]"
BOTH = f"{ACTION} {CRASH}"


def q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


LIBRARY = f"""\
name: {q(BOTH)}
version: 0.1.0
severities:
  - {{id: SEV1, name: {q("Crit " + BOTH)}, definition: {q("Def " + BOTH)},
     first_action_within: 15, notify: [boss], update_every: 30}}
  - {{id: SEV2, name: {q("Maj " + BOTH)}, definition: {q(BOTH)}, first_action_within: 30, notify: [], update_every: 60}}
roles:
  - {{id: boss, name: {q("Boss " + BOTH)}, duties: {q(BOTH)}}}
  - {{id: aide, name: {q("Aide " + BOTH)}, duties: {q(BOTH)}}}
categories:
  - {{id: cyber, name: {q("Cat " + BOTH)}}}
"""

INCIDENT = f"""\
id: hostile
title: {q("Hostile " + BOTH)}
category: cyber
tags: [{q("tag " + BOTH)}]
version: 1.0.0
status: reviewed
reviewed: 2026-10-01
mentors: [{{role: {q(BOTH)}, years: 3}}]
summary: {q("Summary " + BOTH)}
recognise: [{q("Cue " + BOTH)}]
does_not_apply: [{{when: {q("When " + BOTH)}, instead: {q("Instead " + BOTH)}}}]
related: [other]
clocks: [{{what: {q("Clock " + BOTH)}, within: {q(BOTH)}, starts: {q(BOTH)},
          jurisdiction: {q(BOTH)}, source: {q(BOTH)}}}]
triage:
  start: first
  questions:
    first:
      ask: {q("Ask " + BOTH)}
      help: {q("Help " + BOTH)}
      answers:
        - {{id: a, label: {q("Label " + BOTH)}, outcome: SEV2}}
        - {{id: b, label: {q("Worse " + BOTH)}, outcome: SEV1}}
        - {{id: u, label: {q("Unknown " + BOTH)}, unknown: true}}
responses:
  SEV1:
    - {{id: s1, do: {q("Do " + BOTH)}, owner: boss, within: 10, why: {q("Why " + BOTH)}, tips: [{q("Tip " + BOTH)}]}}
    - {{id: s2, do: {q("Also " + BOTH)}, owner: aide, within: 90, why: {q("Because " + BOTH)}}}
  SEV2:
    - {{id: s1, do: {q("Do " + BOTH)}, owner: boss, within: 20, why: {q("Why " + BOTH)}}}
lessons:
  - {{id: l1, steps: [s1], mistake: {q("Mistake " + BOTH)}, instead: {q("Better " + BOTH)}}}
"""

OTHER = (
    INCIDENT.replace("id: hostile", "id: other")
    .replace("Hostile ", "Other ")
    .replace("related: [other]", "related: [hostile]")
)

# Unknown property named with markup: the P202 message quotes it back.
BROKEN = f"""\
id: broken
{q(BOTH)}: 1
"""


def hostile_app(test_library) -> PlaybookApp:
    root = test_library({"library.yaml": LIBRARY, "hostile.yaml": INCIDENT, "other.yaml": OTHER, "broken.yaml": BROKEN})
    for name in ("locked-files.yaml", "building-fire.yaml", "website-outage.yaml"):
        (root / name).unlink()
    return PlaybookApp(root)


def test_hostile_text_is_shown_as_written_on_every_screen(test_library):
    app = hostile_app(test_library)
    seen: list[str] = []

    async def look(pilot, *keys):
        await pilot.press(*keys)
        await pilot.pause()
        assert app.is_running
        text = shown(app)
        seen.append(text)
        # Shown literally, so neither parsed (it would crash) nor a link (the tags would vanish).
        assert BOTH in text, text

    async def script(pilot):
        await look(pilot, *"hostile")  # find: list and preview
        assert f"Cue {BOTH}" in seen[-1] and f"When {BOTH}: Instead {BOTH}" in seen[-1]
        await look(pilot, "enter")  # triage question
        assert isinstance(app.screen, TriageScreen)
        assert f"Ask {BOTH}" in seen[-1] and f"Label {BOTH}" in seen[-1]
        await look(pilot, "2")  # outcome
        assert f"Crit {BOTH}" in seen[-1] and f"Def {BOTH}" in seen[-1]
        assert f"Path: Ask {BOTH} Worse {BOTH}" in seen[-1]
        await look(pilot, "enter")  # response
        assert isinstance(app.screen, ResponseScreen)
        for part in ("Do", "Why: Why", "Tip: Tip", "Lesson: Mistake", "Boss", "• Clock"):
            assert f"{part} {BOTH}" in seen[-1]
        await look(pilot, "o")  # role picker
        assert f"Aide {BOTH}" in seen[-1]
        await look(pilot, "3")
        assert f"Checklist for Aide {BOTH}" in seen[-1]
        await look(pilot, "r")  # related picker
        assert f"Other {BOTH}" in seen[-1]
        await pilot.press("escape", "f1")  # help over the response screen
        assert app.is_running
        await pilot.press("escape")
        app.open_find()
        await pilot.pause()
        await look(pilot, "f4")  # problems
        assert isinstance(app.screen, ProblemsScreen)
        assert "P202" in seen[-1]

    drive(app, script, size=(100, 30))


def test_hostile_titles_in_the_command_palette(test_library):
    app = hostile_app(test_library)

    async def script(pilot):
        await run_from_palette(pilot, "hostile", f"Triage: Hostile {BOTH}")  # shown as written
        assert isinstance(app.screen, TriageScreen)
        assert app.screen.incident.id == "hostile"

    drive(app, script)


# --- Hostile files: the app starts, lists what it refused, and shows nothing unsafe -------------

UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e", "\u200b", "\ufeff")


def test_links_out_loops_fifos_and_escaped_names_are_listed_as_problems(test_library, tmp_path):
    import os

    outside = tmp_path / "outside.yaml"
    outside.write_text(INCIDENT.replace("id: hostile", "id: outside"))
    root = test_library({"library.yaml": LIBRARY, "hostile.yaml": INCIDENT, "other.yaml": OTHER})
    (root / "outside.yaml").symlink_to(outside)
    (root / "loop1.yaml").symlink_to(root / "loop2.yaml")
    (root / "loop2.yaml").symlink_to(root / "loop1.yaml")
    os.mkfifo(root / "fifo.yaml")
    (root / "other.yaml").rename(root / "oth\x1b]0;pwned\x07er.yaml")
    app = PlaybookApp(root)

    async def script(pilot):
        assert app.loaded is not None and app.loaded.library is not None  # loaded, not hung
        assert app.loaded.library.type("outside") is None
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        text = shown(app)
        for expected in (
            "outside.yaml",
            "a link to",
            "loop1.yaml",
            "a link that loops back on itself",
            "fifo.yaml",
            "not a regular file (a FIFO)",
            "oth\\u001b]0;pwned\\u0007er.yaml",
            "P005",
        ):
            assert expected in text, expected
        assert not any(char in text for char in UNSAFE)

    drive(app, script, size=(120, 40))


def test_journal_text_reaches_no_screen_raw(test_library, journal_path, clock):
    from tests.tui.pilot import declare_sev2, make_app, ready

    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot, commander="Ann\u202e\x1b]0;x\x07")
        board = app.screen
        board.record(board.state.write("note", "clip \x1b]52;c;aGk=\x07 \x9b2J \u200b", "Ann", clock.now()))
        await ready(pilot)
        text = shown(app)
        assert "clip \\u001b]52;c;aGk=\\u0007" in text
        assert not any(char in text for char in UNSAFE)

    drive(app, script)


def test_the_app_exits_with_status_1_when_it_stops_on_an_error(monkeypatch):
    import argparse

    from textual.app import App

    from playbook.clock import SYSTEM_CLOCK
    from tui import app as app_module

    def broken(self):
        raise RuntimeError("a bug")

    monkeypatch.setattr(app_module.PlaybookApp, "on_mount", broken)
    monkeypatch.setattr(app_module.PlaybookApp, "run", lambda self: App.run(self, headless=True))
    args = argparse.Namespace(library=None, journal=None, clock=SYSTEM_CLOCK)
    assert app_module.run_app(args) == 1


def test_a_form_filled_from_the_journal_or_a_paste_shows_escapes_not_raw(test_library):
    from textual import events

    from tui.screens.form import Field, FormScreen
    from tui.widgets.plain import SafeInput

    app = PlaybookApp(test_library())

    async def script(pilot):
        form = FormScreen("Who is typing at this terminal?", [Field("name", "Your name", "Ann \x1b]52;c;aGk=\x07")])
        app.push_screen(form)
        await pilot.pause()
        field = form.query_one(SafeInput)
        assert field.value == "Ann \\u001b]52;c;aGk=\\u0007"
        field.post_message(events.Paste(" \x1b]0;pwn\x07\u202e"))
        await pilot.pause()
        assert not any(char in field.value for char in UNSAFE)
        assert field.value.endswith("\\u001b]0;pwn\\u0007\\u202e")

    drive(app, script)


def test_list_rows_from_the_cached_index_or_the_journal_show_escapes_not_raw():
    """Rows that do not come through the loader: a find list painted from the stored index (a
    file in the user's cache folder) and the incident list read from a shared journal."""
    from datetime import UTC, datetime

    import attrs

    from playbook.journal import Entry as Recorded
    from playbook.journal import IncidentRecord
    from playbook.search import Entry, Hit
    from tui.screens.find import UNAVAILABLE, FindScreen
    from tui.screens.incidents import record_line

    hostile = "T\x1b]0;pwned\x07 \x9b2J \u202e\u200b"
    found = Entry("x", hostile, "cyber")
    rows = [
        FindScreen.option(Hit(found, 1.0, 1, ())),
        FindScreen.option(Hit(found, 0.1, 1, (), weak=True)),
        FindScreen.option(Hit(Entry(UNAVAILABLE + "x", hostile, "cyber"), 0.0, 0, ())),
    ]
    at = datetime(2026, 12, 6, 22, 0, tzinfo=UTC)
    data = {
        "type": "x",
        "title": hostile,
        "type_title": hostile + "!",
        "commander": hostile,
        "severity": {"id": "SEV\x1b[2J"},
    }
    declared = Recorded(
        seq=1, uid="u", incident="INC\x1b[2J", kind="declared", actor="a", happened_at=at, logged_at=at,
        recorded_at=at, data=data,
    )  # fmt: skip
    record = IncidentRecord(id="INC\x1b[2J", kind="live", declared=declared, closed=None)
    damaged = attrs.evolve(record, declared=attrs.evolve(declared, data={"title": hostile}))
    texts = [str(row.prompt) for row in rows] + [record_line(record).plain]
    for text in texts:
        assert "T\\u001b]0;pwned\\u0007" in text, text
    for text in [*texts, record_line(damaged).plain]:
        assert not any(char in text for char in UNSAFE), text


def test_the_preview_and_the_category_choice_from_the_cached_index_show_escapes_not_raw():
    """A preview from the stored index, and the category box and picker it fills: text that never
    came through the loader, so a bell or a line break shows as an escape, never dropped or kept."""
    from playbook.search import Entry, Hit, Reason
    from tui.screens.find import FindScreen, remembered_preview
    from tui.screens.pick import PickScreen

    hostile = "T\x1b]0;pwned\x07\x08\r\n\x0c end"
    entry = Entry("x", hostile, "cyber", (), (hostile,), category_name=hostile)
    hit = Hit(entry, 1.0, 1, (hostile,), (Reason("t", "cue", hostile, 1.0),))
    shown_preview = remembered_preview(entry, hit).plain
    assert shown_preview.count("T\\u001b]0;pwned\\u0007\\u0008\\u000d") == 4  # title, category, cue, why
    assert not any(char in shown_preview for char in (*UNSAFE, "\x08", "\r", "\x0c"))
    app = PlaybookApp(LIBRARY_OF_THREE)

    async def script(pilot):
        screen = app.screen
        assert isinstance(screen, FindScreen)
        screen.set_categories([("x", hostile)])
        screen.narrow("x")
        box = str(screen.query_one("#category").content)
        assert box == "T\\u001b]0;pwned\\u0007\\u0008\\u000d\\n\\u000c end (F2)"
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        assert "1  T\\u001b]0;pwned\\u0007\\u0008\\u000d\\n\\u000c end\n" in shown(app)  # one line

    drive(app, script)

"""Playbook text is data: markup-like text shows as written on every screen and runs nothing."""

from __future__ import annotations

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
  - {{id: SEV1, name: {q("Crit " + BOTH)}, definition: {q("Def " + BOTH)}, first_action_within: 15, notify: [boss], update_every: 30}}
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
clocks: [{{what: {q("Clock " + BOTH)}, within: {q(BOTH)}, starts: {q(BOTH)}, jurisdiction: {q(BOTH)}, source: {q(BOTH)}}}]
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

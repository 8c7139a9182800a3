"""Tabletop drills in the app, keyboard only: set-up, the facilitator's view, the players' view
without facilitator material, the team's declaration and response on the board marked DRILL,
scoring, the debrief, the after-action export and a proposed lesson appended to the playbook.

The mini library's drill `alpha/dark` (tests/data/mini/alpha.yaml): injects at minutes 0, 5
(settles SEV2), 10 and 15 (the twist, facilitator note "Who steps up?"); expected SEV2; one
objective, convene, which SEV2 gives 20 minutes. A facilitator-advanced or accelerated clock
and a fake `now` stand in for waiting.
"""

from __future__ import annotations

import difflib
from datetime import timedelta

import pytest
from textual.widgets import Input

from playbook import drill_run
from playbook.drill import Pace
from playbook.journal import Journal, draft
from playbook.library import load
from tests.conftest import MINI, write_library
from tests.tui.pilot import T0, drive, make_app, showing, shown, type_at_once, until
from tests.tui.pilot import ready as settle
from tui.screens.drill_board import DrillBoardScreen
from tui.screens.drill_debrief import DrillDebriefScreen, LessonPreviewScreen
from tui.screens.drill_facilitator import DrillFacilitatorScreen, team_log
from tui.screens.drill_list import DrillListScreen
from tui.screens.drill_player import DrillPlayerScreen
from tui.screens.drill_setup import DrillSetupScreen
from tui.screens.form import FormScreen
from tui.screens.response import ResponseScreen
from tui.screens.triage import TriageScreen

FACILITATOR_NOTE = "Who steps up?"
TWIST = "The commander is away."


@pytest.fixture
def library_root(tmp_path):
    return write_library(tmp_path / "lib", {})


async def set_up(pilot, pace_keys=()) -> None:
    """F7, n, the first drill; facilitator Fay, team Blue, Ann and Bo; F5."""
    await pilot.press("f7")
    assert isinstance(pilot.app.screen, DrillListScreen)
    await pilot.press("n")
    assert isinstance(pilot.app.screen, DrillSetupScreen)
    await pilot.press("enter", *"Fay", "enter", *"Blue", "enter", *"Ann, Bo", "enter", *pace_keys)
    await pilot.press("f5")
    await pilot.pause()


def test_a_drill_end_to_end_with_injects_scoring_debrief_export_and_a_lesson(
    clock, library_root, journal_path, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await set_up(pilot)
        # Every check after a key waits for the screen to show it (`showing`), as a user would.
        await showing(
            pilot,
            "◆ DRILL · Facilitator · The screens go dark",
            "Minute 0 · facilitator-advanced",
            "✓ OUT   minute 0  Screens go dark.",
            "· later minute 15  TWIST  The commander is away.",
            f"Facilitator: {FACILITATOR_NOTE}",  # the facilitator holds the notes from the start
            "Reveals: Is anyone harmed? → Yes",
            "Team: Blue · Ann, Bo · not declared yet",
            screen=DrillFacilitatorScreen,
        )

        await pilot.press("n")  # minute 5: someone tripped (settles SEV2)
        await showing(pilot, "Minute 5", "✓ OUT   minute 5  Someone tripped.")

        # The team's view on this terminal: released injects only, never the facilitator's notes.
        clock.advance(seconds=60)
        await pilot.press("p")
        text = await showing(
            pilot, "Minute 0  Screens go dark.", "Minute 5  Someone tripped.", screen=DrillPlayerScreen
        )
        assert "A reporter calls." not in text and TWIST not in text
        assert FACILITATOR_NOTE not in text and "Reveals" not in text and "Alpha incident" not in text

        # Declare: type 1 (Alpha), severity 2 (SEV2), commander Ann -> the board, marked DRILL.
        # Each key once its screen is up, as a person would: keys raced ahead of a busy app's
        # screens and the severity key was lost (the team declared SEV1).
        from tui.screens.drill_type_pick import TypePickScreen
        from tui.screens.form import FormScreen
        from tui.screens.pick import PickScreen

        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, TypePickScreen), "the type picker")
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PickScreen), "the severity picker")
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, FormScreen), "the commander's form")
        await pilot.press(*"Ann", "enter")
        await settle(pilot)
        # Marked DRILL; the time box the drill scores, in drill minutes (declared at 5, 20 minutes).
        await showing(
            pilot,
            "◆ DRILL (not live) · minute 5, by hand · time boxes in drill minutes",
            "☐ 20:00 left  Convene the team  · Incident commander (Ann) · due minute 25",
            screen=DrillBoardScreen,
        )
        clock.advance(seconds=120)
        await pilot.press("d")  # convene done, on the live board
        await settle(pilot)
        await showing(pilot, "✓ DONE")

        await pilot.press("escape")  # back to the players' view
        await showing(pilot, "Declared Alpha incident at ▲▲ SEV2 Major", screen=DrillPlayerScreen)
        await pilot.press("escape")  # back to the facilitator
        await showing(pilot, "Team: Blue", screen=DrillFacilitatorScreen)
        clock.advance(seconds=30)
        await pilot.press("n", "n")  # the twist is out
        await showing(
            pilot,
            "Team: Blue · Ann, Bo · declared Alpha incident SEV2 at minute 5 · 1 of 1 steps done",
            "    5  Ann: Declared Alpha incident at SEV2 (Major)",  # the team's log, in drill minutes
            "    5  Ann: Step done: Convene the team",
            screen=DrillFacilitatorScreen,
        )
        await pilot.press("p")
        text = await showing(pilot, TWIST, screen=DrillPlayerScreen)
        assert FACILITATOR_NOTE not in text
        await pilot.press("escape")
        await showing(pilot, "Team: Blue", screen=DrillFacilitatorScreen)

        await pilot.press("x", "1")  # end it: score and debrief
        # Facilitator-advanced: declared and convened at minute 5 (due by 25): 30 + 70.
        await showing(
            pilot,
            "Score 100 / 100",
            "✓ The team classified it SEV2 (Major) at minute 5: correct",
            "P  Take command · performed without challenges · 100 %",
            "Classify as SEV2 (Major)",  # the proven response beside the team's timeline
            "what did the twist teach you?",
            "What would you do differently?",  # the drill's own question
            screen=DrillDebriefScreen,
        )
        debrief = app.screen

        await pilot.press("e", "enter")
        report = tmp_path / f"after-action-{debrief.run.id}.md"
        await showing(pilot, f"✓ After-action report written to {report}")
        assert "# After-action report: The screens go dark" in report.read_text()

    drive(app, script)
    with Journal.open(journal_path) as journal:
        [record] = drill_run.history(journal)
        assert journal.incidents("live") == []  # a drill is never a live incident
    assert (record.score, record.team, record.participants) == (100, "Blue", ("Ann", "Bo"))


def test_a_missed_step_becomes_a_proposed_lesson_appended_to_the_playbook(clock, library_root, journal_path):
    app = make_app(journal_path, library_root, clock=clock)
    playbook_file = library_root / "alpha.yaml"
    before = playbook_file.read_text()

    async def script(pilot):
        await set_up(pilot, pace_keys=("enter", "down", "down", "down", "enter"))  # the clock: x4
        await pilot.press("n", "p", "d", "1", "2", *"Ann", "enter")  # declared at minute 5, convene never done
        await settle(pilot)
        clock.advance(seconds=360)  # x4: minute 29, after convene's time box closed (minute 25)
        await pilot.press("escape", "escape", "x", "1")
        assert isinstance(app.screen, DrillDebriefScreen)
        assert "Score 30 / 100" in shown(app)  # classification 30, convene missed
        assert "U  Take command · unable to be performed · 0 %" in shown(app)
        await pilot.press("l")
        assert isinstance(app.screen, LessonPreviewScreen)
        preview = shown(app)
        assert "id: drill-dark-convene" in preview and playbook_file.read_text() == before  # preview only
        await pilot.press("a")
        assert isinstance(app.screen, DrillDebriefScreen)

    drive(app, script)
    changes = [
        line for line in difflib.ndiff(before.splitlines(), playbook_file.read_text().splitlines()) if line[:1] in "+-"
    ]
    assert all(line.startswith("+ ") for line in changes)  # the author's lines untouched, only added to
    assert "+   - id: drill-dark-convene" in changes
    reloaded = load(library_root)
    assert not reloaded.errors
    assert "drill-dark-convene" in [lesson.id for lesson in reloaded.library.type("alpha").lessons]


def test_a_second_terminal_joins_as_a_player_and_follows_the_accelerated_clock(clock, library_root, journal_path):
    library = load(library_root).library
    alpha = library.type("alpha")
    with Journal.open(journal_path) as journal:
        run = drill_run.start(journal, library, alpha, alpha.drill("dark"), Pace.accelerated(4), "Fay", T0, team="Blue")
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await pilot.press("f7")
        assert run.id in shown(app) and "● RUNNING" in shown(app)
        await pilot.press("enter")
        assert isinstance(app.screen, FormScreen) and "Your name" in shown(app)  # who is playing here
        await pilot.press(*"Cy", "enter")
        assert isinstance(app.screen, DrillPlayerScreen)
        assert "Playing as Cy" in shown(app)
        assert "Screens go dark." in shown(app) and "Someone tripped." not in shown(app)
        clock.advance(seconds=75)  # x4: minute 5
        app.screen.tick()  # what its once-a-second timer does, without waiting for it
        await pilot.pause()
        text = shown(app)
        assert "Minute 5 · accelerated x4" in text and "Someone tripped." in text
        assert FACILITATOR_NOTE not in text

    drive(app, script)


def test_a_team_that_triages_in_a_drill_declares_into_the_drill_never_a_live_incident(
    clock, library_root, journal_path
):
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await set_up(pilot)
        await pilot.press("n", "p", "t", "1")  # the live triage screen, for the type the team picks
        assert isinstance(app.screen, TriageScreen)
        await pilot.press("1", "2", "enter")  # one team, someone harmed: SEV2; the response
        assert isinstance(app.screen, ResponseScreen)
        assert app.screen.active_bindings["d"].binding.description == "Declare (drill)"  # the footer's words
        await pilot.press("d")  # the response's own "declare"
        assert isinstance(app.screen, FormScreen) and isinstance(app.screen_stack[-2], DrillPlayerScreen)
        assert "Is anyone harmed? Yes" in shown(app)
        await pilot.press(*"Ann", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DrillBoardScreen)

    drive(app, script)
    with Journal.open(journal_path) as journal:
        assert journal.incidents("live") == []
        [drill] = journal.incidents("drill")
        assert drill.declared.data["answers"] == [["How wide is it?", "One team"], ["Is anyone harmed?", "Yes"]]


def test_a_commander_typed_at_once_after_d_in_a_drill_lands_in_the_form(clock, library_root, journal_path):
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await set_up(pilot)
        await pilot.press("n", "p", "t", "1")
        # As `tmux send-keys 1 2 Enter d Cy Enter` arrives: no pause between keys.
        await type_at_once(pilot, "1", "2", "enter", "d", *"Cy", "enter")
        await until(pilot, lambda: isinstance(app.screen, DrillBoardScreen), "the team board")

    drive(app, script)
    with Journal.open(journal_path) as journal:
        [drill] = journal.incidents("drill")
        assert drill.declared.data["commander"] == "Cy"


def test_an_entry_this_version_cannot_read_is_shown_as_a_problem_not_a_crash(clock, library_root, journal_path):
    library = load(library_root).library
    alpha = library.type("alpha")
    with Journal.open(journal_path) as journal:
        run = drill_run.start(journal, library, alpha, alpha.drill("dark"), Pace.facilitator(), "Fay", T0)
        journal.append(draft(run.id, "declared", "Ann", T0, {"title": "written by a future version"}))
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await pilot.press("f7", "f", *"Fay", "enter")
        assert isinstance(app.screen, DrillFacilitatorScreen)
        assert "⚠ The team's entries cannot be read" in shown(app)
        await pilot.press("n")  # the facilitator carries on
        assert "✓ OUT   minute 5  Someone tripped." in shown(app)
        await pilot.press("escape", "enter", *"Bo", "enter")  # join as Bo
        assert isinstance(app.screen, DrillPlayerScreen)
        assert "⚠ The team's entries cannot be read" in shown(app)

    drive(app, script)


def test_markup_like_playbook_text_shows_as_written_on_every_drill_screen(clock, tmp_path, journal_path):
    text = (MINI / "alpha.yaml").read_text()
    hostile = {
        "message: Screens go dark.": 'message: "[/ x [bold] Screens [@click=app.quit]"',
        'facilitator: "Who steps up?"': 'facilitator: "[red]Who[/] [/ steps up?"',
        "briefing: It is Monday morning.": 'briefing: "[b]It is[/b] Monday [/"',
    }
    for old, new in hostile.items():
        assert old in text
        text = text.replace(old, new)
    root = write_library(tmp_path / "hostile", {"alpha.yaml": text})
    app = make_app(journal_path, root, clock=clock)

    async def script(pilot):
        await set_up(pilot)
        assert isinstance(app.screen, DrillFacilitatorScreen)
        for literal in ("[/ x [bold] Screens [@click=app.quit]", "[red]Who[/] [/ steps up?", "[b]It is[/b] Monday [/"):
            assert literal in shown(app)
        await pilot.press("p")
        assert "[/ x [bold] Screens [@click=app.quit]" in shown(app) and "[red]Who[/]" not in shown(app)
        await pilot.press("escape", "x", "1")
        assert isinstance(app.screen, DrillDebriefScreen)
        assert "» [/ x [bold] Screens [@click=app.quit]" in shown(app)

    drive(app, script)
    assert app.return_code in (None, 0)  # the [@click=app.quit] in an inject quit nothing


def test_an_accelerated_clock_releases_injects_on_the_facilitators_screen_and_records_them(
    clock, library_root, journal_path
):
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await set_up(pilot, pace_keys=("enter", "down", "down", "down", "enter"))  # the clock: x4
        facilitator = app.screen
        assert isinstance(facilitator, DrillFacilitatorScreen)
        assert "Minute 0 · accelerated x4 · next inject (minute 5) in 1:15" in shown(app)
        clock.advance(seconds=150)  # x4: minute 10
        facilitator.tick()  # what its once-a-second timer does, without waiting for it
        await settle(pilot)
        assert "Minute 10 · accelerated x4 · next inject (minute 15) in 1:15" in shown(app)
        assert "✓ OUT   minute 10  A reporter calls." in shown(app)
        run_id = facilitator.run.id
        with Journal.open(journal_path) as journal:
            recorded = [e.data["inject"] for e in journal.entries(run_id) if e.kind == "inject"]
        assert recorded == ["start", "hurt", "press"]

    drive(app, script)


def test_an_escape_sequence_typed_by_the_team_never_reaches_the_terminal(clock, library_root, journal_path):
    library = load(library_root).library
    alpha = library.type("alpha")
    with Journal.open(journal_path) as journal:
        run = drill_run.start(
            journal,
            library,
            alpha,
            alpha.drill("dark"),
            Pace.facilitator(),
            "Fay",
            T0,
            team="Red \x1b[31mteam",
            participants="Ann",
        )
        journal.append(drill_run.declare(run, library, "SEV2", "Ann", T0))
        run = drill_run.load(journal, library, run.id, T0)
        journal.append(run.board().write("note", "red \x1b[31malert\x1b[0m", "Ann", T0))
        drill_run.finish(journal, drill_run.load(journal, library, run.id, T0), library, "Fay", T0)
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await pilot.press("f7")
        assert "team Red \\u001b[31mteam" in shown(app) and "\x1b" not in shown(app)
        await pilot.press("f", *"Fay", "enter")
        text = shown(app)
        assert "Note: red \\u001b[31malert\\u001b[0m" in text and "\x1b" not in text
        await pilot.press("r")
        assert isinstance(app.screen, DrillDebriefScreen)
        assert "Note: red \\u001b[31malert\\u001b[0m" in shown(app) and "\x1b" not in shown(app)

    drive(app, script)


def declared_at_minute_5(journal, library, pace: Pace) -> drill_run.DrillRun:
    """alpha/dark started at T0 and declared SEV2 by Ann at drill minute 5: as the facilitator
    releases minute 5 on a clock by hand, else when a running clock reaches it."""
    alpha = library.type("alpha")
    run = drill_run.start(journal, library, alpha, alpha.drill("dark"), pace, "Fay", T0)
    if pace.by_hand:
        run = drill_run.advance(journal, run, T0)
    declared = T0 if pace.by_hand else T0 + timedelta(minutes=5 / pace.factor)
    journal.append(drill_run.declare(run, library, "SEV2", "Ann", declared))
    return run


def test_the_drill_boards_time_boxes_count_in_drill_minutes_as_the_scoring_does(clock, library_root, journal_path):
    library = load(library_root).library
    with Journal.open(journal_path) as journal:
        fast = declared_at_minute_5(journal, library, Pace.accelerated(4))  # 75 s in
        still = declared_at_minute_5(journal, library, Pace.facilitator())
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        clock.advance(seconds=75 + 240)  # x4: minute 21, 4 real minutes after the declaration
        board = DrillBoardScreen(Journal.open(journal_path), fast.id, app.loaded.library, "Ann")
        await app.push_screen(board)
        await pilot.pause()
        assert "☐ 4:00 left  Convene the team  · Incident commander (Ann) · due minute 25" in shown(app)
        clock.advance(seconds=120)  # minute 29: real time says 14 minutes are left; the drill says 4 over
        board.tick()
        await pilot.pause()
        assert "⚠ OVERDUE by 4:00  Convene the team  · Incident commander (Ann) · was due minute 25" in shown(app)
        assert "⚠ OVERDUE: 1 step" in shown(app)
        assert "Convene the team (Incident commander (Ann)) was due drill minute 25" in [
            n.message for n in app._notifications
        ]  # the toast says the same
        await pilot.press("d")
        await settle(pilot)
        assert "✓ DONE     Convene the team  — Ann at minute 29 · 4:00 late" in shown(app)
        app.pop_screen()

        clock.advance(seconds=3600)  # an hour of talk while the facilitator holds the clock at minute 5
        await app.push_screen(DrillBoardScreen(Journal.open(journal_path), still.id, app.loaded.library, "Ann"))
        await pilot.pause()
        assert "☐ 20:00 left  Convene the team" in shown(app) and "⚠ OVERDUE" not in shown(app)

    drive(app, script)
    with Journal.open(journal_path) as journal:
        scored = drill_run.result(drill_run.load(journal, library, fast.id, clock.now()), library)
    [convene] = scored.steps
    assert (convene.status.value, convene.done_at, convene.deadline) == ("late", 29, 25)  # as the board said


def test_a_drill_ended_before_a_step_came_due_shows_it_not_reached_in_the_debrief(clock, library_root, journal_path):
    library = load(library_root).library
    with Journal.open(journal_path) as journal:
        run = declared_at_minute_5(journal, library, Pace.accelerated(4))
        ending = T0 + timedelta(seconds=300)  # minute 20, before convene's time box closes at 25
        drill_run.finish(journal, drill_run.load(journal, library, run.id, ending), library, "Fay", ending)
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await pilot.press("f7", "f", *"Fay", "enter", "r")
        assert isinstance(app.screen, DrillDebriefScreen)
        text = shown(app)
        assert "N  Take command · not observed · not scored" in text
        assert (
            "Score 100 / 100 (classification only: the drill ended before any expected step came due) · Expected SEV2"
            in text
        )
        assert (
            "· Convene the team (convene): The drill ended at minute 20, before its time box closed "
            "(minute 25): not scored."
        ) in text
        assert "time box closed at minute 25" not in text
        assert "No corrective action: every step the drill reached was done in its time box." in text
        assert "Every objective was performed without challenges" not in text  # one was not observed at all

    drive(app, script)


def test_a_proposed_lesson_is_appended_as_previewed_with_its_review_comment_and_the_mentors_edit(
    clock, library_root, journal_path
):
    app = make_app(journal_path, library_root, clock=clock)
    playbook_file = library_root / "alpha.yaml"

    async def script(pilot):
        await set_up(pilot, pace_keys=("enter", "down", "down", "down", "enter"))  # x4
        await pilot.press("n", "p", "d", "1", "2", *"Ann", "enter")
        await settle(pilot)
        clock.advance(seconds=360)  # convene's time box closed: an improvement item
        await pilot.press("escape", "escape", "x", "1", "l")
        assert isinstance(app.screen, LessonPreviewScreen)
        assert "# Proposed from drill 'dark'" in shown(app)
        await pilot.press("e", "end", *" Checked by Mo.", "escape")  # edit the comment line, back to the preview
        assert "playbook lesson accept|reject alpha drill-dark-convene Checked by Mo." in shown(app)
        await pilot.press("a")
        assert isinstance(app.screen, DrillDebriefScreen)

    drive(app, script)
    text = playbook_file.read_text()
    assert (
        "  # Proposed from drill 'dark' on 2026-11-24: playbook lesson accept|reject alpha drill-dark-convene "
        "Checked by Mo.\n" in text
    )
    assert "  - id: drill-dark-convene\n    status: draft\n" in text  # a draft until an author accepts it
    reloaded = load(library_root)
    assert not reloaded.errors
    assert "drill-dark-convene" in [lesson.id for lesson in reloaded.library.type("alpha").draft_lessons]


def test_an_edited_lesson_that_no_longer_parses_is_refused_before_anything_is_written(
    clock, library_root, journal_path
):
    app = make_app(journal_path, library_root, clock=clock)
    playbook_file = library_root / "alpha.yaml"
    before = playbook_file.read_text()

    async def script(pilot):
        await set_up(pilot, pace_keys=("enter", "down", "down", "down", "enter"))
        await pilot.press("n", "p", "d", "1", "2", *"Ann", "enter")
        await settle(pilot)
        clock.advance(seconds=360)
        await pilot.press("escape", "escape", "x", "1", "l", "e", "down", "home", *": [", "escape")
        assert "⚠ not valid YAML" in shown(app)
        await pilot.press("a")  # still editing: nothing is appended
        assert isinstance(app.screen, LessonPreviewScreen)

    drive(app, script)
    assert playbook_file.read_text() == before


def test_the_facilitator_sees_the_exact_command_players_join_with(clock, library_root, journal_path):
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await set_up(pilot)
        assert isinstance(app.screen, DrillFacilitatorScreen)
        drill_id = app.screen.run.id
        assert f"Players join with  playbook drill join {drill_id} --journal {journal_path}" in shown(app)

    drive(app, script, size=(120, 40))


def test_a_joined_players_entries_are_credited_by_name_and_the_log_says_what_the_clock_did(
    clock, library_root, journal_path
):
    library = load(library_root).library
    alpha = library.type("alpha")
    with Journal.open(journal_path) as journal:
        run = drill_run.start(journal, library, alpha, alpha.drill("dark"), Pace.facilitator(), "Fay", T0)
        drill_run.advance(journal, run, T0)  # minute 5
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await pilot.press("f7", "enter", *"Cy", "enter")  # join, name the player
        await pilot.press("d", "1", "2")
        assert app.screen.query_one(Input).value == "Cy"  # the commander field starts with the player's name
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DrillBoardScreen)
        await pilot.press("d")  # convene done, by Cy
        await settle(pilot)

    drive(app, script)
    with Journal.open(journal_path) as journal:
        run = drill_run.load(journal, library, run.id, T0)
        assert {e.actor for e in run.board_entries} == {"Cy"}
    log = "\n".join(team_log(run, run.board()))
    assert "Inject 2 released: Someone tripped." in log and "Clock advanced to minute 5" in log
    assert "drill-clock" not in log and "inject" not in log.replace("Inject", "")


def test_the_team_finds_the_incident_type_by_typing_and_enter_picks_the_top_match(clock, library_root, journal_path):
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await set_up(pilot)
        await pilot.press("p", "d", *"bet")
        assert "Beta incident" in shown(app) and "Alpha incident" not in shown(app)  # filtered as typed
        await pilot.press("enter", "2", *"Ann", "enter")  # the top match, SEV2, commander Ann
        await settle(pilot)
        assert isinstance(app.screen, DrillBoardScreen)

    drive(app, script)
    with Journal.open(journal_path) as journal:
        [drill] = journal.incidents("drill")
        assert drill.declared.data["type"] == "beta"


def test_a_team_that_declared_the_wrong_type_is_told_so_and_asked_about_recognition(clock, library_root, journal_path):
    library = load(library_root).library
    alpha = library.type("alpha")
    with Journal.open(journal_path) as journal:
        run = drill_run.start(journal, library, alpha, alpha.drill("dark"), Pace.facilitator(), "Fay", T0)
        run = drill_run.advance(journal, run, T0)
        journal.append(drill_run.declare(run, library, "SEV2", "Ann", T0, incident=library.type("beta")))
        drill_run.finish(journal, drill_run.load(journal, library, run.id, T0), library, "Fay", T0)
    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await pilot.press("f7", "f", *"Fay", "enter", "r")
        assert isinstance(app.screen, DrillDebriefScreen)
        text = shown(app)
        assert (
            "✗ The team declared Beta incident SEV2 (Major) at minute 5: another incident type; it was Alpha incident."
            in text
        )
        assert "What made it look like Beta incident? Which cue would have told you it was Alpha incident?" in text
        assert "did not settle on a severity" not in text

    drive(app, script, size=(120, 40))


def test_keys_typed_fast_after_enter_in_the_set_up_land_in_the_next_box(clock, library_root, journal_path):
    # Found in tmux (keys sent in one go): "Fay", Enter, "Blue" all landed in the facilitator box.
    from textual import events
    from textual.widgets import Input

    app = make_app(journal_path, library_root, clock=clock)

    async def script(pilot):
        await pilot.press("f7", "n", "enter")
        for key in [*"Fay", "enter", *"Blue", "enter", *"Ann"]:  # queued at once, as a fast typist's
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        boxes = {box.id: box.value for box in app.screen.query(Input)}
        assert (boxes["setup-facilitator"], boxes["setup-team"], boxes["setup-participants"]) == ("Fay", "Blue", "Ann")

    drive(app, script)

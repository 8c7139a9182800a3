"""A novel drill played both ways in the app, keyboard only: a team that forces the nearest
playbook against a team that says "something else" (F5), answers the library's severity
questions and coaches the first hour. The bundled drill product-recall/injunction-at-dawn: a
court stops a sale, which no playbook in the library covers."""

from __future__ import annotations

import re
from datetime import timedelta

from playbook import drill_run, novel
from playbook.drill import Pace
from playbook.journal import Journal, draft
from playbook.library import load
from playbook.paths import BUNDLED_LIBRARY
from tests.tui.pilot import T0, drive, make_app, showing, shown, until
from tests.tui.pilot import ready as settle
from tui.screens.drill_board import DrillBoardScreen
from tui.screens.drill_debrief import DrillDebriefScreen
from tui.screens.drill_facilitator import DrillFacilitatorScreen
from tui.screens.drill_list import DrillListScreen
from tui.screens.drill_player import DrillPlayerScreen
from tui.screens.drill_type_pick import TypePickScreen
from tui.screens.form import FormScreen
from tui.screens.pick import PickScreen

# The library's seven criteria as the team answers them: no one hurt, a legal clock (the order
# binds now), no service down, money that matters, national news not known yet, no data exposed.
CRITERIA_KEYS = ("2", "2", "1", "2", "1", "3", "2")
COACHING = (
    "A Munich court order bars selling the Aria 3 in Germany from this morning",
    "Whether Voltacore will go to other countries; outside counsel will find out",
    "That orders taken since service are already a breach",
    "Austria and the Netherlands follow; buyers think the charger is dangerous",
    "German buyers, Elektra the distributor, investors; Elektra hears first",
    "Appeal or licence: legal counsel Lee; what buyers are told: comms lead Mo",
    "Penalty up to 250,000 per breach from service; objection within a month; ad hoc disclosure of inside information",
)
DECISION = "Stop selling the Aria 3 in Germany now and hold the Hamburg container"


def started(journal_path) -> str:
    library = load(BUNDLED_LIBRARY).library
    recall = library.type("product-recall")
    with Journal.open(journal_path) as journal:
        run = drill_run.start(
            journal, library, recall, recall.drill("injunction-at-dawn"), Pace.facilitator(), "Fay", T0, team="Blue"
        )
    return run.id


async def to_the_players_view(pilot) -> None:
    await pilot.press("f7", "f", *"Fay", "enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, DrillFacilitatorScreen), "the facilitator's screen")
    await pilot.press("p")
    await until(pilot, lambda: isinstance(pilot.app.screen, DrillPlayerScreen), "the players' view")


async def decide_and_end(pilot) -> str:
    """Log the decision on the board, release every inject (past the first hour), end the drill:
    the debrief's text."""
    await pilot.press("k", *DECISION, "enter", "enter")  # the decision, then "when": now
    await settle(pilot)
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(pilot.app.screen, DrillPlayerScreen), "the players' view")
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(pilot.app.screen, DrillFacilitatorScreen), "the facilitator's screen")
    pilot.app.context.clock.advance(seconds=60)  # the team's work stays at minute 0 of the drill clock
    await pilot.press(*"n" * 7, "x", "1")
    return await showing(pilot, "Score", screen=DrillDebriefScreen)


def score_of(text: str) -> int:
    return int(re.search(r"Score (\d+) / 100", text).group(1))


def test_forcing_a_playbook_scores_far_below_the_coaching_path(clock, journal_path):
    forced: dict[str, str] = {}
    coached: dict[str, str] = {}

    started(journal_path)
    app = make_app(journal_path, BUNDLED_LIBRARY, clock=clock)

    async def force(pilot):
        await to_the_players_view(pilot)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, TypePickScreen), "the type picker")
        await showing(pilot, "F5 Something else: not in the library")
        await pilot.press(*"recall", "enter")  # the nearest-looking playbook, forced
        await until(pilot, lambda: isinstance(app.screen, PickScreen), "the severity picker")
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, FormScreen), "the commander's form")
        await pilot.press(*"Ann", "enter")
        await settle(pilot)
        await until(pilot, lambda: isinstance(app.screen, DrillBoardScreen), "the board")
        assert "coach" not in {
            b.binding.action for b in app.screen.active_bindings.values() if "coach" in b.binding.action
        }
        forced["text"] = await decide_and_end(pilot)

    drive(app, force, size=(120, 40))

    journal_path.unlink()
    started(journal_path)
    app = make_app(journal_path, BUNDLED_LIBRARY, clock=clock)

    async def coach(pilot):
        await to_the_players_view(pilot)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, TypePickScreen), "the type picker")
        await pilot.press("f5")  # something else: not in the library
        for key in CRITERIA_KEYS:
            await until(pilot, lambda: isinstance(app.screen, PickScreen), "a severity question")
            await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, FormScreen), "the commander's form")
        await showing(pilot, "Not in the library (a novel incident)", "p answers the coaching prompts")
        await pilot.press(*"Ann", "enter")
        await settle(pilot)
        await until(pilot, lambda: isinstance(app.screen, DrillBoardScreen), "the board")
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, FormScreen), "the coaching prompts")
        for answer in COACHING:
            await pilot.press(*answer, "enter")
        await settle(pilot)
        await until(pilot, lambda: isinstance(app.screen, DrillBoardScreen), "the board again")
        coached["text"] = await decide_and_end(pilot)

    drive(app, coach, size=(120, 40))

    forced_text, coached_text = forced["text"], coached["text"]
    assert (
        "✗ The team forced the Product safety defect and recall playbook at minute 0: no incident type fits"
        in forced_text
    )
    assert "it was Not in the library" not in forced_text
    assert "Which fact did its playbook not fit" in forced_text
    assert "The team classified it SEV2 (Major) at minute 0: correct, in time." in coached_text
    # Forced: no classification credit and no prompts; only the logged decision (2 of 19 weight).
    assert score_of(forced_text) == 7
    assert "say so within 20 minutes: Something else (F5)" in forced_text
    # Coached: 30 + 70 x (7 prompts + stop-sales owned 2 + appeal only named 1 + 3 clocks 6) / 19; what
    # buyers are told was never said: missed.
    assert score_of(coached_text) == 89
    assert "named, but no one owns it" in coached_text


# --- #11: no text reaches a drill screen raw ------------------------------------------------------

# The escapes of the issue: a window title (OSC 0, BEL), clear screen, C1 CSI, right-to-left
# override, zero-width space.
OSC, CLEAR, CSI, RLO, ZWSP = "\x1b]0;owned\x07", "\x1b[2J", "\x9b2J", "\u202e", "\u200b"
HOSTILE = f"{OSC}{CLEAR}{CSI}{RLO}{ZWSP}"
RAW = ("\x1b", "\x07", "\x9b", RLO, ZWSP)


def hostile_novel_drill(journal_path) -> str:
    """A novel drill whose every typed text carries the escapes: the team, the participants, the
    commander, the coaching answers, a decision, a note; and a drill title as another terminal
    (or a damaged copy) may have written it into the journal. Ended, so the debrief exists."""
    library = load(BUNDLED_LIBRARY).library
    recall = library.type("product-recall")
    drill = recall.drill("injunction-at-dawn")
    with Journal.open(journal_path) as journal:
        run = drill_run.start(
            journal,
            library,
            recall,
            drill,
            Pace.facilitator(),
            "Fay",
            T0,
            team=f"Red{HOSTILE}",
            participants=f"Ann{RLO}",
        )
        triage = novel.generic_triage(library, {"legal-clock-24h": novel.YES})
        journal.append(drill_run.declare_novel(run, library, triage, f"Cy{ZWSP}{CSI}", T0))
        board = drill_run.load(journal, library, run.id, T0).board()
        for prompt, ask in novel.PROMPTS:
            journal.append(board.coach(prompt, ask, f"{prompt} {HOSTILE}", "Cy", T0))
        journal.append(board.write("decision", f"Stop selling {HOSTILE}", f"Olu{OSC}", T0))
        journal.append(board.write("note", f"Penalty per breach {HOSTILE}", "Cy", T0))
        later = T0 + timedelta(minutes=1)
        run = drill_run.load(journal, library, run.id, later)
        for _ in drill.injects:  # every inject out: the first hour is over, every item judged
            run = drill_run.advance(journal, run, later) if run.release.next else run
        drill_run.finish(journal, drill_run.load(journal, library, run.id, later), library, "Fay", later)
        # A started drill as another terminal wrote it, with a hostile title.
        journal.declare(
            draft(None, drill_run.STARTED, "Fay", T0, {**run.entries[0].data, "drill_title": f"Dark{HOSTILE}"}),
            "drill",
        )
    return run.id


def test_escape_sequences_reach_no_drill_screen_raw(clock, journal_path):
    hostile_novel_drill(journal_path)
    app = make_app(journal_path, BUNDLED_LIBRARY, clock=clock)

    async def script(pilot):
        seen = []
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, DrillListScreen), "the drill list")
        seen.append(shown(app))
        assert "team Red\\u001b]0;owned\\u0007" in seen[-1] and "Dark\\u001b]0;owned" in seen[-1]
        await pilot.press("down", "f", *"Fay", "enter")  # the novel drill (the hostile copy is first)
        await until(pilot, lambda: isinstance(app.screen, DrillFacilitatorScreen), "the facilitator")
        seen.append(shown(app))
        assert "no playbook fits: the team should say so (F5)" in seen[-1]
        assert "Decision: Stop selling \\u001b]0;owned\\u0007" in seen[-1]
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, DrillPlayerScreen), "the players' view")
        seen.append(shown(app))
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, DrillBoardScreen), "the board")
        seen.append(shown(app))
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, DrillFacilitatorScreen), "the facilitator")
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, DrillDebriefScreen), "the debrief")
        seen.append(shown(app))
        assert "Coaching: What do we know for certain? known \\u001b]0;owned\\u0007" in seen[-1]
        for text in seen:
            assert not any(char in text for char in RAW), text

    drive(app, script, size=(120, 40))


def test_a_paste_into_the_type_filter_or_the_setup_form_shows_escapes_not_raw(clock, journal_path):
    from textual import events
    from textual.widgets import Input

    from tui.screens.drill_setup import DrillSetupScreen

    hostile_novel_drill(journal_path)
    app = make_app(journal_path, BUNDLED_LIBRARY, clock=clock)

    async def script(pilot):
        await to_the_players_view(pilot)
        await pilot.press("t")  # triage: pick the type by typing
        await until(pilot, lambda: isinstance(app.screen, TypePickScreen), "the type picker")
        box = app.screen.query_one(Input)
        box.post_message(events.Paste(f"recall{HOSTILE}"))
        await pilot.pause()
        assert box.value.startswith("recall\\u001b]0;owned\\u0007") and not any(c in box.value for c in RAW)
        await pilot.press("escape")
        app.push_screen(DrillSetupScreen(load(BUNDLED_LIBRARY).library))
        await until(pilot, lambda: isinstance(app.screen, DrillSetupScreen), "the set-up")
        await settle(pilot)
        for field in ("#setup-team", "#setup-participants"):
            box = app.screen.query_one(field, Input)
            box.post_message(events.Paste(HOSTILE))
            await pilot.pause()
            assert box.value and not any(c in box.value for c in RAW), field
        text = shown(app)
        assert "A court stops the sale of our flagship product in one country" in text
        assert "no playbook fits: the coaching path" in text  # the facilitator's list says which drill is novel

    drive(app, script, size=(120, 40))


def test_the_after_action_report_and_a_proposed_lesson_of_a_hostile_novel_drill_are_clean(journal_path):
    from playbook.aar import after_action_report
    from playbook.lesson_draft import proposed_lesson

    drill_id = hostile_novel_drill(journal_path)
    library = load(BUNDLED_LIBRARY).library
    with Journal.open(journal_path) as journal:
        run = drill_run.load(journal, library, drill_id, T0)
    report = drill_run.run_debrief(run, library)
    text = after_action_report(report, T0.date(), run.team, run.participants)
    assert "Decision: Stop selling \\\\u001b\\]0;owned\\\\u0007" in text  # escaped for Markdown too
    lessons = [proposed_lesson(item, report, T0.date()) for item in report.improvements]
    assert lessons
    for written in (text, *lessons):
        assert not any(char in written for char in RAW)

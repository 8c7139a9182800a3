"""A novel drill played both ways in the app, keyboard only: a team that forces the nearest
playbook against a team that says "something else" (F5), answers the library's severity
questions and coaches the first hour. The bundled drill product-recall/injunction-at-dawn: a
court stops a sale, which no playbook in the library covers."""

from __future__ import annotations

import re

from playbook import drill_run
from playbook.drill import Pace
from playbook.journal import Journal
from playbook.library import load
from playbook.paths import BUNDLED_LIBRARY
from tests.tui.pilot import T0, drive, make_app, showing, until
from tests.tui.pilot import ready as settle
from tui.screens.drill_board import DrillBoardScreen
from tui.screens.drill_debrief import DrillDebriefScreen
from tui.screens.drill_facilitator import DrillFacilitatorScreen
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

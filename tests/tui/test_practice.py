"""Practice in the app: the solo recognition drill against the clock, and the history screen
with its chart and the next drill, on the mini library (one drill: alpha/dark, settled as SEV2
by its first two injects)."""

from __future__ import annotations

from datetime import timedelta

import attrs

from playbook import drill_run
from playbook.journal import Journal
from playbook.practice import Kind, PracticeRecord
from tests.conftest import MINI
from tests.tui.pilot import T0, drive, make_app, run_from_palette, shown
from tui.screens.drill_setup import DrillSetupScreen
from tui.screens.practice import PracticeScreen, bar
from tui.screens.recognition import RecognitionScreen


def keep(journal_path, *records: PracticeRecord) -> None:
    with Journal.open(journal_path) as journal:
        for record in records:
            drill_run.record_recognition(journal, record, "Cy", record.when)


def result(days_ago: float, score: int, minutes: float | None, team="Blue", kind=Kind.DRILL) -> PracticeRecord:
    return PracticeRecord(
        when=T0 - timedelta(days=days_ago),
        kind=kind,
        incident="alpha",
        score=score,
        time_to_classify=minutes,
        team=team,
        participants=("Ann",),
        drill="dark",
    )


def test_a_recognition_drill_is_answered_with_two_digits_and_kept_in_the_history(clock, journal_path):
    app = make_app(journal_path, MINI)

    async def script(pilot):
        await pilot.press("f8", "g", *"Cy", "enter", *"Blue", "enter")
        assert isinstance(app.screen, RecognitionScreen)
        text = shown(app)
        assert "Screens go dark. Someone tripped." in text  # up to the inject that settles SEV2
        assert "Which incident type is it?" in text and "1  Alpha incident" in text
        clock.advance(seconds=12)
        await pilot.press("1")
        assert "How severe is it?" in shown(app) and "2  ▲▲ SEV2 Major" in shown(app)
        await pilot.press("2")
        text = shown(app)
        assert "Score 100 / 100 · 12 s, within the 30 s" in text
        assert "Type: ✓ Alpha incident" in text and "Severity: ✓ SEV2" in text
        assert "Kept in the practice history." in text
        await pilot.press("n")  # another one: the clock starts again
        assert "Which incident type is it?" in shown(app)
        clock.advance(seconds=40)
        await pilot.press("2", "1")  # Beta, SEV1, too slow
        text = shown(app)
        # Type wrong 0, severity more severe 25 of 50, over 30 s: half of 25 -> 12.5 -> 13.
        assert "Score 13 / 100 · 40 s, over the 30 s" in text
        assert "Type: ✗ Beta incident: it was Alpha incident" in text
        assert "Severity: ✗ SEV1 (more severe than expected): it was SEV2" in text
        await pilot.press("escape")
        assert isinstance(app.screen, PracticeScreen)
        assert "Practice history · Every team\n2 results (drills and recognition drills)" in shown(app)

    drive(app, script)
    with Journal.open(journal_path) as journal:
        records = drill_run.history(journal, team="Blue", participant="Cy")
    assert [(r.kind, r.score, r.time_to_classify) for r in records] == [
        (Kind.RECOGNITION, 100, 0.2),
        (Kind.RECOGNITION, 13, None),
    ]


def test_the_history_charts_score_and_time_to_classify_per_type_and_suggests_the_next_drill(clock, journal_path):
    keep(
        journal_path,
        result(20, 40, 9.0),
        result(10, 65, 7.5),
        result(2, 90, 5.0),
        result(1, 100, 0.3, team="Red", kind=Kind.RECOGNITION),
    )
    app = make_app(journal_path, MINI)

    async def script(pilot):
        await pilot.press("f8")
        text = shown(app)
        assert "Practice history · Every team\n4 results" in text
        assert "Alpha incident (alpha)" in text
        # Time bars against the slowest (9 min): 9 -> 10 blocks, 5 -> 5.6 -> 6, 0.3 -> at least 1.
        assert "  11-04 05:00  drill        ████░░░░░░  40  ▓▓▓▓▓▓▓▓▓▓ 9 min" in text
        assert "  11-22 05:00  drill        █████████░  90  ▓▓▓▓▓▓     5 min" in text
        assert "  11-23 05:00  recognition  ██████████ 100  ▓          0.3 min" in text
        assert "Score 40 → 100 (+60) · time to classify 9 → 0.3 min" in text
        # Alpha is the only type with a drill; last practised 1 day ago, recent mean (65+90+100)/3 = 85.
        assert (
            "1. Alpha incident: drill 'The screens go dark' (can reach SEV1 (Critical); last practised 1 day ago"
            in text
        )
        await pilot.press("t", *"Red", "enter", "enter")
        assert "Practice history · Team Red\n1 result " in shown(app) and "11-04" not in shown(app)
        await pilot.press("t", "ctrl+u", "enter", *"Ann", "enter")  # every team, one participant
        assert "Practice history · Participant Ann\n4 results" in shown(app)
        await pilot.press("t", "enter", "ctrl+u", *"Bo", "enter")
        assert "0 results" in shown(app) and "No practice yet" in shown(app)
        await pilot.press("t", "enter", "ctrl+u", "enter")
        await pilot.press("s")
        assert isinstance(app.screen, DrillSetupScreen)
        assert app.screen.query_one("#setup-drills").highlighted_option.id == "alpha/dark"

    drive(app, script)


def test_bars_are_ten_characters_and_never_rely_on_colour():
    assert bar(0) == "░" * 10
    assert bar(64) == "██████░░░░"
    assert bar(65) == "███████░░░"  # half up, as the score itself rounds
    assert bar(100) == "█" * 10


def test_the_palette_finds_a_drill_by_name_and_the_practice_history(clock, journal_path):
    app = make_app(journal_path, MINI)

    async def script(pilot):
        await run_from_palette(pilot, "screens go dark", "Run drill: Alpha incident · The screens go dark")
        assert isinstance(app.screen, DrillSetupScreen)
        assert app.screen.query_one("#setup-drills").highlighted_option.id == "alpha/dark"
        await pilot.press("escape")
        await run_from_palette(pilot, "practice history", "Practice history and the next drill")
        assert isinstance(app.screen, PracticeScreen)

    drive(app, script)


def test_a_classification_only_drill_says_so_beside_its_score_in_the_history(clock, journal_path):
    keep(journal_path, result(1, 40, None), attrs.evolve(result(0, 100, 1), steps_expected=1, steps_observed=0))
    app = make_app(journal_path, MINI)

    async def script(pilot):
        await pilot.press("f8")
        assert isinstance(app.screen, PracticeScreen)
        lines = [line for line in shown(app).splitlines() if " 100  " in line]
        assert lines and lines[0].endswith("(classification only)")

    drive(app, script, size=(120, 40))


def test_the_recognition_drill_names_the_type_by_typing_a_few_letters(clock, journal_path):
    app = make_app(journal_path, MINI)

    async def script(pilot):
        await pilot.press("f8", "g", *"Cy", "enter", "enter")
        assert isinstance(app.screen, RecognitionScreen)
        await pilot.press(*"alpa")  # a typo still finds it
        assert "Alpha incident" in shown(app) and "Beta incident" not in shown(app)
        await pilot.press("enter", "2")
        assert "Type: ✓ Alpha incident" in shown(app) and "Severity: ✓ SEV2" in shown(app)

    drive(app, script)

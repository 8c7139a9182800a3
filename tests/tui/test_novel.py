"""When no playbook fits (issue 19), as a leader meets it: the find screen says the match is weak
and Enter does not start its triage unseen; F5 (and the palette) lead to the generic triage, a
novel incident with its coaching prompts answered and a borrowed step, a status update showing
them, and a draft playbook that validates."""

from __future__ import annotations

import shutil

from playbook import novel
from playbook.cli import main
from playbook.incident import fold
from playbook.journal import Journal
from playbook.paths import BUNDLED_LIBRARY
from playbook.reports import report
from tests.tui.pilot import drive, make_app, run_from_palette, shown, until
from tui.screens.form import FormScreen
from tui.screens.incident import IncidentScreen
from tui.screens.pick import PickScreen
from tui.screens.triage import TriageScreen

KIDNAP = "our CEO was kidnapped on a sailing trip"


def test_a_weak_best_match_is_labelled_and_enter_does_not_start_its_triage_unseen(clock, journal_path):
    app = make_app(journal_path, BUNDLED_LIBRARY, clock=clock)

    async def script(pilot):
        await pilot.press(*KIDNAP)
        await until(pilot, lambda: app.screen.hits, "results")
        text = shown(app)
        assert "No type matches well" in text and 'only "ceo" of what you typed matched' in text
        assert "F5: something else, not in the library" in text
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TriageScreen)  # the first Enter only shows the label
        notes = [n.message for n in app._notifications]
        assert any("Business email compromise and payment fraud is only a weak match" in m for m in notes)
        await pilot.press("enter")  # seen: a second Enter is the leader's choice
        await until(pilot, lambda: isinstance(app.screen, TriageScreen), "the triage, on the second Enter")

    drive(app, script, size=(100, 30))


def test_a_good_match_starts_its_triage_on_the_first_enter(clock, journal_path):
    app = make_app(journal_path, BUNDLED_LIBRARY, clock=clock)

    async def script(pilot):
        await pilot.press(*"files encrypted ransom note")
        await until(pilot, lambda: app.screen.hits, "results")
        assert "No type matches well" not in shown(app)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TriageScreen), "the triage")

    drive(app, script, size=(100, 30))


def test_something_else_is_in_the_palette_and_in_f1(clock, journal_path):
    app = make_app(journal_path, BUNDLED_LIBRARY, clock=clock)

    async def script(pilot):
        await pilot.press("f1")
        await pilot.pause()
        assert "Something else: not in the library" in shown(app)
        await pilot.press("escape")
        await run_from_palette(pilot, "something else", "Something else: not in the library")
        await until(pilot, lambda: isinstance(app.screen, PickScreen), "the first severity question")
        assert "A life is at risk" in shown(app)

    drive(app, script, size=(100, 30))


def test_journey_novel_incident_from_find_to_a_draft_playbook(clock, journal_path, tmp_path, capsys):
    app = make_app(journal_path, BUNDLED_LIBRARY, clock=clock)
    library = None
    borrowed: list[str] = []

    async def script(pilot):
        nonlocal library
        library = app.loaded.library
        await pilot.press(*KIDNAP)
        await until(pilot, lambda: app.screen.hits, "results")
        assert "No type matches well" in shown(app)
        await pilot.press("f5")
        # The library's criteria, asked directly: life at risk not known yet, national news yes.
        answers = {"life-at-risk": "3", "reputation-national": "1"}
        for criterion in library.criteria:
            await until(pilot, lambda: isinstance(app.screen, PickScreen), criterion.name)
            assert criterion.question in shown(app)
            await pilot.press(answers.get(criterion.id, "2"))
        await until(pilot, lambda: isinstance(app.screen, FormScreen), "the declaration form")
        text = shown(app)
        assert "Severity: SEV1 (could be SEV3 once the unknowns are known)" in text
        assert "Playbooks that might help:" in text and "(not when:" in text
        await pilot.press("enter", *"Ann", "enter")
        await until(pilot, lambda: isinstance(app.screen, IncidentScreen), "the board")
        assert "Not in the library (a novel incident)" in shown(app)
        assert "c Change type" in shown(app)  # if it turns out to be a known type after all
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, FormScreen), "the coaching prompts")
        for prompt, _ in novel.PROMPTS:
            await pilot.press(*f"{prompt} answer", "enter")
        await until(pilot, lambda: len(app.screen.state.coaching) == len(novel.PROMPTS), "every prompt recorded")
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, PickScreen), "the steps to borrow")
        assert "Staff abroad in a crisis zone: " in shown(app)  # the nearest playbooks' first steps
        await pilot.press("1")
        await until(pilot, lambda: any(s.borrowed_from for s in app.screen.state.steps), "the borrowed step")
        [step] = [s for s in app.screen.state.steps if s.borrowed_from]
        borrowed.append(step.borrowed_from)
        await until(pilot, lambda: f"borrowed from {step.borrowed_from}" in shown(app), "borrowed, on the board")
        await pilot.press("d")  # the highlighted step, done
        await until(pilot, lambda: any(s.status == "done" for s in app.screen.state.steps), "a step done")
        await until(pilot, lambda: not app.screen.live.waiting, "everything recorded")

    drive(app, script, size=(100, 30))

    with Journal.open(journal_path) as journal:
        [record] = journal.incidents()
        state = fold(journal.entries(record.id))
    assert state.type_id == "novel"
    status = report(state, "status", clock.now())
    assert "## Coaching prompts (no playbook fits)" in status
    assert "- What is the worst credible case in the next 24 hours? worst-case answer" in status
    assert f"Borrowed from {borrowed[0]}: " in status  # what changed since the last update

    folder = tmp_path / "lib"
    shutil.copytree(BUNDLED_LIBRARY, folder)
    argv = ["--library", str(folder), "--journal", str(journal_path)]
    assert main([*argv, "new", "--from-incident", record.id]) == 0
    written = folder / "our-ceo-was-kidnapped-on-a-sailing-trip.yaml"
    assert "status: draft" in written.read_text(encoding="utf-8")
    assert main(["--library", str(folder), "validate", str(written)]) == 0, capsys.readouterr().out

"""Drills that train judgment: a twist voids a step, a deviation matched to an accepted
adaptation is credited, time jumps between modules, and the debrief says why.

Worked on tests/data/judgment (bad-release/one-way): expected SEV1 within 5 minutes; objective
`restore` = rollback (weight 3, SEV1 time box 20) plus the twist's own item (weight 3);
`customers` = tell (weight 1, time box 30). The twist at minute 15 says the rollback failed and
voids `rollback`; the accepted adaptation `forward-fix` (keyword "forward") is at `rollback`.
Module 1 is minutes 0-40; module 2 starts at minute 600 after a time jump.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from playbook import drill_run
from playbook.aar import after_action_report
from playbook.drill import Pace, start
from playbook.incident import IncidentError
from playbook.journal import Journal
from playbook.library import load
from playbook.model import Adaptation
from playbook.scoring import Deviated, Rating, Status, matches
from tests.conftest import DATA

JUDGMENT = DATA / "judgment"
T0 = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def library():
    return load(JUDGMENT).library


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "journal.sqlite3") as opened:
        yield opened


def play(journal, library, adapt: bool):
    """Declare SEV1 at minute 0, release the twist (minute 15), then either recite (tick the
    rollback) or record the forward fix as a deviation at the rollback; tell customers; end."""
    incident = library.type("bad-release")
    run = drill_run.start(journal, library, incident, incident.drill("one-way"), Pace.facilitator(), "Fay", T0)
    journal.append(drill_run.declare(run, library, "SEV1", "Cy", at(30)))
    run = drill_run.advance(journal, drill_run.load(journal, library, run.id, at(60)), at(60))
    board = run.board()
    if adapt:
        journal.append(
            board.deviate("rollback", "Fix forward on the new schema", "the old code cannot read it", "Cy", at(90))
        )
    else:
        journal.append(board.mark("rollback", "done", "Cy", at(90)))
    run = drill_run.load(journal, library, run.id, at(100))
    journal.append(run.board().mark("tell", "done", "Cy", at(100)))
    run = drill_run.load(journal, library, run.id, at(120))
    drill_run.finish(journal, run, library, "Fay", at(120))
    run = drill_run.load(journal, library, run.id, at(130))
    return run, drill_run.result(run, library), drill_run.run_debrief(run, library)


def test_a_team_that_adapts_at_the_twist_scores_clearly_higher_than_one_that_recites(journal, library):
    _, recited, recited_debrief = play(journal, library, adapt=False)
    _, adapted, adapted_debrief = play(journal, library, adapt=True)
    restore_recited = recited.objectives[0]
    restore_adapted = adapted.objectives[0]
    # Recital: rollback ticked after the twist (0 of 3) and no adaptation (0 of 3): 0 %, U.
    assert [(s.step, s.status) for s in restore_recited.steps] == [
        ("rollback", Status.VOIDED),
        ("no-way-back", Status.NOT_ADAPTED),
    ]
    assert (restore_recited.percent, restore_recited.rating) == (0, Rating.U)
    # Adaptation: the forward fix matches the accepted adaptation at the rollback: 100 %, P.
    assert [(s.step, s.status) for s in restore_adapted.steps] == [
        ("rollback", Status.ADAPTED),
        ("no-way-back", Status.ADAPTED),
    ]
    assert (restore_adapted.percent, restore_adapted.rating) == (100, Rating.P)
    # 30 for the classification + 70 x (0 + 0 + 1) / 7 = 40, against 30 + 70 = 100.
    assert (recited.total, adapted.total) == (40, 100)
    # The debrief says why, in words a facilitator can read out.
    assert not any("Roll back the release" in s for s in recited_debrief.strengths)
    assert "Ticked after the twist, so not credited: Roll back the release." in recited_debrief.judgment[0].verdict
    assert "went on with the proven response" in recited_debrief.judgment[0].verdict
    assert adapted_debrief.judgment[0].verdict.startswith("The team adapted as a mentor would: Fix forward")
    assert any(s.startswith("Adapted at the twist (minute 15): Fix forward") for s in adapted_debrief.strengths)
    assert "How long did you keep trying the rollback?" in recited_debrief.questions
    plan = [item.action for item in recited_debrief.improvements]
    assert any("stop and test whether the proven response still fits" in action for action in plan)


def test_the_after_action_report_explains_the_judgment_at_each_twist(journal, library):
    run, _, report = play(journal, library, adapt=True)
    text = after_action_report(report, T0.date())
    assert "## Judgment at the twists" in text
    assert "What the proven response gets wrong here: Rolling back cannot work" in text
    assert "What a mentor accepts instead: Fix forward on the new schema" in text


def test_an_unforeseen_documented_deviation_earns_half(library):
    twist = library.type("bad-release").drill("one-way").injects[1]
    assert matches(twist.twist.adaptations[0], Deviated(16, "Went forward with a fix", "no way back", "rollback"))
    assert not matches(twist.twist.adaptations[0], Deviated(16, "Restored the snapshot", "data loss ok", "rollback"))
    # a deviation at another step never matches an adaptation tied to a step
    assert not matches(
        Adaptation(id="a", did="x", keywords=("forward",), step="rollback"), Deviated(16, "forward", "r", "tell")
    )


def test_a_deviation_is_a_handled_step_that_reads_did_something_else(journal, library):
    run, _, _ = play(journal, library, adapt=True)
    step = run.board().step("rollback")
    assert (step.status, step.is_open, step.overdue(at(10_000))) == ("deviated", False, False)
    assert (step.did, step.reason) == ("Fix forward on the new schema", "the old code cannot read it")
    incident = library.type("bad-release")
    other = drill_run.start(journal, library, incident, incident.drill("one-way"), Pace.facilitator(), "Fay", T0)
    journal.append(drill_run.declare(other, library, "SEV1", "Cy", at(30)))
    board = drill_run.load(journal, library, other.id, at(40)).board()
    with pytest.raises(IncidentError, match="say why"):
        board.deviate(None, "Something", " ", "Cy", at(40))
    with pytest.raises(IncidentError, match="say what the team did"):
        board.deviate("rollback", "", "because", "Cy", at(40))


def test_a_running_clock_holds_at_the_end_of_a_module_until_the_facilitator_jumps(library):
    drill = library.type("bad-release").drill("one-way")
    release = start(drill, Pace.accelerated(60)).at(60 * 60)  # an hour of real time at x60
    assert release.minute == 40  # held at the end of module 1, not at minute 3600
    assert release.held and release.seconds_to_next is None
    assert [i.id for i in release.released] == ["failing", "no-way-back"]
    jumped = release.advance()
    assert jumped.minute == 600 and jumped.module.title == "The next morning"
    assert [i.id for i in jumped.released][-1] == "refunds"


def test_an_inject_outside_its_module_or_a_module_without_a_jump_is_an_error(tmp_path, library):
    from tests.conftest import write_library

    text = (JUDGMENT / "bad-release.yaml").read_text()
    broken = text.replace("at: 600, message: Customers", "at: 700, message: Customers").replace(
        "        jump: It is 08:00 the next morning.\n", ""
    )
    root = write_library(tmp_path / "lib", {"bad-release.yaml": broken}, base=JUDGMENT)
    codes = sorted((p.code, p.message.split(":")[0]) for p in load(root).problems)
    assert ("P330", "module 'The next morning' has no `jump`") in codes
    assert any(code == "P330" and "inject 'refunds' at minute 700" in message for code, message in codes)


def test_the_improvement_plan_is_kept_in_the_journal_exported_from_the_cli_and_closed(
    journal, library, tmp_path, capsys
):
    from playbook import improvement
    from playbook.cli import main

    run, _, _ = play(journal, library, adapt=False)
    items = improvement.open_items(journal)
    assert [(i.n, i.owner, i.due.isoformat()) for i in items] == [
        (1, "Incident commander", "2026-12-24"),
        (2, "whole team", "2026-12-24"),
    ]
    where = ["--library", str(JUDGMENT), "--journal", str(journal.path)]
    assert main(["drill", "report", run.id, *where]) == 0
    report = capsys.readouterr().out
    assert "| # | Objective | Issue | Corrective action | Owner | Due | Status |" in report
    assert "| 2 | Restore service safely | The team went on with the proven response" in report
    assert main(["drill", "plan", run.id, "2", "--status", "done", "--by", "Fay", "--note", "drilled", *where]) == 0
    assert [i.n for i in improvement.open_items(journal)] == [1]
    capsys.readouterr()
    assert main(["drill", "report", run.id, "--output", str(tmp_path / "aar.md"), *where]) == 0
    assert "| whole team | 2026-12-24 | done: drilled |" in (tmp_path / "aar.md").read_text()
    assert main(["drill", "report", "DRL-404", *where]) == 2
    assert main(["drill", "plan", run.id, "9", "--status", "done", "--by", "Fay", *where]) == 2
    assert "has no item 9" in capsys.readouterr().err


def test_the_printed_packets_carry_modules_twists_and_the_evaluators_guide_to_their_audience_only(library):
    from playbook.packet import packet

    incident = library.type("bad-release")
    drill = incident.drill("one-way")
    facilitator = packet(library, incident, drill, "facilitator", printed=T0.date())
    evaluator = packet(library, incident, drill, "evaluator", printed=T0.date())
    players = packet(library, incident, drill, "players", printed=T0.date())
    assert "Module: The next morning" in facilitator and "It is 08:00 the next morning." in facilitator
    assert "It gets wrong: Rolling back cannot work" in facilitator
    assert "Good looks like:</span> Service back without losing data." in evaluator
    assert "Observe: When the team stopped rolling back" in evaluator
    assert "<li>Fix forward on the new schema</li>" in evaluator
    assert not any(secret in players for secret in ("Rolling back cannot work", "Fix forward", "next morning"))

"""A drill kept in the journal: clock, injects, the team's entries, scoring, history.

Worked examples use the mini library's drill `alpha/dark`: injects at minutes 0 (scope: one),
5 (harm: yes -> SEV2), 10 and 15 (twist, facilitator note "Who steps up?"); expected SEV2, one
objective `lead` = convene (weight 2), which SEV2 gives 20 minutes. No classify_within.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from playbook import drill_run
from playbook.cli import main
from playbook.drill import Pace
from playbook.incident import IncidentError
from playbook.journal import Journal, draft
from playbook.library import load
from playbook.practice import Kind, PracticeRecord
from playbook.scoring import Classification, Verdict
from tests.conftest import MINI

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def library():
    return load(MINI).library


@pytest.fixture
def journal(tmp_path):
    with Journal.open(tmp_path / "journal.sqlite3") as opened:
        yield opened


def started(journal, library, pace="x4", team="Blue", participants="Ann, Bo"):
    alpha = library.type("alpha")
    return drill_run.start(
        journal, library, alpha, alpha.drill("dark"), Pace.parse(pace), "Fay", T0, team=team, participants=participants
    )


def act(journal, library, run, moment, make):
    """Append the entry `make(board)` drafts at `moment`; return the drill re-read then."""
    journal.append(make(run.board()))
    return drill_run.load(journal, library, run.id, moment)


def test_a_drill_is_a_drill_incident_that_live_lists_never_show(journal, library, capsys):
    run = started(journal, library)
    assert run.id.startswith("DRL-20261124-")
    assert journal.kind_of(run.id) == "drill"
    assert journal.incidents("live") == []
    assert [d.id for d in drill_run.drills(journal)] == [run.id]
    assert drill_run.drills(journal)[0].team == "Blue"
    assert main(["--journal", str(journal.path), "incidents", "--all", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--journal", str(journal.path), "incidents", "--all"]) == 0
    assert run.id not in capsys.readouterr().out


def test_an_accelerated_clock_releases_injects_and_the_journal_records_each_once(journal, library):
    run = started(journal, library, pace="x4")
    assert run.recorded_injects == ("start",)  # minute 0 is out at once
    run = drill_run.sync(journal, run, at(74))  # x4: minute 4.93
    assert run.recorded_injects == ("start",)
    assert [i.id for i in drill_run.unrecorded(run, at(75))] == ["hurt"]  # minute 5: out, not yet recorded
    run = drill_run.sync(journal, run, at(75))
    assert drill_run.unrecorded(run, at(75)) == ()
    run = drill_run.sync(journal, run, at(80))
    assert run.recorded_injects == ("start", "hurt")
    assert [e.kind for e in journal.entries(run.id)].count("inject") == 2


def test_a_second_terminal_sees_the_facilitators_advance_and_no_facilitator_notes(journal, library):
    run = started(journal, library, pace="facilitator")
    for _ in range(3):
        run = drill_run.advance(journal, run, at(30))
    assert run.minute == 15  # the twist is out
    player = drill_run.load(journal, library, run.id, at(45))  # another terminal, later: the clock stands still
    view = player.player_view()
    assert view.minute == 15
    assert [i.id for i in view.injects] == ["start", "hurt", "press", "twist"]
    assert "Who steps up?" not in repr(view)
    with pytest.raises(drill_run.DrillRunError, match="every inject is already out"):
        drill_run.advance(journal, run, at(50))


def test_a_run_from_journal_entries_scores_in_drill_minutes(journal, library):
    run = started(journal, library, pace="x4")
    # Declared SEV2 90 s in = drill minute 6; convene done 180 s in = minute 12, due by 6 + 20 = 26.
    journal.append(drill_run.declare(run, library, "SEV2", "Ann", at(90)))
    run = drill_run.load(journal, library, run.id, at(90))
    run = act(journal, library, run, at(180), lambda b: b.mark("convene", "done", "Bo", at(180)))
    run = act(journal, library, run, at(200), lambda b: b.write("note", "Press line ready", "Ann", at(200)))
    inputs = drill_run.inputs(run)
    assert inputs.classification.severity == "SEV2" and inputs.classification.minute == 6
    assert inputs.outcomes["convene"].at == 12
    assert [(e.minute, e.text) for e in inputs.team_log] == [(200 * 4 / 60, "Note: Press line ready")]
    record = drill_run.finish(journal, run, library, "Fay", at(240))
    assert (record.score, record.time_to_classify) == (100, 6)  # 30 + 70
    assert (record.team, record.participants, record.drill) == ("Blue", ("Ann", "Bo"), "dark")
    assert drill_run.history(journal) == (record,)
    kinds = [e.kind for e in journal.entries(run.id)]
    assert kinds[-2:] == ["closed", "practice"]  # the team's incident is closed like a live one


def test_a_late_step_and_a_late_escalation_are_what_the_debrief_reports(journal, library):
    run = started(journal, library, pace="real-time")
    # Real time: SEV3 at minute 2, escalated to SEV2 at minute 8 (the classification that
    # counts); convene due by 8 + 20 = 28, done at minute 31: late, half of 70 = 35; plus 30.
    journal.append(drill_run.declare(run, library, "SEV3", "Ann", at(120)))
    run = drill_run.load(journal, library, run.id, at(120))
    run = act(journal, library, run, at(480), lambda b: b.retriage(library, run.incident, "SEV2", "Ann", at(480)))
    run = act(journal, library, run, at(31 * 60), lambda b: b.mark("convene", "done", "Bo", at(31 * 60)))
    judged = drill_run.result(run, library)
    assert judged.classification.minute == 8
    assert judged.total == 65
    assert judged.objectives[0].rating.name == "S"
    report = drill_run.run_debrief(run, library)
    assert any("3 minutes after its time box closed" in item.issue for item in report.improvements)


def test_declaring_another_incident_type_is_scored_as_the_wrong_type(journal, library):
    run = started(journal, library, pace="x4")
    journal.append(drill_run.declare(run, library, "SEV2", "Ann", at(60), incident=library.type("beta")))
    run = drill_run.load(journal, library, run.id, at(60))
    assert drill_run.inputs(run).classification == Classification("SEV2", 4, other_type="Beta incident")
    judged = drill_run.result(run, library).classification
    assert (judged.verdict, judged.credit) == (Verdict.WRONG_TYPE, 0)  # the right severity of the wrong type
    assert drill_run.result(run, library).total == 0
    with pytest.raises(IncidentError, match="already declared"):
        drill_run.declare(run, library, "SEV1", "Ann", at(61))


def test_finishing_twice_keeps_one_result_and_the_clock_stops_at_the_end(journal, library):
    run = started(journal, library, pace="x4")
    first = drill_run.finish(journal, run, library, "Fay", at(60))  # minute 4: nobody declared
    again = drill_run.finish(journal, drill_run.load(journal, library, run.id, at(600)), library, "Fay", at(600))
    assert first == again and first.score == 0 and first.time_to_classify is None
    assert [e.kind for e in journal.entries(run.id)].count("practice") == 1
    later = drill_run.load(journal, library, run.id, at(6000))
    assert later.minute == 4 and later.ended
    assert drill_run.drills(journal)[0].ended


def test_recognition_results_share_the_history_and_history_filters_by_team(journal, library):
    drill_result = drill_run.finish(journal, started(journal, library, team="Blue"), library, "Fay", at(60))
    solo = PracticeRecord(
        when=at(120),
        kind=Kind.RECOGNITION,
        incident="alpha",
        score=75,
        time_to_classify=0.2,
        team="Red",
        participants=("Cy",),
        drill="dark",
    )
    drill_run.record_recognition(journal, solo, "Cy", at(120))
    assert drill_run.history(journal) == (drill_result, solo)
    assert drill_run.history(journal, team="Red") == (solo,)
    assert drill_run.history(journal, participant="Ann") == (drill_result,)
    assert len(drill_run.drills(journal)) == 1  # a recognition result is no drill to join


def test_practice_entries_of_live_incidents_or_newer_formats_are_left_out(journal, library):
    live = journal.declare(draft(None, "declared", "Ann", T0, {"title": "x"}), "live")
    journal.append(draft(live.incident, "practice", "Ann", T0, {"not": "a record"}))
    journal.declare(draft(None, "practice", "Ann", T0, {"when": T0.isoformat(), "kind": "telepathy"}), "drill")
    assert drill_run.history(journal) == ()
    assert [e.incident for e in journal.entries_of_kind("practice")] != []
    assert journal.entries_of_kind("practice", "live")[0].incident == live.incident


def test_loading_names_what_is_wrong(journal, library):
    live = journal.declare(draft(None, "declared", "Ann", T0, {"title": "x"}), "live")
    with pytest.raises(drill_run.DrillRunError, match="no drill 'DRL-19990101-001'"):
        drill_run.load(journal, library, "DRL-19990101-001", T0)
    with pytest.raises(drill_run.DrillRunError, match="is a live incident, not a drill"):
        drill_run.load(journal, library, live.incident, T0)
    run = started(journal, library)
    smaller = _without_alpha(library)
    with pytest.raises(drill_run.DrillRunError, match="incident type 'alpha', which this library does not have"):
        drill_run.load(journal, smaller, run.id, T0)


def _without_alpha(library):
    import attrs

    return attrs.evolve(library, types=tuple(t for t in library.types if t.id != "alpha"))


def test_participants_are_read_as_typed_each_once():
    assert drill_run.participants_of("Ann, Bo ,, Cy, Ann") == ("Ann", "Bo", "Cy")
    assert drill_run.participants_of(["  ", "Dee"]) == ("Dee",)


# --- playbook practice ---------------------------------------------------------------------


def test_practice_prints_each_types_history_and_the_next_drill(journal, library, capsys):
    run = started(journal, library, team="Blue")
    journal.append(drill_run.declare(run, library, "SEV2", "Ann", at(90)))
    drill_run.finish(journal, drill_run.load(journal, library, run.id, at(420)), library, "Fay", at(420))
    drill_run.finish(journal, started(journal, library, team="Red"), library, "Fay", at(430))
    args = ["--library", str(MINI), "--journal", str(journal.path), "practice"]
    assert main([*args, "--team", "Blue"]) == 0
    out = capsys.readouterr().out
    # Declared SEV2 at minute 6 (x4, 90 s); convene, due by minute 26, not done when the drill
    # ends at minute 28: 30 + 0.
    assert "Practice history (team Blue): 1 result" in out
    assert "2026-11-24 09:07  drill        score  30  classified in 6 min" in out
    assert "1. Alpha incident: drill 'dark' (can reach SEV1 (Critical); last practised" in out
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["score"] for r in data["records"]] == [30, 0]
    assert data["suggestions"][0]["incident"] == "alpha"


def test_practice_without_a_journal_suggests_every_type_with_a_drill(tmp_path, capsys):
    assert main(["--library", str(MINI), "--journal", str(tmp_path / "none.sqlite3"), "practice"]) == 0
    out = capsys.readouterr().out
    assert "0 results" in out and "1. Alpha incident: drill 'dark' (can reach SEV1 (Critical); never practised)" in out
    assert not (tmp_path / "none.sqlite3").exists()  # reading never creates a journal


# --- playbook drill ------------------------------------------------------------------------


def test_drill_list_shows_running_drills_first_and_never_live_incidents(journal, library, capsys):
    ended = started(journal, library, team="Red")
    drill_run.finish(journal, ended, library, "Fay", at(60))
    running = started(journal, library, team="Blue")
    journal.declare(draft(None, "declared", "Ann", T0, {"title": "A real one"}), "live")
    assert main(["--journal", str(journal.path), "drill", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{running.id}  running  2026-11-24 09:00  The screens go dark  team Blue",
        f"{ended.id}  ended    2026-11-24 09:00  The screens go dark  team Red",
    ]
    assert main(["--journal", str(journal.path), "drill", "list", "--format", "json"]) == 0
    assert [d["ended"] for d in json.loads(capsys.readouterr().out)] == [False, True]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["drill", "join", "DRL-19990101-009"], "no drill 'DRL-19990101-009' in"),
        (["drill", "start", "alpha", "nope", "--facilitator", "Fay"], "no drill 'nope' in alpha (its drills: dark)"),
        (["drill", "start", "alpha", "dark", "--facilitator", "Fay", "--pace", "x0"], "unknown pace 'x0'"),
        (["drill", "start", "alpah", "dark", "--facilitator", "Fay"], "no incident type 'alpah' (did you mean alpha?)"),
    ],
)
def test_drill_start_and_join_refuse_bad_input_with_one_line(journal, argv, message, capsys):
    assert main(["--library", str(MINI), "--journal", str(journal.path), *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("playbook: ") and message in err and "Traceback" not in err
    assert drill_run.drills(journal) == ()  # nothing was started


def test_joining_without_a_journal_creates_none(tmp_path, capsys):
    missing = tmp_path / "none.sqlite3"
    assert main(["--library", str(MINI), "--journal", str(missing), "drill", "join", "DRL-1"]) == 2
    assert "no journal here" in capsys.readouterr().err and not missing.exists()


def test_live_reports_never_read_a_drill(journal, library, capsys):
    run = started(journal, library)
    journal.append(drill_run.declare(run, library, "SEV2", "Ann", at(60)))
    assert main(["--journal", str(journal.path), "report", run.id]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"playbook: incident '{run.id}'") and "Traceback" not in err


def test_ending_a_drill_early_leaves_a_step_with_an_open_time_box_not_reached(journal, library):
    from datetime import date

    from playbook.aar import after_action_report

    run = started(journal, library, pace="x4")
    # Declared SEV2 at minute 5 (75 s at x4): convene is due by minute 25. Ended at minute 20.
    journal.append(drill_run.declare(run, library, "SEV2", "Ann", at(75)))
    record = drill_run.finish(journal, drill_run.load(journal, library, run.id, at(300)), library, "Fay", at(300))
    assert record.score == 100  # the classification was all the drill could observe
    ended = drill_run.load(journal, library, run.id, at(900))
    report = drill_run.run_debrief(ended, library)
    assert [s.status.value for s in report.score.steps] == ["not reached"]
    assert report.improvements == ()
    text = after_action_report(report, date(2026, 11, 24))
    assert "| Score | 100 / 100 (classification only: the drill ended before any expected step came due) |" in text
    assert (
        "Convene the team (convene): The drill ended at minute 20, before its time box closed (minute 25): not scored."
        in text
    )
    assert "Not done (its time box closed" not in text
    assert "No corrective action: every step the drill reached was done in its time box." in text
    assert "Every objective was performed without challenges" not in text  # it was not observed


def test_the_join_command_names_the_journal_only_when_it_is_not_the_default(tmp_path):
    default = tmp_path / "state" / "journal.sqlite3"
    assert drill_run.join_command("DRL-7", default, default=default) == "playbook drill join DRL-7"
    other = tmp_path / "team room" / "j.sqlite3"
    assert drill_run.join_command("DRL-7", other, default=default) == f"playbook drill join DRL-7 --journal '{other}'"

"""Entries are numbered within their incident or drill (#1 its declaration, #2, ...) wherever a
person reads them: boards, reports, corrections, the debrief's log, the CLI's one-line answers.
The journal's seq stays each entry's key (the hash chain, what a correction points at), and
`journal verify`, which talks about the journal's rows, keeps it and says so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from playbook import drill_run
from playbook.cli import main
from playbook.clock import FakeClock
from playbook.drill import Pace
from playbook.incident import declaration, fold
from playbook.journal import Journal
from playbook.library import load
from playbook.reports import report
from tests.conftest import MINI

T0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def second_incident(path) -> str:
    """Two live incidents in one journal, their entries interleaved: the second's are rows 3, 5 and 6."""
    library = load(MINI).library
    alpha = library.type("alpha")
    with Journal.open(path, clock=FakeClock(T0)) as journal:
        first = journal.declare(declaration(library, alpha, "SEV2", "Earlier", "Ann", at(0)))
        journal.append(fold([first]).write("note", "First incident's note", "Ann", at(1)))
        second = journal.declare(declaration(library, alpha, "SEV1", "Later", "Bo", at(2)))
        journal.append(fold(journal.entries(first.incident)).write("note", "Still the first", "Ann", at(3)))
        note = journal.append(fold(journal.entries(second.incident)).write("note", "Floor 3", "Bo", at(4)))
        journal.append(fold(journal.entries(second.incident)).correct(note.seq, "It was floor 4", "Bo", at(5)))
    return second.incident


def test_an_incidents_entries_are_numbered_from_its_declaration_whatever_else_the_journal_holds(tmp_path):
    path = tmp_path / "journal.sqlite3"
    incident = second_incident(path)
    with Journal.open(path) as journal:
        state = fold(journal.entries(incident))
    assert [e.seq for e in state.entries] == [3, 5, 6]  # the journal's keys
    assert [state.number(e.seq) for e in state.entries] == ["#1", "#2", "#3"]
    correction = state.entries[-1]
    assert correction.data["corrects"] == 5  # a correction still points at the seq

    text = report(state, "timeline", at(10))
    assert "| 2 | 2026-11-24 05:04 UTC | Bo | Note: Floor 3 (corrected by #3: It was floor 4) |" in text
    assert "| 3 | 2026-11-24 05:05 UTC | Bo | Correction of #2: It was floor 4 |" in text
    assert "Journal chain head: journal row #6 sha256:" in text  # the head is the journal's row


def test_the_cli_says_an_entrys_number_in_its_incident_and_verify_says_its_numbers_are_rows(tmp_path, capsys):
    path = tmp_path / "journal.sqlite3"
    incident = second_incident(path)
    assert main(["--journal", str(path), "log", incident, "--note", "Power back", "--by", "Bo"]) == 0
    assert capsys.readouterr().out.strip() == f"{incident} #4: note recorded"
    assert main(["--journal", str(path), "follow", incident, "--once"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["#1", "#2", "#3", "#4"]
    assert main(["--journal", str(path), "journal", "verify"]) == 0
    out = capsys.readouterr().out
    assert "#N here is a row of the whole journal" in out and f"{incident} chain head #7 sha256:" in out


def test_a_drills_team_entries_are_numbered_from_the_teams_declaration_in_its_debrief(tmp_path):
    library = load(MINI).library
    alpha = library.type("alpha")
    with Journal.open(tmp_path / "journal.sqlite3", clock=FakeClock(T0)) as journal:
        run = drill_run.start(journal, library, alpha, alpha.drill("dark"), Pace.facilitator(), "Fay", T0)
        run = drill_run.advance(journal, run, at(1))  # the drill's own entries: rows 1 to 4
        journal.append(drill_run.declare(run, library, "SEV2", "Ann", at(1)))
        board = drill_run.load(journal, library, run.id, at(2)).board()
        note = journal.append(board.write("note", "Press line agreed", "Bo", at(2)))
        board = drill_run.load(journal, library, run.id, at(3)).board()
        journal.append(board.correct(note.seq, "Holding line, not agreed", "Bo", at(3)))
        run = drill_run.load(journal, library, run.id, at(4))
    board = run.board()
    assert note.seq == 6 and [board.number(e.seq) for e in board.entries] == ["#1", "#2", "#3"]
    log = [entry.text for entry in drill_run.inputs(run).team_log]
    assert "Correction of entry #2: Holding line, not agreed" in log

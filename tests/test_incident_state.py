"""A live incident's state: steps, time boxes, cadence, re-triage, notes, corrections, roles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from playbook.incident import IncidentError, declaration, fold, recorded_walk
from playbook.journal import Journal
from playbook.library import load
from tests.conftest import MINI

T0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture(scope="module")
def library():
    return load(MINI).library


class Board:
    """A journal with one incident: record drafts and read the state back, as the app does."""

    def __init__(self, journal: Journal, incident_id: str) -> None:
        self.journal, self.id = journal, incident_id

    @property
    def state(self):
        return fold(self.journal.entries(self.id))

    def record(self, entry):
        return self.journal.append(entry)


@pytest.fixture
def board(tmp_path, library):
    def declare(severity="SEV2", answers=()):
        journal = Journal.open(tmp_path / "j.sqlite3")
        alpha = library.type("alpha")
        declared = journal.declare(declaration(library, alpha, severity, "Screens dark in ops", "Ann", T0, answers))
        return Board(journal, declared.incident)

    return declare


def test_a_declaration_records_title_commander_triage_answers_and_severity(board, library):
    scope = library.type("alpha").triage.question("scope")
    harm = library.type("alpha").triage.question("harm")
    state = board("SEV2", [(scope, scope.answer("one")), (harm, harm.answer("yes"))]).state
    assert (state.title, state.commander, state.severity.id) == ("Screens dark in ops", "Ann", "SEV2")
    assert state.answers == (("How wide is it?", "One team"), ("Is anyone harmed?", "Yes"))
    assert [s.id for s in state.steps] == ["convene"] and state.step("convene").due == at(20)
    assert state.holder("commander").person == "Ann"


def test_steps_are_done_skipped_with_a_reason_or_reopened_by_whom_and_when(board):
    b = board("SEV1")
    b.record(b.state.mark("convene", "done", "Ann", at(5)))
    with pytest.raises(IncidentError, match="already done"):
        b.state.mark("convene", "done", "Bob", at(6))
    with pytest.raises(IncidentError, match="say why"):
        b.state.mark("tell", "skipped", "Bob", at(6))
    b.record(b.state.mark("tell", "skipped", "Bob", at(7), reason="Press already informed"))
    b.record(b.state.mark("convene", "reopened", "Bob", at(8)))
    convene, tell = b.state.step("convene"), b.state.step("tell")
    assert (convene.status, convene.by, convene.at) == ("open", "", None)
    assert [e.data["status"] for e in convene.history] == ["done", "reopened"]
    assert (tell.status, tell.by, tell.at, tell.reason) == ("skipped", "Bob", at(7), "Press already informed")


def test_time_boxes_count_down_from_declaration_and_open_steps_become_overdue(board):
    b = board("SEV1")  # convene within 10, tell within 30
    state = b.state
    assert state.step("convene").remaining(at(4)) == timedelta(minutes=6)
    assert state.overdue_steps(at(10)) == ()
    assert [s.id for s in state.overdue_steps(at(11))] == ["convene"]
    b.record(state.mark("convene", "done", "Ann", at(12)))
    state = b.state
    assert [s.id for s in state.overdue_steps(at(31))] == ["tell"]
    assert state.step("convene").late  # done, but after its box closed


def test_the_next_status_update_is_due_on_the_severity_cadence(board):
    b = board("SEV1")  # update every 30 minutes
    assert b.state.next_update_due == at(30)
    assert not b.state.update_overdue(at(30)) and b.state.update_overdue(at(31))
    b.record(b.state.status_sent("Ann", at(28), "# Status update"))
    assert b.state.next_update_due == at(58)


def test_retriage_records_the_change_and_adds_new_steps_without_losing_what_was_done(board, library):
    b = board("SEV2")
    b.record(b.state.mark("convene", "done", "Ann", at(15)))
    b.record(b.state.retriage(library, library.type("alpha"), "SEV1", "Ann", at(40), reason="It spread"))
    state = b.state
    assert state.severity.id == "SEV1" and state.severity.update_every == 30
    assert [(s.id, s.status) for s in state.steps] == [("convene", "done"), ("tell", "open")]
    assert state.step("convene").due == at(20)  # kept its own time box
    assert state.step("tell").due == at(70)  # a new step's box starts when it became required
    assert [e.data["previous"] for e in state.severity_changes] == ["SEV2"]
    with pytest.raises(IncidentError, match="already SEV1"):
        state.retriage(library, library.type("alpha"), "SEV1", "Ann", at(41))


def test_a_triage_that_keeps_the_severity_records_its_answers_without_a_severity_change(board, library):
    b = board("SEV2", [("How wide is it?", "One team"), ("Is anyone harmed?", "Yes")])
    b.record(
        b.state.triage_again(
            [("How wide is it?", "Not known yet"), ("Is anyone harmed?", "Yes")],
            "Ann",
            at(30),
            reason="Other teams report it too",
        )
    )
    state = b.state
    assert state.severity.id == "SEV2" and state.severity_changes == ()
    assert state.answers == (("How wide is it?", "Not known yet"), ("Is anyone harmed?", "Yes"))
    assert [s.id for s in state.steps] == ["convene"]
    with pytest.raises(IncidentError, match="same answers and severity"):
        state.triage_again(state.answers, "Ann", at(31))


def test_a_retriage_starts_from_the_recorded_answers_as_far_as_the_playbook_still_has_them(board, library):
    alpha = library.type("alpha")
    walk = recorded_walk(
        board("SEV2", [("How wide is it?", "One team"), ("Is anyone harmed?", "Yes")]).state, alpha, library
    )
    assert walk.done and walk.severity == "SEV2"
    assert [(q.id, a.id) for q, a in walk.answered] == [("scope", "one"), ("harm", "yes")]
    # An answer the playbook no longer has: the walk stops at that question.
    walk = recorded_walk(
        board("SEV2", [("How wide is it?", "One team"), ("Is anyone harmed?", "Maybe")]).state, alpha, library
    )
    assert walk.question.id == "harm" and [a.id for _, a in walk.answered] == ["one"]
    assert recorded_walk(board("SEV1").state, alpha, library).question.id == "scope"  # declared without a triage


def test_a_note_can_record_an_earlier_time_but_never_a_later_one(board):
    b = board()
    b.record(b.state.write("note", "Fire brigade arrived", "Ann", at(20)))
    b.record(b.state.write("decision", "Evacuate floor 3", "Ann", at(30), happened_at=at(18)))
    log = b.state.log
    assert [e.data["text"] for e in log] == ["Evacuate floor 3", "Fire brigade arrived"]  # in the order they happened
    assert (log[0].happened_at, log[0].logged_at) == (at(18), at(30))
    with pytest.raises(IncidentError, match="later than now"):
        b.state.write("note", "from the future", "Ann", at(30), happened_at=at(31))


def test_a_correction_is_a_new_entry_pointing_at_the_old_one(board):
    b = board()
    wrong = b.record(b.state.write("decision", "Evacuate floor 3", "Ann", at(10)))
    fix = b.record(b.state.correct(wrong.seq, "It was floor 4", "Ann", at(12)))
    state = b.state
    assert state.entry(wrong.seq).data["text"] == "Evacuate floor 3"  # the original stays as it was
    assert state.corrected_by == {wrong.seq: (fix.seq,)}
    with pytest.raises(IncidentError, match="no entry #999"):
        state.correct(999, "x", "Ann", at(13))


def test_roles_are_assigned_to_named_people_and_handed_over(board):
    b = board()
    b.record(b.state.assign("comms", "Communications lead", "Bob", "Ann", at(1)))
    b.record(b.state.assign("comms", "Communications lead", "Cleo", "Ann", at(60)))
    b.record(b.state.assign("commander", "Incident commander", "Dev", "Ann", at(120)))
    state = b.state
    comms = state.holder("comms")
    assert (comms.person, comms.previous, comms.since) == ("Cleo", "Bob", at(60))
    assert state.commander == "Dev" and state.holder("commander").previous == "Ann"
    with pytest.raises(IncidentError, match="already holds"):
        state.assign("comms", "Communications lead", "Cleo", "Ann", at(61))


def test_a_closed_incident_takes_no_more_actions_but_can_still_be_documented(board):
    b = board()
    b.record(b.state.close("Ann", at(90), "Contained"))
    state = b.state
    assert not state.is_open and state.closed.happened_at == at(90)
    assert not state.update_overdue(at(500)) and state.ended_at(at(500)) == at(90)
    with pytest.raises(IncidentError, match="closed"):
        state.mark("convene", "done", "Ann", at(91))
    b.record(state.write("note", "Late entry: the alarm log shows 04:55", "Ann", at(95), happened_at=at(-5)))
    assert b.state.log[0].happened_at == at(-5)


def test_when_two_terminals_tick_the_same_step_the_first_recorded_wins(board):
    b = board()
    stale = b.state  # both terminals see the step open
    b.record(stale.mark("convene", "done", "Ann", at(5)))
    b.record(stale.mark("convene", "done", "Bob", at(6)))
    convene = b.state.step("convene")
    assert (convene.by, convene.at, len(convene.history)) == ("Ann", at(5), 2)


def test_when_it_happened_is_typed_as_minutes_ago_or_a_time_of_day():
    from playbook.incident import parse_when

    moment = datetime(2026, 11, 24, 0, 5, tzinfo=UTC)
    assert parse_when("", moment) is None  # now
    assert parse_when("-10", moment) == parse_when("10", moment) == datetime(2026, 11, 23, 23, 55, tzinfo=UTC)
    assert parse_when("00:01", moment) == datetime(2026, 11, 24, 0, 1, tzinfo=UTC)
    assert parse_when("23:50", moment) == datetime(2026, 11, 23, 23, 50, tzinfo=UTC)  # later today means yesterday
    with pytest.raises(ValueError, match="not a time"):
        parse_when("lunchtime", moment)
    with pytest.raises(ValueError, match="not a time"):
        parse_when("25:00", moment)
    ten_ago = datetime(2026, 11, 23, 23, 55, tzinfo=UTC)
    for typed in ("10 min ago", "10m ago", "-10m", "10 minutes ago", "- 10 min", "10M"):
        assert parse_when(typed, moment) == ten_ago, typed
    assert parse_when("2h ago", moment) == datetime(2026, 11, 23, 22, 5, tzinfo=UTC)
    with pytest.raises(ValueError, match="'10 min later' is not a time"):
        parse_when("10 min later", moment)


def test_open_steps_come_most_urgent_first_then_the_done_ones(board, library):
    b = board("SEV2")
    b.record(b.state.mark("convene", "done", "Ann", at(1)))
    b.record(b.state.retriage(library, library.type("alpha"), "SEV1", "Ann", at(30)))
    b.record(b.state.mark("convene", "reopened", "Ann", at(31)))
    # convene (SEV2, due 05:20) is overdue and first; tell, added at 05:30, is due 06:00.
    assert [s.id for s in b.state.steps_by_due] == ["convene", "tell"]
    b.record(b.state.mark("convene", "done", "Ann", at(32)))
    assert [(s.id, s.status) for s in b.state.steps_by_due] == [("tell", "open"), ("convene", "done")]


def test_the_library_commander_role_is_the_declared_commander(board):
    b = board()
    assert b.state.holder("incident-commander").person == "Ann"  # a bundled library's spelling
    b.record(b.state.assign("incident-commander", "Incident commander", "Alex Kim", "Ann", at(5)))
    state = b.state
    assert state.commander == "Alex Kim" and state.holder("commander").previous == "Ann"
    assert [r.role for r in state.roles] == ["commander"]

"""The live-incident core (issue 13): a change of severity applies the new level's clocks and
says what it did; deviations, re-classification and the situation line; the service the board
and the CLI share (following, outbox, reminders, roles, report names)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from playbook.incident import IncidentError, declaration, fold, recorded_walk
from playbook.journal import Journal
from playbook.library import load
from playbook.live import LiveIncident, level_change
from playbook.reports import report
from tests.conftest import MINI

T0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture(scope="module")
def library():
    return load(MINI).library


@pytest.fixture
def live(tmp_path, library):
    def declare(severity: str = "SEV2", type_id: str = "alpha", answers=()) -> LiveIncident:
        journal = Journal.open(tmp_path / "j.sqlite3")
        kind = library.type(type_id)
        recorded = journal.declare(declaration(library, kind, severity, "Screens dark", "Ann", T0, answers))
        return LiveIncident(journal, recorded.incident, library, "Ann")

    return declare


def write(live: LiveIncident, make) -> None:
    live.make(make)
    recorded, error = live.flush()
    assert error is None and recorded
    live.flushed(None)


def test_escalating_applies_the_new_levels_time_boxes_from_the_change_and_says_what_tightened(live, library):
    board = live("SEV2")  # convene: 20 minutes, due 05:20
    before = board.state
    write(board, lambda s: s.retriage(library, library.type("alpha"), "SEV1", "Ann", at(5), reason="Spread"))
    after = board.state
    # SEV1 wants convene within 10 minutes: from the change (05:15), earlier than 05:20.
    assert after.step("convene").due == at(15) and after.step("convene").within == 10
    assert after.step("tell").due == at(35)  # new: its box counts from the change
    assert level_change(before, after) == [
        "Tightened to 05:15 (was 05:20): Convene the team",
        "New, due 05:35: Tell everyone",
    ]


def test_escalating_never_moves_an_open_deadline_later(live, library):
    board = live("SEV2")  # convene due 05:20
    write(board, lambda s: s.retriage(library, library.type("alpha"), "SEV1", "Ann", at(15)))
    assert board.state.step("convene").due == at(20)  # 05:15 + 10 would be 05:25: its own clock was earlier


def test_a_step_skipped_before_an_escalation_comes_back_when_the_new_level_asks_it_differently(live, library):
    board = live("SEV2")
    write(board, lambda s: s.mark("convene", "skipped", "Ann", at(2), reason="Everyone is here"))
    before = board.state
    write(board, lambda s: s.retriage(library, library.type("alpha"), "SEV1", "Ann", at(5)))
    convene = board.state.step("convene")
    assert convene.is_open and convene.due == at(15) and convene.history  # the skip stays in its history
    assert "Back, due 05:15 (skipped under SEV2): Convene the team" in level_change(before, board.state)


def test_de_escalating_drops_no_step_and_names_those_the_new_level_lacks(live, library):
    board = live("SEV1")  # convene due 05:10, tell due 05:30
    write(board, lambda s: s.mark("tell", "done", "Ann", at(3)))
    before = board.state
    write(board, lambda s: s.retriage(library, library.type("alpha"), "SEV3", "Ann", at(5), reason="Contained"))
    after = board.state
    assert [(s.id, s.status) for s in after.steps] == [("convene", "open"), ("tell", "done"), ("note", "open")]
    assert after.step("convene").due == at(10)  # SEV3 has no convene: it stays as it was, named
    assert level_change(before, after) == [
        "New, due 06:05: Write it down",
        "Still open from SEV1 (Alpha incident): Convene the team",
    ]


def test_de_escalating_relaxes_an_open_steps_deadline_to_the_new_levels_box(live, library):
    board = live("SEV1")  # convene due 05:10
    before = board.state
    write(board, lambda s: s.retriage(library, library.type("alpha"), "SEV2", "Ann", at(5)))
    assert board.state.step("convene").due == at(25)
    assert "Relaxed to 05:25 (was 05:10): Convene the team" in level_change(before, board.state)


def test_a_deviation_handles_the_step_and_reads_did_something_else_because(live, library):
    board = live("SEV2")
    write(board, lambda s: s.deviate("convene", "Called each lead by phone", "The bridge was down", "Bo", at(4)))
    write(board, lambda s: s.deviate(None, "Ran the site plan instead", "Only one site", "Bo", at(6)))
    state = board.state
    convene = state.step("convene")
    assert convene.status == "deviated" and not convene.is_open and not convene.overdue(at(60))
    assert convene.outcome == "did something else: Called each lead by phone because The bridge was down"
    assert [e.data for e in state.deviations] == [
        {"step": "convene", "did": "Called each lead by phone", "reason": "The bridge was down"},
        {"step": None, "did": "Ran the site plan instead", "reason": "Only one site"},
    ]
    with pytest.raises(IncidentError, match="say why"):
        state.deviate(None, "Something", " ", "Bo", at(7))
    text = report(state, "status", at(10))
    assert "- Convene the team: did something else: Called each lead by phone because The bridge was down" in text
    assert "The response as a whole: Did something else: Ran the site plan instead because Only one site" in text


def test_reclassifying_keeps_the_record_starts_the_new_triage_from_what_is_known_and_says_why(live, library):
    board = live("SEV2")
    write(board, lambda s: s.mark("convene", "done", "Ann", at(3)))
    beta = library.type("beta")
    assert recorded_walk(board.state, beta, library).question.id == "injured"  # nothing asked the same way
    with pytest.raises(IncidentError, match="say why"):
        board.state.reclassify(library, beta, "SEV1", "Ann", at(5))
    write(board, lambda s: s.reclassify(library, beta, "SEV1", "Ann", at(5), [("Is anyone injured?", "Yes")], "Fall"))
    state = board.state
    assert (state.type_id, state.type_title, state.severity.id) == ("beta", "Beta incident", "SEV1")
    assert [(s.id, s.status) for s in state.steps] == [("convene", "done"), ("call", "open")]
    assert state.entries[0].data["type"] == "alpha"  # the declaration stands
    [change] = state.reclassifications
    assert change.data["previous"] == "alpha" and change.data["reason"] == "Fall"
    assert "Re-classified as Beta incident at SEV1 (was alpha, SEV2): Fall" in report(state, "timeline", at(6))


def test_the_situation_line_leads_the_status_update(live):
    board = live("SEV2")
    write(board, lambda s: s.situation_now("  Card payments failing;\n fix under way ", "Ann", at(4)))
    text = report(board.state, "status", at(5))
    assert text.split("## Situation now\n\n")[1].startswith(
        "Card payments failing; fix under way (Ann, 2026-11-24 05:04"
    )


def test_the_service_follows_another_terminal_and_keeps_unsaved_entries(live, library):
    board = live("SEV2")
    other = LiveIncident(Journal.open(board.journal.path), board.incident_id, library, "Bo")
    write(other, lambda s: s.write("note", "From the other desk", "Bo", at(1)))
    assert board.poll() and board.state.log[-1].data["text"] == "From the other desk"
    board.make(lambda s: s.write("note", "Not yet written", "Ann", at(2)))
    assert board.waiting == 1 and board.state.log[-1].seq == 0  # shown at once, unsaved


def test_reminders_come_once_per_deadline(live):
    board = live("SEV2")
    moment = at(61)  # convene overdue since 05:20, the status update since 06:00
    overdue = board.state.overdue_steps(moment)
    first = board.reminders(moment, overdue, lambda step: "05:20 UTC")
    assert [r.text for r in first] == [
        "Status update due (every 60 min): send it, then press u",
        "Convene the team (Incident commander (Ann)) was due 05:20 UTC",
    ]
    assert board.reminders(moment, overdue, lambda step: "05:20 UTC") == []


def test_roles_merge_the_commander_and_reports_are_named_beside_the_journal(live):
    board = live("SEV2")
    assert board.roles() == [("commander", "Incident commander"), ("comms", "Communications lead")]
    path = board.report_path("status", at(5))
    assert (
        path.parent == board.journal.path.parent / "reports"
        and path.name == f"{board.incident_id}-status-20261124-0505.md"
    )


def test_fold_reads_a_retriage_recorded_before_whole_responses_were_copied(live, library):
    board = live("SEV2")
    old = board.state.retriage(library, library.type("alpha"), "SEV1", "Ann", at(5))
    data = {k: v for k, v in old.data.items() if k not in ("added", "escalated")}
    data["steps"] = [s for s in data["steps"] if s["id"] == "tell"]  # the old format: only the new steps
    board.journal.append(type(old)(**{**vars_of(old), "data": data}))
    state = fold(board.journal.entries(board.incident_id))
    assert state.step("convene").due == at(20) and state.step("tell").due == at(35)


def vars_of(draft) -> dict:
    import attrs

    return attrs.asdict(draft, recurse=False)


def test_text_glitches_from_the_2am_trial_are_gone(live, library):
    from playbook.model import Clock
    from playbook.reports import describe

    asap = Clock(
        what="Notify customers",
        within="as soon as possible",
        starts="determining the disruption",
        jurisdiction="US",
        source="Rule",
    )
    assert (
        asap.sentence() == "Notify customers: as soon as possible, counted from determining the disruption. US; Rule."
    )
    hours = Clock(what="Tell the regulator", within="72 hours", starts="becoming aware", jurisdiction="X", source="Y")
    assert hours.sentence() == "Tell the regulator: within 72 hours of becoming aware. X; Y."
    board = live("SEV2")
    write(board, lambda s: s.mark("convene", "skipped", "Ann", at(1), reason="Done directly."))
    step_entry = board.state.entries[-1]
    assert describe(board.state, step_entry) == "Step skipped: Convene the team: Done directly."
    assert ".:" not in report(board.state, "timeline", at(2))


@pytest.mark.parametrize(
    ("typed", "minutes_ago"),
    [("", None), ("-10", 10), ("10", 10), ("-10m", 10), ("10 min ago", 10), ("-2h", 120), ("2 h ago", 120)],
)
def test_every_time_f1_documents_is_accepted_as_it_says(typed, minutes_ago):
    from playbook.incident import parse_when
    from tui.screens.incident_level import TIME_GRAMMAR

    for example in ("-10", "10", "-10m", "'10 min ago'", "-2h", "'2 h ago'", "14:05"):
        assert example in TIME_GRAMMAR
    moment = at(300)
    assert parse_when(typed, moment) == (None if minutes_ago is None else moment - timedelta(minutes=minutes_ago))
    assert parse_when("14:05", at(600)) == datetime(2026, 11, 24, 14, 5, tzinfo=UTC)


def test_an_entry_another_screen_records_from_the_shared_outbox_stays_shown_until_it_is_read_back(live):
    board = live("SEV2")
    other = LiveIncident(board.journal, board.incident_id, board.library, "Bo", outbox=board.outbox)
    board.make(lambda s: s.write("note", "Power back", "Ann", at(1)))
    [recorded], error = other.flush()  # the other screen's retry writes it
    assert error is None and not board.outbox.waiting
    board.make(lambda s: s.write("note", "Lifts back", "Ann", at(2)))  # folded before reading again
    assert [e.data["text"] for e in board.state.log] == ["Power back", "Lifts back"]
    board.poll()  # read back: the first is recorded, shown once
    assert [(e.seq, e.data["text"]) for e in board.state.log] == [(recorded.seq, "Power back"), (0, "Lifts back")]


def test_a_change_names_the_day_of_a_deadline_days_away(tmp_path, bundled):
    # Found in tmux: "Kept its earlier deadline 20:53" for a review due in five days read as "now".
    library = bundled.library
    outage = library.type("major-customer-outage")
    with Journal.open(tmp_path / "j.sqlite3") as journal:
        first = journal.declare(declaration(library, outage, "SEV2", "Payments down", "Ann", T0)).incident
        board = LiveIncident(journal, first, library, "Ann")
        before = board.state
        write(board, lambda s: s.retriage(library, outage, "SEV1", "Ann", at(1), reason="Card payments failing"))
        said = level_change(before, board.state)
    assert "Kept its earlier deadline Sun 29 Nov 05:00: Hold a blameless post-incident review" in "\n".join(said)
    assert any(line.startswith("Tightened to 05:") for line in said)  # within the day: the time alone

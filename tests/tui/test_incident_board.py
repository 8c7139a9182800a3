"""The live incident board, driven by keys: declare, check off, overdue, re-triage, notes, close,
unsaved entries, another terminal's entries, resume."""

from __future__ import annotations

from datetime import timedelta

from playbook.incident import fold
from playbook.journal import Journal
from playbook.live import RETRY_SECONDS
from tests.tui.pilot import LIBRARY, T0, declare_sev2, drive, make_app, showing, shown, type_at_once, until
from tests.tui.pilot import ready as settle
from tui.screens.incident import IncidentScreen
from tui.screens.incidents import IncidentsScreen
from tui.screens.triage import TriageScreen


def recorded(journal_path) -> list:
    with Journal.open(journal_path) as journal:
        [record] = journal.incidents()
        return journal.entries(record.id)


def test_declaring_from_the_response_records_title_commander_answers_and_severity(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        assert isinstance(app.screen, IncidentScreen)
        text = shown(app)
        assert "▲▲ SEV2 Major · Locked files · INC-20261124-001" in text
        assert "☐ 30:00 left  Isolate the affected systems  · IT lead · due 05:30" in text
        assert "Next status update due 06:00 UTC, in 1:00:00" in text

    drive(app, script)
    [declared] = recorded(journal_path)
    assert declared.actor == "Ann" and declared.happened_at == T0
    assert declared.data["commander"] == "Ann" and declared.data["severity"]["id"] == "SEV2"
    assert declared.data["answers"] == [
        ["How far has it spread?", "Several systems at one site"],
        ["Was data taken?", "Yes, or they claim so"],
    ]


def test_keys_typed_at_once_through_triage_and_declare_land_where_they_were_meant(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await pilot.press(*"locked", "enter")
        # As `tmux send-keys 2 2 Enter d 'Files locked' Enter 'Sam Lee' Enter` arrives: no pause between keys.
        await type_at_once(pilot, "2", "2", "enter", "d", *"Files locked", "enter", *"Sam Lee", "enter")
        await until(pilot, lambda: isinstance(app.screen, IncidentScreen), "the board after the declaration")

    drive(app, script)
    [declared] = recorded(journal_path)
    assert (declared.data["title"], declared.data["commander"]) == ("Files locked", "Sam Lee")


def test_checking_off_and_skipping_steps_records_who_and_when(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        clock.advance(12)
        await pilot.press("d")  # the highlighted step: isolate
        await settle(pilot)
        assert "✓ DONE     Isolate the affected systems  — Ann at 05:12" in shown(app)
        assert "#2 05:12 Ann: Step done: Isolate the affected systems" in shown(app)
        # Done steps go below the open ones: the cursor stays where it was, on the next step due.
        await pilot.press("s", *"Staff already told", "enter")
        await settle(pilot)
        assert "✗ SKIPPED  Tell staff what not to do  — Ann: Staff already told" in shown(app)
        assert app.screen.check_action("mark", ("done",)) is False  # nothing left to tick here

    drive(app, script)
    steps = [(e.data["step"], e.data["status"], e.happened_at) for e in recorded(journal_path) if e.kind == "step"]
    assert steps == [("isolate", "done", T0 + timedelta(minutes=12)), ("staff", "skipped", T0 + timedelta(minutes=12))]


def test_overdue_steps_and_a_late_status_update_stand_out_in_words(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        clock.advance(31)
        app.screen.tick()
        await pilot.pause()  # reminders arrive as messages
        text = shown(app)
        assert "⚠ OVERDUE by 1:00  Isolate the affected systems  · IT lead · was due 05:30" in text
        assert "☐ 29:00 left  Tell staff what not to do" in text
        assert "⚠ OVERDUE: 1 step" in text
        assert [n.message for n in app._notifications] == [
            "Isolate the affected systems (IT lead) was due 05:30 UTC"
        ]  # a reminder, once
        app.screen.tick()
        await pilot.pause()
        assert len(app._notifications) == 1
        clock.advance(30)
        app.screen.tick()
        await pilot.pause()
        assert "⚠ STATUS UPDATE OVERDUE by 1:00 (due 06:00 UTC, every 60 min)" in shown(app)
        assert "Status update due (every 60 min): send it, then press u" in [n.message for n in app._notifications]
        await pilot.press("u", *"Contained to one site", "enter")  # the situation now, then sent
        await settle(pilot)
        assert "Next status update due 07:01 UTC, in 1:00:00" in shown(app)

    drive(app, script)


def test_retriage_walks_the_triage_from_the_recorded_answers_and_records_the_new_ones(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("d")
        await settle(pilot)
        clock.advance(20)
        await pilot.press("t")  # the type's triage, at the answers given when declaring
        assert isinstance(app.screen, TriageScreen)
        text = shown(app)
        assert "Re-triage · Locked files" in text
        assert (
            "Path: How far has it spread? Several systems at one site › Was data taken? Yes, or they claim so" in text
        )
        assert "Enter: record this triage" in text
        await pilot.press("backspace", "backspace")  # back to the first question: it has spread
        assert "How far has it spread?" in shown(app)
        await type_at_once(pilot, "3", "enter", *"Core systems hit", "enter")  # typed without a pause
        await until(pilot, lambda: "SEV1" in shown(app) and isinstance(app.screen, IncidentScreen), "the board at SEV1")
        await settle(pilot)
        text = shown(app)
        assert "▲▲▲ SEV1 Critical · Locked files" in text
        assert "✓ DONE     Isolate the affected systems" in text
        assert "☐ 15:00 left  Open a bridge on phones, not email" in text  # added, counted from now
        assert "Severity SEV2 → SEV1: Core systems hit; 1 step added" in text

    drive(app, script)
    retriaged = recorded(journal_path)[-1]
    assert retriaged.kind == "retriaged" and retriaged.data["severity"]["id"] == "SEV1"
    assert retriaged.data["answers"] == [["How far has it spread?", "Core systems or several sites"]]


def test_a_retriage_that_keeps_the_severity_records_the_new_answers_and_says_so(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("t", "backspace", "3")  # data taken: not known yet, so SEV2 still
        await pilot.press("enter")
        assert "The severity stays ▲▲ SEV2 Major: the new answers are recorded." in shown(app)
        await pilot.press(*"IT cannot tell yet", "enter")
        await settle(pilot)
        text = shown(app)
        assert "▲▲ SEV2 Major · Locked files" in text
        assert "Triaged again, severity stays SEV2: IT cannot tell yet" in text
        await pilot.press("t", "enter")  # the same answers again: nothing to record
        await pilot.pause()
        assert isinstance(app.screen, IncidentScreen)
        assert "the same answers and severity (SEV2) as recorded: nothing to record" in [
            str(n.message) for n in app._notifications
        ]

    drive(app, script)
    triaged = recorded(journal_path)[-1]
    assert triaged.kind == "triaged" and triaged.data["severity"] == "SEV2"
    assert triaged.data["answers"] == [
        ["How far has it spread?", "Several systems at one site"],
        ["Was data taken?", "Not known yet"],
    ]
    assert [e.kind for e in recorded(journal_path)].count("retriaged") == 0


def test_setting_the_severity_directly_when_the_tree_does_not_fit(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("T", "1", *"Board asks for SEV1", "enter")
        await settle(pilot)
        text = shown(app)
        assert "▲▲▲ SEV1 Critical · Locked files" in text
        assert "Severity SEV2 → SEV1: Board asks for SEV1; 1 step added" in text

    drive(app, script)


def test_a_note_typed_at_once_after_n_is_the_note_not_board_keys(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        # "d", "o" and "s" are board keys too: typed fast after n they must go into the note.
        await type_at_once(pilot, "n", *"Door propped open", "enter", "enter")
        await until(pilot, lambda: "Note: Door propped open" in shown(app), "the note on the board")
        await settle(pilot)

    drive(app, script)
    assert [(e.kind, e.data.get("text")) for e in recorded(journal_path)] == [
        ("declared", None),
        ("note", "Door propped open"),
    ]


def test_a_note_with_an_earlier_time_shows_when_it_happened_and_when_it_was_logged(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        clock.advance(30)
        await pilot.press("k", *"Pay no ransom", "enter", "-", "1", "0", "enter")
        await settle(pilot)
        assert "#2 05:20 (logged 05:30) Ann: Decision: Pay no ransom" in shown(app)

    drive(app, script)
    decision = recorded(journal_path)[-1]
    assert (decision.happened_at, decision.logged_at) == (T0 + timedelta(minutes=20), T0 + timedelta(minutes=30))


def test_closing_the_incident_hides_the_actions_and_keeps_the_reports(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("n", *"Ask [b]IT[/b] | *why*", "enter", "enter")
        clock.advance(90)
        await pilot.press("x", *"Restored from backup", "enter")
        await settle(pilot)
        assert "· CLOSED" in shown(app)
        assert "Closed 06:30 UTC. Reports: v" in shown(app)
        assert app.screen.check_action("mark", ("done",)) is False
        assert app.screen.check_action("close_incident", ()) is False
        await pilot.press("v", "4")  # the after-action draft, rendered
        await pilot.pause()
        assert "\nWhat was skipped or never done\n" in shown(app)
        assert "✗ Tell staff what not to do: not done (Communications lead (unassigned))" in shown(app)
        await pilot.press("escape", "v", "3")  # the timeline: typed text stays text
        await pilot.pause()
        assert "Note: Ask [b]IT[/b] | *why*" in shown(app)

    drive(app, script)
    assert recorded(journal_path)[-1].data == {"summary": "Restored from backup"}


def test_an_entry_that_cannot_be_written_stays_visibly_unsaved_and_is_retried(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        board = app.screen
        board.journal.readonly = True  # as if the file had become read-only under us
        await pilot.press("n", *"Fire door propped open", "enter", "enter")
        await settle(pilot)
        text = shown(app)
        assert "◌ UNSAVED 05:00 Ann: Note: Fire door propped open" in text
        assert "◌ UNSAVED: 1 entry not saved yet" in text and "open read-only" in text
        assert isinstance(app.screen, IncidentScreen)  # the app keeps running
        await pilot.press("escape")  # leaving would drop the entry: a warning first
        assert isinstance(app.screen, IncidentScreen)
        board.journal.readonly = False  # the disk is back
        clock.advance(seconds=RETRY_SECONDS)  # the retry interval has passed
        board.tick()
        await settle(pilot)
        text = shown(app)
        assert "#2 05:00 Ann: Note: Fire door propped open" in text
        assert "UNSAVED" not in text and "✓ Every entry recorded" in text

    drive(app, script)
    assert [e.kind for e in recorded(journal_path)] == ["declared", "note"]


def test_another_terminals_entries_appear_on_the_board(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        with Journal.open(journal_path) as other:  # a second terminal on the same incident
            state = fold(other.entries(app.screen.incident_id))
            other.append(state.write("note", "Bob here, on the bridge", "Bob", T0 + timedelta(minutes=1)))
        # No tick: the board follows the journal and reads as soon as it changed.
        await showing(pilot, "#2 05:01 Bob: Note: Bob here, on the bridge")

    drive(app, script)


def test_an_open_incident_resumes_where_it_was(clock, journal_path):
    first = make_app(journal_path, clock=clock)

    async def before(pilot):
        await declare_sev2(pilot)
        await pilot.press("d")
        await settle(pilot)

    drive(first, before)
    again = make_app(journal_path, clock=clock)

    async def after(pilot):
        await pilot.press("f3")
        assert isinstance(again.screen, IncidentsScreen)
        assert "● OPEN   INC-20261124-001  SEV2  Locked files" in shown(again)
        await pilot.press("enter", *"Bob", "enter")  # Ann's name is offered, selected: Bob types over it
        assert isinstance(again.screen, IncidentScreen)
        text = shown(again)
        assert "✓ DONE     Isolate the affected systems  — Ann at 05:00" in text
        assert "commander Ann · typing: Bob" in text

    drive(again, after)


def test_declaring_directly_with_a_type_and_a_severity(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await pilot.press("f3")
        assert "No incident has been declared yet" in shown(app)
        await pilot.press("n", "1", "1")  # the first type (Building fire), SEV1
        await pilot.press("enter", *"Dee", "enter")
        await settle(pilot)
        assert isinstance(app.screen, IncidentScreen)
        assert "▲▲▲ SEV1 Critical · Building fire" in shown(app)

    drive(app, script)
    [declared] = recorded(journal_path)
    assert (declared.data["type"], declared.data["answers"], declared.actor) == ("building-fire", [], "Dee")


def test_a_read_only_journal_is_shown_as_such_and_nothing_typed_is_lost(clock, journal_path, monkeypatch):
    first = make_app(journal_path, clock=clock)
    drive(first, declare_sev2)
    monkeypatch.setattr("playbook.journal._writable", lambda path: False)  # as a file we may not write
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await pilot.press("f3", "enter", "enter")
        assert "⚠ READ-ONLY journal" in shown(app)
        await pilot.press("d")
        await settle(pilot)
        assert "◌ UNSAVED 05:00 Ann: Step done: Isolate the affected systems" in shown(app)

    drive(app, script)
    assert [e.kind for e in recorded(journal_path)] == ["declared"]


def test_an_escape_sequence_in_typed_text_never_reaches_the_terminal(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        board = app.screen
        board.record(board.state.write("note", "red \x1b[31malert\x1b[0m", "Ann", T0))
        await settle(pilot)
        text = shown(app)
        assert "Note: red \\u001b[31malert\\u001b[0m" in text and "\x1b" not in text

    drive(app, script)


def test_a_note_with_a_wrongly_typed_time_stays_in_the_form_with_the_error_beside_the_field(clock, journal_path):
    from tui.screens.form import FormScreen

    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        clock.advance(30)
        await pilot.press("n", *"CEO informed by phone", "enter", *"lunchtime", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)  # nothing typed is lost
        assert app.screen.query_one("#field-text").value == "CEO informed by phone"
        assert "⚠ 'lunchtime' is not a time" in shown(app)
        await pilot.press(*["ctrl+a"], "ctrl+k", *"10 min ago", "enter")
        await settle(pilot)
        assert isinstance(app.screen, IncidentScreen)
        assert "Recorded #2, dated 05:20 (10 min before it was logged)" in [str(n.message) for n in app._notifications]
        assert "▶ #2 05:20 (logged 05:30) Ann: Note: CEO informed by phone" in shown(app)

    drive(app, script)
    note = recorded(journal_path)[-1]
    assert (note.data["text"], note.happened_at) == ("CEO informed by phone", T0 + timedelta(minutes=20))


def test_after_escalating_the_new_step_is_highlighted_and_in_view(clock, journal_path):
    from textual.widgets import OptionList

    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        clock.advance(5)
        await pilot.press("T", "1", *"Core systems hit", "enter")
        await settle(pilot)
        steps = app.screen.query_one("#incident-steps", OptionList)
        prompts = [str(o.prompt) for o in steps.options]
        # SEV1's isolate (15 min from 05:05) and the new bridge are both due 05:20; staff keeps 06:00.
        assert prompts[0].startswith("☐ 15:00 left  Cut affected networks off; do not power machines off")
        assert prompts[1].startswith("☐ 15:00 left  Open a bridge on phones, not email")
        assert steps.highlighted == 1 and app.screen.focused is steps
        await pilot.press("d")  # done: it goes below the open steps, the cursor stays on the next one due
        await settle(pilot)
        prompts = [str(o.prompt) for o in steps.options]
        assert prompts[-1].startswith("✓ DONE     Open a bridge") and prompts[1].startswith("☐ 55:00 left  Tell staff")
        assert steps.highlighted == 1

    drive(app, script)


def test_the_commander_is_one_role_and_assigning_it_hands_over(clock, journal_path, test_library):
    # The bundled library's spelling of the role, as the reviewer met it: incident-commander.
    files = {
        name: (LIBRARY / name).read_text().replace("commander", "incident-commander")
        for name in ("library.yaml", "locked-files.yaml", "building-fire.yaml")
    }
    app = make_app(journal_path, test_library(files), clock=clock)

    async def script(pilot):
        await declare_sev2(pilot, commander="Dana Ortiz")
        await pilot.press("a")
        assert shown(app).count("Incident commander") == 1
        assert "1  Incident commander: Dana Ortiz" in shown(app)
        await type_at_once(pilot, "1", *"Alex Kim", "enter")  # typed straight after the digit
        await until(pilot, lambda: isinstance(app.screen, IncidentScreen), "the board again")
        await settle(pilot)
        text = shown(app)
        assert "commander Alex Kim" in text
        assert "Incident commander: Alex Kim, from Dana Ortiz" in text

    drive(app, script)


def test_a_closed_incident_shows_how_steps_ended_not_countdowns(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        clock.advance(0, seconds=42)
        await pilot.press("x", "enter")
        await settle(pilot)
        text = shown(app)
        assert "42 s in all" in text
        assert "○ NOT DONE Isolate the affected systems  · IT lead · was due 05:30" in text
        assert " left " not in text

    drive(app, script)


def test_a_status_update_is_saved_as_markdown_beside_the_journal(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("v", "1", "s")
        await settle(pilot)
        [saved] = (journal_path.parent / "reports").iterdir()
        assert f"Saved to {saved}" in [str(n.message) for n in app._notifications]
        assert saved.read_text().startswith("# Status update: Locked files")

    drive(app, script)


def test_a_long_step_list_scrolls_by_keyboard_at_80x24(clock, journal_path, test_library):
    from textual.widgets import OptionList

    extra = "".join(
        f"    - {{id: extra{i}, do: Extra step {i} with enough words to wrap at eighty columns on the board,"
        f" owner: comms, within: {100 + i}, why: More to do}}\n"
        for i in range(10)
    )
    text = (LIBRARY / "locked-files.yaml").read_text()
    files = {"locked-files.yaml": text.replace("  SEV2:\n", extra + "  SEV2:\n")}
    app = make_app(journal_path, test_library(files), clock=clock)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("T", "1", "enter")
        await settle(pilot)
        steps = app.screen.query_one("#incident-steps", OptionList)
        assert app.screen.focused is steps and steps.max_scroll_y > 0  # more than fits at 80x24
        await pilot.press("end")
        await pilot.pause()
        assert steps.highlighted == len(steps.options) - 1 and steps.scroll_offset.y == steps.max_scroll_y
        assert str(steps.options[-1].prompt).startswith("☐ 1:49:00 left  Extra step 9")

    drive(app, script)


def test_an_open_incident_is_named_on_the_first_screen_and_enter_resumes_it_from_f3(clock, journal_path):
    first = make_app(journal_path, clock=clock)
    drive(first, declare_sev2)
    again = make_app(journal_path, clock=clock)

    async def after(pilot):
        await until(
            pilot,
            lambda: "1 open incident: INC-20261124-001 Locked files SEV2 — F3 to resume" in shown(again),
            "the banner on the find screen",
        )
        await pilot.press("f3", "enter", "enter")  # the open incident is highlighted; its commander's name offered
        assert isinstance(again.screen, IncidentScreen) and again.screen.incident_id == "INC-20261124-001"

    drive(again, after)


def test_declaring_from_f3_takes_the_keys_typed_straight_after_the_picks(clock, journal_path):
    app = make_app(journal_path, clock=clock)

    async def script(pilot):
        await pilot.press("f3")
        await type_at_once(pilot, "n", "2", "1", *"Files locked", "enter", *"Sam Lee", "enter")
        await until(pilot, lambda: isinstance(app.screen, IncidentScreen), "the board after the declaration")

    drive(app, script)
    [declared] = recorded(journal_path)
    assert (declared.data["title"], declared.data["commander"]) == ("Files locked", "Sam Lee")

"""Live incidents a commander can rely on (issue 13): escalation moves the clocks, the status
update has the facts, screens keep up with the record, judgment is where decisions are made,
search finds what is happening, F1 explains the time syntax. Keyboard only, 80x24."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from playbook.journal import Journal
from tests.tui.pilot import LIBRARY, declare_sev2, drive, make_app, shown, until
from tests.tui.pilot import ready as settle
from tui.screens.find import FindScreen
from tui.screens.help import HelpScreen
from tui.screens.incident import IncidentScreen
from tui.screens.triage import TriageScreen

BUNDLED = Path(__file__).parents[2] / "incidents"

# The test library's locked files, with a SEV2 bridge (45 minutes) that SEV1 wants in 15, a SEV1
# staff step worded differently from SEV2's, a step days away and a "not when".
LOCKED = (
    (LIBRARY / "locked-files.yaml")
    .read_text()
    .replace(
        """  SEV2:
    - id: isolate
      do: Isolate the affected systems
      owner: it-lead
      within: 30
      why: Stops the spread
""",
        """  SEV2:
    - id: isolate
      do: Isolate the affected systems
      owner: it-lead
      within: 30
      why: Stops the spread
      not_when: The machine runs a patient's life support; keep it up and wall it off instead
    - id: convene
      do: Open a bridge on phones, not email
      owner: commander
      within: 45
      why: The attacker may read email
    - id: insurer
      do: Tell the insurer in writing
      owner: commander
      within: 7200
      why: Cover depends on notice
""",
    )
    .replace(
        """    - id: staff
      do: Tell staff what not to do
      owner: comms
      within: 60
      why: Silence breeds rumours
  SEV2:""",
        """    - id: staff
      do: Tell staff what not to do, by phone
      owner: comms
      within: 60
      why: Silence breeds rumours
  SEV2:""",
    )
)


def entries(journal_path) -> list:
    with Journal.open(journal_path) as journal:
        [record] = journal.incidents()
        return journal.entries(record.id)


def options(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one("#incident-steps", OptionList).options]


def test_escalating_applies_sev1s_steps_and_time_boxes_and_names_what_tightened(clock, journal_path, test_library):
    app = make_app(journal_path, test_library({"locked-files.yaml": LOCKED}))

    async def script(pilot):
        await declare_sev2(pilot)  # isolate 05:30, convene 05:45, staff 06:00, insurer in 5 days
        clock.advance(5)
        await pilot.press("d")  # the highlighted step, isolate: done
        await settle(pilot)
        await pilot.press("down", "s", *"Staff were told at the door", "enter")  # staff (after convene): skipped
        await settle(pilot)
        assert any(o.startswith("✗ SKIPPED  Tell staff what not to do") for o in options(app))
        clock.advance(5)
        await pilot.press("T", "1", *"Core systems hit", "enter")
        await settle(pilot)
        open_steps = [o for o in options(app) if o.startswith("☐")]
        # SEV1's texts and boxes, from the change at 05:10: the bridge in 15 (not 05:45), staff back in 60.
        assert open_steps[0].startswith("☐ 15:00 left  Open a bridge on phones, not email  · Incident commander")
        assert "due 05:25" in open_steps[0]
        assert open_steps[1].startswith("☐ 1:00:00 left  Tell staff what not to do, by phone  · Communications lead")
        assert "due 06:10" in open_steps[1]
        assert any(o.startswith("✓ DONE     Isolate the affected systems") for o in options(app))
        [notice] = [n for n in app._notifications if n.title == "Now SEV1: what changed"]
        assert "Tightened to 05:25 (was 05:45): Open a bridge on phones, not email" in notice.message
        assert "Back, due 06:10 (skipped under SEV2): Tell staff what not to do" in notice.message

    drive(app, script)
    [change] = [e for e in entries(journal_path) if e.kind == "retriaged"]
    assert change.data["escalated"] and change.data["reason"] == "Core systems hit"


def test_a_step_days_away_shows_days_and_its_date_and_its_not_when_beside_it(clock, journal_path, test_library):
    app = make_app(journal_path, test_library({"locked-files.yaml": LOCKED}))

    async def script(pilot):
        await declare_sev2(pilot)
        text = "\n".join(options(app))
        assert "☐ 5 d 0 h left  Tell the insurer in writing  · Incident commander (Ann) · due Sun 29 Nov 05:00" in text
        assert "Isolate the affected systems  · IT lead · due 05:30  · not when: The machine runs a patient's" in text

    drive(app, script)


def test_the_status_update_asks_the_situation_and_escape_records_nothing(clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("n", *"Backups were hit at 04:50", "tab", *"-20", "enter")  # back-dated
        await settle(pilot)
        await pilot.press("u", "escape")  # one stray key: nothing recorded
        await settle(pilot)
        assert [e.kind for e in entries(journal_path)] == ["declared", "note"]
        await pilot.press("u", *"Two sites down; restoring from offline copies", "enter")
        await settle(pilot)
        assert "Next status update due 06:00 UTC" in shown(app)

    drive(app, script)
    situation, sent = entries(journal_path)[-2:]
    assert (situation.kind, situation.data["text"]) == ("situation", "Two sites down; restoring from offline copies")
    report = sent.data["report"]
    assert "## Situation now\n\nTwo sites down; restoring from offline copies (Ann" in report
    assert "Note: Backups were hit at 04:50" in report.split("## What changed")[1]  # back-dated, still news
    assert "- Incident commander: Ann (since" in report


def test_escape_from_the_board_goes_back_to_the_start_and_a_second_declaration_is_warned(clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FindScreen)  # not the response it was declared from
        await pilot.press("enter", "2", "2", "enter", "d")  # the search still says "locked"
        await settle(pilot)
        assert "⚠ Already open: INC-20261124-001 (Locked files), declared 05:00 UTC by Ann." in shown(app)

    drive(app, script)


def test_new_entries_come_into_view_and_one_unsaved_entry_is_said_in_the_singular(clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        board = app.screen
        for n in range(12):
            board.record(board.state.write("note", f"Update {n}", "Ann", clock()))
        await settle(pilot)
        log = app.screen.query_one("#incident-log")
        await pilot.pause()
        assert log.max_scroll_y > 0 and log.scroll_y == log.max_scroll_y  # the newest in view
        board.journal.readonly = True
        await pilot.press("n", *"Kept", "enter", "enter", "escape")
        await settle(pilot)
        assert "1 entry is not saved yet" in [n.message for n in app._notifications][-1]

    drive(app, script)


def test_the_key_bar_shows_every_key_it_promises_at_80_columns(clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        bar = app.screen.query_one("#incident-keys")
        text = str(bar.content).replace("\u00a0", " ")
        for key in ("d Done", "s Skip", "i Did something else", "n Note", "k Decision", "e Correct", "t Re-triage"):
            assert key in text
        for key in ("c Change type", "a Roles", "u Update sent", "v Reports", "x Close", "esc Back", "f1 all keys"):
            assert key in text
        assert bar.size.width <= 80 and bar.size.height == len(bar.content.wrap(bar.size.width))

    drive(app, script)


def test_f1_on_the_board_explains_the_time_syntax_and_when_the_response_does_not_apply(clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = shown(app)
        assert "-10 (or 10, -10m, '10 min ago') for ten minutes ago" in text and "14:05 for that time today" in text
        assert "When this response does not apply" in text and "• One offline laptop: Treat it as malware" in text
        assert "Set the severity directly" in text and "Who is typing" in text  # keys not on the bar

    drive(app, script)


def test_the_board_shows_when_the_response_does_not_apply(clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        assert "Does not apply when: One offline laptop → Treat it as malware on one device" in shown(app)

    drive(app, script)


def test_did_something_else_is_recorded_for_the_step_and_shown_as_handled(clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("i", "enter", *"Pulled the site's uplink", "enter", *"Switch ports were locked", "enter")
        await settle(pilot)
        assert any(
            o.startswith("↷ INSTEAD  Isolate the affected systems  — Ann did something else: Pulled the site's uplink")
            for o in options(app)
        )

    drive(app, script)
    [deviation] = [e for e in entries(journal_path) if e.kind == "deviation"]
    assert deviation.data == {
        "step": "isolate",
        "did": "Pulled the site's uplink",
        "reason": "Switch ports were locked",
    }


def test_changing_the_type_keeps_the_record_and_the_timeline_says_why(clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("d")  # isolate done under Locked files
        await settle(pilot)
        await pilot.press("c", "down", "enter")  # Website outage (after Building fire), by arrows
        await until(pilot, lambda: isinstance(app.screen, TriageScreen), "the new type's triage")
        assert "Website outage" in shown(app)
        await pilot.press("1")
        await until(pilot, lambda: app.screen.walk.done, "the new triage settled")
        await pilot.press("enter", *"The hosting provider's outage, not us", "enter")
        await until(pilot, lambda: isinstance(app.screen, IncidentScreen), "the board")
        await settle(pilot)
        text = shown(app)
        assert "Website outage · declared 05:00 UTC" in text
        assert "Re-classified as Website outage" in text and "The hosting provider's outage, not us" in text
        assert any(o.startswith("✓ DONE     Isolate the affected systems") for o in options(app))

    drive(app, script)
    [change] = [e for e in entries(journal_path) if e.kind == "reclassified"]
    assert (change.data["type"], change.data["previous"]) == ("website-outage", "locked-files")


def test_payments_down_in_plain_words_reaches_the_right_type_first(journal_path):
    app = make_app(journal_path, BUNDLED)

    async def script(pilot):
        await pilot.press(*"our payment system is down and customers are calling")
        await settle(pilot)
        results = app.screen.query_one("#results", OptionList)
        assert str(results.options[0].prompt) == "Major customer-facing outage"
        assert "Matched: “payment” ~ synonym “our payment system is down”" in shown(app)
        weak = [str(o.prompt) for o in results.options if str(o.prompt).startswith("· ")]
        assert "· Pandemic or public-health emergency" in weak  # still found, visibly weaker
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TriageScreen) and app.screen.incident.id == "major-customer-outage"

    drive(app, script)

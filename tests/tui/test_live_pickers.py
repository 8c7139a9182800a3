"""Every pick list with a follow-up form records the choice whichever way it is made: arrows and
Enter, a mouse click, or a digit (issue 13, point 1)."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from playbook.journal import Journal
from tests.tui.pilot import declare_sev2, drive, make_app
from tests.tui.pilot import ready as settle
from tui.screens.pick import PickScreen


def entries(journal_path) -> list:
    with Journal.open(journal_path) as journal:
        [record] = journal.incidents()
        return journal.entries(record.id)


async def choose(pilot, how: str, index: int) -> None:
    """Choose the index-th row of the open pick list: by arrows + Enter, a click or its digit."""
    assert isinstance(pilot.app.screen, PickScreen)
    if how == "digit":
        await pilot.press(str(index + 1))
    elif how == "arrows":
        await pilot.press(*["down"] * index, "enter")
    else:
        options = pilot.app.screen.query_one(OptionList)
        options.scroll_to(y=index, animate=False)
        await pilot.pause()
        await pilot.click(OptionList, offset=(4, index + 1 - int(options.scroll_y)))
    await settle(pilot)


HOW = ["arrows", "click", "digit"]


@pytest.mark.parametrize("how", HOW)
def test_assigning_a_role_from_the_pick_list(how, clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("a")
        await choose(pilot, how, 2)  # Incident commander, IT lead, Communications lead
        await pilot.press(*"Cy Doe", "enter")
        await settle(pilot)

    drive(app, script)
    [role] = [e for e in entries(journal_path) if e.kind == "role"]
    assert (role.data["role"], role.data["person"]) == ("comms", "Cy Doe")


@pytest.mark.parametrize("how", HOW)
def test_correcting_an_entry_from_the_pick_list(how, clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("n", *"Backups fine", "enter", "enter")
        await settle(pilot)
        await pilot.press("e")
        await choose(pilot, how, 0)  # the newest entry first: the note
        await pilot.press(*"Backups encrypted too", "enter")
        await settle(pilot)

    drive(app, script)
    [fix] = [e for e in entries(journal_path) if e.kind == "correction"]
    assert (fix.data["corrects"], fix.data["text"]) == (2, "Backups encrypted too")


@pytest.mark.parametrize("how", HOW)
def test_setting_the_severity_from_the_pick_list(how, clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("T")
        await choose(pilot, how, 0)  # SEV1
        await pilot.press(*"Core systems hit", "enter")
        await settle(pilot)

    drive(app, script)
    [change] = [e for e in entries(journal_path) if e.kind == "retriaged"]
    assert (change.data["severity"]["id"], change.data["reason"]) == ("SEV1", "Core systems hit")


@pytest.mark.parametrize("how", HOW)
def test_recording_a_deviation_for_the_whole_response_from_the_pick_list(how, clock, journal_path):
    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("i")
        await choose(pilot, how, 1)  # this step, then the response as a whole
        await pilot.press(*"Ran the site plan", "enter", *"One site only", "enter")
        await settle(pilot)

    drive(app, script)
    [deviation] = [e for e in entries(journal_path) if e.kind == "deviation"]
    assert deviation.data == {"step": None, "did": "Ran the site plan", "reason": "One site only"}


@pytest.mark.parametrize("how", HOW)
def test_opening_a_report_from_the_pick_list(how, clock, journal_path):
    from tui.screens.report import ReportScreen

    app = make_app(journal_path)

    async def script(pilot):
        await declare_sev2(pilot)
        await pilot.press("v")
        await choose(pilot, how, 2)  # status, summary, timeline
        assert isinstance(app.screen, ReportScreen) and app.screen.title_text == "Timeline (activity log)"

    drive(app, script)

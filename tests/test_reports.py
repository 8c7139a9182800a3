"""Reports from the journal: status update, executive summary, timeline, after-action draft;
and the `playbook incidents` / `playbook report` commands."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from playbook.cli import main
from playbook.incident import declaration, fold
from playbook.journal import FORMAT, Journal
from playbook.library import load
from playbook.reports import report
from tests.conftest import MINI

T0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def journal_path(tmp_path):
    """A journal with one closed incident that was escalated, and one open incident."""
    library = load(MINI).library
    alpha = library.type("alpha")
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.clock = lambda: T0  # entries are saved when they are logged, unless a test says otherwise
        scope = alpha.triage.question("scope")
        harm = alpha.triage.question("harm")
        first = journal.declare(
            declaration(
                library,
                alpha,
                "SEV2",
                "Screens dark | *ops*",
                "Ann",
                T0,
                [(scope, scope.answer("one")), (harm, harm.answer("yes"))],
            )
        ).incident

        def record(make, saved_later: float = 0):
            entry = make(fold(journal.entries(first)))
            journal.clock = lambda: entry.logged_at + timedelta(minutes=saved_later)
            return journal.append(entry)

        record(lambda s: s.assign("comms", "Communications lead", "Bob", "Ann", at(1)))
        record(lambda s: s.mark("convene", "done", "Ann", at(25)))  # 5 minutes late
        decision = record(lambda s: s.write("decision", "Evacuate floor 3", "Ann", at(30), happened_at=at(12)))
        record(lambda s: s.status_sent("Ann", at(35), "# Status update"))
        record(lambda s: s.retriage(library, alpha, "SEV1", "Ann", at(40), reason="It spread to finance"))
        record(lambda s: s.correct(decision.seq, "It was floor 4", "Ann", at(41)))
        record(lambda s: s.mark("tell", "skipped", "Bob", at(45), reason="Press already knew"), saved_later=3)
        record(lambda s: s.close("Ann", at(90), "Contained; no data lost"))
        journal.clock = lambda: at(200)
        journal.declare(declaration(library, library.type("beta"), "SEV1", "Alarm in loading bay", "Cleo", at(200)))
        journal.clock = lambda: at(300)
        journal.declare(declaration(library, alpha, "SEV3", "Tabletop", "Dee", at(300)), kind="drill")
    return path


def incident(path, number=1):
    with Journal.open(path, readonly=True) as journal:
        return fold(journal.entries(f"INC-20261124-{number:03d}"))


def test_status_update_gives_situation_severity_changes_decisions_actions_roles(journal_path):
    text = report(incident(journal_path, 2), "status", at(210))
    assert "# Status update: Alarm in loading bay" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Situation now",
        "## Severity and why",
        "## What changed since the last update (2026-11-24 08:20 UTC)",
        "## Decisions",
        "## Judgment calls (steps not taken as written)",
        "## Next actions (most urgent first)",
        "## Who holds each role",
    ]
    assert "- Incident commander: Cleo (since 2026-11-24 08:20 UTC)" in text
    assert "⚠ OVERDUE: Call emergency services — Incident commander (Cleo), was due 2026-11-24 08:25 UTC" in text
    assert "Next update due 2026-11-24 08:50 UTC (every 30 minutes)." in text


def test_status_update_reports_actions_since_the_last_update(journal_path):
    text = report(incident(journal_path), "status", at(100))
    changed = text.split("## What changed since the last update (2026-11-24 05:35 UTC)")[1].split("## Decisions")[0]
    assert "Convene the team" not in changed  # done before the last update
    assert "- 2026-11-24 05:45 UTC: Step skipped: Tell everyone: Press already knew" in changed
    assert "- Severity SEV2 → SEV1: It spread to finance; 1 step added (2026-11-24 05:40 UTC)" in text
    assert "- Tell everyone: skipped: Press already knew (Bob, 2026-11-24 05:45 UTC)" in text  # a judgment call


def test_status_update_lists_notes_since_the_last_update_and_open_steps_most_urgent_first(library_dir, tmp_path):
    alpha_file = (MINI / "alpha.yaml").read_text()
    alpha_file = alpha_file.replace(
        "do: Tell everyone, owner: comms, within: 30", "do: Tell everyone., owner: comms, within: 5"
    )
    library = load(library_dir({"alpha.yaml": alpha_file})).library
    alpha = library.type("alpha")
    with Journal.open(tmp_path / "j.sqlite3") as journal:
        journal.clock = lambda: T0
        first = journal.declare(declaration(library, alpha, "SEV1", "Dark", "Ann", T0)).incident
        for make in (
            lambda s: s.write("note", "CEO informed by phone", "Ann", at(3)),
            lambda s: s.write("decision", "Pay no ransom", "Ann", at(4), happened_at=at(2)),
        ):
            journal.append(make(fold(journal.entries(first))))
        text = report(fold(journal.entries(first)), "status", at(6))
    needs = text.split("## Next actions (most urgent first)")[1]
    # Tell (due 05:05, overdue) before convene (due 05:10), although the playbook lists convene first.
    assert needs.index("⚠ OVERDUE: Tell everyone — Communications lead (unassigned), was due") < needs.index(
        "Open: Convene the team — Incident commander (Ann), due 2026-11-24 05:10 UTC"
    )
    assert ".:" not in text and "." + " —" not in text
    assert "- 2026-11-24 05:03 UTC: Note: CEO informed by phone" in text
    # Back-dated, but logged since the last update: in, and saying when it was logged.
    assert "- 2026-11-24 05:02 UTC (logged 2026-11-24 05:04 UTC): Decision: Pay no ransom" in text


def test_a_handover_says_from_whom(journal_path):
    with Journal.open(journal_path) as journal:
        state = fold(journal.entries("INC-20261124-001"))
        second = fold([*state.entries[:-1]])  # before it closed
        journal.append(second.assign("comms", "Communications lead", "Cleo", "Ann", at(60)))
        text = report(fold(journal.entries("INC-20261124-001")), "timeline", at(100))
    assert "Communications lead: Cleo, from Bob" in text


def test_executive_summary(journal_path):
    text = report(incident(journal_path), "summary", at(100))
    assert "| Severity | SEV1 (Critical), was SEV2 → SEV1 |" in text
    assert "| Status | closed 2026-11-24 06:30 UTC, 1 h 30 min after declaration |" in text
    assert "| Response | 1 of 2 steps done, 1 skipped, 1 late, 0 overdue |" in text
    assert "Contained; no data lost" in text
    assert "- 2026-11-24 05:12 UTC: Evacuate floor 3 (corrected by #7: It was floor 4)" in text


def test_timeline_is_an_activity_log_in_the_order_things_happened(journal_path):
    text = report(incident(journal_path), "timeline", at(100))
    assert "| Incident number | INC-20261124-001 |" in text
    assert "| Operational period | 2026-11-24 05:00 UTC to 2026-11-24 06:30 UTC |" in text
    assert "| Communications lead | Bob | 2026-11-24 05:01 UTC |" in text
    log = text.split("## Activity log", 1)[1].splitlines()
    rows = [line for line in log if line.startswith("| ") and line[2].isdigit()]
    assert sum("saved" in row for row in rows) == 1
    assert [row.split(" | ")[0] for row in rows] == ["| 1", "| 2", "| 4", "| 3", "| 5", "| 6", "| 7", "| 8", "| 9"]
    assert (
        "| 4 | 2026-11-24 05:12 UTC (logged 2026-11-24 05:30 UTC) | Ann | Decision: Evacuate floor 3 "
        "(corrected by #7: It was floor 4) |"
    ) in rows
    assert "| 7 | 2026-11-24 05:41 UTC | Ann | Correction of #4: It was floor 4 |" in rows
    assert (
        "| 8 | 2026-11-24 05:45 UTC (saved 2026-11-24 05:48 UTC, after a failed write) | Bob | "
        "Step skipped: Tell everyone: Press already knew |"
    ) in rows


def test_after_action_draft_lists_plan_lateness_skips_and_prompts_for_lessons(journal_path):
    text = report(incident(journal_path), "after-action", at(100))
    late = text.split("## What was late")[1].split("##")[0]
    assert "⚠ Convene the team: done 5 minutes after its 20 minutes time box, by Ann" in late
    skipped = text.split("## What was skipped or never done")[1].split("##")[0]
    assert "✗ Tell everyone: skipped by Bob: Press already knew" in skipped
    lessons = text.split("## Lessons (to discuss)")[1]
    assert "Why was “Convene the team” late" in lessons and "Was skipping “Tell everyone” right?" in lessons


def test_typed_text_cannot_change_the_markdown_layout(journal_path):
    text = report(incident(journal_path), "timeline", at(100))
    assert "| Incident name | Screens dark \\| \\*ops\\* |" in text


def test_report_command_prints_each_kind(journal_path, capsys):
    for kind, heading in (
        ("status", "# Status update"),
        ("summary", "# Executive summary"),
        ("timeline", "# Activity log"),
        ("after-action", "# After-action report (draft)"),
    ):
        assert main(["--journal", str(journal_path), "report", "INC-20261124-001", "--kind", kind]) == 0
        assert capsys.readouterr().out.startswith(heading)


def test_report_command_saves_beside_the_journal_as_the_board_names_it_never_over_an_earlier_one(journal_path, capsys):
    args = ["--journal", str(journal_path), "report", "INC-20261124-001", "--kind", "status", "--save"]
    assert main(args) == 0 and main(args) == 0
    printed = capsys.readouterr()
    first, second = printed.err.replace("Saved to ", "").split()
    assert second != first and Path(first).exists()  # never over the earlier one
    if Path(second).name[:-5] == Path(first).name[:-3]:  # saved in the same minute: numbered beside it
        assert second == first.replace(".md", "-2.md")
    assert Path(first).parent == journal_path.parent / "reports" and "INC-20261124-001-status-" in first
    assert Path(second).read_text().startswith("# Status update")


def test_report_command_explains_an_unknown_incident_or_journal(journal_path, tmp_path, capsys):
    assert main(["--journal", str(journal_path), "report", "INC-19990101-001"]) == 2
    assert "no incident 'INC-19990101-001'" in capsys.readouterr().err
    assert main(["--journal", str(tmp_path / "none.sqlite3"), "report", "INC-20261124-001"]) == 2
    assert "no incident has been declared" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_report_command_says_a_drills_report_comes_from_its_debrief(journal_path, capsys):
    with Journal.open(journal_path, readonly=True) as journal:
        [drill] = journal.incidents("drill")
    assert main(["--journal", str(journal_path), "report", drill.id]) == 2
    err = capsys.readouterr().err
    assert f"incident '{drill.id}' is a drill, not a live incident" in err
    assert f"`playbook drill join {drill.id}`" in err and "`playbook practice`" in err
    assert "declaration" not in err


def test_incidents_lists_open_live_incidents_and_with_all_the_closed_too(journal_path, monkeypatch, capsys):
    monkeypatch.setenv("PLAYBOOK_JOURNAL", str(journal_path))
    assert main(["incidents"]) == 0
    out = capsys.readouterr().out
    assert "INC-20261124-002  open    2026-11-24 08:20  SEV1   beta" in out
    assert "INC-20261124-001" not in out and "DRL" not in out
    assert main(["incidents", "--all", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["open"]) for r in rows] == [("INC-20261124-002", True), ("INC-20261124-001", False)]
    assert rows[1]["closed_at"].startswith("2026-11-24T06:30")
    # Declared SEV2, re-triaged to SEV1: the list says how severe it ended, and what it was declared as.
    assert (rows[1]["severity"], rows[1]["declared_severity"]) == ("SEV1", "SEV2")
    assert main(["incidents", "--all"]) == 0
    assert "INC-20261124-001  closed  2026-11-24 05:00  SEV1   alpha" in capsys.readouterr().out


def test_incidents_refuses_a_newer_journal_with_a_clear_message(journal_path, capsys):
    raw = sqlite3.connect(journal_path)
    raw.execute(f"PRAGMA user_version = {FORMAT + 1}")
    raw.close()
    assert main(["--journal", str(journal_path), "incidents"]) == 2
    assert "newer playbook" in capsys.readouterr().err


def test_the_journal_commands_never_import_textual(journal_path):
    import subprocess
    import sys

    code = (
        "import sys; from playbook.cli import main; "
        f"assert main(['--journal', {str(journal_path)!r}, 'report', 'INC-20261124-001']) == 0; "
        f"assert main(['--journal', {str(journal_path)!r}, 'incidents']) == 0; "
        "assert 'textual' not in sys.modules, 'textual was imported'"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from playbook.reports import text as markdown_text  # noqa: E402


@given(st.text())
def test_typed_text_stays_one_inert_table_cell_whatever_it_holds(typed):
    cell = markdown_text(typed)
    assert not any(c in cell for c in "\n\r\x1b\x00\u2028\u202e")
    # Every character that could start markup or split a cell is escaped (<br> is ours).
    bare = "".join(cell.split("<br>")).replace("\\\\", "")
    for index, char in enumerate(bare):
        if char in "|*_[]`<>#":
            assert index > 0 and bare[index - 1] == "\\", (typed, cell)

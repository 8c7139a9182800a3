"""The CLI that scripts and chat bots drive: declare, log, step, assign, follow, on both back ends,
never on a drill; and three processes on one PostgreSQL journal seeing each other's entries."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import pytest

from playbook.cli import main


@pytest.fixture(params=["sqlite", "postgresql"])
def journal(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "journal.sqlite3")
    return request.getfixturevalue("pg_journal")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def declare(capsys, journal: str) -> str:
    code, out, err = run(
        capsys, "--journal", journal, "declare", "ransomware", "--commander", "Ann",
        "--answer", "spread=site", "--answer", "operations=degraded",
    )  # fmt: skip
    assert code == 0, err
    return out.strip()


def test_a_script_declares_logs_steps_assigns_and_follows(capsys, journal):
    incident = declare(capsys, journal)
    assert incident.startswith("INC-")
    note = ("log", incident, "--note", "Backups offline", "--at", "10 min ago", "--by", "pager")
    assert run(capsys, "--journal", journal, *note)[0] == 0
    assert run(capsys, "--journal", journal, "log", incident, "--note", "No payment", "--decision")[0] == 0
    code, out, _ = run(capsys, "--journal", journal, "step", incident, "isolate", "--done", "--format", "json")
    assert code == 0 and json.loads(out)["data"]["status"] == "done"
    assert run(capsys, "--journal", journal, "step", incident, "protect-backups", "--skip", "already offline")[0] == 0
    code, out, err = run(capsys, "--journal", journal, "assign", incident, "communications-lead", "Bo")
    assert code == 0 and "Communications lead: Bo" in out, err
    code, out, _ = run(capsys, "--journal", journal, "follow", incident, "--once", "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [e["kind"] for e in lines] == ["declared", "note", "decision", "step", "step", "role"]
    assert lines[0]["data"]["commander"] == "Ann" and lines[0]["data"]["severity"]["id"] == "SEV2"
    assert lines[1]["actor"] == "pager"
    backdated = lines[1]
    assert backdated["happened_at"] < backdated["logged_at"]
    assert all(e["hash"] for e in lines)


def test_an_open_question_a_drill_or_a_bad_step_is_refused_in_one_line(capsys, journal):
    code, _, err = run(capsys, "--journal", journal, "declare", "ransomware", "--commander", "Ann")
    assert code == 2 and "question 'spread' is still open" in err and "nothing was declared" in err
    incident = declare(capsys, journal)
    for argv, message in [
        (("step", incident, "no-such-step", "--done"), "no step 'no-such-step'"),
        (("step", incident, "isolate", "--deviate", "slower"), "--deviate needs --did"),
        (("assign", incident, "wizard", "Bo"), "no role 'wizard'"),
        (("log", "INC-19990101-001", "--note", "x"), "no incident 'INC-19990101-001'"),
        (("log", incident, "--note", "x", "--at", "yesterday"), "--at 'yesterday'"),
    ]:
        code, _, err = run(capsys, "--journal", journal, *argv)
        assert code == 2 and message in err and "Traceback" not in err, (argv, err)


def test_scripts_never_write_into_a_drill(capsys, tmp_path):
    from datetime import UTC, datetime

    from playbook.journal import Journal, draft

    path = tmp_path / "j.sqlite3"
    with Journal.open(path) as j:
        drill = j.declare(draft(None, "drill-started", "Fay", datetime.now(UTC), {"title": "x"}), "drill").incident
    code, _, err = run(capsys, "--journal", str(path), "log", drill, "--note", "x")
    assert code == 2 and "is a drill, not a live incident" in err
    code, _, err = run(capsys, "--journal", str(path), "follow", drill, "--once")
    assert code == 2 and "is a drill" in err


def _follower(journal: str, incident: str) -> subprocess.Popen:
    argv = [sys.executable, "-m", "playbook", "--journal", journal, "follow", incident, "--new", "--format", "jsonl"]
    return subprocess.Popen([*argv, "--for", "20"], stdout=subprocess.PIPE, text=True)


def test_three_processes_on_postgresql_see_every_entry_within_a_second(capsys, pg_journal):
    incident = declare(capsys, pg_journal)
    boards = [_follower(pg_journal, incident) for _ in range(2)]
    seen: list[dict[str, float]] = [{}, {}]
    readers = [
        threading.Thread(target=_read, args=(b, into), daemon=True) for b, into in zip(boards, seen, strict=True)
    ]
    for reader in readers:
        reader.start()
    time.sleep(3)  # both followers connected and listening
    sent = {}
    for n in range(3):
        subprocess.run(
            [sys.executable, "-m", "playbook", "--journal", pg_journal, "log", incident, "--note", f"update {n}"],
            check=True,
            capture_output=True,
        )
        sent[f"update {n}"] = time.time()
        time.sleep(0.5)
    for reader in readers:
        reader.join(15)
    for board in boards:
        board.kill()
    for into in seen:
        assert set(into) == set(sent)
        assert all(into[text] - sent[text] < 1.0 for text in sent), into


def _read(board: subprocess.Popen, into: dict[str, float]) -> None:
    """Each entry's arrival time, as the follower prints it."""
    for line in board.stdout:
        into[json.loads(line)["data"]["text"]] = time.time()
        if len(into) == 3:
            return

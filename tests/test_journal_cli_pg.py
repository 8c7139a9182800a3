"""The journal commands with a team's shared journal: --journal postgresql://... and
$PLAYBOOK_JOURNAL, init as the owner, copy both ways, verify."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from playbook.cli import main
from playbook.journal import Journal, draft
from tests.postgres import OWNER

T0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


def declare(journal, title: str = "Payments down"):
    data = {"title": title, "type": "outage", "type_title": "Outage", "commander": "Ann", "severity": {"id": "SEV1"}}
    return journal.declare(draft(None, "declared", "Ann", T0, data))


def test_init_as_the_owner_then_the_team_role_writes_and_lists(pg_cluster, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    name = pg_cluster.fresh_database("cli_init")
    owner, app = pg_cluster.url(OWNER, name), pg_cluster.url("playbook_app", name)
    assert main(["journal", "init", owner, "--app-role", "playbook_app"]) == 0
    assert "a journal is ready; the role playbook_app may read and add entries" in capsys.readouterr().out
    from playbook.journals import open_journal

    with open_journal(app) as journal:
        declared = declare(journal)
    assert main(["--journal", app, "incidents"]) == 0
    assert declared.incident in capsys.readouterr().out
    monkeypatch.setenv("PLAYBOOK_JOURNAL", app)
    assert main(["journal", "verify"]) == 0
    out = capsys.readouterr().out
    assert "intact: 1 entry in 1 incident; integrity check: ok" in out and "chain head #1 sha256:" in out


def test_copy_a_file_to_the_server_and_back_verified(pg_journal, tmp_path: Path, capsys):
    source = tmp_path / "j.sqlite3"
    with Journal.open(source) as journal:
        declare(journal)
    assert main(["journal", "copy", str(source), pg_journal]) == 0
    assert "1 entries in 1 incidents, verified intact" in capsys.readouterr().out
    assert main(["journal", "copy", pg_journal, str(tmp_path / "back.sqlite3")]) == 0
    assert main(["journal", "copy", str(source), pg_journal]) == 2  # not into a journal with incidents
    assert "already holds incidents" in capsys.readouterr().err
    assert main(["journal", "copy", str(source), str(tmp_path / "back.sqlite3")]) == 2  # never over a file


def test_an_unreachable_server_is_one_line_and_exit_2(capsys):
    assert main(["--journal", "postgresql://nobody:secret@127.0.0.1:1/none", "incidents"]) == 2
    err = capsys.readouterr().err
    assert "cannot connect" in err and "secret" not in err and "Traceback" not in err

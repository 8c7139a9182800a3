"""A long-running app opens the journal from several screens while other processes come and go.

SQLite's locks are POSIX advisory locks, owned by the process: closing ANY descriptor of the
database file releases every lock the process holds on it. If opening a second Journal read
the file through its own descriptor, another process closing its last connection would think
itself the last user, and checkpoint and delete the WAL under the app ("disk I/O error", then
"database disk image is malformed"), losing entries.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from playbook.journal import Journal, JournalError, draft

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)

OTHER_PROCESS = """
import sys
from playbook.journal import Journal
with Journal.open(sys.argv[1]) as journal:
    journal.incidents()
"""


def test_opening_the_journal_again_keeps_the_app_connection_safe(tmp_path):
    path = tmp_path / "journal.sqlite3"
    app = Journal.open(path)  # the board's long-lived connection
    declared = app.declare(draft(None, "declared", "Ann", NOW, {"title": "Fire", "type": "t", "severity": "SEV1"}))
    wal = Path(f"{path}-wal")
    assert wal.exists()
    for _ in range(3):
        Journal.open(path).close()  # another screen of the same app opens and closes it
        subprocess.run(
            [sys.executable, "-c", OTHER_PROCESS, str(path)],
            check=True,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert wal.exists(), "another process deleted the WAL the app is still using"
        app.append(draft(declared.incident, "note", "Ann", NOW, {"text": "still writing"}))
    assert app.integrity() == "ok"
    assert len(app.entries(declared.incident)) == 4
    app.close()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"my notes, not a journal\n" * 10)
    before = path.read_bytes()
    try:
        Journal.open(path)
    except JournalError as error:
        assert "not a playbook journal" in str(error)
    else:
        raise AssertionError("opened a text file as a journal")
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()

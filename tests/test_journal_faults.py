"""The journal under real faults: writers killed with SIGKILL, fsync failing, resuming after a crash.

The full fault run (>= 100 trials) is benchmarks/fault_journal.py; this keeps a quick sample.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from benchmarks import fault_journal
from playbook.incident import fold
from playbook.journal import Journal
from tests.conftest import MINI

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def test_writers_killed_at_random_moments_lose_no_acknowledged_entry(tmp_path):
    results = fault_journal.run(trials=10, writers=2, seed=20261124, folder=tmp_path, max_delay=0.3)
    assert fault_journal.failures(results) == []
    assert sum(r.acknowledged for r in results) > 0  # the writers did get entries acknowledged
    assert sum(r.killed_alive for r in results) > 0  # and were killed while still writing


_FAILSYNC = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
static int failing(void) { const char *flag = getenv("FAILSYNC_FLAG"); return flag && access(flag, F_OK) == 0; }
#define FAIL(name) int name(int fd) { if (failing()) { errno = EIO; return -1; } \
    int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, #name); return real(fd); }
FAIL(fsync)
FAIL(fdatasync)
"""

_SYNC_WRITER = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from playbook.journal import Journal, Outbox, draft
    journal, flag = Journal.open(sys.argv[1]), Path(sys.argv[2])
    now = datetime.now(UTC)
    declared = journal.declare(draft(None, "declared", "Ann", now, {"title": "sync"}))
    outbox = Outbox()
    flag.touch()  # from here fsync and fdatasync fail with EIO
    outbox.add(draft(declared.incident, "note", "Ann", now, {"text": "while the disk fails"}))
    print("failed:", len(outbox.flush(journal)) == 0, outbox.last_error)
    print("unsaved:", len(outbox))
    flag.unlink()
    print("retried:", [e.data["text"] for e in outbox.flush(journal)])
""")


@pytest.fixture(scope="module")
def failsync(tmp_path_factory) -> Path:
    if sys.platform != "linux":
        pytest.skip("LD_PRELOAD interposes fsync on Linux only")  # listed by -rs, never silent
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:  # a missing tool fails the run by name rather than passing it unseen
        pytest.fail("the fsync-failure test needs a C compiler: install gcc (Debian/Ubuntu: apt-get install gcc)")
    folder = tmp_path_factory.mktemp("failsync")
    (folder / "failsync.c").write_text(_FAILSYNC)
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-o", folder / "failsync.so", folder / "failsync.c", "-ldl"], check=True
    )
    return folder / "failsync.so"


def test_a_failing_fsync_records_nothing_and_the_entry_is_retried(tmp_path, failsync):
    path, flag = tmp_path / "j.sqlite3", tmp_path / "fail-now"
    env = {**ENV, "LD_PRELOAD": str(failsync), "FAILSYNC_FLAG": str(flag)}
    run = subprocess.run(
        [sys.executable, "-c", _SYNC_WRITER, str(path), str(flag)], capture_output=True, text=True, env=env, timeout=60
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("failed: True") and "disk I/O error" in lines[0]
    assert lines[1:] == ["unsaved: 1", "retried: ['while the disk fails']"]
    with Journal.open(path) as journal:
        assert journal.integrity() == "ok"
        [record] = journal.incidents()
        assert [e.kind for e in journal.entries(record.id)] == ["declared", "note"]  # once, not twice


_CRASHING_LEADER = textwrap.dedent("""
    import os, signal, sys
    from datetime import UTC, datetime, timedelta
    from playbook.incident import declaration, fold
    from playbook.journal import Journal
    from playbook.library import load
    library = load(sys.argv[2]).library
    alpha = library.type("alpha")
    journal = Journal.open(sys.argv[1])
    t0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
    incident = fold(journal.entries(journal.declare(declaration(library, alpha, "SEV1", "Dark", "Ann", t0)).incident))
    journal.append(incident.mark("convene", "done", "Ann", t0 + timedelta(minutes=4)))
    incident = fold(journal.entries(incident.id))
    journal.append(incident.write("decision", "Evacuate floor 3", "Ann", t0 + timedelta(minutes=9),
                                  happened_at=t0 + timedelta(minutes=2)))
    print(incident.id, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # the laptop dies mid-incident
""")


def test_an_incident_resumes_after_a_crash_exactly_where_it_was(tmp_path):
    path = tmp_path / "j.sqlite3"
    crashed = subprocess.run(
        [sys.executable, "-c", _CRASHING_LEADER, str(path), str(MINI)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )
    assert crashed.returncode == -signal.SIGKILL
    incident_id = crashed.stdout.strip()
    with Journal.open(path) as journal:
        [record] = journal.incidents()
        incident = fold(journal.entries(incident_id))
    assert record.id == incident_id and record.is_open
    assert incident.step("convene").status == "done" and incident.step("convene").by == "Ann"
    assert incident.step("tell").is_open
    assert [e.data["text"] for e in incident.log] == ["Evacuate floor 3"]
    with Journal.open(path) as journal:  # ...and the leader carries on from there
        journal.append(incident.mark("tell", "done", "Bob", datetime(2026, 11, 24, 5, 20, tzinfo=UTC)))
        resumed = fold(journal.entries(incident_id))
    assert [s.status for s in resumed.steps] == ["done", "done"]

"""Fault test for the journal: kill writers with SIGKILL at random moments, then check that
every entry they acknowledged is present and the database is intact.

    python benchmarks/fault_journal.py [--trials 100] [--writers 2] [--seed N]

A writer prints "ack <uid>" only after append() returned, that is after COMMIT. Every trial
reuses the same journal file, so later writers also open (and recover) a journal whose last
writer was killed, possibly mid-transaction. Exits 1 if any acknowledged entry is missing or the
integrity check fails. (A uid is UNIQUE in the schema, so an entry cannot be recorded twice.)

SIGKILL ends the process, not the machine: the kernel still holds written pages, so this tests
SQLite's transaction and recovery logic with our settings, not the disk's honesty about fsync.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))


@attrs.frozen
class Trial:
    acknowledged: int
    killed_alive: int  # writers still running when the signal came
    lost: tuple[str, ...]
    integrity: str


def writer(path: Path, seed: int) -> None:
    """Append entries as fast as the disk allows, acknowledging each after it committed."""
    from datetime import UTC, datetime

    from playbook.journal import Journal, draft

    rng = random.Random(seed)
    journal = Journal.open(path)
    print("ready", flush=True)
    now = datetime.now(UTC)
    open_ones = [r.id for r in journal.incidents("live") if r.is_open]
    if open_ones and rng.random() < 0.8:
        incident = rng.choice(open_ones)
    else:
        declared = journal.declare(draft(None, "declared", "fault", now, {"title": "fault trial"}))
        print(f"ack {declared.uid}", flush=True)
        incident = declared.incident
    while True:
        # Sizes from a few bytes to several pages, so kills land inside multi-page writes too.
        text = "x" * rng.choice((10, 200, 2000, 9000))
        entry = journal.append(draft(incident, "note", "fault", datetime.now(UTC), {"text": text}))
        print(f"ack {entry.uid}", flush=True)


def _collect(process: subprocess.Popen, into: list[str], ready: threading.Event) -> None:
    for line in process.stdout:
        if line == "ready\n":
            ready.set()
        elif line.startswith("ack ") and line.endswith("\n"):  # a torn line was never an acknowledgement
            into.append(line[4:].strip())
    ready.set()  # the writer ended


def trial(path: Path, rng: random.Random, writers: int = 1, max_delay: float = 0.6) -> Trial:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes, acks, readers = [], [], []
    ready = threading.Event()
    for _ in range(writers):
        process = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--writer",
                str(path),
                "--seed",
                str(rng.randrange(1 << 30)),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        into: list[str] = []
        reader = threading.Thread(target=_collect, args=(process, into, ready), daemon=True)
        reader.start()
        processes.append(process)
        acks.append(into)
        readers.append(reader)
    # Most kills land while entries are being written, timed from the first writer being ready
    # (a slow, busy machine must not turn them all into kills during start-up); some land blind,
    # during start-up, creation of the journal or recovery.
    if rng.random() < 0.8:
        ready.wait(timeout=30)
    time.sleep(rng.uniform(0.0, max_delay))
    alive = 0
    for process in processes:
        alive += process.poll() is None
        process.send_signal(signal.SIGKILL)
    for process, reader in zip(processes, readers, strict=True):
        process.wait()
        reader.join()
    acknowledged = [uid for into in acks for uid in into]
    return _verify(path, acknowledged, alive)


def _verify(path: Path, acknowledged: list[str], alive: int) -> Trial:
    import sqlite3

    from playbook.journal import Journal

    if not path.exists():  # killed before the journal was created
        return Trial(len(acknowledged), alive, tuple(acknowledged), "ok")
    Journal.open(path).close()  # what the next start of the app does: open for writing, recover
    # Checked with plain sqlite3, independently of the code under test.
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        integrity = "; ".join(row[0] for row in db.execute("PRAGMA integrity_check"))
        found: set[str] = set()
        for start in range(0, len(acknowledged), 500):
            chunk = acknowledged[start : start + 500]
            found.update(
                r[0] for r in db.execute(f"SELECT uid FROM events WHERE uid IN ({','.join('?' * len(chunk))})", chunk)
            )
    finally:
        db.close()
    return Trial(len(acknowledged), alive, tuple(uid for uid in acknowledged if uid not in found), integrity)


def run(trials: int, writers: int, seed: int, folder: Path, max_delay: float = 0.6) -> list[Trial]:
    rng = random.Random(seed)
    path = folder / "journal.sqlite3"
    return [trial(path, rng, writers, max_delay) for _ in range(trials)]


def failures(results: list[Trial]) -> list[str]:
    found = []
    for number, result in enumerate(results, 1):
        if result.lost:
            found.append(f"trial {number}: {len(result.lost)} acknowledged entries lost")
        if result.integrity != "ok":
            found.append(f"trial {number}: integrity check: {result.integrity}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--writers", type=int, default=2, help="writers killed together in each trial")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--writer", type=Path, help=argparse.SUPPRESS)  # internal: run as a writer
    args = parser.parse_args()
    if args.writer:
        writer(args.writer, args.seed or 0)
        return 0
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        results = run(args.trials, args.writers, seed, Path(folder))
        size = (Path(folder) / "journal.sqlite3").stat().st_size
    elapsed = time.perf_counter() - started
    acked = sum(r.acknowledged for r in results)
    print(f"seed {seed}: {len(results)} trials, {args.writers} writer(s) each, {elapsed:.1f} s")
    print(
        f"  acknowledged entries: {acked} (per trial min {min(r.acknowledged for r in results)}, "
        f"max {max(r.acknowledged for r in results)})"
    )
    print(f"  writers killed while running: {sum(r.killed_alive for r in results)} of {len(results) * args.writers}")
    print(f"  journal size at the end: {size / 1024:.0f} KiB")
    problems = failures(results)
    print(
        f"  lost: {sum(len(r.lost) for r in results)}, integrity failures: {sum(r.integrity != 'ok' for r in results)}"
    )
    for line in problems:
        print(f"FAIL {line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

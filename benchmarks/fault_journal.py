"""Fault test for the journal: kill writers with SIGKILL at random moments, then check that
every entry they acknowledged is present and the database is intact; then damage copies of the
journal (random bit flips, truncation) and check that every copy is either read exactly as it
was or shown as damaged, never silently partial.

    python benchmarks/fault_journal.py [--trials 100] [--writers 2] [--damages 60] [--seed N]

It ends with "acknowledged lost L, damaged shown as damaged N, silently partial P": L and P must
be 0. A damaged copy counts as shown when the journal refuses it with a one-line JournalError,
its checks on open or `verify` name a problem, or an entry reads as damaged. It is silently
partial when none of that happens and yet what is read differs from the undamaged journal (a
flip in unused space changes nothing and counts as unaffected).

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


# A declaration as the app writes one (the incident list reads these fields).
DECLARED = {
    "title": "fault trial",
    "type": "fault",
    "type_title": "Fault trial",
    "commander": "fault",
    "severity": {"id": "SEV2", "name": "Major", "update_every": 30, "first_action_within": 15},
    "steps": [],
    "answers": [],
}


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
        declared = journal.declare(draft(None, "declared", "fault", now, DECLARED))
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
    for process, reader in zip(processes, readers, strict=False):
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


@attrs.frozen
class Damage:
    how: str  # "4 bit flips", "truncated to 51%"
    outcome: str  # unaffected | shown | silent | crashed
    detail: str = ""


def read_all(path: Path) -> tuple[dict[str, tuple], bool]:
    """Every entry of every live incident as the app reads them (uid -> content), and whether
    anything said the journal is damaged. Raises only JournalError, which the app shows."""
    from playbook.journal import Journal

    with Journal.open(path, readonly=True) as journal:
        flagged = bool(journal.damage) or not journal.verify().ok
        found: dict[str, tuple] = {}
        for record in journal.incidents("live"):
            flagged = flagged or bool(record.problem)
            for entry in journal.entries(record.id):
                if entry.damage:
                    flagged = True
                else:
                    found[entry.uid] = (entry.seq, entry.incident, entry.kind, dict(entry.data), entry.recorded_at)
    return found, flagged


def damage_trial(original: Path, expected: dict[str, tuple], rng: random.Random, folder: Path) -> Damage:
    import shutil

    from playbook.journal import JournalError

    copy = folder / f"damaged-{rng.randrange(1 << 30)}.sqlite3"
    shutil.copyfile(original, copy)
    data = bytearray(copy.read_bytes())
    if rng.random() < 0.7:
        flips = rng.randint(1, 40)
        for _ in range(flips):
            bit = rng.randrange(len(data) * 8)
            data[bit // 8] ^= 1 << (bit % 8)
        how = f"{flips} bit flip{'s' * (flips != 1)}"
    else:
        keep = rng.randrange(len(data))
        del data[keep:]
        how = f"truncated to {keep * 100 // max(1, len(copy.read_bytes()))}%"
    copy.write_bytes(bytes(data))
    try:
        found, flagged = read_all(copy)
    except JournalError as error:
        return Damage(how, "shown", str(error))
    except Exception as error:  # noqa: BLE001 - the point is to count what escapes
        return Damage(how, "crashed", f"{type(error).__name__}: {error}")
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
    if flagged:
        return Damage(how, "shown")
    if found != expected:
        missing = len(set(expected) - set(found))
        return Damage(how, "silent", f"{missing} entries missing or {len(found)} read of {len(expected)}")
    return Damage(how, "unaffected")


def run_damages(path: Path, count: int, seed: int, folder: Path) -> list[Damage]:
    if not path.exists() or count <= 0:
        return []
    expected, flagged = read_all(path)
    if flagged:
        raise SystemExit(f"the journal was damaged before any bit was flipped: {path}")
    rng = random.Random(seed)
    return [damage_trial(path, expected, rng, folder) for _ in range(count)]


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
    parser.add_argument("--damages", type=int, default=60, help="damaged copies (bit flips, truncation) to read")
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
        damages = run_damages(Path(folder) / "journal.sqlite3", args.damages, seed, Path(folder))
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
    outcomes = {o: sum(d.outcome == o for d in damages) for o in ("shown", "silent", "unaffected", "crashed")}
    print(f"  damaged copies: {len(damages)} ({outcomes['unaffected']} unaffected: the damage fell in unused space)")
    for number, damage in enumerate(damages, 1):
        if damage.outcome in ("silent", "crashed"):
            problems.append(f"damaged copy {number} ({damage.how}): {damage.outcome}: {damage.detail}")
    for line in problems:
        print(f"FAIL {line}")
    lost = sum(len(r.lost) for r in results)
    print(
        f"acknowledged lost {lost}, damaged shown as damaged {outcomes['shown']}, "
        f"silently partial {outcomes['silent']}" + (f", crashed {outcomes['crashed']}" if outcomes["crashed"] else "")
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

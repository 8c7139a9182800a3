"""Fault test for the shared PostgreSQL journal, with a real server in the loop:

1. Writers killed with SIGKILL at random moments, many of them mid-commit: every entry a writer
   acknowledged (append() returned, so the commit was done) must be in the journal, and verify
   must pass (no gap in the numbers, every hash and chain intact).
2. The server stopped with `pg_ctl stop -m immediate` (a crash) and started again while boards
   are writing: each board keeps what is typed meanwhile in its durable outbox (UNSAVED, on disk)
   and records it when the server is back, as the app's board does. Every entry typed must be
   recorded exactly once, in each board's order; nothing acknowledged is lost; every board
   reconnects by itself.

    python benchmarks/fault_journal_pg.py [--trials 20] [--writers 2] [--restarts 4] [--seed N]

It ends with "acknowledged lost L, typed while down lost T, recorded twice D, verify failures V"
and exits 1 unless all four are 0. The server is a throwaway cluster from Debian's initdb and
pg_ctl (tests/postgres.py), on loopback only.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.fault_journal import DECLARED  # noqa: E402  (a declaration as the app writes one)


def killed_writer(url: str, seed: int) -> None:
    """Append as fast as the server allows; 'ack UID' only after the commit."""
    from playbook.journal import draft
    from playbook.journal_pg import PgJournal

    rng = random.Random(seed)
    journal = PgJournal.open(url)
    incident = journal.declare(draft(None, "declared", "fault", datetime.now(UTC), DECLARED)).incident
    print("ready", flush=True)
    while True:
        text = "x" * rng.choice((10, 200, 2000, 9000))
        entry = journal.append(draft(incident, "note", "fault", datetime.now(UTC), {"text": text}))
        print(f"ack {entry.uid}", flush=True)


def board(url: str, outbox_file: str, name: str, count: int) -> None:
    """A board: each entry goes to the durable outbox ('typed'), then is flushed; a failed
    flush (the server down) leaves it there for the next try, as the app's board does."""
    from playbook.journal import JournalError, Outbox, draft
    from playbook.journal_pg import PgJournal

    while True:  # the first connection may meet the server down too
        try:
            journal = PgJournal.open(url)
            incident = journal.incidents()[0].id
            break
        except JournalError:
            time.sleep(0.2)
    outbox = Outbox(Path(outbox_file))
    offline = 0
    for i in range(count):
        entry = draft(incident, "note", name, datetime.now(UTC), {"text": f"{name} {i}"})
        outbox.add(entry)
        print(f"typed {entry.uid}", flush=True)
        for recorded in outbox.flush(journal):
            print(f"ack {recorded.uid}", flush=True)
        offline += bool(len(outbox))
        time.sleep(0.02)
    while len(outbox):
        time.sleep(0.2)
        for recorded in outbox.flush(journal):
            print(f"ack {recorded.uid}", flush=True)
    print(f"offline {offline}", flush=True)
    journal.close()


def _spawn(*argv: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _lines(process: subprocess.Popen, into: list[str], ready: threading.Event) -> None:
    for line in process.stdout or ():
        if line == "ready\n":
            ready.set()
        elif line.endswith("\n"):
            into.append(line.strip())
    ready.set()


def kill_trials(cluster, trials: int, writers: int, rng: random.Random) -> tuple[int, int, int]:
    """(acknowledged, lost, verify failures) over the SIGKILL trials, one journal for all."""
    from playbook.journal_pg import PgJournal

    url = cluster.journal("kills")
    acknowledged, lost, failures = 0, 0, 0
    for _ in range(trials):
        processes, outputs, ready = [], [], threading.Event()
        for _ in range(writers):
            process = _spawn("--killed-writer", url, "--seed", str(rng.randrange(1 << 30)))
            out: list[str] = []
            threading.Thread(target=_lines, args=(process, out, ready), daemon=True).start()
            processes.append(process)
            outputs.append(out)
        ready.wait(30)
        time.sleep(rng.uniform(0.05, 0.6))
        for process in processes:
            process.send_signal(signal.SIGKILL)
        for process in processes:
            process.wait()
        time.sleep(0.05)
        acks = {line[4:] for out in outputs for line in out if line.startswith("ack ")}
        with PgJournal.open(url, readonly=True) as journal:
            recorded = {e.uid for e in journal.changes()}
            failures += not journal.verify().ok
        acknowledged += len(acks)
        lost += len(acks - recorded)
    return acknowledged, lost, failures


def restart_trials(cluster, restarts: int, boards: int, rng: random.Random, folder: Path) -> dict[str, int]:
    from playbook.journal import draft
    from playbook.journal_pg import PgJournal

    url = cluster.journal("restarts")
    with PgJournal.open(url) as journal:
        journal.declare(draft(None, "declared", "fault", datetime.now(UTC), DECLARED))
    count = 150
    processes, outputs = [], []
    for n in range(boards):
        process = _spawn("--board", url, str(folder / f"board{n}.outbox"), f"b{n}", str(count))
        out: list[str] = []
        threading.Thread(target=_lines, args=(process, out, threading.Event()), daemon=True).start()
        processes.append(process)
        outputs.append(out)
    for _ in range(restarts):
        time.sleep(rng.uniform(0.3, 1.0))
        cluster.stop("immediate")  # a crash of the server
        time.sleep(rng.uniform(0.5, 1.5))
        cluster.start()
    for process in processes:
        process.wait(300)
    time.sleep(0.2)
    typed = [line[6:] for out in outputs for line in out if line.startswith("typed ")]
    acks = {line[4:] for out in outputs for line in out if line.startswith("ack ")}
    offline = sum(int(line.split()[1]) for out in outputs for line in out if line.startswith("offline "))
    with PgJournal.open(url, readonly=True) as journal:
        entries = [e for e in journal.changes() if e.kind == "note"]
        ok = journal.verify().ok
    uids = Counter(e.uid for e in entries)
    in_order = all(
        [e.data["text"] for e in entries if e.actor == f"b{n}"] == [f"b{n} {i}" for i in range(count)]
        for n in range(boards)
    )
    return {
        "typed": len(typed),
        "typed_lost": len(set(typed) - set(uids)),
        "acknowledged_lost": len(acks - set(uids)),
        "twice": sum(c > 1 for c in uids.values()),
        "out_of_order": int(not in_order),
        "verify_failures": int(not ok),
        "entries_made_while_offline": offline,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--restarts", type=int, default=4)
    parser.add_argument("--boards", type=int, default=2)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--killed-writer", help=argparse.SUPPRESS)
    parser.add_argument("--board", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.killed_writer:
        killed_writer(args.killed_writer, args.seed or 0)
        return 0
    if args.board:
        url, outbox, name, count = args.board
        board(url, outbox, name, int(count))
        return 0
    from tests.postgres import cluster

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    with cluster() as server, tempfile.TemporaryDirectory() as folder:
        start = time.monotonic()
        acknowledged, lost, kill_failures = kill_trials(server, args.trials, args.writers, rng)
        print(f"SIGKILL trials: {args.trials} x {args.writers} writers, {acknowledged} acknowledged, {lost} lost")
        restarts = restart_trials(server, args.restarts, args.boards, rng, Path(folder))
        print(
            f"server crashes: {args.restarts} (pg_ctl stop -m immediate, then start) under {args.boards} boards: "
            f"{restarts['typed']} typed, {restarts['entries_made_while_offline']} of them made while the server "
            f"was down, lost {restarts['typed_lost']}, out of order {restarts['out_of_order']}"
        )
        failures = kill_failures + restarts["verify_failures"]
        print(f"seed {seed}, {time.monotonic() - start:.0f} s")
        print(
            f"acknowledged lost {lost + restarts['acknowledged_lost']}, typed while down lost "
            f"{restarts['typed_lost']}, recorded twice {restarts['twice']}, verify failures {failures}"
        )
    bad = lost + restarts["acknowledged_lost"] + restarts["typed_lost"] + restarts["twice"] + failures
    return 1 if bad or restarts["out_of_order"] else 0


if __name__ == "__main__":
    sys.exit(main())

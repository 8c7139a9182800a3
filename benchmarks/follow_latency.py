"""How soon another terminal's entry reaches a board: polling once a second (what the boards did)
against following the journal (what they do: a thread blocked in `journal.wait`, NOTIFY on
PostgreSQL, data_version on SQLite, then a read at once).

A writer (its own connection, as another machine's board) appends notes at random moments;
for each back end, a polling reader and a following reader, both the board's own core
(playbook.live.LiveIncident: `poll` on a 1 s timer, or `followed` after each `watch` look), note
when each entry arrives. Latency is arrival minus the moment append() returned (the commit).

    python benchmarks/follow_latency.py [--entries 30] [--seed N]

It prints, per back end, the median and 90th percentile latency of each reader and the ratio
poll/follow of the medians, all from the same run and the same writes. The PostgreSQL server
is a throwaway cluster from Debian's initdb and pg_ctl (tests/postgres.py), on loopback only.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playbook.journal import JournalStore

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.fault_journal import DECLARED  # noqa: E402  (a declaration as the app writes one)

POLL_SECONDS = 1.0  # the boards' old tick


def reader(
    open_journal: Callable[[], JournalStore], incident: str, mode: str, arrived: dict[str, float]
) -> Callable[[threading.Event], None]:
    """A board's reading, as `mode` does it: the arrival time of each note, by its text."""
    from playbook.journal import Outbox
    from playbook.journals import watch
    from playbook.live import LiveIncident

    def seen(live: LiveIncident) -> None:
        now = time.monotonic()
        for entry in live.recorded:
            if entry.kind == "note":
                arrived.setdefault(entry.data["text"], now)

    def run(stopped: threading.Event) -> None:
        journal = open_journal()
        live = LiveIncident(journal, incident, None, "bench", outbox=Outbox())
        if mode == "poll":
            while not stopped.wait(POLL_SECONDS):
                live.poll()
                seen(live)
        else:
            for look in watch(journal, stopped):
                if live.followed(look):
                    seen(live)
        journal.close()

    return run


def measure(open_journal: Callable[[], JournalStore], entries: int, rng: random.Random) -> dict[str, list[float]]:
    from playbook.journal import draft

    writer = open_journal()
    incident = writer.declare(draft(None, "declared", "bench", datetime.now(UTC), DECLARED)).incident
    arrived: dict[str, dict[str, float]] = {"poll": {}, "follow": {}}
    stopped = threading.Event()
    threads = [
        threading.Thread(target=reader(open_journal, incident, mode, arrived[mode]), args=(stopped,))
        for mode in arrived
    ]
    for thread in threads:
        thread.start()
    time.sleep(1.5)  # both readers open and following
    committed: dict[str, float] = {}
    for n in range(entries):
        time.sleep(rng.uniform(0.2, 1.5))  # entries come at no particular moment of a poll's second
        text = f"note {n}"
        writer.append(draft(incident, "note", "writer", datetime.now(UTC), {"text": text}))
        committed[text] = time.monotonic()
    time.sleep(POLL_SECONDS + 1.0)
    stopped.set()
    for thread in threads:
        thread.join(10)
    writer.close()
    missing = {mode: len(set(committed) - set(seen)) for mode, seen in arrived.items()}
    if any(missing.values()):
        raise SystemExit(f"entries never seen: {missing}")
    return {mode: [seen[text] - at for text, at in committed.items()] for mode, seen in arrived.items()}


def report(name: str, latency: dict[str, list[float]]) -> None:
    def ms(values: list[float], q: float) -> float:
        return 1000 * statistics.quantiles(values, n=10)[8] if q == 0.9 else 1000 * statistics.median(values)

    poll, follow = latency["poll"], latency["follow"]
    print(
        f"{name:<11} poll (1 s tick): median {ms(poll, 0.5):6.0f} ms, p90 {ms(poll, 0.9):6.0f} ms · "
        f"follow: median {ms(follow, 0.5):6.0f} ms, p90 {ms(follow, 0.9):6.0f} ms · "
        f"poll/follow {statistics.median(poll) / max(statistics.median(follow), 1e-6):.1f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=30)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    from playbook.journal import Journal
    from playbook.journal_pg import PgJournal
    from tests.postgres import cluster

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.sqlite3"
        Journal.open(path).close()
        report("SQLite", measure(lambda: Journal.open(path), args.entries, random.Random(seed)))
    with cluster() as server:
        url = server.journal("latency")
        report("PostgreSQL", measure(lambda: PgJournal.open(url), args.entries, random.Random(seed)))
    print(f"{args.entries} entries per back end, seed {seed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

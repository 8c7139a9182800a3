"""What the journal's checks cost as it grows: every open runs SQLite's quick check and follows
every incident's hash chain; `verify` (and every report) runs the full integrity check too; an
incident's entries are checked against their chain as they are read.

Writes a journal of N entries over a few incidents (synchronous=OFF while generating: only the
reads are measured) and times, best of --repeat:

  open        Journal.open (quick check + chain walk over every entry)
  verify      Journal.verify() (full integrity check + chain walk)
  entries     Journal.entries(one incident): what the board reads when it opens
  baseline    the same rows read with plain sqlite3 and json.loads, no checks: the floor

    python benchmarks/journal_checks.py --entries 20000
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playbook.journal import Journal, draft  # noqa: E402

T0 = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)


def generate(path: Path, entries: int, incidents: int) -> list[str]:
    with Journal.open(path) as journal:
        journal._db.execute("PRAGMA synchronous = OFF")  # generating only
        ids = [
            journal.declare(draft(None, "declared", "bench", T0, {"title": f"i{n}"})).incident for n in range(incidents)
        ]
        for n in range(entries - incidents):
            text = f"note {n} " + "x" * (n % 300)
            journal.append(draft(ids[n % incidents], "note", "bench", T0, {"text": text}))
    return ids


def best(repeat: int, action) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--incidents", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.sqlite3"
        ids = generate(path, args.entries, args.incidents)

        def baseline() -> None:
            db = sqlite3.connect(path)
            for (data,) in db.execute("SELECT data FROM events ORDER BY seq"):
                json.loads(data)
            db.close()

        journal = Journal.open(path)
        results = {
            "open": best(args.repeat, lambda: Journal.open(path).close()),
            "verify": best(args.repeat, journal.verify),
            "entries": best(args.repeat, lambda: journal.entries(ids[0])),
            "baseline": best(args.repeat, baseline),
        }
        journal.close()
        size = path.stat().st_size
    per = args.entries / 1000
    print(f"{args.entries} entries in {args.incidents} incidents, {size / 1024:.0f} KiB, best of {args.repeat}")
    for name, seconds in results.items():
        print(f"  {name:<9} {seconds * 1000:8.1f} ms  ({seconds * 1000 / per:.2f} ms per 1000 entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

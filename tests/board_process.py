"""A terminal board in a process of its own, for the tests of a team on one journal from several
machines. `python -m tests.board_process JOURNAL INCIDENT NAME` opens the app (headless, on the
bundled library and the system clock) on INCIDENT's board, prints `ready`, then `seen SEQ TEXT`
for every note the board has read from the journal, as it comes; each line `note TEXT` on its
stdin is typed on the board as a note (n, the text, Enter, Enter for "now").

`Board` runs one and keeps when each note arrived (time.monotonic of this process)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent


class Board:
    """A board process and what it has seen: {text: (seq, arrival)}."""

    def __init__(self, journal: str | Path, incident: str, name: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.board_process", str(journal), incident, name],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.ready = threading.Event()
        self.seen: dict[str, tuple[int, float]] = {}
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            if line.startswith("ready"):
                self.ready.set()
            elif line.startswith("seen "):
                _, seq, text = line.rstrip("\n").split(" ", 2)
                self.seen.setdefault(text, (int(seq), time.monotonic()))

    def wait_ready(self, seconds: float = 60) -> None:
        if not self.ready.wait(seconds):
            self.stop()
            raise AssertionError(f"the board never opened: {''.join(self.output)[-1500:]}")

    def note(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"note {text}\n")
        self.process.stdin.flush()

    def wait_for(self, texts: list[str], seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while not set(texts) <= set(self.seen) and time.monotonic() < deadline:
            time.sleep(0.02)
        missing = set(texts) - set(self.seen)
        assert not missing, f"never seen on the board: {missing}; it said: {''.join(self.output)[-1500:]}"

    def stop(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()  # the board process ends when its stdin does
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


async def _main(journal: str, incident: str, name: str) -> None:
    from tests.tui.pilot import ready
    from tui.app import PlaybookApp
    from tui.screens.incident import IncidentScreen

    app = PlaybookApp(None, journal=journal)  # type: ignore[arg-type]  (a URL stays text)
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    loop = asyncio.get_running_loop()

    def read_stdin() -> None:
        for line in sys.stdin:
            loop.call_soon_threadsafe(lines.put_nowait, line)
        loop.call_soon_threadsafe(lines.put_nowait, None)

    threading.Thread(target=read_stdin, daemon=True).start()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        board = IncidentScreen(app.context.open_journal(), incident, app.library, name)
        await app.push_screen(board)
        print("ready", flush=True)
        printed: set[int] = set()
        while True:
            for entry in board.live.recorded:
                if entry.kind == "note" and entry.seq not in printed:
                    printed.add(entry.seq)
                    print(f"seen {entry.seq} {entry.data['text']}", flush=True)
            try:
                line = lines.get_nowait()
            except asyncio.QueueEmpty:
                await pilot.pause(0.01)
                continue
            if line is None:
                return
            if line.startswith("note "):
                await pilot.press("n", *line[5:].rstrip("\n"), "enter", "enter")


if __name__ == "__main__":
    asyncio.run(_main(*sys.argv[1:4]))

"""Authoring from the app: open a playbook in $EDITOR, and reload when files change on disk.

The app suspends while the editor runs, then reloads and revalidates the library and says in
a toast whether the edited file is clean. A timer notices files changed by other means (an
editor in another window, `git pull`) and reloads too. Open screens keep the version they
were opened with: a leader in the middle of a live response is never pulled out of it.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported
from textual.notifications import SeverityLevel
from textual.screen import Screen

from playbook.library import LIBRARY_FILE, Loaded, display_path, incident_files, load
from playbook.model import IncidentType
from tui.context import LibraryLoaded
from tui.screens.on_the_way import OnTheWay

if TYPE_CHECKING:
    from tui.app import PlaybookApp

# Editors that open a file at a line when given `+LINE FILE`, or `FILE:LINE`.
_PLUS_LINE = {
    "vi",
    "vim",
    "nvim",
    "view",
    "nano",
    "pico",
    "emacs",
    "emacsclient",
    "micro",
    "kak",
    "joe",
    "ne",
    "mg",
    "jed",
}
_COLON_LINE = {"hx", "helix", "subl", "zed"}
_GOTO_LINE = {"code", "code-insiders", "codium", "cursor"}

Fingerprint = dict[str, tuple[int, int, int]]


def editor_command(path: str, line: int = 1, environ: Mapping[str, str] = os.environ) -> list[str] | None:
    """The command that opens `path` at `line` in the user's editor ($VISUAL, else $EDITOR)."""
    chosen = (environ.get("VISUAL") or environ.get("EDITOR") or "").strip()
    try:
        argv = shlex.split(chosen)
    except ValueError:  # unbalanced quotes in the variable
        return None
    if not argv:
        return None
    name = Path(argv[0]).name.lower().removesuffix(".exe")
    if line > 1 and name in _PLUS_LINE:
        return [*argv, f"+{line}", path]
    if line > 1 and name in _COLON_LINE:
        return [*argv, f"{path}:{line}"]
    if line > 1 and name in _GOTO_LINE:
        return [*argv, "--goto", f"{path}:{line}"]
    return [*argv, path]


def fingerprint(root: Path) -> Fingerprint:
    """What identifies each library file's current content without reading it. The inode
    catches atomic saves (write and rename) that keep the size and land in the same tick."""
    found: Fingerprint = {}
    for path in [root / LIBRARY_FILE, *incident_files(root)] if root.is_dir() else []:
        try:
            info = path.stat()
        except OSError:  # deleted between listing and stat: it counts as gone
            continue
        found[path.name] = (info.st_ino, info.st_mtime_ns, info.st_size)
    return found


def summary(loaded: Loaded, path: str) -> str:
    """One line on a file's state after a reload, for a toast."""
    found = loaded.problems_in(path)
    if not found:
        return f"{path}: no problems"
    errors = sum(p.is_error for p in found)
    warnings = len(found) - errors
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    first = min(found, key=lambda p: (not p.is_error, p.line, p.col))
    left_out = "; left out of the library" if errors else ""
    return f"{path}: {counts}{left_out}. First: {first.line}:{first.col} {first.code} {first.message}"


class Authoring:
    """The app's editing and reloading. The app owns one and forwards its `edit` action."""

    def __init__(self, app: PlaybookApp, interval: float = 1.0) -> None:
        self.app = app
        self.interval = interval
        self.seen: Fingerprint = {}
        self.reopens = False  # True when the app opens each new version itself (preview)

    @property
    def root(self) -> Path:
        return self.app.root

    def start(self) -> None:
        self.seen = fingerprint(self.root)
        # A timer, not a worker looping forever: stat-ing one folder costs well under a
        # millisecond, and a never-ending worker would keep `workers.wait_for_complete()` waiting.
        self.app.set_interval(self.interval, self.poll, name="watch library files")

    def poll(self) -> None:
        now = fingerprint(self.root)
        if now == self.seen:
            return
        changed = sorted(name for name in now.keys() | self.seen.keys() if now.get(name) != self.seen.get(name))
        self.reload([display_path(self.root / name) for name in changed], "changed on disk")

    # -- editing -------------------------------------------------------------------------

    def target(self) -> tuple[str, int] | None:
        """The file (and line) the user means: the failing file on the problems screen, else the
        incident type on screen or highlighted; its first problem's line if it has one."""
        from tui.screens.problems import ProblemsScreen, first_line

        loaded: Loaded | None = self.app.loaded
        if loaded is None:
            return None
        screen = self.app.screen
        if isinstance(screen, ProblemsScreen):
            return screen.selected  # the file or problem selected with up/down, at its line
        incident = type_on(screen)
        if incident is None or not incident.path:
            return None
        return incident.path, first_line(loaded.problems_in(incident.path))

    def edit(self) -> None:
        chosen = self.target()
        if chosen is None:
            return
        path, line = chosen
        command = editor_command(path, line)
        if command is None:
            self.app.notify(
                "Set $EDITOR to your editor (for example: export EDITOR=nano), then press the key again.",
                title="No editor",
                severity="warning",
                markup=False,
            )
            return
        try:
            status = self._run(command)
        except SuspendNotSupported:
            self.app.notify(
                f"The editor cannot open here (a web terminal). Edit {path} directly; the app reloads it.",
                severity="warning",
                markup=False,
            )
            return
        except OSError as error:
            self.app.notify(
                f"Cannot start {command[0]}: {error.strerror or error}", title="Editor", severity="error", markup=False
            )
            return
        if status != 0:
            self.app.notify(
                f"{command[0]} exited with status {status}", title="Editor", severity="warning", markup=False
            )
        self.reload([path], "edited")

    def _run(self, command: list[str]) -> int:
        try:
            with self.app.suspend():
                return subprocess.run(command).returncode
        except SuspendNotSupported:
            if not self.app.is_headless:
                raise
        # Headless (tests, scripted runs): there is no terminal to hand over, so just run it.
        return subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True).returncode

    # -- reloading -----------------------------------------------------------------------

    def reload(self, paths: list[str], why: str) -> None:
        """Reload and revalidate the whole library in a worker; report on `paths` when done."""
        self.seen = fingerprint(self.root)  # what this load will see: no second reload for it
        self.app.run_worker(
            partial(self._load, paths, why),
            thread=True,
            group="library",
            exclusive=True,
            description="reload the library",
        )

    def _load(self, paths: list[str], why: str) -> None:
        loaded = load(self.root)
        self.app.call_from_thread(self._loaded, loaded, paths, why)

    def _loaded(self, loaded: Loaded, paths: list[str], why: str) -> None:
        from tui.screens.problems import ProblemsScreen

        # The problems screen is about the library's state: it is replaced by the new state.
        was_problems = isinstance(self.app.screen, ProblemsScreen)
        if was_problems:
            self.app.pop_screen()
        self.app.post_message(LibraryLoaded(loaded))
        for path in paths:
            gone = path not in loaded.files and not Path(path).exists()
            text = f"{path}: removed" if gone else summary(loaded, path)
            severity: SeverityLevel = "error" if any(p.is_error for p in loaded.problems_in(path)) else "information"
            self.app.notify(text, title=f"Reloaded: {why}", severity=severity, markup=False)
        if was_problems:
            self.app.call_later(self._reopen_problems)  # after the app has taken in the new load
        elif not self.reopens and self._shows_changed(self.app.screen, paths):
            self.app.notify(
                "This screen still shows the version you opened; open it again to see the changes.",
                severity="information",
                markup=False,
            )

    def _reopen_problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        loaded = self.app.loaded
        if isinstance(self.app.screen, ProblemsScreen):  # the app opened it itself
            return
        if loaded is not None and (loaded.failed or loaded.library is None):
            self.app.open_problems()
        else:
            self.app.notify("Every file loads now.", title="No problems left", markup=False)

    @staticmethod
    def _shows_changed(screen: Screen, paths: list[str]) -> bool:
        return isinstance(screen, OnTheWay) and screen.incident.path in paths


def type_on(screen: Screen) -> IncidentType | None:
    """The incident type a screen is about: a triage's or a response's, or the one highlighted
    in the search results. A new screen about one type says so here."""
    from tui.screens.find import FindScreen

    if isinstance(screen, OnTheWay):
        return screen.incident
    if isinstance(screen, FindScreen):
        return screen.highlighted
    return None

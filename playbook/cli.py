"""The `playbook` command. With no sub-command it opens the terminal UI.

Each sub-command lives in `playbook/commands/<name>.py` with `HELP`, `add_arguments(parser)`
and `run(args) -> int`. They import heavy modules inside `run`, so `playbook --help` and
`playbook validate` stay fast and never import textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from playbook import __version__
from playbook.clock import SYSTEM_CLOCK, Clock
from playbook.errors import PlaybookError
from playbook.safe import safe

# In the order --help lists them: leaders first, then the record, practice, and authors' tools.
COMMANDS = (
    "list",
    "show",
    "triage",
    "incidents",
    "declare",
    "log",
    "step",
    "assign",
    "follow",
    "report",
    "journal",
    "practice",
    "drill",
    "validate",
    "new",
    "lesson",
    "preview",
    "serve",
    "export",
    "handbook",
    "import-table",
    "schema",
    "rules",
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(PlaybookError):
    """Bad arguments or unreadable input: printed as one line, exit 2."""


class SafeStream:
    """A text stream that shows every write through `safe`: whatever a command prints (library
    text, journal entries, paths, argparse's echo of an argument) cannot steer the terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(safe(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, encoding, fileno...
        return getattr(self.stream, name)


@contextmanager
def safe_output() -> Iterator[None]:
    """stdout and stderr through `safe` while a command runs (the app draws its own screen)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(saved[0]), SafeStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--library",
        type=Path,
        default=default,
        metavar="PATH",
        help="the library folder (default: $PLAYBOOK_LIBRARY, else the bundled library)",
    )
    parser.add_argument(
        "--journal",
        default=default,
        metavar="PATH|URL",
        help="the incident journal: a file, or postgresql://... for a team's shared one "
        "(default: $PLAYBOOK_JOURNAL, else journal.sqlite3 in your data folder)",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        default=default,
        help="the app only shows and reports: nothing is written to the journal (an observer's view)",
    )


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `only`, just that command's, none for "" (the app). So a command
    imports only its own module, not every command's: `validate` holds no journal code, and
    the app starts without 0.1 s of command modules."""
    top = argparse.ArgumentParser(
        prog="playbook",
        description="Critical-incident playbooks: recognise, triage, respond, drill. With no command, opens the app.",
    )
    top.add_argument("--version", action="version", version=f"playbook {__version__}")
    global_options(top, default=None)
    # The same options after the command (`playbook new x --library L`); SUPPRESS keeps the value
    # given before the command when they are not repeated after it.
    shared = argparse.ArgumentParser(add_help=False)
    global_options(shared, default=argparse.SUPPRESS)
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,) if only else ():
        module = importlib.import_module(f"playbook.commands.{name.replace('-', '_')}")
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP, parents=[shared])
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return top


_VALUED = ("--library", "--journal")
_FLAGS = ("--read-only", "--version")


def chosen(argv: list[str]) -> str | None:
    """The command `argv` surely names; "" when it surely names none (the app); None when it
    may ask for help or be wrong, which the full parser answers. Options before the command
    are skipped, with the value of those that take one (argparse takes an option's first
    letters for the whole of it)."""
    tokens = iter(argv)
    for token in tokens:
        if not token.startswith("-"):
            return token if token in COMMANDS else None
        option = token.partition("=")[0]
        if _abbreviates(option, _VALUED):
            if "=" not in token:
                next(tokens, None)  # the option's value
        elif "=" in token or not _abbreviates(option, _FLAGS):
            return None  # -h, --help, --, or an option the parser must judge
    return ""


def _abbreviates(option: str, known: tuple[str, ...]) -> bool:
    return len(option) > 2 and any(name.startswith(option) for name in known)


def main(argv: list[str] | None = None, clock: Clock = SYSTEM_CLOCK) -> int:
    argv = sys.argv[1:] if argv is None else argv
    with safe_output():
        args = parser(chosen(argv)).parse_args(argv)  # its errors echo what was typed
    args.clock = clock  # the one clock every command reads (tests pass a FakeClock)
    if args.library is None and os.environ.get("PLAYBOOK_LIBRARY"):
        args.library = Path(os.environ["PLAYBOOK_LIBRARY"])
    if args.journal is None and os.environ.get("PLAYBOOK_JOURNAL"):
        args.journal = os.environ["PLAYBOOK_JOURNAL"]
    try:
        if args.command is None:
            from tui.app import run_app  # only the app needs textual

            return run_app(args)
        with safe_output():
            return args.run(args)
    except PlaybookError as error:  # a usage error, or any the core raises that a command let through
        print(safe(f"playbook: {error}"), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `playbook list | head`
        sys.stderr.close()
        return EXIT_OK
    except OSError as error:  # a disk or a file that fails under us: one line, never a traceback
        print(safe(f"playbook: {error.filename or ''}: {error.strerror or error}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def entry() -> None:
    sys.exit(main())

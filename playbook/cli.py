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
from pathlib import Path

from playbook import __version__

# In the order --help lists them: leaders first, then the record, practice, and authors' tools.
COMMANDS = (
    "list",
    "show",
    "triage",
    "incidents",
    "report",
    "journal",
    "practice",
    "drill",
    "validate",
    "new",
    "lesson",
    "preview",
    "export",
    "handbook",
    "import-table",
    "schema",
    "rules",
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or unreadable input: printed as one line, exit 2."""


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
        type=Path,
        default=default,
        metavar="PATH",
        help="the incident journal (default: $PLAYBOOK_JOURNAL, else journal.sqlite3 in your data folder)",
    )


def parser() -> argparse.ArgumentParser:
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
    for name in COMMANDS:
        module = importlib.import_module(f"playbook.commands.{name.replace('-', '_')}")
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP, parents=[shared])
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.library is None and os.environ.get("PLAYBOOK_LIBRARY"):
        args.library = Path(os.environ["PLAYBOOK_LIBRARY"])
    if args.journal is None and os.environ.get("PLAYBOOK_JOURNAL"):
        args.journal = Path(os.environ["PLAYBOOK_JOURNAL"])
    try:
        if args.command is None:
            from tui.app import run_app  # only the app needs textual

            return run_app(args)
        return args.run(args)
    except UsageError as error:
        print(f"playbook: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:
        from playbook.journal import JournalError  # only when something failed: --help stays light

        if not isinstance(error, JournalError):
            raise
        print(f"playbook: {error}", file=sys.stderr)  # a journal that cannot be used: said in one line
        return EXIT_USAGE
    except BrokenPipeError:  # `playbook list | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def entry() -> None:
    sys.exit(main())

"""`playbook serve`: the app to browsers, for a crisis team in a room or across sites."""

from __future__ import annotations

import argparse
from pathlib import Path

from playbook.cli import EXIT_OK, UsageError

HELP = "serve the app to browsers on one library and journal, behind an access link (and a read-only one)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for the room)",
    )
    parser.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    parser.add_argument(
        "--token-file",
        type=Path,
        metavar="FILE",
        help="the team's token on the first line, the observers' on the second (default: new ones, printed)",
    )


def run(args: argparse.Namespace) -> int:
    from playbook.commands.journaled import journal_path
    from playbook.serve import OBSERVER, TEAM, Access, ServeError, app_command, links, server

    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port} is not a port number (1-65535)")
    try:
        access = Access.from_file(args.token_file) if args.token_file else Access.generate()
    except ServeError as error:
        raise UsageError(str(error)) from None
    journal = journal_path(args)
    library = args.library.resolve() if args.library else None
    commands = {
        TEAM: app_command(library, journal.resolve(), read_only=False),
        OBSERVER: app_command(library, journal.resolve(), read_only=True),
    }
    urls = links(args.host, args.port, access)
    print(f"Playbook on http://{args.host}:{args.port}/ (journal {journal})", flush=True)
    print(f"  team link (full access):      {urls[TEAM]}", flush=True)
    print(f"  observer link (read-only):    {urls[OBSERVER]}", flush=True)
    print("Anyone with a link can open the app: share it only with the team. Ctrl+C stops the server.", flush=True)
    try:
        import textual_serve  # noqa: F401  (an optional extra)
    except ImportError:
        raise UsageError("playbook serve needs textual-serve: pip install 'playbook[serve]'") from None
    try:
        server(commands, access, args.host, args.port).serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}") from None
    return EXIT_OK

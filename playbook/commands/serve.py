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
        "--drill",
        metavar="ID",
        help="serve only this running drill's player view (each browser a player; see --as)",
    )
    parser.add_argument(
        "--as",
        dest="role",
        choices=("app", "player"),
        default=None,
        help="app: the whole app (the default); player: a drill's player view, with no way to the "
        "facilitator's material (the default with --drill)",
    )
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
    where = journal.resolve() if isinstance(journal, Path) else journal  # a PostgreSQL URL as given
    library = args.library.resolve() if args.library else None
    drill = _drill(args)
    commands = {
        TEAM: app_command(library, where, read_only=False, drill=drill),
        OBSERVER: app_command(library, where, read_only=True, drill=drill),
    }
    urls = links(args.host, args.port, access)
    title = f"Playbook · drill {drill} (player)" if drill else "Playbook"
    what = f"drill {drill}, the players' view only" if drill else "Playbook"
    print(f"{what} on http://{args.host}:{args.port}/ (journal {journal})", flush=True)
    team = "player link (full access):" if drill else "team link (full access):"
    print(f"  {team:<30}{urls[TEAM]}", flush=True)
    print(f"  observer link (read-only):    {urls[OBSERVER]}", flush=True)
    print("Anyone with a link can open the app: share it only with the team. Ctrl+C stops the server.", flush=True)
    try:
        import textual_serve  # noqa: F401  (an optional extra)
    except ImportError:
        raise UsageError("playbook serve needs textual-serve: pip install 'playbook[serve]'") from None
    try:
        server(commands, access, args.host, args.port, title).serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}") from None
    return EXIT_OK


def _drill(args: argparse.Namespace) -> str | None:
    """The drill whose player view is served (None: the whole app), checked before anyone joins:
    a drill of this journal, running, on this library."""
    role = args.role or ("player" if args.drill else "app")
    if role == "player" and not args.drill:
        raise UsageError("--as player serves a drill's player view: name the drill with --drill ID")
    if role == "app" and args.drill:
        raise UsageError(
            "the whole app would show players the facilitator's material: serve the drill with --as player"
        )
    if not args.drill:
        return None
    from playbook import drill_run
    from playbook.commands.common import usable_library
    from playbook.commands.journaled import existing_journal
    from playbook.journal import JournalError

    library = usable_library(args)
    journal = existing_journal(args)
    if journal is None:
        raise UsageError(f"no drill '{args.drill}': the journal has none yet")
    with journal:
        try:
            run = drill_run.load(journal, library, args.drill, args.clock.now())
        except (drill_run.DrillRunError, JournalError) as error:
            raise UsageError(str(error)) from None
    if run.ended:
        raise UsageError(f"drill {run.id} has ended: there is nothing left to play")
    return str(run.id)

"""`playbook journal verify|init|copy`: check a journal, start a team's shared journal on
PostgreSQL, and move a journal between a file and a database with every hash intact."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK, EXIT_PROBLEMS, UsageError

HELP = "the journal: verify it (exit 0 intact, 1 naming each problem, 2 unreadable), init a shared one, copy it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check every entry, the chain, the append-only guards and integrity")
    verify.add_argument(
        "--journal",
        metavar="PATH|URL",
        default=argparse.SUPPRESS,
        help="the journal to check (default: the one in use)",
    )
    init = actions.add_parser(
        "init", help="create a shared journal in a PostgreSQL database (as its owner) and let the team's role use it"
    )
    init.add_argument("url", help="postgresql://OWNER@HOST/DATABASE: a role that may create tables there")
    init.add_argument(
        "--app-role",
        metavar="ROLE",
        help="the role the team connects as: it may read and add entries, never change or remove them",
    )
    copy = actions.add_parser("copy", help="copy a journal (file or database) into an empty one, then verify the copy")
    copy.add_argument("source", metavar="FROM", help="a journal file or a postgresql:// URL (read, never changed)")
    copy.add_argument("target", metavar="TO", help="a new journal file or an empty journal's postgresql:// URL")


def run(args: argparse.Namespace) -> int:
    if args.action == "init":
        return _init(args)
    if args.action == "copy":
        return _copy(args)
    return _verify(args)


def _verify(args: argparse.Namespace) -> int:
    from pathlib import Path

    from playbook.commands.journaled import journal_path
    from playbook.journal import JournalError, NoJournal, outbox_path
    from playbook.journals import open_journal, shown

    where = journal_path(args)
    if isinstance(where, Path) and not where.exists():
        raise UsageError(f"{where}: no journal here")
    try:
        with open_journal(where, readonly=True, create=False) as journal:
            result = journal.verify()
            anchor = journal.path
    except NoJournal as error:
        raise UsageError(str(error)) from None
    except JournalError as error:
        raise UsageError(str(error)) from None
    name = _quoted(shown(where))
    for finding in result.findings:
        print(f"{name}: {finding}")
    incidents = len(result.heads)
    state = "intact" if result.ok else f"{len(result.findings)} problem{'s' * (len(result.findings) != 1)} found"
    engine = "integrity check" if isinstance(where, str) else "SQLite integrity check"
    print(
        f"{name}: {state}: {result.entries} entr{'ies' if result.entries != 1 else 'y'} in {incidents} "
        f"incident{'s' * (incidents != 1)}; {engine}: {result.integrity}"
    )
    if result.legacy:
        print(f"  {result.legacy} entries were recorded before the hash chain (journal format 1): not checked")
    if result.findings or result.heads:
        # Reports and boards number each incident's entries from #1; the journal's rows run across all.
        print("  #N here is a row of the whole journal (its sequence number), not an entry's number in its incident")
    for incident, head in sorted(result.heads.items()):
        print(f"  {_quoted(incident, 80)} chain head {head}")
    waiting = outbox_path(anchor)
    if waiting.exists():
        print(f"  {waiting} holds entries typed while the journal could not be written: the next start records them")
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def _quoted(text: str, limit: int = 200) -> str:
    from playbook.problems import quote

    return quote(text, limit=limit)[1:-1]


def _init(args: argparse.Namespace) -> int:
    from playbook.journal import JournalError
    from playbook.journals import open_journal, shown
    from playbook.paths import is_journal_url

    if not is_journal_url(args.url):
        raise UsageError(
            f"{args.url!r} is not a postgresql:// URL (a journal file needs no init: it is made on first use)"
        )
    try:
        with open_journal(args.url) as journal:
            if args.app_role:
                journal.grant(args.app_role)  # type: ignore[attr-defined]
    except JournalError as error:
        raise UsageError(str(error)) from None
    role = f"; the role {args.app_role} may read and add entries" if args.app_role else ""
    print(f"{shown(args.url)}: a journal is ready{role}")
    return EXIT_OK


def _copy(args: argparse.Namespace) -> int:
    from pathlib import Path

    from playbook.journal import JournalError
    from playbook.journals import copy_journal, shown
    from playbook.paths import is_journal_url

    source = args.source if is_journal_url(args.source) else Path(args.source)
    target = args.target if is_journal_url(args.target) else Path(args.target)
    if isinstance(source, Path) and not source.is_file():
        raise UsageError(f"{source}: no journal here")
    if isinstance(target, Path) and target.exists():
        raise UsageError(f"{target} already exists: copy into a new file")
    try:
        result = copy_journal(source, target)
    except JournalError as error:
        raise UsageError(str(error)) from None
    for finding in result.findings:
        print(f"{shown(target)}: {finding}")
    state = "verified intact" if result.ok else "the copy FAILED its check"
    print(f"{shown(source)} -> {shown(target)}: {result.entries} entries in {len(result.heads)} incidents, {state}")
    return EXIT_OK if result.ok else EXIT_PROBLEMS

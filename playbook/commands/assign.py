"""`playbook assign INCIDENT ROLE NAME`: who holds a role, from a script (a hand-over if someone did)."""

from __future__ import annotations

import argparse

from playbook.cli import EXIT_OK, UsageError
from playbook.commands.scripted import actor, add_actor, now, record, say

HELP = "give a role of a live incident to a person (a hand-over when someone holds it)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("incident", help="the incident's id (INC-...)")
    parser.add_argument("role", help="the role's id from library.yaml (or commander)")
    parser.add_argument("name", help="the person who takes it")
    add_actor(parser)


def run(args: argparse.Namespace) -> int:
    from playbook.commands.common import usable_library
    from playbook.incident import COMMANDER_ROLES

    library = usable_library(args)
    role = library.role(args.role)
    if role is None and args.role not in COMMANDER_ROLES:
        known = ", ".join(r.id for r in library.roles)
        raise UsageError(f"no role '{args.role}' (the roles: {known})")
    name = role.name if role else "Incident commander"
    entry = record(args, args.incident, lambda s: s.assign(args.role, name, args.name, actor(args), now(args)))
    say(args, entry, f"{name}: {args.name}")
    return EXIT_OK

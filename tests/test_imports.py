"""`playbook --help` and `playbook validate` stay fast: they never import textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
from playbook.cli import main
try:
    code = main({argv!r})
except SystemExit as stop:
    code = stop.code
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "tui")))
print("LOADED", loaded, "EXIT", code)
"""


def modules_after(argv: list[str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    return result.stdout.splitlines()[-1]


def test_help_does_not_import_textual():
    assert modules_after(["--help"]) == "LOADED [] EXIT 0"


def test_validate_does_not_import_textual():
    assert modules_after(["--library", "tests/tui/data/library", "validate"]) == "LOADED [] EXIT 0"


def test_the_probe_sees_textual_when_the_app_module_is_imported():
    # Guards the probe itself: importing the app must show up as loaded.
    result = subprocess.run(
        [sys.executable, "-c", "import sys, tui.app; print('textual' in sys.modules)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "True"


def test_the_app_paints_before_it_imports_what_checks_the_library():
    # The first screen paints from the stored index; YAML, JSON Schema, networkx and the model are
    # imported by the worker that checks the library, the journal's modules (sqlite3) by the one
    # that looks for open incidents after the first paint, numpy with the search index just after
    # the first paint: all off the first paint's path.
    probe = "import sys, tui.app; print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))"
    heavy = {"yaml", "jsonschema", "referencing", "networkx", "sqlite3", "numpy"}
    ours = "; print(any(m in sys.modules for m in ('playbook.library', 'playbook.journal', 'playbook.journals')))"
    result = subprocess.run(
        [sys.executable, "-c", probe.format(heavy=heavy) + ours],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["[]", "False"], result.stdout + result.stderr


COMMANDS_PROBE = """
import contextlib, io, sys
from playbook.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main({argv!r})
print(sorted(m.removeprefix("playbook.commands.") for m in sys.modules if m.startswith("playbook.commands.")), code)
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--library", "tests/tui/data/library"],
        ["--library", "tests/tui/data/library", "validate"],
        ["--lib", "tests/tui/data/library", "validate"],  # argparse takes the first letters of an option
        ["--journal", "list", "--library=tests/tui/data/library", "--read-only", "validate"],
    ],
)
def test_a_named_command_imports_only_its_own_module(argv):
    result = subprocess.run(
        [sys.executable, "-c", COMMANDS_PROBE.format(argv=argv)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "['common', 'validate'] 0"


def test_an_unknown_command_still_lists_every_command():
    result = subprocess.run(
        [sys.executable, "-m", "playbook", "--journal", "x", "valdate"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "invalid choice: 'valdate'" in result.stderr and "import-table" in result.stderr


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], ""),  # the app: no command module at all
        (["--library", "x", "--read-only"], ""),
        (["--ver"], ""),
        (["--lib", "x", "validate"], "validate"),
        (["--library=x", "list"], "list"),
        (["--journal", "list", "validate"], "validate"),
        (["-h"], None),  # help lists every command
        (["--he"], None),
        (["valdate"], None),  # the full parser says what the choices are
        (["--", "list"], None),
        (["--read-only=x"], None),
    ],
)
def test_the_command_is_seen_before_the_parser_is_built(argv, command):
    from playbook.cli import chosen

    assert chosen(argv) == command

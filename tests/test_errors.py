"""One error base: every error the core raises for a person carries a message and a location,
and the CLI prints it as one line (exit 2), never a traceback."""

from __future__ import annotations

import pytest

from playbook import cli, drill_run, incident, journal, pdf, writeback
from playbook.errors import PlaybookError


@pytest.mark.parametrize(
    "error",
    [
        cli.UsageError,
        incident.IncidentError,
        drill_run.DrillRunError,
        pdf.PdfUnavailable,
        journal.JournalError,
        journal.WriteFailed,
        writeback.Conflict,
        writeback.EditError,
    ],
    ids=lambda e: e.__name__,
)
def test_every_core_error_is_a_playbook_error(error):
    assert issubclass(error, PlaybookError)


def test_an_error_reads_like_a_problem_as_far_as_its_place_is_known():
    assert str(PlaybookError("not a list", path="lib/a.yaml", line=3, col=5)) == "lib/a.yaml:3:5: not a list"
    assert str(PlaybookError("changed on disk", path="lib/a.yaml")) == "lib/a.yaml: changed on disk"
    assert str(PlaybookError("no journal")) == "no journal"
    assert PlaybookError("x", path="p", line=2).location == "p:2"


def test_the_cli_prints_a_core_error_a_command_let_through_as_one_line(monkeypatch, capsys):
    def failing(args):
        raise journal.JournalError("the journal is locked", path="/tmp/j.sqlite3")

    monkeypatch.setattr(cli, "parser", lambda only=None: _parser_running(failing))
    assert cli.main(["x"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == "playbook: /tmp/j.sqlite3: the journal is locked\n"


def _parser_running(run):
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("command")
    parser.set_defaults(run=run, library=None, journal=None)
    return parser

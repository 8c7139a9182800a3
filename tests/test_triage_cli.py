"""`playbook triage` and `playbook export` as a leader or a script uses them."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from playbook.cli import main
from tests.test_triage_checks import TRIAGE

LIB = ("--library", str(TRIAGE))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*LIB, *argv])
    out, err = capsys.readouterr()
    return code, out, err


class Terminal(io.StringIO):
    """Typed replies on a stdin that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_answers_on_the_command_line_give_severity_definition_and_first_steps(capsys):
    code, out, _ = run(capsys, "triage", "outage", "--answer", "customers=all")
    assert code == 0
    assert out.splitlines()[:2] == ["Service outage: SEV1 Critical", "Lives or survival at stake."]
    assert "  Are customers affected? All customers" in out
    assert "  [10 minutes] Convene the crisis team (Incident commander)" in out
    assert "  [15 minutes] Post on the status page (Incident commander)" in out


def test_a_missing_answer_without_a_terminal_exits_2_naming_the_question(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = run(capsys, "triage", "outage", "--answer", "customers=some")
    assert code == 2 and out == ""
    assert "question 'data' is still open: Is customer data at risk?" in err
    assert "--answer data=ANSWER, one of no, yes, unknown" in err


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("customers", "--answer takes QUESTION=ANSWER"),
        ("clients=all", "no question 'clients' (one of customers, internal, data)"),
        ("customers=many", "question 'customers' has no answer 'many' (one of none, some, all, or unknown)"),
    ],
)
def test_bad_answers_are_usage_errors(capsys, answer, message):
    code, _, err = run(capsys, "triage", "outage", "--answer", answer)
    assert code == 2 and message in err


def test_json_gives_outcome_range_and_path(capsys):
    code, out, _ = run(
        capsys,
        "triage",
        "outage",
        "--format",
        "json",
        "--answer",
        "customers=unsure",
        "--answer",
        "internal=no",
        "--answer",
        "data=no",
    )
    assert code == 0
    data = json.loads(out)
    assert data["severity"] == "SEV1" and data["possible"] == ["SEV1", "SEV3", "SEV4"] and data["unsure"]
    # `answer` is what --answer takes back: `unknown` for any 'not known', whatever the file calls it.
    assert [(p["question"], p["answer"]) for p in data["path"]] == [
        ("customers", "unknown"),
        ("internal", "no"),
        ("data", "no"),
    ]
    assert data["first_steps"][0]["id"] == "convene"


def test_json_never_prompts(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("1\n"))
    code, _, err = run(capsys, "triage", "outage", "--format", "json")
    assert code == 2 and "question 'customers' is still open" in err


def test_interactive_numbered_answers_back_and_retry(capsys, monkeypatch):
    # some customers, go back, no customers, a typo, then an answer id.
    monkeypatch.setattr(sys, "stdin", Terminal("2\nb\n1\n7\nyes\n"))
    code, out, _ = run(capsys, "triage", "outage")
    assert code == 0
    assert (
        "Are customers affected?\n  (Check the status page and the support queue.)\n  1. No customers\n  2. Some customers"
        in out
    )
    assert "Please type a number from 1 to 2." in out
    assert "Service outage: SEV3 Significant" in out
    assert "  Are customers affected? No customers\n  Is a critical internal system down? Yes" in out


def test_interactive_end_of_input_is_a_usage_error(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("2\n"))
    code, _, err = run(capsys, "triage", "outage")
    assert code == 2 and "no answer given to 'data'" in err


def test_table_form_in_the_terminal(capsys):
    code, out, _ = run(capsys, "triage", "priority", "--answer", "impact=unsure", "--answer", "urgency=low")
    assert code == 0
    assert out.startswith("Priority matrix: SEV2 Major\n")
    assert "Not known yet, so acting on the most severe possible: SEV2, SEV3, SEV4." in out


@pytest.mark.parametrize(
    ("form", "first"),
    [
        ("md", "# Service outage"),
        ("mermaid", "flowchart TD"),
        ("dot", 'digraph "outage" {'),
        ("csv", "customers,internal,data,outcome"),
    ],
)
def test_export_formats(capsys, form, first):
    code, out, _ = run(capsys, "export", "outage", "--format", form)
    assert code == 0 and out.splitlines()[0] == first


def test_unknown_incident_type_is_a_usage_error(capsys):
    code, _, err = run(capsys, "export", "outag", "--format", "csv")
    assert code == 2 and "no incident type 'outag' (did you mean outage?)" in err
    assert run(capsys, "triage", "nothing-like-it")[0] == 2


def test_help_does_not_load_the_exporter():
    code = "import sys; from playbook.cli import parser; parser(); print('playbook.export' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_analyse_prints_the_numbers_and_the_decision_table(capsys):
    code, out, _ = run(capsys, "triage", "outage", "--analyse")
    assert code == 0
    assert out.splitlines()[0] == "Service outage: at most 2 questions, 1.8 on average, 5 paths"
    assert "  SEV2   customers=some, data=yes" in out.splitlines()
    code, out, _ = run(capsys, "triage", "priority", "--analyse", "--format", "json")
    data = json.loads(out)
    assert (data["worst_case"], data["mean"], len(data["paths"])) == (2, 1.8, 5)
    assert data["paths"][0] == {"path": [{"question": "impact", "answer": "low"}], "outcome": "SEV4"}


ITIL = ("--library", str(TRIAGE.parent / "itil"))


def itil(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*ITIL, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_answer_given_twice_is_refused_not_overwritten(capsys):
    code, out, err = run(capsys, "triage", "outage", "--answer", "customers=all", "--answer", "customers=none")
    assert code == 2 and out == ""
    assert "--answer customers is given twice ('all' and 'none'): give it once" in err


def test_answers_the_walk_never_needed_are_listed_not_dropped(capsys):
    argv = ("triage", "outage", "--answer", "customers=all", "--answer", "data=yes")
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "Not needed for this result: data=yes" in out
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert json.loads(out)["unused"] == [{"question": "data", "answer": "yes"}]
    code, out, _ = run(capsys, "triage", "outage", "--answer", "customers=all", "--format", "json")
    assert json.loads(out)["unused"] == []


def test_unknown_says_not_known_to_any_question_whatever_the_file_calls_it(capsys):
    # The file calls it `unsure`; scripts say `unknown` and get `unknown` back.
    code, out, _ = run(capsys, "triage", "outage", "--answer", "customers=unknown", "--answer", "internal=no",
                       "--answer", "data=no", "--format", "json")  # fmt: skip
    step = json.loads(out)["path"][0]
    assert code == 0 and (step["answer"], step["answer_id"], step["unknown"]) == ("unknown", "unsure", True)
    # The file's own id still works, and reads back the same way.
    code, out, _ = run(capsys, "triage", "outage", "--answer", "customers=unsure", "--answer", "internal=no",
                       "--answer", "data=no", "--format", "json")  # fmt: skip
    assert json.loads(out)["path"][0]["answer"] == "unknown"
    # A question the author gave no 'not known' answer says so.
    code, _, err = run(capsys, "triage", "outage", "--answer", "customers=none", "--answer", "internal=unknown")
    assert code == 2 and "question 'internal' has no 'not known' answer: answer one of no, yes" in err


def test_interactive_digits_are_the_answers_keys_not_their_file_order(capsys, monkeypatch):
    # ITIL lists answers mild to severe, so "1 - High" is last in the file: 1 must still pick it.
    monkeypatch.setattr(sys, "stdin", Terminal("1\n1\n"))
    code, out, _ = itil(capsys, "triage", "itil-table")
    assert code == 0
    assert "  1. 1 - High (the whole business or a vital service)\n  2. 2 - Medium" in out
    assert "  4. Not known yet" in out
    assert "\nIT incident priority (ITIL matrix as a table): P1 Critical\n" in out

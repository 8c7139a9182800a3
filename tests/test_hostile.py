"""Hostile files and text: nothing reaches the terminal, nothing outside the library is read.

A library is shared through git by many authors, and every name typed into the app is input
too. Each case is tried as an author would meet it: through `playbook` itself, on raw output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playbook import source
from playbook.cli import main
from playbook.export import export
from playbook.incident import declaration, fold, recorded_walk
from playbook.journal import Journal
from playbook.library import Loaded, load, read_incident
from playbook.model import Summary
from playbook.problems import RULES
from playbook.safe import safe, unsafe_char
from playbook.text import incident_text
from tests.conftest import MINI

ROOT = Path(__file__).resolve().parent.parent
MINI_LIBRARY = load(MINI).library

# What a title can carry once YAML has unescaped it, and the code each must give.
ESCAPES = {
    r"\e]0;TITLE\a": "P110",  # retitles the terminal
    r"\e]52;c;aGVsbG8=\a": "P110",  # writes the system clipboard
    r"\e[2J": "P110",  # clears the screen
    r"\x9b2J": "P110",  # the same through C1 CSI
    r"\u202e": "P111",  # reverses what follows
    r"\u200b": "P114",  # zero-width space
    r"\u2060": "P114",  # word joiner
    r"\ufeff": "P114",  # a BOM inside text
    r"\u061c": "P111",  # Arabic letter mark
    r"\U000e0041": "P114",  # a tag character: invisible ASCII
}
# Everything that must never reach a terminal from library or journal text.
FORBIDDEN = ("\x1b", "\x07", "\x9b", "\x00", "\r", "\u202e", "\u200b", "\u2060", "\ufeff", "\u2028")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def clean(text: str) -> bool:
    return not any(char in text for char in FORBIDDEN) and unsafe_char(text.replace("\n", " ")) is None


def alpha_with(old: str, new: str) -> str:
    text = (MINI / "alpha.yaml").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


# --- The rule where text enters ---------------------------------------------------------------


@pytest.mark.parametrize("escape, code", ESCAPES.items())
def test_an_escape_written_as_a_yaml_escape_is_a_located_problem(capsys, library_dir, escape, code):
    root = library_dir({"alpha.yaml": alpha_with("title: Alpha incident", f'title: "Alpha {escape} incident"')})
    status, out, err = run(capsys, "validate", str(root))
    assert status == 1 and not err
    assert f"alpha.yaml:2:8: {code} " in out  # the value's own line and column
    assert RULES[code][0] == "error"
    assert clean(out)
    # Left out of the library, so no command and no screen ever shows it.
    status, out, _ = run(capsys, "--library", str(root), "list")
    assert status == 0 and "alpha" not in out and clean(out)


@pytest.mark.parametrize("char, code", [("\u200b", "P114"), ("\u2060", "P114"), ("\ufeff", "P114")])
def test_invisible_characters_written_raw_are_located_at_their_column(char, code):
    _, problems = source.parse(f"a: b\nsummary: In{char}visible\n".encode(), "f.yaml")
    assert [str(p) for p in problems] == [
        f"f.yaml:2:12: {code} invisible formatting character U+{ord(char):04X} in text: remove it"
    ]


def test_a_raw_escape_is_reported_once_at_its_own_column():
    _, problems = source.parse(b"title: Alpha \x1b[2J\n", "f.yaml")
    assert [p.code for p in problems] == ["P110"] and (problems[0].line, problems[0].col) == (1, 14)


def test_keys_are_held_to_the_same_rule():
    _, problems = source.parse(b'"ti\\u202etle": x\n', "f.yaml")
    assert [(p.code, p.line, p.col) for p in problems] == [("P111", 1, 1)]


def test_newline_tab_and_joiners_stay_allowed():
    # Newlines and tabs inside text are text; ZWJ and ZWNJ write Persian, Indic scripts and emoji.
    document, problems = source.parse('a: "one\\ttwo\\nthree"\nb: "می\u200cخواهم 👩\u200d🚒"\n'.encode(), "f")
    assert problems == [] and document.data["a"] == "one\ttwo\nthree"


def test_a_file_name_with_an_escape_is_a_problem_and_is_printed_safely(capsys, library_dir):
    root = library_dir()
    (root / "alpha.yaml").rename(root / "al\x1b]0;pwned\apha.yaml")
    status, out, _ = run(capsys, "validate", str(root))
    assert status == 1
    assert "al\\u001b]0;pwned\\u0007pha.yaml:1:1: P005 the file name holds a control character U+001B" in out
    assert clean(out)


# --- Only regular files inside the library folder are read ------------------------------------


def test_a_link_out_of_the_library_is_refused_and_not_listed(capsys, library_dir, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "gamma.yaml").write_text(alpha_with("id: alpha", "id: gamma"), encoding="utf-8")
    root = library_dir()
    (root / "gamma.yaml").symlink_to(outside / "gamma.yaml")
    status, out, _ = run(capsys, "validate", str(root))
    assert status == 1
    assert f"gamma.yaml:1:1: P006 a link to {outside / 'gamma.yaml'}, outside the library folder: not read" in out
    assert load(root).library.type("gamma") is None
    _, listed, _ = run(capsys, "--library", str(root), "list")
    assert "gamma" not in listed


def test_a_link_inside_the_library_is_read(library_dir):
    root = library_dir()
    (root / "shared").mkdir()
    (root / "alpha.yaml").rename(root / "shared" / "alpha.yaml")
    (root / "alpha.yaml").symlink_to(root / "shared" / "alpha.yaml")
    loaded = load(root)
    assert loaded.errors == () and loaded.library.type("alpha") is not None


@pytest.mark.parametrize("command", [["validate", "{root}"], ["--library", "{root}", "list"]])
def test_a_link_loop_is_a_problem_not_a_traceback(capsys, library_dir, command):
    root = library_dir()
    (root / "loop1.yaml").symlink_to(root / "loop2.yaml")
    (root / "loop2.yaml").symlink_to(root / "loop1.yaml")
    status, out, err = run(capsys, *(part.format(root=root) for part in command))
    assert "Traceback" not in err
    if command[0] == "validate":
        assert status == 1
        assert "loop1.yaml:1:1: P006 a link that loops back on itself: not read" in out
        assert "loop2.yaml:1:1: P006 a link that loops back on itself: not read" in out
    else:
        assert status == 0 and "alpha" in out  # the rest of the library works


def test_a_dangling_link_is_a_problem(library_dir):
    root = library_dir()
    (root / "gone.yaml").symlink_to(root / "nowhere.yaml")
    [problem] = load(root).errors
    assert (problem.path.endswith("gone.yaml"), problem.code) == (True, "P006")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize(
    "argv", [["validate", "{root}"], ["validate", "{root}/x.yaml"], ["--library", "{root}", "list"]]
)
def test_a_fifo_never_blocks_the_reader(library_dir, argv):
    root = library_dir()
    os.mkfifo(root / "x.yaml")
    # In a child with a time limit: a reader that blocks on the FIFO would hang this test run.
    command = [sys.executable, "-m", "playbook", *(part.format(root=root) for part in argv)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert "Traceback" not in done.stderr
    if argv[0] == "validate":
        assert done.returncode == 1
        assert "x.yaml:1:1: P006 not a regular file (a FIFO): not read" in done.stdout
    else:
        assert done.returncode == 0 and "alpha" in done.stdout


def test_the_reader_checks_the_open_file_too(tmp_path):
    # A FIFO put in place after the folder was listed: the open file itself is checked.
    os.mkfifo(tmp_path / "late.yaml")
    document, problems = source.read(tmp_path / "late.yaml", "late.yaml")
    assert document is None and [p.code for p in problems] == ["P006"]


# --- Answers are told apart, and looked up, by id ---------------------------------------------


def test_two_answers_with_one_label_are_a_problem(library_dir):
    root = library_dir({"alpha.yaml": alpha_with("{id: all, label: Everyone,", "{id: all, label: one team,")})
    problems = [p for p in load(root).errors if p.code == "P416"]
    assert [(p.line, p.col, p.message) for p in problems] == [
        (
            27,
            28,
            "answers 'one' and 'all' of question 'scope' have the same label 'one team': "
            "a leader cannot tell them apart",
        )
    ]


def _declared(answers):
    alpha = MINI_LIBRARY.type("alpha")
    entry = declaration(MINI_LIBRARY, alpha, "SEV2", "", "Ann", datetime(2026, 1, 1, tzinfo=UTC), answers)
    return entry


def test_a_retriage_replays_the_recorded_answers_by_id(tmp_path):
    from playbook.triage import Walk

    alpha = MINI_LIBRARY.type("alpha")
    walk = Walk.start(alpha, MINI_LIBRARY).answer("one").answer("yes")
    with Journal.open(tmp_path / "j.sqlite3") as journal:
        incident = fold(journal.entries(journal.declare(_declared(walk.answered)).incident))
    assert incident.answer_ids == (("scope", "one"), ("harm", "yes"))
    # The playbook is edited: the label read at declaration now belongs to another answer.
    edited = attrs.evolve(
        alpha,
        triage=attrs.evolve(
            alpha.triage,
            questions=tuple(
                attrs.evolve(
                    q,
                    answers=tuple(
                        attrs.evolve(a, label={"one": "Everyone", "all": "One team"}.get(a.id, a.label))
                        for a in q.answers
                    ),
                )
                for q in alpha.triage.questions
            ),
        ),
    )
    replayed = recorded_walk(incident, edited, MINI_LIBRARY)
    assert [(q.id, a.id) for q, a in replayed.answered] == [("scope", "one"), ("harm", "yes")]


def test_a_record_from_before_ids_still_replays_by_label(tmp_path):
    with Journal.open(tmp_path / "j.sqlite3") as journal:
        entry = _declared([("How wide is it?", "One team"), ("Is anyone harmed?", "Yes")])
        incident = fold(journal.entries(journal.declare(entry).incident))
    assert incident.answer_ids == ()
    replayed = recorded_walk(incident, MINI_LIBRARY.type("alpha"), MINI_LIBRARY)
    assert [(q.id, a.id) for q, a in replayed.answered] == [("scope", "one"), ("harm", "yes")]


def test_an_answer_given_twice_on_the_command_line_is_refused(capsys):
    status, out, err = run(
        capsys, "--library", str(MINI), "triage", "alpha", "--answer", "scope=one", "--answer", "scope=all"
    )
    assert status == 2 and out == ""
    assert "--answer scope is given twice ('one' and 'all'): give it once" in err


# --- Which library is read ---------------------------------------------------------------------


@pytest.mark.parametrize("command", [["validate"], ["list"], ["show", "alpha"]])
def test_commands_read_the_library_the_author_stands_in(capsys, library_dir, monkeypatch, command):
    root = library_dir({"alpha.yaml": alpha_with("title: Alpha incident", "title: Only here")})
    monkeypatch.chdir(root)
    monkeypatch.delenv("PLAYBOOK_LIBRARY", raising=False)
    status, out, _ = run(capsys, *command)
    if command == ["validate"]:
        # Not the bundled library's false green: the author's two files, and where they are.
        assert status == 0 and out.splitlines()[-1] == f"3 files checked in {root}: no problems"
    else:
        assert status == 0 and "Only here" in out


def test_validate_in_a_library_folder_finds_its_problems(capsys, library_dir, monkeypatch):
    root = library_dir({"alpha.yaml": alpha_with("status: reviewed", "status: done")})
    monkeypatch.chdir(root)
    monkeypatch.delenv("PLAYBOOK_LIBRARY", raising=False)
    status, out, _ = run(capsys, "validate", "--format", "json")
    report = json.loads(out)
    assert status == 1 and report["summary"]["library"] == str(root)
    assert [p["path"] for p in report["problems"]] == ["alpha.yaml"]


# --- Problems come out in one order ------------------------------------------------------------


def test_problems_at_one_position_print_in_the_same_order_on_every_run(library_dir):
    # Several problems at 1:1 of one file, found twice (the folder and the file named again):
    # once they went through a set, whose order changes with the hash seed.
    root = library_dir({"gamma.yaml": "id: gamma\n"})
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        done = subprocess.run(
            [sys.executable, "-m", "playbook", "validate", "--format", "json", str(root), str(root / "gamma.yaml")],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
    missing = [p["message"] for p in json.loads(outputs.pop())["problems"] if p["code"] == "P201"]
    assert len(missing) > 3 and missing[0] == "missing required property 'title'"  # the schema's order


# --- Nesting and the composer ------------------------------------------------------------------


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
def test_nesting_is_p112_whichever_parser_reads_it(monkeypatch, loader):
    if not hasattr(yaml, loader):
        pytest.fail(f"PyYAML was built without {loader}: install a PyYAML wheel with libyaml")
    monkeypatch.setattr(source, "_Loader", getattr(yaml, loader))
    # Past libyaml 0.2.5's own cap (1,000 flow levels, met while scanning ahead) and below it.
    for text in ("[" * 30_000, "[" * 200, "{a: " * 2_000):
        _, problems = source.parse(text.encode(), "deep.yaml")
        assert [p.code for p in problems] == ["P112"], (loader, len(text), problems)


def test_a_bug_in_the_composer_is_raised_not_reported_as_unparseable(monkeypatch):
    def broken(event):
        raise KeyError("a bug of ours")

    monkeypatch.setattr(source, "_scalar", broken)
    with pytest.raises(KeyError):
        source.parse(b"a: b\n", "f.yaml")


# --- The rule where text leaves: output is display-safe whatever its source ----------------------


def test_safe_escapes_visibly_and_keeps_json_meaning():
    assert safe("a\x1b]0;x\x07b\u202ec\t\n") == "a\\u001b]0;x\\u0007b\\u202ec\t\n"
    assert safe("tag\U000e0041") == "tag\\udb40\\udc41"
    assert json.loads('"' + safe("\u202e\U000e0041") + '"') == "\u202e\U000e0041"
    assert safe("Café – déjà vu 👩\u200d🚒") == "Café – déjà vu 👩\u200d🚒"


def test_show_export_and_triage_are_safe_for_text_that_never_came_through_the_loader(capsys, monkeypatch):
    # A second line of defence: a model built by other code (or a loader bug) still prints safely.
    hostile = "Alpha \x1b]0;TITLE\x07 \x1b]52;c;aGk=\x07 \x1b[2J \x9b2J \u202e \u200b"
    alpha = MINI_LIBRARY.type("alpha")
    question = attrs.evolve(alpha.triage.questions[0], ask=hostile)
    evil = attrs.evolve(
        alpha,
        title=hostile,
        summary=hostile,
        triage=attrs.evolve(alpha.triage, questions=(question, *alpha.triage.questions[1:])),
    )
    for form in ("md", "mermaid", "dot", "csv"):
        assert clean(export(evil, MINI_LIBRARY, form)), form
    assert clean(incident_text(evil, MINI_LIBRARY))
    library = attrs.evolve(MINI_LIBRARY, types=(evil, *MINI_LIBRARY.types[1:]))

    def load(*args, keep="types", **kwargs):
        if keep == "summaries":  # as `playbook list` asks
            return Loaded(attrs.evolve(library, types=()), (), (), tuple(map(Summary.of, library.types)))
        return Loaded(library, (), ())

    monkeypatch.setattr("playbook.library.load", load)
    for argv in (
        ["show", "alpha"],
        ["export", "alpha", "--format", "dot"],
        ["list"],
        ["triage", "alpha", "--answer", "scope=all"],
    ):
        status, out, err = run(capsys, *argv)
        assert status == 0 and clean(out) and clean(err), argv
        assert "\\u001b]0;TITLE" in out or "\\u001b" in out, argv


def test_reports_and_incident_lists_are_safe_for_journal_text(capsys, tmp_path):
    path = tmp_path / "j.sqlite3"
    alpha = MINI_LIBRARY.type("alpha")
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    with Journal.open(path) as journal:
        entry = declaration(MINI_LIBRARY, alpha, "SEV2", "Title \x1b]0;pwn\x07", "Ann\u202e", moment)
        incident = fold(journal.entries(journal.declare(entry).incident))
        journal.append(incident.write("note", "typed \x1b[2J\x9b here", "Ann", moment))
    for kind in ("status", "summary", "timeline", "after-action"):
        status, out, err = run(
            capsys, "--journal", str(path), "--library", str(MINI), "report", incident.id, "--kind", kind
        )
        assert status == 0 and clean(out) and clean(err), kind
    status, out, _ = run(capsys, "--journal", str(path), "--library", str(MINI), "incidents", "--all")
    assert status == 0 and clean(out) and "Title" in out


def test_an_argument_echoed_in_an_error_is_safe(capsys):
    status, _, err = run(capsys, "--library", str(MINI), "show", "al\x1b]0;x\x07pha")
    assert status == 2 and clean(err) and "\\u001b" in err


# --- Any string in any text field: a located problem, or shown with nothing unsafe -----------------

FIELDS = {
    "title: Alpha incident": "title: {}",
    "summary: A small test incident.": "summary: {}",
    "recognise: [Screens go dark]": "recognise: [{}]",
    "ask: How wide is it?": "ask: {}",
    "{id: one, label: One team, next: harm}": "{{id: one, label: {}, next: harm}}",
    "do: Convene the team, owner: commander, within: 10": "do: {}, owner: commander, within: 10",
    "mistake: Waiting for certainty.": "mistake: {}",
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(FIELDS)), text=st.text(min_size=1, max_size=40))
def test_any_text_in_any_field_is_a_located_problem_or_shown_safely(tmp_path_factory, field, text):
    path = tmp_path_factory.mktemp("prop") / "alpha.yaml"
    # A YAML double-quoted scalar: JSON's escapes are YAML's, so every character can be written.
    path.write_text(alpha_with(field, FIELDS[field].format(json.dumps(text))), encoding="utf-8")
    incident, problems = read_incident(path, MINI_LIBRARY, "alpha.yaml")
    errors = [p for p in problems if p.is_error]
    if unsafe_char(text.replace("\n", " ").replace("\t", " ")):
        assert errors, text  # the loader refuses it
    if errors:
        for problem in errors:
            assert problem.line >= 1 and problem.col >= 1 and problem.code in RULES
            assert clean(str(problem))
        return
    for form in ("md", "mermaid", "dot", "csv"):
        assert clean(export(incident, MINI_LIBRARY, form))
    assert clean(incident_text(incident, MINI_LIBRARY))

"""The CLI as authors and CI use it: list, show, validate, exit codes, library selection."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from playbook.cli import main
from tests.conftest import MINI


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_has_the_promised_fields(capsys):
    code, out, _ = run(capsys, "--library", str(MINI), "list", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ["alpha", "beta"]
    assert {"id", "title", "category", "version", "status"} <= set(rows[0])


def test_list_text_and_category_filter(capsys):
    code, out, _ = run(capsys, "--library", str(MINI), "list", "--category", "safety")
    assert code == 0
    assert out.split()[:3] == ["beta", "safety", "draft"]
    assert "alpha" not in out


def test_show_prints_plain_text(capsys):
    code, out, _ = run(capsys, "--library", str(MINI), "show", "alpha")
    assert code == 0
    assert out.startswith("Alpha incident\n==============\n")
    assert "Response at SEV1 Critical" in out
    assert "[ ] [10 minutes] Convene the team (Incident commander)" in out
    assert "Why: Speed matters" in out
    assert "\x1b" not in out


def test_show_unknown_id_suggests(capsys):
    code, _, err = run(capsys, "--library", str(MINI), "show", "alpah")
    assert code == 2
    assert "no incident type 'alpah' (did you mean alpha?)" in err


def test_library_from_environment(capsys, monkeypatch):
    monkeypatch.setenv("PLAYBOOK_LIBRARY", str(MINI))
    code, out, _ = run(capsys, "list")
    assert code == 0 and "alpha" in out


def test_validate_exit_codes(capsys, library_dir, tmp_path):
    assert run(capsys, "validate", str(MINI))[0] == 0
    broken = library_dir({"alpha.yaml": "id: alpha\ntitle: [\n"})
    code, out, _ = run(capsys, "validate", str(broken))
    assert code == 1
    lines = out.splitlines()
    assert (
        lines[0].endswith(
            "alpha.yaml:3:1: P101 while parsing a flow node expected the node content, but found '<stream end>'"
        )
        or ": P101 " in lines[0]
    )
    assert lines[-1] == "3 files checked: 1 error, 0 warnings; 1 file left out"
    code, _, err = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such file or folder" in err


def test_validate_a_single_file_against_the_library_beside_it(capsys, library_dir):
    folder = library_dir({"alpha.yaml": (MINI / "alpha.yaml").read_text().replace("owner: comms", "owner: nobody")})
    code, out, _ = run(capsys, "validate", str(folder / "alpha.yaml"))
    assert code == 1
    assert "P304 role 'nobody' is not in the roles catalogue" in out
    assert "beta.yaml" not in out  # only the named file is checked...
    code, _, _ = run(capsys, "validate", str(folder / "beta.yaml"))
    assert code == 0  # ...and its related types still resolve against the folder


def test_validate_json(capsys, library_dir):
    folder = library_dir({"beta.yaml": (MINI / "beta.yaml").read_text().replace("status: draft", "status: done")})
    code, out, _ = run(capsys, "validate", "--format", "json", str(folder))
    assert code == 1
    report = json.loads(out)
    assert report["summary"] == {"files": 3, "errors": 1, "warnings": 0, "ok": False}
    (problem,) = report["problems"]
    assert problem["code"] == "P204" and problem["line"] == 5 and problem["col"] == 9


@pytest.mark.parametrize("payload", [b"\x00\xff" * 100, b"a: " + b"[" * 50_000, "title: \u202e".encode()])
def test_hostile_files_never_give_a_traceback(payload, library_dir):
    folder = library_dir({})
    (folder / "evil.yaml").write_bytes(payload)
    result = subprocess.run(
        [sys.executable, "-m", "playbook", "validate", str(folder)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "evil.yaml:" in result.stdout


def test_show_a_table_form_triage_prints_its_rows(capsys):
    code, out, _ = run(capsys, "--library", "tests/data/triage", "show", "priority")
    assert code == 0
    assert "Triage (decision table)" in out
    assert "    impact=high, urgency=high -> SEV1" in out
    assert "-> None" not in out


def test_help_imports_nothing_heavy():
    probe = (
        "import sys\nfrom playbook.cli import parser\nparser()\nprint(sorted({m.split('.')[0] for m in sys.modules}))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60).stdout
    for heavy in ("networkx", "jsonschema", "textual", "yaml"):
        assert f"'{heavy}'" not in loaded


@pytest.mark.parametrize("before", [True, False], ids=["before-command", "after-command"])
def test_library_option_works_before_or_after_the_command(capsys, before):
    options = ["--library", str(MINI)]
    argv = [*options, "list", "--format", "json"] if before else ["list", "--format", "json", *options]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert [r["id"] for r in json.loads(out)] == ["alpha", "beta"]


def test_new_accepts_library_after_the_command(capsys, tmp_path):
    import shutil

    lib = tmp_path / "lib"
    shutil.copytree(MINI, lib)
    code, _, err = run(
        capsys, "new", "test-type", "--category", "safety", "--title", "Test type", "--library", str(lib)
    )
    assert code == 0, err
    assert (lib / "test-type.yaml").is_file()


def test_option_before_the_command_is_kept_when_not_repeated_after():
    from playbook.cli import parser

    args = parser().parse_args(["--library", str(MINI), "show", "alpha"])
    assert str(args.library) == str(MINI) and args.journal is None


def test_option_after_the_command_wins(capsys, tmp_path):
    from playbook.cli import parser

    args = parser().parse_args(["--library", "/elsewhere", "validate", "--library", str(MINI)])
    assert str(args.library) == str(MINI)


def test_a_list_of_the_library_says_which_files_it_left_out(tmp_path, capsys):
    """`list` (and the handbook) leave a type whose file has errors out: they say so on stderr,
    file by file with its first error, never silently (the list looked whole). Commands about
    one type (`show`, `export`) do not: the type they were asked for is all they present."""
    import shutil

    from playbook.paths import BUNDLED_LIBRARY

    library = tmp_path / "lib"
    shutil.copytree(BUNDLED_LIBRARY, library)
    broken = library / "bomb-threat.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "title: again\\n", encoding="utf-8")
    assert main(["list", "--library", str(library)]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("playbook: 1 file left out for errors"), err
    assert "bomb-threat.yaml:" in err and "P105 duplicate key 'title'" in err, err
    for command in (["show", "ransomware"], ["export", "ransomware", "--format", "md"]):
        assert main([*command, "--library", str(library)]) == 0
        assert capsys.readouterr().err == ""
    main(["list", "--library", str(library)])
    assert "bomb-threat" not in capsys.readouterr().out
    # Asked for by its id, the broken type is said to be left out, with its first error.
    assert main(["show", "bomb-threat", "--library", str(library)]) == 2
    err = capsys.readouterr().err
    assert "'bomb-threat' is left out for errors" in err and "P105 duplicate key 'title'" in err, err
    assert main(["show", "../bomb-threat", "--library", str(library)]) == 2  # an id, never a path
    assert "no incident type" in capsys.readouterr().err
    main(["list", "--library", str(BUNDLED_LIBRARY)])
    assert capsys.readouterr().err == ""  # a whole library: nothing to say

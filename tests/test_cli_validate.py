"""`playbook validate` as CI and editors use it: annotations, --strict, JSON; and `playbook rules`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from playbook.cli import main
from playbook.problems import RULES
from tests.conftest import MINI
from tests.test_lint import position

ROOT = Path(__file__).resolve().parent.parent
ALPHA = (MINI / "alpha.yaml").read_text(encoding="utf-8")
HTTP = ALPHA.replace("url: https://example.org/standard", "url: http://example.org/standard")
BAD_OWNER = ALPHA.replace("owner: comms", "owner: press-office")
URL_AT = position(HTTP, "url: http:", "http:")
OWNER_AT = position(BAD_OWNER, "press-office", "press-office")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_warnings_alone_pass_unless_strict(capsys, library_dir):
    root = library_dir({"alpha.yaml": HTTP})
    code, out, _ = run(capsys, "validate", str(root))
    assert code == 0
    assert "P505 the address is not https" in out
    assert out.splitlines()[-1] == "3 files checked: 0 errors, 1 warning"
    assert run(capsys, "validate", "--strict", str(root))[0] == 1


def test_github_annotations_for_errors_and_warnings(capsys, library_dir, monkeypatch):
    root = library_dir({"alpha.yaml": BAD_OWNER.replace("https://example.org", "http://example.org")})
    monkeypatch.chdir(root.parent)
    code, out, _ = run(capsys, "validate", "--format", "github", "lib")
    assert code == 1
    lines = out.splitlines()
    assert lines[:2] == [
        f"::warning file=lib/alpha.yaml,line={URL_AT[0]},col={URL_AT[1]},title=P505::the address is not https: "
        "use the https address",
        f"::error file=lib/alpha.yaml,line={OWNER_AT[0]},col={OWNER_AT[1]},title=P304::role 'press-office' is "
        "not in the roles catalogue",
    ]
    assert lines[2] == "3 files checked: 1 error, 1 warning; 1 file left out"


def test_github_annotations_escape_what_would_break_the_command(capsys):
    from playbook.commands.validate import _github
    from playbook.problems import Problem

    line = _github(Problem("a:b,c.yaml", 1, 2, "P101", "100% broken\nhere"))
    assert line == "::error file=a%3Ab%2Cc.yaml,line=1,col=2,title=P101::100%25 broken%0Ahere"


def test_json_reports_levels_and_strict_failure(capsys, library_dir):
    root = library_dir({"alpha.yaml": HTTP})
    code, out, _ = run(capsys, "validate", "--format", "json", str(root))
    report = json.loads(out)
    assert code == 0 and report["summary"] == {"files": 3, "errors": 0, "warnings": 1, "ok": True}
    (problem,) = report["problems"]
    assert {k: problem[k] for k in ("code", "level", "line", "col")} == {
        "code": "P505",
        "level": "warning",
        "line": URL_AT[0],
        "col": URL_AT[1],
    }
    code, out, _ = run(capsys, "validate", "--format", "json", "--strict", str(root))
    assert code == 1 and json.loads(out)["summary"]["ok"] is False


def test_a_suppressed_warning_does_not_fail_strict(capsys, library_dir):
    library = (MINI / "library.yaml").read_text(encoding="utf-8") + (
        "suppress:\n  - {file: alpha.yaml, code: P505, reason: The standard is only served over http}\n"
    )
    root = library_dir({"alpha.yaml": HTTP, "library.yaml": library})
    code, out, _ = run(capsys, "validate", "--strict", str(root))
    assert (code, out.splitlines()[-1]) == (0, "3 files checked: no problems")


def test_rules_lists_every_code(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(RULES)
    assert "P503  warning  the playbook has not been reviewed within the library's review period" in out


def test_rules_json_and_the_suppressible_warnings(capsys):
    rows = json.loads(run(capsys, "rules", "--format", "json", "--warnings")[1])
    assert rows and all(r["level"] == "warning" for r in rows)
    assert {r["code"] for r in rows} == {c for c, (level, _) in RULES.items() if level == "warning"}


def test_the_pre_commit_hook_runs_validate_on_the_changed_files(library_dir):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["entry"].split()[:2] == ["playbook", "validate"]
    assert hook["files"]  # a regular expression pre-commit matches paths against
    assert re.search(hook["files"], "incidents/ransomware.yaml")
    assert not re.search(hook["files"], "docs/notes.md")
    # pre-commit appends the changed files to the entry: that command line must work.
    root = library_dir({"alpha.yaml": BAD_OWNER})
    argv = [
        sys.executable,
        "-m",
        "playbook",
        *hook["entry"].split()[1:],
        *hook.get("args", []),
        str(root / "alpha.yaml"),
        str(root / "beta.yaml"),
    ]
    result = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1
    assert f"alpha.yaml:{OWNER_AT[0]}:{OWNER_AT[1]}: P304" in result.stdout

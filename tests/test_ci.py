"""The test run is reproducible: CI runs the README's command, which installs pinned versions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_test_command() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("Run the whole test suite", 1)[1]
    return next(line.strip() for line in block.splitlines() if line.startswith("    "))


def test_ci_runs_exactly_the_readme_test_command():
    command = readme_test_command()
    assert command == "pip install -c constraints.txt '.[test]' && pytest"
    lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert lines[-1] == command


def test_every_dependency_the_tests_install_is_pinned_exactly():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert re.fullmatch(r"[0-9][0-9A-Za-z.]*", version), line
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    for requirement in wanted:
        name = re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", requirement).group()).lower()
        assert name in pins, f"{name} is not pinned in constraints.txt"
    assert "playbook" not in pins  # the project itself is installed from the checkout

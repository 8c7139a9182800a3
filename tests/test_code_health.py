"""The codebase stays one the next engineer can change safely: lint, format and types are clean
(so the README's `pytest` fails on a new finding), the core never imports the UI, no import
circle, and the package works as installed, not only from this checkout."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("playbook", "tui")


def tool(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run a tool from this interpreter's environment (the `test` extra pins it)."""
    return subprocess.run([sys.executable, "-m", *argv], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_check_finds_nothing():
    run = tool("ruff", "check", "--no-cache", ".")
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_format_would_change_nothing():
    run = tool("ruff", "format", "--no-cache", "--check", ".")
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_finds_nothing():
    # The files and the strictness come from [tool.mypy] in pyproject.toml.
    run = tool("mypy")
    assert run.returncode == 0, run.stdout + run.stderr


# --- Imports, read from the source (no module is run) ------------------------------------------


def modules(package: str) -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(path: Path, module: str) -> list[tuple[str, bool]]:
    """(imported module, at module level) for every import in the file. Imports inside a
    function or an `if TYPE_CHECKING:` block do not run when the module is imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                found.extend((alias.name, top) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: resolve against this module's package
                    package = module.split(".")[: len(module.split(".")) - child.level + (path.stem == "__init__")]
                    base = ".".join([*package, *([base] if base else [])])
                found.append((base, top))
                found.extend((f"{base}.{alias.name}", top) for alias in child.names)
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                visit(child, False)
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                visit(ast.Module(body=child.orelse, type_ignores=[]), top)
            else:
                visit(child, top)

    visit(tree, True)
    return found


def test_the_core_never_imports_textual_or_rich_and_reaches_tui_only_to_launch_the_app():
    broken = []
    for module, path in modules("playbook").items():
        for name, top in imports(path, module):
            root = name.split(".")[0]
            if root in ("textual", "rich") or (root == "tui" and top):
                broken.append(f"{path.relative_to(ROOT)}: imports {name}{'' if top else ' (in a function)'}")
    assert broken == []


def test_the_import_contract_check_sees_a_forbidden_import(tmp_path):
    # Guards the check above: an import of textual, even inside a function, is found.
    probe = tmp_path / "probe.py"
    probe.write_text("import os\n\ndef f():\n    from textual.app import App\n", encoding="utf-8")
    assert ("textual.app", False) in imports(probe, "playbook.probe")


def import_graph() -> nx.DiGraph:
    graph: nx.DiGraph = nx.DiGraph()
    known = {name: path for package in PACKAGES for name, path in modules(package).items()}
    for module, path in known.items():
        graph.add_node(module)
        for name, _ in imports(path, module):
            if name in known and name != module:
                graph.add_edge(module, name)
    return graph


def test_no_import_circle():
    # Imports inside functions count too: a lazy import that closes a circle still ties the
    # modules' start-up order together.
    cycles = [" -> ".join(cycle) for cycle in nx.simple_cycles(import_graph())]
    assert cycles == []


# --- The package as installed ------------------------------------------------------------------


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel, built from this tree and installed into a folder of its own."""
    target = tmp_path_factory.mktemp("site")
    run = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    return target


def run_installed(site: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """`playbook ARGS` from the installed copy, in a folder far from the checkout."""
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("PLAYBOOK_LIBRARY", None)
    return subprocess.run(
        [sys.executable, "-m", "playbook", *argv], cwd=site.parent, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_wheel_ships_two_typed_packages_with_their_data(installed):
    # bin/ holds the console script; the rest is what `import` can reach.
    top = sorted(p.name for p in installed.iterdir() if not p.name.endswith(".dist-info") and p.name != "bin")
    assert top == ["playbook", "tui"]
    assert (installed / "playbook" / "py.typed").is_file() and (installed / "tui" / "py.typed").is_file()
    assert (installed / "tui" / "app.tcss").is_file()
    assert (installed / "playbook" / "_bundled" / "incidents" / "library.yaml").is_file()
    assert list((installed / "playbook" / "_bundled" / "schemas").glob("*.json"))


def test_the_installed_package_reads_its_bundled_library(installed):
    where = run_installed(installed, "schema", "--path")
    assert where.returncode == 0, where.stderr
    assert str(installed / "playbook" / "_bundled") in where.stdout

    listed = run_installed(installed, "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) >= 30

    checked = run_installed(installed, "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_installed_app_module_imports(installed):
    env = {**os.environ, "PYTHONPATH": str(installed)}
    run = subprocess.run(
        [sys.executable, "-c", "import tui.app, playbook; print(tui.app.__file__, playbook.__file__)"],
        cwd=installed.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [str(installed / "tui" / "app.py"), str(installed / "playbook" / "__init__.py")]


def test_commands_print_json_and_github_output_through_the_one_helper():
    # playbook.commands.common.emit decides how each --format is written; a hand-written
    # branch would drift from it (indentation, UTF-8, one annotation per line).
    hand_written = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "playbook" / "commands").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if 'format == "json"' in line or 'format == "github"' in line or "json.dumps(" in line
        # Not a --format json: follow streams JSON Lines (one entry a line, as it comes), and
        # schema --bundle writes a schema document.
        if path.name not in ("follow.py", "schema.py")
    ]
    assert hand_written == ["playbook/commands/common.py:" + str(_emit_dumps_line())]


def _emit_dumps_line() -> int:
    lines = (ROOT / "playbook" / "commands" / "common.py").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if "json.dumps(" in line)


def test_the_ui_never_parses_yaml_or_validates_itself():
    # The UI reads the model; reading files and checking them is the core's job.
    parsing = [
        f"{path.relative_to(ROOT)}: imports {name}"
        for module, path in modules("tui").items()
        for name, _ in imports(path, module)
        if name.split(".")[0] in ("yaml", "jsonschema")
    ]
    assert parsing == []


def stack_walks(source: str) -> list[str]:
    """Where a module reads the screen stack or looks a screen's attribute up by name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "screen_stack":
            found.append(f"{node.lineno}: reads screen_stack")
        elif isinstance(node, ast.Call) and ast.unparse(node.func) == "getattr" and node.args:
            found += [f"{node.lineno}: getattr on a screen"] if "screen" in ast.unparse(node.args[0]) else []
    return sorted(found)


def test_screens_never_walk_the_screen_stack():
    # What a screen needs comes with it when it is pushed, or from the app context (tui/context.py,
    # OnScreen): a screen found by walking the stack ties every screen to every other's layout.
    walks = [
        f"{path.relative_to(ROOT)}:{walk}"
        for path in modules("tui").values()
        for walk in stack_walks(path.read_text(encoding="utf-8"))
    ]
    assert walks == []


def test_the_stack_walk_check_sees_a_walk():
    probe = "n = len(app.screen_stack)\nx = getattr(app.screen, 'outbox', ())\ny = getattr(args, 'read_only', 0)\n"
    assert stack_walks(probe) == ["1: reads screen_stack", "2: getattr on a screen"]


@pytest.mark.parametrize("module", ["tui/screens/incident.py", "playbook/debrief.py"])
def test_the_board_screen_and_the_debrief_stay_small(module):
    # Each has one job (the board wires keys to entries; the debrief builds its content); what
    # grew them before (writing, forms, Markdown, YAML) lives beside them now.
    lines = len((ROOT / module).read_text(encoding="utf-8").splitlines())
    assert lines < 300, f"{module} has {lines} lines"


def test_the_contributors_notes_name_what_exists():
    # README.md "For contributors" is how the next screen learns the seams: a renamed one must
    # not leave it pointing at nothing.
    import attrs

    from playbook.live import LiveIncident
    from tui import context, editing
    from tui.screens import help as help_screen

    notes = (ROOT / "README.md").read_text(encoding="utf-8").split("## For contributors", 1)[1]
    named = {
        "AppContext": ["settings", "clock", "on_screen", "open_journal", "read_journal", "outbox_of"],
        "OnScreen": ["writers", "forms", "drills"],
        "LiveIncident": ["make", "flush", "flushed", "poll", "reminders", "roles", "report_path"],
        "type_on": [],
        "Explained": [],
    }
    owners = {
        "AppContext": context.AppContext,
        "OnScreen": context.OnScreen,
        "LiveIncident": LiveIncident,
        "type_on": editing.type_on,
        "Explained": help_screen.Explained,
    }
    for owner, names in named.items():
        assert owner in notes, owner
        kind = owners[owner]
        have = set(dir(kind)) | (set(attrs.fields_dict(kind)) if attrs.has(kind) else set())
        missing = [name for name in names if f"`{name}" not in notes or name not in have]
        assert missing == [], f"{owner}: {missing} not in the notes or not in the code"

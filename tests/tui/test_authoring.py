"""Authoring from the app: $EDITOR round trip, reload on change, problems screen jumps to the file.

The editor is a fake: a small script that records how it was called and edits the file, as a
mentor would. Waiting for a reload polls the app's state with a generous cap; nothing here
asserts how long anything takes.
"""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

from tests.tui.pilot import LIBRARY, drive, shown
from tui.app import PlaybookApp
from tui.editing import editor_command, fingerprint
from tui.screens.find import FindScreen
from tui.screens.problems import ProblemsScreen

EDITOR = """\
#!{python}
import json, sys
from pathlib import Path
path = Path(sys.argv[-1])
with open({log!r}, "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
text = path.read_text()
for old, new in {edits!r}:
    text = text.replace(old, new)
path.write_text(text)
"""


def fake_editor(folder: Path, edits: list[tuple[str, str]], name: str = "fake-editor") -> tuple[Path, Path]:
    """An executable that edits the file it is given; returns it and the log of its calls."""
    log = folder / "editor-calls.log"
    script = folder / name
    script.write_text(EDITOR.format(python=sys.executable, log=str(log), edits=edits))
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, log


def calls(log: Path) -> list[list[str]]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


async def until(pilot, condition, tries: int = 200) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


def record_toasts(app) -> list[str]:
    """Every notification the app shows from now on, as text."""
    shown: list[str] = []
    real = app.notify

    def notify(message, **options):
        shown.append(str(message))
        real(message, **options)

    app.notify = notify
    return shown


def test_f6_opens_the_highlighted_type_in_editor_then_reloads(test_library, tmp_path, monkeypatch):
    root = test_library()
    editor, log = fake_editor(tmp_path, [("title: Website outage", "title: Website down")])
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    app = PlaybookApp(root)
    toasts = record_toasts(app)

    async def script(pilot):
        await pilot.press(*"website")
        assert app.screen.highlighted.id == "website-outage"
        await pilot.press("f6")
        await until(pilot, lambda: app.loaded.library.type("website-outage").title == "Website down")
        (argv,) = calls(log)
        assert Path(argv[-1]).resolve() == (root / "website-outage.yaml").resolve()
        assert any(t.endswith("website-outage.yaml: no problems") for t in toasts)
        await until(pilot, lambda: [h.entry.title for h in app.screen.hits] == ["Website down"])

    drive(app, script)


def test_an_edit_that_breaks_the_file_is_reported_at_once(test_library, tmp_path, monkeypatch):
    root = test_library()
    editor, _ = fake_editor(tmp_path, [("owner: comms", "owner: nobody")])
    monkeypatch.setenv("EDITOR", str(editor))
    app = PlaybookApp(root)
    toasts = record_toasts(app)

    async def script(pilot):
        await pilot.press(*"website", "f6")
        await until(pilot, lambda: app.loaded.failed)
        assert any(
            "website-outage.yaml: 1 error, 0 warnings; left out of the library" in t and "P304" in t for t in toasts
        )
        assert app.loaded.library.type("website-outage") is None

    drive(app, script)


def test_problems_screen_jumps_to_the_failing_line_and_closes_once_fixed(test_library, tmp_path, monkeypatch):
    good = (LIBRARY / "website-outage.yaml").read_text(encoding="utf-8")
    root = test_library({"website-outage.yaml": good.replace("owner: comms", "owner: nobody")})
    line = 1 + good.splitlines().index(next(row for row in good.splitlines() if "owner: comms" in row))
    # Named vim, so the app passes +LINE the way vim, nano and emacs understand it.
    editor, log = fake_editor(tmp_path, [("owner: nobody", "owner: comms")], name="vim")
    monkeypatch.setenv("VISUAL", str(editor))
    app = PlaybookApp(root)
    toasts = record_toasts(app)

    async def script(pilot):
        assert app.loaded.failed
        await pilot.press("f4")
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("f6")
        await until(pilot, lambda: not app.loaded.failed)
        (argv,) = calls(log)
        assert argv[0] == f"+{line}" and argv[1].endswith("website-outage.yaml")
        await until(pilot, lambda: isinstance(app.screen, FindScreen))
        assert "Every file loads now." in toasts

    drive(app, script)


def test_files_changed_on_disk_reload_by_themselves(test_library):
    root = test_library()
    app = PlaybookApp(root)
    toasts = record_toasts(app)
    app.authoring.interval = 0.05

    async def script(pilot):
        assert app.loaded.library.type("website-outage").title == "Website outage"
        path = root / "website-outage.yaml"
        path.write_text(path.read_text().replace("title: Website outage", "title: Web shop outage"))
        await until(pilot, lambda: app.loaded.library.type("website-outage").title == "Web shop outage")
        assert any(t.endswith("website-outage.yaml: no problems") for t in toasts)
        (root / "extra.yaml").write_text("id: [\n")
        await until(pilot, lambda: any(p.endswith("extra.yaml") for p in app.loaded.failed))

    drive(app, script)


def test_without_an_editor_the_app_says_how_to_set_one(test_library, monkeypatch):
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    app = PlaybookApp(test_library())
    toasts = record_toasts(app)

    async def script(pilot):
        before = app.loaded
        await pilot.press("f6")
        await pilot.pause()
        assert any("Set $EDITOR" in t for t in toasts)
        assert app.loaded is before

    drive(app, script)


def test_editor_commands_open_at_the_line():
    assert editor_command("a.yaml", 7, {"EDITOR": "nvim"}) == ["nvim", "+7", "a.yaml"]
    assert editor_command("a.yaml", 7, {"EDITOR": "code --wait"}) == ["code", "--wait", "--goto", "a.yaml:7"]
    assert editor_command("a.yaml", 7, {"EDITOR": "hx"}) == ["hx", "a.yaml:7"]
    assert editor_command("a.yaml", 7, {"EDITOR": "ed"}) == ["ed", "a.yaml"]
    assert editor_command("a.yaml", 1, {"VISUAL": "vim", "EDITOR": "nano"}) == ["vim", "a.yaml"]
    assert editor_command("a.yaml", 1, {"EDITOR": "'unbalanced"}) is None
    assert editor_command("a.yaml", 1, {}) is None


def test_an_atomic_save_of_the_same_size_counts_as_a_change(tmp_path):
    (tmp_path / "library.yaml").write_text("a: 1\n")
    (tmp_path / "x.yaml").write_text("b: 1\n")
    before = fingerprint(tmp_path)
    (tmp_path / "x.yaml.tmp").write_text("b: 2\n")
    (tmp_path / "x.yaml.tmp").replace(tmp_path / "x.yaml")
    assert fingerprint(tmp_path) != before


def test_preview_shows_the_triage_and_follows_every_save(test_library):
    from tui.preview import PreviewApp
    from tui.screens.triage import TriageScreen

    root = test_library()
    path = root / "website-outage.yaml"
    app = PreviewApp(path)
    app.authoring.interval = 0.05

    async def script(pilot):
        await until(pilot, lambda: isinstance(app.screen, TriageScreen))
        assert app.screen.incident.id == "website-outage"
        assert "Can customers still buy?" in shown(app)
        # A banner on the screen says it is a preview of this file, so it is never taken for the library.
        await until(pilot, lambda: "PREVIEW of" in shown(app))
        assert "website-outage.yaml · status: draft · not the live library" in shown(app)
        path.write_text(path.read_text().replace("ask: Can customers still buy?", "ask: Can customers still pay?"))
        await until(pilot, lambda: isinstance(app.screen, TriageScreen) and "Can customers still pay?" in shown(app))
        assert len(app.screen_stack) == 2  # the new version replaced the old, it did not pile up
        path.write_text(path.read_text().replace("owner: comms", "owner: nobody"))
        # Waits for the rows too: a problem's row is composed a moment after the screen.
        await until(pilot, lambda: isinstance(app.screen, ProblemsScreen) and "P304" in shown(app))
        # The banner is mounted on each new screen as it opens.
        await until(pilot, lambda: "website-outage.yaml · does not load: see its problems" in shown(app))

    drive(app, script)


def test_problems_list_is_navigable_and_f6_or_enter_opens_the_selected_problem(test_library, tmp_path, monkeypatch):
    good = (LIBRARY / "website-outage.yaml").read_text(encoding="utf-8")
    bad = "id: bad\ntitle: Bad one\ncolour: red\n"
    root = test_library({"bad.yaml": bad, "website-outage.yaml": good.replace("owner: comms", "owner: nobody")})
    line = 1 + good.splitlines().index(next(row for row in good.splitlines() if "owner: comms" in row))
    editor, log = fake_editor(tmp_path, [], name="vim")
    monkeypatch.setenv("VISUAL", str(editor))
    app = PlaybookApp(root)

    async def script(pilot):
        first, second = app.loaded.failed
        assert first.endswith("bad.yaml") and second.endswith("website-outage.yaml")
        await pilot.press("f4")
        screen = app.screen
        assert isinstance(screen, ProblemsScreen)
        assert screen.selected[0] == first
        # Past the first file's heading and each of its problems, to the second file, then its problem.
        await pilot.press(*["down"] * (len(app.loaded.problems_in(first)) + 2))
        assert screen.selected == (second, line)
        selected = screen.query(".-selected")
        assert len(selected) == 1 and "P" in str(selected.first().query_one(".problem-text").content)
        await pilot.press("enter")
        await until(pilot, lambda: calls(log))
        (argv,) = calls(log)
        assert argv[0] == f"+{line}" and argv[1].endswith("website-outage.yaml")

    drive(app, script)

"""Lessons through review: a lesson proposed from a drill's debrief is written as a draft, shown
apart from reviewed lessons and never beside a step, until an author accepts or rejects it."""

from __future__ import annotations

import attrs
import yaml

from playbook import writeback
from playbook.cli import main
from playbook.journal import Journal
from playbook.lesson_draft import proposed_lesson
from playbook.library import load
from playbook.text import incident_text
from tests.conftest import write_library
from tests.test_judgment import JUDGMENT, T0, play


def propose_two(tmp_path):
    """The recital run of the judgment drill, its two improvement items proposed as lessons."""
    root = write_library(tmp_path / "lib", {}, base=JUDGMENT)
    library = load(root).library
    with Journal.open(tmp_path / "journal.sqlite3") as journal:
        _, _, report = play(journal, library, adapt=False)
    path = library.type("bad-release").path
    ids = []
    for item in report.improvements:
        block = proposed_lesson(item, report, T0.date())
        lesson = yaml.safe_load(block)[0]
        writeback.add_lesson(path, lesson, block=block)
        ids.append(lesson["id"])
        report = attrs.evolve(report, incident=load(root).library.type("bad-release"))  # ids stay unique
    return root, ids


def test_a_proposed_lesson_is_a_draft_until_an_author_accepts_it(tmp_path, capsys):
    root, (first, second) = propose_two(tmp_path)
    incident = load(root).library.type("bad-release")
    assert [lesson.id for lesson in incident.draft_lessons] == [first, second]
    assert incident.lessons_for("rollback") == ()  # a draft is not advice beside the step
    shown = incident_text(incident, load(root).library)
    assert "Draft lessons, not yet reviewed" in shown and "Lessons learned" not in shown
    assert main(["--library", str(root), "lesson", "drafts"]) == 0
    assert f"bad-release {first}: " in capsys.readouterr().out

    text_before = (root / "bad-release.yaml").read_text()
    assert main(["--library", str(root), "lesson", "accept", "bad-release", first]) == 0
    incident = load(root).library.type("bad-release")
    assert [lesson.id for lesson in incident.reviewed_lessons] == [first]
    assert [lesson.id for lesson in incident.lessons_for("rollback")] == [first]
    # Only the status line went: everything else in the file is as it was.
    assert (root / "bad-release.yaml").read_text() == text_before.replace(
        f"  - id: {first}\n    status: draft\n", f"  - id: {first}\n"
    )

    assert main(["--library", str(root), "lesson", "reject", "bad-release", second]) == 0
    after = (root / "bad-release.yaml").read_text()
    assert second not in after  # the lesson and the comment that proposed it
    assert [lesson.id for lesson in load(root).library.type("bad-release").lessons] == [first]
    assert main(["--library", str(root), "validate", "--strict"]) == 0


def test_only_a_draft_can_be_accepted_or_rejected(tmp_path, capsys):
    root, (first, _) = propose_two(tmp_path)
    assert main(["--library", str(root), "lesson", "accept", "bad-release", first]) == 0
    assert main(["--library", str(root), "lesson", "reject", "bad-release", first]) == 2
    assert "is not a draft" in capsys.readouterr().err
    assert main(["--library", str(root), "lesson", "accept", "bad-release", "no-such"]) == 2

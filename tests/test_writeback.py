"""Writing library files: atomic, layout-preserving, and never over someone else's edits."""

from __future__ import annotations

import json
import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playbook import writeback
from playbook.library import load
from tests.conftest import MINI

ALPHA = (MINI / "alpha.yaml").read_text(encoding="utf-8")
OLD_LESSONS = """lessons:
  - id: too-slow
    steps: [convene]
    mistake: Waiting for certainty.
    instead: Convene on suspicion.
"""
COMMENTED_LESSONS = """lessons:   # what went wrong before
  # the classic
  - id: too-slow
    steps: [convene]   # the first move
    mistake: Waiting for certainty.
    instead: Convene on suspicion.

# Drills: rehearse it before it happens.
"""
LESSON = {
    "id": "no-scribe",
    "steps": ["convene", "tell"],
    "mistake": "Nobody wrote down: who decided what",
    "instead": "no",
}
LESSON_YAML = """  - id: no-scribe
    steps: [convene, tell]
    mistake: 'Nobody wrote down: who decided what'
    instead: 'no'
"""


def with_alpha(library_dir, text: str):
    root = library_dir({"alpha.yaml": text})
    return root, root / "alpha.yaml"


def test_a_lesson_is_appended_keeping_comments_and_layout(library_dir):
    original = ALPHA.replace(OLD_LESSONS, COMMENTED_LESSONS)
    root, path = with_alpha(library_dir, original)
    writeback.add_lesson(path, LESSON)
    expected = original.replace(
        "    instead: Convene on suspicion.\n\n# Drills",
        "    instead: Convene on suspicion.\n" + LESSON_YAML + "\n# Drills",
    )
    assert path.read_text(encoding="utf-8") == expected
    loaded = load(root)
    assert loaded.problems == ()
    lesson = loaded.library.type("alpha").lessons[-1]
    assert (lesson.id, lesson.steps, lesson.instead) == ("no-scribe", ("convene", "tell"), "no")


def test_a_lesson_with_line_breaks_reads_back_exactly(library_dir):
    root, path = with_alpha(library_dir, ALPHA)
    story = "It was 2 a.m.\nThe call: 'who is in charge?' # nobody knew"
    writeback.add_lesson(path, dict(LESSON, story=story))
    assert load(root).library.type("alpha").lessons[-1].story == story


def test_a_flow_list_of_lessons_grows_in_place(library_dir):
    original = ALPHA.replace(OLD_LESSONS, "lessons: []   # none yet\n")
    root, path = with_alpha(library_dir, original)
    writeback.add_lesson(path, LESSON)
    as_json = json.dumps(LESSON, ensure_ascii=False)
    assert path.read_text(encoding="utf-8") == original.replace("lessons: []", f"lessons: [{as_json}]")
    assert [lesson.id for lesson in load(root).library.type("alpha").lessons] == ["no-scribe"]


def test_a_file_without_lessons_gets_a_lessons_list(library_dir):
    original = ALPHA.replace(OLD_LESSONS, "")
    root, path = with_alpha(library_dir, original)
    writeback.add_lesson(path, LESSON)
    assert path.read_text(encoding="utf-8") == original + "lessons:\n" + LESSON_YAML
    assert load(root).problems == ()


def test_windows_line_endings_are_kept(library_dir):
    root, path = with_alpha(library_dir, "")
    path.write_bytes(ALPHA.replace("\n", "\r\n").encode("utf-8"))
    writeback.add_lesson(path, LESSON)
    raw = path.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n") == ALPHA.count("\n") + 4


def test_refuses_to_write_over_a_file_changed_since_it_was_read(library_dir):
    root, path = with_alpha(library_dir, ALPHA)
    read = writeback.snapshot(path)
    edited_elsewhere = ALPHA.replace("Convene on suspicion.", "Convene on the first suspicion.")
    path.write_text(edited_elsewhere, encoding="utf-8")
    with pytest.raises(writeback.Conflict, match="changed on disk"):
        writeback.add_lesson(path, LESSON, read=read)
    assert path.read_text(encoding="utf-8") == edited_elsewhere
    assert sorted(p.name for p in root.iterdir()) == ["alpha.yaml", "beta.yaml", "library.yaml"]


def test_refuses_a_file_deleted_since_it_was_read(library_dir):
    root, path = with_alpha(library_dir, ALPHA)
    read = writeback.snapshot(path)
    path.unlink()
    with pytest.raises(writeback.Conflict):
        writeback.replace(read, ALPHA)
    assert not path.exists()


@pytest.mark.parametrize(
    "lesson, reason",
    [
        ({"id": "too-slow", "mistake": "m", "instead": "i"}, "already exists"),
        ({"id": "no-instead", "mistake": "m"}, "does not fit the format"),
        ({"id": "Bad Id", "mistake": "m", "instead": "i"}, "does not fit the format"),
    ],
)
def test_refuses_a_lesson_that_would_break_the_file(library_dir, lesson, reason):
    root, path = with_alpha(library_dir, ALPHA)
    with pytest.raises(writeback.EditError, match=reason):
        writeback.add_lesson(path, lesson)
    assert path.read_text(encoding="utf-8") == ALPHA


def test_refuses_to_edit_a_file_that_does_not_parse(library_dir):
    broken = ALPHA.replace("title: Alpha incident", "title: [Alpha incident")
    root, path = with_alpha(library_dir, broken)
    with pytest.raises(writeback.EditError, match="cannot be edited until it reads cleanly"):
        writeback.add_lesson(path, LESSON)
    assert path.read_text(encoding="utf-8") == broken


def test_a_failed_write_leaves_the_old_file_and_no_debris(library_dir, monkeypatch):
    root, path = with_alpha(library_dir, ALPHA)

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        writeback.add_lesson(path, LESSON)
    assert path.read_text(encoding="utf-8") == ALPHA
    assert sorted(p.name for p in root.iterdir()) == ["alpha.yaml", "beta.yaml", "library.yaml"]


def test_the_new_content_is_on_disk_before_it_replaces_the_old(library_dir, monkeypatch):
    root, path = with_alpha(library_dir, ALPHA)
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1])
    writeback.add_lesson(path, LESSON)
    assert calls[:2] == ["fsync", "replace"]


def test_the_file_keeps_its_permissions(library_dir):
    root, path = with_alpha(library_dir, ALPHA)
    path.chmod(0o640)
    writeback.add_lesson(path, LESSON)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_create_never_replaces_an_existing_file(tmp_path):
    path = tmp_path / "new.yaml"
    writeback.create(path, "id: one\n")
    # Made like any new file (not the private mode of a temporary file), so colleagues can read it.
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~writeback._UMASK
    with pytest.raises(FileExistsError):
        writeback.create(path, "id: two\n")
    assert path.read_text(encoding="utf-8") == "id: one\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.yaml"]


LAYOUTS = {
    "block": ALPHA,
    "commented": ALPHA.replace(OLD_LESSONS, COMMENTED_LESSONS),
    "flow": ALPHA.replace(OLD_LESSONS, "lessons: [{id: too-slow, mistake: Waiting., instead: Convene.}]   # one\n"),
    "empty flow": ALPHA.replace(OLD_LESSONS, "lessons: []\n"),
    "none": ALPHA.replace(OLD_LESSONS, ""),
    "last, no newline": ALPHA.replace(OLD_LESSONS, "") + OLD_LESSONS.rstrip("\n"),
}
_words = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n:#'\"[]{}-&*!|>%@` "), min_size=1, max_size=60
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    layout=st.sampled_from(sorted(LAYOUTS)),
    mistake=_words,
    instead=_words,
    story=st.none() | _words,
    steps=st.lists(st.sampled_from(["convene", "tell", "note"]), unique=True, max_size=3),
)
def test_an_appended_lesson_reads_back_exactly_or_the_edit_is_refused(layout, mistake, instead, story, steps):
    from playbook import source

    original = LAYOUTS[layout]
    lesson = {"id": "added", "steps": steps, "mistake": mistake, "instead": instead}
    if story is not None:
        lesson["story"] = story
    try:
        edited = writeback.with_lesson(original, lesson, "alpha.yaml")
    except writeback.EditError:
        return  # refused: text the format does not allow (blank, control or bidi characters)
    before, _ = source.parse(original.encode(), "alpha.yaml")
    after, problems = source.parse(edited.encode(), "alpha.yaml")
    assert after is not None, problems
    assert after.data == dict(before.data, lessons=[*before.data.get("lessons", []), lesson])
    # Every line the author wrote is still there, in order, unchanged (the flow form grows in place).
    if "flow" not in layout:
        kept = iter(edited.splitlines())
        assert all(any(line == other for other in kept) for line in original.splitlines())


def test_create_works_where_hard_links_are_not_supported(tmp_path, monkeypatch):
    def no_links(source, target):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "new.yaml"
    writeback.create(path, "id: one\n")
    assert path.read_text(encoding="utf-8") == "id: one\n"
    with pytest.raises(FileExistsError):
        writeback.create(path, "id: two\n")
    assert path.read_text(encoding="utf-8") == "id: one\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.yaml"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("- id: [unclosed", "not valid YAML"),
        ("id: x\nmistake: y\n", "one list item"),
        ("- id: a\n- id: b\n", "one list item"),
        ("- mistake: no id\n", "one list item"),
    ],
)
def test_edited_text_that_is_not_one_lesson_says_why(text, reason):
    with pytest.raises(writeback.EditError, match=reason):
        writeback.proposed_lesson(text)


def test_edited_text_with_one_lesson_gives_its_fields():
    assert writeback.proposed_lesson("- id: wait\n  mistake: Waited\n") == {"id": "wait", "mistake": "Waited"}

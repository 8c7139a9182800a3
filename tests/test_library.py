"""Loading a library: checks beyond the schema, and one bad file never spoils the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from playbook.library import load
from tests.conftest import MINI

ALPHA = (MINI / "alpha.yaml").read_text(encoding="utf-8")
LIBRARY = (MINI / "library.yaml").read_text(encoding="utf-8")


# The rules of this layer; triage analysis (P408+) and lint (P5xx, P6xx) have their own tests.
STRUCTURE = {f"P{n}" for n in (*range(301, 309), *range(401, 408), 412)}


def found(loaded, name: str = "alpha.yaml") -> list[str]:
    # Only the rules of this layer: lint warnings (P5xx, P6xx) are tested in test_lint.py.
    return [f"{p.line}:{p.col} {p.code}" for p in loaded.problems if p.path.endswith(name) and p.code in STRUCTURE]


def variant(library_dir, old: str, new: str, name: str = "alpha.yaml"):
    text = LIBRARY if name == "library.yaml" else ALPHA
    assert old in text, old
    return load(library_dir({name: text.replace(old, new, 1)}))


def test_mini_library_loads_clean():
    loaded = load(MINI)
    assert loaded.problems == ()
    assert [t.id for t in loaded.library.types] == ["alpha", "beta"]
    alpha = loaded.library.type("alpha")
    assert alpha.triage.question("harm").answer("no").outcome == "SEV3"
    assert alpha.response("SEV1").steps[0].owner == "commander"
    assert [lesson.id for lesson in alpha.lessons_for("convene")] == ["too-slow"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # P302 the file name matches the id
        ("id: alpha", "id: alfa", ["1:5 P302"]),
        # P303 category, P304 role, P305 severity, P306 step, P307 related, P308 reveals
        ("category: cyber", "category: cyberr", ["3:11 P303"]),
        ("owner: comms", "owner: press", ["37:44 P304"]),
        ("  SEV3:\n", "  SEV9:\n", ["40:3 P305"]),
        ("steps: [convene]", "steps: [convene, gone]", ["44:22 P306"]),
        ("related: [beta]", "related: [gamma]", ["16:11 P307"]),
        ("{step: convene, weight: 2}", "{step: absent, weight: 2}", ["61:26 P306"]),
        ("reveals: {scope: one}", "reveals: {scope: many}", ["52:72 P308"]),
        ("reveals: {harm: yes}", "reveals: {hurt: yes}", ["53:64 P308"]),
        ("severity: SEV2", "severity: SEV7", ["57:17 P305"]),
        # P301 ids used twice
        ("- {id: tell,", "- {id: convene,", ["37:12 P301"]),
        ("id: start, at: 0", "id: hurt, at: 0", ["53:14 P301"]),
        # P401-P407, P412 triage structure
        ("  start: scope\n", "", ["21:3 P401"]),
        ("start: scope", "start: scop", ["21:10 P403"]),
        ("next: harm}", "next: harms}", ["26:44 P403", "29:5 P405"]),
        ("{id: all, label: Everyone, outcome: SEV1}", "{id: all, label: Everyone}", ["27:11 P402"]),
        (
            "{id: all, label: Everyone, outcome: SEV1}",
            "{id: all, label: Everyone, outcome: SEV1, next: harm}",
            ["27:11 P402"],
        ),
        ("{id: all, label: Everyone, outcome: SEV1}", "{id: all, label: Everyone, unknown: true}", ["28:11 P412"]),
        ("{id: yes, label: Yes, outcome: SEV2}", "{id: yes, label: Yes, next: scope}", ["33:39 P404"]),
        ("{id: one, label: One team, next: harm}", "{id: one, label: One team, outcome: SEV2}", ["29:5 P405"]),
        ("outcome: SEV1}", "outcome: SEV0}", ["27:47 P406"]),
        (
            "{id: no, label: No, outcome: SEV3}",
            "{id: no, label: No, outcome: SEV3}\n        - {id: no, label: Nope, outcome: SEV3}",
            ["33:16 P301"],
        ),
    ],
)
def test_reference_and_structure_rules(library_dir, old, new, expected):
    loaded = variant(library_dir, old, new)
    assert sorted(found(loaded)) == sorted(expected)
    assert loaded.library.type("alpha") is None  # a file with errors is left out whole
    assert "lib/alpha.yaml" in loaded.failed[0]


def test_depth_limit(library_dir):
    assert found(load(library_dir())) == []  # the default limit is 5
    shallow = LIBRARY.replace("  review_days: 3650\n", "  review_days: 3650\n  triage_depth: 1\n")
    loaded = load(library_dir({"library.yaml": shallow}))
    assert found(loaded) == ["21:10 P407"]


def test_a_bad_file_does_not_stop_the_others(library_dir):
    loaded = load(
        library_dir({"broken.yaml": "id: [unclosed\n", "alpha.yaml": ALPHA.replace("related: [beta]", "related: []")})
    )
    assert [t.id for t in loaded.library.types] == ["alpha", "beta"]
    assert [p.code for p in loaded.problems] == ["P101"]
    assert loaded.failed == (loaded.problems[0].path,)


def test_duplicate_incident_ids_across_files(library_dir):
    loaded = load(library_dir({"copy.yaml": ALPHA.replace("title: Alpha incident", "title: Copy")}))
    assert "P302" in {p.code for p in loaded.problems}  # copy.yaml does not hold id 'copy'
    assert any(p.code == "P301" and "also defined" in p.message for p in loaded.problems)


def test_links_across_files_are_checked_whether_or_not_a_file_name_settles_them(library_dir):
    # Only links that no file name settles are kept until the end (memory at 10,000 types):
    # each kind must still be found, at its place, in the file that holds it.
    alpha = ALPHA.replace("related: [beta]", "related: [beta, alpha, gamma, zeta]").replace(
        "    instead: Carry on\n",
        "    instead: Carry on\n    see: nowhere\n  - when: Abroad\n    instead: Ask\n    see: beta\n",
    )
    # zeta.yaml holds id 'gamma' (an error): gamma exists, zeta is only a file name.
    zeta = ALPHA.replace("id: alpha", "id: gamma").replace("related: [beta]", "related: []")
    # omega.yaml is named by its id, but copy.yaml, read first, also says it is omega.
    omega = ALPHA.replace("id: alpha", "id: omega").replace("related: [beta]", "related: []")
    loaded = load(library_dir({"alpha.yaml": alpha, "zeta.yaml": zeta, "omega.yaml": omega, "copy.yaml": omega}))
    copy = next(name for name in loaded.files if name.endswith("copy.yaml"))
    cross = sorted(
        (Path(p.path).name, p.line, p.col, p.code, p.message) for p in loaded.problems if p.code in ("P301", "P307")
    )
    assert cross == [
        ("alpha.yaml", 16, 10, "P307", "incident type 'nowhere' does not exist"),
        ("alpha.yaml", 20, 17, "P307", "an incident type cannot be related to itself"),
        ("omega.yaml", 1, 5, "P301", f"incident type 'omega' is also defined in {copy}"),
    ]


def test_library_yaml_rules(library_dir):
    loaded = variant(library_dir, "notify: [commander]", "notify: [chief]", name="library.yaml")
    assert loaded.library is None
    assert found(loaded, "library.yaml") == ["10:14 P304"]
    loaded = variant(library_dir, "  - id: comms\n", "  - id: commander\n", name="library.yaml")
    assert found(loaded, "library.yaml") == ["28:9 P301"]


def test_missing_library_file(tmp_path):
    loaded = load(tmp_path)
    assert loaded.library is None
    assert [p.code for p in loaded.problems] == ["P004"]
    assert load(tmp_path / "nowhere").problems[0].code == "P004"


def test_suppression_silences_a_warning_for_one_file_only(library_dir):
    # A warning-level rule, found in both files, silenced in one.
    import attrs

    from playbook.library import _apply_suppressions
    from playbook.model import Suppression
    from playbook.problems import Problem

    library = attrs.evolve(load(MINI).library, suppress=(Suppression(file="alpha.yaml", code="P504", reason="legacy"),))
    problems = [
        Problem("lib/alpha.yaml", 1, 1, "P504", "x"),
        Problem("lib/beta.yaml", 1, 1, "P504", "x"),
        Problem("lib/alpha.yaml", 2, 1, "P304", "x"),
    ]
    kept = _apply_suppressions(problems, library, MINI)
    assert [(p.path, p.code) for p in kept] == [("lib/beta.yaml", "P504"), ("lib/alpha.yaml", "P304")]


def test_a_left_out_file_is_named_by_its_title_else_its_id_else_its_file_name(tmp_path):
    from playbook.library import left_out_name

    (tmp_path / "a.yaml").write_text("id: alpha\ntitle: Alpha incident\nsummary: 3\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("id: beta\ntitle: ''\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("{{{ not yaml", encoding="utf-8")
    assert left_out_name(str(tmp_path / "a.yaml")) == "Alpha incident"  # valid YAML, not a valid playbook
    assert left_out_name(str(tmp_path / "b.yaml")) == "beta"
    assert left_out_name(str(tmp_path / "c.yaml")) == "c"
    assert left_out_name(str(tmp_path / "missing.yaml")) == "missing"


def test_the_files_listed_are_those_the_glob_would_give(tmp_path):
    from playbook.paths import LIBRARY_FILE, incident_files

    for name in (".yaml", ".yml", "..yaml", ".hidden.yaml", "a.YAML", "b.yml", "c.yaml.bak", "d.yamlx", "e.yaml"):
        (tmp_path / name).write_text("", "utf-8")
    (tmp_path / LIBRARY_FILE).write_text("", "utf-8")
    (tmp_path / "folder.yaml").mkdir()  # listed, then refused as not a regular file
    globbed = sorted(p for p in tmp_path.glob("*.y*ml") if p.name != LIBRARY_FILE and p.suffix in (".yaml", ".yml"))
    assert incident_files(tmp_path) == globbed
    assert [p.name for p in globbed] == ["..yaml", ".hidden.yaml", "b.yml", "e.yaml", "folder.yaml"]
    assert incident_files(tmp_path / "nowhere") == []

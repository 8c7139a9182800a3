"""`playbook new` and `playbook schema`: a skeleton that is valid as written, and editor set-up."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from playbook import source
from playbook.cli import main
from playbook.library import load
from playbook.paths import BUNDLED_LIBRARY, SCHEMAS
from tests.conftest import MINI

HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new(capsys, root: Path, *extra: str, incident_id: str = "supplier-fraud", title: str = "Supplier invoice fraud"):
    return run(capsys, "--library", str(root), "new", incident_id, "--category", "cyber", "--title", title, *extra)


def test_the_skeleton_is_valid_as_written(capsys, library_dir):
    root = library_dir()
    code, out, _ = new(capsys, root)
    assert code == 0
    assert "supplier-fraud.yaml" in out and "playbook validate" in out
    loaded = load(root)
    assert loaded.problems == ()  # no errors and no warnings: nothing to fix before filling in
    incident = loaded.library.type("supplier-fraud")
    assert (incident.title, incident.category, incident.status) == ("Supplier invoice fraud", "cyber", "draft")
    # Every severity the triage can reach has a response meeting that severity's target time.
    assert {r.severity for r in incident.responses} == {"SEV1", "SEV2", "SEV3"}


def test_the_skeleton_is_valid_for_the_bundled_scale_and_roles(capsys, tmp_path):
    root = tmp_path / "lib"
    root.mkdir()
    (root / "library.yaml").write_text((BUNDLED_LIBRARY / "library.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    category = load(root, only=[]).library.categories[0].id
    assert (
        run(capsys, "--library", str(root), "new", "water-outage", "--category", category, "--title", "Water outage")[0]
        == 0
    )
    assert load(root).problems == ()


def test_the_skeleton_fits_a_scale_of_nine_severities(capsys, tmp_path):
    library = yaml.safe_load((MINI / "library.yaml").read_text(encoding="utf-8"))
    library["severities"] = [
        {
            "id": f"S{n}",
            "name": f"Level {n}",
            "definition": f"Level {n} harm.",
            "first_action_within": 10 * n,
            "notify": [],
            "update_every": 60,
        }
        for n in range(1, 10)
    ]
    root = tmp_path / "lib"
    root.mkdir()
    (root / "library.yaml").write_text(yaml.safe_dump(library), encoding="utf-8")
    code, _, _ = new(capsys, root)
    assert code == 0
    assert load(root).problems == ()


def test_the_skeleton_has_every_section_each_with_guidance(capsys, library_dir):
    root = library_dir()
    new(capsys, root)
    text = (root / "supplier-fraud.yaml").read_text(encoding="utf-8")
    document, _ = source.parse(text.encode(), "supplier-fraud.yaml")
    schema = json.loads((SCHEMAS / "incident-type.schema.json").read_text(encoding="utf-8"))
    assert set(document.data) == set(schema["properties"])
    lines = text.splitlines()
    for key in document.data:
        line = document.where_key((key,))[0]
        assert "#" in lines[line - 1] or lines[line - 2].startswith("#"), f"no guidance for {key}"


def test_the_header_points_editors_at_the_schema(capsys, library_dir):
    root = library_dir()
    new(capsys, root)
    first = (root / "supplier-fraud.yaml").read_text(encoding="utf-8").splitlines()[0]
    match = HEADER.match(first)
    assert match, first
    # yaml-language-server resolves a relative path from the file's own folder.
    # The self-contained form: every $ref local, so the editor never reaches for the network.
    assert (root / match.group(1)).resolve() == (SCHEMAS / "bundled" / "incident-type.schema.json").resolve()


@pytest.mark.parametrize("title", ["Fraud: a fake invoice", "no", "'Quoted' # not a comment", "Café – déjà vu"])
def test_any_title_reads_back_exactly(capsys, library_dir, title):
    root = library_dir()
    assert new(capsys, root, title=title)[0] == 0
    assert load(root).library.type("supplier-fraud").title == title


@pytest.mark.parametrize("existing", ["supplier-fraud.yaml", "supplier-fraud.yml"])
def test_refuses_to_overwrite(capsys, library_dir, existing):
    root = library_dir({existing: "# my work in progress\n"})
    code, _, err = new(capsys, root)
    assert code == 2
    assert f"{existing} already exists: not overwriting it" in err
    assert (root / existing).read_text(encoding="utf-8") == "# my work in progress\n"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["Supplier_Fraud", "--category", "cyber", "--title", "x"], "must be lower-case letters"),
        (
            ["fraud", "--category", "finance", "--title", "x"],
            "category 'finance' is not in library.yaml (one of cyber, safety)",
        ),
        (["fraud", "--category", "cyber", "--title", "  "], "the title must be one line"),
    ],
)
def test_bad_input_is_a_usage_error_and_writes_nothing(capsys, library_dir, argv, message):
    root = library_dir()
    before = sorted(p.name for p in root.iterdir())
    code, _, err = run(capsys, "--library", str(root), "new", *argv)
    assert code == 2 and message in err
    assert sorted(p.name for p in root.iterdir()) == before


def test_new_outside_a_library_says_how_to_choose_one(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLAYBOOK_LIBRARY", raising=False)
    code, _, err = run(capsys, "new", "fraud", "--category", "cyber", "--title", "Fraud")
    assert code == 2 and "pass --library PATH" in err
    assert list(tmp_path.iterdir()) == []


def test_new_in_the_current_library_folder(capsys, library_dir, monkeypatch):
    root = library_dir()
    monkeypatch.chdir(root)
    monkeypatch.delenv("PLAYBOOK_LIBRARY", raising=False)
    assert run(capsys, "new", "fraud", "--category", "cyber", "--title", "Fraud")[0] == 0
    assert (root / "fraud.yaml").is_file()


@pytest.mark.parametrize("name", ["incident-type", "library", "common"])
def test_schema_prints_the_schema_source(capsys, name):
    code, out, _ = run(capsys, "schema", name)
    assert code == 0
    assert json.loads(out)["$id"] == f"urn:playbook:schemas:{name}"


@pytest.mark.parametrize("name", ["incident-type", "library"])
def test_schema_bundle_prints_the_self_contained_form_editors_use(capsys, name):
    code, out, _ = run(capsys, "schema", name, "--bundle")
    assert code == 0
    printed = json.loads(out)
    assert printed == json.loads((SCHEMAS / "bundled" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert "urn:playbook:schemas:common" not in out


def test_schema_path_for_editor_settings(capsys):
    code, out, _ = run(capsys, "schema", "--path")
    assert code == 0
    assert Path(out.strip()) == SCHEMAS / "bundled" / "incident-type.schema.json"
    assert Path(out.strip()).is_file()


def test_every_bundled_playbook_names_the_self_contained_schema():
    for path in sorted(BUNDLED_LIBRARY.glob("*.yaml")):
        schema = "library" if path.name == "library.yaml" else "incident-type"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/bundled/{schema}.schema.json", path.name

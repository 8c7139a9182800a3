"""`playbook import-table`: a spreadsheet's decision table into an incident's triage, each
problem at the CSV's line and column, the incident file's comments and layout kept."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from playbook.cli import main
from playbook.library import load
from playbook.triage import decision_rows
from playbook.writeback import EditError, with_table
from tests.test_triage_frameworks import ITIL, SSVC, published


def run(capsys, root: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(root), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def without_table(text: str, old_id: str, new_id: str) -> str:
    """The incident file with an empty triage: its questions, no rows."""
    text = re.sub(r"  table:\n(    - .*\n)+", "", text)
    assert "  table:" not in text
    return text.replace(f"id: {old_id}\n", f"id: {new_id}\n")


@pytest.fixture
def copy(tmp_path):
    def make(root: Path) -> Path:
        target = tmp_path / root.name
        shutil.copytree(root, target)
        return target

    return make


@pytest.mark.parametrize(("root", "name"), [(ITIL, "itil-table"), (SSVC, "ssvc-table")])
def test_a_csv_round_trip_reproduces_the_table_exactly(capsys, copy, tmp_path, root, name):
    lib = copy(root)
    original = (lib / f"{name}.yaml").read_text(encoding="utf-8")
    (lib / "empty.yaml").write_text(without_table(original, name, "empty"), encoding="utf-8")
    code, rows, _ = run(capsys, lib, "export", name, "--format", "csv-rows")
    assert code == 0
    (tmp_path / "rows.csv").write_text(rows, encoding="utf-8")

    code, out, _ = run(capsys, lib, "import-table", str(tmp_path / "rows.csv"), "--incident", "empty")
    assert code == 0 and f"wrote {len(published(root))} rows into the triage table of" in out
    # Byte for byte the file the table was exported from, comments and layout included.
    assert (lib / "empty.yaml").read_text(encoding="utf-8") == original.replace(f"id: {name}\n", "id: empty\n")
    loaded = load(lib)
    assert loaded.problems == ()
    imported = loaded.library.type("empty").triage
    assert imported.table == loaded.library.type(name).triage.table


def test_importing_over_a_table_replaces_only_the_table(capsys, copy, tmp_path):
    lib = copy(ITIL)
    path = lib / "itil-table.yaml"
    original = path.read_text(encoding="utf-8")
    csv = "impact,urgency,outcome\nlow,low,P5\nlow,medium,P4\nlow,high,P3\nmedium,low,P4\nmedium,medium,P3\n"
    csv += "medium,high,P2\nhigh,low,P2\nhigh,medium,P2\nhigh,high,P1\n"  # high impact, low urgency: P2 now
    (tmp_path / "t.csv").write_text(csv, encoding="utf-8")
    code, _, _ = run(capsys, lib, "import-table", str(tmp_path / "t.csv"), "--incident", "itil-table")
    assert code == 0
    text = path.read_text(encoding="utf-8")
    assert text == original.replace(
        "{when: {impact: high, urgency: low}, outcome: P3}", "{when: {impact: high, urgency: low}, outcome: P2}"
    )
    assert "# The ITIL priority matrix as published" in text and "# Listed mild to severe" in text


def test_windows_line_endings_stay_windows_line_endings(capsys, copy, tmp_path):
    lib = copy(ITIL)
    path = lib / "itil-table.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_bytes(original.replace("\n", "\r\n").encode("utf-8"))
    _, rows, _ = run(capsys, lib, "export", "itil-table", "--format", "csv-rows")
    (tmp_path / "t.csv").write_bytes(rows.replace("\n", "\r\n").encode("utf-8"))
    code, _, _ = run(capsys, lib, "import-table", str(tmp_path / "t.csv"), "--incident", "itil-table")
    assert code == 0 and path.read_bytes() == original.replace("\n", "\r\n").encode("utf-8")


def test_empty_cells_match_any_answer_and_spreadsheet_csv_dialects_are_read(capsys, copy, tmp_path):
    # The compiled paths of SSVC (20 rows, blanks for "any"), saved by a spreadsheet with `;`,
    # quotes and a blank line at the end.
    lib = copy(SSVC)
    original = (lib / "ssvc-table.yaml").read_text(encoding="utf-8")
    (lib / "empty.yaml").write_text(
        without_table(original, "ssvc-table", "empty").replace("  order: written\n", ""), encoding="utf-8"
    )
    text = (lib / "ssvc-table.yaml").read_text(encoding="utf-8").replace("  order: written\n", "")
    (lib / "ssvc-table.yaml").write_text(text, encoding="utf-8")
    code, paths_csv, _ = run(capsys, lib, "export", "ssvc-table", "--format", "csv")
    assert code == 0 and len(paths_csv.splitlines()) == 21
    dialect = "\n".join(";".join(f'"{c}"' if c else "" for c in line.split(",")) for line in paths_csv.splitlines())
    (tmp_path / "paths.csv").write_text(dialect + "\n\n", encoding="utf-8")
    code, out, _ = run(capsys, lib, "import-table", str(tmp_path / "paths.csv"), "--incident", "empty")
    assert code == 0 and "wrote 20 rows" in out
    loaded = load(lib)
    assert loaded.problems == ()
    triage = loaded.library.type("empty").triage
    ids = [q.id for q in triage.questions]
    assert {tuple(zip(ids, c, strict=True)): o for c, o in decision_rows(triage)} == published(SSVC)
    assert any(len(row.when) < 4 for row in triage.table)


def write_csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return path


ROWS = [
    "impact,urgency,outcome",
    "low,low,P5",
    "low,medium,P4",
    "low,high,P3",
    "medium,low,P4",
    "medium,medium,P3",
    "medium,high,P2",
    "high,low,P3",
    "high,medium,P2",
    "high,high,P1",
]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # two rows give different outcomes for one combination: the later row, naming the earlier
        (
            lambda rows: [*rows, "high,high,P2"],
            ["table.csv:11:11: P411 this row gives P2 but the row at 10:1 gives P1"],
        ),
        # a combination no row covers
        (
            lambda rows: [r for r in rows if r != "medium,high,P2"],
            ["table.csv:1:1: P410 no row gives the outcome for 1 combination(s): impact=medium, urgency=high"],
        ),
        # the row that breaks the order of both questions, not the answers under `questions`
        (
            lambda rows: [r.replace("high,high,P1", "high,high,P3") for r in rows],
            ["table.csv:10:1: P408 'high' is listed as more severe than 'medium' in 'impact'", "table.csv:10:1: P408"],
        ),
        # not an answer of the question, the unknown answer, not a severity
        (lambda rows: [r.replace("low,low,P5", "low,lo,P5") for r in rows], ["table.csv:2:5: P308"]),
        (lambda rows: [r.replace("low,low,P5", "low,unsure,P5") for r in rows], ["table.csv:2:5: P414"]),
        (lambda rows: [r.replace("low,low,P5", "low,low,SEV5") for r in rows], ["table.csv:2:9: P406"]),
        # a header naming a question the triage does not have
        (
            lambda rows: ["impact,speed,outcome", *rows[1:]],
            ["table.csv:1:8: P308 'empty' has no question 'speed' (one of impact, urgency)"],
        ),
        # rows that are not the header's shape, quotes never closed or text after them
        (lambda rows: [*rows, "low,low"], ["table.csv:11:1: P423 this row has 2 cells; the header has 3"]),
        (lambda rows: [*rows, 'low,"low,P5'], ["table.csv:11:5: P423 a quotation mark is never closed"]),
        (lambda rows: [*rows, 'low,"low" x,P5'], ["table.csv:11:11: P423 text after a closing quotation mark"]),
        (lambda rows: ["impact,impact,outcome", *rows[1:]], ["table.csv:1:8: P423 the column 'impact' appears twice"]),
        (lambda rows: rows[:1], ["table.csv:1:1: P423 the table has a header but no rows"]),
    ],
)
def test_each_problem_is_reported_at_the_csv_line_and_nothing_is_written(capsys, copy, tmp_path, change, expected):
    lib = copy(ITIL)
    empty = lib / "empty.yaml"
    empty.write_text(without_table((lib / "itil-table.yaml").read_text("utf-8"), "itil-table", "empty"), "utf-8")
    before = empty.read_bytes()
    path = write_csv(tmp_path, "\n".join(change(ROWS)) + "\n")
    code, out, err = run(capsys, lib, "import-table", str(path), "--incident", "empty")
    assert code == 1 and err == ""
    lines = [line.replace(str(tmp_path) + "/", "") for line in out.splitlines()]
    located = [line for line in lines if line.startswith("table.csv")]
    assert len(located) == len(expected), lines
    for line, start in zip(located, expected, strict=True):
        assert line.startswith(start), (line, start)
    assert empty.read_bytes() == before


def test_check_reports_without_writing(capsys, copy, tmp_path):
    lib = copy(ITIL)
    path = lib / "itil-table.yaml"
    before = path.read_bytes()
    csv = write_csv(tmp_path, "\n".join(r.replace("high,low,P3", "high,low,P2") for r in ROWS) + "\n")
    code, out, _ = run(capsys, lib, "import-table", str(csv), "--incident", "itil-table", "--check")
    assert code == 0 and out == "" and path.read_bytes() == before


def test_a_tree_or_a_missing_file_is_a_usage_error(capsys, copy, tmp_path):
    lib = copy(ITIL)
    csv = write_csv(tmp_path, "\n".join(ROWS) + "\n")
    before = (lib / "itil-tree.yaml").read_bytes()
    code, _, err = run(capsys, lib, "import-table", str(csv), "--incident", "itil-tree")
    assert code == 2 and "the triage of 'itil-tree' is a tree" in err
    assert (lib / "itil-tree.yaml").read_bytes() == before
    code, _, err = run(capsys, lib, "import-table", str(csv), "--incident", "nothing")
    assert code == 2 and "no nothing.yaml in the library" in err
    code, _, err = run(capsys, lib, "import-table", str(tmp_path / "none.csv"), "--incident", "itil-table")
    assert code == 2 and "cannot read" in err and "Traceback" not in err


def test_ids_our_reader_would_type_are_written_quoted():
    text = "triage:\n  questions:\n    level:\n      ask: Level?\n      answers:\n        - {id: '1', label: One}\n"
    edited = with_table(text, [{"when": {"level": "1"}, "outcome": "SEV1"}, {"when": {}, "outcome": "SEV2"}])
    assert edited.endswith('  table:\n    - {when: {level: "1"}, outcome: SEV1}\n    - {when: {}, outcome: SEV2}\n')


def test_an_inline_triage_is_not_rewritten():
    text = "triage: {questions: {level: {ask: Level?, answers: [{id: low, label: Low}]}}}\n"
    with pytest.raises(EditError, match="block style"):
        with_table(text, [{"when": {"level": "low"}, "outcome": "SEV1"}])

"""Severity calibration: the library's criteria hold every triage, bundled or new, to one floor."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from playbook.cli import main
from playbook.library import load
from playbook.paths import BUNDLED_LIBRARY
from playbook.triage import Walk
from tests.conftest import DATA, MINI
from tests.test_lint import position, variant

LIBRARY_YAML = (MINI / "library.yaml").read_text(encoding="utf-8")
CRITERIA = """criteria:
  - {id: life-at-risk, name: A life at risk, question: Could anyone die?, floor: SEV1, description: Lives first.}
  - {id: money, name: Money, question: Could it hurt the results?, floor: SEV2, description: Material loss.}
"""
WITH_CRITERIA = LIBRARY_YAML.replace("roles:\n", CRITERIA + "roles:\n", 1)


def problems_of(library_dir, files: dict[str, str], code: str) -> list[tuple[str, int, int, str]]:
    loaded = load(library_dir({"library.yaml": WITH_CRITERIA, **files}))
    return [(Path(p.path).name, p.line, p.col, p.message) for p in loaded.problems if p.code == code]


def test_an_answer_meaning_a_life_at_risk_may_not_settle_below_sev1(library_dir):
    text = variant(
        ("{id: yes, label: Yes, outcome: SEV2}", "{id: yes, label: Yes, outcome: SEV2, means: [life-at-risk]}")
    )
    found = problems_of(library_dir, {"alpha.yaml": text}, "P416")
    line, col = position(text, "means: [life-at-risk]", "SEV2")
    assert found == [
        ("alpha.yaml", line, col, "answer 'yes' of 'harm' means life-at-risk, so at least SEV1, but can lead to SEV2")
    ]


def test_a_meaning_holds_every_outcome_down_the_branch_it_opens(library_dir):
    # "One team" meaning money (at least SEV2) leads to 'harm', whose "No" gives SEV3.
    text = variant(("{id: one, label: One team, next: harm}", "{id: one, label: One team, next: harm, means: [money]}"))
    found = problems_of(library_dir, {"alpha.yaml": text}, "P416")
    line, col = position(text, "means: [money]", "harm")
    assert found == [
        (
            "alpha.yaml",
            line,
            col,
            "answer 'one' of 'scope' means money, so at least SEV2, "
            "but can lead to SEV3 (through 'harm' answered 'no')",
        )
    ]


def test_the_strictest_meaning_sets_the_floor_and_a_calibrated_answer_passes(library_dir):
    text = variant(
        (
            "{id: all, label: Everyone, outcome: SEV1}",
            "{id: all, label: Everyone, outcome: SEV1, means: [money, life-at-risk]}",
        )
    )
    assert problems_of(library_dir, {"alpha.yaml": text}, "P416") == []
    assert problems_of(library_dir, {"alpha.yaml": text}, "P309") == []


def test_a_meaning_the_library_does_not_define_is_an_error(library_dir):
    text = variant(("{id: yes, label: Yes, outcome: SEV2}", "{id: yes, label: Yes, outcome: SEV2, means: [lives]}"))
    found = problems_of(library_dir, {"alpha.yaml": text}, "P309")
    line, col = position(text, "means: [lives]", "lives")
    assert found == [
        (
            "alpha.yaml",
            line,
            col,
            "answer 'yes' means 'lives', which is not a criterion in library.yaml (life-at-risk, money)",
        )
    ]
    # The file is left out whole, like any file with an error.
    assert load(library_dir({"library.yaml": WITH_CRITERIA, "alpha.yaml": text})).library.type("alpha") is None


def test_a_table_row_that_leaves_a_question_out_meets_every_floor_it_covers(library_dir):
    priority = (DATA / "triage" / "priority.yaml").read_text(encoding="utf-8")
    library = (DATA / "triage" / "library.yaml").read_text(encoding="utf-8")
    library = library.replace("roles:\n", CRITERIA + "roles:\n", 1)
    text = priority.replace("{id: high, label: Within hours}", "{id: high, label: Within hours, means: [money]}")
    loaded = load(library_dir({"library.yaml": library, "priority.yaml": text}, base=DATA / "triage"))
    found = [(p.line, p.message) for p in loaded.problems if p.code == "P416"]
    # Rows giving SEV3 or SEV4 while urgency may be high: the `impact: low` row names no urgency.
    assert found == [
        (
            position(text, "{impact: low}", "SEV4")[0],
            "this row gives SEV4 when 'urgency' is 'high', which means money, so at least SEV2",
        )
    ]


def test_a_tree_of_nodes_is_held_to_the_floor_at_every_node_that_asks_the_question(library_dir):
    itil = DATA / "itil"
    library = (itil / "library.yaml").read_text(encoding="utf-8")
    library = library.replace(
        "roles:\n",
        "criteria:\n  - {id: vital, name: A vital service, question: Is a vital service down?, floor: P2,"
        " description: A vital business function.}\nroles:\n",
        1,
    )
    tree = (itil / "itil-tree.yaml").read_text(encoding="utf-8")
    # "High impact" means a vital service: at least P2. The high-impact node gives P3 when urgency is low.
    text = tree.replace(
        "key: 1}\n        - {id: unsure, label: Not known yet, unknown: true}\n    urgency:",
        "key: 1, means: [vital]}\n        - {id: unsure, label: Not known yet, unknown: true}\n    urgency:",
    )
    assert text != tree
    loaded = load(library_dir({"library.yaml": library, "itil-tree.yaml": text}, base=itil))
    found = [(Path(p.path).name, p.line, p.message) for p in loaded.problems if p.code == "P416"]
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "{low: urgency-if-low, medium" in row)
    assert found == [
        (
            "itil-tree.yaml",
            line,
            "answer 'high' of 'impact' at node 'impact' means vital, so at least P2, "
            "but can lead to P3 (through node 'urgency-if-high' answered 'low')",
        )
    ]


def test_a_criterion_floor_must_be_a_severity_and_ids_unique(library_dir):
    broken = WITH_CRITERIA.replace("floor: SEV2, description: Material", "floor: SEV9, description: Material")
    broken = broken.replace("{id: money,", "{id: life-at-risk,")
    loaded = load(library_dir({"library.yaml": broken}))
    assert loaded.library is None
    assert sorted(p.code for p in loaded.problems) == ["P301", "P305"]
    assert any("floor 'SEV9' is not a severity" in p.message for p in loaded.problems)


def test_validate_fails_a_mis_calibrated_copy_of_a_bundled_type(tmp_path, capsys):
    """A mentor's file is held to the bundled library's floors: a copy of the fatality playbook
    that ranks 'someone is still in danger' as SEV2 is caught with its position and the rule."""
    root = Path(shutil.copytree(BUNDLED_LIBRARY, tmp_path / "lib"))
    lines = (root / "workplace-fatality.yaml").read_text(encoding="utf-8").splitlines()
    danger = lines.index("    danger:")
    yes = next(n for n in range(danger, len(lines)) if lines[n].strip() == "- id: yes")
    assert "means: [life-at-risk]" in lines[yes + 1]
    outcome = next(n for n in range(yes, len(lines)) if lines[n].strip().startswith("outcome:"))
    assert lines[outcome].strip() == "outcome: SEV1"
    lines[outcome] = lines[outcome].replace("SEV1", "SEV2")
    (root / "workplace-fatality.yaml").write_text("\n".join(lines) + "\n")
    assert main(["validate", str(root / "workplace-fatality.yaml")]) == 1
    out = capsys.readouterr().out
    column = lines[outcome].index("SEV2") + 1
    assert (
        f"workplace-fatality.yaml:{outcome + 1}:{column}: P416 answer 'yes' of 'danger' means life-at-risk, "
        "so at least SEV1, but can lead to SEV2"
    ) in out
    assert main(["validate", "--strict", str(BUNDLED_LIBRARY)]) == 0


def test_the_bundled_library_states_the_agreed_criteria():
    library = load(BUNDLED_LIBRARY).library
    floors = {c.id: c.floor for c in library.criteria}
    assert floors == {
        "life-at-risk": "SEV1",
        "serious-injury": "SEV2",
        "legal-clock-24h": "SEV2",
        "core-service-down": "SEV2",
        "material-money": "SEV2",
        "reputation-national": "SEV3",
        "data-exposed": "SEV3",
    }
    assert all(c.question.endswith("?") for c in library.criteria)


def test_every_bundled_type_says_what_its_answers_mean():
    """The guard only guards what is labelled: each bundled triage labels the answers that
    meet a criterion, and lives are labelled wherever a safety type can reach them."""
    library = load(BUNDLED_LIBRARY).library
    for incident in library.types:
        means = {m for q in incident.triage.questions for a in q.answers for m in a.means}
        assert means, incident.id
    for type_id in (
        "workplace-fatality",
        "workplace-violence",
        "environmental-spill",
        "facility-loss",
        "staff-abroad-crisis",
    ):
        incident = library.type(type_id)
        assert "life-at-risk" in {m for q in incident.triage.questions for a in q.answers for m in a.means}, type_id


def _severity(type_id: str, **answers: str) -> str | None:
    """Walk a bundled triage as a leader would, answering each question it asks."""
    library = load(BUNDLED_LIBRARY).library
    walk = Walk.start(library.type(type_id), library)
    while not walk.done:
        walk = walk.answer(answers[walk.question.id.replace("-", "_")])
    return walk.severity


@pytest.mark.parametrize(
    ("type_id", "answers", "severity"),
    [
        # A life-threatening injury is SEV1, as the scale defines it.
        ("workplace-fatality", {"danger": "no", "harm": "fatal"}, "SEV1"),
        ("workplace-fatality", {"danger": "no", "harm": "serious"}, "SEV2"),
        # A named target, a plan and a person free to reach them: SEV1, not SEV2.
        ("workplace-violence", {"active": "no", "harm": "threat", "credible": "high"}, "SEV1"),
        # Reputation alone stops below SEV1; one protester locked on is SEV2.
        ("social-media-crisis", {"substance": "complaint", "spread": "viral"}, "SEV3"),
        ("social-media-crisis", {"substance": "serious", "spread_serious": "viral"}, "SEV2"),
        ("social-media-crisis", {"substance": "danger"}, "SEV1"),
        ("activist-protest", {"safety": "hazard"}, "SEV2"),
        ("senior-leader-misconduct", {"nature": "serious", "level": "top", "exposure": "contained"}, "SEV2"),
        ("senior-leader-misconduct", {"nature": "serious", "level": "top", "exposure": "exposed"}, "SEV1"),
        # Ransomware on several systems at a site is never SEV4; a stopped critical service is SEV1.
        ("ransomware", {"spread": "site", "data": "no", "operations": "normal"}, "SEV2"),
        ("ransomware", {"spread": "one", "data": "no", "operations": "stopped"}, "SEV1"),
        ("ransomware", {"spread": "one", "data": "no", "operations": "normal"}, "SEV4"),
        # Losing a customer worth a fifth of revenue or more is SEV2 (disclosure duties follow).
        ("liquidity-crunch", {"runway": "comfortable", "shock": "major"}, "SEV2"),
        # Delivery before the designation is not the same incident as delivery after it.
        ("sanctions-breach", {"flowing": "no", "reached": "delivered", "listed": "listed", "timing": "before"}, "SEV3"),
        ("sanctions-breach", {"flowing": "no", "reached": "delivered", "listed": "listed", "timing": "after"}, "SEV2"),
    ],
)
def test_the_severities_the_review_found_wrong(type_id, answers, severity):
    assert _severity(type_id, **answers) == severity


def test_a_credible_named_threat_gets_police_and_protection_within_minutes():
    library = load(BUNDLED_LIBRARY).library
    sev1 = {s.id: s for s in library.type("workplace-violence").response("SEV1").steps}
    assert sev1["alert-police"].within <= 15
    assert sev1["protect-target"].within <= 15
    assert "named person off site" in sev1["run-hide"].not_when


def test_liquidity_triage_asks_what_a_leader_knows_in_the_first_15_minutes():
    library = load(BUNDLED_LIBRARY).library
    runway = library.type("liquidity-crunch").triage.question("runway")
    assert "13-week" not in runway.ask + runway.help
    assert "today" in runway.ask

"""The triage checks a leader relies on: complete, consistent tables, monotonic answers, no
irrelevant question, short enough, every response reachable. Each rule with a failing and a
passing triage, located at the line an author has to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from playbook.library import load
from playbook.problems import RULES

TRIAGE = Path(__file__).parent / "data" / "triage"
TEXT = {name: (TRIAGE / name).read_text(encoding="utf-8") for name in ("library.yaml", "outage.yaml", "priority.yaml")}
RULES_HERE = {f"P{n}" for n in range(401, 416)} | {"P308"}


def line_of(text: str, snippet: str) -> int:
    assert text.count(snippet) == 1, snippet
    return text[: text.index(snippet)].count("\n") + 1


def check(library_dir, name: str, old: str, new: str) -> tuple[list[tuple[int, str]], str]:
    """Load the triage library with one edit; the triage problems of that file and its text."""
    assert TEXT[name].count(old) == 1, old
    text = TEXT[name].replace(old, new)
    loaded = load(library_dir({name: text}, base=TRIAGE))
    return [(p.line, p.code) for p in loaded.problems if p.path.endswith(name) and p.code in RULES_HERE], text


def test_the_fixture_library_passes_every_check():
    loaded = load(TRIAGE)
    assert loaded.problems == ()
    assert sorted(t.id for t in loaded.library.types) == ["outage", "priority"]


def test_bundled_triages_pass_every_check(bundled):
    assert [str(p) for p in bundled.problems if p.code in RULES_HERE] == []


def test_new_rules_are_catalogued_with_a_level():
    assert RULES["P408"][0] == "error"  # a milder severity for a worse situation misleads a leader
    assert RULES["P409"][0] == "warning"  # it costs seconds, it does not mislead
    assert RULES["P413"][0] == "warning"
    assert {RULES[c][0] for c in ("P410", "P411", "P414", "P415")} == {"error"}


MILD_SEVERE = (
    "        - {id: no, label: No, outcome: SEV3}\n        - {id: yes, label: Yes, outcome: SEV2}\n        - {id: unsure",
    "        - {id: no, label: No, outcome: SEV1}\n        - {id: yes, label: Yes, outcome: SEV2}\n        - {id: unsure",
)


def test_a_more_severe_answer_with_a_milder_outcome_is_an_error(library_dir):
    found, text = check(library_dir, "outage.yaml", *MILD_SEVERE)
    assert found == [(line_of(text, "{id: yes, label: Yes, outcome: SEV2}"), "P408")]


def test_unordered_answers_are_not_held_to_an_order(library_dir):
    old, new = MILD_SEVERE
    unordered = "      ask: Is customer data at risk?\n      ordered: false\n"
    text = TEXT["outage.yaml"].replace(old, new).replace("      ask: Is customer data at risk?\n", unordered)
    loaded = load(library_dir({"outage.yaml": text}, base=TRIAGE))
    assert loaded.problems == ()


def test_monotonic_is_judged_across_branches_all_else_equal(library_dir):
    # 'some' customers is worse than 'none', but none + critical system down now gives SEV1,
    # while some + no data at risk gives SEV3.
    found, text = check(
        library_dir, "outage.yaml", "- {id: yes, label: Yes, outcome: SEV3}", "- {id: yes, label: Yes, outcome: SEV1}"
    )
    assert found == [(line_of(text, "{id: some,"), "P408")]
    loaded = load(library_dir({"outage.yaml": text}, base=TRIAGE))
    message = next(p.message for p in loaded.problems if p.code == "P408")
    assert "'some' is listed as more severe than 'none' in 'customers' but gives SEV3 instead of SEV1" in message
    assert "data=no" in message and "internal=yes" in message


def test_a_question_whose_answer_never_matters_is_flagged(library_dir):
    found, text = check(
        library_dir, "outage.yaml", "- {id: yes, label: Yes, outcome: SEV3}", "- {id: yes, label: Yes, outcome: SEV4}"
    )
    assert found == [(line_of(text, "    internal:"), "P409")]


def test_a_severity_with_a_response_that_the_triage_never_gives(library_dir):
    found, text = check(
        library_dir,
        "outage.yaml",
        "{id: all, label: All customers, outcome: SEV1}",
        "{id: all, label: All customers, outcome: SEV2}",
    )
    assert found == [(line_of(text, "  SEV1:"), "P413")]


def test_depth_beyond_the_library_limit_for_trees_and_tables(library_dir):
    loaded = load(
        library_dir({"library.yaml": TEXT["library.yaml"].replace("triage_depth: 3", "triage_depth: 1")}, base=TRIAGE)
    )
    found = {(Path(p.path).name, p.line, p.code) for p in loaded.problems if p.code in RULES_HERE}
    assert found == {
        ("outage.yaml", line_of(TEXT["outage.yaml"], "start: customers"), "P407"),
        ("priority.yaml", line_of(TEXT["priority.yaml"], "  table:"), "P407"),
    }


ROW_LOW = "    - {when: {impact: low}, outcome: SEV4}\n"


def test_a_missing_combination_names_it(library_dir):
    found, text = check(library_dir, "priority.yaml", ROW_LOW, "")
    assert found == [(line_of(text, "  table:"), "P410")]
    loaded = load(library_dir({"priority.yaml": text}, base=TRIAGE))
    message = loaded.problems[0].message
    assert "2 combination(s): impact=low, urgency=low; impact=low, urgency=high" in message


def test_conflicting_rows_are_located_at_the_later_row(library_dir):
    found, text = check(
        library_dir, "priority.yaml", ROW_LOW, ROW_LOW + "    - {when: {urgency: high}, outcome: SEV1}\n"
    )
    row = line_of(text, "{when: {urgency: high}, outcome: SEV1}")
    assert found == [(row, "P411"), (row, "P411")]  # against the medium and the low row
    loaded = load(library_dir({"priority.yaml": text}, base=TRIAGE))
    messages = [p.message for p in loaded.problems]
    assert any("gives SEV1 but the row at" in m and "gives SEV4 for impact=low, urgency=high" in m for m in messages)


def test_overlapping_rows_that_agree_are_fine(library_dir):
    found, _ = check(
        library_dir, "priority.yaml", ROW_LOW, ROW_LOW + "    - {when: {impact: low, urgency: high}, outcome: SEV4}\n"
    )
    assert found == []


@pytest.mark.parametrize(
    ("old", "new", "code", "at"),
    [
        ("{when: {impact: low}", "{when: {impakt: low}", "P308", "impakt: low"),
        ("{when: {impact: low}", "{when: {impact: lo}", "P308", "impact: lo}"),
        ("{when: {impact: low}", "{when: {impact: unsure}", "P414", "impact: unsure}"),
        ("{when: {impact: low}, outcome: SEV4}", "{when: {impact: low}, outcome: SEV9}", "P406", "SEV9"),
        ("  questions:\n", "  start: impact\n  questions:\n", "P401", "start: impact"),
        (
            "{id: low, label: One person}",
            "{id: low, label: One person, outcome: SEV4}",
            "P402",
            "One person, outcome: SEV4}",
        ),
    ],
)
def test_table_structure(library_dir, old, new, code, at):
    found, text = check(library_dir, "priority.yaml", old, new)
    assert found == [(line_of(text, at), code)]


def test_table_rules_on_what_it_decides(library_dir):
    # An extra question the rows never name matches every answer: complete, but irrelevant.
    extra = "    weekend:\n      ask: Is it the weekend?\n      answers:\n        - {id: no, label: No}\n        - {id: yes, label: Yes}\n  table:\n"
    found, text = check(library_dir, "priority.yaml", "  table:\n", extra)
    assert found == [(line_of(text, "    weekend:"), "P409")]
    # High and high now gives SEV3: milder than medium impact (SEV2) and than low urgency
    # (SEV2), so both questions break their order; and SEV1 is never given. In a table the
    # row that breaks the order is the place to look, not the answer under `questions`.
    found, text = check(
        library_dir,
        "priority.yaml",
        "{impact: high, urgency: high}, outcome: SEV1",
        "{impact: high, urgency: high}, outcome: SEV3",
    )
    row = line_of(text, "{impact: high, urgency: high}")
    assert found == [(row, "P408"), (row, "P408"), (line_of(text, "  SEV1:"), "P413")]
    # SEV4 has a response but no row gives it any more.
    found, text = check(
        library_dir, "priority.yaml", "{when: {impact: low}, outcome: SEV4}", "{when: {impact: low}, outcome: SEV3}"
    )
    assert found == [(line_of(text, "  SEV4:"), "P413")]


def _wide_table(questions: int, answers: int) -> str:
    lines = ["triage:\n  questions:\n"]
    for q in range(questions):
        lines.append(f"    q{q}:\n      ask: Question {q}?\n      answers:\n")
        lines += [f"        - {{id: a{a}, label: Answer {a}}}\n" for a in range(answers)]
    lines.append("  table:\n    - {when: {}, outcome: SEV1}\n")
    return "".join(lines)


def test_tables_too_large_to_check_are_refused_not_hung(library_dir):
    text = TEXT["priority.yaml"]
    start, end = text.index("triage:\n"), text.index("responses:\n")
    found, _ = check(library_dir, "priority.yaml", text[start:end], _wide_table(6, 9))
    assert [code for _, code in found] == ["P415"]


def test_trees_with_too_many_paths_are_refused_not_hung(library_dir):
    # Four questions of nine answers, each answer leading to the next question: 6561 paths.
    lines = ["triage:\n  start: q0\n  questions:\n"]
    for q in range(4):
        lines.append(f"    q{q}:\n      ask: Question {q}?\n      ordered: false\n      answers:\n")
        lead = f"next: q{q + 1}" if q < 3 else "outcome: SEV1"
        lines += [f"        - {{id: a{a}, label: Answer {a}, {lead}}}\n" for a in range(9)]
    text = TEXT["outage.yaml"]
    start, end = text.index("triage:\n"), text.index("responses:\n")
    files = {
        "outage.yaml": text[:start] + "".join(lines) + text[end:],
        "library.yaml": TEXT["library.yaml"].replace("triage_depth: 3", "triage_depth: 5"),
    }
    loaded = load(library_dir(files, base=TRIAGE))
    assert [p.code for p in loaded.problems if p.path.endswith("outage.yaml") and p.code in RULES_HERE] == ["P415"]


def test_tables_whose_rows_overlap_beyond_reason_are_refused(library_dir):
    text = TEXT["priority.yaml"]
    start, end = text.index("triage:\n"), text.index("responses:\n")
    wide = _wide_table(3, 9).replace("    - {when: {}, outcome: SEV1}\n", "    - {when: {}, outcome: SEV1}\n" * 1400)
    found, _ = check(library_dir, "priority.yaml", text[start:end], wide)
    assert [code for _, code in found] == ["P415"]
    loaded = load(library_dir({"priority.yaml": text[:start] + wide + text[end:]}, base=TRIAGE))
    assert "the 1400 rows overlap too much to check" in loaded.problems[0].message

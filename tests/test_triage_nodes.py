"""A tree whose nodes ask shared questions: each mistake an author can make in one is reported
at the line to fix; answer keys, the reserved word `unknown` and numbered labels likewise."""

from __future__ import annotations

from pathlib import Path

import pytest

from playbook.library import load
from tests.test_triage_checks import line_of

ITIL = Path(__file__).parent / "data" / "itil"
TREE = (ITIL / "itil-tree.yaml").read_text(encoding="utf-8")
TABLE = (ITIL / "itil-table.yaml").read_text(encoding="utf-8")


def problems(library_dir, name: str, text: str) -> list[tuple[int, str]]:
    loaded = load(library_dir({name: text}, base=ITIL))
    return [(p.line, p.code) for p in loaded.problems if p.path.endswith(name)]


def edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.mark.parametrize(
    ("old", "new", "at", "code"),
    [
        # start names a node that does not exist
        ("  start: impact\n", "  start: severity\n", "  start: severity", "P403"),
        # a node leads to a node that does not exist
        ("{low: urgency-if-low,", "{low: urgency-if-lo,", "{low: urgency-if-lo,", "P403"),
        # a node asks a question the triage does not have
        (
            "    urgency-if-low:\n      question: urgency",
            "    urgency-if-low:\n      question: speed",
            "question: speed",
            "P308",
        ),
        # a node names an answer its question does not have
        ("{low: P5, medium: P4, high: P3}", "{low: P5, medium: P4, high: P3, huge: P1}", "huge: P1", "P308"),
        # a node leaves out where one answer leads
        ("{low: P5, medium: P4, high: P3}", "{low: P5, medium: P4}", "{low: P5, medium: P4}", "P402"),
        # the unknown answer follows every branch: a node may not send it anywhere
        ("{low: P5, medium: P4, high: P3}", "{low: P5, medium: P4, high: P3, unsure: P1}", "unsure: P1", "P402"),
        # a node's outcome is not a severity of the library
        (
            "{low: P5, medium: P4, high: P3}",
            "{low: P5, medium: P4, high: P9}",
            "{low: P5, medium: P4, high: P9}",
            "P406",
        ),
        # a node asks a question an earlier node on its path already asked
        (
            "{low: P5, medium: P4, high: P3}",
            "{low: P5, medium: P4, high: urgency-if-medium}",
            "question: urgency\n      answers: {low: P4",
            "P420",
        ),
    ],
)
def test_each_mistake_in_a_tree_of_nodes_is_located(library_dir, old, new, at, code):
    text = edited(TREE, old, new)
    found = problems(library_dir, "itil-tree.yaml", text)
    assert (line_of(text, at), code) in found, found


def test_a_loop_between_nodes_and_an_unreachable_node(library_dir):
    text = edited(TREE, "{low: urgency-if-low,", "{low: impact,")
    found = problems(library_dir, "itil-tree.yaml", text)
    assert (line_of(text, "{low: impact,"), "P404") in found
    text = edited(TREE, "{low: urgency-if-low,", "{low: urgency-if-medium,")
    found = problems(library_dir, "itil-tree.yaml", text)
    assert found == [(line_of(text, "    urgency-if-low:"), "P405")]


def test_a_question_no_node_asks_and_answers_that_lead_elsewhere(library_dir):
    extra = (
        "    weekend:\n      ask: Is it the weekend?\n      answers:\n"
        "        - {id: no, label: No}\n        - {id: yes, label: Yes, outcome: P1}\n  nodes:\n"
    )
    text = edited(TREE, "  nodes:\n", extra)
    found = problems(library_dir, "itil-tree.yaml", text)
    assert (line_of(text, "    weekend:"), "P405") in found
    assert (line_of(text, "{id: yes, label: Yes, outcome: P1}"), "P402") in found


def test_a_table_and_nodes_together_are_refused(library_dir):
    nodes = TREE[TREE.index("  nodes:\n") : TREE.index("responses:")]
    text = edited(TABLE, "responses:", nodes + "responses:")
    found = problems(library_dir, "itil-table.yaml", text)
    assert (line_of(text, "  nodes:"), "P401") in found


def test_unknown_is_kept_for_the_not_known_answer(library_dir):
    text = edited(
        TABLE,
        "- {id: low, label: 3 - Low (it can wait days), key: 3}",
        "- {id: unknown, label: 3 - Low (it can wait days), key: 3}",
    )
    text = text.replace("urgency: low}", "urgency: unknown}")
    found = problems(library_dir, "itil-table.yaml", text)
    assert (line_of(text, "{id: unknown, label: 3 - Low"), "P421") in found


def test_two_answers_with_one_key_are_refused(library_dir):
    text = edited(TABLE, "label: 2 - Medium (within hours), key: 2}", "label: 2 - Medium (within hours), key: 1}")
    found = problems(library_dir, "itil-table.yaml", text)
    # Reported at the second answer to claim the key: "1 - High", listed after "2 - Medium".
    assert (line_of(text, "label: 1 - High (right now), key: 1}"), "P422") in found


def test_numbered_labels_that_disagree_with_their_digits_are_warned(library_dir):
    # Without keys, answers take digits in file order: "1 - High" would sit on 3.
    text = TABLE.replace(", key: 1}", "}").replace(", key: 2}", "}").replace(", key: 3}", "}")
    loaded = load(library_dir({"itil-table.yaml": text}, base=ITIL))
    warned = [p for p in loaded.problems if p.path.endswith("itil-table.yaml")]
    assert {p.code for p in warned} == {"P520"}
    assert len(warned) == 4  # "3 - Low" and "1 - High" of both questions; "2 - Medium" agrees
    first = min(warned, key=lambda p: p.line)
    assert first.line == line_of(text, "{id: low, label: 3 - Low (one user or a minor service)}")
    assert "begins with 3 but the answer is picked with 1: give it `key: 3`" in first.message
    # Labels that merely start with a number are not numbered labels.
    text = TABLE.replace("3 - Low (one user", "24 hours (one user").replace(", key: 3}", "}", 1)
    loaded = load(library_dir({"itil-table.yaml": text}, base=ITIL))
    assert [p for p in loaded.problems if p.code == "P520" and "24 hours" in p.message] == []


def test_a_severity_id_must_start_with_a_letter_and_the_message_says_so(library_dir):
    library = (ITIL / "library.yaml").read_text(encoding="utf-8").replace("id: P1\n", "id: 1CRITICAL\n")
    loaded = load(library_dir({"library.yaml": library}, base=ITIL))
    message = next(p.message for p in loaded.problems if "1CRITICAL" in p.message)
    assert "an upper-case letter first" in message and "`1CRITICAL` is not one" in message

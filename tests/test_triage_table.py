"""Decision tables compile into the shortest tree, which gives the table's outcome for every
combination of answers."""

from __future__ import annotations

import functools
import itertools

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from playbook.model import Answer, Question, TableRow, Triage
from playbook.triage import Walk, analyse, combinations, compile_table, matching_rows, paths
from tests.test_triage_walk import LIBRARY, PRIORITY

SEVERITIES = ("SEV1", "SEV2", "SEV3", "SEV4")


def table_outcome(triage: Triage, combo) -> str:
    (outcome,) = {row.outcome for row in matching_rows(triage)[combo]}
    return outcome


def tree_outcome(triage: Triage, combo) -> str:
    given_answers = dict(zip((q.id for q in triage.questions), combo, strict=True))
    plan = compile_table(triage)
    target = plan.start
    while target in plan.nodes:
        node = plan.nodes[target]
        target = dict(node.leads)[given_answers[node.question.id]]
    return target


def full_table(answer_counts: list[int], outcomes: list[str]) -> Triage:
    questions = [
        Question(id=f"q{i}", ask=f"Question {i}?", answers=[Answer(id=f"a{a}", label=f"Answer {a}") for a in range(n)])
        for i, n in enumerate(answer_counts)
    ]
    combos = list(itertools.product(*(range(n) for n in answer_counts)))
    rows = [
        TableRow(when=[(f"q{i}", f"a{a}") for i, a in enumerate(combo)], outcome=outcomes[k % len(outcomes)], index=k)
        for k, combo in enumerate(combos)
    ]
    return Triage(questions=questions, table=tuple(rows))


def least_worst_case(triage: Triage) -> int:
    """The oracle: fewest questions that settle every combination, by brute force."""
    value = {combo: table_outcome(triage, combo) for combo in combinations(triage)}

    @functools.cache
    def depth(fixed: frozenset) -> int:
        left = {v for combo, v in value.items() if all(combo[i] == a for i, a in fixed)}
        if len(left) <= 1:
            return 0
        asked = {i for i, _ in fixed}
        return min(
            1 + max(depth(fixed | {(i, a.id)}) for a in q.known_answers)
            for i, q in enumerate(triage.questions)
            if i not in asked
        )

    return depth(frozenset())


def test_the_priority_matrix_compiles_to_the_table_it_was_written_as():
    triage = PRIORITY.triage
    for combo in combinations(triage):
        assert tree_outcome(triage, combo) == table_outcome(triage, combo)
    analysis = analyse(PRIORITY, LIBRARY)
    # Impact first: "one person" settles at once, so 1.8 questions on average, not 2.
    assert analysis.worst_case == 2 and analysis.mean == 9 / 5
    assert analysis.paths[0].steps == (("impact", "low"),)


def test_a_question_that_never_matters_is_never_asked():
    weekend = Question(
        id="weekend", ask="Weekend?", answers=[Answer(id="no", label="No"), Answer(id="yes", label="Yes")]
    )
    harm = Question(id="harm", ask="Harm?", answers=[Answer(id=a, label=a) for a in ("none", "some", "grave")])
    rows = [
        TableRow(when=[("harm", h)], outcome=s, index=i)
        for i, (h, s) in enumerate([("none", "SEV3"), ("some", "SEV2"), ("grave", "SEV1")])
    ]
    plan = compile_table(Triage(questions=[weekend, harm], table=tuple(rows)))
    assert [p.steps for p in paths(plan)] == [(("harm", "none"),), (("harm", "some"),), (("harm", "grave"),)]


def test_a_table_with_one_outcome_settles_without_a_question():
    impact = Question(
        id="impact", ask="Impact?", answers=[Answer(id="low", label="Low"), Answer(id="high", label="High")]
    )
    triage = Triage(questions=[impact], table=(TableRow(when=(), outcome="SEV2", index=0),))
    incident = attrs.evolve(PRIORITY, triage=triage)
    start = Walk.start(incident, LIBRARY)
    assert start.done and start.severity == "SEV2" and start.answered == ()
    assert analyse(incident, LIBRARY).worst_case == 0


def test_a_sub_tree_asked_in_several_places_is_a_node_of_its_own():
    # q1 matters only when q0 is a0 or a2, with different outcomes: q1 appears twice.
    outcomes = ["SEV4", "SEV3", "SEV1", "SEV1", "SEV2", "SEV1"]
    triage = full_table([3, 2], outcomes)
    plan = compile_table(triage)
    assert sorted(plan.nodes) == ["q0", "q1", "q1.2"]
    for combo in combinations(triage):
        assert tree_outcome(triage, combo) == table_outcome(triage, combo)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(2, 3), min_size=1, max_size=3),
    st.lists(st.sampled_from(SEVERITIES), min_size=1, max_size=27),
)
def test_compiled_trees_agree_with_their_table_and_ask_the_fewest_questions(answer_counts, outcomes):
    triage = full_table(answer_counts, outcomes)
    for combo in combinations(triage):
        assert tree_outcome(triage, combo) == table_outcome(triage, combo)
    found = paths(compile_table(triage))
    for path in found:
        asked = [q for q, _ in path.steps]
        assert len(asked) == len(set(asked))  # no question twice on one path
    assert max(len(p.steps) for p in found) == least_worst_case(triage)

"""The triage checks against a brute-force oracle: on random trees, P408 (not monotonic),
P409 (irrelevant question) and P413 (unreachable response) are reported exactly where trying
every combination of answers says they should be."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from playbook.library import load
from tests.conftest import write_library
from tests.test_triage_checks import TEXT, TRIAGE

SEVERITIES = ("SEV1", "SEV2", "SEV3", "SEV4")  # most severe first, as in the fixture library
HEAD = TEXT["outage.yaml"].split("triage:\n")[0]
RESPONSES = "responses:\n" + "".join(
    f"  {s}:\n    - {{id: act, do: Act, owner: commander, within: {10 * n}, why: Because}}\n"
    for n, s in enumerate(SEVERITIES, 1)
)


@st.composite
def trees(draw):
    """Questions q0..qn, each answer leading to a later question or to a severity."""
    count = draw(st.integers(2, 4))
    questions = []
    for q in range(count):
        answers = []
        for _ in range(draw(st.integers(2, 3))):
            later = [f"q{i}" for i in range(q + 1, count)]
            answers.append(draw(st.sampled_from(later + list(SEVERITIES))))
        questions.append((draw(st.booleans()), answers))
    return questions


def evaluate(questions, combo) -> str:
    target = "q0"
    while target.startswith("q"):
        target = questions[int(target[1:])][1][combo[int(target[1:])]]
    return target


def reachable(questions) -> set[str]:
    seen, stack = set(), ["q0"]
    while stack:
        target = stack.pop()
        if target.startswith("q") and target not in seen:
            seen.add(target)
            stack += questions[int(target[1:])][1]
    return seen


def oracle(questions):
    """Per question: (relevant, not monotonic), and the severities some combination reaches."""
    combos = list(itertools.product(*(range(len(answers)) for _, answers in questions)))
    verdicts = []
    for q, (ordered, answers) in enumerate(questions):
        relevant = broken = False
        for combo in combos:
            outcomes = [evaluate(questions, combo[:q] + (a,) + combo[q + 1 :]) for a in range(len(answers))]
            relevant |= len(set(outcomes)) > 1
            broken |= ordered and any(
                SEVERITIES.index(outcomes[j]) > SEVERITIES.index(outcomes[i])
                for i, j in itertools.combinations(range(len(answers)), 2)
            )
        verdicts.append((relevant, broken))
    return verdicts, {evaluate(questions, combo) for combo in combos}


def as_yaml(questions) -> str:
    out = ["triage:\n  start: q0\n  questions:\n"]
    for q, (ordered, answers) in enumerate(questions):
        out.append(
            f"    q{q}:\n      ask: Question {q}?\n      ordered: {'true' if ordered else 'false'}\n      answers:\n"
        )
        for a, target in enumerate(answers):
            lead = f"next: {target}" if target.startswith("q") else f"outcome: {target}"
            out.append(f"        - {{id: a{a}, label: Answer {a}, {lead}}}\n")
    return "".join(out)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(trees())
def test_checks_agree_with_trying_every_combination(tmp_path_factory, questions):
    assume(reachable(questions) == {f"q{i}" for i in range(len(questions))})
    text = HEAD + as_yaml(questions) + RESPONSES
    files = {"outage.yaml": text, "library.yaml": TEXT["library.yaml"].replace("triage_depth: 3", "triage_depth: 5")}
    root = write_library(tmp_path_factory.mktemp("lib"), files, base=TRIAGE)
    problems = [p for p in load(root).problems if p.path.endswith("outage.yaml")]
    lines = text.splitlines()

    def question_at(line: int) -> int:
        return max(q for q in range(len(questions)) if lines.index(f"    q{q}:") < line)

    verdicts, outcomes = oracle(questions)
    irrelevant = {question_at(p.line) for p in problems if p.code == "P409"}
    broken = {question_at(p.line) for p in problems if p.code == "P408"}
    unreached = {lines[p.line - 1].strip().rstrip(":") for p in problems if p.code == "P413"}
    assert irrelevant == {q for q, (relevant, _) in enumerate(verdicts) if not relevant}
    assert broken == {q for q, (_, bad) in enumerate(verdicts) if bad}
    assert unreached == set(SEVERITIES) - outcomes
    assert {p.code for p in problems} <= {"P408", "P409", "P413"}

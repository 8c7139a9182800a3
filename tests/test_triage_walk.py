"""Walking a triage as a leader does: answer, go back, say "not known yet", act on the worst."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playbook.library import load
from playbook.triage import Walk, analyse
from tests.test_triage_checks import TRIAGE

LOADED = load(TRIAGE)
LIBRARY = LOADED.library
OUTAGE = LIBRARY.type("outage")
PRIORITY = LIBRARY.type("priority")


def walk(incident, *answers: str) -> Walk:
    current = Walk.start(incident, LIBRARY)
    for answer in answers:
        current = current.answer(answer)
    return current


def asked(current: Walk) -> list[tuple[str, str]]:
    return [(q.id, a.id) for q, a in current.answered]


def test_a_plain_walk_settles_on_one_severity_and_keeps_the_path():
    start = Walk.start(OUTAGE, LIBRARY)
    assert start.question.id == "customers" and not start.done
    assert start.possible == ("SEV1", "SEV2", "SEV3", "SEV4")
    assert start.severity is None
    middle = start.answer("some")
    assert middle.question.id == "data"
    assert middle.possible == ("SEV2", "SEV3")
    end = middle.answer("yes")
    assert end.done and end.question is None
    assert end.severity == "SEV2" and end.possible == ("SEV2",) and not end.unsure
    assert asked(end) == [("customers", "some"), ("data", "yes")]
    assert asked(start) == []  # answering returned new walks; the first is unchanged


def test_back_undoes_one_answer_and_stops_at_the_start():
    end = walk(OUTAGE, "some", "yes")
    assert asked(end.back()) == [("customers", "some")]
    assert end.back().question.id == "data"
    start = end.back().back()
    assert start.question.id == "customers"
    assert start.back() is start


def test_an_answer_the_question_does_not_have_is_refused():
    with pytest.raises(ValueError, match="no answer 'many'.*none, some, all, unsure"):
        Walk.start(OUTAGE, LIBRARY).answer("many")
    with pytest.raises(ValueError, match="settled"):
        walk(OUTAGE, "all").answer("none")


def test_unknown_keeps_every_branch_open_and_asks_what_they_need():
    # "Not known yet" customers: the no-customer branch needs `internal`, the some-customer
    # branch needs `data`, and "all customers" is still possible.
    current = walk(OUTAGE, "unsure")
    assert current.question.id == "internal"
    current = current.answer("no")
    assert current.question.id == "data"
    assert current.possible == ("SEV1", "SEV2", "SEV3", "SEV4")
    current = current.answer("no")
    assert current.done
    assert current.possible == ("SEV1", "SEV3", "SEV4")
    assert current.severity == "SEV1" and current.unsure  # if unsure, treat it as the higher one
    assert asked(current) == [("customers", "unsure"), ("internal", "no"), ("data", "no")]


def test_unknown_on_the_last_question_gives_the_range_of_its_answers():
    current = walk(OUTAGE, "some", "unsure")
    assert current.done and current.possible == ("SEV2", "SEV3")
    assert current.severity == "SEV2" and current.unsure
    assert not walk(OUTAGE, "some", "yes").unsure


def test_table_form_walks_its_compiled_tree():
    assert walk(PRIORITY).question.id == "impact"  # the question that settles most
    low = walk(PRIORITY, "low")
    assert low.done and low.severity == "SEV4" and asked(low) == [("impact", "low")]
    unsure = walk(PRIORITY, "unsure")
    assert unsure.question.id == "urgency"
    settled = unsure.answer("low")
    assert settled.possible == ("SEV2", "SEV3", "SEV4") and settled.severity == "SEV2" and settled.unsure


def test_analysis_counts_questions_and_lists_the_decision_table():
    analysis = analyse(OUTAGE, LIBRARY)
    assert analysis.worst_case == 2
    assert analysis.mean == pytest.approx(9 / 5)
    rows = [(p.steps, p.outcome) for p in analysis.paths]
    assert rows == [
        ((("customers", "none"), ("internal", "no")), "SEV4"),
        ((("customers", "none"), ("internal", "yes")), "SEV3"),
        ((("customers", "some"), ("data", "no")), "SEV3"),
        ((("customers", "some"), ("data", "yes")), "SEV2"),
        ((("customers", "all"),), "SEV1"),
    ]
    assert analysis.outcomes == {"SEV1", "SEV2", "SEV3", "SEV4"}


def _resolutions(incident, answers: dict[str, str]):
    """Every way the unknown answers could turn out: a dict per combination of known answers."""
    questions = incident.triage.questions
    options = [
        [answers[q.id]] if q.id in answers and not q.answer(answers[q.id]).unknown else [a.id for a in q.known_answers]
        for q in questions
    ]
    for combo in itertools.product(*options):
        yield dict(zip((q.id for q in questions), combo, strict=True))


def _outcome(incident, situation: dict[str, str]) -> str:
    """The outcome of a situation by the decision table: the path whose answers all hold."""
    return next(p.outcome for p in analyse(incident, LIBRARY).paths if all(situation[q] == a for q, a in p.steps))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["outage", "priority"]), st.data())
def test_possible_is_exactly_what_the_unknowns_leave_open(incident_id, data):
    incident = LIBRARY.type(incident_id)
    current = Walk.start(incident, LIBRARY)
    while not current.done:
        current = current.answer(data.draw(st.sampled_from([a.id for a in current.question.answers])))
    given_answers = {q.id: a.id for q, a in current.answered}
    expected = {_outcome(incident, s) for s in _resolutions(incident, given_answers)}
    assert set(current.possible) == expected
    assert current.severity == LIBRARY.most_severe(expected)
    assert current.unsure == (len(expected) > 1)

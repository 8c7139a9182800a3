"""Practice history, the next-drill suggestion (spaced repetition) and the recognition drill.

The suggestion formula (playbook/practice.py): priority = days since last / (7 x 2^streak)
+ (100 - mean of the last 3 scores) / 100; never-practised types first.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime

import attrs
import pytest

from playbook.library import load
from playbook.practice import (
    Kind,
    PracticeRecord,
    RecognitionAnswer,
    drill_record,
    practised_by,
    recognition_item,
    recognition_items,
    recognition_record,
    record_data,
    record_from_data,
    score_recognition,
    suggest,
    trend,
)
from playbook.scoring import Classification, Done, Verdict, score
from tests.conftest import DATA, MINI

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def day(d: int, month: int = 11) -> datetime:
    return datetime(2026, month, d, 9, 0, tzinfo=UTC)


def record(incident, when, score_, drill="dark", team="blue", kind=Kind.DRILL, people=("ana",), minutes=None):
    return PracticeRecord(
        when=when,
        kind=kind,
        incident=incident,
        score=score_,
        time_to_classify=minutes,
        team=team,
        participants=people,
        drill=drill,
    )


@pytest.fixture(scope="module")
def mini():
    return load(MINI).library


@pytest.fixture
def four_types(library_dir, mini):
    """The mini library plus gamma (two drills) and delta (one), copies of alpha. beta has no drill."""
    alpha = (MINI / "alpha.yaml").read_text(encoding="utf-8")
    second = (
        alpha[alpha.index("  - id: dark") :]
        .replace("id: dark", "id: dark-again")
        .replace("The screens go dark", "Dark again")
    )
    gamma = alpha.replace("id: alpha", "id: gamma").replace("Alpha incident", "Gamma incident") + second
    delta = alpha.replace("id: alpha", "id: delta").replace("Alpha incident", "Delta incident")
    loaded = load(library_dir({"gamma.yaml": gamma, "delta.yaml": delta}))
    assert not loaded.errors, loaded.errors
    return loaded.library


def test_suggest_never_practised_first_then_weakest_and_most_overdue(four_types):
    history = [
        record("alpha", day(21), 40),  # streak 0 -> every 7 days
        record("gamma", day(1), 90),
        record("gamma", day(10), 85),  # streak 2 -> every 28 days
    ]
    suggestions = suggest(history, four_types, NOW, limit=5)
    assert [s.incident for s in suggestions] == ["delta", "alpha", "gamma"]  # beta has no drill
    delta, alpha, gamma = suggestions
    # Every type here is a copy of alpha, which can reach SEV1: risk 3/3 = 1 for all.
    assert delta.priority == 3.0 and delta.reason == "can reach SEV1 (Critical); never practised"
    # alpha: 3 days / 7 + (100 - 40) / 100 = 0.4286 + 0.6 = 1.0286
    assert alpha.priority == pytest.approx(3 / 7 + 0.6)
    # gamma: 14 days / 28 + (100 - 87.5) / 100 = 0.5 + 0.125 = 0.625
    assert gamma.priority == pytest.approx(0.625)
    assert gamma.reason == "can reach SEV1 (Critical); last practised 14 days ago (due every 28 days); recent score 88"
    assert (gamma.days_since, gamma.recent_score) == (14, 88)
    # gamma's 'dark' drill was run twice, 'dark-again' never: suggest the one not yet run.
    assert gamma.drill == "dark-again"
    assert [s.incident for s in suggest(history, four_types, NOW, limit=2)] == ["delta", "alpha"]
    # Once both have run, the one run longest ago comes back.
    both = [*history, record("gamma", day(12), 85, drill="dark-again")]
    assert next(s for s in suggest(both, four_types, NOW, limit=5) if s.incident == "gamma").drill == "dark"


def test_what_to_drill_next_ranks_by_risk_not_by_title(library_dir):
    """A type that can only reach SEV3 (risk 1/3) never practised (need 3) has priority 1; a SEV1
    type (risk 1) practised 7 days ago at 40 has 7/7 + 0.6 = 1.6; one never practised, 3."""
    alpha = (MINI / "alpha.yaml").read_text(encoding="utf-8")
    aardvark = (
        alpha.replace("id: alpha", "id: aardvark")
        .replace("Alpha incident", "Aardvark incident")
        .replace("{id: all, label: Everyone, outcome: SEV1}", "{id: all, label: Everyone, outcome: SEV3}")
        .replace("{id: yes, label: Yes, outcome: SEV2}", "{id: yes, label: Yes, outcome: SEV3}")
        .replace("      severity: SEV2", "      severity: SEV3")
    )
    zulu = alpha.replace("id: alpha", "id: zulu").replace("Alpha incident", "Zulu incident")
    loaded = load(library_dir({"aardvark.yaml": aardvark, "zulu.yaml": zulu}))
    assert not loaded.errors, loaded.errors
    found = suggest([record("alpha", day(17), 40)], loaded.library, NOW, limit=5)
    assert [(s.incident, round(s.priority, 3)) for s in found] == [("zulu", 3.0), ("alpha", 1.6), ("aardvark", 1.0)]
    assert found[2].reason == "can reach SEV3 (Minor); never practised"


def test_a_mastered_type_waits_months_and_a_long_gap_brings_it_back(four_types):
    # Five scores of 90 ending 5 Sept: the streak caps at 4 -> every 112 days; weakness 0.1.
    mastered = [record("alpha", day(d, 9), 90) for d in (1, 2, 3, 4, 5)]

    def weak_yesterday(when):  # gamma and delta: 50 a day ago -> 1/7 + 0.5 = 0.643
        return [record(t, when, 50) for t in ("gamma", "delta")]

    # 31 Oct is 56 days on (half an interval): alpha 0.5 + 0.1 = 0.6, behind the weak types.
    first = suggest(mastered + weak_yesterday(day(30, 10)), four_types, day(31, 10), limit=5)
    assert [s.incident for s in first] == ["delta", "gamma", "alpha"]  # equal priority: title order
    assert first[-1].priority == pytest.approx(56 / 112 + 0.1)
    # 20 Feb 2027 is 168 days on (1.5 intervals): 1.5 + 0.1 = 1.6 puts it first.
    later = datetime(2027, 2, 20, 9, 0, tzinfo=UTC)
    top = suggest(mastered + weak_yesterday(datetime(2027, 2, 19, 9, 0, tzinfo=UTC)), four_types, later)[0]
    assert (top.incident, top.priority) == ("alpha", pytest.approx(1.6))


def test_a_weak_score_breaks_the_streak(four_types):
    # 90, 90, then 60: streak 0 (every 7 days); recent (90 + 90 + 60)/3 = 80; 7 days ago.
    history = [record("alpha", day(1), 90), record("alpha", day(10), 90), record("alpha", day(17), 60)]
    alpha = next(s for s in suggest(history, four_types, NOW, limit=5) if s.incident == "alpha")
    assert alpha.priority == pytest.approx(7 / 7 + 0.2)


def test_history_per_team_and_participant():
    records = [
        record("alpha", day(3), 70, team="blue", people=("ana", "ben")),
        record("alpha", day(1), 50, team="red", people=("ben",)),
        record("beta", day(2), 90, team="blue", people=("ana",)),
    ]
    assert [r.score for r in practised_by(records, team="blue")] == [90, 70]  # oldest first
    assert [r.score for r in practised_by(records, participant="ben")] == [50, 70]
    assert [r.score for r in practised_by(records, team="blue", participant="ben")] == [70]


def test_trend_for_the_chart_is_one_type_oldest_first():
    records = [
        record("alpha", day(10), 80, minutes=9),
        record("beta", day(5), 20),
        record("alpha", day(2), 55, minutes=None),
        record("alpha", day(6), 0, kind=Kind.RECOGNITION, minutes=None),
    ]
    points = trend(records, "alpha")
    assert [(p.when.day, p.kind, p.score, p.time_to_classify) for p in points] == [
        (2, Kind.DRILL, 55, None),
        (6, Kind.RECOGNITION, 0, None),
        (10, Kind.DRILL, 80, 9),
    ]


def test_a_scored_drill_becomes_a_record():
    library = load(DATA / "drill").library
    incident = library.type("ransomware")
    result = score(
        incident,
        library,
        incident.drill("friday-night"),
        Classification("SEV2", 12),
        {"isolate": Done(20), "protect-backups": Done(50), "engage-specialists": Done(70)},
    )
    kept = drill_record(result, NOW, team="blue", participants=["ana", "ben"])
    assert (kept.kind, kept.incident, kept.drill, kept.score, kept.time_to_classify) == (
        Kind.DRILL,
        "ransomware",
        "friday-night",
        76,
        12,
    )
    assert kept.participants == ("ana", "ben")


def test_recognition_items_stop_at_the_inject_that_settles_the_triage():
    ransomware = load(DATA / "drill").library
    [item] = recognition_items(ransomware)
    # first-report reveals spread=site (still SEV2..SEV4); leak-claim reveals data=yes -> SEV2.
    assert (item.incident, item.severity, item.drill, item.inject) == (
        "ransomware",
        "SEV2",
        "friday-night",
        "leak-claim",
    )
    assert item.text.startswith("The service desk has 12 calls")
    assert "200 GB of HR and customer data" in item.text
    assert "backup server" not in item.text  # later injects are not shown


def test_recognition_item_picks_from_the_library(mini):
    item = recognition_item(mini, random.Random(7))
    # alpha's drill: scope=one, then harm=yes -> SEV2. beta has no drill, so it is never picked.
    assert (item.incident, item.severity, item.text) == ("alpha", "SEV2", "Screens go dark. Someone tripped.")
    without_drills = attrs.evolve(mini, types=[mini.type("beta")])
    with pytest.raises(ValueError, match="no drill in the chosen incident types"):
        recognition_item(without_drills, random.Random(7))


@pytest.mark.parametrize(
    ("incident", "severity", "seconds", "points", "verdict"),
    [
        ("alpha", "SEV2", 12, 100, Verdict.CORRECT),  # (1 + 1)/2
        ("alpha", "SEV1", 20, 75, Verdict.OVER),  # (1 + 1/2)/2
        ("alpha", "SEV2", 45, 50, Verdict.CORRECT),  # right, but after 30 s: half of 100
        ("beta", "SEV2", 10, 50, Verdict.CORRECT),  # wrong type: (0 + 1)/2
        ("beta", "SEV3", 10, 0, Verdict.UNDER),  # (0 + 0)/2
        ("alpha", "SEV3", 40, 25, Verdict.UNDER),  # (1 + 0)/2, late: 1/4
    ],
)
def test_recognition_scoring(mini, incident, severity, seconds, points, verdict):
    item = recognition_items(mini)[0]
    result = score_recognition(mini, item, RecognitionAnswer(incident, severity, seconds))
    assert (result.score, result.severity) == (points, verdict)


def test_recognition_results_feed_the_same_history(mini):
    item = recognition_items(mini)[0]
    right = recognition_record(
        score_recognition(mini, item, RecognitionAnswer("alpha", "SEV2", 12)), NOW, team="blue", participants=["ana"]
    )
    wrong = recognition_record(score_recognition(mini, item, RecognitionAnswer("beta", "SEV2", 12)), NOW, team="blue")
    assert (right.kind, right.incident, right.score, right.time_to_classify) == (Kind.RECOGNITION, "alpha", 100, 0.2)
    assert wrong.time_to_classify is None
    # Practised a minute ago with 100: no longer 'never practised'; priority ~0 + 0.
    [alpha] = suggest([right], mini, NOW)
    assert alpha.reason == "can reach SEV1 (Critical); last practised today (due every 14 days); recent score 100"
    assert alpha.priority == pytest.approx(0)


def test_recognition_can_be_limited_to_chosen_types(four_types):
    rng = random.Random(3)
    assert {recognition_item(four_types, rng, among=["gamma"]).incident for _ in range(10)} == {"gamma"}
    # gamma's two drills each give an item, so both turn up.
    assert {recognition_item(four_types, rng, among=["gamma"]).drill for _ in range(40)} == {"dark", "dark-again"}


def test_a_score_outside_0_to_100_is_refused():
    with pytest.raises(ValueError):
        record("alpha", NOW, 101)


def test_records_round_trip_through_plain_data():
    kept = record("alpha", NOW, 76, people=("ana", "ben"), minutes=12.5)
    data = json.loads(json.dumps(record_data(kept)))
    assert data["when"] == "2026-11-24T09:00:00+00:00" and data["kind"] == "drill"
    assert record_from_data(data) == kept
    with pytest.raises(ValueError, match="not a practice record"):
        record_from_data({**data, "kind": "exam"})
    with pytest.raises(ValueError, match="not a practice record"):
        record_from_data({**data, "score": 180})


def test_a_drill_ended_before_any_step_fell_due_is_recorded_as_classification_only():
    library = load(DATA / "drill").library
    incident = library.type("ransomware")
    early = score(incident, library, incident.drill("friday-night"), Classification("SEV2", 1), {}, ended_at=1)
    kept = drill_record(early, NOW)
    assert (kept.score, kept.steps_observed, kept.steps_expected) == (100, 0, 4)
    assert kept.coverage == "(classification only)" and kept.weight == 0
    assert record_from_data(json.loads(json.dumps(record_data(kept)))) == kept
    assert trend([kept], "ransomware")[0].coverage == "(classification only)"
    partly = drill_record(
        score(
            incident,
            library,
            incident.drill("friday-night"),
            Classification("SEV2", 1),
            {"isolate": Done(20)},
            ended_at=50,
        ),
        NOW,
    )
    assert partly.coverage == "(2 of 4 expected steps observed)"
    old = dict(record_data(kept))
    del old["steps_observed"], old["steps_expected"]  # kept before coverage was
    assert record_from_data(old).coverage == "" and record_from_data(old).weight == 1


def test_a_classification_only_run_never_marks_a_weak_type_as_mastered(four_types):
    weak = record("alpha", day(17), 40)
    flash = attrs.evolve(record("alpha", day(23), 100), steps_expected=1, steps_observed=0)
    alpha = next(s for s in suggest([weak, flash], four_types, NOW, limit=5) if s.incident == "alpha")
    # Last practised a day ago (every 7 days), recent score the weak run's 40 alone: 1/7 + 0.6.
    assert alpha.priority == pytest.approx(1 / 7 + 0.6)
    assert alpha.recent_score == 40
    only = next(s for s in suggest([flash], four_types, NOW, limit=5) if s.incident == "alpha")
    assert only.reason.endswith("no run has reached an expected step yet") and only.priority == pytest.approx(1 / 7 + 1)

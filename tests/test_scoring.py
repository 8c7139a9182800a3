"""Drill scoring, with worked examples computed by hand on the ransomware drill
(tests/data/drill, a frozen copy of the bundled playbook).

friday-night expects SEV2 within 15 minutes. Objectives and SEV2 time boxes:
  contain      isolate (weight 3, within 30), protect-backups (3, 30)
  specialists  engage-specialists (2, 60)
  obligations  assess-notification (2, 240)          total weight 10
"""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest

from playbook.library import load
from playbook.scoring import Classification, Done, Rating, Skipped, Status, Verdict, percent, score
from tests.conftest import DATA, MINI


@pytest.fixture(scope="module")
def ransomware():
    library = load(DATA / "drill").library
    incident = library.type("ransomware")
    return incident, library, incident.drill("friday-night")


def by_step(result):
    return {s.step: s for s in result.steps}


def by_objective(result):
    return {o.id: o for o in result.objectives}


def test_a_good_team_with_one_late_and_one_missed_step(ransomware):
    incident, library, drill = ransomware
    result = score(
        incident,
        library,
        drill,
        Classification("SEV2", 12),
        {
            "isolate": Done(20),
            "protect-backups": Done(50),
            "engage-specialists": Done(70),
        },
    )
    # Declared at 12 (before the 15-minute limit): deadlines 42, 42, 72 and 252.
    steps = by_step(result)
    assert [steps[s].deadline for s in ("isolate", "protect-backups", "engage-specialists", "assess-notification")] == [
        42,
        42,
        72,
        252,
    ]
    assert [steps[s].status for s in steps] == [Status.IN_TIME, Status.LATE, Status.IN_TIME, Status.MISSED]
    assert result.classification.verdict is Verdict.CORRECT and result.classification.on_time
    assert result.time_to_classify == 12
    # Steps: 3*1 + 3*1/2 + 2*1 + 2*0 = 6.5 of 10.  Total: 30*1 + 70*0.65 = 75.5 -> 76.
    assert result.steps_credit == Fraction(13, 20)
    assert result.total == 76
    objectives = by_objective(result)
    # contain: (3 + 1.5)/6 = 75 %, all done but one late -> S.
    assert objectives["contain"].percent == 75
    assert objectives["contain"].rating is Rating.S
    assert objectives["specialists"].rating is Rating.P
    assert objectives["obligations"].rating is Rating.U


def test_an_over_classified_late_team_gets_no_extra_time_for_steps(ransomware):
    incident, library, drill = ransomware
    result = score(
        incident,
        library,
        drill,
        Classification("SEV1", 20),
        {
            "isolate": Done(44),
            "protect-backups": Skipped("the backup admin could not be reached"),
            "engage-specialists": Done(80),
            "assess-notification": Done(100),
        },
    )
    # SEV1 is more severe than SEV2: half credit, and late (20 > 15): half again = 1/4.
    assert result.classification.verdict is Verdict.OVER
    assert result.classification.on_time is False
    assert result.classification.credit == Fraction(1, 4)
    assert result.time_to_classify is None
    # Time boxes count from minute 15, not 20: isolate due 45 (done 44, in time),
    # engage-specialists due 75 (done 80, late), assess-notification due 255.
    assert result.declared_at == 15
    steps = by_step(result)
    assert steps["isolate"].status is Status.IN_TIME
    assert steps["protect-backups"].status is Status.SKIPPED
    assert steps["protect-backups"].reason == "the backup admin could not be reached"
    assert steps["engage-specialists"].status is Status.LATE
    # Steps: 3 + 0 + 2*1/2 + 2 = 6 of 10.  Total: 30/4 + 70*0.6 = 7.5 + 42 = 49.5 -> 50.
    assert result.total == 50
    objectives = by_objective(result)
    # contain: 3/6 = 1/2 with a step missed -> M (not U: half the weight was achieved).
    assert objectives["contain"].credit == Fraction(1, 2)
    assert objectives["contain"].rating is Rating.M
    assert objectives["specialists"].rating is Rating.S
    assert objectives["obligations"].rating is Rating.P


def test_under_classifying_and_doing_nothing_scores_zero(ransomware):
    incident, library, drill = ransomware
    result = score(incident, library, drill, Classification("SEV3", 5), {})
    assert result.classification.verdict is Verdict.UNDER
    assert result.classification.credit == 0
    assert result.total == 0
    assert {o.rating for o in result.objectives} == {Rating.U}


def test_without_a_classification_time_boxes_count_from_the_limit(ransomware):
    incident, library, drill = ransomware
    # Never classified: declared at 15, so isolate is due at 15 + 30 = 45.
    result = score(incident, library, drill, None, {"isolate": Done(45), "protect-backups": Done(46)})
    steps = by_step(result)
    assert result.classification.verdict is Verdict.NONE
    assert steps["isolate"].status is Status.IN_TIME
    assert steps["protect-backups"].status is Status.LATE
    # Steps: 3 + 1.5 = 4.5 of 10; total 0 + 70*0.45 = 31.5 -> 32.
    assert result.total == 32


def test_a_perfect_run_scores_100_and_every_objective_p(ransomware):
    incident, library, drill = ransomware
    done = {s: Done(14) for s in ("isolate", "protect-backups", "engage-specialists", "assess-notification")}
    result = score(incident, library, drill, Classification("SEV2", 9), done)
    assert result.total == 100
    assert [o.rating for o in result.objectives] == [Rating.P] * 3


def test_without_classify_within_the_team_minute_is_the_declaration():
    loaded = load(MINI)
    alpha = loaded.library.type("alpha")
    drill = alpha.drill("dark")
    # alpha's drill sets no classify_within: declared at 7, convene (SEV2: within 20) due 27.
    on_time = score(alpha, loaded.library, drill, Classification("SEV2", 7), {"convene": Done(27)})
    late = score(alpha, loaded.library, drill, Classification("SEV2", 7), {"convene": Done(27.5)})
    assert on_time.classification.on_time is None
    assert on_time.total == 100
    # 30 + 70 * 1/2 = 65, and the only objective is done late -> S.
    assert late.total == 65
    assert late.objectives[0].rating is Rating.S


def test_percent_rounds_half_up():
    assert percent(Fraction(1, 200)) == 1  # 0.5 % -> 1, where round() would give 0
    assert percent(Fraction(249, 1000)) == 25
    assert percent(Fraction(0)) == 0


def test_less_than_half_the_weight_is_unable_to_perform_even_if_something_was_done(ransomware):
    incident, library, drill = ransomware
    contain = drill.expect.objectives[0]
    lighter = attrs.evolve(contain, steps=[attrs.evolve(contain.steps[0], weight=2), contain.steps[1]])
    reweighted = attrs.evolve(drill, expect=attrs.evolve(drill.expect, objectives=[lighter]))
    # isolate (weight 2) in time, protect-backups (weight 3) missed: 2/5 = 40 % < 50 % -> U.
    result = score(incident, library, reweighted, Classification("SEV2", 5), {"isolate": Done(6)})
    assert result.objectives[0].percent == 40
    assert result.objectives[0].rating is Rating.U
    # Total: 30 + 70 * 2/5 = 58.
    assert result.total == 58


def test_steps_still_in_their_time_box_when_the_drill_ends_are_not_reached_not_missed(ransomware):
    incident, library, drill = ransomware
    # SEV2 at minute 12: deadlines isolate 42, protect-backups 42, engage-specialists 72,
    # assess-notification 252. The facilitator ends the drill at minute 45.
    result = score(incident, library, drill, Classification("SEV2", 12), {"isolate": Done(20)}, ended_at=45)
    steps = by_step(result)
    assert [steps[s].status for s in steps] == [Status.IN_TIME, Status.MISSED, Status.NOT_REACHED, Status.NOT_REACHED]
    assert [s.step for s in result.not_reached] == ["engage-specialists", "assess-notification"]
    # Only the steps reached are weighed: isolate 3 of 3, protect-backups 0 of 3 -> 3/6.
    # Total: 30 + 70 * 1/2 = 65 (not 30 + 70 * 3/10 = 51, as if the team had failed all four).
    assert result.steps_credit == Fraction(1, 2)
    assert result.total == 65
    objectives = by_objective(result)
    assert objectives["contain"].rating is Rating.M and objectives["contain"].percent == 50
    # An objective none of whose steps came due is not observed: no rating of the team, no percentage.
    assert objectives["specialists"].rating is Rating.N and objectives["specialists"].percent is None
    assert objectives["obligations"].rating is Rating.N


def test_a_step_done_or_skipped_before_the_end_counts_even_if_its_box_was_still_open(ransomware):
    incident, library, drill = ransomware
    result = score(
        incident,
        library,
        drill,
        Classification("SEV2", 12),
        {
            "isolate": Done(14),
            "protect-backups": Done(15),
            "engage-specialists": Skipped("the insurer's hotline is closed"),
            "assess-notification": Done(18),
        },
        ended_at=20,
    )
    # engage-specialists was due by 72, but skipping it was a decision made in play: 8 of 10.
    assert by_step(result)["engage-specialists"].status is Status.SKIPPED
    assert result.not_reached == ()
    assert result.steps_credit == Fraction(4, 5)
    assert result.total == 86  # 30 + 56


def test_with_no_expected_step_reached_the_classification_is_the_whole_score(ransomware):
    incident, library, drill = ransomware
    early = score(incident, library, drill, Classification("SEV1", 8), {}, ended_at=10)
    assert early.steps_credit is None
    assert {o.rating for o in early.objectives} == {Rating.N}
    assert early.total == 50  # more severe than expected, in time: half the classification's credit
    # Ended exactly as a time box closes: that box closed in play, so the step is missed.
    at_the_deadline = score(incident, library, drill, Classification("SEV2", 12), {}, ended_at=42)
    assert by_step(at_the_deadline)["isolate"].status is Status.MISSED


def test_steps_are_named_as_the_response_the_team_worked_words_them(ransomware):
    incident, library, drill = ransomware
    # SEV1 and SEV2 word `isolate` differently; protect-backups is not in SEV3's response.
    named = {
        severity: by_step(score(incident, library, drill, Classification(severity, 5), {}))
        for severity in ("SEV1", "SEV2", "SEV3")
    }
    assert named["SEV2"]["isolate"].do.startswith("Isolate the affected systems and segments")
    assert named["SEV1"]["isolate"].do.startswith("Cut affected networks off")
    assert named["SEV3"]["isolate"].do.startswith("Isolate the affected systems and collect their logs")
    assert named["SEV3"]["protect-backups"].do.startswith("Take backups offline")  # the expected SEV2's wording
    # Without a classification the team worked nothing: the expected severity names the steps.
    unnamed = by_step(score(incident, library, drill, None, {}))
    assert unnamed["isolate"].do == named["SEV2"]["isolate"].do
    # The time box is always the expected severity's: SEV2 gives isolate 30 minutes.
    assert {steps["isolate"].within for steps in named.values()} == {30}


def test_declaring_another_incident_type_scores_the_classification_as_the_wrong_type(ransomware):
    incident, library, drill = ransomware
    done = {s: Done(14) for s in ("isolate", "protect-backups", "engage-specialists", "assess-notification")}
    result = score(incident, library, drill, Classification("SEV2", 9, other_type="Extortion"), done)
    judged = result.classification
    assert (judged.verdict, judged.credit, judged.other_type) == (Verdict.WRONG_TYPE, 0, "Extortion")
    assert not judged.correct and result.time_to_classify is None
    assert result.total == 70  # the right severity of the wrong type earns nothing; the steps still count

"""The debrief: timeline beside the proven response, lessons, coaching questions, the
after-action report in Markdown, and improvement items pasted back as lessons.

Worked example (tests/data/drill, ransomware 'friday-night', see test_scoring.py): the team
classifies SEV1 at minute 20 (over, late), so time boxes count from minute 15; isolate done at
44 (due 45, in time), protect-backups skipped, engage-specialists done at 80 (due 75, late),
assess-notification done at 100 (due 255, in time). Score 50.
"""

from __future__ import annotations

import re
import shutil
from datetime import date

import attrs
import pytest

from playbook.aar import after_action_report
from playbook.debrief import TeamEntry, debrief
from playbook.lesson_draft import proposed_lesson
from playbook.library import load
from playbook.scoring import Classification, Done, Rating, Skipped, Status, score
from tests.conftest import DATA

HELD = date(2026, 11, 24)
DRILL_DATA = DATA / "drill"


def run(library, classification, outcomes, team_log=()):
    incident = library.type("ransomware")
    drill = incident.drill("friday-night")
    return debrief(incident, library, drill, score(incident, library, drill, classification, outcomes), team_log)


@pytest.fixture(scope="module")
def library():
    return load(DRILL_DATA).library


@pytest.fixture(scope="module")
def worked(library):
    return run(
        library,
        Classification("SEV1", 20),
        {
            "isolate": Done(44),
            "protect-backups": Skipped("backup admin: unreachable | see #12"),
            "engage-specialists": Done(80),
            "assess-notification": Done(100),
        },
        [TeamEntry(12, "CEO briefed by phone")],
    )


def test_the_timeline_sets_the_team_beside_the_proven_response(worked):
    rows = {row.minute: row for row in worked.timeline}
    assert list(rows) == [0, 10, 12, 15, 20, 30, 40, 44, 45, 75, 80, 100, 255]
    assert rows[12].team == ("CEO briefed by phone",)
    assert rows[15].proven == ("Classify as SEV2 (Major)",)
    assert rows[20].injects[0].startswith("The note says 200 GB")
    assert rows[20].team == ("Classified SEV1 (Critical): more severe than expected",)
    assert rows[40].injects[0].startswith("Twist: The CEO calls from holiday")
    assert [text.split("[")[-1] for text in rows[45].proven] == [
        "isolate, by minute 45]",
        "protect-backups, by minute 45]",
    ]
    assert rows[80].team[0].endswith("[engage-specialists, late]")


def test_lessons_apply_to_late_and_missed_steps_only(library, worked):
    # protect-backups skipped -> backups-encrypted; engage-specialists late has no lesson;
    # isolate was in time, so wiped-evidence does not apply.
    assert [(a.lesson.id, a.steps) for a in worked.lessons] == [("backups-encrypted", ("protect-backups",))]
    missed_isolate = run(library, Classification("SEV2", 5), {"protect-backups": Done(6)})
    assert [a.lesson.id for a in missed_isolate.lessons] == ["wiped-evidence"]


def test_coaching_questions_cover_strengths_twist_misses_and_the_drill(worked):
    questions = worked.questions
    assert questions[0] == "What went well that you want to keep doing in a real incident?"
    assert questions[1].startswith('At minute 40 the proven response did not fit: "The CEO calls from holiday')
    assert "what did the twist teach you?" in questions[1]
    assert questions[2] == "What told you it was SEV1? Which fact would have pointed you to SEV2?"
    # The two heaviest misses: protect-backups (weight 3), then engage-specialists (2).
    assert '"Take backups offline' in questions[3] and '"Call the cyber insurer' in questions[4]
    assert questions[5:8] == worked.drill.questions
    assert questions[-1] == "If this happened for real tomorrow, what would you do differently?"
    assert len(questions) == 9


def test_the_improvement_plan_lists_each_shortfall_with_an_owner(worked):
    plan = worked.improvements
    assert [(i.objective, i.step, i.owner) for i in plan] == [
        ("Classify the incident", None, "whole team"),
        ("Contain the spread and keep evidence", "protect-backups", "IT lead"),
        ("Bring in specialists under privilege", "engage-specialists", "Legal counsel"),
    ]
    assert plan[1].rating is Rating.M and plan[1].status is Status.SKIPPED
    assert plan[2].issue == "Done at minute 80, 5 minutes after its time box closed (minute 75)."
    assert plan[2].action.endswith("within 1 hour of declaring SEV2.")


def test_after_action_report_markdown(worked):
    report = after_action_report(worked, HELD, team="blue", participants=["ana", "ben"])
    assert report.startswith("# After-action report: Friday night, the file shares go dark\n")
    assert "| Score | 50 / 100 |" in report
    assert "| Participants | ana, ben |" in report
    assert "| Contain the spread and keep evidence | M: performed with major challenges | 50 % |" in report
    assert "The team classified it SEV1 (Critical) at minute 20: more severe than expected, late." in report
    assert "- **backups-encrypted** (steps: protect-backups)." in report
    # The improvement plan is due 30 days after the drill; the team's '|' cannot break the table.
    assert "| 2 | Contain the spread and keep evidence | Skipped: backup admin: unreachable \\| see \\#12 |" in report
    assert report.count("| 2026-12-24 |") == 3
    for section in ("Timeline", "Improvement plan"):
        body = report.split(f"## {section}\n\n")[1].split("\n\n")[0].splitlines()
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in body}
        assert len(widths) == 1, f"{section}: rows with different column counts"


def test_a_perfect_run_has_no_corrective_action(library):
    done = {s: Done(14) for s in ("isolate", "protect-backups", "engage-specialists", "assess-notification")}
    perfect = run(library, Classification("SEV2", 9), done)
    assert perfect.improvements == () and perfect.lessons == ()
    assert len(perfect.strengths) == 5  # the classification and four steps
    report = after_action_report(perfect, HELD)
    assert "Every objective was performed without challenges: no corrective action." in report
    assert "## Areas for improvement" not in report
    assert "\n| Team |" not in report  # no team given, no empty row
    # Only the twist, the drill's own questions and the two standing questions remain.
    assert len(perfect.questions) == 1 + 1 + 3 + 1


def paste(path, snippet):
    """Paste under `lessons:`, as a mentor would."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nlessons:\n", "\nlessons:\n" + snippet, 1), encoding="utf-8")


def test_improvement_items_paste_into_the_playbook_as_valid_lessons(tmp_path, worked):
    root = tmp_path / "lib"
    shutil.copytree(DRILL_DATA, root)
    snippets = [proposed_lesson(item, worked, HELD) for item in worked.improvements]
    paste(root / "ransomware.yaml", "".join(snippets))
    loaded = load(root)
    assert loaded.problems == ()
    lessons = {lesson.id: lesson for lesson in loaded.library.type("ransomware").lessons}
    skipped = lessons["drill-friday-night-protect-backups"]
    assert skipped.steps == ("protect-backups",)
    assert skipped.mistake == "The team decided to skip it: backup admin: unreachable | see #12"
    assert skipped.instead.startswith("Take backups offline")
    assert lessons["drill-friday-night-engage-specialists"].mistake == (
        "The team did it 5 minutes after its time box closed (done at minute 80, due by minute 75)."
    )
    assert lessons["drill-friday-night-classify"].steps == ()

    # Proposed again from the next drill, the ids stay unique.
    again = run(loaded.library, Classification("SEV2", 5), {})
    proposed = proposed_lesson(again.improvements[0], again, HELD)
    assert "- id: drill-friday-night-isolate\n" in proposed
    relapse = run(loaded.library, Classification("SEV2", 5), {"isolate": Done(5)})
    assert "- id: drill-friday-night-protect-backups-2\n" in proposed_lesson(relapse.improvements[0], relapse, HELD)


def test_hostile_team_text_still_pastes_as_a_valid_lesson(tmp_path, library):
    reason = "no: \"quotes\", 'single', # hash, {brace} [x] & *star \x07bell \u202eRTL\n- dash"
    hostile = run(library, Classification("SEV2", 5), {"isolate": Skipped(reason)})
    item = next(i for i in hostile.improvements if i.step == "isolate")
    root = tmp_path / "lib"
    shutil.copytree(DRILL_DATA, root)
    paste(root / "ransomware.yaml", proposed_lesson(item, hostile, HELD))
    loaded = load(root)
    assert loaded.problems == ()
    lesson = next(x for x in loaded.library.type("ransomware").lessons if x.id == "drill-friday-night-isolate")
    assert (
        lesson.mistake == "The team decided to skip it: no: \"quotes\", 'single', # hash, {brace} [x] & *star "
        "\\u0007bell \\u202eRTL - dash"
    )  # through the one display-safe path: what was there shows as a visible escape, never raw


def test_steps_the_drill_does_not_expect_still_show_in_the_team_timeline(library):
    # find-entry is a SEV3/SEV4 step: not expected here, not scored, but the team did it.
    result = run(library, Classification("SEV2", 5), {"isolate": Done(8), "find-entry": Done(9)})
    rows = {row.minute: row for row in result.timeline}
    assert rows[9].team == (
        "Find the way in (phishing email, exposed remote access, unpatched server) and close it. "
        "[find-entry, not expected in this drill]",
    )
    assert result.score.other_steps == (("find-entry", 9),)


def test_a_step_two_objectives_expect_shows_once(library):
    incident = library.type("ransomware")
    drill = incident.drill("friday-night")
    objectives = drill.expect.objectives
    twice = attrs.evolve(
        drill,
        expect=attrs.evolve(drill.expect, objectives=[*objectives, attrs.evolve(objectives[0], id="contain-again")]),
    )
    result = debrief(
        incident, library, twice, score(incident, library, twice, Classification("SEV2", 5), {"isolate": Done(8)})
    )
    team = [text for row in result.timeline for text in row.team]
    assert sum("[isolate," in text for text in team) == 1
    assert sum(s.startswith("Isolate the affected systems") for s in result.strengths) == 1


def test_a_right_but_late_classification_is_an_area_for_improvement(library):
    # SEV2 at minute 18 (limit 15): declared at 15, so isolate is due 45; done at 46 is 1 minute late.
    late = run(library, Classification("SEV2", 18), {"isolate": Done(46)})
    report = after_action_report(late, HELD, participants=(name for name in ["ana", "ben"]))
    assert (
        "- The team classified it SEV2 (Major) at minute 18, later than its limit of 15 minutes; expected SEV2 (Major)."
        in report
    )
    assert "Done at minute 46, 1 minute after its time box closed (minute 45)." in report
    assert "| Participants | ana, ben |" in report
    assert late.improvements[0].action == "Practise recognition drills until SEV2 is named within 15 minutes."
    assert (
        late.questions[2] == "What were you waiting for before you classified, and could you have acted on suspicion?"
    )


def test_ending_early_reports_steps_not_reached_as_not_observed_in_true_words(library):
    # SEV2 at minute 12: isolate (due 42) done at 20, protect-backups (due 42) not done; the
    # facilitator ends the drill at minute 45, before engage-specialists (72) and
    # assess-notification (252) came due. See test_scoring for the score (65).
    incident = library.type("ransomware")
    drill = incident.drill("friday-night")
    judged = score(incident, library, drill, Classification("SEV2", 12), {"isolate": Done(20)}, ended_at=45)
    early = debrief(incident, library, drill, judged)
    assert [(i.step, i.issue) for i in early.improvements] == [
        ("protect-backups", "Not done (its time box closed at minute 42).")
    ]  # closed in play: true
    assert [a.lesson.id for a in early.lessons] == ["backups-encrypted"]
    rows = {row.minute: row for row in early.timeline}
    assert rows[72].proven == (
        "Call the cyber insurer's hotline and the retained incident-response firm through "
        "counsel. [engage-specialists, by minute 72; not reached: the drill ended at minute 45]",
    )
    assert any(q.startswith('The drill ended before "Call the cyber insurer') for q in early.questions)
    report = after_action_report(early, HELD)
    assert "| Score | 65 / 100 (2 of 4 expected steps not reached in play) |" in report
    assert "| Bring in specialists under privilege | N: not observed | not scored |" in report
    not_reached = report.split("## Not reached in play\n\n")[1].split("\n## ")[0]
    assert (
        "- Assess whether personal data is involved and start the regulatory clocks log. (assess-notification): "
        "The drill ended at minute 45, before its time box closed (minute 252): not scored."
    ) in not_reached
    assert "time box closed at minute 72" not in report and "time box closed at minute 252" not in report
    improvement_plan = report.split("## Improvement plan\n\n")[1]
    assert "engage-specialists" not in improvement_plan and "Call the cyber insurer" not in improvement_plan


def test_the_debrief_names_steps_as_the_teams_board_worded_them(library):
    # The team worked SEV2's response: its board said "Isolate...", never SEV1's "Cut affected networks...".
    worked = run(library, Classification("SEV2", 5), {"isolate": Done(8)})
    said = [text for row in worked.timeline for text in (*row.team, *row.proven)] + list(worked.strengths)
    assert not any("Cut affected networks" in text for text in said)
    assert any(text.startswith("Isolate the affected systems and segments") for text in worked.strengths)
    report = after_action_report(worked, HELD)
    assert "Isolate the affected systems and segments" in report and "Cut affected networks" not in report
    # A team at SEV4 did find-entry (not expected here) from its own board's wording.
    minor = run(library, Classification("SEV4", 5), {"find-entry": Done(9)})
    [team] = [row.team for row in minor.timeline if row.minute == 9]
    assert team[0].startswith("Find how the malware arrived")


def test_team_text_in_the_after_action_report_is_literal_markdown(library):
    note = "[click](http://x.example) <img src=x> **urgent** | # not a heading"
    report = after_action_report(run(library, Classification("SEV2", 5), {}, [TeamEntry(3, note)]), HELD)
    timeline = report.split("## Timeline\n\n")[1].split("\n\n")[0]
    [row] = [line for line in timeline.splitlines() if line.startswith("| 3 |")]
    assert row == (
        "| 3 |  | \\[click\\](http://x.example) \\<img src=x\\> \\*\\*urgent\\*\\* \\| \\# not a heading |  |"
    )


def test_a_team_that_declared_another_incident_type_is_asked_about_recognition_not_severity(library):
    report = run(library, Classification("SEV4", 10, other_type="Extortion"), {})
    questions = "\n".join(report.questions)
    assert "What made it look like Extortion? Which cue would have told you it was Ransomware attack?" in questions
    assert "did not settle on a severity" not in questions
    [classify_item] = [item for item in report.improvements if item.step is None]
    assert classify_item.issue.startswith("The team declared Extortion SEV4")
    assert "another incident type; it was Ransomware attack" in classify_item.issue
    rows = {row.minute: row for row in report.timeline}
    assert rows[10].team[0].startswith("Classified Extortion SEV4")
    assert "The team declared Extortion SEV4" in after_action_report(report, HELD)

"""Novel drills: a scenario no incident type fits, where the team should take the coaching path
(something else, the library's severity questions, the coaching prompts) rather than force a
playbook. The format says so (`expect.novel`), the checks locate mistakes, the scoring credits
the coaching record and gives a forced playbook nothing for its classification."""

from __future__ import annotations

from pathlib import Path

import pytest

from playbook import novel
from playbook.cli import main
from playbook.drill_words import classification_issue, step_issue
from playbook.library import load
from playbook.paths import BUNDLED_LIBRARY
from playbook.scoring import Classification, Done, Said, Status, Verdict, score
from tests.conftest import MINI

ALPHA = (MINI / "alpha.yaml").read_text(encoding="utf-8")
# The mini library's alpha drill made novel: no objectives, no twist, no reveals.
NOVEL_DRILL = """  - id: strange
    title: Something no playbook covers
    briefing: It is Monday morning.
    injects:
      - {id: start, at: 0, message: A court order arrives.}
      - {id: later, at: 30, message: A distributor calls.}
    expect:
      severity: SEV2
      classify_within: 10
      novel:
        clocks:
          - {id: appeal, clock: Appeal within a month, keywords: [a month, appeal deadline]}
        decisions:
          - {id: stop, decision: Stop selling now (operations), keywords: [stop selling]}
"""


def with_drill(drill: str) -> str:
    start = ALPHA.index("  - id: dark")
    return ALPHA[:start] + drill


def problems(library_dir, text: str) -> list[tuple[int, int, str, str]]:
    loaded = load(library_dir({"alpha.yaml": text}))
    return [(p.line, p.col, p.code, p.message) for p in loaded.problems if Path(p.path).name == "alpha.yaml"]


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_a_novel_drill_loads_clean(library_dir):
    text = with_drill(NOVEL_DRILL)
    assert problems(library_dir, text) == []
    drill = load(library_dir({"alpha.yaml": text})).library.type("alpha").drill("strange")
    assert drill.expect.objectives == ()
    assert [c.id for c in drill.expect.novel.clocks] == ["appeal"]
    assert drill.expect.novel.coach_within == 60  # the first hour unless the author says


def test_a_drill_expecting_neither_objectives_nor_novel_is_located(library_dir):
    start = NOVEL_DRILL.index("      novel:")
    text = with_drill(NOVEL_DRILL[:start])
    [(line, col, code, message)] = [p for p in problems(library_dir, text) if p[2] != "P601"]  # it has no twist
    assert (line, col, code) == (line_of(text, "    expect:"), 5, "P332")
    assert "neither `objectives` (the proven response) nor `novel`" in message


def test_a_novel_drill_with_objectives_a_twist_or_reveals_is_located(library_dir):
    text = with_drill(
        NOVEL_DRILL.replace("A court order arrives.}", "A court order arrives., reveals: {scope: one}}")
        .replace("A distributor calls.}", "A distributor calls., twist: true}")
        .replace("      novel:", "      objectives: [{id: lead, goal: Lead, steps: [{step: convene}]}]\n      novel:")
    )
    found = problems(library_dir, text)
    assert all(code == "P332" for _, _, code, _ in found)
    lines = {line: message for line, _, _, message in found}
    assert "no playbook's steps fit it" in lines[line_of(text, "      objectives:")]
    assert "is a twist" in lines[line_of(text, "{id: later")]
    assert "reveals triage answers" in lines[line_of(text, "{id: start")]


def test_a_novel_drill_without_clocks_is_a_schema_problem_at_its_place(library_dir):
    text = with_drill(NOVEL_DRILL.replace("        clocks:\n", "        clock_list:\n"))
    at = (line_of(text, "clock_list"), 9)
    assert problems(library_dir, text) == [
        (*at, "P201", "missing required property 'clocks' in 'novel'"),
        (*at, "P202", "unknown property 'clock_list' (did you mean 'clocks'?)"),
    ]


def test_validate_prints_a_novel_drills_problem_as_path_line_col_code(library_dir, capsys):
    start = NOVEL_DRILL.index("      novel:")
    root = library_dir({"alpha.yaml": with_drill(NOVEL_DRILL[:start])})
    assert main(["validate", "--library", str(root)]) == 1
    out = capsys.readouterr().out
    assert f"alpha.yaml:{line_of(with_drill(NOVEL_DRILL[:start]), '    expect:')}:5: P332 expect names neither" in out


def test_a_clock_id_used_twice_is_located(library_dir):
    text = with_drill(
        NOVEL_DRILL.replace(
            "          - {id: appeal, clock: Appeal within a month, keywords: [a month, appeal deadline]}\n",
            "          - {id: appeal, clock: Appeal within a month, keywords: [a month]}\n"
            "          - {id: appeal, clock: Penalty per breach, keywords: [penalty]}\n",
        )
    )
    [(line, _, code, message)] = problems(library_dir, text)
    assert (line, code) == (line_of(text, "{id: appeal, clock: Penalty"), "P301")
    assert "clock id 'appeal' is used twice" in message


# --- scoring ---------------------------------------------------------------------------------


@pytest.fixture
def strange(library_dir):
    library = load(library_dir({"alpha.yaml": with_drill(NOVEL_DRILL)})).library
    alpha = library.type("alpha")
    return alpha, library, alpha.drill("strange")


def coached_record(at: float = 5) -> list[Said]:
    record = [Said("coached", f"our answer to {ask}", at, "Ann", prompt) for prompt, ask in novel.PROMPTS]
    record.append(Said("coached", "Appeal deadline: a month from service", at, "Ann", "clocks"))
    record.append(Said("decision", "Stop selling in that country now", at, "Olu"))
    return record


def test_the_coaching_path_earns_full_marks_and_a_forced_playbook_loses_the_classification(strange):
    alpha, library, drill = strange
    coached = score(alpha, library, drill, Classification("SEV2", 5), {}, ended_at=90, record=coached_record())
    assert coached.total == 100 and coached.novel
    assert [o.rating.name for o in coached.objectives] == ["P", "P", "P"]
    decision = next(s for s in coached.steps if s.step == "stop")
    assert decision.owner == "Olu"  # the decision's owner is who logged it

    # The same team, but it declared the Beta playbook: no coaching prompts on its board.
    forced_record = [s for s in coached_record() if s.kind != "coached"]
    forced = score(
        alpha,
        library,
        drill,
        Classification("SEV2", 5, "Beta incident"),
        {"convene": Done(6)},
        90,
        record=forced_record,
    )
    assert forced.classification.verdict is Verdict.WRONG_TYPE and forced.classification.credit == 0
    # 70 x (decision 2 of 2 + prompts 0 of 7 + clock 0 of 2) / 11: the ticked step earns nothing.
    assert forced.total == 13
    assert classification_issue(library, forced).startswith(
        "The team forced the Beta incident playbook at minute 5; no incident type fits this scenario"
    )


def test_declaring_this_drills_own_host_type_is_forcing_too(strange):
    alpha, library, drill = strange
    forced = score(alpha, library, drill, Classification("SEV2", 5, "Alpha incident"), {}, 90, record=())
    assert forced.classification.verdict is Verdict.WRONG_TYPE


def test_a_decision_only_named_earns_half_and_says_no_one_owns_it(strange):
    alpha, library, drill = strange
    record = [s for s in coached_record() if s.kind != "decision"]
    record.append(Said("note", "We should stop selling \x1b]0;pwn\x07 there", 7, "Ann"))
    result = score(alpha, library, drill, Classification("SEV2", 5), {}, ended_at=90, record=record)
    named = next(s for s in result.steps if s.step == "stop")
    assert named.status is Status.NAMED and named.credit == 0.5
    issue = step_issue(named)
    assert "never logged as a decision that someone owns" in issue
    assert "\x1b" not in issue and "\x07" not in issue and "\\u001b]0;pwn\\u0007" in issue


def test_coaching_after_the_first_hour_is_late_and_before_the_end_not_reached(strange):
    alpha, library, drill = strange
    late = score(alpha, library, drill, Classification("SEV2", 5), {}, ended_at=90, record=coached_record(at=70))
    assert {s.status for s in late.steps} == {Status.LATE} and late.total == 30 + 35
    early = score(alpha, library, drill, Classification("SEV2", 5), {}, ended_at=20, record=())
    assert {s.status for s in early.steps} == {Status.NOT_REACHED}  # the first hour had not run out


# --- the bundled novel drills ------------------------------------------------------------------

# The facts of each bundled novel drill answered against the library's severity criteria, as a
# mentor would: the severity the drill expects must be what the generic triage gives.
BUNDLED_FACTS = {
    ("product-recall", "injunction-at-dawn"): {"legal-clock-24h": "yes", "material-money": "yes"},
    ("critical-vendor-outage", "lapsed-domain"): {
        "core-service-down": "yes",
        "data-exposed": "yes",
        "legal-clock-24h": "yes",
    },
}


def test_the_bundled_library_has_novel_drills_whose_severity_is_the_criteria_s(bundled):
    library = bundled.library
    found = {(t.id, d.id): d for t in library.types for d in t.drills if d.expect.novel is not None}
    assert set(found) == set(BUNDLED_FACTS)
    for key, drill in found.items():
        answers = {c.id: "no" for c in library.criteria} | BUNDLED_FACTS[key]
        assert novel.generic_triage(library, answers).acted_on == drill.expect.severity, key
        assert len(drill.modules) >= 2 and not drill.twists and drill.questions
        assert drill.expect.novel.clocks and drill.expect.novel.decisions
        # No type the team could find by the briefing fits: the library's search finds no good match.
        assert all(t.id != "novel" for t in library.types)


def test_the_bundled_library_with_its_novel_drills_validates_strictly(capsys):
    assert main(["validate", "--strict", "--library", str(BUNDLED_LIBRARY)]) == 0
    assert "no problems" in capsys.readouterr().out

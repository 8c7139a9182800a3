"""The after-action report and improvement plan of a drill (HSEEP AAR/IP), as Markdown."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from playbook.debrief import IMPROVEMENT_DAYS, Debrief
from playbook.drill_words import (
    MISSED,
    RATINGS_LEGEND,
    classification_issue,
    classification_needs_work,
    classification_summary,
    distinct,
    no_corrective_action,
    objective_percent,
    step_issue,
    total_text,
)
from playbook.improvement import PlanItem
from playbook.render import md, minutes
from playbook.safe import safe


def after_action_report(
    report: Debrief, held: date, team: str = "", participants: Iterable[str] = (), plan: Sequence[PlanItem] = ()
) -> str:
    """The HSEEP-style after-action report and improvement plan, as Markdown."""
    score, library, incident, drill = report.score, report.library, report.incident, report.drill
    participants = tuple(participants)
    out = [f"# After-action report: {_text(drill.title)}", ""]
    out += _table(
        ["", ""],
        [
            ["Incident type", f"{_text(incident.title)} ({incident.id})"],
            ["Drill", drill.id],
            ["Held", held.isoformat()],
            *([["Team", _text(team)]] if team else []),
            *([["Participants", _text(", ".join(participants))]] if participants else []),
            ["Score", total_text(score)],
        ],
    )
    out += ["", "## Scenario", "", _text(drill.briefing), ""]
    out += ["## Classification", "", classification_summary(library, score), ""]
    out += ["## Objectives", ""]
    out += _table(
        ["Objective", "Rating", "Score"],
        [[_text(o.goal), o.rating.label, objective_percent(o)] for o in score.objectives],
    )
    out += ["", f"Ratings (HSEEP): {RATINGS_LEGEND}", ""]
    if report.judgment:
        out += ["## Judgment at the twists", ""]
        for twist in report.judgment:
            out += [f"**Minute {twist.inject.at}: {_text(twist.inject.message)}**", ""]
            if twist.gets_wrong:
                out.append(f"- What the proven response gets wrong here: {_text(twist.gets_wrong)}")
            if twist.accepted:
                out.append(f"- What a mentor accepts instead: {_text('; '.join(twist.accepted))}")
            out += [f"- What the team did: {_text(twist.verdict)}", ""]
    if report.strengths:
        out += ["## Strengths", ""] + [f"- {_text(s)}" for s in report.strengths] + [""]
    weak = [s for s in score.steps if s.status in MISSED]
    if weak or classification_needs_work(score):
        out += ["## Areas for improvement", ""]
        if classification_needs_work(score):
            out.append(f"- {_text(classification_issue(library, score))}")
        out += [f"- {_text(s.do)} ({s.step}): {_text(step_issue(s))}" for s in weak]
        out.append("")
    if score.not_reached:
        out += ["## Not reached in play", "", "Not observed, so neither credited nor counted against the team.", ""]
        out += [
            f"- {_text(s.do)} ({s.step}): {_text(step_issue(s, score.ended_at))}" for s in distinct(score.not_reached)
        ]
        out.append("")
    if report.lessons:
        out += ["## Lessons from the playbook that apply", ""]
        for applied in report.lessons:
            out.append(
                f"- **{applied.lesson.id}** (steps: {', '.join(applied.steps)}). "
                f"Mistake: {_text(applied.lesson.mistake)} Instead: {_text(applied.lesson.instead)}"
            )
        out.append("")
    out += ["## Timeline", ""]
    out += _table(
        ["Minute", "Inject", "Team", "Proven response"],
        [
            [
                minutes(row.minute),
                "<br>".join(map(_text, row.injects)),
                "<br>".join(map(_text, row.team)),
                "<br>".join(map(_text, row.proven)),
            ]
            for row in report.timeline
        ],
    )
    out += ["", "## Reflection questions", ""]
    out += [f"{n}. {_text(q)}" for n, q in enumerate(report.questions, 1)]
    out += ["", "## Improvement plan", ""]
    if report.improvements:
        # As kept in the journal (owner, due date, status) once the drill has ended; until then, as proposed.
        kept = {item.n: item for item in plan}
        default_due = (held + timedelta(days=IMPROVEMENT_DAYS)).isoformat()
        out += _table(
            ["#", "Objective", "Issue", "Corrective action", "Owner", "Due", "Status"],
            [
                [
                    str(n),
                    _text(item.objective),
                    _text(item.issue),
                    _text(item.action),
                    _text(kept[n].owner if n in kept else item.owner),
                    kept[n].due.isoformat() if n in kept else default_due,
                    _text(kept[n].status + (f": {kept[n].note}" if kept[n].note else "")) if n in kept else "open",
                ]
                for n, item in enumerate(report.improvements, 1)
            ],
        )
    else:
        out.append(no_corrective_action(score))
    return safe("\n".join(out) + "\n")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _text(value: str) -> str:
    """Team or author text as literal Markdown on one line (safe in a table cell too): a note
    such as '[click](...)' or '<img>' stays text, as in the playbook's own export."""
    return md(safe(value))

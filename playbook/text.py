"""Plain-text rendering of an incident type, for terminals and pipes (`playbook show`)."""

from __future__ import annotations

import textwrap

from playbook.model import Clock, IncidentType, Library
from playbook.timebox import duration, grouped

WIDTH = 78


def _wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=first if first is not None else indent, subsequent_indent=indent
    ) or [indent]


def clock_line(clock: Clock) -> str:
    """'Tell the regulator: within 72 hours of becoming aware'; a deadline in words reads 'as soon
    as possible after determining...', never 'within as soon as possible of'."""
    return f"{clock.what}: {clock.deadline}"


def incident_text(incident: IncidentType, library: Library) -> str:
    out: list[str] = []
    category = library.category(incident.category)
    out.append(incident.title)
    out.append("=" * len(incident.title))
    out.append(
        f"{category.name if category else incident.category} · version {incident.version} · {incident.status} · "
        f"reviewed {incident.reviewed}"
    )
    out.append("Mentors: " + "; ".join(str(m) for m in incident.mentors))
    out.append("")
    out += _wrap(incident.summary)
    out += ["", "Recognise it"]
    for cue in incident.recognise:
        out += _wrap(cue, "    ", "  - ")
    out += ["", "When this response does not apply"]
    for item in incident.does_not_apply:
        see = f" (see {item.see})" if item.see else ""
        out += _wrap(f"{item.when}: {item.instead}{see}", "    ", "  - ")
    triage = incident.triage
    table = triage.table
    form = " (decision table)" if table is not None else " (tree of nodes)" if triage.has_nodes else ""
    out += ["", "Triage" + form]
    for question in triage.questions:
        out += _wrap(question.ask, "    ", "  ? ")
        for digit, answer in question.keyed:
            decided_elsewhere = table is not None or triage.has_nodes  # by the rows or the nodes below
            leads = (
                " (unknown)" if answer.unknown else "" if decided_elsewhere else f" -> {answer.next or answer.outcome}"
            )
            out.append(f"      {digit}  {answer.id}: {answer.label}{leads}")
    for row in table or ():
        when = ", ".join(f"{question}={answer}" for question, answer in row.when) or "any answers"
        out += _wrap(f"{when} -> {row.outcome}", "      ", "    ")
    for node in triage.nodes or ():
        leads = ", ".join(f"{answer} -> {target}" for answer, target in node.answers)
        out += _wrap(f"{node.id} asks {node.question}: {leads}", "      ", "    ")
    for response in sorted(incident.responses, key=lambda r: library.rank(r.severity)):
        level = library.severity(response.severity)
        name = f"{response.severity} {level.name}" if level else response.severity
        out += ["", f"Response at {name}"]
        for box, steps in grouped(response.steps):
            out.append(f"  {box.capitalize()}")
            for step in steps:
                role = library.role(step.owner)
                out += _wrap(
                    f"[{duration(step.within)}] {step.do} ({role.name if role else step.owner})", "        ", "    [ ] "
                )
                if step.why:
                    out += _wrap(f"Why: {step.why}", "        ")
    if incident.clocks:
        out += ["", "Deadlines (jurisdiction-specific)"]
        for clock in incident.clocks:
            out += _wrap(clock.sentence(), "    ", "  - ")
    if incident.lessons:
        out += ["", "Lessons learned"]
        for lesson in incident.lessons:
            out += _wrap(f"Mistake: {lesson.mistake}", "    ", "  - ")
            out += _wrap(f"Instead: {lesson.instead}", "    ")
    if incident.related:
        out += ["", "Related: " + ", ".join(incident.related)]
    if incident.references:
        out += ["", "References"]
        for ref in incident.references:
            out += _wrap(f"{ref.title} <{ref.url}>", "    ", "  - ")
    return "\n".join(out) + "\n"

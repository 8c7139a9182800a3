"""Printed drill packets, as tabletop exercise programmes (CISA's packages, HSEEP) run them: a
situation manual for players, a facilitator guide and an evaluator guide.

Each audience has its own builder, and the players' one is given only what players may see (the
title, the briefing, the planned length, the severity scale and the roles): no code path from it
reaches injects, facilitator notes, expectations or objectives.
"""

from __future__ import annotations

from datetime import date

from playbook.html import document, esc, role_name, roles_section, scale_section, severity_mark
from playbook.model import Drill, IncidentType, Library, Novel
from playbook.novel import PROMPTS
from playbook.render import duration

AUDIENCES = ("players", "facilitator", "evaluator")

# HSEEP's four ratings of how an objective's core capability was performed.
RATINGS = (
    ("P", "Performed without challenges"),
    ("S", "Performed with some challenges"),
    ("M", "Performed with major challenges"),
    ("U", "Unable to be performed"),
)

GROUND_RULES = (
    "This is a no-fault exercise: it tests the plan and the playbook, not the people.",
    "Respond as you would in a real incident, with the information you have at the time.",
    "Decide, and say why. Where the proven response does not fit what you are told, do something "
    "else and record the reason: adapting well scores higher than reciting.",
    "Keep a timeline: what you learned, what you decided, who owns each action.",
)


def packet(library: Library, incident: IncidentType, drill: Drill, audience: str, *, printed: date) -> str:
    """The HTML packet for one audience: players, facilitator or evaluator."""
    builders = {"players": _situation_manual, "facilitator": _facilitator_guide, "evaluator": _evaluator_guide}
    names = {"players": "Situation manual", "facilitator": "Facilitator guide", "evaluator": "Evaluator guide"}
    name = names[audience]
    body = _cover(library, incident, drill, name, printed) + builders[audience](library, incident, drill)
    footer = (
        f"{name} · {drill.title} · {incident.id} {incident.version} · library {library.version} · "
        f"printed {printed.isoformat()}"
    )
    return document(f"{drill.title}: {name}", body, paper="a4", footer=footer)


def _cover(library: Library, incident: IncidentType, drill: Drill, name: str, printed: date) -> str:
    minutes = f" · {duration(drill.duration)} of play" if drill.duration else ""
    return (
        f"<section><h1>{esc(drill.title)}</h1>"
        f'<p class="meta">{esc(name)} · a tabletop drill of {esc(incident.title)}{minutes}</p>'
        f'<p class="muted">Drill {esc(drill.id)} · incident type {esc(incident.id)} version '
        f"{esc(incident.version)} · {esc(library.name)} version {esc(library.version)} · printed "
        f"{printed.isoformat()}</p></section>"
    )


def _situation_manual(library: Library, incident: IncidentType, drill: Drill) -> str:
    rules = "".join(f"<li>{esc(rule)}</li>" for rule in GROUND_RULES)
    return (
        f"<h2>The situation</h2><p>{esc(drill.briefing)}</p>"
        "<p>More information arrives from the facilitator as the exercise unfolds.</p>"
        f"<h2>Ground rules</h2><ul>{rules}</ul>"
        + scale_section(library)
        + roles_section(library)
        + "<h2>Your notes</h2>"
        + '<p class="muted">Time · what we learned · what we decided and why · who owns it</p>'
        + "<p>"
        + "<br>" * 18
        + "</p>"
    )


def _facilitator_guide(library: Library, incident: IncidentType, drill: Drill) -> str:
    out = [f"<h2>What players are told</h2><p>{esc(drill.briefing)}</p>"]
    if drill.facilitator_notes:
        out.append(f'<h2>Facilitator notes</h2><p class="facilitator-only">{esc(drill.facilitator_notes)}</p>')
    for module in drill.modules:
        if len(drill.modules) > 1:
            out.append(f"<h2>Module: {esc(module.title)}</h2>")
            if module.jump:
                out.append(f'<p><span class="label">Time jump, read to players:</span> {esc(module.jump)}</p>')
        out.append("<h2>Injects</h2><table><tr><th>Minute</th><th>Release to players</th><th>For you</th></tr>")
        for inject in sorted(module.injects, key=lambda i: i.at):
            notes = []
            if inject.twist:
                notes.append('<span class="label">TWIST:</span> the proven response may not fit from here.')
                if inject.twist.gets_wrong:
                    notes.append(f"It gets wrong: {esc(inject.twist.gets_wrong)}")
            if inject.facilitator:
                notes.append(esc(inject.facilitator))
            notes += [_reveal(incident, question, answer) for question, answer in inject.reveals]
            out.append(f"<tr><td>{inject.at}</td><td>{esc(inject.message)}</td><td>{'<br>'.join(notes)}</td></tr>")
        out.append("</table>")
        if module.questions:
            out.append("<p>Discussion at the end of the module:</p><ol>")
            out += [f"<li>{esc(q)}</li>" for q in module.questions]
            out.append("</ol>")
    out.append(_expectation(library, drill))
    if drill.questions:
        out.append("<h2>Hot wash: discussion questions</h2><ol>")
        out += [f"<li>{esc(q)}</li>" for q in drill.questions]
        out.append("</ol>")
    return "\n".join(out)


def _evaluator_guide(library: Library, incident: IncidentType, drill: Drill) -> str:
    out = [_expectation(library, drill)]
    if drill.expect.novel is not None:
        out.append(_coaching_record(drill.expect.novel))
    if drill.expect.objectives:
        out.append("<h2>Objectives: what good looks like</h2>")
    for objective in drill.expect.objectives:
        out.append(
            f"<h3>{esc(objective.goal)}</h3><table><tr><th>Expected</th><th>Owner</th><th>Within</th>"
            "<th>Observed (time, who, how)</th></tr>"
        )
        for expected in objective.steps:
            step = incident.step(expected.step)
            if step is None:
                continue
            out.append(
                f"<tr><td>{esc(step.do)}</td><td>{role_name(library, step.owner)}</td>"
                f"<td>{duration(step.within)}</td><td></td></tr>"
            )
        out.append("</table>")
        if objective.guide is not None:
            out.append(f'<p><span class="label">Good looks like:</span> {esc(objective.guide.good)}</p><ul>')
            out += [f"<li>Observe: {esc(item)}</li>" for item in objective.guide.observe]
            out.append("</ul>")
        out.append("<p>Rating: " + " · ".join(f"☐ {code}" for code, _ in RATINGS) + "</p>")
    twists = [(inject, inject.twist) for inject in drill.injects if inject.twist is not None]
    if twists:
        out.append("<h2>At the twist</h2>")
        for inject, twist in twists:
            out.append(f'<p><span class="label">Minute {inject.at}:</span> {esc(inject.message)}</p>')
            if twist.gets_wrong:
                out.append(f"<p>What the proven response gets wrong here: {esc(twist.gets_wrong)}</p>")
            if twist.adaptations:
                out.append("<p>Adaptations a mentor accepts:</p><ul>")
                out += [f"<li>{esc(a.did)}</li>" for a in twist.adaptations]
                out.append("</ul>")
            if inject.facilitator:
                out.append(f"<p>{esc(inject.facilitator)}</p>")
        out.append(
            "<p>Credit a team that notices the proven response no longer fits and records what it did "
            "instead, and why, above a team that ticks the steps regardless.</p>"
        )
    scale = "".join(f"<tr><td>{code}</td><td>{esc(text)}</td></tr>" for code, text in RATINGS)
    out.append(f"<h2>Rating scale</h2><table><tr><th>Rating</th><th>Meaning</th></tr>{scale}</table>")
    return "\n".join(out)


def _coaching_record(novel: Novel) -> str:
    """A novel drill's evaluator guide: no playbook fits, so the coaching record is observed."""
    prompts = "".join(f"<li>{esc(ask)}</li>" for _, ask in PROMPTS)
    decisions = "".join(f"<li>{esc(found.said)}</li>" for found in novel.decisions)
    clocks = "".join(f"<li>{esc(found.said)}</li>" for found in novel.clocks)
    return (
        "<h2>No playbook fits: the coaching record</h2>"
        "<p>Credit a team that says early that no playbook fits and declares it as something else, "
        "above a team that forces the nearest playbook and ticks its steps.</p>"
        f"<h3>Every coaching prompt answered within {duration(novel.coach_within)}</h3><ol>{prompts}</ol>"
        f"<h3>Decisions that cannot wait, each owned</h3><ul>{decisions}</ul>"
        f"<h3>Clocks the team should find</h3><ul>{clocks}</ul>"
    )


def _expectation(library: Library, drill: Drill) -> str:
    expect = drill.expect
    within = f" within {duration(expect.classify_within)}" if expect.classify_within else ""
    return f"<h2>Expected classification</h2><p>{severity_mark(library, expect.severity)}{within}.</p>"


def _reveal(incident: IncidentType, question_id: str, answer_id: str) -> str:
    question = incident.triage.question(question_id)
    answer = question.answer(answer_id) if question else None
    ask = question.ask if question else question_id
    return f"Reveals: {esc(ask)} {esc(answer.label if answer else answer_id)}"

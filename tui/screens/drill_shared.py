"""What the drill screens share: how a drill's minute, injects, hot wash and evaluator's guide
read on screen."""

from __future__ import annotations

from textual.content import Content

from playbook.drill import PlayerInject, PlayerView
from playbook.incident import IncidentError
from playbook.journal import JournalError
from playbook.model import Drill, Inject, Library
from playbook.render import countdown, md, tenths

# What a drill's entries can raise when another terminal (or a newer version) wrote something
# this one cannot read: shown as a problem on screen, never a crash in the middle of a drill.
UNREADABLE = (JournalError, IncidentError, KeyError, TypeError, ValueError)

DRILL_MARK = "◆ DRILL"  # a word and a symbol on every drill screen: never mistaken for a live incident


def offline_line(offline: str) -> str:
    """A drill screen's word for a journal it cannot reach ("" when it can)."""
    return f"⚠ OFFLINE, reconnecting: {offline}" if offline else ""


def clock_line(run) -> str:
    """'Minute 5 · accelerated x4 · next inject (minute 10) in 1:15'."""
    release = run.release
    parts = [f"Minute {tenths(release.minute)}", release.pace.name]
    modules = run.drill.modules
    if len(modules) > 1 and release.module is not None:
        parts.insert(1, f"module {modules.index(release.module) + 1} of {len(modules)}: {release.module.title}")
    coming = release.next
    if run.ended:
        parts.append("the drill has ended")
    elif coming is None:
        parts.append("every inject is out")
    elif release.pace.by_hand:
        parts.append(f"next inject: minute {coming.at}, by the facilitator")
    elif release.seconds_to_next is None:  # a time jump: only the facilitator moves the drill on
        parts.append(f"held at the end of the module; the jump to minute {coming.at} is the facilitator's")
    else:
        from datetime import timedelta

        parts.append(f"next inject (minute {coming.at}) in {countdown(timedelta(seconds=release.seconds_to_next))}")
    return " · ".join(parts)


def player_inject(inject: PlayerInject) -> Content:
    return Content.assemble((f"Minute {inject.at}  ", "bold"), inject.message.strip())


def player_feed(view: PlayerView) -> list[Content]:
    """The injects released so far, each module after the first opened by its time jump."""
    lines: list[Content] = []
    jumps = [m for m in view.modules[1:]]
    for inject in view.injects:
        while jumps and jumps[0].at <= inject.at:
            module = jumps.pop(0)
            lines.append(
                Content.assemble(("── ", "bold"), (module.title, "bold"), (" ── ", "bold"), module.jump.strip())
            )
        lines.append(player_inject(inject))
    if view.held:
        lines.append(Content("The clock is held at the end of this module: the facilitator moves the drill on."))
    return lines


def hot_wash(view: PlayerView) -> str:
    """The hot wash, as Markdown: the questions a facilitator asks straight after play, before any
    score, with each module's discussion questions. Nothing of the answer key."""
    out = [
        f"Drill: {md(view.title)}",
        "",
        "Straight after play, before any score: each person answers in turn, briefly.",
        "",
        "1. What went well that you want to keep doing?",
        "2. What one thing would you change first?",
        "3. Where did the proven response not fit, and how did you notice?",
    ]
    for module in view.modules:
        if module.questions:
            out += ["", f"## {md(module.title)}", ""] + [f"- {md(q)}" for q in module.questions]
    return "\n".join(out) + "\n"


def facilitator_inject(inject: Inject, out: bool, library: Library, incident) -> Content:
    """An inject with everything the facilitator holds: what it reveals, the twist, the notes."""
    state = ("✓ OUT   ", "bold") if out else ("· later ", "")
    parts: list = [state, (f"minute {inject.at}  ", "bold")]
    if inject.twist:
        parts.append(("TWIST  ", "bold reverse"))
    parts.append(inject.message.strip())
    for question_id, answer_id in inject.reveals:
        question = incident.triage.question(question_id)
        answer = question.answer(answer_id) if question else None
        if question and answer:
            parts += ["\n         Reveals: ", question.ask, " → ", answer.label]
    twist = inject.twist
    if twist is not None and twist.gets_wrong:
        parts += ["\n         ", ("Gets wrong: ", "bold"), twist.gets_wrong.strip()]
        for adaptation in twist.adaptations:
            parts += ["\n         ", ("Accept: ", "bold"), adaptation.did]
    if inject.facilitator:
        parts += ["\n         ", ("Facilitator: ", "bold"), inject.facilitator.strip()]
    return Content.assemble(*parts)


def evaluator_guide(drill: Drill) -> Content:
    """The evaluator's guide: per objective, what good looks like and what to observe."""
    parts: list = []
    if drill.expect.novel is not None:  # no playbook fits: what the coaching record should hold
        novel = drill.expect.novel
        parts += [("Every coaching prompt answered", "bold"), f" within {novel.coach_within} min of declaring"]
        parts += ["\n", ("Decisions that cannot wait, owned (logged as decisions)", "bold")]
        parts += [f"\n  {found.said}" for found in novel.decisions]
        parts += ["\n", ("Clocks found", "bold")]
        parts += [f"\n  {found.said}" for found in novel.clocks]
    for objective in drill.expect.objectives:
        if objective.guide is None:
            continue
        parts += ["\n" if parts else "", (objective.goal, "bold"), "\n  Good: ", objective.guide.good.strip()]
        parts += [f"\n  Observe: {item}" for item in objective.guide.observe]
    return Content.assemble(*parts)

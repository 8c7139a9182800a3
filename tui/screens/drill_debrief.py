"""The debrief after a drill (the hot wash): score and HSEEP ratings, the team's timeline beside
the proven response, the lessons that apply, coaching questions, and the improvement plan.
e exports the after-action report; l turns an improvement item into a proposed lesson."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, TextArea
from textual.widgets.option_list import Option

from playbook import writeback
from playbook.aar import after_action_report
from playbook.debrief import Debrief, ImprovementItem
from playbook.drill_run import DrillRun, run_debrief
from playbook.drill_words import (
    chosen_name,
    classification_needs_work,
    distinct,
    forced_playbook,
    minutes,
    minutes_word,
    no_corrective_action,
    objective_percent,
    severity_name,
    step_issue,
    total_text,
    type_title,
)
from playbook.lesson_draft import proposed_lesson
from playbook.model import Library
from playbook.scoring import Verdict
from tui.screens.drill_shared import DRILL_MARK
from tui.screens.form import Field, FormScreen, when_filled
from tui.widgets.live import one_line
from tui.widgets.plain import Plain, plain


def classification_text(report: Debrief) -> str:
    judged = report.score.classification
    expected = f"Expected {severity_name(report.library, judged.expected)}"
    if judged.limit is not None:
        expected += f" within {minutes_word(judged.limit)}"
    if judged.verdict is Verdict.NONE:
        return f"{expected}. ✗ The team did not classify the incident as this type."
    if judged.verdict is Verdict.WRONG_TYPE and report.score.novel:
        return f"{expected}. ✗ {forced_playbook(report.score)}"
    if judged.verdict is Verdict.WRONG_TYPE:
        return (
            f"{expected}. ✗ The team declared {chosen_name(report.library, judged)} at minute "
            f"{minutes(judged.minute)}: another incident type; it was {type_title(report.library, report.score)}."
        )
    mark = "✗" if classification_needs_work(report.score) else "✓"
    timing = {True: ", in time", False: ", late", None: ""}[judged.on_time]
    return (
        f"{expected}. {mark} The team classified it {severity_name(report.library, judged.chosen)} "
        f"at minute {minutes(judged.minute)}: {judged.verdict.value}{timing}."
    )


def section(title: str) -> Plain:
    return Plain(title, classes="debrief-section")


class DrillDebriefScreen(Screen):
    BINDINGS = [
        Binding("e", "export", "Export the after-action report", id="drill_debrief.export"),
        Binding(
            "l",
            "propose",
            "Propose a lesson",
            id="drill_debrief.propose",
            tooltip="Turn the highlighted improvement item into a lesson for the playbook",
        ),
        Binding("escape", "app.pop_screen", "Back", id="drill_debrief.back"),
    ]

    def __init__(self, run: DrillRun, library: Library) -> None:
        super().__init__()
        self.run = run
        self.library = library
        self.report = run_debrief(run, library)
        self.held = run.started_at.date()
        self.exported: Path | None = None

    def compose(self) -> ComposeResult:
        report, score = self.report, self.report.score
        yield Plain(f"{DRILL_MARK} · Debrief · {self.run.drill.title} · {self.run.id}", classes="title drill-title")
        yield Plain(f"Score {total_text(score)} · {classification_text(report)}", id="debrief-score")
        with VerticalScroll(id="debrief-body", can_focus=True):
            yield section("Objectives (HSEEP ratings)")
            for objective in score.objectives:
                yield Plain(
                    Content.assemble(
                        (f"{objective.rating.name}  ", "bold"),
                        objective.goal,
                        f" · {objective.rating.value} · {objective_percent(objective)}",
                    ),
                    classes="debrief-line",
                )
            yield Plain(
                "P: every item earned full credit · S: none earned nothing, some half (late, or a deviation "
                "no one foresaw) · M: one earned nothing (missed, ticked after a twist voided it, or no "
                "adaptation), half the weight or more achieved · U: less than half · N: not observed",
                classes="debrief-note",
            )
            if report.judgment:
                yield section("Judgment at the twists")
                for twist in report.judgment:
                    parts: list = [(f"Minute {twist.inject.at}  ", "bold"), twist.inject.message.strip()]
                    if twist.gets_wrong:
                        parts += ["\n", ("The proven response gets wrong: ", "bold"), twist.gets_wrong.strip()]
                    if twist.accepted:
                        parts += ["\n", ("A mentor accepts: ", "bold"), "; ".join(twist.accepted)]
                    parts += ["\n", ("The team: ", "bold"), twist.verdict]
                    yield Plain(Content.assemble(*parts), classes="debrief-line")
            if score.not_reached:
                yield section("Not reached in play: not observed, so not scored")
                yield Plain(
                    "\n".join(
                        f"· {step.do} ({step.step}): {step_issue(step, score.ended_at)}"
                        for step in distinct(score.not_reached)
                    ),
                    classes="debrief-line",
                )
            yield section("Timeline: the team beside the proven response")
            with Horizontal(classes="timeline-row timeline-head"):
                yield Plain("Min", classes="timeline-minute")
                yield Plain("Team", classes="timeline-team")
                yield Plain("Proven response", classes="timeline-proven")
            for row in report.timeline:
                with Vertical(classes="timeline-block"):
                    for n, inject in enumerate(row.injects):  # the minute once, on the block's first line
                        yield Plain(
                            Content.assemble((f"{minutes(row.minute) if n == 0 else '':<5}", "bold"), "» ", inject),
                            classes="timeline-inject",
                        )
                    if row.team or row.proven:
                        with Horizontal(classes="timeline-row"):
                            yield Plain("" if row.injects else minutes(row.minute), classes="timeline-minute")
                            yield Plain("\n".join(map(one_line, row.team)) or "·", classes="timeline-team")
                            yield Plain("\n".join(row.proven) or "·", classes="timeline-proven")
            if report.strengths:
                yield section("Strengths")
                yield Plain("\n".join(f"✓ {s}" for s in report.strengths), classes="debrief-line")
            if report.lessons:
                yield section("Lessons from the playbook that apply")
                for applied in report.lessons:
                    yield Plain(
                        Content.assemble(
                            (f"{applied.lesson.id} ", "bold"),
                            f"({', '.join(applied.steps)}) ",
                            ("Mistake: ", "bold"),
                            applied.lesson.mistake,
                            " ",
                            ("Instead: ", "bold"),
                            applied.lesson.instead,
                        ),
                        classes="debrief-line",
                    )
            yield section("Coaching questions")
            yield Plain("\n".join(f"{n}. {q}" for n, q in enumerate(report.questions, 1)), classes="debrief-line")
            yield section("Improvement plan · l: propose the highlighted item as a lesson")
            if report.improvements:
                yield OptionList(
                    *(
                        Option(
                            plain(
                                Content.assemble((f"{n}. ", "bold"), item.issue, " → ", item.action, f" ({item.owner})")
                            ),
                            id=str(n - 1),
                        )
                        for n, item in enumerate(report.improvements, 1)
                    ),
                    id="debrief-improvements",
                    markup=False,
                )
            else:
                yield Plain(no_corrective_action(score), classes="debrief-line")
        yield Plain("e: export the after-action report as Markdown", id="debrief-export")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-body").focus()

    @property
    def improvement(self) -> ImprovementItem | None:
        found = self.query("#debrief-improvements")
        if not found:
            return None
        option = found.first(OptionList).highlighted_option
        return self.report.improvements[int(option.id)] if option and option.id else self.report.improvements[0]

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "propose":
            return bool(self.report.improvements) and bool(self.run.incident.path)
        return True

    # -- export ---------------------------------------------------------------------------------

    def action_export(self) -> None:
        default = str(self.exported or Path.cwd() / f"after-action-{self.run.id}.md")
        form = FormScreen("Export the after-action report", [Field("path", "Markdown file", default)])
        self.app.push_screen(form, when_filled(lambda got: self.export(Path(got["path"].strip()).expanduser())))

    def export(self, path: Path) -> None:
        text = after_action_report(self.report, self.held, self.run.team, self.run.participants)
        try:
            writeback.create(path, text)
        except FileExistsError:
            self.notify(f"{path} already exists: choose another name", severity="warning", markup=False)
            return
        except OSError as error:
            self.notify(f"Not exported: {error}", severity="error", markup=False)
            return
        self.exported = path.resolve()
        self.query_one("#debrief-export", Plain).show(f"✓ After-action report written to {self.exported}")
        self.notify(f"After-action report written to {self.exported}", markup=False)

    # -- a lesson for the playbook ---------------------------------------------------------------

    def action_propose(self) -> None:
        item = self.improvement
        if item is None:
            return
        path = Path(self.run.incident.path)  # as the library names it: relative to where the app started
        text = proposed_lesson(item, self.report, self.held)
        try:
            read = writeback.snapshot(path)
        except OSError as error:
            self.notify(f"Cannot read {path}: {error}", severity="error", markup=False)
            return
        self.app.push_screen(LessonPreviewScreen(path, text, read), self.proposed)

    def proposed(self, written: Path | None) -> None:
        if written is not None:
            self.notify(
                f"Draft lesson added to {written}: leaders see it once an author accepts it (playbook lesson accept)",
                markup=False,
            )


class LessonPreviewScreen(ModalScreen[Path | None]):
    """The proposed lesson exactly as it would be appended (review comment included); e edits it,
    a appends it, Escape leaves the file alone."""

    BINDINGS = [
        Binding("a", "append", "Add as a draft lesson", id="lesson_preview.append"),
        Binding("e", "edit", "Edit", id="lesson_preview.edit"),
        Binding("escape", "back", "Cancel", id="lesson_preview.cancel"),
    ]

    def __init__(self, path: Path, text: str, read: writeback.Snapshot) -> None:
        super().__init__()
        self.path = path
        self.text = text
        self.read = read

    def compose(self) -> ComposeResult:
        with Vertical(id="lesson-preview"):
            yield Plain(f"Proposed lesson for {self.path.name}", classes="title")
            yield VerticalScroll(Plain(self.text, id="lesson-text"), id="lesson-body")
            yield TextArea(self.text, id="lesson-editor", language=None, soft_wrap=False)
            yield Plain("", id="lesson-hint")

    def on_mount(self) -> None:
        self.query_one("#lesson-editor", TextArea).styles.height = 16
        self.editing(False)

    @property
    def is_editing(self) -> bool:
        return self.query_one("#lesson-editor", TextArea).display

    def editing(self, on: bool) -> None:
        editor = self.query_one("#lesson-editor", TextArea)
        editor.display = on
        self.query_one("#lesson-body").display = not on
        self.hint(
            "Escape: done editing (checked before it is kept)"
            if on
            else f"a: add it as a draft under lessons: in {self.path} (an author accepts it) · e: edit · Escape: cancel"
        )
        if on:
            editor.focus()
        self.refresh_bindings()

    def hint(self, text: str) -> None:
        self.query_one("#lesson-hint", Plain).show(text)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("append", "edit"):
            return not self.is_editing
        return True

    def action_edit(self) -> None:
        self.editing(True)

    def action_back(self) -> None:
        if not self.is_editing:
            self.dismiss(None)
            return
        text = self.query_one("#lesson-editor", TextArea).text
        try:
            writeback.proposed_lesson(text)
        except writeback.EditError as error:
            self.hint(f"⚠ {error} · fix it, or Escape again after fixing")
            return
        self.text = text.rstrip("\n") + "\n"
        self.query_one("#lesson-text", Plain).show(self.text)
        self.editing(False)

    def action_append(self) -> None:
        try:
            writeback.add_lesson(self.path, writeback.proposed_lesson(self.text), self.read, block=self.text)
        except (writeback.Conflict, writeback.EditError, OSError) as error:
            self.hint(f"⚠ Not appended: {error}")
            return
        self.dismiss(self.path)

"""One response step: what to do, who owns it, why it works, and beside it the mentors' advice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content

from playbook.model import Lesson, Step
from playbook.timebox import duration
from tui.widgets.plain import Plain


class StepCard(Horizontal):
    """The step on the left; tips and lessons on the right (under it on narrow terminals)."""

    def __init__(self, step: Step, owner: str, lessons: tuple[Lesson, ...], **kwargs) -> None:
        super().__init__(classes="step", **kwargs)
        self.step = step
        self.owner = owner
        self.lessons = lessons

    def compose(self) -> ComposeResult:
        step = self.step
        yield Plain("☐", classes="step-box")  # its own column, so wrapped text hangs under the text
        with Horizontal(classes="step-columns"):
            with Vertical(classes="step-main"):
                yield Plain(step.do, classes="step-do")
                yield Plain(f"{self.owner} · within {duration(step.within)}", classes="step-owner")
                if step.why:
                    yield Plain(Content.assemble(("Why: ", "italic"), step.why), classes="step-why")
                if step.not_when:
                    yield Plain(Content.assemble(("Not when: ", "bold"), step.not_when), classes="step-not-when")
            if step.tips or self.lessons:
                with Vertical(classes="step-aside"):
                    for tip in step.tips:
                        yield Plain(Content.assemble(("Tip: ", "bold"), tip), classes="step-tip")
                    for lesson in self.lessons:
                        yield Plain(
                            Content.assemble(
                                ("Lesson: ", "bold"), lesson.mistake, " ", ("Instead: ", "bold"), lesson.instead
                            ),
                            classes="step-lesson",
                        )

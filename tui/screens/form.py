"""A small form over the current screen: a few labelled text fields, Enter to go on, Escape to cancel.

Used for the live incident's entries (declare, note, skip reason, hand-over, close). Dismisses
with {field key: text}, or None when cancelled. A required field left empty, or a field its check
refuses (a time typed wrongly), keeps the form open with everything typed and says why beside it.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input
from textual.widgets.input import Selection

from tui.context import context_of
from tui.widgets.plain import Hint, Plain, SafeInput


@attrs.frozen
class Field:
    key: str
    label: str
    value: str = ""
    required: bool = True
    placeholder: str = ""
    # The value's problem in words, or None when it is fine: checked before the form closes.
    check: Callable[[str], str | None] | None = None


def when_filled(then: Callable[[dict[str, str]], object]) -> Callable[[dict[str, str] | None], None]:
    """A form's callback that acts only when the form was filled in, not when it was cancelled."""

    def done(got: dict[str, str] | None) -> None:
        if got is not None:
            then(got)

    return done


class FormScreen(ModalScreen[dict[str, str] | None]):
    BINDINGS = [
        Binding("enter", "next_field", "Next field, then save", id="form.next", priority=True, show=False),
        Binding("escape", "dismiss(None)", "Cancel", id="form.cancel"),
    ]

    def __init__(self, title: str, fields: list[Field], intro: str | Content = "") -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.intro = intro

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Plain(self.title_text, classes="title")
            if self.intro:
                yield Plain(self.intro, id="form-intro")
            for field in self.fields:
                yield Plain(field.label + ("" if field.required else " (optional)"), classes="form-label")
                yield SafeInput(field.value, placeholder=field.placeholder, id=f"field-{field.key}")
                yield Plain("", id=f"error-{field.key}", classes="form-error")
            yield Hint("Enter: next field, then save · Escape: cancel", id="form-hint")

    @property
    def half_typed(self) -> bool:
        """Something typed and not saved yet: leaving the app now would lose it."""
        boxes = list(self.query(Input))
        return any(box.value.strip() != field.value.strip() for field, box in zip(self.fields, boxes, strict=False))

    def on_mount(self) -> None:
        context_of(self).on_screen.forms.append(self)  # the quit guard asks what is half-typed
        for error in self.query(".form-error"):
            error.display = False
        self.enter_field(self.query(Input).first())

    def on_unmount(self) -> None:
        context_of(self).on_screen.forms.remove(self)

    def enter_field(self, box: Input) -> None:
        # Focus at once (focus() waits for the app's next turn) and select as select_on_focus
        # will: the next key typed, however fast, goes to this field and types over its value.
        self.set_focus(box)
        box.selection = Selection(0, len(box.value))

    def action_next_field(self) -> None:
        """Enter: the next field, then save. A priority binding, so it runs as the key arrives and
        the keys typed after it reach the next field (a field's Submitted message would come later)."""
        box = self.focused
        inputs = list(self.query(Input))
        if not inputs:  # not composed yet: an opener that does not wait for the form
            return
        if box in inputs and box is not inputs[-1]:
            self.enter_field(inputs[inputs.index(box) + 1])
        elif box in inputs:
            box.call_later(self.save)  # after the keys this field has yet to type in
        else:
            self.save()

    def save(self) -> None:
        if not self.is_active:  # a second Enter typed before the first one saved
            return
        inputs = list(self.query(Input))
        for field, each in zip(self.fields, inputs, strict=True):
            problem = (
                "please fill this in"
                if field.required and not each.value.strip()
                else (field.check(each.value) if field.check else None)
            )
            error = self.query_one(f"#error-{field.key}", Plain)
            error.show(f"⚠ {problem}" if problem else "")
            error.display = bool(problem)
            if problem:
                self.enter_field(each)
                self.query_one("#form-hint", Plain).show(f"{field.label}: {problem}")
                return
        self.dismiss({field.key: each.value for field, each in zip(self.fields, inputs, strict=True)})

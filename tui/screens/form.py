"""A small form over the current screen: a few labelled text fields, Enter to go on, Escape to cancel.

Used for the live incident's entries (declare, note, skip reason, hand-over, close). Dismisses
with {field key: text}, or None when cancelled. A required field left empty keeps the form open.
"""

from __future__ import annotations

import attrs
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input

from tui.widgets.plain import Plain


@attrs.frozen
class Field:
    key: str
    label: str
    value: str = ""
    required: bool = True
    placeholder: str = ""


class FormScreen(ModalScreen[dict[str, str] | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="form.cancel")]

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
                yield Input(field.value, placeholder=field.placeholder, id=f"field-{field.key}")
            yield Plain("Enter: next field, then save · Escape: cancel", id="form-hint")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        if event.input is not inputs[-1]:
            inputs[inputs.index(event.input) + 1].focus()
            return
        for field, box in zip(self.fields, inputs):
            if field.required and not box.value.strip():
                box.focus()
                self.query_one("#form-hint", Plain).show(f"{field.label}: please fill this in")
                return
        self.dismiss({field.key: box.value for field, box in zip(self.fields, inputs)})

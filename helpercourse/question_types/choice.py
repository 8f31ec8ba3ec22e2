"""Single and multiple choice: options, some marked correct; radio buttons or checkboxes."""

# No `from __future__ import annotations`: pydantic must see the local classes below as types.
from functools import lru_cache
from html import escape
from typing import Annotated, Literal

from pydantic import Field, StrictBool
from typing_extensions import TypedDict

from .common import (STRICT, CompiledScored, Id, QuestionType, Rendered, SourceParts, _Out, dicts,
                     duplicate_ids, labelled, shown_order)


@lru_cache(maxsize=None)
def _option(parts: SourceParts) -> type:
    class Option(TypedDict):
        __pydantic_config__ = STRICT
        id: Id
        correct: StrictBool
        text: parts.Text
        feedback: parts.Text

    return Option


def _single_schema(parts: SourceParts) -> type:
    class SingleChoice(parts.Scored):
        """Exactly one option is right; shown as radio buttons."""

        __pydantic_config__ = STRICT
        type: Literal["single"]
        options: Annotated[list[_option(parts)], Field(min_length=2)]

    return SingleChoice


def _multiple_schema(parts: SourceParts) -> type:
    class MultipleChoice(parts.Scored):
        """One or more options are right; shown as checkboxes."""

        __pydantic_config__ = STRICT
        type: Literal["multiple"]
        options: Annotated[list[_option(parts)], Field(min_length=2)]

    return MultipleChoice


class CompiledOption(_Out):
    id: str
    text: str
    correct: bool
    feedback: str


class CompiledChoice(CompiledScored):
    type: Literal["single", "multiple"]
    options: list[CompiledOption]


def _rules(question: dict, loc: tuple, label: str):
    options = question.get("options")
    yield from duplicate_ids(options, loc + ("options",), "option", label)
    correct = sum(option.get("correct") is True for _, option in dicts(options))
    if question["type"] == "single" and correct != 1:
        yield (loc + ("options",),
               f"{label} is single choice and needs exactly one option with 'correct: true', "
               f"but has {correct}; mark one right answer, or use 'type: multiple' if several are right")
    if question["type"] == "multiple" and correct == 0:
        yield (loc + ("options",),
               f"{label} is multiple choice but no option has 'correct: true'; "
               "mark at least one right answer")


def _document(q: dict, lang: str) -> dict:
    return {"options": [{"id": o["id"], "text": o["text"][lang], "correct": o["correct"],
                         "feedback": o["feedback"][lang]} for o in shown_order(q["id"], q["options"])]}


def _answer_shape(q: dict) -> object:
    return [[o["id"], o["correct"]] for o in q["options"]]


def option_list(base: str, options: list[dict], input_type: str, ui: dict) -> tuple[str, str]:
    """(the options as inputs with labels, the answer key); true/false uses it too."""
    rows = []
    for option in options:
        input_id = f"{base}-{option['id']}"
        rows.append(
            f'<div class="hc-option" data-option-id="{escape(option["id"])}">'
            f'<input type="{input_type}" id="{input_id}" name="{base}" value="{escape(option["id"])}">'
            f'<label for="{input_id}">{escape(option["text"])}</label>'
            f'<p class="hc-option__feedback" id="{input_id}-feedback" hidden></p></div>')
    right = [o["text"] for o in options if o["correct"]]
    # Several right answers as a list: joined with "; " they read "... stop.; Then ...".
    key = (labelled(ui["right_answer"], right[0]) if len(right) == 1 else
           f'<p><strong>{escape(ui["right_answer"])}</strong></p>'
           f'<ul>{"".join(f"<li>{escape(text)}</li>" for text in right)}</ul>')
    return f'<div class="hc-options">{"".join(rows)}</div>', key


def _render_single(base: str, q: dict, ui: dict) -> Rendered:
    return Rendered(ui["choose_one"], *option_list(base, q["options"], "radio", ui))


def _render_multiple(base: str, q: dict, ui: dict) -> Rendered:
    return Rendered(ui["choose_all"], *option_list(base, q["options"], "checkbox", ui))


def chose_right(options: list[dict], answer) -> bool:
    """As quiz-types/choice.js: the ids picked are exactly the right options' ids."""
    if not isinstance(answer, list) or not answer:
        return False
    right = [o["id"] for o in options if o["correct"]]
    return len(answer) == len(right) and all(option_id in answer for option_id in right)


def _score(q: dict, answer) -> bool:
    return chose_right(q["options"], answer)


SINGLE = QuestionType(
    name="single", source_schema=_single_schema, compiled_model=CompiledChoice, document=_document,
    answer_shape=_answer_shape, render=_render_single, score=_score, rules=_rules)
MULTIPLE = QuestionType(
    name="multiple", source_schema=_multiple_schema, compiled_model=CompiledChoice, document=_document,
    answer_shape=_answer_shape, render=_render_multiple, score=_score, rules=_rules)
TYPES = (SINGLE, MULTIPLE)

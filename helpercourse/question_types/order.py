"""Order: put steps in sequence with move-up / move-down buttons; the source lists them in order."""

# No `from __future__ import annotations`: pydantic must see the local classes below as types.
import random
from html import escape
from typing import Annotated, Literal

from pydantic import Field
from typing_extensions import TypedDict

from .common import (STRICT, CompiledScored, Id, QuestionType, Rendered, SourceParts, _Out,
                     duplicate_ids, fill)


def _schema(parts: SourceParts) -> type:
    class Labelled(TypedDict):
        """A step of an order question."""

        __pydantic_config__ = STRICT
        id: Id
        text: parts.Text

    class Order(parts.Scored):
        """Put steps in sequence; the source lists them in the right order."""

        __pydantic_config__ = STRICT
        type: Literal["order"]
        steps: Annotated[list[Labelled], Field(min_length=3, max_length=8)]

    return Order


class CompiledStep(_Out):
    id: str
    text: str


class CompiledOrder(CompiledScored):
    type: Literal["order"]
    steps: list[CompiledStep] = Field(description="the right order")
    shuffled: list[str] = Field(description="step ids in the order the page shows them")


def _rules(question: dict, loc: tuple, label: str):
    yield from duplicate_ids(question.get("steps"), loc + ("steps",), "step", label)


def shuffled_ids(question_id: str, ids: list[str]) -> list[str]:
    """A fixed shuffle (the same on every build) that never shows the right order."""
    order = list(ids)
    random.Random(question_id).shuffle(order)
    if order == ids:
        order = order[1:] + order[:1]
    return order


def _document(q: dict, lang: str) -> dict:
    return {"steps": [{"id": s["id"], "text": s["text"][lang]} for s in q["steps"]],
            "shuffled": shuffled_ids(q["id"], [s["id"] for s in q["steps"]])}


def _answer_shape(q: dict) -> object:
    return [s["id"] for s in q["steps"]]


def _render(base: str, q: dict, ui: dict) -> Rendered:
    text = {s["id"]: s["text"] for s in q["steps"]}
    rows = []
    for step_id in q["shuffled"]:
        label = escape(text[step_id])
        rows.append(
            f'<li class="hc-step" data-step-id="{escape(step_id)}">'
            f'<span class="hc-step__text">{label}</span>'
            f'<span class="hc-step__mark" hidden></span>'
            f'<span class="hc-step__moves">'
            f'<button type="button" class="hc-order__up" aria-label="{escape(fill(ui["move_up"], text=text[step_id]))}">↑</button>'
            f'<button type="button" class="hc-order__down" aria-label="{escape(fill(ui["move_down"], text=text[step_id]))}">↓</button>'
            f'</span></li>')
    live = f'<p class="hc-order__status hc-visually-hidden" id="{base}-moved" aria-live="polite"></p>'
    key = "".join(f"<li>{escape(s['text'])}</li>" for s in q["steps"])
    return Rendered(ui["order_instruction"],
                    f'<ol class="hc-order" id="{base}-list">{"".join(rows)}</ol>{live}',
                    f"<p><strong>{escape(ui['right_order'])}</strong></p><ol>{key}</ol>")


def _score(q: dict, answer) -> bool:
    """As quiz-types/order.js: the step ids as the trainee left them, in the source's order."""
    return isinstance(answer, list) and answer == [s["id"] for s in q["steps"]]


TYPE = QuestionType(name="order", source_schema=_schema, compiled_model=CompiledOrder,
                    document=_document, answer_shape=_answer_shape, render=_render, score=_score,
                    rules=_rules, print_instruction="order_instruction_print")
TYPES = (TYPE,)

"""True or false: a statement to judge; two radio buttons, shown with the choice styles."""

# No `from __future__ import annotations`: pydantic must see the local classes below as types.
from typing import Literal

from pydantic import StrictBool

from .choice import chose_right, option_list
from .common import STRICT, CompiledScored, QuestionType, Rendered, SourceParts


def _schema(parts: SourceParts) -> type:
    class TrueFalse(parts.Scored):
        """A statement to judge as true or false."""

        __pydantic_config__ = STRICT
        type: Literal["truefalse"]
        answer: StrictBool

    return TrueFalse


class CompiledTrueFalse(CompiledScored):
    type: Literal["truefalse"]
    answer: bool


def _document(q: dict, lang: str) -> dict:
    return {"answer": q["answer"]}


def _answer_shape(q: dict) -> object:
    return q["answer"]


def _options(q: dict, ui: dict) -> list[dict]:
    """The two options the page shows; the front end saves the id ("true" or "false") picked."""
    return [{"id": "true", "text": ui.get("true", "true"), "correct": q["answer"]},
            {"id": "false", "text": ui.get("false", "false"), "correct": not q["answer"]}]


def _render(base: str, q: dict, ui: dict) -> Rendered:
    return Rendered(ui["judge_statement"], *option_list(base, _options(q, ui), "radio", ui))


def _score(q: dict, answer) -> bool:
    return chose_right(_options(q, {}), answer)


TYPE = QuestionType(name="truefalse", source_schema=_schema, compiled_model=CompiledTrueFalse,
                    document=_document, answer_shape=_answer_shape, render=_render, score=_score)
TYPES = (TYPE,)

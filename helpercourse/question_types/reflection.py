"""Reflection: free text the trainee writes for themselves; kept in their browser, never marked."""

# No `from __future__ import annotations`: pydantic must see the local classes below as types.
from html import escape
from typing import Literal, Optional

from typing_extensions import NotRequired, TypedDict

from .common import STRICT, Id, QuestionType, Rendered, SourceParts, _Out


def _schema(parts: SourceParts) -> type:
    class Reflection(TypedDict):
        """Free text the trainee writes for themselves; kept in their browser, never marked."""

        __pydantic_config__ = STRICT
        id: Id
        type: Literal["reflection"]
        prompt: parts.Text
        guidance: NotRequired[parts.Text]

    return Reflection


class CompiledReflection(_Out):
    id: str
    type: Literal["reflection"]
    prompt: str
    fingerprint: str
    guidance: Optional[str]


def _document(q: dict, lang: str) -> dict:
    return {"guidance": q["guidance"][lang] if "guidance" in q else None}


def _answer_shape(q: dict) -> object:
    return None  # any edit of the prompt is enough to start afresh (the prompt is fingerprinted)


def _render(base: str, q: dict, ui: dict) -> Rendered:
    guidance = f'<p class="hc-reflection__guidance">{escape(q["guidance"])}</p>' if q["guidance"] else ""
    return Rendered(ui["reflection_instruction"],
                    f'{guidance}<div class="hc-reflection"><textarea class="hc-reflection__text" '
                    f'id="{base}-text" name="{base}" rows="6" aria-labelledby="{base}-legend"></textarea>'
                    f'<p class="hc-reflection__status" role="status"></p></div>')


def _score(q: dict, answer) -> bool:
    return False  # never marked: the text is the trainee's own


TYPE = QuestionType(name="reflection", source_schema=_schema, compiled_model=CompiledReflection,
                    document=_document, answer_shape=_answer_shape, render=_render, score=_score,
                    scored=False)
TYPES = (TYPE,)

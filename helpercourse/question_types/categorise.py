"""Categorise: put each statement in the right group, with one <select> of groups per statement."""

# No `from __future__ import annotations`: pydantic must see the local classes below as types.
import re
from html import escape
from typing import Annotated, Literal

from pydantic import Field
from typing_extensions import TypedDict

from .common import (STRICT, CompiledScored, Id, QuestionType, Rendered, SourceParts, _Out, dicts,
                     duplicate_ids, shown_order)


def _schema(parts: SourceParts) -> type:
    class Labelled(TypedDict):
        """A group of a categorise question."""

        __pydantic_config__ = STRICT
        id: Id
        text: parts.Text

    class Item(TypedDict):
        __pydantic_config__ = STRICT
        id: Id
        text: parts.Text
        category: Id
        feedback: parts.Text

    class Categorise(parts.Scored):
        """Put each statement in the right group (a list of groups per statement)."""

        __pydantic_config__ = STRICT
        type: Literal["categorise"]
        categories: Annotated[list[Labelled], Field(min_length=2, max_length=6)]
        items: Annotated[list[Item], Field(min_length=2, max_length=10)]

    return Categorise


class CompiledCategory(_Out):
    id: str
    text: str


class CompiledItem(_Out):
    id: str
    text: str
    category: str
    feedback: str


class CompiledCategorise(CompiledScored):
    type: Literal["categorise"]
    categories: list[CompiledCategory]
    items: list[CompiledItem]


def _rules(question: dict, loc: tuple, label: str):
    categories = question.get("categories")
    yield from duplicate_ids(categories, loc + ("categories",), "group", label)
    yield from duplicate_ids(question.get("items"), loc + ("items",), "statement", label)
    known = [c["id"] for _, c in dicts(categories) if isinstance(c.get("id"), str)]
    for index, item in dicts(question.get("items")):
        category = item.get("category")
        if isinstance(category, str) and known and category not in known:
            yield (loc + ("items", index, "category"),
                   f"{label}, statement {index + 1}: 'category: {category}' is not one of the "
                   f"groups ({', '.join(known)}); use one of those ids")


_LEAD = re.compile(r"\s*([^.:!?]{1,60}?)[.:]\s+(?=\S)")
_WORD = re.compile(r"[\w-]{4,}")  # "oma-apu" is one word


def without_group_echo(feedback: str, group: str) -> str:
    """The feedback without a first short sentence that only names the group ("Rescuer. The
    sympathy is real ..." -> "The sympathy is real ..."): the page says the verdict and, when
    wrong, the right group itself, so the echo read "Correct. Rescuer." A lead counts as an echo
    when it has at most six words and each of its longer words shares its stem (first four
    letters) with a word of the group, so a short reason ("She takes the first step.") stays."""
    match = _LEAD.match(feedback)
    if not match or len(match.group(1).split()) > 6:
        return feedback
    stems = {word[:4].casefold() for word in _WORD.findall(group)}
    words = _WORD.findall(match.group(1))
    if not words or any(word[:4].casefold() not in stems for word in words):
        return feedback
    rest = feedback[match.end():]
    return rest[:1].upper() + rest[1:]


def _document(q: dict, lang: str) -> dict:
    names = {c["id"]: c["text"][lang] for c in q["categories"]}
    return {
        "categories": [{"id": c["id"], "text": c["text"][lang]} for c in q["categories"]],
        "items": [{"id": i["id"], "text": i["text"][lang], "category": i["category"],
                   "feedback": without_group_echo(i["feedback"][lang], names[i["category"]])}
                  for i in shown_order(q["id"], q["items"])],
    }


def _answer_shape(q: dict) -> object:
    return [[c["id"] for c in q["categories"]], [[i["id"], i["category"]] for i in q["items"]]]


def _render(base: str, q: dict, ui: dict) -> Rendered:
    names = {c["id"]: c["text"] for c in q["categories"]}
    choices = f'<option value="">{escape(ui["category_placeholder"])}</option>' + "".join(
        f'<option value="{escape(c["id"])}">{escape(c["text"])}</option>' for c in q["categories"])
    groups = "".join(f"<li>{escape(c['text'])}</li>" for c in q["categories"])
    rows = []
    for item in q["items"]:
        select_id = f"{base}-{item['id']}"
        rows.append(
            f'<div class="hc-item" data-item-id="{escape(item["id"])}">'
            f'<label for="{select_id}">{escape(item["text"])}</label>'
            f'<select id="{select_id}" name="{select_id}">{choices}</select>'
            f'<p class="hc-option__feedback" id="{select_id}-feedback" hidden></p></div>')
    key = "".join(f"<li>{escape(i['text'])} → <strong>{escape(names[i['category']])}</strong>. "
                  f"{escape(i['feedback'])}</li>" for i in q["items"])
    # The groups stay listed (a printed worksheet has no list to open), under a label of their own.
    controls = (f'<p class="hc-categories__label" id="{base}-groups">{escape(ui["category_groups"])}</p>'
                f'<ul class="hc-categories" aria-labelledby="{base}-groups">{groups}</ul>'
                f'<div class="hc-categorise">{"".join(rows)}</div>')
    return Rendered(ui["choose_category"], controls, f"<ul>{key}</ul>")


def _score(q: dict, answer) -> bool:
    """As quiz-types/categorise.js: {item id: group id}, every statement in its own group."""
    if not isinstance(answer, dict):
        return False
    return all(answer.get(item["id"]) == item["category"] for item in q["items"])


TYPE = QuestionType(name="categorise", source_schema=_schema, compiled_model=CompiledCategorise,
                    document=_document, answer_shape=_answer_shape, render=_render, score=_score,
                    rules=_rules)
TYPES = (TYPE,)

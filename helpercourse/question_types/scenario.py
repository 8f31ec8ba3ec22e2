"""Scenario: a situation with branches; each choice has a consequence and may lead further on."""

# No `from __future__ import annotations`: pydantic must see the local classes below as types.
from html import escape
from typing import Annotated, Literal, Optional

from pydantic import Field, StrictBool
from typing_extensions import NotRequired, TypedDict

from .common import (STRICT, CompiledScored, Id, QuestionType, Rendered, SourceParts, _Out, dicts,
                     duplicate_ids, fill, shown_order)


def _schema(parts: SourceParts) -> type:
    class Choice(TypedDict):
        __pydantic_config__ = STRICT
        id: Id
        text: parts.Text
        good: StrictBool
        feedback: parts.Text
        next: NotRequired[Id]

    class Scene(TypedDict):
        __pydantic_config__ = STRICT
        id: Id
        text: parts.Text
        choices: Annotated[list[Choice], Field(min_length=2, max_length=4)]

    class Scenario(parts.Scored):
        """A situation with branches: each choice has a consequence and may lead on."""

        __pydantic_config__ = STRICT
        type: Literal["scenario"]
        steps: Annotated[list[Scene], Field(min_length=1, max_length=6)]

    return Scenario


class CompiledChoicePoint(_Out):
    id: str
    text: str
    good: bool
    feedback: str
    next: Optional[str]


class CompiledScene(_Out):
    id: str
    text: str
    choices: list[CompiledChoicePoint]


class CompiledScenario(CompiledScored):
    type: Literal["scenario"]
    steps: list[CompiledScene]


def _rules(question: dict, loc: tuple, label: str):
    steps = question.get("steps")
    yield from duplicate_ids(steps, loc + ("steps",), "step", label)
    position = {}
    for index, step in dicts(steps):
        if isinstance(step.get("id"), str):
            position.setdefault(step["id"], index)
    reached = {0}
    for index, step in dicts(steps):
        here = loc + ("steps", index)
        choices = step.get("choices")
        yield from duplicate_ids(choices, here + ("choices",), "choice", f"{label}, step {index + 1}")
        if isinstance(choices, list) and not any(c.get("good") is True for _, c in dicts(choices)):
            yield (here + ("choices",),
                   f"{label}, step {index + 1} has no choice with 'good: true'; mark at least one "
                   "helpful choice so the scenario can be done well")
        for c_index, choice in dicts(choices):
            target = choice.get("next")
            if not isinstance(target, str):
                continue
            if target not in position:
                yield (here + ("choices", c_index, "next"),
                       f"{label}: 'next: {target}' is not the id of a step in this scenario; "
                       f"the steps are {', '.join(position) or 'none'}")
            elif position[target] <= index:
                yield (here + ("choices", c_index, "next"),
                       f"{label}: 'next: {target}' points back to step {position[target] + 1}; "
                       "a choice can only lead to a step further down, so every scenario ends")
            else:
                reached.add(position[target])
    for index, step in dicts(steps):
        if index not in reached and index in position.values():
            yield (loc + ("steps", index, "id"),
                   f"{label}: no choice leads to step {index + 1} ('{step.get('id')}'); add "
                   f"'next: {step.get('id')}' to a choice above it, or remove the step")


def _document(q: dict, lang: str) -> dict:
    return {"steps": [
        {"id": s["id"], "text": s["text"][lang],
         "choices": [{"id": c["id"], "text": c["text"][lang], "good": c["good"],
                      "feedback": c["feedback"][lang], "next": c.get("next")}
                     for c in shown_order(f"{q['id']}/{s['id']}", s["choices"])]}
        for s in q["steps"]]}


def _answer_shape(q: dict) -> object:
    return [[s["id"], [[c["id"], c["good"], c.get("next")] for c in s["choices"]]] for s in q["steps"]]


def _render(base: str, q: dict, ui: dict) -> Rendered:
    number = {s["id"]: n for n, s in enumerate(q["steps"], 1)}
    scenes, key = [], []
    for n, step in enumerate(q["steps"], 1):
        heading = escape(fill(ui["situation"], step=n))
        buttons = "".join(
            f'<li><button type="button" class="hc-choice" data-choice-id="{escape(c["id"])}" '
            f'aria-pressed="false">{escape(c["text"])}</button></li>' for c in step["choices"])
        scenes.append(
            f'<div class="hc-scene" data-step-id="{escape(step["id"])}" id="{base}-{step["id"]}">'
            f'<p class="hc-scene__title"><strong>{heading}</strong></p>'
            f'<p class="hc-scene__text">{escape(step["text"])}</p><ul class="hc-scene__choices">{buttons}</ul>'
            f'<div class="hc-scene__outcome" tabindex="-1" hidden></div></div>')
        outcomes = "".join(
            f"<li>{escape(c['text'])}: <strong>{escape(ui['good_choice'] if c['good'] else ui['poor_choice'])}"
            f"</strong>. {escape(c['feedback'])} "
            f"{escape(fill(ui['leads_to'], step=number[c['next']]) if c['next'] else ui['scenario_end'])}</li>"
            for c in step["choices"])
        key.append(f"<p><strong>{heading}</strong></p><ul>{outcomes}</ul>")
    return Rendered(ui["scenario_instruction"], f'<div class="hc-scenario">{"".join(scenes)}</div>',
                    "".join(key))


def _score(q: dict, answer) -> bool:
    """As quiz-types/scenario.js: the path of choice ids reached an end, and every choice was good."""
    if not isinstance(answer, list):
        return False
    choices = {c["id"]: c for s in q["steps"] for c in s["choices"]}
    good, ended = True, False
    for choice_id in answer:
        choice = choices.get(choice_id) if isinstance(choice_id, str) else None
        if choice is None:
            continue
        good = good and choice["good"]
        ended = not choice["next"]
    return ended and good


TYPE = QuestionType(name="scenario", source_schema=_schema, compiled_model=CompiledScenario,
                    document=_document, answer_shape=_answer_shape, render=_render, score=_score,
                    rules=_rules, print_instruction="scenario_instruction_print")
TYPES = (TYPE,)

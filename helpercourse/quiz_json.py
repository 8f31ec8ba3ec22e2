"""The compiled quiz format: one JSON document per quiz per language.

This is what the page embeds and the front end reads; its JSON Schema is written beside the
compiled files (quiz.schema.json) so other tools (an LMS export, a test) can rely on it.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 2
DEFAULT_PASS_MARK = 80


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CompiledOption(_Out):
    id: str
    text: str
    correct: bool
    feedback: str


class _Scored(_Out):
    id: str
    prompt: str
    fingerprint: str
    hints: list[str]
    explanation: str


class CompiledChoice(_Scored):
    type: Literal["single", "multiple"]
    options: list[CompiledOption]


class CompiledTrueFalse(_Scored):
    type: Literal["truefalse"]
    answer: bool


class CompiledCategory(_Out):
    id: str
    text: str


class CompiledItem(_Out):
    id: str
    text: str
    category: str
    feedback: str


class CompiledCategorise(_Scored):
    type: Literal["categorise"]
    categories: list[CompiledCategory]
    items: list[CompiledItem]


class CompiledStep(_Out):
    id: str
    text: str


class CompiledOrder(_Scored):
    type: Literal["order"]
    steps: list[CompiledStep] = Field(description="the right order")
    shuffled: list[str] = Field(description="step ids in the order the page shows them")


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


class CompiledScenario(_Scored):
    type: Literal["scenario"]
    steps: list[CompiledScene]


class CompiledReflection(_Out):
    id: str
    type: Literal["reflection"]
    prompt: str
    fingerprint: str
    guidance: Optional[str]


class CompiledOutcome(_Out):
    from_: int = Field(alias="from", ge=0, le=100)
    message: str


CompiledQuestion = Annotated[
    Union[CompiledChoice, CompiledTrueFalse, CompiledCategorise, CompiledOrder, CompiledScenario,
          CompiledReflection],
    Field(discriminator="type"),
]


class CompiledQuiz(_Out):
    schema_version: Literal[2]
    id: str
    lang: str
    title: str
    pass_mark: int = Field(ge=1, le=100)
    outcomes: list[CompiledOutcome]
    questions: list[CompiledQuestion]


# What an answer means, per type: the parts of a question that, when edited, make a saved answer
# stale. Wording of options, feedback, hints and explanations can change without losing answers.
def _answer_shape(q: dict) -> object:
    kind = q["type"]
    if kind in ("single", "multiple"):
        return [[o["id"], o["correct"]] for o in q["options"]]
    if kind == "truefalse":
        return q["answer"]
    if kind == "categorise":
        return [[c["id"] for c in q["categories"]], [[i["id"], i["category"]] for i in q["items"]]]
    if kind == "order":
        return [s["id"] for s in q["steps"]]
    if kind == "scenario":
        return [[s["id"], [[c["id"], c["good"], c.get("next")] for c in s["choices"]]] for s in q["steps"]]
    return None


def fingerprint(question: dict) -> str:
    """12 hex digits that change when what the question asks or accepts changes."""
    # repr of plain strings, booleans and lists is stable across runs and faster than json.dumps
    shape = (question["type"], question["id"], sorted(question["prompt"].items()), _answer_shape(question))
    return hashlib.sha256(repr(shape).encode("utf-8")).hexdigest()[:12]


def shuffled_ids(question_id: str, ids: list[str]) -> list[str]:
    """A fixed shuffle (the same on every build) that never shows the right order."""
    order = list(ids)
    random.Random(question_id).shuffle(order)
    if order == ids:
        order = order[1:] + order[:1]
    return order


def _question_document(q: dict, lang: str, print_: str) -> dict:
    item = {"id": q["id"], "type": q["type"], "prompt": q["prompt"][lang], "fingerprint": print_}
    kind = q["type"]
    if kind == "reflection":
        item["guidance"] = q["guidance"][lang] if "guidance" in q else None
        return item
    item["hints"] = [hint[lang] for hint in q.get("hints", [])]
    if kind == "truefalse":
        item["answer"] = q["answer"]
    elif kind in ("single", "multiple"):
        item["options"] = [{"id": o["id"], "text": o["text"][lang], "correct": o["correct"],
                            "feedback": o["feedback"][lang]} for o in q["options"]]
    elif kind == "categorise":
        item["categories"] = [{"id": c["id"], "text": c["text"][lang]} for c in q["categories"]]
        item["items"] = [{"id": i["id"], "text": i["text"][lang], "category": i["category"],
                          "feedback": i["feedback"][lang]} for i in q["items"]]
    elif kind == "order":
        item["steps"] = [{"id": s["id"], "text": s["text"][lang]} for s in q["steps"]]
        item["shuffled"] = shuffled_ids(q["id"], [s["id"] for s in q["steps"]])
    elif kind == "scenario":
        item["steps"] = [
            {"id": s["id"], "text": s["text"][lang],
             "choices": [{"id": c["id"], "text": c["text"][lang], "good": c["good"],
                          "feedback": c["feedback"][lang], "next": c.get("next")}
                         for c in s["choices"]]}
            for s in q["steps"]]
    item["explanation"] = q["explanation"][lang]
    return item


def quiz_documents(quiz: dict, languages: tuple[str, ...]) -> dict[str, dict]:
    """Every language's view of a validated source quiz, as plain JSON-ready data."""
    prints = [fingerprint(q) for q in quiz["questions"]]
    return {lang: _quiz_document(quiz, lang, prints) for lang in languages}


def _quiz_document(quiz: dict, lang: str, prints: list[str]) -> dict:
    """One language's view of a validated source quiz (fingerprints computed once, by the caller)."""
    return {
        "schema_version": SCHEMA_VERSION, "id": quiz["id"], "lang": lang,
        "title": quiz["title"][lang],
        "pass_mark": quiz.get("pass_mark", DEFAULT_PASS_MARK),
        "outcomes": [{"from": o["from"], "message": o["message"][lang]} for o in quiz.get("outcomes", [])],
        "questions": [_question_document(q, lang, fp) for q, fp in zip(quiz["questions"], prints)],
    }


def json_schema() -> dict:
    return CompiledQuiz.model_json_schema(by_alias=True)

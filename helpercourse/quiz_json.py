"""The compiled quiz format: one JSON document per quiz per language.

This is what the page embeds and the front end reads; its JSON Schema is written beside the
compiled files (quiz.schema.json) so other tools (an LMS export, a test) can rely on it.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CompiledOption(_Out):
    id: str
    text: str
    correct: bool
    feedback: str


class CompiledChoice(_Out):
    id: str
    type: Literal["single", "multiple"]
    prompt: str
    options: list[CompiledOption]
    explanation: str


class CompiledTrueFalse(_Out):
    id: str
    type: Literal["truefalse"]
    prompt: str
    answer: bool
    explanation: str


class CompiledQuiz(_Out):
    schema_version: Literal[1]
    id: str
    lang: str
    title: str
    questions: list[Annotated[Union[CompiledChoice, CompiledTrueFalse], Field(discriminator="type")]]


def quiz_document(quiz: dict, lang: str) -> dict:
    """One language's view of a validated source quiz, as plain JSON-ready data."""
    questions = []
    for q in quiz["questions"]:
        item = {"id": q["id"], "type": q["type"], "prompt": q["prompt"][lang]}
        if q["type"] == "truefalse":
            item["answer"] = q["answer"]
        else:
            item["options"] = [
                {"id": o["id"], "text": o["text"][lang], "correct": o["correct"],
                 "feedback": o["feedback"][lang]}
                for o in q["options"]
            ]
        item["explanation"] = q["explanation"][lang]
        questions.append(item)
    return {"schema_version": SCHEMA_VERSION, "id": quiz["id"], "lang": lang,
            "title": quiz["title"][lang], "questions": questions}


def json_schema() -> dict:
    return CompiledQuiz.model_json_schema()

"""The compiled quiz format: one JSON document per quiz per language.

This is what the page embeds and the front end reads; its JSON Schema is written beside the
compiled files (quiz.schema.json) so other tools (an LMS export, a test) can rely on it. Each
question type's part of a document comes from its module (helpercourse/question_types/).
"""

# No `from __future__ import annotations`: pydantic must see the union below as a type.
import hashlib
from typing import Annotated, Any, Literal, Union

from pydantic import Field

from .question_types import QUESTION_TYPES, compiled_models
from .question_types.common import _Out
from .question_types.order import shuffled_ids

__all__ = ["SCHEMA_VERSION", "DEFAULT_PASS_MARK", "CompiledQuiz", "fingerprint", "json_schema",
           "quiz_documents", "score", "shuffled_ids"]

SCHEMA_VERSION = 2
DEFAULT_PASS_MARK = 80


class CompiledOutcome(_Out):
    from_: int = Field(alias="from", ge=0, le=100)
    message: str


CompiledQuestion = Annotated[Union[tuple(compiled_models())], Field(discriminator="type")]


class CompiledQuiz(_Out):
    schema_version: Literal[2]
    id: str
    lang: str
    title: str
    pass_mark: int = Field(ge=1, le=100)
    outcomes: list[CompiledOutcome]
    questions: list[CompiledQuestion]


def fingerprint(question: dict) -> str:
    """12 hex digits that change when what the question asks or accepts changes.

    What an answer means is each type's `answer_shape`: wording of options, feedback, hints and
    explanations can change without losing answers.
    """
    shape = (question["type"], question["id"], sorted(question["prompt"].items()),
             QUESTION_TYPES[question["type"]].answer_shape(question))
    # repr of plain strings, booleans and lists is stable across runs and faster than json.dumps
    return hashlib.sha256(repr(shape).encode("utf-8")).hexdigest()[:12]


def _question_document(q: dict, lang: str, print_: str) -> dict:
    kind = QUESTION_TYPES[q["type"]]
    item = {"id": q["id"], "type": q["type"], "prompt": q["prompt"][lang], "fingerprint": print_}
    if not kind.scored:
        item.update(kind.document(q, lang))
        return item
    item["hints"] = [hint[lang] for hint in q.get("hints", [])]
    item.update(kind.document(q, lang))
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


def score(question: dict, answer: Any) -> bool:
    """Whether a saved answer (as the front end keeps it) to a compiled question is right."""
    return QUESTION_TYPES[question["type"]].score(question, answer)


def json_schema() -> dict:
    return CompiledQuiz.model_json_schema(by_alias=True)

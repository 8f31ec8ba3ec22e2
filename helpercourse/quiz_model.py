"""The quiz source format, defined once as a pydantic schema.

A quiz file holds one quiz; every text carries all course languages side by side, so a missing
translation is a schema error. The schema is built per language list (see `quiz_models`); each
question type contributes its own part (helpercourse/question_types/).
"""

# No `from __future__ import annotations`: pydantic must see the local classes below as types.
from functools import lru_cache
from typing import Annotated, Union

from pydantic import Field, StrictInt, StrictStr, TypeAdapter
from typing_extensions import NotRequired, TypedDict

from .question_types import QUESTION_TYPES
from .question_types.common import ID_PATTERN, STRICT, Id, NonEmptyText, SourceParts

__all__ = ["ID_PATTERN", "Id", "NonEmptyText", "STRICT", "QuizModels", "quiz_models"]


class QuizModels:
    """The schema for one list of languages: `Text`, the question types and `Quiz`."""

    def __init__(self, languages: tuple[str, ...]):
        self.languages = languages
        Text = TypedDict("Text", {lang: NonEmptyText for lang in languages})  # noqa: N806
        Text.__pydantic_config__ = STRICT
        Hints = Annotated[list[Text], Field(min_length=1, max_length=3)]  # noqa: N806

        # What every scored question has; each type adds its own keys. (A TypedDict's config is
        # not inherited, so each type sets __pydantic_config__ itself.)
        class Scored(TypedDict):
            id: Id
            prompt: Text
            hints: NotRequired[Hints]
            explanation: Text

        parts = SourceParts(languages, Text, Hints, Scored)
        self.question_schemas = {name: kind.source_schema(parts) for name, kind in QUESTION_TYPES.items()}
        Question = Annotated[  # noqa: N806
            Union[tuple(self.question_schemas.values())],
            Field(discriminator="type"),
        ]

        # "from" is a Python keyword, hence the functional form
        Outcome = TypedDict("Outcome", {  # noqa: N806
            "from": Annotated[StrictInt, Field(ge=0, le=100)], "message": Text})
        Outcome.__pydantic_config__ = STRICT

        class Quiz(TypedDict):
            __pydantic_config__ = STRICT
            id: Id
            title: Text
            pass_mark: NotRequired[Annotated[StrictInt, Field(ge=1, le=100)]]
            outcomes: NotRequired[Annotated[list[Outcome], Field(min_length=1, max_length=6)]]
            questions: Annotated[list[Question], Field(min_length=1)]
            # per translation, the version of the Norwegian texts it was checked against (translation_status.py)
            source_versions: NotRequired[dict[StrictStr, StrictStr]]

        self.Text = Text
        self.Quiz = Quiz
        self.quiz_validator = TypeAdapter(Quiz)


@lru_cache(maxsize=None)
def quiz_models(languages: tuple[str, ...]) -> QuizModels:
    return QuizModels(languages)

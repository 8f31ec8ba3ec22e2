"""The quiz source format, defined once as a pydantic schema.

A quiz file holds one quiz; every text carries all course languages side by side, so a missing
translation is a schema error. The schema is built per language list (see `quiz_models`), the
languages coming from mkdocs.yml.
"""

# No `from __future__ import annotations`: pydantic must see the local classes below as types.
from functools import lru_cache
from typing import Annotated, Literal, Union

from pydantic import ConfigDict, Field, StrictBool, StringConstraints, TypeAdapter
from typing_extensions import TypedDict

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Unknown keys are errors (a misspelt 'explanatoin' must not pass silently). TypedDicts rather
# than model classes: validation returns plain dicts, about five times faster on big quiz sets.
STRICT = ConfigDict(extra="forbid")


class QuizModels:
    """The schema for one list of languages: `Text`, `Option`, the question types and `Quiz`."""

    def __init__(self, languages: tuple[str, ...]):
        self.languages = languages
        Text = TypedDict("Text", {lang: NonEmptyText for lang in languages})  # noqa: N806
        Text.__pydantic_config__ = STRICT

        class Option(TypedDict):
            __pydantic_config__ = STRICT
            id: Id
            correct: StrictBool
            text: Text
            feedback: Text

        class SingleChoice(TypedDict):
            """Exactly one option is right; shown as radio buttons."""

            __pydantic_config__ = STRICT
            id: Id
            type: Literal["single"]
            prompt: Text
            options: Annotated[list[Option], Field(min_length=2)]
            explanation: Text

        class MultipleChoice(TypedDict):
            """One or more options are right; shown as checkboxes."""

            __pydantic_config__ = STRICT
            id: Id
            type: Literal["multiple"]
            prompt: Text
            options: Annotated[list[Option], Field(min_length=2)]
            explanation: Text

        class TrueFalse(TypedDict):
            """A statement to judge as true or false."""

            __pydantic_config__ = STRICT
            id: Id
            type: Literal["truefalse"]
            prompt: Text
            answer: StrictBool
            explanation: Text

        Question = Annotated[  # noqa: N806
            Union[SingleChoice, MultipleChoice, TrueFalse], Field(discriminator="type")
        ]

        class Quiz(TypedDict):
            __pydantic_config__ = STRICT
            id: Id
            title: Text
            questions: Annotated[list[Question], Field(min_length=1)]

        self.Text = Text
        self.Quiz = Quiz
        self.quiz_validator = TypeAdapter(Quiz)

    @staticmethod
    def semantic_problems(data: dict) -> list[tuple[tuple, str]]:
        """Rules a schema cannot say: unique ids and the right number of correct options.

        Works on the raw data, tolerating anything malformed (the schema reports that), so a
        trainer sees these problems in the same run as the schema's.
        """
        problems: list[tuple[tuple, str]] = []
        first_use: dict[str, int] = {}
        questions = data.get("questions")
        for index, question in enumerate(questions if isinstance(questions, list) else []):
            if not isinstance(question, dict):
                continue
            qid = question.get("id")
            if isinstance(qid, str) and qid in first_use:
                problems.append((
                    ("questions", index, "id"),
                    f"question id '{qid}' is already used by question {first_use[qid] + 1}; "
                    "give each question its own id (ids keep trainees' saved answers, "
                    "so never reuse an old one)",
                ))
            if isinstance(qid, str):
                first_use.setdefault(qid, index)
            options = question.get("options")
            if question.get("type") not in ("single", "multiple") or not isinstance(options, list):
                continue
            seen: set = set()
            correct = 0
            for opt_index, option in enumerate(options):
                if not isinstance(option, dict):
                    continue
                correct += option.get("correct") is True
                if isinstance(option.get("id"), str) and option["id"] in seen:
                    problems.append((
                        ("questions", index, "options", opt_index, "id"),
                        f"option id '{option['id']}' appears twice in question {index + 1}; "
                        "give each option its own id",
                    ))
                seen.add(option.get("id"))
            if question["type"] == "single" and correct != 1:
                problems.append((
                    ("questions", index, "options"),
                    f"question {index + 1} is single choice and needs exactly one option with "
                    f"'correct: true', but has {correct}; mark one right answer, or use "
                    "'type: multiple' if several are right",
                ))
            if question["type"] == "multiple" and correct == 0:
                problems.append((
                    ("questions", index, "options"),
                    f"question {index + 1} is multiple choice but no option has "
                    "'correct: true'; mark at least one right answer",
                ))
        return problems


@lru_cache(maxsize=None)
def quiz_models(languages: tuple[str, ...]) -> QuizModels:
    return QuizModels(languages)

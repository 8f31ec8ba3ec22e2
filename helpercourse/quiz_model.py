"""The quiz source format, defined once as a pydantic schema.

A quiz file holds one quiz; every text carries all course languages side by side, so a missing
translation is a schema error. The schema is built per language list (see `quiz_models`), the
languages coming from mkdocs.yml.
"""

# No `from __future__ import annotations`: pydantic must see the local classes below as types.
from functools import lru_cache
from typing import Annotated, Literal, Union

from pydantic import ConfigDict, Field, StrictBool, StrictInt, StrictStr, StringConstraints, TypeAdapter
from typing_extensions import NotRequired, TypedDict

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[StrictStr, StringConstraints(pattern=ID_PATTERN, max_length=60)]
NonEmptyText = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]

# Unknown keys are errors (a misspelt 'explanatoin' must not pass silently). TypedDicts rather
# than model classes: validation returns plain dicts, about five times faster on big quiz sets.
STRICT = ConfigDict(extra="forbid")


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

        class Option(TypedDict):
            __pydantic_config__ = STRICT
            id: Id
            correct: StrictBool
            text: Text
            feedback: Text

        class SingleChoice(Scored):
            """Exactly one option is right; shown as radio buttons."""

            __pydantic_config__ = STRICT
            type: Literal["single"]
            options: Annotated[list[Option], Field(min_length=2)]

        class MultipleChoice(Scored):
            """One or more options are right; shown as checkboxes."""

            __pydantic_config__ = STRICT
            type: Literal["multiple"]
            options: Annotated[list[Option], Field(min_length=2)]

        class TrueFalse(Scored):
            """A statement to judge as true or false."""

            __pydantic_config__ = STRICT
            type: Literal["truefalse"]
            answer: StrictBool

        class Labelled(TypedDict):
            """A group of a categorise question, or a step of an order question."""

            __pydantic_config__ = STRICT
            id: Id
            text: Text

        class Item(TypedDict):
            __pydantic_config__ = STRICT
            id: Id
            text: Text
            category: Id
            feedback: Text

        class Categorise(Scored):
            """Put each statement in the right group (a list of groups per statement)."""

            __pydantic_config__ = STRICT
            type: Literal["categorise"]
            categories: Annotated[list[Labelled], Field(min_length=2, max_length=6)]
            items: Annotated[list[Item], Field(min_length=2, max_length=10)]

        class Order(Scored):
            """Put steps in sequence; the source lists them in the right order."""

            __pydantic_config__ = STRICT
            type: Literal["order"]
            steps: Annotated[list[Labelled], Field(min_length=3, max_length=8)]

        class Choice(TypedDict):
            __pydantic_config__ = STRICT
            id: Id
            text: Text
            good: StrictBool
            feedback: Text
            next: NotRequired[Id]

        class Scene(TypedDict):
            __pydantic_config__ = STRICT
            id: Id
            text: Text
            choices: Annotated[list[Choice], Field(min_length=2, max_length=4)]

        class Scenario(Scored):
            """A situation with branches: each choice has a consequence and may lead on."""

            __pydantic_config__ = STRICT
            type: Literal["scenario"]
            steps: Annotated[list[Scene], Field(min_length=1, max_length=6)]

        class Reflection(TypedDict):
            """Free text the trainee writes for themselves; kept in their browser, never marked."""

            __pydantic_config__ = STRICT
            id: Id
            type: Literal["reflection"]
            prompt: Text
            guidance: NotRequired[Text]

        Question = Annotated[  # noqa: N806
            Union[SingleChoice, MultipleChoice, TrueFalse, Categorise, Order, Scenario, Reflection],
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

"""What every question type shares: schema pieces, the QuestionType record, rule and HTML helpers.

A question type is one module in this package that builds a `QuestionType`; the registry
(`__init__.py`) lists them, and quiz_model / quiz_rules / quiz_json / quiz_render assemble the
whole quiz from it. Nothing here knows about MkDocs.
"""

# No `from __future__ import annotations`: pydantic must see the annotations below as real types.
from dataclasses import dataclass
from html import escape
from typing import Annotated, Any, Callable, Iterator, NamedTuple, Optional

from pydantic import BaseModel, ConfigDict, StrictStr, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[StrictStr, StringConstraints(pattern=ID_PATTERN, max_length=60)]
NonEmptyText = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]

# Unknown keys are errors (a misspelt 'explanatoin' must not pass silently). TypedDicts rather
# than model classes: validation returns plain dicts, about five times faster on big quiz sets.
STRICT = ConfigDict(extra="forbid")

# A problem a rule finds: (path into the source data, message); the loader turns the path into
# a line number.
Problem = tuple[tuple, str]


@dataclass(frozen=True, eq=False)  # hashed by identity: one per language list
class SourceParts:
    """Schema pieces built for one language list, for each type's source schema to use.

    `Scored` is the TypedDict base of every scored question (id, prompt, hints, explanation);
    a TypedDict's config is not inherited, so each type sets __pydantic_config__ itself.
    """

    languages: tuple[str, ...]
    Text: Any  # noqa: N815 - a type, named as the schema names it
    Hints: Any  # noqa: N815
    Scored: Any  # noqa: N815


class Rendered(NamedTuple):
    """A question's own HTML parts; quiz_render puts the legend, hints and result around them."""

    instruction: str  # plain text (escaped by the caller)
    controls: str  # HTML
    answer_key: str = ""  # HTML, for readers without JavaScript (scored types)


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CompiledScored(_Out):
    """What every scored question has in the compiled JSON."""

    id: str
    prompt: str
    fingerprint: str
    hints: list[str]
    explanation: str


def no_rules(question: dict, loc: tuple, label: str) -> Iterator[Problem]:
    return iter(())


@dataclass(frozen=True)
class QuestionType:
    """Everything the course knows about one question type."""

    name: str  # the `type:` value in a quiz source
    source_schema: Callable[[SourceParts], type]  # its TypedDict, built for the language list
    compiled_model: type  # its pydantic model in the compiled JSON (quiz.schema.json)
    document: Callable[[dict, str], dict]  # its own keys in one language's compiled question
    answer_shape: Callable[[dict], object]  # what, when edited, makes a saved answer stale
    render: Callable[[str, dict, dict], Rendered]  # (HTML id base, compiled question, interface)
    score: Callable[[dict, Any], bool]  # mirrors the front end's check of a saved answer
    rules: Callable[[dict, tuple, str], Iterator[Problem]] = no_rules  # beyond the schema
    scored: bool = True  # reflections are never marked
    print_instruction: Optional[str] = None  # interface key of a worksheet instruction on paper


# --- rule helpers: they tolerate anything malformed (the schema reports that) -------------------

def dicts(value: Any) -> Iterator[tuple[int, dict]]:
    """(index, item) for the dict items of a list; anything else yields nothing."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def duplicate_ids(items: Any, where: tuple, what: str, owner: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in dicts(items):
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            yield (where + (index, "id"),
                   f"{what} id '{item_id}' appears twice in {owner}; give each {what} its own id")
        seen.setdefault(item_id, index)


# --- HTML helpers ---------------------------------------------------------------------------------

def fill(template: str, **values) -> str:
    """An interface string with its {placeholders} filled in."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def labelled(label: str, text: str) -> str:
    return f"<p><strong>{escape(label)}</strong> {escape(text)}</p>"


def shown_order(seed: str, items: list) -> list:
    """The items in the order the page shows them: a fixed shuffle from `seed` (the question's
    id, plus a step's id in a scenario), the same in every build and every language, so the
    page, the no-JavaScript view, the printed worksheet and the trainer's answer key agree, and
    the writer's order (right answer first, items grouped) never gives an answer away."""
    import random  # noqa: PLC0415 - only the compile step needs it
    order = list(items)
    random.Random(seed).shuffle(order)
    return order

"""Turn pydantic validation errors into messages a trainer can act on, with the line they are on."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .problems import shorten
from .yaml_lines import LineDict, line_of

QUESTION_TYPES_HINT = "single, multiple, truefalse, categorise, order, scenario or reflection"
# list key -> what one item of it is called in a message
ITEM_NAMES = {"questions": "question", "options": "option", "categories": "group",
              "items": "statement", "steps": "step", "choices": "choice", "outcomes": "outcome",
              "hints": "hint"}


def describe_location(data: Any, location: tuple) -> str:
    """('questions', 2, 'single', 'prompt') -> "question 3 (core-conditions), prompt"."""
    parts: list[str] = []
    node = data
    steps = list(location)
    i = 0
    while i < len(steps):
        step = steps[i]
        if isinstance(node, LineDict) and step not in node and step == node.get("type"):
            i += 1  # the tag pydantic adds for a tagged union
            continue
        if step in ITEM_NAMES and i + 1 < len(steps) and isinstance(steps[i + 1], int):
            index = steps[i + 1]
            item = node[step][index] if _has(node, step, index) else None
            label = f"{ITEM_NAMES[step]} {index + 1}"
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                label += f" ({shorten(item['id'])})"
            parts.append(label)
            node = item
            i += 2
            continue
        parts.append(shorten(step))
        node = node.get(step) if isinstance(node, dict) else None
        i += 1
    return ", ".join(parts) if parts else "the file"


def _has(node: Any, key: str, index: int) -> bool:
    return isinstance(node, dict) and isinstance(node.get(key), list) and index < len(node[key])


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of keys"
    if value is None:
        return "nothing (an empty value)"
    return f"'{shorten(value)}'"


def friendly_message(error: dict, data: Any, languages: tuple[str, ...]) -> tuple[tuple, str]:
    """The location to point at and the message for one pydantic error."""
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    field = loc[-1] if loc else None
    parent = describe_location(data, loc[:-1]) if loc else "the file"
    here = describe_location(data, loc)

    if kind == "missing":
        if field in languages:
            return loc, (f"{parent}: the '{field}' translation is missing; "
                         f"add a line '{field}: …' beside the other languages")
        return loc, f"{parent}: '{field}' is missing; add it"
    if kind == "extra_forbidden":
        hint = (f"the course languages are {', '.join(languages)}"
                if isinstance(field, str) and len(field) == 2 else "check its spelling and indentation")
        return loc, f"{parent}: unknown key '{shorten(field)}'; {hint}"
    if kind == "union_tag_invalid":
        tag = error.get("ctx", {}).get("tag", value)
        return loc + ("type",), (f"{here}: unknown question type '{shorten(tag)}'; "
                                 f"use {QUESTION_TYPES_HINT}")
    if kind == "union_tag_not_found":
        return loc, f"{here}: 'type' is missing; add a line 'type: …' with one of {QUESTION_TYPES_HINT}"
    if kind == "string_type":
        return loc, (f"{here} must be text, but is {_kind(value)}; "
                     "write the text (put it in double quotes if it starts with a special character)")
    if kind == "string_too_short":
        return loc, f"{here} is empty; write the text"
    if kind == "string_too_long":
        return loc, f"{here} is too long; keep ids under 60 characters"
    if kind == "string_pattern_mismatch":
        return loc, (f"{here}: '{shorten(value)}' is not a valid id; use lowercase letters, digits and "
                     "single hyphens, for example 'core-conditions'")
    if kind in ("bool_type", "bool_parsing"):
        return loc, f"{here} must be true or false, but is {_kind(value)}"
    if kind == "too_short":
        minimum = error.get("ctx", {}).get("min_length", 1)
        return loc, f"{here} needs at least {minimum} item{'s' if minimum != 1 else ''}"
    if kind == "too_long":
        maximum = error.get("ctx", {}).get("max_length")
        return loc, f"{here} has too many items; keep it to {maximum} at most"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, f"{here} must be a whole number, but is {_kind(value)}"
    if kind == "greater_than_equal":
        return loc, f"{here} is {value}; it must be at least {error.get('ctx', {}).get('ge')}"
    if kind == "less_than_equal":
        return loc, f"{here} is {value}; it must be at most {error.get('ctx', {}).get('le')}"
    if kind == "list_type":
        return loc, f"{here} must be a list (lines starting with '- '), but is {_kind(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return loc, f"{here} must be a group of keys (one 'key: value' per line), but is {_kind(value)}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return loc, f"{here} is {_kind(value)}; expected {expected}"
    return loc, f"{here}: {error['msg']}"


def problems_from(exc: ValidationError, data: Any, languages: tuple[str, ...]) -> list[tuple[int, str]]:
    """Every error in a ValidationError as (line, message)."""
    found = []
    for error in exc.errors(include_url=False):
        loc, message = friendly_message(error, data, languages)
        found.append((line_of(data, loc), message))
    return found

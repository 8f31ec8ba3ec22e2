"""The quiz interface's own words (buttons, feedback, score), kept in translations/interface.yaml.

One file holds every string in every language so a translator edits one place; the keys the
front end and the HTML renderer need are listed here, so a missing one is caught at build time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict

from .problems import Problem, display_path
from .quiz_load import read_yaml
from .quiz_model import STRICT, quiz_models
from .source_errors import problems_from

# key -> what it is for (the YAML file repeats this as comments for translators)
INTERFACE_KEYS = {
    "quiz_label": "accessible name of a quiz region",
    "choose_one": "instruction under a single-choice question",
    "choose_all": "instruction under a multiple-choice question",
    "judge_statement": "instruction under a true/false statement",
    "true": "label of the 'true' answer",
    "false": "label of the 'false' answer",
    "check": "button that checks the answers",
    "retry": "button that clears the answers to try again",
    "correct": "verdict on a right answer",
    "incorrect": "verdict on a wrong answer",
    "unanswered": "verdict on a question left blank",
    "right_answer": "label before the right answer(s)",
    "explanation": "label before the explanation",
    "score": "score line; {correct} and {total} are filled in",
    "all_correct": "added to the score line when everything is right",
    "answer_key": "summary of the no-JavaScript disclosure with the answers",
}


@lru_cache(maxsize=None)
def interface_validator(languages: tuple[str, ...]) -> TypeAdapter:
    text = quiz_models(languages).Text
    strings = TypedDict("InterfaceStrings", {key: text for key in INTERFACE_KEYS})
    strings.__pydantic_config__ = STRICT
    return TypeAdapter(strings)


def load_interface_strings(path: Path, languages: tuple[str, ...]):
    """({lang: {key: text}} or None, problems)."""
    data, problems = read_yaml(path)
    if problems:
        return None, problems
    shown = display_path(path)
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, "the file must list interface strings as 'key:' groups")]
    try:
        strings = interface_validator(languages).validate_python(data)
    except ValidationError as exc:
        return None, [Problem(shown, line, msg) for line, msg in problems_from(exc, data, languages)]
    return {lang: {key: strings[key][lang] for key in INTERFACE_KEYS}
            for lang in languages}, []

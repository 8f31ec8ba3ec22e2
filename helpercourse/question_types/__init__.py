"""The registry of question types: one module each, listed here once.

Adding a type: write its module here (see docs-dev/question-types.md) and add it to MODULES;
then its front-end part (overrides/assets/quiz-types/<module>.js, listed in the site config's
extra_javascript), its section in overrides/assets/quiz.css and any new interface strings.
"""

from __future__ import annotations

from . import categorise, choice, order, reflection, scenario, truefalse
from .common import QuestionType

# The order is the order of the schema's union, so also of the types an error message lists.
MODULES = (choice, truefalse, categorise, order, scenario, reflection)

QUESTION_TYPES: dict[str, QuestionType] = {kind.name: kind for module in MODULES for kind in module.TYPES}


def module_name(module) -> str:
    """'choice' for question_types.choice: the name its front-end part is filed under."""
    return module.__name__.rsplit(".", 1)[-1]


def compiled_models() -> list[type]:
    """Each compiled model once (single and multiple share one), in registry order."""
    models: list[type] = []
    for kind in QUESTION_TYPES.values():
        if kind.compiled_model not in models:
            models.append(kind.compiled_model)
    return models

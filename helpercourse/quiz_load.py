"""Read one quiz source file into a validated model, or into a list of file:line problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .problems import Problem, display_path
from .quiz_model import QuizModels, quiz_models
from .source_errors import problems_from
from .yaml_lines import line_of, load_yaml


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """The parsed data, or a problem naming the line where the YAML breaks."""
    shown = display_path(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, 1, f"the file is not UTF-8 text ({exc.reason}); save it as UTF-8")]
    try:
        return load_yaml(text), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or exc.context or "cannot be read"
        hint = ""
        if "mapping values are not allowed" in what:
            hint = "; a text containing ': ' must be put in double quotes"
        elif "found character '\\t'" in what:
            hint = "; indent with spaces, not tabs"
        elif "could not find expected ':'" in what or "expected <block end>" in what:
            hint = "; check the indentation of this line and the one above"
        return None, [Problem(shown, line, f"YAML syntax error: {what}{hint}")]
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error carries a mark
        return None, [Problem(shown, 1, f"YAML syntax error: {exc}")]


def load_quiz(path: Path, languages: tuple[str, ...]):
    """(quiz model or None, problems). Never raises for bad content."""
    path = Path(path)
    shown = display_path(path)
    data, problems = read_yaml(path)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(shown, getattr(data, "line", 1),
                              "a quiz file must start with 'id:', 'title:' and 'questions:'")]
    found = [Problem(shown, line_of(data, loc), msg)
             for loc, msg in QuizModels.semantic_problems(data)]
    quiz = None
    try:
        quiz = quiz_models(languages).Quiz.model_validate(data)
    except ValidationError as exc:
        found += [Problem(shown, line, msg) for line, msg in problems_from(exc, data, languages)]
    quiz_id = data.get("id")
    if isinstance(quiz_id, str) and quiz_id != path.stem:
        found.append(Problem(shown, line_of(data, ("id",)),
                             f"the quiz id '{quiz_id}' must match the file name "
                             f"'{path.name}'; rename one of them"))
    return (None, sorted(set(found))) if found else (quiz, [])

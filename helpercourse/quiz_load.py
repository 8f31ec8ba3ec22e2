"""Read one quiz source file into a validated quiz, or into a list of file:line problems.

One reader (yaml_lines.parse) gives the values; a quiz that validates is done. Only if anything
is wrong are the line numbers found (yaml_lines.with_lines) and the same checks run again,
now reported as file:line messages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .problems import Problem, display_path
from .quiz_model import quiz_models
from .quiz_rules import semantic_problems
from .source_errors import problems_from
from .source_files import read_source
from .yaml_lines import YamlProblem, line_of, parse, with_lines


def parse_with_lines(path: Path, text: str) -> tuple[Any, list[Problem]]:
    """The data with line numbers, or a problem naming the line where the YAML breaks."""
    try:
        return with_lines(parse(text), text), []
    except YamlProblem as exc:
        return None, [Problem(display_path(path), exc.line, exc.message)]


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Read and parse a YAML file with line numbers (for small files such as interface strings)."""
    text, problems = read_source(path)
    return (None, problems) if problems else parse_with_lines(path, text)


def try_yaml(text: str) -> Any:
    """The data (no line numbers), or None when the text is not a YAML file the course reads
    (then `parse_with_lines` says where and why)."""
    try:
        return parse(text)
    except YamlProblem:
        return None


fast_yaml = try_yaml  # the name callers used when a second, faster parser existed


# Characters some tools count as line breaks and others do not; they would shift line numbers.
_ODD_BREAKS = re.compile("[\u0085\u2028\u2029]")


def _odd_breaks(path: Path, text: str) -> list[Problem]:
    if "\u2028" not in text and "\u2029" not in text and "\x85" not in text:  # fast common case
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [Problem(display_path(path), text.count("\n", 0, found.start()) + 1,
                    f"the invisible line-separator character U+{ord(found.group()):04X} is not "
                    "allowed; delete it (it often comes with text pasted from a word processor)")
            for found in _ODD_BREAKS.finditer(text)]


def _valid_quiz(data: Any, path: Path, languages: tuple[str, ...]) -> dict | None:
    """The validated quiz if the data is entirely right, else None (then the lines are found)."""
    if not isinstance(data, dict) or data.get("id") != path.stem:
        return None
    try:
        quiz = quiz_models(languages).quiz_validator.validate_python(data)
    except ValidationError:
        return None
    return None if semantic_problems(data) else quiz


def load_quiz(path: Path, languages: tuple[str, ...]):
    """(quiz as a validated dict, or None; problems). Never raises for bad content."""
    path = Path(path)
    text, problems = read_source(path)
    if problems:
        return None, problems
    shown = display_path(path)
    odd = _odd_breaks(path, text)
    # Read on without the odd characters, so the other problems get their right lines too.
    if odd:
        text = _ODD_BREAKS.sub(" ", text)
    try:
        data = parse(text)
    except YamlProblem as exc:
        return None, sorted(set(odd + [Problem(shown, exc.line, exc.message)]))
    if not odd:
        quiz = _valid_quiz(data, path, languages)
        if quiz is not None:
            return quiz, []
    try:
        data = with_lines(data, text)
    except YamlProblem as exc:
        return None, sorted(set(odd + [Problem(shown, exc.line, exc.message)]))
    if not isinstance(data, dict):
        return None, sorted(set(odd + [Problem(shown, getattr(data, "line", 1),
                                               "a quiz file must start with 'id:', 'title:' and 'questions:'")]))
    found = [Problem(shown, line_of(data, loc), msg)
             for loc, msg in semantic_problems(data)]
    quiz = None
    try:
        quiz = quiz_models(languages).quiz_validator.validate_python(data)
    except ValidationError as exc:
        found += [Problem(shown, line, msg) for line, msg in problems_from(exc, data, languages)]
    quiz_id = data.get("id")
    if isinstance(quiz_id, str) and quiz_id != path.stem:
        found.append(Problem(shown, line_of(data, ("id",)),
                             f"the quiz id '{quiz_id}' must match the file name "
                             f"'{path.name}'; rename one of them"))
    found += odd
    if found:
        return None, sorted(set(found))
    return quiz, []  # pragma: no cover - a valid file is accepted above

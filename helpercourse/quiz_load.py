"""Read one quiz source file into a validated quiz, or into a list of file:line problems.

Two passes, so that big quiz sets compile fast and mistakes still get exact lines:
1. a fast pass: a compiled YAML 1.2 parser (yaml-rs) and the schema; most files end here;
2. only if anything is wrong: a second read with PyYAML keeping the line of every key and item,
   and the same checks again, now reported as file:line messages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .problems import Problem, display_path
from .quiz_model import quiz_models
from .quiz_rules import semantic_problems
from .source_errors import problems_from
from .yaml_lines import line_of, load_yaml

try:
    import yaml_rs
except ImportError:  # pragma: no cover - the pinned requirements install it
    yaml_rs = None


def _read_text(path: Path) -> tuple[str | None, list[Problem]]:
    try:
        return Path(path).read_text(encoding="utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [Problem(display_path(path), 1,
                              f"the file is not UTF-8 text ({exc.reason}); save it as UTF-8")]


def parse_with_lines(path: Path, text: str) -> tuple[Any, list[Problem]]:
    """The data with line numbers, or a problem naming the line where the YAML breaks."""
    try:
        return load_yaml(text), []
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, such as a control code
        line = text[:exc.position].count("\n") + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return None, [Problem(display_path(path), line,
                              f"the invisible character U+{code:04X} is not allowed in a quiz file; delete it")]
    except RecursionError:
        return None, [Problem(display_path(path), 1, "the file is nested too deeply to read; "
                              "check the indentation")]
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
        return None, [Problem(display_path(path), line, f"YAML syntax error: {what}{hint}")]
    except yaml.YAMLError as exc:  # unmarked: nothing better than the start of the file
        return None, [Problem(display_path(path), 1, f"YAML syntax error: {exc}")]


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Read and parse a YAML file with line numbers (for small files such as interface strings)."""
    text, problems = _read_text(path)
    return (None, problems) if problems else parse_with_lines(path, text)


# Characters some tools count as line breaks and others do not; they would shift line numbers.
_ODD_BREAKS = re.compile("[\u0085\u2028\u2029]")


def _odd_breaks(path: Path, text: str) -> list[Problem]:
    if "\u2028" not in text and "\u2029" not in text and "\x85" not in text:  # fast common case
        return []
    return [Problem(display_path(path), text.count("\n", 0, found.start()) + 1,
                    f"the invisible line-separator character U+{ord(found.group()):04X} is not "
                    "allowed; delete it (it often comes with text pasted from a word processor)")
            for found in _ODD_BREAKS.finditer(text)]


def fast_yaml(text: str) -> Any:
    """The data by the compiled YAML 1.2 parser, or None when it is absent or the text is not
    valid YAML (then the line-keeping reader, `parse_with_lines`, reports where and why)."""
    if yaml_rs is None:
        return None
    try:
        return yaml_rs.loads(text, parse_datetime=False)  # dates stay text, as in the slow pass
    except Exception:  # noqa: BLE001 - any parse problem: the line-keeping parser will report it
        return None


def _fast_quiz(text: str, path: Path, languages: tuple[str, ...]) -> dict | None:
    """The validated quiz if the file is entirely right, else None (the slow pass explains)."""
    data = fast_yaml(text)
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
    text, problems = _read_text(path)
    if problems:
        return None, problems
    odd = _odd_breaks(path, text)
    if not odd:
        quiz = _fast_quiz(text, path, languages)
        if quiz is not None:
            return quiz, []
    # Read on without the odd characters, so the other problems get their right lines too.
    text = _ODD_BREAKS.sub(" ", text)

    shown = display_path(path)
    data, problems = parse_with_lines(path, text)
    if problems:
        return None, sorted(set(odd + problems))
    if not isinstance(data, dict):
        return None, [Problem(shown, getattr(data, "line", 1),
                              "a quiz file must start with 'id:', 'title:' and 'questions:'")]
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
    return quiz, []  # pragma: no cover - the fast pass accepts every valid file

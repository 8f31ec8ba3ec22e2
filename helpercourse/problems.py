"""A problem found in a source file, reported as `file:line: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# The one place that bounds error output: a quoted value, a whole message, a list of problems.
QUOTE_CHARS = 60  # a value quoted in a message
MESSAGE_CHARS = 500  # a whole message (a safety net for any quote not cut where it is made)
SHOWN_PROBLEMS = 50  # problems printed before "… and N more problems"


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """The text, cut to `limit` characters and "…" when longer (a value quoted in a message)."""
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "…"


def _bounded(message: str) -> str:
    if len(message) <= MESSAGE_CHARS:
        return message
    # keep the start (what and where) and the end (how to fix it); cut the quoted middle
    return message[:MESSAGE_CHARS * 2 // 3] + " … " + message[-(MESSAGE_CHARS // 3):]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __post_init__(self):
        # A message may quote the trainer's input; show control characters as codes, so the
        # terminal prints one readable line per problem.
        shown = _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", _bounded(self.message))
        object.__setattr__(self, "message", _bounded(shown))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ProblemsFound(Exception):
    """Raised with every problem found, so a caller can list them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sort_problems(problems)
        super().__init__(format_problems(self.problems, indent=""))


def sort_problems(problems) -> list[Problem]:
    """By file, line and message, each once (a key tuple: 100,000 problems sort in a blink)."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.message))


def format_problems(problems, limit: int = SHOWN_PROBLEMS, indent: str = "  ") -> str:
    """One `file:line: message` line per problem, in order, each once; past `limit`, one line
    "… and N more problems". The MkDocs build prints it as it is, build_quizzes.py with
    indent="" (a trainer's editor can jump to a line that starts with the file name)."""
    problems = sort_problems(problems)
    lines = [f"{indent}{problem}" for problem in problems[:limit]]
    rest = len(problems) - len(lines)
    if rest:
        lines.append(f"{indent}… and {rest:,} more problem{'s' if rest != 1 else ''}")
    return "\n".join(lines)


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as a trainer would type it: relative to the project when possible."""
    path = Path(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return path.resolve().relative_to(Path(base).resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()

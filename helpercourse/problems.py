"""A problem found in a source file, reported as `file:line: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __post_init__(self):
        # A message may quote the trainer's input; show control characters as codes, so the
        # terminal prints one readable line per problem.
        shown = _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", self.message)
        object.__setattr__(self, "message", shown)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ProblemsFound(Exception):
    """Raised with every problem found, so a caller can list them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


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


def format_problems(problems: list[Problem], limit: int = 50) -> str:
    """The problems sorted by file and line, one per line, at most `limit` of them."""
    ordered = sorted(set(problems))
    lines = [f"  {problem}" for problem in ordered[:limit]]
    if len(ordered) > limit:
        lines.append(f"  … and {len(ordered) - limit:,} more problems")
    return "\n".join(lines)

"""Checks on the lesson sources that MkDocs itself does not make."""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem, display_path

# ```quiz  (or ~~~quiz), then the quiz id on the next line; ```diagram the same way
_FENCE = r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*%s[ \t]*$"
_FENCES = {kind: re.compile(_FENCE % kind) for kind in ("quiz", "diagram")}


def quiz_references(markdown: str) -> list[tuple[int, str]]:
    """(line, quiz id) for every ```quiz block in a page; the id is '' if the block is empty."""
    return fence_references(markdown, "quiz")


def diagram_references(markdown: str) -> list[tuple[int, str]]:
    """(line, diagram name) for every ```diagram block in a page."""
    return fence_references(markdown, "diagram")


def fence_references(markdown: str, kind: str) -> list[tuple[int, str]]:
    """(line, what the block names) for every ```<kind> block; '' if the block is empty."""
    found = []
    lines = markdown.splitlines()
    pattern = _FENCES[kind]
    for index, line in enumerate(lines):
        match = pattern.match(line)
        if not match:
            continue
        body = []
        for following in lines[index + 1:]:
            if following.strip().startswith(match["fence"]):
                break
            if following.strip():
                body.append(following.strip())
        found.append((index + 1, " ".join(body)))
    return found


def missing_translations(docs_dir: Path, languages: tuple[str, ...]) -> list[Problem]:
    """Every page must exist in every language folder, under the same file name."""
    docs_dir = Path(docs_dir)
    pages = {lang: {p.relative_to(docs_dir / lang).as_posix()
                    for p in (docs_dir / lang).rglob("*.md")}
             for lang in languages}
    every_page = set().union(*pages.values())
    problems = []
    for lang in languages:
        for page in sorted(every_page - pages[lang]):
            has_it = next(other for other in languages if page in pages[other])
            problems.append(Problem(
                display_path(docs_dir / lang / page), 1,
                f"this page is missing; it exists in {display_path(docs_dir / has_it / page)}, "
                f"and every page must exist in every language ({', '.join(languages)})"))
    return problems

"""Marking a translation as in line with its source: one line in the file, nothing else.

`mark` writes the current source version (translation_versions.py) into a page's front matter
or a quiz's `source_versions:` line, keeps comments and line endings, and refuses (changing
nothing) if anything else in the file would change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .atomic_files import write_atomically
from .front_matter import _FRONT_MATTER, _SafeLoader
from .problems import Problem, ProblemsFound, display_path
from .quiz_load import parse_with_lines
from .translation_status import Row
from .translation_versions import PAGE_KEY, QUIZ_KEY, quiz_data_fast, lacks_text, quiz_texts, read_quiz


def _line_ending(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def with_page_version(text: str, version: str) -> str:
    """The page with `source_version: "<version>"` set in its front matter (added if absent)."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom):]
    eol = _line_ending(text)
    line = f'{PAGE_KEY}: "{version}"'
    match = _FRONT_MATTER.match(text)
    if not match:  # no front matter yet: start one
        return f"{bom}---{eol}{line}{eol}---{eol}{text}"
    body = match["body"] or ""
    existing = re.compile(rf"^{PAGE_KEY}[ \t]*:[^\r\n]*?(?P<comment>[ \t]+#[^\"'\r\n]*)?(?=\r?$)", re.MULTILINE)
    if existing.search(body):
        body = existing.sub(lambda m: line + (m["comment"] or ""), body, count=1)
    else:
        body += line + eol
    return bom + match["open"] + body + match["close"] + text[match.end():]


def with_quiz_versions(text: str, versions: dict[str, str]) -> str:
    """The quiz with its one `source_versions: {…}` line replaced, or added at the end."""
    eol = _line_ending(text)
    line = f"{QUIZ_KEY}: {{" + ", ".join(f'{lang}: "{value}"' for lang, value in versions.items()) + "}"
    lines = text.splitlines(keepends=True)
    start = next((i for i, text_line in enumerate(lines) if re.match(rf"{QUIZ_KEY}[ \t]*:", text_line)), None)
    if start is None:
        ending = "" if not text or text.endswith(("\n", "\r")) else eol
        return (f"{text}{ending}# Which Norwegian texts each translation was last checked against;"
                f" written by: python -m helpercourse.translation_status mark{eol}{line}{eol}")
    end = start + 1
    while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].strip():
        end += 1  # a hand-written block form: its indented lines go too
    return "".join(lines[:start]) + line + eol + "".join(lines[end:])


@dataclass(frozen=True)
class Mark:
    path: Path
    new_text: str
    what: str  # for the message: "docs/sv/02-trust.md" or "quizzes/trust.yaml (sv, fi)"

    @property
    def changed(self) -> bool:
        return _read_exact(self.path) != self.new_text


def _read_exact(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:  # keep \r\n as it is
        return handle.read()


def _front_matter(text: str) -> dict:
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    return (yaml.load(match["body"] or "", Loader=_SafeLoader) or {}) if match else {}


def page_mark(row: Row, docs_dir: Path, lang: str) -> Mark:
    path = docs_dir / lang / row.name
    old_text = _read_exact(path)
    new_text = with_page_version(old_text, row.version)
    # A guard against a front matter this line edit does not understand: only the one key may change.
    before, after = _front_matter(old_text), _front_matter(new_text)
    before.pop(PAGE_KEY, None)
    if str(after.pop(PAGE_KEY, None)) != row.version or before != after:
        raise ProblemsFound([Problem(display_path(path), 1, f"could not set '{PAGE_KEY}' without changing "
                                     "the rest of the front matter; nothing was changed. Set it by hand")])
    return Mark(path, new_text, display_path(path))


def quiz_mark(row: Row, langs: tuple[str, ...], marked: list[str]) -> Mark:
    data = read_quiz(row.path, with_lines=False)
    for lang in marked:
        if any(lacks_text(text, lang) for text in quiz_texts(data, langs)):
            lacking = [text for text in quiz_texts(read_quiz(row.path), langs) if lacks_text(text, lang)]
            raise ProblemsFound([Problem(display_path(row.path), getattr(lacking[0], "line", 1),
                                         f"cannot mark the {lang} translation: {len(lacking)} text(s) have "
                                         f"no '{lang}:' yet, the first on this line")])
    recorded = {lang: str(value) for lang, value in (data.get(QUIZ_KEY) or {}).items()}
    recorded.update({lang: row.version for lang in marked})
    ordered = {lang: recorded[lang] for lang in [*langs, *sorted(recorded)] if lang in recorded}
    new_text = with_quiz_versions(_read_exact(row.path), ordered)
    # A guard, as for pages: read the result back; only the one key may differ.
    check = quiz_data_fast(new_text) or parse_with_lines(row.path, new_text)[0] or {}
    untouched = {k: v for k, v in data.items() if k != QUIZ_KEY}
    if {k: v for k, v in check.items() if k != QUIZ_KEY} != untouched or check.get(QUIZ_KEY) != ordered:
        raise ProblemsFound([Problem(display_path(row.path), 1, f"could not set '{QUIZ_KEY}' without "
                                     "changing the quiz; nothing was changed. Set it by hand at the end of the file")])
    return Mark(row.path, new_text, f"{display_path(row.path)} ({', '.join(marked)})")


def write_marks(marks: list[Mark]) -> int:
    """Write every changed file atomically; the number written."""
    return sum(write_atomically(mark.path, mark.new_text.encode("utf-8")) for mark in marks)

"""Compile every quiz source to JSON: validate all, then write all, atomically.

Layout of the output folder (default build/quizzes/):
    <lang>/<quiz-id>.json      one quiz in one language (see quiz_json.py)
    <lang>/_interface.json     the quiz interface strings in that language
    quiz.schema.json           JSON Schema of the quiz documents
A run with any problem writes nothing, so the last good output stays in place.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .interface_strings import load_interface_strings
from .problems import Problem, ProblemsFound
from .quiz_json import json_schema, quiz_document
from .quiz_load import load_quiz
from .site_config import PROJECT_ROOT

QUIZ_DIR = PROJECT_ROOT / "quizzes"
INTERFACE_FILE = PROJECT_ROOT / "translations" / "interface.yaml"
OUTPUT_DIR = PROJECT_ROOT / "build" / "quizzes"
INTERFACE_NAME = "_interface.json"
SCHEMA_NAME = "quiz.schema.json"


@dataclass
class CompiledCourse:
    languages: tuple[str, ...]
    quizzes: dict[str, dict[str, dict]] = field(default_factory=dict)  # lang -> id -> document
    interface: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> key -> text

    @property
    def quiz_ids(self) -> list[str]:
        return sorted(self.quizzes.get(self.languages[0], {}))

    @property
    def question_count(self) -> int:
        return sum(len(doc["questions"]) for doc in self.quizzes.get(self.languages[0], {}).values())


def quiz_sources(quiz_dir: Path) -> list[Path]:
    return sorted(p for p in Path(quiz_dir).glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def compile_course(languages: tuple[str, ...], quiz_dir: Path = QUIZ_DIR,
                   interface_file: Path = INTERFACE_FILE) -> CompiledCourse:
    """Validate every source and build every document. Raises ProblemsFound listing all problems."""
    problems: list[Problem] = []
    course = CompiledCourse(languages, {lang: {} for lang in languages})
    for path in quiz_sources(quiz_dir):
        quiz, found = load_quiz(path, languages)
        problems.extend(found)
        if quiz is not None:
            for lang in languages:
                course.quizzes[lang][quiz.id] = quiz_document(quiz, lang)
    strings, found = load_interface_strings(interface_file, languages)
    problems.extend(found)
    if problems:
        raise ProblemsFound(problems)
    course.interface = strings
    return course


def _dump(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_atomically(path: Path, content: bytes) -> bool:
    """Replace `path` in one step (readers never see half a file). False if it was unchanged."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == content:
        return False
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_course(course: CompiledCourse, out_dir: Path = OUTPUT_DIR) -> int:
    """Write every document, remove documents of deleted quizzes; returns files changed."""
    out_dir = Path(out_dir)
    changed = int(write_atomically(out_dir / SCHEMA_NAME, _dump(json_schema())))
    for lang in course.languages:
        wanted = {f"{quiz_id}.json" for quiz_id in course.quizzes[lang]} | {INTERFACE_NAME}
        for quiz_id, doc in course.quizzes[lang].items():
            changed += write_atomically(out_dir / lang / f"{quiz_id}.json", _dump(doc))
        changed += write_atomically(out_dir / lang / INTERFACE_NAME, _dump(course.interface[lang]))
        for stale in (out_dir / lang).glob("*.json"):
            if stale.name not in wanted:
                stale.unlink()
                changed += 1
    return changed


def read_course(languages: tuple[str, ...], out_dir: Path = OUTPUT_DIR) -> CompiledCourse:
    """The last compiled output, as written by write_course (what pages are rendered from)."""
    course = CompiledCourse(languages, {lang: {} for lang in languages})
    for lang in languages:
        folder = Path(out_dir) / lang
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if path.name == INTERFACE_NAME:
                course.interface[lang] = data
            else:
                course.quizzes[lang][path.stem] = data
    return course

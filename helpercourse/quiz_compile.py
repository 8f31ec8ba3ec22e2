"""Compile every quiz source to JSON: validate all, then write all, atomically.

Layout of the output folder (default build/quizzes/):
    <lang>/<quiz-id>.json      one quiz in one language (see quiz_json.py)
    <lang>/_interface.json     the quiz interface strings in that language
    quiz.schema.json           JSON Schema of the quiz documents
A run with any problem writes nothing, so the last good output stays in place.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pydantic_core import to_json

from .atomic_files import write_atomically
from .interface_strings import load_interface_strings
from .problems import Problem, ProblemsFound, display_path
from .quiz_json import json_schema, quiz_documents
from .quiz_load import load_quiz
from .site_config import PROJECT_ROOT

QUIZ_DIR = PROJECT_ROOT / "quizzes"
INTERFACE_FILE = PROJECT_ROOT / "translations" / "interface.yaml"
OUTPUT_DIR = PROJECT_ROOT / "build" / "quizzes"
INTERFACE_NAME = "_interface.json"
SCHEMA_NAME = "quiz.schema.json"


@dataclass
class CompileResult:
    """What a successful compile produced: the bytes of every output file, and counts."""

    languages: tuple[str, ...]
    files: dict[str, bytes] = field(default_factory=dict)  # "<lang>/<id>.json" -> content
    quiz_ids: list[str] = field(default_factory=list)
    question_count: int = 0


@dataclass
class CompiledCourse:
    """The compiled output as pages use it (read back from disk by `read_course`)."""

    languages: tuple[str, ...]
    quizzes: dict[str, dict[str, dict]] = field(default_factory=dict)  # lang -> id -> document
    interface: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> key -> text


def quiz_sources(quiz_dir: Path) -> list[Path]:
    """Every entry named *.yaml or *.yml, files or not: load_quiz says what an odd one is."""
    return sorted(p for p in Path(quiz_dir).glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def _missing_folder(quiz_dir: Path) -> list[Problem]:
    # Compiling nothing would then remove every compiled quiz (see write_course); say it instead.
    if Path(quiz_dir).is_dir():
        return []
    return [Problem(display_path(quiz_dir), 1, "the quiz folder does not exist; give the folder "
                    "that holds the quiz files (<id>.yaml)")]


# Below this many files a process pool costs more than it saves (a normal course has ~10).
PARALLEL_FROM_FILES = 32


def _compile_source(path: Path, languages: tuple[str, ...]):
    """One source -> (quiz id, question count, {lang: JSON bytes}, problems).

    Serialises here, in the worker, so only bytes travel back from a process pool.
    """
    quiz, problems = load_quiz(path, languages)
    if quiz is None:
        return None, 0, {}, problems
    files = {lang: _dump(doc) for lang, doc in quiz_documents(quiz, languages).items()}
    return quiz["id"], len(quiz["questions"]), files, problems


def _compile_sources(paths: list[Path], languages: tuple[str, ...]) -> list:
    workers = min(os.cpu_count() or 1, len(paths) // PARALLEL_FROM_FILES)
    if workers < 2:
        return [_compile_source(path, languages) for path in paths]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_compile_source, paths, [languages] * len(paths),
                             chunksize=max(1, len(paths) // (workers * 4))))


def compile_course(languages: tuple[str, ...], quiz_dir: Path = QUIZ_DIR,
                   interface_file: Path = INTERFACE_FILE) -> CompileResult:
    """Validate every source and build every file. Raises ProblemsFound listing all problems."""
    problems: list[Problem] = _missing_folder(quiz_dir)
    result = CompileResult(languages)
    for quiz_id, questions, files, found in _compile_sources(quiz_sources(quiz_dir), languages):
        problems.extend(found)
        if quiz_id is None:
            continue
        result.quiz_ids.append(quiz_id)
        result.question_count += questions
        for lang, content in files.items():
            result.files[f"{lang}/{quiz_id}.json"] = content
    strings, found = load_interface_strings(interface_file, languages)
    problems.extend(found)
    if problems:
        raise ProblemsFound(problems)
    for lang in languages:
        result.files[f"{lang}/{INTERFACE_NAME}"] = _dump(strings[lang])
    result.files[SCHEMA_NAME] = _dump(json_schema())
    return result


def _dump(data: dict) -> bytes:
    # pydantic-core's serialiser (Rust) is several times faster than json.dumps on big sets
    return to_json(data) + b"\n"


def write_course(result: CompileResult, out_dir: Path = OUTPUT_DIR) -> int:
    """Write every file (each atomically), remove files of deleted quizzes; returns files changed."""
    out_dir = Path(out_dir)
    # File I/O releases the GIL, so a few threads overlap the writes of a large set.
    with ThreadPoolExecutor(max_workers=4) as pool:
        changed = sum(pool.map(lambda item: write_atomically(out_dir / item[0], item[1]),
                               result.files.items()))
    for lang in result.languages:
        for stale in (out_dir / lang).glob("*.json"):
            if f"{lang}/{stale.name}" not in result.files:
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

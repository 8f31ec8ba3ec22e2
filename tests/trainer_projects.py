"""A copy of the course with known facilitator notes and a trainer-only page, built as both
editions once per test session (shared by tests/site and tests/browser)."""

from __future__ import annotations

import atexit
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from conftest import LANGUAGES, copy_project

LESSON_SOURCE = "01-helper-relationship.md"
LESSON = "01-helper-relationship/"
TRAINER_PAGE = "trainer-only-check"
NOTE_TITLES = {"no": "Til kursholderen", "sv": "Till kursledaren", "fi": "Kouluttajalle",
               "en": "For the facilitator"}


def note_marks(lang: str) -> tuple[str, str]:
    """Words that occur only in the two notes (so any trace of them can be searched for)."""
    return f"plannote{lang}qx", f"talknote{lang}qx"


def page_mark(lang: str) -> str:
    return f"onlypage{lang}qx"


def _note(lang: str, mark: str) -> str:
    return (f'!!! facilitator "{NOTE_TITLES[lang]}"\n'
            f"    Prepare the room {mark}; allow **ten minutes** per part.\n\n"
            f"    - Ask the group {mark} about the scenarios.\n")


def add_notes(project: Path) -> None:
    """Two notes per module-1 page, where the syntax puts them: before the objectives, and at
    the end of the scenarios (just before the reflection section)."""
    for lang in LANGUAGES:
        path = project / "docs" / lang / LESSON_SOURCE
        text = path.read_text(encoding="utf-8")
        plan, talk = note_marks(lang)
        text, first = re.subn(r"^(## .*\{#objectives\})", _note(lang, plan) + r"\n\1", text, count=1, flags=re.M)
        text, second = re.subn(r"^(## .*\{#reflection\})", _note(lang, talk) + r"\n\1", text, count=1, flags=re.M)
        assert first == second == 1, f"{path}: no objectives or reflection heading to put notes by"
        path.write_text(text, encoding="utf-8")


def add_trainer_only_page(project: Path) -> None:
    for lang in LANGUAGES:
        (project / "docs" / lang / f"{TRAINER_PAGE}.md").write_text(
            f"---\ntitle: Trainer page {page_mark(lang)}\ntrainer_only: true\n---\n\n"
            f"# Trainer page {page_mark(lang)}\n\nOnly for trainers: {page_mark(lang)}.\n",
            encoding="utf-8")


def build(project: Path, site: Path, edition: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "HELPERCOURSE_EDITION"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if edition is not None:
        env["HELPERCOURSE_EDITION"] = edition
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300)


@dataclass(frozen=True)
class Editions:
    project: Path
    trainee: Path
    trainer: Path


@functools.lru_cache(maxsize=None)
def built_editions() -> Editions:
    """Built once per session: the copy as the trainee site (no switch set) and as the trainer
    edition."""
    base = Path(tempfile.mkdtemp(prefix="hc-editions-"))
    atexit.register(shutil.rmtree, base, ignore_errors=True)
    project = copy_project(base / "project")
    add_notes(project)
    add_trainer_only_page(project)
    editions = Editions(project, base / "trainee", base / "trainer")
    for site, edition in ((editions.trainee, None), (editions.trainer, "trainer")):
        result = build(project, site, edition)
        assert result.returncode == 0, f"{edition or 'trainee'} build failed:\n{result.stderr[-4000:]}"
    return editions

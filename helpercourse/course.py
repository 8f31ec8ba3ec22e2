"""The course as one object, built once per build: what every feature reads.

`load_course` reads the sources once (every page's front matter, the interface strings, the
quizzes compiled to JSON, branding.yml) and collects every mistake as a Problem, so the home
page's module list, the progress page, the 404 pages, the editions, the stats and the
translation status all work from the same facts instead of each reading the files again.
Nothing here imports MkDocs: the plugin (plugin.py) is the only MkDocs glue.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import diagrams as diagram_files
from . import quiz_compile
from .branding_file import Branding
from .branding_file import load as load_branding
from .front_matter import PageSource, read_page
from .interface_strings import INTERFACE_KEYS, load_interface_strings
from .page_checks import missing_translations, quiz_references
from .problems import Problem, ProblemsFound
from .site_config import languages as configured_languages

DEFAULT_MINUTES = 45  # a module without `minutes:` in its front matter
MODULE_PAGE = re.compile(r"^(?P<number>\d\d)-[a-z0-9-]+\.md$")
BRANDING_FILE = "branding.yml"
DIAGRAM_DIR = "diagrams"


@dataclass(frozen=True)
class CoursePage:
    """One Markdown page of one language, with its front matter."""

    lang: str
    file_name: str  # relative to the language folder: "02-trust.md"
    path: Path
    source: PageSource

    @property
    def meta(self) -> dict:
        return self.source.meta

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or "")

    @property
    def description(self) -> str:
        return str(self.meta.get("description") or "")

    @property
    def minutes(self) -> int:
        """How long the module takes: its `minutes:` front matter (checked by read_page), else 45."""
        return self.meta.get("minutes", DEFAULT_MINUTES)

    @property
    def trainer_only(self) -> bool:
        return self.meta.get("trainer_only") is True

    @property
    def module_number(self) -> int | None:
        """1 for `01-helper-relationship.md`; None for pages that are not modules."""
        match = MODULE_PAGE.match(self.file_name)
        return int(match["number"]) if match else None

    @property
    def heading(self) -> str:
        return next((line[2:].strip() for line in self.source.body.splitlines() if line.startswith("# ")), "")

    @property
    def quiz_ids(self) -> list[str]:
        return [quiz_id for _, quiz_id in quiz_references(self.source.body)]

    def lines_before(self, markdown: str) -> int:
        """How many lines of the file come before `markdown`, the body as MkDocs hands it to
        plugins (without the front matter and the blank lines after it)."""
        start = self.source.text.find(markdown.lstrip()[:200])
        return self.source.text.count("\n", 0, start) if start > 0 else self.source.body_line - 1


class _FallbackStrings(dict):
    """Interface strings when none could be read yet: each key shows as itself, so a preview
    keeps rendering (the terminal says what to fix) instead of failing on a missing key."""

    def __missing__(self, key: str) -> str:
        return key


@dataclass
class Course:
    root: Path
    languages: tuple[str, ...]
    pages: dict[str, dict[str, CoursePage]] = field(default_factory=dict)  # lang -> file name -> page
    interface: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> key -> text
    quizzes: dict[str, dict[str, dict]] = field(default_factory=dict)  # lang -> quiz id -> document
    branding: Branding = field(default_factory=Branding)
    diagrams: dict[str, diagram_files.Diagram] = field(default_factory=dict)  # name -> diagram (read without problems)
    diagram_names: list[str] = field(default_factory=list)  # every drawing in diagrams/, read or not
    problems: dict[str, list[Problem]] = field(default_factory=lambda: defaultdict(list))  # kind -> problems
    compiled_files_changed: int = 0
    _by_path: dict[Path, CoursePage] = field(default_factory=dict, repr=False)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    docs_dir_override: Path | None = None  # mkdocs.yml's docs_dir, when it is not docs/

    @property
    def docs_dir(self) -> Path:
        return self.docs_dir_override or self.root / "docs"

    def modules(self, lang: str) -> list[CoursePage]:
        """The module pages of one language, in module order."""
        pages = self.pages.get(lang, {}).values()
        return sorted((p for p in pages if p.module_number is not None), key=lambda p: p.file_name)

    def page(self, lang: str, file_name: str) -> CoursePage | None:
        return self.pages.get(lang, {}).get(file_name)

    def page_for(self, path: str | Path) -> CoursePage | None:
        """The page read from this source file, if it was read without problems."""
        return self._by_path.get(Path(path).resolve())

    def all_problems(self) -> list[Problem]:
        return sorted(p for found in self.problems.values() for p in found)


def _read_pages(course: Course) -> None:
    for lang in course.languages:
        folder = course.docs_dir / lang
        course.pages[lang] = {}
        for path in sorted(folder.rglob("*.md")):
            try:
                source = read_page(path)
            except ProblemsFound as found:
                course.problems["pages"].extend(found.problems)
                continue
            name = path.relative_to(folder).as_posix()
            course.pages[lang][name] = page = CoursePage(lang, name, path, source)
            course._by_path[path.resolve()] = page
    course.problems["pages"].extend(missing_translations(course.docs_dir, course.languages))


def _read_interface(course: Course, out_dir: Path) -> None:
    strings, problems = load_interface_strings(course.root / "translations" / "interface.yaml",
                                               course.languages)
    if strings is not None:
        course.interface = strings
        return
    course.problems["interface"].extend(problems)
    for lang in course.languages:  # the last good compiled strings, else the keys themselves
        compiled = out_dir / lang / quiz_compile.INTERFACE_NAME
        try:
            last_good = json.loads(compiled.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            last_good = {}
        course.interface[lang] = _FallbackStrings({k: v for k, v in last_good.items() if k in INTERFACE_KEYS})


def _compile_quizzes(course: Course, out_dir: Path) -> int:
    """Compile and write the quizzes (the last good JSON stays on problems); files changed."""
    changed = 0
    try:
        compiled = quiz_compile.compile_course(course.languages, course.root / "quizzes",
                                               course.root / "translations" / "interface.yaml")
        changed = quiz_compile.write_course(compiled, out_dir)
    except ProblemsFound as found:
        quiz_problems = [p for p in found.problems if not p.path.startswith("translations/")]
        course.problems["quizzes"].extend(quiz_problems)
    last_good = quiz_compile.read_course(course.languages, out_dir)
    course.quizzes = {lang: last_good.quizzes.get(lang, {}) for lang in course.languages}
    return changed


def _read_branding(course: Course) -> None:
    path = course.root / BRANDING_FILE
    try:
        course.branding = load_branding(path, course.languages)
    except ProblemsFound as found:
        course.problems["branding"].extend(found.problems)
        course.branding = Branding(watched=[path])  # the course's own look until it is fixed


def _read_diagrams(course: Course) -> None:
    folder = course.root / DIAGRAM_DIR
    course.diagrams, problems = diagram_files.load_diagrams(folder, course.languages)
    course.diagram_names = diagram_files.diagram_names(folder)
    course.problems["diagrams"].extend(problems)


def load_course(root: Path, languages: tuple[str, ...] | None = None, *,
                out_dir: Path | None = None, docs_dir: Path | None = None) -> Course:
    """Read the whole course under `root` (the folder of mkdocs.yml). Never raises for bad
    sources: every mistake is in `course.problems`, by kind, for the caller to stop or log."""
    root = Path(root)
    langs = languages or configured_languages(root / "mkdocs.yml")
    out_dir = out_dir or root / "build" / "quizzes"
    course = Course(root, tuple(langs), docs_dir_override=Path(docs_dir) if docs_dir else None)
    _read_pages(course)
    _read_interface(course, out_dir)
    course.compiled_files_changed = _compile_quizzes(course, out_dir)
    _read_branding(course)
    _read_diagrams(course)
    return course

"""Translation status: is each translation of each page and quiz complete, outdated or missing?

    python -m helpercourse.translation_status                  the table (exit 0: it is a report)
    python -m helpercourse.translation_status --check          exit 1 if anything is not complete
    python -m helpercourse.translation_status mark sv/02-trust.md
    python -m helpercourse.translation_status mark quizzes/trust.yaml --lang sv
    python -m helpercourse.translation_status mark --all [--lang sv]

The default language (Norwegian, docs/no/) is the source. "Outdated" is exact, never a guess
from file dates: each translation records the version of its source it was last brought in line
with (translation_versions.py); `mark` (translation_marks.py) writes it. This module works out
the status and shows it: as text for the command (translation_cli.py) and as the table on the
trainer-only page's ```translation-status block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from .problems import Problem, ProblemsFound
from .translation_versions import PAGE_KEY, QUIZ_KEY, lacks_text, page_version, quiz_texts, quiz_version, read_page, read_quiz

COMPLETE, OUTDATED, MISSING = "complete", "outdated", "missing"


# --- Status ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    state: str  # COMPLETE, OUTDATED or MISSING
    never_marked: bool = False


@dataclass(frozen=True)
class Row:
    kind: str  # "page" or "quiz"
    name: str  # "02-trust.md" (under docs/<lang>/) or "quizzes/trust.yaml"
    path: Path  # the source file
    version: str
    cells: dict[str, Cell]


@dataclass
class Report:
    source: str
    targets: tuple[str, ...]  # the translated languages
    rows: list[Row] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        cells = [cell for row in self.rows for cell in row.cells.values()]
        return {state: sum(cell.state == state for cell in cells) for state in (COMPLETE, OUTDATED, MISSING)}

    def never_marked(self) -> int:
        return sum(cell.never_marked for row in self.rows for cell in row.cells.values())


def _marked_state(recorded, version: str) -> Cell:
    if recorded in (None, ""):
        return Cell(OUTDATED, never_marked=True)
    return Cell(COMPLETE if str(recorded) == version else OUTDATED)


def course_page_rows(course) -> list[Row]:
    """The page rows from the pages a build already read (course.Course)."""
    source, targets = course.default_language, course.languages[1:]
    rows = []
    for name, page in sorted(course.pages[source].items()):
        version = page_version(page.path, page.source)
        cells = {}
        for lang in targets:
            translated = course.page(lang, name)
            cells[lang] = (_marked_state(translated.meta.get(PAGE_KEY), version) if translated else Cell(MISSING))
        rows.append(Row("page", name, page.path, version, cells))
    return rows


def page_rows(docs_dir: Path, langs: tuple[str, ...]) -> tuple[list[Row], list[Problem]]:
    source, targets = langs[0], langs[1:]
    rows, problems = [], []
    for path in sorted((docs_dir / source).rglob("*.md")):
        name = path.relative_to(docs_dir / source).as_posix()
        try:
            version = page_version(path)
            cells = {}
            for lang in targets:
                translated = docs_dir / lang / name
                cells[lang] = (_marked_state(read_page(translated).meta.get(PAGE_KEY), version)
                               if translated.is_file() else Cell(MISSING))
        except ProblemsFound as found:
            problems += found.problems
            continue
        rows.append(Row("page", name, path, version, cells))
    return rows, problems


def quiz_rows(quiz_dir: Path, langs: tuple[str, ...]) -> tuple[list[Row], list[Problem]]:
    source, targets = langs[0], langs[1:]
    rows, problems = [], []
    for path in sorted(quiz_dir.glob("*.yaml")):
        try:
            data = read_quiz(path, with_lines=False)
        except ProblemsFound as found:
            problems += found.problems
            continue
        texts = quiz_texts(data, langs)
        version = quiz_version(texts, source)
        recorded = data.get(QUIZ_KEY) or {}
        cells = {lang: Cell(MISSING) if any(lacks_text(text, lang) for text in texts)
                 else _marked_state(recorded.get(lang), version) for lang in targets}
        rows.append(Row("quiz", f"{quiz_dir.name}/{path.name}", path, version, cells))
    return rows, problems


def build_report(docs_dir: Path, quiz_dir: Path, langs: tuple[str, ...]) -> Report:
    """Every page and quiz; raises ProblemsFound (all of them) if a file cannot be read."""
    pages, page_problems = page_rows(Path(docs_dir), langs)
    quizzes, quiz_problems = quiz_rows(Path(quiz_dir), langs)
    if page_problems or quiz_problems:
        raise ProblemsFound(page_problems + quiz_problems)
    return Report(langs[0], langs[1:], pages + quizzes)



# --- Output --------------------------------------------------------------------------------------


def text_table(report: Report) -> str:
    names = [row.name for row in report.rows]
    width = max([len(name) for name in names] + [len("page or quiz")]) + 2
    lines = ["page or quiz".ljust(width) + "".join(lang.ljust(11) for lang in report.targets).rstrip()]
    for row in report.rows:
        lines.append(row.name.ljust(width) + "".join(
            (row.cells[lang].state + ("*" if row.cells[lang].never_marked else "")).ljust(11)
            for lang in report.targets).rstrip())
    counts = report.counts()
    pages = sum(row.kind == "page" for row in report.rows)
    lines += ["", (f"{pages} pages and {len(report.rows) - pages} quizzes in {', '.join(report.targets)} "
                   f"(source: {report.source}): {counts[COMPLETE]} complete, {counts[OUTDATED]} outdated, "
                   f"{counts[MISSING]} missing.")]
    if report.never_marked():
        lines.append(f"* never marked ({report.never_marked()}): no source version recorded yet.")
    if counts[OUTDATED]:
        lines.append("After bringing a translation in line with its source, mark it: make status-mark "
                     "PAGE=sv/02-trust.md (a quiz: make status-mark PAGE=quizzes/trust.yaml FOR=sv)")
    return "\n".join(lines)


# --- The trainer page's ```translation-status block ------------------------------------------

SLOT = '<div class="hc-translation-status-slot"></div>'


def format_fence(source, language, css_class, options, md, **kwargs):
    """pymdown superfences formatter: a placeholder that `fill_slots` replaces once pages are read."""
    return SLOT


def render_table(report: Report, ui: dict) -> str:
    """The status as an HTML table; the data is language-neutral, the words come from `ui`."""
    head = "".join(f'<th scope="col">{escape(lang)}</th>' for lang in report.targets)
    rows = "".join(
        f'<tr data-kind="{row.kind}"><th scope="row"><code>{escape(row.name)}</code></th>'
        + "".join(f'<td class="hc-translation-status--{row.cells[lang].state}">'
                  f'{escape(ui["translation_" + row.cells[lang].state])}</td>' for lang in report.targets)
        + "</tr>" for row in report.rows)
    counts = report.counts()
    summary = ui["translation_summary"]
    for state, count in counts.items():  # not str.format: a mistyped placeholder must not crash the build
        summary = summary.replace(f"{{{state}}}", str(count))
    return (f'<div class="hc-translation-status"><table><caption>{escape(ui["translation_caption"])}</caption>'
            f'<thead><tr><th scope="col">{escape(ui["translation_item"])}</th>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table><p>{escape(summary)}</p></div>')


def report_for_course(course) -> tuple[Report | None, list[Problem]]:
    """The status of a course (course.Course), from the pages it read; (None, problems) if a
    quiz cannot be read."""
    quizzes, problems = quiz_rows(course.root / "quizzes", course.languages)
    report = Report(course.default_language, course.languages[1:], course_page_rows(course) + quizzes)
    return (None if problems else report), problems


if __name__ == "__main__":
    import sys

    from .translation_cli import main
    sys.exit(main())

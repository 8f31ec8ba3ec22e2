"""Translation status: is each translation of each page and quiz complete, outdated or missing?

    python -m helpercourse.translation_status                  the table (exit 0: it is a report)
    python -m helpercourse.translation_status --check          exit 1 if anything is not complete
    python -m helpercourse.translation_status mark sv/02-trust.md
    python -m helpercourse.translation_status mark quizzes/trust.yaml --lang sv
    python -m helpercourse.translation_status mark --all [--lang sv]

The default language (Norwegian, docs/no/) is the source. A translation records which version of
its source it was last brought in line with, so "outdated" is exact, never a guess from file dates:
- a page, in its front matter:  source_version: "3f2a9c1e7b04"
- a quiz, one line at its end:  source_versions: {sv: "…", fi: "…", en: "…"}
A version is the first 12 hex digits of the SHA-256 of the source's normalised text (`normalise`):
for a page its title, its description and its Markdown body; for a quiz every Norwegian text.
`mark` writes the current version into that one line and touches nothing else in the file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml

from .atomic_files import write_atomically
from .problems import Problem, ProblemsFound, display_path
from .quiz_load import parse_with_lines, read_yaml, try_yaml
from .site_config import PROJECT_ROOT, languages

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the YAML rules MkDocs reads front matter with, in C

COMPLETE, OUTDATED, MISSING = "complete", "outdated", "missing"
PAGE_KEY = "source_version"
QUIZ_KEY = "source_versions"
PAGE_TEXT_KEYS = ("title", "description")  # the front matter a translator translates
_FRONT_MATTER = re.compile(r"\A(?P<open>---[ \t]*\r?\n)(?P<body>.*?\r?\n)?(?P<close>(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))",
                           re.DOTALL)


# --- Versions -----------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """What counts as a change: not line endings, trailing spaces, a BOM, the number of blank
    lines between blocks, blank lines at either end, or how a letter is encoded (NFC)."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _short_hash(data) -> str:
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class PageSource:
    meta: dict
    body: str


def read_page(path: Path) -> PageSource:
    """A page's front matter and body; a front matter that is not YAML is a Problem with its line."""
    text = Path(path).read_text(encoding="utf-8-sig")
    match = _FRONT_MATTER.match(text)
    if not match:
        return PageSource({}, text)
    try:
        meta = yaml.load(match["body"] or "", Loader=_SafeLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 2 + (mark.line if mark else 0)
        raise ProblemsFound([Problem(display_path(path), line, "the front matter between the '---' "
                                     f"lines is not valid YAML: {getattr(exc, 'problem', None) or exc}")])
    if not isinstance(meta, dict):
        raise ProblemsFound([Problem(display_path(path), 2, "the front matter between the '---' lines "
                                     "must be 'key: value' lines, such as 'title: …'")])
    return PageSource(meta, text[match.end():])


def page_version(path: Path) -> str:
    page = read_page(path)
    parts = {key: normalise(str(page.meta.get(key) or "")) for key in PAGE_TEXT_KEYS}
    return _short_hash({**parts, "body": normalise(page.body)})


def _is_text(node, langs: tuple[str, ...]) -> bool:
    """A quiz text: a `{no: …, sv: …}` group (keys are languages, values plain text)."""
    return (isinstance(node, dict) and bool(node) and set(node) <= set(langs)
            and not any(isinstance(value, (dict, list)) for value in node.values()))


def quiz_texts(quiz: dict, langs: tuple[str, ...]) -> list[dict]:
    """Every text group of a quiz source, in file order (the status key itself is not one)."""
    found = []

    def walk(node):
        if _is_text(node, langs):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({key: value for key, value in quiz.items() if key != QUIZ_KEY})
    return found


def quiz_version(texts: list[dict], source: str) -> str:
    """Sorted, so moving questions or options around does not call for a new translation."""
    return _short_hash(sorted(normalise(str(text.get(source) or "")) for text in texts))


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


def read_quiz(path: Path, with_lines: bool = True) -> dict:
    """A quiz source's data; `with_lines=False` tries the fast parser first (lines only for errors)."""
    data = None if with_lines else _fast_yaml(Path(path).read_text(encoding="utf-8"))
    if data is not None:
        return data
    data, problems = read_yaml(path)
    if problems:
        raise ProblemsFound(problems)
    if not isinstance(data, dict):
        raise ProblemsFound([Problem(display_path(path), 1, "a quiz file must start with 'id:', 'title:' and 'questions:'")])
    if not isinstance(data.get(QUIZ_KEY) or {}, dict):
        raise ProblemsFound([Problem(display_path(path), data.key_lines[QUIZ_KEY],
                                     f"'{QUIZ_KEY}' must be a group of languages, such as "
                                     f"{QUIZ_KEY}: {{sv: \"3f2a9c1e7b04\"}}; run the mark command to rewrite it")])
    return data


def _fast_yaml(text: str) -> dict | None:
    """The data by the fast parser when the file is fine, else None (the slow read explains)."""
    data = try_yaml(text)
    return data if isinstance(data, dict) and isinstance(data.get(QUIZ_KEY) or {}, dict) else None


def _lacks(text: dict, lang: str) -> bool:
    return not str(text.get(lang) or "").strip()


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
        cells = {lang: Cell(MISSING) if any(_lacks(text, lang) for text in texts)
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


# --- Marking: one line in the file, nothing else -----------------------------------------------


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
        if any(_lacks(text, lang) for text in quiz_texts(data, langs)):
            lacking = [text for text in quiz_texts(read_quiz(row.path), langs) if _lacks(text, lang)]
            raise ProblemsFound([Problem(display_path(row.path), getattr(lacking[0], "line", 1),
                                         f"cannot mark the {lang} translation: {len(lacking)} text(s) have "
                                         f"no '{lang}:' yet, the first on this line")])
    recorded = {lang: str(value) for lang, value in (data.get(QUIZ_KEY) or {}).items()}
    recorded.update({lang: row.version for lang in marked})
    ordered = {lang: recorded[lang] for lang in [*langs, *sorted(recorded)] if lang in recorded}
    new_text = with_quiz_versions(_read_exact(row.path), ordered)
    # A guard, as for pages: read the result back; only the one key may differ.
    check = _fast_yaml(new_text) or parse_with_lines(row.path, new_text)[0] or {}
    untouched = {k: v for k, v in data.items() if k != QUIZ_KEY}
    if {k: v for k, v in check.items() if k != QUIZ_KEY} != untouched or check.get(QUIZ_KEY) != ordered:
        raise ProblemsFound([Problem(display_path(row.path), 1, f"could not set '{QUIZ_KEY}' without "
                                     "changing the quiz; nothing was changed. Set it by hand at the end of the file")])
    return Mark(row.path, new_text, f"{display_path(row.path)} ({', '.join(marked)})")


def write_marks(marks: list[Mark]) -> int:
    """Write every changed file atomically; the number written."""
    return sum(write_atomically(mark.path, mark.new_text.encode("utf-8")) for mark in marks)


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


# --- The trainer page's ```translation-status block (called from mkdocs_hooks.py) ------------------

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


_last_report: dict = {}


def _report_for_build(docs_dir: Path, quiz_dir: Path, langs: tuple[str, ...]) -> Report:
    """One reading per build, not one per language: reused while no source file has changed."""
    files = sorted([*Path(docs_dir).rglob("*.md"), *Path(quiz_dir).glob("*.yaml")])
    key = (langs, tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))
    if key not in _last_report:
        _last_report.clear()
        _last_report[key] = build_report(docs_dir, quiz_dir, langs)
    return _last_report[key]


def fill_slots(html: str, docs_dir: Path, langs: tuple[str, ...], ui: dict, quiz_dir: Path | None = None) -> str:
    """Replace the ```translation-status placeholder with the table; ProblemsFound if a file is unreadable."""
    if SLOT not in html:
        return html
    report = _report_for_build(Path(docs_dir), Path(quiz_dir or PROJECT_ROOT / "quizzes"), langs)
    return html.replace(SLOT, render_table(report, ui))


# --- Command line ------------------------------------------------------------------------------


class Refused(Exception):
    """A mark that cannot be made; the message says why and what to type instead."""


def _resolve(target: str, root: Path, docs_dir: Path, quiz_dir: Path, targets: tuple[str, ...]) -> tuple[str, Path]:
    """('page', docs/<lang>/<name>) or ('quiz', quizzes/<id>.yaml) for what a translator typed."""
    given = Path(target)
    candidates = [given] if given.is_absolute() else [Path.cwd() / given, root / given, docs_dir / given, quiz_dir / given]
    for candidate in candidates:
        candidate = candidate.resolve()
        for kind, folder in (("page", docs_dir), ("quiz", quiz_dir)):
            if candidate.is_relative_to(folder.resolve()) and candidate.is_file():
                return kind, candidate
    raise Refused(f"{target}: no such page or quiz. Give a translated page as <language>/<file>.md "
                  f"(for example {targets[0]}/02-trust.md) or a quiz as quizzes/<id>.yaml")


def _mark_command(argv: list[str], root: Path) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpercourse.translation_status mark",
        description="Record that a translation is in line with its current Norwegian source.")
    parser.add_argument("targets", nargs="*", metavar="PAGE_OR_QUIZ",
                        help="a translated page (sv/02-trust.md) or a quiz (quizzes/trust.yaml, with --lang)")
    parser.add_argument("--lang", action="append", default=[], metavar="LANG",
                        help="the translation(s) of a quiz to mark, e.g. --lang sv (repeat or use sv,fi); "
                             "with --all: only these languages")
    parser.add_argument("--all", action="store_true", help="mark every existing translation of every page and quiz")
    args = parser.parse_args(argv)
    langs = languages(root / "mkdocs.yml")
    docs_dir, quiz_dir = root / "docs", root / "quizzes"
    source, targets = langs[0], langs[1:]
    chosen = [lang for value in args.lang for lang in value.split(",") if lang]
    unknown = [lang for lang in chosen if lang not in targets]
    if unknown:
        parser.error(f"--lang {', '.join(unknown)}: the translated languages are {', '.join(targets)}")
    if args.all == bool(args.targets):
        parser.error("name the page(s) or quiz(zes) to mark, or give --all")

    report = build_report(docs_dir, quiz_dir, langs)
    by_path = {row.path.resolve(): row for row in report.rows}
    marks, skipped = [], []
    if args.all:
        for row in report.rows:
            for lang in chosen or targets:
                if row.cells[lang].state == MISSING:
                    skipped.append(f"{row.name} ({lang}): missing, not marked")
            wanted = [lang for lang in chosen or targets if row.cells[lang].state != MISSING]
            if row.kind == "page":
                marks += [page_mark(row, docs_dir, lang) for lang in wanted]
            elif wanted:
                marks.append(quiz_mark(row, langs, wanted))
    for target in args.targets:
        kind, path = _resolve(target, root, docs_dir, quiz_dir, targets)
        if kind == "quiz":
            if not chosen:
                parser.error(f"{target}: a quiz holds every language; say which translation you checked, "
                             f"e.g. --lang {targets[0]}")
            if path not in by_path:
                raise Refused(f"{target}: not a quiz source; quizzes are quizzes/<id>.yaml")
            marks.append(quiz_mark(by_path[path], langs, chosen))
            continue
        lang, *parts = path.relative_to(docs_dir.resolve()).parts
        name = "/".join(parts)
        if lang not in langs:
            raise Refused(f"{target}: not in a language folder; translated pages are in "
                          f"{', '.join(f'docs/{lang}/' for lang in targets)}")
        if lang == source:
            parser.error(f"{target}: {source} is the source language; mark its translations instead "
                         f"(for example {targets[0]}/{name})")
        row = by_path.get((docs_dir / source / name).resolve())
        if row is None:
            raise Refused(f"{display_path(path)}: there is no source page {display_path(docs_dir / source / name)}")
        marks.append(page_mark(row, docs_dir, lang))

    changed = [mark for mark in marks if mark.changed]
    write_marks(changed)
    for mark in marks:
        print(f"{mark.what}: {'marked as in line with its source' if mark in changed else 'already marked'}")
    for note in skipped:
        print(note)
    print(f"{len(changed)} file{'s' if len(changed) != 1 else ''} changed.")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    root = PROJECT_ROOT
    if len(argv) >= 2 and argv[0] == "--root":
        root, argv = Path(argv[1]).resolve(), argv[2:]
    try:
        if argv[:1] == ["mark"]:
            return _mark_command(argv[1:], root)
        parser = argparse.ArgumentParser(
            prog="python -m helpercourse.translation_status",
            description="List every page and quiz with each translation complete, outdated or missing.",
            epilog="Subcommand: mark PAGE_OR_QUIZ | --all (see 'mark --help'). Before either, "
                   "--root DIR works on another copy of the course. "
                   "Exit codes: 0 report shown, 1 with --check when something is outdated or missing, "
                   "or when a file cannot be read.")
        parser.add_argument("--check", action="store_true", help="exit 1 when anything is outdated or missing (for CI)")
        args = parser.parse_args(argv)
        report = build_report(root / "docs", root / "quizzes", languages(root / "mkdocs.yml"))
    except ProblemsFound as found:
        for problem in found.problems:
            print(problem, file=sys.stderr)
        print("Nothing was changed.", file=sys.stderr)
        return 1
    except Refused as refused:
        print(f"{refused} Nothing was changed.", file=sys.stderr)
        return 1
    print(text_table(report))
    counts = report.counts()
    return 1 if args.check and (counts[OUTDATED] or counts[MISSING]) else 0


if __name__ == "__main__":
    sys.exit(main())

"""The command line of the translation status (`make status`, `make status-mark`).

    python -m helpercourse.translation_status [--root DIR] [--check]
    python -m helpercourse.translation_status [--root DIR] mark PAGE_OR_QUIZ … [--lang sv] | --all
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import ProblemsFound, display_path
from .site_config import PROJECT_ROOT, languages
from .translation_marks import page_mark, quiz_mark, write_marks
from .translation_status import MISSING, OUTDATED, build_report, text_table


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

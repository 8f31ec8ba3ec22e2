"""make question-banks: python -m helpercourse.question_banks [--quizzes DIR] [--out DIR]."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import quiz_compile
from ..problems import ProblemsFound, display_path, format_problems
from ..site_config import PROJECT_ROOT, languages_or_message
from .export import FORMATS, NameClash, compiled_banks, render, sizes, skipped_lines, write

OUT_DIR = PROJECT_ROOT / "dist" / "question-banks"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpercourse.question_banks",
        description="Write the quizzes as Moodle XML, GIFT and QTI 2.1 question banks.",
        epilog="Exit codes: 0 written, 1 problems in the quizzes or writing, 2 bad arguments.")
    parser.add_argument("--quizzes", type=Path, default=quiz_compile.QUIZ_DIR, metavar="DIR",
                        help="folder of quiz sources (default: quizzes/)")
    parser.add_argument("--interface", type=Path, default=quiz_compile.INTERFACE_FILE, metavar="FILE",
                        help="interface strings file (default: translations/interface.yaml)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, metavar="DIR",
                        help="output folder (default: dist/question-banks/)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    args = parser.parse_args(argv)
    shown = display_path(args.out)
    langs, problem = languages_or_message()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        banks, ui = compiled_banks(langs, args.quizzes, args.interface)
    except ProblemsFound as found:
        print(format_problems(found.problems, indent=""), file=sys.stderr)
        count = len(found.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; the question banks in {shown} "
              "were left as they were.", file=sys.stderr)
        return 1
    except NameClash as clash:
        print(clash, file=sys.stderr)
        return 1
    export = render(banks, ui)
    try:
        write(export, args.out)
    except OSError as error:
        print(f"{shown}: could not write the question banks: {error.strerror or error}; "
              "the previous banks are left as they were", file=sys.stderr)
        return 1
    if not args.quiet:
        table = sizes(export)
        print(f"Question banks in {shown}/ for {', '.join(langs)}:")
        for lang in langs:
            figures = ", ".join(f"{fmt} {table[lang].get(fmt, 0) / 1024:.1f} KiB" for fmt, _ in FORMATS)
            print(f"  {lang}: {len(banks[lang])} quizzes; {figures}")
        lines = skipped_lines(export)
        print(f"Left out ({len(lines)}), also listed in {shown}/README.md:" if lines else "Nothing left out.")
        for line in lines:
            print(f"  {line[2:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

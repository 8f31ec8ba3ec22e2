#!/usr/bin/env python3
"""Compile the quiz sources in quizzes/ to JSON in build/quizzes/, checking them as it goes.

Every problem is listed as  quizzes/<file>.yaml:<line>: <what is wrong and how to fix it>
and the exit code is 1; nothing is written then, so the last good output stays in place.
`mkdocs build` and `mkdocs serve` run this automatically; run it by hand to check your edits.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpercourse import quiz_compile
from helpercourse.problems import ProblemsFound, format_problems
from helpercourse.site_config import languages_or_message


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Check and compile the course quizzes (quizzes/*.yaml) to JSON.",
        epilog="Exit codes: 0 all good, 1 problems found in the sources, 2 bad arguments.",
    )
    parser.add_argument("--check", action="store_true",
                        help="only check the sources; write nothing")
    parser.add_argument("--quizzes", type=Path, default=quiz_compile.QUIZ_DIR, metavar="DIR",
                        help="folder of quiz sources (default: %(default)s)")
    parser.add_argument("--interface", type=Path, default=quiz_compile.INTERFACE_FILE,
                        metavar="FILE", help="interface strings file (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=quiz_compile.OUTPUT_DIR, metavar="DIR",
                        help="output folder (default: %(default)s)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    args = parser.parse_args(argv)

    langs, problem = languages_or_message()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        compiled = quiz_compile.compile_course(langs, args.quizzes, args.interface)
    except ProblemsFound as found:
        print(format_problems(found.problems, indent=""), file=sys.stderr)
        count = len(found.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.",
              file=sys.stderr)
        return 1
    summary = (f"{len(compiled.quiz_ids)} quizzes, {compiled.question_count} questions, "
               f"{len(langs)} languages ({', '.join(langs)})")
    if args.check:
        if not args.quiet:
            print(f"OK: {summary}; nothing written (--check).")
        return 0
    changed = quiz_compile.write_course(compiled, args.out)
    if not args.quiet:
        print(f"OK: {summary}; {changed} file{'s' if changed != 1 else ''} updated in {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

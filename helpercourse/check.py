"""`make check`: everything a trainer can break, checked in well under a minute.

    python -m helpercourse.check              sources, quizzes, lesson rules and links
    python -m helpercourse.check --no-links   the same without building the site

Prints every problem as `file:line: what to fix`, then a one-line summary; exit 1 if any.
The full test suite (`make test`) also drives the site in a browser; this is the quick part.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .course import load_course
from .lesson_rules import lesson_problems
from .problems import format_problems
from .site_config import PROJECT_ROOT

# Lines of MkDocs' output that report a mistake (the plugin prefixes links with file:line).
_MISTAKE = re.compile(r"^(?:WARNING|ERROR)\s+-\s+(?P<text>.*)$")


def link_problems(root: Path) -> list[str]:
    """Build the site strictly into a temporary folder; MkDocs' warnings and errors, as printed."""
    with tempfile.TemporaryDirectory(prefix="helpercourse-check-") as site:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
                                cwd=root, env=env, capture_output=True, text=True, timeout=600)
    found = [match["text"] for line in result.stderr.splitlines() if (match := _MISTAKE.match(line))]
    if result.returncode != 0 and not found:
        found = [result.stderr.strip()[-2000:] or "the site did not build"]
    return [line for line in found if not line.startswith("Aborted with")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpercourse.check", description=__doc__.splitlines()[0])
    parser.add_argument("--no-links", action="store_true", help="skip building the site to check links")
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help="the course folder (with mkdocs.yml)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    root = args.root.resolve()
    os.chdir(root)  # problems name files as the trainer types them: relative to the course
    course = load_course(root)
    problems = course.all_problems()
    if not course.problems["pages"]:  # the rules need every page read
        problems += lesson_problems(course)
    if problems:
        print(format_problems(problems, limit=200))
    # The build would repeat a page's own mistakes; with the pages readable it adds links and anchors.
    links = [] if args.no_links or course.problems["pages"] else link_problems(root)
    for line in links:
        print(f"  {line}")
    count = len(problems) + len(links)
    pages = sum(len(pages) for pages in course.pages.values())
    quizzes = len(course.quizzes.get(course.default_language, {}))
    what = f"{pages} pages, {quizzes} quizzes in {len(course.languages)} languages"
    seconds = time.monotonic() - started
    if count:
        print(f"{count} problem{'s' if count != 1 else ''} found ({what}; {seconds:.1f} s).", file=sys.stderr)
        return 1
    links_note = "" if args.no_links else ", links and anchors"
    print(f"OK: {what}: sources, quizzes, lesson rules{links_note} ({seconds:.1f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())

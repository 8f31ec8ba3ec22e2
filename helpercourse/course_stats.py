"""Course figures for trainers and reviewers: lesson length and quiz size per module.

    python -m helpercourse.course_stats        (or: make stats)

prints a Markdown table: words in each lesson (the text between the objectives and the
scenarios) per language, and each module's quiz: scored questions and their types.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from .course import Course, load_course
from .lesson_text import lesson_body, words

ROOT = Path(__file__).resolve().parent.parent


def module_rows(course: Course | Path = ROOT) -> list[dict]:
    """A row per module: lesson words per language, and its quiz's scored questions by type."""
    course = course if isinstance(course, Course) else load_course(Path(course))
    rows = []
    for page in course.modules(course.default_language):
        row = {"module": page.file_name[:-3], "words": {}, "quiz": None}
        for lang in course.languages:
            translated = course.page(lang, page.file_name)
            row["words"][lang] = len(words(lesson_body(translated.source.body))) if translated else None
        quiz = course.quizzes[course.default_language].get(page.quiz_ids[0]) if page.quiz_ids else None
        if quiz is not None:
            types = Counter(q["type"] for q in quiz["questions"])
            row["quiz"] = {"id": quiz["id"], "types": types,
                           "scored": sum(n for t, n in types.items() if t != "reflection")}
        rows.append(row)
    return rows


def table(rows: list[dict]) -> str:
    langs = list(rows[0]["words"]) if rows else []
    lines = ["| module | " + " | ".join(f"{lang} words" for lang in langs) + " | scored questions | types |",
             "|---|" + "---:|" * len(langs) + "---:|---|"]
    for row in rows:
        quiz = row["quiz"]
        types = ", ".join(f"{n} {t}" for t, n in sorted(quiz["types"].items())) if quiz else "no quiz"
        lines.append(f"| {row['module']} | " + " | ".join(_count(row["words"][lang]) for lang in langs)
                     + f" | {quiz['scored'] if quiz else 0} | {types} |")
    return "\n".join(lines)


def _count(number: int | None) -> str:
    return "missing" if number is None else f"{number:,}"


def main() -> int:
    print(table(module_rows()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Course figures for trainers and reviewers: lesson length and quiz size per module.

    python -m helpercourse.course_stats        (or: make stats)

prints a Markdown table: words in each lesson (the text between the objectives and the
scenarios) per language, and each module's quiz: scored questions and their types.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from .lesson_text import lesson_body, read_page, words
from .page_checks import quiz_references
from .quiz_load import read_yaml
from .site_config import languages

ROOT = Path(__file__).resolve().parent.parent


def module_rows(root: Path = ROOT) -> list[dict]:
    langs = languages(root / "mkdocs.yml")
    rows = []
    for page in sorted((root / "docs" / langs[0]).glob("[0-9][0-9]-*.md")):
        row = {"module": page.stem, "words": {}, "quiz": None}
        for lang in langs:
            translated = root / "docs" / lang / page.name
            row["words"][lang] = len(words(lesson_body(read_page(translated)[0]))) if translated.is_file() else None
        quiz_ids = [quiz_id for _, quiz_id in quiz_references(read_page(page)[0])]
        quiz_file = root / "quizzes" / f"{quiz_ids[0]}.yaml" if quiz_ids else None
        if quiz_file and quiz_file.is_file():
            data, problems = read_yaml(quiz_file)
            if not problems:
                types = Counter(q["type"] for q in data["questions"])
                row["quiz"] = {"id": quiz_ids[0], "types": types,
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

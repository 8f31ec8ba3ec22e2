"""`make check`: a trainer's quick check names each mistake with its file and line."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def check(project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpercourse.check", "--root", str(project)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_course_as_it_is_passes_the_check():
    result = check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: " in result.stdout and "links and anchors" in result.stdout


def test_lesson_rules_quiz_mistakes_and_links_are_named_with_file_and_line(project_copy):
    lesson = project_copy / "docs" / "fi" / "03-self-help.md"
    text = lesson.read_text(encoding="utf-8")
    # One key point too few is fine; all of them gone is not: the section then has no list.
    start = text.index("{#key-points}")
    end = text.index("## ", start)
    lesson.write_text(text[:start] + "{#key-points}\n\nEi listaa.\n\n" + text[end:], encoding="utf-8")
    key_points_line = text[:start].count("\n") + 1
    quiz = project_copy / "quizzes" / "trust.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("type: single", "type: singel", 1), encoding="utf-8")

    result = check(project_copy)

    assert result.returncode == 1
    assert f"docs/fi/03-self-help.md:{key_points_line}: 0 key points; write 3 or more" in result.stdout
    assert "shaped unlike docs/no/03-self-help.md" in result.stdout
    assert "quizzes/trust.yaml:" in result.stdout and "unknown question type 'singel'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_broken_link_is_reported_with_its_line(project_copy):
    lesson = project_copy / "docs" / "en" / "02-trust.md"
    text = lesson.read_text(encoding="utf-8")
    line = text[:text.index("](glossary.md#trust)")].count("\n") + 1
    lesson.write_text(text.replace("](glossary.md#trust)", "](glosary.md#trust)", 1), encoding="utf-8")
    result = check(project_copy)
    assert result.returncode == 1
    assert f"docs/en/02-trust.md:{line}: Doc file 'en/02-trust.md' contains a link 'glosary.md#trust'" in result.stdout

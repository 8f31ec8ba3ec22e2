"""build_quizzes.py as a trainer meets it: a good quiz compiles; each mistake gets file:line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = (FIXTURES / "quizzes" / "sample.yaml").read_text(encoding="utf-8")


def run_compiler(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build_quizzes.py"), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def write_quiz(folder: Path, text: str, name: str = "sample.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def line_number(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing fragment, so expectations follow the fixture."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    return hits[occurrence - 1]


def test_valid_quiz_compiles_to_the_expected_json(tmp_path):
    out = tmp_path / "out"
    result = run_compiler("--quizzes", str(FIXTURES / "quizzes"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 quizzes, 7 questions, 4 languages" in result.stdout
    for lang in ("no", "sv", "fi", "en"):
        expected = json.loads((FIXTURES / "expected" / f"sample.{lang}.json").read_text("utf-8"))
        assert json.loads((out / lang / "sample.json").read_text("utf-8")) == expected
        assert (out / lang / "_interface.json").exists()
    assert (out / "quiz.schema.json").exists()


def test_help_explains_the_command():
    result = run_compiler("--help")
    assert result.returncode == 0
    assert "--check" in result.stdout and "quizzes" in result.stdout


def test_check_mode_writes_nothing(tmp_path):
    out = tmp_path / "out"
    result = run_compiler("--check", "--quizzes", str(FIXTURES / "quizzes"), "--out", str(out))
    assert result.returncode == 0
    assert "nothing written" in result.stdout
    assert not out.exists()


# (what a trainer did wrong, how to do it to the fixture, the line to blame, words in the message)
MISTAKES = [
    ("bad YAML",
     lambda t: t.replace("en: Which is right?", "en: Which: is right?"),
     lambda t: line_number(t, "en: Which: is right?"), "YAML syntax error"),
    ("tab indentation",
     lambda t: t.replace("    prompt:\n      no: Hvilken", "    prompt:\n\tno: Hvilken"),
     lambda t: line_number(t, "\tno: Hvilken"), "YAML syntax error"),
    ("missing language",
     lambda t: t.replace("      sv: Vilken är rätt?\n", ""),
     lambda t: line_number(t, "prompt:"), "the 'sv' translation is missing"),
    ("unknown language",
     lambda t: t.replace("  en: Sample quiz\n", "  en: Sample quiz\n  se: Provquiz\n"),
     lambda t: line_number(t, "se: Provquiz"), "unknown key 'se'"),
    ("missing correct answer",
     lambda t: t.replace("      - id: right\n        correct: true", "      - id: right\n        correct: false"),
     lambda t: line_number(t, "options:"), "needs exactly one option with 'correct: true', but has 0"),
    ("two correct answers in a single-choice question",
     lambda t: t.replace("      - id: wrong\n        correct: false", "      - id: wrong\n        correct: true"),
     lambda t: line_number(t, "options:"), "but has 2"),
    ("duplicate question id",
     lambda t: t.replace("id: judge-it", "id: pick-one"),
     lambda t: line_number(t, "id: pick-one", 2), "question id 'pick-one' is already used"),
    ("duplicate key",
     lambda t: t.replace("    answer: false", "    answer: false\n    answer: true"),
     lambda t: line_number(t, "answer: true"), "duplicate key 'answer'"),
    ("unknown question type",
     lambda t: t.replace("type: multiple", "type: multi"),
     lambda t: line_number(t, "type: multi"), "unknown question type 'multi'"),
    ("wrong field type",
     lambda t: t.replace("answer: false", "answer: nope"),
     lambda t: line_number(t, "answer: nope"), "must be true or false"),
    ("text given as a list",
     lambda t: t.replace("en: Only the first is right.", "en: [Only, the first]"),
     lambda t: line_number(t, "en: [Only, the first]"), "must be text, but is a list"),
    ("missing explanation",
     lambda t: t.replace("    explanation:\n      no: Himmelen er blå", "    explanatoin:\n      no: Himmelen er blå"),
     lambda t: line_number(t, "explanatoin:"), "unknown key 'explanatoin'"),
    ("invalid id",
     lambda t: t.replace("id: pick-many", "id: Pick Many"),
     lambda t: line_number(t, "id: Pick Many"), "is not a valid id"),
    ("categorise item in a group that does not exist",
     lambda t: t.replace("category: vegetable", "category: vegetables"),
     lambda t: line_number(t, "category: vegetables"), "'category: vegetables' is not one of the groups"),
    ("order question with a repeated step",
     lambda t: t.replace("      - id: third\n", "      - id: first\n"),
     lambda t: line_number(t, "- id: first", 2), "step id 'first' appears twice"),
    ("scenario choice leading to a step that does not exist",
     lambda t: t.replace("next: talk", "next: chat"),
     lambda t: line_number(t, "next: chat"), "'next: chat' is not the id of a step"),
    ("scenario step that no choice leads to",
     lambda t: t.replace("            next: talk\n", ""),
     lambda t: line_number(t, "- id: talk"), "no choice leads to step 2"),
    ("scenario step without a good choice",
     lambda t: t.replace("good: true\n            feedback: {no: Bra ramme.", "good: false\n            feedback: {no: Bra ramme."),
     lambda t: line_number(t, "choices:", 2), "has no choice with 'good: true'"),
    ("outcomes not starting at zero",
     lambda t: t.replace("  - from: 0\n", "  - from: 10\n"),
     lambda t: line_number(t, "from: 10"), "must start at 'from: 0'"),
    ("pass mark out of range",
     lambda t: t.replace("pass_mark: 60", "pass_mark: 160"),
     lambda t: line_number(t, "pass_mark: 160"), "it must be at most 100"),
    ("pass mark not a number",
     lambda t: t.replace("pass_mark: 60", "pass_mark: sixty"),
     lambda t: line_number(t, "pass_mark: sixty"), "must be a whole number"),
    ("too many hints",
     lambda t: t.replace("    hints:\n      - {no: Tenk", "    hints:\n      - {no: a, sv: a, fi: a, en: a}\n      - {no: a, sv: a, fi: a, en: a}\n      - {no: a, sv: a, fi: a, en: a}\n      - {no: Tenk"),
     lambda t: line_number(t, "hints:"), "keep it to 3 at most"),
    ("quiz id not matching the file name",
     lambda t: t.replace("id: sample", "id: example"),
     lambda t: line_number(t, "id: example"), "must match the file name"),
]


@pytest.mark.parametrize("mistake, mutate, blamed_line, words", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_reported_with_file_and_line(tmp_path, mistake, mutate, blamed_line, words):
    broken = mutate(SAMPLE)
    assert broken != SAMPLE, f"the fixture no longer contains what the '{mistake}' case changes"
    folder = write_quiz(tmp_path / "quizzes", broken)
    result = run_compiler("--quizzes", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected_prefix = f"{(folder / 'sample.yaml').as_posix()}:{blamed_line(broken)}: "
    matching = [line for line in result.stderr.splitlines() if line.startswith(expected_prefix)]
    assert any(words in line for line in matching), result.stderr
    assert "nothing was written" in result.stderr


def test_every_problem_is_listed_not_only_the_first(tmp_path):
    broken = (SAMPLE.replace("answer: false", "answer: nope")
              .replace("type: multiple", "type: multi")
              .replace("      sv: Vilken är rätt?\n", ""))
    folder = write_quiz(tmp_path / "quizzes", broken)
    write_quiz(folder, SAMPLE.replace("id: sample", "id: other").replace("type: single", "type: one"),
               name="other.yaml")
    result = run_compiler("--quizzes", str(folder), "--out", str(tmp_path / "out"))
    problems = [line for line in result.stderr.splitlines() if ".yaml:" in line]
    assert len(problems) == 4, result.stderr
    assert problems == sorted(problems, key=lambda p: (p.split(":")[0], int(p.split(":")[1])))
    assert "4 problems found" in result.stderr


def test_a_failed_run_keeps_the_last_good_output(tmp_path):
    folder = write_quiz(tmp_path / "quizzes", SAMPLE)
    out = tmp_path / "out"
    assert run_compiler("--quizzes", str(folder), "--out", str(out)).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*.json")}

    write_quiz(folder, SAMPLE.replace("en: Which is right?", "en: Changed but broken").replace(
        "answer: false", "answer: maybe"))
    result = run_compiler("--quizzes", str(folder), "--out", str(out))
    assert result.returncode == 1
    assert {p: p.read_bytes() for p in out.rglob("*.json")} == before
    assert not list(out.rglob("*.tmp")), "no half-written files are left behind"


def test_a_deleted_quiz_disappears_from_the_output(tmp_path):
    folder = write_quiz(tmp_path / "quizzes", SAMPLE)
    write_quiz(folder, SAMPLE.replace("id: sample", "id: second"), name="second.yaml")
    out = tmp_path / "out"
    assert run_compiler("--quizzes", str(folder), "--out", str(out)).returncode == 0
    (folder / "second.yaml").unlink()
    assert run_compiler("--quizzes", str(folder), "--out", str(out)).returncode == 0
    assert not (out / "en" / "second.json").exists()
    assert (out / "en" / "sample.json").exists()


def test_a_missing_interface_translation_is_reported(tmp_path):
    interface = (ROOT / "translations" / "interface.yaml").read_text(encoding="utf-8")
    broken = interface.replace("  fi: Yritä uudelleen\n", "")
    target = tmp_path / "interface.yaml"
    target.write_text(broken, encoding="utf-8")
    result = run_compiler("--check", "--quizzes", str(FIXTURES / "quizzes"), "--interface", str(target))
    assert result.returncode == 1
    assert f"{target.as_posix()}:{line_number(broken, 'retry:')}: retry: the 'fi' translation is missing" in result.stderr


def test_the_norwegian_language_key_is_not_read_as_false(tmp_path):
    # YAML 1.1 reads a bare `no` as the boolean false; the compiler must keep it a language.
    out = tmp_path / "out"
    assert run_compiler("--quizzes", str(FIXTURES / "quizzes"), "--out", str(out)).returncode == 0
    assert json.loads((out / "no" / "sample.json").read_text("utf-8"))["title"] == "Prøvequiz"


def test_a_missing_site_config_is_a_clear_message_not_a_traceback(project_copy):
    (project_copy / "mkdocs.yml").unlink()
    result = subprocess.run([sys.executable, "build_quizzes.py", "--check"], cwd=project_copy,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("mkdocs.yml: cannot read the course languages")
    assert "Traceback" not in result.stderr

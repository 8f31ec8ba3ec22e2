"""Error output stays readable and bounded however broken the sources are.

A value quoted in a message is cut; past 50 problems the list ends with "… and N more problems";
and finding 100,000 problems takes seconds (it used to take 164 s and print 14 MB).
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

from helpercourse.problems import (SHOWN_PROBLEMS, Problem, ProblemsFound, format_problems,
                                   shorten)

ROOT = Path(__file__).resolve().parents[2]


def run_compiler(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build_quizzes.py"), "--check", "--quizzes",
                           str(folder)], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_list_stops_after_the_limit_and_says_how_many_more():
    problems = [Problem("quizzes/a.yaml", n, f"problem {n}") for n in range(100_000, 0, -1)]
    text = format_problems(problems, indent="")
    lines = text.split("\n")
    assert len(lines) == SHOWN_PROBLEMS + 1
    assert lines[0] == "quizzes/a.yaml:1: problem 1"  # in order of file and line
    assert lines[-1] == "… and 99,950 more problems"
    assert format_problems(problems[:3]).count("\n") == 2  # under the limit: no "more" line
    assert format_problems(problems[:51]).endswith("\n  … and 1 more problem")  # indented
    assert format_problems(problems[:2] * 2, indent="") == "quizzes/a.yaml:99999: problem 99999\n" \
        "quizzes/a.yaml:100000: problem 100000"  # each once
    assert len(str(ProblemsFound(problems))) < 10_000


def test_a_quoted_value_and_a_whole_message_are_cut():
    assert shorten("x" * 61) == "x" * 60 + "…"
    assert shorten("short") == "short"
    long = Problem("quizzes/a.yaml", 1, "start " + "v" * 20_000_000 + " how to fix it")
    assert len(long.message) < 600
    assert long.message.startswith("start ") and long.message.endswith("how to fix it")


def test_a_huge_value_is_not_echoed_whole(tmp_path):
    folder = tmp_path / "quizzes"
    folder.mkdir()
    value = "Not An Id " * 70_000  # 0.7 MB on a line, twice: under the 2 MB limit
    (folder / "huge.yaml").write_text(
        f"id: huge\ntitle: {{no: a, sv: a, fi: a, en: a}}\npass_mark: {value}\nquestions:\n"
        f"  - id: {value}\n    type: truefalse\n    prompt: {{no: a, sv: a, fi: a, en: a}}\n"
        "    answer: true\n", encoding="utf-8")
    result = run_compiler(folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr) < 5_000, result.stderr[:500]
    assert "id is too long" in result.stderr and "must be a whole number" in result.stderr
    assert "'Not An Id Not An Id Not An Id Not An Id Not An Id Not An Id …'" in result.stderr


def many_problems(folder: Path, files: int = 10, questions: int = 2_000) -> int:
    """Quizzes whose every question has 5 problems (an unknown language, 4 missing)."""
    folder.mkdir()
    for f in range(files):
        lines = [f"id: many-{f}\ntitle: {{no: a, sv: a, fi: a, en: a}}\nquestions:\n"]
        lines += [f"  - {{id: q{n}, type: truefalse, prompt: {{xx: a}}, answer: true, "
                  "explanation: {no: a, sv: a, fi: a, en: a}}\n" for n in range(questions)]
        (folder / f"many-{f}.yaml").write_text("".join(lines), encoding="utf-8")
    return files * questions * 5


def test_100000_problems_are_found_fast_and_printed_short(tmp_path):
    expected = many_problems(tmp_path / "quizzes")
    assert expected == 100_000
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run_compiler(tmp_path / "quizzes")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == SHOWN_PROBLEMS + 2, lines[-3:]
    assert lines[-2] == "… and 99,950 more problems"
    assert lines[-1] == "100000 problems found; nothing was written."
    assert len(result.stderr) < 20_000
    # 4-5 s of CPU on the project's 2-core machines; before the fix, 164 s
    assert cpu < 40, f"{cpu:.1f} s of CPU for 100,000 problems"

"""Sources that would crash, hang or flood the compiler get one file:line message instead.

Each case runs build_quizzes.py in a subprocess with a timeout: a segfault (deep nesting used
to crash the YAML parser) or a hang (a FIFO, /dev/zero) fails the test instead of pytest.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
INTERFACE = ROOT / "translations" / "interface.yaml"


def run_compiler(folder: Path, *extra: str, interface: Path = INTERFACE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build_quizzes.py"), "--check", "--quizzes",
                           str(folder), "--interface", str(interface), *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def quizzes_with(tmp_path: Path, name: str, content: bytes) -> Path:
    folder = tmp_path / "quizzes"
    folder.mkdir(exist_ok=True)
    shutil.copy(FIXTURES / "quizzes" / "sample.yaml", folder / "sample.yaml")
    (folder / name).write_bytes(content)
    return folder


def problem_lines(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr[-3000:])
    return [line for line in result.stderr.splitlines() if ".yaml:" in line]


DEEP = [
    ("50,000 [", b"id: deep\nquestions: " + b"[" * 50_000 + b"\n", 2),
    ("50,000 {", b"id: deep\nquestions: " + b"{a: " * 50_000 + b"\n", 2),
    ("50,000 nested list items", b"id: deep\nquestions:\n" + b"- " * 50_000 + b"x\n", 3),
    ("indentation 200 levels deep",
     b"id: deep\n" + b"".join(b" " * i + b"k%d:\n" % i for i in range(200)), 52),
]


@pytest.mark.parametrize("content, line", [d[1:] for d in DEEP], ids=[d[0] for d in DEEP])
def test_deep_nesting_is_refused_before_the_parser_sees_it(tmp_path, content, line):
    result = run_compiler(quizzes_with(tmp_path, "deep.yaml", content))
    assert problem_lines(result) == [
        f"{(tmp_path / 'quizzes' / 'deep.yaml').as_posix()}:{line}: nested more than 50 levels "
        "deep; a course file needs far fewer, so check the brackets [ { and the indentation here"]


def test_nesting_a_real_quiz_uses_is_accepted(tmp_path):
    sample = (FIXTURES / "quizzes" / "sample.yaml").read_text(encoding="utf-8")
    # brackets in texts and deep indentation (everything nested 30 columns further in) are not nesting
    text = sample.replace("en: Which is right?", 'en: "' + "[1] {a} " * 60 + '"')
    text = re.sub(r"^( +)", lambda m: " " * 30 + m.group(1), text, flags=re.M)
    assert re.search(r"^ {40}", text, re.M)
    folder = tmp_path / "quizzes"
    folder.mkdir()
    (folder / "sample.yaml").write_text(text, encoding="utf-8")
    result = run_compiler(folder)
    assert result.returncode == 0, result.stderr


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    big = b"id: big\n# " + b"x" * 2_100_000 + b"\n"
    lines = problem_lines(run_compiler(quizzes_with(tmp_path, "big.yaml", big)))
    assert len(lines) == 1 and lines[0].startswith(f"{(tmp_path / 'quizzes' / 'big.yaml').as_posix()}:1: ")
    assert "at most 2 MB" in lines[0]


def test_an_interface_file_over_the_limits_is_refused(tmp_path):
    deep = tmp_path / "interface.yaml"
    deep.write_bytes(b"check: " + b"[" * 50_000)
    lines = [line for line in run_compiler(FIXTURES / "quizzes", interface=deep).stderr.splitlines()
             if "interface.yaml:" in line]
    assert lines == [f"{deep.as_posix()}:1: nested more than 50 levels deep; a course file needs "
                     "far fewer, so check the brackets [ { and the indentation here"]


ODD_ENTRIES = {  # name -> (make it, words in the message)
    "a folder named x.yaml": (lambda p: p.mkdir(), "is a folder, not a file"),
    "a dangling symlink": (lambda p: p.symlink_to(p.parent / "gone.yaml"),
                           "symbolic link to"),
    "a FIFO named x.yaml": (lambda p: os.mkfifo(p), "named pipe (FIFO)"),
    "a symlink to /dev/zero": (lambda p: p.symlink_to("/dev/zero"), "device (such as /dev/zero)"),
}


@pytest.mark.parametrize("make, words", ODD_ENTRIES.values(), ids=ODD_ENTRIES.keys())
def test_an_odd_entry_in_the_quiz_folder_gets_line_one_and_what_to_do(tmp_path, make, words):
    folder = quizzes_with(tmp_path, "sample.yaml", (FIXTURES / "quizzes" / "sample.yaml").read_bytes())
    make(folder / "x.yaml")
    lines = problem_lines(run_compiler(folder))
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{(folder / 'x.yaml').as_posix()}:1: ")
    assert words in lines[0]
    assert "; " in lines[0]  # what it is; what to do


def test_a_missing_interface_file_is_named(tmp_path):
    missing = tmp_path / "translations" / "interface.yaml"
    result = run_compiler(FIXTURES / "quizzes", interface=missing)
    assert "Traceback" not in result.stderr and result.returncode == 1
    assert f"{missing.as_posix()}:1: the file does not exist" in result.stderr


def test_an_interface_path_that_is_a_folder_is_named(tmp_path):
    folder = tmp_path / "interface.yaml"
    folder.mkdir()
    result = run_compiler(FIXTURES / "quizzes", interface=folder)
    assert "Traceback" not in result.stderr and result.returncode == 1
    assert f"{folder.as_posix()}:1: this is a folder, not a file" in result.stderr


def test_a_missing_quiz_folder_is_named_and_nothing_is_deleted(tmp_path):
    out = tmp_path / "out"
    good = subprocess.run([sys.executable, str(ROOT / "build_quizzes.py"), "--quizzes",
                           str(FIXTURES / "quizzes"), "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert good.returncode == 0, good.stderr
    before = sorted(out.rglob("*.json"))
    typo = tmp_path / "quizes"
    result = subprocess.run([sys.executable, str(ROOT / "build_quizzes.py"), "--quizzes", str(typo),
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{typo.as_posix()}:1: the quiz folder does not exist" in result.stderr
    assert sorted(out.rglob("*.json")) == before


def test_invalid_utf8_names_its_line(tmp_path):
    content = b"id: bad\ntitle:\n  en: caf\xe9\n"
    lines = problem_lines(run_compiler(quizzes_with(tmp_path, "bad.yaml", content)))
    assert lines == [f"{(tmp_path / 'quizzes' / 'bad.yaml').as_posix()}:3: the file is not UTF-8 "
                     "text (invalid continuation byte); save it as UTF-8"]

"""Mistakes a trainer makes in a lesson stop the build with the file and line, never a published page.

Each test breaks a copy of the course and builds it the way `make build` does.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import copy_project

LESSON = Path("docs") / "sv" / "02-trust.md"


def make_build(project: Path, site: Path, *flags: str) -> subprocess.CompletedProcess:
    """What `make build` runs (plus any extra flags, such as a trainer's habit of `--quiet`)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *flags, "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


def break_lesson(project: Path, old: str, new: str) -> int:
    """Replace the first `old` in the Swedish trust lesson; returns the line it was on."""
    path = project / LESSON
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{LESSON} no longer contains {old!r}; update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


@pytest.mark.parametrize("flags", [(), ("--quiet",)], ids=["strict", "strict-and-quiet"])
def test_a_broken_link_stops_the_build_with_file_and_line(project_copy, tmp_path, flags):
    line = break_lesson(project_copy, "](glossary.md#trust)", "](glosary.md#trust)")
    result = make_build(project_copy, tmp_path / "site", *flags)
    assert result.returncode != 0, "the build published a broken link"
    assert f"docs/sv/02-trust.md:{line}: Doc file 'sv/02-trust.md' contains a link 'glosary.md#trust'" in result.stderr


def test_a_broken_anchor_stops_the_build_with_file_and_line(project_copy, tmp_path):
    line = break_lesson(project_copy, "](glossary.md#trust)", "](glossary.md#no-such-term)")
    result = make_build(project_copy, tmp_path / "site", "--quiet")
    assert result.returncode != 0, "the build published a link to a missing anchor"
    assert f"docs/sv/02-trust.md:{line}:" in result.stderr and "#no-such-term" in result.stderr


@pytest.mark.parametrize("front_matter, line, words", [
    ("title: [unclosed\n", 2, "not valid YAML"),
    ("- title\n- description\n", 2, "must be 'key: value' lines"),
    ("title: Tillit\ndescription: [a, list]\n", 3, "'description' must be plain text"),
    ("title: Tillit\ntrainer_only: yes please\n", 3, "'trainer_only' must be true or false"),
], ids=["unclosed", "a-list", "description-list", "trainer-only-text"])
def test_bad_front_matter_stops_the_build_with_file_and_line(project_copy, tmp_path, front_matter, line, words):
    path = project_copy / LESSON
    text = path.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    path.write_text(f"---\n{front_matter}---\n{body}", encoding="utf-8")
    result = make_build(project_copy, tmp_path / "site")
    assert result.returncode != 0, "the page was published with its front matter as text"
    assert f"docs/sv/02-trust.md:{line}: " in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "sv" / "02-trust" / "index.html").exists()


def test_a_lesson_that_is_not_utf8_is_named_with_its_line(project_copy, tmp_path):
    path = project_copy / LESSON
    lines = path.read_bytes().split(b"\n")
    lines[9] = lines[9] + " \xe5 (Latin-1)".encode("latin-1")
    path.write_bytes(b"\n".join(lines))
    result = make_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/sv/02-trust.md:10: this line is not UTF-8 text" in result.stderr
    assert "Traceback" not in result.stderr


# --- the live preview -----------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_preview_starts_with_a_broken_quiz_and_no_compiled_quizzes(tmp_path):
    """`make serve` on a fresh clone whose quiz has a mistake: the problem is shown, pages are served."""
    project = copy_project(tmp_path / "project")
    assert not (project / "build").exists()
    quiz = project / "quizzes" / "trust.yaml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace("type: single", "type: singel", 1), encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    log = tmp_path / "serve.log"
    with open(log, "w+", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            page = None
            deadline = time.monotonic() + 120  # only so a broken start fails instead of hanging
            while time.monotonic() < deadline and server.poll() is None:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/sv/01-helper-relationship/") as reply:
                        page = reply.read().decode("utf-8")
                        break
                except OSError:
                    time.sleep(0.5)
            shown = log.read_text(encoding="utf-8")
            assert server.poll() is None, f"the preview stopped:\n{shown[-3000:]}"
            assert page is not None and "Modul 1" in page, "the lesson is served"
            assert "quizzes/trust.yaml:" in shown and "unknown question type 'singel'" in shown
            assert "Traceback" not in shown and "KeyError" not in shown
            info = [line for line in shown.splitlines() if line.startswith("INFO")]
            assert len(info) <= 5, "the preview repeats INFO lines that bury the problem:\n" + "\n".join(info)
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_an_unknown_diagram_stops_the_build_with_the_lessons_file_and_line(project_copy, tmp_path):
    line = break_lesson(project_copy, "```diagram\ntwo-kinds-of-trust\n", "```diagram\ntwo-kinds-of-trusts\n")
    result = make_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert (f"{LESSON.as_posix()}:{line}: unknown diagram 'two-kinds-of-trusts'; the diagrams are: "
            "bandura-sources, boundary-warning-signs, drama-and-ted") in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr

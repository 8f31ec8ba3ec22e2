"""`make build` as a trainer runs it: the new site is swapped in whole; a failed build keeps the
last good site/ and leaves no half-built .site-new/ behind."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import ROOT, copy_project

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make_build(project):
    # -o: the copy shares this checkout's installed .venv; do not reinstall into it.
    return subprocess.run(["make", "-o", ".venv/bin/.site-installed", "build"], cwd=project,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture
def project(tmp_path):
    project = copy_project(tmp_path / "project")
    for part in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / part, project / part)
    (project / ".venv").symlink_to((ROOT / ".venv").resolve())
    return project


def good_build(project):
    result = make_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "sv" / "index.html").is_file()
    assert not (project / ".site-new").exists() and not (project / ".site-old").exists()
    (site / "marker.txt").write_text("the last good build", encoding="utf-8")
    return site


def assert_kept(project, site, result, culprit: str):
    assert result.returncode != 0, "a broken source must stop make build"
    assert culprit in result.stdout + result.stderr
    assert (site / "marker.txt").read_text(encoding="utf-8") == "the last good build"
    assert (site / "index.html").is_file()
    assert not (project / ".site-new").exists(), "a failed build left .site-new/ behind"


def test_a_broken_quiz_keeps_the_last_good_site(project):
    site = good_build(project)
    (project / "quizzes" / "trust.yaml").write_text("id: trust\ntitle: [unclosed\n", encoding="utf-8")
    assert_kept(project, site, make_build(project), "trust.yaml")


def test_a_build_that_fails_half_way_keeps_the_last_good_site_and_leaves_no_half_site(project):
    site = good_build(project)
    # Found in the Swedish pass, after the default language has been written to .site-new/.
    lesson = project / "docs" / "sv" / "02-trust.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n```quiz\nno-such-quiz\n```\n",
                      encoding="utf-8")
    assert_kept(project, site, make_build(project), "no-such-quiz")


def test_the_build_folders_in_progress_are_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    for folder in (".site-new", ".site-old", ".site-trainer-new", ".site-trainer-old"):
        assert f"/{folder}/" in ignored, f".gitignore: add /{folder}/"

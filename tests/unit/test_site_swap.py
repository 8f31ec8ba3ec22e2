"""Putting a new site in place: always one whole site, the old copy removed, clear errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from helpercourse import site_swap


def make_site(folder, text: str):
    (folder / "sv").mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "sv" / "index.html").write_text(text, encoding="utf-8")
    return folder


def contents(folder) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("atomic", [True, False], ids=["renameat2 exchange", "rename aside"])
def test_the_new_site_replaces_the_old_one_and_the_old_copy_is_removed(tmp_path, monkeypatch, atomic):
    if not atomic:
        monkeypatch.setattr(site_swap, "_exchange", lambda new, target: False)
    site = make_site(tmp_path / "site", "old")
    (site / "gone.html").write_text("only in the old site", encoding="utf-8")
    new = make_site(tmp_path / ".site-new", "new")
    site_swap.swap_in(new, site)
    assert contents(site) == {"index.html": "new", "sv/index.html": "new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no .site-new, no .site-old


def test_the_exchange_is_one_step_on_linux(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux's")
    a, b = make_site(tmp_path / "a", "a"), make_site(tmp_path / "b", "b")
    assert site_swap._exchange(a, b)  # tmp_path's file system supports RENAME_EXCHANGE
    assert contents(a)["index.html"] == "b" and contents(b)["index.html"] == "a"


def test_a_first_build_just_moves_into_place(tmp_path):
    new = make_site(tmp_path / ".site-new", "new")
    site_swap.swap_in(new, tmp_path / "site")
    assert contents(tmp_path / "site")["index.html"] == "new" and not new.exists()


def test_a_missing_new_site_says_so_and_keeps_the_old_one(tmp_path):
    site = make_site(tmp_path / "site", "old")
    result = subprocess.run([sys.executable, "-m", "helpercourse.site_swap",
                             str(tmp_path / ".site-new"), str(site)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert ".site-new" in result.stderr and "previous site is left as it was" in result.stderr
    assert contents(site)["index.html"] == "old"

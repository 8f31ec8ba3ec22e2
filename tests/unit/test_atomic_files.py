"""Generated files are readable by a web server running as another user; sources keep their mode."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from helpercourse.atomic_files import current_umask, write_atomically


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask():
    """Set a umask for one test and put the old one back."""
    previous = os.umask(0o022)
    yield lambda value: os.umask(value)
    os.umask(previous)


def test_a_new_file_gets_the_mode_open_would_give_it(tmp_path, umask):
    umask(0o022)
    path = tmp_path / "search" / "search_index.json"
    assert write_atomically(path, b"{}")
    assert mode(path) == 0o644  # readable by www-data, not only by the user who built it
    umask(0o027)
    other = tmp_path / "404.html"
    write_atomically(other, b"<html>")
    assert mode(other) == 0o640


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    umask(0o022)
    source = tmp_path / "02-trust.md"
    source.write_text("old", encoding="utf-8")
    source.chmod(0o664)  # a trainer's source, group-writable on purpose
    assert write_atomically(source, b"new")
    assert source.read_bytes() == b"new" and mode(source) == 0o664
    private = tmp_path / "private.txt"
    private.write_text("old", encoding="utf-8")
    private.chmod(0o600)
    write_atomically(private, b"new")
    assert mode(private) == 0o600


def test_an_unchanged_file_is_not_rewritten(tmp_path):
    path = tmp_path / "a.json"
    assert write_atomically(path, b"x")
    assert not write_atomically(path, b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]  # no temporary file left


def test_reading_the_umask_leaves_it_unchanged_for_other_threads(tmp_path, umask):
    umask(0o027)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(current_umask())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [0o027] * 8 and os.umask(0o027) == 0o027

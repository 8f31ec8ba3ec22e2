"""Read a course source file (a quiz, translations/interface.yaml) without ever hanging.

The type is checked with os.stat before the file is opened: a FIFO named x.yaml would block
forever on open, a symlink to /dev/zero would never end, a directory or a dangling symlink
would be a traceback. The read stops at MAX_BYTES + 1 bytes, whatever stat said.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import Problem, display_path

MAX_BYTES = 2_000_000  # a quiz of 1,000 questions in four languages is ~1.7 MB
LIMIT_TEXT = "2 MB"


def read_source(path: Path) -> tuple[str | None, list[Problem]]:
    """(the file's text, []) or (None, [a `file:1: what it is and what to do` problem])."""
    shown = display_path(path)

    def problem(message: str):
        return None, [Problem(shown, 1, message)]

    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return problem(f"this is a symbolic link to '{os.readlink(path)}', which does not "
                           "exist; delete the link or put the file it points to in place")
        return problem("the file does not exist; create it or give the right path")
    except OSError as exc:
        return problem(f"the file cannot be read ({exc.strerror}); check its permissions")
    if stat.S_ISDIR(info.st_mode):
        return problem("this is a folder, not a file; rename it so its name does not end in "
                       ".yaml, or move it out of the folder")
    if not stat.S_ISREG(info.st_mode):
        return problem(f"this is a {_kind(info.st_mode)}, not a file with text; delete it and "
                       "put a YAML text file in its place")
    if info.st_size > MAX_BYTES:
        return problem(_too_big(info.st_size))
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since stat, open still returns
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        return problem(f"the file cannot be opened ({exc.strerror}); check its permissions")
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return problem("this is not a regular file; put a YAML text file in its place")
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            return problem(f"the file cannot be read ({exc.strerror})")
    if len(data) > MAX_BYTES:
        return problem(_too_big(len(data)))
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return None, [Problem(shown, line, f"the file is not UTF-8 text ({exc.reason}); save it "
                                           "as UTF-8")]


def _too_big(size: int) -> str:
    return (f"the file is {size / 1_000_000:.1f} MB or more; a course file may be at most "
            f"{LIMIT_TEXT}: split it into several quizzes")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "device (such as /dev/zero)"
    if stat.S_ISBLK(mode):
        return "disk device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"

"""Put a freshly built site in place so that there is always one whole site, never none.

    python -m helpercourse.site_swap .site-new site      (make build, make trainer)

`rm -rf site && mv .site-new site` leaves no site/ at all when it is interrupted between the two
steps (Ctrl+C, a full disk), and a web server serving site/ meanwhile answers 404 for
everything. Here, on Linux, the two folders trade places in one step (renameat2 with
RENAME_EXCHANGE): a reader sees the old site or the new one, never none. Where that is not
available (another system, a file system without it), the old site is renamed aside and the
new one renamed into place: two quick renames, with no copying or deleting between them.
Only then is the old copy deleted.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(new: Path, target: Path) -> bool:
    """Swap the two paths in one step; False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # a C library older than glibc 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(AT_FDCWD, os.fsencode(new), AT_FDCWD, os.fsencode(target), RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(target))


def aside_path(target: Path) -> Path:
    """Where the old site waits to be deleted: `.site-old` beside `site`."""
    return target.with_name(f".{target.name}-old")


def swap_in(new: Path, target: Path) -> None:
    """Make `new` the folder at `target`; the old `target` is deleted afterwards."""
    if not new.is_dir():
        raise NotADirectoryError(f"{new}: no built site here to put in place")
    old = aside_path(target)
    shutil.rmtree(old, ignore_errors=True)  # left by an interrupted earlier swap
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        os.rename(new, old)  # `new` now holds the old site
    else:
        os.rename(target, old)
        os.rename(new, target)
    shutil.rmtree(old)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m helpercourse.site_swap NEW_SITE_FOLDER TARGET_FOLDER", file=sys.stderr)
        return 2
    new, target = Path(argv[0]), Path(argv[1])
    try:
        swap_in(new, target)
    except OSError as error:
        print(f"{target}: could not put the new site from {new} in place: {error.strerror or error}; "
              f"the previous site is left as it was", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

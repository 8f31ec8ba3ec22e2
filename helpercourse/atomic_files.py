"""Write generated files so a reader (or a failed run) never leaves half a file behind.

The temporary file mkstemp makes is private (mode 0600). Renamed into place as it is, every
generated file would be unreadable to anyone else: a web server running as another user
(Debian's nginx runs its workers as www-data) answers 403 for the search indexes and the 404
pages. So before the rename the file gets the mode an ordinary `open()` would give it
(0666 minus the umask, normally 0644), or, when it replaces a file, that file's mode (a source
file rewritten by `make status-mark` keeps its own).
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from pathlib import Path

_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process's umask, without changing it for other threads (read from /proc on Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # Elsewhere the only way to read it is to set it; the lock keeps our own threads from
    # creating files in the moment it is 0.
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def mode_for(path: Path) -> int:
    """The permission bits `path` should have once written: its own if it exists, else the default."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


def write_atomically(path: Path, content: bytes) -> bool:
    """Replace `path` in one step (readers never see half a file). False if it was unchanged."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == content:
        return False
    mode = mode_for(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True

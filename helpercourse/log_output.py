"""What the build prints: broken links with file and line, and less noise while serving.

- MkDocs reports a broken link or anchor as "Doc file 'sv/x.md' contains a link 'y.md', but …",
  with no line. `LinkLineFilter` finds the link in the source and puts `docs/sv/x.md:LINE:` in
  front, so a trainer can jump to it. It also keeps those warnings alive under `--quiet`, which
  otherwise silences warnings before `--strict` can count them (broken links were published
  with exit code 0).
- While serving, the i18n plugin and MkDocs repeat the same INFO lines for every language on
  every rebuild; `NoiseFilter` drops those few, so an error is not buried under them.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from .problems import display_path

# The MkDocs loggers that report links (pages) and anchors (pages, after all pages are read).
LINK_LOGGERS = ("mkdocs.structure.pages",)
_DOC_LINK = re.compile(r"^Doc file '(?P<file>[^']+)' contains (?:a|an absolute) link '(?P<link>[^']*)'")
_NOISY = (
    re.compile(r"^Documentation built in"),
    re.compile(r"^Cleaning site directory"),
    re.compile(r"^Building documentation"),
)


def line_of_link(source: str, link: str) -> int:
    """The first line that holds `link` as a Markdown or HTML link target; 1 if not found."""
    for pattern in (f"]({link}", f"]({link} ", f'href="{link}"', f"<{link}>", link):
        at = source.find(pattern)
        if at >= 0:
            return source.count("\n", 0, at) + 1
    return 1


class LinkLineFilter(logging.Filter):
    """Prefixes MkDocs' link warnings with `docs/<file>:<line>:`."""

    def __init__(self, docs_dir: Path):
        super().__init__()
        self.docs_dir = Path(docs_dir)

    def filter(self, record: logging.LogRecord) -> bool:
        found = _DOC_LINK.match(record.getMessage())
        if found is None:
            return True
        path = self.docs_dir / found["file"]
        try:
            line = line_of_link(path.read_text(encoding="utf-8-sig"), found["link"])
        except (OSError, UnicodeDecodeError):
            line = 1
        record.msg = f"{display_path(path)}:{line}: {record.getMessage()} Fix the link or the anchor it points to."
        record.args = ()
        return True


class NoiseFilter(logging.Filter):
    """Drops the i18n plugin's INFO lines (a dozen per language per rebuild) and a few of MkDocs'."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            return True
        if record.name.startswith("mkdocs.plugins.mkdocs_static_i18n"):
            return False
        message = record.getMessage()
        return not any(pattern.search(message) for pattern in _NOISY)


_noise = NoiseFilter()


def install(quiet: bool) -> None:
    """Quiet the repeated lines (serving), and keep link warnings even under `mkdocs -q`."""
    for name in LINK_LOGGERS:
        # A level of its own: with `-q` the parent 'mkdocs' logger is at ERROR, which would drop
        # these warnings before the strict-mode counter (a handler on 'mkdocs') sees them.
        logging.getLogger(name).setLevel(logging.WARNING)
    if quiet:  # on the terminal's handler, so it sees every logger's records below 'mkdocs'
        for handler in logging.getLogger("mkdocs").handlers:
            if _noise not in handler.filters:
                handler.addFilter(_noise)


def watch_links(docs_dir: Path) -> None:
    """Put file and line on link warnings for pages under `docs_dir` (once per logger)."""
    for name in LINK_LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, LinkLineFilter)]:
            logger.removeFilter(old)
        logger.addFilter(LinkLineFilter(docs_dir))

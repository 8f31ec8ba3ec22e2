"""An organisation's branding in the MkDocs build: branding.yml applied to every language.

Reading and checking the file is helpercourse/branding_file.py; the colours, their contrast and
the generated stylesheet are helpercourse/branding_colours.py. This module is what the build
calls, with the branding the course read (course.Course.branding): `apply(config, branding,
lang)` from on_config, once per language, and `add_files(files, config, branding)` from
on_files. Templates read the result as config.extra.hc_branding.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from .atomic_files import write_atomically
from .branding_file import Branding

OUTPUT_DIR = "assets/branding"
STYLESHEET = f"{OUTPUT_DIR}/colours.css"


def apply(config, branding: Branding, lang: str) -> None:
    """Put the branding into the MkDocs config for the language being built (once per language)."""
    config.extra["hc_branding"] = branding.for_language(lang)
    if branding.logo:
        config.theme["logo"] = f"{OUTPUT_DIR}/logo{branding.logo.suffix.lower()}"
    if branding.favicon:
        config.theme["favicon"] = f"{OUTPUT_DIR}/favicon{branding.favicon.suffix.lower()}"
    if branding.stylesheet:
        # A real file (not an in-memory one): the i18n plugin sorts files by where they come from.
        write_atomically(_stylesheet_path(config), branding.stylesheet.encode("utf-8"))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)  # last: its rules follow site.css and quiz.css
    for watched in branding.watched:  # `mkdocs serve` rebuilds when these change
        if str(watched) not in config.watch:
            config.watch.append(str(watched))


def _stylesheet_path(config) -> Path:
    return Path(config.config_file_path).parent / "build" / "branding" / "colours.css"


def add_files(files: Files, config, branding: Branding) -> Files:
    """Put the logo, favicon and colour stylesheet into the site, under assets/branding/."""
    if branding.logo:
        files.append(File.generated(config, config.theme["logo"], abs_src_path=str(branding.logo)))
    if branding.favicon:
        files.append(File.generated(config, config.theme["favicon"],
                                    abs_src_path=str(branding.favicon)))
    if branding.stylesheet:
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(_stylesheet_path(config))))
    return files

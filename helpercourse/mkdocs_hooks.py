"""MkDocs hooks: the glue between MkDocs and the quiz layer, nothing more.

- at the start of each build (and each `mkdocs serve` rebuild): compile the quizzes, check that
  every page exists in every language, register the ```quiz fence;
- per page: check the quiz ids the page uses (file:line), then put each rendered quiz in place.
While serving, a mistake is logged and the last good quiz JSON is used, so the preview keeps
running; in `mkdocs build` the same mistake stops the build.
"""

from __future__ import annotations

import logging
import re
import sys
from html import escape, unescape
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load as loose files

from helpercourse import quiz_compile  # noqa: E402
from helpercourse.page_checks import missing_translations, quiz_references  # noqa: E402
from helpercourse.problems import Problem, ProblemsFound, display_path  # noqa: E402
from helpercourse.quiz_render import render_quiz  # noqa: E402
from helpercourse.site_config import languages  # noqa: E402

log = logging.getLogger("mkdocs.plugins.helpercourse")

SLOT = '<div class="hc-quiz-slot" data-quiz-id="{id}"></div>'
_SLOT_PATTERN = re.compile(r'<div class="hc-quiz-slot" data-quiz-id="([^"]*)"></div>')
_state = {"serving": False, "course": None}


def format_quiz_fence(source, language, css_class, options, md, **kwargs):
    """pymdown superfences formatter: a placeholder that on_page_content fills per language."""
    return SLOT.format(id=escape(source.strip()))


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


def _report(problems: list[Problem], what: str) -> None:
    """Stop the build, or while serving log the problems and carry on."""
    problems = sorted(problems)
    if not problems:
        return
    if not _state["serving"]:
        listing = "\n".join(f"  {p}" for p in problems)
        raise PluginError(f"{what}:\n{listing}")
    for problem in problems:
        log.error(str(problem))


def _is_first_language_pass(config) -> bool:
    # The i18n plugin re-runs the whole build once per language; build-wide work runs once.
    i18n = config.plugins.get("i18n")
    return i18n is None or i18n.current_language in (None, i18n.default_language)


def on_config(config):
    fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
    if not any(fence.get("name") == "quiz" for fence in fences):
        fences.append({"name": "quiz", "class": "hc-quiz", "format": format_quiz_fence})
    if not _is_first_language_pass(config):
        return config

    langs = languages()
    _report(missing_translations(Path(config.docs_dir), langs), "Missing translations")
    try:
        compiled = quiz_compile.compile_course(langs)
        changed = quiz_compile.write_course(compiled)
        log.info(f"Quizzes: {len(compiled.quiz_ids)} compiled, {changed} files updated")
    except ProblemsFound as found:
        _report(found.problems, "Quiz sources have problems; fix them and build again")
        log.warning("Using the last good quiz JSON until the problems above are fixed")
    _state["course"] = quiz_compile.read_course(langs)
    return config


def _page_language(page, default: str) -> str:
    return getattr(page.file, "locale", None) or default


def on_page_markdown(markdown, page, config, files):
    course = _state["course"]
    lang = _page_language(page, course.languages[0])
    known = course.quizzes.get(lang, {})
    shown = display_path(page.file.abs_src_path)
    problems = []
    for line, quiz_id in quiz_references(markdown):
        if quiz_id not in known:
            problems.append(Problem(
                shown, line + _front_matter_lines(page, markdown),
                f"unknown quiz id '{quiz_id}'; the quizzes are: {', '.join(sorted(known)) or 'none'} "
                "(files in quizzes/, named <id>.yaml)"))
    if problems:
        _report(problems, "A lesson uses a quiz that does not exist")
    return markdown


def _front_matter_lines(page, markdown: str) -> int:
    """MkDocs hands hooks the Markdown without its front matter; count those lines back in."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    start = source.find(markdown.strip()[:200])
    return source[:start].count("\n") if start > 0 else 0


def on_page_content(html, page, config, files):
    course = _state["course"]
    lang = _page_language(page, course.languages[0])
    for quiz_id in _slot_ids(html):
        quiz = course.quizzes.get(lang, {}).get(quiz_id)
        if quiz is None:  # only while serving: the error is in the terminal; say it on the page too
            rendered = f'<p class="hc-quiz-missing" role="alert">Unknown quiz: {escape(quiz_id)}</p>'
        else:
            rendered = render_quiz(quiz, course.interface[lang])
        html = html.replace(SLOT.format(id=escape(quiz_id)), rendered)
    return html


def _slot_ids(html: str) -> list[str]:
    return [unescape(quiz_id) for quiz_id in _SLOT_PATTERN.findall(html)]

"""MkDocs hooks: the glue between MkDocs and the quiz layer, nothing more.

- at the start of each build (and each `mkdocs serve` rebuild): compile the quizzes, check that
  every page exists in every language, register the ```quiz and ```progress fences;
- per page: check the quiz ids the page uses (file:line), put the list of modules where a home
  page has a ```modules block (helpercourse/module_index.py), then put each rendered quiz in
  place, and the progress table (helpercourse/progress_page.py) where a page has a ```progress block.
- the edition (helpercourse/trainer_edition.py): trainees get no facilitator notes and no
  trainer-only pages; the trainer edition gets them, open answer keys, a banner and a site name.
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
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load as loose files

from helpercourse import module_index, progress_page, quiz_compile, search_split  # noqa: E402
from helpercourse import trainer_edition  # noqa: E402
from helpercourse import branding  # noqa: E402
from helpercourse import translation_status  # noqa: E402
from helpercourse.page_checks import missing_translations, quiz_references  # noqa: E402
from helpercourse.problems import Problem, ProblemsFound, display_path  # noqa: E402
from helpercourse.quiz_render import render_quiz  # noqa: E402
from helpercourse.site_config import languages  # noqa: E402

log = logging.getLogger("mkdocs.plugins.helpercourse")

SLOT = '<div class="hc-quiz-slot" data-quiz-id="{id}"></div>'
_SLOT_PATTERN = re.compile(r'<div class="hc-quiz-slot" data-quiz-id="([^"]*)"></div>')
_state = {"serving": False, "course": None, "edition": trainer_edition.TRAINEE}


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
    if not any(fence.get("name") == "progress" for fence in fences):
        fences.append({"name": "progress", "class": "hc-progress",
                       "format": progress_page.format_progress_fence})
    if not any(fence.get("name") == "translation-status" for fence in fences):
        fences.append({"name": "translation-status", "class": "hc-translation-status",
                       "format": translation_status.format_fence})
    _state["edition"] = trainer_edition.configure(config)
    try:  # branding.yml: the organisation's name, logo, colours, contact line
        branding.configure(config, languages())
    except ProblemsFound as found:
        _report(found.problems, "branding.yml has problems; fix them and build again")
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


def on_files(files, config):
    # Before the i18n plugin's on_files (-100): a page left out never gets language alternates.
    files, problems = trainer_edition.select_files(files, _state["edition"])
    _report(problems, "A page's front matter has a mistake")
    return branding.add_files(files, config)


def on_pre_build(config):
    i18n = config.plugins.get("i18n")  # the language being built, after i18n set its site_name
    lang = getattr(i18n, "current_language", None) or languages()[0]
    trainer_edition.name_site(config, _state["edition"], _state["course"].interface[lang])


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
    # After the check above, which finds its line numbers by matching the page's own text.
    markdown, problems = trainer_edition.page_markdown(markdown, page.file.abs_src_path, _state["edition"])
    _report(problems, "A facilitator note is not written as one")
    try:
        markdown = module_index.expand(markdown, Path(page.file.abs_src_path).parent)
    except ProblemsFound as found:
        _report(found.problems, "The home page cannot list the modules")
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
    html, problems = trainer_edition.page_html(html, page.file.abs_src_path, _state["edition"],
                                               course.interface[lang])
    _report(problems, "A facilitator note would show on the trainee site")
    try:  # the trainer page's ```translation-status table
        html = translation_status.fill_slots(html, Path(config.docs_dir), course.languages, course.interface[lang])
    except ProblemsFound as found:
        _report(found.problems, "The translation status cannot be read")
    return progress_page.fill_slots(html, page, config, files, lang,
                                    course.quizzes.get(lang, {}), course.interface[lang])


def _slot_ids(html: str) -> list[str]:
    return [unescape(quiz_id) for quiz_id in _SLOT_PATTERN.findall(html)]


# --- Search per language: each language root gets its own search index -------------------------


def on_page_context(context, page, config, nav):
    """Give overrides/main.html the page's language root, Material's `config.base` for search."""
    default = languages()[0]
    context["hc_language_root"] = search_split.language_base(
        context["base_url"], _page_language(page, default), default)
    context["hc_edition_banner"] = trainer_edition.banner(
        _state["edition"], _state["course"].interface[_page_language(page, default)])
    return context


@event_priority(-110)  # after the i18n plugin's on_post_build (-100), which writes the full index
def on_post_build(config):
    # The i18n plugin runs the other languages' builds inside the first one's on_post_build and
    # only then writes the combined index; `building` is true during those inner builds.
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    written = search_split.write_language_indexes(Path(config.site_dir), languages())
    log.debug(f"Search: {len(written)} per-language index files written")

"""The MkDocs plugin `helpercourse`: the only glue between MkDocs and the course.

    plugins:
      - helpercourse:
          edition: trainee      # or trainer: facilitator notes, open answer keys, a banner
          offline: false        # true for the copy that works from disk (`make offline`)

Per build it reads the course once (course.py: pages, interface strings, compiled quizzes,
branding) and every feature works from that. The i18n plugin runs the whole build once per
language with this same plugin object, so build-wide work runs in the first language's pass and
the state lives here, on the plugin. While serving, a mistake is logged and the preview keeps
running on the last good quizzes; in `mkdocs build` the same mistake stops the build.
"""

from __future__ import annotations

import logging
import re
from html import escape, unescape
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import branding, diagrams, error_pages, log_output, module_index, offline_build, progress_page
from . import glossary, lesson_notes, search_split, session_plans, trainer_edition, translation_status
from .course import Course, load_course
from .page_checks import diagram_references, quiz_references
from .problems import Problem, ProblemsFound, display_path, format_problems
from .quiz_render import render_quiz

log = logging.getLogger("mkdocs.plugins.helpercourse")

SLOT = '<div class="hc-quiz-slot" data-quiz-id="{id}"></div>'
_SLOT_PATTERN = re.compile(r'<div class="hc-quiz-slot" data-quiz-id="([^"]*)"></div>')


def format_quiz_fence(source, language, css_class, options, md, **kwargs):
    """pymdown superfences formatter: a placeholder that on_page_content fills per language."""
    return SLOT.format(id=escape(source.strip()))


DIAGRAM_SLOT = '<div class="hc-diagram-slot" data-diagram="{name}"></div>'
_DIAGRAM_SLOT_PATTERN = re.compile(r'<div class="hc-diagram-slot" data-diagram="([^"]*)"></div>')


def format_diagram_fence(source, language, css_class, options, md, **kwargs):
    """pymdown superfences formatter: a placeholder that on_page_content fills per language."""
    return DIAGRAM_SLOT.format(name=escape(source.strip()))


FENCES = {"quiz": format_quiz_fence, "diagram": format_diagram_fence, "progress": progress_page.format_progress_fence,
          "translation-status": translation_status.format_fence,
          "start": module_index.format_start_fence, "modules": module_index.format_modules_fence}
PROGRESS_PAGE = "progress.md"  # where the last module's "See your progress" leads


class HelperCourseConfig(base.Config):
    edition = c.Choice((trainer_edition.TRAINEE, trainer_edition.TRAINER), default=trainer_edition.TRAINEE)
    offline = c.Type(bool, default=False)


class HelperCoursePlugin(BasePlugin[HelperCourseConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.serving = False
        self.course: Course | None = None
        self.not_found_pages: dict[str, str] = {}  # language -> its rendered 404 page
        self._saved_alternates: list = []
        self._translation_report = None  # worked out once per build, for the trainer-only page
        self.glossaries: dict[str, list[glossary.Term]] = {}  # language -> its glossary's terms
        self._cards: dict[str, list[module_index.ModuleCard]] = {}  # lang -> its modules, once per build
        self._urls: dict[str, dict[str, str]] = {}  # lang -> module file name (and progress.md) -> URL

    # --- reporting -------------------------------------------------------------------------------

    def report(self, problems: list[Problem], what: str) -> None:
        """Stop the build, or while serving log the problems and carry on."""
        if not problems:
            return
        if not self.serving:
            raise PluginError(f"{what}:\n{format_problems(problems)}")
        for line in format_problems(problems).splitlines():
            log.error(line.strip())

    # --- the language being built ---------------------------------------------------------------

    def language(self, config) -> str:
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or self.course.default_language

    @staticmethod
    def _first_language_pass(config) -> bool:
        i18n = config.plugins.get("i18n")
        return i18n is None or i18n.current_language in (None, i18n.default_language)

    @staticmethod
    def _inner_language_pass(config) -> bool:
        """True inside the i18n plugin's builds of the other languages (during the first's post_build)."""
        return bool(getattr(config.plugins.get("i18n"), "building", False))

    @staticmethod
    def _page_language(page, default: str) -> str:
        return getattr(page.file, "locale", None) or default

    # --- events ----------------------------------------------------------------------------------

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        log_output.install(quiet=self.serving)

    @event_priority(-100)  # after the i18n plugin (its language settings) and Material's offline plugin
    def on_config(self, config):
        fences = config.mdx_configs.setdefault("pymdownx.superfences", {}).setdefault("custom_fences", [])
        for name, formatter in FENCES.items():
            if not any(fence.get("name") == name for fence in fences):
                fences.append({"name": name, "class": f"hc-{name}", "format": formatter})
        log_output.watch_links(Path(config.docs_dir))
        if self.config.edition == trainer_edition.TRAINER and trainer_edition.TRAINER_CSS not in config.extra_css:
            config.extra_css.append(trainer_edition.TRAINER_CSS)
            trainer_edition.add_trainer_script(config)
        if self.config.offline:
            offline_build.use_vendored_polyfill(config)
        if self.course is None or self._first_language_pass(config):
            self._load_course(config)
        branding.apply(config, self.course.branding, self.language(config))
        _name_palette_toggles(config, self.course.interface[self.language(config)])
        return config

    def _load_course(self, config) -> None:
        self._translation_report = None
        self._cards = {}
        self.course = course = load_course(Path(config.config_file_path).parent, docs_dir=Path(config.docs_dir))
        self.report(course.problems["branding"], "branding.yml has problems; fix them and build again")
        self.report(course.problems["pages"], "A page has a mistake")
        self.report(course.problems["interface"], "The interface strings have problems; fix them and build again")
        if course.problems["quizzes"]:
            self.report(course.problems["quizzes"], "Quiz sources have problems; fix them and build again")
            log.warning("Using the last good quiz JSON until the problems above are fixed")
        self.glossaries, problems = glossary.read_course_glossaries(course)
        self.report(problems, "The glossary has problems; fix them and build again")
        self.report(course.problems["diagrams"], "Diagram sources have problems; fix them and build again")
        quiz_count = len(course.quizzes.get(course.default_language, {}))
        log.info(f"Quizzes: {quiz_count} ready, {course.compiled_files_changed} files updated")

    @event_priority(0)  # before the i18n plugin's on_files (-100): a page left out gets no alternates
    def _select_files(self, files, config):
        course = self.course
        for file in list(files.documentation_pages()):
            page = course.page_for(file.abs_src_path)
            if page is None:  # unreadable: a build has stopped already; a preview leaves it out
                if not self.serving:
                    raise PluginError(f"{file.src_uri}: the course did not read this page "
                                      f"(it reads the pages in {course.docs_dir})")
                files.remove(file)
            elif page.trainer_only and self.config.edition == trainer_edition.TRAINEE:
                files.remove(file)
        return branding.add_files(files, config, self.course.branding)

    @event_priority(-110)  # after the i18n plugin has sorted the files into languages
    def _add_offline_files(self, files, config):
        if self.config.offline and files.get_file_from_path(offline_build.SHIM_URI) is None:
            files.append(File.generated(config, offline_build.SHIM_URI,
                                        abs_src_path=str(offline_build.VENDORED_SHIM)))
        return files

    on_files = CombinedEvent(_select_files, _add_offline_files)

    def on_pre_build(self, config):
        # After the i18n plugin set this language's site_name.
        trainer_edition.name_site(config, self.config.edition, self.course.interface[self.language(config)])

    def on_page_markdown(self, markdown, page, config, files):
        course = self.course
        lang = self._page_language(page, course.default_language)
        source = course.page_for(page.file.abs_src_path)
        known = course.quizzes.get(lang, {})
        offset = source.lines_before(markdown) if source else 0
        shown = _shown(page)
        unknown = [Problem(shown, line + offset,
                           f"unknown quiz id '{quiz_id}'; the quizzes are: {', '.join(sorted(known)) or 'none'} "
                           "(files in quizzes/, named <id>.yaml)")
                   for line, quiz_id in quiz_references(markdown) if quiz_id not in known]
        self.report(unknown, "A lesson uses a quiz that does not exist")
        names = course.diagram_names
        unknown = [Problem(shown, line + offset,
                           f"unknown diagram '{name}'; the diagrams are: {', '.join(names) or 'none'} "
                           "(files in diagrams/, named <name>.svg and <name>.yaml)")
                   for line, name in diagram_references(markdown) if name not in names]
        self.report(unknown, "A lesson uses a diagram that does not exist")
        markdown, problems = trainer_edition.page_markdown(markdown, source, self.config.edition)
        self.report(problems, "A facilitator note is not written as one")
        try:
            markdown = session_plans.expand(markdown, course.modules(lang), course.interface[lang])
        except ProblemsFound as found:
            self.report(found.problems, "The trainer overview cannot list the session plans")
        terms = self.glossaries.get(lang, [])
        if source and source.file_name == glossary.GLOSSARY:
            markdown = glossary.add_other_names(markdown, lang, self.glossaries, _languages(config, course),
                                                course.interface[lang]["glossary_other_languages"])
        elif source and source.module_number is not None and terms:
            # Tooltips: the abbr extension marks the terms; on_page_content keeps the first use.
            markdown = f"{markdown.rstrip()}\n\n{glossary.abbreviations(terms)}\n"
        return markdown

    def on_page_content(self, html, page, config, files):
        course = self.course
        lang = self._page_language(page, course.default_language)
        ui = course.interface[lang]
        for quiz_id in (unescape(found) for found in _SLOT_PATTERN.findall(html)):
            quiz = course.quizzes.get(lang, {}).get(quiz_id)
            if quiz is None:  # only while serving: the error is in the terminal; say it on the page too
                rendered = f'<p class="hc-quiz-missing" role="alert">Unknown quiz: {escape(quiz_id)}</p>'
            else:
                rendered = render_quiz(quiz, ui)
            html = html.replace(SLOT.format(id=escape(quiz_id)), rendered)
        source = course.page_for(page.file.abs_src_path)
        terms = self.glossaries.get(lang, [])
        if source and source.file_name == glossary.GLOSSARY:
            html = glossary.mark_term_headings(html, terms)
        elif source and source.module_number is not None:
            html = glossary.tooltips(html, terms)
            html = lesson_notes.add_writing_boxes(html, Path(source.file_name).stem, ui)
            html = trainer_edition.worksheet_button(html, self.config.edition, ui)
        # after the tooltips, which must not reach into a drawing's labels
        html = self._fill_diagrams(html, lang)
        html, problems = trainer_edition.page_html(html, _shown(page), self.config.edition, ui)
        self.report(problems, "A facilitator note would show on the trainee site")
        if translation_status.SLOT in html:
            if self._translation_report is None:  # one page per language shows it: read once
                self._translation_report = translation_status.report_for_course(course)
            report, problems = self._translation_report
            self.report(problems, "The translation status cannot be read")
            if report is not None:
                html = html.replace(translation_status.SLOT, translation_status.render_table(report, ui))
        if progress_page.has_slot(html):
            html = progress_page.fill_slots(html, self._lessons(lang, page.url, files), course.quizzes.get(lang, {}), ui,
                                            config["site_name"])
        modules = self._modules(lang)
        card = self._card_of(page, lang)
        if card is not None:
            html = module_index.add_meta_line(html, card, len(modules), ui)
        return module_index.fill_slots(html, modules, self._hrefs(lang, page.url), ui)

    # --- the course map: cards, nav labels, the map every page carries (module_index.py) --------

    def _modules(self, lang: str) -> list[module_index.ModuleCard]:
        if lang not in self._cards:
            self._cards[lang] = module_index.cards(self.course.modules(lang), self.course.quizzes.get(lang, {}))
        return self._cards[lang]

    def _card_of(self, page, lang: str) -> module_index.ModuleCard | None:
        source = self.course.page_for(page.file.abs_src_path) if page.file.abs_src_path else None
        if source is None or source.module_number is None:
            return None
        return next((c for c in self._modules(lang) if c.file_name == source.file_name), None)

    def _hrefs(self, lang: str, from_url: str) -> dict[str, str]:
        """Module file name (and progress.md) -> its link relative to the page at `from_url`."""
        return {name: get_relative_url(url, from_url) for name, url in self._urls.get(lang, {}).items()}

    def on_nav(self, nav, config, files):
        """Module numbers in the nav labels ("3 · Selvhjelp i hjelperrollen"), through the
        `typeset` title Material's nav partial shows when a page has one, so <title>, the footer
        and search keep the plain title; and the module URLs the course map links to."""
        lang = self.language(config)
        wanted = {c.file_name for c in self._modules(lang)} | {PROGRESS_PAGE}
        urls = self._urls[lang] = {}
        for file in files.documentation_pages():
            source = self.course.page_for(file.abs_src_path) if file.abs_src_path else None
            if source is not None and source.lang == lang and source.file_name in wanted:
                urls[source.file_name] = file.url
        for page in nav.pages:
            card = self._card_of(page, lang)
            if card is not None:
                page.typeset = {"title": escape(module_index.nav_label(card))}
        return nav

    def on_post_page(self, output, page, config):
        """Every page carries the course map (a JSON data block: no script runs, the CSP holds)."""
        lang = self._page_language(page, self.course.default_language)
        modules, hrefs = self._modules(lang), self._hrefs(lang, page.url)
        if not modules or "</body>" not in output:
            return output
        card = self._card_of(page, lang)
        data = module_index.course_map(modules, hrefs, self.course.interface[lang], lang=lang,
                                       page_slug=card.slug if card else None,
                                       progress_href=hrefs.get(PROGRESS_PAGE))
        at = output.rindex("</body>")
        return output[:at] + module_index.map_block(data) + output[at:]

    def _fill_diagrams(self, html: str, lang: str) -> str:
        """Each ```diagram slot becomes its figure in the page's language; ids unique on the page."""
        used: dict[str, int] = {}

        def fill(match: re.Match) -> str:
            name = unescape(match.group(1))
            diagram = self.course.diagrams.get(name)
            if diagram is None:  # only while serving: the terminal says what to fix
                return f'<p class="hc-diagram-missing" role="alert">Diagram not shown: {escape(name)}</p>'
            used[name] = used.get(name, 0) + 1
            suffix = f"-{used[name]}" if used[name] > 1 else ""
            return diagrams.render(diagram, lang, f"hc-diagram-{name}{suffix}")

        return _DIAGRAM_SLOT_PATTERN.sub(fill, html)

    def _lessons(self, lang: str, from_url: str, files) -> list[progress_page.Lesson]:
        """The language's pages that embed a quiz, linked relative to the page at `from_url`
        (their URLs as MkDocs makes them: `x/` normally, `x.html` in the offline copy)."""
        urls = {Path(f.abs_src_path).resolve(): f.url for f in files.documentation_pages() if f.abs_src_path}
        return [progress_page.Lesson(p.title or p.heading, get_relative_url(urls[p.path.resolve()], from_url), p.quiz_ids,
                                     tuple(lesson_notes.boxes_in_markdown(p.source.body, Path(p.file_name).stem)))
                for p in sorted(self.course.pages[lang].values(), key=lambda p: p.file_name)
                if p.quiz_ids and p.path.resolve() in urls]

    def on_page_context(self, context, page, config, nav):
        """overrides/main.html: the page's language root (search) and the edition's banner."""
        lang = self._page_language(page, self.course.default_language)
        context["hc_language_root"] = search_split.language_base(
            context["base_url"], lang, self.course.default_language)
        context["hc_edition_banner"] = trainer_edition.banner(self.config.edition, self.course.interface[lang])
        return context

    # --- the page-not-found page, one per language (error_pages.py) -----------------------------

    def on_template_context(self, context, template_name, config):
        if template_name != error_pages.TEMPLATE:
            return context
        lang = self.language(config)
        self._saved_alternates[:] = [error_pages.prepare_context(
            context, config, lang, self.course.default_language, self.course.interface[lang])]
        return context

    def on_post_template(self, output, template_name, config):
        if template_name == error_pages.TEMPLATE:
            if self._saved_alternates:
                error_pages.restore_alternates(config, self._saved_alternates.pop())
            self.not_found_pages[self.language(config)] = output
        return output

    @event_priority(-110)  # after the i18n plugin's on_post_build (-100), which builds the other languages
    def on_post_build(self, config):
        if self._inner_language_pass(config):
            return  # the other languages are not built yet
        site = Path(config.site_dir)
        langs = self.course.languages
        written = search_split.write_language_indexes(site, langs, glossary.search_boosts(self.glossaries))
        log.debug(f"Search: {len(written)} per-language index files written")
        error_pages.write_pages(site, self.not_found_pages, self.course.default_language)
        self.not_found_pages.clear()


def _name_palette_toggles(config, ui) -> None:
    """The light/dark toggle's names in the language being built: mkdocs.yml names each
    palette's toggle by its interface key (theme_to_dark, theme_to_light)."""
    palettes = config.theme.get("palette")
    for palette in palettes if isinstance(palettes, list) else []:
        toggle = palette.get("toggle") or {}
        key = toggle.get("key") or toggle.get("name")
        if key in ui:
            toggle["key"] = key  # the name is overwritten per language; the key stays to look up
            toggle["name"] = ui[key]


def _languages(config, course) -> list[glossary.Language]:
    """The course's languages with their lang="" tags and own names, from the i18n plugin's list."""
    i18n = config.plugins.get("i18n")
    entries = {entry.locale: entry for entry in getattr(getattr(i18n, "config", None), "languages", [])}
    languages = []
    for code in course.languages:
        entry = entries.get(code)
        tag = ((entry.theme or {}).get("language") if entry else None) or code
        languages.append(glossary.Language(code, tag, entry.name if entry else code))
    return languages


def _shown(page) -> str:
    return display_path(page.file.abs_src_path)

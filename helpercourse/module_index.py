"""The course's modules as a learner meets them: the home page's Start button and module cards,
the line at the top of each module page, the numbers in the navigation, and the course map that
every page carries for course-status.js (status marks, Continue, Next module).

Everything comes from the module pages themselves (their title and `minutes:` front matter) and
from their compiled quizzes, so a trainer who renames a module or edits its quiz changes the home
page, the navigation and the page headers with it. A home page writes

    ```start
    ```

    ```modules
    ```

and the build puts the Start button and the cards there. Without JavaScript the cards say
"Not started" and the button starts module 1; course-status.js then fills in the learner's own
progress from this browser.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape

from .quiz_json import DEFAULT_PASS_MARK  # for quiz JSON from before schema 2

START_SLOT = '<div class="hc-start-slot"></div>'
MODULES_SLOT = '<div class="hc-modules-slot"></div>'
_NUMBERED_HEADING = re.compile(r"^[^:]*\d+\s*:\s*")  # "Modul 3: " before the title in an H1

# interface strings course-status.js uses (the page's language; see translations/interface.yaml)
UI_KEYS = ("start_module", "continue_at", "card_not_started", "card_in_progress", "card_last_score",
           "card_completed", "nav_completed", "nav_in_progress", "next_module", "see_progress")


def format_start_fence(source, language, css_class, options, md, **kwargs):
    """pymdown superfences formatter for ```start: a placeholder that fill_slots replaces."""
    return START_SLOT


def format_modules_fence(source, language, css_class, options, md, **kwargs):
    """pymdown superfences formatter for ```modules: a placeholder that fill_slots replaces."""
    return MODULES_SLOT


def fill(template: str, **values) -> str:
    """`{name}` placeholders filled as the front end's fill() does (an unknown one stays)."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


@dataclass(frozen=True)
class ModuleCard:
    """One module of one language, as the home page, the nav and the course map show it."""

    slug: str  # "03-self-help": the same in every language, so a stored position survives a switch
    file_name: str  # "03-self-help.md"
    number: int
    title: str
    minutes: int
    quiz_id: str | None  # the quiz the module embeds (the first, should it embed more)
    pass_mark: int
    scored: tuple[str, ...]  # fingerprints of the quiz's scored questions: what counts as answered

    @property
    def questions(self) -> int:
        return len(self.scored)


def card_for(page, quizzes: dict[str, dict]) -> ModuleCard:
    """`page`: a course.CoursePage of a module; `quizzes`: the compiled quizzes of its language."""
    title = page.title or _NUMBERED_HEADING.sub("", page.heading) or page.file_name
    quiz_id = next((qid for qid in page.quiz_ids if qid in quizzes), None)
    quiz = quizzes.get(quiz_id, {})
    scored = tuple(q.get("fingerprint") or q["id"] for q in quiz.get("questions", ())
                   if q["type"] != "reflection")
    return ModuleCard(page.file_name[:-3], page.file_name, page.module_number, title,
                      page.minutes, quiz_id, quiz.get("pass_mark", DEFAULT_PASS_MARK), scored)


def cards(module_pages, quizzes: dict[str, dict]) -> list[ModuleCard]:
    return [card_for(page, quizzes) for page in module_pages]


def nav_label(card: ModuleCard) -> str:
    """The module's name in the navigation, number first: "3 · Selvhjelp i hjelperrollen"."""
    return f"{card.number} · {card.title}"


def meta_line(card: ModuleCard, count: int, ui: dict) -> str:
    """"Module 3 of 9 · about 45 min · 9 questions", for the top of the module's page."""
    text = fill(ui["module_meta"], number=card.number, count=count, minutes=card.minutes,
                questions=card.questions)
    return f'<p class="hc-module-meta">{escape(text)}</p>'


def render_start(first: ModuleCard, href: str, ui: dict) -> str:
    """The Start button; course-status.js turns it into Continue once there is progress."""
    text = fill(ui["start_module"], number=first.number, title=first.title)
    return (f'<p class="hc-start"><a class="md-button md-button--primary hc-start__link" '
            f'href="{escape(href)}">{escape(text)}</a></p>')


def render_cards(modules: list[ModuleCard], hrefs: dict[str, str], ui: dict) -> str:
    """The module cards: number, title linked, time, question count and a status slot."""
    items = []
    for card in (c for c in modules if c.file_name in hrefs):  # a page left out of this build: no card
        number = fill(ui["module_number"], number=card.number)
        about = fill(ui["card_meta"], minutes=card.minutes, questions=card.questions)
        items.append(
            f'<li class="hc-card" data-module="{escape(card.slug)}">'
            f'<h3 class="hc-card__title"><a href="{escape(hrefs[card.file_name])}">'
            f'<span class="hc-card__number">{escape(number)}</span> '
            f'<span class="hc-card__name">{escape(card.title)}</span></a></h3>'
            f'<p class="hc-card__meta">{escape(about)}</p>'
            f'<p class="hc-card__status">{escape(ui["card_not_started"])}</p></li>')
    return f'<ol class="hc-cards">{"".join(items)}</ol>'


def course_map(modules: list[ModuleCard], hrefs: dict[str, str], ui: dict, *,
               lang: str, page_slug: str | None, progress_href: str | None) -> dict:
    """What course-status.js needs on every page: each module's link relative to this page,
    its quiz, pass mark and scored questions; which module this page is; the interface words."""
    return {
        "lang": lang,
        "page": page_slug,
        "progress": progress_href,
        "modules": [{"slug": c.slug, "number": c.number, "title": c.title, "href": hrefs[c.file_name],
                     "quiz": c.quiz_id, "pass_mark": c.pass_mark, "scored": list(c.scored)}
                    for c in modules if c.file_name in hrefs],
        "ui": {key: ui[key] for key in UI_KEYS},
    }


def map_block(data: dict) -> str:
    # "</" inside a data block would end the <script>; escaping "<" keeps the JSON intact.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" class="hc-course-map">{text}</script>'


def fill_slots(html: str, modules: list[ModuleCard], hrefs: dict[str, str], ui: dict) -> str:
    """The home page's ```start and ```modules placeholders, filled."""
    if START_SLOT in html and modules and modules[0].file_name in hrefs:
        html = html.replace(START_SLOT, render_start(modules[0], hrefs[modules[0].file_name], ui))
    if MODULES_SLOT in html:
        html = html.replace(MODULES_SLOT, render_cards(modules, hrefs, ui))
    return html


def add_meta_line(html: str, card: ModuleCard, count: int, ui: dict) -> str:
    """The module page's header line, right under its H1 (or first, if it has none)."""
    end = html.find("</h1>")
    line = meta_line(card, count, ui)
    return html[:end + 5] + line + html[end + 5:] if end >= 0 else line + html

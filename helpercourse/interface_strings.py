"""The quiz interface's own words (buttons, feedback, score), kept in translations/interface.yaml.

One file holds every string in every language so a translator edits one place; the keys the
front end and the HTML renderer need are listed here, so a missing one is caught at build time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from typing_extensions import TypedDict

from .problems import Problem, display_path, shorten
from .quiz_load import read_yaml
from .quiz_model import STRICT, quiz_models
from .source_errors import problems_from
from .yaml_lines import line_of

# key -> what it is for (the YAML file repeats this as comments for translators)
INTERFACE_KEYS = {
    "quiz_label": "accessible name of a quiz region",
    "choose_one": "instruction under a single-choice question",
    "choose_all": "instruction under a multiple-choice question",
    "judge_statement": "instruction under a true/false statement",
    "true": "label of the 'true' answer",
    "false": "label of the 'false' answer",
    "check": "button that checks the answers",
    "retry": "button that clears the answers to try again",
    "correct": "verdict on a right answer",
    "incorrect": "verdict on a wrong answer",
    "unanswered": "verdict on a question left blank",
    "right_answer": "label before the right answer(s)",
    "explanation": "label before the explanation",
    "score": "score line; {correct} and {total} are filled in",
    "all_correct": "added to the score line when everything is right",
    "answer_key": "summary of the no-JavaScript disclosure with the answers",
    "choose_category": "instruction under a categorise question",
    "category_placeholder": "first, empty entry in each group list",
    "order_instruction": "instruction under an order question",
    "order_instruction_print": "the order instruction on a printed worksheet",
    "scenario_instruction_print": "the scenario instruction on a printed worksheet",
    "move_up": "button that moves a step up; {text} is the step",
    "move_down": "button that moves a step down; {text} is the step",
    "moved": "announced after a move; {text}, {position}, {total}",
    "right_order": "label before the right order",
    "scenario_instruction": "instruction under a scenario",
    "scenario_end": "shown when a scenario has reached its end",
    "good_choice": "verdict on a helpful scenario choice",
    "poor_choice": "verdict on a less helpful scenario choice",
    "leads_to": "answer key: where a scenario choice leads; {step}",
    "situation": "heading of a scenario step; {step}",
    "reflection_instruction": "instruction under a private reflection",
    "reflection_saved": "status after a reflection has been saved",
    "show_hint": "button that reveals the next hint",
    "hint": "label before a hint",
    "pass_reached": "after checking, score at or above the pass mark; {pass_mark}",
    "pass_not_reached": "after checking, score below the pass mark; {pass_mark}",
    "storage_unavailable": "when the browser cannot store anything",
    "storage_corrupt": "when saved progress cannot be read",
    "progress_module": "progress table heading: the module",
    "progress_status": "progress table heading: its status",
    "status_not_started": "status of a module not started",
    "status_in_progress": "status in progress; {answered} and {total}",
    "status_completed": "status completed; {correct} and {total}",
    "progress_reflections": "heading of the trainee's reflections",
    "no_reflections": "when the trainee has written none",
    "export": "button that downloads everything as a file",
    "import": "label of the file picker that loads a downloaded file",
    "delete_all": "button that deletes everything",
    "delete_confirm": "question asked before deleting",
    "deleted": "after deleting",
    "imported": "after a successful import",
    "import_failed": "when a file is not a progress file; {reason}",
    "progress_caption": "caption of the progress table",
    "import_not_json": "reason: the file is not JSON",
    "import_wrong_file": "reason: not a progress file from this course",
    "import_unreadable": "reason: the browser could not read the file",
    "not_found_title": "heading and title of the page-not-found page",
    "not_found_text": "the sentence under it",
    "not_found_home": "its link to the language's home page",
    "trainer_edition_name": "trainer edition: added to the site name",
    "trainer_edition_banner": "trainer edition: the banner on every page",
    "trainer_answer_key": "trainer edition: heading of a question's open answer key",
    "translation_caption": "translation status table: its caption",
    "translation_item": "translation status table: heading of the page or quiz column",
    "translation_complete": "translation status: in line with the Norwegian source",
    "translation_outdated": "translation status: the Norwegian source changed since",
    "translation_missing": "translation status: not translated at all",
    "translation_summary": "translation status: counts; {complete}, {outdated}, {missing}",
    # --- fe-defects: categorise groups, order step marks ---
    "category_groups": "categorise: label before the list of groups",
    "category_belongs": "categorise: a misplaced statement's right group; {group}",
    "step_right": "order: a step in its right place (after the ✓)",
    "step_wrong": "order: a step in a wrong place (after the ✗)",
    # --- fe-feedback: feedback where the learner is (issue 12) ---
    "question_of": "above each prompt; {number} and {total}",
    "answered_count": "by the quiz's buttons; {answered} and {total}",
    "check_one": "button that checks one question",
    "retry_one": "button that clears one checked question",
    "replay_scenario": "button that starts a scenario afresh",
    "right_option": "marks the right option the trainee did not choose",
    "missed_option": "marks a right option missed in a multiple choice",
    "summary_title": "heading of the list of questions after checking",
    "read_again": "link to a lesson section the outcome names; {section}",
    "reset_confirm": "question asked before clearing the whole quiz",
    "reset_yes": "button that clears the whole quiz",
    "reset_no": "button that keeps the answers",
    "cleared": "after clearing the quiz, beside the undo button",
    "undo": "button that brings the cleared answers back",
    "restored": "announced after undo",
    # --- trainer: overview, worksheet, reflection boxes (issue 13) ---
    "session_length": "trainer overview: heading of the session length column",
    "session_all_modules": "trainer overview: the row with all modules together",
    "session_total": "trainer overview: a module's parts added up; {minutes}",
    "session_materials": "the label of a facilitator note's materials line",
    "worksheet_print": "trainer edition: button that prints a module's blank worksheet",
    "note_label": "label of the writing box under an in-lesson reflection",
    "note_on_paper": "in-lesson reflection: where to write when the page cannot save",
    # --- reading: glossary names, dark mode (issue 13) ---
    "glossary_other_languages": "glossary: read by screen readers before a term's names in the other languages",
    "theme_to_dark": "header button that switches to the dark colour scheme",
    "theme_to_light": "header button that switches to the light colour scheme",
    # --- home-nav: where am I (issue 13) ---
    "module_number": "above a module card's title; {number}",
    "module_meta": "top of a module page; {number}, {count}, {minutes}, {questions}",
    "card_meta": "on a module card; {minutes} and {questions}",
    "start_module": "home page button, no progress yet; {number} and {title}",
    "continue_at": "home page button, where the learner left off; {number} and {section}",
    "card_not_started": "a module card's status: not started",
    "card_in_progress": "a module card's status; {answered} and {total}",
    "card_last_score": "a module card's status below the pass mark; {correct} and {total}",
    "card_completed": "a module card's status once passed; {correct} and {total}",
    "nav_completed": "hidden text after a completed module in the navigation",
    "nav_in_progress": "hidden text after a module in progress in the navigation",
    "next_module": "link under a passed quiz's result; {title}",
    "see_progress": "link under the last module's passed quiz: the progress page",
    # --- progress-cert: progress page, import preview, set-aside copies, course record ---
    "overall_progress": "progress page: the overall bar's text; {completed} and {total} modules",
    "status_not_passed": "status after a check below the pass mark; {correct}, {total}, {pass_mark}",
    "module_numbered": "a module named in a list; {number} and {title}",
    "file_chosen": "beside the file picker once a file is chosen; {name}",
    "import_preview": "above the list of what loading a file will change",
    "import_nothing_new": "when a file holds nothing newer than what is stored",
    "change_newer_one": "import preview, one answer; {count}",
    "change_newer_other": "import preview, several answers; {count}",
    "change_new_one": "import preview, one answer not saved here yet; {count}",
    "change_new_other": "import preview, several answers not saved here yet; {count}",
    "change_reflection_newer_one": "import preview, one reflection; {count}",
    "change_reflection_newer_other": "import preview, several reflections; {count}",
    "change_reflection_new_one": "import preview, one reflection not saved here yet; {count}",
    "change_reflection_new_other": "import preview, several reflections not saved here yet; {count}",
    "import_confirm": "button under the import preview: save the changes",
    "import_cancel": "button under the import preview: change nothing",
    "import_cancelled": "after cancelling an import",
    "storage_corrupt_quiz": "when one module's saved answers cannot be read; {module}",
    "set_aside_title": "progress page: heading of the copies set aside",
    "set_aside_intro": "progress page: what the copies set aside are",
    "set_aside_all": "a copy of all saved answers; {date}",
    "set_aside_quiz": "a copy of one module's answers; {module} and {date}",
    "set_aside_earlier": "the {date} of a copy whose time is not known",
    "set_aside_download": "button: download one copy set aside",
    "set_aside_discard": "button: discard one copy set aside",
    "set_aside_discard_confirm": "asked before discarding a copy",
    "set_aside_discarded": "after discarding a copy",
    "print_reflections": "button: print only the list of reflections",
    "record_title": "progress page: heading of the course record part",
    "record_intro": "progress page: what the course record is",
    "record_name": "label of the name field for the course record",
    "record_name_note": "under the name field",
    "record_heading": "the printed course record's heading",
    "record_completed_on": "course record table heading: the date a module was completed",
    "record_score": "course record table heading: the score",
    "record_score_value": "course record: a module's score; {correct} and {total}",
    "record_no_date": "course record: a module completed before dates were kept",
    "record_none": "course record: no module completed yet",
    "record_date": "course record: the date it was made; {date}",
    "print_record": "button: print the course record",
}


# key -> the placeholders its text takes; each translation must show every one of them, and no
# other (the front end's fill() and quiz_render leave an unknown {name} on the page as it is).
# Keys not listed here take none.
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "score": ("correct", "total"),             # quiz.js, quiz_render.py
    "move_up": ("text",),                      # quiz_render.py
    "move_down": ("text",),                    # quiz_render.py
    "moved": ("text", "position", "total"),    # quiz.js
    "leads_to": ("step",),                     # quiz_render.py (answer key)
    "situation": ("step",),                    # quiz_render.py
    "pass_reached": ("pass_mark",),            # quiz.js
    "pass_not_reached": ("pass_mark",),        # quiz.js
    "status_in_progress": ("answered", "total"),  # progress-page.js
    "status_completed": ("correct", "total"),  # progress-page.js
    "import_failed": ("reason",),              # progress-page.js
    "translation_summary": ("complete", "outdated", "missing"),  # translation_status.py
    # --- fe-defects ---
    "category_belongs": ("group",),            # quiz-types/categorise.js
    # --- fe-feedback ---
    "question_of": ("number", "total"),        # quiz_render.py
    "answered_count": ("answered", "total"),   # quiz.js
    "read_again": ("section",),                # quiz.js
    # --- trainer ---
    "session_total": ("minutes",),             # session_plans.py
    # --- home-nav ---
    "module_number": ("number",),              # module_index.py
    "module_meta": ("number", "count", "minutes", "questions"),  # module_index.py
    "card_meta": ("minutes", "questions"),     # module_index.py
    "start_module": ("number", "title"),       # module_index.py, course-status.js
    "continue_at": ("number", "section"),      # course-status.js
    "card_in_progress": ("answered", "total"),  # course-status.js
    "card_last_score": ("correct", "total"),   # course-status.js
    "card_completed": ("correct", "total"),    # course-status.js
    "next_module": ("title",),                 # course-status.js
    # --- progress-cert ---
    "overall_progress": ("completed", "total"),  # progress-page.js
    "status_not_passed": ("correct", "total", "pass_mark"),  # progress-page.js
    "module_numbered": ("number", "title"),  # progress-page.js
    "file_chosen": ("name",),  # progress-page.js
    "change_newer_one": ("count",),  # progress-page.js
    "change_newer_other": ("count",),  # progress-page.js
    "change_new_one": ("count",),  # progress-page.js
    "change_new_other": ("count",),  # progress-page.js
    "change_reflection_newer_one": ("count",),  # progress-page.js
    "change_reflection_newer_other": ("count",),  # progress-page.js
    "change_reflection_new_one": ("count",),  # progress-page.js
    "change_reflection_new_other": ("count",),  # progress-page.js
    "storage_corrupt_quiz": ("module",),  # progress-page.js, quiz.js
    "set_aside_all": ("date",),  # progress-page.js
    "set_aside_quiz": ("module", "date"),  # progress-page.js
    "record_score_value": ("correct", "total"),  # progress-page.js
    "record_date": ("date",),  # progress-page.js
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")  # as the front end's fill() finds them


def _listed(names) -> str:
    shown = [f"{{{name}}}" for name in names]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def placeholder_problems(strings: dict, data, shown: str, languages: tuple[str, ...]) -> list[Problem]:
    """`file:line` problems for each translation with an unknown or a missing placeholder."""
    problems = []
    for key in INTERFACE_KEYS:
        takes = PLACEHOLDERS.get(key, ())
        for lang in languages:
            text = strings[key][lang]
            used = _PLACEHOLDER.findall(text)
            line = line_of(data, (key, lang))
            for name in dict.fromkeys(name for name in used if name not in takes):
                can = f"this text can use {_listed(takes)}" if takes else "this text takes no placeholders"
                problems.append(Problem(shown, line, f"{key} ({lang}): unknown placeholder "
                                        f"'{{{shorten(name)}}}'; {can}"))
            missing = [name for name in takes if name not in used]
            if missing:
                problems.append(Problem(shown, line, f"{key} ({lang}): the placeholder"
                                        f"{'s' if len(missing) > 1 else ''} {_listed(missing)} "
                                        f"{'are' if len(missing) > 1 else 'is'} missing; write "
                                        f"{'them' if len(missing) > 1 else 'it'} where the value "
                                        "belongs in the sentence"))
    return problems


@lru_cache(maxsize=None)
def interface_validator(languages: tuple[str, ...]) -> TypeAdapter:
    text = quiz_models(languages).Text
    strings = TypedDict("InterfaceStrings", {key: text for key in INTERFACE_KEYS})
    strings.__pydantic_config__ = STRICT
    return TypeAdapter(strings)


def load_interface_strings(path: Path, languages: tuple[str, ...]):
    """({lang: {key: text}} or None, problems)."""
    data, problems = read_yaml(path)
    if problems:
        return None, problems
    shown = display_path(path)
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, "the file must list interface strings as 'key:' groups")]
    try:
        strings = interface_validator(languages).validate_python(data)
    except ValidationError as exc:
        return None, [Problem(shown, line, msg) for line, msg in problems_from(exc, data, languages)]
    problems = placeholder_problems(strings, data, shown, languages)
    if problems:
        return None, problems
    return {lang: {key: strings[key][lang] for key in INTERFACE_KEYS}
            for lang in languages}, []

"""Compile the quizzes and write every question bank into a new folder, then swap it in.

Layout (default dist/question-banks/):
    README.md                          what is in here, how to import it, what was left out
    <lang>/<quiz-id>.moodle.xml        Moodle XML
    <lang>/<quiz-id>.gift.txt          GIFT
    <lang>/<quiz-id>.qti21.zip         QTI 2.1 content package
    <lang>/course.moodle.xml, course.gift.txt, course.qti21.zip   every quiz of that language
Bad quiz input stops the export before anything is written (the compiler's file:line problems),
and the swap (helpercourse/site_swap.py) leaves a whole folder at every moment, so a failed
export keeps the last good banks.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .. import quiz_compile
from ..problems import display_path
from ..site_swap import swap_in
from . import gift, moodle_xml, qti21
from .mapping import Bank, Skip, make_bank

COURSE = "course"  # the per-language file with every quiz
FORMATS = (("moodle", ".moodle.xml"), ("gift", ".gift.txt"), ("qti21", ".qti21.zip"))


@dataclass
class Export:
    languages: tuple[str, ...]
    banks: dict[str, list[Bank]] = field(default_factory=dict)  # lang -> banks in quiz order
    files: dict[str, bytes] = field(default_factory=dict)  # relative path -> content
    skips: list[Skip] = field(default_factory=list)


class NameClash(ValueError):
    """A quiz id that would overwrite the per-language file with every quiz."""


def compiled_quizzes(languages: tuple[str, ...], quiz_dir: Path = quiz_compile.QUIZ_DIR,
                     interface_file: Path = quiz_compile.INTERFACE_FILE) -> tuple[dict, dict]:
    """(lang -> quiz id -> compiled document, lang -> interface strings), quizzes sorted by id.
    Raises ProblemsFound on bad quiz input (the compiler's file:line problems)."""
    result = quiz_compile.compile_course(languages, quiz_dir, interface_file)
    if COURSE in result.quiz_ids:
        raise NameClash(f"{display_path(Path(quiz_dir) / (COURSE + '.yaml'))}:1: the quiz id '{COURSE}' "
                        "is the name of the question-bank file with every quiz; rename the quiz "
                        "(its file and its id)")
    ui = {lang: json.loads(result.files[f"{lang}/{quiz_compile.INTERFACE_NAME}"]) for lang in languages}
    docs = {lang: {quiz_id: json.loads(result.files[f"{lang}/{quiz_id}.json"])
                   for quiz_id in sorted(result.quiz_ids)} for lang in languages}
    return docs, ui


def compiled_banks(languages: tuple[str, ...], quiz_dir: Path = quiz_compile.QUIZ_DIR,
                   interface_file: Path = quiz_compile.INTERFACE_FILE) -> tuple[dict, dict]:
    """(lang -> [Bank], lang -> interface strings). Raises ProblemsFound on bad quiz input."""
    docs, ui = compiled_quizzes(languages, quiz_dir, interface_file)
    return banks_from(docs, ui), ui


def banks_from(docs: dict, ui: dict) -> dict[str, list[Bank]]:
    return {lang: [make_bank(doc, ui[lang]) for doc in quizzes.values()] for lang, quizzes in docs.items()}


def render(banks: dict[str, list[Bank]], ui: dict[str, dict]) -> Export:
    export = Export(tuple(banks), banks)
    for lang, lang_banks in banks.items():
        labels = (ui[lang].get("true", "True"), ui[lang].get("false", "False"))
        moodle_docs, gift_texts, items = [], [], {}
        for bank in lang_banks:
            base = f"{lang}/{bank.quiz_id}"
            moodle_docs.append(moodle_xml.moodle_xml([bank]))
            gift_texts.append(gift.gift([bank], export.skips))
            bank_items = qti21.item_files(bank, labels)
            items.update(bank_items)
            export.files[base + ".moodle.xml"] = moodle_docs[-1]
            export.files[base + ".gift.txt"] = gift_texts[-1].encode("utf-8")
            export.files[base + ".qti21.zip"] = qti21.package(bank, labels, bank_items)
        # the file with every quiz reuses what was written for each quiz
        everything = Bank(COURSE, lang, COURSE, [q for b in lang_banks for q in b.questions])
        export.files[f"{lang}/{COURSE}.moodle.xml"] = moodle_xml.joined(moodle_docs)
        export.files[f"{lang}/{COURSE}.gift.txt"] = "\n".join(gift_texts).encode("utf-8")
        export.files[f"{lang}/{COURSE}.qti21.zip"] = qti21.package(everything, labels, items)
    export.files["README.md"] = readme(export).encode("utf-8")
    return export


def sizes(export: Export) -> dict[str, dict[str, int]]:
    """lang -> format -> bytes of the per-quiz files (the course-wide files not counted)."""
    table: dict[str, dict[str, int]] = {}
    for path, content in export.files.items():
        lang, _, name = path.partition("/")
        for fmt, suffix in FORMATS:
            if name.endswith(suffix) and not name.startswith(COURSE + "."):
                table.setdefault(lang, {}).setdefault(fmt, 0)
                table[lang][fmt] += len(content)
    return table


def skipped_lines(export: Export) -> list[str]:
    """One line per question a format leaves out, with the languages it applies to."""
    grouped: dict[tuple, list[str]] = {}
    for s in export.skips:
        grouped.setdefault((s.fmt, s.ident, s.source_type, s.reason), []).append(s.lang)
    return [f"- {ident} ({kind}) not in {fmt.upper()} ({', '.join(langs)}): {reason}"
            for (fmt, ident, kind, reason), langs in grouped.items()]


LOSSES = """\
What each format keeps (the course's own site keeps everything):

| | Moodle XML | GIFT | QTI 2.1 |
|---|---|---|---|
| single / multiple choice | multichoice, feedback per option, explanation, hints | multichoice, feedback per option, explanation; no hints | choiceInteraction, feedback per option and explanation as modalFeedback; no hints |
| true / false | truefalse, explanation; no hints (Moodle's true/false has none) | truefalse, explanation; no hints | choiceInteraction, explanation |
| categorise | matching; each statement's feedback goes into the general feedback | matching, no feedback per statement | matchInteraction, explanation |
| order | ordering (standard from Moodle 4.4; older sites need the qtype_ordering plugin) | left out: GIFT has no ordering type | orderInteraction, explanation |
| scenario | one multichoice per situation; the branching is not kept | the same | one choiceInteraction item per situation |
| reflection | essay worth 0 marks (never counts, as in the course) | essay `{}` | extendedTextInteraction, not scored |

Not carried by any format: the pass mark and the outcome messages by score range (set them up
in the LMS quiz), and the course's answer fingerprints.
"""


def readme(export: Export) -> str:
    skipped = skipped_lines(export) or ["- none"]
    table = sizes(export)
    size_lines = [f"| {lang} | " + " | ".join(f"{table[lang].get(fmt, 0):,}" for fmt, _ in FORMATS) + " |"
                  for lang in export.languages]
    counts = {lang: sum(len(b.questions) for b in banks) for lang, banks in export.banks.items()}
    return "\n".join([
        "# Question banks of the Helper Course",
        "",
        "Made by `make question-banks` from quizzes/*.yaml; do not edit these files, edit the quizzes.",
        "How to import them into Moodle, Canvas and itslearning: LMS.md, section \"Question banks\".",
        "",
        "Per language folder (no, sv, fi, en): `<quiz-id>.moodle.xml`, `<quiz-id>.gift.txt`,",
        "`<quiz-id>.qti21.zip`, and `course.*` with every quiz (one Moodle category per quiz).",
        "",
        "Bank questions per language (a scenario counts once per situation): "
        + ", ".join(f"{lang} {n}" for lang, n in counts.items()) + ".",
        "",
        "## Left out",
        "",
        *skipped,
        "",
        "## What is kept",
        "",
        LOSSES,
        "## Sizes (bytes, all quizzes of a language, per-quiz files)",
        "",
        "| language | Moodle XML | GIFT | QTI 2.1 zip |",
        "|---|---|---|---|",
        *size_lines,
        "",
    ])


def write(export: Export, out_dir: Path) -> None:
    """Write everything into a fresh folder beside `out_dir`, then swap it in."""
    out_dir = Path(out_dir)
    new = out_dir.with_name(f".{out_dir.name}-new")
    shutil.rmtree(new, ignore_errors=True)
    try:
        for path, content in export.files.items():
            target = new / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        swap_in(new, out_dir)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise

"""Translation status (make status): complete, outdated and missing, exactly; `mark` edits one line.

Every test works on a temporary copy of docs/, quizzes/ and mkdocs.yml, through the command a
translator runs (`python -m helpercourse.translation_status`, called in-process).
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT, run_mkdocs_build

from helpercourse import translation_cli, translation_marks, translation_status, translation_versions
from helpercourse.interface_strings import load_interface_strings
from helpercourse.quiz_load import load_quiz

SOURCE, TARGETS = LANGUAGES[0], LANGUAGES[1:]
PAGE, QUIZ = "02-trust.md", "quizzes/trust.yaml"


def unmark(project: Path) -> Path:
    """The copy as before any translation was marked, whatever the real course has recorded."""
    for path in [*(project / "docs").rglob("*.md"), *(project / "quizzes").glob("*.yaml")]:
        text = path.read_text("utf-8")
        kept = re.sub(r'(?m)^source_version: .*\n|^# Which Norwegian texts.*\n|^source_versions: .*\n', "", text)
        if kept != text:
            path.write_text(kept, "utf-8")
    return project


@pytest.fixture
def course(tmp_path) -> Path:
    for part in ("docs", "quizzes"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return unmark(tmp_path)


def run(course: Path, *args: str) -> int:
    return translation_cli.main(["--root", str(course), *args])


def statuses(course: Path, capsys) -> dict[str, dict[str, str]]:
    """The printed table, read back: {row: {lang: state}}."""
    capsys.readouterr()
    assert run(course) == 0  # a report: always 0 without --check
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split()
    assert header[-len(TARGETS):] == list(TARGETS)
    table = {}
    for line in lines[1:]:
        if not line.strip():
            break
        name, *cells = line.split()
        table[name] = dict(zip(TARGETS, cells))
    return table


def mark(course: Path, capsys, *args: str) -> str:
    capsys.readouterr()
    assert run(course, "mark", *args) == 0
    return capsys.readouterr().out


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_sentence(path: Path) -> str:
    """A sentence of the page's body (the first paragraph after the heading)."""
    body = translation_versions.read_page(path).body
    return next(p for p in body.split("\n\n") if p and not p.startswith("#")).split(". ")[0]


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_nothing_marked_yet_is_outdated_everywhere_and_check_fails(course, capsys):
    table = statuses(course, capsys)
    pages = sorted(p.name for p in (course / "docs" / SOURCE).glob("*.md"))
    quizzes = sorted(f"quizzes/{p.name}" for p in (course / "quizzes").glob("*.yaml"))
    assert sorted(table) == sorted(pages + quizzes)
    assert {state for row in table.values() for state in row.values()} == {"outdated*"}  # * never marked
    assert run(course, "--check") == 1


def test_mark_all_makes_everything_complete_and_check_passes(course, capsys):
    out = mark(course, capsys, "--all")
    pages, quizzes = list((course / "docs" / SOURCE).glob("*.md")), list((course / "quizzes").glob("*.yaml"))
    assert out.strip().endswith(f"{len(pages) * len(TARGETS) + len(quizzes)} files changed.")
    assert {state for row in statuses(course, capsys).values() for state in row.values()} == {"complete"}
    assert run(course, "--check") == 0
    assert mark(course, capsys, "--all").strip().endswith("0 files changed.")  # nothing left to do


def test_a_changed_norwegian_sentence_outdates_that_pages_translations_until_marked(course, capsys):
    mark(course, capsys, "--all")
    source = course / "docs" / SOURCE / PAGE
    replace_in(source, first_sentence(source), first_sentence(source) + " i dag")
    table = statuses(course, capsys)
    assert table[PAGE] == dict.fromkeys(TARGETS, "outdated")
    assert all(set(row.values()) == {"complete"} for name, row in table.items() if name != PAGE)
    assert run(course, "--check") == 1

    mark(course, capsys, f"{TARGETS[0]}/{PAGE}")
    assert statuses(course, capsys)[PAGE] == {TARGETS[0]: "complete", **dict.fromkeys(TARGETS[1:], "outdated")}
    mark(course, capsys, *(f"docs/{lang}/{PAGE}" for lang in TARGETS[1:]))  # the path from the folder works too
    assert statuses(course, capsys)[PAGE] == dict.fromkeys(TARGETS, "complete")


def test_a_changed_title_or_description_counts_a_whitespace_change_does_not(course, capsys):
    mark(course, capsys, "--all")
    source = course / "docs" / SOURCE / PAGE
    text = source.read_text(encoding="utf-8")
    # trailing spaces, Windows line ends, extra blank lines, another front-matter key: still the same text
    spaced = re.sub(r"\n\n", "\n\n\n", text.replace("\n", "  \n")).replace("\n", "\r\n")
    source.write_bytes(spaced.replace("title:", "trainer_only: false\r\ntitle:", 1).encode("utf-8"))
    assert statuses(course, capsys)[PAGE] == dict.fromkeys(TARGETS, "complete")
    for key in ("title", "description"):
        source.write_text(text, encoding="utf-8")
        replace_in(source, f"\n{key}: ", f"\n{key}: Ny ")
        assert statuses(course, capsys)[PAGE] == dict.fromkeys(TARGETS, "outdated"), key


def test_a_change_to_a_translation_alone_keeps_it_complete(course, capsys):
    mark(course, capsys, "--all")
    swedish = course / "docs" / TARGETS[0] / PAGE
    replace_in(swedish, first_sentence(swedish), first_sentence(swedish) + " i dag")
    assert statuses(course, capsys)[PAGE] == dict.fromkeys(TARGETS, "complete")


def test_a_deleted_translation_is_missing_and_cannot_be_marked(course, capsys):
    mark(course, capsys, "--all")
    (course / "docs" / TARGETS[1] / "glossary.md").unlink()
    assert statuses(course, capsys)["glossary.md"] == {**dict.fromkeys(TARGETS, "complete"), TARGETS[1]: "missing"}
    assert run(course, "--check") == 1
    assert f"glossary.md ({TARGETS[1]}): missing, not marked" in mark(course, capsys, "--all")
    assert run(course, "mark", f"{TARGETS[1]}/glossary.md") == 1
    assert "no such page or quiz" in capsys.readouterr().err


def test_mark_adds_or_replaces_only_the_front_matter_line(course, capsys):
    page = course / "docs" / TARGETS[0] / PAGE
    before = page.read_text(encoding="utf-8")
    mark(course, capsys, f"{TARGETS[0]}/{PAGE}")
    after = page.read_text(encoding="utf-8")
    version = translation_versions.page_version(course / "docs" / SOURCE / PAGE)
    assert changed_lines(before, after) == [f'+source_version: "{version}"']
    closing = after.index("\n---\n", 4)
    assert after.index("source_version:") < closing  # inside the front matter

    replace_in(course / "docs" / SOURCE / PAGE, "Tillit", "Tilliten")
    mark(course, capsys, f"{TARGETS[0]}/{PAGE}")
    newer = translation_versions.page_version(course / "docs" / SOURCE / PAGE)
    assert newer != version
    assert changed_lines(after, page.read_text(encoding="utf-8")) == [
        f'-source_version: "{version}"', f'+source_version: "{newer}"']


def test_mark_keeps_comments_order_and_windows_line_ends():
    text = ('\ufeff---\r\ntitle: Tillit  # shown in the browser tab\r\nsource_version: "000000000000"  # checked by Ann\r\n'
            "description: Om tillit\r\n---\r\n\r\n# Tillit\r\n")
    marked = translation_marks.with_page_version(text, "3f2a9c1e7b04")
    assert marked == text.replace("000000000000", "3f2a9c1e7b04")
    fresh = translation_marks.with_page_version("---\ntitle: A\n# a comment\n---\nBody\n", "3f2a9c1e7b04")
    assert fresh == '---\ntitle: A\n# a comment\nsource_version: "3f2a9c1e7b04"\n---\nBody\n'


def test_a_quiz_is_outdated_when_a_norwegian_text_changes_and_marked_per_language(course, capsys):
    quiz = course / QUIZ
    mark(course, capsys, QUIZ, "--lang", ",".join(TARGETS))
    assert statuses(course, capsys)[QUIZ] == dict.fromkeys(TARGETS, "complete")

    replace_in(quiz, "Sorter hver situasjon", "Sorter hver enkelt situasjon")
    assert statuses(course, capsys)[QUIZ] == dict.fromkeys(TARGETS, "outdated")
    before = quiz.read_text(encoding="utf-8")
    mark(course, capsys, QUIZ, "--lang", TARGETS[0])
    assert statuses(course, capsys)[QUIZ] == {TARGETS[0]: "complete", **dict.fromkeys(TARGETS[1:], "outdated")}
    diff = changed_lines(before, quiz.read_text(encoding="utf-8"))
    assert len(diff) == 2 and all(line[1:].startswith("source_versions: {") for line in diff)

    replace_in(quiz, "Sortera varje situation", "Sortera var och en av situationerna")  # Swedish only
    assert statuses(course, capsys)[QUIZ][TARGETS[0]] == "complete"
    quiz_data, problems = load_quiz(quiz, LANGUAGES)  # the compiler accepts the recorded versions
    assert not problems and set(quiz_data["source_versions"]) == set(TARGETS)


def test_first_mark_of_a_quiz_adds_one_line_at_the_end(course, capsys):
    quiz = course / QUIZ
    before = quiz.read_text(encoding="utf-8")
    mark(course, capsys, QUIZ, "--lang", TARGETS[1])
    after = quiz.read_text(encoding="utf-8")
    assert after.startswith(before)
    report = translation_status.build_report(course / "docs", course / "quizzes", LANGUAGES)
    version = next(row.version for row in report.rows if row.name == QUIZ)
    assert after[len(before):].splitlines()[-1] == f'source_versions: {{{TARGETS[1]}: "{version}"}}'


def test_a_quiz_text_without_a_language_makes_that_language_missing(course, capsys):
    quiz = course / QUIZ
    text = quiz.read_text(encoding="utf-8")
    english = next(line for line in text.splitlines() if line.strip().startswith(f"{TARGETS[-1]}: Sort each"))
    quiz.write_text(text.replace(english + "\n", "", 1), encoding="utf-8")
    assert statuses(course, capsys)[QUIZ] == {**dict.fromkeys(TARGETS[:-1], "outdated*"), TARGETS[-1]: "missing"}
    assert run(course, "mark", QUIZ, "--lang", TARGETS[-1]) == 1
    error = capsys.readouterr().err
    found = re.search(rf"quizzes/trust\.yaml:(\d+): cannot mark the {TARGETS[-1]} translation", error)
    assert found, error
    # the line of the text that lacks it: its Norwegian line, "Sorter hver situasjon …"
    assert quiz.read_text(encoding="utf-8").splitlines()[int(found[1]) - 1].strip().startswith(f"{SOURCE}: Sorter hver")


def test_reordering_quiz_questions_needs_no_new_translation(course, capsys):
    mark(course, capsys, QUIZ, "--lang", ",".join(TARGETS))
    quiz = course / QUIZ
    head, questions = quiz.read_text(encoding="utf-8").split("\nquestions:\n")
    items = re.split(r"(?m)^(?=  - id: )", questions)
    body, tail = items[1:], items[0]
    quiz.write_text(head + "\nquestions:\n" + tail + "".join(reversed(body[:-1])) + body[-1], encoding="utf-8")
    assert statuses(course, capsys)[QUIZ] == dict.fromkeys(TARGETS, "complete")


def test_mark_refuses_what_it_cannot_mark_with_a_clear_message(course, capsys):
    for args, message in (([QUIZ], "--lang"), ([f"{SOURCE}/{PAGE}"], "source language"), ([], "--all")):
        with pytest.raises(SystemExit) as stopped:  # usage errors, as argparse gives them
            run(course, "mark", *args)
        assert stopped.value.code == 2
        assert message in capsys.readouterr().err
    assert run(course, "mark", f"{TARGETS[0]}/no-such-page.md") == 1
    assert "no such page or quiz" in capsys.readouterr().err


def test_an_unreadable_front_matter_is_reported_with_file_and_line(course, capsys):
    page = course / "docs" / TARGETS[0] / PAGE
    replace_in(page, "title: ", "title: [unclosed ")
    assert run(course) == 1
    assert re.search(rf"docs/{TARGETS[0]}/02-trust\.md:\d+: the front matter", capsys.readouterr().err)


def test_the_command_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "helpercourse.translation_status", "--help"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "--check" in result.stdout


# --- The trainer page's table ----------------------------------------------------------------------


class _Table(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.caption, self._cell, self._in_caption = [], "", None, False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = ""
        self._in_caption = tag == "caption"

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append(self._cell.strip())
            self._cell = None
        if tag == "caption":
            self._in_caption = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._in_caption:
            self.caption += data


def rendered_table(html: str) -> _Table:
    found = re.search(r'<div class="hc-translation-status">.*?</table>', html, re.DOTALL)
    assert found, "no translation status table in the page"
    table = _Table()
    table.feed(found[0])
    return table


def test_the_status_page_shows_the_table_in_each_language(project_copy, tmp_path, capsys):
    """Built for real through the hooks (trainer_only dropped in the copy, so the default edition has it)."""
    unmark(project_copy)
    mark(project_copy, capsys, f"{TARGETS[0]}/{PAGE}")
    for lang in LANGUAGES:
        replace_in(project_copy / "docs" / lang / "translation-status.md", "trainer_only: true\n", "")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    ui, problems = load_interface_strings(project_copy / "translations" / "interface.yaml", LANGUAGES)
    assert not problems
    report = translation_status.build_report(project_copy / "docs", project_copy / "quizzes", LANGUAGES)
    for lang in LANGUAGES:
        html = (tmp_path / "site" / ("" if lang == SOURCE else lang) / "translation-status" / "index.html").read_text("utf-8")
        table = rendered_table(html)
        words = ui[lang]
        assert table.caption == words["translation_caption"]
        assert table.rows[0] == [words["translation_item"], *TARGETS]
        rows = {row[0]: row[1:] for row in table.rows[1:]}
        assert list(rows) == [row.name for row in report.rows]
        assert rows[PAGE] == [words["translation_complete"], words["translation_outdated"], words["translation_outdated"]]
        assert words["translation_summary"].split("{")[0] in html

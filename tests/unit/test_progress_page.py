"""The progress page's server-rendered part: one linked row per quiz, and the data for the JS."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from helpercourse import progress_page
from helpercourse.interface_strings import INTERFACE_KEYS
from helpercourse.progress_page import Lesson, modules, render_progress

UI = {key: f"<{key}>" for key in INTERFACE_KEYS}  # every string, so a new one needs no edit here


def question(qid: str, qtype: str = "single", fingerprint: str | None = "0123456789ab") -> dict:
    q = {"id": qid, "type": qtype, "prompt": f"Prompt of {qid} </script>",
         "options": [{"id": "a", "text": "A", "correct": True, "feedback": "secret"}],
         "explanation": "secret explanation"}
    if fingerprint:
        q["fingerprint"] = fingerprint
    return q


QUIZZES = {
    "first": {"id": "first", "title": "First quiz", "pass_mark": 75,
              "questions": [question("q1"), question("q2", "reflection", "ffffffffffff")]},
    "second": {"id": "second", "title": "Second quiz & more",  # schema 1: no pass mark, no fingerprint
               "questions": [question("q1", fingerprint=None)]},
    "unused": {"id": "unused", "title": "Not on any page", "questions": [question("x")]},
}

LESSONS = [
    Lesson("Home", "../", []),
    Lesson("Module 1: <Trust>", "../01-trust/", ["first"], (("01-trust/reflection-1", "Reflection </script>"),)),
    Lesson("Module 2", "../02-boundaries/", ["second", "first"]),
    Lesson("Module 3", "../03-missing/", ["no-such-quiz"]),
]


class Table(HTMLParser):
    """Rows of the table as (header cell, link href, status), plus the JSON blocks."""

    def __init__(self):
        super().__init__()
        self.rows, self.blocks, self.col_headers, self.caption = [], {}, [], ""
        self._stack, self._row, self._block = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._stack.append((tag, attrs))
        if tag == "tr" and "data-quiz-id" in attrs:
            self._row = {"quiz": attrs["data-quiz-id"], "title": "", "href": None, "status": ""}
            self.rows.append(self._row)
        elif tag == "th" and self._row is not None:
            assert attrs.get("scope") == "row"
        elif tag == "th":
            assert attrs.get("scope") == "col"
        elif tag == "a" and self._row is not None:
            self._row["href"] = attrs["href"]
        elif tag == "script":
            assert attrs["type"] == "application/json"
            self._block = attrs["class"]
            self.blocks[self._block] = ""

    def handle_endtag(self, tag):
        self._stack.pop()
        if tag == "tr":
            self._row = None
        if tag == "script":
            self._block = None

    def handle_data(self, data):
        tag, attrs = self._stack[-1] if self._stack else (None, {})
        if self._block:
            self.blocks[self._block] += data
        elif tag == "caption":
            self.caption += data
        elif tag == "th" and self._row is None:
            self.col_headers.append(data)
        elif tag == "a" and self._row is not None:
            self._row["title"] += data
        elif tag == "td" and self._row is not None:
            self._row["status"] += data


def parsed(html: str) -> Table:
    table = Table()
    table.feed(html)
    return table


def test_one_row_per_embedded_quiz_in_lesson_order_linked_to_its_lesson():
    found = modules(LESSONS, QUIZZES)
    assert [(m.quiz_id, m.title, m.href) for m in found] == [
        ("first", "Module 1: <Trust>", "../01-trust/"),      # the first page that embeds it
        ("second", "Module 2", "../02-boundaries/"),
    ]


def test_the_table_has_a_caption_column_headers_and_not_started_rows():
    html = render_progress(modules(LESSONS, QUIZZES), QUIZZES, UI, "Dina framsteg")
    table = parsed(html)
    assert table.caption == "Dina framsteg"
    # the status table, then the course record's table
    assert table.col_headers == ["<progress_module>", "<progress_status>",
                                 "<progress_module>", "<record_completed_on>", "<record_score>"]
    assert table.rows == [
        {"quiz": "first", "title": "Module 1: <Trust>", "href": "../01-trust/", "status": "<status_not_started>"},
        {"quiz": "second", "title": "Module 2", "href": "../02-boundaries/", "status": "<status_not_started>"},
    ]
    assert "&lt;Trust&gt;" in html, "titles are escaped"


def test_the_controls_have_visible_labels_and_wait_for_javascript():
    html = render_progress([], QUIZZES, UI, "Caption", "Needs JavaScript.")
    actions = re.search(r'<div class="hc-progress__actions" hidden>(.*?)</div>', html).group(1)
    assert 'class="md-button hc-progress__export">&lt;export&gt;</button>' in actions
    # the native picker hidden from sight behind a label in the page's language, styled as a button
    assert re.search(r'<input type="file" id="hc-progress-import" class="[^"]*hc-visually-hidden"'
                     r' accept="application/json[^>]*><label for="hc-progress-import" class="md-button[^"]*">'
                     r'&lt;import&gt;</label>', actions)
    assert 'class="md-button hc-progress__delete">&lt;delete_all&gt;</button>' in actions
    assert html.count('role="status"') == 2  # storage problems, and the result of an action
    assert re.search(r'<progress class="hc-progress__bar" max="0" value="0" aria-labelledby="hc-progress-overall">', html)
    assert '<p class="hc-progress__no-script">Needs JavaScript.</p>' in html
    assert '<h2 id="hc-reflections">&lt;progress_reflections&gt;</h2>' in html
    assert "hc-progress__no-script" not in render_progress([], QUIZZES, UI, "Caption")


def test_the_data_block_has_each_quiz_question_fingerprint_and_never_the_answers():
    html = render_progress(modules(LESSONS, QUIZZES), QUIZZES, UI, "Caption")
    blocks = parsed(html).blocks
    assert "</script>" not in blocks["hc-progress-data"], "'<' is escaped inside the data block"
    data = json.loads(blocks["hc-progress-data"])
    assert data == {"quizzes": [
        {"id": "first", "number": 1, "title": "First quiz", "module": "Module 1: <Trust>", "url": "../01-trust/",
         "pass_mark": 75, "questions": [
             {"id": "q1", "type": "single", "fingerprint": "0123456789ab", "prompt": "Prompt of q1 </script>"},
             {"id": "q2", "type": "reflection", "fingerprint": "ffffffffffff", "prompt": "Prompt of q2 </script>"}],
         "notes": [{"id": "01-trust/reflection-1", "title": "Reflection </script>"}]},
        {"id": "second", "number": 2, "title": "Second quiz & more", "module": "Module 2", "url": "../02-boundaries/",
         "pass_mark": 80, "questions": [
             {"id": "q1", "type": "single", "fingerprint": None, "prompt": "Prompt of q1 </script>"}],
         "notes": []},
    ]}
    assert "secret" not in html
    ui = json.loads(blocks["hc-progress-ui"])
    assert set(ui) == set(progress_page.UI_KEYS) and ui["import_failed"] == "<import_failed>"


def test_the_fence_becomes_the_rendered_part_with_this_languages_lessons():
    slot = progress_page.format_progress_fence("  Needs\n  JavaScript & more. \n", "progress", "hc-progress",
                                              {}, None)
    lessons = [Lesson("Luottamus", "../01-trust/", ["first"]), Lesson("Edistymisesi", "./", [])]
    html = progress_page.fill_slots(f"<h1>Edistymisesi</h1>{slot}<p>after</p>", lessons, QUIZZES, UI)
    assert "hc-progress-slot" not in html
    assert html.startswith("<h1>Edistymisesi</h1><div class=\"hc-progress\">") and html.endswith("<p>after</p>")
    table = parsed(html)
    assert [(row["title"], row["href"]) for row in table.rows] == [("Luottamus", "../01-trust/")]
    assert table.caption == "<progress_caption>"
    assert '<p class="hc-progress__no-script">Needs JavaScript &amp; more.</p>' in html


def test_a_page_without_the_fence_is_left_alone():
    html = "<p>No progress here</p>"
    assert progress_page.fill_slots(html, [], QUIZZES, UI) is html


def test_the_course_record_names_the_course_and_waits_for_javascript():
    html = render_progress(modules(LESSONS, QUIZZES), QUIZZES, UI, "Caption", course_name="Kurs <&> kurs")
    record = re.search(r'<section class="hc-record-part hc-print-part" aria-labelledby="hc-record" hidden>(.*?)</section>',
                       html).group(1)
    assert '<p class="hc-record__course">Kurs &lt;&amp;&gt; kurs</p>' in record
    assert '<label for="hc-record-name">&lt;record_name&gt;</label>' in record
    assert 'aria-describedby="hc-record-name-note"' in record and 'id="hc-record-name-note"' in record
    assert 'class="md-button hc-record__print">&lt;print_record&gt;</button>' in record

"""The progress page around the table (issue 13): the overall bar and a failed attempt's score,
loading a file merged newest-answer-wins after a preview, set-aside copies of what could not be
read, tabs that see each other's deletes and loads, and the printable course record.

Like test_progress.py, answers are seeded straight into localStorage in the format of
docs-dev/quiz-format-v2.md; one page load checks several things, to keep the suite short.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from conftest import page_path
from quiz_driver import CHOICE_TYPES, LESSON, QUIZ_ID, answer_question_with_mouse, compiled_quiz, interface, scored
from test_accessibility import assert_no_violations
from test_progress import (KEY, REFLECTION, load_file, open_progress, page_block, record, seed, set_aside,
                           status_of, stored, with_a_reflection_question)

pytestmark = pytest.mark.browser

FIRST_PASS = "2026-11-20T10:00:00Z"
# 20 November 2026 as each language writes it (Intl.DateTimeFormat, dateStyle "long")
DATES = {"no": "20. november 2026", "sv": "20 november 2026", "fi": "20. marraskuuta 2026",
         "en": "November 20, 2026"}
# window.print() records which part was asked for; page.pdf() fires "afterprint" before it lays
# the page out, so while window.holdPrint is set this listener (registered first) keeps the part
RECORD_PRINTS = """window.printed = [];
window.print = function () { window.printed.push(document.documentElement.getAttribute("data-hc-print")); };
window.addEventListener("afterprint", function (event) { if (window.holdPrint) event.stopImmediatePropagation(); });"""


def course_quizzes(page: Page) -> list[dict]:
    return page_block(page, "hc-progress-data")["quizzes"]


def module_name(ui: dict, quiz: dict) -> str:
    return ui["module_numbered"].format(number=quiz["number"], title=quiz["module"])


def answers_to(quiz: dict, at: str | None = "2026-11-19T09:00:00Z") -> dict:
    """An answer to each scored question (the quiz's own reflection left blank)."""
    return {q["id"]: {"fp": q["fingerprint"], "value": ["x"], **({"at": at} if at else {})}
            for q in quiz["questions"] if q["type"] != "reflection"}


@pytest.mark.parametrize("lang, width", [("no", 320), ("sv", 1280), ("fi", 320), ("en", 1280)])
def test_overall_bar_failed_score_and_the_printed_course_record(page: Page, site_url, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.add_init_script(RECORD_PRINTS)
    with_a_reflection_question(page)
    open_progress(page, site_url, lang)
    ui, quizzes = interface(lang), course_quizzes(page)
    # all but the last module passed: the first with the date of its pass, the second from before
    # dates were kept; the last one checked once below its pass mark
    entries = {quiz["id"]: {"answers": answers_to(quiz), "checked": True, "passed": True,
                            "score": {"correct": 9, "total": 11}} for quiz in quizzes[:-1]}
    entries[quizzes[0]["id"]]["passedAt"] = FIRST_PASS
    entries[quizzes[0]["id"]]["answers"][REFLECTION["id"]] = {"fp": REFLECTION["fingerprint"], "value": "Mine."}
    failed = quizzes[-1]
    entries[failed["id"]] = {"answers": answers_to(failed), "checked": True, "passed": False,
                             "score": {"correct": 5, "total": 10}}
    seed(page, record(entries))

    done, total = len(quizzes) - 1, len(quizzes)
    overall = ui["overall_progress"].format(completed=done, total=total)
    expect(page.locator(".hc-progress__overall-text")).to_have_text(overall)
    bar = page.locator("progress.hc-progress__bar")
    assert (bar.get_attribute("max"), bar.evaluate("b => b.value")) == (str(total), done)
    expect(page.get_by_role("progressbar", name=overall)).to_be_visible()
    # the bar comes before the table, the table before the buttons
    assert page.evaluate("""() => { const [bar, table, buttons] = ['.hc-progress__overall', '.hc-progress table',
        '.hc-progress__actions'].map(s => document.querySelector(s));
        return !!(bar.compareDocumentPosition(table) & 4) && !!(table.compareDocumentPosition(buttons) & 4); }""")
    expect(status_of(page, failed["id"])).to_have_text(
        ui["status_not_passed"].format(correct=5, total=10, pass_mark=failed["pass_mark"]))

    page.get_by_label(ui["record_name"]).fill("Kari Nordmann")
    names = [module_name(ui, quiz) for quiz in quizzes[:-1]]
    record_rows = page.locator(".hc-record tbody tr")
    expect(record_rows).to_have_count(done)
    score = ui["record_score_value"].format(correct=9, total=11)
    assert record_rows.nth(0).locator("th, td").all_inner_texts() == [names[0], DATES[lang], score]
    assert record_rows.nth(1).locator("th, td").all_inner_texts() == [names[1], ui["record_no_date"], score]
    expect(page.locator(".hc-record__name")).to_have_text("Kari Nordmann")
    expect(page.locator(".hc-record__course")).to_have_text(page.evaluate("document.title").split(" - ")[-1])
    assert json.loads(stored(page))["name"] == "Kari Nordmann", "kept with the record"
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page is {overflow} px wide on a {width} px screen"
    if lang != "no":
        return  # printing is the same in every language: once is enough
    page.reload()
    expect(page.get_by_label(ui["record_name"])).to_have_value("Kari Nordmann")
    assert_no_violations(page)

    page.get_by_role("button", name=ui["print_record"]).click()
    assert page.evaluate("window.printed") == ["record"]
    page.emulate_media(media="print")
    expect(page.locator(".hc-record")).to_be_visible()
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "article h1", ".hc-progress table >> nth=0",
                   ".hc-progress__reflections", ".hc-record__name-input"):
        expect(page.locator(hidden).first).to_be_hidden()
    assert page.locator(".hc-progress button").evaluate_all("bs => bs.filter(b => b.offsetParent).length") == 0
    page.evaluate("window.holdPrint = true")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", page.pdf(format="A4")))
    assert pages == 1, f"the course record prints on {pages} pages"

    page.emulate_media(media="screen")
    page.evaluate("window.holdPrint = false; window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.documentElement.hasAttribute('data-hc-print')") is False, "after printing, all of it"
    page.get_by_role("button", name=ui["print_reflections"]).click()
    page.emulate_media(media="print")
    expect(page.locator(".hc-progress__reflections")).to_be_visible()
    expect(page.locator(".hc-record")).to_be_hidden()
    expect(page.locator(".hc-progress table").first).to_be_hidden()


def test_a_loaded_file_is_merged_newest_answer_first_after_a_preview(page: Page, site_url, tmp_path):
    lang = "fi"  # the language whose counts change form most ("1 uusi vastaus", "10 uutta vastausta")
    with_a_reflection_question(page)
    open_progress(page, site_url, lang)
    ui, quizzes = interface(lang), course_quizzes(page)
    first, second = quizzes[0], quizzes[1]
    q1, q2, q3, q4, q5 = (q["id"] for q in first["questions"][:5])
    fps = {q["id"]: q["fingerprint"] for q in first["questions"]} | {REFLECTION["id"]: REFLECTION["fingerprint"]}

    def answer(qid, value, at=None):
        return {"fp": fps[qid], "value": value, **({"at": at} if at else {})}

    ours = record({first["id"]: {"answers": {
        q1: answer(q1, ["ours-newer"], "2026-11-20T10:00:00Z"),
        q2: answer(q2, ["ours-older"], "2026-11-18T10:00:00Z"),
        q4: answer(q4, ["ours-tie"], "2026-11-19T10:00:00Z"),
        q5: answer(q5, ["ours-timed"], "2026-11-19T10:00:00Z"),
    }, "updated": "2026-11-20T10:00:00Z"}})
    ours["position"] = {"page": "01", "at": "2026-11-20T10:00:00Z"}
    ours["name"] = "Kari"
    theirs = record({
        first["id"]: {"answers": {
            q1: answer(q1, ["file-older"], "2026-11-19T10:00:00Z"),
            q2: answer(q2, ["file-newer"], "2026-11-21T10:00:00Z"),
            q3: answer(q3, ["file-new"], "2026-11-21T10:00:00Z"),
            q4: answer(q4, ["file-tie"], "2026-11-19T10:00:00Z"),
            q5: answer(q5, ["file-untimed"]),
            REFLECTION["id"]: answer(REFLECTION["id"], "Written on the phone.", "2026-11-21T10:00:00Z"),
        }, "updated": "2026-11-21T10:00:00Z"},
        second["id"]: {"answers": answers_to(second)},
    })
    theirs["position"] = {"page": "02", "at": "2026-11-21T10:00:00Z"}
    theirs["name"] = "Someone else"
    seed(page, "{not json")  # a copy set aside too, so that axe sees the list of copies
    seed(page, ours)
    file = tmp_path / "phone.json"
    file.write_text(json.dumps(theirs), "utf-8")

    load_file(page, file, confirm=False)
    preview = page.locator(".hc-progress__preview")
    expect(preview).to_be_focused()
    expect(preview.locator(".hc-progress__preview-title")).to_have_text(ui["import_preview"])
    expect(preview.locator("li")).to_have_text([
        f'{module_name(ui, first)}: {ui["change_newer_one"].format(count=1)}, {ui["change_new_one"].format(count=1)}, '
        f'{ui["change_reflection_new_one"].format(count=1)}',
        f'{module_name(ui, second)}: {ui["change_new_other"].format(count=len(answers_to(second)))}',
    ])
    assert json.loads(stored(page)) == ours, "nothing is written before Confirm"
    expect(page.locator(".hc-progress__copy")).to_have_count(1)
    assert_no_violations(page)  # the preview, the copies set aside, the reflections
    page.get_by_role("button", name=ui["import_cancel"]).click()
    expect(preview).to_be_hidden()
    expect(page.locator(".hc-progress__message")).to_have_text(ui["import_cancelled"])
    assert json.loads(stored(page)) == ours, "Cancel writes nothing"

    load_file(page, file)
    expect(page.locator(".hc-progress__message")).to_have_text(ui["imported"])
    merged = json.loads(stored(page))
    values = {qid: a["value"] for qid, a in merged["quizzes"][first["id"]]["answers"].items()}
    assert values == {q1: ["ours-newer"], q2: ["file-newer"], q3: ["file-new"], q4: ["ours-tie"],
                      q5: ["ours-timed"], REFLECTION["id"]: "Written on the phone."}
    assert merged["quizzes"][second["id"]] == theirs["quizzes"][second["id"]]
    assert merged["position"] == theirs["position"], "the newer position wins"
    assert merged["name"] == "Kari", "the name typed in this browser stays"
    expect(page.locator(".hc-progress__reflections li")).to_have_count(1)

    load_file(page, file, confirm=False)  # the same file again brings nothing new
    expect(page.locator(".hc-progress__message")).to_have_text(ui["import_nothing_new"])
    expect(preview).to_be_hidden()


def test_each_unreadable_record_and_quiz_is_set_aside_on_its_own_and_can_be_downloaded(page: Page, site_url, tmp_path):
    open_progress(page, site_url, "no")
    ui, quizzes = interface("no"), course_quizzes(page)
    seed(page, "{not json")
    seed(page, "[1, 2")
    assert set_aside(page) == ["{not json", "[1, 2"], "a second corruption keeps the first copy"
    copies = page.locator(".hc-progress__copy")
    expect(copies).to_have_count(2)
    with page.expect_download() as download:
        copies.first.get_by_role("button", name=ui["set_aside_download"]).click()
    assert download.value.suggested_filename == "helper-course-set-aside-1.txt"
    saved = tmp_path / "copy.txt"
    download.value.save_as(saved)
    assert saved.read_text("utf-8") == "{not json"

    good, bad = quizzes[0], quizzes[1]
    seed(page, record({good["id"]: {"answers": answers_to(good), "checked": True, "passed": True,
                                    "score": {"correct": 10, "total": 11}},
                       bad["id"]: {"answers": {"q": 1}}}))
    expect(page.locator(".hc-progress__storage")).to_have_text(
        ui["storage_corrupt_quiz"].format(module=module_name(ui, bad)))
    expect(status_of(page, good["id"])).to_have_text(ui["status_completed"].format(correct=10, total=11))
    kept = json.loads(stored(page))
    assert list(kept["quizzes"]) == [good["id"]], "only the malformed quiz is set aside"
    assert json.loads(set_aside(page)[-1])["quizzes"] == {bad["id"]: {"answers": {"q": 1}}}
    expect(copies).to_have_count(3)
    expect(copies.last.locator("p").first).to_contain_text(module_name(ui, bad))

    page.once("dialog", lambda dialog: dialog.accept())
    copies.first.get_by_role("button", name=ui["set_aside_discard"]).click()
    expect(page.locator(".hc-progress__message")).to_have_text(ui["set_aside_discarded"])
    expect(copies).to_have_count(2)
    assert set_aside(page)[0] == "[1, 2"

    # bounded: more corruptions keep the newest five copies, not an ever-growing pile
    page.evaluate("""key => { for (let i = 0; i < 6; i++) {
        localStorage.setItem(key, "broken " + i); window.HelperCourseProgress.readAll(); } }""", KEY)
    assert set_aside(page) == [f"broken {i}" for i in range(1, 6)]


def test_a_delete_or_load_in_one_tab_shows_in_the_open_lesson_and_nothing_comes_back(page: Page, site_url, tmp_path):
    quiz, ui = compiled_quiz("en"), interface("en")
    first, second, third = [q for q in scored(quiz) if q["type"] in CHOICE_TYPES][:3]
    lesson = page.context.new_page()
    lesson.goto(site_url + page_path("en", LESSON))
    expect(lesson.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()
    answered = lesson.locator(".hc-quiz__answered")
    answer_question_with_mouse(lesson, quiz, first, right=True)
    expect(answered).to_have_text(ui["answered_count"].format(answered=1, total=len(scored(quiz))))

    open_progress(page, site_url, "en")
    file = tmp_path / "with-the-first.json"  # what "Download my answers" would save
    file.write_text(stored(page), "utf-8")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".hc-progress__delete").click()

    expect(answered).to_have_text(ui["answered_count"].format(answered=0, total=len(scored(quiz))))
    expect(lesson.locator(f"#hc-{quiz['id']}-{first['id']} input:checked")).to_have_count(0)
    answer_question_with_mouse(lesson, quiz, second, right=True)
    expect(answered).to_have_text(ui["answered_count"].format(answered=1, total=len(scored(quiz))))
    saved = json.loads(stored(page))["quizzes"][quiz["id"]]["answers"]
    assert list(saved) == [second["id"]], "the deleted answer did not come back with the next save"

    load_file(page, file)  # the progress tab shows the lesson's new answer, and loads the old one
    expect(page.locator(".hc-progress__message")).to_have_text(ui["imported"])
    expect(answered).to_have_text(ui["answered_count"].format(answered=2, total=len(scored(quiz))))
    expect(lesson.locator(f"#hc-{quiz['id']}-{first['id']} input:checked")).not_to_have_count(0)
    answer_question_with_mouse(lesson, quiz, third, right=True)
    assert set(json.loads(stored(page))["quizzes"][quiz["id"]]["answers"]) == {first["id"], second["id"], third["id"]}
    lesson.close()


def test_a_lesson_whose_saved_quiz_cannot_be_read_names_it_and_keeps_the_other_modules(page: Page, site_url):
    quiz, other, ui = compiled_quiz("sv"), compiled_quiz("sv", "trust"), interface("sv")
    kept = {"answers": answers_to(other), "checked": False}
    raw = json.dumps(record({quiz["id"]: {"answers": []}, other["id"]: kept}))
    page.add_init_script(f"""if (!sessionStorage.getItem("seeded")) {{
        localStorage.setItem({json.dumps(KEY)}, {json.dumps(raw)}); sessionStorage.setItem("seeded", "1"); }}""")
    page.goto(site_url + page_path("sv", LESSON))
    expect(page.locator(".hc-quiz.hc-quiz--ready")).to_be_visible()
    expect(page.locator(".hc-quiz__storage")).to_have_text(ui["storage_corrupt_quiz"].format(module=quiz["title"]))
    assert json.loads(stored(page))["quizzes"] == {other["id"]: kept}
    assert [json.loads(text)["quizzes"] for text in set_aside(page)] == [{quiz["id"]: {"answers": []}}]



def test_lesson_notes_are_listed_with_the_reflections_and_a_load_merges_them_newest_first(page: Page, site_url, tmp_path):
    """What the trainee wrote in a lesson's own reflection box (record.notes) shows on the
    progress page under its module, and a loaded file's notes are merged like answers."""
    lang = "en"
    open_progress(page, site_url, lang)
    ui, quizzes = interface(lang), course_quizzes(page)
    first, second = quizzes[0], quizzes[1]
    here, new = first["notes"][0]["id"], second["notes"][0]["id"]
    ours = record({})
    ours["notes"] = {here: {"text": "Mine, written later.", "at": "2026-11-22T10:00:00Z"}}
    theirs = record({})
    theirs["notes"] = {here: {"text": "From the file, older.", "at": "2026-11-20T10:00:00Z"},
                       new: {"text": "From the file, <b>new</b>.", "at": "2026-11-21T10:00:00Z"}}
    seed(page, ours)
    page.reload()
    reflections = page.locator(".hc-progress__reflection")
    expect(reflections).to_have_count(1)
    expect(reflections.first).to_contain_text(first["module"])
    expect(reflections.first).to_contain_text(first["notes"][0]["title"])
    expect(reflections.first).to_contain_text("Mine, written later.")

    file = tmp_path / "notes.json"
    file.write_text(json.dumps(theirs), "utf-8")
    load_file(page, file, confirm=False)
    expect(page.locator(".hc-progress__preview li")).to_have_text(
        [f'{module_name(ui, second)}: {ui["change_reflection_new_one"].format(count=1)}'])
    page.locator(".hc-progress__confirm").click()
    merged = json.loads(stored(page))["notes"]
    assert merged[here]["text"] == "Mine, written later.", "the newer note here wins"
    assert merged[new]["text"] == "From the file, <b>new</b>."
    expect(reflections).to_have_count(2)
    expect(reflections.nth(1)).to_contain_text("From the file, <b>new</b>.")  # shown as text

"""The progress page: statuses and reflections from this browser's storage, download, load,
delete, and what happens when storage is off, corrupted or handed a wrong file.

These tests drive only progress-store.js and progress-page.js: answers are seeded straight into
localStorage in the format of docs-dev/quiz-format-v2.md, never by taking a quiz.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from conftest import page_path
from quiz_driver import QUIZ_ID, compiled_quiz
from test_accessibility import assert_no_violations

pytestmark = pytest.mark.browser

PROGRESS = "progress/"
KEY = "helpercourse.progress.v1"
REFLECTION = {"id": "test-reflection", "type": "reflection", "fingerprint": "abcdef012345",
              "prompt": "What do you bring to a helper relationship?"}
# the text of a reflection as a trainee might write it: markup must stay text
REFLECTION_TEXT = 'I listen <img src="x" class="injected"> well.\nSecond line & more.'
DISABLE_STORAGE = """Object.defineProperty(window, "localStorage", {configurable: true, get: function () {
  throw new DOMException("The operation is insecure.", "SecurityError"); }});"""


@pytest.fixture(autouse=True)
def page_errors(page: Page):
    """Every test also checks that the progress scripts threw nothing (others' scripts have their
    own tests), and a test can look at everything that was thrown."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error.message}\n{error.stack or ''}"))
    yield errors
    ours = [e for e in errors if "progress-store.js" in e or "progress-page.js" in e]
    assert not ours, ours


def open_progress(page: Page, base_url: str, lang: str) -> None:
    page.goto(base_url + page_path(lang, PROGRESS))
    expect(page.locator(".hc-progress.hc-progress--ready")).to_be_visible()


def page_block(page: Page, name: str) -> dict:
    return json.loads(page.locator(f"script.{name}").text_content())


def fingerprints(page: Page) -> dict[str, str]:
    """Question id -> fingerprint: from the compiled quiz if built, else from the page's data."""
    try:
        questions = compiled_quiz("en")["questions"]
    except FileNotFoundError:
        questions = next(q for q in page_block(page, "hc-progress-data")["quizzes"]
                         if q["id"] == QUIZ_ID)["questions"]
    found = {q["id"]: q.get("fingerprint") for q in questions}
    missing = [qid for qid, fp in found.items() if not fp]
    assert not missing, f"questions without a fingerprint (saved answers could not be matched): {missing}"
    return found


def record(quizzes: dict) -> dict:
    return {"format": "helpercourse-progress", "version": 1, "quizzes": quizzes}


def in_progress_record(prints: dict[str, str], answered: int = 3) -> dict:
    answers = {qid: {"fp": fp, "value": ["some-option"]} for qid, fp in list(prints.items())[:answered]}
    last = list(prints)[-1]
    answers[last] = {"fp": "000000000000", "value": ["stale"]}  # the question has changed since
    answers["removed-question"] = {"fp": "111111111111", "value": ["gone"]}  # no longer in the quiz
    answers[REFLECTION["id"]] = {"fp": REFLECTION["fingerprint"], "value": REFLECTION_TEXT}
    return record({QUIZ_ID: {"answers": answers, "checked": False, "updated": "2026-11-23T10:00:00Z"}})


def completed_record(prints: dict[str, str]) -> dict:
    answers = {qid: {"fp": fp, "value": ["some-option"]} for qid, fp in prints.items()}
    total = len(prints)
    return record({QUIZ_ID: {"answers": answers, "checked": True, "passed": True,
                             "score": {"correct": total - 1, "total": total},
                             "updated": "2026-11-23T10:00:00Z"}})


def seed(page: Page, value) -> None:
    """Put a record (or a raw string) into the browser's storage, then load the page anew."""
    raw = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [KEY, raw])
    page.reload()
    expect(page.locator(".hc-progress.hc-progress--ready")).to_be_visible()


def load_file(page: Page, file, confirm: bool = True) -> None:
    """Choose a file in the picker; once its preview shows, Confirm (or leave it open)."""
    page.locator("#hc-progress-import").set_input_files(file)
    if confirm:
        expect(page.locator(".hc-progress__preview")).to_be_visible()
        page.locator(".hc-progress__confirm").click()


def set_aside(page: Page) -> list[str]:
    """The set-aside copies' texts, oldest first."""
    return page.evaluate("""key => Object.keys(localStorage).filter(k => k.startsWith(key + ".corrupt."))
      .sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop())).map(k => localStorage.getItem(k))""", KEY)


def stored(page: Page, key: str = KEY):
    return page.evaluate("key => localStorage.getItem(key)", key)


def rows(page: Page) -> list[str]:
    return page.locator(".hc-progress tbody tr").all_inner_texts()


def status_of(page: Page, quiz_id: str = QUIZ_ID):
    return page.locator(f'tr[data-quiz-id="{quiz_id}"] .hc-progress__status')


def with_a_reflection_question(page: Page) -> None:
    """Serve the progress page with one reflection question added to the module 1 quiz's data,
    so the reflections list is tested whatever the course's own quizzes contain."""
    def add(route):
        response = route.fetch()
        html = response.text()
        found = re.search(r'(<script type="application/json" class="hc-progress-data">)(.*?)(</script>)', html, re.S)
        data = json.loads(found[2])
        next(q for q in data["quizzes"] if q["id"] == QUIZ_ID)["questions"].append(REFLECTION)
        body = html[:found.start(2)] + json.dumps(data).replace("<", "\\u003c") + html[found.end(2):]
        route.fulfill(response=response, body=body)
    page.route(re.compile(r".*/progress/(index\.html)?$"), add)


def test_without_progress_every_module_is_not_started(page: Page, site_url):
    open_progress(page, site_url, "en")
    ui = page_block(page, "hc-progress-ui")
    expect(status_of(page)).to_have_text(ui["status_not_started"])
    expect(page.locator(".hc-progress__none")).to_have_text(ui["no_reflections"])
    expect(page.locator(".hc-progress__reflections")).to_be_hidden()
    expect(page.locator(".hc-progress__no-script")).to_be_hidden()
    expect(page.locator(".hc-progress__storage")).to_be_empty()
    link = page.locator(f'tr[data-quiz-id="{QUIZ_ID}"] th a')
    link.click()
    expect(page).to_have_url(site_url + page_path("en", "01-helper-relationship/"))


@pytest.mark.parametrize("lang", ["sv", "fi"])
def test_answers_in_progress_count_only_current_questions(page: Page, site_url, lang):
    with_a_reflection_question(page)
    open_progress(page, site_url, lang)
    prints = fingerprints(page)
    seed(page, in_progress_record(prints, answered=3))
    ui = page_block(page, "hc-progress-ui")
    total = len(prints) + 1  # with the added reflection question
    # 3 answers + the reflection count; the stale and the removed question's answers do not
    expect(status_of(page)).to_have_text(ui["status_in_progress"].format(answered=4, total=total))


@pytest.mark.parametrize("lang", ["en", "no"])
def test_a_passed_module_is_completed_with_its_last_score(page: Page, site_url, lang):
    open_progress(page, site_url, lang)
    prints = fingerprints(page)
    seed(page, completed_record(prints))
    ui = page_block(page, "hc-progress-ui")
    expect(status_of(page)).to_have_text(
        ui["status_completed"].format(correct=len(prints) - 1, total=len(prints)))


def test_answers_whose_questions_changed_leave_the_module_not_started(page: Page, site_url):
    open_progress(page, site_url, "fi")
    prints = fingerprints(page)
    seed(page, record({QUIZ_ID: {"answers": {qid: {"fp": "000000000000", "value": ["x"]} for qid in prints}}}))
    expect(status_of(page)).to_have_text(page_block(page, "hc-progress-ui")["status_not_started"])


def test_reflections_are_listed_with_their_prompt_as_plain_text(page: Page, site_url):
    with_a_reflection_question(page)
    open_progress(page, site_url, "en")
    seed(page, in_progress_record(fingerprints(page)))
    items = page.locator(".hc-progress__reflections li")
    expect(items).to_have_count(1)
    expect(items.locator(".hc-progress__prompt")).to_contain_text(REFLECTION["prompt"])
    text = items.locator(".hc-progress__text")
    expect(text).to_have_text(REFLECTION_TEXT.replace("\n", ""))
    assert text.inner_text() == REFLECTION_TEXT  # the line break kept, as a <br>
    expect(page.locator(".hc-progress img.injected")).to_have_count(0)
    expect(page.locator(".hc-progress__none")).to_be_hidden()


def test_download_delete_and_load_again_restores_the_same_table(page: Page, site_url, tmp_path):
    with_a_reflection_question(page)
    open_progress(page, site_url, "sv")
    ui = page_block(page, "hc-progress-ui")
    seeded = in_progress_record(fingerprints(page))
    seed(page, seeded)
    before = rows(page)
    reflections = page.locator(".hc-progress__reflections").inner_text()
    assert status_of(page).inner_text() != ui["status_not_started"]

    with page.expect_download() as download:
        page.locator(".hc-progress__export").click()
    assert download.value.suggested_filename == "helper-course-progress.json"
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text("utf-8")) == seeded

    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.locator(".hc-progress__delete").click()
    expect(page.locator(".hc-progress__message")).to_have_text(ui["deleted"])
    expect(status_of(page)).to_have_text(ui["status_not_started"])
    expect(page.locator(".hc-progress__none")).to_be_visible()
    assert asked == [ui["delete_confirm"]]
    assert stored(page) is None

    page.get_by_label(page.locator('label[for="hc-progress-import"]').inner_text()).set_input_files(saved)
    expect(page.locator(".hc-progress__file-name")).to_have_text(ui["file_chosen"].format(name="progress.json"))
    page.locator(".hc-progress__confirm").click()
    expect(page.locator(".hc-progress__message")).to_have_text(ui["imported"])
    assert rows(page) == before
    assert page.locator(".hc-progress__reflections").inner_text() == reflections
    assert json.loads(stored(page)) == seeded


def test_delete_asks_first_and_keeps_everything_when_cancelled(page: Page, site_url):
    open_progress(page, site_url, "en")
    seeded = completed_record(fingerprints(page))
    seed(page, seeded)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator(".hc-progress__delete").click()
    expect(page.locator(".hc-progress__message")).to_be_empty()
    assert json.loads(stored(page)) == seeded


@pytest.mark.parametrize("content, reason", [
    (json.dumps({"hello": "world"}), "import_wrong_file"),
    (json.dumps({"format": "helpercourse-progress", "version": 7, "quizzes": {}}), "import_wrong_file"),
    (json.dumps({"format": "helpercourse-progress", "version": 1, "quizzes": {"x": {"answers": {"q": 1}}}}),
     "import_wrong_file"),
    ("{not json", "import_not_json"),
])
def test_loading_a_wrong_file_says_why_and_keeps_the_progress(page: Page, site_url, tmp_path, content, reason):
    open_progress(page, site_url, "en")
    seeded = completed_record(fingerprints(page))
    seed(page, seeded)
    ui = page_block(page, "hc-progress-ui")
    shown = rows(page)
    wrong = tmp_path / "something-else.json"
    wrong.write_text(content, "utf-8")
    page.locator("#hc-progress-import").set_input_files(wrong)
    expect(page.locator(".hc-progress__message")).to_have_text(ui["import_failed"].format(reason=ui[reason]))
    assert rows(page) == shown
    assert json.loads(stored(page)) == seeded


def test_corrupted_storage_is_set_aside_and_the_page_still_works(page: Page, site_url, tmp_path):
    open_progress(page, site_url, "no")
    ui = page_block(page, "hc-progress-ui")
    good = completed_record(fingerprints(page))
    seed(page, "{not json")
    expect(page.locator(".hc-progress__storage")).to_have_text(ui["storage_corrupt"])
    expect(status_of(page)).to_have_text(ui["status_not_started"])
    assert set_aside(page) == ["{not json"], "the unreadable value is kept aside, not lost"
    assert stored(page) is None

    file = tmp_path / "good.json"
    file.write_text(json.dumps(good), "utf-8")
    load_file(page, file)
    expect(page.locator(".hc-progress__message")).to_have_text(ui["imported"])
    expect(status_of(page)).not_to_have_text(ui["status_not_started"])
    expect(page.locator(".hc-progress__storage")).to_be_empty()


def test_a_record_of_the_wrong_shape_counts_as_corrupt(page: Page, site_url):
    open_progress(page, site_url, "en")
    seed(page, json.dumps({"format": "helpercourse-progress", "version": 1, "quizzes": []}))
    expect(page.locator(".hc-progress__storage")).to_have_text(page_block(page, "hc-progress-ui")["storage_corrupt"])


def test_with_storage_turned_off_the_page_says_so_and_nothing_breaks(page: Page, site_url, tmp_path, page_errors):
    page.add_init_script(DISABLE_STORAGE)
    open_progress(page, site_url, "sv")
    ui = page_block(page, "hc-progress-ui")
    expect(page.locator(".hc-progress__storage")).to_have_text(ui["storage_unavailable"])
    expect(status_of(page)).to_have_text(ui["status_not_started"])

    with page.expect_download() as download:  # an empty record, but a file all the same
        page.locator(".hc-progress__export").click()
    exported = tmp_path / "empty.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text("utf-8")) == record({})

    page.locator("#hc-progress-import").set_input_files(exported)
    expect(page.locator(".hc-progress__message")).to_have_text(ui["storage_unavailable"])
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".hc-progress__delete").click()
    expect(page.locator(".hc-progress__message")).to_have_text(ui["storage_unavailable"])
    assert not page_errors


def test_a_full_storage_says_so_and_keeps_what_was_saved(page: Page, site_url, tmp_path):
    page.add_init_script("""(function () {
      var setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (window.storageIsFull && key === "%s") throw new DOMException("full", "QuotaExceededError");
        return setItem.call(this, key, value);
      };
    })();""" % KEY)
    open_progress(page, site_url, "en")
    ui = page_block(page, "hc-progress-ui")
    seeded = completed_record(fingerprints(page))
    seed(page, seeded)
    page.evaluate("window.storageIsFull = true")
    other = tmp_path / "other.json"
    other.write_text(json.dumps(in_progress_record(fingerprints(page))), "utf-8")
    load_file(page, other)
    expect(page.locator(".hc-progress__message")).to_have_text(ui["storage_unavailable"])
    expect(page.locator(".hc-progress__storage")).to_have_text(ui["storage_unavailable"])
    assert json.loads(stored(page)) == seeded
    page.evaluate("window.storageIsFull = false")
    load_file(page, other)
    expect(page.locator(".hc-progress__message")).to_have_text(ui["imported"])
    expect(page.locator(".hc-progress__storage")).to_be_empty()


def test_everything_works_by_keyboard(page: Page, site_url, tmp_path):
    open_progress(page, site_url, "fi")
    seed(page, completed_record(fingerprints(page)))
    ui = page_block(page, "hc-progress-ui")
    page.locator("tr[data-quiz-id] th a").last.focus()  # the last module's link; the buttons come next
    order = []
    for _ in range(3):
        page.keyboard.press("Tab")
        order.append(page.evaluate("[...document.activeElement.classList].find(c => c.startsWith('hc-'))"))
    assert order == ["hc-progress__export", "hc-progress__import", "hc-progress__delete"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    with page.expect_download():
        page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Enter")
    message = page.locator(".hc-progress__message")
    expect(message).to_have_text(ui["deleted"])
    expect(message).to_have_attribute("role", "status")


def test_download_and_load_work_from_disk_and_under_a_strict_csp(page: Page, built_site, csp_site_url, tmp_path):
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    for url in ((built_site / "en" / "progress" / "index.html").as_uri(), csp_site_url + page_path("en", PROGRESS)):
        page.goto(url)
        expect(page.locator(".hc-progress.hc-progress--ready")).to_be_visible()
        seeded = completed_record(fingerprints(page))
        seed(page, seeded)
        with page.expect_download() as download:
            page.locator(".hc-progress__export").click()
        file = tmp_path / "progress.json"
        download.value.save_as(file)
        assert json.loads(file.read_text("utf-8")) == seeded
        page.evaluate("key => localStorage.removeItem(key)", KEY)
        load_file(page, file)
        expect(page.locator(".hc-progress__message")).to_have_text(page_block(page, "hc-progress-ui")["imported"])
        assert json.loads(stored(page)) == seeded
    assert not violations, violations


def test_without_javascript_the_modules_are_listed_and_the_page_says_why_no_status(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + page_path("fi", PROGRESS))
    expect(page.locator(".hc-progress__no-script")).to_be_visible()
    expect(page.locator(f'tr[data-quiz-id="{QUIZ_ID}"] th a')).to_be_visible()
    expect(page.locator(".hc-progress__actions")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("lang", ["no", "en"])
def test_the_filled_progress_page_passes_axe(page: Page, site_url, lang, tmp_path):
    with_a_reflection_question(page)
    open_progress(page, site_url, lang)
    seed(page, in_progress_record(fingerprints(page)))
    expect(page.locator(".hc-progress__reflections li")).to_have_count(1)
    bad = tmp_path / "bad.json"
    bad.write_text("[]", "utf-8")
    page.locator("#hc-progress-import").set_input_files(bad)  # a message on screen too
    expect(page.locator(".hc-progress__message")).not_to_be_empty()
    assert_no_violations(page)

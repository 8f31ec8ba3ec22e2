"""The SCORM packages in a real runtime: scorm-again (npm) plays the LMS, chromium the learner.

A harness page (scorm_harness/) creates scorm-again's Scorm12API or Scorm2004API as window.API /
window.API_1484_11 and opens a package's launch file in a frame, as an LMS's player does. The
packages are unzipped beside it and everything is served from one origin with the deployed
Content-Security-Policy. The quiz is answered through the course's own UI in that frame; the
tests then read what the LMS received.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import ROOT, STRICT_CSP, serve_directory, watch_csp
from quiz_driver import (answer_with_mouse, categories_for, compiled_quiz, full_marks, input_for,
                         interface, order_for, right_choice, scenario_path, score_line, scored)

pytestmark = pytest.mark.browser

HARNESS = ROOT / "tests" / "browser" / "scorm_harness"
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist"
UNPACKED = [("en", "scorm12"), ("no", "scorm2004")]  # one of each version and folder layout
FIRST, LAST = ("helper-relationship", "01-helper-relationship"), ("crisis-and-referral", "09-crisis-and-referral")
SUSPEND_LIMIT = 4096
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG_AA = {"runOnly": {"type": "tag", "values": [*WCAG_TAGS, "best-practice"]}}


@pytest.fixture(scope="session")
def lms_url(scorm_packages, built_site, tmp_path_factory):
    root = tmp_path_factory.mktemp("lms")
    # and one built with the course setting "only module 1 is required" (make scorm SCORM_REQUIRED=1)
    from helpercourse.scorm.package import build_packages
    first_only = next(p for p in build_packages(built_site, ("no", "sv"), (1,)) if p.lang == "sv" and p.version == "scorm12")
    with zipfile.ZipFile(io.BytesIO(first_only.content)) as archive:
        archive.extractall(root / "sv-scorm12-first-only")
    for source in [*HARNESS.iterdir(), SCORM_AGAIN / "scorm12.js", SCORM_AGAIN / "scorm2004.js"]:
        shutil.copy(source, root / source.name)
    for lang, version in UNPACKED:
        with zipfile.ZipFile(io.BytesIO(scorm_packages[lang, version].content)) as archive:
            archive.extractall(root / f"{lang}-{version}")
    with serve_directory(root, {"Content-Security-Policy": STRICT_CSP}) as url:
        yield url


def launch(page: Page, lms_url: str, lang: str, version: str, saved: dict | None = None, folder: str | None = None):
    """Open the package in the harness; (the launch page's frame, the course's frame)."""
    page.goto(lms_url + "index.html")
    page.evaluate("([v, url, saved]) => startCourse(v, url, saved)",
                  ["1.2" if version == "scorm12" else "2004", f"{folder or f'{lang}-{version}'}/scorm-launch.html", saved])
    launcher = page.locator("#lms-frame").element_handle().content_frame()
    course = launcher.wait_for_selector("#hc-scorm-course[src]").content_frame()
    course.wait_for_url(re.compile(r"/index\.html$"))  # past about:blank: the course's home page
    course.wait_for_load_state("load")  # its deferred scripts (store, adapter) have run
    return launcher, course


def open_lesson(course, lms_url: str, lang: str, version: str, lesson: str) -> None:
    root = "" if lang == "no" else f"{lang}/"
    course.goto(f"{lms_url}{lang}-{version}/{root}{lesson}/index.html")
    expect(course.locator(".hc-quiz--ready")).to_be_visible()


def check_quiz(course, lang: str, quiz: dict) -> None:
    course.get_by_role("button", name=interface(lang)["check"]).click()
    expect(score_line(course)).to_have_text(full_marks(interface(lang), len(scored(quiz))))


def right_answers(quiz: dict, reflection: str) -> dict:
    """The store's answers to every question of `quiz`, all right, the reflections written."""
    answers = {}
    for q in quiz["questions"]:
        kind = q["type"]
        value = (reflection if kind == "reflection" else categories_for(q, True) if kind == "categorise"
                 else order_for(q, True) if kind == "order" else scenario_path(q, True) if kind == "scenario"
                 else right_choice(q))
        answers[q["id"]] = {"fp": q["fingerprint"], "value": value}
    return answers


def assert_no_axe_violations(frame, options: dict = WCAG_AA, context: str | None = None) -> None:
    results = Axe().run(frame, context=context, options=options)
    assert results.violations_count == 0, results.generate_report()


def test_scorm12_reports_a_module_ends_with_suspend_and_resumes(page: Page, browser, lms_url):
    lang, version = "en", "scorm12"
    quiz = compiled_quiz(lang, FIRST[0])
    _, course = launch(page, lms_url, lang, version)
    open_lesson(course, lms_url, lang, version, FIRST[1])
    answer_with_mouse(course, quiz, right=True)
    check_quiz(course, lang, quiz)

    cmi = page.evaluate("lmsData()")
    objective = cmi["objectives"]["0"]
    assert (objective["id"], objective["status"]) == (FIRST[0], "passed")
    assert objective["score"] == {"raw": "100", "min": "0", "max": "100"}
    assert cmi["objectives"]["1"]["status"] == "not attempted"
    assert cmi["core"]["lesson_status"] == "incomplete"  # eight modules to go
    assert cmi["core"]["score"]["raw"] == str(round(100 / 9))  # the mean over all nine modules
    assert 0 < len(cmi["suspend_data"]) <= SUSPEND_LIMIT

    page.evaluate("closeCourse()")  # the LMS closes the course: pagehide on the launch page
    page.wait_for_function("lmsCalls.indexOf('LMSFinish') >= 0")
    saved = page.evaluate("lmsData()")
    assert saved["core"]["exit"] == "suspend"
    assert page.evaluate("lmsCalls").count("LMSInitialize") == 1  # one session across the pages

    # Relaunch elsewhere (a new browser profile: nothing in localStorage): resumed from the LMS.
    context = browser.new_context()
    try:
        again = context.new_page()
        violations = watch_csp(again)
        launcher, course = launch(again, lms_url, lang, version, saved)
        open_lesson(course, lms_url, lang, version, FIRST[1])
        expect(score_line(course)).to_have_text(full_marks(interface(lang), len(scored(quiz))))
        question = scored(quiz)[0]
        expect(input_for(course, quiz["id"], question["id"], right_choice(question)[0])).to_be_checked()
        # The restored quiz, in the frame (the whole lesson page: test_accessibility.py).
        assert_no_axe_violations(course, context=".hc-quiz")
        # The launch page itself (lang, title, the frame's title), without the frame, which has no
        # axe of its own here: so without the best practices that count the frames' headings.
        assert_no_axe_violations(launcher, {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "iframes": False})
        assert not violations, violations
    finally:
        context.close()


def test_scorm2004_completed_and_passed_when_every_module_is_passed(page: Page, lms_url):
    lang, version = "no", "scorm2004"
    _, course = launch(page, lms_url, lang, version)
    # Eight modules answered through the store (the adapter reports every write); the ninth
    # through the page, as a trainee does it.
    quizzes = [compiled_quiz(lang, path.stem) for path in sorted((ROOT / "quizzes").glob("*.yaml"))]
    reflection = "Mitt eget svar, bare for meg. " * 40  # long, and never to be sent
    for quiz in quizzes:
        if quiz["id"] != LAST[0]:
            entry = {"answers": right_answers(quiz, reflection), "checked": True, "passed": True,
                     "score": {"correct": len(scored(quiz)), "total": len(scored(quiz))}}
            assert course.evaluate("([id, e]) => HelperCourseProgress.writeQuiz(id, e)", [quiz["id"], entry])
    cmi = page.evaluate("lmsData()")
    assert (cmi["completion_status"], cmi["success_status"]) == ("incomplete", "unknown")

    last = compiled_quiz(lang, LAST[0])
    open_lesson(course, lms_url, lang, version, LAST[1])
    answer_with_mouse(course, last, right=True)
    course.locator(".hc-reflection__text").first.fill(reflection)
    check_quiz(course, lang, last)

    cmi = page.evaluate("lmsData()")
    assert (cmi["completion_status"], cmi["success_status"]) == ("completed", "passed")
    assert cmi["score"] == {"scaled": "1", "raw": "100", "min": "0", "max": "100"}
    objectives = {o["id"]: o for o in cmi["objectives"].values()}
    assert set(objectives) == {quiz["id"] for quiz in quizzes}
    assert all(o["success_status"] == "passed" and o["completion_status"] == "completed"
               and o["score"]["scaled"] == "1" for o in objectives.values())
    suspend = cmi["suspend_data"]
    print(f"\nsuspend_data with all nine quizzes answered: {len(suspend)} characters")
    assert len(suspend) <= SUSPEND_LIMIT, len(suspend)
    assert "Mitt eget svar" not in suspend  # reflections stay in the browser
    saved = json.loads(suspend)
    assert all(len(saved["q"][quiz["id"]][3]) == len(scored(quiz)) for quiz in quizzes)  # every answer kept

    course.evaluate("HelperCourseProgress.clear()")  # the progress page's "delete": a pass stays a pass
    cmi = page.evaluate("lmsData()")
    assert (cmi["completion_status"], cmi["success_status"]) == ("completed", "passed")
    assert cmi["objectives"]["0"]["success_status"] == "passed"


def test_outside_an_lms_the_package_is_just_the_course(page: Page, lms_url):
    page.goto(lms_url + "en-scorm12/scorm-launch.html")  # no API anywhere up the frames
    course = page.wait_for_selector("#hc-scorm-course[src]").content_frame()
    course.goto(lms_url + "en-scorm12/en/01-helper-relationship/index.html")
    expect(course.locator(".hc-quiz--ready")).to_be_visible()
    assert page.evaluate("typeof window.HelperCourseScorm") == "undefined"


BLOCKED_STORAGE = """Object.defineProperty(window, "localStorage", {configurable: true, get: function () {
  throw new DOMException("The operation is insecure.", "SecurityError"); }});"""


def test_without_browser_storage_the_lms_record_is_left_as_it_was(page: Page, lms_url):
    """The course cannot keep answers, so it must not overwrite the LMS's record with nothing."""
    earlier = json.dumps({"v": 1, "q": {FIRST[0]: [3, 11, 11, {}]}})
    page.add_init_script(BLOCKED_STORAGE)  # in every frame: the launch page and the course
    launch(page, lms_url, "en", "scorm12", {"suspend_data": earlier})
    page.evaluate("closeCourse()")
    page.wait_for_function("lmsCalls.indexOf('LMSFinish') >= 0")
    cmi = page.evaluate("lmsData()")
    assert cmi["suspend_data"] == earlier
    assert cmi["objectives"] == {}


def test_with_only_module_1_required_passing_it_completes_the_course(page: Page, lms_url):
    lang = "sv"
    _, course = launch(page, lms_url, lang, "scorm12", folder="sv-scorm12-first-only")
    first, second = compiled_quiz(lang, FIRST[0]), compiled_quiz(lang, "trust")
    failed = {"answers": right_answers(second, ""), "checked": True, "passed": False,
              "score": {"correct": 0, "total": len(scored(second))}}
    assert course.evaluate("([id, e]) => HelperCourseProgress.writeQuiz(id, e)", [second["id"], failed])
    assert page.evaluate("lmsData()")["core"]["lesson_status"] == "incomplete"  # module 2 does not count
    passed = {"answers": right_answers(first, ""), "checked": True, "passed": True,
              "score": {"correct": len(scored(first)), "total": len(scored(first))}}
    assert course.evaluate("([id, e]) => HelperCourseProgress.writeQuiz(id, e)", [first["id"], passed])
    cmi = page.evaluate("lmsData()")
    assert cmi["core"]["lesson_status"] == "passed"
    statuses = {o["id"]: o["status"] for o in cmi["objectives"].values()}
    assert statuses[first["id"]] == "passed" and statuses[second["id"]] == "failed"  # each still reported

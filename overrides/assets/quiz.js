/* The Helper Course quiz front end: the engine every question type shares.
 * Reads each quiz's compiled JSON from the <script type="application/json"> block in the page
 * (no fetch: that fails from file:// and needs no CSP exception), checks the answers, shows
 * feedback and a score, offers a retry, and keeps the trainee's answers in this browser through
 * HelperCourseProgress (progress-store.js), keyed by quiz and question id plus a fingerprint
 * of each question, so edited questions lose their answers and all others keep them.
 * Each type's part (quiz-types/<module>.js, loaded before this file) adds a function to
 * window.HelperCourseQuizTypes; called with the kit below, it registers how its answer is read,
 * restored, checked and reset (docs-dev/question-types.md). Plain script, no network. */
(function () {
  "use strict";

  var store = window.HelperCourseProgress || null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  function labelled(label, text) {
    var p = element("p");
    p.appendChild(element("strong", "", label));
    p.appendChild(document.createTextNode(" " + text));
    return p;
  }

  /* What each type part is given: register(names, type) and the helpers the types share.
   * Parts run in load order, so one may build on another (truefalse on single). */
  var TYPES = {};
  var kit = {
    types: TYPES, element: element, all: all, fill: fill, labelled: labelled,
    register: function (names, type) {
      [].concat(names).forEach(function (name) { TYPES[name] = type; });
    },
    showNote: function (note, text, control) {
      note.hidden = !text;
      note.textContent = text || "";
      if (!control) return;
      if (text) control.setAttribute("aria-describedby", note.id);
      else control.removeAttribute("aria-describedby");
    },
    mark: function (node, right) { // right: true, false, or null for no mark
      node.classList.remove("hc-option--right", "hc-option--wrong");
      if (right !== null) node.classList.add(right ? "hc-option--right" : "hc-option--wrong");
    }
  };
  (window.HelperCourseQuizTypes || []).forEach(function (part) {
    try { part(kit); } catch (error) { /* its type stays unknown: those quizzes read as without JS */ }
  });

  function readJson(root, className) {
    var block = root.querySelector("script." + className);
    return block ? JSON.parse(block.textContent) : null;
  }

  function showResult(fs, q, ui, verdict) {
    var result = fs.querySelector(".hc-question__result");
    result.textContent = "";
    result.className = "hc-question__result hc-question__result--" + verdict.state;
    result.appendChild(element("p", "hc-verdict", ui[verdict.state]));
    // The right answer and the explanation only after an attempt: checking an empty quiz must
    // not hand out every answer to copy.
    if (verdict.state !== "unanswered") {
      if (verdict.state !== "correct" && verdict.answer) result.appendChild(verdict.answer);
      result.appendChild(labelled(ui.explanation, q.explanation));
    }
    result.hidden = false;
    fs.setAttribute("aria-describedby", fs.id + "-instruction " + result.id);
  }

  function hideResult(fs) {
    var result = fs.querySelector(".hc-question__result");
    if (!result) return;
    result.hidden = true;
    result.textContent = "";
    fs.setAttribute("aria-describedby", fs.id + "-instruction");
  }

  function setUpHints(fs) {
    var button = fs.querySelector(".hc-hints__show");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = fs.querySelector(".hc-hint[hidden]");
      if (!next) return;
      next.hidden = false;
      if (!fs.querySelector(".hc-hint[hidden]")) { // no more hints: keep focus on the last one
        button.hidden = true;
        next.tabIndex = -1;
        next.focus();
      }
    });
  }

  function setUpQuiz(root) {
    var quiz, ui;
    try {
      quiz = readJson(root, "hc-quiz-data");
      ui = readJson(root, "hc-quiz-ui");
    } catch (error) {
      return; // the quiz stays readable, with its answers in the disclosures
    }
    if (!quiz || !ui) return;
    // A type without its front-end part loaded: leave the quiz as it reads without JavaScript.
    if (!quiz.questions.every(function (q) { return TYPES[q.type]; })) return;
    var form = root.querySelector("form");
    var score = root.querySelector(".hc-quiz__score");
    var retry = root.querySelector(".hc-quiz__retry");
    var storageNote = root.querySelector(".hc-quiz__storage");
    var answeredNote = root.querySelector(".hc-quiz__answered");
    var summary = root.querySelector(".hc-quiz__summary");
    var announcer = root.querySelector(".hc-quiz__announce");
    var confirmBox = root.querySelector(".hc-quiz__confirm");
    var undoBox = root.querySelector(".hc-quiz__undo");
    var cleared = null; // what "Undo" puts back after the whole quiz was cleared
    var fieldsets = {};
    all(form, "fieldset.hc-question").forEach(function (fs) { fieldsets[fs.getAttribute("data-question-id")] = fs; });
    var scored = quiz.questions.filter(function (q) { return q.type !== "reflection"; });
    var entry = (store && store.readQuiz(quiz.id)) || {};

    function sayStorageProblem() {
      var problem = store ? store.problem : "unavailable", text = problem ? ui.storage_unavailable : "";
      if (problem === "corrupt") { // the whole record, or some quizzes only: this one, or others
        var quizzes = store.corruptQuizzes || [];
        text = !quizzes.length ? ui.storage_corrupt :
          quizzes.indexOf(quiz.id) !== -1 ? fill(ui.storage_corrupt_quiz, { module: quiz.title }) : "";
      }
      storageNote.textContent = text;
    }

    function save() {
      var answers = {}, before = entry.answers || {}, now = new Date().toISOString();
      quiz.questions.forEach(function (q) {
        var value = TYPES[q.type].read(fieldsets[q.id], q);
        if (value === null) return;
        // `at`: when this answer last changed, so an import can keep the newer of two answers.
        var old = before[q.id], same = old && old.fp === q.fingerprint && JSON.stringify(old.value) === JSON.stringify(value);
        answers[q.id] = { fp: q.fingerprint, value: value, at: same && old.at ? old.at : now };
      });
      entry.answers = answers;
      entry.updated = now;
      var saved = store ? store.writeQuiz(quiz.id, entry) : false;
      sayStorageProblem();
      countAnswered();
      return saved;
    }

    /* "3 of 10 answered" by the buttons; rewritten only when the count changes, so the status
     * region speaks once per newly answered question, not on every arrow key. */
    function countAnswered() {
      var count = 0;
      scored.forEach(function (q) {
        var value = TYPES[q.type].read(fieldsets[q.id], q);
        if (value !== null) count += 1;
        // A scenario can be played again as soon as one choice is made.
        if (q.type === "scenario") againButton(q).hidden = value === null;
      });
      var text = fill(ui.answered_count, { answered: count, total: scored.length });
      if (answeredNote.textContent !== text) answeredNote.textContent = text;
    }

    function againButton(q) { return fieldsets[q.id].querySelector(".hc-question__retry"); }

    function say(text) { // polite: after what the trainee is doing, not over it
      announcer.textContent = "";
      setTimeout(function () { announcer.textContent = text; }, 50);
    }

    /* On a wrong answer, the right options the trainee did not tick get a marker with an icon
     * and words ("Right answer", or "Missed: also right" in a multiple choice). */
    function markMissed(fs, q, value, state) {
      all(fs, ".hc-option__state").forEach(function (node) { node.parentNode.removeChild(node); });
      all(fs, ".hc-option--missed").forEach(function (node) { node.classList.remove("hc-option--missed"); });
      var type = TYPES[q.type];
      if (state !== "incorrect" || !type.options) return;
      type.options(q, ui).forEach(function (option) {
        if (!option.correct || (value || []).indexOf(option.id) !== -1) return;
        var row = fs.querySelector('.hc-option[data-option-id="' + option.id + '"]');
        var label = row && row.querySelector("label");
        if (!label) return;
        row.classList.add("hc-option--missed");
        var marker = label.appendChild(element("span", "hc-option__state"));
        marker.appendChild(element("span", "hc-option__icon", "➜")).setAttribute("aria-hidden", "true");
        marker.appendChild(document.createTextNode(q.type === "multiple" ? ui.missed_option : ui.right_option));
      });
    }

    function checkOne(q) {
      var fs = fieldsets[q.id], type = TYPES[q.type];
      var value = type.read(fs, q);
      var verdict = type.check(fs, q, ui, value);
      showResult(fs, q, ui, verdict);
      markMissed(fs, q, value, verdict.state);
      if (verdict.state !== "unanswered") againButton(q).hidden = false;
      return verdict;
    }

    function questionName(fs) {
      return fs.querySelector(".hc-question__number").textContent;
    }

    function focusQuestion(fs) {
      fs.tabIndex = -1;
      fs.focus();
    }

    /* After checking: each question with a mark and its verdict, as a link back to it. */
    /* "Question 2 of 9: Not quite": short enough to scan, and no meaning in colour or icon alone. */
    function summaryRow(link, q, state) {
      link.className = "hc-quiz__summary-link hc-quiz__summary-link--" + state;
      link.setAttribute("data-question-id", q.id);
      link.textContent = "";
      link.appendChild(element("span", "hc-quiz__mark", { correct: "✓", incorrect: "✗" }[state] || "–"))
        .setAttribute("aria-hidden", "true");
      link.appendChild(document.createTextNode(questionName(fieldsets[q.id]) + " " + ui[state]));
    }

    function showSummary(verdicts) {
      summary.textContent = "";
      var title = summary.appendChild(element("p", "hc-quiz__summary-title", ui.summary_title));
      title.id = "hc-" + quiz.id + "-summary";
      var list = summary.appendChild(element("ol", "hc-quiz__summary-list"));
      list.setAttribute("aria-labelledby", title.id);
      scored.forEach(function (q, n) {
        var fs = fieldsets[q.id], state = verdicts[n];
        var link = element("a");
        link.href = "#" + fs.id;
        summaryRow(link, q, state);
        link.addEventListener("click", function (event) {
          event.preventDefault();
          focusQuestion(fs);
        });
        list.appendChild(element("li")).appendChild(link);
      });
      summary.hidden = false;
    }

    /* Links to the lesson sections an outcome message names by their heading. */
    function sectionLinks(message) {
      var said = message.toLowerCase(), links = null;
      all(document, "h2[id], h3[id]").forEach(function (heading) {
        if (root.contains(heading)) return;
        var copy = heading.cloneNode(true);
        all(copy, ".headerlink").forEach(function (a) { a.parentNode.removeChild(a); });
        var name = copy.textContent.trim();
        var at = said.indexOf(name.toLowerCase());
        // Named as a whole, not inside a longer word ("trust" in "trustworthy").
        if (name.length < 3 || at === -1 || /\p{L}/u.test(said.charAt(at - 1) + said.charAt(at + name.length))) return;
        links = links || element("ul", "hc-quiz__read-again");
        var link = element("a", "", fill(ui.read_again, { section: name }));
        link.href = "#" + heading.id;
        links.appendChild(element("li")).appendChild(link);
      });
      return links;
    }

    function checkAll(announce) {
      var correct = 0, verdicts = [];
      hideUndo();
      scored.forEach(function (q) {
        var verdict = checkOne(q);
        if (verdict.state === "correct") correct += 1;
        verdicts.push(verdict.state);
      });
      var total = scored.length;
      var percent = total ? Math.round(100 * correct / total) : 0;
      var passed = percent >= quiz.pass_mark;
      score.textContent = "";
      score.appendChild(element("p", "", fill(ui.score, { correct: correct, total: total }) +
        (correct === total ? " " + ui.all_correct : "")));
      score.appendChild(element("p", "", fill(passed ? ui.pass_reached : ui.pass_not_reached, { pass_mark: quiz.pass_mark })));
      var message = null;
      quiz.outcomes.forEach(function (o) { if (o.from <= percent) message = o.message; });
      if (message) score.appendChild(element("p", "hc-quiz__outcome", message));
      var links = message && sectionLinks(message);
      if (links) score.appendChild(links);
      showSummary(verdicts);
      retry.hidden = false;
      entry.checked = true;
      entry.score = { correct: correct, total: total };
      // The date on the course record: the first check that passed (not a restore on page load).
      if (announce && passed && !entry.passed) entry.passedAt = new Date().toISOString();
      entry.passed = entry.passed || passed;
      if (announce) save();
      // course-status.js adds "Next module" under the score when this check passed.
      document.dispatchEvent(new CustomEvent("helpercourse:checked", {
        detail: { quiz: quiz.id, passed: passed, score: { correct: correct, total: total } }
      }));
      if (announce) score.focus();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      checkAll(true);
    });

    function firstControl(fs) {
      return fs && fs.querySelector(TYPES[fs.getAttribute("data-type")].control || "input");
    }

    function resetOne(q) {
      var fs = fieldsets[q.id];
      TYPES[q.type].reset(fs, q, ui);
      hideResult(fs);
      markMissed(fs, q, null, null);
      againButton(q).hidden = true;
    }

    function hideUndo() {
      cleared = null;
      undoBox.hidden = true;
    }

    // Clearing the whole quiz: ask in the page first, then offer to undo it.
    retry.addEventListener("click", function () {
      confirmBox.hidden = false;
      confirmBox.querySelector(".hc-quiz__reset-yes").focus();
    });
    function keepAnswers() {
      confirmBox.hidden = true;
      retry.focus();
    }
    confirmBox.querySelector(".hc-quiz__reset-no").addEventListener("click", keepAnswers);
    confirmBox.addEventListener("keydown", function (event) {
      if (event.key === "Escape") keepAnswers();
    });
    confirmBox.querySelector(".hc-quiz__reset-yes").addEventListener("click", function () {
      var kept = { answers: entry.answers || {}, checked: entry.checked };
      scored.forEach(resetOne);
      score.textContent = "";
      summary.hidden = true;
      summary.textContent = "";
      retry.hidden = true;
      confirmBox.hidden = true;
      entry.checked = false;
      save();
      cleared = kept;
      undoBox.hidden = false;
      say(ui.cleared);
      var first = firstControl(form.querySelector("fieldset.hc-question"));
      if (first) first.focus();
    });
    undoBox.querySelector(".hc-quiz__undo-button").addEventListener("click", function () {
      var kept = cleared;
      if (!kept) return;
      scored.forEach(function (q) {
        var saved = kept.answers[q.id];
        if (saved && saved.fp === q.fingerprint) TYPES[q.type].write(fieldsets[q.id], q, saved.value, ui);
      });
      entry.checked = kept.checked;
      entry.answers = kept.answers; // so save() keeps each answer's own time (`at`)
      if (kept.checked) checkAll(false);
      save();
      hideUndo();
      root.querySelector(".hc-quiz__check").focus();
      say(ui.restored);
    });

    // Check or try again one question, where the trainee is.
    scored.forEach(function (q) {
      var fs = fieldsets[q.id];
      fs.querySelector(".hc-question__actions").hidden = false;
      fs.querySelector(".hc-question__check").addEventListener("click", function () {
        hideUndo();
        // Once the whole quiz has been checked, the score and summary follow every new check.
        if (entry.checked) {
          checkAll(false);
          save();
        } else {
          checkOne(q);
        }
        // The verdict, right answer and explanation, read out after the button's own name.
        // The verdict, then the feedback on the options chosen, then the right answer and explanation.
        var parts = all(fs.querySelector(".hc-question__result"), "p, li");
        parts.splice.apply(parts, [1, 0].concat(all(fs, ".hc-option__feedback:not([hidden])")));
        say([questionName(fs)].concat(parts.map(function (node) { return node.textContent; })).join(" "));
      });
      againButton(q).addEventListener("click", function () {
        hideUndo();
        resetOne(q);
        var row = summary.querySelector('a[data-question-id="' + q.id + '"]');
        if (row) summaryRow(row, q, "unanswered");
        save();
        var first = firstControl(fs);
        if (first) first.focus();
      });
    });

    function questionOf(node) {
      var fs = node.closest("fieldset.hc-question");
      var q = null;
      quiz.questions.forEach(function (item) { if (fs && item.id === fs.getAttribute("data-question-id")) q = item; });
      return q && { fs: fs, q: q, type: TYPES[q.type] };
    }

    form.addEventListener("change", function () {
      hideUndo(); // a new answer: the cleared ones are no longer wanted back
      save();
    });
    form.addEventListener("input", function (event) {
      var at = questionOf(event.target);
      if (at && at.type.input) at.type.input(at.fs, at.q, ui, event.target, save);
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      var at = button && questionOf(button);
      if (at && at.type.click && at.type.click(at.fs, at.q, ui, button)) {
        hideUndo();
        save();
      }
    });

    // Put back what this browser remembers; answers to edited questions no longer match.
    function restore(fresh) {
      var answers = entry.answers || {};
      quiz.questions.forEach(function (q) {
        var fs = fieldsets[q.id];
        var saved = answers[q.id];
        var type = TYPES[q.type];
        if (fresh && type.start) type.start(fs, q, ui);
        if (!fresh) { // what this page shows goes; the stored answers come back below
          if (type.reset) resetOne(q);
          else type.write(fs, q, "", ui); // a reflection: no reset, an empty text
        }
        try {
          if (saved && saved.fp === q.fingerprint) type.write(fs, q, saved.value, ui);
        } catch (error) { // a saved value of the wrong shape: start this question afresh
          if (type.reset) type.reset(fs, q, ui);
        }
      });
      if (entry.checked) checkAll(false);
      sayStorageProblem();
      countAnswered();
    }
    restore(true);
    quiz.questions.forEach(function (q) { setUpHints(fieldsets[q.id]); });
    if (store && store.onProblem) store.onProblem(sayStorageProblem);
    // Another tab deleted or loaded answers: show what is stored now, so that the next save here
    // cannot bring deleted answers back.
    if (store && store.onChange) store.onChange(function () {
      var stored = store.readQuiz(quiz.id) || {};
      if (JSON.stringify(stored) === JSON.stringify(entry)) return; // another quiz, or ours as it is
      entry = stored;
      hideUndo();
      confirmBox.hidden = true;
      score.textContent = "";
      summary.hidden = true;
      summary.textContent = "";
      retry.hidden = true;
      restore(false);
    });

    root.querySelector(".hc-quiz__actions").hidden = false;
    root.classList.add("hc-quiz--ready"); // CSS hides the no-JavaScript answer disclosures
  }

  function start() {
    all(document, "section.hc-quiz").forEach(setUpQuiz);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

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
    var fieldsets = {};
    all(form, "fieldset.hc-question").forEach(function (fs) { fieldsets[fs.getAttribute("data-question-id")] = fs; });
    var scored = quiz.questions.filter(function (q) { return q.type !== "reflection"; });
    var entry = (store && store.readQuiz(quiz.id)) || {};

    function sayStorageProblem() {
      var problem = store ? store.problem : "unavailable";
      storageNote.textContent = problem ? (problem === "corrupt" ? ui.storage_corrupt : ui.storage_unavailable) : "";
    }

    function save() {
      var answers = {};
      quiz.questions.forEach(function (q) {
        var value = TYPES[q.type].read(fieldsets[q.id], q);
        if (value !== null) answers[q.id] = { fp: q.fingerprint, value: value };
      });
      entry.answers = answers;
      entry.updated = new Date().toISOString();
      var saved = store ? store.writeQuiz(quiz.id, entry) : false;
      sayStorageProblem();
      return saved;
    }

    function checkAll(announce) {
      var correct = 0;
      scored.forEach(function (q) {
        var fs = fieldsets[q.id];
        var verdict = TYPES[q.type].check(fs, q, ui, TYPES[q.type].read(fs, q));
        if (verdict.state === "correct") correct += 1;
        showResult(fs, q, ui, verdict);
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
      retry.hidden = false;
      entry.checked = true;
      entry.score = { correct: correct, total: total };
      entry.passed = entry.passed || passed;
      if (announce) {
        save();
        score.focus();
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      checkAll(true);
    });

    retry.addEventListener("click", function () {
      scored.forEach(function (q) {
        TYPES[q.type].reset(fieldsets[q.id], q, ui);
        hideResult(fieldsets[q.id]);
      });
      score.textContent = "";
      retry.hidden = true;
      entry.checked = false;
      save();
      var firstBox = form.querySelector("fieldset.hc-question");
      var first = firstBox && firstBox.querySelector(TYPES[firstBox.getAttribute("data-type")].control || "input");
      if (first) first.focus();
    });

    function questionOf(node) {
      var fs = node.closest("fieldset.hc-question");
      var q = null;
      quiz.questions.forEach(function (item) { if (fs && item.id === fs.getAttribute("data-question-id")) q = item; });
      return q && { fs: fs, q: q, type: TYPES[q.type] };
    }

    form.addEventListener("change", save);
    form.addEventListener("input", function (event) {
      var at = questionOf(event.target);
      if (at && at.type.input) at.type.input(at.fs, at.q, ui, event.target, save);
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      var at = button && questionOf(button);
      if (at && at.type.click && at.type.click(at.fs, at.q, ui, button)) save();
    });

    // Put back what this browser remembers; answers to edited questions no longer match.
    var answers = entry.answers || {};
    quiz.questions.forEach(function (q) {
      var fs = fieldsets[q.id];
      var saved = answers[q.id];
      var type = TYPES[q.type];
      if (type.start) type.start(fs, q, ui);
      try {
        if (saved && saved.fp === q.fingerprint) type.write(fs, q, saved.value, ui);
      } catch (error) { // a saved value of the wrong shape: start this question afresh
        if (type.reset) type.reset(fs, q, ui);
      }
      setUpHints(fs);
    });
    if (entry.checked) checkAll(false);
    sayStorageProblem();
    if (store && store.onProblem) store.onProblem(sayStorageProblem);

    root.querySelector(".hc-quiz__actions").hidden = false;
    root.classList.add("hc-quiz--ready"); // CSS hides the no-JavaScript answer disclosures
  }

  function start() {
    all(document, "section.hc-quiz").forEach(setUpQuiz);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

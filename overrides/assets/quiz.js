/* The Helper Course quiz front end.
 * Reads each quiz's compiled JSON from the <script type="application/json"> block in the page
 * (no fetch: that fails from file:// and needs no CSP exception), checks the answers, shows
 * feedback and a score, and offers a retry. Plain script, no framework, no network. */
(function () {
  "use strict";

  function readJson(root, className) {
    var block = root.querySelector("script." + className);
    return block ? JSON.parse(block.textContent) : null;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  function optionsOf(question, ui) {
    if (question.type === "truefalse") {
      return [
        { id: "true", text: ui["true"], correct: question.answer === true, feedback: "" },
        { id: "false", text: ui["false"], correct: question.answer === false, feedback: "" }
      ];
    }
    return question.options;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* Shows the verdict, per-option feedback and explanation; returns true when answered right. */
  function checkQuestion(fieldset, question, ui) {
    var options = optionsOf(question, ui);
    var chosen = [];
    options.forEach(function (option) {
      var row = fieldset.querySelector('.hc-option[data-option-id="' + option.id + '"]');
      var input = row.querySelector("input");
      var note = row.querySelector(".hc-option__feedback");
      row.classList.remove("hc-option--right", "hc-option--wrong");
      if (input.checked) {
        chosen.push(option.id);
        row.classList.add(option.correct ? "hc-option--right" : "hc-option--wrong");
      }
      note.hidden = !(input.checked && option.feedback);
      note.textContent = note.hidden ? "" : option.feedback;
      if (note.hidden) input.removeAttribute("aria-describedby");
      else input.setAttribute("aria-describedby", note.id);
    });
    var right = options.filter(function (o) { return o.correct; });
    var isRight = chosen.length === right.length &&
      right.every(function (o) { return chosen.indexOf(o.id) !== -1; });
    var state = chosen.length === 0 ? "unanswered" : (isRight ? "correct" : "incorrect");

    var result = fieldset.querySelector(".hc-question__result");
    result.textContent = "";
    result.className = "hc-question__result hc-question__result--" + state;
    result.appendChild(element("p", "hc-verdict", ui[state]));
    if (state !== "correct") {
      var answer = element("p");
      answer.appendChild(element("strong", "", ui.right_answer));
      answer.appendChild(document.createTextNode(" " + right.map(function (o) { return o.text; }).join("; ")));
      result.appendChild(answer);
    }
    var why = element("p");
    why.appendChild(element("strong", "", ui.explanation));
    why.appendChild(document.createTextNode(" " + question.explanation));
    result.appendChild(why);
    result.hidden = false;
    fieldset.setAttribute("aria-describedby", fieldset.id + "-instruction " + result.id);
    return state === "correct";
  }

  function resetQuestion(fieldset) {
    fieldset.querySelectorAll("input").forEach(function (input) {
      input.checked = false;
      input.removeAttribute("aria-describedby");
    });
    fieldset.querySelectorAll(".hc-option").forEach(function (row) {
      row.classList.remove("hc-option--right", "hc-option--wrong");
    });
    fieldset.querySelectorAll(".hc-option__feedback").forEach(function (note) {
      note.hidden = true;
      note.textContent = "";
    });
    var result = fieldset.querySelector(".hc-question__result");
    result.hidden = true;
    result.textContent = "";
    fieldset.setAttribute("aria-describedby", fieldset.id + "-instruction");
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
    var form = root.querySelector("form");
    var score = root.querySelector(".hc-quiz__score");
    var retry = root.querySelector(".hc-quiz__retry");
    var fieldsets = {};
    form.querySelectorAll("fieldset.hc-question").forEach(function (fieldset) {
      fieldsets[fieldset.getAttribute("data-question-id")] = fieldset;
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var correct = 0;
      quiz.questions.forEach(function (question) {
        if (checkQuestion(fieldsets[question.id], question, ui)) correct += 1;
      });
      var total = quiz.questions.length;
      score.textContent = fill(ui.score, { correct: correct, total: total }) +
        (correct === total ? " " + ui.all_correct : "");
      retry.hidden = false;
      score.focus();
    });

    retry.addEventListener("click", function () {
      quiz.questions.forEach(function (question) { resetQuestion(fieldsets[question.id]); });
      score.textContent = "";
      retry.hidden = true;
      var first = form.querySelector("input");
      if (first) first.focus();
    });

    root.querySelector(".hc-quiz__actions").hidden = false;
    root.classList.add("hc-quiz--ready"); // CSS hides the no-JavaScript answer disclosures
  }

  function start() {
    document.querySelectorAll("section.hc-quiz").forEach(setUpQuiz);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

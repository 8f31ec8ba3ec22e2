/* The Helper Course progress page: status per module, the trainee's reflections, and download /
 * load / delete of everything. Runs only where the page has .hc-progress; the quizzes' questions
 * and the interface strings come from the page's JSON blocks, the progress from
 * HelperCourseProgress (progress-store.js). The trainee's text is only ever inserted as text. */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function given(value) {
    if (value === null || value === undefined || value === "") return false;
    if (typeof value === "string") return value.trim() !== "";
    if (Array.isArray(value)) return value.length > 0;
    return typeof value !== "object" || Object.keys(value).length > 0;
  }

  /* The stored answer to a question, only if it was given to the question as it is now. */
  function answerTo(entry, question) {
    var answers = entry && entry.answers;
    var answer = answers && Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : null;
    return answer && question.fingerprint && answer.fp === question.fingerprint && given(answer.value) ? answer : null;
  }

  function statusText(quiz, entry, ui) {
    var score = entry && entry.score;
    var passed = entry && (entry.passed === true ||
      (score && score.total > 0 && Math.round(100 * score.correct / score.total) >= quiz.pass_mark));
    if (passed && score) return fill(ui.status_completed, { correct: score.correct, total: score.total });
    var answered = quiz.questions.filter(function (question) { return answerTo(entry, question); }).length;
    if (answered) return fill(ui.status_in_progress, { answered: answered, total: quiz.questions.length });
    return ui.status_not_started;
  }

  /* The text as paragraphs' worth of text nodes and <br>s: never parsed as HTML. */
  function textWithBreaks(node, text) {
    text.split(/\r\n|\r|\n/).forEach(function (line, index) {
      if (index) node.appendChild(document.createElement("br"));
      node.appendChild(document.createTextNode(line));
    });
    return node;
  }

  function setUp(root, store) {
    var data = JSON.parse(root.querySelector("script.hc-progress-data").textContent);
    var ui = JSON.parse(root.querySelector("script.hc-progress-ui").textContent);
    var storageLine = root.querySelector(".hc-progress__storage");
    var message = root.querySelector(".hc-progress__message");
    var list = root.querySelector(".hc-progress__reflections");
    var none = root.querySelector(".hc-progress__none");
    var input = root.querySelector(".hc-progress__import");
    var statusCells = {};
    root.querySelectorAll("tr[data-quiz-id]").forEach(function (row) {
      statusCells[row.getAttribute("data-quiz-id")] = row.querySelector(".hc-progress__status");
    });

    function say(text) { message.textContent = text; }

    function showProblem() {
      var problem = store.problem;
      storageLine.textContent = problem === "corrupt" ? ui.storage_corrupt : (problem ? ui.storage_unavailable : "");
    }

    function refresh() {
      var record = store.readAll();
      list.textContent = "";
      data.quizzes.forEach(function (quiz) {
        var entry = record.quizzes[quiz.id] || null;
        var cell = statusCells[quiz.id];
        if (cell) cell.textContent = statusText(quiz, entry, ui);
        quiz.questions.forEach(function (question) {
          var answer = question.type === "reflection" && answerTo(entry, question);
          if (!answer || typeof answer.value !== "string") return;
          var item = element("li", "hc-progress__reflection");
          var heading = element("p", "hc-progress__prompt");
          var link = element("a", "", quiz.module || quiz.title);
          link.href = quiz.url;
          heading.appendChild(link);
          heading.appendChild(document.createTextNode(": "));
          heading.appendChild(element("strong", "", question.prompt));
          item.appendChild(heading);
          item.appendChild(textWithBreaks(element("p", "hc-progress__text"), answer.value));
          list.appendChild(item);
        });
      });
      list.hidden = !list.firstChild;
      none.hidden = !list.hidden;
      showProblem();
    }

    root.querySelector(".hc-progress__export").addEventListener("click", function () {
      var url = URL.createObjectURL(new Blob([JSON.stringify(store.readAll(), null, 2)],
        { type: "application/json" }));
      var link = element("a");
      link.href = url;
      link.download = "helper-course-progress.json";
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    });

    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var saved;
        try {
          saved = store.replaceAll(JSON.parse(reader.result));
          say(saved ? ui.imported : ui.storage_unavailable);
        } catch (error) {
          say(fill(ui.import_failed, {
            reason: error instanceof SyntaxError ? ui.import_not_json : ui.import_wrong_file
          }));
        }
        input.value = ""; // the same file can be chosen again
        refresh();
      };
      reader.onerror = function () {
        say(fill(ui.import_failed, { reason: ui.import_unreadable }));
      };
      reader.readAsText(file);
    });

    root.querySelector(".hc-progress__delete").addEventListener("click", function () {
      if (!window.confirm(ui.delete_confirm)) return;
      say(store.clear() ? ui.deleted : ui.storage_unavailable);
      refresh();
    });

    store.onProblem(showProblem);
    window.addEventListener("storage", refresh); // another tab saved something
    refresh();
    var note = root.querySelector(".hc-progress__no-script");
    if (note) note.hidden = true;
    root.querySelector(".hc-progress__actions").hidden = false;
    root.classList.add("hc-progress--ready");
  }

  function start() {
    var root = document.querySelector(".hc-progress");
    if (!root || !window.HelperCourseProgress) return;
    try {
      setUp(root, window.HelperCourseProgress);
    } catch (error) {
      /* the page stays as the server wrote it: modules linked, nothing changed */
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

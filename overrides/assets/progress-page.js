/* The Helper Course progress page: an overall bar and the status per module, download / load
 * (merged with what is stored, after a preview) / delete, copies set aside because they could
 * not be read, the trainee's reflections and a printable course record. Runs only where the page
 * has .hc-progress; the quizzes' questions and the interface strings come from the page's JSON
 * blocks, the progress from HelperCourseProgress (progress-store.js). The trainee's text is only
 * ever inserted as text. */
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

  function isObjectLike(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

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

  function passed(quiz, entry) {
    var score = entry && entry.score;
    return !!entry && (entry.passed === true ||
      !!(score && score.total > 0 && Math.round(100 * score.correct / score.total) >= quiz.pass_mark));
  }

  function statusText(quiz, entry, ui) {
    var score = entry && entry.score;
    if (passed(quiz, entry) && score) return fill(ui.status_completed, { correct: score.correct, total: score.total });
    if (entry && entry.checked && score) { // the last check fell short: say by how much
      return fill(ui.status_not_passed, { correct: score.correct, total: score.total, pass_mark: quiz.pass_mark });
    }
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

  function download(text, name, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = element("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  /* Dates as the page's language writes them; Intl has "nb" for Norwegian bokmål. */
  var LANG = (document.documentElement.lang || "en").replace(/^no\b/, "nb");
  function dateText(value, withTime) {
    var date = value instanceof Date ? value : new Date(value);
    if (isNaN(date.getTime())) return "";
    var options = withTime ? { dateStyle: "long", timeStyle: "short" } : { dateStyle: "long" };
    try { return new Intl.DateTimeFormat(LANG, options).format(date); } catch (e) { return date.toISOString().slice(0, 10); }
  }
  function plural(ui, key, count) {
    var form = "other";
    try { form = new Intl.PluralRules(LANG).select(count) === "one" ? "one" : "other"; } catch (e) { /* "other" */ }
    return fill(ui[key + "_" + form], { count: count });
  }

  function setUp(root, store) {
    var data = JSON.parse(root.querySelector("script.hc-progress-data").textContent);
    var ui = JSON.parse(root.querySelector("script.hc-progress-ui").textContent);
    var storageLine = root.querySelector(".hc-progress__storage");
    var message = root.querySelector(".hc-progress__message");
    var list = root.querySelector(".hc-progress__reflections");
    var none = root.querySelector(".hc-progress__none");
    var input = root.querySelector(".hc-progress__import");
    var fileName = root.querySelector(".hc-progress__file-name");
    var preview = root.querySelector(".hc-progress__preview");
    var changeList = root.querySelector(".hc-progress__changes");
    var copies = root.querySelector(".hc-progress__copies");
    var printReflections = root.querySelector(".hc-progress__print-reflections");
    var nameInput = root.querySelector(".hc-record__name-input");
    var pending = null; // the file's record while its preview is shown
    var quizzes = {};
    data.quizzes.forEach(function (quiz) { quizzes[quiz.id] = quiz; });
    var statusCells = {};
    root.querySelectorAll("tr[data-quiz-id]").forEach(function (row) {
      statusCells[row.getAttribute("data-quiz-id")] = row.querySelector(".hc-progress__status");
    });

    function say(text) { message.textContent = text; }

    function moduleName(id) {
      var quiz = quizzes[id];
      return quiz ? fill(ui.module_numbered, { number: quiz.number, title: quiz.module || quiz.title }) : id;
    }

    function showProblem() {
      var problem = store.problem, text = problem ? ui.storage_unavailable : "";
      if (problem === "corrupt") {
        var ids = store.corruptQuizzes || [];
        text = ids.length ? ids.map(function (id) { return fill(ui.storage_corrupt_quiz, { module: moduleName(id) }); }).join(" ")
          : ui.storage_corrupt;
      }
      storageLine.textContent = text;
    }

    function showOverall(record) {
      var done = data.quizzes.filter(function (quiz) { return passed(quiz, record.quizzes[quiz.id]); }).length;
      root.querySelector(".hc-progress__overall-text").textContent =
        fill(ui.overall_progress, { completed: done, total: data.quizzes.length });
      root.querySelector(".hc-progress__bar").value = done;
      root.querySelector(".hc-progress__overall").hidden = false;
    }

    /* One reflection: its module (linked), its prompt, and what the trainee wrote, as text. */
    function reflectionItem(quiz, prompt, text) {
      var item = element("li", "hc-progress__reflection");
      var heading = element("p", "hc-progress__prompt");
      var link = element("a", "", quiz.module || quiz.title);
      link.href = quiz.url;
      heading.appendChild(link);
      heading.appendChild(document.createTextNode(": "));
      heading.appendChild(element("strong", "", prompt));
      item.appendChild(heading);
      item.appendChild(textWithBreaks(element("p", "hc-progress__text"), text));
      return item;
    }

    function showReflections(record) {
      list.textContent = "";
      data.quizzes.forEach(function (quiz) {
        var entry = record.quizzes[quiz.id] || null;
        quiz.questions.forEach(function (question) {
          var answer = question.type === "reflection" && answerTo(entry, question);
          if (!answer || typeof answer.value !== "string") return;
          list.appendChild(reflectionItem(quiz, question.prompt, answer.value));
        });
        // what the trainee wrote in the lesson's own reflection boxes (lesson-notes.js)
        var notes = isObjectLike(record.notes) ? record.notes : {};
        (quiz.notes || []).forEach(function (box) {
          var note = Object.prototype.hasOwnProperty.call(notes, box.id) ? notes[box.id] : null;
          if (!note || typeof note.text !== "string" || !note.text.trim()) return;
          list.appendChild(reflectionItem(quiz, box.title, note.text));
        });
      });
      list.hidden = !list.firstChild;
      none.hidden = !list.hidden;
      printReflections.hidden = list.hidden;
    }

    function showSetAside() {
      var found = store.setAside ? store.setAside() : [];
      copies.textContent = "";
      found.forEach(function (copy, index) {
        var item = copies.appendChild(element("li", "hc-progress__copy"));
        var when = copy.at ? dateText(copy.at, true) : ui.set_aside_earlier;
        var text = element("p", "", copy.quiz ? fill(ui.set_aside_quiz, { module: moduleName(copy.quiz), date: when })
          : fill(ui.set_aside_all, { date: when }));
        text.id = "hc-copy-" + index;
        item.appendChild(text);
        var buttons = item.appendChild(element("p"));
        var get = buttons.appendChild(element("button", "md-button hc-progress__copy-download", ui.set_aside_download));
        var drop = buttons.appendChild(element("button", "md-button hc-progress__copy-discard", ui.set_aside_discard));
        [get, drop].forEach(function (button) {
          button.type = "button";
          button.setAttribute("aria-describedby", text.id); // which copy: the line above
        });
        get.addEventListener("click", function () {
          var json = true;
          try { JSON.parse(copy.text); } catch (e) { json = false; }
          download(copy.text, "helper-course-set-aside-" + (index + 1) + (json ? ".json" : ".txt"),
            json ? "application/json" : "text/plain");
        });
        drop.addEventListener("click", function () {
          if (!window.confirm(ui.set_aside_discard_confirm)) return;
          say(store.discardSetAside(copy.id) ? ui.set_aside_discarded : ui.storage_unavailable);
          refresh();
          input.focus();
        });
      });
      root.querySelector(".hc-progress__set-aside").hidden = !found.length;
    }

    function showRecord(record) {
      var name = typeof record.name === "string" ? record.name : "";
      if (document.activeElement !== nameInput) nameInput.value = name;
      root.querySelector(".hc-record__name").textContent = name;
      var body = root.querySelector(".hc-record__modules tbody");
      body.textContent = "";
      var done = data.quizzes.filter(function (quiz) { return passed(quiz, record.quizzes[quiz.id]); });
      done.forEach(function (quiz) {
        var entry = record.quizzes[quiz.id], score = entry.score;
        var row = body.appendChild(element("tr"));
        row.appendChild(element("th", "", moduleName(quiz.id))).scope = "row";
        row.appendChild(element("td", "", entry.passedAt ? dateText(entry.passedAt) || ui.record_no_date : ui.record_no_date));
        row.appendChild(element("td", "", score ? fill(ui.record_score_value, { correct: score.correct, total: score.total }) : ""));
      });
      root.querySelector(".hc-record__modules").hidden = !done.length;
      root.querySelector(".hc-record__none").hidden = !!done.length;
      root.querySelector(".hc-record__summary").textContent =
        fill(ui.overall_progress, { completed: done.length, total: data.quizzes.length });
      root.querySelector(".hc-record__date").textContent = fill(ui.record_date, { date: dateText(new Date()) });
    }

    function refresh() {
      var record = store.readAll();
      data.quizzes.forEach(function (quiz) {
        var cell = statusCells[quiz.id];
        if (cell) cell.textContent = statusText(quiz, record.quizzes[quiz.id] || null, ui);
      });
      showOverall(record);
      showReflections(record);
      showSetAside();
      showRecord(record);
      showProblem();
    }

    root.querySelector(".hc-progress__export").addEventListener("click", function () {
      download(JSON.stringify(store.readAll(), null, 2), "helper-course-progress.json", "application/json");
    });

    /* --- load a file: show what would change, write only on Confirm ---------------------------- */
    /* A change key is a quiz id, or "notes:<module page>" for the notes written in a lesson. */
    function quizOfChange(id) {
      if (id.indexOf("notes:") !== 0) return id;
      var page = id.slice(6);
      return Object.keys(quizzes).filter(function (qid) {
        return (quizzes[qid].url || "").indexOf(page) !== -1;
      })[0] || page;
    }

    function changeLine(id, change) {
      var quiz = quizzes[quizOfChange(id)], reflection = {};
      (quiz ? quiz.questions : []).forEach(function (q) { if (q.type === "reflection") reflection[q.id] = true; });
      if (change.notes) { // every note is a reflection
        change.newer.concat(change.added).forEach(function (nid) { reflection[nid] = true; });
      }
      var counts = [["change_newer", change.newer, false], ["change_new", change.added, false],
        ["change_reflection_newer", change.newer, true], ["change_reflection_new", change.added, true]];
      var parts = counts.map(function (kind) {
        var count = kind[1].filter(function (qid) { return !!reflection[qid] === kind[2]; }).length;
        return count ? plural(ui, kind[0], count) : null;
      }).filter(Boolean);
      return moduleName(quizOfChange(id)) + ": " + parts.join(", ");
    }

    function hidePreview() {
      pending = null;
      preview.hidden = true;
      changeList.textContent = "";
    }

    function showPreview(incoming) {
      var current = store.readAll(), planned = store.previewImport(incoming);
      if (JSON.stringify(planned.record) === JSON.stringify(current)) {
        hidePreview();
        say(ui.import_nothing_new);
        return;
      }
      var ids = Object.keys(planned.changes).sort(function (a, b) {
        var qa = quizzes[quizOfChange(a)], qb = quizzes[quizOfChange(b)];
        return (qa ? qa.number : 1e6) - (qb ? qb.number : 1e6);
      });
      changeList.textContent = "";
      ids.forEach(function (id) { changeList.appendChild(element("li", "", changeLine(id, planned.changes[id]))); });
      changeList.hidden = !ids.length;
      pending = incoming;
      say("");
      preview.hidden = false;
      preview.focus();
    }

    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      fileName.textContent = fill(ui.file_chosen, { name: file.name });
      hidePreview();
      var reader = new FileReader();
      reader.onload = function () {
        input.value = ""; // the same file can be chosen again
        if (store.problem === "unavailable") return say(ui.storage_unavailable);
        try {
          showPreview(JSON.parse(reader.result));
        } catch (error) {
          say(fill(ui.import_failed, {
            reason: error instanceof SyntaxError ? ui.import_not_json : ui.import_wrong_file
          }));
        }
      };
      reader.onerror = function () {
        say(fill(ui.import_failed, { reason: ui.import_unreadable }));
      };
      reader.readAsText(file);
    });

    root.querySelector(".hc-progress__confirm").addEventListener("click", function () {
      var incoming = pending;
      hidePreview();
      var saved = false;
      try { saved = incoming && store.importRecord(incoming); } catch (error) { /* checked on preview */ }
      say(saved ? ui.imported : ui.storage_unavailable);
      refresh();
      input.focus();
    });
    root.querySelector(".hc-progress__cancel").addEventListener("click", function () {
      hidePreview();
      say(ui.import_cancelled);
      input.focus();
    });
    preview.addEventListener("keydown", function (event) {
      if (event.key === "Escape") root.querySelector(".hc-progress__cancel").click();
    });

    root.querySelector(".hc-progress__delete").addEventListener("click", function () {
      if (!window.confirm(ui.delete_confirm)) return;
      hidePreview();
      say(store.clear() ? ui.deleted : ui.storage_unavailable);
      refresh();
    });

    /* --- the course record and printing ------------------------------------------------------ */
    nameInput.addEventListener("input", function () {
      root.querySelector(".hc-record__name").textContent = nameInput.value;
      if (store.writeName && !store.writeName(nameInput.value)) showProblem();
    });

    // print.css prints only the part named on <html> while it is set (both at once never)
    function printOnly(part) {
      document.documentElement.setAttribute("data-hc-print", part);
      window.print();
    }
    window.addEventListener("afterprint", function () { document.documentElement.removeAttribute("data-hc-print"); });
    printReflections.addEventListener("click", function () { printOnly("reflections"); });
    root.querySelector(".hc-record__print").addEventListener("click", function () { printOnly("record"); });

    store.onProblem(showProblem);
    if (store.onChange) store.onChange(refresh); // another tab saved, loaded or deleted
    refresh();
    var note = root.querySelector(".hc-progress__no-script");
    if (note) note.hidden = true;
    root.querySelector(".hc-progress__actions").hidden = false;
    root.querySelector(".hc-record-part").hidden = false;
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

/* The Helper Course quiz front end.
 * Reads each quiz's compiled JSON from the <script type="application/json"> block in the page
 * (no fetch: that fails from file:// and needs no CSP exception), checks the answers, shows
 * feedback and a score, offers a retry, and keeps the trainee's answers in this browser through
 * HelperCourseProgress (progress-store.js), keyed by quiz and question id plus a fingerprint
 * of each question, so edited questions lose their answers and all others keep them.
 * Plain script, no framework, no network. */
(function () {
  "use strict";

  var store = window.HelperCourseProgress || null;

  function readJson(root, className) {
    var block = root.querySelector("script." + className);
    return block ? JSON.parse(block.textContent) : null;
  }

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

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function labelled(label, text) {
    var p = element("p");
    p.appendChild(element("strong", "", label));
    p.appendChild(document.createTextNode(" " + text));
    return p;
  }

  function showNote(note, text, control) {
    note.hidden = !text;
    note.textContent = text || "";
    if (!control) return;
    if (text) control.setAttribute("aria-describedby", note.id);
    else control.removeAttribute("aria-describedby");
  }

  function mark(node, right) {
    node.classList.remove("hc-option--right", "hc-option--wrong");
    if (right !== null) node.classList.add(right ? "hc-option--right" : "hc-option--wrong");
  }

  /* One object per question type. read: the answer in the page (null = none yet); write: put a
   * saved answer back; check: show feedback, return "correct" | "incorrect" | "unanswered"
   * and the right answer as text; reset: clear. */
  var choice = {
    options: function (q, ui) {
      if (q.type !== "truefalse") return q.options;
      return [{ id: "true", text: ui["true"], correct: q.answer === true, feedback: "" },
              { id: "false", text: ui["false"], correct: q.answer === false, feedback: "" }];
    },
    read: function (fs) {
      var ids = all(fs, "input:checked").map(function (input) { return input.value; });
      return ids.length ? ids : null;
    },
    write: function (fs, q, value) {
      all(fs, "input").forEach(function (input) { input.checked = value.indexOf(input.value) !== -1; });
    },
    check: function (fs, q, ui, value) {
      var chosen = value || [];
      var options = choice.options(q, ui);
      options.forEach(function (option) {
        var row = fs.querySelector('.hc-option[data-option-id="' + option.id + '"]');
        var picked = chosen.indexOf(option.id) !== -1;
        mark(row, picked ? option.correct : null);
        showNote(row.querySelector(".hc-option__feedback"), picked && option.feedback, row.querySelector("input"));
      });
      var right = options.filter(function (o) { return o.correct; });
      var isRight = chosen.length === right.length &&
        right.every(function (o) { return chosen.indexOf(o.id) !== -1; });
      return { state: chosen.length ? (isRight ? "correct" : "incorrect") : "unanswered",
               answer: labelled(ui.right_answer, right.map(function (o) { return o.text; }).join("; ")) };
    },
    reset: function (fs, q, ui) {
      choice.write(fs, q, []);
      choice.check(fs, q, ui, []); // with nothing chosen: no marks, no feedback
    }
  };

  var categorise = {
    read: function (fs) {
      var value = {}, any = false;
      all(fs, ".hc-item").forEach(function (row) {
        var chosen = row.querySelector("select").value;
        if (chosen) { value[row.getAttribute("data-item-id")] = chosen; any = true; }
      });
      return any ? value : null;
    },
    write: function (fs, q, value) {
      all(fs, ".hc-item").forEach(function (row) {
        var chosen = value[row.getAttribute("data-item-id")] || "";
        var select = row.querySelector("select");
        if (!chosen || select.querySelector('option[value="' + chosen + '"]')) select.value = chosen;
      });
    },
    check: function (fs, q, ui, value) {
      var names = {}, right = 0, answered = 0;
      q.categories.forEach(function (c) { names[c.id] = c.text; });
      q.items.forEach(function (item) {
        var row = fs.querySelector('.hc-item[data-item-id="' + item.id + '"]');
        var chosen = value && value[item.id];
        answered += chosen ? 1 : 0;
        right += chosen === item.category ? 1 : 0;
        mark(row, chosen ? chosen === item.category : null);
        showNote(row.querySelector(".hc-option__feedback"), chosen && ((chosen === item.category ? ui.correct : ui.incorrect) + ". " + item.feedback), row.querySelector("select"));
      });
      var answer = element("ul");
      q.items.forEach(function (item) { answer.appendChild(element("li", "", item.text + " → " + names[item.category])); });
      var box = element("div");
      box.appendChild(element("p", "", "")).appendChild(element("strong", "", ui.right_answer));
      box.appendChild(answer);
      return { state: !answered ? "unanswered" : (right === q.items.length ? "correct" : "incorrect"), answer: box };
    },
    reset: function (fs, q, ui) {
      all(fs, "select").forEach(function (select) { select.value = ""; });
      categorise.check(fs, q, ui, null);
    }
  };

  var order = {
    read: function (fs) {
      if (!fs.hasAttribute("data-moved")) return null;
      return all(fs, ".hc-step").map(function (li) { return li.getAttribute("data-step-id"); });
    },
    write: function (fs, q, value) {
      var list = fs.querySelector(".hc-order");
      value.forEach(function (id) {
        var li = list.querySelector('.hc-step[data-step-id="' + id + '"]');
        if (li) list.appendChild(li);
      });
      fs.setAttribute("data-moved", "");
    },
    check: function (fs, q, ui, value) {
      var right = q.steps.map(function (s) { return s.id; });
      all(fs, ".hc-step").forEach(function (li, index) {
        mark(li, value ? li.getAttribute("data-step-id") === right[index] : null);
      });
      var answer = element("div");
      answer.appendChild(element("p")).appendChild(element("strong", "", ui.right_order));
      var list = answer.appendChild(element("ol"));
      q.steps.forEach(function (s) { list.appendChild(element("li", "", s.text)); });
      var isRight = value && value.join() === right.join();
      return { state: value ? (isRight ? "correct" : "incorrect") : "unanswered", answer: answer };
    },
    reset: function (fs, q, ui) {
      fs.removeAttribute("data-moved");
      order.write(fs, q, q.shuffled);
      fs.removeAttribute("data-moved");
      order.check(fs, q, ui, null);
    },
    move: function (fs, q, ui, button, up) {
      var li = button.closest(".hc-step");
      var list = li.parentNode;
      var other = up ? li.previousElementSibling : li.nextElementSibling;
      if (!other) return;
      list.insertBefore(li, up ? other : other.nextSibling);
      button.focus();
      fs.setAttribute("data-moved", "");
      var steps = all(list, ".hc-step");
      fs.querySelector(".hc-order__status").textContent = fill(ui.moved, {
        text: li.querySelector(".hc-step__text").textContent,
        position: steps.indexOf(li) + 1, total: steps.length });
    }
  };

  var scenario = {
    scene: function (fs, id) { return fs.querySelector('.hc-scene[data-step-id="' + id + '"]'); },
    read: function (fs) {
      var path = all(fs, '.hc-choice[aria-pressed="true"]').map(function (b) { return b.getAttribute("data-choice-id"); });
      return path.length ? path : null;
    },
    /* Replays a saved path of choices, as far as it still fits the scenario. */
    write: function (fs, q, value, ui) {
      scenario.clear(fs, q);
      var step = q.steps[0];
      for (var i = 0; i < value.length && step; i += 1) {
        var picked = null;
        step.choices.forEach(function (c) { if (c.id === value[i]) picked = c; });
        if (!picked) break;
        scenario.choose(fs, q, ui, step, picked);
        step = null;
        q.steps.forEach(function (s) { if (picked.next === s.id) step = s; });
      }
    },
    choose: function (fs, q, ui, step, picked) {
      var scene = scenario.scene(fs, step.id);
      all(scene, ".hc-choice").forEach(function (b) {
        var mine = b.getAttribute("data-choice-id") === picked.id;
        b.setAttribute("aria-pressed", mine ? "true" : "false");
        b.disabled = true;
      });
      var outcome = scene.querySelector(".hc-scene__outcome");
      outcome.textContent = "";
      outcome.appendChild(element("p", "hc-scene__verdict", picked.good ? ui.good_choice : ui.poor_choice));
      outcome.appendChild(element("p", "", picked.feedback));
      if (!picked.next) outcome.appendChild(element("p", "hc-scene__end", ui.scenario_end));
      outcome.className = "hc-scene__outcome hc-scene__outcome--" + (picked.good ? "good" : "poor");
      outcome.hidden = false;
      if (picked.next) scenario.scene(fs, picked.next).hidden = false;
      return outcome;
    },
    clear: function (fs, q) {
      q.steps.forEach(function (step, index) {
        var scene = scenario.scene(fs, step.id);
        scene.hidden = index > 0;
        all(scene, ".hc-choice").forEach(function (b) { b.disabled = false; b.setAttribute("aria-pressed", "false"); });
        var outcome = scene.querySelector(".hc-scene__outcome");
        outcome.hidden = true;
        outcome.textContent = "";
      });
    },
    check: function (fs, q, ui, value) {
      var chosen = {}, good = true, ended = false;
      q.steps.forEach(function (s) { s.choices.forEach(function (c) { chosen[c.id] = c; }); });
      (value || []).forEach(function (id) {
        var c = chosen[id];
        if (!c) return;
        good = good && c.good;
        ended = !c.next;
      });
      return { state: !ended ? "unanswered" : (good ? "correct" : "incorrect"), answer: null };
    },
    reset: function (fs, q) { scenario.clear(fs, q); }
  };

  var reflection = {
    read: function (fs) {
      var text = fs.querySelector("textarea").value;
      return text.trim() ? text : null;
    },
    write: function (fs, q, value) { fs.querySelector("textarea").value = value; }
  };

  var TYPES = { single: choice, multiple: choice, truefalse: choice, categorise: categorise,
                order: order, scenario: scenario, reflection: reflection };

  function showResult(fs, q, ui, verdict) {
    var result = fs.querySelector(".hc-question__result");
    result.textContent = "";
    result.className = "hc-question__result hc-question__result--" + verdict.state;
    result.appendChild(element("p", "hc-verdict", ui[verdict.state]));
    if (verdict.state !== "correct" && verdict.answer) result.appendChild(verdict.answer);
    result.appendChild(labelled(ui.explanation, q.explanation));
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
      var first = form.querySelector(".hc-question input, .hc-question select, .hc-order__up, .hc-choice, .hc-question textarea");
      if (first) first.focus();
    });

    var typing = null;
    form.addEventListener("change", save);
    form.addEventListener("input", function (event) {
      if (!event.target.classList.contains("hc-reflection__text")) return;
      var status = event.target.parentNode.querySelector(".hc-reflection__status");
      clearTimeout(typing);
      typing = setTimeout(function () {
        status.textContent = save() ? ui.reflection_saved : "";
      }, 600);
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var fs = button.closest("fieldset.hc-question");
      var q = null;
      quiz.questions.forEach(function (item) { if (fs && item.id === fs.getAttribute("data-question-id")) q = item; });
      if (!q) return;
      if (button.classList.contains("hc-order__up") || button.classList.contains("hc-order__down")) {
        order.move(fs, q, ui, button, button.classList.contains("hc-order__up"));
        save();
      } else if (button.classList.contains("hc-choice") && !button.disabled) {
        var step = null, picked = null;
        var sceneId = button.closest(".hc-scene").getAttribute("data-step-id");
        q.steps.forEach(function (s) { if (s.id === sceneId) step = s; });
        step.choices.forEach(function (c) { if (c.id === button.getAttribute("data-choice-id")) picked = c; });
        scenario.choose(fs, q, ui, step, picked).focus();
        save();
      }
    });

    // Put back what this browser remembers; answers to edited questions no longer match.
    var answers = entry.answers || {};
    quiz.questions.forEach(function (q) {
      var fs = fieldsets[q.id];
      var saved = answers[q.id];
      if (q.type === "scenario") scenario.clear(fs, q);
      try {
        if (saved && saved.fp === q.fingerprint) TYPES[q.type].write(fs, q, saved.value, ui);
      } catch (error) { // a saved value of the wrong shape: start this question afresh
        if (TYPES[q.type].reset) TYPES[q.type].reset(fs, q, ui);
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

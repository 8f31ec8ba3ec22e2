/* Scenario (question_types/scenario.py): a button per choice; a choice shows its consequence
 * and may open a later step. The answer is the path of choice ids taken. */
(window.HelperCourseQuizTypes = window.HelperCourseQuizTypes || []).push(function (kit) {
  "use strict";

  function scene(fs, id) { return fs.querySelector('.hc-scene[data-step-id="' + id + '"]'); }

  function byId(list, id) {
    var found = null;
    list.forEach(function (item) { if (item.id === id) found = item; });
    return found;
  }

  function choose(fs, q, ui, step, picked) {
    var box = scene(fs, step.id);
    kit.all(box, ".hc-choice").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-choice-id") === picked.id ? "true" : "false");
      b.disabled = true;
    });
    var outcome = box.querySelector(".hc-scene__outcome");
    outcome.textContent = "";
    outcome.appendChild(kit.element("p", "hc-scene__verdict", picked.good ? ui.good_choice : ui.poor_choice));
    outcome.appendChild(kit.element("p", "", picked.feedback));
    if (!picked.next) outcome.appendChild(kit.element("p", "hc-scene__end", ui.scenario_end));
    outcome.className = "hc-scene__outcome hc-scene__outcome--" + (picked.good ? "good" : "poor");
    outcome.hidden = false;
    if (picked.next) scene(fs, picked.next).hidden = false;
    return outcome;
  }

  /* Only the first step shown, nothing chosen. */
  function clear(fs, q) {
    q.steps.forEach(function (step, index) {
      var box = scene(fs, step.id);
      box.hidden = index > 0;
      kit.all(box, ".hc-choice").forEach(function (b) { b.disabled = false; b.setAttribute("aria-pressed", "false"); });
      var outcome = box.querySelector(".hc-scene__outcome");
      outcome.hidden = true;
      outcome.textContent = "";
    });
  }

  kit.register("scenario", {
    control: ".hc-choice",
    start: clear,
    read: function (fs) {
      var path = kit.all(fs, '.hc-choice[aria-pressed="true"]').map(function (b) { return b.getAttribute("data-choice-id"); });
      return path.length ? path : null;
    },
    /* Replays a saved path of choices, as far as it still fits the scenario. */
    write: function (fs, q, value, ui) {
      clear(fs, q);
      var step = q.steps[0];
      for (var i = 0; i < value.length && step; i += 1) {
        var picked = byId(step.choices, value[i]);
        if (!picked) break;
        choose(fs, q, ui, step, picked);
        step = byId(q.steps, picked.next);
      }
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
    reset: function (fs, q) { clear(fs, q); },
    click: function (fs, q, ui, button) {
      if (!button.classList.contains("hc-choice") || button.disabled) return false;
      var step = byId(q.steps, button.closest(".hc-scene").getAttribute("data-step-id"));
      choose(fs, q, ui, step, byId(step.choices, button.getAttribute("data-choice-id"))).focus();
      return true;
    }
  });
});

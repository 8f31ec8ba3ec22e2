/* Where am I in the course: each module's status from this browser's progress, shown as marks in
 * the navigation and on the home page's cards; the home page's Start button turned into
 * "Continue" at the last section read; the learner's position recorded while reading a module;
 * and a "Next module" link under a passed quiz. What it knows about the course comes from the
 * page's course map (script.hc-course-map, written by helpercourse/module_index.py), the
 * progress from HelperCourseProgress (progress-store.js). Loaded before quiz.js, so it hears the
 * "helpercourse:checked" event of a quiz restored on load too. Without it the page reads as
 * the server wrote it: "Not started" and "Start". */
(function () {
  "use strict";

  var store = window.HelperCourseProgress || null;
  var map = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
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

  function isScore(score) {
    return !!score && typeof score.correct === "number" && typeof score.total === "number";
  }

  /* A module's status from its course-map entry and its stored quiz entry (or null):
   *   {state: "not_started"} | {state: "in_progress", answered, total, lastScore (or null)}
   *   | {state: "completed", score (or null)}.
   * Passed: the quiz said so at some check, or the last score reaches the pass mark (the rule of
   * progress-page.js). Answered counts only answers to the scored questions as they are now
   * (matching fingerprint), as the quiz's own "3 of 10 answered" does. */
  function moduleStatus(module, entry) {
    var total = module.scored.length;
    var score = entry && isScore(entry.score) ? entry.score : null;
    var passed = !!entry && (entry.passed === true ||
      (!!score && score.total > 0 && Math.round(100 * score.correct / score.total) >= module.pass_mark));
    if (passed) return { state: "completed", score: score, total: total };
    var answers = (entry && entry.answers) || {};
    var answered = 0;
    Object.keys(answers).forEach(function (id) {
      var answer = answers[id];
      if (answer && module.scored.indexOf(answer.fp) !== -1 && given(answer.value)) answered += 1;
    });
    var lastScore = entry && entry.checked && score ? score : null;
    if (answered || lastScore) return { state: "in_progress", answered: answered, total: total, lastScore: lastScore };
    return { state: "not_started", total: total };
  }

  function statusText(status, ui) {
    if (status.state === "completed") {
      return status.score ? fill(ui.card_completed, status.score)
        : ui.nav_completed.charAt(0).toUpperCase() + ui.nav_completed.slice(1);
    }
    if (status.state === "in_progress") {
      return status.lastScore ? fill(ui.card_last_score, status.lastScore)
        : fill(ui.card_in_progress, { answered: status.answered, total: status.total });
    }
    return ui.card_not_started;
  }

  window.HelperCourseStatus = { moduleStatus: moduleStatus, statusText: statusText };

  function readMap() {
    if (map) return map;
    var block = document.querySelector("script.hc-course-map");
    try {
      map = block ? JSON.parse(block.textContent) : null;
    } catch (error) {
      map = null;
    }
    return map;
  }

  function statuses(record) {
    var quizzes = (record && record.quizzes) || {};
    return map.modules.map(function (module) {
      var entry = module.quiz && Object.prototype.hasOwnProperty.call(quizzes, module.quiz) ? quizzes[module.quiz] : null;
      return moduleStatus(module, entry);
    });
  }

  /* A link's address as the browser resolves it, without the #part: how nav links are matched. */
  function resolved(href) {
    var link = document.createElement("a");
    link.href = href;
    return link.href.split("#")[0];
  }

  var MARKS = { completed: "✓", in_progress: "◐" };

  /* ✓ / ◐ after each module's name in the navigation, with hidden words for screen readers. */
  function markNav(found) {
    all(document, ".hc-nav-mark").forEach(function (mark) { mark.parentNode.removeChild(mark); });
    var byAddress = {};
    map.modules.forEach(function (module, n) { byAddress[resolved(module.href)] = found[n]; });
    all(document, ".md-nav--primary a.md-nav__link[href]").forEach(function (link) {
      var status = byAddress[link.href.split("#")[0]];
      if (!status || !MARKS[status.state] || link.closest(".md-nav--secondary")) return;
      // The current page's entry also has a label that opens its table of contents on phones.
      var item = link.parentNode;
      var targets = [link].concat(all(item, ':scope > label.md-nav__link[for="__toc"]'));
      targets.forEach(function (target) {
        var mark = element("span", "hc-nav-mark hc-nav-mark--" + status.state.replace("_", "-"));
        mark.appendChild(element("span", "", MARKS[status.state])).setAttribute("aria-hidden", "true");
        mark.appendChild(element("span", "hc-visually-hidden",
          ", " + (status.state === "completed" ? map.ui.nav_completed : map.ui.nav_in_progress)));
        var icon = target.querySelector(".md-nav__icon");
        target.insertBefore(mark, icon || null);
      });
    });
  }

  function fillCards(found) {
    map.modules.forEach(function (module, n) {
      var card = document.querySelector('.hc-card[data-module="' + module.slug + '"]');
      var line = card && card.querySelector(".hc-card__status");
      if (!line) return;
      line.textContent = statusText(found[n], map.ui);
      card.className = "hc-card hc-card--" + found[n].state.replace("_", "-");
    });
  }

  /* The module page's own line ("Module 3 of 9 · about 45 min · 10 questions") gets its status. */
  function fillHeader(found) {
    var line = document.querySelector(".hc-module-meta");
    if (!line || !map.page) return;
    map.modules.forEach(function (module, n) {
      if (module.slug !== map.page) return;
      var status = line.querySelector(".hc-module-meta__status") ||
        line.appendChild(element("span", "hc-module-meta__status"));
      status.textContent = found[n].state === "not_started" ? "" : " · " + statusText(found[n], map.ui);
    });
  }

  /* Start, or Continue where the learner last read (the section only in the language it was
   * read in: other languages' headings have other ids); with progress but no position (a file
   * loaded from before positions were kept), the first module not completed. */
  function fillStart(found) {
    var button = document.querySelector(".hc-start__link");
    if (!button) return;
    var position = store && store.readPosition ? store.readPosition() : null;
    var at = null, section = "", title = "";
    map.modules.forEach(function (module) { if (position && module.slug === position.page) at = module; });
    if (at) {
      var sameLanguage = position.lang === map.lang && typeof position.section === "string";
      section = sameLanguage ? position.section : "";
      title = sameLanguage && typeof position.title === "string" && position.title ? position.title : at.title;
    } else if (found.some(function (status) { return status.state !== "not_started"; })) {
      map.modules.forEach(function (module, n) { if (!at && found[n].state !== "completed") at = module; });
      at = at || map.modules[0];
      title = at.title;
    }
    if (!at) return; // nothing stored: the server's "Start with module 1" stands
    button.textContent = fill(map.ui.continue_at, { number: at.number, section: title });
    button.href = at.href + (section ? "#" + section : "");
  }

  function refresh() {
    if (!readMap() || !store) return;
    var found = statuses(store.readAll());
    markNav(found);
    fillCards(found);
    fillHeader(found);
    fillStart(found);
  }

  /* The heading's own words, without the ¶ permalink. */
  function headingText(heading) {
    var copy = heading.cloneNode(true);
    all(copy, ".headerlink").forEach(function (a) { a.parentNode.removeChild(a); });
    return copy.textContent.trim();
  }

  /* On a module page: remember the page, then each section heading that comes into the upper
   * half of the window as the learner reads (a short pause, so a fast scroll writes once). */
  function watchPosition() {
    if (!map.page || !store || !store.writePosition) return;
    var pending = null;
    function write(heading) {
      store.writePosition({
        page: map.page, section: heading ? heading.id : "", title: heading ? headingText(heading) : "",
        lang: map.lang, at: new Date().toISOString()
      });
    }
    var position = store.readPosition();
    if (!position || position.page !== map.page || position.lang !== map.lang) write(null);
    var headings = all(document, ".md-content article h2[id]").filter(function (h) { return !h.closest(".hc-quiz"); });
    if (!headings.length || !("IntersectionObserver" in window)) return;
    var observer = new IntersectionObserver(function (entries) {
      var seen = null;
      entries.forEach(function (entry) { if (entry.isIntersecting) seen = entry.target; });
      if (!seen) return;
      clearTimeout(pending);
      pending = setTimeout(function () { write(seen); }, 200);
    }, { rootMargin: "0px 0px -50% 0px" });
    headings.forEach(function (heading) { observer.observe(heading); });
  }

  /* Under a passed quiz's score: the next module, or after the last one the progress page. */
  function showNext(event) {
    var detail = event.detail || {};
    if (!readMap()) return;
    var at = -1;
    map.modules.forEach(function (module, n) { if (module.quiz === detail.quiz) at = n; });
    all(document, "section.hc-quiz").forEach(function (quiz) {
      if (quiz.getAttribute("data-quiz-id") !== detail.quiz) return;
      var score = quiz.querySelector(".hc-quiz__score");
      all(score, ".hc-next").forEach(function (old) { old.parentNode.removeChild(old); });
      if (!detail.passed || at === -1) return;
      var next = map.modules[at + 1];
      if (!next && !map.progress) return;
      var link = element("a", "md-button md-button--primary hc-next__link",
        next ? fill(map.ui.next_module, { title: next.title }) : map.ui.see_progress);
      link.href = next ? next.href : map.progress;
      score.appendChild(element("p", "hc-next")).appendChild(link);
    });
    setTimeout(refresh, 0); // after the quiz has saved this check
  }

  document.addEventListener("helpercourse:checked", showNext);

  function start() {
    if (!readMap()) return;
    try {
      refresh();
      watchPosition();
    } catch (error) {
      /* the page stays as the server wrote it */
    }
    window.addEventListener("storage", refresh); // another tab answered, loaded or deleted
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

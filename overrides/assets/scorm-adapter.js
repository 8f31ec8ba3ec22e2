/* SCORM runtime adapter: loaded only in the SCORM packages (helpercourse/scorm/package.py adds
 * it after progress-store.js; the normal site never loads it). LMS.md says what it records.
 *
 * On the launch page (scorm-launch.html, the SCO) it finds the LMS's API, starts the session,
 * puts the saved progress (cmi.suspend_data) into the browser store and only then opens the
 * course in its frame; it reports the results and ends the session when the LMS closes the
 * page. The launch page stays while the learner moves between the course's pages, so one
 * session spans them all. On a course page in that frame it tells the launch page after every
 * change to the store. Without an LMS API both roles do nothing. */
(function () {
  "use strict";
  var SUSPEND_LIMIT = 4096;         // SCORM 1.2's CMIString4096 (2004 allows 64,000; we keep to 4,096)
  var FP_CHARS = 6;                 // fingerprint prefix that keys an answer in suspend_data
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  var LEARNER_KEY = "helpercourse.scorm.learner";  // whose reflections this browser holds
  // An LMS commit is often a request to its server (Moodle's waits for the answer), so a
  // changed result is committed at once, a changed answer within this many ms.
  var COMMIT_AFTER = 10000;
  var DIALECTS = {
    "1.2": { api: "API", init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue",
             commit: "LMSCommit", finish: "LMSFinish", learner: "cmi.core.student_id" },
    "2004": { api: "API_1484_11", init: "Initialize", get: "GetValue", set: "SetValue",
              commit: "Commit", finish: "Terminate", learner: "cmi.learner_id" }
  };

  /* The first window up the parent chain (at most 10 levels) that has `name`; frames of
   * another origin are skipped. */
  function lookUp(start, name) {
    var win = start;
    for (var depth = 0; win && depth <= 10; depth++) {
      try { if (win[name]) return win[name]; } catch (e) { /* another origin */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  function findApi(name) {
    var found = lookUp(window, name);
    try {
      if (!found && window.top && window.top.opener) found = lookUp(window.top.opener, name);
    } catch (e) { /* an opener of another origin */ }
    return found;
  }

  // --- suspend_data: the progress record, compacted -----------------------------------------
  // {"v":1,"q":{"<quiz id>":[flags (1 checked, 2 passed), correct, total, {"<fp prefix>":"<code>"}]}}
  // A code is the answer as positions in the question's ids (one base-36 digit each); for
  // categorise one digit per item, "-" for an item not yet placed. Reflections are never in it.

  function encodeValue(question, value) {
    var code = "", i, at;
    if (question.items) {
      if (!value || typeof value !== "object") return null;
      for (i = 0; i < question.items.length; i++) {
        at = Object.prototype.hasOwnProperty.call(value, question.items[i])
          ? question.ids.indexOf(value[question.items[i]]) : -1;
        code += at < 0 ? "-" : DIGITS.charAt(at);
      }
      return code;
    }
    if (!Array.isArray(value)) return null;
    for (i = 0; i < value.length; i++) {
      at = question.ids.indexOf(value[i]);
      if (at < 0) return null; // an id this package does not know: leave the answer out
      code += DIGITS.charAt(at);
    }
    return code;
  }

  function decodeValue(question, code) {
    var i, at, value;
    if (typeof code !== "string") return null;
    if (question.items) {
      if (code.length !== question.items.length) return null;
      value = {};
      for (i = 0; i < code.length; i++) {
        if (code.charAt(i) === "-") continue;
        at = DIGITS.indexOf(code.charAt(i));
        if (at < 0 || at >= question.ids.length) return null;
        value[question.items[i]] = question.ids[at];
      }
      return value;
    }
    value = [];
    for (i = 0; i < code.length; i++) {
      at = DIGITS.indexOf(code.charAt(i));
      if (at < 0 || at >= question.ids.length) return null;
      value.push(question.ids[at]);
    }
    return value;
  }

  function encode(record, modules, withAnswers) {
    var quizzes = {};
    modules.forEach(function (module) {
      var entry = record.quizzes[module.id];
      if (!entry) return;
      var answers = {}, score = entry.score || {};
      if (withAnswers) {
        Object.keys(entry.answers || {}).forEach(function (qid) {
          var question = module.questions[qid], answer = entry.answers[qid];
          if (!question || !answer || answer.fp !== question.fp) return; // reflection, or stale
          var code = encodeValue(question, answer.value);
          if (code !== null) answers[question.fp.slice(0, FP_CHARS)] = code;
        });
      }
      quizzes[module.id] = [(entry.checked ? 1 : 0) | (entry.passed ? 2 : 0),
                            score.correct || 0, score.total || 0, answers];
    });
    return JSON.stringify({ v: 1, q: quizzes });
  }

  /* The compact record, within the limit: without the answers if they do not fit (the results
   * are kept; never seen with this course, see LMS.md for the measured size). */
  function suspendData(record, modules) {
    var full = encode(record, modules, true);
    return full.length <= SUSPEND_LIMIT ? full : encode(record, modules, false);
  }

  function decode(text, modules) {
    var record = { format: "helpercourse-progress", version: 1, quizzes: {} }, saved = null;
    try { saved = JSON.parse(text); } catch (e) { /* empty or not ours: start afresh */ }
    if (!saved || saved.v !== 1 || !saved.q || typeof saved.q !== "object") return record;
    modules.forEach(function (module) {
      var row = saved.q[module.id];
      if (!Array.isArray(row) || row.length !== 4) return;
      var byPrint = {}, answers = {};
      Object.keys(module.questions).forEach(function (qid) {
        byPrint[module.questions[qid].fp.slice(0, FP_CHARS)] = qid;
      });
      Object.keys(row[3] || {}).forEach(function (print) {
        var qid = byPrint[print];
        if (!qid) return; // the question changed since: its answer is dropped, as in the store
        var value = decodeValue(module.questions[qid], row[3][print]);
        if (value !== null) answers[qid] = { fp: module.questions[qid].fp, value: value };
      });
      var entry = { answers: answers, checked: (row[0] & 1) === 1, passed: (row[0] & 2) === 2 };
      if (entry.checked) entry.score = { correct: Number(row[1]) || 0, total: Number(row[2]) || 0 };
      record.quizzes[module.id] = entry;
    });
    return record;
  }

  /* Reflections are not sent to the LMS; this browser keeps them for the learner who wrote
   * them, and a different learner (a shared computer) starts without them. */
  function keepReflections(restored, local, modules, sameLearner) {
    if (!sameLearner) return;
    modules.forEach(function (module) {
      var entry = local.quizzes[module.id], answers = entry && entry.answers;
      if (!answers) return;
      Object.keys(answers).forEach(function (qid) {
        if (module.questions[qid]) return; // scored: the LMS's copy counts
        var target = restored.quizzes[module.id] ||
          (restored.quizzes[module.id] = { answers: {}, checked: false });
        target.answers[qid] = answers[qid];
      });
    });
  }

  // --- what the LMS records -----------------------------------------------------------------

  function percent(entry) {
    var score = entry && entry.checked && entry.score;
    return score && score.total > 0 ? Math.round(100 * score.correct / score.total) : null;
  }

  function Session(api, dialect, version) {
    this.api = api;
    this.d = dialect;
    this.v12 = version === "1.2";
    this.objectiveIndex = {};
    // A pass the LMS has recorded stays a pass, even if the learner clears the answers later.
    this.passedBefore = {};
    this.coursePassed = this.get(this.v12 ? "cmi.core.lesson_status" : "cmi.success_status") === "passed";
    this.committed = null;  // the results last committed
    this.timer = null;
  }

  Session.prototype.get = function (name) {
    var value = this.api[this.d.get](name);
    return value === null || value === undefined ? "" : String(value);
  };

  Session.prototype.set = function (name, value) {
    return String(this.api[this.d.set](name, String(value))) === "true";
  };

  /* The objective for a module: the one the LMS already has with its id, or a new one. */
  Session.prototype.objective = function (id) {
    if (!Object.prototype.hasOwnProperty.call(this.objectiveIndex, id)) {
      var count = parseInt(this.get("cmi.objectives._count"), 10) || 0;
      for (var n = 0; n < count; n++) {
        if (this.get("cmi.objectives." + n + ".id") === id) {
          this.objectiveIndex[id] = n;
          this.passedBefore[id] = this.get("cmi.objectives." + n + (this.v12 ? ".status" : ".success_status")) === "passed";
          break;
        }
      }
      if (!Object.prototype.hasOwnProperty.call(this.objectiveIndex, id)) {
        this.objectiveIndex[id] = count;
        this.set("cmi.objectives." + count + ".id", id);
      }
    }
    return "cmi.objectives." + this.objectiveIndex[id] + ".";
  };

  Session.prototype.score = function (prefix, value) {
    this.set(prefix + "score.min", 0);
    this.set(prefix + "score.max", 100);
    this.set(prefix + "score.raw", value);
    if (!this.v12) this.set(prefix + "score.scaled", value / 100);
  };

  /* required: the quiz ids whose pass completes the course (the packager's --required). */
  Session.prototype.report = function (record, modules, required) {
    var self = this, total = 0, checked = 0, passed = 0;
    modules.forEach(function (module) {
      var entry = record.quizzes[module.id], value = percent(entry);
      var prefix = self.objective(module.id), started = entry && Object.keys(entry.answers || {}).length > 0;
      var pass = Boolean(entry && entry.passed) || self.passedBefore[module.id] === true;
      self.passedBefore[module.id] = pass;
      if (value !== null) { self.score(prefix, value); total += value; checked++; }
      if (pass && required.indexOf(module.id) !== -1) passed++;
      if (self.v12) {
        self.set(prefix + "status", pass ? "passed" : value !== null ? "failed" : started ? "incomplete" : "not attempted");
      } else {
        self.set(prefix + "success_status", pass ? "passed" : value !== null ? "failed" : "unknown");
        self.set(prefix + "completion_status", pass || value !== null ? "completed" : started ? "incomplete" : "not attempted");
      }
    });
    // The course's score: the mean of the modules' scores, a module not yet checked counting 0.
    if (checked) this.score(this.v12 ? "cmi.core." : "cmi.", Math.round(total / modules.length));
    var done = this.coursePassed = this.coursePassed || passed === required.length;
    if (this.v12) {
      this.set("cmi.core.lesson_status", done ? "passed" : "incomplete");
    } else {
      this.set("cmi.completion_status", done ? "completed" : "incomplete");
      this.set("cmi.success_status", done ? "passed" : "unknown");
    }
    var data = suspendData(record, modules);
    this.set("cmi.suspend_data", data);
    var results = data.replace(/\{[^{}]*\}/g, ""); // the flags and scores, without the answers
    if (results !== this.committed) this.commit(results);
    else if (!this.timer) this.timer = window.setTimeout(this.commit.bind(this, results), COMMIT_AFTER);
  };

  Session.prototype.commit = function (results) {
    window.clearTimeout(this.timer);
    this.timer = null;
    this.committed = results;
    this.api[this.d.commit]("");
  };

  /* SCORM's time formats: 1.2 HHHH:MM:SS.SS, 2004 an ISO 8601 duration. */
  function sessionTime(ms, v12) {
    var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    s = s % 60;
    if (!v12) return "PT" + h + "H" + m + "M" + s + "S";
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return (h < 1000 ? ("000" + h).slice(-4) : "9999") + ":" + two(m) + ":" + two(s) + ".00";
  }

  // --- the two roles ------------------------------------------------------------------------

  function launcher(frame) {
    var data = null, open = function () { frame.src = frame.getAttribute("data-src"); };
    try { data = JSON.parse(document.getElementById("hc-scorm-data").textContent); } catch (e) { /* below */ }
    var store = window.HelperCourseProgress;
    var dialect = data && DIALECTS[data.version];
    var api = dialect && store ? findApi(dialect.api) : null;
    if (!api || String(api[dialect.init]("")) !== "true") { open(); return; } // no LMS: just the course
    var session = new Session(api, dialect, data.version), modules = data.modules;
    var required = Array.isArray(data.required) ? data.required : modules.map(function (m) { return m.id; });
    var started = new Date().getTime(), ended = false;

    var restored = decode(session.get("cmi.suspend_data"), modules);
    var learner = session.get(dialect.learner), previous = null;
    try { previous = window.localStorage.getItem(LEARNER_KEY); } catch (e) { /* no storage */ }
    keepReflections(restored, store.readAll(), modules, previous !== null && previous === learner);
    try { store.replaceAll(restored); } catch (e) { /* the record is built valid */ }
    try { window.localStorage.setItem(LEARNER_KEY, learner); } catch (e) { /* no storage */ }
    // Without browser storage the course keeps answers only while a page is open: report
    // nothing rather than overwrite what the LMS holds with an empty record.
    var recording = store.problem !== "unavailable";
    function report() { if (recording && !ended) session.report(store.readAll(), modules, required); }
    report();

    window.HelperCourseScorm = { report: report };
    function finish() {
      if (ended) return;
      report();
      ended = true;
      var v12 = data.version === "1.2";
      session.set(v12 ? "cmi.core.exit" : "cmi.exit", "suspend");
      session.set(v12 ? "cmi.core.session_time" : "cmi.session_time",
                  sessionTime(new Date().getTime() - started, v12));
      session.commit(null);
      api[dialect.finish]("");
    }
    window.addEventListener("pagehide", finish);
    window.addEventListener("unload", finish);
    open();
  }

  function coursePage() {
    var store = window.HelperCourseProgress;
    var scorm = window.parent !== window ? lookUp(window.parent, "HelperCourseScorm") : null;
    if (!store || !scorm) return; // not inside the launch page of an LMS session
    ["writeQuiz", "replaceAll", "clear"].forEach(function (name) {
      var original = store[name];
      store[name] = function () {
        var result = original.apply(store, arguments);
        try { scorm.report(); } catch (e) { /* the LMS's trouble must not break the quiz */ }
        return result;
      };
    });
  }

  var frame = document.getElementById("hc-scorm-course");
  if (frame) launcher(frame); else coursePage();
})();

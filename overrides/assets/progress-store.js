/* Progress kept in this browser only: docs-dev/quiz-format-v2.md. Never throws (replaceAll
 * does on a bad record). "full" lasts until a write works, "corrupt" until replaceAll/clear. */
(function () {
  "use strict";
  var KEY = "helpercourse.progress.v1";
  var FORMAT = "helpercourse-progress";
  var storage = null, ready = false, problem = null, listeners = [];

  function empty() { return { format: FORMAT, version: 1, quizzes: {} }; }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* null when the record has the right shape, else why not (shown on import). */
  function invalid(record) {
    if (!isObject(record) || record.format !== FORMAT) return "not a Helper Course progress file";
    if (record.version !== 1) return "unsupported version " + record.version;
    if (!isObject(record.quizzes)) return "no quizzes in the file";
    if (record.notes !== undefined && !isObject(record.notes)) return "the notes are not in the expected form";
    var why = null;
    Object.keys(record.quizzes).some(function (id) {
      var entry = record.quizzes[id];
      var answers = isObject(entry) ? entry.answers || {} : null, score = answers && entry.score;
      if (!isObject(answers) || (score && !(typeof score.correct === "number" && typeof score.total === "number"))) {
        return (why = "quiz '" + id + "' is not in the expected form");
      }
      return Object.keys(answers).some(function (qid) {
        var answer = answers[qid];
        return !(isObject(answer) && typeof answer.fp === "string") &&
          (why = "answer '" + id + "/" + qid + "' is not in the expected form");
      });
    });
    return why;
  }

  function report(code) {
    if (problem === code) return;
    problem = code;
    listeners.forEach(function (fn) { try { fn(code); } catch (e) { /* the listener's bug */ } });
  }

  function init() {
    if (ready) return;
    ready = true;
    try {
      storage = window.localStorage;
      storage.setItem(KEY + ".probe", "1");
      storage.removeItem(KEY + ".probe");
    } catch (e) {
      storage = null;
      report("unavailable");
      return;
    }
    load();
  }

  /* The stored record; one that cannot be read is moved to KEY.corrupt and reads as empty. */
  function load() {
    init();
    var raw = null, record = null;
    try { raw = storage.getItem(KEY); } catch (e) { /* none, or unreadable: empty */ }
    if (!raw) return empty();
    try { record = JSON.parse(raw); } catch (e) { /* corrupt */ }
    if (!invalid(record)) return record;
    try {
      storage.removeItem(KEY);
      storage.setItem(KEY + ".corrupt", raw);
    } catch (e) {
      try { storage.setItem(KEY, raw); } catch (e2) { /* nothing more we can do */ }
    }
    report("corrupt");
    return empty();
  }

  function save(record) {
    init();
    try {
      storage.setItem(KEY, JSON.stringify(record));
    } catch (e) {
      if (storage) report("full"); // it worked when probed
      return false;
    }
    if (problem === "full") problem = null;
    return true;
  }

  var api = {
    readAll: load,
    readQuiz: function (id) {
      var quizzes = load().quizzes;
      return Object.prototype.hasOwnProperty.call(quizzes, id) ? quizzes[id] : null;
    },
    writeQuiz: function (id, entry) {
      var record = load();
      record.quizzes[id] = entry;
      return !invalid(record) && save(record);
    },
    replaceAll: function (record) {
      var why = invalid(record);
      if (why) throw new Error(why);
      var saved = save(record);
      if (saved && problem === "corrupt") problem = null;
      return saved;
    },
    clear: function () {
      init();
      try { storage.removeItem(KEY); } catch (e) { return false; }
      problem = null; // whatever went wrong went with the data
      return true;
    },
    /* In-lesson reflection notes (lesson-notes.js): record.notes[id] = {text, at}; a note
       that is not in that form reads as none. Empty text deletes the note. */
    readNote: function (id) {
      var notes = load().notes;
      var note = isObject(notes) && Object.prototype.hasOwnProperty.call(notes, id) ? notes[id] : null;
      return isObject(note) && typeof note.text === "string" ? note : null;
    },
    writeNote: function (id, text) {
      var record = load();
      if (!isObject(record.notes)) record.notes = {};
      if (String(text).trim()) record.notes[id] = { text: String(text), at: new Date().toISOString() };
      else delete record.notes[id];
      return save(record);
    },
    /* Where the learner last read: {page: module slug, section: h2 id, title: its text, lang,
     * at: ISO time}, kept in the same record so download and delete cover it too. */
    readPosition: function () {
      var position = load().position;
      return isObject(position) && typeof position.page === "string" ? position : null;
    },
    writePosition: function (position) {
      var record = load();
      record.position = position;
      return save(record);
    },
    onProblem: function (fn) {
      init();
      listeners.push(fn);
      if (problem) { try { fn(problem); } catch (e) { /* the listener's bug */ } }
    }
  };
  Object.defineProperty(api, "problem", { enumerable: true, get: function () { init(); return problem; } });
  window.HelperCourseProgress = api;
})();

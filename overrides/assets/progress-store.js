/* Progress kept in this browser only: docs-dev/quiz-format-v2.md. Never throws (replaceAll and
 * importRecord do on a bad record). "full" lasts until a write works, "corrupt" until
 * replaceAll/importRecord/clear. */
(function () {
  "use strict";
  var KEY = "helpercourse.progress.v1";
  var SET_ASIDE = KEY + ".corrupt"; // + "." + a number that grows; plain SET_ASIDE: older pages
  var MAX_SET_ASIDE = 5; // more would fill the browser's storage with copies nobody reads
  var FORMAT = "helpercourse-progress";
  var storage = null, ready = false, problem = null, listeners = [], corruptQuizzes = [];

  function empty() { return { format: FORMAT, version: 1, quizzes: {} }; }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* null when the record itself (not its quizzes) has the right shape, else why not. */
  function invalidShell(record) {
    if (!isObject(record) || record.format !== FORMAT) return "not a Helper Course progress file";
    if (record.version !== 1) return "unsupported version " + record.version;
    if (!isObject(record.quizzes)) return "no quizzes in the file";
    if (record.notes !== undefined && !isObject(record.notes)) return "the notes are not in the expected form";
    return null;
  }

  /* null when one quiz's entry has the right shape, else why not. */
  function invalidQuiz(id, entry) {
    var answers = isObject(entry) ? entry.answers || {} : null, score = answers && entry.score;
    if (!isObject(answers) || (score && !(typeof score.correct === "number" && typeof score.total === "number"))) {
      return "quiz '" + id + "' is not in the expected form";
    }
    var why = null;
    Object.keys(answers).some(function (qid) {
      var answer = answers[qid];
      return !(isObject(answer) && typeof answer.fp === "string") &&
        (why = "answer '" + id + "/" + qid + "' is not in the expected form");
    });
    return why;
  }

  /* null when the whole record has the right shape, else why not (shown on import). */
  function invalid(record) {
    var why = invalidShell(record);
    if (why) return why;
    Object.keys(record.quizzes).some(function (id) { return (why = invalidQuiz(id, record.quizzes[id])); });
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

  /* --- set-aside copies: every unreadable value is kept, never overwritten ------------------- */
  function setAsideKeys() {
    var keys = [];
    try {
      for (var i = 0; i < storage.length; i += 1) {
        var key = storage.key(i);
        if (key === SET_ASIDE || (key && key.indexOf(SET_ASIDE + ".") === 0 && /^\d+$/.test(key.slice(SET_ASIDE.length + 1)))) {
          keys.push(key);
        }
      }
    } catch (e) { /* no storage: no copies */ }
    function number(key) { return key === SET_ASIDE ? 0 : Number(key.slice(SET_ASIDE.length + 1)); }
    return keys.sort(function (a, b) { return number(a) - number(b); });
  }

  /* Keeps `raw` under a key of its own (the time it was set aside, kept unique); drops the
   * oldest copies beyond MAX_SET_ASIDE. True when it was kept. */
  function setAside(raw) {
    var keys = setAsideKeys();
    var last = keys.length ? Number(keys[keys.length - 1].slice(SET_ASIDE.length + 1)) || 0 : 0;
    var key = SET_ASIDE + "." + Math.max(Date.now(), last + 1);
    try {
      storage.setItem(key, raw);
    } catch (e) {
      return false;
    }
    keys.slice(0, Math.max(0, keys.length + 1 - MAX_SET_ASIDE)).forEach(function (old) {
      try { storage.removeItem(old); } catch (e) { /* it stays */ }
    });
    return true;
  }

  function quizOfCopy(raw) {
    try {
      var record = JSON.parse(raw);
      var ids = !invalidShell(record) && Object.keys(record.quizzes);
      return ids && ids.length === 1 && record.partOfRecord ? ids[0] : null;
    } catch (e) {
      return null;
    }
  }

  /* The stored record. One that cannot be read is set aside whole and reads as empty; a quiz
   * entry that cannot be read is set aside on its own and the rest stays. */
  function load() {
    init();
    var raw = null, record = null;
    try { raw = storage.getItem(KEY); } catch (e) { /* none, or unreadable: empty */ }
    if (!raw) return empty();
    try { record = JSON.parse(raw); } catch (e) { /* corrupt */ }
    if (invalidShell(record)) {
      if (setAside(raw)) {
        try { storage.removeItem(KEY); } catch (e) { /* read as empty all the same */ }
      }
      corruptQuizzes = [];
      report("corrupt");
      return empty();
    }
    var bad = Object.keys(record.quizzes).filter(function (id) { return invalidQuiz(id, record.quizzes[id]); });
    if (!bad.length) return record;
    bad.forEach(function (id) {
      var alone = { format: FORMAT, version: 1, partOfRecord: true, quizzes: {} };
      alone.quizzes[id] = record.quizzes[id];
      if (setAside(JSON.stringify(alone))) delete record.quizzes[id];
    });
    var left = bad.filter(function (id) { return own(record.quizzes, id); });
    if (left.length) { // could not keep a copy: read without them, leave storage as it was
      left.forEach(function (id) { delete record.quizzes[id]; });
    } else {
      save(record);
    }
    corruptQuizzes = bad;
    problem = null; // report a new "corrupt" even after an earlier one: listeners read corruptQuizzes
    report("corrupt");
    return record;
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

  /* --- import: merge a file with what is stored, newest answer per question wins ------------ */
  function time(value) { return typeof value === "string" ? Date.parse(value) || 0 : 0; }

  /* The file's one wins only when strictly newer: no time loses to a time, a tie keeps ours. */
  function fileNewer(ours, theirs) { return time(theirs && theirs.at) > time(ours && ours.at); }

  function copy(value) { return JSON.parse(JSON.stringify(value)); }

  /* {record, changes}: what storing `incoming` would leave, and per quiz id the question ids the
   * file brings {newer: [...], added: [...]} (only quizzes with a change). Writes nothing. */
  function merge(current, incoming) {
    var record = copy(current), changes = {};
    Object.keys(incoming.quizzes).forEach(function (id) {
      var theirs = incoming.quizzes[id];
      var ours = own(record.quizzes, id) ? record.quizzes[id] : null;
      var change = { newer: [], added: [] };
      if (!ours) {
        record.quizzes[id] = copy(theirs);
        change.added = Object.keys(theirs.answers || {});
      } else {
        var answers = ours.answers = ours.answers || {};
        Object.keys(theirs.answers || {}).forEach(function (qid) {
          var answer = theirs.answers[qid];
          if (!own(answers, qid)) change.added.push(qid);
          else if (fileNewer(answers[qid], answer)) change.newer.push(qid);
          else return;
          answers[qid] = copy(answer);
        });
        // The state of the last check goes with the entry saved last; a pass at any time counts.
        if (time(theirs.updated) > time(ours.updated)) {
          ["checked", "score", "updated"].forEach(function (field) {
            if (own(theirs, field)) ours[field] = copy(theirs[field]);
          });
        }
        if (theirs.passed === true) { // the first pass on either device is when it was completed
          var dates = [ours.passed === true ? ours.passedAt : null, theirs.passedAt]
            .filter(function (at) { return time(at) > 0; })
            .sort(function (a, b) { return time(a) - time(b); });
          ours.passed = true;
          if (dates.length) ours.passedAt = dates[0];
        }
      }
      if (change.newer.length || change.added.length) changes[id] = change;
    });
    // In-lesson reflection notes (record.notes, lesson-notes.js): newest `at` wins, as answers do.
    // Their changes are listed under "notes:<module page>" so the preview can name the module.
    var notes = isObject(incoming.notes) ? incoming.notes : {};
    Object.keys(notes).forEach(function (nid) {
      var theirs = notes[nid];
      if (!isObject(theirs) || typeof theirs.text !== "string") return;
      if (!isObject(record.notes)) record.notes = {};
      var ours = own(record.notes, nid) ? record.notes[nid] : null;
      if (ours && !fileNewer(ours, theirs)) return;
      var key = "notes:" + nid.split("/")[0];
      var change = changes[key] = changes[key] || { newer: [], added: [], notes: true };
      (ours ? change.newer : change.added).push(nid);
      record.notes[nid] = copy(theirs);
    });
    if (isObject(incoming.position) && fileNewer(record.position, incoming.position)) {
      record.position = copy(incoming.position);
    }
    if (typeof incoming.name === "string" && !(typeof record.name === "string" && record.name.trim())) {
      record.name = incoming.name;
    }
    return { record: record, changes: changes };
  }

  function mustBeValid(record) {
    var why = invalid(record);
    if (why) throw new Error(why);
  }

  function storedChange(fn) {
    window.addEventListener("storage", function (event) {
      // key null: another tab cleared all of this site's storage
      if (event.key === KEY || event.key === null) {
        try { fn(); } catch (e) { /* the listener's bug */ }
      }
    });
  }

  var api = {
    readAll: load,
    readQuiz: function (id) {
      var quizzes = load().quizzes;
      return own(quizzes, id) ? quizzes[id] : null;
    },
    writeQuiz: function (id, entry) {
      var record = load();
      record.quizzes[id] = entry;
      return !invalid(record) && save(record);
    },
    /* The learner's name for the course record: kept with the answers, never sent. */
    readName: function () {
      var name = load().name;
      return typeof name === "string" ? name : "";
    },
    writeName: function (name) {
      var record = load();
      record.name = String(name);
      return save(record);
    },
    replaceAll: function (record) {
      mustBeValid(record);
      var saved = save(record);
      if (saved && problem === "corrupt") problem = null;
      return saved;
    },
    /* What loading `incoming` would change, without changing anything: {record, changes}. */
    previewImport: function (incoming) {
      mustBeValid(incoming);
      return merge(load(), incoming);
    },
    /* Merges `incoming` into what is stored at this moment (newest answer wins) and saves it. */
    importRecord: function (incoming) {
      mustBeValid(incoming);
      return api.replaceAll(merge(load(), incoming).record);
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
    /* The copies set aside because they could not be read, oldest first:
     * [{id, at: Date|null, quiz: quiz id or null for a whole record, text: as it was stored}]. */
    setAside: function () {
      init();
      return setAsideKeys().map(function (key) {
        var text = null, number = key === SET_ASIDE ? 0 : Number(key.slice(SET_ASIDE.length + 1));
        try { text = storage.getItem(key); } catch (e) { /* gone meanwhile */ }
        return text === null ? null : {
          id: key, at: number > 1e12 ? new Date(number) : null, quiz: quizOfCopy(text), text: text
        };
      }).filter(Boolean);
    },
    discardSetAside: function (id) {
      init();
      if (setAsideKeys().indexOf(id) === -1) return false;
      try { storage.removeItem(id); } catch (e) { return false; }
      return true;
    },
    onProblem: function (fn) {
      init();
      listeners.push(fn);
      if (problem) { try { fn(problem); } catch (e) { /* the listener's bug */ } }
    },
    /* fn() when another tab saved, loaded or deleted progress (the window's "storage" event). */
    onChange: storedChange
  };
  Object.defineProperty(api, "problem", { enumerable: true, get: function () { init(); return problem; } });
  /* With problem "corrupt": the quiz ids set aside on their own (empty: the whole record was). */
  Object.defineProperty(api, "corruptQuizzes", { enumerable: true, get: function () { init(); return corruptQuizzes.slice(); } });
  window.HelperCourseProgress = api;
})();

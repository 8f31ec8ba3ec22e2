/* In-lesson reflection boxes (helpercourse/lesson_notes.py): the text box under each is shown
 * and saved in this browser as the learner types (after a pause), with the rest of the
 * learner's data (HelperCourseProgress.writeNote in progress-store.js), and says so politely.
 * Without storage the box still works for this visit and says it is not kept. */
(function () {
  "use strict";
  var PAUSE = 600; // ms after the last key press

  function setUp(box, store) {
    var id = box.getAttribute("data-note-id");
    var write = box.querySelector(".hc-note__write");
    var text = box.querySelector(".hc-note__text");
    var status = box.querySelector(".hc-note__status");
    var timer = null;

    function show() {
      var note = store.readNote(id);
      text.value = note ? note.text : "";
    }

    function save() {
      timer = null;
      var saved = store.writeNote(id, text.value);
      status.textContent = status.getAttribute(saved ? "data-saved" : "data-unavailable");
    }

    show();
    text.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(save, PAUSE);
    });
    // Leaving the page within the pause must not lose the last words.
    window.addEventListener("pagehide", function () {
      if (timer) { clearTimeout(timer); save(); }
    });
    // Deleted or loaded in another tab (the progress page): show what is stored now, unless the
    // learner is typing here.
    window.addEventListener("storage", function () {
      if (!timer && document.activeElement !== text) show();
    });
    write.hidden = false;
    if (store.problem === "unavailable") status.textContent = status.getAttribute("data-unavailable");
    else box.querySelector(".hc-note__paper").hidden = true;
  }

  function start() {
    var store = window.HelperCourseProgress;
    if (!store || !store.readNote) return;
    Array.prototype.forEach.call(document.querySelectorAll(".hc-note[data-note-id]"), function (box) {
      try { setUp(box, store); } catch (error) { /* the box keeps saying: write on paper */ }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

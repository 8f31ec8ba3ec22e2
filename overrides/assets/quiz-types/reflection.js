/* Reflection (question_types/reflection.py): free text, saved as the trainee types (after a
 * pause) and never marked, so it has no check or reset. */
(window.HelperCourseQuizTypes = window.HelperCourseQuizTypes || []).push(function (kit) {
  "use strict";

  kit.register("reflection", {
    control: "textarea",
    read: function (fs) {
      var text = fs.querySelector("textarea").value;
      return text.trim() ? text : null;
    },
    write: function (fs, q, value) { fs.querySelector("textarea").value = value; },
    input: function (fs, q, ui, target, save) {
      var status = fs.querySelector(".hc-reflection__status");
      clearTimeout(fs.hcTyping);
      fs.hcTyping = setTimeout(function () {
        status.textContent = save() ? ui.reflection_saved : "";
      }, 600);
    }
  });
});

/* True or false (question_types/truefalse.py): two radio buttons, "true" and "false", that
 * behave as a single-choice question (choice.js, loaded first) built from the answer. */
(window.HelperCourseQuizTypes = window.HelperCourseQuizTypes || []).push(function (kit) {
  "use strict";
  var truefalse = Object.create(kit.types.single);

  truefalse.options = function (q, ui) {
    return [{ id: "true", text: ui["true"], correct: q.answer === true, feedback: "" },
            { id: "false", text: ui["false"], correct: q.answer === false, feedback: "" }];
  };
  kit.register("truefalse", truefalse);
});

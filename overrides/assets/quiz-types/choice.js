/* Single and multiple choice (question_types/choice.py): radio buttons or checkboxes; the
 * answer is the list of option ids ticked. truefalse.js builds on this. */
(window.HelperCourseQuizTypes = window.HelperCourseQuizTypes || []).push(function (kit) {
  "use strict";

  kit.register(["single", "multiple"], {
    control: "input",
    options: function (q) { return q.options; },
    read: function (fs) {
      var ids = kit.all(fs, "input:checked").map(function (input) { return input.value; });
      return ids.length ? ids : null;
    },
    write: function (fs, q, value) {
      kit.all(fs, "input").forEach(function (input) { input.checked = value.indexOf(input.value) !== -1; });
    },
    check: function (fs, q, ui, value) {
      var chosen = value || [];
      var options = this.options(q, ui);
      options.forEach(function (option) {
        var row = fs.querySelector('.hc-option[data-option-id="' + option.id + '"]');
        var picked = chosen.indexOf(option.id) !== -1;
        kit.mark(row, picked ? option.correct : null);
        // Words as well as colour and icon: an option without feedback of its own (true/false)
        // still says right or wrong.
        kit.showNote(row.querySelector(".hc-option__feedback"), picked &&
          (option.feedback || (option.correct ? ui.correct : ui.incorrect) + "."), row.querySelector("input"));
      });
      var right = options.filter(function (o) { return o.correct; });
      var isRight = chosen.length === right.length &&
        right.every(function (o) { return chosen.indexOf(o.id) !== -1; });
      // Several right answers as a list: joined with "; " they read "... stop.; Then ...".
      var answer;
      if (right.length === 1) answer = kit.labelled(ui.right_answer, right[0].text);
      else {
        answer = kit.element("div");
        answer.appendChild(kit.element("p")).appendChild(kit.element("strong", "", ui.right_answer));
        var list = answer.appendChild(kit.element("ul"));
        right.forEach(function (o) { list.appendChild(kit.element("li", "", o.text)); });
      }
      return { state: chosen.length ? (isRight ? "correct" : "incorrect") : "unanswered", answer: answer };
    },
    reset: function (fs, q, ui) {
      this.write(fs, q, []);
      this.check(fs, q, ui, []); // with nothing chosen: no marks, no feedback
    }
  });
});

/* The quiz's question-type registry and the DOM helpers the types share. Loaded before the
 * type parts (quiz-types/<type>.js), which register themselves here, and before quiz.js, the
 * engine, which looks each question's type up in HelperCourseQuiz.types.
 * A type is an object with read(fs, q) -> answer | null; write(fs, q, answer, ui); and, when
 * scored, check(fs, q, ui, answer) -> { state: "correct" | "incorrect" | "unanswered",
 * answer: node | null } and reset(fs, q, ui). Optional: start(fs, q, ui) before restoring,
 * click(fs, q, ui, button) -> true if the answer changed, input(fs, q, ui, target, save),
 * control: a selector for the control that gets focus after "Try again". */
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  var kit = window.HelperCourseQuiz = {
    types: {},
    register: function (names, type) {
      [].concat(names).forEach(function (name) { kit.types[name] = type; });
      return type;
    },
    element: element,
    all: function (root, selector) {
      return Array.prototype.slice.call(root.querySelectorAll(selector));
    },
    fill: function (template, values) {
      return template.replace(/\{(\w+)\}/g, function (whole, key) {
        return key in values ? String(values[key]) : whole;
      });
    },
    labelled: function (label, text) {
      var p = element("p");
      p.appendChild(element("strong", "", label));
      p.appendChild(document.createTextNode(" " + text));
      return p;
    },
    showNote: function (note, text, control) {
      note.hidden = !text;
      note.textContent = text || "";
      if (!control) return;
      if (text) control.setAttribute("aria-describedby", note.id);
      else control.removeAttribute("aria-describedby");
    },
    /* right: true, false or null (no mark) */
    mark: function (node, right) {
      node.classList.remove("hc-option--right", "hc-option--wrong");
      if (right !== null) node.classList.add(right ? "hc-option--right" : "hc-option--wrong");
    }
  };
})();

/* Order (question_types/order.py): move-up / move-down buttons; the answer is the list of
 * step ids as shown, once the trainee has moved a step (data-moved). */
(window.HelperCourseQuizTypes = window.HelperCourseQuizTypes || []).push(function (kit) {
  "use strict";

  /* The first step cannot go up nor the last down: those buttons say so (aria-disabled keeps
   * them focusable, so focus is not lost when a step reaches an end). */
  function markEnds(fs) {
    var steps = kit.all(fs, ".hc-step");
    steps.forEach(function (li, index) {
      li.querySelector(".hc-order__up").setAttribute("aria-disabled", index === 0 ? "true" : "false");
      li.querySelector(".hc-order__down").setAttribute("aria-disabled", index === steps.length - 1 ? "true" : "false");
    });
  }

  kit.register("order", {
    start: markEnds,
    control: ".hc-order__up",
    read: function (fs) {
      if (!fs.hasAttribute("data-moved")) return null;
      return kit.all(fs, ".hc-step").map(function (li) { return li.getAttribute("data-step-id"); });
    },
    write: function (fs, q, value) {
      var list = fs.querySelector(".hc-order");
      value.forEach(function (id) {
        var li = list.querySelector('.hc-step[data-step-id="' + id + '"]');
        if (li) list.appendChild(li);
      });
      fs.setAttribute("data-moved", "");
      markEnds(fs);
    },
    check: function (fs, q, ui, value) {
      var right = q.steps.map(function (s) { return s.id; });
      kit.all(fs, ".hc-step").forEach(function (li, index) {
        var ok = value ? li.getAttribute("data-step-id") === right[index] : null;
        var mark = li.querySelector(".hc-step__mark");
        kit.mark(li, ok);
        mark.hidden = ok === null; // ✓ or ✗ with words, not colour alone
        mark.textContent = ok === null ? "" : ok ? "✓ " + ui.step_right : "✗ " + ui.step_wrong;
      });
      var answer = kit.element("div");
      answer.appendChild(kit.element("p")).appendChild(kit.element("strong", "", ui.right_order));
      var list = answer.appendChild(kit.element("ol"));
      q.steps.forEach(function (s) { list.appendChild(kit.element("li", "", s.text)); });
      var isRight = value && value.join() === right.join();
      return { state: value ? (isRight ? "correct" : "incorrect") : "unanswered", answer: answer };
    },
    reset: function (fs, q, ui) {
      this.write(fs, q, q.shuffled);
      fs.removeAttribute("data-moved");
      this.check(fs, q, ui, null);
    },
    click: function (fs, q, ui, button) {
      var up = button.classList.contains("hc-order__up");
      if (!up && !button.classList.contains("hc-order__down")) return false;
      var li = button.closest(".hc-step");
      var list = li.parentNode;
      var other = up ? li.previousElementSibling : li.nextElementSibling;
      if (other) {
        list.insertBefore(li, up ? other : other.nextSibling);
        button.focus();
        fs.setAttribute("data-moved", "");
        markEnds(fs);
      }
      // Said after a move, and at an end too, where a move cannot be made: never silent.
      var steps = kit.all(list, ".hc-step");
      fs.querySelector(".hc-order__status").textContent = kit.fill(ui.moved, {
        text: li.querySelector(".hc-step__text").textContent,
        position: steps.indexOf(li) + 1, total: steps.length });
      return !!other;
    }
  });
});

/* Order (question_types/order.py): move-up / move-down buttons; the answer is the list of
 * step ids as shown, once the trainee has moved a step (data-moved). */
(window.HelperCourseQuizTypes = window.HelperCourseQuizTypes || []).push(function (kit) {
  "use strict";

  kit.register("order", {
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
    },
    check: function (fs, q, ui, value) {
      var right = q.steps.map(function (s) { return s.id; });
      kit.all(fs, ".hc-step").forEach(function (li, index) {
        kit.mark(li, value ? li.getAttribute("data-step-id") === right[index] : null);
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
        var steps = kit.all(list, ".hc-step");
        fs.querySelector(".hc-order__status").textContent = kit.fill(ui.moved, {
          text: li.querySelector(".hc-step__text").textContent,
          position: steps.indexOf(li) + 1, total: steps.length });
      }
      return true;
    }
  });
});

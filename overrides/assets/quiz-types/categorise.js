/* Categorise (question_types/categorise.py): one <select> of groups per statement; the
 * answer is { statement id: group id } for the statements placed so far. */
(window.HelperCourseQuizTypes = window.HelperCourseQuizTypes || []).push(function (kit) {
  "use strict";

  kit.register("categorise", {
    control: "select",
    read: function (fs) {
      var value = {}, any = false;
      kit.all(fs, ".hc-item").forEach(function (row) {
        var chosen = row.querySelector("select").value;
        if (chosen) { value[row.getAttribute("data-item-id")] = chosen; any = true; }
      });
      return any ? value : null;
    },
    write: function (fs, q, value) {
      kit.all(fs, ".hc-item").forEach(function (row) {
        var chosen = value[row.getAttribute("data-item-id")] || "";
        var select = row.querySelector("select");
        if (!chosen || select.querySelector('option[value="' + chosen + '"]')) select.value = chosen;
      });
    },
    check: function (fs, q, ui, value) {
      var names = {}, right = 0, answered = 0;
      q.categories.forEach(function (c) { names[c.id] = c.text; });
      q.items.forEach(function (item) {
        var row = fs.querySelector('.hc-item[data-item-id="' + item.id + '"]');
        var chosen = value && value[item.id];
        answered += chosen ? 1 : 0;
        right += chosen === item.category ? 1 : 0;
        kit.mark(row, chosen ? chosen === item.category : null);
        // The verdict, the right group when misplaced, then why (the feedback no longer opens
        // with the group's name, so a right answer no longer reads "Correct. Creator.").
        kit.showNote(row.querySelector(".hc-option__feedback"), chosen && (chosen === item.category
          ? ui.correct + ". " + item.feedback
          : ui.incorrect + ". " + kit.fill(ui.category_belongs, { group: names[item.category] }) + " " + item.feedback), row.querySelector("select"));
      });
      var answer = kit.element("ul");
      q.items.forEach(function (item) { answer.appendChild(kit.element("li", "", item.text + " → " + names[item.category])); });
      var box = kit.element("div");
      box.appendChild(kit.element("p", "", "")).appendChild(kit.element("strong", "", ui.right_answer));
      box.appendChild(answer);
      return { state: !answered ? "unanswered" : (right === q.items.length ? "correct" : "incorrect"), answer: box };
    },
    reset: function (fs, q, ui) {
      kit.all(fs, "select").forEach(function (select) { select.value = ""; });
      this.check(fs, q, ui, null);
    }
  });
});

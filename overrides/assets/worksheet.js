/* Trainer edition only (helpercourse/trainer_edition.py adds this file and the button): "Print
 * blank worksheet" prints just the module's scenarios, reflection prompts and the quiz's
 * reflection questions with lines to write on (trainer.css, html.hc-worksheet-print); after
 * printing, Ctrl+P prints the whole page again. */
(function () {
  "use strict";
  var MODE = "hc-worksheet-print";

  function start() {
    var holder = document.querySelector(".hc-worksheet");
    if (!holder) return;
    var root = document.documentElement;
    holder.querySelector(".hc-worksheet__print").addEventListener("click", function () {
      root.classList.add(MODE);
      window.print();
    });
    window.addEventListener("afterprint", function () { root.classList.remove(MODE); });
    holder.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

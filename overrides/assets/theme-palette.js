/* Material for MkDocs' palette script (partials/javascripts/palette.html), moved out of the
 * page for a strict Content-Security-Policy and written in ES5. It runs in the header, right
 * after the palette toggle, so the scheme the reader chose (stored by Material under
 * "__palette") is on <body> before the page is drawn; with none stored, Material's bundle picks
 * the palette whose media query (prefers-color-scheme) matches. Keep in step with Material. */
(function () {
  "use strict";
  var palette = __md_get("__palette");
  if (!palette || !palette.color) return;
  var color = palette.color;
  if (color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector(light
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    color.media = input.getAttribute("data-md-color-media");
    color.scheme = input.getAttribute("data-md-color-scheme");
    color.primary = input.getAttribute("data-md-color-primary");
    color.accent = input.getAttribute("data-md-color-accent");
  }
  Object.keys(color).forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, color[key]);
  });
})();

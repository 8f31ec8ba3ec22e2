/* Material for MkDocs' content script, moved out of the page for a strict Content-Security-Policy:
 * opens the content tab a link points to. */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();

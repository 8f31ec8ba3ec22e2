/* Only on the "page not found" page, which a web server shows at any missing address, so its
 * relative links only work with a <base href> the server adds (see deploy/nginx.conf).
 * Material resolves its config's "base" (where search looks for its index) against the address
 * bar, not the document's base: resolve it against the document's base here, before Material's
 * bundle reads it. Without a <base> element the two are the same and nothing changes. */
(function () {
  var element = document.getElementById("__config");
  var config = JSON.parse(element.textContent);
  config.base = new URL(config.base, document.baseURI).href;
  config.search = new URL(config.search, document.baseURI).href;
  element.textContent = JSON.stringify(config);
})();

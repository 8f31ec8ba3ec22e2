/* Material for MkDocs' head script, moved out of the page for a strict Content-Security-Policy.
 * The scope is the site root: this file lives in <root>/assets/, so ".." from it is the root,
 * which is what Material's template computes from base_url for every page and language. */
var __md_scope = new URL("..", document.currentScript.src),
  __md_hash = function (e) { return Array.prototype.reduce.call(e, function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); },
  __md_get = function (e, store, scope) {
    // storage turned off makes even reading localStorage throw: then nothing is stored
    try {
      store = store || localStorage; scope = scope || __md_scope;
      return JSON.parse(store.getItem(scope.pathname + "." + e));
    } catch (error) { return null; }
  },
  __md_set = function (e, value, store, scope) {
    try { store = store || localStorage; scope = scope || __md_scope; store.setItem(scope.pathname + "." + e, JSON.stringify(value)); } catch (error) { /* storage full or blocked */ }
  };

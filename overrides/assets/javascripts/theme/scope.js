// Material for MkDocs 9.8.1's inline scope script (partials/javascripts/base.html), moved to a
// file so no inline script is needed. Same globals, same behaviour; the scope comes from data-md-scope.
__md_scope = new URL(document.currentScript.dataset.mdScope, location);
__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) {}
};

// Material for MkDocs 9.8.1's inline content scripts (partials/javascripts/content.html), moved
// to a file so no inline script is needed: restore linked content tabs, and open the tab a URL
// fragment points at.
(function () {
  if (document.currentScript.hasAttribute("data-md-tabs-link")) {
    var tabs = __md_get("__tabs");
    if (Array.isArray(tabs)) {
      sets: for (var set of document.querySelectorAll(".tabbed-set")) {
        var labels = set.querySelector(".tabbed-labels");
        for (var tab of tabs)
          for (var label of labels.getElementsByTagName("label"))
            if (label.innerText.trim() === tab) {
              document.getElementById(label.htmlFor).checked = true;
              continue sets;
            }
      }
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();

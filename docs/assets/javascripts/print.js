// Printing: "Print this page" buttons, collapsed blocks opened for paper, link targets shown on
// paper. No inline script anywhere (the site may run under a strict Content-Security-Policy):
// buttons carry a data-print-page attribute and this file listens for them. A module, so its
// names stay its own.

// One listener for the whole document, so it keeps working across Material's instant navigation.
function listenForButtons() {
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print-page]");
    if (!button) return;
    event.preventDefault();
    window.print();
  });
}

// Closed <details> print empty; open them for printing and close them again afterwards.
// (print.css does the same in browsers that support ::details-content.)
function openDetailsForPaper() {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
}

// What a link's target looks like on paper, or "" when paper needs no note: links inside the
// site or page, and links whose text already says where they go.
function paperTarget(link) {
  var href = link.getAttribute("href") || "";
  var text = link.textContent.replace(/\s+/g, " ").trim();
  var target;
  if (/^mailto:/i.test(href)) {
    target = decodeURIComponent(href.slice(7).split("?")[0]);
  } else if (/^tel:/i.test(href)) {
    target = href.slice(4);
    var digits = function (s) { return s.replace(/[^\d]/g, "").replace(/^44/, "0"); };
    if (digits(text) === digits(target)) return "";
  } else if (/^https?:\/\//i.test(href) && link.host !== location.host) {
    target = href;
  } else {
    return "";
  }
  return text.toLowerCase().indexOf(target.toLowerCase().replace(/^https?:\/\//, "").replace(/\/$/, "")) === -1 ? target : "";
}

function markLinks() {
  document.querySelectorAll(".md-typeset a[href]").forEach(function (link) {
    if (link.hasAttribute("data-print-target")) return;
    var target = paperTarget(link);
    if (target) link.setAttribute("data-print-target", target);
  });
}

// Material re-renders the content on instant navigation and announces it on document$.
function markLinksOnEveryPage() {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markLinks);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markLinks);
  } else {
    markLinks();
  }
}

// The buttons do nothing without this script, so print.css shows them only once it has run.
document.documentElement.classList.add("print-ready");
listenForButtons();
openDetailsForPaper();
markLinksOnEveryPage();

// Wide tables scroll sideways inside their own box on small screens. Keyboard users must be
// able to reach that box to scroll it (WCAG 2.1.1), and screen readers should hear what it is,
// so each table's scroll box becomes a labelled, focusable region. Material wraps tables after
// each page load, including instant navigation, hence document$.
function labelTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach((box) => {
    if (box.hasAttribute("tabindex")) return;
    const heading = box.closest("article")?.querySelectorAll("h1, h2, h3");
    let name = "Table";
    for (const h of heading ?? []) {
      if (h.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) name = `Table: ${h.textContent.trim()}`;
    }
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", name);
  });
}

if (window.document$) window.document$.subscribe(labelTables);
else document.addEventListener("DOMContentLoaded", labelTables);

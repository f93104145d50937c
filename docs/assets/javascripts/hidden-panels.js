// Keyboard focus only on what can be seen (WCAG 2.4.3, 2.4.7). Material hides its navigation
// drawer off screen on phones and small windows, and its search results until search is open,
// but their links can still take focus. While a panel is closed it is made `inert`: no focus, no
// clicks, not read out. Material's own toggles (#__drawer, #__search) say when it opens. Its
// buttons for them become reachable from the keyboard too.

const DRAWER_WIDTH = "(max-width: 76.234375em)";  // Material's breakpoint: below it, a drawer
const SEARCH_WIDTH = "(max-width: 59.984375em)";  // below it, search is a full-screen panel

function keepInStep() {
  const drawer = document.querySelector(".md-sidebar--primary");
  const drawerToggle = document.getElementById("__drawer");
  const search = document.querySelector(".md-search");
  const results = document.querySelector(".md-search__output");
  const searchToggle = document.getElementById("__search");
  const narrow = matchMedia(DRAWER_WIDTH).matches;
  const small = matchMedia(SEARCH_WIDTH).matches;
  const searching = Boolean(searchToggle?.checked);
  if (drawer) drawer.inert = narrow && !drawerToggle?.checked;
  // On a phone the whole search panel is hidden until opened; on a wide screen the box is in the
  // header, and only its results are hidden until a search starts.
  if (search) search.inert = small && !searching;
  if (results) results.inert = !searching;
}

// In the capture phase, so a panel is no longer inert before Material moves focus into it.
document.addEventListener("change", (event) => {
  if (event.target.id === "__drawer" || event.target.id === "__search") keepInStep();
}, true);
for (const query of [DRAWER_WIDTH, SEARCH_WIDTH]) matchMedia(query).addEventListener("change", keepInStep);
// Material opens search itself on its keys ("f", "s", "/") and when the box gets focus, and
// closes it on Escape, without a change event: open the panel first, and check again after.
document.addEventListener("keydown", (event) => {
  const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
  if (!typing && ["f", "s", "/"].includes(event.key)) document.querySelector(".md-search")?.removeAttribute("inert");
}, true);
document.addEventListener("focusin", keepInStep);
document.addEventListener("keyup", keepInStep);
// Material's buttons for the drawer and for search, on a phone, are labels, which a keyboard
// cannot reach. Put a real button beside each (same icon, same place), and hide the label.
function keyboardButtons() {
  for (const label of document.querySelectorAll(".md-header label.md-header__button[for]")) {
    if (label.previousElementSibling?.classList.contains("dt-header-button")) continue;
    const toggle = label.htmlFor;
    const button = document.createElement("button");
    button.type = "button";
    button.className = `md-header__button md-icon dt-header-button dt-header-button--${toggle === "__drawer" ? "menu" : "search"}`;
    button.setAttribute("aria-label", toggle === "__drawer" ? "Menu" : "Search");
    button.append(...[...label.children].map((icon) => icon.cloneNode(true)));
    button.addEventListener("click", () => {
      document.querySelector(toggle === "__drawer" ? ".md-sidebar--primary" : ".md-search")?.removeAttribute("inert");
      document.getElementById(toggle)?.click();
    });
    label.before(button);
  }
  document.documentElement.classList.add("dt-header-buttons");
}

function ready() {
  keyboardButtons();
  keepInStep();
}

if (window.document$) window.document$.subscribe(ready); else ready();

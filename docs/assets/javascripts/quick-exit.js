// "Leave this site quickly" (the GOV.UK exit-this-page pattern), on every page: the button, or
// Shift pressed three times, forgets the decision tools' answers and replaces this page with a
// neutral one, so Back does not return to it. It fetches nothing until it is used.

const SHIFT_PRESSES = 3;
const WITHIN_MS = 5000;

function leave() {
  const link = document.querySelector("[data-dt-exit-link]");
  document.dispatchEvent(new CustomEvent("dt:exit")); // wizards forget their answers
  try { sessionStorage.clear(); } catch { /* storage off: nothing stored */ }
  document.documentElement.classList.add("dt-leaving");
  location.replace(link ? link.href : "about:blank");
}

// Capture phase, so it runs before Material's instant navigation sees the click.
document.addEventListener("click", (event) => {
  if (!event.target.closest?.("[data-dt-exit-link]")) return;
  event.preventDefault();
  event.stopPropagation();
  leave();
}, true);

let presses = 0;
let timer = 0;
document.addEventListener("keydown", (event) => {
  if (event.key !== "Shift") { presses = 0; return; }
  if (event.repeat) return;
  presses += 1;
  clearTimeout(timer);
  timer = setTimeout(() => { presses = 0; }, WITHIN_MS);
  if (presses >= SHIFT_PRESSES) { presses = 0; leave(); }
}, true);

// "Leave this site quickly" (the GOV.UK exit-this-page pattern), on every page: the button, or
// Shift pressed three times within a few seconds, forgets the decision tools' answers and
// replaces this page with a neutral one, so Back does not return to it. While Shift is being
// pressed, a count is shown beside the button and announced. It fetches nothing until it is used.

const PRESSES = 3;
const WITHIN_MS = 5000;

function leave() {
  const link = document.querySelector("[data-dt-exit-link]");
  document.dispatchEvent(new CustomEvent("dt:exit")); // wizards and the incident log forget
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

// The count, shown as dots filled in and said to screen readers.
function showCount(count, said) {
  const dots = document.querySelector("[data-dt-exit-count]");
  const live = document.querySelector("[data-dt-exit-said]");
  if (dots) {
    dots.hidden = count === 0;
    [...dots.children].forEach((dot, n) => dot.classList.toggle("dt-exit__dot--on", n < count));
  }
  if (live) live.textContent = said;
}

function countSaid(count) {
  const left = PRESSES - count;
  return `Shift pressed ${count === 1 ? "once" : "twice"}: press it ${left} more ${left === 1 ? "time" : "times"} to leave this site.`;
}

let presses = 0;
let timer = 0;

function reset(said = "") {
  presses = 0;
  clearTimeout(timer);
  showCount(0, said);
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "Shift") { if (presses) reset(); return; }
  if (event.repeat) return;
  presses += 1;
  if (presses >= PRESSES) { reset(); leave(); return; }
  // The time runs from the first press: three presses within a few seconds.
  if (presses === 1) timer = setTimeout(() => reset("Leaving this site quickly was not done: the Shift count has started again."), WITHIN_MS);
  showCount(presses, countSaid(presses));
}, true);

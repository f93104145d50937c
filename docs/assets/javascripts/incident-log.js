// The incident log's entry point, on every page: it loads the log's modules only where the page
// has the log (docs/tools/incident-log.md), so no other page fetches them.
//
// Material's instant navigation swaps pages without reloading: drop logs that left, mount new ones.

const mounted = new Set();

async function update() {
  for (const log of mounted) {
    if (!log.root.isConnected) { log.destroy(); mounted.delete(log); }
  }
  const roots = document.querySelectorAll(".incident-log:not(.incident-log--live)");
  if (!roots.length) return;
  const { mount } = await import("./incident-controller.js");
  for (const root of roots) if (!root.classList.contains("incident-log--live")) mounted.add(mount(root));
}

if (window.document$) window.document$.subscribe(update); else update();

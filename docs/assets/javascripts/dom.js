// The small DOM helpers the wizard and the incident log share (no innerHTML: text stays text).

// el("p", { class: "x", hidden: true }, "text", child): an element with attributes and children.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== ""));
  return node;
}

// Text for screen readers only.
export const hidden = (text) => el("span", { class: "dt-visually-hidden" }, text);

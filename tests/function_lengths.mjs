// The length in lines of every function in some JavaScript files, as JSON, for
// tests/test_javascript_functions.py. Parsed with acorn (pinned in package.json), so braces in
// strings, template literals, regular expressions and comments are not mistaken for code.
//
//   node tests/function_lengths.mjs FILE...
//
// Prints [{"file", "line", "name", "lines"}, ...]. A file that does not parse is an error
// (exit 1), never skipped.
import { readFileSync } from "node:fs";
import { parse } from "acorn";

const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: node tests/function_lengths.mjs FILE...");
  process.exit(2);
}

const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

// Module first (most of the site's scripts are modules); a classic script may use what a
// module may not.
function parseFile(source) {
  const options = { ecmaVersion: "latest", locations: true, allowHashBang: true };
  try {
    return parse(source, { ...options, sourceType: "module" });
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return parse(source, { ...options, sourceType: "script" });
  }
}

// A node's source on one line, cut short: enough to find it.
function text(source, node) {
  const code = source.slice(node.start, node.end).replace(/\s+/g, " ");
  return code.length > 40 ? `${code.slice(0, 39)}…` : code;
}

function keyName(source, key) {
  if (key.type === "Identifier" || key.type === "PrivateIdentifier") return key.name;
  return key.type === "Literal" ? String(key.value) : `[${text(source, key)}]`;
}

// What a reader would call the function, from where it stands: its own name, the variable,
// property or method it is assigned to, or the call it is passed to.
function nameOf(source, fn, parent) {
  if (fn.id) return fn.id.name;
  if (!parent) return "anonymous function";
  switch (parent.type) {
    case "VariableDeclarator": return parent.id.type === "Identifier" ? parent.id.name : text(source, parent.id);
    case "AssignmentExpression": return text(source, parent.left);
    case "Property": case "MethodDefinition": case "PropertyDefinition": return keyName(source, parent.key);
    case "CallExpression": case "NewExpression":
      return parent.callee === fn ? "anonymous function called at once"
        : `anonymous function passed to ${text(source, parent.callee)}`;
    default: return "anonymous function";
  }
}

// A method's lines start at its name, not at its parameters.
const HOLDERS = new Set(["Property", "MethodDefinition", "PropertyDefinition"]);

function measure(file) {
  const source = readFileSync(file, "utf8");
  const found = [];
  const visit = (node, parent) => {
    if (FUNCTIONS.has(node.type)) {
      const start = HOLDERS.has(parent?.type) && parent.value === node ? parent.loc.start : node.loc.start;
      found.push({ file, line: start.line, name: nameOf(source, node, parent), lines: node.loc.end.line - start.line + 1 });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "loc") continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child.type === "string") visit(child, node);
      }
    }
  };
  visit(parseFile(source), null);
  return found;
}

const out = [];
for (const file of files) {
  try {
    out.push(...measure(file));
  } catch (error) {
    const where = error.loc ? `${error.loc.line}:${error.loc.column + 1}` : "?";
    console.error(`${file}:${where}: could not be parsed: ${error.message}`);
    process.exit(1);
  }
}
console.log(JSON.stringify(out));

// The toolkit's search: ranks the sections of the site for what a worried reader types, not for
// the words of its headings. No page or DOM here: `Index` takes the index that
// `python -m build_hooks search` writes (assets/search/index.json) and answers queries.
//
// Why it is its own: readers type whole sentences ("they said they know where I live"), misspell
// under stress ("harrased") and use platform words the pages do not ("DM", "tweet"). So every
// word a reader types counts, none is required; words are matched whatever their ending; a word
// the toolkit does not use is matched to the nearest one it does; and the index's lists of alike
// words and of situations (build_hooks/search_words.toml) add the toolkit's own words and offer
// the decision tool that fits.

const STOP = new Set(("a about after again all also am an and any are as at be been before being but by can " +
  "could did do does doing for from had has have he her him his how i if in into is it its just me more " +
  "my no not of on once only or our out over she should so some someone somebody than that the their them " +
  "then there these they this those to too up us very was we were what when where which while who why " +
  "will with would you your yours im ive dont cant isnt").split(" "));
const TITLE_WEIGHT = 2;    // a page title's words count this many times over
const HEADING_WEIGHT = 3;  // a section heading's words
const ALIKE_WEIGHT = 0.7;  // a word from the alike lists, against the reader's own word
const NEAR_WEIGHT = 0.6;   // a word one or two letters away from the reader's (a spelling slip)
const START_WEIGHT = 0.5;  // a longer word the reader's word starts ("harass" in "harassment")
const TOOL_PAGE_WEIGHT = 0.8;  // the tools are offered by situation; guidance leads the results
const K1 = 1.2, B = 0.75;  // BM25: how fast repeats stop counting, and how much length matters

export function words(text) {
  return (text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2019']s\b/g, "").replace(/[\u2019']/g, "").match(/[a-z0-9]+/g) || []);
}

function undouble(word) {
  return /([bdfgmnprt])\1$/.test(word) ? word.slice(0, -1) : word;
}

// A light English stemmer: plurals, -ing, -ed and a final e, so "threatened", "threatening" and
// "threaten" meet, and "messages", "messaging", "message" too.
export function stem(word) {
  if (word.length <= 3 || /^\d+$/.test(word)) return word;
  let w = word;
  if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
  else if (/ied$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
  else if (/sses$/.test(w)) w = w.slice(0, -2);
  else if (/ing$/.test(w) && w.length > 5) w = undouble(w.slice(0, -3));
  else if (/ed$/.test(w) && w.length > 4) w = undouble(w.slice(0, -2));
  else if (/(x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (/e$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}

// Double letters are the commonest slip ("harrassment", "pasword"): compare without them.
function squash(word) {
  return word.replace(/(.)\1+/g, "$1");
}

// Damerau-Levenshtein distance, given up as soon as it is over `most`.
function distance(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let before = null, previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > most) return most + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

function stems(text, keepStop = false) {
  return words(text).filter((w) => keepStop || !STOP.has(w)).map(stem);
}

function countInto(map, list) {
  for (const item of list) map.set(item, (map.get(item) || 0) + 1);
  return map;
}

export class Index {
  constructor(data) {
    this.pages = data.pages;
    this.sections = [];
    this.written = new Map();  // words as written, for slips an ending hides ("stalkng", "stalking")
    const read = this.reader();
    for (const [p, page] of data.pages.entries()) {
      const title = countInto(new Map(), read(page.title));
      for (const section of page.sections) {
        const text = read(section.text);
        this.sections.push({ page: p, anchor: section.anchor, heading: section.heading, text: section.text,
          title, head: countInto(new Map(), read(section.heading)), body: countInto(new Map(), text), length: text.length });
      }
    }
    this.average = this.sections.reduce((sum, s) => sum + s.length, 0) / Math.max(this.sections.length, 1);
    this.frequency = new Map();
    for (const s of this.sections) for (const w of new Set([...s.title.keys(), ...s.head.keys(), ...s.body.keys()])) countInto(this.frequency, [w]);
    this.squashed = new Map();
    for (const w of this.frequency.keys()) this.squashed.set(squash(w), [...(this.squashed.get(squash(w)) || []), w]);
    this.alike = (data.alike || []).map((group) => group.map((phrase) => stems(phrase)).filter((p) => p.length));
    this.situations = (data.situations || []).map((s) => ({ ...s, phrases: s.words.map((p) => stems(p, true)) }));
  }

  // Stems of a text, each word stemmed once however often the site uses it.
  reader() {
    const known = new Map();
    return (text) => words(text).filter((w) => !STOP.has(w)).map((w) => {
      let s = known.get(w);
      if (s === undefined) {
        known.set(w, (s = stem(w)));
        if (w.length >= 5) this.written.set(squash(w), s);
      }
      return s;
    });
  }

  // Every word of the site a reader's word may stand for, with how much it counts.
  variants(word, written = word) {
    const found = new Map();
    const add = (w, weight) => { if ((found.get(w) || 0) < weight) found.set(w, weight); };
    if (this.frequency.has(word)) add(word, 1);
    for (const w of this.squashed.get(squash(word)) || []) add(w, w === word ? 1 : 0.9);
    if (word.length >= 4 && !found.size) {
      const most = word.length >= 8 ? 2 : 1;
      for (const w of this.frequency.keys()) if (w.length >= 4 && distance(squash(word), squash(w), most) <= most) add(w, NEAR_WEIGHT);
      const typed = squash(written), near = typed.length >= 8 ? 2 : 1;
      for (const [w, s] of this.written) if (distance(typed, w, near) <= near) add(s, NEAR_WEIGHT);
    }
    if (word.length >= 4) for (const w of this.frequency.keys()) if (w.length > word.length && w.startsWith(word)) add(w, START_WEIGHT);
    return found;
  }

  // The reader's words (stop words out), each with its variants, and the alike lists' words.
  terms(query) {
    const typed = new Map(words(query).filter((w) => !STOP.has(w)).map((w) => [stem(w), w]));
    const own = [...typed.keys()];
    const terms = own.map((w) => ({ word: w, variants: this.variants(w, typed.get(w)) }));
    const known = new Set(own);
    for (const group of this.alike) {
      if (!group.some((phrase) => phrase.every((w) => known.has(w) || terms.some((t) => t.variants.get(w) >= NEAR_WEIGHT)))) continue;
      for (const w of group.flat()) {
        if (known.has(w) || !this.frequency.has(w)) continue;
        known.add(w);
        terms.push({ word: w, variants: new Map([[w, ALIKE_WEIGHT]]), alike: true });
      }
    }
    return terms;
  }

  score(section, terms) {
    let total = 0, matched = 0;
    for (const term of terms) {
      let best = 0;
      for (const [w, weight] of term.variants) {
        const tf = TITLE_WEIGHT * (section.title.get(w) || 0) + HEADING_WEIGHT * (section.head.get(w) || 0) + (section.body.get(w) || 0);
        if (!tf) continue;
        const df = this.frequency.get(w);
        const idf = Math.log(1 + (this.sections.length - df + 0.5) / (df + 0.5));
        const saturated = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * section.length) / this.average));
        best = Math.max(best, weight * idf * saturated);
      }
      total += best;
      if (best && !term.alike) matched += 1;
    }
    const own = terms.filter((t) => !t.alike).length || 1;
    return total * (0.5 + matched / own / 2);
  }

  // Pages, best first, each with its best section (where a result opens) and its next best.
  search(query, limit = 10) {
    const terms = this.terms(query);
    if (!terms.length) return [];
    const byPage = new Map();
    for (const section of this.sections) {
      const score = this.score(section, terms) * (this.pages[section.page].tool ? TOOL_PAGE_WEIGHT : 1);
      if (score <= 0) continue;
      const list = byPage.get(section.page) || [];
      list.push({ section, score });
      byPage.set(section.page, list);
    }
    const results = [...byPage.entries()].map(([p, list]) => {
      list.sort((a, b) => b.score - a.score);
      const rest = list.slice(1, 3).reduce((sum, s) => sum + s.score, 0);
      return { page: this.pages[p], score: list[0].score + 0.15 * rest, sections: list.slice(0, 3).map((s) => s.section) };
    });
    results.sort((a, b) => b.score - a.score);
    return results.slice(0, limit).map((r) => ({ ...r, terms }));
  }

  // The decision tool a situation search should lead to, or null. Every word of one of a
  // situation's phrases must be in the search, allowing for endings and slips.
  suggest(query) {
    const present = new Set(stems(query, true));
    for (const w of words(query)) if (!STOP.has(w)) for (const [v, weight] of this.variants(stem(w), w)) if (weight >= NEAR_WEIGHT) present.add(v);
    let best = null, bestScore = 0;
    for (const situation of this.situations) {
      for (const phrase of situation.phrases) {
        if (!phrase.length || !phrase.every((w) => present.has(w))) continue;
        const score = phrase.reduce((sum, w) => sum + (STOP.has(w) ? 0.1 : 1), 0);
        if (score > bestScore) [best, bestScore] = [situation, score];
      }
    }
    return best && { tool: best.tool, page: best.page, title: best.title };
  }
}

// Where a section's words best show why it matched: about `size` characters around the first
// word of the search it contains.
export function snippet(text, terms, size = 160) {
  const wanted = new Set(terms.flatMap((t) => [...t.variants.keys()]));
  const pattern = /[A-Za-z0-9\u00C0-\u024F'\u2019]+/g;
  let match, at = 0;
  while ((match = pattern.exec(text))) {
    if (wanted.has(stem(words(match[0])[0] || ""))) { at = match.index; break; }
  }
  const start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - size / 3)));
  const end = Math.min(text.length, start + size);
  return (start > 0 ? "\u2026" : "") + text.slice(start, end).trim() + (end < text.length ? "\u2026" : "");
}

export function matches(word, terms) {
  const s = stem(words(word)[0] || "");
  return Boolean(s) && !STOP.has(words(word)[0]) && terms.some((t) => t.variants.has(s));
}

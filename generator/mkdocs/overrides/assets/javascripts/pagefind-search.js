// Material's search worker protocol answered by Pagefind (hosted site only; generator/mkdocs/pagefind.py).
// Material's page sends SETUP with its (here: empty) search index, then QUERY with what the reader typed;
// we answer READY at once and RESULT with Material's item groups, loading only the Pagefind index chunks
// and fragments that the query needs. The index is in parts (<site>/pagefind/<part>/, two folders above this
// file, listed by language in pagefind/parts.json): the language's first part is loaded, the others merged
// into it; they share its WebAssembly, so each adds only its meta file and the chunks of the query's words.
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const ROOT = new URL("../../", self.location.href);
const SHOWN = 10;      // results whose fragments are loaded (Material shows 10 first)
const SECTIONS = 3;    // a page's sub-results shown under it
let language = "zh";
let engine = null;

function load() {
  // Pagefind picks the index of the page's <html lang>; a worker has no document, so give it one to ask
  self.document = { querySelector: () => ({ getAttribute: () => language }) };
  engine = engine || fetch(new URL("pagefind/parts.json", ROOT)).then(r => r.json()).then(async parts => {
    const names = parts[language] || Object.values(parts)[0];
    const pf = await import(new URL(`pagefind/${names[0]}/pagefind.js`, ROOT).href);
    await pf.options({ excerptLength: 30 });
    for (const name of names.slice(1)) await pf.mergeIndex(new URL(`pagefind/${name}/`, ROOT).href);
    await pf.init();
    return pf;
  });
  return engine;
}

function at(url) {
  // Pagefind's URLs are paths from the site's root; the site may be served under any base path
  return new URL(url.replace(/^\//, ""), ROOT).href;
}

function item(location, title, text, score) {
  return { location, title, text: text || "", score, terms: {} };
}

async function search(query) {
  if (!query.trim()) return { items: [] };
  const pf = await load();
  const found = await pf.search(query);
  const data = await Promise.all(found.results.slice(0, SHOWN).map(r => r.data().then(d => [r.score, d])));
  const groups = new Map();
  for (const [score, d] of data) {
    const url = at(d.url);
    const page = url.split("#")[0];
    const title = (d.meta && d.meta.title) || d.url;
    const group = groups.get(page) || [];
    if (!groups.has(page)) {
      group.push(item(page, url === page ? title : title, url === page ? d.excerpt : "", score));
      groups.set(page, group);
    }
    if (url !== page) group.push(item(url, title, d.excerpt, score));
    for (const sub of (d.sub_results || []).slice(0, SECTIONS))
      if (sub.url.includes("#") && at(sub.url) !== url) group.push(item(at(sub.url), sub.title, sub.excerpt, score / 2));
  }
  return { items: [...groups.values()] };
}

addEventListener("message", async ev => {
  const message = ev.data;
  if (message.type === SETUP) {
    language = (message.data.config.lang || ["zh"])[0];
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    try {
      postMessage({ type: RESULT, data: await search(message.data) });
    } catch (err) {
      console.warn("search:", err);
      postMessage({ type: RESULT, data: { items: [] } });
    }
  }
});

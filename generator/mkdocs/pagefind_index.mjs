// Index a built townfacts site with Pagefind (>= 1.6, from npm), one part at a time: each part is one
// language's pages and its towns' facts as records of their own (the entries of
// generator/site/search_entries.py, tagged with every name of their indicator). Pagefind holds an index
// in memory until it writes it, so each part gets a fresh Pagefind process, closed once the part is written.
// Run by the townfacts plugin after MkDocs (generator/mkdocs/pagefind.py).
//
// usage: node generator/mkdocs/pagefind_index.mjs SITE_DIR PART.json…
//   PART.json: {"output": "pagefind/zh-1", "language": "zh", "pages": ["towns/x/2021/index.html", …],
//               "records": [{"url": "/towns/x/2021/#id", "language": "zh", "title": "…", "content": "…"}, …]}
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

const BATCH = 32; // files sent to Pagefind at once
const [site, ...partFiles] = process.argv.slice(2);
const fail = (what, errors) => {
  if (errors && errors.length) {
    console.error(`pagefind: ${what}: ${errors.join("; ")}`);
    process.exit(1);
  }
};

async function indexPart(part) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: part.language });
  fail("createIndex", errors);
  for (let i = 0; i < part.pages.length; i += BATCH) {
    const added = await Promise.all(part.pages.slice(i, i + BATCH).map(page =>
      index.addHTMLFile({ sourcePath: page, content: readFileSync(join(site, page), "utf-8") })));
    added.forEach((res, k) => fail(part.pages[i + k], res.errors));
  }
  for (const r of part.records) {
    const res = await index.addCustomRecord({ url: r.url, content: r.content, language: r.language, meta: { title: r.title } });
    fail(`record ${r.url}`, res.errors);
  }
  const written = await index.writeFiles({ outputPath: join(site, part.output) });
  fail("writeFiles", written.errors);
  await pagefind.close(); // the next part starts a new Pagefind process: this one's memory is given back
}

let pages = 0, records = 0;
for (const file of partFiles) {
  const part = JSON.parse(readFileSync(file, "utf-8"));
  await indexPart(part);
  pages += part.pages.length;
  records += part.records.length;
}
console.log(`pagefind: ${pages} pages, ${records} fact records, ${partFiles.length} parts`);

// Index a built townfacts site with Pagefind (>= 1.6, from npm): its HTML pages, and each town's facts as
// records of their own (the entries of generator/site/search_entries.py, tagged with every name of their
// indicator). Writes <site>/pagefind/. Run by the townfacts plugin after MkDocs (generator/mkdocs/pagefind.py).
//
// usage: node generator/mkdocs/pagefind_index.mjs SITE_DIR RECORDS.json
//   RECORDS.json: [{"url": "/towns/x/2021/#id", "language": "zh", "title": "...", "content": "..."}, ...]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

const [site, recordsFile] = process.argv.slice(2);
const fail = (what, errors) => {
  if (errors && errors.length) {
    console.error(`pagefind: ${what}: ${errors.join("; ")}`);
    process.exit(1);
  }
};

const { index, errors } = await pagefind.createIndex({});
fail("createIndex", errors);
const added = await index.addDirectory({ path: site });
fail("addDirectory", added.errors);
const records = JSON.parse(readFileSync(recordsFile, "utf-8"));
for (const r of records) {
  const res = await index.addCustomRecord({ url: r.url, content: r.content, language: r.language, meta: { title: r.title } });
  fail(`record ${r.url}`, res.errors);
}
const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
fail("writeFiles", written.errors);
console.log(`pagefind: ${added.page_count} pages, ${records.length} fact records`);
await pagefind.close();

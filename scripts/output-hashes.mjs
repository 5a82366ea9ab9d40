#!/usr/bin/env node
// A fingerprint of what a build outputs over the shared corpus, to prove that a refactor
// changes no output: run it on main's build and on yours, and compare.
//
//   node scripts/output-hashes.mjs <dist folder> [list file]
//
// For every page of ../shared/corpus/*/*/: JSON.stringify of parseText(raw.txt) and of
// parseText(raw-article.txt) (and toJsonLd of their articles), and of parseHtml(source.html)
// read as bytes (and toMarkdown of its article); for every .md file under
// ../shared/corpus/markdown: parseMarkdown (the file name given, for dates in names) and
// toMarkdown of its article. A call that throws counts as its message. Prints the number of
// items and one SHA-256 over all of them; the list file gets one `hash kind path` line an
// item, for `diff` between two builds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [distArgument, listFile] = process.argv.slice(2);
if (!distArgument) {
  process.stderr.write('usage: node scripts/output-hashes.mjs <dist folder> [list file]\n');
  process.exit(2);
}
const dist = path.resolve(distArgument);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus');
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const { parseText, parseHtml, toJsonLd } = await load('index.js');
const { parseMarkdown, toMarkdown } = await load('markdown.js');

const sha = (text) => createHash('sha256').update(text).digest('hex');
const lines = [];
const total = createHash('sha256');
const add = (key, value) => {
  const hash = sha(JSON.stringify(value) ?? 'undefined');
  lines.push(`${hash} ${key}`);
  total.update(`${key} ${hash}\n`);
};
const tried = (run) => {
  try {
    return run();
  } catch (error) {
    return { thrown: String(error) };
  }
};
const folders = (folder) =>
  readdirSync(folder)
    .sort()
    .filter((name) => statSync(path.join(folder, name)).isDirectory());
const markdownFiles = (folder) =>
  readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) return markdownFiles(file);
      return name.endsWith('.md') ? [file] : [];
    });

for (const name of folders(corpus)) {
  if (name === 'markdown') continue;
  for (const page of folders(path.join(corpus, name))) {
    const folder = path.join(corpus, name, page);
    for (const input of ['raw.txt', 'raw-article.txt']) {
      const file = path.join(folder, input);
      if (!existsSync(file)) continue;
      const result = tried(() => parseText(readFileSync(file, 'utf8')));
      add(`text ${name}/${page}/${input}`, result);
      if (result.article)
        add(
          `jsonld ${name}/${page}/${input}`,
          tried(() => toJsonLd(result.article)),
        );
    }
    const html = path.join(folder, 'source.html');
    if (existsSync(html)) {
      const result = tried(() => parseHtml(readFileSync(html)));
      add(`html ${name}/${page}`, result);
      if (result.article)
        add(
          `html-md ${name}/${page}`,
          tried(() => toMarkdown(result.article)),
        );
    }
  }
}
for (const file of markdownFiles(path.join(corpus, 'markdown'))) {
  const key = path.relative(corpus, file);
  const text = readFileSync(file, 'utf8');
  const result = tried(() => parseMarkdown(text, { file: path.basename(file) }));
  add(`md ${key}`, result);
  if (result.article)
    add(
      `md-out ${key}`,
      tried(() => toMarkdown(result.article)),
    );
}
if (listFile) writeFileSync(listFile, `${lines.join('\n')}\n`);
console.log(`${lines.length} items; sha256 ${total.digest('hex')}`);

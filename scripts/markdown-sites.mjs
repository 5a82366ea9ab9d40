// What the evaluation scripts know of the Markdown corpus sites (../shared/corpus/markdown):
// their public URLs and digitalgov's author and image records, as parseMarkdown lookups.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The sites' public URLs, to resolve relative links and images. */
export const baseUrls = {
  '18f': 'https://18f.gsa.gov/',
  digitalgov: 'https://digital.gov/',
  opensuse: 'https://news.opensuse.org/',
  ruby: 'https://www.ruby-lang.org/',
};

/**
 * A site's `_authors/<slug>.md` and `_images/<uid>.yml` (digitalgov has them) as the `authors`
 * and `images` lookups of parseMarkdown; `dir` is the site's folder URL (ending in `/`).
 */
export function siteLookups(dir) {
  const result = {};
  const authorsDir = new URL('_authors/', dir);
  if (existsSync(authorsDir)) {
    result.authors = {};
    for (const name of readdirSync(authorsDir)) {
      let data;
      try {
        data = parse(readFileSync(new URL(name, authorsDir), 'utf8').split(/^---\s*$/m)[1] ?? '');
      } catch {
        continue; // a broken author record: left out of the lookup
      }
      const display =
        data?.display_name || [data?.first_name, data?.last_name].filter(Boolean).join(' ');
      if (display) result.authors[name.replace(/\.md$/, '')] = { name: display };
    }
  }
  const imagesDir = new URL('_images/', dir);
  if (existsSync(imagesDir)) {
    const table = {};
    for (const name of readdirSync(imagesDir)) {
      let data;
      try {
        data = parse(readFileSync(new URL(name, imagesDir), 'utf8')) ?? {};
      } catch {
        continue; // a broken image record: left out of the lookup
      }
      const uid = data.uid ?? name.replace(/\.ya?ml$/, '');
      const image = { url: `https://s3.amazonaws.com/digitalgov/${uid}.${data.format ?? 'jpg'}` };
      if (data.alt) image.alt = String(data.alt);
      if (data.width > 0) image.width = data.width;
      if (data.height > 0) image.height = data.height;
      if (data.caption || data.credit) {
        image.caption = { text: String(data.caption ?? '') };
        if (data.credit) image.caption.credit = { text: String(data.credit) };
      }
      table[uid] = image;
    }
    // Body shortcodes `{{< legacy-img src="2013/10/chart.jpg" >}}` name files of the old site.
    result.images = (id) =>
      table[id] ??
      (/^\d{4}\/\d{2}\/[^\s]+\.\w{3,4}$/.test(id)
        ? { url: `https://s3.amazonaws.com/digitalgov/_legacy-img/${id}` }
        : undefined);
  }
  return result;
}

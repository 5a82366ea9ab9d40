import type { ArticleInput } from '../schema/article.js';
import { serializeJsonLd } from './serialize-json-ld.js';
import { type ToJsonLdOptions, toJsonLd } from './to-json-ld.js';

/** Options for {@link toJsonLdScript}: those of `toJsonLd`, plus attributes of the tag. */
export interface ToJsonLdScriptOptions extends ToJsonLdOptions {
  /** A Content-Security-Policy nonce, written as the `nonce` attribute. Default: none. */
  nonce?: string;
  /** An `id` attribute for the tag. Default: none. */
  id?: string;
}

const attributeUnsafe = /[&"<>]/g;
const attributeEscapes: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
};

function attribute(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  const escaped = value.replace(attributeUnsafe, (character) => attributeEscapes[character] ?? '');
  return ` ${name}="${escaped}"`;
}

/** Whether a value is an nutgraf article rather than ready-made JSON-LD. */
function isArticle(value: unknown): value is ArticleInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.headline === 'string' &&
    Array.isArray(record.body) &&
    !('@context' in record) &&
    !('@type' in record)
  );
}

/**
 * The whole `<script type="application/ld+json">…</script>` tag for an article (turned into
 * JSON-LD with {@link toJsonLd} and the given options) or for any JSON-LD value, serialized
 * with {@link serializeJsonLd} so that nothing in the data can end the element early.
 *
 * @example
 * toJsonLdScript({ headline: 'Night Ferries </script>', body: [] })
 * //=> '<script type="application/ld+json">{"@context":"https://schema.org",…,"headline":"Night Ferries \\u003c/script\\u003e",…}</script>'
 * toJsonLdScript({ '@context': 'https://schema.org', '@type': 'WebSite', name: 'The Ledger' }, { nonce: 'r4nd0m' })
 * //=> '<script type="application/ld+json" nonce="r4nd0m">{"@context":…}</script>'
 */
export function toJsonLdScript(
  articleOrValue: ArticleInput | object,
  options: Readonly<ToJsonLdScriptOptions> = {},
): string {
  if (typeof articleOrValue !== 'object' || articleOrValue === null) {
    throw new TypeError('Expected `articleOrValue` to be an article or a JSON-LD object');
  }
  const value = isArticle(articleOrValue) ? toJsonLd(articleOrValue, options) : articleOrValue;
  return `<script type="application/ld+json"${attribute('id', options.id)}${attribute('nonce', options.nonce)}>${serializeJsonLd(value)}</script>`;
}

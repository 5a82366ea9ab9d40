/** What {@link resolveUrl} made of a URL. */
export type ResolvedUrl =
  | { ok: true; url: string }
  | { ok: false; relative: true }
  | { ok: false; relative: false; message: string };

const absolute = /^https?:\/\//i;
const siteRootTemplate = /^\{\{[^{}]{0,80}(?:base_?url|baseurl|site\.url)[^{}]{0,40}\}\}\/?/i;
const scheme = /^[a-z][a-z0-9+.-]{0,20}:/i;

/**
 * An absolute http(s) URL as written, a protocol-relative one with `https:`, or a relative
 * one resolved against `baseUrl` when given.
 */
export function resolveUrl(value: string, baseUrl: string | undefined): ResolvedUrl {
  // A template for the site root (`{{ site.baseurl }}/a.png`, `{{ .Site.BaseURL }}a.png`)
  // is the site root.
  const text = value.trim().replace(siteRootTemplate, '/');
  if (text === '')
    return { ok: false, relative: false, message: 'expected a URL, got an empty string' };
  if (/\s/.test(text))
    return { ok: false, relative: false, message: `\`${short(text)}\` is not a URL` };
  const candidate = text.startsWith('//') ? `https:${text}` : text;
  if (absolute.test(candidate)) {
    return URL.canParse(candidate)
      ? { ok: true, url: candidate }
      : { ok: false, relative: false, message: `\`${short(text)}\` is not a valid URL` };
  }
  if (scheme.test(candidate)) {
    return {
      ok: false,
      relative: false,
      message: `\`${short(text)}\` is not an http(s) URL`,
    };
  }
  if (baseUrl === undefined) return { ok: false, relative: true };
  try {
    const url = new URL(candidate, baseUrl).href;
    return absolute.test(url)
      ? { ok: true, url }
      : { ok: false, relative: false, message: `\`${short(text)}\` is not an http(s) URL` };
  } catch {
    return { ok: false, relative: false, message: `\`${short(text)}\` is not a valid URL` };
  }
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

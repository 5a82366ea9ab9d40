/**
 * A lookup table keyed by names read from the page (tag names, attribute values), without a
 * prototype: `<constructor>` or `<__proto__>` find nothing rather than `Object.prototype`'s own.
 */
export function nameTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

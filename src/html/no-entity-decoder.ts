/**
 * What the build (tsup.config.ts) gives htmlparser2's tokenizer in place of `entities/decode`:
 * parseHtml runs the tokenizer with decoding off and decodes references itself
 * (./decode-references.ts), so the `entities` package's decoder and its 18 KB table of names
 * would only be carried. The tokenizer makes a decoder in its constructor and calls it only when
 * decoding is on; these do nothing but fail loudly if that ever changes.
 */
export const DecodingMode = { Legacy: 0, Strict: 1, Attribute: 2 } as const;
export const htmlDecodeTree = new Uint16Array(0);
export const xmlDecodeTree = htmlDecodeTree;

function unavailable(): never {
  throw new Error(
    'nutgraf builds htmlparser2 without its entity decoder: use decodeEntities: false',
  );
}

export class EntityDecoder {
  startEntity = unavailable;
  write = unavailable;
  end = unavailable;
}

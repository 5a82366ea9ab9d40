import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type Range,
} from 'yaml';

/** Frontmatter values nested deeper than this are left out (no real frontmatter comes close). */
export const MAX_DATA_DEPTH = 64;

/** Aliases (`*a`) one frontmatter value may expand before it is treated as an attack. */
export const MAX_ALIAS_COUNT = 100;

const TAG = 'tag:yaml.org,2002:';

/** A mapping read from input: no prototype, so keys such as `__proto__` are plain keys. */
export type DataRecord = Record<string, unknown>;

/** A fresh object without a prototype, for keys read from input. */
export function dataRecord(): DataRecord {
  return Object.create(null) as DataRecord;
}

/** What made a value not plain data, and where. */
export interface DataProblem {
  /** `duplicate`: a key seen before in its mapping (the first is kept); `alias-bomb`: too many aliases; `too-deep`: nested too deeply; `non-data`: the rest. */
  kind: 'non-data' | 'duplicate' | 'alias-bomb' | 'too-deep';
  message: string;
  /** The YAML range of the node at fault. */
  range: Range | undefined;
  /** For `duplicate`: where the first key is. */
  firstRange?: Range | undefined;
}

/** A YAML value as plain JSON data (see {@link yamlToData}). */
export interface YamlData {
  /** The value; `undefined` when it is left out as a whole (too deep, an alias bomb). */
  value: unknown;
  problems: readonly DataProblem[];
  /** For a list value: the node of each item kept, in order (`undefined` for a pair). */
  items: ReadonlyArray<Node | undefined>;
  /** For a mapping value: the node of each value kept, by key. */
  fields: ReadonlyMap<string, Node>;
}

/** What a value without items or fields has: shared, never written. */
const NO_PROBLEMS: readonly DataProblem[] = Object.freeze([]);
const NO_ITEMS: ReadonlyArray<Node | undefined> = Object.freeze([]);
const NO_FIELDS: ReadonlyMap<string, Node> = new Map();

/**
 * A plain scalar that is data as it stands (text, a finite number, a boolean, `null`, a
 * timestamp kept as written): its value, or `undefined` when {@link yamlToData} must look
 * further (an alias, a collection, a value that is not data). Most frontmatter values are
 * such scalars; reading them without the walk's stack, sets and maps keeps a frontmatter of
 * many keys from making a dozen short-lived objects a key.
 */
function plainScalar(node: Node | null): { value: unknown } | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { value };
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : undefined;
  // `!!timestamp`: the text as written keeps its offset, which a Date would lose.
  if (value instanceof Date && typeof node.source === 'string') return { value: node.source };
  if (typeof value === 'bigint') return { value: Number(value) };
  return undefined;
}

/** The JSON type a YAML tag is read as, for tags that are not plain data. */
const changedTags: Readonly<Record<string, string>> = {
  [`${TAG}set`]: '`!!set`, read as a list of its members',
  [`${TAG}omap`]: '`!!omap`, read as a mapping',
  [`${TAG}pairs`]: '`!!pairs`, read as a list of one-key mappings',
};

type Slot = { into: unknown[] } | { into: DataRecord; key: string };

interface Work {
  node: Node | Pair | null;
  slot: Slot;
  depth: number;
}

/**
 * Read a YAML node as plain JSON data: strings, finite numbers, booleans, `null`, arrays and
 * objects without a prototype (a `__proto__` or `constructor` key is a plain key). What is
 * not data is said as a problem at its node, and either read as data or left out:
 * `!!set` becomes a list and `!!omap` a mapping; `!!timestamp` keeps its text as written
 * (offset included); `!!binary`, infinite numbers and `NaN` are left out, and so is an alias
 * inside the node it names (a cycle). A key seen before in its mapping is left out (the first
 * is kept). A value nested deeper than {@link MAX_DATA_DEPTH} levels, or expanding more than
 * {@link MAX_ALIAS_COUNT} aliases, is left out as a whole (`value: undefined`).
 *
 * Walked with an explicit stack, in time linear in the nodes read (aliases aside, which are
 * capped).
 */
export function yamlToData(root: Node | null, document: Document): YamlData {
  const plain = plainScalar(root);
  if (plain)
    return { value: plain.value, problems: NO_PROBLEMS, items: NO_ITEMS, fields: NO_FIELDS };
  const problems: DataProblem[] = [];
  const items: Array<Node | undefined> = [];
  const fields = new Map<string, Node>();
  const holder: unknown[] = [];
  /** Nodes whose conversion is under way: an alias to one of them is a cycle. */
  const open = new Set<Node>();
  let aliases = 0;
  const stack: Array<Work | { close: Node }> = [{ node: root, slot: { into: holder }, depth: 0 }];

  /** Put a value read for `work`; the value's own children come after it, at the top level. */
  const put = (work: Work, value: unknown): void => {
    const { slot } = work;
    if ('key' in slot) slot.into[slot.key] = value;
    else slot.into.push(value);
    if (work.depth !== 1 || !work.node) return;
    if ('key' in slot) fields.set(slot.key, work.node as Node);
    else items.push(isPair(work.node) ? undefined : work.node);
  };
  const nonData = (node: Node, message: string): void => {
    problems.push({ kind: 'non-data', message, range: node.range ?? undefined });
  };

  for (let work = stack.pop(); work !== undefined; work = stack.pop()) {
    if ('close' in work) {
      open.delete(work.close);
      continue;
    }
    let { node } = work;
    const { depth } = work;
    if (node === null) {
      put(work, null);
      continue;
    }
    if (isAlias(node)) {
      const source = node.resolve(document) as Node | undefined;
      if (source === undefined) {
        nonData(node, `Unexpected alias \`*${node.source}\` to no anchor: it is left out`);
        continue;
      }
      if (open.has(source)) {
        nonData(
          node,
          `Unexpected alias \`*${node.source}\` inside the value it names, expected plain data: the cycle is left out`,
        );
        continue;
      }
      aliases++;
      if (aliases > MAX_ALIAS_COUNT) {
        problems.push({
          kind: 'alias-bomb',
          message: `Unexpected value expanding more than ${MAX_ALIAS_COUNT} aliases, expected plain data: it is left out`,
          range: root?.range ?? undefined,
        });
        return { value: undefined, problems, items: [], fields: new Map() };
      }
      node = source;
    }
    if (isScalar(node)) {
      const plain = plainScalar(node);
      if (plain) put(work, plain.value);
      else if (typeof node.value === 'number')
        nonData(node, `Unexpected \`${node.source}\`, expected a finite number: it is left out`);
      else {
        const tag = node.tag?.startsWith(TAG) ? `!!${node.tag.slice(TAG.length)}` : node.tag;
        nonData(node, `Unexpected \`${tag}\` value, expected plain data: it is left out`);
      }
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_DATA_DEPTH) {
      problems.push({
        kind: 'too-deep',
        message: `Unexpected value nested more than ${MAX_DATA_DEPTH} levels deep, expected plain data: it is left out`,
        range: node.range ?? undefined,
      });
      return { value: undefined, problems, items: [], fields: new Map() };
    }
    const changed = node.tag ? changedTags[node.tag] : undefined;
    if (changed) nonData(node, `Unexpected ${changed}`);
    open.add(node);
    stack.push({ close: node });
    const children: Work[] = [];
    const asList = isSeq(node) ? node.tag !== `${TAG}omap` : node.tag === `${TAG}set`;
    if (asList) {
      const list: unknown[] = [];
      put(work, list);
      for (const item of node.items as Array<Node | Pair | null>) {
        if (isPair(item) && node.tag === `${TAG}set`) {
          children.push({ node: item.key as Node | null, slot: { into: list }, depth: depth + 1 });
        } else if (isPair(item)) {
          // A pair in a list (`!!pairs`, `[a: 1]`): a one-key mapping.
          const record = dataRecord();
          list.push(record);
          if (depth === 0) items.push(undefined);
          const key = keyOf(item);
          if (key !== undefined) {
            children.push({
              node: item.value as Node | null,
              slot: { into: record, key },
              depth: depth + 2,
            });
          }
        } else {
          children.push({ node: item, slot: { into: list }, depth: depth + 1 });
        }
      }
    } else {
      const record = dataRecord();
      put(work, record);
      const seen = new Map<string, Range | undefined>();
      for (const pair of node.items as Array<Pair | Node>) {
        if (!isPair(pair)) continue;
        const key = keyOf(pair);
        const keyNode = pair.key as Node | null;
        if (key === undefined) {
          if (keyNode)
            nonData(
              keyNode,
              'Unexpected list or mapping as a key, expected text: the pair is left out',
            );
          continue;
        }
        if (seen.has(key)) {
          problems.push({
            kind: 'duplicate',
            message: key,
            range: keyNode?.range ?? undefined,
            firstRange: seen.get(key),
          });
          continue;
        }
        seen.set(key, keyNode?.range ?? undefined);
        const value = pair.value as Node | null;
        children.push({ node: value, slot: { into: record, key }, depth: depth + 1 });
      }
    }
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push(children[index] as Work);
    }
  }
  return { value: holder[0], problems, items, fields };
}

/** The key of a pair as text, or `undefined` when it is a list or mapping. */
function keyOf(pair: Pair): string | undefined {
  const key = pair.key as Node | null;
  if (key === null) return '';
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (value === null) return '';
  if (typeof value === 'object') return typeof key.source === 'string' ? key.source : undefined;
  return String(value);
}

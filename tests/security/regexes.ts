/**
 * Every regular expression in `src/`: the literals, read with the TypeScript compiler API,
 * and the ones built with `new RegExp(…)`, caught as they are built while every module of
 * `src/` is imported. A `RegExp` call site that does not run at import (one inside a function
 * that only runs per call) is listed in `sitesNotRun`, so the test can ask for a reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const srcDir = join(root, 'src');

/** One regular expression and where it is written. */
export interface FoundRegex {
  source: string;
  flags: string;
  /** `src/…/file.ts:line`, every place it occurs. */
  sites: string[];
}

/** The key a regex is known by in verdicts and the allow-list: `/source/flags`. */
export const regexKey = (source: string, flags: string): string => `/${source}/${flags}`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A `RegExp(…)` or `new RegExp(…)` call in the source. */
export interface ConstructorSite {
  /** `src/…/file.ts:line`, as a stack frame of the call names it. */
  site: string;
  /**
   * `src/…/file.ts` and the top-level function or constant the call is written in
   * (`src/fields/parse-caption.ts lastMatch`): the name the allow-list knows it by, which does
   * not go stale when lines move.
   */
  declaration: string;
  /** The literal pattern and flags, when both arguments are literals. */
  literal?: { source: string; flags: string };
}

/** The name of the top-level function, class or constant that `node` is written in. */
function declarationOf(node: ts.Node): string {
  let top = node;
  while (top.parent && !ts.isSourceFile(top.parent)) top = top.parent;
  if ((ts.isFunctionDeclaration(top) || ts.isClassDeclaration(top)) && top.name)
    return top.name.text;
  if (ts.isVariableStatement(top))
    return top.declarationList.declarations.map((d) => d.name.getText()).join(', ');
  return '(module)';
}

/** Regex literals and `RegExp` constructor sites of every file in `src/`. */
export function scanSources(): { literals: FoundRegex[]; constructors: ConstructorSite[] } {
  const literals = new Map<string, FoundRegex>();
  const constructors: ConstructorSite[] = [];
  for (const path of sourceFiles(srcDir)) {
    const text = readFileSync(path, 'utf8');
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const name = relative(root, path);
    const siteOf = (node: ts.Node) =>
      `${name}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(file);
        const slash = literal.lastIndexOf('/');
        const source = literal.slice(1, slash);
        const flags = literal.slice(slash + 1);
        const key = regexKey(source, flags);
        const found = literals.get(key) ?? { source, flags, sites: [] };
        found.sites.push(siteOf(node));
        literals.set(key, found);
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [pattern, flags] = node.arguments ?? [];
        const constant = (arg: ts.Expression | undefined) =>
          arg === undefined
            ? ''
            : ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)
              ? arg.text
              : undefined;
        const source = constant(pattern);
        const flagText = constant(flags);
        const where = { site: siteOf(node), declaration: `${name} ${declarationOf(node)}` };
        constructors.push(
          source !== undefined && flagText !== undefined
            ? { ...where, literal: { source, flags: flagText } }
            : where,
        );
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { literals: [...literals.values()], constructors };
}

/** The `src/…:line` of the first stack frame in `src/` below this module. */
function callerSite(stack: string): string | undefined {
  for (const frame of stack.split('\n').slice(1)) {
    const match = /(?:file:\/\/)?(\/[^\s()]+?\.ts):(\d+):\d+\)?$/.exec(frame.trim());
    if (!match) continue;
    const path = relative(root, match[1]!);
    if (path.startsWith('src/')) return `${path}:${match[2]}`;
  }
  return undefined;
}

/**
 * The regexes `src/` builds with `RegExp` while its modules are imported: `importAll` must
 * import them (fresh, not from a module cache) while this runs.
 */
export async function builtAtImport(
  importAll: () => Promise<unknown>,
): Promise<Array<{ source: string; flags: string; site: string }>> {
  const built: Array<{ source: string; flags: string; site: string }> = [];
  const Original = globalThis.RegExp;
  const record = (made: RegExp) => {
    const site = callerSite(new Error().stack ?? '');
    if (site) built.push({ source: made.source, flags: made.flags, site });
    return made;
  };
  globalThis.RegExp = new Proxy(Original, {
    construct: (target, args) => record(Reflect.construct(target, args) as RegExp),
    apply: (target, self, args) => record(Reflect.apply(target, self, args) as RegExp),
  });
  try {
    await importAll();
  } finally {
    globalThis.RegExp = Original;
  }
  return built;
}

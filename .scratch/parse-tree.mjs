// src/markdown/parse-tree.ts
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
var processor;
var frontmatterProcessor;
function markdownProcessor(frontmatter) {
  if (frontmatter) {
    frontmatterProcessor ??= unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm).freeze();
    return frontmatterProcessor;
  }
  processor ??= unified().use(remarkParse).use(remarkGfm).freeze();
  return processor;
}
var formatOfMarker = {
  "---": "yaml",
  "+++": "toml"
};
function skipSpaces(text, index) {
  let at = index;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9) break;
    at++;
  }
  return at;
}
function lineEndingAt(text, index) {
  const code = text.charCodeAt(index);
  if (code === 10) return 1;
  if (code === 13) return text.charCodeAt(index + 1) === 10 ? 2 : 1;
  return 0;
}
function openingFence(text, marker = "---") {
  let at = 0;
  let line = 1;
  for (; ; ) {
    if (text.startsWith(marker, at) && lineEndingAt(text, skipSpaces(text, at + 3)) > 0) {
      return { offset: at, line };
    }
    const end = skipSpaces(text, at);
    const eol = lineEndingAt(text, end);
    if (eol === 0) return void 0;
    at = end + eol;
    line++;
  }
}
function findFrontmatter(text, marker = "---") {
  const opening = openingFence(text, marker);
  if (!opening) return void 0;
  let at = skipSpaces(text, opening.offset + 3);
  const eol = lineEndingAt(text, at);
  const valueStart = at;
  let line = opening.line;
  at += eol;
  for (; ; ) {
    line++;
    if (text.startsWith(marker, at)) {
      const end = skipSpaces(text, at + 3);
      const close = lineEndingAt(text, end);
      if (close > 0 || end === text.length) {
        const value = text.slice(valueStart, at).replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, "").replace(/\0/g, "\uFFFD");
        return {
          format: formatOfMarker[marker],
          start: opening.offset,
          startLine: opening.line,
          value,
          end,
          endLine: line,
          endLineStart: at,
          bodyOffset: end + close,
          bodyLine: line
        };
      }
    }
    let next = at;
    while (next < text.length && lineEndingAt(text, next) === 0) next++;
    if (next >= text.length) return void 0;
    at = next + lineEndingAt(text, next);
  }
}
function shiftPositions(nodes, lines, offset) {
  const stack = [...nodes];
  for (let node = stack.pop(); node !== void 0; node = stack.pop()) {
    const position = node.position;
    if (position) {
      const { start, end } = position;
      start.line += lines;
      if (start.offset !== void 0) start.offset += offset;
      end.line += lines;
      if (end.offset !== void 0) end.offset += offset;
    }
    if ("children" in node) {
      const children = node.children;
      for (let index = 0; index < children.length; index++) stack.push(children[index]);
    }
  }
}
function frontmatterNodeOf(tree) {
  const first = tree.children[0];
  return first?.type === "yaml" || first?.type === "toml" ? first : void 0;
}
function findAnyFrontmatter(text) {
  return findFrontmatter(text) ?? findFrontmatter(text, "+++");
}
function parseTree(text) {
  const fence = findAnyFrontmatter(text);
  if (!fence) {
    const opensAtStart = openingFence(text)?.offset === 0 || openingFence(text, "+++")?.offset === 0;
    return markdownProcessor(opensAtStart).parse(text);
  }
  const parser = markdownProcessor(false);
  const body = text.slice(fence.bodyOffset);
  const tree = parser.parse(body);
  const lines = fence.bodyLine;
  shiftPositions(tree.children, lines, fence.bodyOffset);
  const frontmatter = {
    type: fence.format,
    value: fence.value,
    position: {
      start: { line: fence.startLine, column: 1, offset: fence.start },
      end: { line: fence.endLine, column: fence.end - fence.endLineStart + 1, offset: fence.end }
    }
  };
  tree.children.unshift(frontmatter);
  const rootEnd = tree.position?.end;
  tree.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: body === "" || !rootEnd ? fence.bodyOffset === fence.end ? { ...frontmatter.position?.end } : { line: lines + 1, column: 1, offset: fence.bodyOffset } : {
      line: rootEnd.line + lines,
      column: rootEnd.column,
      offset: (rootEnd.offset ?? 0) + fence.bodyOffset
    }
  };
  return tree;
}
export {
  findAnyFrontmatter,
  findFrontmatter,
  frontmatterNodeOf,
  openingFence,
  parseTree
};

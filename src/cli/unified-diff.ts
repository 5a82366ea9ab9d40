/** Split text into lines, keeping line endings so the diff is exact. */
function splitLines(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

type Edit = { kind: ' ' | '-' | '+'; line: string };

/** Myers' O((N+M)·D) shortest edit script between two line arrays. */
function myers(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max > 4000) {
    // Too large to diff line by line within bounded memory: replace the block.
    return [
      ...a.map((line): Edit => ({ kind: '-', line })),
      ...b.map((line): Edit => ({ kind: '+', line })),
    ];
  }
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
          ? (v[offset + k + 1] ?? 0)
          : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const previousK =
      k === -d || (k !== d && (vd[offset + k - 1] ?? 0) < (vd[offset + k + 1] ?? 0))
        ? k + 1
        : k - 1;
    const previousX = vd[offset + previousK] ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      edits.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (x === previousX) edits.push({ kind: '+', line: b[--y]! });
    else edits.push({ kind: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    edits.push({ kind: ' ', line: a[--x]! });
    y--;
  }
  return edits.reverse();
}

/**
 * A unified diff (`--- a/file`, `+++ b/file`, `@@` hunks with `context` lines around each
 * change) from `before` to `after`; empty when they are equal. Common leading and trailing
 * lines are skipped before diffing, so small edits to large files stay cheap.
 *
 * @example
 * unifiedDiff('a.md', 'x\n', 'y\n')
 * //=> '--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-x\n+y\n'
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++;
  }
  const edits: Edit[] = [
    ...a.slice(0, head).map((line): Edit => ({ kind: ' ', line })),
    ...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((line): Edit => ({ kind: ' ', line })),
  ];
  let out = `--- a/${file}\n+++ b/${file}\n`;
  let index = 0;
  let lineA = 1;
  let lineB = 1;
  let lastEnd = 0;
  while (index < edits.length) {
    if (edits[index]!.kind === ' ') {
      index++;
      lineA++;
      lineB++;
      continue;
    }
    // A hunk: back up `context` lines, run until `2 * context` unchanged lines in a row.
    const back = Math.min(context, index - lastEnd);
    const start = index - back;
    const startA = lineA - back;
    const startB = lineB - back;
    let end = index;
    let quiet = 0;
    while (end < edits.length && quiet <= 2 * context) {
      quiet = edits[end]!.kind === ' ' ? quiet + 1 : 0;
      end++;
    }
    end = Math.min(edits.length, end - Math.max(0, quiet - context));
    let countA = 0;
    let countB = 0;
    let body = '';
    for (let at = start; at < end; at++) {
      const edit = edits[at]!;
      if (edit.kind !== '+') countA++;
      if (edit.kind !== '-') countB++;
      const line = edit.line.endsWith('\n')
        ? edit.line
        : `${edit.line}\n\\ No newline at end of file\n`;
      body += `${edit.kind}${line}`;
    }
    const range = (first: number, count: number) =>
      count === 1 ? `${first}` : `${count === 0 ? first - 1 : first},${count}`;
    out += `@@ -${range(startA, countA)} +${range(startB, countB)} @@\n${body}`;
    lineA = startA + countA;
    lineB = startB + countB;
    index = end;
    lastEnd = end;
  }
  return out;
}

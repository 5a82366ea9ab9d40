import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/index.js';

/** The CLI fixture folders. */
export const fixtures = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));

/** A writable stream that keeps what is written. */
export function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/** What a run printed and returned. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A {@link sink} that says it is a terminal with colours. */
export function terminalSink(): ReturnType<typeof sink> {
  const out = sink();
  Object.assign(out.stream, { isTTY: true, hasColors: () => true });
  return out;
}

/** Run `main()` in-process with fake streams (terminals with `tty`). */
export async function run(
  argv: readonly string[],
  options: { cwd: string; stdin?: string | Buffer; env?: Record<string, string>; tty?: boolean },
): Promise<Run> {
  const stdout = options.tty ? terminalSink() : sink();
  const stderr = options.tty ? terminalSink() : sink();
  const code = await main({
    argv,
    cwd: options.cwd,
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {},
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** A fresh copy of a fixture folder in a temporary directory (for tests that write). */
export function copyFixture(name: string): string {
  const target = mkdtempSync(path.join(tmpdir(), 'nutgraf-cli-'));
  cpSync(path.join(fixtures, name), target, { recursive: true });
  return target;
}

/**
 * The built binary: `dist/bin.js` after `npm run build`, or a private build named by
 * `NUTGRAF_BIN` (so the tests run without touching the shared `dist/`).
 */
export const bin =
  process.env.NUTGRAF_BIN ?? fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

/** Whether the binary is built (tests of it skip otherwise). */
export const built = existsSync(bin);

/** Run the built binary in `cwd` with only `PATH` (and `env`) in its environment. */
export function runBin(
  argv: readonly string[],
  options: { cwd: string; stdin?: string | Buffer; env?: Record<string, string>; timeout?: number },
): Run {
  const result = spawnSync(process.execPath, [bin, ...argv], {
    cwd: options.cwd,
    input: options.stdin,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    timeout: options.timeout ?? 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder holding `files` (name → text or bytes). */
export function folderWith(files: Readonly<Record<string, string | Uint8Array>>): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), content);
  }
  return cwd;
}

/**
 * The invented ferry story the CLI tests check: clean under `recommended` as given; `title`
 * changes its headline (all caps draws `headline-all-caps`), `language: false` leaves the
 * `language` line out, `extra` adds frontmatter lines before the closing fence.
 */
export function ferryStory({
  title = 'Harbour Authority Approves Night Ferries',
  language = true,
  extra = '',
}: {
  title?: string;
  language?: boolean;
  extra?: string;
} = {}): string {
  return `---
title: ${title}
author: Dana Whitfield
date: 2026-03-10T09:30:00-05:00
${language ? 'language: en\n' : ''}image:
  url: https://example.com/ferry.jpg
  alt: A ferry at the north pier at night
${extra}---

The port board voted on Tuesday to run ferries after midnight.
`;
}

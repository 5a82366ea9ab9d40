import { cpSync, mkdtempSync } from 'node:fs';
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

/** Run `main()` in-process with fake streams. */
export async function run(
  argv: readonly string[],
  options: { cwd: string; stdin?: string | Buffer; env?: Record<string, string> },
): Promise<Run> {
  const stdout = sink();
  const stderr = sink();
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

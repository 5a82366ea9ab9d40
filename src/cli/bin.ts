#!/usr/bin/env node
import process from 'node:process';
import { isMainThread } from 'node:worker_threads';
import { main } from './index.js';

// The CLI's worker threads load the built module that holds this file: only the main thread runs.
if (isMainThread) {
  main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`nutgraf: internal error: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

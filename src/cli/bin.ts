#!/usr/bin/env node
import process from 'node:process';
import { main } from './index.js';

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

#!/usr/bin/env node
import process from 'node:process';
import { isMainThread } from 'node:worker_threads';
// main.js, not index.js: the index exports the configuration schema, which loads zod.
import { main } from './main.js';

/**
 * A reader that stops early (`nutgraf check … | head -1`) closes the pipe: writing on gives
 * EPIPE, which Node.js would throw as an unhandled error with a stack trace. The output is
 * no longer wanted, so it is dropped and the run ends with its own exit code.
 */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    process.exitCode = 2;
    stream.destroy();
  });
}

// Worker threads do not run the command line.
if (isMainThread) {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  }).then(
    (code) => {
      process.exitCode ??= code;
    },
    (error: unknown) => {
      process.stderr.write(`nutgraf: internal error: ${String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

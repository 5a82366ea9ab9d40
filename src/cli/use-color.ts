import type { Writable } from 'node:stream';

/** Values of `FORCE_COLOR` that turn colours off; any other value (even empty) turns them on. */
const forceColorOff = new Set(['0', 'false']);

/**
 * Whether to colour what is written to `stream`, by the conventions other CLIs share:
 * `NO_COLOR` (not empty) turns colours off, and wins (no-color.org); `FORCE_COLOR` turns them
 * on, even into a pipe, except `FORCE_COLOR=0` or `false` (supports-color, Node.js);
 * `NODE_DISABLE_COLORS` and `TERM=dumb` turn them off; otherwise a terminal gets colours
 * when it has them (`stream.hasColors()`), anything else none.
 *
 * @example
 * useColor(process.stdout, { TERM: 'dumb' }) //=> false
 */
export function useColor(
  stream: Writable,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !forceColorOff.has(env.FORCE_COLOR.toLowerCase());
  if (env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return false;
  const terminal = stream as Writable & {
    isTTY?: boolean;
    hasColors?: (count?: number, env?: object) => boolean;
  };
  if (terminal.isTTY !== true) return false;
  return terminal.hasColors?.(16, { ...env }) ?? true;
}

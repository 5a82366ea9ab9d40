import fc from 'fast-check';

// Property tests explore new random inputs on every local run; in CI they replay a fixed
// seed so that a red build always means a change broke something, not a lucky draw.
// Set FC_SEED to replay a failure reported by fast-check.
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261125' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });

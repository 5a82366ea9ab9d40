export * from './fields/index.js';
export * from './html/index.js';
export * from './jsonld/index.js';
export * from './lint/index.js';
export * from './schema/index.js';
export * from './text/index.js';

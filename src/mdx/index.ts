export { parseMdx } from './parse-mdx.js';

import packageJson from '../../package.json' with { type: 'json' };

/** The nutgraf version. */
export const version: string = packageJson.version;

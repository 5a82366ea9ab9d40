import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { lilconfig } from 'lilconfig';
import {
  configError,
  configFileNames,
  type LoadedConfig,
  type ParsedText,
  parseText,
} from './config-text.js';

/** The validation (zod and the configuration schema), loaded once a configuration is found. */
const validation = () => import('./config.js');

/** Raised by the loaders below to stop the search at a file that cannot be parsed. */
class ConfigSyntaxError extends Error {
  constructor(readonly loaded: LoadedConfig) {
    super('invalid configuration');
  }
}

/**
 * Load the configuration: the file given with `configFile` (relative to `cwd`), or the first
 * of {@link configFileNames} found from `cwd` upward (with lilconfig, which stops at the home
 * folder when `cwd` is under it). Never throws: an unreadable or invalid file gives
 * positioned diagnostics.
 *
 * @example
 * const { config, directory, diagnostics } = await loadConfig({ cwd: process.cwd() })
 */
export async function loadConfig(options: {
  cwd: string;
  configFile?: string | undefined;
}): Promise<LoadedConfig> {
  const none: LoadedConfig = { config: {}, directory: path.resolve(options.cwd), diagnostics: [] };
  if (options.configFile !== undefined) {
    const file = path.resolve(options.cwd, options.configFile);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return {
        config: {},
        file,
        directory: path.dirname(file),
        diagnostics: [configError(file, `Cannot read the configuration file (${reason})`)],
      };
    }
    const isPackage = path.basename(file) === 'package.json';
    const { parseConfig } = await validation();
    return parseConfig(text, file, isPackage ? 'nutgraf' : undefined) ?? none;
  }
  /** Each file the search parsed, with where its keys are. */
  const parsedFiles = new Map<string, ParsedText>();
  const loader = (file: string, text: string) => {
    const parsed = parseText(text, file);
    if (parsed.diagnostics.length > 0) {
      throw new ConfigSyntaxError({
        config: {},
        file,
        directory: path.dirname(file),
        diagnostics: parsed.diagnostics,
      });
    }
    parsedFiles.set(file, parsed);
    return parsed.value;
  };
  const search = lilconfig('nutgraf', {
    searchPlaces: [...configFileNames],
    loaders: { '.json': loader, '.jsonc': loader, '.yaml': loader, '.yml': loader, noExt: loader },
    cache: false,
  });
  try {
    const found = await search.search(path.resolve(options.cwd));
    if (!found) return none;
    const file = found.filepath;
    if (found.isEmpty) return { config: {}, file, directory: path.dirname(file), diagnostics: [] };
    const isPackage = path.basename(file) === 'package.json';
    const { validateConfig } = await validation();
    return validateConfig(
      found.config,
      file,
      parsedFiles.get(file)?.sources ?? {},
      isPackage ? ['nutgraf'] : [],
    );
  } catch (error) {
    if (error instanceof ConfigSyntaxError) return error.loaded;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const file = (error as NodeJS.ErrnoException).path ?? path.resolve(options.cwd);
    return {
      config: {},
      file,
      directory: path.resolve(options.cwd),
      diagnostics: [configError(file, `Cannot read the configuration file (${code})`)],
    };
  }
}

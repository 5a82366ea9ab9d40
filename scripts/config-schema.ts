import { z } from 'zod';
import { configSchema } from '../src/cli/config.js';

/**
 * The JSON Schema of the CLI configuration (`nutgraf.config.json`, `.nutgrafrc.json`,
 * `package.json#nutgraf`), generated from the zod schema the CLI validates with.
 *
 * @example
 * configJsonSchema()['schema/config.schema.json'].title //=> 'nutgraf configuration'
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-07',
  });
  return {
    'schema/config.schema.json': {
      ...schema,
      $id: 'https://unpkg.com/nutgraf/schema/config.schema.json',
    },
  };
}

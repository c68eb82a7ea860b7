// A project's `langlens.schema.json` (docs/formats.md, "Label schemas"): one object with scales, criteria and tasks.
// The same object with "kind": "schema" is a canonical record and may sit in any canonical file.
import { basename } from 'node:path';
import { parseSchema } from '../schema';
import type { ImportFormat } from './format';

export const schemaFileFormat: ImportFormat = {
  name: 'langlens-schema',
  description: "a project's label schema: scales, criteria, annotation tasks (langlens.schema.json)",
  syntaxes: ['json'],
  matches: (name, first) => basename(name).endsWith('.schema.json') && first.kind === undefined,
  open: () => ({ convert: (row, source) => [{ kind: 'schema', ...parseSchema(row), source }] }),
};

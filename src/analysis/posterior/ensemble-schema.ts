/** JSON Schema of the ensemble file (file.ts), checked when a file is read. */
export const ENSEMBLE_FORMAT = 'stockflow-ensemble';

const finite = { type: 'number' } as const;

export const ensembleSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'stockflow ensemble',
  type: 'object',
  required: ['format', 'version', 'kind', 'seed', 'parameters', 'members'],
  properties: {
    format: { const: ENSEMBLE_FORMAT },
    version: { const: 1 },
    kind: { enum: ['posterior', 'prior'] },
    seed: { type: 'integer', minimum: 0 },
    model: { type: 'object', properties: { file: { type: 'string' }, name: { type: 'string' }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } } },
    data: { type: 'object' },
    sampler: { type: 'object' },
    fixed: { type: 'object', additionalProperties: finite },
    convergence: { type: 'object' },
    fit: { type: 'array' },
    parameters: {
      type: 'array', minItems: 1,
      items: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, prior: { type: 'object' }, posterior: { type: 'object' } } },
    },
    members: { type: 'array', minItems: 1, items: { type: 'array', items: finite } },
  },
} as const;

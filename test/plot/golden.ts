/**
 * Golden figures: every number rounded to 4 significant digits, then compared with the
 * JSON file under test/plot/golden/. Regenerate on purpose only:
 *   UPDATE_GOLDEN=1 npx tsx node_modules/uvu/bin.js test/plot
 */
import * as assert from 'uvu/assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { roundDeep } from '../../src/plot/figure.js';

const DIR = fileURLToPath(new URL('./golden/', import.meta.url));

export function matchesGolden(name: string, value: unknown): void {
  const file = `${DIR}${name}.json`;
  const actual = JSON.parse(JSON.stringify(roundDeep(value, 4))) as unknown;
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    if (!process.env.UPDATE_GOLDEN && process.env.CI) assert.unreachable(`golden file ${name}.json is missing (run with UPDATE_GOLDEN=1)`);
    writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
    return;
  }
  assert.equal(actual, JSON.parse(readFileSync(file, 'utf8')), `figure differs from golden/${name}.json (UPDATE_GOLDEN=1 to accept on purpose)`);
}

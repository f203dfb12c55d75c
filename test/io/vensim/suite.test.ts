/**
 * Reads every .mdl model of the SDXorg/test-models suite (never copied into the project;
 * read by path) and checks that the reader never throws and reports only known problems.
 * Also fuzzes the reader with mutated suite files: whatever the damage, readVensim returns
 * diagnostics and never throws. Skips with a message when the suite is absent.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../../src/core/random.js';
import { readVensim } from '../../../src/io/vensim/index.js';

const SUITE = process.env.SD_TEST_MODELS ?? join(process.cwd(), '..', 'shared', 'test-models', 'tests');

/** Suite models the reader refuses on purpose, with the diagnostic code it must give. */
const EXPECTED_ERRORS: Readonly<Record<string, string>> = {
  'get_constants/test_get_constants.mdl': 'external-data', // data.xls/data.csv not in the suite
  'get_data/test_get_data.mdl': 'external-data',
  'get_time_value/test_get_time_value.mdl': 'unsupported-construct', // calendar measures
};

function models(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).sort().flatMap((f) => {
    const r = rel ? `${rel}/${f}` : f;
    return statSync(join(dir, r)).isDirectory() ? models(dir, r) : /\.mdl$/i.test(f) ? [r] : [];
  });
}

if (!existsSync(SUITE)) {
  console.log(`skipping Vensim suite tests: ${SUITE} not found (set SD_TEST_MODELS to the test-models tests/ folder)`);
} else {
  const files = models(SUITE);

  test('every suite model reads without throwing, with only the expected errors', () => {
    const problems: string[] = [];
    for (const f of files) {
      const { model, diagnostics } = readVensim(readFileSync(join(SUITE, f), 'utf8'), join(SUITE, f));
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const expected = EXPECTED_ERRORS[f];
      if (expected) {
        if (!errors.some((d) => d.code === expected)) problems.push(`${f}: expected a ${expected} error`);
      } else if (errors.length || !model) problems.push(`${f}: ${errors[0]?.message}`);
    }
    assert.equal(problems, []);
  });

  test('mutated suite files give diagnostics, never exceptions', () => {
    const rng = createRng(20260601);
    const sample = files.filter((_, i) => i % 7 === 0);
    for (const f of sample) {
      const text = readFileSync(join(SUITE, f), 'utf8');
      for (let round = 0; round < 20; round++) {
        let t = text;
        for (let k = 0; k < 3; k++) {
          const at = Math.floor(rng() * t.length);
          const op = rng();
          const junk = '()[]|~:"\'\\!,;=+-*/^{}'[Math.floor(rng() * 21)];
          t = op < 0.4 ? t.slice(0, at) + t.slice(at + 1 + Math.floor(rng() * 20)) : op < 0.8 ? t.slice(0, at) + junk + t.slice(at) : t.slice(0, at);
        }
        let threw: unknown;
        try {
          const r = readVensim(t, join(SUITE, f));
          assert.ok(Array.isArray(r.diagnostics));
        } catch (e) {
          threw = e;
        }
        assert.is(threw, undefined, `${f} round ${round} threw ${String(threw)}`);
      }
    }
  });
}

test('degenerate inputs give diagnostics, never exceptions', () => {
  for (const t of ['', '|||', '~', '"', 'x[', 'x = (((((', ':MACRO: m(', 'a: (x1-x99999999)', `x = ${'('.repeat(5000)}1${')'.repeat(5000)} ~~|`]) {
    const r = readVensim(t, 'junk.mdl');
    assert.ok(r.diagnostics.some((d) => d.severity === 'error'), `no error for ${JSON.stringify(t.slice(0, 20))}`);
  }
});

test.run();
